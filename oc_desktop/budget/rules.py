"""The budget's rules that vary by office and change over time, as dated settings.

Each is a list of versions stored in the ``setting`` table under its key, each in force
from its ``from`` day until the next one's (the same shape as the staff rules). A stored
list replaces the default whole. A version marked ``to_confirm`` is a figure found in
public sources that an office should check with the provincial finance department.

- ``budget_chart``: the chapters and items a new fiscal year starts from (``CHART`` below,
  to confirm: the state chart of accounts is being rebuilt).
- ``budget_year``: ``start_month`` of the fiscal year (1: the calendar year, since 2017).
- ``budget_voucher_prefix``: the letters before a voucher's number, per kind.
- ``budget_social_security``: the employee's and the state's shares of social security in
  hundredths of a percent (8% = 800, 8.5% = 850, to confirm) and the monthly salary they
  are counted on at most (``ceiling``, None: no ceiling).
- ``budget_allowances``: kip a month per position class (staff records' positions), the
  living allowance (450,000 kip from December 2024) and other named allowances for
  everyone; to confirm.
- ``budget_payroll_item``: the item code a posted payroll is charged to.
- ``budget_warn_percent``: a line used past this share of its plan is highlighted.

``set_rule`` replaces a rule's versions (the administrator, audited as a setting).
"""

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from oc_desktop.dated_rules import DatedRules
from oc_desktop.i18n import _
from oc_desktop.models.db import Database
from oc_desktop.security import Actor, require_write

EPOCH = "1900-01-01"
# (code, name, kind, items): chapters with their items.
CHART: list[dict[str, Any]] = [
    {
        "code": "R1",
        "name": "ລາຍຮັບຈາກງົບປະມານແຂວງ",
        "kind": "revenue",
        "items": [["R1.1", "ງົບປະມານປະຈຳ"], ["R1.2", "ງົບປະມານເພີ່ມເຕີມ"]],
    },
    {
        "code": "R2",
        "name": "ລາຍຮັບອື່ນ",
        "kind": "revenue",
        "items": [["R2.1", "ຄ່າທຳນຽມ ແລະ ຄ່າບໍລິການ"]],
    },
    {
        "code": "60",
        "name": "ເງິນເດືອນ ແລະ ເງິນອຸດໜູນ",
        "kind": "expenditure",
        "items": [
            ["60.1", "ເງິນເດືອນ"],
            ["60.2", "ເງິນອຸດໜູນຕຳແໜ່ງ"],
            ["60.3", "ເງິນອຸດໜູນຄ່າຄອງຊີບ"],
            ["60.4", "ເງິນປະກັນສັງຄົມ"],
        ],
    },
    {
        "code": "62",
        "name": "ຄ່າບໍລິຫານ",
        "kind": "expenditure",
        "items": [
            ["62.1", "ເຄື່ອງໃຊ້ຫ້ອງການ"],
            ["62.2", "ໄຟຟ້າ ແລະ ນ້ຳປະປາ"],
            ["62.3", "ໂທລະສັບ ແລະ ອິນເຕີເນັດ"],
            ["62.4", "ນ້ຳມັນເຊື້ອໄຟ"],
            ["62.5", "ຄ່າເດີນທາງ"],
            ["62.6", "ກອງປະຊຸມ"],
        ],
    },
    {
        "code": "63",
        "name": "ການສ້ອມແປງ",
        "kind": "expenditure",
        "items": [["63.1", "ສ້ອມແປງພາຫະນະ"], ["63.2", "ສ້ອມແປງອາຄານ"]],
    },
    {
        "code": "64",
        "name": "ຊື້ຊັບສິນ",
        "kind": "expenditure",
        "items": [["64.1", "ອຸປະກອນຫ້ອງການ"]],
    },
]

RULE_DEFAULTS: dict[str, list[dict[str, Any]]] = {
    "budget_chart": [{"from": EPOCH, "chapters": CHART, "to_confirm": True}],
    "budget_year": [{"from": EPOCH, "start_month": 1}],
    "budget_voucher_prefix": [{"from": EPOCH, "revenue": "ລຮ", "expenditure": "ລຈ"}],
    "budget_social_security": [
        {"from": EPOCH, "employee_bp": 800, "state_bp": 850, "ceiling": None, "to_confirm": True}
    ],
    "budget_allowances": [
        {
            "from": EPOCH,
            "position": {
                "head": 500_000,
                "deputy_head": 400_000,
                "section_head": 300_000,
                "deputy_section_head": 200_000,
                "staff": 0,
            },
            "living": 0,
            "others": {},
            "to_confirm": True,
        },
        {
            "from": "2024-12-01",
            "position": {
                "head": 500_000,
                "deputy_head": 400_000,
                "section_head": 300_000,
                "deputy_section_head": 200_000,
                "staff": 0,
            },
            "living": 450_000,
            "others": {},
            "to_confirm": True,
        },
    ],
    "budget_payroll_item": [{"from": EPOCH, "code": "60.1"}],
    "budget_warn_percent": [{"from": EPOCH, "percent": 90}],
}


def fiscal_year(session: Session, day: date) -> int:
    """The fiscal year a day falls in, named by the calendar year it ends in."""
    start = int(in_force(session, "budget_year", day)["start_month"])
    return day.year if start == 1 or day.month < start else day.year + 1


def share(amount: int, basis_points: int) -> int:
    """``amount`` × basis points / 10,000 in whole kip, halves rounded up; no float."""
    return (amount * basis_points + 5_000) // 10_000


#: what each version must hold besides ``from`` (and an optional ``to_confirm``)
FIELDS = {
    "budget_chart": ("chapters",),
    "budget_year": ("start_month",),
    "budget_voucher_prefix": ("revenue", "expenditure"),
    "budget_social_security": ("employee_bp", "state_bp"),
    "budget_allowances": ("position", "living"),
    "budget_payroll_item": ("code",),
    "budget_warn_percent": ("percent",),
}
#: whole numbers that must lie in a range, where a version has them
BOUNDS = {
    "start_month": (1, 12),
    "employee_bp": (0, 10_000),
    "state_bp": (0, 10_000),
    "living": (0, 999_999_999),
    "percent": (1, 100),
}


def _problem(_key: str, version: dict[str, Any]) -> str | None:
    for name, (low, high) in BOUNDS.items():
        number = version.get(name)
        if name in version and (
            isinstance(number, bool) or not isinstance(number, int) or not low <= number <= high
        ):
            return _("{name} must be a whole number from {low} to {high}.").format(
                name=name, low=low, high=high
            )
    return None


RULES = DatedRules("budget_rules", RULE_DEFAULTS, FIELDS, _problem)
versions, in_force = RULES.versions, RULES.in_force


def set_rule(db: Database, *, actor: Actor, key: str, value: list[dict[str, Any]]) -> None:
    """Replace rule ``key``'s versions (the administrator, as for every office setting);
    the old and new versions are audited."""
    require_write(actor, "settings")
    RULES.save(db, actor=actor, key=key, value=value, entity="setting", area="settings")

"""The rules of staff administration that vary by office and change over time.

Each is a *dated* setting: a list of versions, each in force from its ``from`` day until
the next one's. Stored in the ``setting`` table under its key (a stored value replaces
the default list whole); the defaults below are what DOMAIN.md found in public sources,
and a version marked ``to_confirm`` is shown so in the settings screen until an office
checks it with its finance department.

- ``staff_step_interval``: years between salary-step promotions (default 2).
- ``staff_retirement_age``: retirement age by sex (``m`` 60, ``f`` 55) and the latest
  age a postponement may reach (``latest`` 65, the 2025 amendment).
- ``staff_evaluation_months``: months between yearly evaluations (default 12).
- ``staff_index_value``: kip per salary-index point (6,700 from 2013; 7,200 from
  1 January 2017; 7,350 from 1 December 2024, its start to be confirmed).
- ``staff_grade_table``: the salary index of each step of each grade. Decree 82/PM's table
  was not found; the default has the teachers' shape (5 grades, 95 steps, grade I with
  25 steps from 156 to 306) and is marked to be confirmed.
"""

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from oc_desktop.dated_rules import DatedRules
from oc_desktop.i18n import _
from oc_desktop.models.db import Database
from oc_desktop.security import Actor, NotAllowed

EPOCH = "1900-01-01"


def _grades() -> dict[str, list[int]]:
    """Five grades in the teachers' shape: (first index, rise per step, steps)."""
    shape = ((156, 6.25, 25), (216, 8, 20), (300, 10, 20), (420, 12, 15), (560, 14, 15))
    return {
        str(number): [round(first + rise * i) for i in range(steps)]
        for number, (first, rise, steps) in enumerate(shape, start=1)
    }


RULE_DEFAULTS: dict[str, list[dict[str, Any]]] = {
    "staff_step_interval": [{"from": EPOCH, "years": 2}],
    "staff_retirement_age": [{"from": EPOCH, "m": 60, "f": 55, "latest": 65}],
    "staff_evaluation_months": [{"from": EPOCH, "months": 12}],
    "staff_index_value": [
        {"from": "2013-01-01", "kip": 6700},
        {"from": "2017-01-01", "kip": 7200},
        {"from": "2024-12-01", "kip": 7350, "to_confirm": True},
    ],
    "staff_grade_table": [{"from": EPOCH, "grades": _grades(), "to_confirm": True}],
}
#: what each version must hold besides ``from`` (and an optional ``to_confirm``)
_FIELDS = {
    "staff_step_interval": ("years",),
    "staff_retirement_age": ("m", "f", "latest"),
    "staff_evaluation_months": ("months",),
    "staff_index_value": ("kip",),
    "staff_grade_table": ("grades",),
}


def _positive(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10**9


def _problem(key: str, version: dict[str, Any]) -> str | None:
    if key == "staff_grade_table":
        grades = version["grades"]
        right = isinstance(grades, dict) and all(
            isinstance(steps, list) and all(_positive(i) for i in steps)
            for steps in grades.values()
        )
    else:
        right = all(_positive(version[f]) for f in _FIELDS[key])
    return None if right else _("A value must be a whole number more than zero.")


RULES = DatedRules("staff_rules", RULE_DEFAULTS, _FIELDS, _problem)
versions, in_force = RULES.versions, RULES.in_force


def salary_index(session: Session, grade: int, step: int, on: date) -> int | None:
    """The index of ``grade``/``step`` in the table in force, or None if it has none."""
    table = in_force(session, "staff_grade_table", on)["grades"]
    steps = table.get(str(grade), [])
    return steps[step - 1] if 1 <= step <= len(steps) else None


def steps_in_grade(session: Session, grade: int, on: date) -> int:
    return len(in_force(session, "staff_grade_table", on)["grades"].get(str(grade), []))


def basic_salary(session: Session, grade: int, step: int, on: date) -> int | None:
    """Kip a month: the step's index times the index value in force on ``on``."""
    index = salary_index(session, grade, step, on)
    if index is None:
        return None
    return index * int(in_force(session, "staff_index_value", on)["kip"])


def set_rule(db: Database, *, actor: Actor, key: str, value: list[dict[str, Any]]) -> None:
    """Replace rule ``key``'s versions (the staff officer or the administrator); audited."""
    if not (actor.may_write("staff") or actor.may_write("settings")):
        raise NotAllowed(f"{actor.username} may not change staff rules")
    RULES.save(db, actor=actor, key=key, value=value, entity="staff_rule", area="staff")

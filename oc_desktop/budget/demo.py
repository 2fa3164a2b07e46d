"""Demo budget: two fiscal years of plans, an amendment, monthly revenue, expenses and
approved payrolls of the people in service, past months closed."""

import random
from contextlib import contextmanager
from datetime import date

from oc_desktop.budget.journal import close_month, record_entry
from oc_desktop.budget.lines import chart, plan_line, start_year
from oc_desktop.budget.payroll import approve_payroll, draft_payroll
from oc_desktop.models.db import Database
from oc_desktop.security import SYSTEM

# item code -> (yearly plan in kip, typical payments a month, payee)
SPENDING = {
    "62.1": (24_000_000, 2, "ຮ້ານເຄື່ອງຂຽນ ສົມໃຈ"),
    "62.2": (36_000_000, 1, "ລັດວິສາຫະກິດໄຟຟ້າລາວ"),
    "62.3": (18_000_000, 1, "ລາວໂທລະຄົມ"),
    "62.4": (48_000_000, 3, "ປ້ຳນ້ຳມັນ ເຊກອງ"),
    "62.5": (60_000_000, 2, "ພະນັກງານເດີນທາງ"),
    "62.6": (30_000_000, 1, "ຫ້ອງປະຊຸມແຂວງ"),
    "63.1": (20_000_000, 1, "ອູ່ສ້ອມແປງລົດ ບຸນມີ"),
}
WORDS = {
    "62.1": "ຊື້ເຈ້ຍ ແລະ ໝຶກພິມ",
    "62.2": "ຄ່າໄຟຟ້າປະຈຳເດືອນ",
    "62.3": "ຄ່າໂທລະສັບ ແລະ ອິນເຕີເນັດ",
    "62.4": "ນ້ຳມັນລົດບໍລິການ",
    "62.5": "ຄ່າເດີນທາງໄປເມືອງ",
    "62.6": "ກອງປະຊຸມສະຫຼຸບວຽກງານ",
    "63.1": "ສ້ອມແປງລົດ",
}


def _ensure_people(db: Database, today: date) -> None:
    """The payroll needs people; when the staff demo made none, add a few."""
    from oc_desktop.budget.payroll import payees_on
    from oc_desktop.staff.history import add_grade, add_position
    from oc_desktop.staff.people import PersonData, save_person

    with db.read() as session:
        if payees_on(session, today):
            return
    people = [
        ("ບຸນເຫຼືອ", "ພົມມະຈັນ", "m", "head", 4, 6),
        ("ຄຳພອນ", "ສີສຸວັນ", "m", "deputy_head", 4, 2),
        ("ນາງ ມະນີວອນ", "ແກ້ວວົງສາ", "f", "section_head", 3, 8),
        ("ສົມສັກ", "ວົງພະຈັນ", "m", "staff", 2, 5),
        ("ນາງ ພອນທິບ", "ຈັນທະວົງ", "f", "staff", 1, 12),
        ("ວິໄລພອນ", "ສຸລິຍະ", "m", "staff", 1, 3),
    ]
    for n, (given, family, sex, position, grade, step) in enumerate(people):
        person = save_person(
            db,
            actor=SYSTEM,
            data=PersonData(
                given_name=given,
                family_name=family,
                sex=sex,
                birth_date=date(1970 + 3 * n, 1 + n, 10),
                service_entry=date(1995 + 3 * n, 9, 1),
                id_card=f"DEMO-{n + 1:04d}",
            ),
        )
        start = date(2018, 1, 1)
        add_position(
            db, actor=SYSTEM, person_id=person, change="appointment", position=position, start=start
        )
        add_grade(
            db, actor=SYSTEM, person_id=person, grade=grade, step=step, start=start, change="start"
        )


def _payroll_plan(db: Database, today: date) -> int:
    """A year of the office's payroll as it stands, rounded up to a million kip."""
    from oc_desktop.budget.payroll import compute, payees_on, rates_on
    from oc_desktop.staff.rules import salary_index

    with db.read() as session:
        pays = compute(
            payees_on(session, today),
            rates=rates_on(session, today),
            index_of=lambda grade, step: salary_index(session, grade, step, today),
        )
    monthly = sum(p.gross + p.state_share for p in pays)
    return -(-monthly * 12 // 1_000_000) * 1_000_000


class _OneTransaction:
    """The database seen from inside one transaction: each operation's unit of work is a
    savepoint, so two years of vouchers are written with one commit, not a thousand."""

    def __init__(self, session) -> None:
        self.session = session

    @contextmanager
    def begin(self):
        with self.session.begin_nested():
            yield self.session
        self.session.expunge_all()  # written: a growing session slows every later flush

    read = begin


def fill_budget(db: Database, rng: random.Random, *, today: date) -> None:
    _ensure_people(db, today)
    with db.begin() as session:
        _fill(_OneTransaction(session), rng, today=today)


def _fill(db, rng: random.Random, *, today: date) -> None:
    payroll = _payroll_plan(db, today)
    spending = sum(amount for amount, _count, _payee in SPENDING.values())
    revenue = -(-(payroll + spending) // 12_000_000) * 12_000_000
    for year in (today.year - 1, today.year):
        start_year(db, actor=SYSTEM, year=year)
        items = {row.code: row.id for row in chart(db, actor=SYSTEM, year=year)}
        planned_on = date(year - 1, 12, 15)
        for code, (amount, _count, _payee) in SPENDING.items():
            plan_line(db, actor=SYSTEM, line_id=items[code], amount=amount, decided_on=planned_on)
        for code, amount in (
            ("60.1", payroll),
            ("R1.1", revenue),
            ("R2.1", 12_000_000),
        ):
            plan_line(db, actor=SYSTEM, line_id=items[code], amount=amount, decided_on=planned_on)
        plan_line(
            db,
            actor=SYSTEM,
            line_id=items["62.4"],
            amount=6_000_000,
            decided_on=date(year, 6, 20),
            decision="ມະຕິເພີ່ມງົບປະມານ ເລກທີ 27/ຄອຂ",
        )
        last_month = 12 if year < today.year else today.month
        for month in range(1, last_month + 1):
            _month(db, rng, items, year, month, today, revenue // 12)
            closable = year < today.year or month < today.month - 1
            if closable:
                close_month(db, actor=SYSTEM, year=year, month=month)
    # the yearly conference takes most of the meetings line: the tab tints it
    record_entry(
        db,
        actor=SYSTEM,
        kind="expenditure",
        entry_date=today,
        line_id=items["62.6"],
        description="ກອງປະຊຸມໃຫຍ່ສະຫຼຸບວຽກງານປະຈຳປີ",
        amount=24_500_000,
        party="ຫ້ອງປະຊຸມແຂວງ",
        approved_by="ຫົວໜ້າຄະນະ",
    )


def _month(db, rng, items, year, month, today, revenue) -> None:
    day = lambda: min(date(year, month, rng.randint(1, 28)), today)  # noqa: E731
    record_entry(
        db,
        actor=SYSTEM,
        kind="revenue",
        entry_date=date(year, month, 2) if date(year, month, 2) <= today else today,
        line_id=items["R1.1"],
        description="ງົບປະມານປະຈຳເດືອນ ຈາກພະແນກການເງິນແຂວງ",
        amount=revenue,
        party="ພະແນກການເງິນແຂວງ",
        approved_by="ຫົວໜ້າຄະນະ",
    )
    for code, (amount, count, payee) in SPENDING.items():
        for _n in range(rng.randint(0, count)):
            record_entry(
                db,
                actor=SYSTEM,
                kind="expenditure",
                entry_date=day(),
                line_id=items[code],
                description=WORDS[code],
                amount=rng.randint(amount // 40, amount // 14) // 1000 * 1000,
                party=payee,
                approved_by="ຫົວໜ້າຄະນະ",
            )
    payday = date(year, month, 25)
    if payday <= today:
        sheet = draft_payroll(db, actor=SYSTEM, year=year, month=month)
        approve_payroll(db, actor=SYSTEM, sheet_id=sheet, entry_date=payday, approved_by="ຫົວໜ້າຄະນະ")

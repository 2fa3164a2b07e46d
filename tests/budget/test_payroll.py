"""Payroll: pay from grade and step in exact kip, posted once as one voucher, reversed
never changed, read from real staff records."""

from datetime import date

import pytest
from helpers.staff import new_person
from sqlalchemy import select

from oc_desktop.budget.journal import voucher
from oc_desktop.budget.payroll import (
    Payee,
    Rates,
    approve_payroll,
    compute,
    draft_payroll,
    payroll_sheet,
    reverse_payroll,
)
from oc_desktop.budget.reports import plan_against_actual
from oc_desktop.models import AuditEntry
from oc_desktop.security import STAFF_OFFICER
from oc_desktop.staff.history import add_grade, add_position
from oc_desktop.validation import ValidationError

RATES = Rates(
    index_value=7_350,
    employee_bp=800,
    state_bp=850,
    ceiling=None,
    position={"head": 500_000, "staff": 0},
    living=450_000,
    others={"ຄ່າໂທລະສັບ": 50_000},
)


def test_pay_is_index_times_value_plus_allowances_less_the_employee_share():
    table = {(1, 1): 156, (2, 3): 233}
    payees = [
        Payee(1, "ກ", "head", 2, 3),
        Payee(2, "ຂ", "staff", 1, 1),
        Payee(3, "ຄ", None, None, None),
    ]
    head, clerk, ungraded = compute(payees, rates=RATES, index_of=lambda g, s: table[(g, s)])
    assert head.base == 233 * 7_350 == 1_712_550
    assert head.employee_share == 137_004  # 1,712,550 × 8% = 137,004
    assert head.state_share == 145_567  # 1,712,550 × 8.5% = 145,566.75, rounded up
    assert head.gross == 1_712_550 + 500_000 + 450_000 + 50_000
    assert head.net == head.gross - 137_004
    assert clerk.base == 1_146_600 and clerk.position_allowance == 0
    assert ungraded.base == 0 and ungraded.employee_share == 0
    assert all(isinstance(v, int) for p in (head, clerk) for v in (p.net, p.state_share))


def test_a_ceiling_caps_what_the_shares_are_counted_on():
    capped = Rates(**{**RATES.__dict__, "ceiling": 1_000_000})
    (pay,) = compute([Payee(1, "ກ", "staff", 2, 3)], rates=capped, index_of=lambda g, s: 233)
    assert pay.employee_share == 80_000 and pay.state_share == 85_000


@pytest.fixture
def staff(db, make_user):
    officer = make_user("officer", [STAFF_OFFICER])
    head = new_person(db, officer, given_name="ບຸນມີ", id_card="1")
    clerk = new_person(db, officer, given_name="ແສງເພັດ", id_card="2")
    new_person(db, officer, given_name="ມາໃໝ່", id_card="3", service_entry=date(2025, 6, 1))
    add_position(
        db,
        actor=officer,
        person_id=head,
        change="appointment",
        position="head",
        start=date(2020, 1, 1),
    )
    add_grade(
        db, actor=officer, person_id=head, grade=3, step=2, start=date(2020, 1, 1), change="start"
    )
    add_grade(
        db, actor=officer, person_id=clerk, grade=1, step=4, start=date(2019, 1, 1), change="start"
    )
    return {"head": head, "clerk": clerk}


def test_a_month_is_computed_approved_posted_and_reversed(db, accountant, items, staff):
    sheet_id = draft_payroll(db, actor=accountant, year=2025, month=3)
    sheet = payroll_sheet(db, actor=accountant, sheet_id=sheet_id)
    # the newcomer of June is not in service in March
    assert {line.person_id for line in sheet.lines} == {staff["head"], staff["clerk"]}
    assert sheet.index_value == 7_350 and sheet.employee_bp == 800 and sheet.state_bp == 850
    head = next(line for line in sheet.lines if line.person_id == staff["head"])
    assert head.position_allowance == 500_000 and head.living_allowance == 450_000
    assert head.net == head.base + 950_000 - head.employee_share
    assert sheet.totals.net == sum(line.net for line in sheet.lines)

    voucher_id = approve_payroll(
        db, actor=accountant, sheet_id=sheet_id, entry_date=date(2025, 3, 28)
    )
    posted = voucher(db, actor=accountant, entry_id=voucher_id)
    assert posted.amount == sheet.totals.gross + sheet.totals.state_share
    assert posted.line_code == "60.1" and posted.number == "ລຈ 1/2025"
    assert payroll_sheet(db, actor=accountant, sheet_id=sheet_id).status == "posted"
    with pytest.raises(ValidationError) as error:
        draft_payroll(db, actor=accountant, year=2025, month=3)
    assert "month" in error.value.errors
    with pytest.raises(ValidationError):
        approve_payroll(db, actor=accountant, sheet_id=sheet_id, entry_date=date(2025, 3, 29))
    rows = {r.line.code: r for r in plan_against_actual(db, actor=accountant, year=2025).rows}
    assert rows["60.1"].actual == posted.amount

    reverse_payroll(
        db, actor=accountant, sheet_id=sheet_id, entry_date=date(2025, 3, 30), reason="ຂັ້ນຜິດ"
    )
    assert payroll_sheet(db, actor=accountant, sheet_id=sheet_id).status == "reversed"
    rows = {r.line.code: r for r in plan_against_actual(db, actor=accountant, year=2025).rows}
    assert rows["60.1"].actual == 0
    again = draft_payroll(db, actor=accountant, year=2025, month=3)
    assert again != sheet_id
    with db.read() as session:
        actions = set(
            session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "payroll_sheet"))
        )
    assert actions == {"compute", "approve", "reverse"}


def test_a_later_month_sees_the_newcomer(db, accountant, items, staff):
    sheet = payroll_sheet(
        db, actor=accountant, sheet_id=draft_payroll(db, actor=accountant, year=2025, month=7)
    )
    assert len(sheet.lines) == 3
    newcomer = next(line for line in sheet.lines if line.grade is None)
    assert newcomer.base == 0

"""The monthly salary sheet (ເງິນເດືອນ): each person's grade and step index times the
index value in force, plus allowances, less the employee's social-security share, with
the state's share shown. Approving posts one voucher; a posted sheet is never changed,
only reversed (its voucher with it), after which the month may be computed again.

``compute`` works on a plain list of ``Payee`` (anyone with a position, grade and step)
and the rules in force; ``draft_payroll`` feeds it from staff records.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from oc_desktop import audit
from oc_desktop.budget import AREA_KEY
from oc_desktop.budget.common import check_month, check_writer, check_year
from oc_desktop.budget.journal import reverse_in, write_entry
from oc_desktop.budget.rules import fiscal_year, in_force, share
from oc_desktop.i18n import N_, _
from oc_desktop.models import BudgetLine, JournalEntry, PayrollLine, PayrollSheet
from oc_desktop.models.base import utcnow
from oc_desktop.models.budget import DRAFT, POSTED, REVERSED
from oc_desktop.models.db import Database
from oc_desktop.security import Actor, require_read
from oc_desktop.validation import Checker

ENTITY = "payroll_sheet"


@dataclass(frozen=True)
class Payee:
    person_id: int | None
    name: str
    position: str | None  # the position-allowance class (staff records' positions)
    grade: int | None
    step: int | None


@dataclass(frozen=True)
class Pay:
    payee: Payee
    salary_index: int
    base: int
    position_allowance: int
    living_allowance: int
    other_allowances: int
    employee_share: int
    state_share: int

    @property
    def gross(self) -> int:
        return self.base + self.position_allowance + self.living_allowance + self.other_allowances

    @property
    def net(self) -> int:
        return self.gross - self.employee_share


@dataclass(frozen=True)
class Rates:
    index_value: int  # kip per index point
    employee_bp: int  # hundredths of a percent
    state_bp: int
    ceiling: int | None  # the salary social security is counted on at most
    position: dict  # position class -> kip
    living: int
    others: dict  # name -> kip, for everyone


def compute(payees: list[Payee], *, rates: Rates, index_of: Callable[[int, int], int | None]):
    """Each payee's pay in whole kip; shares rounded half up on the (capped) salary."""
    result = []
    for payee in payees:
        index = 0
        if payee.grade is not None and payee.step is not None:
            index = index_of(payee.grade, payee.step) or 0
        base = index * rates.index_value
        counted = base if rates.ceiling is None else min(base, int(rates.ceiling))
        result.append(
            Pay(
                payee=payee,
                salary_index=index,
                base=base,
                position_allowance=int(rates.position.get(payee.position or "", 0)),
                living_allowance=int(rates.living),
                other_allowances=sum(int(v) for v in rates.others.values()),
                employee_share=share(counted, rates.employee_bp),
                state_share=share(counted, rates.state_bp),
            )
        )
    return result


def rates_on(session: Session, on: date) -> Rates:
    from oc_desktop.staff.rules import in_force as staff_rule

    social = in_force(session, "budget_social_security", on)
    allowances = in_force(session, "budget_allowances", on)
    return Rates(
        index_value=int(staff_rule(session, "staff_index_value", on)["kip"]),
        employee_bp=int(social["employee_bp"]),
        state_bp=int(social["state_bp"]),
        ceiling=social.get("ceiling"),
        position=dict(allowances["position"]),
        living=int(allowances["living"]),
        others=dict(allowances.get("others") or {}),
    )


def payees_on(session: Session, on: date) -> list[Payee]:
    from oc_desktop.staff.queries import in_service

    return [
        Payee(
            p.person_id,
            f"{p.given_name} {p.family_name}".strip(),
            p.position,
            p.grade,
            p.step,
        )
        for p in in_service(session, on)
    ]


def _month_label(year: int, month: int) -> str:
    return f"{month:02d}/{year}"


def _posted(session: Session, year: int, month: int) -> PayrollSheet | None:
    return session.scalar(
        select(PayrollSheet).where(
            PayrollSheet.year == year, PayrollSheet.month == month, PayrollSheet.status == POSTED
        )
    )


def draft_payroll(db: Database, *, actor: Actor, year: int, month: int) -> int:
    """Compute (or compute again) the month's sheet from who is in service on its first
    day. Refused when the month's payroll is posted."""
    from oc_desktop.staff.rules import salary_index

    check = Checker()
    check_year(check, year)
    check_month(check, month)
    check_writer(check, actor, "month")
    check.done()
    first_day = date(year, month, 1)
    with db.begin() as session:
        if _posted(session, year, month) is not None:
            check.fail(
                "month",
                _("The payroll of {month} is posted; reverse it first.").format(
                    month=_month_label(year, month)
                ),
            )
            check.done()
        rates = rates_on(session, first_day)
        pays = compute(
            payees_on(session, first_day),
            rates=rates,
            index_of=lambda grade, step: salary_index(session, grade, step, first_day),
        )
        sheet = session.scalar(
            select(PayrollSheet).where(
                PayrollSheet.year == year, PayrollSheet.month == month, PayrollSheet.status == DRAFT
            )
        )
        if sheet is None:
            sheet = PayrollSheet(year=year, month=month, status=DRAFT, created_by=actor.user_id)
            session.add(sheet)
        sheet.index_value, sheet.employee_bp, sheet.state_bp = (
            rates.index_value,
            rates.employee_bp,
            rates.state_bp,
        )
        session.flush()
        session.execute(delete(PayrollLine).where(PayrollLine.sheet_id == sheet.id))
        for pay in pays:
            session.add(
                PayrollLine(
                    sheet_id=sheet.id,
                    person_id=pay.payee.person_id,
                    name=pay.payee.name,
                    position=pay.payee.position or "",
                    grade=pay.payee.grade,
                    step=pay.payee.step,
                    salary_index=pay.salary_index,
                    base=pay.base,
                    position_allowance=pay.position_allowance,
                    living_allowance=pay.living_allowance,
                    other_allowances=pay.other_allowances,
                    employee_share=pay.employee_share,
                    state_share=pay.state_share,
                    net=pay.net,
                )
            )
        audit.record(
            session,
            actor=actor,
            action="compute",
            entity=ENTITY,
            entity_id=sheet.id,
            area=AREA_KEY,
            new={
                "month": _month_label(year, month),
                "people": len(pays),
                "total": sum(p.gross for p in pays),
            },
        )
        return sheet.id


@dataclass(frozen=True)
class SheetTotals:
    base: int
    allowances: int
    gross: int
    employee_share: int
    state_share: int
    net: int

    @property
    def cost(self) -> int:
        """What the budget pays: the gross pay and the state's share."""
        return self.gross + self.state_share


@dataclass(frozen=True)
class Sheet:
    id: int
    year: int
    month: int
    status: str
    index_value: int
    employee_bp: int
    state_bp: int
    lines: list[PayrollLine]
    voucher: str  # the posted voucher's number, or ""
    totals: SheetTotals


def _totals(lines) -> SheetTotals:
    base = sum(line.base for line in lines)
    allowances = sum(
        line.position_allowance + line.living_allowance + line.other_allowances for line in lines
    )
    return SheetTotals(
        base=base,
        allowances=allowances,
        gross=base + allowances,
        employee_share=sum(line.employee_share for line in lines),
        state_share=sum(line.state_share for line in lines),
        net=sum(line.net for line in lines),
    )


def _sheet(session: Session, sheet: PayrollSheet) -> Sheet:
    lines = list(
        session.scalars(
            select(PayrollLine).where(PayrollLine.sheet_id == sheet.id).order_by(PayrollLine.id)
        )
    )
    for line in lines:
        session.expunge(line)
    number = session.scalar(
        select(JournalEntry.number)
        .where(JournalEntry.payroll_id == sheet.id, JournalEntry.reverses_id.is_(None))
        .limit(1)
    )
    return Sheet(
        sheet.id,
        sheet.year,
        sheet.month,
        sheet.status,
        sheet.index_value,
        sheet.employee_bp,
        sheet.state_bp,
        lines,
        number or "",
        _totals(lines),
    )


def payroll_sheet(db: Database, *, actor: Actor, sheet_id: int) -> Sheet | None:
    require_read(actor, AREA_KEY)
    with db.read() as session:
        sheet = session.get(PayrollSheet, sheet_id)
        return _sheet(session, sheet) if sheet is not None else None


def sheets_of(db: Database, *, actor: Actor, year: int) -> list[Sheet]:
    require_read(actor, AREA_KEY)
    with db.read() as session:
        found = session.scalars(
            select(PayrollSheet)
            .where(PayrollSheet.year == year)
            .order_by(PayrollSheet.month, PayrollSheet.id)
        )
        return [_sheet(session, s) for s in found]


def approve_payroll(
    db: Database, *, actor: Actor, sheet_id: int, entry_date: date, approved_by: str = ""
) -> int:
    """Post the sheet as one expenditure voucher on the payroll item (setting
    ``budget_payroll_item``) for its cost; returns the voucher's id."""
    check = Checker()
    approved_by = check.text(
        "approved_by", approved_by, max_length=200, required=False, one_line=True
    )
    check.day("entry_date", entry_date)
    check_writer(check, actor, "entry_date")
    check.done()
    with db.begin() as session:
        message = _("Only a computed sheet that is not posted is approved.")
        sheet = check.row(session, PayrollSheet, "entry_date", sheet_id, message=message)
        if sheet is None or sheet.status != DRAFT:
            check.fail("entry_date", message)
            check.done()
        if _posted(session, sheet.year, sheet.month) is not None:
            check.fail("entry_date", _("This month's payroll is posted already."))
            check.done()
        view = _sheet(session, sheet)
        if not view.lines or view.totals.cost <= 0:
            check.fail("entry_date", _("The sheet has nobody to pay."))
            check.done()
        year = fiscal_year(session, entry_date)
        code = in_force(session, "budget_payroll_item", entry_date)["code"]
        line_id = session.scalar(
            select(BudgetLine.id).where(BudgetLine.year == year, BudgetLine.code == code)
        )
        if line_id is None:
            check.fail(
                "entry_date",
                _("The year {year} has no item {code} for salaries.").format(year=year, code=code),
            )
            check.done()
        entry = write_entry(
            session,
            actor,
            check,
            kind="expenditure",
            entry_date=entry_date,
            line_id=line_id,
            description=_("Salaries of {month}, {people} people").format(
                month=_month_label(sheet.year, sheet.month), people=len(view.lines)
            ),
            amount=view.totals.cost,
            party=_("Staff"),
            approved_by=approved_by,
            payroll_id=sheet.id,
        )
        sheet.status, sheet.approved_at, sheet.approved_by = POSTED, utcnow(), actor.user_id
        audit.record(
            session,
            actor=actor,
            action="approve",
            entity=ENTITY,
            entity_id=sheet.id,
            area=AREA_KEY,
            old={"status": DRAFT},
            new={"status": POSTED, "number": entry.number, "total": view.totals.cost},
        )
        return entry.id


def reverse_payroll(
    db: Database, *, actor: Actor, sheet_id: int, entry_date: date, reason: str
) -> int:
    """Reverse a posted sheet's voucher and mark the sheet reversed; returns the
    reversing voucher's id."""
    check = Checker()
    reason = check.text("reason", reason, max_length=300)
    check.day("entry_date", entry_date)
    check_writer(check, actor, "reason")
    check.done()
    with db.begin() as session:
        message = _("Only a posted payroll is reversed.")
        sheet = check.row(session, PayrollSheet, "reason", sheet_id, message=message)
        if sheet is None or sheet.status != POSTED:
            check.fail("reason", message)
            check.done()
        posted = session.scalar(
            select(JournalEntry.id).where(
                JournalEntry.payroll_id == sheet.id, JournalEntry.reverses_id.is_(None)
            )
        )
        entry = reverse_in(
            session, actor, check, entry_id=posted, entry_date=entry_date, reason=reason
        )
        sheet.status = REVERSED
        audit.record(
            session,
            actor=actor,
            action="reverse",
            entity=ENTITY,
            entity_id=sheet.id,
            area=AREA_KEY,
            old={"status": POSTED},
            new={"status": REVERSED, "number": entry.number},
        )
        return entry.id


#: the rules a sheet is computed from, as the clerk names them
RATE_NAMES = {
    "staff_index_value": N_("the index value"),
    "staff_grade_table": N_("the grade and step table"),
    "budget_social_security": N_("the social-security shares"),
    "budget_allowances": N_("the allowances"),
}


def rates_to_confirm(db: Database, *, year: int, month: int) -> list[str]:
    """The rules in force for the month still marked to be confirmed, in words."""
    from oc_desktop.staff.rules import in_force as staff_rule

    on = date(year, month, 1)
    with db.read() as session:
        found = [
            key
            for key in RATE_NAMES
            if (staff_rule if key.startswith("staff_") else in_force)(session, key, on).get(
                "to_confirm"
            )
        ]
    return [_(RATE_NAMES[key]) for key in found]

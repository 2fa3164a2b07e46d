"""`oc-desktop print budget-journal|plan-vs-actual|payroll|voucher`: the budget's
printouts from a script, for a signed-in accountant or head."""

from pathlib import Path

from sqlalchemy import select

from oc_desktop.budget.printouts import (
    print_journal,
    print_payroll,
    print_plan_vs_actual,
    print_voucher,
)
from oc_desktop.i18n import _
from oc_desktop.models import PayrollSheet
from oc_desktop.registers.books import DateRange


class Refused(ValueError):
    """What was asked cannot be printed; the message is in the user's language."""


def print_budget(db, out: Path, *, actor, what: str, start, end, entry_id) -> int:
    """Build ``what``; ``start``/``end`` (dates) name the period, ``entry_id`` the voucher.
    Plan against actual covers the fiscal year of ``start`` up to the month of ``end``;
    payroll prints the sheet of the month ``start`` falls in."""
    if what == "voucher":
        if entry_id is None:
            raise Refused(_("Name the voucher with --id."))
        try:
            return print_voucher(db, out, actor=actor, entry_id=entry_id)
        except LookupError:
            raise Refused(_("There is no voucher {id}.").format(id=entry_id)) from None
    if start is None or (end is None and what != "payroll"):
        raise Refused(_("Give the period with --from and --to."))
    if end is not None and end < start:
        raise Refused(_("The last day comes before the first."))
    if what == "budget-journal":
        return print_journal(db, out, actor=actor, span=DateRange(start, end))
    if what == "plan-vs-actual":
        return print_plan_vs_actual(db, out, actor=actor, year=start.year, last_month=end.month)
    with db.read() as session:
        sheet = session.scalar(
            select(PayrollSheet.id)
            .where(
                PayrollSheet.year == start.year,
                PayrollSheet.month == start.month,
                PayrollSheet.status != "reversed",
            )
            .order_by(PayrollSheet.id.desc())
        )
    if sheet is None:
        raise Refused(_("There is no payroll for the month of --from."))
    return print_payroll(db, out, actor=actor, sheet_id=sheet)

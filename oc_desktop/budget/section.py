"""The budget as an area of the program: roles, tables, audit words, tab."""

from oc_desktop.i18n import N_
from oc_desktop.sections import Area
from oc_desktop.security import ACCOUNTANT, HEAD

KINDS = {"revenue": N_("Revenue"), "expenditure": N_("Expenditure")}
PLAN_KINDS = {"initial": N_("First plan"), "amendment": N_("Amendment")}

AREA = Area(
    key="budget",
    label=N_("Budget"),
    writers=frozenset({ACCOUNTANT}),
    readers=frozenset({HEAD}),
    traced={"budget_journal": frozenset()},
    tables={
        "budget_line": N_("Budget lines"),
        "budget_plan": N_("Budget plan"),
        "budget_journal": N_("Revenue and expenditure journal"),
        "budget_closed_month": N_("Closed months"),
        "payroll_sheet": N_("Payroll sheets"),
        "payroll_line": N_("Payroll lines"),
    },
    entities={
        "budget_year": N_("Budget year"),
        "budget_line": N_("Budget line"),
        "budget_plan": N_("Budget plan"),
        "budget_journal": N_("Voucher"),
        "budget_month": N_("Month closed"),
        "payroll_sheet": N_("Payroll sheet"),
        "budget_report": N_("Plan against actual"),
        "budget_journal_book": N_("Revenue and expenditure journal"),
    },
    fields={
        "year": N_("Year"),
        "lines": N_("Lines"),
        "copied_from": N_("Copied from the year"),
        "code": N_("Code"),
        "name": N_("Name"),
        "kind": N_("Kind"),
        "line": N_("Line"),
        "line_id": N_("Line (record no.)"),
        "amount": N_("Amount (kip)"),
        "decided_on": N_("Decided on"),
        "decision": N_("Decision"),
        "number": N_("Number"),
        "entry_date": N_("Date"),
        "description": N_("Description"),
        "party": N_("Payer or payee"),
        "approved_by": N_("Approved by"),
        "reverses_id": N_("Reverses (record no.)"),
        "payroll_id": N_("Payroll (record no.)"),
        "scan_sha256": N_("Checksum (SHA-256)"),
        "month": N_("Month"),
        "status": N_("Status"),
        "people": N_("People"),
        "total": N_("Total (kip)"),
        "from": N_("From"),
        "to": N_("To"),
        "entries": N_("Entries"),
    },
    coded={"kind": {**KINDS, **PLAN_KINDS}},
    dates=frozenset({"decided_on", "entry_date", "from", "to"}),
    tab="oc_desktop.ui.budget:make_tab",
    exchange={"budget": "oc_desktop.budget.exchange:JOURNAL"},
)

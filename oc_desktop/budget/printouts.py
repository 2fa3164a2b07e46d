"""The budget's printouts: plan against actual, the payroll sheet, the journal of a
period; each through ``oc_desktop.printing`` and recorded in the audit trail."""

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm

from oc_desktop import audit
from oc_desktop.audit.anchors import printed_anchor
from oc_desktop.budget import AREA_KEY
from oc_desktop.budget.journal import voucher
from oc_desktop.budget.journal_query import entries_between
from oc_desktop.budget.payroll import payroll_sheet, rates_to_confirm
from oc_desktop.budget.reports import plan_against_actual, share_text
from oc_desktop.budget.words import kip_words
from oc_desktop.formatting import format_date, format_int, format_kip
from oc_desktop.i18n import _
from oc_desktop.models.db import Database
from oc_desktop.printing import Column, Cover
from oc_desktop.printing.statement import build_statement
from oc_desktop.profile import SignerRow, load_profile
from oc_desktop.registers.books import DateRange, print_book
from oc_desktop.security import Actor, require_read


def _record(db: Database, actor: Actor, entity: str, entity_id: str, new: dict) -> None:
    with db.begin() as session:
        audit.record(
            session,
            actor=actor,
            action="print",
            entity=entity,
            entity_id=entity_id,
            area=AREA_KEY,
            new=new,
        )


def _signers(db: Database, actor: Actor) -> list[SignerRow]:
    profile = load_profile(db)
    return [SignerRow(None, _("Prepared by"), actor.full_name), *profile.signers[:1]]


def print_plan_vs_actual(
    db: Database,
    out: Path,
    *,
    actor: Actor,
    year: int,
    last_month: int = 12,
    first_month: int = 1,
) -> int:
    """ລາຍຮັບ-ລາຍຈ່າຍ: each line's plan, actual, difference and share used."""
    require_read(actor, AREA_KEY)
    report = plan_against_actual(
        db, actor=actor, year=year, first_month=first_month, last_month=last_month
    )
    columns = [
        Column(_("Code"), mm=16),
        Column(_("Line")),
        Column(_("Plan (kip)"), mm=30, align="right"),
        Column(_("Actual (kip)"), mm=30, align="right"),
        Column(_("Difference"), mm=30, align="right"),
        Column(_("Used"), mm=16, align="right"),
    ]
    rows = []
    chapter = _("{name} (chapter)")
    for kind in ("revenue", "expenditure"):
        total = report.total(kind)
        rows.append(
            [
                "",
                _("Total revenue") if kind == "revenue" else _("Total expenditure"),
                format_kip(total.planned),
                format_kip(total.actual),
                format_kip(total.difference),
                share_text(total.per_mille),
            ]
        )
        for row in (r for r in report.rows if r.line.kind == kind):
            name = row.line.name if row.line.parent_id else chapter.format(name=row.line.name)
            rows.append(
                [
                    row.line.code,
                    name,
                    format_kip(row.planned),
                    format_kip(row.actual),
                    format_kip(row.difference),
                    share_text(row.per_mille),
                ]
            )
    revenue, expenditure = report.total("revenue"), report.total("expenditure")
    closing = [
        _("Revenue received: {amount} kip ({words}).").format(
            amount=format_kip(revenue.actual), words=kip_words(revenue.actual)
        ),
        _("Expenditure paid: {amount} kip ({words}).").format(
            amount=format_kip(expenditure.actual), words=kip_words(expenditure.actual)
        ),
        _("Cash position: {amount} kip ({words}).").format(
            amount=format_kip(report.cash), words=kip_words(report.cash)
        ),
    ]
    pages, _writer = build_statement(
        out,
        trail_anchor=printed_anchor(db),
        profile=load_profile(db),
        title=_("Summary of revenue and expenditure against the plan"),
        subtitle=_("Fiscal year {year}, months {first} to {last}").format(
            year=year, first=format_int(first_month), last=format_int(last_month)
        ),
        columns=columns,
        rows=rows,
        closing=closing,
        signers=_signers(db, actor),
        day=date.today(),
    )
    _record(
        db,
        actor,
        "budget_report",
        f"{year}/{first_month}-{last_month}",
        {"year": year, "from": first_month, "to": last_month},
    )
    return pages


def print_payroll(db: Database, out: Path, *, actor: Actor, sheet_id: int) -> int:
    """The month's salary sheet, one line per person, with its totals in words."""
    sheet = payroll_sheet(db, actor=actor, sheet_id=sheet_id)
    if sheet is None:
        raise LookupError(sheet_id)
    columns = [
        Column(_("No."), mm=9, align="right"),
        Column(_("Name"), width=2.2),
        Column(_("Grade/step"), mm=17, align="center"),
        Column(_("Index"), mm=12, align="right"),
        Column(_("Salary"), width=1.1, align="right"),
        Column(_("Position allowance"), width=1.1, align="right"),
        Column(_("Living allowance"), width=1.1, align="right"),
        Column(_("Other allowances"), width=1.0, align="right"),
        Column(_("Employee's social security"), width=1.1, align="right"),
        Column(_("Net pay"), width=1.1, align="right"),
        Column(_("State's social security"), width=1.1, align="right"),
        Column(_("Signature"), width=1.0),
    ]
    rows = []
    for number, line in enumerate(sheet.lines, 1):
        grade = f"{line.grade}/{line.step}" if line.grade is not None else "—"
        rows.append(
            [
                format_int(number),
                line.name,
                grade,
                format_int(line.salary_index),
                format_kip(line.base),
                format_kip(line.position_allowance),
                format_kip(line.living_allowance),
                format_kip(line.other_allowances),
                format_kip(line.employee_share),
                format_kip(line.net),
                format_kip(line.state_share),
                "",
            ]
        )
    t = sheet.totals
    rows.append(
        [
            "",
            _("Total"),
            "",
            "",
            format_kip(t.base),
            format_kip(sum(x.position_allowance for x in sheet.lines)),
            format_kip(sum(x.living_allowance for x in sheet.lines)),
            format_kip(sum(x.other_allowances for x in sheet.lines)),
            format_kip(t.employee_share),
            format_kip(t.net),
            format_kip(t.state_share),
            "",
        ]
    )
    closing = [
        _(
            "Index value: {value} kip a point. Social security: {employee} from the employee, "
            "{state} from the state."
        ).format(
            value=format_kip(sheet.index_value),
            employee=share_text(sheet.employee_bp // 10),
            state=share_text(sheet.state_bp // 10),
        ),
        _("Net pay in words: {words}.").format(words=kip_words(t.net)),
        _("Cost to the budget (gross pay and the state's share): {amount} kip ({words}).").format(
            amount=format_kip(t.cost), words=kip_words(t.cost)
        ),
    ]
    unsure = rates_to_confirm(db, year=sheet.year, month=sheet.month)
    if unsure:
        closing.append(
            _("To confirm with the finance department: {rules}.").format(rules=", ".join(unsure))
        )
    if sheet.voucher:
        closing.append(_("Posted as voucher {number}.").format(number=sheet.voucher))
    pages, _writer = build_statement(
        out,
        trail_anchor=printed_anchor(db),
        profile=load_profile(db),
        title=_("Salary sheet"),
        subtitle=_("Month {month}").format(month=f"{sheet.month:02d}/{sheet.year}"),
        columns=columns,
        rows=rows,
        closing=closing,
        signers=_signers(db, actor),
        day=date.today(),
        landscape=True,
    )
    _record(db, actor, "payroll_sheet", str(sheet_id), {"month": f"{sheet.month:02d}/{sheet.year}"})
    return pages


def print_journal(db: Database, out: Path, *, actor: Actor, span: DateRange, **job) -> int:
    """The journal of a period as a book: every voucher in number order."""
    entries = entries_between(db, actor=actor, start=span.start, end=span.end)
    columns = [
        Column(_("Number"), mm=26),
        Column(_("Date"), mm=22),
        Column(_("Item"), width=1.3),
        Column(_("Description"), width=2.0),
        Column(_("Payer or payee"), width=1.3),
        Column(_("Revenue (kip)"), mm=30, align="right"),
        Column(_("Expenditure (kip)"), mm=30, align="right"),
    ]

    def cells(v):
        revenue = format_kip(v.amount) if v.kind == "revenue" else ""
        spent = format_kip(v.amount) if v.kind == "expenditure" else ""
        return [
            v.number,
            format_date(v.entry_date),
            f"{v.line_code} {v.line_name}",
            v.description,
            v.party,
            revenue,
            spent,
        ]

    return print_book(
        db,
        out,
        actor=actor,
        area=AREA_KEY,
        entity="budget_journal_book",
        span=span,
        title=_("Journal of revenue and expenditure"),
        columns=columns,
        cover=Cover(
            title=_("Journal of revenue and expenditure"),
            year=span.start.year,
            date_from=span.start,
            date_to=span.end,
            first_number=entries[0].number if entries else None,
            last_number=entries[-1].number if entries else None,
        ),
        rows=(cells(v) for v in entries),
        total=len(entries),
        min_row_height=7 * mm,
        **job,
    )


def print_voucher(db: Database, out: Path, *, actor: Actor, entry_id: int) -> int:
    """One voucher (ໃບລາຍຮັບ / ໃບລາຍຈ່າຍ) with its amount in words, to sign."""
    found = voucher(db, actor=actor, entry_id=entry_id)
    if found is None:
        raise LookupError(entry_id)
    title = _("Revenue voucher") if found.kind == "revenue" else _("Expenditure voucher")
    rows = [
        [_("Date"), format_date(found.entry_date)],
        [_("Item"), f"{found.line_code} {found.line_name}"],
        [_("Description"), found.description],
        [_("Payer or payee"), found.party],
        [_("Amount (kip)"), format_kip(found.amount)],
        [_("Amount in words"), kip_words(found.amount)],
        [_("Approved by"), found.approved_by],
    ]
    if found.reverses:
        rows.append([_("Reversal"), _("reverses {number}").format(number=found.reverses)])
    if found.reversed_by:
        rows.append([_("Reversal"), _("reversed by {number}").format(number=found.reversed_by)])
    profile = load_profile(db)
    party = _("Payer") if found.kind == "revenue" else _("Received by")
    signers = [
        SignerRow(None, party, found.party),
        SignerRow(None, _("Accountant"), actor.full_name),
        *profile.signers[:1],
    ]
    pages, _writer = build_statement(
        out,
        trail_anchor=printed_anchor(db),
        profile=profile,
        title=title,
        subtitle=_("No. {number}").format(number=found.number),
        columns=[Column(_("Particulars"), mm=45), Column(_("Details"))],
        rows=rows,
        signers=signers,
        day=found.entry_date,
    )
    _record(db, actor, "budget_journal", str(entry_id), {"number": found.number})
    return pages

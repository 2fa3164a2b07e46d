"""Plan against actual (ລາຍຮັບ-ລາຍຈ່າຍ) per item for a period of the fiscal year, the
cash position, and the same totals by month to check one against the other."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import extract, func, select

from oc_desktop.budget import AREA_KEY
from oc_desktop.budget.lines import LineRow, chart
from oc_desktop.budget.rules import in_force
from oc_desktop.formatting import digits
from oc_desktop.models import JournalEntry
from oc_desktop.models.db import Database
from oc_desktop.security import Actor, require_read

#: the periods the report offers: months from the start of the year
PERIODS = (1, 3, 6, 9, 12)


@dataclass(frozen=True)
class ReportRow:
    line: LineRow
    planned: int
    actual: int

    @property
    def difference(self) -> int:
        return self.planned - self.actual

    @property
    def per_mille(self) -> int | None:
        """The share of the plan used, in tenths of a percent (no float); None: no plan."""
        if self.planned <= 0:
            return None
        return self.actual * 1000 // self.planned


@dataclass(frozen=True)
class Report:
    year: int
    first_month: int
    last_month: int
    rows: list[ReportRow]
    warn_percent: int

    def total(self, kind: str) -> ReportRow:
        items = [r for r in self.rows if r.line.parent_id is None and r.line.kind == kind]
        fake = LineRow(0, None, "", "", kind, 0, 0, True)
        return ReportRow(fake, sum(r.planned for r in items), sum(r.actual for r in items))

    @property
    def cash(self) -> int:
        """Revenue received less expenditure paid in the period."""
        return self.total("revenue").actual - self.total("expenditure").actual

    def warning(self, row: ReportRow) -> str:
        """'over' past the plan, 'near' past ``warn_percent`` of it, else ''."""
        if row.line.kind != "expenditure":
            return ""
        if row.actual > row.planned:
            return "over"
        share = row.per_mille
        return "near" if share is not None and share >= self.warn_percent * 10 else ""


def share_text(per_mille: int | None) -> str:
    """73,9% (a decimal comma, as kip use dots for thousands); "" without a plan."""
    if per_mille is None:
        return ""
    whole, tenth = divmod(per_mille, 10)
    return digits(f"{whole},{tenth}%")


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, 1)


def fiscal_span(session, year: int, first_month: int, last_month: int) -> tuple[date, date]:
    """The days of months ``first_month``..``last_month`` of fiscal year ``year`` (months
    counted from the year's start, setting ``budget_year``): [start, end)."""
    start_month = int(in_force(session, "budget_year", date(year, 1, 1))["start_month"])
    begin = date(year, 1, 1) if start_month == 1 else date(year - 1, start_month, 1)
    return _add_months(begin, first_month - 1), _add_months(begin, last_month)


def _month(column):
    return extract("month", column)


def actual_by_item_and_month(db: Database, *, actor: Actor, year: int) -> dict:
    """(line id, month) -> kip, from the journal (reversals included)."""
    require_read(actor, AREA_KEY)
    with db.read() as session:
        rows = session.execute(
            select(
                JournalEntry.line_id,
                _month(JournalEntry.entry_date),
                func.sum(JournalEntry.amount),
            )
            .where(JournalEntry.period == year)
            .group_by(JournalEntry.line_id, _month(JournalEntry.entry_date))
        ).all()
    return {(line, int(month)): int(total) for line, month, total in rows}


def plan_against_actual(
    db: Database, *, actor: Actor, year: int, last_month: int = 12, first_month: int = 1
) -> Report:
    """Every line's year plan and what the journal holds for it in months ``first_month``
    to ``last_month`` of the fiscal year; a chapter sums its items."""
    lines = chart(db, actor=actor, year=year)
    with db.read() as session:
        start, end = fiscal_span(session, year, first_month, last_month)
        # read from the index (period, line_id, entry_date, amount), never the table
        actual = dict(
            session.execute(
                select(JournalEntry.line_id, func.sum(JournalEntry.amount))
                .where(
                    JournalEntry.period == year,
                    JournalEntry.entry_date >= start,
                    JournalEntry.entry_date < end,
                )
                .group_by(JournalEntry.line_id)
            ).all()
        )
        warn = int(in_force(session, "budget_warn_percent", date(year, 1, 1))["percent"])
    rows: list[ReportRow] = []
    chapter_at = None
    for line in lines:
        if line.parent_id is None:
            chapter_at = len(rows)
            rows.append(ReportRow(line, line.planned, 0))
        else:
            spent = int(actual.get(line.id, 0))
            rows.append(ReportRow(line, line.planned, spent))
            chapter = rows[chapter_at]
            rows[chapter_at] = ReportRow(chapter.line, chapter.planned, chapter.actual + spent)
    return Report(year, first_month, last_month, rows, warn)

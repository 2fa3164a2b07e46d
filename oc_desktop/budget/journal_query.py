"""Reading the journal a page at a time: a year, a kind, a month, words typed."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, extract, func, or_, select
from sqlalchemy.orm import Session, aliased

from oc_desktop.budget import AREA_KEY
from oc_desktop.budget.journal import Voucher
from oc_desktop.laotext import search_words
from oc_desktop.models import BudgetLine, JournalEntry
from oc_desktop.models.db import Database
from oc_desktop.registers.paging import Order, capped_count, page
from oc_desktop.security import Actor, require_read

Reversal = aliased(JournalEntry)
Reversed = aliased(JournalEntry)


@dataclass(frozen=True)
class JournalQuery:
    year: int  # the fiscal year; 0 every year
    kind: str = ""  # "" both
    month: int = 0  # 0 the whole year
    text: str = ""
    sort: str = "date"  # date | number | amount
    descending: bool = True
    start: date | None = None  # the command line's --from, --to (included)
    end: date | None = None


def _base() -> Select:
    """Each voucher with its item, what it reverses and what reversed it."""
    return (
        select(JournalEntry, BudgetLine.code, BudgetLine.name, Reversed.number, Reversal.number)
        .join(BudgetLine, BudgetLine.id == JournalEntry.line_id)
        .outerjoin(Reversed, Reversed.id == JournalEntry.reverses_id)
        .outerjoin(Reversal, Reversal.reverses_id == JournalEntry.id)
    )


def _statement(query: JournalQuery) -> Select:
    statement = _base()
    if query.year:  # 0: every year (the command line's export, dated by --from, --to)
        statement = statement.where(JournalEntry.period == query.year)
    if query.kind:
        statement = statement.where(JournalEntry.series == query.kind)
    if query.start is not None:
        statement = statement.where(JournalEntry.entry_date >= query.start)
    if query.end is not None:
        statement = statement.where(JournalEntry.entry_date <= query.end)
    if query.month:
        statement = statement.where(extract("month", JournalEntry.entry_date) == query.month)
    fields = (
        JournalEntry.number,
        JournalEntry.description,
        JournalEntry.party,
        BudgetLine.code,
        BudgetLine.name,
    )
    for word in search_words(query.text):  # every word, in any order, each in one field
        statement = statement.where(
            or_(*(func.instr(func.search_key(field), word) > 0 for field in fields))
        )
    return statement


def _order(query: JournalQuery) -> Order:
    columns = {
        "number": (JournalEntry.series, JournalEntry.seq, JournalEntry.id),
        "amount": (JournalEntry.amount, JournalEntry.id),
    }.get(query.sort, (JournalEntry.entry_date, JournalEntry.id))
    return Order(columns, descending=query.descending)


def _voucher(row, key=()) -> Voucher:
    entry, code, name, reverses, reversed_by = row
    return Voucher(
        id=entry.id,
        number=entry.number,
        kind=entry.series,
        entry_date=entry.entry_date,
        line_code=code,
        line_name=name,
        description=entry.description,
        amount=entry.amount,
        party=entry.party,
        approved_by=entry.approved_by,
        reverses=reverses or "",
        reversed_by=reversed_by or "",
        scan_name=entry.scan_name,
        key=key,
    )


def fetch_journal(
    db: Database, *, actor: Actor, query: JournalQuery, after=None, limit: int = 200
) -> list[Voucher]:
    require_read(actor, AREA_KEY)
    with db.read() as session:
        found = page(session, _statement(query), _order(query), after=after, limit=limit)
    return [_voucher(item, key) for item, key in found]


def count_journal(db: Database, *, actor: Actor, query: JournalQuery) -> int:
    require_read(actor, AREA_KEY)
    with db.read() as session:
        return capped_count(session, _statement(query))


def rows_for(session: Session, ids: list[int]) -> list[Voucher]:
    statement = _base().where(JournalEntry.id.in_(ids))
    return [_voucher(row) for row in session.execute(statement)]


def entries_between(
    db: Database, *, actor: Actor, start: date, end: date, kind: str = ""
) -> list[Voucher]:
    """Every voucher dated in [start, end], in number order, for printing."""
    require_read(actor, AREA_KEY)
    with db.read() as session:
        statement = (
            _base()
            .where(and_(JournalEntry.entry_date >= start, JournalEntry.entry_date <= end))
            .order_by(JournalEntry.period, JournalEntry.series, JournalEntry.seq)
        )
        if kind:
            statement = statement.where(JournalEntry.series == kind)
        return [_voucher(row) for row in session.execute(statement)]

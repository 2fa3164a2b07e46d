"""One way to page any register: keyset ("the rows after this one"), never OFFSET.

A page past row 500,000 costs what the first page costs, rows added meanwhile never
shift a page, and the same walk feeds the table as the clerk scrolls and a printout a
batch at a time. Counting stops at a cap: "more than 10,000" is all a clerk needs.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, select, tuple_
from sqlalchemy.orm import Session

from oc_desktop.models.db import Database

COUNT_CAP = 10_000
PAGE = 200  # rows read at a time as the clerk scrolls


@dataclass(frozen=True)
class Order:
    """How a register is sorted: expressions that are never NULL, the row id last, all
    one way (so "after" is one row-value comparison SQLite answers from an index)."""

    columns: Sequence[ColumnElement]
    descending: bool = False

    def clauses(self) -> list:
        return [c.desc() if self.descending else c.asc() for c in self.columns]

    def past(self, key: tuple) -> ColumnElement[bool]:
        row, values = tuple_(*self.columns), tuple_(*key)
        return row < values if self.descending else row > values


Key = tuple
Page = list[tuple[Any, Key]]


def page(
    session: Session, statement: Select, order: Order, *, after: Key | None, limit: int
) -> Page:
    """Up to ``limit`` (item, key) pairs of ``statement`` that sort after ``after`` (from
    the start when None); an item is the statement's one entity or its row of columns.
    Hand the last key back as ``after`` for the next page."""
    if after is not None:
        statement = statement.where(order.past(after))
    width = len(order.columns)
    statement = statement.add_columns(*order.columns).order_by(*order.clauses()).limit(limit)
    result = []
    for row in session.execute(statement):
        item = row[0] if len(row) == width + 1 else tuple(row[:-width])
        result.append((item, tuple(row[-width:])))
    return result


def batches(db: Database, statement: Select, order: Order, *, size: int = 500) -> Iterator[list]:
    """Every item, ``size`` at a time, each batch read in its own short transaction (a
    printout of a year never holds the database or its memory)."""
    after = None
    while True:
        with db.read() as session:
            chunk = page(session, statement, order, after=after, limit=size)
        if chunk:
            yield [item for item, _key in chunk]
        if len(chunk) < size:
            return
        after = chunk[-1][1]


def capped_count(session: Session, statement: Select, cap: int = COUNT_CAP) -> int:
    """How many rows ``statement`` gives, counted up to ``cap``."""
    inner = statement.with_only_columns(literal(1), maintain_column_froms=True)
    inner = inner.order_by(None).limit(cap)
    return session.scalar(select(func.count()).select_from(inner.subquery())) or 0

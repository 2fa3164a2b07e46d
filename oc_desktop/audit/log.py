"""Reading the audit trail: filtered, counted and paged in SQL, never loaded whole.

The Audit tab shows one page at a time; a printout walks ``iter_entries`` in chunks.
Only people who may read the audit (administrator, head) get anything from here, and
the values about a secret document only as far as their clearance goes.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, literal, select
from sqlalchemy.orm import Session

from oc_desktop.audit.masking import mask_rows
from oc_desktop.models import AuditEntry, User
from oc_desktop.models.db import Database
from oc_desktop.registers.paging import Key, Order, batches, capped_count, page
from oc_desktop.security import SYSTEM, Actor, require_read

NEWEST_FIRST = Order((AuditEntry.id,), descending=True)
NARROW_CAP = 20_000


@dataclass(frozen=True)
class AuditQuery:
    """Which rows to show: one person, one area, a period of days (both ends kept)."""

    username: str | None = None
    area: str | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    area: str
    entity: str
    entity_id: str
    old: Any
    new: Any
    key: Key = ()  # where it sorts: the next page starts after it


def _period(query: AuditQuery) -> list[ColumnElement[bool]]:
    conditions = []
    if query.start:
        conditions.append(AuditEntry.at >= datetime.combine(query.start, time.min))
    if query.end:
        conditions.append(AuditEntry.at < datetime.combine(query.end + timedelta(days=1), time.min))
    return conditions


def _period_is_narrower(session: Session, query: AuditQuery) -> bool:
    """Whether the period holds fewer rows than the person has. SQLite, without table
    statistics, always reads a person's rows by the (username, id) index and checks each
    one's date; for one person within a month, reading the month by the date index is
    many times faster. Both counts are index-only and stop at ``NARROW_CAP``."""
    period = _period(query)
    if not (query.username and period):
        return False
    in_period = select(literal(1)).select_from(AuditEntry).where(*period).limit(NARROW_CAP)
    of_person = (
        select(literal(1))
        .select_from(AuditEntry)
        .where(AuditEntry.username == query.username)
        .limit(NARROW_CAP)
    )
    count = lambda inner: session.scalar(select(func.count()).select_from(inner.subquery()))  # noqa: E731
    return count(in_period) < count(of_person)


def _conditions(session: Session, query: AuditQuery) -> list[ColumnElement[bool]]:
    conditions = []
    if query.username and _period_is_narrower(session, query):
        # ``username || ''`` is no longer the indexed column: SQLite reads the date index.
        conditions.append(AuditEntry.username.concat("") == query.username)
    elif query.username:
        conditions.append(AuditEntry.username == query.username)
    if query.area:
        conditions.append(AuditEntry.area == query.area)
    return conditions + _period(query)


def _row(entry: AuditEntry, key: Key = ()) -> AuditRow:
    return AuditRow(
        entry.id,
        entry.at,
        entry.username,
        entry.action,
        entry.area,
        entry.entity,
        entry.entity_id,
        entry.old,
        entry.new,
        key,
    )


def count_entries(db: Database, *, actor: Actor, query: AuditQuery, cap: int | None = None) -> int:
    """How many rows match, up to ``cap`` when given (the tab's count; a printout counts all)."""
    require_read(actor, "audit")
    with db.read() as session:
        statement = select(AuditEntry.id).where(*_conditions(session, query))
        if cap is not None:
            return capped_count(session, statement, cap)
        return session.scalar(select(func.count()).select_from(statement.subquery())) or 0


def fetch_entries(
    db: Database, *, actor: Actor, query: AuditQuery, after: Key | None, limit: int
) -> list[AuditRow]:
    """Up to ``limit`` rows newest first, after the row keyed ``after`` (None: the latest)."""
    require_read(actor, "audit")
    with db.read() as session:
        statement = select(AuditEntry).where(*_conditions(session, query))
        found = page(session, statement, NEWEST_FIRST, after=after, limit=limit)
        return mask_rows(session, actor, [_row(entry, key) for entry, key in found])


def iter_entries(
    db: Database, *, actor: Actor, query: AuditQuery, chunk: int = 1000
) -> Iterator[AuditRow]:
    """Every matching row, oldest first, read in chunks: what a printout of the log walks."""
    require_read(actor, "audit")
    with db.read() as session:
        statement = select(AuditEntry).where(*_conditions(session, query))
    for batch in batches(db, statement, Order((AuditEntry.id,)), size=chunk):
        with db.read() as session:
            yield from mask_rows(session, actor, [_row(entry) for entry in batch])


def people(db: Database, *, actor: Actor) -> list[tuple[str, str]]:
    """(user name, full name) of everyone who can appear in the trail, the program too."""
    require_read(actor, "audit")
    with db.read() as session:
        users = session.execute(select(User.username, User.full_name).order_by(User.username))
        return [(SYSTEM.username, SYSTEM.full_name), *((u, n) for u, n in users)]

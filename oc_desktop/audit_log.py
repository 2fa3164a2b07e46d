"""Reading the audit trail: filtered, counted and paged in SQL, never loaded whole.

The Audit tab shows one page at a time; a printout walks ``iter_entries`` in chunks.
Only people who may read the audit (administrator, head) get anything from here.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select

from oc_desktop.models import AuditEntry, User
from oc_desktop.models.db import Database
from oc_desktop.security import SYSTEM, Actor, require_read

PAGE_SIZE = 100


@dataclass(frozen=True)
class AuditQuery:
    """Which rows to show: one person, one section, a period of days (both ends kept)."""

    username: str | None = None
    section: str | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    section: str
    entity: str
    entity_id: str
    old: Any
    new: Any


def _conditions(query: AuditQuery) -> list[ColumnElement[bool]]:
    conditions = []
    if query.username:
        conditions.append(AuditEntry.username == query.username)
    if query.section:
        conditions.append(AuditEntry.section == query.section)
    if query.start:
        conditions.append(AuditEntry.at >= datetime.combine(query.start, time.min))
    if query.end:
        conditions.append(AuditEntry.at < datetime.combine(query.end + timedelta(days=1), time.min))
    return conditions


def _row(entry: AuditEntry) -> AuditRow:
    return AuditRow(
        entry.id,
        entry.at,
        entry.username,
        entry.action,
        entry.section,
        entry.entity,
        entry.entity_id,
        entry.old,
        entry.new,
    )


def count_entries(db: Database, *, actor: Actor, query: AuditQuery) -> int:
    require_read(actor, "audit")
    with db.read() as session:
        statement = select(func.count()).select_from(AuditEntry).where(*_conditions(query))
        return session.scalar(statement) or 0


def newer_than(db: Database, *, actor: Actor, query: AuditQuery, entry_id: int) -> int:
    """How many matching rows come before this one, newest first: where to page to it."""
    require_read(actor, "audit")
    with db.read() as session:
        statement = (
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.id > entry_id, *_conditions(query))
        )
        return session.scalar(statement) or 0


def page_of_entries(
    db: Database, *, actor: Actor, query: AuditQuery, page: int, page_size: int = PAGE_SIZE
) -> list[AuditRow]:
    """One page, newest first (page 0 is the latest)."""
    require_read(actor, "audit")
    statement = (
        select(AuditEntry)
        .where(*_conditions(query))
        .order_by(AuditEntry.id.desc())
        .limit(page_size)
        .offset(max(0, page) * page_size)
    )
    with db.read() as session:
        return [_row(entry) for entry in session.scalars(statement)]


def iter_entries(
    db: Database, *, actor: Actor, query: AuditQuery, chunk: int = 1000
) -> Iterator[AuditRow]:
    """Every matching row, oldest first, read in chunks: what a printout of the log walks."""
    require_read(actor, "audit")
    after = 0
    while True:
        statement = (
            select(AuditEntry)
            .where(AuditEntry.id > after, *_conditions(query))
            .order_by(AuditEntry.id)
            .limit(chunk)
        )
        with db.read() as session:
            rows = [_row(entry) for entry in session.scalars(statement)]
        yield from rows
        if len(rows) < chunk:
            return
        after = rows[-1].id


def people(db: Database, *, actor: Actor) -> list[tuple[str, str]]:
    """(user name, full name) of everyone who can appear in the trail, the program too."""
    require_read(actor, "audit")
    with db.read() as session:
        users = session.execute(select(User.username, User.full_name).order_by(User.username))
        return [(SYSTEM.username, SYSTEM.full_name), *((u, n) for u, n in users)]

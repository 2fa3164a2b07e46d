"""The audit trail: append-only rows, each hashing its content and the previous hash.

A row changed or removed outside the program breaks the chain from that row on;
``verify_chain`` names the first row that no longer matches.
"""

import hashlib
import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from oc_desktop.audit.anchors import note_head
from oc_desktop.models import AuditEntry
from oc_desktop.models.base import utcnow
from oc_desktop.models.db import Database
from oc_desktop.security import Actor

GENESIS = "0" * 64
ENTRY_KEY = "audit_entry"  # session.info: this transaction's newest audit row
Progress = Callable[[int, int], bool]


def _plain(value: Any) -> Any:
    """JSON-safe values: dates as ISO text, everything else as JSON has it."""
    return json.loads(json.dumps(value, default=_iso, ensure_ascii=False)) if value else value


def _iso(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


#: the columns a row's hash covers, in this order
HASHED = (
    AuditEntry.id,
    AuditEntry.at,
    AuditEntry.user_id,
    AuditEntry.username,
    AuditEntry.action,
    AuditEntry.entity,
    AuditEntry.entity_id,
    AuditEntry.area,
    AuditEntry.old,
    AuditEntry.new,
    AuditEntry.prev_hash,
)


def _digest(entry: AuditEntry) -> str:
    return _digest_of([getattr(entry, column.key) for column in HASHED], entry.state)


def _digest_of(content: list, state: Any = None) -> str:
    """The row's hash; ``state`` (what the traced rows became) is covered when present,
    so rows written before it was kept hash as they always did."""
    content = list(content)
    content[1] = content[1].isoformat()  # at
    if state is not None:
        content.append(state)
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(
    session: Session,
    *,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object,
    area: str,
    old: dict | None = None,
    new: dict | None = None,
) -> None:
    """Add one row to the trail inside the caller's transaction, after checking that the
    person still holds the rights ``actor`` claims (else the whole operation is undone)."""
    from oc_desktop.rights import check_current

    check_current(session, actor, action)
    entry = AuditEntry(
        at=utcnow(),
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        area=area,
        old=_plain(old),
        new=_plain(new),
        state=None,
        prev_hash="",
        hash="",
    )
    session.add(entry)
    # The insert takes SQLite's write lock, so no other writer can slip a row in
    # between this one and the previous row read next.
    session.flush()
    previous = session.scalar(
        select(AuditEntry.hash).where(AuditEntry.id < entry.id).order_by(AuditEntry.id.desc())
    )
    entry.prev_hash = previous or GENESIS
    entry.hash = _digest(entry)
    session.info[ENTRY_KEY] = entry
    note_head(session, entry)


def rehash(entry: AuditEntry) -> None:
    """The hash again after ``state`` was added at commit (the row is still the newest)."""
    entry.hash = _digest(entry)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget_entry(session: Session) -> None:
    session.info.pop(ENTRY_KEY, None)


def verify_chain(db: Database, progress: Progress | None = None) -> int | None:
    """The id of the first row that no longer matches the chain, or None if intact.

    Reads plain columns, not ORM objects (several times faster on a big trail);
    ``progress(done, total)`` is called every few thousand rows and may return False to
    stop (the answer is then None: nothing found so far).
    """
    expected_prev = GENESIS
    with db.read() as session:
        total = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        rows = session.execute(
            select(*HASHED, AuditEntry.state, AuditEntry.hash)
            .order_by(AuditEntry.id)
            .execution_options(yield_per=5000)
        )
        for done, row in enumerate(rows, 1):
            content, state, stored = list(row[:-2]), row[-2], row[-1]
            if content[-1] != expected_prev or stored != _digest_of(content, state):
                return content[0]
            expected_prev = stored
            if progress is not None and done % 5000 == 0 and not progress(done, total):
                return None
    return None

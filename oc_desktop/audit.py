"""The audit trail: append-only rows, each hashing its content and the previous hash.

A row changed or removed outside the program breaks the chain from that row on;
``verify_chain`` names the first row that no longer matches.
"""

import hashlib
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oc_desktop.models import AuditEntry
from oc_desktop.models.base import utcnow
from oc_desktop.models.db import Database
from oc_desktop.security import Actor

GENESIS = "0" * 64


def _plain(value: Any) -> Any:
    """JSON-safe values: dates as ISO text, everything else as JSON has it."""
    return json.loads(json.dumps(value, default=_iso, ensure_ascii=False)) if value else value


def _iso(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _digest(entry: AuditEntry) -> str:
    content = [
        entry.id,
        entry.at.isoformat(),
        entry.user_id,
        entry.username,
        entry.action,
        entry.entity,
        entry.entity_id,
        entry.section,
        entry.old,
        entry.new,
        entry.prev_hash,
    ]
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(
    session: Session,
    *,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object,
    section: str,
    old: dict | None = None,
    new: dict | None = None,
) -> None:
    """Add one row to the trail inside the caller's transaction."""
    entry = AuditEntry(
        at=utcnow(),
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        section=section,
        old=_plain(old),
        new=_plain(new),
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


def verify_chain(db: Database) -> int | None:
    """The id of the first row that no longer matches the chain, or None if intact."""
    expected_prev = GENESIS
    with db.read() as session:
        for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(1000):
            if entry.prev_hash != expected_prev or entry.hash != _digest(entry):
                return entry.id
            expected_prev = entry.hash
    return None

"""Tamper evidence for the seal log: handovers, uses and incidents each form a hash chain.

A row's hash covers its content (the columns below, void marks left out: a void is a
later, audited act) and the previous row's hash. A row changed or removed outside the
program breaks its chain from that row on; ``verify_seal_chains`` names the first.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oc_desktop.audit import GENESIS
from oc_desktop.audit.chain import Progress
from oc_desktop.i18n import N_, _
from oc_desktop.models import SealHandover, SealIncident, SealUse
from oc_desktop.models.db import Database

_ENTRY = ("id", "period", "series", "seq", "seal_id", "corrects_id", "created_at", "created_by")
HASHED = {
    SealHandover: _ENTRY
    + (
        "from_id",
        "to_id",
        "witness",
        "left_at",
        "due_back",
        "returns_id",
        "authorised_by",
        "authorisation_number",
        "authorisation_date",
        "reason",
        "leaves_premises",
        "condition",
    ),
    SealUse: _ENTRY
    + (
        "used_at",
        "outgoing_id",
        "described",
        "impression_kind",
        "impressions",
        "sheets",
        "requested_by",
        "approved_by",
        "applied_by_id",
    ),
    SealIncident: _ENTRY + ("kind", "happened_on", "description", "report", "replacement_id"),
}


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def digest(model, values: dict, prev_hash: str) -> str:
    content = [_plain(values[name]) for name in HASHED[model]] + [prev_hash]
    canonical = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def seal_row(session: Session, entry) -> None:
    """Chain a new row (flushed, so it has its id) to the last row of its log. The insert
    holds SQLite's write lock, so no other writer slips a row in between."""
    model = type(entry)
    previous = session.scalar(
        select(model.hash).where(model.id < entry.id).order_by(model.id.desc()).limit(1)
    )
    entry.prev_hash = previous or GENESIS
    entry.hash = digest(model, {n: getattr(entry, n) for n in HASHED[model]}, entry.prev_hash)


def append(session: Session, actor, entry, *, entity: str, snapshot) -> None:
    """Write a new row of a log: stamped with who and when, chained to the row before
    it, and written to the audit trail as ``snapshot(entry)`` shows it once chained, all
    in the caller's transaction."""
    from oc_desktop import audit
    from oc_desktop.registers.entries import stamp
    from oc_desktop.seal.common import AREA_KEY

    stamp(entry, actor, created=True)
    session.add(entry)
    session.flush()
    seal_row(session, entry)
    audit.record(
        session,
        actor=actor,
        action="create",
        entity=entity,
        entity_id=entry.id,
        area=AREA_KEY,
        new=snapshot(entry),
    )


LOG_LABELS = {
    "seal_handover": N_("Seal handovers"),
    "seal_use": N_("Seal uses"),
    "seal_incident": N_("Seal incidents"),
}


def log_label(table: str) -> str:
    return _(LOG_LABELS[table])


@dataclass(frozen=True)
class Broken:
    """The first row of a log that no longer matches its chain."""

    table: str
    id: int


def verify_seal_chains(db: Database, progress: Progress | None = None) -> Broken | None:
    """Walk each log in id order; the first row whose hash or link does not match.

    ``progress(done, total)`` is called every few thousand rows and may return False to
    stop (the answer is then None: nothing found so far)."""
    done = 0
    with db.read() as session:
        total = sum(session.scalar(select(func.count()).select_from(m)) or 0 for m in HASHED)
        for model, names in HASHED.items():
            columns = [getattr(model, n) for n in names]
            expected = GENESIS
            rows = session.execute(
                select(*columns, model.prev_hash, model.hash)
                .order_by(model.id)
                .execution_options(yield_per=5000)
            )
            for row in rows:
                values = dict(zip(names, row[: len(names)], strict=True))
                prev_hash, stored = row[-2], row[-1]
                if prev_hash != expected or stored != digest(model, values, prev_hash):
                    return Broken(model.__tablename__, values["id"])
                expected = stored
                done += 1
                if progress is not None and done % 5000 == 0 and not progress(done, total):
                    return None
    return None

"""The seals themselves: add one, change its status on a decision, keep its impression."""

import hashlib
import shutil
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select

from oc_desktop import audit
from oc_desktop.i18n import _
from oc_desktop.models import Seal, SealStatusChange, SealUse, User
from oc_desktop.models.db import Database
from oc_desktop.models.seal import IN_USE, SEAL_KINDS, SEAL_STATUSES
from oc_desktop.paths import scans_dir
from oc_desktop.seal.common import (
    AREA_KEY,
    NAME_MAX,
    NUMBER_MAX,
    TEXT_MAX,
    check_moment,
    check_writer,
    status_at,
    the_seal,
)
from oc_desktop.security import Actor, require_read
from oc_desktop.validation import Checker

IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"}
IMAGE_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class SealRow:
    id: int
    name: str
    kind: str
    status: str
    status_since: date | None
    holder_id: int | None
    holder: str
    kept_at: str
    last_used: datetime | None
    impression_file: str
    notes: str


@dataclass(frozen=True)
class StatusRow:
    id: int
    status: str
    since: date
    decision_number: str
    decision_date: date | None
    note: str


def _status_change(session, actor, seal, *, status, since, decision_number, decision_date, note):
    change = SealStatusChange(
        seal_id=seal.id,
        status=status,
        since=since,
        decision_number=decision_number,
        decision_date=decision_date,
        note=note,
        created_by=actor.user_id,
    )
    session.add(change)
    seal.status = status
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="status",
        entity="seal",
        entity_id=seal.id,
        area=AREA_KEY,
        new={
            "name": seal.name,
            "status": status,
            "since": since,
            "decision_number": decision_number,
            "decision_date": decision_date,
            "note": note,
        },
    )
    return change


def _check_decision(check: Checker, decision_number: str, decision_date, *, required: bool):
    decision_number = check.text(
        "decision_number", decision_number, max_length=NUMBER_MAX, required=required, one_line=True
    )
    check_moment(check, "decision_date", decision_date, required=required)
    return decision_number


def add_seal(
    db: Database,
    *,
    actor: Actor,
    name: str,
    kind: str,
    since: date,
    kept_at: str = "",
    decision_number: str = "",
    decision_date: date | None = None,
    notes: str = "",
) -> int:
    """A seal or stamp the office starts to keep, in use from ``since``."""
    check = Checker()
    name = check.text("name", name, max_length=NAME_MAX, one_line=True)
    kept_at = check.text("kept_at", kept_at, max_length=300, required=False, one_line=True)
    notes = check.text("notes", notes, max_length=TEXT_MAX, required=False)
    check.choice("kind", kind, SEAL_KINDS, message=_("Choose the kind of seal."))
    check_moment(check, "since", since)
    decision_number = _check_decision(check, decision_number, decision_date, required=False)
    check_writer(check, actor, "name")
    check.done()
    with db.begin() as session:
        if session.scalar(select(Seal.id).where(Seal.name == name)) is not None:
            check.fail("name", _("A seal of this name is kept already."))
        check.done()
        seal = Seal(name=name, kind=kind, kept_at=kept_at, notes=notes, created_by=actor.user_id)
        session.add(seal)
        session.flush()
        audit.record(
            session,
            actor=actor,
            action="create",
            entity="seal",
            entity_id=seal.id,
            area=AREA_KEY,
            new={"name": name, "kind": kind, "kept_at": kept_at, "notes": notes},
        )
        _status_change(
            session,
            actor,
            seal,
            status=IN_USE,
            since=since,
            decision_number=decision_number,
            decision_date=decision_date,
            note="",
        )
        return seal.id


def change_status(
    db: Database,
    *,
    actor: Actor,
    seal_id: int,
    status: str,
    since: date,
    decision_number: str,
    decision_date: date | None,
    note: str = "",
) -> int:
    """A new status on a decision (number and date); the old ones stay as history."""
    check = Checker()
    check.choice("status", status, SEAL_STATUSES, message=_("Choose a status."))
    check_moment(check, "since", since)
    decision_number = _check_decision(check, decision_number, decision_date, required=True)
    note = check.text("note", note, max_length=TEXT_MAX, required=False)
    check_writer(check, actor, "status")
    check.done()
    with db.begin() as session:
        seal = the_seal(session, check, seal_id, "status")
        check.done()
        if seal.status == status:
            check.fail("status", _("The seal has this status already."))
        latest = session.scalar(
            select(func.max(SealStatusChange.since)).where(SealStatusChange.seal_id == seal_id)
        )
        if latest is not None and since < latest:
            check.fail("since", _("A status cannot start before the seal's last change."))
        check.done()
        change = _status_change(
            session,
            actor,
            seal,
            status=status,
            since=since,
            decision_number=decision_number,
            decision_date=decision_date,
            note=note,
        )
        return change.id


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def set_impression(
    db: Database, *, actor: Actor, data_dir: Path, seal_id: int, source: Path
) -> str:
    """Copy a scan of the seal's impression into ``scans/seal/``, checksum kept; the
    previous scan's file stays (a backup or the audit trail may name it)."""
    check = Checker()
    check_writer(check, actor, "impression")
    source = check.path("impression", source, message=_("The file cannot be found."))
    if source is None:
        pass
    elif not source.is_file():
        check.fail("impression", _("The file cannot be found."))
    elif source.suffix.lower() not in IMAGE_TYPES:
        check.fail("impression", _("Choose an image (PNG, JPEG or TIFF) or a PDF."))
    elif source.stat().st_size > IMAGE_MAX_BYTES:
        check.fail("impression", _("The file is too large."))
    check.done()
    folder = scans_dir(data_dir) / "seal"
    folder.mkdir(parents=True, exist_ok=True)
    stored = folder / f"{uuid.uuid4().hex}{source.suffix.lower()}"
    shutil.copyfile(source, stored)
    digest = _sha256(stored)
    relative = stored.relative_to(scans_dir(data_dir)).as_posix()
    try:
        with db.begin() as session:
            seal = the_seal(session, check, seal_id, "impression")
            check.done()
            old = seal.impression_file
            seal.impression_file, seal.impression_sha256 = relative, digest
            audit.record(
                session,
                actor=actor,
                action="change",
                entity="seal",
                entity_id=seal.id,
                area=AREA_KEY,
                old={"impression_file": old},
                new={"impression_file": relative, "sha256": digest},
            )
    except BaseException:
        stored.unlink(missing_ok=True)
        raise
    return relative


def impression_path(data_dir: Path, seal: SealRow | Seal) -> Path | None:
    """The impression's file, when it is there."""
    if not seal.impression_file:
        return None
    path = scans_dir(data_dir).joinpath(*seal.impression_file.split("/"))
    return path if path.is_file() else None


def seal_rows(db: Database, *, actor: Actor) -> list[SealRow]:
    """Every seal with its holder, status and last use (a short list, read whole)."""
    require_read(actor, AREA_KEY)
    with db.read() as session:
        names = dict(session.execute(select(User.id, User.full_name)).all())
        rows = []
        for seal in session.scalars(select(Seal).order_by(Seal.id)):
            since = session.scalar(
                select(func.max(SealStatusChange.since)).where(SealStatusChange.seal_id == seal.id)
            )
            last_used = session.scalar(
                select(SealUse.used_at)
                .where(SealUse.seal_id == seal.id, SealUse.void_reason.is_(None))
                .order_by(SealUse.used_at.desc())
                .limit(1)
            )
            rows.append(
                SealRow(
                    seal.id,
                    seal.name,
                    seal.kind,
                    seal.status,
                    since,
                    seal.holder_id,
                    names.get(seal.holder_id, ""),
                    seal.kept_at,
                    last_used,
                    seal.impression_file,
                    seal.notes,
                )
            )
        return rows


def status_history(db: Database, *, actor: Actor, seal_id: int) -> list[StatusRow]:
    require_read(actor, AREA_KEY)
    with db.read() as session:
        changes = session.scalars(
            select(SealStatusChange)
            .where(SealStatusChange.seal_id == seal_id)
            .order_by(SealStatusChange.since, SealStatusChange.id)
        )
        return [
            StatusRow(c.id, c.status, c.since, c.decision_number, c.decision_date, c.note)
            for c in changes
        ]


def in_use_on(db: Database, *, seal_id: int, day: date) -> bool:
    with db.read() as session:
        return status_at(session, seal_id, day) == IN_USE


def people(db: Database) -> list[tuple[int, str]]:
    """Everyone who works here (active users), for the holder, giver and receiver."""
    with db.read() as session:
        rows = session.execute(
            select(User.id, User.full_name).where(User.active).order_by(User.full_name)
        )
        return [(user_id, name) for user_id, name in rows]

"""What hangs off a document: the copy log and attached scans.

A scan is copied into the data folder's ``scans/`` under a new name (the backup takes
that folder whole) and its SHA-256 kept, so a changed or missing file is noticed.
"""

import hashlib
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from oc_desktop import audit
from oc_desktop.documents.common import AREA_KEY, NAME_MAX, check_date, check_writer
from oc_desktop.i18n import _
from oc_desktop.models import DocumentCopy, IncomingDocument, OutgoingDocument, Scan
from oc_desktop.models.db import Database
from oc_desktop.paths import owner_only, scans_dir
from oc_desktop.security import Actor
from oc_desktop.validation import Checker

SCAN_TYPES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
SCAN_MAX_BYTES = 200 * 1024 * 1024
MODELS = {"incoming": IncomingDocument, "outgoing": OutgoingDocument}


@dataclass(frozen=True)
class CopyEntry:
    id: int
    copies: int
    for_whom: str
    authorised_by: str
    made_on: date


@dataclass(frozen=True)
class ScanEntry:
    id: int
    original_name: str
    stored_name: str
    sha256: str
    size: int
    created_at: datetime


def _owner(register: str, doc_id: int) -> dict:
    return {"incoming_id": doc_id} if register == "incoming" else {"outgoing_id": doc_id}


def _writable(session, check: Checker, actor: Actor, register: str, doc_id: int, field: str):
    if check.choice("register", register, MODELS, message=_("Choose a register.")) is None:
        check.done()
    doc = check.row(session, MODELS[register], field, doc_id, message=_("Choose a document."))
    check_writer(check, actor, field)
    if doc is None or not actor.sees_secret(doc.secrecy):
        check.fail(field, _("Your clearance does not allow this secrecy level."))
    return doc


def log_copy(
    db: Database,
    *,
    actor: Actor,
    register: str,
    doc_id: int,
    copies: int,
    for_whom: str,
    authorised_by: str,
    made_on: date,
) -> int:
    """Enter copies made of a document in the copy log (ສຳເນົາເອກະສານ)."""
    check = Checker()
    for_whom = check.text("for_whom", for_whom, max_length=NAME_MAX, one_line=True)
    authorised_by = check.text("authorised_by", authorised_by, max_length=NAME_MAX, one_line=True)
    message = _("Enter the number of copies, from 1 to 10,000.")
    check.whole("copies", copies, low=1, high=10_000, message=message)
    check_date(check, "made_on", made_on)
    with db.begin() as session:
        _writable(session, check, actor, register, doc_id, "for_whom")
        check.done()
        entry = DocumentCopy(
            copies=copies,
            for_whom=for_whom,
            authorised_by=authorised_by,
            made_on=made_on,
            created_by=actor.user_id,
            **_owner(register, doc_id),
        )
        session.add(entry)
        session.flush()
        new = {"register": register, "document": doc_id, "copies": copies, "for_whom": for_whom}
        new |= {"authorised_by": authorised_by, "made_on": made_on}
        audit.record(
            session,
            actor=actor,
            action="create",
            entity="document_copy",
            entity_id=entry.id,
            area=AREA_KEY,
            new=new,
        )
        return entry.id


def copies_of(db: Database, *, register: str, doc_id: int) -> list[CopyEntry]:
    column = DocumentCopy.incoming_id if register == "incoming" else DocumentCopy.outgoing_id
    with db.read() as session:
        rows = session.scalars(
            select(DocumentCopy).where(column == doc_id).order_by(DocumentCopy.id)
        )
        return [CopyEntry(c.id, c.copies, c.for_whom, c.authorised_by, c.made_on) for c in rows]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def attach_scan(
    db: Database, *, actor: Actor, data_dir: Path, register: str, doc_id: int, source: Path
) -> int:
    """Copy a scan into the data folder, check the copy, then record it."""
    check = Checker()
    source = check.path("scan", source, message=_("This file cannot be read."))
    if source is None:
        pass
    elif source.suffix.lower() not in SCAN_TYPES:
        check.fail("scan", _("Attach a PDF or an image (PNG, JPEG, TIFF)."))
    elif not source.is_file():
        check.fail("scan", _("This file cannot be read."))
    elif source.stat().st_size > SCAN_MAX_BYTES:
        check.fail("scan", _("This file is larger than 200 MB."))
    with db.read() as session:
        _writable(session, check, actor, register, doc_id, "scan")
    check.done()
    folder = scans_dir(data_dir) / str(date.today().year)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    owner_only(scans_dir(data_dir))
    owner_only(folder)
    stored = folder / f"{uuid.uuid4().hex}{source.suffix.lower()}"
    partial = stored.with_name(f".{stored.name}.part")
    try:
        shutil.copyfile(source, partial)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        digest = _sha256(partial)
        if digest != _sha256(source):
            raise OSError(_("The copy of the scan does not match the original."))
        owner_only(partial)
        partial.replace(stored)
        relative = stored.relative_to(scans_dir(data_dir)).as_posix()
        with db.begin() as session:
            scan = Scan(
                original_name=source.name[:260],
                stored_name=relative,
                sha256=digest,
                size=stored.stat().st_size,
                created_by=actor.user_id,
                **_owner(register, doc_id),
            )
            session.add(scan)
            session.flush()
            audit.record(
                session,
                actor=actor,
                action="attach",
                entity="scan",
                entity_id=scan.id,
                area=AREA_KEY,
                new={
                    "register": register,
                    "document": doc_id,
                    "name": source.name,
                    "sha256": digest,
                },
            )
            return scan.id
    except BaseException:
        partial.unlink(missing_ok=True)
        stored.unlink(missing_ok=True)
        raise


def scans_of(db: Database, *, register: str, doc_id: int) -> list[ScanEntry]:
    column = Scan.incoming_id if register == "incoming" else Scan.outgoing_id
    with db.read() as session:
        rows = session.scalars(select(Scan).where(column == doc_id).order_by(Scan.id))
        return [
            ScanEntry(s.id, s.original_name, s.stored_name, s.sha256, s.size, s.created_at)
            for s in rows
        ]


def scan_path(data_dir: Path, scan: ScanEntry) -> Path | None:
    """The stored file, or None when it is missing or no longer matches its checksum."""
    path = scans_dir(data_dir).joinpath(*scan.stored_name.split("/"))
    if not path.is_file() or _sha256(path) != scan.sha256:
        return None
    return path

"""The chain's head kept outside the data file, so a trail cut short is noticed.

The hash chain alone catches a changed or removed middle row, but not the last rows
deleted, or every hash recomputed after an edit (the hash holds no secret). After each
transaction that adds audit rows, the newest row's id and hash are written to
``oc-desktop.anchor`` beside the data file (owner-only on POSIX). ``check_anchors``
compares the trail with that file and with any anchor given by hand: the short form
``<id>-<first 12 hex digits>`` printed in the closing block of a book or audit
printout for the head's signature, or carried in a backup's manifest.
"""

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from oc_desktop.models import AuditEntry
from oc_desktop.models.db import Database

ANCHOR_NAME = "oc-desktop.anchor"
SHORT = 12
_lock = threading.Lock()


@dataclass(frozen=True)
class Anchor:
    """A row of the trail as it was seen: its id and (the start of) its hash."""

    id: int
    hash: str
    source: str = ""
    #: where it was found: "typed" by hand, the "file" beside the data, a "backup"
    kind: str = "typed"

    @property
    def short(self) -> str:
        return f"{self.id}-{self.hash[:SHORT]}"


def anchor_path(database_file: Path) -> Path:
    return Path(database_file).with_name(ANCHOR_NAME)


def parse_anchor(text: str, source: str = "", kind: str = "typed") -> Anchor | None:
    """``<id>-<hex>`` as printed (at least 8 hex digits), or None if it is not one."""
    number, _sep, digest = text.strip().partition("-")
    digest = digest.lower()
    if not number.isdigit() or len(digest) < 8 or any(c not in "0123456789abcdef" for c in digest):
        return None
    return Anchor(int(number), digest, source or text.strip(), kind)


def read_anchor(database_file: Path) -> Anchor | None:
    """The anchor kept beside the data file, or None if there is none (or it is unreadable:
    ``check_anchors`` then reports that the file is damaged)."""
    path = anchor_path(database_file)
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        return Anchor(int(saved["id"]), str(saved["hash"]), str(path), "file")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return Anchor(0, "", str(path), "file")


def write_anchor(database_file: Path, anchor: Anchor, *, replace_newer: bool = False) -> None:
    """Keep ``anchor`` beside the data file unless a newer one is there already (a
    restore passes ``replace_newer``: the restored trail is the one to follow)."""
    path = anchor_path(database_file)
    with _lock:
        kept = read_anchor(database_file)
        if kept is not None and kept.id > anchor.id and not replace_newer:
            return
        staging = path.with_name(path.name + ".tmp")
        descriptor = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump({"id": anchor.id, "hash": anchor.hash}, file)
        os.replace(staging, path)


def head(db: Database) -> Anchor | None:
    """The newest row of the trail, as an anchor."""
    with db.read() as session:
        row = session.execute(
            select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
        ).first()
    return Anchor(row[0], row[1]) if row else None


def printed_anchor(db: Database) -> str | None:
    """The head in the short form a printout's closing block carries."""
    newest = head(db)
    return newest.short if newest else None


def note_head(session: Session, entry: AuditEntry) -> None:
    """Called by ``record``: the head to anchor once this transaction commits."""
    session.info["audit_head"] = Anchor(entry.id, entry.hash)


@event.listens_for(Session, "after_commit")
def _anchor_after_commit(session: Session) -> None:
    anchor = session.info.pop("audit_head", None)
    if anchor is None:
        return
    database = session.get_bind().url.database
    if database and database != ":memory:":
        write_anchor(Path(database), anchor)


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session: Session) -> None:
    session.info.pop("audit_head", None)


@dataclass(frozen=True)
class Broken:
    """An anchor the trail no longer matches, and why: ``missing`` (the row is gone: the
    trail was cut short), ``changed`` (its hash differs: rewritten) or ``unreadable``
    (the anchor file itself was damaged)."""

    anchor: Anchor
    reason: str


def check_anchors(db: Database, anchors: list[Anchor]) -> list[Broken]:
    """Each anchor whose row is gone from the trail or holds another hash."""
    broken = []
    with db.read() as session:
        for anchor in anchors:
            stored = session.scalar(select(AuditEntry.hash).where(AuditEntry.id == anchor.id))
            if not anchor.hash:
                broken.append(Broken(anchor, "unreadable"))
            elif stored is None:
                broken.append(Broken(anchor, "missing"))
            elif not stored.startswith(anchor.hash):
                broken.append(Broken(anchor, "changed"))
    return broken

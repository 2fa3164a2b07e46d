"""The audit trail's head carried by each restore point, read back for `verify --backup`.

A backup is made from a snapshot of the data; the snapshot's newest audit row (id and
hash) goes into the manifest and into the sealed file's clear header, so the trail can
be compared with any restore point on a drive without the office's restore key.
"""

import sqlite3
import zipfile
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from sqlalchemy import select

from oc_desktop.audit.anchors import Anchor, check_anchors, parse_anchor
from oc_desktop.backup.crypto import MAGIC, Damaged, NewerContainer, read_header
from oc_desktop.backup.manifest import MANIFEST_NAME, Manifest
from oc_desktop.backup.naming import our_backups
from oc_desktop.models import AuditEntry
from oc_desktop.models.db import Database


def trail_head(copy: Path) -> str | None:
    """``<id>-<hash>`` of the newest audit row in a database file (None: an empty trail)."""
    with closing(sqlite3.connect(f"file:{copy}?mode=ro", uri=True)) as connection:
        try:
            row = connection.execute(
                "SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1"
            ).fetchone()
        except sqlite3.OperationalError:
            return None
    return f"{row[0]}-{row[1]}" if row else None


@dataclass(frozen=True)
class PointAnchor:
    """One restore point on a drive: its file, when it was made, whose data folder, and
    the trail head it carries (None, with ``why``: unreadable, or made before heads)."""

    path: Path
    made: str | None
    folder: str | None
    anchor: Anchor | None
    why: str = ""  # "damaged" or "no head"


def point_anchors(folder: Path) -> list[PointAnchor]:
    """The restore points in ``folder`` (a drive or a folder on it), oldest first."""
    return [_read_point(path) for path in our_backups(Path(folder))]


def _read_point(path: Path) -> PointAnchor:
    try:
        with open(path, "rb") as handle:
            sealed = handle.read(len(MAGIC)) == MAGIC
            handle.seek(0)
            fields = read_header(handle).fields if sealed else _plain_fields(path)
    except (OSError, Damaged, NewerContainer, ValueError, KeyError, zipfile.BadZipFile):
        return PointAnchor(path, None, None, None, "damaged")
    text = fields.get("trail_head")
    made, folder = fields.get("made"), fields.get("folder")
    if not text:
        return PointAnchor(path, made, folder, None, "no head")
    anchor = parse_anchor(str(text), source=path.name, kind="backup")
    return PointAnchor(path, made, folder, anchor, "" if anchor else "damaged")


def _plain_fields(path: Path) -> dict:
    """An unsealed backup (older versions made them): its manifest's summary."""
    with zipfile.ZipFile(path) as archive:
        manifest = Manifest.from_json(archive.read(MANIFEST_NAME))
    summary = manifest.summary
    return {
        "made": summary.created_at,
        "folder": manifest.folder_id,
        "trail_head": summary.trail_head,
    }


@dataclass(frozen=True)
class Skipped:
    """A restore point whose head does not count against this trail, and why: ``other``
    (made from another data folder), ``replaced`` (made from data a later restore put
    back to an earlier backup), ``no head`` (made before heads were kept), ``damaged``."""

    point: PointAnchor
    why: str


def replaced_spans(db: Database) -> list[tuple[str, str]]:
    """(made, restored) local times of each restore in the trail: restore points made
    between the two came from data that the restore replaced."""
    spans = []
    with db.read() as session:
        rows = session.execute(
            select(AuditEntry.at, AuditEntry.new).where(AuditEntry.action == "restore")
        )
        for at, new in rows:
            made = new.get("made") if isinstance(new, dict) else None
            if made:
                local = at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
                spans.append((str(made), local.isoformat(timespec="seconds")))
    return spans


def sort_points(
    db: Database, points: list[PointAnchor], folder: str | None
) -> tuple[list[Anchor], list[Skipped]]:
    """The anchors to compare, and the points left aside with the reason.

    A head that no longer matches is left aside only when the point was made from
    another data folder, or between a restored backup's making and its restore; the
    command says so for each, so nothing is left aside unseen."""
    spans = replaced_spans(db)
    compare, skipped = [], []
    for point in points:
        if point.anchor is None:
            skipped.append(Skipped(point, point.why))
        elif not check_anchors(db, [point.anchor]):
            compare.append(point.anchor)
        elif folder is not None and point.folder not in (None, folder):
            skipped.append(Skipped(point, "other"))
        elif point.made and any(made < point.made <= done for made, done in spans):
            skipped.append(Skipped(point, "replaced"))
        else:
            compare.append(point.anchor)
    return compare, skipped

"""The data folder, its data file and scans are readable by their owner only (POSIX)."""

import stat
import sys

import pytest

from oc_desktop.documents.attachments import attach_scan
from oc_desktop.documents.incoming import register_incoming
from oc_desktop.paths import database_path, scans_dir
from oc_desktop.security import SYSTEM

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def _mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_the_data_folder_and_file_are_owner_only(db, data_dir):
    assert _mode(data_dir) == 0o700
    assert _mode(database_path(data_dir)) == 0o600
    assert all(_mode(p) == 0o600 for p in data_dir.glob("*.sqlite3*"))


def test_a_scan_and_its_folders_are_owner_only(db, data_dir, tmp_path):
    from datetime import date, datetime

    doc = register_incoming(
        db,
        actor=SYSTEM,
        received_at=datetime(2026, 3, 10, 9),
        sender="ພະແນກ",
        doc_number="1",
        doc_date=date(2026, 3, 9),
        kind_id=None,
        subject="ເລື່ອງ",
    )
    source = tmp_path / "scan.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    attach_scan(db, actor=SYSTEM, data_dir=data_dir, register="incoming", doc_id=doc, source=source)
    assert _mode(scans_dir(data_dir)) == 0o700
    (stored,) = [p for p in scans_dir(data_dir).rglob("*") if p.is_file()]
    assert _mode(stored) == 0o600 and _mode(stored.parent) == 0o700

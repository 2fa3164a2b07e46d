"""Failures name their real cause: a full disk, a read-only folder, another program
writing, a missing data file; "damaged" only for a file SQLite really finds corrupt."""

import errno
import os
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing

import pytest
from helpers import ROOT
from helpers.drives import fill, read_only, tmpfs

from oc_desktop.backup.errors import DriveFullError, drive_error
from oc_desktop.folder_lock import FolderInUse, FolderLock
from oc_desktop.models.migrate import EmptyDatabaseError, open_database
from oc_desktop.paths import database_path
from oc_desktop.profile import ensure_defaults
from oc_desktop.storage_errors import (
    BUSY,
    FULL,
    READ_ONLY,
    cause,
    explain_open_failure,
    really_damaged,
    save_failure_message,
)

DAMAGED_WORD = "ເສຍຫາຍ"  # "damaged"


def _cli(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "oc_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        **kwargs,
    )


def test_a_new_data_folder_on_a_full_disk_is_called_full_not_damaged(tmp_path):
    with tmpfs(tmp_path / "disk", "3m") as disk:
        fill(disk)
        data_dir = disk / "data"
        with pytest.raises(Exception) as caught:
            open_database(data_dir)
        message = explain_open_failure(caught.value, data_dir, database_path(data_dir))
        assert cause(caught.value, data_dir) == FULL
        assert "ເຕັມ" in message and DAMAGED_WORD not in message.split(".")[0]


def test_a_read_only_data_folder_is_called_read_only_and_the_file_is_not_damaged(tmp_path):
    with tmpfs(tmp_path / "disk", "4m") as disk:
        data_dir = disk / "data"
        db = open_database(data_dir)
        ensure_defaults(db)
        db.close()
        read_only(disk)
        with pytest.raises(Exception) as caught:
            open_database(data_dir).close()
        assert cause(caught.value, data_dir) == READ_ONLY
        assert not really_damaged(database_path(data_dir))
        message = explain_open_failure(caught.value, data_dir, database_path(data_dir))
        assert "ອ່ານໄດ້ຢ່າງດຽວ" in message  # read-only, in Lao
        result = _cli("verify", "--data-dir", data_dir)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert "ອ່ານໄດ້ຢ່າງດຽວ" in result.stderr and "oc-desktop restore" not in result.stderr


def test_a_save_while_another_program_writes_waits_instead_of_failing(db, data_dir):
    other = sqlite3.connect(database_path(data_dir), isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO section (name, position, active) VALUES ('other program', 99, 1)")
    threading.Timer(1.0, lambda: other.execute("COMMIT")).start()
    started = time.monotonic()
    from helpers.backup import add_entries

    with db.begin() as session:  # reads first, then writes: IMMEDIATE makes it wait
        session.execute(__import__("sqlalchemy").text("SELECT count(*) FROM section")).scalar()
    add_entries(db, 1)
    assert time.monotonic() - started >= 0.9
    other.close()


def test_busy_names_the_other_program():
    error = sqlite3.OperationalError("database is locked")
    assert cause(error) == BUSY
    assert "ໂປຣແກຣມອື່ນ" in save_failure_message(error)


def test_a_zero_byte_data_file_is_missing_data_not_a_new_register(data_dir):
    database_path(data_dir).write_bytes(b"")
    with pytest.raises(EmptyDatabaseError):
        open_database(data_dir)
    result = _cli("verify", "--data-dir", data_dir)
    assert result.returncode == 2 and "oc-desktop restore" in result.stderr
    assert database_path(data_dir).stat().st_size == 0  # untouched, no empty register


def test_damaged_only_when_sqlite_finds_it_corrupt(data_dir):
    db = open_database(data_dir)
    db.close()
    path = database_path(data_dir)
    assert not really_damaged(path)
    path.write_bytes(b"not SQLite at all" * 300)
    assert really_damaged(path)


def test_one_data_folder_one_program(data_dir):
    first = FolderLock(data_dir).acquire()
    try:
        with pytest.raises(FolderInUse) as caught:
            FolderLock(data_dir).acquire()
        assert "ເປີດ" in str(caught.value)  # "open" elsewhere, in Lao
    finally:
        first.release()
    FolderLock(data_dir).acquire().release()  # released: the next program gets in


def test_demo_force_refuses_a_folder_a_program_has_open(data_dir):
    db = open_database(data_dir)
    ensure_defaults(db)
    db.close()
    before = database_path(data_dir).read_bytes()
    with FolderLock(data_dir):
        result = _cli("demo", "--data-dir", data_dir, "--force", "--documents", "1")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert database_path(data_dir).read_bytes() == before


def test_a_crashed_program_releases_the_folder(data_dir):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from oc_desktop.folder_lock import FolderLock; "
            "FolderLock(sys.argv[1]).acquire(); print('held', flush=True); time.sleep(60)",
            str(data_dir),
        ],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert holder.stdout.readline() == b"held\n"
        with pytest.raises(FolderInUse):
            FolderLock(data_dir).acquire()
        holder.kill()  # SIGKILL: no chance to clean up
        holder.wait()
        FolderLock(data_dir).acquire().release()
    finally:
        holder.kill()
        holder.wait()


def test_a_full_drive_that_says_not_permitted_is_called_full(tmp_path):
    with tmpfs(tmp_path / "usb", "1m") as usb:
        fill(usb)
        error = drive_error(OSError(errno.EPERM, "Operation not permitted"), usb)
        assert isinstance(error, DriveFullError)


def test_a_scheduled_backup_meeting_another_writer_says_busy_not_damaged(db, data_dir, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    with closing(sqlite3.connect(database_path(data_dir), isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # held past the busy timeout
        result = _cli("backup", "--data-dir", data_dir, "--to", usb)
        other.execute("ROLLBACK")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "ໂປຣແກຣມອື່ນ" in result.stderr and DAMAGED_WORD not in result.stderr


def test_attaching_a_scan_to_a_full_disk_is_called_full_in_lao(tmp_path):
    from datetime import date, datetime

    from oc_desktop.documents.attachments import attach_scan
    from oc_desktop.documents.incoming import register_incoming
    from oc_desktop.security import SYSTEM

    scan = tmp_path / "letter.pdf"
    scan.write_bytes(os.urandom(2_000_000))
    with tmpfs(tmp_path / "disk", "3m") as disk:
        data_dir = disk / "data"
        db = open_database(data_dir)
        try:
            ensure_defaults(db)
            doc = register_incoming(
                db,
                actor=SYSTEM,
                received_at=datetime(2026, 3, 2, 9, 0),
                sender="ກົມຈັດຕັ້ງສູນກາງພັກ",
                doc_number="1/ກຈ",
                doc_date=date(2026, 3, 2),
                kind_id=None,
                subject="ກ່ຽວກັບວຽກງານຈັດຕັ້ງ",
            )
            fill(disk)
            with pytest.raises(OSError) as caught:
                attach_scan(
                    db,
                    actor=SYSTEM,
                    data_dir=data_dir,
                    register="incoming",
                    doc_id=doc,
                    source=scan,
                )
        finally:
            db.close()
        message = save_failure_message(caught.value, data_dir, kept=False)
        assert "ເຕັມ" in message and "Errno" not in message
        assert not list((data_dir / "scans").rglob("*.part"))  # the partial copy is gone

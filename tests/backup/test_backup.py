"""Backups of a live data folder: consistent, checked, named for FAT drives, rotated."""

import sqlite3
from datetime import datetime, timedelta

import pytest
from helpers.backup import (
    add_entries,
    add_scan,
    drive_files,
    folder_state,
    restore_key,
    section_ids,
)

from oc_desktop.backup import make_backup, restore_backup
from oc_desktop.backup.errors import BackupCancelled, SourceError
from oc_desktop.backup.naming import is_ours, our_backups
from oc_desktop.backup.status import back_up, backup_overdue, last_backup
from oc_desktop.profile import set_setting
from oc_desktop.security import SYSTEM

FAT_FORBIDDEN = set('<>:"/\\|?*')


def test_a_backup_holds_every_entry_and_scan_and_restores_them(db, data_dir, tmp_path):
    ids = add_entries(db, 50)
    add_scan(data_dir, "2024/incoming-001.pdf", b"%PDF-1.4 scan one")
    add_scan(data_dir, "ເອກະສານ/002.jpg", bytes(range(256)) * 100)
    usb = tmp_path / "usb"
    usb.mkdir()

    result = make_backup(data_dir, usb)

    name = result.path.name
    assert is_ours(name) and not (set(name) & FAT_FORBIDDEN)
    on_drive = drive_files(usb)  # the restore point and each scan once, no temporary file
    assert on_drive[0] == name and len(on_drive) == 3
    assert all(path.startswith("oc-desktop-scans/") for path in on_drive[1:])
    assert result.manifest.summary.counts["section"] == 4 + 50
    assert len(result.manifest.scans) == 2

    new_pc = tmp_path / "new-pc"
    restore_backup(result.path, new_pc, restore_key=restore_key(data_dir))
    assert set(ids) <= section_ids(new_pc)
    assert folder_state(new_pc / "scans") == folder_state(data_dir / "scans")


def test_the_backup_is_consistent_while_the_window_keeps_writing(db, data_dir, tmp_path):
    add_entries(db, 3000, size=200)  # a few MB, so the copy takes many steps
    usb = tmp_path / "usb"
    usb.mkdir()
    written = []

    def keep_writing(done, total):
        written.extend(add_entries(db, 1, tag="during"))
        return True

    result = make_backup(data_dir, usb, progress=keep_writing)

    assert written, "the progress callback was never called"
    restored = tmp_path / "restored"
    restore_backup(result.path, restored, restore_key=restore_key(data_dir))
    with sqlite3.connect(restored / "oc-desktop.sqlite3") as connection:
        count = connection.execute("SELECT count(*) FROM section").fetchone()[0]
    assert count == result.manifest.summary.counts["section"]
    assert section_ids(data_dir) - section_ids(restored)  # later writes are in the live file only


def test_progress_runs_to_the_end_and_cancel_leaves_nothing(db, data_dir, tmp_path):
    add_entries(db, 2000, size=200)
    usb = tmp_path / "usb"
    usb.mkdir()
    calls = []
    make_backup(data_dir, usb, progress=lambda done, total: calls.append((done, total)) or True)
    assert calls[-1][0] == calls[-1][1]
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:], strict=False))
    before = folder_state(usb)

    def cancel_half_way(done, total):
        return done < total // 2

    with pytest.raises(BackupCancelled):
        make_backup(data_dir, usb, progress=cancel_half_way, now=datetime(2030, 1, 1))
    assert folder_state(usb) == before
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".backup-")]


def test_rotation_keeps_the_newest_of_ours_and_never_touches_other_files(db, data_dir, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    others = [
        "oc-desktop-backup-notes.txt",
        "holiday.ocbak",
        "oc-desktop-backup-20200101-000000.ocbak.copy",
    ]
    for other in others:
        (usb / other).write_text("not ours")
    start = datetime(2024, 3, 1, 9, 0, 0)
    for day in range(5):
        last = make_backup(data_dir, usb, keep=3, now=start + timedelta(days=day))
    kept = [p.name for p in our_backups(usb)]
    assert kept == [f"oc-desktop-backup-2024030{d}-090000.ocbak" for d in (3, 4, 5)]
    assert last.path.name == kept[-1]
    assert all((usb / other).read_text() == "not ours" for other in others)


def test_two_backups_in_one_second_both_survive(db, data_dir, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    moment = datetime(2024, 5, 6, 7, 8, 9)
    first = make_backup(data_dir, usb, now=moment)
    second = make_backup(data_dir, usb, now=moment)
    assert first.path != second.path and first.path.exists() and second.path.exists()


def test_a_password_backup_hides_its_content(db, data_dir, tmp_path):
    add_entries(db, 5, tag="ລັບສຸດຍອດ")
    add_scan(data_dir, "secret.pdf", b"%PDF secret words " * 1000)
    usb = tmp_path / "usb"
    usb.mkdir()
    result = make_backup(data_dir, usb, password="ລະຫັດ 2024")
    raw = result.path.read_bytes()
    assert b"secret words" not in raw and "ລັບສຸດຍອດ".encode() not in raw
    assert b"manifest" not in raw and b"section" not in raw
    restored = tmp_path / "restored"
    restore_backup(result.path, restored, password="ລະຫັດ 2024")
    assert section_ids(restored) == section_ids(data_dir)


def test_the_time_of_the_last_checked_backup_is_recorded(db, data_dir, tmp_path):
    assert last_backup(db) is None and backup_overdue(db)
    usb = tmp_path / "usb"
    usb.mkdir()
    result = back_up(db, data_dir, usb, actor=SYSTEM)
    made = last_backup(db)
    assert made == result.manifest.summary.created
    assert not backup_overdue(db, now=made + timedelta(days=6))
    assert backup_overdue(db, now=made + timedelta(days=8))
    set_setting(db, actor=SYSTEM, key="backup_reminder_days", value=30)
    assert not backup_overdue(db, now=made + timedelta(days=8))


def test_the_rotation_setting_is_used(db, data_dir, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    set_setting(db, actor=SYSTEM, key="backup_keep", value=2)
    for _ in range(4):
        back_up(db, data_dir, usb, actor=SYSTEM)
    assert len(our_backups(usb)) == 2


def test_no_data_folder_is_a_clear_error(tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(SourceError):
        make_backup(tmp_path / "empty", usb)
    assert list(usb.iterdir()) == []

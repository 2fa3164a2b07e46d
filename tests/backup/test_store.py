"""Restore points on a stick: scans kept once by SHA-256 and sealed, only new ones written,
the database compressed, rotation of this data folder's own points only, and the scans
no remaining point needs removed."""

import os
import shutil
from datetime import datetime, timedelta

from helpers.backup import add_entries, add_scan, drive_files, folder_state, restore_key

from oc_desktop.backup import make_backup, restore_backup
from oc_desktop.backup.naming import our_backups
from oc_desktop.backup.office_key import folder_id
from oc_desktop.backup.rotation import folder_points
from oc_desktop.backup.store import STORE_DIR, stored_scans
from oc_desktop.models.migrate import open_database
from oc_desktop.profile import ensure_defaults

DAY = timedelta(days=1)
START = datetime(2025, 3, 1, 16, 30)


def _scans_on(usb, data_dir):
    return set(stored_scans(usb, folder_id(data_dir)))


def test_a_daily_backup_writes_only_the_new_scans_and_a_small_point(db, data_dir, tmp_path):
    add_entries(db, 400, size=200)
    for i in range(5):
        add_scan(data_dir, f"2025/{i}.pdf", os.urandom(300_000))
    usb = tmp_path / "usb"
    usb.mkdir()
    first = make_backup(data_dir, usb, now=START)
    assert first.new_scans == 5 and len(_scans_on(usb, data_dir)) == 5

    add_scan(data_dir, "2025/new.pdf", os.urandom(100_000))
    daily = make_backup(data_dir, usb, now=START + DAY)

    assert daily.new_scans == 1 and len(_scans_on(usb, data_dir)) == 6
    # what it wrote: its own point (the compressed database) and the one new scan
    assert daily.written < daily.path.stat().st_size + 100_000 + 2_000
    assert daily.path.stat().st_size < 0.5 * (data_dir / "oc-desktop.sqlite3").stat().st_size
    # the scans are sealed: no plaintext of a scan on the drive
    sample = (data_dir / "scans" / "2025" / "new.pdf").read_bytes()[:64]
    assert all(sample not in p.read_bytes() for p in usb.rglob("*.ocscan"))


def test_each_restore_point_restores_exactly_its_own_scans(db, data_dir, tmp_path):
    add_scan(data_dir, "a.pdf", b"%PDF a" * 1000)
    usb = tmp_path / "usb"
    usb.mkdir()
    first = make_backup(data_dir, usb, now=START)
    add_scan(data_dir, "b.pdf", b"%PDF b" * 1000)
    (data_dir / "scans" / "a.pdf").unlink()
    second = make_backup(data_dir, usb, now=START + DAY)
    key = restore_key(data_dir)

    restore_backup(first.path, tmp_path / "one", restore_key=key)
    restore_backup(second.path, tmp_path / "two", restore_key=key)

    assert sorted(folder_state(tmp_path / "one" / "scans")) == ["a.pdf"]
    assert sorted(folder_state(tmp_path / "two" / "scans")) == ["b.pdf"]


def test_rotation_removes_points_then_the_scans_no_point_needs(db, data_dir, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    for day in range(4):
        add_scan(data_dir, f"day{day}.pdf", os.urandom(10_000))
        if day:
            (data_dir / "scans" / f"day{day - 1}.pdf").unlink()  # each day holds one scan
        make_backup(data_dir, usb, keep=2, now=START + day * DAY)
    points = folder_points(usb, folder_id(data_dir))
    assert [p.path.name for p in points] == [
        "oc-desktop-backup-20250303-163000.ocbak",
        "oc-desktop-backup-20250304-163000.ocbak",
    ]
    needed = {sha for point in points for sha in point.scans}
    assert _scans_on(usb, data_dir) == needed and len(needed) == 2


def test_two_data_folders_share_a_stick_for_two_weeks_and_both_restore(tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    offices = []
    for name in ("office-a", "office-b"):
        folder = tmp_path / name
        db = open_database(folder)
        ensure_defaults(db)
        offices.append((folder, db))
    try:
        for day in range(14):
            for n, (folder, db) in enumerate(offices):
                add_entries(db, 1, tag=f"{folder.name} day {day}")
                add_scan(folder, f"{day}.pdf", os.urandom(5_000))
                moment = START + day * DAY + timedelta(minutes=n)
                make_backup(folder, usb, keep=3, now=moment)
        for folder, _db in offices:
            mine = folder_points(usb, folder_id(folder))
            assert len(mine) == 3  # each kept its own three, the other's untouched
        assert len(our_backups(usb)) == 6
        for folder, _db in offices:
            newest = folder_points(usb, folder_id(folder))[-1].path
            target = tmp_path / f"restored-{folder.name}"
            restore_backup(newest, target, restore_key=restore_key(folder))
            assert folder_state(target / "scans") == folder_state(folder / "scans")
    finally:
        for _folder, db in offices:
            db.close()


def test_an_old_backup_without_a_folder_id_is_never_rotated(db, data_dir, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    foreign = usb / "oc-desktop-backup-20200101-000000.ocbak"
    foreign.write_bytes(b"PK\x03\x04 an older OC Desktop's backup")
    for day in range(3):
        make_backup(data_dir, usb, keep=1, now=START + day * DAY)
    assert foreign.exists()
    assert len(our_backups(usb)) == 2


def test_a_missing_scan_on_the_drive_is_named_and_nothing_changes(db, data_dir, tmp_path):
    add_scan(data_dir, "letter.pdf", b"%PDF letter" * 100)
    usb = tmp_path / "usb"
    usb.mkdir()
    point = make_backup(data_dir, usb, now=START)
    shutil.rmtree(usb / STORE_DIR)
    target = tmp_path / "new-pc"
    try:
        restore_backup(point.path, target, restore_key=restore_key(data_dir))
    except Exception as error:  # noqa: BLE001 (the message is what is checked)
        message = str(error)
    else:
        raise AssertionError("restored without its scan")
    assert "letter.pdf" in message and STORE_DIR in message
    assert not (target / "oc-desktop.sqlite3").exists()


def test_drive_files_are_only_points_and_scans(db, data_dir, tmp_path):
    add_scan(data_dir, "x.pdf", b"x" * 5000)
    usb = tmp_path / "usb"
    usb.mkdir()
    make_backup(data_dir, usb, now=START)
    files = drive_files(usb)
    assert all(f.endswith((".ocbak", ".ocscan")) for f in files) and len(files) == 2


def test_a_snapshot_that_fails_its_check_is_never_named_a_restore_point(
    db, data_dir, tmp_path, monkeypatch
):
    from oc_desktop.backup import make as make_module
    from oc_desktop.backup.errors import SourceError

    usb = tmp_path / "usb"
    usb.mkdir()
    add_scan(data_dir, "a.pdf", b"a" * 1000)
    monkeypatch.setattr(
        make_module, "check_database", lambda path: ("*** page 7: btree broken", {}, None)
    )
    try:
        make_backup(data_dir, usb)
    except SourceError as error:
        assert "btree broken" in str(error)
    else:
        raise AssertionError("a failed check was written as a backup")
    assert our_backups(usb) == []
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".backup-")]

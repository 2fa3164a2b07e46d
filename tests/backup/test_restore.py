"""Restores: what a backup holds is shown first; anything unusable is refused with nothing
changed; a good one replaces the data after a safety copy, also on an empty new PC."""

import json
import sqlite3
import subprocess
import sys
import zipfile
from contextlib import closing

import pytest
from helpers.backup import (
    add_entries,
    add_scan,
    folder_state,
    integrity,
    restore_key,
    section_ids,
)

from oc_desktop.backup import inspect_backup, make_backup, restore_backup
from oc_desktop.backup.errors import (
    BackupError,
    DamagedBackupError,
    NewerBackupError,
    NotABackupError,
    PasswordRequiredError,
    RestoreCancelled,
    RestoreKeyRequiredError,
    WrongPasswordError,
)
from oc_desktop.backup.manifest import MANIFEST_NAME
from oc_desktop.models.migrate import open_database
from oc_desktop.paths import database_path


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def backed_up(db, data_dir, usb):
    """A backup of 4 + 30 sections and one scan, then the live data moves on."""
    add_entries(db, 30, tag="before")
    add_scan(data_dir, "2024/001.pdf", b"%PDF one" * 500)
    result = make_backup(data_dir, usb)
    add_entries(db, 7, tag="after")
    add_scan(data_dir, "2024/002.pdf", b"%PDF two")
    db.close()
    return result


def test_inspect_shows_date_entries_and_version_and_changes_nothing(backed_up, data_dir):
    before = folder_state(data_dir)
    info = inspect_backup(backed_up.path, data_dir=data_dir)
    assert info.created == backed_up.manifest.summary.created
    assert info.counts["section"] == 34
    assert info.app_version and not info.encrypted
    assert info.summary.scan_count == 1
    assert folder_state(data_dir) == before


def test_restore_replaces_the_data_after_a_safety_copy(backed_up, data_dir):
    live_ids = section_ids(data_dir)
    result = restore_backup(backed_up.path, data_dir)

    assert len(section_ids(data_dir)) == 34 and section_ids(data_dir) < live_ids
    assert integrity(database_path(data_dir)) == "ok"
    assert result.safety_copy is not None and result.safety_copy.parent == data_dir
    with closing(sqlite3.connect(result.safety_copy)) as connection:
        saved = {row[0] for row in connection.execute("SELECT id FROM section")}
    assert saved == live_ids  # the data as it was before the restore is kept
    assert sorted(p.name for p in (data_dir / "scans" / "2024").iterdir()) == ["001.pdf"]
    assert (result.scans_aside / "2024" / "002.pdf").read_bytes() == b"%PDF two"
    reopened = open_database(data_dir)  # the app opens it again, in WAL mode
    reopened.close()
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".restore-")]


def test_restore_onto_a_new_pc_with_an_empty_data_folder(backed_up, data_dir, tmp_path):
    new_pc = tmp_path / "new-pc" / "data"
    with pytest.raises(RestoreKeyRequiredError) as caught:
        restore_backup(backed_up.path, new_pc)  # sealed for the office: the key is needed
    assert "ໃບ" in str(caught.value)  # it names the recovery sheet, in Lao
    assert not (new_pc / "oc-desktop.sqlite3").exists()
    result = restore_backup(backed_up.path, new_pc, restore_key=restore_key(data_dir))
    assert result.safety_copy is None
    assert len(section_ids(new_pc)) == 34


def _refused(path, data_dir, error, **kwargs):
    before = folder_state(data_dir)
    with pytest.raises(error) as caught:
        restore_backup(path, data_dir, **kwargs)
    assert folder_state(data_dir) == before
    return str(caught.value)


def test_a_damaged_backup_is_refused_and_nothing_changes(backed_up, data_dir, tmp_path):
    damaged = tmp_path / backed_up.path.name
    raw = bytearray(backed_up.path.read_bytes())
    raw[len(raw) // 3] ^= 0xFF  # one flipped byte inside the database
    damaged.write_bytes(bytes(raw))
    message = _refused(damaged, data_dir, DamagedBackupError)
    assert damaged.name in message

    cut = tmp_path / "cut.ocbak"
    cut.write_bytes(backed_up.path.read_bytes()[:-300])
    _refused(cut, data_dir, DamagedBackupError)


def test_a_damaged_password_backup_is_refused(db, data_dir, usb, tmp_path):
    add_entries(db, 500, size=200)
    sealed = make_backup(data_dir, usb, password="pw")
    raw = bytearray(sealed.path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    damaged = tmp_path / "damaged.ocbak"
    damaged.write_bytes(bytes(raw))
    db.close()
    _refused(damaged, data_dir, DamagedBackupError, password="pw")
    cut = tmp_path / "cut.ocbak"
    cut.write_bytes(sealed.path.read_bytes()[: len(raw) // 2])
    _refused(cut, data_dir, DamagedBackupError, password="pw")


def test_a_wrong_or_missing_password_is_refused(db, data_dir, usb):
    sealed = make_backup(data_dir, usb, password="ລະຫັດຖືກ")
    db.close()
    _refused(sealed.path, data_dir, WrongPasswordError, password="ລະຫັດຜິດ")
    _refused(sealed.path, data_dir, PasswordRequiredError)
    assert inspect_backup(sealed.path, "ລະຫັດຖືກ").encrypted


def test_files_that_are_not_our_backups_are_refused(backed_up, data_dir, tmp_path):
    text = tmp_path / "letter.ocbak"
    text.write_text("ແຈ້ງການ")
    other_zip = tmp_path / "photos.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("photo.jpg", b"jpeg")
    foreign_manifest = tmp_path / "other-app.zip"
    with zipfile.ZipFile(foreign_manifest, "w") as archive:
        archive.writestr(MANIFEST_NAME, json.dumps({"format": "something-else"}))
    sqlite_file = database_path(data_dir)
    for path in (text, other_zip, foreign_manifest, sqlite_file, tmp_path):
        assert "OC Desktop" in _refused(path, data_dir, NotABackupError)


def test_a_backup_from_a_newer_version_is_refused(db, data_dir, usb):
    with sqlite3.connect(database_path(data_dir)) as connection:
        connection.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    newer = make_backup(data_dir, usb)
    db.close()
    with sqlite3.connect(database_path(data_dir)) as connection:
        connection.execute("UPDATE alembic_version SET version_num='0001_foundation'")
    with pytest.raises(NewerBackupError):
        inspect_backup(newer.path, data_dir=data_dir)
    _refused(newer.path, data_dir, NewerBackupError)


def test_restore_refuses_while_the_data_is_still_open_elsewhere(backed_up, data_dir):
    still_open = open_database(data_dir)
    add_entries(still_open, 1)  # a pooled connection now holds the file
    try:
        with pytest.raises(BackupError):
            restore_backup(backed_up.path, data_dir)
        assert len(section_ids(data_dir)) == 4 + 30 + 7 + 1
    finally:
        still_open.close()
    restore_backup(backed_up.path, data_dir)
    assert len(section_ids(data_dir)) == 34


def test_a_cancelled_restore_changes_nothing(backed_up, data_dir):
    before = folder_state(data_dir)
    with pytest.raises(RestoreCancelled):
        restore_backup(backed_up.path, data_dir, progress=lambda done, total: False)
    assert folder_state(data_dir) == before


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "oc_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_command_line_backup_then_restore_on_a_new_pc(db, data_dir, tmp_path, usb):
    ids = add_entries(db, 12, tag="ທະບຽນ")
    db.close()
    secret = tmp_path / "password.txt"
    secret.write_text("ລະຫັດ ຫ້ອງການ\n", encoding="utf-8")

    made = _cli("backup", "--data-dir", data_dir, "--to", usb, "--password-file", secret)
    assert made.returncode == 0, made.stderr
    written = made.stdout.strip().splitlines()[-1]
    assert written.endswith(".ocbak") and (usb / written.rsplit("/", 1)[-1]).exists()

    new_pc = tmp_path / "new-pc"
    looked = _cli("restore", "--data-dir", new_pc, "--from", written, "--password-file", secret)
    assert looked.returncode == 0 and not new_pc.exists()  # without --yes, nothing changes

    wrong = _cli(
        "restore",
        "--data-dir",
        new_pc,
        "--from",
        written,
        "--yes",
        "--password-env",
        "NO_SUCH_VARIABLE_SET",
    )
    assert wrong.returncode == 2 and not new_pc.exists()

    done = _cli(
        "restore", "--data-dir", new_pc, "--from", written, "--yes", "--password-file", secret
    )
    assert done.returncode == 0, done.stderr
    assert set(ids) <= section_ids(new_pc)


def test_command_line_refusals_exit_non_zero(backed_up, data_dir, tmp_path):
    junk = tmp_path / "junk.ocbak"
    junk.write_bytes(b"\x00" * 100)
    before = folder_state(data_dir)
    result = _cli("restore", "--data-dir", data_dir, "--from", junk, "--yes", "--lang", "en")
    assert result.returncode == 2
    assert "is not a backup made by OC Desktop" in result.stderr
    missing = _cli("backup", "--data-dir", data_dir, "--to", tmp_path / "no-drive")
    assert missing.returncode == 2 and missing.stdout == ""
    assert folder_state(data_dir) == before


def test_restore_over_a_live_file_sqlite_cannot_read(backed_up, data_dir):
    live = database_path(data_dir)
    damaged = b"ransomware was here" + bytes(4096)
    live.write_bytes(damaged)
    result = restore_backup(backed_up.path, data_dir)
    assert len(section_ids(data_dir)) == 34
    assert result.safety_copy.read_bytes() == damaged  # kept byte for byte
    assert not list(data_dir.glob("*before-restore*.sqlite3"))  # no empty copy beside it

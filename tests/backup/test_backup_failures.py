"""A drive that fills up, is write-protected or is pulled out: a clear message, and the
earlier backups and the live data untouched. Real drives here are small tmpfs mounts."""

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.backup import add_entries, add_scan, folder_state, integrity

from oc_desktop.backup import inspect_backup, make_backup
from oc_desktop.backup.errors import DriveFullError, DriveLostError, DriveWriteProtectedError
from oc_desktop.backup.office_key import FOLDER_ID_FILE, KEY_FILE
from oc_desktop.paths import database_path


@contextlib.contextmanager
def tmpfs(path: Path, size: str):
    """A small real file system, as a USB stick is; skipped only where mounting is impossible."""
    path.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; the RLIMIT_FSIZE test covers a full drive")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine cannot mount a tmpfs: {mounted.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def _live_state(data_dir: Path):
    """The database and scans (the office key and folder id are made at the first backup)."""
    state = folder_state(data_dir)
    for made_once in (KEY_FILE, FOLDER_ID_FILE):
        state.pop(made_once, None)
    return integrity(database_path(data_dir)), state


def _files(folder: Path) -> list[str]:
    """Every file on the drive, the shared scans folder included."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_a_full_drive_is_reported_and_the_earlier_backup_survives(db, data_dir, tmp_path):
    with tmpfs(tmp_path / "usb", "2m") as usb:
        earlier = make_backup(data_dir, usb)  # small: it fits
        add_entries(db, 4000, size=300)
        add_scan(data_dir, "big.pdf", os.urandom(3_000_000))  # now larger than the drive
        db.close()
        before = _live_state(data_dir)

        with pytest.raises(DriveFullError) as caught:
            make_backup(data_dir, usb)

        assert "ເຕັມ" in str(caught.value)  # in the clerk's language: "full"
        assert _files(usb) == [earlier.path.name]
        assert inspect_backup(earlier.path, data_dir=data_dir).counts["section"] == 4
        assert _live_state(data_dir) == before


def test_a_write_protected_drive_is_reported(db, data_dir, tmp_path):
    with tmpfs(tmp_path / "usb", "4m") as usb:
        earlier = make_backup(data_dir, usb)
        subprocess.run(["mount", "-o", "remount,ro", str(usb)], check=True)
        db.close()
        before = _live_state(data_dir)

        with pytest.raises(DriveWriteProtectedError):
            make_backup(data_dir, usb)

        assert _files(usb) == [earlier.path.name]
        assert inspect_backup(earlier.path, data_dir=data_dir).counts["section"] == 4
        assert _live_state(data_dir) == before


def test_a_drive_pulled_out_half_way_is_reported(db, data_dir, tmp_path):
    add_entries(db, 2000, size=200)
    add_scan(data_dir, "big.pdf", os.urandom(2_000_000))
    db.close()
    before = _live_state(data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()
    make_backup(data_dir, usb)
    pulled = []

    def pull_the_drive(done, total):
        if done > total * 0.4 and not pulled:
            shutil.rmtree(usb)
            pulled.append(done)
        return True

    with pytest.raises(DriveLostError) as caught:
        make_backup(data_dir, usb, progress=pull_the_drive)

    assert pulled and str(usb) in str(caught.value)
    assert _live_state(data_dir) == before
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".backup-")]


def _limit_file_size():
    # As on a drive with too little room: writes past 1 MB fail with EFBIG, not a signal.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, 1_000_000))


def test_the_command_line_reports_a_drive_that_cannot_take_the_file(db, data_dir, tmp_path):
    add_scan(data_dir, "big.pdf", os.urandom(2_000_000))  # the data itself stays small
    db.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    before = _live_state(data_dir)

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "oc_desktop",
            "backup",
            "--data-dir",
            str(data_dir),
            "--to",
            str(usb),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_file_size,
    )

    assert result.returncode == 2, result.stderr
    assert "ເຕັມ" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert _files(usb) == []
    assert _live_state(data_dir) == before

"""What a killed backup, restore or scan copy leaves is cleaned at the next start or
backup, never carried into a backup, and a running backup's files are never swept."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers import ROOT
from helpers.backup import add_scan, drive_files, restore_key

from oc_desktop.backup import make_backup
from oc_desktop.backup.leftovers import clean_data_folder, clean_drive, working_folder
from oc_desktop.backup.office_key import ensure_key


def _leftovers(data_dir: Path, usb: Path) -> list[str]:
    found = [p.name for p in data_dir.iterdir() if p.name.startswith((".backup-", ".restore-"))]
    found += [p.name for p in (data_dir / "scans").rglob("*.part")]
    found += [f for f in drive_files(usb) if f.endswith(".tmp")]
    return found


def _kill_when(command: list[str], ready, timeout: float = 60) -> None:
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + timeout
        while not ready():
            assert process.poll() is None, "finished before it could be killed"
            assert time.monotonic() < deadline, "never reached the moment to kill"
            time.sleep(0.005)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL


def test_a_killed_backup_leaves_nothing_after_the_next_one(db, data_dir, tmp_path):
    for i in range(12):
        add_scan(data_dir, f"2025/{i}.pdf", os.urandom(3_000_000))
    db.close()
    ensure_key(data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()

    def half_way():
        staging = [p for p in data_dir.iterdir() if p.name.startswith(".backup-")]
        return staging and any(f.endswith(".tmp") for f in drive_files(usb))

    backup = [sys.executable, "-m", "oc_desktop", "backup", "--data-dir", str(data_dir)]
    _kill_when([*backup, "--to", str(usb)], half_way)
    add_scan(data_dir, "2025/.killed-copy.pdf.part", os.urandom(500_000))  # a killed attach
    assert len(_leftovers(data_dir, usb)) >= 3  # staging, the .part, a temporary on the drive

    result = make_backup(data_dir, usb)

    assert _leftovers(data_dir, usb) == []
    assert all(not e.path.endswith(".part") for e in result.manifest.scans)
    assert len(result.manifest.scans) == 12
    restored = tmp_path / "restored"
    from oc_desktop.backup import restore_backup

    restore_backup(result.path, restored, restore_key=restore_key(data_dir))
    assert not list((restored / "scans").rglob("*.part"))


def test_a_killed_restore_leaves_nothing_after_the_next_start(db, data_dir, tmp_path):
    for i in range(10):
        add_scan(data_dir, f"{i}.pdf", os.urandom(3_000_000))
    usb = tmp_path / "usb"
    usb.mkdir()
    point = make_backup(data_dir, usb)
    db.close()
    target = tmp_path / "new-pc"
    key_file = tmp_path / "key.txt"
    key_file.write_text(restore_key(data_dir))

    def unpacking():
        return target.is_dir() and any(p.name.startswith(".restore-") for p in target.iterdir())

    restore = [sys.executable, "-m", "oc_desktop", "restore", "--data-dir", str(target)]
    _kill_when(
        [*restore, "--from", str(point.path), "--yes", "--restore-key-file", str(key_file)],
        unpacking,
    )
    assert [p for p in target.iterdir() if p.name.startswith(".restore-")]

    clean_data_folder(target)  # what the program does at start, before anything else

    assert not [p for p in target.iterdir() if p.name.startswith(".restore-")]


def test_a_running_backup_is_never_taken_for_a_leftover(data_dir, tmp_path):
    folder, busy = working_folder(data_dir, ".backup-")
    stale = data_dir / ".backup-killed"
    stale.mkdir()
    try:
        removed = clean_data_folder(data_dir)
        assert folder.exists() and not stale.exists() and removed == [stale]
    finally:
        os.close(busy)
    usb = tmp_path / "usb"
    usb.mkdir()
    from oc_desktop.folder_lock import hold_file

    writing = usb / ".oc-desktop-backup-20250101-000000.ocbak.tmp"
    fd = hold_file(writing)
    left = usb / ".oc-desktop-backup-20240101-000000.ocbak.tmp"
    left.write_bytes(b"pulled")
    try:
        assert clean_drive(usb) == [left] and writing.exists()
    finally:
        os.close(fd)

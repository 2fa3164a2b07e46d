"""What a killed scan copy, backup or restore leaves behind, cleaned at the next start or
backup, and never carried into a backup.

A working folder or file in use holds an OS lock on a marker (``.busy`` inside a working
folder, the temporary backup file itself on a drive); a leftover is one nobody holds, so a
backup running in another program is never swept away from under it.
"""

import os
import shutil
from pathlib import Path

from oc_desktop.folder_lock import try_lock_file
from oc_desktop.paths import scans_dir

BUSY_MARKER = ".busy"
WORK_PREFIXES = (".backup-", ".restore-")
PART_SUFFIX = ".part"
DRIVE_TEMP = ".ocbak.tmp"
STORE_TEMP = ".tmp"


def is_leftover_name(name: str) -> bool:
    """A name that never belongs in a backup: working copies and partial files."""
    return name.startswith(".") or name.endswith((PART_SUFFIX, STORE_TEMP))


def _unheld(marker: Path) -> bool:
    fd = try_lock_file(marker)
    if fd is None:
        return not marker.exists()  # no marker at all: killed before it was made
    os.close(fd)
    return True


def clean_data_folder(data_dir: Path) -> list[Path]:
    """Remove killed backups' and restores' working folders and killed scan copies."""
    removed: list[Path] = []
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        return removed
    for path in data_dir.iterdir():
        if path.is_dir() and path.name.startswith(WORK_PREFIXES) and _unheld(path / BUSY_MARKER):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    scans = scans_dir(data_dir)
    if scans.is_dir():
        for path in scans.rglob(f"*{PART_SUFFIX}"):
            if path.is_file() and path.name.startswith("."):
                try:
                    path.unlink()
                    removed.append(path)
                except OSError:
                    pass
    return removed


def clean_drive(folder: Path) -> list[Path]:
    """Remove the temporary files of killed backups (or pulled drives) on a drive."""
    removed: list[Path] = []
    folder = Path(folder)
    candidates = [p for p in folder.iterdir() if p.name.endswith(DRIVE_TEMP)]
    from oc_desktop.backup.store import STORE_DIR

    store = folder / STORE_DIR
    if store.is_dir():
        candidates += [p for p in store.rglob(f"*{STORE_TEMP}")]
    for path in candidates:
        if path.is_file() and _unheld(path):
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass
    return removed


def working_folder(data_dir: Path, prefix: str) -> tuple[Path, int]:
    """A new working folder in the data folder, marked busy while the fd stays open."""
    import tempfile

    from oc_desktop.folder_lock import hold_file

    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=data_dir))
    return folder, hold_file(folder / BUSY_MARKER)

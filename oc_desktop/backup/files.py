"""Files on disk: the scans to take along, hashed copies, and making writes durable."""

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

BLOCK = 1 << 20


@dataclass(frozen=True)
class ScanFile:
    relative: str  # with "/", as stored in the backup
    path: Path
    size: int


def list_scans(folder: Path) -> list[ScanFile]:
    """Every file under the scans folder (none if it does not exist yet)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    from oc_desktop.backup.leftovers import is_leftover_name

    found = []
    for path in sorted(folder.rglob("*")):
        if is_leftover_name(path.name):  # a killed copy's .part never enters a backup
            continue
        if path.is_file() and not path.is_symlink():
            found.append(ScanFile(path.relative_to(folder).as_posix(), path, path.stat().st_size))
    return found


def safe_relative(relative: str) -> bool:
    """A path from a backup that stays inside the folder it is unpacked into."""
    parts = relative.split("/")
    return (
        bool(relative)
        and not relative.startswith("/")
        and "\\" not in relative
        and ":" not in relative
        and all(part not in ("", ".", "..") for part in parts)
    )


class HashingWriter:
    """Passes writes on to ``inner`` and keeps the SHA-256 and length of what went by."""

    def __init__(self, inner) -> None:
        self.inner, self.hash, self.length = inner, hashlib.sha256(), 0

    def write(self, data) -> int:
        self.inner.write(data)
        self.hash.update(data)
        self.length += len(data)
        return len(data)

    def tell(self) -> int:
        return self.length

    def flush(self) -> None:
        self.inner.flush()


def sync_file(handle) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def forget_cached(path: Path) -> None:
    """Ask the OS to drop its cached pages, so reading back reads the drive itself."""
    if hasattr(os, "posix_fadvise"):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def sync_folder(folder: Path) -> None:
    """Make a rename in the folder durable (POSIX; Windows has no directory handle)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

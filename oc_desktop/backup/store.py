"""Scans kept once on the drive, named by their SHA-256 and sealed for the office.

``oc-desktop-scans/<data folder id>/<first two hex digits>/<sha256>.ocscan``: every
restore point of one data folder shares them; a backup writes only the scans the drive
does not hold yet, and rotation removes the scans no remaining restore point names.
Each file is written under a temporary name (held by an OS lock while it is written),
read back and compared, then renamed, so a name present is a complete scan.
"""

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from oc_desktop.backup.crypto import EncryptingWriter, office_seal, open_sealed
from oc_desktop.backup.files import BLOCK, forget_cached, sync_file
from oc_desktop.backup.progress import Tracker
from oc_desktop.folder_lock import lock_fd

STORE_DIR = "oc-desktop-scans"
SUFFIX = ".ocscan"
TEMP = ".tmp"


class ScanMismatch(Exception):
    """A scan read from the drive is not the one named (damaged or missing)."""


def folder_store(destination: Path, folder_id: str) -> Path:
    return Path(destination) / STORE_DIR / folder_id


def scan_file(destination: Path, folder_id: str, sha256: str) -> Path:
    return folder_store(destination, folder_id) / sha256[:2] / f"{sha256}{SUFFIX}"


def has_scan(destination: Path, folder_id: str, sha256: str, size: int) -> bool:
    path = scan_file(destination, folder_id, sha256)
    try:
        return path.stat().st_size > size  # sealed: header and tags on top of the scan
    except OSError:
        return False


def put_scan(
    destination: Path, folder_id: str, source: Path, key, tracker: Tracker
) -> tuple[str, int, int]:
    """Seal one scan onto the drive: (sha256, size, bytes written). The caller reads the
    source's errors as its own and the drive's as the drive's (``SourceReadError``)."""
    digest, size = hashlib.sha256(), 0
    folder = folder_store(destination, folder_id)
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f"{os.getpid()}-{id(source)}{TEMP}"
    try:
        with open(temporary, "wb") as raw:
            lock_fd(raw.fileno())
            secret, header = office_seal(key.public)
            writer = EncryptingWriter(raw, secret, {**header, "kind": "scan"})
            with _open_source(source) as handle:
                while block := _read_block(handle):
                    digest.update(block)
                    size += len(block)
                    writer.write(block)
                    tracker.add(len(block))
            writer.close()
            sync_file(raw)
        sha256 = digest.hexdigest()
        target = scan_file(destination, folder_id, sha256)
        if target.exists():  # written meanwhile by another backup of this folder
            temporary.unlink()
            return sha256, size, 0
        _check(temporary, sha256, size, key.private)
        target.parent.mkdir(parents=True, exist_ok=True)
        written = temporary.stat().st_size
        os.replace(temporary, target)
        return sha256, size, written
    finally:
        if temporary.exists():
            temporary.unlink()


class SourceReadError(Exception):
    """An OSError while reading our own scan (not the drive's fault)."""


def _open_source(path: Path):
    try:
        return open(path, "rb")
    except OSError as error:
        raise SourceReadError(error) from error


def _read_block(handle) -> bytes:
    try:
        return handle.read(BLOCK)
    except OSError as error:
        raise SourceReadError(error) from error


def _check(path: Path, sha256: str, size: int, private: bytes | None) -> None:
    """Read a freshly written scan back from the drive. Without the private key (a clerk's
    backup) the sealed file cannot be opened; its length and tags are then checked by
    re-reading the bytes only."""
    forget_cached(path)
    if private is None:
        with open(path, "rb") as handle:
            while handle.read(BLOCK):
                pass
        return
    get_scan_to(path, sha256, size, private, _Discard(), None)


def get_scan_to(
    path: Path, sha256: str, size: int, private: bytes, out, tracker: Tracker | None
) -> None:
    """Open a sealed scan into ``out``; ScanMismatch unless it is exactly the one named."""
    from oc_desktop.backup.crypto import Damaged, WrongKey

    digest, length = hashlib.sha256(), 0
    try:
        with open(path, "rb") as raw:
            _header, _summary, chunks = open_sealed(raw, private=private)
            for chunk in chunks:
                digest.update(chunk)
                length += len(chunk)
                out.write(chunk)
                if tracker is not None:
                    tracker.add(len(chunk))
    except FileNotFoundError:
        raise ScanMismatch(sha256) from None
    except (Damaged, WrongKey):
        raise ScanMismatch(sha256) from None
    if length != size or digest.hexdigest() != sha256:
        raise ScanMismatch(sha256)


class _Discard:
    def write(self, data) -> int:
        return len(data)


def stored_scans(destination: Path, folder_id: str) -> dict[str, Path]:
    folder = folder_store(destination, folder_id)
    if not folder.is_dir():
        return {}
    return {p.name.removesuffix(SUFFIX): p for p in folder.glob(f"*/*{SUFFIX}") if p.is_file()}


def remove_unreferenced(destination: Path, folder_id: str, needed: Iterable[str]) -> list[Path]:
    """Delete this folder's scans that no remaining restore point names."""
    keep = set(needed)
    removed = []
    for sha256, path in stored_scans(destination, folder_id).items():
        if sha256 not in keep:
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass  # left for the next rotation
    return removed

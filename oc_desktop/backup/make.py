"""Make a checked restore point of a data folder on a drive, while the app stays open.

The database is copied with SQLite's backup API into a working copy beside the data
(checked there: integrity and entry counts), compressed with zstd and sealed with the
manifest into one ``.ocbak`` file under a temporary name. Every backup is sealed: for
the office's public key (whoever may back up can seal; only the restore key opens), or
with a password for a drive that leaves the office. An office backup keeps the scans
once on the drive (``store.py``) and writes only new ones; a password backup carries its
scans inside. Only when the file read back from the drive matches what was written is it
renamed to its final name, and only then are this data folder's oldest restore points
rotated out, and the scans none of the rest names.
"""

import contextlib
import os
import shutil
import sqlite3
import threading
import zipfile
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import zstandard

from oc_desktop import __version__
from oc_desktop.backup.anchors import trail_head
from oc_desktop.backup.crypto import EncryptingWriter, office_seal, open_sealed, password_seal
from oc_desktop.backup.errors import (
    BackupCancelled,
    BackupError,
    DamagedBackupError,
    DriveLostError,
    SourceError,
    drive_error,
    local_error,
)
from oc_desktop.backup.files import (
    BLOCK,
    HashingWriter,
    ScanFile,
    forget_cached,
    list_scans,
    sync_file,
    sync_folder,
)
from oc_desktop.backup.leftovers import clean_data_folder, clean_drive, working_folder
from oc_desktop.backup.manifest import (
    DATABASE_ZSTD_MEMBER,
    MANIFEST_NAME,
    SCANS_PREFIX,
    FileEntry,
    Manifest,
    Summary,
)
from oc_desktop.backup.naming import free_name, temp_name
from oc_desktop.backup.office_key import ensure_key, folder_id
from oc_desktop.backup.progress import Progress, Stop, Tracker
from oc_desktop.backup.rotation import rotate
from oc_desktop.backup.sqlite_copy import check_database, snapshot
from oc_desktop.backup.store import SourceReadError, has_scan, put_scan, scan_file
from oc_desktop.folder_lock import lock_fd
from oc_desktop.i18n import _
from oc_desktop.models.migrate import stored_revision
from oc_desktop.paths import database_path, scans_dir

#: level 1: as small as level 3 on register data (68 vs 66 MB of 500), in half the time
ZSTD_LEVEL = 1


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    size: int
    encrypted: bool
    rotated: tuple[Path, ...]
    #: bytes written to the drive: the restore point and the scans it did not hold yet
    written: int = 0
    new_scans: int = 0
    key_created: bool = False


class _SourceReadError(Exception):
    """An OSError while reading our own data (kept apart from the drive's errors)."""


def make_backup(
    data_dir: Path,
    destination: Path,
    *,
    password: str | None = None,
    keep: int = 10,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> BackupResult:
    """Write, check and name one restore point of ``data_dir`` in the folder ``destination``.

    Without a password it is sealed for the office key (made at first need)."""
    data_dir, destination = Path(data_dir), Path(destination)
    source = database_path(data_dir)
    if not source.is_file():
        raise SourceError(_("There is no data in {folder} to back up.").format(folder=data_dir))
    if not destination.is_dir():
        raise DriveLostError(
            _("The folder {folder} cannot be found. Is the drive plugged in?").format(
                folder=destination
            )
        )
    if password is not None and not password:
        raise BackupError(_("The password cannot be empty."))
    moment = (now or datetime.now()).replace(microsecond=0)
    try:
        clean_data_folder(data_dir)
        folder = folder_id(data_dir)
        key, created = (None, False) if password else ensure_key(data_dir)
    except OSError as error:
        raise local_error(error, data_dir) from error
    try:
        clean_drive(destination)
    except OSError as error:
        raise drive_error(error, destination) from error
    scans = list_scans(scans_dir(data_dir))
    scans_size = sum(scan.size for scan in scans)
    estimate = _size_with_wal(source)
    tracker = Tracker(progress, estimate + 2 * (estimate + scans_size))
    try:
        staging, busy = working_folder(data_dir, ".backup-")
    except OSError as error:
        raise local_error(error, data_dir) from error
    temporary: Path | None = None
    check: _Check | None = None
    try:
        copy = staging / "snapshot.sqlite3"
        summary, check = _take_snapshot(source, copy, tracker, scans, moment)
        known = _known_hashes(copy)
        tracker.total = tracker.done + 2 * copy.stat().st_size + 2 * scans_size
        name = free_name(destination, moment)
        temporary = destination / temp_name(name)
        try:
            if key is not None:
                entries, scans_written, new = _store_scans(
                    destination, folder, scans, known, key, tracker
                )
                point = _Point(summary, folder, entries, True)
                seal = office_seal(key.public)
            else:
                point, scans_written, new = _Point(summary, folder, (), False), 0, 0
                seal = password_seal(password)
            manifest, digest, length = _write(temporary, copy, scans, point, seal, tracker)
            _read_back(temporary, password, key, digest, length, tracker)
            check.verify(summary.schema_revision)
            final = destination / name
            os.replace(temporary, final)
            temporary = None
            sync_folder(destination)
        except OSError as error:
            raise drive_error(error, destination) from error
        rotated = rotate(destination, folder, keep, final)
        tracker.finish()
        size = final.stat().st_size
        return BackupResult(
            final,
            manifest,
            size,
            password is not None,
            rotated,
            written=size + scans_written,
            new_scans=new,
            key_created=created,
        )
    except Stop:
        raise BackupCancelled() from None
    except (_SourceReadError, SourceReadError) as error:
        raise local_error(error.args[0], data_dir) from error
    finally:
        if check is not None:
            check.join()  # it reads the snapshot that is removed next
        if temporary is not None:
            _remove_quietly(temporary)
        os.close(busy)
        shutil.rmtree(staging, ignore_errors=True)


@dataclass(frozen=True)
class _Point:
    summary: Summary
    folder: str
    scans: tuple[FileEntry, ...]
    scans_on_drive: bool


def _size_with_wal(source: Path) -> int:
    wal = source.with_name(source.name + "-wal")
    return source.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def _read_failure(error: Exception, folder: Path) -> BackupError:
    if isinstance(error, OSError):
        return local_error(error, folder)
    if "full" in str(error):
        return local_error(OSError(28, str(error)), folder)
    return SourceError(
        _("The data could not be read ({reason}); nothing was written.").format(reason=error)
    )


class _Check(threading.Thread):
    """The snapshot's integrity check and entry counts, run while it is compressed and
    written (both wait on the disk or on C code, so the two cores share the work); the
    restore point is named only after ``verify``."""

    def __init__(self, copy: Path, counts: dict[str, int]) -> None:
        super().__init__(name="backup-check", daemon=True)
        self.copy, self.counts = copy, counts
        self.outcome: tuple | None = None
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            self.outcome = check_database(self.copy)
        except (OSError, sqlite3.Error) as error:
            self.error = error

    def verify(self, revision: str | None) -> None:
        self.join()
        if self.error is not None:
            raise _read_failure(self.error, self.copy.parent)
        result, copied_counts, copied_revision = self.outcome
        if result != "ok" or copied_counts != self.counts or copied_revision != revision:
            raise SourceError(
                _(
                    "The copy of the data did not pass its check ({reason}). "
                    "Nothing was written; ask for help before going on."
                ).format(reason=result)
            )


def _take_snapshot(
    source: Path, copy: Path, tracker: Tracker, scans: list[ScanFile], moment: datetime
) -> tuple[Summary, _Check]:
    try:
        counts = snapshot(source, copy, tracker)
        revision = stored_revision(copy)
    except (OSError, sqlite3.Error) as error:
        raise _read_failure(error, copy.parent) from error
    check = _Check(copy, counts)
    check.start()
    summary = Summary(
        app_version=__version__,
        schema_revision=revision,
        created_at=moment.isoformat(),
        counts=counts,
        scan_count=len(scans),
        trail_head=trail_head(copy),
    )
    return summary, check


def _known_hashes(copy: Path) -> dict[str, tuple[str, int]]:
    """stored name → (SHA-256, size) of the scans the snapshot records (no need to read
    a scan the drive already holds)."""
    with closing(sqlite3.connect(f"file:{copy}?mode=ro", uri=True)) as connection:
        try:
            rows = connection.execute("SELECT stored_name, sha256, size FROM scan").fetchall()
        except sqlite3.OperationalError:
            return {}
    return {name: (sha, size) for name, sha, size in rows}


def _store_scans(destination, folder, scans, known, key, tracker):
    """Seal onto the drive the scans it does not hold yet; entries for the manifest."""
    entries, written, new = [], 0, 0
    for scan in scans:
        recorded = known.get(scan.relative)
        if recorded and recorded[1] == scan.size and has_scan(destination, folder, *recorded):
            entries.append(FileEntry(SCANS_PREFIX + scan.relative, scan.size, recorded[0]))
            tracker.add(2 * scan.size)
            continue
        try:
            sha256, size, amount = put_scan(destination, folder, scan.path, key, tracker)
        except SourceReadError as error:
            if isinstance(error.args[0], FileNotFoundError):
                continue  # deleted meanwhile
            raise
        written += amount
        new += amount > 0
        tracker.add(size)
        entries.append(FileEntry(SCANS_PREFIX + scan.relative, size, sha256))
    return tuple(entries), written, new


def _write(temporary: Path, copy: Path, scans, point: _Point, seal, tracker: Tracker):
    """Write the container; returns its manifest and the SHA-256 and length of the ZIP."""
    key, header = seal
    with open(temporary, "xb") as raw:
        lock_fd(raw.fileno())  # a running backup's file is never taken for a leftover
        needed = sorted({entry.sha256 for entry in point.scans}) if point.scans_on_drive else []
        fields = {**header, "kind": "point", "folder": point.folder, "scans": needed}
        # readable without the key, so `verify --backup` can compare any restore point
        fields.update(made=point.summary.created_at, trail_head=point.summary.trail_head)
        sealed = EncryptingWriter(raw, key, fields, point.summary.to_json())
        plain = HashingWriter(sealed)
        with zipfile.ZipFile(plain, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            database = _add_compressed(archive, DATABASE_ZSTD_MEMBER, copy, tracker)
            entries = list(point.scans)
            if not point.scans_on_drive:
                for scan in scans:
                    entry = _add(archive, SCANS_PREFIX + scan.relative, scan.path, tracker)
                    if entry is not None:
                        entries.append(entry)
            manifest = Manifest(
                point.summary, database, tuple(entries), point.scans_on_drive, point.folder
            )
            archive.writestr(MANIFEST_NAME, manifest.to_json())
        sealed.close()
        sync_file(raw)
    return manifest, plain.hash.hexdigest(), plain.length


def _add_compressed(archive, member: str, path: Path, tracker: Tracker) -> FileEntry:
    """The database snapshot, zstd-compressed with its content checksum; the entry names
    the compressed member's size and SHA-256 (hashing the small stream, not the file)."""
    compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL, threads=-1, write_checksum=True)
    with open(path, "rb") as handle, archive.open(member, "w", force_zip64=True) as out:
        hashing = HashingWriter(out)
        with compressor.stream_writer(hashing, closefd=False) as writer:
            for block in iter(lambda: handle.read(BLOCK * 4), b""):
                writer.write(block)
                tracker.add(len(block))
    return FileEntry(member, hashing.length, hashing.hash.hexdigest())


def _add(archive: zipfile.ZipFile, member: str, path: Path, tracker: Tracker) -> FileEntry | None:
    """Copy one file into the archive, hashing it; a scan deleted meanwhile is skipped."""
    hashing = None
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the with below)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _SourceReadError(error) from error
    with handle, archive.open(member, "w", force_zip64=True) as out:
        hashing = HashingWriter(out)
        while True:
            try:
                block = handle.read(BLOCK)
            except OSError as error:
                raise _SourceReadError(error) from error
            if not block:
                break
            hashing.write(block)
            tracker.add(len(block))
    return FileEntry(member, hashing.length, hashing.hash.hexdigest())


def _read_back(temporary: Path, password, key, digest: str, length: int, tracker) -> None:
    """Read the file back from the drive; it must hold exactly the ZIP that was written."""
    forget_cached(temporary)
    check = HashingWriter(_Discard())
    private = key.private if key is not None else None
    with open(temporary, "rb") as raw:
        if password is None and private is None:  # only the public key here: bytes only
            for block in iter(lambda: raw.read(BLOCK), b""):
                tracker.add(len(block))
            return
        try:
            _header, _summary, chunks = open_sealed(raw, password=password, private=private)
            for chunk in chunks:
                check.write(chunk)
                tracker.add(len(chunk))
        except Exception as error:
            if isinstance(error, (OSError, Stop)):
                raise
            raise _bad_copy() from error
    if check.length != length or check.hash.hexdigest() != digest:
        raise _bad_copy()


def _bad_copy() -> DamagedBackupError:
    return DamagedBackupError(
        _(
            "The backup read back from the drive differs from what was written: the drive "
            "may be failing. Use another drive; earlier backups are untouched."
        )
    )


class _Discard:
    def write(self, data) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def _remove_quietly(path: Path) -> None:
    # the drive may be gone or read-only: nothing more can be done about it then
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


__all__ = ["BackupResult", "make_backup", "scan_file"]

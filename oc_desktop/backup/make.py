"""Make a checked backup of a data folder on a drive, while the app stays open.

The database is copied with SQLite's backup API into a working copy beside the data
(checked there: integrity and entry counts), then written with the scans into one
``.ocbak`` file (a ZIP, optionally sealed with a password) under a temporary name. Only
when the file read back from the drive matches what was written is it renamed to its
final name, and only then are the oldest of our backups on the drive rotated out.
"""

import contextlib
import os
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from oc_desktop import __version__
from oc_desktop.backup.crypto import EncryptingWriter, open_encrypted
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
from oc_desktop.backup.manifest import (
    DATABASE_MEMBER,
    MANIFEST_NAME,
    SCANS_PREFIX,
    FileEntry,
    Manifest,
    Summary,
)
from oc_desktop.backup.naming import free_name, temp_name, to_rotate
from oc_desktop.backup.progress import Progress, Stop, Tracker
from oc_desktop.backup.sqlite_copy import check_database, snapshot
from oc_desktop.i18n import _
from oc_desktop.paths import database_path, scans_dir


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    size: int
    encrypted: bool
    rotated: tuple[Path, ...]


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
    """Write, check and name one backup of ``data_dir`` into the folder ``destination``."""
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
    scans = list_scans(scans_dir(data_dir))
    scans_size = sum(scan.size for scan in scans)
    estimate = _size_with_wal(source)
    tracker = Tracker(progress, estimate + 2 * (estimate + scans_size))
    try:
        staging = Path(tempfile.mkdtemp(prefix=".backup-", dir=data_dir))
    except OSError as error:
        raise local_error(error, data_dir) from error
    temporary: Path | None = None
    try:
        copy = staging / "snapshot.sqlite3"
        summary = _take_snapshot(source, copy, tracker, scans, moment)
        tracker.total = tracker.done + 2 * (copy.stat().st_size + scans_size)
        name = free_name(destination, moment)
        temporary = destination / temp_name(name)
        try:
            manifest, digest, length = _write(temporary, copy, scans, summary, password, tracker)
            _read_back(temporary, password, digest, length, tracker)
            final = destination / name
            os.replace(temporary, final)
            temporary = None
            sync_folder(destination)
        except OSError as error:
            raise drive_error(error, destination) from error
        rotated = _rotate(destination, keep, final)
        tracker.finish()
        return BackupResult(final, manifest, final.stat().st_size, password is not None, rotated)
    except Stop:
        raise BackupCancelled() from None
    except _SourceReadError as error:
        raise local_error(error.args[0], data_dir) from error
    finally:
        if temporary is not None:
            _remove_quietly(temporary)
        shutil.rmtree(staging, ignore_errors=True)


def _size_with_wal(source: Path) -> int:
    wal = source.with_name(source.name + "-wal")
    return source.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def _take_snapshot(
    source: Path, copy: Path, tracker: Tracker, scans: list[ScanFile], moment: datetime
) -> Summary:
    try:
        counts = snapshot(source, copy, tracker)
        result, copied_counts, revision = check_database(copy)
    except OSError as error:
        raise local_error(error, copy.parent) from error
    except sqlite3.Error as error:
        if "full" in str(error):
            raise local_error(OSError(28, str(error)), copy.parent) from error
        raise SourceError(
            _("The data could not be read ({reason}); nothing was written.").format(reason=error)
        ) from error
    if result != "ok" or copied_counts != counts:
        raise SourceError(
            _(
                "The copy of the data did not pass its check ({reason}). "
                "Nothing was written; ask for help before going on."
            ).format(reason=result)
        )
    return Summary(
        app_version=__version__,
        schema_revision=revision,
        created_at=moment.isoformat(),
        counts=counts,
        scan_count=len(scans),
    )


def _write(
    temporary: Path,
    copy: Path,
    scans: list[ScanFile],
    summary: Summary,
    password: str | None,
    tracker: Tracker,
) -> tuple[Manifest, str, int]:
    """Write the container; returns its manifest and the SHA-256 and length of the ZIP."""
    with open(temporary, "xb") as raw:
        sealed = EncryptingWriter(raw, password, summary.to_json()) if password else None
        plain = HashingWriter(sealed if sealed is not None else raw)
        with zipfile.ZipFile(plain, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            database = _add(archive, DATABASE_MEMBER, copy, tracker)
            entries = []
            for scan in scans:
                entry = _add(archive, SCANS_PREFIX + scan.relative, scan.path, tracker)
                if entry is not None:
                    entries.append(entry)
            assert database is not None
            manifest = Manifest(summary, database, tuple(entries))
            archive.writestr(MANIFEST_NAME, manifest.to_json())
        if sealed is not None:
            sealed.close()
        sync_file(raw)
    return manifest, plain.hash.hexdigest(), plain.length


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


def _read_back(temporary: Path, password: str | None, digest: str, length: int, tracker) -> None:
    """Read the file back from the drive; it must hold exactly the ZIP that was written."""
    forget_cached(temporary)
    check = HashingWriter(_Discard())
    with open(temporary, "rb") as raw:
        if password:
            try:
                _summary, chunks = open_encrypted(raw, password)
                for chunk in chunks:
                    check.write(chunk)
                    tracker.add(len(chunk))
            except Exception as error:
                if isinstance(error, (OSError, Stop)):
                    raise
                raise _bad_copy() from error
        else:
            for block in iter(lambda: raw.read(BLOCK), b""):
                check.write(block)
                tracker.add(len(block))
    if check.length != length or check.hash.hexdigest() != digest:
        raise _bad_copy()
    if not password:
        try:
            with zipfile.ZipFile(temporary) as archive:
                Manifest.from_json(archive.read(MANIFEST_NAME))
        except (zipfile.BadZipFile, KeyError, ValueError) as error:
            raise _bad_copy() from error


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


def _rotate(destination: Path, keep: int, newest: Path) -> tuple[Path, ...]:
    """Delete our oldest backups past ``keep``; never the new one, never others' files."""
    removed = []
    for old in to_rotate(destination, keep):
        if old == newest:
            continue
        try:
            old.unlink()
            removed.append(old)
        except OSError:
            pass  # the new backup is good; an old one left over does no harm
    return tuple(removed)


def _remove_quietly(path: Path) -> None:
    # the drive may be gone or read-only: nothing more can be done about it then
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)

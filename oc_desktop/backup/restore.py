"""Look inside a backup, then put it in place of the current data, keeping a safety copy.

Nothing in the data folder changes until the whole backup has been unpacked beside it
and checked. Then the current database is copied aside (SQLite's backup API) and the
scans folder renamed aside, and the restored ones are moved in by renames.
"""

import gc
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from oc_desktop.backup.container import read_summary, unpack
from oc_desktop.backup.errors import (
    BackupError,
    RestoreCancelled,
    WrongPasswordError,
    local_error,
)
from oc_desktop.backup.files import sync_folder
from oc_desktop.backup.leftovers import clean_data_folder, working_folder
from oc_desktop.backup.manifest import Summary
from oc_desktop.backup.office_key import (
    BadRecoveryCode,
    install_from_code,
    load_key,
    private_from_code,
)
from oc_desktop.backup.progress import Progress, Stop, Tracker
from oc_desktop.i18n import _
from oc_desktop.models.migrate import copy_aside, head_revision, upgrade
from oc_desktop.paths import database_path, scans_dir


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds, as shown to the clerk before a restore."""

    path: Path
    summary: Summary
    encrypted: bool
    size: int

    @property
    def created(self) -> datetime:
        return self.summary.created

    @property
    def app_version(self) -> str:
        return self.summary.app_version

    @property
    def counts(self) -> dict[str, int]:
        return self.summary.counts


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    database: Path
    safety_copy: Path | None
    scans_aside: Path | None
    upgraded: bool


def _unreadable(path: Path, error: OSError) -> BackupError:
    return BackupError(
        _("The backup {name} could not be read ({reason}). Is the drive plugged in?").format(
            name=Path(path).name, reason=error.strerror or error
        )
    )


def restore_private_key(data_dir: Path | None, restore_key: str | None) -> bytes | None:
    """The office's private key: typed from the recovery sheet, else kept beside the data."""
    if restore_key:
        try:
            return private_from_code(restore_key)
        except BadRecoveryCode as error:
            raise WrongPasswordError(str(error)) from None
    if data_dir is None:
        return None
    key = load_key(data_dir)
    return key.private if key is not None else None


def inspect_backup(
    path: Path,
    password: str | None = None,
    *,
    data_dir: Path | None = None,
    restore_key: str | None = None,
) -> BackupInfo:
    """Date, entries per register and version of a backup; refuses one we cannot use."""
    path = Path(path)
    private = restore_private_key(data_dir, restore_key)
    try:
        summary, encrypted = read_summary(path, password, private)
        return BackupInfo(path, summary, encrypted, path.stat().st_size)
    except OSError as error:
        raise _unreadable(path, error) from error


def restore_backup(
    path: Path,
    data_dir: Path,
    *,
    password: str | None = None,
    restore_key: str | None = None,
    progress: Progress | None = None,
) -> RestoreResult:
    """Replace the data folder's database and scans with the backup's.

    The database must not be open (the window disposes its engine first). An office
    backup opens with the key kept beside the data, or ``restore_key`` typed from the
    recovery sheet (then kept, on a computer that had no office key yet)."""
    path, data_dir = Path(path), Path(data_dir)
    info = inspect_backup(path, password, data_dir=data_dir, restore_key=restore_key)
    private = restore_private_key(data_dir, restore_key)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        clean_data_folder(data_dir)
        work, busy = working_folder(data_dir, ".restore-")
    except OSError as error:
        raise local_error(error, data_dir) from error
    tracker = Tracker(progress, info.size + info.summary.scan_count)
    try:
        try:
            unpacked = unpack(path, password, work, tracker, private)
        except OSError as error:
            if Path(error.filename or "").is_relative_to(work):
                raise local_error(error, data_dir) from error
            raise _unreadable(path, error) from error
        tracker.finish()
        result = _swap_in(info, unpacked.database, unpacked.scans, data_dir)
    except Stop:
        raise RestoreCancelled() from None
    finally:
        os.close(busy)
        shutil.rmtree(work, ignore_errors=True)
    if restore_key and load_key(data_dir) is None:
        install_from_code(data_dir, restore_key)
    return result


def _swap_in(info: BackupInfo, database: Path, scans: Path, data_dir: Path) -> RestoreResult:
    live = database_path(data_dir)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    safety = None
    try:
        if live.exists():
            if _readable(live):
                safety = copy_aside(live, "before-restore")
                _close_wal(live)
            else:  # damaged beyond SQLite's reading: keep it as it is
                safety = _move_damaged_aside(live, stamp)
        os.replace(database, live)
        live_scans, aside = scans_dir(data_dir), None
        if live_scans.exists():
            aside = live_scans.with_name(f"{live_scans.name}.before-restore-{stamp}")
            os.replace(live_scans, aside)
        os.replace(scans, live_scans)
        sync_folder(data_dir)
    except OSError as error:
        raise local_error(error, data_dir) from error
    upgraded = info.summary.schema_revision != head_revision()
    if upgraded:
        upgrade(live)
    return RestoreResult(info, live, safety, aside, upgraded)


def _readable(live: Path) -> bool:
    connection = sqlite3.connect(f"file:{live}?mode=rw", uri=True)
    try:
        connection.execute("PRAGMA schema_version").fetchone()
        return True
    except sqlite3.OperationalError as error:  # locked or busy: not ours to judge
        raise BackupError(str(error)) from error
    except sqlite3.DatabaseError:
        return False
    finally:
        connection.close()


def _move_damaged_aside(live: Path, stamp: str) -> Path:
    """A file SQLite cannot read is kept byte for byte (with its -wal) for whoever
    may want to rescue something from it."""
    aside = live.with_name(f"{live.stem}.damaged-{stamp}{live.suffix}")
    for suffix in ("", "-wal", "-shm"):
        part = live.with_name(live.name + suffix)
        if part.exists():
            os.replace(part, aside.with_name(aside.name + suffix))
    return aside


def _close_wal(live: Path) -> None:
    """Fold the live WAL into the file and leave no -wal/-shm beside it.

    Leaving WAL mode needs the only connection to the file, so this also refuses while
    another program (a second window) still has the data open."""
    # A connection dropped without close() lingers until the cycle collector runs
    # (CPython's statement cache refers back to it) and would block this; collect it.
    gc.collect()
    connection = sqlite3.connect(live, isolation_level=None)
    try:
        connection.execute("PRAGMA busy_timeout=2000")
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.Error:
        mode = "wal"
    finally:
        connection.close()
    if str(mode).lower() != "delete":
        raise BackupError(
            _(
                "The data is still open in another OC Desktop window or program. "
                "Close it and try again; nothing was changed."
            )
        )

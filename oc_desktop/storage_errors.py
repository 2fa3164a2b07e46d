"""What went wrong when the data could not be opened or saved, in the clerk's words.

A failure to open or write the data file has many causes; only one of them is a damaged
file. A full disk, a read-only folder and another program writing are named as such, with
what to do, and "damaged" is said only when SQLite's own integrity check finds the file
corrupt. No Qt here: the window and the command line both use these messages.
"""

import errno
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from oc_desktop.i18n import _

FULL, READ_ONLY, BUSY, DAMAGED, GONE, EMPTY, OTHER = (
    "full",
    "read-only",
    "busy",
    "damaged",
    "gone",
    "empty",
    "other",
)
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DENIED_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
#: below this much free space a refusal to write is read as a full disk, not a lock
LOW_SPACE_BYTES = 1 << 20


def _text(error: BaseException) -> str:
    inner = getattr(error, "orig", None)  # SQLAlchemy wraps the driver's error
    return str(inner if inner is not None else error).lower()


def _low_on_space(folder: Path | None) -> bool:
    if folder is None:
        return False
    path = Path(folder)
    while not path.exists() and path != path.parent:
        path = path.parent
    try:
        return shutil.disk_usage(path).free < LOW_SPACE_BYTES
    except OSError:
        return False


def cause(error: BaseException, folder: Path | None = None) -> str:
    """One of FULL, READ_ONLY, BUSY, DAMAGED, GONE or OTHER for an error of SQLite or the OS.

    DAMAGED here only means SQLite said so; ``really_damaged`` confirms it on the file."""
    if isinstance(error, OSError) and not isinstance(error, sqlite3.Error):
        if error.errno in _FULL_ERRNOS:
            return FULL
        if error.errno in _DENIED_ERRNOS:
            # some drives answer a full disk with "not permitted": look before blaming a lock
            return FULL if _low_on_space(folder) else READ_ONLY
        if error.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO):
            return GONE
        return OTHER
    text = _text(error)
    if "disk is full" in text or "database or disk is full" in text:
        return FULL
    if "readonly" in text or "read-only" in text or "read only" in text:
        return FULL if _low_on_space(folder) else READ_ONLY
    if "locked" in text or "busy" in text:
        return BUSY
    if "unable to open database" in text:
        return FULL if _low_on_space(folder) else READ_ONLY
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DAMAGED
    if "disk i/o error" in text:
        return FULL if _low_on_space(folder) else GONE
    return OTHER


def is_storage_error(error: BaseException) -> bool:
    """An error from the data file or the disk (as opposed to a bug)."""
    if isinstance(error, OSError | sqlite3.Error):
        return True
    orig = getattr(error, "orig", None)
    return isinstance(orig, sqlite3.Error)


def really_damaged(path: Path) -> bool:
    """True only when SQLite itself finds the file corrupt (its integrity check), not when
    the disk is full, read-only or another program holds it."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    if head and head != b"SQLite format 3\x00":
        return True
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)) as connection:
            result = connection.execute("PRAGMA integrity_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        return cause(error) == DAMAGED
    return result != "ok"


def is_empty_data_file(path: Path) -> bool:
    """A data file of zero bytes (a crash or a copy cut short): data missing, not a new start."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size != 0:
        return False
    wal = path.with_name(path.name + "-wal")
    return not (wal.is_file() and wal.stat().st_size > 0)


def open_failure_message(kind: str, data_dir: Path, reason: object = "") -> str:
    """Why the data folder could not be opened, and what to do about it."""
    if kind == FULL:
        return _(
            "The disk that holds the data ({path}) is full. Free some space (empty the "
            "recycle bin, move old files away) and start OC Desktop again. The data is not "
            "damaged; do not restore a backup."
        ).format(path=data_dir)
    if kind == READ_ONLY:
        return _(
            "The data folder {path} may not be written to (it is read-only or this user has "
            "no right to change it). Ask whoever looks after the computer to give write "
            "access. The data is not damaged; do not restore a backup."
        ).format(path=data_dir)
    if kind == BUSY:
        return _(
            "Another program is writing to the data in {path} (perhaps a scheduled backup "
            "or a second OC Desktop). Wait a minute and try again. The data is not damaged; "
            "do not restore a backup."
        ).format(path=data_dir)
    if kind == GONE:
        return _(
            "The data in {path} could not be reached (was a drive removed?). Put it back and "
            "try again. The data is not damaged; do not restore a backup."
        ).format(path=data_dir)
    if kind == EMPTY:
        return _(
            "The data file in {path} is empty (0 bytes): the registers are missing, not "
            "new. Do not start again from nothing; restore your last backup: "
            'oc-desktop restore --data-dir "{path}" --from BACKUP --yes '
            "(or File → Restore… after signing in on a copy)."
        ).format(path=data_dir)
    if kind == DAMAGED:
        return _(
            "The data file in {path} is damaged and cannot be opened; it has not been changed. "
            'Restore your last backup: oc-desktop restore --data-dir "{path}" --from BACKUP --yes '
            "(the damaged file is kept aside)."
        ).format(path=data_dir)
    return _(
        "The data in {path} could not be opened ({reason}). It has not been changed; "
        "ask for help before restoring a backup."
    ).format(path=data_dir, reason=reason)


def explain_open_failure(error: BaseException, data_dir: Path, database: Path) -> str:
    """The message for a failure at start: "damaged" only after the integrity check."""
    kind = cause(error, data_dir)
    if kind in (DAMAGED, OTHER) and Path(database).exists():
        kind = DAMAGED if really_damaged(database) else kind
    elif kind == DAMAGED:
        kind = OTHER
    return open_failure_message(kind, data_dir, _text(error))


def save_failure_message(
    error: BaseException, data_dir: Path | None = None, *, kept: bool = True
) -> str:
    """Why a save did not happen (in a form, ``kept`` adds that what was typed is kept)."""
    kind = cause(error, data_dir)
    if kind == FULL:
        text = _("Not saved: the disk is full. Free some space, then try again.")
    elif kind == READ_ONLY:
        text = _(
            "Not saved: the data folder may not be written to (read-only). Ask whoever "
            "looks after the computer."
        )
    elif kind == BUSY:
        text = _(
            "Not saved: another program is writing to the data just now. Wait a moment "
            "and try again."
        )
    elif kind == GONE:
        text = _(
            "Not saved: the data could not be reached (was a drive removed?). Put it back "
            "and try again."
        )
    elif kind == DAMAGED:
        text = _("Not saved: the data file reports damage. Close OC Desktop and ask for help.")
    else:
        text = _("Not saved ({reason}).").format(reason=_text(error))
    if kept:
        text += " " + _("What you typed is still in the form.")
    return text

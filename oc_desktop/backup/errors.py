"""What can go wrong with a backup or a restore, each with a message for the clerk.

Every error carries a message already in the clerk's language; the command line and
the window show it as it is. An ``OSError`` from the drive is sorted by its cause.
"""

import errno

from oc_desktop.i18n import _
from oc_desktop.validation import ValidationError


class BackupError(Exception):
    """A backup or restore that did not happen; nothing of value was changed."""

    def __str__(self) -> str:
        return self.args[0] if self.args else ""


class BadPasswordError(BackupError, ValidationError):
    """A password that cannot seal a backup (blank, or holding what cannot be encoded);
    a backup error to the backup screens, a field error to a form."""

    def __str__(self) -> str:
        return "; ".join(self.errors.values())


class BackupCancelled(BackupError):
    def __init__(self) -> None:
        super().__init__(_("The backup was cancelled; nothing was written."))


class RestoreCancelled(BackupError):
    def __init__(self) -> None:
        super().__init__(_("The restore was cancelled; nothing was changed."))


class DriveFullError(BackupError):
    pass


class DriveWriteProtectedError(BackupError):
    pass


class DriveLostError(BackupError):
    pass


class NotABackupError(BackupError):
    pass


class DamagedBackupError(BackupError):
    pass


class PasswordRequiredError(BackupError):
    pass


class WrongPasswordError(BackupError):
    pass


class NewerBackupError(BackupError):
    pass


class RestoreKeyRequiredError(BackupError):
    """Sealed for the office: the restore key (from the recovery sheet) is needed."""


class NotAllowedError(BackupError):
    """The person may not do this (restore is the administrator's)."""


class SourceError(BackupError):
    """The live data could not be read (missing database, unreadable scan)."""


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_PROTECTED = {errno.EROFS, errno.EACCES, errno.EPERM}


def drive_error(error: OSError, folder) -> BackupError:
    """The clerk's reading of a failure to write to the backup drive."""
    if error.errno in _FULL:
        return DriveFullError(
            _(
                "The drive {folder} is full (or cannot hold a file this large). "
                "Free some space or use another drive; earlier backups are untouched."
            ).format(folder=folder)
        )
    if error.errno in _PROTECTED and _drive_low_on_space(folder):
        # some drives answer a full disk with "not permitted": look before blaming a lock
        return drive_error(OSError(errno.ENOSPC, error.strerror), folder)
    if error.errno in _PROTECTED:
        return DriveWriteProtectedError(
            _(
                "The drive {folder} is write-protected or may not be written to. "
                "Unlock it (some USB drives have a small switch) or choose another folder."
            ).format(folder=folder)
        )
    return DriveLostError(
        _(
            "The drive {folder} could not be written to ({reason}). Was it removed? "
            "Put it back and try again; the data on this computer is untouched."
        ).format(folder=folder, reason=error.strerror or error)
    )


def _drive_low_on_space(folder) -> bool:
    from oc_desktop.storage_errors import _low_on_space

    return _low_on_space(folder)


def local_error(error: OSError, folder) -> BackupError:
    """A failure on this computer's own disk (the working copy next to the data)."""
    if error.errno in _FULL:
        return DriveFullError(
            _(
                "This computer's disk is full ({folder}). Free some space and try again; "
                "nothing was changed."
            ).format(folder=folder)
        )
    if error.errno in _PROTECTED:
        if _drive_low_on_space(folder):
            return local_error(OSError(errno.ENOSPC, error.strerror), folder)
        return SourceError(
            _(
                "The data folder {folder} may not be written to (read-only, or this user has "
                "no right to change it); nothing was changed. The data is not damaged."
            ).format(folder=folder)
        )
    return SourceError(
        _("The data folder {folder} could not be used ({reason}); nothing was changed.").format(
            folder=folder, reason=error.strerror or error
        )
    )

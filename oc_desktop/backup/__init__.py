"""Backups to a drive and restores from one, without Qt (the window and CLI call these)."""

from oc_desktop.backup.errors import BackupError
from oc_desktop.backup.make import BackupResult, make_backup
from oc_desktop.backup.restore import BackupInfo, RestoreResult, inspect_backup, restore_backup

__all__ = [
    "BackupError",
    "BackupInfo",
    "BackupResult",
    "RestoreResult",
    "inspect_backup",
    "make_backup",
    "restore_backup",
]

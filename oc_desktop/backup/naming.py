"""Names of backup files on a drive, and which old ones may be rotated out.

Names use only letters, digits and ``-``/``.`` so FAT32 and exFAT take them; the time
stamp sorts by name. Only files whose whole name matches ours are ever deleted.
"""

import re
from datetime import datetime
from pathlib import Path

SUFFIX = ".ocbak"
PREFIX = "oc-desktop-backup-"
TEMP_SUFFIX = ".tmp"
_OURS = re.compile(r"^oc-desktop-backup-(\d{8})-(\d{6})(?:-(\d{1,3}))?\.ocbak$")


def backup_name(moment: datetime, serial: int = 0) -> str:
    stamp = moment.strftime("%Y%m%d-%H%M%S")
    return f"{PREFIX}{stamp}{f'-{serial}' if serial else ''}{SUFFIX}"


def free_name(folder: Path, moment: datetime) -> str:
    """A new name that sorts after every backup of the same second already there."""
    stamp = moment.strftime("%Y%m%d%H%M%S")
    taken = [
        _order(p)[2]
        for p in Path(folder).iterdir()
        if _OURS.match(p.name.removeprefix(".").removesuffix(TEMP_SUFFIX))
        and "".join(_order(p)[:2]) == stamp
    ]
    return backup_name(moment, max(taken) + 1 if taken else 0)


def temp_name(name: str) -> str:
    """Where a backup is written until it has been checked (hidden on Linux)."""
    return f".{name}{TEMP_SUFFIX}"


def is_ours(name: str) -> bool:
    return _OURS.match(name) is not None


def _order(path: Path) -> tuple[str, str, int]:
    match = _OURS.match(path.name.removeprefix(".").removesuffix(TEMP_SUFFIX))
    assert match is not None
    return match.group(1), match.group(2), int(match.group(3) or 0)


def our_backups(folder: Path) -> list[Path]:
    """Our finished backups in the folder, oldest first."""
    found = [p for p in Path(folder).iterdir() if is_ours(p.name) and p.is_file()]
    return sorted(found, key=_order)


def to_rotate(folder: Path, keep: int) -> list[Path]:
    """Our backups beyond the newest ``keep`` (at least one is always kept)."""
    backups = our_backups(folder)
    keep = max(1, int(keep))
    return backups[:-keep] if len(backups) > keep else []

"""When the last checked backup was made, and whether the clerk should be reminded."""

from datetime import datetime, timedelta
from pathlib import Path

from oc_desktop.backup.make import BackupResult, make_backup
from oc_desktop.backup.progress import Progress
from oc_desktop.models.db import Database
from oc_desktop.profile import get_setting, set_setting
from oc_desktop.security import Actor


def back_up(
    db: Database,
    data_dir: Path,
    destination: Path,
    *,
    actor: Actor,
    password: str | None = None,
    progress: Progress | None = None,
) -> BackupResult:
    """Back up with the office's rotation setting and record the time once checked."""
    result = make_backup(
        data_dir,
        destination,
        password=password,
        keep=int(get_setting(db, "backup_keep")),
        progress=progress,
    )
    record_backup(db, result, actor=actor)
    return result


def record_backup(db: Database, result: BackupResult, *, actor: Actor) -> None:
    """Remember when the last checked backup was made, and by whom (in the audit)."""
    set_setting(db, actor=actor, key="last_backup_at", value=result.manifest.summary.created_at)


def last_backup(db: Database) -> datetime | None:
    value = get_setting(db, "last_backup_at")
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def backup_age(db: Database, now: datetime | None = None) -> timedelta | None:
    made = last_backup(db)
    return None if made is None else (now or datetime.now()) - made


def backup_overdue(db: Database, now: datetime | None = None) -> bool:
    """True with no backup yet, or one older than the reminder setting."""
    age = backup_age(db, now)
    days = int(get_setting(db, "backup_reminder_days"))
    return age is None or age > timedelta(days=days)

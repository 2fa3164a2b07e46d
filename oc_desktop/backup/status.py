"""The office's backup and restore operations (who may, what is recorded), when the last
checked backup was made, and whether the clerk should be reminded."""

import json
import sqlite3
from contextlib import closing, suppress
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from oc_desktop import audit
from oc_desktop.audit.anchors import head, write_anchor
from oc_desktop.backup.errors import BadPasswordError, NotAllowedError
from oc_desktop.backup.make import BackupResult, make_backup
from oc_desktop.backup.numbers import keep_issued_numbers
from oc_desktop.backup.progress import Progress
from oc_desktop.backup.restore import RestoreResult, restore_backup
from oc_desktop.i18n import _
from oc_desktop.models import User
from oc_desktop.models.db import Database
from oc_desktop.models.migrate import open_database
from oc_desktop.paths import database_path
from oc_desktop.profile import get_setting, set_setting
from oc_desktop.security import TOP_SECRET, Actor
from oc_desktop.validation import Checker


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
    check_may_back_up(actor, password=password)
    result = make_backup(
        data_dir,
        destination,
        password=password,
        keep=int(get_setting(db, "backup_keep")),
        progress=progress,
    )
    record_backup(db, result, actor=actor)
    return result


def check_may_back_up(actor: Actor, *, password: str | None = None) -> None:
    """Only those whose role may back up (administrators and registry clerks); a password
    backup opens with what its maker knows, so only someone cleared for every secret
    letter makes one (a backup never holds readably what its maker may not read)."""
    if password is not None:
        check = Checker()
        if password == "":
            check.fail("password", _("The password cannot be empty."))
        check.password("password", password)
        if check.errors:
            raise BadPasswordError(check.errors)
    if not actor.may_write("backup"):
        raise NotAllowedError(_("Your role may not make backups; nothing was written."))
    if password is not None and not actor.sees_secret(TOP_SECRET):
        raise NotAllowedError(
            _(
                "A backup with a password holds every secret letter, readable with that "
                "password; only someone cleared for top secret makes one. Back up without "
                "a password: it is sealed for the office's restore key."
            )
        )


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


#: areas whose writes are not register entries (the office's set-up, people, the trail)
_SET_UP = ("settings", "users", "audit", "backup")
#: trail rows that only read
_READS = ("view", "view_rows", "print", "print_rows", "export", "sign_in", "sign_out")


def holds_entries(db: Database) -> bool:
    """Whether anything was written to a register (a new data folder with only its
    administrator and settings has nothing worth a backup yet). Every write is in the
    audit trail, so one indexed probe answers however big the registers are."""
    from sqlalchemy import select

    from oc_desktop.models import AuditEntry
    from oc_desktop.sections import areas

    registers = [area.key for area in areas() if area.key not in _SET_UP]
    probe = (
        select(AuditEntry.id)
        .where(AuditEntry.area.in_(registers), AuditEntry.action.not_in(_READS))
        .limit(1)
    )
    with db.read() as session:
        return session.scalar(probe) is not None


def reminder_due(db: Database, now: datetime | None = None) -> bool:
    """Remind of a backup: one is overdue and there is something to back up."""
    return backup_overdue(db, now) and holds_entries(db)


def restore_as(
    path: Path,
    data_dir: Path,
    *,
    actor: Actor,
    password: str | None = None,
    restore_key: str | None = None,
    progress: Progress | None = None,
) -> RestoreResult:
    """The administrator's restore: refused to anyone else; afterwards the restored data
    carries an audit row naming who restored which backup, and the last backup's time is
    the newest either copy knew (so the age and the reminder stay right)."""
    if not actor.may_write("restore"):
        raise NotAllowedError(
            _("Only the administrator may restore a backup; nothing was changed.")
        )
    data_dir = Path(data_dir)
    before = _last_backup_in(database_path(data_dir))
    result = restore_backup(
        path, data_dir, password=password, restore_key=restore_key, progress=progress
    )
    db = open_database(data_dir)
    try:
        kept = keep_issued_numbers(db, result.safety_copy)
        _record_restore(db, result, actor, before, kept)
        newest = head(db)
        if newest is not None:  # the restored trail is the one verify follows now
            write_anchor(db.path, newest, replace_newer=True)
    finally:
        db.close()
    return result


def _last_backup_in(path: Path) -> str | None:
    """The last backup's time as the current data file knows it (before it is replaced)."""
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            row = connection.execute(
                "SELECT value FROM setting WHERE key='last_backup_at'"
            ).fetchone()
    except sqlite3.Error:
        return None
    if row is None:
        return None
    value = row[0]
    with suppress(TypeError, ValueError):
        value = json.loads(value)
    return value if isinstance(value, str) else None


def _record_restore(
    db: Database, result: RestoreResult, actor: Actor, before: str | None, kept: dict
) -> None:
    with db.begin() as session:
        if actor.user_id is not None and session.get(User, actor.user_id) is None:
            # the person was added after the backup was made: named, not linked
            actor = replace(actor, user_id=None)
        audit.record(
            session,
            actor=actor,
            action="restore",
            entity="backup",
            entity_id=result.info.path.name,
            area="restore",
            new={
                "backup": result.info.path.name,
                "made": result.info.summary.created_at,
                "safety_copy": result.safety_copy.name if result.safety_copy else None,
                "by": actor.full_name or actor.username,
                "numbers_kept": kept or None,
            },
        )
    made = result.info.summary.created_at
    newest = max(value for value in (made, before) if value)
    current = get_setting(db, "last_backup_at")
    if not current or str(current) < newest:
        set_setting(db, actor=actor, key="last_backup_at", value=newest)

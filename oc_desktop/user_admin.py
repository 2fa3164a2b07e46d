"""The administrator's work on users: list, change roles and clearance, passwords, locks.

Every change is audited with the old and the new values; a password never is, only
the fact that it was changed.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from oc_desktop import audit
from oc_desktop.i18n import _
from oc_desktop.models import User
from oc_desktop.models.db import Database
from oc_desktop.security import ADMIN, Actor, require_read, require_write
from oc_desktop.users import check_password, check_roles, hash_password
from oc_desktop.validation import Checker, ValidationError

#: what the audit shows instead of a password
PASSWORD_CHANGED = "changed"


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    roles: tuple[str, ...]
    clearance: int
    active: bool
    locked_until: datetime | None
    failed_attempts: int


def _row(user: User) -> UserRow:
    return UserRow(
        user.id,
        user.username,
        user.full_name,
        tuple(user.roles),
        user.clearance,
        user.active,
        user.locked_until,
        user.failed_attempts,
    )


def list_users(db: Database, *, actor: Actor) -> list[UserRow]:
    require_read(actor, "users")
    with db.read() as session:
        return [_row(u) for u in session.scalars(select(User).order_by(User.username))]


class UserNotFound(ValidationError, LookupError):
    """No account has that number (whatever was given as one)."""

    def __init__(self, user_id: object) -> None:
        super().__init__({"user_id": _("There is no such user.")})
        self.user_id = user_id


def _user(session: Session, user_id: int) -> User:
    user = Checker().row(session, User, "user_id", user_id, message="")
    if user is None:
        raise UserNotFound(user_id)
    return user


def _other_active_admins(session: Session, user_id: int) -> int:
    users = session.scalars(select(User).where(User.active, User.id != user_id))
    return sum(ADMIN in u.roles for u in users)


def update_user(
    db: Database,
    *,
    actor: Actor,
    user_id: int,
    full_name: str,
    roles: list[str],
    clearance: int,
    active: bool,
) -> UserRow:
    """Change what a person is called, may do and may see; the user name stays."""
    require_write(actor, "users")
    check = Checker()
    full_name = check.text("full_name", full_name, max_length=200, one_line=True)
    check_roles(check, roles, clearance)
    check.done()  # the roles are checked before they are compared
    if not active and user_id == actor.user_id:
        check.fail("active", _("You cannot deactivate yourself while signed in."))
    with db.begin() as session:
        user = _user(session, user_id)
        stays_admin = active and ADMIN in roles
        if ADMIN in user.roles and not stays_admin and not _other_active_admins(session, user_id):
            field = "roles" if active else "active"
            check.fail(field, _("At least one active administrator must remain."))
        check.done()
        new = {
            "full_name": full_name,
            "roles": sorted(set(roles)),
            "clearance": clearance,
            "active": bool(active),
        }
        old = {key: getattr(user, key) for key in new}
        changed = [key for key in new if old[key] != new[key]]
        for key in changed:
            setattr(user, key, new[key])
        if changed:
            audit.record(
                session,
                actor=actor,
                action="update",
                entity="user",
                entity_id=user.id,
                area="users",
                old={key: old[key] for key in changed},
                new={key: new[key] for key in changed},
            )
        return _row(user)


def reset_password(
    db: Database, *, actor: Actor, user_id: int, password: str, password_again: str | None
) -> None:
    """Give a person a new password (they forgot theirs); it also lifts a lock."""
    require_write(actor, "users")
    with db.begin() as session:
        user = _user(session, user_id)
        check = Checker()
        check_password(check, password, password_again, username=user.username)
        check.done()
        lock = _lock_state(user)
        user.password_hash = hash_password(password)
        user.failed_attempts, user.locked_until = 0, None
        audit.record(
            session,
            actor=actor,
            action="reset_password",
            entity="user",
            entity_id=user.id,
            area="users",
            old=lock or None,
            new={"password": PASSWORD_CHANGED, **{k: _CLEARED[k] for k in lock}},
        )


def unlock_user(db: Database, *, actor: Actor, user_id: int) -> None:
    """Let a locked-out person try again now, without waiting."""
    require_write(actor, "users")
    with db.begin() as session:
        user = _user(session, user_id)
        old = _lock_state(user)
        if not old:
            return
        user.failed_attempts, user.locked_until = 0, None
        audit.record(
            session,
            actor=actor,
            action="unlock",
            entity="user",
            entity_id=user.id,
            area="users",
            old=old,
            new={k: _CLEARED[k] for k in old},
        )


_CLEARED = {"failed_attempts": 0, "locked_until": None}


def _lock_state(user: User) -> dict:
    """The wrong tries and the lock a person has, leaving out what is not there."""
    state = {"failed_attempts": user.failed_attempts, "locked_until": user.locked_until}
    return {key: value for key, value in state.items() if value}

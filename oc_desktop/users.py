"""People who use the program: created, signed in, locked out after wrong passwords.

Passwords are kept only as Argon2id hashes (argon2-cffi: salted, slow, well kept).
"""

from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from oc_desktop import audit
from oc_desktop.formatting import format_datetime
from oc_desktop.i18n import _
from oc_desktop.models import User
from oc_desktop.models.base import utcnow
from oc_desktop.models.db import Database
from oc_desktop.profile import get_setting
from oc_desktop.security import ROLES, TOP_SECRET, Actor
from oc_desktop.validation import Checker

_hasher = PasswordHasher()
MIN_PASSWORD = 8


class SignInError(Exception):
    """Why a sign-in was refused, in the user's language."""


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.full_name, frozenset(user.roles), user.clearance)


def create_user(
    db: Database,
    *,
    actor: Actor,
    username: str,
    full_name: str,
    password: str,
    roles: list[str],
    clearance: int = 0,
) -> Actor:
    check = Checker()
    username = check.text("username", username, max_length=60)
    full_name = check.text("full_name", full_name, max_length=200)
    if len(password) < MIN_PASSWORD:
        check.fail("password", _("At least {count} characters.").format(count=MIN_PASSWORD))
    if not roles or not set(roles) <= set(ROLES):
        check.fail("roles", _("Choose at least one role."))
    if not 0 <= clearance <= TOP_SECRET:
        check.fail("clearance", _("Choose a clearance level."))
    if actor.user_id is not None and not actor.may_write("users"):
        check.fail("username", _("Only an administrator may add users."))
    with db.read() as session:
        if username and session.scalar(select(User.id).where(User.username == username)):
            check.fail("username", _("This user name is taken."))
    check.done()
    with db.begin() as session:
        user = User(
            username=username,
            full_name=full_name,
            password_hash=_hasher.hash(password),
            roles=sorted(set(roles)),
            clearance=clearance,
            active=True,
            failed_attempts=0,
        )
        session.add(user)
        session.flush()
        audit.record(
            session,
            actor=actor,
            action="create",
            entity="user",
            entity_id=user.id,
            section="users",
            new={
                "username": username,
                "full_name": full_name,
                "roles": user.roles,
                "clearance": clearance,
            },
        )
        return _actor(user)


def sign_in(db: Database, *, username: str, password: str) -> Actor:
    """The signed-in person, or SignInError; wrong tries lock the account for a while."""
    attempts = int(get_setting(db, "sign_in_attempts"))
    first_wait = int(get_setting(db, "lockout_seconds"))
    with db.begin() as session:
        user = session.scalar(select(User).where(User.username == username.strip()))
        now = utcnow()
        if user is None or not user.active:
            raise SignInError(_("Wrong user name or password."))
        if user.locked_until is not None and user.locked_until > now:
            raise SignInError(
                _("Too many wrong passwords. Try again after {time}.").format(
                    time=format_datetime(user.locked_until)
                )
            )
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            user.failed_attempts += 1
            over = user.failed_attempts - attempts
            if over >= 0:
                user.locked_until = now + timedelta(seconds=first_wait * 2 ** min(over, 10))
            audit.record(session, **audit_args(user, "sign_in_failed"))
        else:
            user.failed_attempts, user.locked_until = 0, None
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            audit.record(session, **audit_args(user, "sign_in"))
            return _actor(user)
    # Outside the transaction, so the failed count and its audit row are kept.
    raise SignInError(_("Wrong user name or password."))


def audit_args(user: User, action: str) -> dict:
    return dict(
        actor=_actor(user), action=action, entity="user", entity_id=user.id, section="users"
    )

"""People who use the program: created, signed in, locked out after wrong passwords.

Passwords are kept only as Argon2id hashes (argon2-cffi: salted, slow, well kept).
"""

from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from oc_desktop import audit
from oc_desktop.formatting import format_datetime, format_wait
from oc_desktop.i18n import _
from oc_desktop.models import User
from oc_desktop.models.base import utcnow
from oc_desktop.models.db import Database
from oc_desktop.profile import get_setting
from oc_desktop.security import ADMIN, ROLES, SYSTEM, TOP_SECRET, Actor, require_write
from oc_desktop.validation import Checker, ValidationError

_hasher = PasswordHasher()
MIN_PASSWORD = 8


class SignInError(Exception):
    """Why a sign-in was refused, in the user's language."""

    def __init__(self, message: str, locked_until: datetime | None = None) -> None:
        super().__init__(message)
        self.locked_until = locked_until


def actor_of(user: User) -> Actor:
    return Actor(user.id, user.username, user.full_name, frozenset(user.roles), user.clearance)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(check: Checker, password: str, again: str | None) -> None:
    """Long enough, and typed the same twice when the form asks for it twice."""
    if len(password) < MIN_PASSWORD:
        check.fail("password", _("At least {count} characters.").format(count=MIN_PASSWORD))
    if again is not None and again != password:
        check.fail("password_again", _("The two passwords are not the same."))


def check_roles(check: Checker, roles: list[str], clearance: int) -> None:
    """Roles the program knows (at least one) and a clearance level on its scale."""
    known = isinstance(roles, list | tuple | set | frozenset) and all(
        isinstance(role, str) and role in ROLES for role in roles
    )
    if not roles or not known:
        check.fail("roles", _("Choose at least one role."))
    check.whole(
        "clearance", clearance, low=0, high=TOP_SECRET, message=_("Choose a clearance level.")
    )


def has_users(db: Database) -> bool:
    """False only for a new data file: then the first start creates the administrator."""
    with db.read() as session:
        return session.scalar(select(User.id).limit(1)) is not None


def create_user(
    db: Database,
    *,
    actor: Actor,
    username: str,
    full_name: str,
    password: str,
    roles: list[str],
    clearance: int = 0,
    password_again: str | None = None,
) -> Actor:
    require_write(actor, "users")
    check = Checker()
    username = check.text("username", username, max_length=60, one_line=True)
    if any(character.isspace() for character in username):
        check.fail("username", _("A user name is one word, without spaces."))
    full_name = check.text("full_name", full_name, max_length=200, one_line=True)
    check_password(check, password, password_again)
    check_roles(check, roles, clearance)
    with db.read() as session:
        if username and session.scalar(select(User.id).where(User.username == username)):
            check.fail("username", _("This user name is taken."))
    check.done()
    with db.begin() as session:
        user = User(
            username=username,
            full_name=full_name,
            password_hash=hash_password(password),
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
            area="users",
            new={
                "username": username,
                "full_name": full_name,
                "roles": user.roles,
                "clearance": clearance,
                "active": True,
            },
        )
        return actor_of(user)


def create_first_admin(
    db: Database, *, username: str, full_name: str, password: str, password_again: str
) -> Actor:
    """The administrator of a new data file, who then adds everyone else; signed in."""
    if has_users(db):
        raise ValidationError({"username": _("An administrator exists already: sign in.")})
    create_user(
        db,
        actor=SYSTEM,
        username=username,
        full_name=full_name,
        password=password,
        password_again=password_again,
        roles=[ADMIN],
    )
    return sign_in(db, username=username, password=password)


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
            raise _locked(user.locked_until, now)
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            user.failed_attempts += 1
            over = user.failed_attempts - attempts
            if over >= 0:
                user.locked_until = now + timedelta(seconds=first_wait * 2 ** min(over, 10))
            locked_until = user.locked_until if over >= 0 else None
            audit.record(session, **audit_args(user, "sign_in_failed"))
        else:
            user.failed_attempts, user.locked_until = 0, None
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            audit.record(session, **audit_args(user, "sign_in"))
            return actor_of(user)
    # Outside the transaction, so the failed count and its audit row are kept.
    if locked_until is not None:
        raise _locked(locked_until, now)
    raise SignInError(_("Wrong user name or password."))


def _locked(until: datetime, now: datetime) -> SignInError:
    return SignInError(
        _("Too many wrong passwords. Try again in {wait}, after {time}.").format(
            wait=format_wait((until - now).total_seconds()), time=format_datetime(until)
        ),
        locked_until=until,
    )


def record_sign_out(db: Database, *, actor: Actor) -> None:
    """The end of a session (sign out, a switch of person, the window closed)."""
    if actor.user_id is None:
        return
    with db.begin() as session:
        audit.record(
            session,
            actor=actor,
            action="sign_out",
            entity="user",
            entity_id=actor.user_id,
            area="users",
        )


def audit_args(user: User, action: str) -> dict:
    return dict(actor=actor_of(user), action=action, entity="user", entity_id=user.id, area="users")

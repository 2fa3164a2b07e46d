"""People who use the program: created, signed in, locked out after wrong passwords.

Passwords are kept only as Argon2id hashes (argon2-cffi: salted, slow, well kept).
"""

import hashlib
import secrets
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from oc_desktop import audit
from oc_desktop.formatting import format_datetime, format_wait
from oc_desktop.i18n import _
from oc_desktop.models import AuditEntry, User
from oc_desktop.models.base import utcnow
from oc_desktop.models.db import Database
from oc_desktop.profile import get_setting
from oc_desktop.security import ADMIN, ROLES, SYSTEM, TOP_SECRET, Actor, require_write
from oc_desktop.validation import Checker, ValidationError

_hasher = PasswordHasher()
MIN_PASSWORD, MAX_PASSWORD = 8, 256


class SignInError(Exception):
    """Why a sign-in was refused, in the user's language."""

    def __init__(self, message: str, locked_until: datetime | None = None) -> None:
        super().__init__(message)
        self.locked_until = locked_until


def actor_of(user: User) -> Actor:
    return Actor(user.id, user.username, user.full_name, frozenset(user.roles), user.clearance)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(check: Checker, password: str, again: str | None, *, username: str) -> None:
    """Long enough, not too long, not the user name dressed up, and typed the same twice
    when the form asks for it twice."""
    if len(password) < MIN_PASSWORD:
        check.fail("password", _("At least {count} characters.").format(count=MIN_PASSWORD))
    elif len(password) > MAX_PASSWORD:
        check.fail("password", _("At most {count} characters.").format(count=MAX_PASSWORD))
    elif is_user_name(password, username):
        check.fail("password", _("The password must not be the user name."))
    if again is not None and again != password:
        check.fail("password_again", _("The two passwords are not the same."))


def is_user_name(password: str, username: str) -> bool:
    """The user name, in any case, with at most digits and signs around it ("Khamla2024!"):
    the first thing anyone tries."""
    name = username.strip().casefold()
    folded = password.casefold()
    if not name or name not in folded:
        return False
    return not any(character.isalpha() for character in folded.replace(name, ""))


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
    check_password(check, password, password_again, username=username)
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
    """The signed-in person, or SignInError; wrong tries lock the account for a while.

    A name nobody has gets the same answers, after the same number of tries and the same
    work (a password hash checked), as a real one: the sign-in tells no one which names
    exist. Its wrong tries are counted in the trail under a stand-in for the name.
    """
    attempts = int(get_setting(db, "sign_in_attempts"))
    first_wait = int(get_setting(db, "lockout_seconds"))
    name = username.strip()
    with db.begin() as session:
        user = session.scalar(select(User).where(User.username == name))
        now = utcnow()
        if user is None:
            locked_until = _unknown_name_try(session, name, password, now, attempts, first_wait)
        else:
            if user.locked_until is not None and user.locked_until > now:
                # kept (the raise comes after the commit): a lock made before the person
                # became the only administrator shrinks to the cap
                user.locked_until = min(user.locked_until, now + _cap(session, user))
                locked_until = user.locked_until
            elif _matches(user.password_hash, password):
                if not user.active:
                    raise SignInError(_("This account is switched off: ask the administrator."))
                user.failed_attempts, user.locked_until = 0, None
                if _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = hash_password(password)
                audit.record(session, **audit_args(user, "sign_in"))
                return actor_of(user)
            else:
                user.failed_attempts += 1
                wait = _wait(user.failed_attempts, attempts, first_wait)
                if wait is not None:
                    user.locked_until = now + min(wait, _cap(session, user))
                locked_until = user.locked_until if wait is not None else None
                audit.record(session, **audit_args(user, "sign_in_failed"))
    # Outside the transaction, so the failed count and its audit row are kept.
    if locked_until is not None:
        raise _locked(locked_until, now)
    raise SignInError(_("Wrong user name or password."))


#: the longest wait that may keep out the only administrator who could lift it
ADMIN_LOCK_CAP = timedelta(minutes=15)
_NO_CAP = timedelta(days=365)


def _wait(failures: int, attempts: int, first_wait: int) -> timedelta | None:
    """How long ``failures`` wrong tries in a row lock for, or None while under the limit."""
    over = failures - attempts
    return None if over < 0 else timedelta(seconds=first_wait * 2 ** min(over, 10))


def _cap(session, user: User) -> timedelta:
    """An administrator whom no other active, unlocked administrator could unlock waits
    at most 15 minutes: a lockout never keeps the office out of its own program."""
    if ADMIN not in user.roles or not user.active:
        return _NO_CAP
    now = utcnow()
    others = session.scalars(select(User).where(User.active, User.id != user.id))
    free = any(
        ADMIN in o.roles and (o.locked_until is None or o.locked_until <= now) for o in others
    )
    return _NO_CAP if free else ADMIN_LOCK_CAP


def _matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _stand_in_hash() -> str:
    """A hash no password opens, checked for unknown names so that they take as long."""
    return _hasher.hash(secrets.token_hex(16))


def stand_in_name(name: str) -> str:
    """What the trail records for wrong tries at a name nobody has: not the name itself
    (a password typed into the name field must not land in the trail)."""
    return "?" + hashlib.sha256(name.casefold().encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _unknown_name_try(session, name, password, now, attempts, first_wait) -> datetime | None:
    """One wrong try at a name nobody has, counted and locked as for a real name; the time
    the lock ends, or None."""
    stand_in = stand_in_name(name)
    tried = select(AuditEntry).where(
        AuditEntry.username == stand_in, AuditEntry.action == "sign_in_failed"
    )
    failures = session.scalar(select(func.count()).select_from(tried.subquery()))
    last = session.scalar(tried.order_by(AuditEntry.id.desc()).limit(1))
    wait = _wait(failures, attempts, first_wait)
    if last is not None and wait is not None and last.at + wait > now:
        raise _locked(last.at + wait, now)
    _matches(_stand_in_hash(), password)  # never true: the same work as for a real name
    audit.record(
        session,
        actor=Actor(None, stand_in, "", frozenset()),
        action="sign_in_failed",
        entity="user",
        entity_id="",
        area="users",
    )
    wait = _wait(failures + 1, attempts, first_wait)
    return None if wait is None else now + wait


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

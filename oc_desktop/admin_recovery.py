"""A forgotten administrator password, recovered with the office's recovery sheet.

The sheet printed once for the head's safe holds the office's restore key; typing its
code back proves that whoever recovers holds the sheet (or the computer's data folder,
which holds everything anyway). Nothing typed at the sign-in alone can do this. The new
password keeps the usual rules, the lock is lifted, and the trail records that the sheet
was used, never the password.
"""

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from oc_desktop import audit
from oc_desktop.backup.crypto import public_bytes
from oc_desktop.backup.office_key import BadRecoveryCode, load_key, private_from_code
from oc_desktop.i18n import _
from oc_desktop.models import User
from oc_desktop.models.db import Database
from oc_desktop.security import ADMIN, Actor
from oc_desktop.user_admin import PASSWORD_CHANGED
from oc_desktop.users import actor_of, check_password, hash_password
from oc_desktop.validation import Checker

#: who the trail names for a recovery: the holder of the sheet, at this computer
SHEET_HOLDER = Actor(None, "recovery-sheet", "Recovery sheet", frozenset({ADMIN}))


def check_sheet(data_dir: Path, code: str, check: Checker) -> None:
    """The code typed from the recovery sheet opens this folder's office key."""
    key = load_key(data_dir)
    if key is None:
        check.fail(
            "recovery_code",
            _(
                "This data folder has no office key yet (it is made with the first backup), "
                "so no recovery sheet belongs to it."
            ),
        )
        return
    try:
        private = private_from_code(code)
    except BadRecoveryCode as error:
        check.fail("recovery_code", str(error))
        return
    public = public_bytes(X25519PrivateKey.from_private_bytes(private).public_key())
    if public != key.public:
        check.fail(
            "recovery_code",
            _("This recovery sheet belongs to another office key, not to this data folder."),
        )


def recover_admin(
    db: Database,
    *,
    data_dir: Path,
    recovery_code: str,
    username: str,
    password: str,
    password_again: str | None = None,
) -> Actor:
    """Give an administrator a new password and lift the lock, on the recovery sheet's word."""
    check = Checker()
    check_sheet(data_dir, recovery_code, check)
    check.done()
    with db.begin() as session:
        user = session.scalar(select(User).where(User.username == username.strip()))
        if user is None or ADMIN not in user.roles or not user.active:
            check.fail("username", _("No active administrator has this user name."))
            check.done()
        check_password(check, password, password_again, username=user.username)
        check.done()
        old = {"failed_attempts": user.failed_attempts, "locked_until": user.locked_until}
        user.password_hash = hash_password(password)
        user.failed_attempts, user.locked_until = 0, None
        audit.record(
            session,
            actor=SHEET_HOLDER,
            action="recover_admin",
            entity="user",
            entity_id=user.id,
            area="users",
            old={key: value for key, value in old.items() if value} or None,
            new={"password": PASSWORD_CHANGED, "failed_attempts": 0, "locked_until": None},
        )
        return actor_of(user)


def active_admins(db: Database) -> list[str]:
    """The user names of the active administrators (the command offers them)."""
    with db.read() as session:
        users = session.scalars(select(User).where(User.active).order_by(User.username))
        return [u.username for u in users if ADMIN in u.roles]

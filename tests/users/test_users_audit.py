"""Users, sign-in with lockout, and the hash-chained audit trail checked by `verify`."""

import sqlite3
import subprocess
import sys
from datetime import timedelta

import pytest
from sqlalchemy import select

from oc_desktop.audit import verify_chain
from oc_desktop.models import AuditEntry, User
from oc_desktop.models.base import utcnow
from oc_desktop.paths import database_path
from oc_desktop.profile import set_setting
from oc_desktop.security import (
    ADMIN,
    CLERK,
    CONFIDENTIAL,
    HEAD,
    SYSTEM,
    TOP_SECRET,
    NotAllowed,
)
from oc_desktop.users import SignInError, create_user, sign_in
from oc_desktop.validation import ValidationError


@pytest.fixture
def admin(db):
    return create_user(
        db,
        actor=SYSTEM,
        username="admin",
        full_name="ບຸນມີ ພົມມະຈັນ",
        password="correct horse",
        roles=[ADMIN],
    )


def _audit(db):
    with db.read() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_password_is_kept_only_as_a_slow_salted_hash(db, admin):
    with db.read() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "admin"))
    assert "correct horse" not in stored and stored.startswith("$argon2id$")
    assert sign_in(db, username="admin", password="correct horse").roles == {ADMIN}


def test_admin_creates_a_clerk_and_the_change_is_audited_with_new_values(db, admin):
    clerk = create_user(
        db,
        actor=admin,
        username="clerk",
        full_name="ນາງ ມະນີວັນ ສີລາວົງ",
        password="a-long-one",
        roles=[CLERK],
    )
    assert clerk.may_write("documents") and not clerk.sees_secret(CONFIDENTIAL)
    last = _audit(db)[-1]
    assert (last.action, last.username, last.area) == ("create", "admin", "users")
    assert last.new["full_name"] == "ນາງ ມະນີວັນ ສີລາວົງ" and last.old is None


def test_only_an_administrator_adds_users_and_bad_input_is_told_per_field(db, admin):
    clerk = create_user(
        db,
        actor=admin,
        username="clerk",
        full_name="ທອງສຸກ",
        password="a-long-one",
        roles=[CLERK],
    )
    with pytest.raises(NotAllowed):
        create_user(
            db,
            actor=clerk,
            username="clerk3",
            full_name="ທອງສຸກ",
            password="long enough",
            roles=[CLERK],
        )
    with pytest.raises(ValidationError) as error:
        create_user(
            db,
            actor=admin,
            username="clerk",
            full_name="",
            password="short",
            password_again="shorter",
            roles=[],
        )
    assert set(error.value.errors) == {
        "username",
        "full_name",
        "password",
        "password_again",
        "roles",
    }
    assert error.value.errors["username"] == "ຊື່ຜູ້ໃຊ້ນີ້ມີຄົນໃຊ້ແລ້ວ."
    with db.read() as session:
        assert session.scalar(select(User.id).where(User.full_name == "")) is None


def test_wrong_passwords_lock_the_account_for_a_growing_while(db, admin):
    set_setting(db, actor=SYSTEM, key="sign_in_attempts", value=2)
    with pytest.raises(SignInError, match="ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ"):
        sign_in(db, username="admin", password="wrong")
    with pytest.raises(SignInError, match="ລອງໃໝ່ໃນອີກ 1 ນາທີ") as locked:  # the 2nd locks
        sign_in(db, username="admin", password="wrong")
    assert locked.value.locked_until is not None
    with pytest.raises(SignInError, match="ລອງໃໝ່"):
        sign_in(db, username="admin", password="correct horse")  # right, but locked
    with db.begin() as session:
        user = session.scalar(select(User).where(User.username == "admin"))
        first_wait = user.locked_until
        user.locked_until -= timedelta(hours=1)  # the wait is over
    with pytest.raises(SignInError):
        sign_in(db, username="admin", password="wrong again")
    with db.read() as session:
        second_wait = session.scalar(select(User.locked_until).where(User.username == "admin"))
    # the first wait is 60 s (the default); the next, after one more wrong try, doubles
    assert first_wait - utcnow() <= timedelta(seconds=60)
    assert second_wait - utcnow() > timedelta(seconds=100)
    actions = [e.action for e in _audit(db)]
    assert actions.count("sign_in_failed") == 3


def test_unknown_and_inactive_users_are_refused_alike(db, admin):
    with pytest.raises(SignInError):
        sign_in(db, username="nobody", password="correct horse")


def test_roles_and_clearance_are_separate(db, admin):
    head = create_user(
        db,
        actor=admin,
        username="head",
        full_name="ຄຳພອນ ແກ້ວມະນີ",
        password="a-long-one",
        roles=[HEAD],
        clearance=TOP_SECRET,
    )
    assert head.may_read("staff") and head.may_read("audit") and not head.may_write("documents")
    assert head.sees_secret(TOP_SECRET) and not admin.sees_secret(CONFIDENTIAL)


def _verify(data_dir):
    return subprocess.run(
        [sys.executable, "-m", "oc_desktop", "verify", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_verify_names_the_first_row_changed_outside_the_program(db, admin, data_dir):
    for attempt in range(3):
        with pytest.raises(SignInError):
            sign_in(db, username="admin", password=f"wrong {attempt}")
    assert verify_chain(db) is None
    assert _verify(data_dir).returncode == 0
    rows = _audit(db)
    with sqlite3.connect(database_path(data_dir)) as connection:
        connection.execute(
            "UPDATE audit_entry SET username = 'someone' WHERE id = ?", (rows[2].id,)
        )
    assert verify_chain(db) == rows[2].id
    result = _verify(data_dir)
    assert result.returncode != 0
    assert str(rows[2].id) in result.stderr


def test_a_deleted_row_breaks_the_chain_at_the_next(db, admin, data_dir):
    for attempt in range(3):
        with pytest.raises(SignInError):
            sign_in(db, username="admin", password=f"wrong {attempt}")
    rows = _audit(db)
    with sqlite3.connect(database_path(data_dir)) as connection:
        connection.execute("DELETE FROM audit_entry WHERE id = ?", (rows[1].id,))
    assert verify_chain(db) == rows[2].id

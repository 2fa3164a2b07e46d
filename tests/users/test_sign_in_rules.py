"""Sign-in tells nothing of which names exist; the only administrator is never kept out
long; passwords follow their rules in every operation that sets one."""

import statistics
import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from oc_desktop.models import AuditEntry, User
from oc_desktop.models.base import utcnow
from oc_desktop.profile import set_setting
from oc_desktop.security import ADMIN, CLERK, SYSTEM
from oc_desktop.user_admin import reset_password, update_user
from oc_desktop.users import ADMIN_LOCK_CAP, SignInError, create_user, sign_in
from oc_desktop.validation import ValidationError

GOOD = "correct horse"


@pytest.fixture
def admin(db):
    return create_user(
        db, actor=SYSTEM, username="admin", full_name="ບຸນມີ", password=GOOD, roles=[ADMIN]
    )


def _answers(db, username: str, tries: int) -> list[tuple[str, int | None]]:
    """The first sentence of each wrong try's message, with the lock's length in minutes
    (rounded: the two names are tried a moment apart)."""
    answers = []
    for _ in range(tries):
        with pytest.raises(SignInError) as refused:
            sign_in(db, username=username, password="not it at all")
        until = refused.value.locked_until
        minutes = None if until is None else round((until - utcnow()).total_seconds() / 60)
        answers.append((str(refused.value).split(".")[0], minutes))
    return answers


def test_a_name_nobody_has_locks_after_as_many_tries_as_a_real_one(db, admin, make_user):
    set_setting(db, actor=SYSTEM, key="sign_in_attempts", value=3)
    make_user("khamla", [CLERK])
    real, unknown = _answers(db, "khamla", 4), _answers(db, "nobody", 4)
    assert real == unknown
    assert [minutes for _message, minutes in real] == [None, None, 1, 1]  # 4th: in the lock
    assert unknown[2][0] == "ໃສ່ລະຫັດຜ່ານຜິດຫຼາຍເທື່ອເກີນໄປ"


def test_wrong_tries_at_an_unknown_name_are_in_the_trail_without_the_typed_name(db, admin):
    _answers(db, "ລະຫັດລັບ-ພິມຜິດຊ່ອງ", 2)  # a password typed into the name field
    with db.read() as session:
        rows = list(session.scalars(select(AuditEntry).where(AuditEntry.user_id.is_(None))))
    failed = [row for row in rows if row.action == "sign_in_failed"]
    assert len(failed) == 2
    assert all(row.username.startswith("?") for row in failed)
    assert not any("ລະຫັດລັບ" in str((r.username, r.old, r.new)) for r in rows)


def test_a_wrong_try_takes_as_long_for_an_unknown_name(db, admin, make_user):
    """The password hash is checked either way: a missing check would be many times faster."""
    make_user("khamla", [CLERK])
    set_setting(db, actor=SYSTEM, key="sign_in_attempts", value=20)

    def timed(name: str) -> float:
        started = time.perf_counter()
        with pytest.raises(SignInError):
            sign_in(db, username=name, password="not it at all")
        return time.perf_counter() - started

    real = statistics.median(timed("khamla") for _ in range(7))
    unknown = statistics.median(timed("nobody-here") for _ in range(7))
    assert 0.5 < unknown / real < 2, (real, unknown)


def test_a_switched_off_account_is_refused_like_a_wrong_password(db, admin, make_user):
    from helpers import PASSWORD

    clerk = make_user("khamla", [CLERK])
    update_user(
        db,
        actor=admin,
        user_id=clerk.user_id,
        full_name="x",
        roles=[CLERK],
        clearance=0,
        active=False,
    )
    assert _answers(db, "khamla", 1) == _answers(db, "nobody", 1)
    with pytest.raises(SignInError, match="ຜູ້ບໍລິຫານ"):  # the right password: told to ask
        sign_in(db, username="khamla", password=PASSWORD)


def _lock_for(db, username: str) -> timedelta:
    with db.read() as session:
        until = session.scalar(select(User.locked_until).where(User.username == username))
    return until - utcnow()


def test_the_only_administrator_waits_at_most_15_minutes(db, admin, make_user):
    set_setting(db, actor=SYSTEM, key="sign_in_attempts", value=1)
    set_setting(db, actor=SYSTEM, key="lockout_seconds", value=3600)
    make_user("khamla", [CLERK])
    _answers(db, "admin", 3)
    _answers(db, "khamla", 3)
    assert timedelta(minutes=14) < _lock_for(db, "admin") <= ADMIN_LOCK_CAP
    assert _lock_for(db, "khamla") > timedelta(minutes=59)  # others wait the full hour


def test_a_lock_made_long_before_one_became_the_only_administrator_shrinks(db, admin):
    with db.begin() as session:
        user = session.scalar(select(User).where(User.username == "admin"))
        user.locked_until = utcnow() + timedelta(days=2)
    with pytest.raises(SignInError, match="15 ນາທີ"):
        sign_in(db, username="admin", password=GOOD)
    assert _lock_for(db, "admin") <= ADMIN_LOCK_CAP


def test_an_administrator_another_could_unlock_waits_as_anyone(db, admin, make_user):
    set_setting(db, actor=SYSTEM, key="sign_in_attempts", value=1)
    set_setting(db, actor=SYSTEM, key="lockout_seconds", value=3600)
    make_user("second", [ADMIN])
    _answers(db, "admin", 2)
    assert _lock_for(db, "admin") > timedelta(minutes=59)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short", "ຢ່າງໜ້ອຍ 8"),
        ("x" * 257, "ບໍ່ເກີນ 256"),
        ("Khamla2024", "ຊື່ຜູ້ໃຊ້"),
        ("KHAMLA!!", "ຊື່ຜູ້ໃຊ້"),
    ],
)
def test_passwords_keep_their_rules_in_every_operation(db, admin, make_user, password, message):
    with pytest.raises(ValidationError) as refused:
        create_user(
            db,
            actor=admin,
            username="khamla",
            full_name="ຄຳຫລ້າ",
            password=password,
            roles=[CLERK],
        )
    assert message in refused.value.errors["password"]
    clerk = make_user("khamla", [CLERK])
    with pytest.raises(ValidationError) as refused:
        reset_password(
            db, actor=admin, user_id=clerk.user_id, password=password, password_again=None
        )
    assert message in refused.value.errors["password"]


def test_a_password_holding_the_name_among_words_is_allowed(db, admin):
    create_user(
        db,
        actor=admin,
        username="khamla",
        full_name="ຄຳຫລ້າ",
        password="demo-khamla",
        roles=[CLERK],
    )
    assert sign_in(db, username="khamla", password="demo-khamla").username == "khamla"

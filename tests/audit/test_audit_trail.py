"""Every write leaves an audit row naming who did it, with the old and the new values."""

import json
from datetime import timedelta

import pytest
from helpers import PASSWORD
from sqlalchemy import select

from oc_desktop.backup.status import back_up
from oc_desktop.models import AuditEntry, User
from oc_desktop.models.base import utcnow
from oc_desktop.profile import SectionRow, SignerRow, load_profile, save_profile, set_setting
from oc_desktop.security import ADMIN, CLERK, CONFIDENTIAL, HEAD, SYSTEM, NotAllowed
from oc_desktop.user_admin import list_users, reset_password, unlock_user, update_user
from oc_desktop.users import SignInError, sign_in
from oc_desktop.validation import ValidationError


@pytest.fixture
def admin(make_user):
    return make_user("admin", [ADMIN])


@pytest.fixture
def clerk(make_user):
    return make_user("clerk", [CLERK])


def _rows(db, after: int = 0) -> list[AuditEntry]:
    with db.read() as session:
        statement = select(AuditEntry).where(AuditEntry.id > after).order_by(AuditEntry.id)
        return list(session.scalars(statement))


def _last_id(db) -> int:
    rows = _rows(db)
    return rows[-1].id if rows else 0


def test_profile_changes_are_audited_field_by_field(db, admin):
    start = _last_id(db)
    profile = load_profile(db)
    first, second, *rest = profile.sections
    save_profile(
        db,
        actor=admin,
        name="ຄະນະໂຄສະນາອົບຮົມແຂວງອັດຕະປື",
        abbreviation="ຄ.ອ.ຮ.ຂ",
        place="ອັດຕະປື",
        parent_body="",
        sections=[SectionRow(first.id, "ຂະແໜງ ບໍລິຫານ"), second, *rest[:-1]],
        signers=[SignerRow(None, "ຫົວໜ້າຄະນະ", "ບຸນມີ ພົມມະຈັນ")],
    )
    rows = _rows(db, start)
    assert {r.username for r in rows} == {"admin"} and {r.area for r in rows} == {"settings"}
    by_entity = {(r.entity, r.action): r for r in rows}
    org = by_entity[("organisation", "update")]
    assert org.old == {"name": "", "abbreviation": "", "place": ""}
    assert org.new["place"] == "ອັດຕະປື"
    renamed = by_entity[("section", "update")]
    assert renamed.old == {"name": first.name} and renamed.new == {"name": "ຂະແໜງ ບໍລິຫານ"}
    retired = by_entity[("section", "retire")]
    assert retired.old["name"] == rest[-1].name and retired.new == {"active": False}
    signer = by_entity[("signer", "create")]
    assert signer.old is None and signer.new["name"] == "ບຸນມີ ພົມມະຈັນ"
    # saving the same again changes nothing and records nothing
    again = _last_id(db)
    current = load_profile(db)
    save_profile(
        db,
        actor=admin,
        name=current.name,
        abbreviation=current.abbreviation,
        place=current.place,
        parent_body=current.parent_body,
        sections=list(current.sections),
        signers=list(current.signers),
    )
    assert _rows(db, again) == []


def test_a_setting_records_its_old_and_new_value(db, admin):
    set_setting(db, actor=admin, key="idle_lock_minutes", value=5)
    row = _rows(db)[-1]
    assert (row.username, row.action, row.entity, row.entity_id) == (
        "admin",
        "update",
        "setting",
        "idle_lock_minutes",
    )
    assert row.old == {"idle_lock_minutes": 15} and row.new == {"idle_lock_minutes": 5}


def test_a_clerk_backing_up_is_recorded_but_cannot_change_settings(db, clerk, data_dir, tmp_path):
    drive = tmp_path / "usb"
    drive.mkdir()
    result = back_up(db, data_dir, drive, actor=clerk)
    row = _rows(db)[-1]
    assert row.username == "clerk" and row.entity_id == "last_backup_at"
    assert row.old == {"last_backup_at": None}
    assert row.new == {"last_backup_at": result.manifest.summary.created_at}
    with pytest.raises(NotAllowed):
        set_setting(db, actor=clerk, key="backup_keep", value=1)


def test_changing_a_person_is_audited_and_the_user_name_stays(db, admin, clerk):
    update_user(
        db,
        actor=admin,
        user_id=clerk.user_id,
        full_name="ນາງ ມະນີວັນ ສີລາວົງ",
        roles=[CLERK, HEAD],
        clearance=CONFIDENTIAL,
        active=True,
    )
    row = _rows(db)[-1]
    assert (row.username, row.action, row.entity_id) == ("admin", "update", str(clerk.user_id))
    assert row.old == {"full_name": "ທົດສອບ clerk", "roles": [CLERK], "clearance": 0}
    assert row.new == {
        "full_name": "ນາງ ມະນີວັນ ສີລາວົງ",
        "roles": [CLERK, HEAD],
        "clearance": CONFIDENTIAL,
    }
    person = sign_in(db, username="clerk", password=PASSWORD)
    assert person.roles == {CLERK, HEAD} and person.sees_secret(CONFIDENTIAL)


def test_a_deactivated_person_cannot_sign_in(db, admin, clerk):
    update_user(
        db,
        actor=admin,
        user_id=clerk.user_id,
        full_name="x",
        roles=[CLERK],
        clearance=0,
        active=False,
    )
    assert _rows(db)[-1].new["active"] is False
    with pytest.raises(SignInError):
        sign_in(db, username="clerk", password=PASSWORD)


def test_the_last_administrator_stays(db, admin):
    with pytest.raises(ValidationError) as error:
        update_user(
            db,
            actor=admin,
            user_id=admin.user_id,
            full_name="x",
            roles=[HEAD],
            clearance=0,
            active=True,
        )
    assert error.value.errors["roles"] == "ຕ້ອງມີຜູ້ບໍລິຫານລະບົບທີ່ໃຊ້ງານຢູ່ຢ່າງໜ້ອຍໜຶ່ງຄົນ."
    with pytest.raises(ValidationError) as error:
        update_user(
            db,
            actor=admin,
            user_id=admin.user_id,
            full_name="x",
            roles=[ADMIN],
            clearance=0,
            active=False,
        )
    assert "active" in error.value.errors
    assert [u.roles for u in list_users(db, actor=admin) if u.username == "admin"] == [(ADMIN,)]


def test_only_an_administrator_changes_people(db, clerk, admin):
    with pytest.raises(NotAllowed):
        update_user(
            db,
            actor=clerk,
            user_id=clerk.user_id,
            full_name="x",
            roles=[ADMIN],
            clearance=2,
            active=True,
        )
    with pytest.raises(NotAllowed):
        reset_password(
            db, actor=clerk, user_id=admin.user_id, password="x" * 10, password_again=None
        )
    with pytest.raises(NotAllowed):
        list_users(db, actor=clerk)


def test_a_password_reset_is_audited_without_the_password(db, admin, clerk):
    set_setting(db, actor=admin, key="sign_in_attempts", value=1)
    with pytest.raises(SignInError):
        sign_in(db, username="clerk", password="forgotten")  # now locked
    reset_password(
        db, actor=admin, user_id=clerk.user_id, password="ໃໝ່-new-2025", password_again="ໃໝ່-new-2025"
    )
    row = _rows(db)[-1]
    assert (row.username, row.action) == ("admin", "reset_password")
    assert row.new["password"] == "changed" and row.new["locked_until"] is None
    assert row.old["failed_attempts"] == 1 and row.old["locked_until"]
    with db.read() as session:
        stored = session.scalar(select(User.password_hash).where(User.id == clerk.user_id))
    every_row = json.dumps([[r.old, r.new] for r in _rows(db)], ensure_ascii=False)
    assert stored not in every_row and "ໃໝ່-new-2025" not in every_row and "$argon2" not in every_row
    assert sign_in(db, username="clerk", password="ໃໝ່-new-2025").username == "clerk"


def test_unlocking_is_audited_and_lets_the_person_in_at_once(db, admin, clerk):
    set_setting(db, actor=admin, key="sign_in_attempts", value=1)
    with pytest.raises(SignInError):
        sign_in(db, username="clerk", password="wrong")
    with db.read() as session:
        until = session.scalar(select(User.locked_until).where(User.id == clerk.user_id))
    assert until > utcnow() + timedelta(seconds=30)
    unlock_user(db, actor=admin, user_id=clerk.user_id)
    row = _rows(db)[-1]
    assert (row.action, row.new) == ("unlock", {"failed_attempts": 0, "locked_until": None})
    assert row.old["failed_attempts"] == 1
    assert sign_in(db, username="clerk", password=PASSWORD).username == "clerk"


def test_the_program_itself_is_named_in_the_trail(db):
    set_setting(db, actor=SYSTEM, key="due_soon_days", value=9)
    row = _rows(db)[-1]
    assert (row.user_id, row.username) == (None, "system")

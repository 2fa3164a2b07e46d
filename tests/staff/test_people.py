"""A person's file: bad input told at its field, nothing half-saved, every change audited."""

from datetime import date

import pytest
from helpers.staff import JPEG, new_person, person_data
from sqlalchemy import func, select

from oc_desktop.models import AuditEntry, Person
from oc_desktop.security import STAFF_OFFICER
from oc_desktop.staff.files import read_file
from oc_desktop.staff.people import (
    Relative,
    add_ethnic_group,
    ensure_ethnic_groups,
    ethnic_groups,
    save_person,
)
from oc_desktop.validation import ValidationError


@pytest.fixture
def officer(make_user):
    return make_user("officer", [STAFF_OFFICER])


def _errors(db, officer, **overrides) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        save_person(db, actor=officer, data=person_data(**overrides))
    return caught.value.errors


def _people(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Person))


def test_a_new_file_keeps_everything_typed_with_its_family(db, officer):
    ensure_ethnic_groups(db)
    group = ethnic_groups(db)[0]
    family = (Relative("father", "ທ້າວ ບຸນມາ", 1950, "ຊາວນາ"), Relative("child", "ນ້ອຍ", 2015))
    person = new_person(
        db,
        officer,
        photo=JPEG,
        ethnic_group_id=group.id,
        political_theory="intermediate",
        party_joined=date(2010, 5, 1),
        family=family,
    )
    found = read_file(db, actor=officer, person_id=person)
    assert found.data.given_name == "ສົມພອນ" and found.data.photo == JPEG
    assert found.ethnic_group == group.name and found.data.political_theory == "intermediate"
    assert found.data.family == family
    assert found.retirement == date(2040, 3, 14)  # 55 for a woman, by default


def test_bad_input_is_told_at_each_field_and_nothing_is_saved(db, officer):
    errors = _errors(
        db,
        officer,
        given_name="ກ" * 10_000,
        birth_date=date(2009, 1, 1),
        photo=b"%PDF-1.4 not an image",
        party_full=date(2001, 1, 1),
        party_joined=date(2002, 1, 1),
        sex="x",
    )
    assert set(errors) >= {"given_name", "birth_date", "photo", "party_full", "sex"}
    assert "100" in errors["given_name"]
    assert _errors(db, officer, photo=JPEG + b"\0" * 3_000_000)["photo"]
    assert _errors(db, officer, service_entry=None)["service_entry"]
    assert _people(db) == 0


def test_the_same_identity_card_twice_is_refused_naming_its_holder(db, officer):
    new_person(db, officer, id_card="0101 123456")
    errors = _errors(db, officer, given_name="ບຸນມີ", id_card="0101123456")
    assert "ສົມພອນ" in errors["id_card"]
    assert _people(db) == 1


def test_a_change_is_audited_with_old_and_new_values(db, officer):
    person = new_person(db, officer)
    save_person(db, actor=officer, person_id=person, data=person_data(phone="020 5555 1234"))
    with db.read() as session:
        last = session.scalars(
            select(AuditEntry).where(AuditEntry.area == "staff").order_by(AuditEntry.id.desc())
        ).first()
    assert (last.action, last.entity, last.entity_id) == ("update", "person", str(person))
    assert last.old == {"phone": ""} and last.new == {"phone": "020 5555 1234"}


def test_the_ethnic_group_list_is_editable_and_refuses_a_repeat(db, officer):
    ensure_ethnic_groups(db)
    add_ethnic_group(db, actor=officer, name="ຍະເຫີນ")
    assert "ຍະເຫີນ" in [g.name for g in ethnic_groups(db)]
    with pytest.raises(ValidationError):
        add_ethnic_group(db, actor=officer, name="ຍະເຫີນ")

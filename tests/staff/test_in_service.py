"""The payroll contract: what was in force for each person on a day."""

from datetime import date

import pytest
from helpers.staff import new_person

from oc_desktop.profile import load_profile
from oc_desktop.security import STAFF_OFFICER
from oc_desktop.staff.history import add_grade, add_position, record_leaving
from oc_desktop.staff.queries import in_service


@pytest.fixture
def officer(make_user):
    return make_user("officer", [STAFF_OFFICER])


def test_in_service_reads_grade_step_position_and_section_in_force_on_the_day(db, officer):
    first, second = (s.id for s in load_profile(db).sections[:2])
    person = new_person(db, officer, section_id=first)
    add_grade(db, actor=officer, person_id=person, grade=2, step=3, start=date(2015, 1, 1))
    add_grade(db, actor=officer, person_id=person, grade=2, step=4, start=date(2017, 1, 1))
    add_position(
        db,
        actor=officer,
        person_id=person,
        change="appointment",
        position="staff",
        section_id=first,
        start=date(2008, 9, 1),
    )
    add_position(
        db,
        actor=officer,
        person_id=person,
        change="transfer",
        position="deputy_section_head",
        section_id=second,
        start=date(2016, 6, 1),
        title="ຮອງຫົວໜ້າຂະແໜງ",
    )
    with db.read() as session:
        (early,) = in_service(session, date(2015, 6, 1))
        (late,) = in_service(session, date(2020, 1, 1))
        assert in_service(session, date(2008, 8, 31)) == []
    assert (early.grade, early.step, early.position, early.section_id) == (2, 3, "staff", first)
    assert (late.grade, late.step, late.grade_since) == (2, 4, date(2017, 1, 1))
    assert (late.position, late.section_id) == ("deputy_section_head", second)
    assert late.position_title == "ຮອງຫົວໜ້າຂະແໜງ"
    assert late.given_name == "ສົມພອນ" and late.sex == "f"
    assert late.section_name == load_profile(db).sections[1].name


def test_a_person_who_left_is_not_in_service_from_the_day_they_left(db, officer):
    person = new_person(db, officer)
    other = new_person(db, officer, given_name="ບຸນມີ", id_card="0202-000001", sex="m")
    record_leaving(
        db, actor=officer, person_id=person, reason="resignation", start=date(2020, 3, 1)
    )
    with db.read() as session:
        before = {r.person_id for r in in_service(session, date(2020, 2, 29))}
        after = {r.person_id for r in in_service(session, date(2020, 3, 1))}
    assert before == {person, other}
    assert after == {other}


def test_a_dismissal_leaves_no_position_and_no_grade_shows_as_none(db, officer):
    person = new_person(db, officer)
    add_position(
        db,
        actor=officer,
        person_id=person,
        change="appointment",
        position="staff",
        start=date(2009, 1, 1),
    )
    add_position(
        db,
        actor=officer,
        person_id=person,
        change="dismissal",
        position="staff",
        start=date(2019, 1, 1),
    )
    with db.read() as session:
        (row,) = in_service(session, date(2019, 1, 2))
    assert row.position is None and row.position_title == ""
    assert row.grade is None and row.step is None

"""A career's history: dated, decided, never rewritten; dates out of order refused."""

from datetime import date

import pytest
from helpers.staff import new_person

from oc_desktop.security import STAFF_OFFICER
from oc_desktop.staff.files import read_file
from oc_desktop.staff.history import add_event, add_grade, add_position, record_leaving
from oc_desktop.validation import ValidationError


@pytest.fixture
def officer(make_user):
    return make_user("officer", [STAFF_OFFICER])


def _refused(operation, **kwargs) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        operation(**kwargs)
    return caught.value.errors


def test_a_promotion_and_a_transfer_keep_the_past_visible(db, officer):
    person = new_person(db, officer)
    add_grade(
        db,
        actor=officer,
        person_id=person,
        grade=1,
        step=5,
        change="start",
        start=date(2008, 9, 1),
        decision_number="12/ຄອຮ",
        decision_date=date(2008, 8, 20),
    )
    add_grade(db, actor=officer, person_id=person, grade=1, step=6, start=date(2010, 9, 1))
    add_position(
        db,
        actor=officer,
        person_id=person,
        change="appointment",
        position="staff",
        start=date(2008, 9, 1),
    )
    add_position(
        db,
        actor=officer,
        person_id=person,
        change="transfer",
        position="section_head",
        start=date(2020, 1, 1),
        decision_number="7/ຄອຮ",
    )
    found = read_file(db, actor=officer, person_id=person)
    assert [(g.grade, g.step) for g in found.grades] == [(1, 5), (1, 6)]
    assert found.grades[0].decision_number == "12/ຄອຮ"
    assert [p.position for p in found.positions] == ["staff", "section_head"]
    assert found.position.position == "section_head" and found.grade.step == 6
    assert found.next_step == date(2012, 9, 1)
    assert found.salary == 187 * 7350  # grade 1 step 6's index × the index value today


def test_changes_out_of_order_are_refused_at_the_date(db, officer):
    person = new_person(db, officer)
    base = dict(db=db, actor=officer, person_id=person)
    errors = _refused(add_grade, **base, grade=1, step=1, start=date(2007, 1, 1))
    assert "start" in errors
    assert "step" in _refused(add_grade, **base, grade=1, step=26, start=date(2009, 1, 1))
    add_position(**base, change="appointment", position="staff", start=date(2009, 1, 1))
    again = _refused(add_position, **base, change="acting", position="head", start=date(2009, 1, 1))
    assert "start" in again
    assert "end" in _refused(
        add_event,
        **base,
        kind="training",
        title="ຄອມ",
        start=date(2012, 5, 1),
        end=date(2012, 4, 1),
    )
    record_leaving(
        **base, reason="retirement", benefit="pension", amount=2_500_000, start=date(2024, 1, 1)
    )
    assert "start" in _refused(add_grade, **base, grade=1, step=2, start=date(2024, 6, 1))
    assert "start" in _refused(record_leaving, **base, reason="death", start=date(2024, 2, 1))


def test_a_benefit_needs_its_amount(db, officer):
    person = new_person(db, officer)
    errors = _refused(
        record_leaving,
        db=db,
        actor=officer,
        person_id=person,
        reason="retirement",
        benefit="one_time",
        start=date(2024, 1, 1),
    )
    assert "amount" in errors

"""Staff files are personal data; the due lists follow the dated rules."""

from datetime import date

import pytest
from helpers.staff import new_person
from sqlalchemy import select

from oc_desktop.models import AuditEntry
from oc_desktop.security import ACCOUNTANT, ADMIN, CLERK, HEAD, READER, STAFF_OFFICER, NotAllowed
from oc_desktop.staff.due import due_within
from oc_desktop.staff.files import read_file
from oc_desktop.staff.history import add_event, add_grade
from oc_desktop.staff.listing import StaffQuery, count_rows, fetch_page
from oc_desktop.staff.rules import RULE_DEFAULTS, in_force, set_rule
from oc_desktop.validation import ValidationError


@pytest.fixture
def officer(make_user):
    return make_user("officer", [STAFF_OFFICER])


@pytest.mark.parametrize("role", [CLERK, ACCOUNTANT, READER])
def test_other_roles_never_read_a_file_nor_search_nor_count(db, officer, make_user, role):
    person = new_person(db, officer)
    outsider = make_user("outsider", [role])
    with pytest.raises(NotAllowed):
        read_file(db, actor=outsider, person_id=person)
    with pytest.raises(NotAllowed):
        fetch_page(db, outsider, StaffQuery(text="ສົມ"), after=None, limit=10)
    with pytest.raises(NotAllowed):
        count_rows(db, outsider, StaffQuery())
    with pytest.raises(NotAllowed):
        due_within(db, actor=outsider, on=date.today(), months=3)


@pytest.mark.parametrize("role", [HEAD, ADMIN])
def test_the_head_and_the_administrator_read_and_each_read_is_audited(db, officer, make_user, role):
    person = new_person(db, officer)
    reader = make_user("boss", [role])
    read_file(db, actor=reader, person_id=person)
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.username, entry.action, entry.area) == ("boss", "view", "staff")
    assert entry.entity_id == str(person)


def test_search_matches_lao_fragments_however_typed_and_latin(db, officer):
    new_person(db, officer, given_name="ໜູພັນ", family_name="ຄຳມະນີ", id_card="1")
    new_person(db, officer, given_name="ບຸນມີ", latin_name="Bounmy", id_card="2")

    def found(text):
        return [
            r.name
            for r in fetch_page(
                db,
                officer,
                StaffQuery(text=text),
                after=None,
                limit=10,
            )
        ]

    assert found("ຫນູ") == ["ໜູພັນ ຄຳມະນີ"]  # ໜ typed as ຫ + ນ
    assert found("bounm") == ["ບຸນມີ ແກ້ວມະນີ"]
    assert count_rows(db, officer, StaffQuery(text="ຄຳມະ")) == 1
    assert found("ຄໍາມະນີ ຫນູພັນ") == ["ໜູພັນ ຄຳມະນີ"]  # ໍ + າ for ຳ; words in any order
    assert found("ມີ bounmy") == ["ບຸນມີ ແກ້ວມະນີ"]
    assert found("ນີ1") == []  # the family name's end and the card never join


def test_an_upgrade_keys_the_files_again(db, officer):
    from sqlalchemy import text

    from oc_desktop.staff.people import rekey

    new_person(db, officer, given_name="ສະເຫຼີມ", id_card="7")
    with db.begin() as session:  # as an older version stored it: ຫຼ unfolded, fields run on
        session.execute(text("UPDATE person SET search = 'ສະເຫຼີມແກ້ວມະນີ7'"))
    with db.begin() as session:
        rekey(session.connection())
    assert count_rows(db, officer, StaffQuery(text="ສະເຫລີມ")) == 1
    assert count_rows(db, officer, StaffQuery(text="ນີ7")) == 0


def test_due_lists_follow_the_interval_and_retirement_ages(db, officer):
    today = date.today()
    soon = new_person(
        db,
        officer,
        birth_date=date(today.year - 55, 1, 1),
        sex="f",
        id_card="1",
        service_entry=date(1995, 1, 1),
    )
    stepping = new_person(
        db,
        officer,
        given_name="ບຸນມີ",
        sex="m",
        id_card="2",
        birth_date=date(1990, 1, 1),
        service_entry=date(2012, 1, 1),
    )
    add_grade(
        db, actor=officer, person_id=stepping, grade=1, step=3, start=date(today.year - 2, 1, 1)
    )
    add_event(
        db,
        actor=officer,
        person_id=stepping,
        kind="evaluation",
        title="ດີເດັ່ນ",
        start=today.replace(day=1),
    )
    due = due_within(db, actor=officer, on=today, months=6)
    assert [d.person_id for d in due.steps] == [stepping]
    assert due.steps[0].due_on == date(today.year, 1, 1)
    assert [d.person_id for d in due.retirements] == [soon]
    assert [d.person_id for d in due.evaluations] == [soon]  # never evaluated

    set_rule(
        db,
        actor=officer,
        key="staff_step_interval",
        value=[
            *RULE_DEFAULTS["staff_step_interval"],
            {"from": f"{today.year - 2}-01-01", "years": 3},
        ],
    )
    later = due_within(db, actor=officer, on=today, months=13).steps
    assert [d.due_on for d in later] == [date(today.year + 1, 1, 1)]


def test_a_rule_version_without_its_values_is_refused_and_others_may_not_change_rules(
    db, officer, make_user
):
    with pytest.raises(ValidationError):
        set_rule(db, actor=officer, key="staff_retirement_age", value=[{"from": "2025-01-01"}])
    with pytest.raises(NotAllowed):
        set_rule(
            db,
            actor=make_user("c", [CLERK]),
            key="staff_step_interval",
            value=[{"from": "2000-01-01", "years": 3}],
        )
    with db.read() as session:
        assert in_force(session, "staff_index_value", date(2018, 5, 1))["kip"] == 7200
        assert in_force(session, "staff_index_value", date(2015, 5, 1))["kip"] == 6700

"""Route 5: a person switched off, or stripped of a role or clearance, while signed in
does nothing more with the rights they held at sign-in."""

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from oc_desktop.documents.details import document_detail
from oc_desktop.documents.incoming import register_incoming
from oc_desktop.documents.query import RegisterQuery, fetch_page
from oc_desktop.models import IncomingDocument
from oc_desktop.rights import RightsChanged
from oc_desktop.security import ADMIN, CLERK, CONFIDENTIAL, SYSTEM
from oc_desktop.user_admin import reset_password, update_user


def _letter(db, actor, **changes) -> int:
    values = dict(
        actor=actor,
        received_at=datetime(2026, 11, 20, 9, 30),
        sender="ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ",
        doc_number="201/ຄອສພ",
        doc_date=date(2026, 11, 18),
        kind_id=None,
        subject="ກ່ຽວກັບການຈັດກອງປະຊຸມສຳມະນາ",
    )
    return register_incoming(db, **(values | changes))


def _change(db, admin, person, **changes):
    values = dict(full_name="ທົດສອບ", roles=[CLERK], clearance=person.clearance, active=True)
    update_user(db, actor=admin, user_id=person.user_id, **(values | changes))


def _count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(IncomingDocument.id)))


@pytest.fixture
def admin(make_user):
    return make_user("admin", [ADMIN])


def test_a_switched_off_clerks_next_write_is_refused_and_nothing_is_saved(db, admin, make_user):
    clerk = make_user("clerk", [CLERK])
    _letter(db, clerk)
    _change(db, admin, clerk, active=False)
    with pytest.raises(RightsChanged) as refused:
        _letter(db, clerk, doc_number="202/ຄອສພ")
    assert refused.value.switched_off
    assert "ປິດ" in str(refused.value)
    assert _count(db) == 1


def test_a_lowered_clearance_no_longer_reads_a_secret_entry(db, admin, make_user):
    clerk = make_user("clerk2", [CLERK], CONFIDENTIAL)
    secret = _letter(db, SYSTEM, secrecy=CONFIDENTIAL, subject="ເລື່ອງລັບ")
    assert not document_detail(db, actor=clerk, register="incoming", doc_id=secret).hidden
    _change(db, admin, clerk, clearance=0)
    with pytest.raises(RightsChanged) as refused:
        document_detail(db, actor=clerk, register="incoming", doc_id=secret)
    assert not refused.value.switched_off
    rows = fetch_page(
        db, clerk, RegisterQuery(register="incoming"), after=None, limit=10, today=date.today()
    )
    assert [row.subject for row in rows if row.id == secret] != ["ເລື່ອງລັບ"]
    assert "ເລື່ອງລັບ" not in str(rows)


def test_an_administrator_stripped_of_the_role_changes_no_one(db, admin, make_user):
    second = make_user("second", [ADMIN])
    clerk = make_user("clerk", [CLERK])
    _change(db, admin, second, roles=[CLERK])
    with pytest.raises(RightsChanged):
        reset_password(
            db, actor=second, user_id=clerk.user_id, password="ໃໝ່-new-2026", password_again=None
        )


def test_an_administrator_changing_their_own_roles_is_not_refused_for_it(db, admin):
    update_user(
        db,
        actor=admin,
        user_id=admin.user_id,
        full_name="ທົດສອບ",
        roles=[ADMIN, CLERK],
        clearance=0,
        active=True,
    )
    update_user(
        db,
        actor=admin,
        user_id=admin.user_id,
        full_name="ທົດສອບ",
        roles=[ADMIN],
        clearance=0,
        active=True,
    )

"""Route 7 and its mirror: any clerk marks a letter at any level (then it is hidden from
them); a correction never lowers an entry's secrecy without saying so, and is audited."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from oc_desktop.documents.common import SecrecyLowered
from oc_desktop.documents.details import document_detail
from oc_desktop.documents.incoming import register_incoming, update_incoming
from oc_desktop.documents.query import RegisterQuery, fetch_page
from oc_desktop.models import AuditEntry, IncomingDocument
from oc_desktop.security import CLERK, CONFIDENTIAL, ORDINARY, TOP_SECRET

LETTER = dict(
    received_at=datetime(2026, 11, 20, 9, 30),
    sender="ຄະນະກວດກາແຂວງ",
    doc_number="9/ກກ",
    doc_date=date(2026, 11, 18),
    kind_id=None,
    subject="ແຜນລັບ",
)


@pytest.mark.parametrize("level", [CONFIDENTIAL, TOP_SECRET])
def test_a_clerk_without_clearance_marks_a_letter_at_any_level(db, make_user, level):
    clerk = make_user("clerk", [CLERK])
    doc = register_incoming(db, actor=clerk, secrecy=level, **LETTER)
    with db.read() as session:
        assert session.get(IncomingDocument, doc).secrecy == level
    detail = document_detail(db, actor=clerk, register="incoming", doc_id=doc)
    assert detail.hidden and detail.subject is None and detail.party is None
    rows = fetch_page(
        db, clerk, RegisterQuery(register="incoming"), after=None, limit=10, today=date.today()
    )
    assert "ແຜນລັບ" not in str(rows) and "ຄະນະກວດກາແຂວງ" not in str(rows)


def _correct(db, actor, doc, secrecy, **flags):
    update_incoming(db, actor=actor, doc_id=doc, secrecy=secrecy, **(LETTER | flags))


def test_a_correction_does_not_lower_the_secrecy_unasked(db, make_user):
    clerk = make_user("clerk2", [CLERK], TOP_SECRET)
    doc = register_incoming(db, actor=clerk, secrecy=TOP_SECRET, **LETTER)
    with pytest.raises(SecrecyLowered) as refused:
        _correct(db, clerk, doc, CONFIDENTIAL)
    assert refused.value.errors["secrecy"].startswith("ການແກ້ໄຂນີ້ຫຼຸດຄວາມລັບ")
    with db.read() as session:
        assert session.get(IncomingDocument, doc).secrecy == TOP_SECRET
    _correct(db, clerk, doc, TOP_SECRET)  # the same level needs no confirmation


def test_a_confirmed_lowering_is_saved_and_has_its_own_audit_row(db, make_user):
    clerk = make_user("clerk2", [CLERK], TOP_SECRET)
    doc = register_incoming(db, actor=clerk, secrecy=TOP_SECRET, **LETTER)
    _correct(db, clerk, doc, ORDINARY, lower_secrecy=True)
    with db.read() as session:
        assert session.get(IncomingDocument, doc).secrecy == ORDINARY
        row = session.scalars(select(AuditEntry).where(AuditEntry.action == "lower_secrecy")).one()
    assert (row.username, row.entity_id) == ("clerk2", str(doc))
    assert (row.old, row.new) == ({"secrecy": TOP_SECRET}, {"secrecy": ORDINARY})

"""Routes out of a secret letter, each closed in the operations (issue 15).

A clerk without clearance answers, routes, voids, changes and reads secret entries
by calling the operations directly; a reply is given a lower level; the duplicate
warning, the detail, the register rows, the printed books and the audit view are
read for the fields beside the subject (signer, file copy, void reason).
"""

from datetime import date, datetime

import pytest
from helpers.pdf import page_texts
from sqlalchemy import select

from oc_desktop.audit.log import AuditQuery, iter_entries
from oc_desktop.audit.text import changes
from oc_desktop.documents.common import DuplicateDocument, SecrecyLowered
from oc_desktop.documents.details import document_detail
from oc_desktop.documents.incoming import (
    register_incoming,
    route_incoming,
    set_incoming_status,
    update_incoming,
    void_incoming,
)
from oc_desktop.documents.outgoing import register_outgoing, update_outgoing, void_outgoing
from oc_desktop.documents.printouts import print_register_book
from oc_desktop.documents.query import RegisterQuery, fetch_page
from oc_desktop.models import AuditEntry, IncomingDocument, OutgoingDocument
from oc_desktop.registers.books import DateRange
from oc_desktop.security import ADMIN, CLERK, CONFIDENTIAL, SYSTEM
from oc_desktop.validation import ValidationError

DAY = date(2026, 3, 10)
SIGNER = "ທ່ານ ສົມພອນ ລັບ"
FILE_COPY = "ຕູ້ເຫຼັກ ຫ້ອງ 3"
VOID_REASON = "ຂຽນຊື່ຜູ້ຮັບຜິດ ລັບ"
WORDS = ("ແຜນລັບ", "ຄະນະກວດກາ", SIGNER, FILE_COPY, VOID_REASON)


@pytest.fixture
def secret(db):
    return register_incoming(
        db,
        actor=SYSTEM,
        received_at=datetime(2026, 3, 10, 9, 0),
        sender="ຄະນະກວດກາ",
        doc_number="9/ກກ",
        doc_date=DAY,
        kind_id=None,
        subject="ແຜນລັບ",
        secrecy=CONFIDENTIAL,
    )


@pytest.fixture
def secret_reply(db):
    """A secret outgoing entry with a signer and file copy place, then voided."""
    doc_id = register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=DAY,
        kind_id=None,
        subject="ແຜນລັບ",
        recipients=["ຄະນະກວດກາ"],
        signer=SIGNER,
        file_copy_at=FILE_COPY,
        secrecy=CONFIDENTIAL,
    )
    void_outgoing(db, actor=SYSTEM, doc_id=doc_id, reason=VOID_REASON)
    return doc_id


@pytest.fixture
def clerk(make_user):
    return make_user("clerk", [CLERK])


def _leaks(text: str) -> list[str]:
    return [word for word in WORDS if word in text]


# Route 2: answer


def test_a_reply_to_a_secret_letter_cannot_be_saved_lower_without_confirming(db, secret):
    cleared = SYSTEM
    with pytest.raises(SecrecyLowered):
        register_outgoing(
            db,
            actor=cleared,
            doc_date=DAY,
            kind_id=None,
            subject="ຕອບ",
            recipients=["ຄະນະກວດກາ"],
            answers_id=secret,
        )
    with db.read() as session:
        assert session.scalar(select(OutgoingDocument.id)) is None  # nothing half-saved


def test_a_confirmed_lower_reply_is_audited(db, secret):
    reply = register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=DAY,
        kind_id=None,
        subject="ຕອບ",
        recipients=["ຄະນະກວດກາ"],
        answers_id=secret,
        lower_secrecy=True,
    )
    with db.read() as session:
        row = session.scalars(select(AuditEntry).where(AuditEntry.action == "lower_secrecy")).one()
    assert row.entity_id == str(reply)
    assert row.old == {"secrecy": CONFIDENTIAL} and row.new == {"secrecy": 0}


def test_a_reply_at_the_answered_level_needs_no_confirmation(db, secret):
    reply = register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=DAY,
        kind_id=None,
        subject="ຕອບ",
        recipients=["ຄະນະກວດກາ"],
        answers_id=secret,
        secrecy=CONFIDENTIAL,
    )
    with db.read() as session:
        assert session.get(OutgoingDocument, reply).secrecy == CONFIDENTIAL


def test_a_clerk_without_clearance_cannot_answer_a_secret_letter(db, secret, clerk):
    with pytest.raises(ValidationError) as refused:
        register_outgoing(
            db,
            actor=clerk,
            doc_date=DAY,
            kind_id=None,
            subject="ຕອບ",
            recipients=["ຄະນະກວດກາ"],
            answers_id=secret,
            lower_secrecy=True,
        )
    assert "answers_id" in refused.value.errors
    with db.read() as session:
        assert session.get(IncomingDocument, secret).status == "received"


def test_an_ordinary_reply_names_only_the_number_and_date_of_what_it_answers(db, secret, clerk):
    reply = register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=DAY,
        kind_id=None,
        subject="ຮັບຊາບແລ້ວ",
        recipients=["ພະແນກພາຍໃນ"],
        answers_id=secret,
        lower_secrecy=True,
    )
    detail = document_detail(db, actor=clerk, register="outgoing", doc_id=reply)
    assert not detail.hidden
    assert _leaks(repr(detail)) == []
    assert [(a.number, a.date) for a in detail.answers] == [("1", DAY)]


# Route 4: operations that skip clearance


@pytest.mark.parametrize(
    "operation",
    [
        lambda db, actor, doc: route_incoming(
            db, actor=actor, doc_id=doc, section_id=None, person="ທ່ານ ກ", handed_on=DAY
        ),
        lambda db, actor, doc: set_incoming_status(db, actor=actor, doc_id=doc, status="filed"),
        lambda db, actor, doc: void_incoming(db, actor=actor, doc_id=doc, reason="ຜິດ"),
        lambda db, actor, doc: update_incoming(
            db,
            actor=actor,
            doc_id=doc,
            received_at=datetime(2026, 3, 10, 9, 0),
            sender="ຄະນະກວດກາ",
            doc_number="9/ກກ",
            doc_date=DAY,
            kind_id=None,
            subject="ປ່ຽນ",
        ),
    ],
    ids=["route", "status", "void", "update"],
)
def test_an_operation_on_a_secret_letter_is_refused_to_a_clerk_without_clearance(
    db, secret, clerk, operation
):
    before = _audit_count(db)
    with pytest.raises(ValidationError):
        operation(db, clerk, secret)
    with db.read() as session:
        doc = session.get(IncomingDocument, secret)
        assert (doc.status, doc.void_reason, doc.subject) == ("received", None, "ແຜນລັບ")
    assert _audit_count(db) == before


def test_a_missing_entry_is_refused_in_words_not_a_raw_exception(db, clerk):
    with pytest.raises(ValidationError):
        void_incoming(db, actor=clerk, doc_id=999, reason="ຜິດ")
    with pytest.raises(ValidationError):
        set_incoming_status(db, actor=clerk, doc_id=999, status="filed")


def test_a_secret_outgoing_entry_cannot_be_changed_or_voided_without_clearance(db, clerk):
    doc = register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=DAY,
        kind_id=None,
        subject="ແຜນລັບ",
        recipients=["ຄະນະກວດກາ"],
        secrecy=CONFIDENTIAL,
    )
    with pytest.raises(ValidationError):
        void_outgoing(db, actor=clerk, doc_id=doc, reason="ຜິດ")
    with pytest.raises(ValidationError):
        update_outgoing(
            db,
            actor=clerk,
            doc_id=doc,
            doc_date=DAY,
            kind_id=None,
            subject="ປ່ຽນ",
            recipients=["ຄະນະກວດກາ"],
        )
    with db.read() as session:
        assert session.get(OutgoingDocument, doc).subject == "ແຜນລັບ"


def _audit_count(db) -> int:
    with db.read() as session:
        return len(session.scalars(select(AuditEntry.id)).all())


# Route 6: the duplicate warning


def test_the_duplicate_warning_gives_no_number_of_a_letter_the_clerk_cannot_read(db, secret, clerk):
    with pytest.raises(DuplicateDocument) as warned:
        register_incoming(
            db,
            actor=clerk,
            received_at=datetime(2026, 3, 11, 9, 0),
            sender="ຄະນະກວດກາ",
            doc_number="9/ກກ",
            doc_date=DAY,
            kind_id=None,
            subject="ສຳເນົາ",
        )
    assert warned.value.existing_id is None
    assert "1" not in warned.value.errors["doc_number"]


# Route 3: fields left open


def test_the_detail_hides_signer_file_copy_and_void_reason(db, secret_reply, clerk):
    detail = document_detail(db, actor=clerk, register="outgoing", doc_id=secret_reply)
    assert detail.hidden and detail.void_reason  # still shown void, without its reason
    assert _leaks(repr(detail)) == []
    cleared = document_detail(db, actor=SYSTEM, register="outgoing", doc_id=secret_reply)
    assert (cleared.signer, cleared.file_copy_at, cleared.void_reason) == (
        SIGNER,
        FILE_COPY,
        VOID_REASON,
    )


def test_the_register_row_and_its_tooltip_give_no_void_reason(db, secret_reply, clerk):
    rows = fetch_page(
        db, clerk, RegisterQuery(register="outgoing"), after=None, limit=10, today=DAY
    )
    (row,) = rows
    assert row.void_reason and _leaks(repr(row)) == []


def test_the_printed_book_hides_signer_and_void_reason(db, secret_reply, clerk, tmp_path):
    out = tmp_path / "book.pdf"
    span = DateRange(date(2026, 3, 1), date(2026, 3, 31))
    print_register_book(db, out, actor=clerk, register="outgoing", span=span)
    text = "\n".join(page_texts(out))
    assert _leaks(text) == []
    cleared = tmp_path / "cleared.pdf"
    print_register_book(db, cleared, actor=SYSTEM, register="outgoing", span=span)
    assert SIGNER in "\n".join(page_texts(cleared))


def test_the_audit_view_hides_signer_file_copy_and_void_reason(db, secret_reply, make_user):
    admin = make_user("admin", [ADMIN])
    seen = "".join(
        repr(changes(row.old, row.new))
        for row in iter_entries(db, actor=admin, query=AuditQuery(area="documents"))
    )
    assert _leaks(seen) == []


# Route 7: marking a letter secret


def test_a_clerk_without_clearance_registers_a_secret_letter_which_is_then_hidden(db, clerk):
    doc = register_incoming(
        db,
        actor=clerk,
        received_at=datetime(2026, 3, 10, 9, 0),
        sender="ຄະນະກວດກາ",
        doc_number="9/ກກ",
        doc_date=DAY,
        kind_id=None,
        subject="ແຜນລັບ",
        secrecy=CONFIDENTIAL,
    )
    with db.read() as session:
        assert session.get(IncomingDocument, doc).secrecy == CONFIDENTIAL
    assert document_detail(db, actor=clerk, register="incoming", doc_id=doc).hidden


@pytest.mark.parametrize("level", [1.5, -1, 3, True, "1"])
def test_a_secrecy_that_is_no_level_is_refused_by_name(db, clerk, level):
    with pytest.raises(ValidationError) as refused:
        register_incoming(
            db,
            actor=clerk,
            received_at=datetime(2026, 3, 10, 9, 0),
            sender="ຄະນະກວດກາ",
            doc_number="9/ກກ",
            doc_date=DAY,
            kind_id=None,
            subject="ແຜນ",
            secrecy=level,
        )
    assert "secrecy" in refused.value.errors


# Reads of secret entries in the table and in printed books


def _reads(db, action):
    with db.read() as session:
        return [
            row.new["shown"]
            for row in session.scalars(select(AuditEntry).where(AuditEntry.action == action))
            if row.entity.endswith("_document")
        ]


def test_a_page_showing_secret_entries_is_audited_with_their_numbers(db, secret, make_user):
    head = make_user("head", [CLERK], CONFIDENTIAL)
    fetch_page(db, head, RegisterQuery(register="incoming"), after=None, limit=10, today=DAY)
    assert _reads(db, "view_rows") == [[secret]]


def test_a_page_without_secret_entries_seen_leaves_no_row(db, secret, clerk):
    fetch_page(db, clerk, RegisterQuery(register="incoming"), after=None, limit=10, today=DAY)
    assert _reads(db, "view_rows") == []  # the clerk saw its number only


def test_printing_secret_entries_is_audited_per_entry(db, secret_reply, make_user, tmp_path):
    head = make_user("head", [CLERK], CONFIDENTIAL)
    span = DateRange(date(2026, 3, 1), date(2026, 3, 31))
    print_register_book(db, tmp_path / "b.pdf", actor=head, register="outgoing", span=span)
    assert _reads(db, "print_rows") == [[secret_reply]]


# Route 5: stale rights


def test_rights_are_read_again_at_each_operation(db, make_user):
    from oc_desktop.models import User

    cleared = make_user("clerk2", [CLERK], CONFIDENTIAL)
    doc = register_incoming(
        db,
        actor=cleared,
        received_at=datetime(2026, 3, 10, 9, 0),
        sender="ຄະນະກວດກາ",
        doc_number="9/ກກ",
        doc_date=DAY,
        kind_id=None,
        subject="ແຜນລັບ",
        secrecy=CONFIDENTIAL,
    )
    with db.begin() as session:
        session.get(User, cleared.user_id).clearance = 0  # clearance taken away meanwhile
    with pytest.raises(ValidationError):
        set_incoming_status(db, actor=cleared, doc_id=doc, status="filed")
    with db.begin() as session:
        person = session.get(User, cleared.user_id)
        person.clearance, person.active = CONFIDENTIAL, False  # deactivated meanwhile
    with pytest.raises(ValidationError):
        void_incoming(db, actor=cleared, doc_id=doc, reason="ຜິດ")
    with db.read() as session:
        assert session.get(IncomingDocument, doc).void_reason is None

"""The document register's operations and queries, on a real data file."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from oc_desktop.audit import verify_chain
from oc_desktop.documents.common import DuplicateDocument
from oc_desktop.documents.details import document_detail
from oc_desktop.documents.directory import correspondent_names, ensure_kinds, list_kinds
from oc_desktop.documents.followup import follow_up
from oc_desktop.documents.incoming import register_incoming, route_incoming, void_incoming
from oc_desktop.documents.outgoing import register_outgoing
from oc_desktop.documents.query import RegisterQuery, count_rows, fetch_page
from oc_desktop.models import AuditEntry, IncomingDocument
from oc_desktop.profile import set_settings
from oc_desktop.security import CLERK, CONFIDENTIAL, HEAD, SYSTEM, TOP_SECRET, Actor
from oc_desktop.validation import ValidationError

TODAY = date(2026, 11, 23)
CLERK_WITHOUT_CLEARANCE = Actor(None, "clerk", "ນາງ ສຸດາພອນ", frozenset({CLERK}), 0)
CONFIDENTIAL_CLERK = Actor(None, "clerk2", "ທອງສຸກ", frozenset({CLERK}), CONFIDENTIAL)
THE_HEAD = Actor(None, "head", "ບຸນມີ", frozenset({HEAD}), TOP_SECRET)


def incoming(db, **changes) -> int:
    values = dict(
        actor=SYSTEM,
        received_at=datetime(2026, 11, 20, 9, 30),
        sender="ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ",
        doc_number="201/ຄອສພ",
        doc_date=date(2026, 11, 18),
        kind_id=None,
        subject="ກ່ຽວກັບການຈັດກອງປະຊຸມສຳມະນາ",
        pages=3,
    )
    return register_incoming(db, **(values | changes))


def numbers(db, actor=SYSTEM, **query):
    rows = fetch_page(db, actor, RegisterQuery(**query), after=None, limit=50, today=TODAY)
    return [row.number for row in rows]


def test_arrival_numbers_run_on_within_the_year_and_restart_the_next(db):
    first = incoming(db)
    second = incoming(db, doc_number="202/ຄອສພ")
    next_year = incoming(db, received_at=datetime(2027, 1, 2, 8, 0), doc_number="1/ຄອສພ")
    with db.read() as session:
        seqs = [session.get(IncomingDocument, i).seq for i in (first, second, next_year)]
    assert seqs == [1, 2, 1]


def test_a_committee_term_numbers_across_years(db):
    set_settings(db, actor=SYSTEM, values={"numbering_period": "term", "term_start_year": 2021})
    december = incoming(
        db, received_at=datetime(2024, 12, 30, 9, 0), doc_date=date(2024, 12, 1), doc_number="1/ກ"
    )
    january = incoming(
        db, received_at=datetime(2025, 1, 5, 9, 0), doc_number="2/ກ", doc_date=date(2025, 1, 2)
    )
    next_term = incoming(
        db, received_at=datetime(2026, 1, 5, 9, 0), doc_number="3/ກ", doc_date=date(2026, 1, 2)
    )
    with db.read() as session:
        got = [session.get(IncomingDocument, i) for i in (december, january, next_term)]
        assert [(d.period, d.seq) for d in got] == [(2021, 1), (2021, 2), (2026, 1)]


def test_a_number_the_series_holds_is_refused_at_its_field(db):
    incoming(db, seq=7)
    with pytest.raises(ValidationError) as refused:
        incoming(db, seq=7, doc_number="9/ກ")
    assert set(refused.value.errors) == {"seq"}
    assert "7" in refused.value.errors["seq"]


def test_the_same_document_twice_is_caught_before_saving(db):
    first = incoming(db)
    with pytest.raises(DuplicateDocument) as caught:
        incoming(db)
    assert caught.value.existing_id == first
    with db.read() as session:
        assert len(session.scalars(select(IncomingDocument)).all()) == 1
    assert incoming(db, allow_duplicate=True) != first


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"subject": ""}, "subject"),
        ({"subject": "ກ" * 10_000}, "subject"),
        ({"sender": "ກົມ\x00ຈັດຕັ້ງ"}, "sender"),
        ({"doc_date": date(2026, 12, 1)}, "doc_date"),
        ({"pages": 0}, "pages"),
        ({"secrecy": 5}, "secrecy"),
    ],
)
def test_bad_input_is_told_at_its_field_and_nothing_is_saved(db, changes, field):
    with pytest.raises(ValidationError) as refused:
        incoming(db, **changes)
    assert field in refused.value.errors
    with db.read() as session:
        assert session.scalar(select(IncomingDocument.id)) is None


def test_outgoing_numbers_have_the_abbreviation_and_a_secret_series(db):
    import random

    from oc_desktop.demo import fill_profile

    fill_profile(db, random.Random(1))
    ensure_kinds(db)
    common = dict(actor=SYSTEM, doc_date=date(2026, 11, 21), kind_id=None, recipients=["ກົມ"])
    register_outgoing(db, subject="ໜຶ່ງ", **common)
    register_outgoing(db, subject="ລັບ", secrecy=CONFIDENTIAL, **common)
    register_outgoing(db, subject="ສອງ", **common)
    rows = fetch_page(
        db,
        SYSTEM,
        RegisterQuery(register="outgoing", sort="subject"),
        after=None,
        limit=10,
        today=TODAY,
    )
    assert sorted(r.number for r in rows) == ["1/ຄ.ອ.ຮ.ຂ", "1/ຄ.ອ.ຮ.ຂ", "2/ຄ.ອ.ຮ.ຂ"]
    assert {r.number for r in rows if r.secrecy} == {"1/ຄ.ອ.ຮ.ຂ"}


def test_a_void_number_stays_with_its_reason_and_is_never_given_again(db):
    first = incoming(db)
    void_incoming(db, actor=SYSTEM, doc_id=first, reason="ລົງທະບຽນຜິດ")
    second = incoming(db, doc_number="300/ກ")
    detail = document_detail(db, actor=SYSTEM, register="incoming", doc_id=first)
    assert detail.void_reason == "ລົງທະບຽນຜິດ" and detail.voided_at is not None
    with db.read() as session:
        assert session.get(IncomingDocument, second).seq == 2
    assert numbers(db) == ["2", "1"]
    with pytest.raises(ValidationError):
        void_incoming(db, actor=SYSTEM, doc_id=first, reason="ອີກ")


def test_routing_sets_the_deadline_and_an_answer_links_both_ways(db):
    doc = incoming(db)
    route_incoming(
        db,
        actor=SYSTEM,
        doc_id=doc,
        section_id=1,
        person="ທ່ານ ຄຳພອນ",
        instruction="ໃຫ້ຕອບ",
        deadline=date(2026, 11, 22),
        handed_on=date(2026, 11, 20),
    )
    assert count_rows(db, SYSTEM, RegisterQuery(overdue=True), today=TODAY) == 1
    assert follow_up(db, actor=SYSTEM, today=TODAY, within_days=3).overdue == 1
    answer = register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=TODAY,
        kind_id=None,
        subject="ຕອບ",
        recipients=["ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ"],
        answers_id=doc,
    )
    detail = document_detail(db, actor=SYSTEM, register="incoming", doc_id=doc)
    assert detail.status == "answered"
    assert [a.id for a in detail.answers] == [answer]
    assert detail.routes[0].person == "ທ່ານ ຄຳພອນ"
    back = document_detail(db, actor=SYSTEM, register="outgoing", doc_id=answer)
    assert [a.id for a in back.answers] == [doc]
    assert count_rows(db, SYSTEM, RegisterQuery(overdue=True), today=TODAY) == 0


def test_search_matches_fragments_in_either_digit_system_and_any_case(db):
    incoming(db)
    incoming(db, sender="Vientiane Times", doc_number="55/VT", subject="ຂໍອະນຸມັດງົບປະມານ")
    assert numbers(db, text="ປະຊຸມສຳ") == ["1"]
    assert numbers(db, text="ສຳ") == ["1"]
    assert numbers(db, text="vientiane") == ["2"]
    assert numbers(db, text="໒໐໑") == ["1"]
    assert numbers(db, text="55/vt") == ["2"]
    assert numbers(db, text="ບໍ່ມີ") == []


def test_lao_columns_sort_in_dictionary_order(db):
    for i, subject in enumerate(("ເອກະສານ", "ກອງປະຊຸມ", "ຂໍອະນຸມັດ")):
        incoming(db, doc_number=f"{i}/ກ", subject=subject)
    rows = fetch_page(
        db,
        SYSTEM,
        RegisterQuery(sort="subject", descending=False),
        after=None,
        limit=10,
        today=TODAY,
    )
    assert [r.subject for r in rows] == ["ກອງປະຊຸມ", "ຂໍອະນຸມັດ", "ເອກະສານ"]


def test_a_secret_letter_is_found_only_by_those_cleared_for_it(db):
    incoming(db)
    secret = incoming(db, doc_number="9/ກຈຕ", subject="ແຜນການເລືອກຕັ້ງພາຍໃນ", secrecy=TOP_SECRET)
    assert numbers(db, CLERK_WITHOUT_CLEARANCE, text="ເລືອກຕັ້ງ") == []
    assert numbers(db, CLERK_WITHOUT_CLEARANCE, text="ເລ") == []
    assert numbers(db, CONFIDENTIAL_CLERK, text="ເລືອກຕັ້ງ") == []
    assert numbers(db, THE_HEAD, text="ເລືອກຕັ້ງ") == ["2"]
    row = fetch_page(
        db, CLERK_WITHOUT_CLEARANCE, RegisterQuery(), after=None, limit=5, today=TODAY
    )[0]
    assert (row.number, row.subject, row.party, row.hidden) == ("2", None, None, True)
    detail = document_detail(db, actor=CLERK_WITHOUT_CLEARANCE, register="incoming", doc_id=secret)
    assert detail.subject is None and detail.party is None and detail.scans == ()
    document_detail(db, actor=THE_HEAD, register="incoming", doc_id=secret)
    with db.read() as session:
        views = session.scalars(select(AuditEntry).where(AuditEntry.action == "view")).all()
    assert [(v.username, v.entity_id) for v in views] == [("head", str(secret))]


def test_every_write_leaves_an_audit_row_with_old_and_new_values(db):
    from oc_desktop.documents.incoming import update_incoming

    doc = incoming(db)
    update_incoming(
        db,
        actor=SYSTEM,
        doc_id=doc,
        received_at=datetime(2026, 11, 20, 9, 30),
        sender="ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ",
        doc_number="201/ຄອສພ",
        doc_date=date(2026, 11, 18),
        kind_id=None,
        subject="ເລື່ອງໃໝ່",
        pages=4,
    )
    void_incoming(db, actor=SYSTEM, doc_id=doc, reason="ຜິດ")
    with db.read() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [r.action for r in rows] == ["create", "change", "void"]
    assert rows[1].old == {"subject": "ກ່ຽວກັບການຈັດກອງປະຊຸມສຳມະນາ", "pages": 3}
    assert rows[1].new == {"subject": "ເລື່ອງໃໝ່", "pages": 4}
    assert verify_chain(db) is None


def test_a_reader_may_not_write(db):
    reader = Actor(None, "reader", "ອ່ານ", frozenset({"reader"}), 0)
    with pytest.raises(ValidationError):
        incoming(db, actor=reader)


def test_kinds_start_with_the_kinds_of_the_office_papers(db):
    ensure_kinds(db)
    assert "ມະຕິຕົກລົງ" in [k.name for k in list_kinds(db)]


def test_status_changes_are_audited_old_to_new_and_a_filed_document_stays_filed(db):
    from oc_desktop.documents.incoming import set_incoming_status

    first, second = incoming(db), incoming(db, doc_number="202/ຄອສພ")
    set_incoming_status(db, actor=SYSTEM, doc_id=first, status="in_progress")
    set_incoming_status(db, actor=SYSTEM, doc_id=first, status="in_progress")  # no change
    set_incoming_status(db, actor=SYSTEM, doc_id=second, status="filed")
    for doc in (first, second):
        register_outgoing(
            db, actor=SYSTEM, doc_date=TODAY, kind_id=None, subject="ຕອບ", recipients=["ກົມ"],
            answers_id=doc,
        )  # fmt: skip
    with db.read() as session:
        rows = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "incoming_document", AuditEntry.action == "change")
            .order_by(AuditEntry.id)
        ).all()
    assert [(int(r.entity_id), r.old, r.new) for r in rows] == [
        (first, {"status": "received"}, {"status": "in_progress"}),
        (second, {"status": "received"}, {"status": "filed"}),
        (first, {"status": "in_progress"}, {"status": "answered"}),
    ]
    detail = document_detail(db, actor=SYSTEM, register="incoming", doc_id=second)
    assert detail.status == "filed"


def test_the_completer_names_only_offices_the_reader_may_see(db):
    incoming(db, sender="ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ")
    incoming(db, sender="ກອງບັນຊາການທະຫານແຂວງ", doc_number="7/ທຫ", secrecy=CONFIDENTIAL)
    for recipients, secrecy in ((["ຫ້ອງວ່າການແຂວງ"], 0), (["ກົມໃຫຍ່ເສນາທິການ"], TOP_SECRET)):
        register_outgoing(
            db,
            actor=SYSTEM,
            doc_date=date(2026, 11, 20),
            kind_id=None,
            subject="ບົດລາຍງານ",
            recipients=recipients,
            secrecy=secrecy,
        )
    seen = set(correspondent_names(db, actor=CLERK_WITHOUT_CLEARANCE, limit=100))
    assert seen == {"ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ", "ຫ້ອງວ່າການແຂວງ"}
    cleared = set(correspondent_names(db, actor=CONFIDENTIAL_CLERK, limit=100))
    assert cleared == seen | {"ກອງບັນຊາການທະຫານແຂວງ"}
    assert set(correspondent_names(db, actor=THE_HEAD, limit=100)) == cleared | {"ກົມໃຫຍ່ເສນາທິການ"}

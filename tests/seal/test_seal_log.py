"""The seal log's rules, enforced in the operations, on a real data file."""

from datetime import date, datetime

import pytest
from helpers.seal import HANDOVER, handover
from sqlalchemy import select

from oc_desktop.models import AuditEntry, Seal, SealUse
from oc_desktop.profile import set_settings
from oc_desktop.seal.chain import verify_seal_chains
from oc_desktop.seal.handovers import correct_handover, return_seal
from oc_desktop.seal.incidents import record_incident
from oc_desktop.seal.query import HandoverQuery, UseQuery, count_uses, fetch_handovers, fetch_uses
from oc_desktop.seal.seals import change_status, seal_rows, status_history
from oc_desktop.seal.uses import correct_use, record_use
from oc_desktop.security import SYSTEM
from oc_desktop.validation import ValidationError

MORNING = datetime(2026, 2, 10, 9, 30)


def use(db, office, **changes):
    values = (
        dict(
            used_at=MORNING,
            applied_by_id=office.clerk.user_id,
            outgoing_id=office.letter_id,
            impression_kind="signature",
            impressions=1,
            sheets=1,
            requested_by="ສີສະຫວາດ",
            approved_by="ຄຳພອນ",
        )
        | changes
    )
    actor = values.pop("actor", office.clerk)
    return record_use(db, actor=actor, seal_id=values.pop("seal_id", office.seal_id), **values)


def refused(call, field):
    with pytest.raises(ValidationError) as error:
        call()
    assert field in error.value.errors, error.value.errors
    return error.value.errors[field]


def test_a_handover_makes_the_receiver_the_holder(db, held):
    [row] = seal_rows(db, actor=held.reader)
    assert row.holder == "ນາງ ມະນີວັນ ສີລາວົງ" and row.status == "in_use"


def test_only_the_holder_hands_over_and_never_to_themself(db, held):
    message = refused(
        lambda: handover(
            db,
            held,
            from_id=held.clerk2.user_id,
            to_id=held.head.user_id,
            left_at=datetime(2026, 3, 1, 8, 0),
        ),
        "from_id",
    )
    assert "ຕາປະທັບ" in message or message
    refused(
        lambda: handover(
            db,
            held,
            from_id=held.clerk.user_id,
            to_id=held.clerk.user_id,
            left_at=datetime(2026, 3, 1, 8, 0),
        ),
        "to_id",
    )


def test_custody_periods_never_overlap(db, held):
    refused(
        lambda: handover(
            db,
            held,
            from_id=held.clerk.user_id,
            to_id=held.clerk2.user_id,
            left_at=datetime(2026, 1, 4, 8, 0),
        ),
        "left_at",
    )


def test_a_return_comes_back_to_the_giver_and_not_before_it_left(db, held):
    out = handover(
        db,
        held,
        from_id=held.clerk.user_id,
        to_id=held.clerk2.user_id,
        left_at=datetime(2026, 3, 2, 8, 0),
        due_back=date(2026, 3, 2),
        leaves_premises=True,
    )
    refused(
        lambda: return_seal(
            db,
            actor=held.clerk,
            handover_id=out,
            returned_at=datetime(2026, 3, 2, 7, 0),
            witness="ບຸນມີ",
        ),
        "returned_at",
    )
    back = return_seal(
        db,
        actor=held.clerk,
        handover_id=out,
        returned_at=datetime(2026, 3, 2, 16, 0),
        witness="ບຸນມີ",
    )
    assert back
    [row] = seal_rows(db, actor=held.reader)
    assert row.holder_id == held.clerk.user_id
    rows = fetch_handovers(db, actor=held.reader, query=HandoverQuery(), after=None, limit=10)
    by_id = {r.id: r for r in rows}
    assert by_id[out].returned_at == datetime(2026, 3, 2, 16, 0)
    refused(
        lambda: return_seal(
            db,
            actor=held.clerk,
            handover_id=out,
            returned_at=datetime(2026, 3, 3, 9, 0),
            witness="ບຸນມີ",
        ),
        "returned_at",
    )


def test_the_holder_seals_a_signed_letter(db, held):
    use_id = use(db, held)
    [row] = fetch_uses(db, actor=held.reader, query=UseQuery(), after=None, limit=10)
    assert row.id == use_id and row.seq == 1
    assert row.subject == "ບົດລາຍງານການເຄື່ອນໄຫວປະຈຳເດືອນ" and row.signer == "ຄຳພອນ ວົງສະຫວັນ"


def test_someone_who_does_not_hold_the_seal_cannot_apply_it(db, held):
    refused(lambda: use(db, held, applied_by_id=held.clerk2.user_id), "applied_by_id")


def test_nobody_seals_before_the_seal_is_in_someones_custody(db, office):
    refused(lambda: use(db, office), "seal_id")


def test_unsigned_void_or_blank_documents_are_never_sealed(db, held):
    from oc_desktop.documents.outgoing import register_outgoing, void_outgoing

    unsigned = register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=date(2026, 2, 10),
        kind_id=None,
        subject="ຮ່າງ",
        recipients=["ກ"],
    )
    refused(lambda: use(db, held, outgoing_id=unsigned), "outgoing_id")
    void_outgoing(db, actor=SYSTEM, doc_id=held.letter_id, reason="ພິມຜິດ")
    refused(lambda: use(db, held), "outgoing_id")
    refused(lambda: use(db, held, outgoing_id=None, described="  "), "described")
    assert use(db, held, outgoing_id=None, described="ໃບຢັ້ງຢືນ ເລກທີ 3/ຄອຮຂ")


def test_sheets_across_page_edges_follow_the_setting(db, held):
    message = refused(lambda: use(db, held, impression_kind="page_edges", sheets=6), "sheets")
    assert "5" in message
    assert use(db, held, impression_kind="page_edges", sheets=5)
    set_settings(db, actor=SYSTEM, values={"seal_max_sheets": 8})
    assert use(db, held, impression_kind="page_edges", sheets=8)


def test_approval_is_required_when_the_office_says_so(db, held):
    set_settings(db, actor=SYSTEM, values={"seal_use_needs_approval": True})
    refused(lambda: use(db, held, approved_by=""), "approved_by")


def test_a_withdrawn_or_lost_seal_is_not_used(db, held):
    change_status(
        db,
        actor=held.clerk,
        seal_id=held.seal_id,
        status="withdrawn",
        since=date(2026, 2, 1),
        decision_number="5/ຄອຮຂ",
        decision_date=date(2026, 1, 30),
    )
    refused(lambda: use(db, held), "seal_id")
    history = status_history(db, actor=held.reader, seal_id=held.seal_id)
    assert [h.status for h in history] == ["in_use", "withdrawn"]
    assert history[-1].decision_number == "5/ຄອຮຂ"


def test_a_lost_seal_needs_the_report_and_then_refuses_use(db, held):
    refused(
        lambda: record_incident(
            db,
            actor=held.clerk,
            seal_id=held.seal_id,
            kind="loss",
            happened_on=date(2026, 2, 1),
            description="ເສຍ",
        ),
        "report",
    )
    record_incident(
        db,
        actor=held.clerk,
        seal_id=held.seal_id,
        kind="loss",
        happened_on=date(2026, 2, 1),
        description="ເສຍໃນການເດີນທາງ",
        report="ແຈ້ງຕຳຫຼວດ ເລກທີ 7, 02.02.2026",
    )
    assert seal_rows(db, actor=held.reader)[0].status == "lost"
    refused(lambda: use(db, held), "seal_id")


def test_a_correction_voids_the_wrong_use_and_both_stay(db, held):
    wrong = use(db, held, impressions=1, sheets=1)
    right = correct_use(
        db,
        actor=held.clerk,
        use_id=wrong,
        void_reason="ຈຳນວນແຜ່ນຜິດ",
        used_at=MORNING,
        applied_by_id=held.clerk.user_id,
        outgoing_id=held.letter_id,
        impression_kind="signature",
        impressions=2,
        sheets=3,
    )
    rows = {
        r.id: r for r in fetch_uses(db, actor=held.reader, query=UseQuery(), after=None, limit=10)
    }
    assert rows[wrong].void_reason == "ຈຳນວນແຜ່ນຜິດ" and rows[right].corrects_id == wrong
    assert rows[right].sheets == 3
    refused(
        lambda: correct_use(db, actor=held.clerk, use_id=wrong, void_reason="ອີກ"), "void_reason"
    )


def test_a_failed_correction_leaves_nothing_half_done(db, held):
    wrong = use(db, held)
    refused(
        lambda: correct_use(
            db,
            actor=held.clerk,
            use_id=wrong,
            void_reason="ຜິດ",
            used_at=MORNING,
            applied_by_id=held.clerk2.user_id,
            outgoing_id=held.letter_id,
        ),
        "applied_by_id",
    )
    with db.read() as session:
        assert session.get(SealUse, wrong).void_reason is None


def test_correcting_the_last_handover_gives_custody_back(db, held):
    wrong = handover(
        db,
        held,
        from_id=held.clerk.user_id,
        to_id=held.clerk2.user_id,
        left_at=datetime(2026, 3, 1, 8, 0),
    )
    right = correct_handover(
        db,
        actor=held.clerk,
        handover_id=wrong,
        void_reason="ຜູ້ຮັບຜິດ",
        **HANDOVER,
        to_id=held.head.user_id,
        left_at=datetime(2026, 3, 1, 8, 0),
    )
    with db.read() as session:
        assert session.get(Seal, held.seal_id).holder_id == held.head.user_id
    rows = {
        r.id: r
        for r in fetch_handovers(db, actor=held.reader, query=HandoverQuery(), after=None, limit=10)
    }
    assert rows[wrong].void_reason and rows[right].corrects_id == wrong


def test_a_secret_letter_keeps_its_subject_from_readers_without_clearance(db, held):
    use(db, held, outgoing_id=held.secret_id)
    [row] = fetch_uses(db, actor=held.reader, query=UseQuery(), after=None, limit=10)
    assert row.hidden and row.subject is None and row.doc_number
    assert count_uses(db, actor=held.reader, query=UseQuery(text="ແຜນການລັບ")) == 0
    [seen] = fetch_uses(db, actor=held.head, query=UseQuery(text="ແຜນການລັບ"), after=None, limit=10)
    assert seen.subject == "ແຜນການລັບສະເພາະ"


def test_the_log_filters_by_seal_period_person_and_impression(db, held):
    use(db, held)
    use(db, held, impression_kind="copy", used_at=datetime(2026, 2, 12, 10, 0))
    assert count_uses(db, actor=held.reader, query=UseQuery(impression_kind="copy")) == 1
    assert count_uses(db, actor=held.reader, query=UseQuery(start=date(2026, 2, 11))) == 1
    assert count_uses(db, actor=held.reader, query=UseQuery(end=date(2026, 2, 10))) == 1
    assert count_uses(db, actor=held.reader, query=UseQuery(applied_by_id=held.clerk2.user_id)) == 0
    assert count_uses(db, actor=held.reader, query=UseQuery(text="ລາຍງານ")) == 2


def test_a_reader_cannot_write(db, held):
    refused(lambda: use(db, held, actor=held.reader), "seal_id")


def test_every_write_is_audited_under_the_seal_area(db, held):
    use(db, held)
    with db.read() as session:
        entities = set(session.scalars(select(AuditEntry.entity).where(AuditEntry.area == "seal")))
    assert {"seal", "seal_handover", "seal_use"} <= entities


def test_the_chains_catch_a_row_altered_outside_the_program(db, held):
    use(db, held)
    second = use(db, held, used_at=datetime(2026, 2, 11, 9, 0))
    assert verify_seal_chains(db) is None
    with db.begin() as session:
        session.get(SealUse, second).sheets = 40
    broken = verify_seal_chains(db)
    assert broken is not None and (broken.table, broken.id) == ("seal_use", second)


def test_a_secret_letter_picked_for_sealing_is_a_read_the_trail_keeps(db, held):
    from oc_desktop.seal.query import letter_by_id

    hidden = letter_by_id(db, actor=held.clerk, doc_id=held.secret_id)
    assert hidden.subject is None
    shown = letter_by_id(db, actor=held.head, doc_id=held.secret_id)
    assert shown.subject == "ແຜນການລັບສະເພາະ"
    with db.read() as session:
        views = session.scalars(
            select(AuditEntry.username).where(
                AuditEntry.action == "view", AuditEntry.area == "seal"
            )
        ).all()
    assert views == ["head"]


def test_search_finds_every_word_however_it_was_typed(db, held):
    use(db, held, requested_by="ທ່ານ ສະເຫຼີມ")  # ຫຼ as one letter
    use(db, held, requested_by="ທ່ານ ບຸນມີ", used_at=datetime(2026, 2, 12, 10, 0))
    found = UseQuery(text="ສະເຫລີມ  ລາຍງານ")  # ຫ + ລ typed apart, two words, two fields
    assert count_uses(db, actor=held.reader, query=found) == 1
    assert count_uses(db, actor=held.reader, query=UseQuery(text="ລາຍງານ ບຸນມີ")) == 1
    assert count_uses(db, actor=held.reader, query=UseQuery(text="ສະເຫລີມ ບຸນມີ")) == 0

"""Every row the document register writes to the audit trail reads in Lao words.

The register is driven through its own operations (every kind of write, a secret read,
the demo's bulk import); the rows are then read back and worded by the public audit text
API, as the Audit tab and its printout word them. A key without a label would show as
stored (Latin letters), a code (status, register) as its code.
"""

import random
import re
from datetime import date, datetime

from oc_desktop.audit.log import AuditQuery, iter_entries
from oc_desktop.audit.printout import print_audit_log
from oc_desktop.audit.text import ACTION_LABELS, changes, entity_label, label
from oc_desktop.documents.attachments import attach_scan, log_copy
from oc_desktop.documents.demo import bulk_incoming, fill_documents
from oc_desktop.documents.details import document_detail
from oc_desktop.documents.directory import ensure_kinds, save_kind
from oc_desktop.documents.incoming import (
    register_incoming,
    route_incoming,
    set_incoming_status,
    update_incoming,
    void_incoming,
)
from oc_desktop.documents.outgoing import register_outgoing, update_outgoing, void_outgoing
from oc_desktop.documents.printouts import (
    DateRange,
    print_delivery_book,
    print_register_book,
    print_routing_slip,
)
from oc_desktop.models.documents import URGENT
from oc_desktop.security import ADMIN, CLERK, CONFIDENTIAL, HEAD, SYSTEM, TOP_SECRET

LAO = re.compile(r"[\u0e80-\u0eff]")
RAW_CODE = re.compile(r"[a-z]+(_[a-z]+)*")  # how a key or code looks when nothing words it
SENDER = "ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ"


def _every_kind_of_write(db, data_dir, tmp_path, clerk, head) -> None:
    ensure_kinds(db)
    kind = save_kind(db, actor=clerk, kind_id=None, name="ບົດບັນທຶກ")
    save_kind(db, actor=clerk, kind_id=kind.id, name="ບົດບັນທຶກກອງປະຊຸມ", active=False)
    letter = dict(
        received_at=datetime(2026, 3, 2, 9, 30),
        sender=SENDER,
        doc_number="201/ຄອສພ",
        doc_date=date(2026, 2, 27),
        kind_id=kind.id,
        subject="ກ່ຽວກັບການຈັດກອງປະຊຸມສຳມະນາ",
        pages=3,
    )
    incoming = register_incoming(db, actor=clerk, secrecy=CONFIDENTIAL, **letter)
    update_incoming(
        db,
        actor=clerk,
        doc_id=incoming,
        **letter | dict(sender="ພະແນກພາຍໃນແຂວງ", kind_id=None, pages=4, urgency=URGENT),
        secrecy=CONFIDENTIAL,
        notes="ສົ່ງຕົ້ນສະບັບຄືນ",
    )
    route_incoming(
        db,
        actor=clerk,
        doc_id=incoming,
        section_id=1,
        person="ທ່ານ ຄຳພອນ",
        instruction="ໃຫ້ຕອບ",
        deadline=date(2026, 3, 9),
        handed_on=date(2026, 3, 2),
    )
    set_incoming_status(db, actor=clerk, doc_id=incoming, status="in_progress")
    outgoing = register_outgoing(
        db,
        actor=clerk,
        doc_date=date(2026, 3, 5),
        kind_id=kind.id,
        subject="ຕອບ ກ່ຽວກັບການຈັດກອງປະຊຸມສຳມະນາ",
        recipients=[SENDER],
        answers_id=incoming,  # and the letter is marked answered
        file_copy_at="ແຟ້ມ ຂາອອກ 2026",
        lower_secrecy=True,  # an ordinary reply to a confidential letter, confirmed
    )
    update_outgoing(
        db,
        actor=clerk,
        doc_id=outgoing,
        doc_date=date(2026, 3, 5),
        kind_id=None,
        subject="ຕອບ ກ່ຽວກັບການຈັດກອງປະຊຸມ",
        recipients=[SENDER, "ພະແນກພາຍໃນແຂວງ"],
        copies=2,
        sent_on=date(2026, 3, 6),
        answers_id=incoming,
    )
    log_copy(
        db,
        actor=clerk,
        register="incoming",
        doc_id=incoming,
        copies=2,
        for_whom="ຂະແໜງອົບຮົມ",
        authorised_by="ທ່ານ ບຸນມີ",
        made_on=date(2026, 3, 3),
    )
    scan = tmp_path / "ໃບສະແກນ.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    attach_scan(
        db, actor=clerk, data_dir=data_dir, register="incoming", doc_id=incoming, source=scan
    )
    document_detail(db, actor=head, register="incoming", doc_id=incoming)  # a secret read
    void_outgoing(db, actor=clerk, doc_id=outgoing, reason="ພິມຜິດ")
    void_incoming(db, actor=clerk, doc_id=incoming, reason="ລົງທະບຽນຊ້ຳ")
    fill_documents(db, random.Random(6), count=40, today=date(2026, 11, 23))
    bulk_incoming(db, random.Random(6), count=5, years=1)


def test_every_register_row_reads_in_lao_words(db, data_dir, tmp_path, make_user):
    admin = make_user("admin", [ADMIN], TOP_SECRET)
    clerk = make_user("clerk", [CLERK], CONFIDENTIAL)
    head = make_user("head", [HEAD], TOP_SECRET)
    _every_kind_of_write(db, data_dir, tmp_path, clerk, head)

    rows = list(iter_entries(db, actor=admin, query=AuditQuery(area="documents")))
    seen = {(row.entity, row.action) for row in rows}
    assert len(seen) >= 12  # every kind of write above left its own kind of row
    fields_seen = set()
    for row in rows:
        for words in (entity_label(row.entity), label(ACTION_LABELS, row.action)):
            assert LAO.search(words), (row.entity, row.action, words)
        for field, before, after in changes(row.old, row.new):
            fields_seen.add(field)
            assert LAO.search(field), (row.entity, row.action, field)
            for value in (before, after):
                assert not RAW_CODE.fullmatch(value), (row.entity, field, value)
    assert len(fields_seen) >= 30


def test_register_rows_name_the_sender_kind_and_section_and_write_dates_as_the_office(
    db, data_dir, tmp_path, make_user
):
    clerk = make_user("clerk", [CLERK], CONFIDENTIAL)
    _every_kind_of_write(db, data_dir, tmp_path, clerk, make_user("head", [HEAD], TOP_SECRET))
    rows = list(iter_entries(db, actor=SYSTEM, query=AuditQuery(username="clerk")))
    worded = {}  # the first row of each kind, in words
    for row in rows:
        fields = {field: (before, after) for field, before, after in changes(row.old, row.new)}
        worded.setdefault((row.entity, row.action), fields)
    changed = worded[("incoming_document", "change")]
    assert changed["ຜູ້ສົ່ງ"] == (SENDER, "ພະແນກພາຍໃນແຂວງ")
    assert changed["ປະເພດ"] == ("ບົດບັນທຶກກອງປະຊຸມ", "—")  # its name then
    assert changed["ຄວາມດ່ວນ"] == ("ທຳມະດາ", "ດ່ວນ")
    routed = worded[("incoming_document", "route")]
    assert routed["ຂະແໜງ"][1] and not routed["ຂະແໜງ"][1].isdigit()
    assert routed["ກຳນົດເວລາ"] == ("—", "09.03.2026")
    assert routed["ສະພາບ"] == ("ໄດ້ຮັບແລ້ວ", "ມອບໝາຍແລ້ວ")
    copied = worded[("document_copy", "create")]
    assert copied["ທະບຽນ"] == ("—", "ຂາເຂົ້າ") and copied["ວັນທີສຳເນົາ"][1] == "03.03.2026"


def test_every_printout_reads_in_lao_words(db, data_dir, tmp_path, make_user):
    head = make_user("head", [HEAD], TOP_SECRET)
    clerk = make_user("clerk", [CLERK], CONFIDENTIAL)
    _every_kind_of_write(db, data_dir, tmp_path, clerk, head)
    march = DateRange(date(2026, 3, 1), date(2026, 3, 31))
    for register in ("incoming", "outgoing"):
        print_register_book(db, tmp_path / "b.pdf", actor=clerk, register=register, span=march)
    print_delivery_book(db, tmp_path / "d.pdf", actor=clerk, span=march)
    print_routing_slip(db, tmp_path / "s.pdf", actor=head, doc_id=1)
    print_audit_log(db, tmp_path / "a.pdf", actor=head, query=AuditQuery(area="documents"))

    printed = [
        row for row in iter_entries(db, actor=head, query=AuditQuery()) if row.action == "print"
    ]
    assert len({row.entity for row in printed}) == 5
    for row in printed:
        for words in (entity_label(row.entity), label(ACTION_LABELS, row.action)):
            assert LAO.search(words), (row.entity, words)
        for field, _before, after in changes(row.old, row.new):
            assert LAO.search(field), (row.entity, field)
            assert not RAW_CODE.fullmatch(after), (row.entity, field, after)

"""The seal log's printouts read back: what a Lao clerk signs and files."""

from datetime import datetime

from helpers.pdf import page_texts
from sqlalchemy import select

from oc_desktop.models import AuditEntry, SealHandover
from oc_desktop.registers.books import DateRange
from oc_desktop.seal.printouts import print_handover_minutes, print_seal_list, print_use_book
from oc_desktop.seal.uses import record_use


def test_the_minutes_name_the_three_who_sign(db, held, tmp_path):
    with db.read() as session:
        handover_id = session.scalar(select(SealHandover.id))
    out = tmp_path / "minutes.pdf"
    assert print_handover_minutes(db, out, actor=held.reader, handover_id=handover_id) == 1
    text = " ".join(page_texts(out))
    for words in ("ບົດບັນທຶກການມອບ-ຮັບຕາປະທັບ", "ຜູ້ມອບ", "ຜູ້ຮັບ", "ພະຍານ", "12/ຄອຮຂ"):
        assert words in text, words
    assert "ນາງ ມະນີວັນ ສີລາວົງ" in text and "ທ່ານ ບຸນມີ ພົມມະຈັນ" in text


def test_the_use_register_and_the_seal_list(db, held, tmp_path):
    for hour in (9, 10):
        record_use(
            db,
            actor=held.clerk,
            seal_id=held.seal_id,
            used_at=datetime(2026, 2, 10, hour, 0),
            applied_by_id=held.clerk.user_id,
            outgoing_id=held.letter_id,
        )
    book = tmp_path / "uses.pdf"
    span = DateRange(datetime(2026, 1, 1).date(), datetime(2026, 12, 31).date())
    assert print_use_book(db, book, actor=held.head, span=span) >= 2
    text = " ".join(page_texts(book))
    assert "ປຶ້ມທະບຽນການນຳໃຊ້ຕາປະທັບ" in text and "ບົດລາຍງານການເຄື່ອນໄຫວປະຈຳເດືອນ" in text
    assert "ລະຫັດກວດສອບປະຫວັດການປ່ຽນແປງ ໃນເວລາພິມ:" in text
    listing = tmp_path / "seals.pdf"
    print_seal_list(db, listing, actor=held.reader)
    assert "ຕາປະທັບມົນ ຄອຮຂ" in " ".join(page_texts(listing))
    with db.read() as session:
        printed = set(
            session.scalars(select(AuditEntry.entity).where(AuditEntry.action == "print"))
        )
    assert {"seal_use_book", "seal_list"} <= printed

"""The outgoing letter prints on the office's official heading: its number, date, kind,
subject, recipients and the signer the clerk chose; a secret letter is refused to a
reader without clearance, and the print is in the trail."""

from datetime import date

import pytest
from helpers.pdf import page_texts, sample_profile
from sqlalchemy import select

from oc_desktop.documents.directory import ensure_kinds, list_kinds
from oc_desktop.documents.letter import print_outgoing_letter
from oc_desktop.documents.outgoing import register_outgoing
from oc_desktop.models import AuditEntry
from oc_desktop.security import CLERK, CONFIDENTIAL, SYSTEM
from oc_desktop.validation import ValidationError


def test_the_letter_reads_as_an_official_paper(db, tmp_path):
    sample_profile(db)
    ensure_kinds(db)
    kind = next(k for k in list_kinds(db) if k.name == "ແຈ້ງການ")
    doc = register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=date(2026, 11, 27),
        kind_id=kind.id,
        subject="ກ່ຽວກັບການກະກຽມກອງປະຊຸມ",
        recipients=["ພະແນກການເງິນແຂວງ", "ຫ້ອງການແຂວງ"],
        signer="ຮອງຫົວໜ້າຄະນະໂຄສະນາອົບຮົມແຂວງ ນາງ ມະນີວັນ ສີລາວົງ",
        file_copy_at="ຫ້ອງເກັບເອກະສານ",
    )
    out = tmp_path / "letter.pdf"
    assert print_outgoing_letter(db, out, actor=SYSTEM, doc_id=doc) == 1
    (text,) = page_texts(out)
    for words in (
        "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ",
        "ຄະນະໂຄສະນາອົບຮົມແຂວງອັດຕະປື",
        "ເລກທີ 1/ຄ.ອ.ຮ.ຂ",
        "27.11.2026",
        "ແຈ້ງການ",
        "ກ່ຽວກັບການກະກຽມກອງປະຊຸມ",
        "ຮຽນ: ພະແນກການເງິນແຂວງ, ຫ້ອງການແຂວງ",
        "ສະບັບເກັບ: ຫ້ອງເກັບເອກະສານ",
        "ນາງ ມະນີວັນ ສີລາວົງ",
    ):
        assert words in text, words
    assert "ບຸນມີ ພົມມະຈັນ" not in text  # the signer chosen, not the head
    with db.read() as session:
        printed = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "outgoing_letter")
        ).all()
    assert [(e.action, e.entity_id) for e in printed] == [("print", str(doc))]


def test_a_secret_letter_is_refused_to_a_reader_without_clearance(db, tmp_path, make_user):
    sample_profile(db)
    doc = register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=date(2026, 11, 27),
        kind_id=None,
        subject="ເລື່ອງລັບ",
        recipients=["ຫ້ອງການແຂວງ"],
        secrecy=CONFIDENTIAL,
    )
    clerk = make_user("clerk", [CLERK])
    out = tmp_path / "letter.pdf"
    with pytest.raises(ValidationError):
        print_outgoing_letter(db, out, actor=clerk, doc_id=doc)
    assert not out.exists()

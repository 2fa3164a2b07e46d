"""The seal use book out and in: an old book of sealings brought into the log through the
operation the New use form uses, so the seal's custody and the log's chain hold; refusals
with row and reason; a secret letter's subject masked in the export; a log exported and
imported into a folder holding the same seal, people and custody holds the same uses."""

from datetime import datetime

import openpyxl
import pytest
from helpers.seal import handover, make_office
from sqlalchemy import select

from oc_desktop.exchange import importing
from oc_desktop.exchange.declare import register
from oc_desktop.exchange.export import export_register
from oc_desktop.exchange.reading import open_source
from oc_desktop.models import AuditEntry, SealUse
from oc_desktop.seal.chain import verify_seal_chains
from oc_desktop.seal.uses import record_use

HEADERS = ["ລ/ດ", "ວັນທີ", "ຕາປະທັບ", "ເລກທີເອກະສານ", "ເນື້ອໃນ", "ຈຳນວນແຜ່ນ", "ຜູ້ປະທັບ", "ຜູ້ອະນຸມັດ"]


def old_book(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "ປຶ້ມບັນທຶກການນຳໃຊ້ຕາປະທັບ"
    sheet.merge_cells("A1:H1")
    sheet.append([])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def held(db, make_user):
    office = make_office(db, make_user)
    handover(db, office)  # in the first clerk's custody since 5 January 2026
    return office


def plan_for(db, actor, path):
    source = open_source(path)
    preview = importing.preview(source, None, register("seal_uses").fields)
    plan = importing.dry_run(
        db, actor=actor, register=register("seal_uses"), source=source, choices=preview.choices
    )
    return preview, plan


def uses(db):
    with db.read() as session:
        rows = session.execute(
            select(SealUse.used_at, SealUse.outgoing_id, SealUse.described, SealUse.sheets,
                   SealUse.applied_by_id, SealUse.approved_by).order_by(SealUse.id)
        )  # fmt: skip
        return [tuple(row) for row in rows]


def test_an_old_seal_book_joins_the_chain_where_custody_allows(db, held, tmp_path):
    path = old_book(
        tmp_path / "seal.xlsx",
        [
            [
                1,
                "໐໖.໐໑.໒໐໒໖ 09:30",
                "ຕາປະທັບມົນ ຄອຮຂ",
                "",
                "ໃບຢັ້ງຢືນ",
                1,
                "ນາງ ມະນີວັນ ສີລາວົງ",
                "ທ່ານ ຫົວໜ້າ",
            ],
            [],
            [2, "02.01.2026", "ຕາປະທັບມົນ ຄອຮຂ", "", "ໃບຢັ້ງຢືນ", 1, "ນາງ ມະນີວັນ ສີລາວົງ", "ທ່ານ ຫົວໜ້າ"],
            [3, "07.01.2026", "ຕາປະທັບມົນ ຄອຮຂ", "", "ໃບຢັ້ງຢືນ", 1, "ນາງ ສຸດາພອນ ແກ້ວມະນີ", "ທ່ານ ຫົວໜ້າ"],
            [4, "07.01.2026", "ຕາປະທັບສາມລ່ຽມ", "", "ໃບຢັ້ງຢືນ", 1, "ນາງ ມະນີວັນ ສີລາວົງ", ""],
            [5, "08.01.2026", "ຕາປະທັບມົນ ຄອຮຂ", "", "", 1, "ນາງ ມະນີວັນ ສີລາວົງ", ""],
            [6, "09.01.2026", "ຕາປະທັບມົນ ຄອຮຂ", "", "ບົດລາຍງານ", 3, "ບຸກຄົນພາຍນອກ", ""],
        ],
    )
    preview, plan = plan_for(db, held.clerk, path)
    assert preview.choices.header_row == 3
    reasons = {refusal.row: refusal.reason for refusal in plan.refused}
    assert sorted(reasons) == [6, 7, 8, 9, 10]
    # before the handover nobody held the seal; the second clerk never held it
    assert reasons[6] != reasons[7] and "ສຸດາພອນ" not in reasons[7]
    assert "ຕາປະທັບສາມລ່ຽມ" in reasons[8] and "ບຸກຄົນພາຍນອກ" in reasons[10]
    assert [ready.row for ready in plan.ready] == [4]
    assert uses(db) == []
    with pytest.raises(importing.ImportRefused):
        importing.run_import(db, actor=held.clerk, register=register("seal_uses"), plan=plan,
                             source=path, add_new_names=False)  # fmt: skip
    plan.refused = []
    assert importing.run_import(db, actor=held.clerk, register=register("seal_uses"), plan=plan,
                                source=path, add_new_names=False) == 1  # fmt: skip
    assert uses(db) == [(datetime(2026, 1, 6, 9, 30), None, "ໃບຢັ້ງຢືນ", 1, held.clerk.user_id,
                         "ທ່ານ ຫົວໜ້າ")]  # fmt: skip
    assert verify_seal_chains(db) is None
    with db.read() as session:
        audits = session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).all()
        assert len(audits) == 1 and audits[0].area == "seal" and audits[0].new["rows"] == 1
    _preview, again = plan_for(db, held.clerk, path)  # the same book a second time
    assert 4 in {refusal.row for refusal in again.refused} and again.ready == []


def test_a_log_exported_and_imported_again_holds_the_same_uses(db, held, tmp_path, make_user):
    common = dict(applied_by_id=held.clerk.user_id, approved_by="ທ່ານ ຫົວໜ້າ")
    record_use(db, actor=held.clerk, seal_id=held.seal_id, used_at=datetime(2026, 2, 11, 9, 0),
               outgoing_id=held.letter_id, **common)  # fmt: skip
    record_use(db, actor=held.clerk, seal_id=held.seal_id, used_at=datetime(2026, 2, 12, 10, 0),
               described="ໃບຢັ້ງຢືນເງິນເດືອນ", sheets=2, **common)  # fmt: skip
    record_use(db, actor=held.clerk, seal_id=held.seal_id, used_at=datetime(2026, 2, 13, 10, 0),
               outgoing_id=held.secret_id, **common)  # fmt: skip
    out = tmp_path / "uses.xlsx"
    assert export_register(db, out, actor=held.reader, register=register("seal_uses")) == 3
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert rows[0][5] == "—" and rows[1][5] == "ໃບຢັ້ງຢືນເງິນເດືອນ"  # newest first
    assert isinstance(rows[0][1], datetime) and rows[1][9] == 2

    assert export_register(db, out, actor=held.head, register=register("seal_uses")) == 3
    before = uses(db)
    with db.begin() as session:  # the same office, its log emptied: the chain starts again
        session.execute(SealUse.__table__.delete())
    preview, plan = plan_for(db, held.clerk, out)
    assert sorted(preview.choices.mapping.values()) == sorted(
        ["used_at", "seal", "document", "document_date", "described", "impression_kind",
         "impressions", "sheets", "requested_by", "approved_by", "applied_by"]
    )  # fmt: skip
    assert plan.refused == []
    assert importing.run_import(db, actor=held.clerk, register=register("seal_uses"), plan=plan,
                                source=out, add_new_names=False) == 3  # fmt: skip
    assert sorted(uses(db)) == sorted(before)
    assert verify_seal_chains(db) is None


def test_a_secret_letter_hidden_in_the_file_is_refused_not_guessed(db, held, tmp_path):
    path = old_book(
        tmp_path / "seal.xlsx",
        [[1, "06.01.2026", "ຕາປະທັບມົນ ຄອຮຂ", "", "—", 1, "ນາງ ມະນີວັນ ສີລາວົງ", "ທ່ານ ຫົວໜ້າ"]],
    )
    _preview, plan = plan_for(db, held.clerk, path)
    assert [refusal.row for refusal in plan.refused] == [4] and plan.ready == []

"""Bringing old registers in: a workbook laid out as clerks keep them, the dry run's
refusals, all or nothing, and a register exported and imported into an empty folder."""

from dataclasses import replace
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import func, select

from oc_desktop.documents.directory import ensure_kinds, list_kinds
from oc_desktop.documents.incoming import register_incoming
from oc_desktop.documents.outgoing import register_outgoing
from oc_desktop.documents.query import RegisterQuery, fetch_page
from oc_desktop.exchange import importing
from oc_desktop.exchange.declare import register
from oc_desktop.exchange.export import export_register
from oc_desktop.exchange.reading import open_source
from oc_desktop.models import AuditEntry, IncomingDocument, OutgoingDocument
from oc_desktop.models.migrate import open_database
from oc_desktop.profile import ensure_defaults
from oc_desktop.security import CLERK, SYSTEM, TOP_SECRET, Actor

CLERK_ = Actor(None, "clerk2", "ທອງສຸກ", frozenset({CLERK}), TOP_SECRET)
HEADERS = ["ລ/ດ", "ວັນທີຮັບ", "ຈາກ", "ເລກທີ", "ລົງວັນທີ", "ປະເພດ", "ເລື່ອງ", "ໝາຍເຫດ"]


def old_book(path, rows):
    """A workbook as a clerk keeps one: merged title rows, a blank line, the header on
    row 4, blank lines between entries."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ປີ 2025"
    sheet["A1"] = "ທະບຽນເອກະສານຂາເຂົ້າ"
    sheet.merge_cells("A1:H1")
    sheet["A2"] = "ປະຈຳປີ 2025"
    sheet.merge_cells("A2:H2")
    sheet.append([])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


GOOD = [
    [1, datetime(2025, 1, 6), "ພະແນກການເງິນແຂວງ", "12/ພກງ", datetime(2025, 1, 3), "ແຈ້ງການ",
     "ແຈ້ງການເລື່ອງງົບປະມານ", ""],
    [],
    [2, "໐໗.໐໑.໒໐໒໕", "ຫ້ອງການຄະນະພັກແຂວງ", "5/ຫຄພ", "05/01/2025", "ບົດບັນທຶກ",
     "ບົດບັນທຶກກອງປະຊຸມ", "ສຳເນົາ 2 ສະບັບ"],
    [3, "15.01.2025", "ພະແນກພາຍໃນແຂວງ", "77/ພນຂ", "14.01.2025", "", "ລາຍງານ", None],
]  # fmt: skip


def plan_for(db, path, **choices):
    source = open_source(path)
    preview = importing.preview(source, None, register("incoming").fields)
    chosen = preview.choices
    if choices:
        chosen = replace(chosen, **choices)
    return preview, importing.dry_run(
        db, actor=CLERK_, register=register("incoming"), source=source, choices=chosen
    )


def test_a_clerks_workbook_imports_after_mapping(db, tmp_path):
    ensure_kinds(db)
    path = old_book(tmp_path / "old.xlsx", GOOD)
    preview, plan = plan_for(db, path)
    assert preview.choices.header_row == 4
    assert preview.choices.mapping[0] == "seq" and preview.choices.mapping[6] == "subject"
    assert preview.date_orders == ["dmy"]  # 15.01 reads one way only
    assert plan.refused == [] and [e.row for e in plan.ready] == [5, 7, 8]
    assert plan.new_kinds == ["ບົດບັນທຶກ"]  # ແຈ້ງການ is a default kind
    with pytest.raises(importing.ImportRefused):
        importing.run_import(
            db, actor=CLERK_, register=register("incoming"), plan=plan, source=path,
            add_new_names=False,
        )  # fmt: skip
    added = importing.run_import(
        db, actor=CLERK_, register=register("incoming"), plan=plan, source=path, add_new_names=True
    )
    assert added == 3
    rows = fetch_page(
        db, CLERK_, RegisterQuery(sort="number", descending=False), after=None, limit=10,
        today=date(2025, 2, 1),
    )  # fmt: skip
    assert [(r.seq, r.date, r.doc_date, r.kind) for r in rows] == [
        (1, date(2025, 1, 6), date(2025, 1, 3), "ແຈ້ງການ"),
        (2, date(2025, 1, 7), date(2025, 1, 5), "ບົດບັນທຶກ"),
        (3, date(2025, 1, 15), date(2025, 1, 14), None),
    ]
    assert "ບົດບັນທຶກ" in [k.name for k in list_kinds(db)]
    with db.read() as session:
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "import")))
    assert len(entries) == 1 and entries[0].new["rows"] == 3


def test_the_dry_run_names_every_refused_row_and_why(db, tmp_path):
    register_incoming(
        db, actor=SYSTEM, received_at=datetime(2025, 1, 2, 8, 0), sender="ພະແນກການເງິນແຂວງ",
        doc_number="9/ພກງ", doc_date=date(2025, 1, 1), kind_id=None, subject="ມີແລ້ວ",
    )  # fmt: skip
    rows = [
        [1, "06.01.2025", "ພະແນກໜຶ່ງ", "1/ກ", "03.01.2025", "", "ນຳໃຊ້ເລກທີ່ໃຫ້ແລ້ວ", ""],
        [2, "32.01.2025", "ພະແນກສອງ", "2/ກ", "03.01.2025", "", "ວັນທີຜິດ", ""],
        [3, "06.01.2025", "ພະແນກສາມ", "3/ກ", "03.01.2025", "", "", ""],
        [4, "06.01.2025", "ພະແນກສີ່", "4/ກ", "03.01.2025", "", "ຖືກຕ້ອງ", ""],
        [4, "06.01.2025", "ພະແນກຫ້າ", "5/ກ", "03.01.2025", "", "ເລກຊ້ຳໃນໄຟລ໌", ""],
        [6, "06.01.2025", "ພະແນກການເງິນແຂວງ", "9/ພກງ", "01.01.2025", "", "ຊ້ຳ", ""],
        ["ກ", "06.01.2025", "ພະແນກເຈັດ", "7/ກ", "03.01.2025", "", "ເລກບໍ່ແມ່ນຕົວເລກ", ""],
    ]
    path = old_book(tmp_path / "bad.xlsx", rows)
    _preview, plan = plan_for(db, path)
    refused = {r.row: r.reason for r in plan.refused}
    assert [e.row for e in plan.ready] == [8]
    assert sorted(refused) == [5, 6, 7, 9, 10, 11]
    assert "1" in refused[5]  # number 1 is the one given to the letter registered already
    assert "32.01.2025" in refused[6]
    assert "ເລື່ອງ" in refused[7]  # the subject is required, named in Lao
    assert "4" in refused[9]
    assert "ລົງທະບຽນແລ້ວ" in refused[10]
    assert "ກ" in refused[11]
    with pytest.raises(importing.ImportRefused):
        importing.run_import(
            db, actor=CLERK_, register=register("incoming"), plan=plan, source=path,
            add_new_names=True,
        )  # fmt: skip
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(IncomingDocument)) == 1


def test_a_letter_is_one_letter_however_the_book_spelled_it(db, tmp_path):
    register_incoming(
        db, actor=SYSTEM, received_at=datetime(2025, 1, 2, 8, 0), sender="ພະແນກຖະແຫຼງຂ່າວແຂວງ",
        doc_number="12/ຖຂ", doc_date=date(2025, 1, 1), kind_id=None, subject="ມີແລ້ວ",
    )  # fmt: skip
    rows = [  # ຫ + ລ for ຫຼ, Lao digits and a space in the number: the letter held already
        [2, "06.01.2025", "ພະແນກຖະແຫລງຂ່າວແຂວງ", "໑໒ / ຖຂ", "01.01.2025", "", "ຊ້ຳ", ""],
        [3, "06.01.2025", "ພະແນກໜຶ່ງ", "3/ກ", "03.01.2025", "", "ໃໝ່", ""],
        [4, "07.01.2025", "ພະແນກຫນຶ່ງ", "3/ກ", "03.01.2025", "", "ໃໝ່ອີກເທື່ອ", ""],  # ຫນ for ໜ
    ]
    path = old_book(tmp_path / "twice.xlsx", rows)
    _preview, plan = plan_for(db, path)
    assert [e.row for e in plan.ready] == [6]
    refused = {r.row: r.reason for r in plan.refused}
    assert sorted(refused) == [5, 7]
    assert all("ລົງທະບຽນແລ້ວ" in reason for reason in refused.values())


def test_an_import_that_fails_midway_leaves_nothing(db, tmp_path):
    path = old_book(tmp_path / "old.xlsx", GOOD)
    _preview, plan = plan_for(db, path)
    # Between the dry run and the import someone registers number 3 by hand.
    register_incoming(
        db, actor=SYSTEM, received_at=datetime(2025, 1, 20, 8, 0), sender="ພະແນກອື່ນ",
        doc_number="1/ອ", doc_date=date(2025, 1, 19), kind_id=None, subject="ລົງມືກ່ອນ", seq=3,
    )  # fmt: skip
    with pytest.raises(ValueError, match="8"):  # row 8 holds number 3
        importing.run_import(
            db, actor=CLERK_, register=register("incoming"), plan=plan, source=path,
            add_new_names=True,
        )  # fmt: skip
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(IncomingDocument)) == 1
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "import")) is None


def test_ambiguous_dates_are_read_in_the_order_chosen(db, tmp_path):
    rows = [[1, "02.03.2025", "ພະແນກໜຶ່ງ", "1/ກ", "01.03.2025", "", "ທົດລອງ", ""]]
    path = old_book(tmp_path / "old.xlsx", rows)
    preview, plan = plan_for(db, path, date_order="mdy")
    assert preview.date_orders == ["dmy", "mdy"]
    assert plan.ready[0].values["received_at"] == datetime(2025, 2, 3)


def _fill(db):
    ensure_kinds(db)
    kind = list_kinds(db)[1]
    for n in range(1, 6):
        register_incoming(
            db, actor=SYSTEM, received_at=datetime(2026, 2, n, 8, 15), sender=f"ພະແນກ {n}",
            doc_number=f"{n}/ພ", doc_date=date(2026, 1, 30 - n), kind_id=kind.id,
            subject=f"ເລື່ອງທີ {n}", urgency=n % 3, secrecy=n % 2,
        )  # fmt: skip
        register_outgoing(
            db, actor=SYSTEM, doc_date=date(2026, 2, n), kind_id=kind.id, subject=f"ຕອບ {n}",
            recipients=[f"ພະແນກ {n}", "ຫ້ອງການ, ແຂວງ"], secrecy=n % 2, urgency=n % 3,
        )  # fmt: skip


def _entries(db, name):
    rows = fetch_page(
        db, CLERK_, RegisterQuery(register=name, sort="number", descending=False), after=None,
        limit=100, today=date(2026, 3, 1),
    )  # fmt: skip
    keep = ("number", "date", "received_at", "party", "doc_number", "doc_date", "kind",
            "subject", "urgency", "secrecy")  # fmt: skip
    return [{k: getattr(r, k) for k in keep} for r in rows]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_exported_and_imported_into_an_empty_folder_holds_the_same_entries(db, tmp_path, suffix):
    _fill(db)
    other = open_database(tmp_path / "empty")
    ensure_defaults(other)
    try:
        for name in ("incoming", "outgoing"):
            out = tmp_path / f"{name}{suffix}"
            export_register(db, out, actor=CLERK_, register=register(name))
            source = open_source(out)
            preview = importing.preview(source, None, register(name).fields)
            plan = importing.dry_run(
                other, actor=CLERK_, register=register(name), source=source,
                choices=preview.choices,
            )  # fmt: skip
            assert plan.refused == []
            importing.run_import(
                other, actor=CLERK_, register=register(name), plan=plan, source=out,
                add_new_names=True,
            )  # fmt: skip
            assert _entries(other, name) == _entries(db, name)
        with other.read() as session:
            assert session.scalar(select(func.count()).select_from(OutgoingDocument)) == 5
    finally:
        other.close()


def test_a_kept_mapping_follows_its_headers_into_next_years_book(db, tmp_path):
    path = old_book(tmp_path / "2025.xlsx", GOOD)
    preview = importing.preview(open_source(path), None, register("incoming").fields)
    # The clerk maps a header no guess knows ("ຫົວຂໍ້") to the subject; next year's book
    # has it, and its columns in another order.
    headers = [*HEADERS[:6], "ຫົວຂໍ້", HEADERS[7]]
    mapping = {**preview.choices.mapping, 6: "subject"}
    kept = importing.mapping_to_json(headers, replace(preview.choices, mapping=mapping))
    book = openpyxl.Workbook()
    book.active.append(["ຫົວຂໍ້", "ຈາກ", "ວັນທີຮັບ", "ລົງວັນທີ", "ເລກທີ"])
    book.active.append(["ບົດລາຍງານ", "ພະແນກ", "06.01.2026", "05.01.2026", "1/ກ"])
    book.save(tmp_path / "2026.xlsx")
    later = importing.preview(
        open_source(tmp_path / "2026.xlsx"), None, register("incoming").fields
    )
    choices = importing.mapping_from_json(kept, later)
    assert choices.mapping == {
        0: "subject", 1: "sender", 2: "received_at", 3: "doc_date", 4: "doc_number"
    }  # fmt: skip


def test_cancel_during_the_import_leaves_nothing(db, tmp_path):
    ensure_kinds(db)
    path = old_book(tmp_path / "old.xlsx", GOOD)
    _preview, plan = plan_for(db, path)
    with pytest.raises(InterruptedError):
        importing.run_import(
            db, actor=CLERK_, register=register("incoming"), plan=plan, source=path,
            add_new_names=True, progress=lambda done, total: False,
        )  # fmt: skip
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(IncomingDocument)) == 0
    assert "ບົດບັນທຶກ" not in [k.name for k in list_kinds(db)]

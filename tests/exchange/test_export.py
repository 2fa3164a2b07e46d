"""Exporting a register view: real .xlsx and .csv files, opened by openpyxl and csv."""

import csv
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import select

from oc_desktop.documents.directory import ensure_kinds, list_kinds
from oc_desktop.documents.incoming import register_incoming
from oc_desktop.documents.outgoing import register_outgoing
from oc_desktop.documents.query import RegisterQuery, fetch_page
from oc_desktop.exchange.declare import register
from oc_desktop.exchange.export import Cancelled, export_register, export_view
from oc_desktop.models import AuditEntry
from oc_desktop.security import CLERK, SYSTEM, TOP_SECRET, Actor

CLERK_WITHOUT_CLEARANCE = Actor(None, "clerk", "ນາງ ສຸດາພອນ", frozenset({CLERK}), 0)
CLEARED_CLERK = Actor(None, "clerk2", "ທອງສຸກ", frozenset({CLERK}), TOP_SECRET)
SECRET_SUBJECT = "ແຜນການປ້ອງກັນຄວາມສະຫງົບ"


@pytest.fixture
def register_with_a_secret(db):
    ensure_kinds(db)
    kind = list_kinds(db)[0]
    for day, sender, subject, secrecy in (
        (3, "ພະແນກການເງິນແຂວງ", "ຂໍອະນຸມັດງົບປະມານ", 0),
        (5, "ຫ້ອງການຄະນະພັກແຂວງ", SECRET_SUBJECT, 1),
        (7, "ພະແນກພາຍໃນແຂວງ", "ລາຍງານການປະຊຸມ", 0),
    ):
        register_incoming(
            db,
            actor=SYSTEM,
            received_at=datetime(2026, 3, day, 9, 30),
            sender=sender,
            doc_number=f"{day}/ພນຂ",
            doc_date=date(2026, 3, day - 1),
            kind_id=kind.id,
            subject=subject,
            secrecy=secrecy,
        )
    return kind


def _view(db, actor, query):
    return lambda after, limit: fetch_page(
        db, actor, query, after=after, limit=limit, today=date(2026, 3, 10)
    )


def test_xlsx_holds_the_view_in_its_order_with_real_dates_and_the_secret_hidden(
    db, tmp_path, register_with_a_secret
):
    out = tmp_path / "ຂາເຂົ້າ.xlsx"
    chosen = register("incoming")
    query = RegisterQuery(register="incoming", sort="date", descending=False)
    written = export_view(
        db,
        out,
        actor=CLERK_WITHOUT_CLEARANCE,
        area="documents",
        entity="incoming_book",
        sheet="ຂາເຂົ້າ",
        columns=chosen.columns(),
        fetch=_view(db, CLERK_WITHOUT_CLEARANCE, query),
    )
    assert written == 3
    sheet = openpyxl.load_workbook(out).active
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("ເລກທີ", "ມາຮອດ", "ຜູ້ສົ່ງ", "ເລື່ອງ")  # Lao headers, as on screen
    assert [row[0] for row in rows[1:]] == [1, 2, 3]  # the screen's order, numbers as numbers
    assert rows[1][1] == datetime(2026, 3, 3, 9, 30)
    assert sheet["F2"].value == datetime(2026, 3, 2) and sheet["F2"].number_format == "dd.mm.yyyy"
    secret = rows[2]
    assert secret[0] == 2 and secret[1] == datetime(2026, 3, 5, 9, 30)
    assert secret[2] == secret[3] == secret[4] == secret[5] == secret[7] == secret[9] == "—"
    assert secret[6] == register_with_a_secret.name  # the number, date and kind stay
    assert SECRET_SUBJECT not in str(rows)
    width = sheet.column_dimensions["D"].width
    assert width > sheet.column_dimensions["A"].width  # the subject gets room
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
    assert entry.area == "documents" and entry.entity_id == out.name


def test_csv_is_utf8_with_a_bom_and_the_search_and_dates_narrow_it(
    db, tmp_path, register_with_a_secret
):
    out = tmp_path / "out.csv"
    written = export_register(
        db,
        out,
        actor=CLEARED_CLERK,
        register=register("incoming"),
        text="ງົບປະມານ",
        start=date(2026, 3, 1),
        end=date(2026, 3, 4),
    )
    assert written == 1
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[1][0] == "1" and rows[1][1] == "03.03.2026 09:30"
    assert rows[1][3] == "ຂໍອະນຸມັດງົບປະມານ"
    assert export_register(db, out, actor=CLEARED_CLERK, register=register("incoming"),
                           start=date(2026, 3, 5), end=date(2026, 3, 7)) == 2  # fmt: skip
    with out.open(encoding="utf-8-sig", newline="") as file:
        assert SECRET_SUBJECT in file.read()  # cleared for it


def test_outgoing_numbers_and_recipients_as_on_screen(db, tmp_path):
    register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=date(2026, 4, 2),
        kind_id=None,
        subject="ແຈ້ງການ",
        recipients=["ພະແນກການເງິນແຂວງ", "ພະແນກພາຍໃນແຂວງ"],
        sent_on=date(2026, 4, 3),
    )
    out = tmp_path / "out.xlsx"
    export_register(db, out, actor=CLEARED_CLERK, register=register("outgoing"))
    row = next(openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert row[0].startswith("1") and row[1] == datetime(2026, 4, 2)
    assert row[2] == "ພະແນກການເງິນແຂວງ; ພະແນກພາຍໃນແຂວງ" and row[7] == datetime(2026, 4, 3)


def test_cancel_leaves_no_file_and_no_audit_row(db, tmp_path, register_with_a_secret):
    out = tmp_path / "cancelled.xlsx"
    with pytest.raises(Cancelled):
        export_register(
            db,
            out,
            actor=CLEARED_CLERK,
            register=register("incoming"),
            progress=lambda done, total: False,
        )
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]
    with db.read() as session:
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "export")) is None

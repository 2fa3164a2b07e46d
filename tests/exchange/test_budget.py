"""The journal of vouchers out and in: an accountant's old Excel journal (a title, the
header lower down, amounts written 1.500.000 or in Lao digits, blank lines) brought in as
vouchers through the operation the New voucher form uses, their numbers kept; refusals
with row and reason (a number taken in its year and kind, a closed month, an unknown
item, a fraction of a kip); a journal exported and imported into an empty folder holds
the same vouchers."""

from dataclasses import replace
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import select

from oc_desktop.budget.journal import close_month, record_entry, reverse_entry
from oc_desktop.budget.lines import chart, start_year
from oc_desktop.exchange import importing
from oc_desktop.exchange.declare import register
from oc_desktop.exchange.export import export_register
from oc_desktop.exchange.reading import open_source
from oc_desktop.models import AuditEntry, JournalEntry
from oc_desktop.models.migrate import open_database
from oc_desktop.profile import ensure_defaults
from oc_desktop.security import ACCOUNTANT, CLERK, HEAD, NotAllowed

HEADERS = ["ເລກທີ", "ວັນທີ", "ລະຫັດ", "ເນື້ອໃນ", "ຜູ້ຮັບເງິນ", "ລາຍຮັບ", "ລາຍຈ່າຍ"]


def old_journal(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "ປຶ້ມບັນຊີລາຍຮັບ-ລາຍຈ່າຍ ປະຈຳປີ 2025"
    sheet.merge_cells("A1:G1")
    sheet["A2"] = "ຄະນະໂຄສະນາອົບຮົມແຂວງ"
    sheet.merge_cells("A2:G2")
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def accountant(db, make_user):
    actor = make_user("accountant", [ACCOUNTANT])
    start_year(db, actor=actor, year=2025)
    return actor


def plan_for(db, actor, path):
    source = open_source(path)
    preview = importing.preview(source, None, register("budget").fields)
    plan = importing.dry_run(
        db, actor=actor, register=register("budget"), source=source, choices=preview.choices
    )
    return preview, plan


def run(db, actor, plan, path):
    return importing.run_import(
        db, actor=actor, register=register("budget"), plan=plan, source=path, add_new_names=False
    )


def vouchers(db):
    with db.read() as session:
        rows = session.execute(
            select(JournalEntry.number, JournalEntry.entry_date, JournalEntry.series,
                   JournalEntry.amount, JournalEntry.description, JournalEntry.party)
            .order_by(JournalEntry.series, JournalEntry.seq)
        )  # fmt: skip
        return [tuple(row) for row in rows]


def test_an_old_journal_comes_in_with_its_numbers_and_amounts(db, accountant, tmp_path):
    path = old_journal(
        tmp_path / "journal.xlsx",
        [
            ["ລຈ 12/2025", datetime(2025, 2, 3), "62.4", "ນ້ຳມັນລົດ", "ປ້ຳນ້ຳມັນ", None, 250000],
            [],
            ["໑໓", "໐໔.໐໒.໒໐໒໕", "62.5", "ຄ່າເດີນທາງ", "", "", "1.500.000"],
            ["5/2025", "10.02.2025", "R1.1", "ງົບປະມານປະຈຳໄຕມາດ 1", "ຄັງເງິນແຂວງ", "120,000,000", ""],
        ],
    )
    preview, plan = plan_for(db, accountant, path)
    assert preview.choices.header_row == 3
    assert plan.refused == [] and [ready.row for ready in plan.ready] == [4, 6, 7]
    assert vouchers(db) == []  # the dry run wrote nothing
    assert run(db, accountant, plan, path) == 3
    found = vouchers(db)
    assert [(number.split()[-1], day, kind, amount) for number, day, kind, amount, *_ in found] == [
        ("12/2025", date(2025, 2, 3), "expenditure", 250_000),
        ("13/2025", date(2025, 2, 4), "expenditure", 1_500_000),
        ("5/2025", date(2025, 2, 10), "revenue", 120_000_000),
    ]
    with db.read() as session:
        audits = session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).all()
        assert len(audits) == 1 and audits[0].new["rows"] == 3 and audits[0].area == "budget"
    _preview, again = plan_for(db, accountant, path)  # the same journal a second time
    assert [refusal.row for refusal in again.refused] == [4, 6, 7] and again.ready == []


def test_the_dry_run_refuses_what_the_journal_refuses(db, accountant, tmp_path):
    items = {row.code: row.id for row in chart(db, actor=accountant, year=2025)}
    record_entry(db, actor=accountant, kind="expenditure", entry_date=date(2025, 3, 1),
                 line_id=items["62.4"], description="ນ້ຳມັນ", amount=100, seq=7)  # fmt: skip
    close_month(db, actor=accountant, year=2025, month=1)
    path = old_journal(
        tmp_path / "journal.xlsx",
        [
            ["7/2025", "02.03.2025", "62.4", "ນ້ຳມັນ", "", "", 5000],  # 7 taken
            ["8/2025", "15.01.2025", "62.4", "ນ້ຳມັນ", "", "", 5000],  # January closed
            ["9/2025", "02.03.2025", "99.9", "ບໍ່ຮູ້", "", "", 5000],  # no such item
            ["10/2025", "02.03.2025", "62.4", "ນ້ຳມັນ", "", "", 12.5],  # not whole kip
            ["11/2025", "02.03.2025", "R1.1", "ຜິດປະເພດ", "", "", 5000],  # a revenue item
            ["12/2025", "02.03.2025", "62.4", "", "", "", 5000],  # no description
            ["13/2025", "02.03.2025", "62.4", "ນ້ຳມັນ", "", "", 5000],
            ["13/2025", "03.03.2025", "62.4", "ນ້ຳມັນ", "", "", 5000],  # 13 twice in the book
        ],
    )
    _preview, plan = plan_for(db, accountant, path)
    reasons = {refusal.row: refusal.reason for refusal in plan.refused}
    assert sorted(reasons) == [4, 5, 6, 7, 8, 9, 11]
    assert "7" in reasons[4] and "01/2025" in reasons[5] and "12.5" in reasons[7]
    assert "2025" in reasons[6]  # choose an item of the year 2025
    assert [ready.row for ready in plan.ready] == [10]
    with pytest.raises(importing.ImportRefused):
        run(db, accountant, plan, path)
    assert len(vouchers(db)) == 1


def test_only_the_accountant_imports_and_the_journal_is_not_for_clerks(
    db, accountant, make_user, tmp_path
):
    path = old_journal(tmp_path / "j.xlsx", [["1", "02.03.2025", "62.4", "ນ້ຳມັນ", "", "", 5]])
    head = make_user("head", [HEAD])
    with pytest.raises(NotAllowed):
        plan_for(db, head, path)
    with pytest.raises(NotAllowed):
        export_register(
            db, tmp_path / "o.xlsx", actor=make_user("clerk", [CLERK]), register=register("budget")
        )


def test_a_journal_exported_and_imported_into_an_empty_folder_holds_the_same_vouchers(
    db, accountant, tmp_path
):
    items = {row.code: row.id for row in chart(db, actor=accountant, year=2025)}
    for n, (code, kind) in enumerate((("62.4", "expenditure"), ("R1.1", "revenue")) * 2, 1):
        record_entry(db, actor=accountant, kind=kind, entry_date=date(2025, 4, n),
                     line_id=items[code], description=f"ລາຍການ {n}", amount=n * 1_000_000,
                     party="ຄັງເງິນແຂວງ", approved_by="ທ່ານ ຫົວໜ້າ")  # fmt: skip
    out = tmp_path / "journal.xlsx"
    assert export_register(db, out, actor=accountant, register=register("budget")) == 4
    sheet = openpyxl.load_workbook(out).active
    assert isinstance(sheet["B2"].value, datetime)
    assert {sheet["G2"].value, sheet["H2"].value} - {None} <= {
        1_000_000,
        2_000_000,
        3_000_000,
        4_000_000,
    }

    empty = open_database(tmp_path / "empty")
    try:
        ensure_defaults(empty)
        other = replace(accountant, user_id=None)
        start_year(empty, actor=other, year=2025)
        _preview, plan = plan_for(empty, other, out)
        assert plan.refused == []
        assert run(empty, other, plan, out) == 4
        assert vouchers(empty) == vouchers(db)
    finally:
        empty.close()


def test_a_reversal_in_the_file_is_refused_with_what_to_do(db, accountant, tmp_path):
    items = {row.code: row.id for row in chart(db, actor=accountant, year=2025)}
    first = record_entry(db, actor=accountant, kind="expenditure", entry_date=date(2025, 4, 1),
                         line_id=items["62.4"], description="ນ້ຳມັນ", amount=9_000)  # fmt: skip
    reverse_entry(db, actor=accountant, entry_id=first, entry_date=date(2025, 4, 2), reason="ຜິດ")
    out = tmp_path / "journal.xlsx"
    export_register(db, out, actor=accountant, register=register("budget"))
    empty = open_database(tmp_path / "empty")
    try:
        ensure_defaults(empty)
        other = replace(accountant, user_id=None)
        start_year(empty, actor=other, year=2025)
        _preview, plan = plan_for(empty, other, out)
        assert [refusal.row for refusal in plan.refused] == [2]  # newest first: the reversal
        assert len(plan.ready) == 1
    finally:
        empty.close()


def test_a_row_without_its_number_is_not_entered_twice(db, accountant, tmp_path):
    path = old_journal(tmp_path / "j.xlsx", [["", "02.03.2025", "62.4", "ນ້ຳມັນລົດ", "", "", "໕໐໐໐"]])
    _preview, plan = plan_for(db, accountant, path)
    assert run(db, accountant, plan, path) == 1
    assert vouchers(db)[0][3] == 5000  # Lao digits read as kip
    _preview, again = plan_for(db, accountant, path)
    assert [refusal.row for refusal in again.refused] == [4] and again.ready == []

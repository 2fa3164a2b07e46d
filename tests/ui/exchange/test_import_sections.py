"""The staff officer, the accountant and the clerk each bring their old Excel book in
through their own tab's Import button and the real dialog: the dry run names the refused
rows, the corrected book imports, the tab shows what came in."""

from datetime import date, datetime

import openpyxl
from helpers.seal import handover, make_office
from helpers.widgets import settled

from oc_desktop.budget.lines import start_year
from oc_desktop.security import ACCOUNTANT, HEAD, STAFF_OFFICER
from oc_desktop.ui.budget.tab import BudgetTab
from oc_desktop.ui.seal.tab import SealTab
from oc_desktop.ui.staff.tab import StaffTab


def workbook(path, title, headers, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = title
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet.append([])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def dry_run_then_import(qtbot, page, path, fix):
    """The import dialog from the page's button: a dry run refusing one row, the book
    fixed by ``fix``, checked again and imported; returns the dialog."""
    assert page.import_button.isVisible()
    page.import_button.click()
    dialog = page.import_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.open_file(path)
    with qtbot.waitSignal(dialog.refused.model().rowsInserted, timeout=10_000):
        dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.job is None)
    assert dialog.refused.count() == 1 and not dialog.import_button.isEnabled()
    refusal = dialog.refused.item(0).text()
    fix(path)
    dialog.open_file(path)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.job is None, timeout=10_000)
    assert dialog.refused.count() == 0 and dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.imported > 0, timeout=10_000)
    dialog.reject()
    return refusal


def fix_cell(cell, value):
    def fix(path):
        book = openpyxl.load_workbook(path)
        book.active[cell] = value
        book.save(path)

    return fix


def test_the_staff_officer_brings_the_old_staff_list_in(app, qtbot, db, make_user, tmp_path):
    officer = make_user("officer", [STAFF_OFFICER])
    path = workbook(
        tmp_path / "ພະນັກງານ.xlsx",
        "ບັນຊີລາຍຊື່ພະນັກງານ",
        ["ລ/ດ", "ຊື່ ແລະ ນາມສະກຸນ", "ວັນເດືອນປີເກີດ", "ເຂົ້າຮັບລັດຖະການ", "ເລກບັດປະຈຳຕົວ"],
        [
            [1, "ທ້າວ ສົມພອນ ແກ້ວມະນີ", "໐໒.໐໕.໑໙໘໐", "01.09.2002", "01-1"],
            [],
            [2, "ນາງ ມະນີວັນ ສີລາວົງ", "14.03.1985", "01.09.2008", "01-1"],
        ],
    )
    tab = settled(qtbot, show(qtbot, StaffTab(db, officer)))
    refusal = dry_run_then_import(qtbot, tab, path, fix_cell("E6", "02-2"))
    assert refusal.startswith("ແຖວ 6")  # the card number twice
    settled(qtbot, tab)
    assert tab.model.rowCount() == 2
    head = settled(qtbot, show(qtbot, StaffTab(db, make_user("head", [HEAD]))))
    # the head reads the list but brings nothing in
    assert not head.import_button.isVisible() and head.export_button.isVisible()


def test_the_accountant_brings_last_years_journal_in(app, qtbot, db, data_dir, make_user, tmp_path):
    accountant = make_user("accountant", [ACCOUNTANT])
    year = date.today().year
    start_year(db, actor=accountant, year=year)
    path = workbook(
        tmp_path / "ບັນຊີ.xlsx",
        "ປຶ້ມບັນຊີລາຍຮັບ-ລາຍຈ່າຍ",
        ["ເລກທີ", "ວັນທີ", "ລະຫັດ", "ເນື້ອໃນ", "ລາຍຮັບ", "ລາຍຈ່າຍ"],
        [
            ["ລຈ 3", f"02.01.{year}", "62.4", "ນ້ຳມັນລົດ", "", "250.000"],
            ["ລຈ 4", f"03.01.{year}", "62.4", "ນ້ຳມັນລົດ", "", "12,5"],
        ],
    )
    budget = show(qtbot, BudgetTab(db, accountant, data_dir))
    budget.views.setCurrentWidget(budget.journal)
    journal = settled(qtbot, budget.journal)
    refusal = dry_run_then_import(qtbot, journal, path, fix_cell("F5", 12_500))
    assert refusal.startswith("ແຖວ 5")
    settled(qtbot, journal)
    assert journal.model.rowCount() == 2


def test_the_clerk_brings_the_seal_book_in(app, qtbot, db, data_dir, make_user, tmp_path):
    office = make_office(db, make_user)
    handover(db, office)
    path = workbook(
        tmp_path / "ຕາປະທັບ.xlsx",
        "ປຶ້ມບັນທຶກການນຳໃຊ້ຕາປະທັບ",
        ["ລ/ດ", "ວັນທີ", "ຕາປະທັບ", "ເນື້ອໃນ", "ຜູ້ປະທັບ"],
        [
            [1, datetime(2026, 1, 6, 9, 0), "ຕາປະທັບມົນ ຄອຮຂ", "ໃບຢັ້ງຢືນ", "ນາງ ມະນີວັນ ສີລາວົງ"],
            [2, "໐໒.໐໑.໒໐໒໖", "ຕາປະທັບມົນ ຄອຮຂ", "ໃບຢັ້ງຢືນ", "ນາງ ມະນີວັນ ສີລາວົງ"],
        ],
    )
    tab = show(qtbot, SealTab(db, office.clerk, data_dir))
    page = settled(qtbot, tab.uses)
    refusal = dry_run_then_import(qtbot, page, path, fix_cell("B5", "07.01.2026"))
    assert refusal.startswith("ແຖວ 5")  # nobody held the seal on 2 January
    settled(qtbot, page)
    assert page.model.rowCount() == 2

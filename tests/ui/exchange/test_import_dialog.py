"""A clerk brings last year's Excel register in through the real dialog."""

from datetime import datetime

import openpyxl
from helpers.widgets import settled, tab_of
from PySide6.QtWidgets import QFileDialog

from oc_desktop.documents.query import RegisterQuery, fetch_page
from oc_desktop.security import SYSTEM

HEADERS = ["ລ/ດ", "ວັນທີຮັບ", "ຈາກ", "ເລກທີ", "ລົງວັນທີ", "ປະເພດ", "ເລື່ອງ"]


def old_book(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "ທະບຽນເອກະສານຂາເຂົ້າ ປີ 2025"
    sheet.merge_cells("A1:G1")
    sheet.append([])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_clerk_checks_sees_refusals_fixes_the_mapping_and_imports(
    make_window, actor, db, qtbot, tmp_path, qsettings
):
    rows = [
        [1, datetime(2025, 1, 6, 8, 0), "ພະແນກການເງິນແຂວງ", "12/ພກງ", "03.01.2025", "ແຈ້ງການ",
         "ງົບປະມານ"],
        [],
        [2, "໐໗.໐໑.໒໐໒໕", "ຫ້ອງການຄະນະພັກແຂວງ", "5/ຫຄພ", "05.01.2025", "ບົດບັນທຶກ", "ກອງປະຊຸມ"],
        [3, "ມື້ວານ", "ພະແນກພາຍໃນແຂວງ", "77/ພນຂ", "14.01.2025", "", "ລາຍງານ"],
    ]  # fmt: skip
    path = old_book(tmp_path / "ປີ 2025.xlsx", rows)
    window = make_window(actor)
    tab = tab_of(window)
    settled(qtbot, tab)
    assert tab.import_button.isVisible() and tab.import_button.text().startswith("ນຳເຂົ້າ")

    dialog = tab.import_register()
    qtbot.waitUntil(dialog.isVisible)
    chooser = dialog.choose_file()
    assert isinstance(chooser, QFileDialog)
    chooser.fileSelected.emit(str(path))
    assert dialog.header_row.value() == 3
    assert dialog.fields["subject"].currentData() == 6  # guessed from ເລື່ອງ
    assert dialog.table.item(3, 1).text() == "06.01.2025"
    needed = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert needed.width() <= 1366 and needed.height() <= 728 - 40  # a 1366×768 office screen
    assert dialog.width() <= 1366 and dialog.height() <= 728 - 40

    with qtbot.waitSignal(dialog.refused.model().rowsInserted, timeout=10_000):
        dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.job is None)
    assert dialog.refused.item(0).text().startswith("ແຖວ 7")
    assert not dialog.import_button.isEnabled()

    # The clerk corrects the date in her workbook and opens it again: nothing was added yet.
    sheet_book = openpyxl.load_workbook(path)
    sheet_book.active["B7"] = "15.01.2025"
    sheet_book.save(path)
    dialog.open_file(path)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.job is None, timeout=10_000)
    assert dialog.refused.count() == 0
    assert dialog.add_names.isVisible() and not dialog.import_button.isEnabled()
    dialog.add_names.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.imported == 3, timeout=10_000)
    dialog.reject()
    settled(qtbot, tab)
    rows = fetch_page(
        db, SYSTEM, RegisterQuery(), after=None, limit=10, today=datetime.now().date()
    )
    assert sorted(r.seq for r in rows) == [1, 2, 3]
    assert tab.model.rowCount() == 3
    assert qsettings.value("exchange/mapping/incoming")  # remembered for next year's book

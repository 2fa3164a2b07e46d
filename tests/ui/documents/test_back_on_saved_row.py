"""After a form saves, the clerk is back in the register on the row saved: chosen,
scrolled to and with the keyboard on the table, even when it sits past the first page."""

from datetime import date, datetime

from helpers.widgets import back_on_row, enter, replace_text, settled, tab_of, when_dialog
from PySide6.QtCore import Qt

from oc_desktop.documents.incoming import register_incoming
from oc_desktop.formatting import format_date
from oc_desktop.security import SYSTEM
from oc_desktop.ui.documents.dialogs import IncomingDialog


def letter(db, number: int) -> int:
    return register_incoming(
        db,
        actor=SYSTEM,
        received_at=datetime(2026, 11, 20, 9, 30),
        sender="ພະແນກການເງິນແຂວງ",
        doc_number=f"{number}/ພກງ",
        doc_date=date(2026, 11, 18),
        kind_id=None,
        subject=f"ລາຍງານ ສະບັບທີ {number}",
    )


def test_a_new_entry_past_the_first_page_is_chosen_with_the_keyboard_on_it(
    window, qtbot, type_text, db
):
    for number in range(1, 61):
        letter(db, number)
    tab = tab_of(window)
    tab.page_size = 8  # the new entry, last in ascending order, is pages down
    tab.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    settled(qtbot, tab)
    assert tab.model.rowCount() < 60
    tab.search.setFocus()

    def fill(dialog):
        type_text(dialog.sender, "ຄະນະຈັດຕັ້ງແຂວງ")
        type_text(dialog.doc_number, "99/ຄຈຕ")
        type_text(dialog.doc_date, format_date(date(2026, 11, 25)))
        type_text(dialog.subject, "ແຈ້ງການ ກອງປະຊຸມ")
        enter(qtbot, dialog)

    seen = when_dialog(qtbot, IncomingDialog, fill)
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    back_on_row(qtbot, tab, seen[0].result_id)
    assert tab.model.rows[tab.table.currentIndex().row()].seq == 61
    assert tab.pane.detail.subject == "ແຈ້ງການ ກອງປະຊຸມ"


def test_an_edited_entry_stays_chosen_with_the_keyboard_on_the_table(window, qtbot, type_text, db):
    ids = [letter(db, number) for number in range(1, 5)]
    tab = tab_of(window)
    tab.refresh()
    settled(qtbot, tab)
    tab.table.selectRow(2)  # newest first: the second letter
    qtbot.waitUntil(lambda: tab.pane.detail is not None and tab.pane.detail.id == ids[1])

    def fix(dialog):
        replace_text(type_text, dialog.subject, "ລາຍງານ ສະບັບແກ້ໄຂ")
        enter(qtbot, dialog)

    when_dialog(qtbot, IncomingDialog, fix)
    tab.pane.edit_button.setFocus()
    tab.pane.edit_button.click()
    back_on_row(qtbot, tab, ids[1])
    assert tab.model.row(2).subject == "ລາຍງານ ສະບັບແກ້ໄຂ"

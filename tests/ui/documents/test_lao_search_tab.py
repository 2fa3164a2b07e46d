"""A clerk finds a letter in the real Documents tab however its Lao was typed, picks a
sender in any spelling, cannot register the same letter twice by typing it differently,
and is told plainly when nothing was found."""

from datetime import date, datetime

from helpers.widgets import discard, enter, replace_text, settled, tab_of, when_dialog
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from oc_desktop.documents.incoming import register_incoming
from oc_desktop.formatting import format_date
from oc_desktop.models import IncomingDocument
from oc_desktop.security import SYSTEM
from oc_desktop.ui.documents.dialogs import IncomingDialog

SENDER = "ພະແນກຖະແຫຼງຂ່າວ, ວັດທະນະທຳ ແລະ ທ່ອງທ່ຽວແຂວງ"


def letter(db, **changes) -> int:
    values = dict(
        actor=SYSTEM,
        received_at=datetime(2026, 11, 20, 9, 30),
        sender="ພະແນກການເງິນແຂວງ",
        doc_number="1/ພກງ",
        doc_date=date(2026, 11, 18),
        kind_id=None,
        subject="ລາຍງານ",
    )
    return register_incoming(db, **(values | changes))


def shown(tab) -> set[str]:
    return {row.subject for row in tab.model.rows}


def test_look_alike_spellings_and_spacing_find_the_same_letters(window, qtbot, type_text, db):
    letter(db, doc_number="1/ກ", subject="ການສະເຫຼີມສະຫຼອງວັນຊາດ")
    letter(db, doc_number="2/ກ", subject="ການສະເຫລີມສະຫລອງ ວັນຊາດ")
    letter(db, doc_number="3/ກ", subject="ກ່ຽວກັບ ການນຳໃຊ້ນ້ຳປະປາ")
    letter(db, doc_number="4/ກ", subject="ກ່ຽວກັບການນໍາໃຊ້ນໍ້າປະປາ")
    tab = tab_of(window)
    settled(qtbot, tab)
    tab.search.setFocus()
    celebrations = {"ການສະເຫຼີມສະຫຼອງວັນຊາດ", "ການສະເຫລີມສະຫລອງ ວັນຊາດ"}
    water = {"ກ່ຽວກັບ ການນຳໃຊ້ນ້ຳປະປາ", "ກ່ຽວກັບການນໍາໃຊ້ນໍ້າປະປາ"}
    for typed, expected in (
        ("ສະເຫລີມ", celebrations),
        ("ສະເຫຼີມສະຫຼອງວັນຊາດ", celebrations),
        ("ວັນຊາດ ສະຫລອງ", celebrations),
        ("ນ້ຳປະປາ", water),
        ("ນໍ້າປະປາ", water),
        ("ກ່ຽວກັບການ ນຳໃຊ້", water),
        ("ຊາດ 1/ກ", {"ການສະເຫຼີມສະຫຼອງວັນຊາດ"}),
    ):
        replace_text(type_text, tab.search, typed)
        settled(qtbot, tab)
        assert shown(tab) == expected, typed
        assert tab.count_label.text().startswith(str(len(expected)))
        assert not tab.empty_bar.isVisible()


def test_an_empty_result_says_what_was_searched_and_clears_in_one_click(
    window, qtbot, type_text, db
):
    letter(db, subject="ກ່ຽວກັບກອງປະຊຸມ")
    letter(db, doc_number="2/ພກງ", subject="ແຈ້ງການ")
    tab = tab_of(window)
    settled(qtbot, tab)
    tab.urgency.setCurrentIndex(tab.urgency.findData(2))
    tab.search.setFocus()
    type_text(tab.search, "ກອງປະຊຸມ  ບໍ່ມີ")
    settled(qtbot, tab)
    assert tab.model.rowCount() == 0
    assert tab.empty_bar.isVisible()
    note = tab.empty_note.text()
    assert "“ກອງປະຊຸມ ບໍ່ມີ”" in note and tab.urgency.currentText() in note
    assert tab.clear_button.text() and "{" not in note
    tab.clear_button.click()
    settled(qtbot, tab)
    assert tab.search.text() == "" and tab.urgency.currentIndex() == 0
    assert tab.model.rowCount() == 2 and not tab.empty_bar.isVisible()


def test_the_sender_completes_in_any_spelling_and_a_retyped_letter_is_caught(
    window, qtbot, type_text, db
):
    first = letter(
        db, sender=SENDER, doc_number="໑໒/ຖວທ", doc_date=date.today(), received_at=datetime.now()
    )
    tab = tab_of(window)
    settled(qtbot, tab)
    asked = []

    def retype(dialog):
        dialog.sender.setFocus()
        type_text(dialog.sender, "ຖະແຫລງຂ່າວ")  # ຫລ for ຫຼ
        completer = dialog.sender.completer()
        assert completer.completionCount() == 1
        assert completer.currentCompletion() == SENDER
        replace_text(type_text, dialog.sender, "ພະແນກຖະແຫລງຂ່າວ, ວັດທະນະທໍາ ແລະ ທ່ອງທ່ຽວເເຂວງ")
        type_text(dialog.doc_number, "12 / ຖວທ")
        type_text(dialog.doc_date, format_date(date.today()))
        type_text(dialog.subject, "ລາຍງານ")

        def answer_no():
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                asked.append(box.text())
                box.button(QMessageBox.StandardButton.No).click()
                return True
            return False

        def watch():
            if not answer_no():
                QTimer.singleShot(20, watch)

        watch()
        enter(qtbot, dialog)
        discard(qtbot, dialog)  # the clerk gives up on the retyped letter

    when_dialog(qtbot, IncomingDialog, retype)
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(asked))
    with db.read() as session:
        assert session.query(IncomingDocument).count() == 1
        assert session.get(IncomingDocument, first).seq == 1
    assert "1" in asked[0]


def test_down_from_the_search_box_goes_into_the_results(window, qtbot, type_text, db):
    letter(db, doc_number="1/ກ", subject="ການສະເຫຼີມສະຫຼອງວັນຊາດ")
    letter(db, doc_number="2/ກ", subject="ແຈ້ງການ ກ່ຽວກັບ ວັນຊາດ")
    letter(db, doc_number="3/ກ", subject="ບົດລາຍງານ")
    tab = tab_of(window)
    settled(qtbot, tab)
    tab.search.setFocus()
    type_text(tab.search, "ວັນຊາດ")
    qtbot.waitUntil(lambda: shown(tab) == {"ການສະເຫຼີມສະຫຼອງວັນຊາດ", "ແຈ້ງການ ກ່ຽວກັບ ວັນຊາດ"})
    settled(qtbot, tab)
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)
    qtbot.waitUntil(tab.table.hasFocus)
    assert tab.table.currentIndex().row() == 0
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)  # and on down the list, as in any table
    assert tab.table.currentIndex().row() == 1

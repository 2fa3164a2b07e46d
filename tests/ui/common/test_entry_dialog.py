"""A form asks before Esc throws away what the clerk typed, and only then."""

from helpers.widgets import answer_next
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from oc_desktop.ui.documents.dialogs import IncomingDialog


def _open(qtbot, window, db, actor):
    dialog = IncomingDialog(window, db, actor)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_esc_on_an_untouched_form_closes_it_at_once(qtbot, window, db, actor):
    dialog = _open(qtbot, window, db, actor)
    questions = answer_next(dialog, QMessageBox.StandardButton.Discard)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.wait(100)  # room for a question that must not come
    assert questions == []


def test_esc_after_typing_asks_and_cancel_keeps_what_was_typed(qtbot, window, db, actor, type_text):
    dialog = _open(qtbot, window, db, actor)
    type_text(dialog.sender, "ກົມຈັດຕັ້ງ")
    questions = answer_next(dialog, QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(questions) == 1 and "ຖິ້ມ" in questions[0]  # asked, in Lao
    assert dialog.isVisible() and dialog.sender.text() == "ກົມຈັດຕັ້ງ"

    questions = answer_next(dialog, QMessageBox.StandardButton.Discard)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(questions) == 1 and not dialog.isVisible()
    assert dialog.result() == 0

"""An outgoing letter's recipients: typed with commas, semicolons or pasted one a line,
kept as a list the clerk changes in place, removes from and reorders, each completed
from the directory; Enter on the empty box saves the letter in that order."""

from helpers.widgets import enter, settled, tab_of, when_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from oc_desktop.ui.common.completer import FoldingCompleter
from oc_desktop.ui.documents.dialogs import OutgoingDialog


def listed(dialog) -> list[str]:
    names = dialog.recipients.list
    return [names.item(i).text() for i in range(names.count())]


def test_recipients_are_split_edited_reordered_and_saved_in_order(window, qtbot, type_text):
    tab = tab_of(window)
    tab.outgoing_button.click()
    settled(qtbot, tab)
    seen = {}

    def fill(dialog):
        type_text(dialog.subject, "ແຈ້ງການ ກອງປະຊຸມ")
        box = dialog.recipients.line
        box.setFocus()
        type_text(box, "ພະແນກການເງິນແຂວງ, ຫ້ອງການແຂວງ; ຄະນະຈັດຕັ້ງແຂວງ")
        qtbot.keyClick(box, Qt.Key.Key_Return)
        seen["typed"] = listed(dialog)
        assert dialog.isVisible()  # Enter with a name typed adds it, it does not save
        QApplication.clipboard().setText("ພະແນກສຶກສາ\nພະແນກສາທາລະນະສຸກ\n")
        qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        seen["pasted"] = listed(dialog)
        names = dialog.recipients.list
        names.setFocus()
        names.setCurrentRow(1)
        qtbot.keyClick(names, Qt.Key.Key_Delete)  # ຫ້ອງການແຂວງ goes
        names.setCurrentRow(3)
        qtbot.keyClick(names, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
        names.setCurrentRow(0)
        qtbot.keyClick(names, Qt.Key.Key_F2)
        editor = names.findChild(QLineEdit)
        seen["completes"] = isinstance(editor.completer(), FoldingCompleter)
        editor.selectAll()
        type_text(editor, "ພະແນກການເງິນ ແຂວງວຽງຈັນ")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: names.state() != QAbstractItemView.State.EditingState)
        seen["kept"] = listed(dialog)
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the box is empty: Enter saves

    dialogs = when_dialog(qtbot, OutgoingDialog, fill)
    tab.new_button.click()
    qtbot.waitUntil(lambda: bool(dialogs) and not dialogs[0].isVisible())
    assert seen["typed"] == ["ພະແນກການເງິນແຂວງ", "ຫ້ອງການແຂວງ", "ຄະນະຈັດຕັ້ງແຂວງ"]
    assert seen["pasted"][3:] == ["ພະແນກສຶກສາ", "ພະແນກສາທາລະນະສຸກ"]
    assert seen["completes"]
    assert seen["kept"] == [
        "ພະແນກການເງິນ ແຂວງວຽງຈັນ",
        "ຄະນະຈັດຕັ້ງແຂວງ",
        "ພະແນກສາທາລະນະສຸກ",
        "ພະແນກສຶກສາ",
    ]
    qtbot.waitUntil(lambda: tab.pane.detail is not None)
    assert list(tab.pane.detail.recipients) == seen["kept"]

    def reopened(dialog):
        seen["reopened"] = listed(dialog)
        dialog.reject()

    when_dialog(qtbot, OutgoingDialog, reopened)
    tab.pane.edit_button.click()
    assert seen["reopened"] == seen["kept"]


def test_a_name_left_in_the_box_is_saved_too(window, qtbot, type_text):
    tab = tab_of(window)
    tab.outgoing_button.click()
    settled(qtbot, tab)

    def fill(dialog):
        type_text(dialog.subject, "ບົດລາຍງານ")
        type_text(dialog.recipients.line, "ຫ້ອງການແຂວງ")
        dialog.subject.setFocus()
        enter(qtbot, dialog)

    dialogs = when_dialog(qtbot, OutgoingDialog, fill)
    tab.new_button.click()
    qtbot.waitUntil(lambda: bool(dialogs) and not dialogs[0].isVisible())
    qtbot.waitUntil(lambda: tab.pane.detail is not None)
    assert list(tab.pane.detail.recipients) == ["ຫ້ອງການແຂວງ"]

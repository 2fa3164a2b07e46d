"""A clerk's day with the keyboard alone: every field is reached with Tab from where the
form puts the cursor, every action with its shortcut or mnemonic, in Lao."""

from datetime import date, timedelta

from helpers.widgets import back_on_row, settled, tab_of, when_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from oc_desktop.formatting import format_date
from oc_desktop.ui.documents.dialogs import IncomingDialog, OutgoingDialog
from oc_desktop.ui.documents.pane_forms import RouteDialog, VoidDialog

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def _watched(act, failed):
    """``act``, but a failed check closes the form (else its modal loop would wait)."""

    def run(dialog):
        try:
            act(dialog)
        except AssertionError as error:
            failed.append(error)
            dialog.done(0)

    return run


def test_a_clerk_registers_routes_answers_and_voids_with_the_keyboard_alone(
    window, qtbot, type_text
):
    tab = tab_of(window)
    settled(qtbot, tab)
    failed = []

    def key(code, modifier=Qt.KeyboardModifier.NoModifier):
        """A key pressed where the keyboard is."""
        if QApplication.activeModalWidget() is None and not window.isActiveWindow():
            # as a window manager does when a form closes (offscreen has none)
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(QApplication.focusWidget(), code, modifier)

    def arrived(dialog):
        """The form is open and has the keyboard (the window manager gives it a moment)."""
        qtbot.waitUntil(lambda: QApplication.focusWidget() in dialog.findChildren(QWidget))

    def fields(*texts):
        """Type each text where the cursor is, then Tab on (None: leave it as it is)."""
        for text in texts:
            if text is not None:
                type_text(QApplication.focusWidget(), text)
            key(Qt.Key.Key_Tab)

    def register(dialog):
        arrived(dialog)
        assert QApplication.focusWidget() is dialog.sender
        two_days_ago = format_date(date.today() - timedelta(days=2))
        fields("ຄະນະຈັດຕັ້ງແຂວງ", "45/ຄຈຕ", two_days_ago, None)
        assert QApplication.focusWidget() is dialog.subject
        type_text(dialog.subject, "ກ່ຽວກັບການກະກຽມກອງປະຊຸມ")
        key(Qt.Key.Key_Return)

    registered = when_dialog(qtbot, IncomingDialog, _watched(register, failed))
    key(Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: bool(registered) and not registered[0].isVisible())
    assert not failed, failed
    back_on_row(qtbot, tab, registered[0].result_id)  # the keyboard is on the new row
    qtbot.waitUntil(lambda: tab.pane.detail is not None)

    def route(dialog):
        arrived(dialog)
        assert QApplication.focusWidget() is dialog.section
        key(Qt.Key.Key_Down)  # the first section in the list
        key(Qt.Key.Key_Tab)
        fields("ທ່ານ ບຸນມີ", "ໃຫ້ກະກຽມຄຳຕອບ")
        key(Qt.Key.Key_Return)

    routed = when_dialog(qtbot, RouteDialog, _watched(route, failed))
    key(Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: bool(routed) and not routed[0].isVisible())
    assert not failed, failed
    qtbot.waitUntil(lambda: len(tab.pane.detail.routes) == 1)
    assert tab.pane.detail.routes[0].person == "ທ່ານ ບຸນມີ"

    def answer(dialog):
        arrived(dialog)
        assert QApplication.focusWidget() is dialog.subject
        assert dialog.subject.text().startswith("ກ່ຽວກັບ")
        key(Qt.Key.Key_Return)

    answered = when_dialog(qtbot, OutgoingDialog, _watched(answer, failed))
    key(Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: bool(answered) and not answered[0].isVisible())
    assert not failed, failed
    qtbot.waitUntil(lambda: tab.pane.detail is not None and tab.pane.detail.status == "answered")

    key(Qt.Key.Key_O, ALT)  # to the outgoing register
    settled(qtbot, tab)
    key(Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is tab.search
    key(Qt.Key.Key_Down)  # into the results, on the reply
    qtbot.waitUntil(lambda: tab.pane.detail is not None)

    def void(dialog):
        arrived(dialog)
        assert QApplication.focusWidget() is dialog.reason
        type_text(dialog.reason, "ພິມຜິດ")
        key(Qt.Key.Key_Return)

    voided = when_dialog(qtbot, VoidDialog, _watched(void, failed))
    key(Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: bool(voided) and not voided[0].isVisible())
    assert not failed, failed
    qtbot.waitUntil(lambda: tab.pane.detail.void_reason == "ພິມຜິດ")

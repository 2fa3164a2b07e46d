"""Driving real widgets as a clerk does: modal dialogs, typing over a field, Enter."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication


def when_dialog(qtbot, kind, act):
    """Run ``act(dialog)`` once a modal dialog of ``kind`` is open (exec() blocks)."""
    seen = []

    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            seen.append(dialog)
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def answer_next(dialog, button) -> list[str]:
    """Answer the next question asked over ``dialog`` by clicking ``button``, once; the
    watch ends when the question is answered or ``dialog`` closes. The list gets the
    question's text."""
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def poll():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            box.button(button).click()
        elif dialog.isVisible():
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return asked


def discard(qtbot, dialog):
    """Close a form with typed data as a clerk does: Esc, then Discard when it asks.
    Returns the questions asked (their text)."""
    from PySide6.QtWidgets import QMessageBox

    asked = answer_next(dialog, QMessageBox.StandardButton.Discard)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    return asked


def replace_text(type_text, widget, text):
    widget.clear()
    widget.setFocus()
    type_text(widget, text)


def tab_of(window):
    window.tabs.setCurrentIndex(0)
    return window.tabs.widget(0)


def enter(qtbot, dialog):
    qtbot.keyClick(dialog, Qt.Key.Key_Return)


def settled(qtbot, tab, timeout=10_000):
    """Wait until a register tab's rows and count answer what its widgets ask now (pages
    are read on a worker thread)."""
    qtbot.waitUntil(tab.settled, timeout=timeout)
    return tab


def back_on_row(qtbot, tab, row_id, timeout=10_000):
    """Wait until a register tab has put the clerk back on the row ``row_id``: chosen,
    scrolled into view, and the keyboard on the table."""
    from oc_desktop.ui.common.table_model import ID_ROLE

    table = tab.table

    def there():
        index = table.currentIndex()
        if not index.isValid() or index.data(ID_ROLE) != row_id:
            return False
        shown = table.viewport().rect().intersects(table.visualRect(index))
        return shown and table.window().focusWidget() is table

    qtbot.waitUntil(there, timeout=timeout)

"""The book dialogs offer this month, last month, this quarter and this year: choosing
one by keyboard fills the days, and the book is asked for those days."""

from datetime import date

from helpers.widgets import enter
from PySide6.QtCore import Qt

from oc_desktop.ui.documents.printing import PrintBookDialog
from oc_desktop.ui.seal.printing import SpanDialog


def choose_by_keyboard(qtbot, combo, text):
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} is not offered")


def test_the_register_book_is_asked_for_last_month(app, qtbot):
    dialog = PrintBookDialog(None, "incoming", today=date(2027, 1, 12))
    qtbot.addWidget(dialog)
    dialog.show()
    choose_by_keyboard(qtbot, dialog.days.preset, "ເດືອນແລ້ວນີ້")
    assert (dialog.start.text(), dialog.end.text()) == ("01.12.2026", "31.12.2026")
    enter(qtbot, dialog)
    assert dialog.result() and (dialog.span.start, dialog.span.end) == (
        date(2026, 12, 1),
        date(2026, 12, 31),
    )


def test_the_seal_book_offers_the_quarter_and_dates_stay_editable(app, qtbot, type_text):
    dialog = SpanDialog(None, today=date(2026, 11, 29))
    qtbot.addWidget(dialog)
    dialog.show()
    offered = [dialog.days.preset.itemText(i) for i in range(dialog.days.preset.count())]
    assert offered[1:] == ["ເດືອນນີ້", "ເດືອນແລ້ວນີ້", "ໄຕມາດນີ້", "ປີນີ້"]
    choose_by_keyboard(qtbot, dialog.days.preset, "ໄຕມາດນີ້")
    assert (dialog.start.text(), dialog.end.text()) == ("01.10.2026", "31.12.2026")
    dialog.end.clear()
    type_text(dialog.end, "15.11.2026")
    enter(qtbot, dialog)
    assert dialog.span.end == date(2026, 11, 15)

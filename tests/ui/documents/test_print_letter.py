"""Print letter… in the outgoing detail pane (Alt+T) previews the letter on the office's
official heading; an incoming entry has no such button."""

from datetime import date

from helpers.pdf import sample_profile
from helpers.widgets import settled, tab_of
from PySide6.QtCore import Qt

from oc_desktop.documents.outgoing import register_outgoing
from oc_desktop.security import SYSTEM


def test_the_letter_is_previewed_from_the_outgoing_pane(window, qtbot, db):
    sample_profile(db)
    register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=date(2026, 11, 27),
        kind_id=None,
        subject="ກ່ຽວກັບການກະກຽມກອງປະຊຸມ",
        recipients=["ຫ້ອງການແຂວງ"],
    )
    tab = tab_of(window)
    assert not tab.pane.letter_button.isVisible()
    tab.outgoing_button.click()
    settled(qtbot, tab)
    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.pane.letter_button.isVisible())
    assert tab.pane.letter_button.text() == "ພິມໜັງສື(&T)…"
    qtbot.keyClick(tab.table, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.pane.print_runner is not None, timeout=5_000)
    runner = tab.pane.print_runner
    with qtbot.waitSignal(runner.previewed, timeout=30_000) as shown:
        pass
    preview = shown.args[0]
    assert preview.page_count() == 1
    preview.close_button.click()

"""The detail pane scrolls to what was just added: a route, a copy, a scan, each the
newest of its kind, shown inside the pane's text however long the entry's history."""

from datetime import date, datetime

from helpers.widgets import enter, settled, tab_of, when_dialog

from oc_desktop.documents.attachments import log_copy
from oc_desktop.documents.incoming import register_incoming, route_incoming
from oc_desktop.security import SYSTEM
from oc_desktop.ui.documents.pane_forms import CopyDialog, RouteDialog


def shown_in_pane(pane, words: str) -> bool:
    found = pane.text.document().find(words)
    if found.isNull():
        return False
    top = pane.text.cursorRect(found).top()
    return pane.text.verticalScrollBar().value() > 0 and 0 <= top < pane.text.viewport().height()


def test_a_new_route_a_copy_and_a_scan_are_scrolled_into_view(
    window, qtbot, type_text, db, tmp_path
):
    doc = register_incoming(
        db,
        actor=SYSTEM,
        received_at=datetime(2026, 11, 20, 9, 30),
        sender="ພະແນກການເງິນແຂວງ",
        doc_number="5/ພກງ",
        doc_date=date(2026, 11, 18),
        kind_id=None,
        subject="ລາຍງານ",
    )
    for number in range(12):  # a long history: the newest lines are below the fold
        route_incoming(
            db,
            actor=SYSTEM,
            doc_id=doc,
            section_id=None,
            person=f"ທ່ານ ຜູ້ທີ {number}",
            handed_on=date(2026, 11, 20),
        )
        log_copy(
            db,
            actor=SYSTEM,
            register="incoming",
            doc_id=doc,
            copies=1,
            for_whom=f"ຂະແໜງ {number}",
            authorised_by="ຫົວໜ້າ",
            made_on=date(2026, 11, 21),
        )
    tab = tab_of(window)
    tab.refresh()
    settled(qtbot, tab)
    tab.table.selectRow(0)
    pane = tab.pane
    qtbot.waitUntil(lambda: pane.detail is not None)
    pane.text.verticalScrollBar().setValue(0)

    def route(dialog):
        type_text(dialog.person, "ທ່ານ ຄຳພອນ ໃໝ່")
        enter(qtbot, dialog)

    when_dialog(qtbot, RouteDialog, route)
    pane.route_button.click()
    qtbot.waitUntil(lambda: shown_in_pane(pane, "ທ່ານ ຄຳພອນ ໃໝ່"))

    pane.text.verticalScrollBar().setValue(0)

    def copy(dialog):
        type_text(dialog.for_whom, "ຫ້ອງການ ໃໝ່")
        type_text(dialog.authorised_by, "ຫົວໜ້າ")
        enter(qtbot, dialog)

    when_dialog(qtbot, CopyDialog, copy)
    pane.copy_button.click()
    qtbot.waitUntil(lambda: shown_in_pane(pane, "ຫ້ອງການ ໃໝ່"))

    pane.text.verticalScrollBar().setValue(0)
    scan = tmp_path / "ໃບສະແກນ-ໃໝ່.png"
    from PySide6.QtGui import QImage

    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    assert image.save(str(scan))
    pane.attach(str(scan))
    qtbot.waitUntil(lambda: shown_in_pane(pane, "ໃບສະແກນ-ໃໝ່.png"))

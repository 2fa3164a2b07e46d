"""A clerk's day in the register, through the real widgets."""

from datetime import date, timedelta

from helpers.widgets import discard, enter, replace_text, settled, tab_of, when_dialog
from PySide6.QtCore import Qt

from oc_desktop.documents.query import RegisterQuery, fetch_page
from oc_desktop.formatting import format_date
from oc_desktop.security import SYSTEM
from oc_desktop.ui.documents.dialogs import IncomingDialog, OutgoingDialog
from oc_desktop.ui.documents.pane_forms import RouteDialog, VoidDialog


def test_a_clerk_registers_routes_answers_voids_and_finds_a_document(window, qtbot, type_text, db):
    tab = tab_of(window)
    assert tab.model.rowCount() == 0

    def fill(dialog):
        type_text(dialog.sender, "ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ")
        type_text(dialog.doc_number, "201/ຄອສພ")
        type_text(dialog.doc_date, format_date(date.today() - timedelta(days=2)))
        type_text(dialog.subject, "ກ່ຽວກັບການຈັດກອງປະຊຸມສຳມະນາທິດສະດີ")
        enter(qtbot, dialog)

    seen = when_dialog(qtbot, IncomingDialog, fill)
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, tab)
    assert tab.model.rowCount() == 1
    assert seen and not seen[0].isVisible()
    assert tab.model.index(0, 0).data() == "1"
    assert tab.pane.detail.subject == "ກ່ຽວກັບການຈັດກອງປະຊຸມສຳມະນາທິດສະດີ"

    overdue = format_date(date.today() - timedelta(days=1))

    def route(dialog):
        dialog.section.setCurrentIndex(1)
        type_text(dialog.person, "ທ່ານ ຄຳພອນ")
        type_text(dialog.instruction, "ໃຫ້ກະກຽມຄຳຕອບ")
        replace_text(type_text, dialog.handed_on, format_date(date.today() - timedelta(days=2)))
        type_text(dialog.deadline, overdue)
        enter(qtbot, dialog)

    when_dialog(qtbot, RouteDialog, route)
    tab.pane.route_button.click()
    qtbot.waitUntil(lambda: tab.followup.state.overdue == 1)
    assert "1" in tab.followup.summary.text()
    assert tab.followup.list.item(0, 4).text().startswith("ກ່ຽວກັບ")

    def answer(dialog):
        assert dialog.subject.text().startswith("ກ່ຽວກັບ")
        enter(qtbot, dialog)

    when_dialog(qtbot, OutgoingDialog, answer)
    tab.pane.answer_button.click()
    qtbot.waitUntil(lambda: tab.pane.detail.status == "answered")
    assert tab.followup.state.overdue == 0
    outgoing = fetch_page(
        db, SYSTEM, RegisterQuery(register="outgoing"), after=None, limit=5, today=date.today()
    )
    assert [o.party for o in outgoing] == ["ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ"]

    tab.outgoing_button.click()
    settled(qtbot, tab)
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.pane.detail is not None)

    def void(dialog):
        type_text(dialog.reason, "ພິມຜິດ")
        enter(qtbot, dialog)

    when_dialog(qtbot, VoidDialog, void)
    tab.pane.void_button.click()
    qtbot.waitUntil(lambda: tab.pane.detail.void_reason == "ພິມຜິດ")
    settled(qtbot, tab)
    assert tab.model.rows[0].void_reason == "ພິມຜິດ"

    tab.incoming_button.click()
    tab.search.setFocus()
    type_text(tab.search, "ສຳມະນາທິດ")
    settled(qtbot, tab)
    assert tab.count_label.text().startswith("1") and tab.model.rowCount() == 1
    replace_text(type_text, tab.search, "ບໍ່ມີເລື່ອງນີ້")
    settled(qtbot, tab)
    assert tab.model.rowCount() == 0


def test_bad_input_is_shown_at_the_field_and_nothing_is_saved(window, qtbot, type_text, db):
    tab = tab_of(window)
    messages = {}

    def fill(dialog):
        type_text(dialog.sender, "ກົມຈັດຕັ້ງ")
        type_text(dialog.doc_date, "31.02.2026")
        enter(qtbot, dialog)
        messages["date"] = dialog.rows.error("doc_date")
        dialog.doc_date.clear()
        type_text(dialog.doc_date, "໒.໑.໒໐໒໖")
        enter(qtbot, dialog)
        messages["subject"] = dialog.rows.error("subject")
        messages["number"] = dialog.rows.error("doc_number")
        assert discard(qtbot, dialog)  # typed data: asked, then thrown away

    seen = when_dialog(qtbot, IncomingDialog, fill)
    tab.new_button.click()
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible())
    assert messages["date"] == "ວັນທີນີ້ບໍ່ມີໃນປະຕິທິນ."
    assert messages["subject"] and messages["number"]
    assert tab.model.rowCount() == 0
    assert fetch_page(db, SYSTEM, RegisterQuery(), after=None, limit=5, today=date.today()) == []

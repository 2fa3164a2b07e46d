"""The staff officer's work through the real widgets: a new file from a paper biography
with a photo, a promotion and a transfer, who is due next quarter, and the printouts."""

from datetime import date

import pytest
from helpers.widgets import back_on_row, enter, replace_text, settled, when_dialog
from PySide6.QtCore import QBuffer, QByteArray, Qt
from PySide6.QtGui import QColor, QImage

from oc_desktop.formatting import format_date
from oc_desktop.security import CLERK, STAFF_OFFICER
from oc_desktop.staff import terms
from oc_desktop.staff.careers import add_months, add_years
from oc_desktop.staff.files import read_file
from oc_desktop.ui.staff.history_dialogs import GradeDialog, PositionDialog
from oc_desktop.ui.staff.person_dialog import PersonDialog
from oc_desktop.ui.staff.tab import StaffTab


@pytest.fixture
def officer(make_user):
    return make_user("officer", [STAFF_OFFICER])


@pytest.fixture
def tab(app, qtbot, db, officer):
    widget = StaffTab(db, officer)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return settled(qtbot, widget)


def _png() -> bytes:
    image = QImage(60, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#8899aa"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def test_a_new_file_from_paper_with_a_photo_a_promotion_a_transfer_and_the_due_list(
    tab, qtbot, type_text, db, officer
):
    attempts = []

    def fill(dialog: PersonDialog):
        page = dialog.identity
        type_text(page.given_name, "ສົມພອນ")
        type_text(page.family_name, "ແກ້ວມະນີ")
        page.sex.setCurrentIndex(page.sex.findData("f"))
        type_text(page.birth_date, "14.03.2010")  # after entering service: refused
        type_text(page.service_entry, "01.09.2008")
        type_text(page.id_card, "0101-123456")
        page.set_photo(_png())
        enter(qtbot, dialog)
        attempts.append(page.rows.error("birth_date"))
        replace_text(type_text, page.birth_date, "14.03.1985")
        enter(qtbot, dialog)

    when_dialog(qtbot, PersonDialog, fill)
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, tab)
    assert attempts and attempts[0]  # told at the field, in Lao
    assert tab.model.rowCount() == 1
    person = tab.model.row(0).id
    back_on_row(qtbot, tab, person)
    assert read_file(db, actor=officer, person_id=person).data.photo == _png()

    two_years_ago = add_years(date.today(), -2)
    promoted = add_months(two_years_ago, 1)  # the next step falls due within 3 months

    def history(dialog: PersonDialog):
        def grade(step_dialog: GradeDialog):
            replace_text(type_text, step_dialog.grade, "1")
            replace_text(type_text, step_dialog.step, "3")
            replace_text(type_text, step_dialog.start, format_date(promoted))
            type_text(step_dialog.decision_number, "25/ຄອຮ")
            enter(qtbot, step_dialog)

        def transfer(post: PositionDialog):
            post.position.setCurrentIndex(post.position.findData("deputy_section_head"))
            post.section.setCurrentIndex(2)
            replace_text(type_text, post.start, format_date(add_months(date.today(), -1)))
            enter(qtbot, post)

        when_dialog(qtbot, GradeDialog, grade)
        dialog.add_buttons["grade"].click()
        when_dialog(qtbot, PositionDialog, transfer)
        dialog.add_buttons["position"].click()
        assert dialog.history_tables["grade"].rowCount() == 1
        transfer_word = terms.word(terms.POSITION_CHANGE, "transfer")
        assert dialog.history_tables["position"].item(0, 1).text() == transfer_word
        dialog.reject()

    when_dialog(qtbot, PersonDialog, history)
    tab.open_person(person)
    settled(qtbot, tab)
    row = tab.model.row(0)
    assert (row.grade, row.step, row.position) == (1, 3, "deputy_section_head")
    assert tab.due.steps.count() == 1
    assert "ສົມພອນ" in tab.due.steps.item(0).text()

    replace_text(type_text, tab.search, "ແກ້ວມະ")
    settled(qtbot, tab)
    assert tab.model.rowCount() == 1
    replace_text(type_text, tab.search, "ບໍ່ມີຜູ້ນີ້")
    settled(qtbot, tab)
    assert tab.model.rowCount() == 0


def test_the_biography_prints_to_a_preview(tab, qtbot, db, officer):
    from helpers.staff import new_person

    new_person(db, officer)
    tab.refresh()
    settled(qtbot, tab)
    tab.table.selectRow(0)
    tab.print_biography()
    with qtbot.waitSignal(tab.print_runner.previewed, timeout=20_000) as shown:
        pass
    preview = shown.args[0]
    assert preview.isVisible() and preview.page_count() >= 1
    preview.reject()


def test_a_clerk_never_gets_the_staff_tab(make_window, make_user):
    clerk = make_window(make_user("clerk", [CLERK]))
    titles = [clerk.tabs.tabText(i) for i in range(clerk.tabs.count())]
    assert "ພະນັກງານ" not in titles and "Staff" not in titles


def test_the_rules_dialog_shows_what_is_to_be_confirmed_and_adds_a_dated_version(tab, qtbot, db):
    from PySide6.QtWidgets import QTableWidgetItem

    from oc_desktop.staff.rules import in_force
    from oc_desktop.ui.staff.rules_dialog import RulesDialog

    dialog = RulesDialog(tab, db, tab.actor)
    qtbot.addWidget(dialog)
    index = dialog.tables["staff_index_value"]
    assert index.rowCount() == 3 and index.item(2, 2).text() == "ແມ່ນ"  # 7,350: to confirm
    steps = dialog.tables["staff_step_interval"]
    steps.insertRow(1)
    steps.setItem(1, 0, QTableWidgetItem("01.01.2026"))
    steps.setItem(1, 1, QTableWidgetItem("3"))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    with db.read() as session:
        assert in_force(session, "staff_step_interval", date(2026, 6, 1))["years"] == 3
        assert in_force(session, "staff_step_interval", date(2025, 6, 1))["years"] == 2


def test_the_statistics_are_asked_as_of_a_day_and_previewed(tab, qtbot, db, officer, type_text):
    from helpers.staff import new_person

    from oc_desktop.ui.staff.printing import StatisticsDialog

    new_person(db, officer)

    def ask(dialog: StatisticsDialog):
        replace_text(type_text, dialog.as_of, "31.13.2025")  # no 13th month: told at the field
        enter(qtbot, dialog)
        assert dialog.rows.error("as_of")
        replace_text(type_text, dialog.as_of, format_date(date.today()))
        dialog.paper.setCurrentIndex(dialog.paper.findData("staff-list"))
        enter(qtbot, dialog)

    when_dialog(qtbot, StatisticsDialog, ask)
    qtbot.keyClick(tab.statistics_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.print_runner is not None)
    with qtbot.waitSignal(tab.print_runner.previewed, timeout=20_000) as shown:
        pass
    assert shown.args[0].page_count() >= 1
    assert shown.args[0].windowTitle().endswith("ລາຍຊື່ພະນັກງານ")
    shown.args[0].reject()


def test_a_missing_ethnic_group_is_added_from_the_form(app, qtbot, db, officer, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from oc_desktop.staff.people import ensure_ethnic_groups

    ensure_ethnic_groups(db)
    dialog = PersonDialog(None, db, officer)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("ຍະເຫີນ", True))
    dialog.identity.new_group.click()
    assert dialog.identity.ethnic_group.currentText() == "ຍະເຫີນ"
    dialog.identity.new_group.click()  # the same again: told at the field
    assert dialog.identity.rows.error("ethnic_group")

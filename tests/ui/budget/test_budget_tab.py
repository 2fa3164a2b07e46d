"""An accountant, tried as a new user would: begins the year, plans it, records the
month's expenses, runs and approves the payroll and prints plan against actual, all
through the real widgets."""

from datetime import date

import pytest
from helpers.pdf import page_texts
from helpers.staff import new_person
from helpers.widgets import back_on_row, discard, enter, replace_text, settled, when_dialog
from PySide6.QtCore import Qt

from oc_desktop.budget.journal_query import JournalQuery, count_journal
from oc_desktop.budget.reports import plan_against_actual
from oc_desktop.security import ACCOUNTANT, STAFF_OFFICER
from oc_desktop.staff.history import add_grade
from oc_desktop.ui.budget.dialogs import ApproveDialog, PlanDialog, VoucherDialog
from oc_desktop.ui.budget.tab import BudgetTab


@pytest.fixture
def accountant(make_user):
    return make_user("accountant", [ACCOUNTANT])


@pytest.fixture
def tab(make_window, accountant) -> BudgetTab:
    window = make_window(accountant)
    budget = window.tabs.currentWidget()
    assert isinstance(budget, BudgetTab)
    return budget


def _select(tree, code):
    for top in range(tree.topLevelItemCount()):
        chapter = tree.topLevelItem(top)
        for child in range(chapter.childCount()):
            if chapter.child(child).text(0) == code:
                tree.setCurrentItem(chapter.child(child))
                return chapter.child(child)
    raise AssertionError(code)


def test_a_year_planned_spent_paid_and_printed(tab, qtbot, type_text, db, make_user, accountant):
    officer = make_user("officer", [STAFF_OFFICER])
    person = new_person(db, officer)
    add_grade(
        db, actor=officer, person_id=person, grade=2, step=3, start=date(2020, 1, 1), change="start"
    )
    today = date.today()
    assert tab.message.text() == "ເລີ່ມສົກປີ ເພື່ອວາງແຜນງົບປະມານ."

    tab.new_year_button.click()
    assert tab.current_year() == today.year
    assert tab.plan.tree.topLevelItemCount() > 0

    errors = {}

    def plan(dialog):
        type_text(dialog.amount, "12,5")
        enter(qtbot, dialog)
        errors["amount"] = dialog.rows.error("amount")
        replace_text(type_text, dialog.amount, "12.000.000")
        enter(qtbot, dialog)

    seen = when_dialog(qtbot, PlanDialog, plan)
    _select(tab.plan.tree, "62.4")
    tab.plan.tree.setFocus()
    qtbot.keyClick(tab.plan.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible())
    assert errors["amount"] == "ກະລຸນາໃສ່ຈຳນວນເຕັມ, ບໍ່ມີຈຸດທົດສະນິຍົມ."
    assert _select(tab.plan.tree, "62.4").text(3) == "12.000.000"

    tab.views.setCurrentWidget(tab.journal)
    settled(qtbot, tab.journal)

    def spend(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("expenditure"))
        dialog.line.setCurrentIndex(dialog.line.findText("62.4", Qt.MatchFlag.MatchStartsWith))
        type_text(dialog.description, "ນ້ຳມັນລົດ")
        type_text(dialog.amount, "2741034")
        errors["words"] = dialog.amount.words.text()
        type_text(dialog.party, "ປ້ຳນ້ຳມັນ")
        enter(qtbot, dialog)

    when_dialog(qtbot, VoucherDialog, spend)
    tab.window().activateWindow()  # the plan's dialog has just closed
    qtbot.waitUntil(tab.window().isActiveWindow)
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.journal.model.rowCount() == 1, timeout=10_000)
    settled(qtbot, tab.journal)
    assert tab.journal.model.index(0, 0).data() == f"ລຈ 1/{today.year}"
    back_on_row(qtbot, tab.journal, tab.journal.model.row(0).id)
    assert tab.journal.model.index(0, 6).data() == "2.741.034"
    assert errors["words"] == "ສອງລ້ານເຈັດແສນສີ່ສິບເອັດພັນສາມສິບສີ່ກີບຖ້ວນ"

    tab.views.setCurrentWidget(tab.payroll)
    tab.payroll.compute_button.click()
    assert tab.payroll.sheet is not None and len(tab.payroll.sheet.lines) == 1
    when_dialog(qtbot, ApproveDialog, lambda dialog: enter(qtbot, dialog))
    tab.payroll.approve_button.click()
    qtbot.waitUntil(lambda: tab.payroll.sheet.status == "posted")
    assert not tab.payroll.compute_button.isEnabled()
    cost = tab.payroll.sheet.totals.cost
    query = JournalQuery(year=today.year)
    assert count_journal(db, actor=accountant, query=query) == 2

    tab.views.setCurrentWidget(tab.report)
    qtbot.waitUntil(tab.report.settled)
    rows = {r.line.code: r for r in tab.report.model.rows}
    assert rows["62.4"].actual == 2_741_034 and rows["60.1"].actual == cost
    report = plan_against_actual(db, actor=accountant, year=today.year)
    assert report.total("expenditure").actual == 2_741_034 + cost
    tab.window().activateWindow()
    qtbot.waitUntil(tab.window().isActiveWindow)
    qtbot.keyClick(tab, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    runner = tab.report.print_runner
    with qtbot.waitSignal(runner.previewed, timeout=20_000) as shown:
        pass
    preview = shown.args[0]
    qtbot.addWidget(preview)
    text = "".join(page_texts(preview.pdf))
    assert "ບົດສັງລວມລາຍຮັບ-ລາຍຈ່າຍ ທຽບກັບແຜນ" in text
    assert "2.741.034" in text
    preview.close_button.click()


def test_a_voucher_in_bad_shape_is_refused_at_its_fields(tab, qtbot, type_text, db, accountant):
    tab.new_year_button.click()
    tab.views.setCurrentWidget(tab.journal)
    messages = {}

    def fill(dialog):
        type_text(dialog.amount, "-5")
        replace_text(type_text, dialog.entry_date, "31.02.2026")
        enter(qtbot, dialog)
        messages["date"] = dialog.rows.error("entry_date")
        replace_text(type_text, dialog.entry_date, date.today().strftime("%d.%m.%Y"))
        enter(qtbot, dialog)
        messages["amount"] = dialog.rows.error("amount")
        messages["description"] = dialog.rows.error("description")
        assert discard(qtbot, dialog)  # typed data: asked, then thrown away

    seen = when_dialog(qtbot, VoucherDialog, fill)
    tab.journal.new_button.click()
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible())
    assert messages["date"] == "ວັນທີນີ້ບໍ່ມີໃນປະຕິທິນ."
    assert messages["amount"] == "ປ້ອນຈຳນວນເງິນທີ່ຫຼາຍກວ່າສູນ."
    assert messages["description"]
    assert count_journal(db, actor=accountant, query=JournalQuery(year=date.today().year)) == 0


def test_the_report_shows_one_month_alone(tab, qtbot, db, accountant):
    from oc_desktop.budget.journal import record_entry
    from oc_desktop.budget.lines import chart

    tab.new_year_button.click()
    year = tab.current_year()
    items = {r.code: r.id for r in chart(db, actor=accountant, year=year)}
    for month, amount in ((1, 1_000), (2, 20_000), (3, 300_000)):
        record_entry(
            db,
            actor=accountant,
            kind="expenditure",
            entry_date=date(year, month, 5),
            line_id=items["62.1"],
            description="ເຈ້ຍ",
            amount=amount,
        )
    tab.views.setCurrentWidget(tab.report)
    tab.report.period.setCurrentIndex(tab.report.period.findData("2-2"))
    qtbot.waitUntil(tab.report.settled)
    assert {r.line.code: r.actual for r in tab.report.model.rows}["62.1"] == 20_000
    tab.report.period.setCurrentIndex(tab.report.period.findData("1-3"))
    qtbot.waitUntil(tab.report.settled)
    assert {r.line.code: r.actual for r in tab.report.model.rows}["62.1"] == 321_000

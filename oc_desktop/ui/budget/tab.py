"""The Budget tab: a fiscal year chosen at the top, and four views of it: the plan (the
chart's tree), the journal, payroll, and plan against actual."""

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout

from oc_desktop.budget import AREA_KEY
from oc_desktop.budget.lines import start_year, years
from oc_desktop.i18n import _
from oc_desktop.ui.budget.journal_view import JournalView
from oc_desktop.ui.budget.payroll_view import PayrollView
from oc_desktop.ui.budget.plan_view import PlanView
from oc_desktop.ui.budget.report_view import ReportView
from oc_desktop.ui.common.base_tab import BaseTab
from oc_desktop.validation import ValidationError


class BudgetTab(BaseTab):
    def __init__(self, db, actor, data_dir, parent=None, *, settings=None) -> None:
        super().__init__(db, actor, parent)
        self.data_dir = data_dir
        self.year = QComboBox()
        self.year_label = QLabel()
        self.year_label.setBuddy(self.year)
        self.year.currentIndexChanged.connect(lambda _i: self._year_chosen())
        self.new_year_button = QPushButton()
        self.new_year_button.clicked.connect(self.begin_year)
        self.new_year_button.setVisible(actor.may_write(AREA_KEY))
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.plan = PlanView(db, actor)
        self.journal = JournalView(db, actor, data_dir, settings=settings)
        self.payroll = PayrollView(db, actor)
        self.report = ReportView(db, actor)
        self.views = QTabWidget()
        for view in (self.plan, self.journal, self.payroll, self.report):
            self.views.addTab(view, "")
        for view in (self.plan, self.payroll):
            view.changed.connect(self._changed)
        self.journal.data_changed.connect(self._changed)
        self.journal.status_message.connect(self.status_message)
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addWidget(self.new_year_button)
        top.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.views, 1)
        QShortcut(QKeySequence.StandardKey.New, self, self._new)
        QShortcut(QKeySequence.StandardKey.Find, self, self._find)
        QShortcut(QKeySequence.StandardKey.Print, self, self._print)
        self._fill_years()
        self.retranslate()

    def title(self) -> str:
        return _("Budget")

    def retranslate(self) -> None:
        self.year_label.setText(_("Fiscal &year"))
        self.new_year_button.setText(_("&Begin a year…"))
        for index, text in enumerate(
            (_("Plan"), _("Journal"), _("Payroll"), _("Plan against actual"))
        ):
            self.views.setTabText(index, text)
        self._show_message()
        self.journal.retranslate()
        self.plan.retranslate()
        self.payroll.retranslate()
        self.report.retranslate()

    def _fill_years(self, chosen: int | None = None) -> None:
        known = years(self.db, actor=self.actor)
        today = date.today().year
        chosen = chosen or (today if today in known else (known[-1] if known else None))
        self.year.blockSignals(True)
        self.year.clear()
        for year in known:
            self.year.addItem(str(year), year)
        if chosen is not None:
            self.year.setCurrentIndex(max(0, self.year.findData(chosen)))
        self.year.blockSignals(False)
        self._year_chosen()

    def current_year(self) -> int | None:
        return self.year.currentData()

    def _year_chosen(self) -> None:
        year = self.current_year()
        self._show_message()
        self.plan.show_year(year)
        self.report.show_year(year)
        if year is not None:
            self.journal.show_year(year)
            self.payroll.show_year(year)

    def _show_message(self) -> None:
        none = self.current_year() is None
        self.message.setText(_("Begin a year to plan its budget.") if none else "")

    def refresh(self) -> None:
        self._fill_years(self.current_year())

    def _changed(self) -> None:
        self.report.show_report()
        self.data_changed.emit()

    def begin_year(self) -> None:
        """The next year after the last one, its chart copied (or the default list)."""
        if not self.actor.may_write(AREA_KEY):
            return
        known = years(self.db, actor=self.actor)
        year = known[-1] + 1 if known else date.today().year
        try:
            start_year(self.db, actor=self.actor, year=year)
        except ValidationError as error:
            self.message.setText(next(iter(error.errors.values())))
            return
        self._fill_years(year)
        self.views.setCurrentWidget(self.plan)
        self.status_message.emit(_("The year {year} is ready to plan.").format(year=year))
        self.data_changed.emit()

    def _new(self) -> None:
        view = self.views.currentWidget()
        if view is self.journal:
            self.journal.new_voucher()
        elif view is self.plan:
            self.plan.add_item()
        elif view is self.payroll:
            self.payroll.compute()

    def _find(self) -> None:
        self.views.setCurrentWidget(self.journal)
        self.journal.search.setFocus()

    def _print(self) -> None:
        view = self.views.currentWidget()
        if view is self.payroll:
            self.payroll.print_sheet()
        elif view is self.report:
            self.report.print_report()
        else:
            self.journal.print_journal()

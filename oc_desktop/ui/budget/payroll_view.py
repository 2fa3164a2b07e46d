"""The month's salary sheet: computed from staff records, approved and posted as one
voucher, reversed when wrong, printed."""

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.budget import AREA_KEY
from oc_desktop.budget.payroll import (
    Sheet,
    draft_payroll,
    payroll_sheet,
    rates_to_confirm,
    sheets_of,
)
from oc_desktop.budget.printouts import print_payroll
from oc_desktop.formatting import format_int, format_kip
from oc_desktop.i18n import N_, _
from oc_desktop.ui.budget.amounts import AmountsModel
from oc_desktop.ui.budget.dialogs import MONTHS, ApproveDialog, ReverseDialog
from oc_desktop.ui.common.table_model import Column
from oc_desktop.ui.printing.job import start_print
from oc_desktop.validation import ValidationError

STATUS = {"draft": N_("Computed, not posted"), "posted": N_("Posted"), "reversed": N_("Reversed")}
KIP = "00.000.000"


def payroll_columns() -> list[Column]:
    return [
        Column(N_("Name"), lambda r: r.name, sample="ນາງ ມະນີວອນ ແກ້ວວົງສາ"),
        Column(
            N_("Grade/step"),
            lambda r: f"{r.grade}/{r.step}" if r.grade is not None else "—",
            sample="0/00",
        ),
        Column(N_("Index"), lambda r: format_int(r.salary_index), sample="000"),
        Column(N_("Salary"), lambda r: format_kip(r.base), sample=KIP),
        Column(N_("Position allowance"), lambda r: format_kip(r.position_allowance), sample=KIP),
        Column(N_("Living allowance"), lambda r: format_kip(r.living_allowance), sample=KIP),
        Column(N_("Other allowances"), lambda r: format_kip(r.other_allowances), sample=KIP),
        Column(N_("Employee's social security"), lambda r: format_kip(r.employee_share)),
        Column(N_("Net pay"), lambda r: format_kip(r.net), sample=KIP),
        Column(N_("State's social security"), lambda r: format_kip(r.state_share)),
    ]


class PayrollView(QWidget):
    changed = Signal()

    def __init__(self, db, actor, parent=None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.year = db, actor, date.today().year
        self.sheet: Sheet | None = None
        self.month = QComboBox()
        self.month_label = QLabel()
        self.month_label.setBuddy(self.month)
        self.month.currentIndexChanged.connect(lambda _i: self.show_sheet())
        self.compute_button, self.approve_button = QPushButton(), QPushButton()
        self.reverse_button, self.print_button = QPushButton(), QPushButton()
        self.compute_button.clicked.connect(self.compute)
        self.approve_button.clicked.connect(self.approve)
        self.reverse_button.clicked.connect(self.reverse)
        self.print_button.clicked.connect(self.print_sheet)
        self.print_runner = None
        self.model = AmountsModel(payroll_columns(), first_amount=2)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status, self.error, self.confirm = QLabel(), QLabel(), QLabel()
        self.confirm.setStyleSheet("color: #8a5a00;")
        self.confirm.setWordWrap(True)
        self.status.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setObjectName("error_month")
        top = QHBoxLayout()
        top.addWidget(self.month_label)
        top.addWidget(self.month)
        for button in (self.compute_button, self.approve_button, self.reverse_button):
            button.setVisible(actor.may_write(AREA_KEY))
            top.addWidget(button)
        top.addWidget(self.print_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.confirm)
        today = date.today()
        self._fill_months(today.month)

    def _fill_months(self, selected: int) -> None:
        self.month.blockSignals(True)
        self.month.clear()
        for number, message in enumerate(MONTHS, 1):
            self.month.addItem(f"{number:02d} {_(message)}", number)
        self.month.setCurrentIndex(selected - 1)
        self.month.blockSignals(False)

    def retranslate(self) -> None:
        self.month_label.setText(_("&Month"))
        self.compute_button.setText(_("&Compute the sheet"))
        self.approve_button.setText(_("&Approve and post…"))
        self.reverse_button.setText(_("&Reverse…"))
        self.print_button.setText(_("&Print the sheet… (Ctrl+P)"))
        self._fill_months(self.month.currentData() or date.today().month)
        self.model.retranslate()
        self.show_sheet()

    def show_year(self, year: int) -> None:
        self.year = year
        self.show_sheet()

    def show_sheet(self) -> None:
        month = self.month.currentData()
        found = [
            s for s in sheets_of(self.db, actor=self.actor, year=self.year) if s.month == month
        ]
        live = [s for s in found if s.status != "reversed"]
        self.sheet = (live or found or [None])[-1]
        self.model.set_rows(self.sheet.lines if self.sheet else [])
        self.table.resizeColumnsToContents()
        self.error.clear()
        self._show_status()

    def _show_status(self) -> None:
        sheet = self.sheet
        month = self.month.currentData() or 1
        unsure = rates_to_confirm(self.db, year=self.year, month=month)
        self.confirm.setText(
            _("To confirm with the finance department: {rules}.").format(rules=", ".join(unsure))
            if unsure
            else ""
        )
        writer = self.actor.may_write(AREA_KEY)
        self.approve_button.setEnabled(writer and sheet is not None and sheet.status == "draft")
        self.reverse_button.setEnabled(writer and sheet is not None and sheet.status == "posted")
        self.compute_button.setEnabled(writer and (sheet is None or sheet.status != "posted"))
        self.print_button.setEnabled(sheet is not None)
        if sheet is None:
            self.status.setText(_("No sheet for this month yet."))
            return
        t = sheet.totals
        text = _(
            "{status}. {people} people; gross pay {gross}, employee's social security {employee},"
            " net pay {net}; state's social security {state}; cost to the budget {cost} kip."
        ).format(
            status=_(STATUS[sheet.status]),
            people=format_int(len(sheet.lines)),
            gross=format_kip(t.gross),
            employee=format_kip(t.employee_share),
            net=format_kip(t.net),
            state=format_kip(t.state_share),
            cost=format_kip(t.cost),
        )
        if sheet.voucher:
            text += " " + _("Voucher {number}.").format(number=sheet.voucher)
        self.status.setText(text)

    def _changed(self) -> None:
        self.show_sheet()
        self.changed.emit()

    def compute(self) -> None:
        try:
            draft_payroll(self.db, actor=self.actor, year=self.year, month=self.month.currentData())
        except ValidationError as error:
            self.error.setText(next(iter(error.errors.values())))
            return
        self._changed()

    def approve(self) -> None:
        if self.sheet is None or self.sheet.status != "draft":
            return
        payday = min(date(self.year, self.sheet.month, 25), date(self.year, 12, 31))
        dialog = ApproveDialog(self, self.db, self.actor, sheet_id=self.sheet.id, payday=payday)
        if dialog.exec():
            self._changed()

    def reverse(self) -> None:
        if self.sheet is None or self.sheet.status != "posted":
            return
        dialog = ReverseDialog(
            self, self.db, self.actor, number=self.sheet.voucher, sheet_id=self.sheet.id
        )
        if dialog.exec():
            self._changed()

    def print_sheet(self) -> None:
        if self.sheet is None:
            return
        sheet_id = payroll_sheet(self.db, actor=self.actor, sheet_id=self.sheet.id).id
        title = _("Salary sheet")
        self.print_runner = start_print(
            self,
            title=title,
            suggested_name=f"{title} {self.year}-{self.sheet.month:02d}.pdf",
            build=lambda out, _p, _c: print_payroll(
                self.db, out, actor=self.actor, sheet_id=sheet_id
            ),
        )

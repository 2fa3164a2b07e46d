"""Plan against actual for the first 1, 3, 6, 9 or 12 months, or one month: a table with
lines near or over their plan highlighted, a chart of the chapters, the cash position,
and printing."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.budget.printouts import print_plan_vs_actual
from oc_desktop.budget.reports import PERIODS, Report, plan_against_actual, share_text
from oc_desktop.formatting import format_int, format_kip
from oc_desktop.i18n import N_, _
from oc_desktop.ui.budget.amounts import AmountsModel
from oc_desktop.ui.budget.dialogs import MONTHS
from oc_desktop.ui.common.jobs import Job
from oc_desktop.ui.common.table_model import Column
from oc_desktop.ui.printing.job import start_print

NEAR, OVER = QColor("#fff3c4"), QColor("#ffd6d6")
PLAN_BAR, ACTUAL_BAR, OVER_BAR = QColor("#b8c4d6"), QColor("#2f6db5"), QColor("#c0392b")


def report_columns() -> list[Column]:
    return [
        Column(N_("Code"), lambda r: r.line.code, sample="00.0"),
        Column(N_("Line"), lambda r: r.line.name, sample="ເງິນເດືອນ ແລະ ເງິນອຸດໜູນ"),
        Column(N_("Plan (kip)"), lambda r: format_kip(r.planned), sample="0.000.000.000"),
        Column(N_("Actual (kip)"), lambda r: format_kip(r.actual), sample="0.000.000.000"),
        Column(N_("Difference"), lambda r: format_kip(r.difference), sample="0.000.000.000"),
        Column(N_("Used"), lambda r: share_text(r.per_mille), sample="000,0%"),
    ]


class Chart(QWidget):
    """Plan and actual of each expenditure chapter as paired bars."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows = []
        self.setMinimumWidth(260)

    def show_report(self, report: Report | None) -> None:
        self.rows = (
            [r for r in report.rows if r.line.parent_id is None and r.line.kind == "expenditure"]
            if report
            else []
        )
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        if not self.rows:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top_value = max(max(r.planned, r.actual) for r in self.rows) or 1
        band = (self.height() - 10) / len(self.rows)
        label_width = 60.0
        width = self.width() - label_width - 10
        for n, row in enumerate(self.rows):
            y = 5 + n * band
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_width - 4, band),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                row.line.code,
            )
            bar = max(4.0, band / 3)
            over = row.actual > row.planned
            actual_colour = OVER_BAR if over else ACTUAL_BAR
            for k, (value, colour) in enumerate(
                ((row.planned, PLAN_BAR), (row.actual, actual_colour))
            ):
                length = width * value / top_value
                painter.fillRect(
                    QRectF(label_width, y + band / 2 - bar + k * bar, length, bar - 1),
                    QBrush(colour),
                )
        painter.end()


class ReportView(QWidget):
    def __init__(self, db, actor, parent=None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.year = db, actor, None
        self.report: Report | None = None
        self._asked = self._shown = 0
        self._job: Job | None = None
        self.period = QComboBox()
        self.period_label = QLabel()
        self.period_label.setBuddy(self.period)
        self.period.currentIndexChanged.connect(lambda _i: self.show_report())
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_report)
        self.print_runner = None
        self.model = AmountsModel(report_columns(), first_amount=2, style=self._style)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.chart = Chart()
        self.summary, self.legend = QLabel(), QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.period_label)
        top.addWidget(self.period)
        top.addWidget(self.print_button)
        top.addStretch(1)
        top.addWidget(self.legend)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)

    def _style(self, row, role):
        if role == Qt.ItemDataRole.FontRole and row.line.parent_id is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and self.report is not None:
            warning = self.report.warning(row)
            return {"near": NEAR, "over": OVER}.get(warning)
        return None

    def retranslate(self) -> None:
        self.period_label.setText(_("&Period"))
        self.print_button.setText(_("Prin&t… (Ctrl+P)"))
        self.legend.setText(_("Yellow: near the plan. Red: over the plan."))
        current = self.period.currentData() or "1-12"
        self.period.blockSignals(True)
        self.period.clear()
        for months in PERIODS:
            self.period.addItem(
                _("First {months} months").format(months=format_int(months)), f"1-{months}"
            )
        for number, month in enumerate(MONTHS, 1):
            self.period.addItem(
                _("Month {number}: {name}").format(number=f"{number:02d}", name=_(month)),
                f"{number}-{number}",
            )
        self.period.setCurrentIndex(max(0, self.period.findData(current)))
        self.period.blockSignals(False)
        self.model.retranslate()
        self.show_report()

    def show_year(self, year: int | None) -> None:
        self.year = year
        self.show_report()

    def show_report(self) -> None:
        """Read the report on a worker (a year of vouchers is summed); the newest
        question's answer is shown, older ones are dropped."""
        if self.year is None:
            return
        self._asked += 1
        asked, year = self._asked, self.year
        first, last = self.months()
        self._job = Job(
            lambda _progress: (
                asked,
                plan_against_actual(
                    self.db, actor=self.actor, year=year, first_month=first, last_month=last
                ),
            ),
            name="budget-report",
        )
        self._job.succeeded.connect(self._report_ready)
        self._job.failed.connect(self.summary.setText)
        self._job.start()

    def months(self) -> tuple[int, int]:
        """The first and last month of the fiscal year the period chosen covers."""
        first, _dash, last = (self.period.currentData() or "1-12").partition("-")
        return int(first), int(last)

    def settled(self) -> bool:
        """Whether the report on screen answers the latest question."""
        return self._shown == self._asked

    def _report_ready(self, answer) -> None:
        asked, report = answer
        if asked != self._asked:
            return
        self.report, self._shown = report, asked
        self.model.set_rows(report.rows)
        self.table.resizeColumnsToContents()
        self.chart.show_report(report)
        revenue, spent = report.total("revenue"), report.total("expenditure")
        self.summary.setText(
            _(
                "Revenue {revenue} of {revenue_plan} planned; expenditure {spent} of"
                " {spent_plan} planned ({share}); cash position {cash} kip."
            ).format(
                revenue=format_kip(revenue.actual),
                revenue_plan=format_kip(revenue.planned),
                spent=format_kip(spent.actual),
                spent_plan=format_kip(spent.planned),
                share=share_text(spent.per_mille),
                cash=format_kip(report.cash),
            )
        )

    def print_report(self) -> None:
        if self.year is None:
            return
        year = self.year
        first, last = self.months()
        title = _("Summary of revenue and expenditure against the plan")
        self.print_runner = start_print(
            self,
            title=title,
            suggested_name=f"{title} {year}-{first:02d}-{last:02d}.pdf",
            build=lambda out, _p, _c: print_plan_vs_actual(
                self.db, out, actor=self.actor, year=year, first_month=first, last_month=last
            ),
        )

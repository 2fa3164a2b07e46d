"""The lists of who is due for a step, retirement or an evaluation, shown beside the list."""

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.formatting import digits, format_date, format_int
from oc_desktop.i18n import _
from oc_desktop.staff.due import HORIZONS, Due, DueLists


class DuePanel(QWidget):
    """Three lists; a double click (or Enter) opens the person's file."""

    chosen = Signal(int)
    horizon_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizon = QComboBox()
        self.horizon.setObjectName("due_horizon")
        self.horizon_label = QLabel()
        self.horizon_label.setBuddy(self.horizon)
        self.horizon.currentIndexChanged.connect(
            lambda _i: self.horizon_changed.emit(self.horizon.currentData())
        )
        self.tabs = QTabWidget()
        self.steps, self.retirements, self.evaluations = QListWidget(), QListWidget(), QListWidget()
        for name, widget in (
            ("steps_due", self.steps),
            ("retirements_due", self.retirements),
            ("evaluations_due", self.evaluations),
        ):
            widget.setObjectName(name)
            widget.itemActivated.connect(self._activated)
            self.tabs.addTab(widget, "")
        row = QHBoxLayout()
        row.addWidget(self.horizon_label)
        row.addWidget(self.horizon, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        self.lists: DueLists | None = None

    def months(self) -> int:
        return self.horizon.currentData() or HORIZONS[0]

    def retranslate(self) -> None:
        self.horizon_label.setText(_("&Due within"))
        current = self.horizon.currentData() or HORIZONS[0]
        self.horizon.blockSignals(True)
        self.horizon.clear()
        for months in HORIZONS:
            self.horizon.addItem(_("{months} months").format(months=digits(str(months))), months)
        self.horizon.setCurrentIndex(max(0, self.horizon.findData(current)))
        self.horizon.blockSignals(False)
        if self.lists is not None:
            self.show_lists(self.lists)
        else:
            self._titles()

    def _titles(self) -> None:
        counts = (
            [len(x) for x in (self.lists.steps, self.lists.retirements, self.lists.evaluations)]
            if self.lists
            else [0, 0, 0]
        )
        for index, (title, count) in enumerate(
            zip((_("Step due"), _("Retirement"), _("Evaluation")), counts, strict=True)
        ):
            self.tabs.setTabText(index, f"{title} ({format_int(count)})")

    def show_lists(self, lists: DueLists) -> None:
        self.lists = lists
        today = date.today()
        for widget, rows, kind in (
            (self.steps, lists.steps, "step"),
            (self.retirements, lists.retirements, "retire"),
            (self.evaluations, lists.evaluations, "evaluate"),
        ):
            widget.clear()
            for due in rows:
                item = QListWidgetItem(self._line(due, kind))
                item.setData(Qt.ItemDataRole.UserRole, due.person_id)
                if due.due_on is None or due.due_on < today:
                    item.setForeground(Qt.GlobalColor.darkRed)
                widget.addItem(item)
        self._titles()

    @staticmethod
    def _line(due: Due, kind: str) -> str:
        when = format_date(due.due_on) if due.due_on else _("never evaluated")
        if kind == "step":
            return _("{when}: {name}, grade {grade} step {step} → {next}").format(
                when=when,
                name=due.name,
                grade=format_int(due.grade),
                step=format_int(due.step),
                next=format_int(due.step + 1),
            )
        return f"{when}: {due.name}"

    def _activated(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

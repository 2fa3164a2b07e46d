"""Follow-up: overdue and soon-due incoming documents, counted and listed on opening."""

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.documents import terms
from oc_desktop.documents.followup import FollowUp, follow_up
from oc_desktop.formatting import format_date, format_int
from oc_desktop.i18n import N_, _
from oc_desktop.ui.common.table_model import HIDDEN

COLUMNS = (N_("No."), N_("Deadline"), N_("Days left"), N_("Sender"), N_("Subject"), N_("Status"))


class FollowUpPanel(QWidget):
    chosen = Signal(int)
    overdue_wanted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.summary = QLabel()
        self.summary.setObjectName("followup_summary")
        self.toggle_button, self.overdue_button = QPushButton(), QPushButton()
        self.toggle_button.setCheckable(True)
        self.toggle_button.toggled.connect(lambda on: self.list.setVisible(on))
        self.overdue_button.clicked.connect(self.overdue_wanted)
        self.list = QTableWidget(0, len(COLUMNS))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.verticalHeader().hide()
        self.list.setMaximumHeight(120)  # the register keeps most of a 768-pixel screen
        header = self.list.horizontalHeader()
        for column in range(len(COLUMNS)):  # sender and subject share what is left
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column in (3, 4)
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        self.list.cellActivated.connect(self._activated)
        self.list.cellClicked.connect(self._activated)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.toggle_button)
        bar.addWidget(self.overdue_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.list)
        self.state = FollowUp(0, 0, [])
        self.days = 0
        self._first = True

    def retranslate(self) -> None:
        self.toggle_button.setText(_("Follow-up list"))
        self.overdue_button.setText(_("Show overdue in the register"))
        self.list.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self._fill()

    def show_follow_up(self, db, actor, days: int) -> None:
        self.days = days
        self.state = follow_up(db, actor=actor, today=date.today(), within_days=days)
        self._fill()
        if self._first:  # open at first when something is overdue; then as the clerk left it
            self._first = False
            self.toggle_button.setChecked(bool(self.state.overdue))
        self.list.setVisible(self.toggle_button.isChecked())

    def _fill(self) -> None:
        state = self.state
        self.summary.setText(
            _("Overdue: {overdue} · due within {days} days: {soon}").format(
                overdue=format_int(state.overdue),
                days=format_int(self.days),
                soon=format_int(state.due_soon),
            )
        )
        style = "color: #b00020; font-weight: bold;" if state.overdue else ""
        self.summary.setStyleSheet(style)
        self.list.setRowCount(len(state.rows))
        for index, row in enumerate(state.rows):
            values = (
                format_int(int(row.number)),
                format_date(row.due_date),
                format_int(row.days_left),
                row.sender if row.sender is not None else HIDDEN,
                row.subject if row.subject is not None else HIDDEN,
                terms.status(row.status),
            )
            for column, value in enumerate(values):
                self.list.setItem(index, column, QTableWidgetItem(value))

    def _activated(self, row: int, _column: int) -> None:
        self.chosen.emit(self.state.rows[row].id)

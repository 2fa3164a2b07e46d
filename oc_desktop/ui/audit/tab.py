"""The audit trail (administrator and head): who did what, when, old and new values.

Filtered by person, area and period, and paged in SQL by keyset as the clerk scrolls
(``oc_desktop.audit.log``), read on worker threads like every register. "Check the
chain" recomputes every row's hash and names the first row changed outside the program.
Print walks the rows the filter shows (``make_query()``), oldest first.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from oc_desktop.audit import verify_chain
from oc_desktop.audit.log import AuditQuery, count_entries, fetch_entries, people
from oc_desktop.audit.printout import print_audit_log
from oc_desktop.audit.text import (
    ACTION_LABELS,
    area_label,
    area_labels,
    changes,
    entity_label,
    label,
    record_label,
)
from oc_desktop.audit.text import summary as change_summary
from oc_desktop.formatting import InputError, format_datetime, format_int, parse_date
from oc_desktop.i18n import N_, _
from oc_desktop.registers.paging import COUNT_CAP
from oc_desktop.security import SYSTEM
from oc_desktop.ui.common.forms import ERROR_STYLE, FormRows
from oc_desktop.ui.common.jobs import Job
from oc_desktop.ui.common.register_tab import RegisterTab
from oc_desktop.ui.common.table_model import Column
from oc_desktop.ui.printing.job import start_print

OK_STYLE = "color: #1b5e20;"


class AuditTab(RegisterTab):
    area_key = "audit"
    export_entity = "audit_log"
    #: the chain was checked: the first entry that no longer matches, or None
    verified = Signal(object)

    def __init__(self, db, actor, parent=None) -> None:
        self.names: dict[str, str] = {}
        super().__init__(db, actor, parent)
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self._show_first = False
        self.person, self.area = QComboBox(), QComboBox()
        self.start, self.end = QLineEdit(), QLineEdit()
        for edit in (self.start, self.end):
            edit.returnPressed.connect(self.reload)
        self.show_button, self.clear_button = QPushButton(), QPushButton()
        self.show_button.clicked.connect(self.reload)
        self.person.currentIndexChanged.connect(self.reload)
        self.area.currentIndexChanged.connect(self.reload)
        self.clear_button.clicked.connect(self.clear_filters)
        who, when = QFormLayout(), QFormLayout()
        self.rows = FormRows(who)
        self.rows.add("person", N_("Person"), self.person)
        self.rows.add("area", N_("Area"), self.area)
        self.period_rows = FormRows(when)
        self.period_rows.add("start", N_("From date"), self.start)
        self.period_rows.add("end", N_("To date"), self.end)
        filter_buttons = QVBoxLayout()
        filter_buttons.addWidget(self.show_button)
        filter_buttons.addWidget(self.clear_button)
        filter_buttons.addStretch(1)
        filters = QHBoxLayout()
        filters.addLayout(who, 3)
        filters.addLayout(when, 2)
        filters.addLayout(filter_buttons)

        self.table.setSortingEnabled(False)  # newest first, always
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_detail(current.row())
        )
        self.rows_shown.connect(self._rows_shown)
        self.detail = QTableWidget(0, 3)
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.verticalHeader().hide()
        self.detail.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.detail.setWordWrap(True)

        self.verify_button, self.verify_label = QPushButton(), QLabel()
        self.verify_label.setWordWrap(True)
        self.verify_button.clicked.connect(self.verify)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_log)
        self.print_runner = None
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_log)
        pager = QHBoxLayout()
        pager.addWidget(self.count_label)
        pager.addStretch(1)
        pager.addWidget(self.verify_label, 1)
        pager.addWidget(self.verify_button)
        pager.addWidget(self.print_button)
        pager.addWidget(self.export_button)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(pager)
        self.retranslate()
        self.refresh()

    def columns(self) -> list[Column]:
        return [
            Column(N_("Entry"), lambda r: format_int(r.id)),
            Column(N_("Time"), lambda r: format_datetime(r.at, seconds=True)),
            Column(N_("Person"), lambda r: self.names.get(r.username, r.username)),
            Column(N_("Action"), lambda r: label(ACTION_LABELS, r.action)),
            Column(N_("Area"), lambda r: area_label(r.area)),
            Column(N_("Record"), lambda r: entity_label(r.entity, r.area)),
            Column(N_("Record no."), lambda r: record_label(r.entity_id, r.area)),
            Column(N_("Old → new"), lambda r: change_summary(r.old, r.new, r.area)),
        ]

    def fetch(self, query: AuditQuery, after, limit: int) -> list:
        return fetch_entries(self.db, actor=self.actor, query=query, after=after, limit=limit)

    def count(self, query: AuditQuery) -> int:
        return count_entries(self.db, actor=self.actor, query=query, cap=COUNT_CAP)

    def title(self) -> str:
        return _("Audit trail")

    def retranslate(self) -> None:
        super().retranslate()
        self.rows.retranslate()
        self.period_rows.retranslate()
        for edit in (self.start, self.end):
            edit.setPlaceholderText(_("e.g. 11.12.2023"))
        self.show_button.setText(_("Show"))
        self.clear_button.setText(_("Clear the filters"))
        self.verify_button.setText(_("Check the chain"))
        self.print_button.setText(_("&Print… (Ctrl+P)"))
        self.detail.setHorizontalHeaderLabels([_("Field"), _("Before"), _("After")])
        self._fill_areas()
        self._fill_people()
        self.model.retranslate()
        self.show_count()

    def _fill_areas(self) -> None:
        current = self.area.currentData()
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem(_("All areas"), None)
        for key, message in area_labels().items():
            self.area.addItem(_(message), key)
        self.area.setCurrentIndex(max(0, self.area.findData(current)))
        self.area.blockSignals(False)

    def _fill_people(self) -> None:
        everyone = people(self.db, actor=self.actor)
        self.names = {username: full_name for username, full_name in everyone}
        self.names[SYSTEM.username] = _("The program itself")
        current = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(_("Everyone"), None)
        for username, _full_name in everyone:
            self.person.addItem(f"{self.names[username]} ({username})", username)
        self.person.setCurrentIndex(max(0, self.person.findData(current)))
        self.person.blockSignals(False)

    def make_query(self) -> AuditQuery | None:
        """The filter as typed, or None after showing what is wrong at the date fields."""
        errors, dates = {}, {}
        for key, edit in (("start", self.start), ("end", self.end)):
            if edit.text().strip():
                try:
                    dates[key] = parse_date(edit.text())
                except InputError as error:
                    errors[key] = str(error)
        if not errors and "start" in dates and "end" in dates and dates["end"] < dates["start"]:
            errors["end"] = _("The period ends before it begins.")
        self.period_rows.show_errors(errors)
        if errors:
            return None
        return AuditQuery(
            username=self.person.currentData(),
            area=self.area.currentData(),
            start=dates.get("start"),
            end=dates.get("end"),
        )

    def clear_filters(self, *, then_reload: bool = True) -> None:
        for combo in (self.person, self.area):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.start.clear()
        self.end.clear()
        if then_reload:
            self.reload()

    def show_entry(self, entry_id: int) -> None:
        """Show the whole trail from one row on (older rows follow as the clerk scrolls),
        and select it."""
        self.clear_filters(then_reload=False)
        self._show_first = True
        self.reload(after=(entry_id + 1,))

    def _rows_shown(self) -> None:
        if self._show_first and self.model.rows:
            self._show_first = False
            self.table.selectRow(0)
            self.table.scrollToTop()

    def refresh(self) -> None:
        self._fill_people()
        self.show_detail(-1)
        self.reload()

    def show_detail(self, row: int) -> None:
        """Every old and new value of the chosen row, one field a line."""
        entry = self.model.row(row) if row >= 0 else None
        lines = changes(entry.old, entry.new, entry.area) if entry else []
        self.detail.setRowCount(len(lines))
        for index, values in enumerate(lines):
            for column, value in enumerate(values):
                self.detail.setItem(index, column, QTableWidgetItem(value))
        self.detail.resizeRowsToContents()

    def print_log(self) -> None:
        """Preview the rows the filter shows, with every old and new value, to print."""
        query = self.make_query()
        if query is None:
            return
        db, actor = self.db, self.actor
        self.print_runner = start_print(
            self,
            title=_("Audit trail"),
            suggested_name=f"{_('Audit trail')}.pdf",
            build=lambda out, progress, cancel: print_audit_log(
                db, out, actor=actor, query=query, progress=progress, should_cancel=cancel
            ),
        )

    def verify(self) -> None:
        """Recompute every row's hash on a worker thread (a big trail takes seconds)."""
        self.verify_button.setEnabled(False)
        self.verify_label.setStyleSheet("")
        self.verify_label.setText(_("Checking every entry…"))
        self.progress = QProgressDialog(
            _("Checking every entry of the audit trail…"), _("Cancel"), 0, 1000, self
        )
        self.progress.setWindowTitle(_("Audit trail"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(800)  # a small trail is done before it shows
        db = self.db
        self.job = Job(lambda progress: verify_chain(db, progress), name="verify")
        self.job.progressed.connect(self.progress.setValue)
        self.progress.canceled.connect(self.job.cancel)
        self.job.succeeded.connect(self._verified)
        self.job.cancelled.connect(lambda: self._verified(None))
        self.job.failed.connect(self._verify_failed)
        self.job.start()

    def _verified(self, broken: int | None) -> None:
        stopped = self.progress.wasCanceled()
        self._verify_done()
        if stopped:
            self.verify_label.setText(_("The check was stopped before the end."))
        elif broken is None:
            self.verify_label.setText(_("The audit trail is intact."))
            self.verify_label.setStyleSheet(OK_STYLE)
        else:
            self.verify_label.setText(
                _("The audit trail was changed outside OC Desktop, from entry {id} on.").format(
                    id=broken
                )
            )
            self.verify_label.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
            self.show_entry(broken)
        self.verified.emit(None if stopped else broken)

    def _verify_failed(self, message: str) -> None:
        self._verify_done()
        self.verify_label.setText(message)
        self.verify_label.setStyleSheet(ERROR_STYLE)
        self.verified.emit(None)

    def _verify_done(self) -> None:
        self.progress.canceled.disconnect()
        self.progress.close()
        self.verify_button.setEnabled(True)


def make_tab(window) -> AuditTab:
    return AuditTab(window.db, window.actor)

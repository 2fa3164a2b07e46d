"""The seals the office keeps: who holds each, its status and where it is kept; beside
the chosen one its impression, its status history and its incidents."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.formatting import format_date, format_datetime
from oc_desktop.i18n import N_, _
from oc_desktop.seal import terms
from oc_desktop.seal.incidents import incidents_of
from oc_desktop.seal.seals import impression_path, seal_rows, set_impression, status_history
from oc_desktop.ui.common.base_tab import BaseTab
from oc_desktop.ui.common.table_model import ROW_ROLE, Column, TableModel
from oc_desktop.ui.seal.seal_dialogs import IncidentDialog, SealDialog, StatusDialog
from oc_desktop.validation import ValidationError

IMPRESSION_SIZE = 150


def _table(model: TableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class SealsPage(BaseTab):
    def __init__(self, db, actor, data_dir, parent=None) -> None:
        super().__init__(db, actor, parent)
        self.data_dir = data_dir
        self.model = TableModel(
            [
                Column(N_("Seal"), lambda r: r.name),
                Column(N_("Kind"), lambda r: terms.word(terms.SEAL_KIND, r.kind)),
                Column(N_("Holder"), lambda r: r.holder or _("nobody")),
                Column(N_("Status"), lambda r: terms.word(terms.SEAL_STATUS, r.status)),
                Column(N_("Since"), lambda r: format_date(r.status_since)),
                Column(N_("Last used"), lambda r: format_datetime(r.last_used)),
                Column(N_("Kept at"), lambda r: r.kept_at),
            ]
        )
        self.table = _table(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.show_seal())
        self.history = TableModel(
            [
                Column(N_("Status"), lambda r: terms.word(terms.SEAL_STATUS, r.status)),
                Column(N_("Since"), lambda r: format_date(r.since)),
                Column(
                    N_("Decision"),
                    lambda r: " ".join(
                        p for p in (r.decision_number, format_date(r.decision_date)) if p
                    ),
                ),
                Column(N_("Note"), lambda r: r.note),
            ]
        )
        self.incidents = TableModel(
            [
                Column(N_("What happened"), lambda r: terms.word(terms.INCIDENT, r.kind)),
                Column(N_("On"), lambda r: format_date(r.happened_on)),
                Column(N_("Description"), lambda r: r.description),
                Column(N_("Report made"), lambda r: r.report),
            ]
        )
        self.impression = QLabel()
        self.impression.setFixedSize(IMPRESSION_SIZE, IMPRESSION_SIZE)
        self.impression.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.impression.setStyleSheet("border: 1px solid #bbb;")
        self.history_label, self.incidents_label = QLabel(), QLabel()
        self.new_button, self.status_button = QPushButton(), QPushButton()
        self.incident_button, self.scan_button = QPushButton(), QPushButton()
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_list)
        self.print_runner = None
        self.new_button.clicked.connect(self.new_seal)
        self.status_button.clicked.connect(self.change_status)
        self.incident_button.clicked.connect(self.incident)
        self.scan_button.clicked.connect(self.choose_impression)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.status_button, self.incident_button, self.scan_button):
            buttons.addWidget(button)
            button.setVisible(actor is not None and actor.may_write("seal"))
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)

        detail = QWidget()
        right = QVBoxLayout(detail)
        right.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.impression)
        history = QVBoxLayout()
        history.addWidget(self.history_label)
        history.addWidget(_table(self.history))
        top.addLayout(history, 1)
        right.addLayout(top)
        right.addWidget(self.incidents_label)
        right.addWidget(_table(self.incidents), 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 540])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

    def title(self) -> str:
        return _("Seals")

    def retranslate(self) -> None:
        self.new_button.setText(_("&New seal…"))
        self.status_button.setText(_("Change &status…"))
        self.incident_button.setText(_("&Incident…"))
        self.scan_button.setText(_("I&mpression scan…"))
        self.print_button.setText(_("&Print the list…"))
        self.history_label.setText(_("Status history"))
        self.incidents_label.setText(_("Incidents"))
        for model in (self.model, self.history, self.incidents):
            model.retranslate()
        self.show_seal()

    def refresh(self) -> None:
        chosen = self.current()
        self.model.set_rows(seal_rows(self.db, actor=self.actor))
        row = next((n for n, s in enumerate(self.model.rows) if chosen and s.id == chosen.id), 0)
        if self.model.rows:
            self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.show_seal()

    def current(self):
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def show_seal(self) -> None:
        seal = self.current()
        if seal is None:
            self.history.set_rows([])
            self.incidents.set_rows([])
            self.impression.clear()
            return
        self.history.set_rows(status_history(self.db, actor=self.actor, seal_id=seal.id))
        self.incidents.set_rows(incidents_of(self.db, actor=self.actor, seal_id=seal.id))
        path = impression_path(self.data_dir, seal) if self.data_dir else None
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():
            self.impression.setPixmap(QPixmap())
            self.impression.setText(_("No scan of the impression"))
            self.impression.setWordWrap(True)
        else:
            self.impression.setPixmap(
                pixmap.scaled(
                    IMPRESSION_SIZE - 4,
                    IMPRESSION_SIZE - 4,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def _done(self, dialog) -> int | None:
        if not dialog.exec():
            return None
        self.refresh()
        self.data_changed.emit()
        return dialog.result_id

    def new_seal(self) -> int | None:
        return self._done(SealDialog(self, self.db, self.actor))

    def change_status(self) -> int | None:
        seal = self.current()
        return self._done(StatusDialog(self, self.db, self.actor, seal)) if seal else None

    def incident(self) -> int | None:
        seal = self.current()
        return self._done(IncidentDialog(self, self.db, self.actor, seal)) if seal else None

    def choose_impression(self) -> None:
        seal = self.current()
        if seal is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Scan of the impression"), "", _("Images (*.png *.jpg *.jpeg *.tif *.tiff)")
        )
        if path:
            self.attach_impression(path)

    def attach_impression(self, path) -> bool:
        seal = self.current()
        try:
            set_impression(
                self.db, actor=self.actor, data_dir=self.data_dir, seal_id=seal.id, source=path
            )
        except ValidationError as error:
            QMessageBox.warning(self, _("Scan of the impression"), "\n".join(error.errors.values()))
            return False
        self.refresh()
        self.data_changed.emit()
        return True

    def print_list(self):
        """Preview the list of seals (built on a worker like every printout)."""
        from oc_desktop.seal.printouts import print_seal_list
        from oc_desktop.ui.printing.job import start_print

        title = _("List of seals")
        db, actor = self.db, self.actor
        self.print_runner = start_print(
            self,
            title=title,
            suggested_name=f"{title}.pdf",
            build=lambda out, _progress, _cancel: print_seal_list(db, out, actor=actor),
        )
        return self.print_runner

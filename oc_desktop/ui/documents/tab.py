"""The document register tab: incoming and outgoing, searched as the clerk types,
paged from SQL, with a follow-up list and a detail pane."""

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
)

from oc_desktop.documents import terms
from oc_desktop.documents.directory import list_kinds
from oc_desktop.documents.query import RegisterQuery, count_rows, fetch_page, periods
from oc_desktop.exchange.declare import register
from oc_desktop.i18n import N_, _
from oc_desktop.models.documents import STATUSES
from oc_desktop.profile import get_setting, load_profile
from oc_desktop.registers.spans import MONTHS, month_span
from oc_desktop.ui.common.register_tab import RegisterTab
from oc_desktop.ui.common.table_model import ID_ROLE
from oc_desktop.ui.documents.columns import incoming_columns, outgoing_columns, row_style
from oc_desktop.ui.documents.dialogs import IncomingDialog, OutgoingDialog
from oc_desktop.ui.documents.followup import FollowUpPanel
from oc_desktop.ui.documents.kinds import KindsDialog
from oc_desktop.ui.documents.pane import DocumentPane
from oc_desktop.ui.documents.printing import ask_and_print_book


class DocumentsTab(RegisterTab):
    area_key = "documents"

    def __init__(self, db, actor, data_dir, parent=None, *, settings=None) -> None:
        """``settings`` (the window's QSettings) keeps the column widths; None forgets them."""
        self.register = "incoming"
        super().__init__(db, actor, parent, settings=settings, widths_key="documents/columns")
        self.data_dir = data_dir

        self.incoming_button, self.outgoing_button = QRadioButton(), QRadioButton()
        self.incoming_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.incoming_button)
        group.addButton(self.outgoing_button)
        self.outgoing_button.toggled.connect(
            lambda on: self.show_register("outgoing" if on else "incoming")
        )
        self.search.setObjectName("register_search")
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_entry)
        self.kinds_button = QPushButton()
        self.kinds_button.setObjectName("kinds_button")
        self.kinds_button.clicked.connect(self.edit_kinds)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_book)
        self.print_runner = None

        self.period, self.kind, self.status = QComboBox(), QComboBox(), QComboBox()
        self.month = QComboBox()
        self.secrecy, self.section, self.urgency = QComboBox(), QComboBox(), QComboBox()
        self.overdue = QCheckBox()
        for combo in (self.period, self.kind, self.section):
            combo.setProperty("holds_data", True)  # the office's own names, not UI text
        self.filters = (
            self.period,
            self.month,
            self.kind,
            self.status,
            self.secrecy,
            self.section,
            self.urgency,
        )
        for combo in self.filters:
            # as narrow as a short name: the row holds seven filters on a small screen,
            # and each list opens as wide as its longest name
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(4)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.add_filter(QLabel(), combo)
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.period.currentIndexChanged.connect(lambda _i: self._month_allowed())
        self.overdue.toggled.connect(lambda _on: self.reload())

        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.set_columns(self.register)
        self.pane = DocumentPane(db, self.actor, data_dir)
        self.pane.changed.connect(self._changed)
        self.pane.edited.connect(self._edited)
        self.followup = FollowUpPanel()
        self.followup.chosen.connect(lambda doc_id: self.pane.show_document("incoming", doc_id))
        self.followup.overdue_wanted.connect(self._show_overdue)

        top = QHBoxLayout()
        for widget in (self.incoming_button, self.outgoing_button):
            top.addWidget(widget)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.kinds_button)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        top.addWidget(self.import_button)
        self.filter_row.addWidget(self.overdue)
        self.filter_row.addWidget(self.count_label)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 360])  # the register gets most of the width at first
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.empty_bar)
        layout.addWidget(self.followup)
        layout.addWidget(splitter, 1)

        QShortcut(QKeySequence.StandardKey.New, self, self.new_entry)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_book)
        self.retranslate()

    def columns(self):
        return incoming_columns() if self.register == "incoming" else outgoing_columns()

    def row_style(self, row, role):
        return row_style(row, role)

    def exchange_register(self):
        return register(self.register)

    def title(self) -> str:
        return _("Documents")

    def retranslate(self) -> None:
        super().retranslate()
        self.incoming_button.setText(_("&Incoming"))
        self.outgoing_button.setText(_("&Outgoing"))
        self.search.setPlaceholderText(_("Search number, sender, subject, notes… (Ctrl+F)"))
        self.new_button.setText(_("&New entry (Ctrl+N)"))
        self.new_button.setEnabled(self.actor.may_write("documents"))
        self.kinds_button.setText(_("Document &kinds…"))
        self.kinds_button.setVisible(self.actor.may_write("documents"))
        self.print_button.setText(_("&Print… (Ctrl+P)"))
        self.overdue.setText(_("Overdue only"))
        for (label, _combo), message in zip(
            self.filter_labels,
            (
                N_("Period"),
                N_("Month"),
                N_("Kind"),
                N_("Status"),
                N_("Secrecy"),
                N_("Section"),
                N_("Urgency"),
            ),
            strict=True,
        ):
            label.setText(_(message))
        self.model.retranslate()
        self.pane.retranslate()
        self.followup.retranslate()
        self.refresh()

    def _fill_filters(self) -> None:
        everything = _("All")
        choices = {
            self.period: [(label, p) for p, label in periods(self.db, register=self.register)],
            self.month: [(f"{n:02d} {_(m)}", n) for n, m in enumerate(MONTHS, 1)],
            self.kind: [(k.name, k.id) for k in list_kinds(self.db, include_retired=True)],
            self.status: [(terms.status(s), s) for s in STATUSES],
            self.secrecy: [(terms.secrecy(v), v) for v in terms.SECRECY],
            self.section: [(s.name, s.id) for s in load_profile(self.db).sections],
            self.urgency: [(terms.urgency(v), v) for v in terms.URGENCY],
        }
        for combo, items in choices.items():
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            combo.addItem(everything, None)
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        incoming = self.register == "incoming"
        for widget in (self.status, self.section, self.overdue):
            widget.setVisible(incoming)
        for label, combo in self.filter_labels:
            label.setVisible(not combo.isHidden())
        self._month_allowed()

    def _month_allowed(self) -> None:
        """A month is of one year: it is chosen once a year is (not a term's span)."""
        year = self.period.currentData()
        single = year is not None and self.period.currentText() == str(year)
        self.month.setEnabled(single)
        self.month.setToolTip("" if single else _("Choose a year first"))
        if not single and self.month.currentIndex() > 0:
            self.month.blockSignals(True)
            self.month.setCurrentIndex(0)
            self.month.blockSignals(False)

    def show_register(self, register: str) -> None:
        self.register = register
        self.show_import()
        self.set_columns(register)
        self._fill_filters()
        self.reload()

    def make_query(self) -> RegisterQuery:
        incoming = self.register == "incoming"
        sort, descending = self.sort_state()
        year, month = self.period.currentData(), self.month.currentData()
        start = end = None
        if year is not None and month and self.month.isEnabled():
            span = month_span(year, month)
            start, end = span.start, span.end
        return RegisterQuery(
            register=self.register,
            text=self.search.text(),
            period=self.period.currentData(),
            kind_id=self.kind.currentData(),
            status=self.status.currentData() if incoming else None,
            secrecy=self.secrecy.currentData(),
            section_id=self.section.currentData() if incoming else None,
            urgency=self.urgency.currentData(),
            overdue=incoming and self.overdue.isChecked(),
            start=start,
            end=end,
            sort=sort,
            descending=descending,
        )

    def active_filters(self) -> list[str]:
        shown = super().active_filters()
        return shown + [self.overdue.text()] if self.overdue.isChecked() else shown

    def clear_filters(self) -> None:
        self.overdue.blockSignals(True)
        self.overdue.setChecked(False)
        self.overdue.blockSignals(False)
        super().clear_filters()
        self._month_allowed()

    def fetch(self, query: RegisterQuery, after, limit: int) -> list:
        return fetch_page(self.db, self.actor, query, after=after, limit=limit, today=date.today())

    def count(self, query: RegisterQuery) -> int:
        return count_rows(self.db, self.actor, query, today=date.today())

    def refresh(self) -> None:
        self._fill_filters()  # kinds, sections and periods may have changed elsewhere
        self.reload()
        days = int(get_setting(self.db, "due_soon_days"))
        self.followup.show_follow_up(self.db, self.actor, days)

    def _row_chosen(self, current, _previous) -> None:
        doc_id = current.data(ID_ROLE) if current.isValid() else None
        shown = self.pane.detail
        if doc_id is not None and shown and (shown.register, shown.id) == (self.register, doc_id):
            return  # already shown (the row chosen again after a save): not read twice
        self.pane.show_document(self.register, doc_id)

    def _changed(self, register: str, doc_id: int) -> None:
        self.refresh()
        self.data_changed.emit()
        self.status_message.emit(_("Saved."))

    def _edited(self, register: str, doc_id: int) -> None:
        if register == self.register:
            self.show_saved(doc_id)

    def _show_overdue(self) -> None:
        self.incoming_button.setChecked(True)
        self.overdue.setChecked(True)

    def new_entry(self) -> None:
        if not self.actor.may_write("documents"):
            return
        dialog_class = IncomingDialog if self.register == "incoming" else OutgoingDialog
        dialog = dialog_class(self, self.db, self.actor)
        if dialog.exec():
            self.pane.show_document(self.register, dialog.result_id)
            self.show_saved(dialog.result_id)
            self.data_changed.emit()
            self.status_message.emit(_("Saved."))

    def edit_kinds(self) -> None:
        """The office's list of kinds; the filter, table and pane show the change."""
        if not self.actor.may_write("documents"):
            return
        dialog = KindsDialog(self, self.db, self.actor)
        dialog.exec()
        if dialog.changed:
            self.refresh()
            if self.pane.detail is not None:
                self.pane.show_document(self.pane.detail.register, self.pane.detail.id)
            self.data_changed.emit()

    def print_book(self) -> None:
        """Choose a book and its days, then build and preview it."""
        self.print_runner = ask_and_print_book(self, self.db, self.actor, self.register)

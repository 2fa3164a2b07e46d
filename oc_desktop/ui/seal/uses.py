"""The use log: every sealing, searched as the clerk types, filtered by seal, period,
person and kind of impression, paged from SQL on workers."""

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from oc_desktop.exchange.declare import register
from oc_desktop.formatting import InputError, format_date, format_datetime, format_int, parse_date
from oc_desktop.i18n import N_, _
from oc_desktop.seal import terms
from oc_desktop.seal.query import UseQuery, count_uses, fetch_uses
from oc_desktop.seal.seals import people, seal_rows
from oc_desktop.ui.common.forms import ERROR_STYLE
from oc_desktop.ui.common.register_tab import RegisterTab
from oc_desktop.ui.common.table_model import ROW_ROLE, Column, struck_out
from oc_desktop.ui.seal.use_dialog import UseDialog


def _document(row) -> str | None:
    if row.outgoing_id is None:
        return row.described
    if row.hidden:
        return None
    return f"{row.kind} {row.subject}".strip()


def _notes(row) -> str:
    if row.void_reason:
        return _("Void: {reason}").format(reason=row.void_reason)
    if row.corrects_id:
        return _("Corrects entry {id}").format(id=row.corrects_id)
    return ""


class UsesPage(RegisterTab):
    area_key = "seal"
    export_entity = "seal_use"

    def exchange_register(self):
        return register("seal_uses")

    def __init__(self, db, actor, parent=None, *, settings=None) -> None:
        super().__init__(db, actor, parent, settings=settings, widths_key="seal/uses")
        self.search.setObjectName("seal_search")
        self.seal, self.person, self.impression = QComboBox(), QComboBox(), QComboBox()
        for combo in (self.seal, self.person):
            combo.setProperty("holds_data", True)
        self.start, self.end = QLineEdit(), QLineEdit()
        self.date_error = QLabel()
        self.date_error.setStyleSheet(ERROR_STYLE)
        for combo in (self.seal, self.person, self.impression):
            self.add_filter(QLabel(), combo)
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for edit in (self.start, self.end):
            self.add_filter(QLabel(), edit)
            edit.setMaximumWidth(110)
            edit.editingFinished.connect(self.reload)
        self.new_button, self.correct_button = QPushButton(), QPushButton()
        self.print_button = QPushButton()
        self.new_button.clicked.connect(lambda: self.new_use())
        self.correct_button.clicked.connect(self.correct)
        self.print_runner = None
        self.set_columns("uses")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.correct_button)
        top.addWidget(self.print_button)
        self.filter_row.addWidget(self.date_error)
        self.filter_row.addStretch(1)
        self.filter_row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.table, 1)
        writer = actor is not None and actor.may_write("seal")
        self.new_button.setVisible(writer)
        self.correct_button.setVisible(writer)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_use)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.table.doubleClicked.connect(lambda _index: self.correct())

    def columns(self) -> list[Column]:
        return [
            Column(N_("No."), lambda r: format_int(r.seq), "number", "0000"),
            Column(
                N_("Date and time"),
                lambda r: format_datetime(r.used_at),
                "used_at",
                "00.00.0000 00:00",
            ),
            Column(N_("Seal"), lambda r: r.seal, "seal", "ຕາປະທັບມົນ ຄ.ອ.ຮ.ຂ"),
            Column(N_("Document"), lambda r: r.doc_number, "", "000/ຄ.ອ.ຮ.ຂ"),
            Column(N_("Document date"), lambda r: format_date(r.doc_date), "", "00.00.0000"),
            Column(N_("Subject or description"), _document, "", "ບົດລາຍງານ" * 4),
            Column(N_("Signer"), lambda r: r.signer, "", "ຫົວໜ້າ ຄຳພອນ"),
            Column(
                N_("Impression"),
                lambda r: terms.word(terms.IMPRESSION, r.impression_kind),
                "impression",
                "ຂ້າມຂອບເຈ້ຍ",
            ),
            Column(N_("Sheets"), lambda r: format_int(r.sheets), "sheets", "000"),
            Column(N_("Applied by"), lambda r: r.applied_by, "", "ນາງ ມະນີວັນ ສີລາວົງ"),
            Column(N_("Notes"), _notes, "", "ແກ້ໄຂລາຍການ 000"),
        ]

    def row_style(self, row, role):
        return struck_out(role) if row.void_reason else None

    def title(self) -> str:
        return _("Uses")

    def retranslate(self) -> None:
        super().retranslate()
        self.search.setPlaceholderText(_("Search: document number, subject, description, person"))
        texts = (N_("Seal"), N_("Applied by"), N_("Impression"), N_("From"), N_("To"))
        for (label, _widget), message in zip(self.filter_labels, texts, strict=True):
            label.setText(_(message))
        for edit in (self.start, self.end):
            edit.setPlaceholderText(_("e.g. 11.12.2023"))
        self.new_button.setText(_("&Seal a document… (Ctrl+N)"))
        self.correct_button.setText(_("Co&rrect…"))
        self.print_button.setText(_("&Print the register… (Ctrl+P)"))
        self._fill_filters()
        self.model.retranslate()
        self.show_count()

    def _fill_filters(self) -> None:
        choices = (
            (
                self.seal,
                _("All seals"),
                [(s.id, s.name) for s in seal_rows(self.db, actor=self.actor)],
            ),
            (self.person, _("Everyone"), people(self.db)),
            (
                self.impression,
                _("Any impression"),
                [(code, _(message)) for code, message in terms.IMPRESSION.items()],
            ),
        )
        for combo, everything, items in choices:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _date(self, edit: QLineEdit) -> date | None:
        return parse_date(edit.text()) if edit.text().strip() else None

    def make_query(self) -> UseQuery | None:
        try:
            start, end = self._date(self.start), self._date(self.end)
        except InputError as error:
            self.date_error.setText(str(error))
            return None
        self.date_error.clear()
        key, descending = self.sort_state()
        return UseQuery(
            text=self.search.text(),
            seal_id=self.seal.currentData(),
            start=start,
            end=end,
            applied_by_id=self.person.currentData(),
            impression_kind=self.impression.currentData(),
            sort=key or "used_at",
            descending=descending,
        )

    def fetch(self, query, after, limit):
        return fetch_uses(self.db, actor=self.actor, query=query, after=after, limit=limit)

    def count(self, query):
        return count_uses(self.db, actor=self.actor, query=query)

    def refresh(self) -> None:
        self._fill_filters()
        self.reload()

    def current_row(self):
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def new_use(self, outgoing_id: int | None = None) -> int | None:
        if not self.actor.may_write("seal"):
            return None
        dialog = UseDialog(self, self.db, self.actor, outgoing_id=outgoing_id)
        return self._done(dialog)

    def correct(self) -> int | None:
        row = self.current_row()
        if row is None or row.void_reason or not self.actor.may_write("seal"):
            return None
        return self._done(UseDialog(self, self.db, self.actor, wrong=row))

    def _done(self, dialog) -> int | None:
        if not dialog.exec():
            return None
        self.show_saved(dialog.result_id)
        self.data_changed.emit()
        return dialog.result_id

"""The journal of a year: vouchers paged from SQL as the clerk scrolls, searched as he
types, filtered by kind and month; new vouchers, reversals, closing a month, printing."""

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from oc_desktop.budget import AREA_KEY
from oc_desktop.budget.journal import closed_months
from oc_desktop.budget.journal_query import JournalQuery, count_journal, fetch_journal
from oc_desktop.budget.lines import chart
from oc_desktop.budget.printouts import print_journal, print_voucher
from oc_desktop.budget.section import KINDS
from oc_desktop.exchange.declare import register
from oc_desktop.formatting import format_date, format_kip
from oc_desktop.i18n import N_, _
from oc_desktop.registers.books import DateRange
from oc_desktop.registers.spans import MONTHS, month_span
from oc_desktop.ui.budget.amounts import RightAligned
from oc_desktop.ui.budget.dialogs import CloseMonthDialog, ReverseDialog, VoucherDialog
from oc_desktop.ui.common.register_tab import RegisterTab
from oc_desktop.ui.common.table_model import ROW_ROLE, Column, struck_out
from oc_desktop.ui.printing.job import start_print


def journal_columns() -> list[Column]:
    def note(v) -> str:
        if v.reverses:
            return _("reverses {number}").format(number=v.reverses)
        if v.reversed_by:
            return _("reversed by {number}").format(number=v.reversed_by)
        return ""

    return [
        Column(N_("Number"), lambda v: v.number, key="number", sample="ລຈ 0000/0000"),
        Column(N_("Date"), lambda v: format_date(v.entry_date), key="date", sample="00.00.0000"),
        Column(N_("Item"), lambda v: f"{v.line_code} {v.line_name}", sample="62.4 ນ້ຳມັນເຊື້ອໄຟ"),
        Column(N_("Description"), lambda v: v.description, sample="ຄ່າເດີນທາງໄປເມືອງ ກອງປະຊຸມ"),
        Column(N_("Payer or payee"), lambda v: v.party, sample="ລັດວິສາຫະກິດໄຟຟ້າລາວ"),
        Column(
            N_("Revenue (kip)"),
            lambda v: format_kip(v.amount) if v.kind == "revenue" else "",
            key="amount",
            sample="1.000.000.000",
        ),
        Column(
            N_("Expenditure (kip)"),
            lambda v: format_kip(v.amount) if v.kind == "expenditure" else "",
            key="amount",
            sample="1.000.000.000",
        ),
        Column(N_("Reversal"), note, sample="ລຈ 0000/0000 ກັບຄືນ"),
    ]


class JournalView(RegisterTab):
    area_key = "budget"
    export_entity = "budget_journal"

    def __init__(self, db, actor, data_dir, parent=None, *, settings=None) -> None:
        super().__init__(db, actor, parent, settings=settings, widths_key="budget/journal")
        self.data_dir, self.year = data_dir, date.today().year
        self.closed_months: list[int] = []
        self.kind, self.month = QComboBox(), QComboBox()
        for combo in (self.kind, self.month):
            self.add_filter(QLabel(), combo)
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button, self.reverse_button = QPushButton(), QPushButton()
        self.close_button, self.print_button = QPushButton(), QPushButton()
        self.voucher_button = QPushButton()
        self.voucher_button.clicked.connect(self.print_voucher)
        self.new_button.clicked.connect(self.new_voucher)
        self.reverse_button.clicked.connect(self.reverse)
        self.close_button.clicked.connect(self.close_month)
        self.print_button.clicked.connect(self.print_journal)
        self.print_runner = None
        self.closed = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for button in (self.new_button, self.reverse_button, self.close_button):
            button.setVisible(actor.may_write(AREA_KEY))
            top.addWidget(button)
        top.addWidget(self.voucher_button)
        top.addWidget(self.print_button)
        self.filter_row.addWidget(self.closed)
        self.filter_row.addStretch(1)
        self.filter_row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.table, 1)
        self.table.doubleClicked.connect(lambda _index: self.reverse())
        self.set_columns("journal")
        self.amounts = RightAligned(self.table)
        for column in (5, 6):  # revenue, expenditure
            self.table.setItemDelegateForColumn(column, self.amounts)

    def columns(self):
        return journal_columns()

    def exchange_register(self):
        return register("budget")

    def row_style(self, row, role):
        if row.reverses or row.reversed_by:
            return struck_out(role, struck=bool(row.reversed_by))
        return None

    def retranslate(self) -> None:
        super().retranslate()
        self.search.setPlaceholderText(_("Search number, item, description, payer… (Ctrl+F)"))
        self.new_button.setText(_("&New voucher (Ctrl+N)"))
        self.reverse_button.setText(_("&Reverse…"))
        self.close_button.setText(_("Close a &month…"))
        self.print_button.setText(_("&Print journal… (Ctrl+P)"))
        self.voucher_button.setText(_("Print vo&ucher…"))
        self.import_button.setText(_("&Import…"))  # M is Close a month's
        for (label, _combo), message in zip(
            self.filter_labels, (N_("&Kind"), N_("M&onth")), strict=True
        ):
            label.setText(_(message))
        self._fill_filters()
        self._show_closed()
        self.model.retranslate()

    def _fill_filters(self) -> None:
        for combo, items in (
            (self.kind, [(_(m), k) for k, m in KINDS.items()]),
            (self.month, [(f"{n:02d} {_(m)}", n) for n, m in enumerate(MONTHS, 1)]),
        ):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            combo.addItem(_("All"), None)
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def show_year(self, year: int) -> None:
        self.year = year
        self.closed_months = closed_months(self.db, year=year)
        self._show_closed()
        self.reload()

    def _show_closed(self) -> None:
        months = ", ".join(f"{m:02d}" for m in self.closed_months)
        self.closed.setText(_("Closed months: {months}").format(months=months) if months else "")

    def make_query(self) -> JournalQuery:
        sort, descending = self.sort_state()
        return JournalQuery(
            year=self.year,
            kind=self.kind.currentData() or "",
            month=self.month.currentData() or 0,
            text=self.search.text(),
            sort=sort or "date",
            descending=descending,
        )

    def fetch(self, query, after, limit):
        return fetch_journal(self.db, actor=self.actor, query=query, after=after, limit=limit)

    def count(self, query):
        return count_journal(self.db, actor=self.actor, query=query)

    def current_voucher(self):
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def refresh(self) -> None:
        """Read the journal and its closed months again (after an import, a save)."""
        self.show_year(self.year)

    def _after_change(self, saved: int | None = None) -> None:
        if saved is None:
            self.show_year(self.year)
        else:
            self.show_saved(saved)
        self.data_changed.emit()
        self.status_message.emit(_("Saved."))

    def new_voucher(self) -> None:
        if not self.actor.may_write(AREA_KEY):
            return
        items = chart(self.db, actor=self.actor, year=self.year)
        if not items:
            QMessageBox.information(self, _("Budget"), _("Start the year's lines first."))
            return
        today = date.today()
        day = today if today.year == self.year else date(self.year, 12, 31)
        dialog = VoucherDialog(self, self.db, self.actor, self.data_dir, items=items, today=day)
        if dialog.exec():
            self._after_change(dialog.result_id)

    def reverse(self) -> None:
        chosen = self.current_voucher()
        if chosen is None or not self.actor.may_write(AREA_KEY):
            return
        dialog = ReverseDialog(self, self.db, self.actor, number=chosen.number, entry_id=chosen.id)
        if dialog.exec():
            self._after_change(dialog.result_id)

    def close_month(self) -> None:
        if not self.actor.may_write(AREA_KEY):
            return
        closed = closed_months(self.db, year=self.year)
        month = next((m for m in range(1, 13) if m not in closed), 12)
        if CloseMonthDialog(self, self.db, self.actor, year=self.year, month=month).exec():
            self._after_change()

    def print_journal(self) -> None:
        span = DateRange(date(self.year, 1, 1), date(self.year, 12, 31))
        month = self.month.currentData()
        if month:
            span = month_span(self.year, month)
        title = _("Journal of revenue and expenditure")
        self.print_runner = start_print(
            self,
            title=title,
            suggested_name=f"{title} {span.start.isoformat()}_{span.end.isoformat()}.pdf",
            build=lambda out, progress, cancel: print_journal(
                self.db, out, actor=self.actor, span=span, progress=progress, should_cancel=cancel
            ),
        )

    def print_voucher(self) -> None:
        chosen = self.current_voucher()
        if chosen is None:
            return
        title = _("Voucher {number}.").format(number=chosen.number).rstrip(".")
        self.print_runner = start_print(
            self,
            title=title,
            suggested_name=f"{title}.pdf",
            build=lambda out, _p, _c: print_voucher(
                self.db, out, actor=self.actor, entry_id=chosen.id
            ),
        )

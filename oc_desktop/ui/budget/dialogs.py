"""The budget's forms: a line, a plan or amendment, a voucher, a reversal, closing a
month, approving a payroll. Each calls one named operation; errors show at the field."""

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from oc_desktop.budget.common import MAX_KIP
from oc_desktop.budget.journal import close_month, record_entry, reverse_entry
from oc_desktop.budget.lines import LineRow, plan_line, save_line
from oc_desktop.budget.payroll import approve_payroll, reverse_payroll
from oc_desktop.budget.section import KINDS
from oc_desktop.budget.words import kip_words
from oc_desktop.formatting import InputError, format_kip, parse_int
from oc_desktop.i18n import N_, _
from oc_desktop.registers.spans import MONTHS
from oc_desktop.ui.common.entry_dialog import DateField, EntryDialog


class AmountField(QLineEdit):
    """Whole kip, typed as 1234567, 1.234.567 or in Lao digits; ``words`` says the amount
    in Lao words as it is typed, as the voucher will print it."""

    def __init__(self, value: int | None = None) -> None:
        super().__init__(format_kip(value) if value is not None else "")
        self.setPlaceholderText("1.234.567")
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.textChanged.connect(self._say)

    def value(self) -> int:
        return parse_int(self.text())

    def _say(self, _text: str) -> None:
        try:
            amount = self.value()
        except InputError:
            amount = None
        shown = amount is not None and abs(amount) <= MAX_KIP
        self.words.setText(kip_words(amount) if shown else "")


def kind_combo(selected: str = "expenditure") -> QComboBox:
    combo = QComboBox()
    for key, message in KINDS.items():
        combo.addItem(_(message), key)
    combo.setCurrentIndex(combo.findData(selected))
    return combo


def month_combo(selected: int) -> QComboBox:
    combo = QComboBox()
    for number, message in enumerate(MONTHS, 1):
        combo.addItem(f"{number:02d} {_(message)}", number)
    combo.setCurrentIndex(selected - 1)
    return combo


class LineDialog(EntryDialog):
    """A new chapter, a new item of a chapter, or a line renamed."""

    def __init__(self, parent, db, actor, *, year: int, chapter=None, line: LineRow | None = None):
        title = _("Budget line") if line else _("New budget line")
        super().__init__(parent, title)
        self.db, self.actor, self.year, self.line = db, actor, year, line
        self.chapter = chapter
        self.code = self.rows.add("code", N_("&Code"), QLineEdit(line.code if line else ""))
        self.name = self.rows.add("name", N_("&Name"), QLineEdit(line.name if line else ""))
        self.kind = self.rows.add("kind", N_("&Kind"), kind_combo())
        self.rows.set_visible("kind", line is None and chapter is None)
        self.rows.retranslate()
        self.code.setFocus()

    def submit(self) -> int:
        return save_line(
            self.db,
            actor=self.actor,
            year=self.year,
            code=self.code.text(),
            name=self.name.text(),
            kind=self.kind.currentData(),
            parent_id=self.chapter.id if self.chapter else None,
            line_id=self.line.id if self.line else None,
        )


class PlanDialog(EntryDialog):
    """The item's first plan, or an amendment (a change up or down) with its decision."""

    def __init__(self, parent, db, actor, *, line: LineRow, today: date | None = None):
        amending = line.planned != 0 or line.amended != 0
        title = _("Amend the plan") if amending else _("Plan the item")
        super().__init__(parent, f"{title}: {line.code} {line.name}")
        self.db, self.actor, self.line = db, actor, line
        change = N_("&Change (kip, − for a cut)") if amending else N_("&Amount (kip)")
        self.amount = self.rows.add("amount", change, AmountField())
        self.rows.add("amount_words", None, self.amount.words)
        self.decided_on = self.rows.add(
            "decided_on", N_("&Decided on"), DateField(today or date.today())
        )
        self.decision = self.rows.add("decision", N_("De&cision"), QLineEdit())
        self.rows.retranslate()
        self.amount.setFocus()

    def submit(self) -> int:
        amount = self.read("amount", self.amount.value)
        decided_on = self.read("decided_on", self.decided_on.value)
        self.fail_on_input_errors()
        return plan_line(
            self.db,
            actor=self.actor,
            line_id=self.line.id,
            amount=amount,
            decided_on=decided_on,
            decision=self.decision.text(),
        )


class VoucherDialog(EntryDialog):
    """A revenue or expenditure voucher; the number is given on saving."""

    def __init__(self, parent, db, actor, data_dir, *, items: list[LineRow], today=None):
        super().__init__(parent, _("New voucher"))
        self.db, self.actor, self.data_dir, self.items = db, actor, data_dir, items
        self.kind = self.rows.add("kind", N_("&Kind"), kind_combo())
        self.entry_date = self.rows.add("entry_date", N_("&Date"), DateField(today or date.today()))
        self.line = self.rows.add("line_id", N_("&Item"), QComboBox())
        self.line.setProperty("holds_data", True)
        self.description = self.rows.add("description", N_("Descri&ption"), QLineEdit())
        self.amount = self.rows.add("amount", N_("&Amount (kip)"), AmountField())
        self.rows.add("amount_words", None, self.amount.words)
        self.party = self.rows.add("party", N_("Pa&yer or payee"), QLineEdit())
        self.approved_by = self.rows.add("approved_by", N_("Appro&ved by"), QLineEdit())
        self.seq = self.rows.add("seq", N_("&Number from a paper book (optional)"), QLineEdit())
        scan_row = QWidget()
        row = QHBoxLayout(scan_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.scan = QLineEdit()
        self.browse = QPushButton(_("Choose &scan…"))
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.scan, 1)
        row.addWidget(self.browse)
        self.rows.add("scan", N_("Scan"), scan_row)
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_items())
        self._fill_items()
        self.rows.retranslate()
        self.kind.setFocus()

    def _fill_items(self) -> None:
        kind = self.kind.currentData()
        self.line.clear()
        for item in self.items:
            if item.parent_id is not None and item.kind == kind:
                self.line.addItem(f"{item.code} {item.name}", item.id)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose a scan"),
            "",
            "PDF, PNG, JPEG, TIFF (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)",
        )
        if chosen:
            self.scan.setText(chosen)

    def submit(self) -> int:
        entry_date = self.read("entry_date", self.entry_date.value)
        amount = self.read("amount", self.amount.value)
        seq = self.read("seq", lambda: parse_int(self.seq.text())) if self.seq.text() else None
        self.fail_on_input_errors()
        return record_entry(
            self.db,
            actor=self.actor,
            kind=self.kind.currentData(),
            entry_date=entry_date,
            line_id=self.line.currentData(),
            description=self.description.text(),
            amount=amount,
            party=self.party.text(),
            approved_by=self.approved_by.text(),
            seq=seq,
            scan=Path(self.scan.text()) if self.scan.text().strip() else None,
            data_dir=self.data_dir,
        )


class ReverseDialog(EntryDialog):
    """Reverse a voucher, or a posted payroll with its voucher."""

    def __init__(self, parent, db, actor, *, number: str, entry_id=None, sheet_id=None):
        super().__init__(parent, _("Reverse {number}").format(number=number))
        self.db, self.actor, self.entry_id, self.sheet_id = db, actor, entry_id, sheet_id
        self.entry_date = self.rows.add("entry_date", N_("&Date"), DateField(date.today()))
        self.reason = self.rows.add("reason", N_("&Reason"), QLineEdit())
        self.rows.retranslate()
        self.reason.setFocus()

    def submit(self) -> int:
        entry_date = self.read("entry_date", self.entry_date.value)
        self.fail_on_input_errors()
        if self.sheet_id is not None:
            return reverse_payroll(
                self.db,
                actor=self.actor,
                sheet_id=self.sheet_id,
                entry_date=entry_date,
                reason=self.reason.text(),
            )
        return reverse_entry(
            self.db,
            actor=self.actor,
            entry_id=self.entry_id,
            entry_date=entry_date,
            reason=self.reason.text(),
        )


class CloseMonthDialog(EntryDialog):
    """Close a month's books: it takes no new entry afterwards."""

    def __init__(self, parent, db, actor, *, year: int, month: int):
        super().__init__(parent, _("Close a month of {year}").format(year=year))
        self.db, self.actor, self.year = db, actor, year
        self.month = self.rows.add("month", N_("&Month"), month_combo(month))
        self.rows.retranslate()

    def submit(self) -> int:
        close_month(self.db, actor=self.actor, year=self.year, month=self.month.currentData())
        return self.month.currentData()


class ApproveDialog(EntryDialog):
    """Approve a payroll: it posts as one voucher and is never changed afterwards."""

    def __init__(self, parent, db, actor, *, sheet_id: int, payday: date):
        super().__init__(parent, _("Approve and post the payroll"))
        self.db, self.actor, self.sheet_id = db, actor, sheet_id
        self.entry_date = self.rows.add("entry_date", N_("&Date"), DateField(payday))
        self.approved_by = self.rows.add("approved_by", N_("Appro&ved by"), QLineEdit())
        self.rows.retranslate()

    def submit(self) -> int:
        entry_date = self.read("entry_date", self.entry_date.value)
        self.fail_on_input_errors()
        return approve_payroll(
            self.db,
            actor=self.actor,
            sheet_id=self.sheet_id,
            entry_date=entry_date,
            approved_by=self.approved_by.text(),
        )

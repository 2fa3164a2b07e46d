"""Import an old register into the register a tab shows: pick the file and sheet, look at
the first rows, map columns to fields (guessed from the headers, remembered for next time),
choose the date order when the file leaves it open, check (a dry run listing every row
that would be refused and why), then import all rows at once, or none."""

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.exchange import importing
from oc_desktop.exchange.reading import SPREADSHEETS, Unreadable, open_source
from oc_desktop.formatting import format_date, format_int
from oc_desktop.i18n import _
from oc_desktop.ui.common.jobs import Job, progress_dialog, unexpected

MAPPING_KEY = "exchange/mapping/{register}"
FOLDER_KEY = "exchange/import_folder"
ORDERS = {"dmy": "31.12.2025", "mdy": "12/31/2025"}


def _column_name(number: int) -> str:
    name = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


def _shown(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "year"):
        return format_date(value if not hasattr(value, "hour") else value.date())
    return str(value)


def _explain(error: Exception) -> str:
    """A refused row or an unreadable file is told as is; anything else as unexpected."""
    return str(error) if isinstance(error, ValueError) else unexpected(error)


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget, db, actor, register, settings=None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.register, self.settings = db, actor, register, settings
        self.source = None
        self.preview: importing.Preview | None = None
        self.plan: importing.Plan | None = None
        self.job: Job | None = None
        self.imported = 0
        self.setWindowTitle(_("Import into: {register}").format(register=_(register.label)))
        self.resize(1040, 620)

        self.file_label = QLabel(_("No file chosen."))
        self.choose_button = QPushButton(_("Choose &file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(lambda _i: self._read_sheet())
        self.header_row = QSpinBox()
        self.header_row.setRange(1, importing.PREVIEW_ROWS)
        self.header_row.valueChanged.connect(lambda _v: self._header_moved())
        self.order = QComboBox()
        for key, sample in ORDERS.items():
            self.order.addItem(
                _("day.month.year ({sample})").format(sample=sample)
                if key == "dmy"
                else _("month/day/year ({sample})").format(sample=sample),
                key,
            )
        self.order.currentIndexChanged.connect(lambda _i: self._forget_plan())
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        for text, widget in (
            (_("&Sheet"), self.sheet),
            (_("&Header row"), self.header_row),
            (_("&Dates"), self.order),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)

        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.fields: dict[str, QComboBox] = {}
        mapping = QFormLayout()
        for field in register.fields:
            combo = QComboBox()
            combo.currentIndexChanged.connect(lambda _i: self._forget_plan())
            self.fields[field.key] = combo
            mapping.addRow(_(field.label) + (" *" if field.required else ""), combo)
        mapping_box = QWidget()
        mapping_box.setLayout(mapping)
        scroll = QScrollArea()
        scroll.setWidget(mapping_box)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(330)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.refused = QListWidget()
        self.add_names = QCheckBox(_("&Add the new kinds and names to the lists"))
        self.add_names.toggled.connect(lambda _on: self._enable())
        self.add_names.hide()
        self.check_button = QPushButton(_("&Check"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(_("&Import"))
        self.import_button.clicked.connect(self.run_import)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        grid = QGridLayout()
        grid.addWidget(QLabel(_("First rows of the sheet")), 0, 0)
        grid.addWidget(QLabel(_("Which column holds each field (* required)")), 0, 1)
        grid.addWidget(self.table, 1, 0)
        grid.addWidget(scroll, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.refused, 1)
        layout.addWidget(self.add_names)
        layout.addWidget(buttons)
        self._enable()

    # --- the file ----------------------------------------------------------------------

    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(self, _("Choose an old register"))
        patterns = " ".join(f"*{suffix}" for suffix in (*SPREADSHEETS, ".csv"))
        dialog.setNameFilter(_("Spreadsheets ({patterns})").format(patterns=patterns))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        folder = self.settings.value(FOLDER_KEY) if self.settings is not None else None
        if folder:
            dialog.setDirectory(str(folder))
        dialog.fileSelected.connect(lambda name: self.open_file(Path(name)))
        dialog.open()
        self.file_dialog = dialog
        return dialog

    def open_file(self, path: Path) -> bool:
        try:
            self.source = open_source(path)
            sheets = self.source.sheets()
        except Unreadable as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return False
        if self.settings is not None:
            self.settings.setValue(FOLDER_KEY, str(path.parent))
        self.file_label.setText(path.name)
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(sheets)
        self.sheet.blockSignals(False)
        self._read_sheet()
        return True

    def _read_sheet(self) -> None:
        if self.source is None:
            return
        try:
            self.preview = importing.preview(
                self.source, self.sheet.currentText() or None, self.register.fields
            )
        except Unreadable as error:
            self.preview = None
            self.summary.setText(str(error))
            self._enable()
            return
        choices = self._remembered() or self.preview.choices
        self.header_row.blockSignals(True)
        self.header_row.setValue(choices.header_row)
        self.header_row.blockSignals(False)
        self._fill_table()
        self._fill_mapping(choices.mapping)
        self.order.setCurrentIndex(max(0, self.order.findData(self._order(choices))))
        self.order.setEnabled(len(self.preview.date_orders) != 1)
        self._forget_plan()

    def _order(self, choices) -> str:
        fits = self.preview.date_orders
        return choices.date_order if choices.date_order in fits or not fits else fits[0]

    def _remembered(self):
        if self.settings is None:
            return None
        kept = self.settings.value(MAPPING_KEY.format(register=self.register.key))
        if not kept:
            return None
        choices = importing.mapping_from_json(str(kept), self.preview)
        return choices if choices.mapping != self.preview.choices.mapping else None

    def _fill_table(self) -> None:
        rows = self.preview.rows
        width = max((len(cells) for _n, cells in rows), default=0)
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(width)
        self.table.setHorizontalHeaderLabels([_column_name(c) for c in range(width)])
        self.table.setVerticalHeaderLabels([str(number) for number, _cells in rows])
        for r, (_number, cells) in enumerate(rows):
            for c, value in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(_shown(value)))
        self.table.resizeColumnsToContents()

    def _headers(self) -> list:
        number = self.header_row.value()
        return next((cells for n, cells in self.preview.rows if n == number), [])

    def _fill_mapping(self, mapping: dict[int, str]) -> None:
        headers = self._headers()
        chosen = {key: column for column, key in mapping.items()}
        for key, combo in self.fields.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("— not in the file —"), None)
            for column, header in enumerate(headers):
                combo.addItem(f"{_column_name(column)}: {_shown(header)}", column)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(key))))
            combo.blockSignals(False)

    def _header_moved(self) -> None:
        from oc_desktop.exchange.mapping import guess

        if self.preview is not None:
            self._fill_mapping(guess(self._headers(), self.register.fields))
            self._forget_plan()

    def choices(self) -> importing.Choices:
        mapping = {
            combo.currentData(): key
            for key, combo in self.fields.items()
            if combo.currentData() is not None
        }
        return importing.Choices(
            sheet=self.sheet.currentText() or None,
            header_row=self.header_row.value(),
            mapping=mapping,
            date_order=self.order.currentData(),
        )

    # --- the dry run and the import ----------------------------------------------------

    def _forget_plan(self) -> None:
        self.plan = None
        self.refused.clear()
        self.add_names.hide()
        self.add_names.setChecked(False)
        if self.preview is not None:
            self.summary.setText(_("Check the file to see what would be imported."))
        self._enable()

    def _enable(self) -> None:
        busy = self.job is not None
        self.check_button.setEnabled(self.preview is not None and not busy)
        plan = self.plan
        ready = plan is not None and not plan.refused and bool(plan.ready)
        confirmed = plan is not None and (
            self.add_names.isChecked() or not (plan.new_kinds or plan.new_names)
        )
        self.import_button.setEnabled(ready and confirmed and not busy)

    def check(self) -> Job | None:
        choices = self.choices()
        missing = importing.missing_fields(self.register, choices)
        if missing:
            self.summary.setText(
                _("No column is mapped to: {fields}.").format(
                    fields=", ".join(_(f) for f in missing)
                )
            )
            return None
        source, register = self.source, self.register
        self._remember(choices)

        def work(_progress):
            return importing.dry_run(
                self.db, actor=self.actor, register=register, source=source, choices=choices
            )

        return self._start(work, _("Checking the file…"), self._checked)

    def _checked(self, plan: importing.Plan) -> None:
        self.plan = plan
        self.refused.clear()
        for refusal in plan.refused:
            self.refused.addItem(
                _("Row {row}: {reason}").format(row=refusal.row, reason=refusal.reason)
            )
        words = [
            _("{count} entries would be added.").format(count=format_int(len(plan.ready))),
        ]
        if plan.refused:
            words.append(
                _("{count} rows are refused; correct them or leave them out first.").format(
                    count=format_int(len(plan.refused))
                )
            )
        if plan.new_kinds:
            words.append(_("New kinds: {names}").format(names=", ".join(plan.new_kinds)))
        if plan.new_names:
            words.append(_("New senders or recipients: {count}").format(count=len(plan.new_names)))
        self.summary.setText(" ".join(words))
        self.add_names.setVisible(bool(plan.new_kinds or plan.new_names))
        self._enable()

    def run_import(self) -> Job | None:
        plan, path = self.plan, self.source.path
        add = self.add_names.isChecked()

        def work(progress):
            return importing.run_import(
                self.db,
                actor=self.actor,
                register=self.register,
                plan=plan,
                source=path,
                add_new_names=add,
                progress=progress,
            )

        return self._start(work, _("Importing…"), self._imported)

    def _imported(self, count: int) -> None:
        self.imported = count
        self.plan = None
        self.summary.setText(_("{count} entries added.").format(count=format_int(count)))
        self._enable()

    def _start(self, work, text: str, done) -> Job:
        self.job = Job(work, explain=_explain, stops=(InterruptedError,), name="import")
        self.progress = progress_dialog(self, text, self.job)
        self.job.succeeded.connect(done)
        self.job.failed.connect(self.summary.setText)
        for ended in (self.job.succeeded, self.job.failed, self.job.cancelled):
            ended.connect(self._ended)
        self._enable()
        return self.job.start()

    def _ended(self, *_args) -> None:
        self.job = None
        self._enable()

    def _remember(self, choices: importing.Choices) -> None:
        if self.settings is not None:
            self.settings.setValue(
                MAPPING_KEY.format(register=self.register.key),
                importing.mapping_to_json(self._headers(), choices),
            )

"""Export from any register tab (a button and Ctrl+E): the rows on screen, as filtered,
searched and sorted, to .xlsx or .csv, written on a worker behind a progress bar with
Cancel (which leaves no file). A tab whose register declares typed columns
(``oc_desktop.exchange``) exports them; any other exports its columns as shown."""

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from oc_desktop.exchange.declare import HIDDEN, ExportColumn
from oc_desktop.exchange.export import Cancelled, export_view
from oc_desktop.formatting import format_int
from oc_desktop.i18n import _
from oc_desktop.ui.common.jobs import Job, progress_dialog

LAST_FOLDER_KEY = "exchange/last_folder"


def shown_columns(tab) -> list[ExportColumn]:
    """The tab's own columns, as text the way the table shows them."""

    def cell(column):
        return lambda row: HIDDEN if (text := column.text(row)) is None else text

    return [ExportColumn(c.header, cell(c), c.sample) for c in tab.model.columns]


class Exporter:
    """One export from one tab: the file dialog, then the job."""

    def __init__(self, tab) -> None:
        self.tab = tab
        self.query = tab.make_query()
        self.job: Job | None = None
        self.progress = None
        self.file_dialog: QFileDialog | None = None

    def ask(self) -> QFileDialog | None:
        if self.query is None:
            return None
        settings = self.tab.widths.settings
        folder = settings.value(LAST_FOLDER_KEY) if settings is not None else None
        name = f"{self.tab.export_title()} {date.today().isoformat()}.xlsx"
        dialog = QFileDialog(self.tab, _("Export to a spreadsheet"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([_("Excel workbook (*.xlsx)"), _("CSV, UTF-8 (*.csv)")])
        dialog.setDefaultSuffix("xlsx")
        if folder:
            dialog.setDirectory(str(folder))
        dialog.selectFile(name)
        dialog.fileSelected.connect(lambda chosen: self.start(Path(chosen)))
        dialog.open()
        self.file_dialog = dialog
        return dialog

    def start(self, out: Path) -> Job:
        tab, query = self.tab, self.query
        if out.suffix.lower() not in (".xlsx", ".csv"):
            out = out.with_suffix(".xlsx")
        settings = tab.widths.settings
        if settings is not None:
            settings.setValue(LAST_FOLDER_KEY, str(out.parent))
        declared = tab.exchange_register()
        columns = declared.columns() if declared else shown_columns(tab)
        search = tab.search.text().strip()

        def work(progress):
            total = tab.count_all(query)
            return export_view(
                tab.db,
                out,
                actor=tab.actor,
                area=tab.area_key,
                entity=declared.entity if declared else tab.export_entity,
                sheet=tab.export_title(),
                columns=columns,
                fetch=lambda after, limit: tab.fetch(query, after, limit),
                total=total,
                progress=progress,
                described={"search": search} if search else None,
            )

        self.job = Job(work, stops=(Cancelled,), name="export")
        self.progress = progress_dialog(tab, _("Exporting…"), self.job)
        self.job.succeeded.connect(lambda rows: self._done(out, rows))
        self.job.failed.connect(lambda message: QMessageBox.warning(tab, _("Export"), message))
        return self.job.start()

    def _done(self, out: Path, rows: int) -> None:
        self.tab.status_message.emit(
            _("{count} entries exported to {name}.").format(count=format_int(rows), name=out.name)
        )


def export_tab(tab: QWidget) -> Exporter:
    exporter = Exporter(tab)
    exporter.ask()
    return exporter

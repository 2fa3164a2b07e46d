"""Build a PDF on a worker thread behind a progress dialog, then show it in the preview.

The builder writes under a temporary name and renames only when done (see
``oc_desktop.printing.page.output_canvas``), so Cancel leaves no file behind. pdfium is
only used on the UI thread, by the preview.
"""

import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from oc_desktop.i18n import _
from oc_desktop.printing.page import PrintCancelled, Progress, ShouldCancel
from oc_desktop.ui.common.jobs import Job, progress_dialog
from oc_desktop.ui.printing.preview import PrintPreviewDialog

# build(out, progress, should_cancel): writes the PDF at ``out``
Build = Callable[[Path, Progress, ShouldCancel], object]


class PrintRunner(QObject):
    """Progress dialog, job and preview for one printout, owned by a parent widget."""

    previewed = Signal(object)  # the PrintPreviewDialog
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget, *, title: str, suggested_name: str, build: Build):
        super().__init__(parent)
        self.parent_widget, self.title, self.suggested_name = parent, title, suggested_name
        self.folder = Path(tempfile.mkdtemp(prefix="oc-print-"))
        self.out = self.folder / re.sub(r'[\\/:*?"<>|]', "-", suggested_name)
        self.build = build
        self.job = Job(
            self._build,
            explain=lambda error: _("The printout could not be made: {error}").format(error=error),
            stops=(PrintCancelled,),
            name="print-job",
        )
        self.preview: PrintPreviewDialog | None = None
        self.message: QMessageBox | None = None
        self.progress: QProgressDialog | None = None
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)

    def _build(self, progress) -> Path:
        self.build(self.out, progress, self.job.is_cancelled)
        return self.out

    def start(self) -> "PrintRunner":
        text = _("Preparing {title}…").format(title=self.title)
        self.progress = progress_dialog(self.parent_widget, text, self.job)
        self.job.start()
        return self

    def _succeeded(self, path: Path) -> None:
        self.preview = PrintPreviewDialog(
            self.parent_widget, path, title=self.title, suggested_name=self.suggested_name
        )
        self.preview.finished.connect(lambda _result: self._clean_up())
        self.preview.open()
        self.previewed.emit(self.preview)

    def _failed(self, text: str) -> None:
        self._clean_up()
        self.message = QMessageBox(
            QMessageBox.Icon.Warning,
            _("OC Desktop"),
            text,
            QMessageBox.StandardButton.Ok,
            self.parent_widget,
        )
        self.message.open()
        self.failed.emit(text)

    def _cancelled(self) -> None:
        self._clean_up()
        self.cancelled.emit()

    def _clean_up(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def start_print(parent: QWidget, *, title: str, suggested_name: str, build: Build) -> PrintRunner:
    """Build a printout in the background, then preview it; the runner's signals tell how
    it ended. ``build(out, progress, should_cancel)`` must write the PDF at ``out``."""
    return PrintRunner(parent, title=title, suggested_name=suggested_name, build=build).start()

"""Build a PDF on a worker thread behind a progress dialog, then show it in the preview.

The builder writes under a temporary name and renames only when done (see
``oc_desktop.printing.page.output_canvas``), so Cancel leaves no file behind. pdfium is
only used on the UI thread, by the preview.
"""

import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from oc_desktop.i18n import _
from oc_desktop.printing.page import PrintCancelled, Progress, ShouldCancel
from oc_desktop.ui.printing.preview import PrintPreviewDialog

# build(out, progress, should_cancel): writes the PDF at ``out``
Build = Callable[[Path, Progress, ShouldCancel], object]


class PrintJob(QObject):
    """One PDF being built; signals arrive on the UI thread."""

    progressed = Signal(int)  # per mille, or -1 while the total is not known
    succeeded = Signal(object)  # Path of the finished PDF
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, build: Build, out: Path) -> None:
        super().__init__()
        self.build, self.out = build, Path(out)
        self._stop = threading.Event()
        self._last: int | None = None
        self._thread = threading.Thread(target=self._run, daemon=True, name="print-job")

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def wait(self, seconds: float | None = None) -> bool:
        self._thread.join(seconds)
        return not self._thread.is_alive()

    def _progress(self, done: int, total: int) -> bool:
        value = int(done * 1000 // total) if total else -1
        if value != self._last:  # a signal per step of the bar, not per row
            self._last = value
            self.progressed.emit(value)
        return not self._stop.is_set()

    def _run(self) -> None:
        try:
            self.build(self.out, self._progress, self.is_cancelled)
        except PrintCancelled:
            self.cancelled.emit()
        except Exception as error:  # noqa: BLE001 (shown to the clerk, never swallowed)
            self.failed.emit(_("The printout could not be made: {error}").format(error=error))
        else:
            self.succeeded.emit(self.out)


class PrintRunner(QObject):
    """Progress dialog, job and preview for one printout, owned by a parent widget."""

    previewed = Signal(object)  # the PrintPreviewDialog
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget, *, title: str, suggested_name: str, build: Build):
        super().__init__(parent)
        self.parent_widget, self.title, self.suggested_name = parent, title, suggested_name
        self.folder = Path(tempfile.mkdtemp(prefix="oc-print-"))
        self.job = PrintJob(build, self.folder / re.sub(r'[\\/:*?"<>|]', "-", suggested_name))
        self.preview: PrintPreviewDialog | None = None
        self.message: QMessageBox | None = None
        self.progress = QProgressDialog(
            _("Preparing {title}…").format(title=title), _("Cancel"), 0, 1000, parent
        )
        self.progress.setWindowTitle(_("OC Desktop"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.job.cancel)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)

    def start(self) -> "PrintRunner":
        self.progress.setValue(0)
        self.progress.show()
        self.job.start()
        return self

    def _progressed(self, per_mille: int) -> None:
        if per_mille < 0:
            self.progress.setRange(0, 0)  # busy: the count is not known
        else:
            self.progress.setValue(per_mille)

    def _close_progress(self) -> None:
        self.progress.canceled.disconnect()
        self.progress.close()

    def _succeeded(self, path: Path) -> None:
        self._close_progress()
        self.preview = PrintPreviewDialog(
            self.parent_widget, path, title=self.title, suggested_name=self.suggested_name
        )
        self.preview.finished.connect(lambda _result: self._clean_up())
        self.preview.open()
        self.previewed.emit(self.preview)

    def _failed(self, text: str) -> None:
        self._close_progress()
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
        self._close_progress()
        self._clean_up()
        self.cancelled.emit()

    def _clean_up(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def start_print(parent: QWidget, *, title: str, suggested_name: str, build: Build) -> PrintRunner:
    """Build a printout in the background, then preview it; the runner's signals tell how
    it ended. ``build(out, progress, should_cancel)`` must write the PDF at ``out``."""
    return PrintRunner(parent, title=title, suggested_name=suggested_name, build=build).start()

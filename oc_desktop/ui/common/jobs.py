"""One worker for every long piece of work: backups, restores, printouts, chain checks,
the register's pages and counts. The GUI thread never waits on it.

``work(progress)`` runs on a thread of its own; ``progress(done, total)`` answers False
once Cancel was pressed, and the work stops there. Signals arrive on the GUI thread.
"""

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from oc_desktop.i18n import _

Progress = Callable[[int, int], bool]
Work = Callable[[Progress], object]


def unexpected(error: Exception) -> str:
    return _("Unexpected error: {error}").format(error=error)


class Job(QObject):
    progressed = Signal(int)  # per mille, or -1 while the total is not known
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        work: Work,
        *,
        explain: Callable[[Exception], str] = unexpected,
        stops: tuple[type[Exception], ...] = (),
        name: str = "job",
    ) -> None:
        """``explain`` words a failure for the clerk; ``stops`` are the exceptions the
        work raises when it honours Cancel."""
        super().__init__()
        self.work, self.explain, self.stops = work, explain, stops
        self._stop = threading.Event()
        self._last: int | None = None
        self._thread = threading.Thread(target=self._run, daemon=True, name=name)

    def start(self) -> "Job":
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def progress(self, done: int, total: int) -> bool:
        value = int(done * 1000 // total) if total else -1
        if value != self._last:  # a signal per step of the bar, not per row
            self._last = value
            self.progressed.emit(value)
        return not self._stop.is_set()

    def _run(self) -> None:
        try:
            result = self.work(self.progress)
        except self.stops:
            self.cancelled.emit()
        except Exception as error:  # noqa: BLE001 (worded for the clerk, never swallowed)
            self.failed.emit(self.explain(error))
        else:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)


def progress_dialog(parent: QWidget | None, text: str, job: Job) -> QProgressDialog:
    """A window-modal bar with Cancel that follows ``job`` and closes when it ends."""
    dialog = QProgressDialog(text, _("Cancel"), 0, 1000, parent)
    dialog.setWindowTitle(_("OC Desktop"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)

    def show(per_mille: int) -> None:
        if per_mille < 0:
            dialog.setRange(0, 0)  # busy: the total is not known
        else:
            dialog.setRange(0, 1000)
            dialog.setValue(per_mille)

    def close(*_args) -> None:
        dialog.canceled.disconnect(job.cancel)
        dialog.close()

    job.progressed.connect(show)
    for ended in (job.succeeded, job.failed, job.cancelled):
        ended.connect(close)
    dialog.setValue(0)
    dialog.show()
    return dialog

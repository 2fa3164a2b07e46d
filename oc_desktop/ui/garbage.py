"""Python's garbage collector runs on the GUI thread only.

Workers (register reads, counts, prints, backups) allocate Python objects, and an
allocation may start a collection on the worker's thread. If a reference cycle there holds
a Qt widget or object that Python owns (a dialog, a tab that was closed), Qt deletes it off
its thread and later fires a timer of the dead object: the program crashes. So automatic
collection is switched off and a timer on the GUI thread collects instead, with Python's own
thresholds (young objects often, everything now and then).
"""

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(collect_due)
        self.timer.start()


def collect_due() -> None:
    """Collect the generations past Python's thresholds, as it would have by itself."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = [level for level in range(3) if counts[level] > thresholds[level]]
    if due:
        gc.collect(max(due))


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Install the collector once for ``app`` (kept alive as the app's child)."""
    found = app.findChild(GuiThreadCollector)
    return found if found is not None else GuiThreadCollector(app)

"""Python's garbage is collected on the GUI thread only, never on a worker's."""

import gc
import threading

from oc_desktop.ui.app import make_application
from oc_desktop.ui.garbage import GuiThreadCollector


class Cycle:
    collected_on: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.collected_on.append(threading.current_thread().name)


def test_a_cycle_made_on_a_worker_is_collected_on_the_gui_thread(qtbot):
    app = make_application()
    assert not gc.isenabled() and app.findChildren(GuiThreadCollector)
    Cycle.collected_on.clear()

    kept = []

    def work():
        Cycle()  # left as garbage, then enough objects to pass the young threshold
        kept.extend([] for _ in range(2 * gc.get_threshold()[0]))

    worker = threading.Thread(target=work, name="worker")
    worker.start()
    worker.join()
    assert Cycle.collected_on == []  # the worker collected nothing
    [collector] = app.findChildren(GuiThreadCollector)
    assert collector.timer.isActive() and collector.timer.interval() <= 1_000
    collector.timer.timeout.emit()  # the collector's tick, here on the GUI thread
    assert Cycle.collected_on == ["MainThread"]

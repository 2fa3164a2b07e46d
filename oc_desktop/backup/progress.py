"""Progress in bytes across the steps of a backup, and a clean way to stop."""

from collections.abc import Callable

Progress = Callable[[int, int], bool]


class Stop(Exception):
    """Raised inside the work when the progress callback answers False."""


class Tracker:
    """Adds up work done; asks the callback after each piece whether to go on."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, max(1, total), 0

    def add(self, amount: int) -> None:
        self.done = min(self.total, self.done + amount)
        self.report()

    def report(self) -> None:
        if self.progress is not None and self.progress(self.done, self.total) is False:
            raise Stop

    def finish(self) -> None:
        self.done = self.total
        if self.progress is not None:
            self.progress(self.total, self.total)

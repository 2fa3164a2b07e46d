"""A table's column widths: sensible at first, then as the clerk left them.

Widths are kept per layout (the incoming and the outgoing register show different
columns) and per column key, so a column added in a later version starts at its
default while the others keep theirs.
"""

import json

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QTableView

PADDING = 16  # the cell's margins around the text, in pixels
SORT_ARROW = 16  # room for the sort indicator beside a heading


class ColumnWidths(QObject):
    """Sets ``view``'s widths for a layout and saves each one the clerk drags."""

    def __init__(self, view: QTableView, settings: QSettings | None, prefix: str) -> None:
        super().__init__(view)
        self.view, self.settings, self.prefix = view, settings, prefix
        self.layout: str | None = None
        self.keys: list[str] = []
        self._applying = False
        view.horizontalHeader().sectionResized.connect(self._resized)

    def apply(self, layout: str, samples: list[tuple[str, str]]) -> None:
        """Show ``layout``'s columns at their saved widths, or else wide enough for
        their heading and a sample of their text (``samples``: key and text, in order)."""
        self.layout, self.keys = layout, [key for key, _sample in samples]
        saved = self.saved(layout)
        header = self.view.horizontalHeader()
        text, heading = self.view.fontMetrics(), header.fontMetrics()
        model = self.view.model()
        self._applying = True
        try:
            for index, (key, sample) in enumerate(samples):
                title = str(model.headerData(index, Qt.Orientation.Horizontal) or "")
                natural = max(
                    text.horizontalAdvance(sample), heading.horizontalAdvance(title) + SORT_ARROW
                )
                header.resizeSection(index, saved.get(key) or natural + PADDING)
        finally:
            self._applying = False

    def saved(self, layout: str) -> dict[str, int]:
        if self.settings is None:
            return {}
        try:
            stored = json.loads(str(self.settings.value(self._key(layout), "{}")))
        except ValueError:
            return {}  # a hand-edited or damaged value: start from the defaults
        if not isinstance(stored, dict):
            return {}
        return {k: v for k, v in stored.items() if isinstance(v, int) and v > 0}

    def _resized(self, index: int, _old: int, new: int) -> None:
        if self._applying or self.settings is None or not 0 <= index < len(self.keys):
            return
        if new <= 0:
            return  # a hidden column keeps the width it had
        widths = self.saved(self.layout) | {self.keys[index]: new}
        self.settings.setValue(self._key(self.layout), json.dumps(widths, sort_keys=True))

    def _key(self, layout: str) -> str:
        return f"{self.prefix}/{layout}"

"""Which of a register's columns are shown: chosen on the header's right-click menu and
kept per register and layout in the window's settings, by column key (a column added in
a later version starts shown)."""

import json

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from oc_desktop.i18n import _


class ColumnChooser(QObject):
    def __init__(self, view: QTableView, settings: QSettings | None, prefix: str) -> None:
        super().__init__(view)
        self.view, self.settings, self.prefix = view, settings, prefix
        self.layout: str | None = None
        self.keys: list[str] = []
        self.menu: QMenu | None = None
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)

    def apply(self, layout: str, keys: list[str]) -> None:
        """Show ``layout``'s columns (``keys``, in order) as the clerk left them."""
        self.layout, self.keys = layout, keys
        hidden = self.hidden()
        if hidden >= set(keys):
            hidden = set()  # never a table without a column
        for index, key in enumerate(keys):
            self.view.setColumnHidden(index, key in hidden)

    def hidden(self) -> set[str]:
        if self.settings is None or self.layout is None:
            return set()
        try:
            stored = json.loads(str(self.settings.value(self._key(), "[]")))
        except ValueError:
            return set()  # a hand-edited or damaged value: every column shown
        return (
            {key for key in stored if isinstance(key, str)} if isinstance(stored, list) else set()
        )

    def set_shown(self, key: str, shown: bool) -> None:
        index = self.keys.index(key)
        if not shown and self.shown_count() <= 1:
            return  # the last column stays
        self.view.setColumnHidden(index, not shown)
        if shown:
            self._restore_width(index)
        if self.settings is not None:
            hidden = sorted(k for i, k in enumerate(self.keys) if self.view.isColumnHidden(i))
            self.settings.setValue(self._key(), json.dumps(hidden))

    def shown_count(self) -> int:
        return sum(not self.view.isColumnHidden(i) for i in range(len(self.keys)))

    def show_menu(self, position) -> QMenu:
        """The columns, each checked when shown; the last one shown cannot be unticked."""
        menu = QMenu(self.view)
        menu.setObjectName("column_chooser")
        menu.setTitle(_("Columns"))
        model = self.view.model()
        for index, key in enumerate(self.keys):
            title = str(model.headerData(index, Qt.Orientation.Horizontal) or key)
            action = QAction(title, menu, checkable=True)
            action.setChecked(not self.view.isColumnHidden(index))
            action.setEnabled(self.view.isColumnHidden(index) or self.shown_count() > 1)
            action.setData(key)
            action.toggled.connect(lambda on, key=key: self.set_shown(key, on))
            menu.addAction(action)
        self.menu = menu
        if position is not None:
            menu.popup(self.view.horizontalHeader().mapToGlobal(position))
        return menu

    def _restore_width(self, index: int) -> None:
        header = self.view.horizontalHeader()
        if header.sectionSize(index) < header.minimumSectionSize():
            header.resizeSection(index, header.defaultSectionSize())

    def _key(self) -> str:
        return f"{self.prefix}_hidden/{self.layout}"

"""A list of names the clerk edits one a line: typed or pasted in a box that splits them
(commas, semicolons, new lines), each completed from the directory, then changed in
place, removed or moved up and down."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QWidget,
)

from oc_desktop.i18n import _
from oc_desktop.ui.common.completer import FoldingCompleter

ROWS_SHOWN = 4  # the list's height, in names: the form still fits a small screen


class _CompletingDelegate(QStyledItemDelegate):
    """A name changed in place is completed from the directory too."""

    def __init__(self, names: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.names = names

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt's name)
        editor = QLineEdit(parent)
        editor.setCompleter(FoldingCompleter(self.names, editor))
        return editor


class _AddLine(QLineEdit):
    """Enter adds what is typed (the form's Save is Enter on an empty line); a paste of
    several names adds each."""

    def __init__(self, add: Callable[[str], bool]) -> None:
        super().__init__()
        self._add = add

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.text().strip():
            self._add(self.text())
            self.clear()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            pasted = QApplication.clipboard().text()
            if any(mark in pasted for mark in ";,\n"):
                self._add(self.text() + pasted)
                self.clear()
                return
        super().keyPressEvent(event)


class NamesList(QWidget):
    def __init__(
        self, names: list[str], known: list[str], split: Callable[[str, list[str]], list[str]]
    ) -> None:
        super().__init__()
        self.known, self._split = known, split
        self.line = _AddLine(self.add_text)
        self.line.setObjectName("names_line")
        self.line.setCompleter(FoldingCompleter(known, self.line))
        self.list = QListWidget()
        self.list.setObjectName("names_list")
        self.list.setItemDelegate(_CompletingDelegate(known, self.list))
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        row = self.list.sizeHintForRow(0) if self.list.count() else self.fontMetrics().height() + 6
        self.list.setFixedHeight(row * ROWS_SHOWN + 2 * self.list.frameWidth())
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.up_button, self.down_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self._add_typed)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.list.installEventFilter(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.line, 0, 0)
        grid.addWidget(self.add_button, 0, 1)
        grid.addWidget(self.list, 1, 0, 3, 1)
        grid.addWidget(self.remove_button, 1, 1)
        grid.addWidget(self.up_button, 2, 1)
        grid.addWidget(self.down_button, 3, 1)
        self.setFocusProxy(self.line)
        for name in names:
            self._append(name)
        self.retranslate()

    def retranslate(self) -> None:
        self.line.setPlaceholderText(_("Type a name; several separated by , ; or lines"))
        self.add_button.setText(_("Add"))
        self.remove_button.setText(_("Remove"))
        self.up_button.setText(_("Up"))
        self.down_button.setText(_("Down"))
        self.list.setToolTip(
            _("Double-click or F2 changes a name; Delete removes it; Ctrl+Up/Down moves it.")
        )

    def names(self) -> list[str]:
        """The names in the list, and any still typed in the box."""
        listed = [self.list.item(i).text().strip() for i in range(self.list.count())]
        return [n for n in listed if n] + self._split(self.line.text(), self.known)

    def add_text(self, text: str) -> bool:
        added = False
        for name in self._split(text, self.known):
            self._append(name)
            added = True
        if added:
            self.list.setCurrentRow(self.list.count() - 1)
        return added

    def _add_typed(self) -> None:
        self.add_text(self.line.text())
        self.line.clear()
        self.line.setFocus()

    def _append(self, name: str) -> None:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.list and event.type() == event.Type.KeyPress:
            control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if event.key() == Qt.Key.Key_Delete:
                self.remove_current()
                return True
            if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

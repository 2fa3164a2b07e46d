"""The one table model every tab uses: fed rows, never touching the database.

Each column names its header, how a row shows in it, the key the database sorts it by
(so dates and amounts never sort as text) and the sample text its width is made for. A
register feeds it a page at a time: ``more`` says whether rows are left, and scrolling
near the end asks for them through ``more_wanted``.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from oc_desktop.i18n import _

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
HIDDEN = "—"  # what a cell shows of a value its reader may not see
_ROOT = QModelIndex()
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str  # an N_() message, translated when shown
    text: Callable[[Any], str | None]  # None: hidden from this reader
    key: str = ""  # the query's name for it: the database sorts, never the view
    sample: str = ""  # the text its width is first made for


# (row, role) -> what the role shows for the whole row (colour, font, tooltip) or None
RowStyle = Callable[[Any, int], Any]

#: the colour of a row that no longer counts (a void number, a reversed voucher)
STRUCK_COLOUR = QColor("#888888")


def struck_out(role: int, *, struck: bool = True) -> Any:
    """What ``role`` shows for a row that no longer counts: grey, and struck through
    when ``struck`` (a reversal is grey but stands; what it reverses is struck)."""
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(STRUCK_COLOUR)
    if role == Qt.ItemDataRole.FontRole and struck:
        font = QFont()
        font.setStrikeOut(True)
        return font
    return None


class TableModel(QAbstractTableModel):
    more_wanted = Signal()

    def __init__(
        self, columns: Sequence[Column] = (), parent=None, *, style: RowStyle | None = None
    ):
        super().__init__(parent)
        self.columns, self.style = list(columns), style
        self.rows: list[Any] = []
        self.more = False
        self._asked = False

    def set_columns(self, columns: Sequence[Column]) -> None:
        self.beginResetModel()
        self.columns, self.rows, self.more = list(columns), [], False
        self.endResetModel()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.reset(rows, more=False)

    def reset(self, rows: Sequence[Any], *, more: bool = False) -> None:
        self.beginResetModel()
        self.rows, self.more, self._asked = list(rows), more, False
        self.endResetModel()

    def append(self, rows: Sequence[Any], *, more: bool) -> None:
        self.more, self._asked = more, False
        if rows:
            start = len(self.rows)
            self.beginInsertRows(_ROOT, start, start + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def row(self, index: int) -> Any:
        return self.rows[index]

    def column_of(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:  # noqa: N802 (Qt's name)
        return not parent.isValid() and self.more and not self._asked

    def fetchMore(self, parent: Index = _ROOT) -> None:  # noqa: N802 (Qt's name)
        if self.canFetchMore(parent):
            self._asked = True  # once per page: the next one is on its way
            self.more_wanted.emit()

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            shown = column.text(row)
            return HIDDEN if shown is None else shown
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return getattr(row, "id", None)
        return self.style(row, role) if self.style else None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns[section].header)
        return None

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1)
            )

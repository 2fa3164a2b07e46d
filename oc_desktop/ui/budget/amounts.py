"""Amount columns line up on the right, as kip do on paper."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate

from oc_desktop.ui.common.table_model import TableModel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class AmountsModel(TableModel):
    def __init__(self, columns, *, first_amount: int, style=None) -> None:
        super().__init__(columns, style=style)
        self.first_amount = first_amount

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= self.first_amount:
            return RIGHT
        return super().data(index, role)


class RightAligned(QStyledItemDelegate):
    """For a column of a model this module does not own (a register tab's)."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt's name)
        super().initStyleOption(option, index)
        option.displayAlignment = RIGHT

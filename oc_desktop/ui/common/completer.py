"""A completer that finds a name however it is typed: look-alike Lao spellings
(ໜ/ຫນ, ຫຼ/ຫລ, ນ້ຳ/ນໍ້າ), either digit system, case and spacing, anywhere in the name."""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QWidget

from oc_desktop.laotext import identity_key

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class FoldingCompleter(QCompleter):
    """Matches the typed text's ``identity_key`` inside each name's; shows and inserts
    the name as it is in the list."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        model = QStandardItemModel(self)
        for name in names:
            item = QStandardItem(name)
            item.setData(identity_key(name), KEY_ROLE)
            item.setEditable(False)
            model.appendRow(item)
        self.setModel(model)
        self.setCompletionRole(KEY_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)  # keys are case-folded
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt override)
        return [identity_key(path)]

    def pathFromIndex(self, index: QModelIndex) -> str:  # noqa: N802 (Qt override)
        return index.data(Qt.ItemDataRole.DisplayRole) or ""

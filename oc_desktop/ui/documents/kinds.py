"""The office's list of document kinds (ມະຕິຕົກລົງ, ຄຳສັ່ງ, ແຈ້ງການ …): add, rename, retire.

A kind is never deleted, since entries keep the kind they were registered with; a
retired kind is no longer offered for new entries but still filters the register.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.documents.directory import Kind, list_kinds, save_kind
from oc_desktop.i18n import N_, _
from oc_desktop.models.db import Database
from oc_desktop.security import Actor
from oc_desktop.ui.common.forms import FormRows
from oc_desktop.validation import ValidationError

ID_ROLE = Qt.ItemDataRole.UserRole
RETIRED_COLOUR = QColor("#888888")


class KindsDialog(QDialog):
    """Edits kinds one at a time; ``changed`` tells the caller to re-read its lists."""

    def __init__(self, parent: QWidget | None, db: Database, actor: Actor) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.changed = False
        self.kind_id: int | None = None
        self.kinds: dict[int, Kind] = {}
        self.setMinimumSize(560, 380)

        self.list = QListWidget()
        self.list.setProperty("holds_data", True)  # the office's own names
        self.list.currentItemChanged.connect(self._item_chosen)
        self.name = QLineEdit()
        self.active = QCheckBox()
        self.form_title = QLabel()
        form = QFormLayout()
        self.rows = FormRows(form)
        self.rows.add("name", N_("Name of the kind"), self.name)
        self.rows.add("active", None, self.active)
        self.new_button, self.save_button = QPushButton(), QPushButton()
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.save_button.setDefault(True)
        self.message = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        for button in self.buttons.buttons():
            button.setAutoDefault(False)

        side = QVBoxLayout()
        side.addWidget(self.form_title)
        side.addLayout(form)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        side.addLayout(actions)
        side.addWidget(self.message)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.list, self.name)
        self.setTabOrder(self.name, self.active)
        self.setTabOrder(self.active, self.save_button)
        self.setTabOrder(self.save_button, self.new_button)

        self.retranslate()
        self.reload()
        self.start_new()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Document kinds"))
        self.rows.retranslate()
        self.active.setText(_("Offered for new entries"))
        self.new_button.setText(_("&New kind"))
        self.save_button.setText(_("&Save"))
        self._show_form_title()

    def _show_form_title(self) -> None:
        self.form_title.setText(
            _("<b>New kind</b>") if self.kind_id is None else _("<b>Change this kind</b>")
        )

    def reload(self, select_id: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        kinds = list_kinds(self.db, include_retired=True)
        self.kinds = {kind.id: kind for kind in kinds}
        for kind in kinds:
            self.list.addItem(self._item(kind))
            if kind.id == select_id:
                self.list.setCurrentRow(self.list.count() - 1)
        self.list.blockSignals(False)

    @staticmethod
    def _item(kind: Kind) -> QListWidgetItem:
        text = kind.name if kind.active else _("{name} (retired)").format(name=kind.name)
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, kind.id)
        if not kind.active:
            item.setForeground(RETIRED_COLOUR)
        return item

    def kind_names(self) -> list[str]:
        """The list as shown, in order."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _item_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        kind = self.kinds[item.data(ID_ROLE)]
        self.kind_id = kind.id
        self.name.setText(kind.name)
        self.active.setChecked(kind.active)
        self.rows.clear_errors()
        self.message.clear()
        self._show_form_title()

    def choose(self, name: str) -> None:
        """Select the kind of this name for changing."""
        for row in range(self.list.count()):
            if self.kinds[self.list.item(row).data(ID_ROLE)].name == name:
                self.list.setCurrentRow(row)
                return
        raise LookupError(name)

    def start_new(self) -> None:
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.kind_id = None
        self.name.clear()
        self.active.setChecked(True)
        self.rows.clear_errors()
        self._show_form_title()
        self.name.setFocus()

    def save(self) -> bool:
        try:
            kind = save_kind(
                self.db,
                actor=self.actor,
                kind_id=self.kind_id,
                name=self.name.text(),
                active=self.active.isChecked(),
            )
        except ValidationError as error:
            self.message.clear()
            self.rows.show_errors(error.errors)
            return False
        self.changed = True
        self.reload(select_id=kind.id)
        self._item_chosen(self.list.currentItem())
        self.message.setText(_("Saved: {name}").format(name=kind.name))
        return True

"""What the seal dialogs share: every error an operation reports is shown at a field,
combos of seals and people, a date with its time."""

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from oc_desktop.i18n import _
from oc_desktop.seal import terms
from oc_desktop.seal.seals import SealRow, people
from oc_desktop.ui.common.entry_dialog import EntryDialog
from oc_desktop.validation import ValidationError


class SealDialogBase(EntryDialog):
    """An entry dialog whose every operation error lands at a field: ``aliases`` maps an
    operation's field to the row that shows it, and anything else goes to the first row."""

    aliases: dict[str, str] = {}

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent, title)
        self.keys: list[str] = []

    def add(self, key: str, label: str | None, widget):
        self.keys.append(key)
        return self.rows.add(key, label, widget)

    def save(self) -> None:
        self._input_errors = {}
        try:
            self.result_id = self.submit()
        except ValidationError as error:
            shown: dict[str, str] = {}
            for key, message in {**error.errors, **self._input_errors}.items():
                key = self.aliases.get(key, key)
                shown.setdefault(key if key in self.keys else self.keys[0], message)
            self.rows.show_errors(shown)
            return
        self.accept()


def seal_combo(seals: list[SealRow], current: int | None, *, in_use_only: bool) -> QComboBox:
    combo = QComboBox()
    combo.setProperty("holds_data", True)
    for seal in seals:
        if seal.status == "in_use" or not in_use_only or seal.id == current:
            combo.addItem(f"{seal.name} ({terms.word(terms.SEAL_KIND, seal.kind)})", seal.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def people_combo(db, current: int | None) -> QComboBox:
    combo = QComboBox()
    combo.setProperty("holds_data", True)
    combo.addItem("", None)
    for user_id, name in people(db):
        combo.addItem(name, user_id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def time_line(text: str) -> QLineEdit:
    line = QLineEdit(text)
    line.setPlaceholderText(_("e.g. 09:30"))
    return line

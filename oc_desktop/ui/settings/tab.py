"""Settings: the organisation profile printed on every paper, and the office's preferences."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oc_desktop import formatting, i18n
from oc_desktop.audit.text import field_label
from oc_desktop.i18n import N_, _
from oc_desktop.profile import (
    SectionRow,
    SignerRow,
    get_setting,
    load_profile,
    save_profile,
    set_settings,
    setting_problems,
)
from oc_desktop.storage_errors import is_storage_error
from oc_desktop.ui.common.base_tab import BaseTab
from oc_desktop.ui.common.entry_dialog import tell_save_failure
from oc_desktop.ui.common.forms import ERROR_STYLE, DigitSpinBox, FormRows
from oc_desktop.validation import ValidationError

ID_ROLE = Qt.ItemDataRole.UserRole
#: a setting's key and the preference row that shows it, where the two differ
_FIELD_OF = {"lao_digits": "digits"}
_FIELDS_HERE = frozenset(
    {
        "language",
        "digits",
        "due_soon_days",
        "idle_lock_minutes",
        "sign_in_attempts",
        "lockout_seconds",
        "seal_max_sheets",
        "seal_use_needs_approval",
    }
)


class RowsEditor(QWidget):
    """A small editable table (sections, signers) with add, remove, up and down."""

    def __init__(self, column_messages: list[str]) -> None:
        super().__init__()
        self._column_messages = column_messages
        self.table = QTableWidget(0, len(column_messages))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(150)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.up_button, self.down_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(lambda: self.append([""] * self.table.columnCount()))
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([_(m) for m in self._column_messages])
        self.add_button.setText(_("Add"))
        self.remove_button.setText(_("Remove"))
        self.up_button.setText(_("Move up"))
        self.down_button.setText(_("Move down"))

    def append(self, values: list[str], row_id: int | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(ID_ROLE, row_id)
            self.table.setItem(row, column, item)
        self.table.setCurrentCell(row, 0)

    def set_rows(self, rows: list[tuple[int | None, list[str]]]) -> None:
        self.table.setRowCount(0)
        for row_id, values in rows:
            self.append(values, row_id)

    def rows(self) -> list[tuple[int | None, list[str]]]:
        result = []
        for row in range(self.table.rowCount()):
            items = [self.table.item(row, c) for c in range(self.table.columnCount())]
            row_id = items[0].data(ID_ROLE) if items[0] else None
            result.append((row_id, [item.text() if item else "" for item in items]))
        return result

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        rows = self.rows()
        rows[row], rows[target] = rows[target], rows[row]
        self.set_rows(rows)
        self.table.setCurrentCell(target, 0)


class SettingsTab(BaseTab):
    """The office's profile and preferences; saved together, checked field by field."""

    language_changed = Signal(str)

    def __init__(self, db, actor=None, parent=None) -> None:
        super().__init__(db, actor, parent)
        self.name_edit, self.abbreviation_edit = QLineEdit(), QLineEdit()
        self.place_edit, self.parent_edit = QLineEdit(), QLineEdit()
        self.sections = RowsEditor([N_("Section")])
        self.signers = RowsEditor([N_("Title"), N_("Name")])
        self.language_combo, self.digits_combo = QComboBox(), QComboBox()
        self.due_days = DigitSpinBox()
        self.due_days.setRange(0, 90)
        self.idle_minutes = DigitSpinBox()
        self.attempts = DigitSpinBox()
        self.lockout = DigitSpinBox()
        self.idle_minutes.setRange(0, 480)
        self.attempts.setRange(1, 20)
        self.lockout.setRange(5, 3600)
        self.seal_sheets, self.seal_approval = DigitSpinBox(), QCheckBox()
        self.seal_sheets.setRange(1, 50)
        self.read_only_note = QLabel()
        self.read_only_note.setWordWrap(True)
        self.stored_note = QLabel()
        self.stored_note.setWordWrap(True)
        self.stored_note.setStyleSheet(ERROR_STYLE)
        self.stored_note.hide()
        self.save_button, self.revert_button = QPushButton(), QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        self.org_box, self.sections_box = QGroupBox(), QGroupBox()
        self.signers_box, self.prefs_box = QGroupBox(), QGroupBox()
        org_form = QFormLayout(self.org_box)
        self.rows = FormRows(org_form)
        self.rows.add("name", N_("Organisation name"), self.name_edit)
        self.rows.add("abbreviation", N_("Abbreviation"), self.abbreviation_edit)
        self.rows.add("place", N_("Place on the date line"), self.place_edit)
        self.rows.add("parent_body", N_("Parent body"), self.parent_edit)
        self.list_rows = FormRows(QFormLayout(self.sections_box))
        self.list_rows.add("sections", None, self.sections)
        self.signer_rows = FormRows(QFormLayout(self.signers_box))
        self.signer_rows.add("signers", None, self.signers)
        prefs = FormRows(QFormLayout(self.prefs_box))
        prefs.add("language", N_("Language"), self.language_combo)
        prefs.add("digits", N_("Digits"), self.digits_combo)
        prefs.add("due_soon_days", N_("Follow-up: due within (days)"), self.due_days)
        prefs.add("idle_lock_minutes", N_("Lock after idle minutes (0: never)"), self.idle_minutes)
        prefs.add("sign_in_attempts", N_("Wrong passwords before a wait"), self.attempts)
        prefs.add("lockout_seconds", N_("First wait (seconds), doubled each time"), self.lockout)
        prefs.add(
            "seal_max_sheets",
            N_("Seal across page edges: sheets per impression at most"),
            self.seal_sheets,
        )
        prefs.add(
            "seal_use_needs_approval",
            N_("Every use of a seal names who approved it"),
            self.seal_approval,
        )
        self.pref_rows = prefs

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.read_only_note)
        column.addWidget(self.stored_note)
        for box in (self.org_box, self.sections_box, self.signers_box, self.prefs_box):
            column.addWidget(box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.read_only = not (actor is not None and actor.may_write("settings"))
        if self.read_only:  # the head reads the settings; only an administrator edits them
            for box in (self.org_box, self.sections_box, self.signers_box, self.prefs_box):
                box.setEnabled(False)
            self.save_button.hide()
            self.revert_button.hide()
        self.read_only_note.setVisible(self.read_only)
        self.retranslate()
        self.refresh()

    def title(self) -> str:
        return _("Settings")

    def retranslate(self) -> None:
        self.org_box.setTitle(_("Organisation profile"))
        self.sections_box.setTitle(_("Sections of the office"))
        self.signers_box.setTitle(_("People who sign"))
        self.prefs_box.setTitle(_("Preferences"))
        for rows in (self.rows, self.list_rows, self.signer_rows, self.pref_rows):
            rows.retranslate()
        self.sections.retranslate()
        self.signers.retranslate()
        self._fill_combo(self.language_combo, [("lo", "ພາສາລາວ"), ("en", "English")])
        self._fill_combo(
            self.digits_combo, [(False, _("Arabic digits 0-9")), (True, _("Lao digits ໐-໙"))]
        )
        self.save_button.setText(_("Save"))
        self.revert_button.setText(_("Revert"))
        self.read_only_note.setText(_("Only an administrator changes these settings."))
        self.name_edit.setPlaceholderText(
            _("e.g. the Provincial Propaganda and Training Committee")
        )

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[object, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def refresh(self) -> None:
        profile = load_profile(self.db)
        self.name_edit.setText(profile.name)
        self.abbreviation_edit.setText(profile.abbreviation)
        self.place_edit.setText(profile.place)
        self.parent_edit.setText(profile.parent_body)
        self.sections.set_rows([(s.id, [s.name]) for s in profile.sections])
        self.signers.set_rows([(s.id, [s.title, s.name]) for s in profile.signers])
        self.language_combo.setCurrentIndex(
            self.language_combo.findData(get_setting(self.db, "language"))
        )
        self.digits_combo.setCurrentIndex(
            self.digits_combo.findData(bool(get_setting(self.db, "lao_digits")))
        )
        self.due_days.setValue(int(get_setting(self.db, "due_soon_days")))
        self.idle_minutes.setValue(int(get_setting(self.db, "idle_lock_minutes")))
        self.attempts.setValue(int(get_setting(self.db, "sign_in_attempts")))
        self.lockout.setValue(int(get_setting(self.db, "lockout_seconds")))
        self.seal_sheets.setValue(int(get_setting(self.db, "seal_max_sheets")))
        self.seal_approval.setChecked(bool(get_setting(self.db, "seal_use_needs_approval")))
        for rows in (self.rows, self.list_rows, self.signer_rows):
            rows.clear_errors()
        self.show_stored_problems()

    def show_stored_problems(self) -> None:
        """Mark each preference whose stored value breaks its rule (edited in the data file
        by hand): the program runs on the default meanwhile, and saving here repairs it."""
        problems = {
            _FIELD_OF.get(key, key): _(
                "The stored value is not valid: {why} Until it is saved again, the default is used."
            ).format(why=why)
            for key, why in setting_problems(self.db).items()
        }
        self.pref_rows.show_errors(problems, focus=False)
        elsewhere = sorted(key for key in problems if key not in _FIELDS_HERE)
        self.stored_note.setText(
            _(
                "Settings not shown here hold values that are not valid, and their defaults "
                "are used: {keys}."
            ).format(keys=", ".join(field_label(key, "settings") for key in elsewhere))
            if elsewhere
            else ""
        )
        self.stored_note.setVisible(bool(elsewhere))

    def save(self) -> bool:
        """Store profile and preferences; on bad input show why at each field, save nothing."""
        if self.read_only:
            return False
        try:
            save_profile(
                self.db,
                actor=self.actor,
                name=self.name_edit.text(),
                abbreviation=self.abbreviation_edit.text(),
                place=self.place_edit.text(),
                parent_body=self.parent_edit.text(),
                sections=[SectionRow(i, v[0]) for i, v in self.sections.rows()],
                signers=[SignerRow(i, v[0], v[1]) for i, v in self.signers.rows()],
            )
        except ValidationError as error:
            for rows in (self.rows, self.list_rows, self.signer_rows):
                rows.show_errors(error.errors)
            self.status_message.emit(_("Not saved: correct the fields marked in red."))
            return False
        except Exception as error:
            if not is_storage_error(error):
                raise
            self.status_message.emit(tell_save_failure(self, error, self.db))
            return False
        language = self.language_combo.currentData()
        lao_digits = bool(self.digits_combo.currentData())
        try:
            set_settings(
                self.db,
                actor=self.actor,
                values={
                    "lao_digits": lao_digits,
                    "due_soon_days": self.due_days.value(),
                    "idle_lock_minutes": self.idle_minutes.value(),
                    "sign_in_attempts": self.attempts.value(),
                    "lockout_seconds": self.lockout.value(),
                    "seal_max_sheets": self.seal_sheets.value(),
                    "seal_use_needs_approval": self.seal_approval.isChecked(),
                    "language": language,
                },
            )
        except ValidationError as error:
            self.pref_rows.show_errors(
                {_FIELD_OF.get(key, key): message for key, message in error.errors.items()}
            )
            self.status_message.emit(_("Not saved: correct the fields marked in red."))
            return False
        except Exception as error:
            if not is_storage_error(error):
                raise
            self.status_message.emit(tell_save_failure(self, error, self.db))
            return False
        formatting.set_lao_digits(lao_digits)
        self.refresh()
        self.data_changed.emit()
        if language != i18n.language():
            i18n.set_language(language)
            self.language_changed.emit(language)
        self.status_message.emit(_("Settings saved."))
        return True


def make_tab(window) -> SettingsTab:
    """The Settings tab of ``window``; a language chosen there relabels the whole window."""
    window.settings_tab = SettingsTab(window.db, window.actor)
    window.settings_tab.language_changed.connect(window.language_changed)
    return window.settings_tab

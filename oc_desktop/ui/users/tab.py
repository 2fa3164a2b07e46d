"""Users (administrators only): who may sign in, with which roles and clearance.

The list on the left, the chosen person's form on the right; a new person gets a
password typed twice, an existing one a reset. Errors are told at their fields.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.formatting import format_datetime
from oc_desktop.i18n import N_, _
from oc_desktop.models.base import utcnow
from oc_desktop.security import CLEARANCE_LABELS, ROLE_LABELS, ROLES
from oc_desktop.storage_errors import is_storage_error
from oc_desktop.ui.common.base_tab import BaseTab
from oc_desktop.ui.common.entry_dialog import tell_save_failure
from oc_desktop.ui.common.forms import FormRows
from oc_desktop.ui.common.table_model import Column, TableModel
from oc_desktop.ui.session.sign_in import password_edit
from oc_desktop.ui.users.dialogs import PasswordDialog
from oc_desktop.user_admin import UserRow, list_users, unlock_user, update_user
from oc_desktop.users import create_user
from oc_desktop.validation import ValidationError


def roles_text(row: UserRow) -> str:
    return ", ".join(_(ROLE_LABELS[role]) for role in row.roles if role in ROLE_LABELS)


def locked_text(row: UserRow) -> str:
    if row.locked_until is None or row.locked_until <= utcnow():
        return ""
    return format_datetime(row.locked_until)


COLUMNS = (
    Column(N_("User name"), lambda r: r.username),
    Column(N_("Full name"), lambda r: r.full_name),
    Column(N_("Roles"), roles_text),
    Column(N_("Clearance"), lambda r: _(CLEARANCE_LABELS[r.clearance]), lambda r: r.clearance),
    Column(N_("Active"), lambda r: _("yes") if r.active else _("no")),
    Column(N_("Locked until"), locked_text, lambda r: r.locked_until),
)


class UsersTab(BaseTab):
    def __init__(self, db, actor, parent=None) -> None:
        super().__init__(db, actor, parent)
        self.current: UserRow | None = None
        self.model = TableModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_user(
                self.model.row(current.row()) if current.isValid() else None
            )
        )
        self.new_button = QPushButton()
        self.new_button.clicked.connect(lambda: self.show_user(None))

        self.username, self.full_name = QLineEdit(), QLineEdit()
        self.role_boxes = {role: QCheckBox() for role in ROLES}
        roles = QWidget()
        grid = QGridLayout(roles)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.role_boxes.values()):
            grid.addWidget(box, i, 0)  # one a line: the Lao names are long
        self.clearance = QComboBox()
        self.active = QCheckBox()
        self.password, self.password_again = password_edit(), password_edit()
        self.lock_label = QLabel()
        self.lock_label.setWordWrap(True)
        self.form_box = QGroupBox()
        self.rows = FormRows(QFormLayout(self.form_box))
        self.rows.add("username", N_("User name"), self.username)
        self.rows.add("full_name", N_("Full name"), self.full_name)
        self.rows.add("roles", N_("Roles"), roles)
        self.rows.add("clearance", N_("Clearance for secret documents"), self.clearance)
        self.rows.add("active", N_("Account"), self.active)
        self.rows.add("password", N_("Password"), self.password)
        self.rows.add("password_again", N_("Password again"), self.password_again)
        self.rows.add("lock", None, self.lock_label)
        self.save_button, self.reset_button = QPushButton(), QPushButton()
        self.unlock_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.ask_reset_password)
        self.unlock_button.clicked.connect(self.unlock)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.table)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_button)
        new_row.addStretch(1)
        left_column.addLayout(new_row)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.form_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right_column.addLayout(buttons)
        right_column.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 400])  # the list gets the room; the form keeps its own
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.dialog: PasswordDialog | None = None
        self.retranslate()
        self.refresh()

    def title(self) -> str:
        return _("Users")

    def retranslate(self) -> None:
        self.rows.retranslate()
        self.model.retranslate()
        for role, box in self.role_boxes.items():
            box.setText(_(ROLE_LABELS[role]))
        current = self.clearance.currentData()
        self.clearance.clear()
        for level, message in CLEARANCE_LABELS.items():
            self.clearance.addItem(_(message), level)
        if current is not None:
            self.clearance.setCurrentIndex(self.clearance.findData(current))
        self.active.setText(_("Active: may sign in"))
        self.new_button.setText(_("New user"))
        self.save_button.setText(_("Save"))
        self.reset_button.setText(_("Reset password…"))
        self.unlock_button.setText(_("Unlock"))
        self._update_form_title()

    def _update_form_title(self) -> None:
        if self.current is None:
            self.form_box.setTitle(_("New user"))
        else:
            self.form_box.setTitle(_("User {username}").format(username=self.current.username))

    def refresh(self) -> None:
        chosen = self.current.id if self.current else None
        self.model.set_rows(list_users(self.db, actor=self.actor))
        self.select(chosen)

    def select(self, user_id: int | None) -> None:
        for index, row in enumerate(self.model.rows):
            if row.id == user_id:
                self.table.selectRow(index)
                self.show_user(row)
                return
        self.table.clearSelection()
        self.show_user(None)

    def show_user(self, row: UserRow | None) -> None:
        """Fill the form with a person, or empty it for a new one."""
        self.current = row
        new = row is None
        self.rows.clear_errors()
        self.username.setText("" if new else row.username)
        self.username.setReadOnly(not new)
        self.full_name.setText("" if new else row.full_name)
        for role, box in self.role_boxes.items():
            box.setChecked(not new and role in row.roles)
        self.clearance.setCurrentIndex(self.clearance.findData(0 if new else row.clearance))
        self.active.setChecked(new or row.active)
        for key in ("password", "password_again"):
            self.rows.set_visible(key, new)
        self.password.clear()
        self.password_again.clear()
        self.rows.set_visible("active", not new)
        locked = "" if new else locked_text(row)
        self.lock_label.setText(
            _("Locked after wrong passwords until {time}.").format(time=locked) if locked else ""
        )
        self.rows.set_visible("lock", bool(locked))
        self.reset_button.setEnabled(not new)
        self.unlock_button.setEnabled(bool(locked))
        self._update_form_title()
        (self.username if new else self.full_name).setFocus()

    def chosen_roles(self) -> list[str]:
        return [role for role, box in self.role_boxes.items() if box.isChecked()]

    def save(self) -> bool:
        try:
            if self.current is None:
                actor = create_user(
                    self.db,
                    actor=self.actor,
                    username=self.username.text(),
                    full_name=self.full_name.text(),
                    password=self.password.text(),
                    password_again=self.password_again.text(),
                    roles=self.chosen_roles(),
                    clearance=self.clearance.currentData(),
                )
                user_id = actor.user_id
            else:
                user_id = update_user(
                    self.db,
                    actor=self.actor,
                    user_id=self.current.id,
                    full_name=self.full_name.text(),
                    roles=self.chosen_roles(),
                    clearance=self.clearance.currentData(),
                    active=self.active.isChecked(),
                ).id
        except ValidationError as error:
            self.rows.show_errors(error.errors)
            self.status_message.emit(_("Not saved: correct the fields marked in red."))
            return False
        except Exception as error:
            if not is_storage_error(error):
                raise
            self.status_message.emit(tell_save_failure(self, error, self.db))
            return False
        self.current = None
        self.model.set_rows(list_users(self.db, actor=self.actor))
        self.select(user_id)
        self.data_changed.emit()
        self.status_message.emit(_("User saved."))
        return True

    def ask_reset_password(self) -> PasswordDialog | None:
        if self.current is None:
            return None
        self.dialog = PasswordDialog(self, self.db, self.actor, self.current)
        self.dialog.accepted.connect(self._password_reset)
        self.dialog.open()
        return self.dialog

    def _password_reset(self) -> None:
        self.refresh()
        self.status_message.emit(_("The new password is set."))

    def unlock(self) -> None:
        if self.current is not None:
            unlock_user(self.db, actor=self.actor, user_id=self.current.id)
            self.refresh()
            self.status_message.emit(_("The user may sign in again now."))


def make_tab(window) -> UsersTab:
    return UsersTab(window.db, window.actor)

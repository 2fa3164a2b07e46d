"""The two doors into the program: the first start's administrator, and the sign-in.

Both are opened with ``open()``; once accepted, ``actor`` holds the signed-in person.
A refusal is told at its field in the user's language, and the dialog stays open.
"""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.i18n import N_, _
from oc_desktop.models.db import Database
from oc_desktop.profile import load_profile
from oc_desktop.security import Actor
from oc_desktop.storage_errors import is_storage_error
from oc_desktop.ui.common.entry_dialog import tell_save_failure
from oc_desktop.ui.common.forms import FormRows
from oc_desktop.users import SignInError, create_first_admin, sign_in
from oc_desktop.validation import ValidationError

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _Door(QDialog):
    """A small form with a heading, fields with their errors, and OK / Quit."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(_("OC Desktop"))
        self.setMinimumWidth(460)
        self.heading, self.intro = QLabel(), QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.rows = FormRows(self.form)
        self.buttons = QDialogButtonBox(OK | CANCEL)
        self.buttons.button(CANCEL).setText(_("Quit"))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def ok_button(self):
        return self.buttons.button(OK)

    def try_accept(self) -> None:
        raise NotImplementedError


class SignInDialog(_Door):
    """User name and password; wrong tries count toward the account's lock."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.username, self.password = QLineEdit(), password_edit()
        self.rows.add("username", N_("User name"), self.username)
        self.rows.add("password", N_("Password"), self.password)
        self.rows.retranslate()
        self.heading.setText(_("Sign in"))
        office = load_profile(db).name
        self.intro.setText(office or _("Sign in with the user name the administrator gave you."))
        self.ok_button().setText(_("Sign in"))
        self.username.setFocus()

    def try_accept(self) -> None:
        try:
            self.actor = sign_in(
                self.db, username=self.username.text(), password=self.password.text()
            )
        except SignInError as error:
            self.password.clear()
            self.rows.show_errors({"password": str(error)})
            self.password.setFocus()
            return
        except Exception as error:
            if not is_storage_error(error):
                raise
            tell_save_failure(self, error, self.db, kept=False)
            return
        self.accept()


class FirstRunDialog(_Door):
    """A new data file: create the administrator, who then adds everyone else."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.username, self.full_name = QLineEdit(), QLineEdit()
        self.password, self.password_again = password_edit(), password_edit()
        self.rows.add("username", N_("User name"), self.username)
        self.rows.add("full_name", N_("Full name"), self.full_name)
        self.rows.add("password", N_("Password"), self.password)
        self.rows.add("password_again", N_("Password again"), self.password_again)
        self.rows.retranslate()
        self.heading.setText(_("Welcome to OC Desktop"))
        self.intro.setText(
            _(
                "No one uses this data yet. Create the administrator: the person who adds "
                "the other users and keeps the settings. Keep the password safe."
            )
        )
        self.username.setPlaceholderText(_("e.g. admin (one word, no spaces)"))
        self.ok_button().setText(_("Create and sign in"))
        self.username.setFocus()

    def try_accept(self) -> None:
        try:
            self.actor = create_first_admin(
                self.db,
                username=self.username.text(),
                full_name=self.full_name.text(),
                password=self.password.text(),
                password_again=self.password_again.text(),
            )
        except ValidationError as error:
            self.rows.show_errors(error.errors)
            return
        except Exception as error:
            if not is_storage_error(error):
                raise
            tell_save_failure(self, error, self.db)
            return
        self.accept()

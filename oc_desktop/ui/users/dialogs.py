"""A new password for a person who forgot theirs, typed twice, set by the administrator."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from oc_desktop.i18n import N_, _
from oc_desktop.storage_errors import is_storage_error
from oc_desktop.ui.common.entry_dialog import tell_save_failure
from oc_desktop.ui.common.forms import FormRows
from oc_desktop.ui.session.sign_in import password_edit
from oc_desktop.user_admin import UserRow, reset_password
from oc_desktop.validation import ValidationError

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


class PasswordDialog(QDialog):
    def __init__(self, parent, db, actor, user: UserRow) -> None:
        super().__init__(parent)
        self.db, self.actor, self.user = db, actor, user
        self.setWindowTitle(_("Reset the password"))
        self.setMinimumWidth(440)
        intro = QLabel(
            _(
                "A new password for {name} ({username}). Tell it to them in person; it "
                "also lifts a lock after wrong passwords."
            ).format(name=user.full_name, username=user.username)
        )
        intro.setWordWrap(True)
        self.password, self.password_again = password_edit(), password_edit()
        form = QFormLayout()
        self.rows = FormRows(form)
        self.rows.add("password", N_("New password"), self.password)
        self.rows.add("password_again", N_("Password again"), self.password_again)
        self.rows.retranslate()
        self.buttons = QDialogButtonBox(OK | CANCEL)
        self.buttons.button(OK).setText(_("Set the password"))
        self.buttons.button(CANCEL).setText(_("Cancel"))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def try_accept(self) -> None:
        try:
            reset_password(
                self.db,
                actor=self.actor,
                user_id=self.user.id,
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

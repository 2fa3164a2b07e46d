"""The dialogs of a backup and a restore, and a worker that runs either off the UI thread.

Dialogs are opened with ``open()`` (never a nested ``exec()``): the caller connects to
``accepted``, and tests fill the fields and press the buttons like a clerk.
"""

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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

from oc_desktop.backup.drives import is_removable
from oc_desktop.backup.errors import (
    BackupError,
    PasswordRequiredError,
    RestoreKeyRequiredError,
    WrongPasswordError,
)
from oc_desktop.backup.registers import current_counts, describe_backup, describe_difference
from oc_desktop.backup.restore import inspect_backup
from oc_desktop.formatting import format_int
from oc_desktop.i18n import _, ngettext
from oc_desktop.ui.common.jobs import Job

PATH_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
#: dialogs stay well inside a 1366×768 screen with a taskbar
MAX_WIDTH, MIN_WIDTH = 720, 560


def describe_age(made: datetime | None, now: datetime | None = None) -> str:
    if made is None:
        return _("No backup yet")
    days = ((now or datetime.now()) - made) // timedelta(days=1)
    if days <= 0:
        return _("Last backup: today")
    return ngettext("Last backup: {n} day ago", "Last backup: {n} days ago", days).format(
        n=format_int(days)
    )


def backup_places() -> list[tuple[str, Path]]:
    """Mounted removable drives, with a label a clerk recognises."""
    places = []
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if volume.isValid() and volume.isReady() and not volume.isReadOnly() and is_removable(root):
            free = volume.bytesAvailable() // (1 << 20)
            name = volume.displayName()
            label = _("{name} ({root}, {free} MB free)").format(
                name=name if name != root else Path(root).name, root=root, free=format_int(free)
            )
            places.append((label, Path(root)))
    return places


class BackupDialog(QDialog):
    """Where to write the backup (removable drives first) and whether to seal it."""

    def __init__(self, parent: QWidget | None, last_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Back up the data"))
        self.places = QListWidget()
        for label, path in backup_places():
            self.add_place(label, path)
        if last_folder is not None and last_folder.is_dir():
            self.add_place(_("Last used: {path}").format(path=last_folder), last_folder)
        if self.places.count():
            self.places.setCurrentRow(0)
        self.other_button = QPushButton(_("Other folder…"))
        self.other_button.clicked.connect(self._choose_folder)
        self.encrypt = QCheckBox(_("Protect with a password (for a drive that leaves the office)"))
        self.password, self.repeat = QLineEdit(), QLineEdit()
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setEnabled(False)
            field.textChanged.connect(self._update)
        self.encrypt.toggled.connect(self.password.setEnabled)
        self.encrypt.toggled.connect(self.repeat.setEnabled)
        self.encrypt.toggled.connect(self._update)
        self.places.currentRowChanged.connect(self._update)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Back up"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("Password:"), self.password)
        form.addRow(_("Repeat the password:"), self.repeat)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.other_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Write the backup to:")))
        layout.addWidget(self.places)
        layout.addLayout(row)
        layout.addWidget(self.encrypt)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self._update()

    def add_place(self, label: str, path: Path) -> None:
        item = QListWidgetItem(label)
        item.setData(PATH_ROLE, str(path))
        self.places.addItem(item)

    def choose(self, path: Path) -> None:
        """Pick a folder (what the folder dialog does for the clerk)."""
        self.add_place(str(path), path)
        self.places.setCurrentRow(self.places.count() - 1)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Choose the folder for the backup"))
        if folder:
            self.choose(Path(folder))

    def destination(self) -> Path | None:
        item = self.places.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def chosen_password(self) -> str | None:
        return self.password.text() if self.encrypt.isChecked() else None

    def _update(self, *_args) -> None:
        problem = ""
        if self.destination() is None:
            problem = _("Put in a USB drive or choose a folder.")
        elif self.encrypt.isChecked():
            if len(self.password.text()) < 8:
                problem = _(
                    "The password needs at least 8 characters. Keep it safe: "
                    "without it the backup cannot be restored."
                )
            elif self.password.text() != self.repeat.text():
                problem = _("The two passwords are not the same.")
        self.hint.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)


class RestoreDialog(QDialog):
    """Shows what a backup holds, and what the data here holds that it does not, before a
    restore; asks the backup's password or the office's restore key when it needs one."""

    #: what the backup holds is shown (or why it cannot be read)
    looked = Signal()

    def __init__(self, parent: QWidget | None, path: Path, data_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.path, self.data_dir, self.info = Path(path), data_dir, None
        self.job: Job | None = None
        self.setWindowTitle(_("Restore the data from a backup"))
        self.setMinimumWidth(MIN_WIDTH)
        self.setMaximumWidth(MAX_WIDTH)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.difference = QLabel()
        self.difference.setWordWrap(True)
        self.difference.setStyleSheet("font-weight: bold;")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.key = QLineEdit()
        self.key.setPlaceholderText("ABCDE FGHIJ …")
        self.open_button = QPushButton(_("Open"))
        self.open_button.clicked.connect(self.look)
        self.password.returnPressed.connect(self.look)
        self.key.returnPressed.connect(self.look)
        self.password_label, self.key_label = QLabel(_("Password:")), QLabel(_("Restore key:"))
        self.password_row = QWidget()
        row = QFormLayout(self.password_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addRow(self.password_label, self.password)
        row.addRow(self.key_label, self.key)
        opener = QHBoxLayout()
        opener.addStretch(1)
        opener.addWidget(self.open_button)
        row.addRow(opener)
        self.confirm = QCheckBox(
            _("Replace the data on this computer with this backup (a safety copy is kept)")
        )
        self.confirm.toggled.connect(self._update)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Restore"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        name = QLabel(self.path.name)
        name.setToolTip(str(self.path))
        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addWidget(self.password_row)
        layout.addWidget(self.details)
        layout.addWidget(self.difference)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        self.password_row.hide()
        self.look()

    def _asked(self, field: QLineEdit) -> bool:
        return not self.password_row.isHidden() and not field.isHidden()

    def chosen_password(self) -> str | None:
        return (self.password.text() or None) if self._asked(self.password) else None

    def chosen_restore_key(self) -> str | None:
        return (self.key.text().strip() or None) if self._asked(self.key) else None

    def _ask(self, password: bool) -> None:
        self.password_row.show()
        for widget in (self.password, self.password_label):
            widget.setVisible(password)
        for widget in (self.key, self.key_label):
            widget.setVisible(not password)
        (self.password if password else self.key).setFocus()

    @Slot()
    def look(self) -> None:
        """Read what the backup holds, and count what the data here holds, on a worker
        (a sealed backup is opened and a large register counted); the answer fills the
        dialog when it comes. A newer look replaces one still running."""
        self.info = None
        self.difference.clear()
        self.details.setText(_("Reading the backup…"))
        self.open_button.setEnabled(False)
        path, data_dir = self.path, self.data_dir
        password, key = self.chosen_password(), self.chosen_restore_key()

        def work(_progress):
            try:
                info = inspect_backup(path, password, data_dir=data_dir, restore_key=key)
            except BackupError as error:
                return error, None
            return info, current_counts(data_dir) if data_dir is not None else None

        self.job = Job(work, name="restore-look")
        self.job.succeeded.connect(self._answered)  # a slot of the dialog: the GUI thread
        self.job.failed.connect(self._answered)
        self._update()
        self.job.start()

    @Slot(object)
    def _answered(self, answer) -> None:
        if self.sender() is not self.job:
            return  # an older look, replaced by the clerk's newer one
        found, current = answer if isinstance(answer, tuple) else (answer, None)
        self.job = None
        self.open_button.setEnabled(True)
        if isinstance(found, (PasswordRequiredError, WrongPasswordError, RestoreKeyRequiredError)):
            sealed_by_password = isinstance(found, PasswordRequiredError) or (
                self._asked(self.password) and bool(self.password.text())
            )
            self._ask(sealed_by_password)
            self.details.setText(str(found))
        elif isinstance(found, (BackupError, str)):
            self.details.setText(str(found))
        else:
            self.info = found
            self.details.setText(describe_backup(found, compact=True))
            if self.data_dir is not None:
                self.difference.setText(describe_difference(found.counts, current))
        self._update()
        self.adjustSize()  # the details grow from one line to a list of registers
        self.looked.emit()

    def _update(self, *_args) -> None:
        self.confirm.setEnabled(self.info is not None)
        ready = self.info is not None and self.confirm.isChecked()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

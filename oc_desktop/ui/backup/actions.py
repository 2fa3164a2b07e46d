"""Back up… and Restore… in the File menu and toolbar, the backup's age in the status bar,
and the reminders at start and at close when the last checked backup is too old."""

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QProgressDialog

from oc_desktop.backup.errors import BackupError
from oc_desktop.backup.make import make_backup
from oc_desktop.backup.recovery_sheet import print_recovery_sheet, sheet_pending
from oc_desktop.backup.status import (
    check_may_back_up,
    last_backup,
    record_backup,
    reminder_due,
    restore_as,
)
from oc_desktop.i18n import _
from oc_desktop.models.migrate import upgrade
from oc_desktop.profile import get_setting
from oc_desktop.security import TOP_SECRET
from oc_desktop.ui.backup.dialogs import BackupDialog, RestoreDialog, describe_age
from oc_desktop.ui.common.jobs import Job, unexpected

LAST_FOLDER_KEY = "backup/last_folder"
HOUR_MS = 3_600_000


class BackupActions(QObject):
    """Everything the window does about backups; one per main window."""

    backup_done = Signal(object)  # BackupResult
    restore_done = Signal(object)  # RestoreResult
    failed = Signal(str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.backup_action, self.restore_action = QAction(window), QAction(window)
        self.sheet_action = QAction(window)
        self.backup_action.triggered.connect(self.ask_backup)
        self.restore_action.triggered.connect(self.ask_restore)
        self.sheet_action.triggered.connect(self.print_sheet)
        first = window.file_menu.actions()[0] if window.file_menu.actions() else None
        window.file_menu.insertActions(
            first, [self.backup_action, self.restore_action, self.sheet_action]
        )
        window.toolbar.addAction(self.backup_action)
        self.age_label = QLabel()
        window.status_bar.addPermanentWidget(self.age_label)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.show_age)
        self._timer.start(HOUR_MS)
        self.dialog = self.progress = self.message = self.job = None
        self.reminders = False
        self._close_anyway = False
        window.language_changed.connect(lambda _lang: self.retranslate())
        # A backup carries every register (secret ones too) out of the office.
        self.backup_action.setEnabled(window.actor.may_write("backup"))
        self.restore_action.setEnabled(window.actor.may_write("restore"))
        self.runner = None
        self._update_sheet_action()
        self.retranslate()

    def _update_sheet_action(self) -> None:
        """The restore key's sheet: the administrator's, once, after the key is made."""
        allowed = self.window.actor.may_write("restore")
        self.sheet_action.setVisible(allowed)
        self.sheet_action.setEnabled(allowed and sheet_pending(self.window.data_dir))

    def print_sheet(self):
        from oc_desktop.ui.printing.job import start_print

        db, data_dir, actor = self.db, self.window.data_dir, self.window.actor
        self.runner = start_print(
            self.window,
            title=_("Restore key sheet"),
            suggested_name="oc-desktop-restore-key.pdf",
            build=lambda out, _progress, _cancel: print_recovery_sheet(
                db, data_dir, out, actor=actor
            ),
        )
        for signal in (self.runner.job.succeeded, self.runner.job.failed):
            signal.connect(lambda *_args: self._update_sheet_action())
        return self.runner

    @property
    def db(self):
        return self.window.db

    def retranslate(self) -> None:
        self.backup_action.setText(_("&Back up…"))
        self.backup_action.setIconText(_("Back up"))  # the toolbar: no "(&B)" there
        self.backup_action.setToolTip(_("Write a checked backup of all data to a USB drive"))
        self.restore_action.setText(_("&Restore…"))
        self.restore_action.setToolTip(_("Put the data of a backup in place of the current data"))
        self.sheet_action.setText(_("Print the restore &key sheet…"))
        self.sheet_action.setToolTip(
            _("Print once, for the head's safe, the key that opens the office's backups")
        )
        self.show_age()

    def show_age(self) -> None:
        self.age_label.setText(describe_age(last_backup(self.db)))
        late = reminder_due(self.db)
        self.age_label.setStyleSheet("color: #b00020; font-weight: bold;" if late else "")

    # --- backup -------------------------------------------------------------------------

    def ask_backup(self) -> BackupDialog:
        folder = self.window.settings.value(LAST_FOLDER_KEY)
        self.dialog = BackupDialog(self.window, Path(folder) if folder else None)
        if not self.window.actor.sees_secret(TOP_SECRET):
            self.dialog.encrypt.setEnabled(False)
            self.dialog.encrypt.setToolTip(
                _("Only someone cleared for top secret makes a backup with a password.")
            )
        self.dialog.accepted.connect(
            lambda d=self.dialog: self.start_backup(d.destination(), d.chosen_password())
        )
        self.dialog.open()
        return self.dialog

    def start_backup(self, destination: Path, password: str | None = None) -> None:
        self.window.settings.setValue(LAST_FOLDER_KEY, str(destination))
        # the action and the password box are off for others; the rule is here
        try:
            check_may_back_up(self.window.actor, password=password)
        except BackupError as error:
            self._tell(QMessageBox.Icon.Warning, str(error))
            self.failed.emit(str(error))
            return
        keep = int(get_setting(self.db, "backup_keep"))
        data_dir = self.window.data_dir
        self._run(
            _("Backing up to {folder}…").format(folder=destination),
            lambda progress: make_backup(
                data_dir, destination, password=password, keep=keep, progress=progress
            ),
            self._backup_succeeded,
        )

    def _backup_succeeded(self, result) -> None:
        record_backup(self.db, result, actor=self.window.actor)
        self.show_age()
        self._update_sheet_action()
        text = _("The backup was written and checked:\n{path}").format(path=result.path)
        if result.key_created:
            text += "\n\n" + _(
                "This was the first backup sealed for the office: its restore key was made. "
                "Print the recovery sheet now (File → Print the restore key sheet) and give "
                "it to the head for the safe; without it a backup cannot be restored on "
                "another computer."
            )
        self._tell(QMessageBox.Icon.Information, text)
        self.window.status_bar.showMessage(_("Backup written: {path}").format(path=result.path))
        self.backup_done.emit(result)

    # --- restore ------------------------------------------------------------------------

    def ask_restore(self) -> QFileDialog:
        self.dialog = QFileDialog(self.window, _("Choose a backup to restore"))
        self.dialog.setNameFilter(_("OC Desktop backups (*.ocbak)"))
        self.dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        folder = self.window.settings.value(LAST_FOLDER_KEY)
        if folder:
            self.dialog.setDirectory(str(folder))
        self.dialog.fileSelected.connect(lambda name: self.show_backup(Path(name)))
        self.dialog.open()
        return self.dialog

    def show_backup(self, path: Path) -> RestoreDialog:
        self.dialog = RestoreDialog(self.window, path, self.window.data_dir)
        self.dialog.accepted.connect(
            lambda d=self.dialog: self.start_restore(
                d.path, d.chosen_password(), d.chosen_restore_key()
            )
        )
        self.dialog.open()
        return self.dialog

    def start_restore(
        self, path: Path, password: str | None = None, restore_key: str | None = None
    ) -> None:
        # The window's short sessions are all closed; drop the pooled connections so the
        # file can be replaced. The same engine reconnects to the new file afterwards.
        self.db.engine.dispose()
        data_dir, actor = self.window.data_dir, self.window.actor
        self._run(
            _("Restoring from {name}…").format(name=Path(path).name),
            lambda progress: restore_as(
                path,
                data_dir,
                actor=actor,
                password=password,
                restore_key=restore_key,
                progress=progress,
            ),
            self._restore_succeeded,
        )

    def _restore_succeeded(self, result) -> None:
        upgrade(result.database)
        self.db.engine.dispose()
        from oc_desktop.ui.app import apply_preferences  # the restored data has its own

        apply_preferences(self.db)
        for tab in self.window.all_tabs():
            tab.refresh()
        self.window.retranslate()
        self.show_age()
        self._tell(
            QMessageBox.Icon.Information,
            _(
                "The data of {date} is back in place. The data as it was before is kept in {copy}."
            ).format(
                date=result.info.created.strftime("%d.%m.%Y %H:%M"),
                copy=result.safety_copy or _("(nothing: the folder was empty)"),
            ),
        )
        self.restore_done.emit(result)

    # --- shared -------------------------------------------------------------------------

    def _run(self, label: str, work, on_success) -> None:
        self.progress = QProgressDialog(label, _("Cancel"), 0, 1000, self.window)
        self.progress.setWindowTitle(_("OC Desktop"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.job = Job(work, explain=_explain, name="backup")
        self.job.progressed.connect(self.progress.setValue)
        self.progress.canceled.connect(self.job.cancel)
        # bound methods of objects of the UI thread: Qt queues the worker's signals to it
        self._on_success = on_success
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.progress.show()
        self.job.start()

    def _succeeded(self, result) -> None:
        self._finish()
        self._on_success(result)

    def _finish(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()

    def _failed(self, message: str) -> None:
        self._finish()
        self._tell(QMessageBox.Icon.Warning, message)
        self.failed.emit(message)

    def _tell(self, icon, text: str, buttons=QMessageBox.StandardButton.Ok) -> QMessageBox:
        self.message = QMessageBox(icon, _("OC Desktop"), text, buttons, self.window)
        self.message.open()
        return self.message

    # --- reminders ----------------------------------------------------------------------

    def start_reminders(self) -> None:
        """Remind now (once the window is up) and at close; the application turns it on.

        Only people who may back up are reminded."""
        if not self.window.actor.may_write("backup"):
            return
        self.reminders = True
        self.window.installEventFilter(self)
        QTimer.singleShot(0, self.remind_at_start)

    def _reminder_text(self) -> str:
        return _(
            "{age}. A backup on a USB drive protects the registers against a failed disk, "
            "a virus or a stolen computer. Back up now?"
        ).format(age=describe_age(last_backup(self.db)))

    def remind_at_start(self) -> None:
        if not reminder_due(self.db):
            return
        box = self._tell(
            QMessageBox.Icon.Question,
            self._reminder_text(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(_("Back up now"))
        box.button(QMessageBox.StandardButton.No).setText(_("Later"))
        box.accepted.connect(self.ask_backup)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if (
            watched is self.window
            and event.type() == QEvent.Type.Close
            and self.reminders
            and not self._close_anyway
            and reminder_due(self.db)
        ):
            event.ignore()
            self._remind_at_close()
            return True
        return super().eventFilter(watched, event)

    def _remind_at_close(self) -> None:
        box = self._tell(
            QMessageBox.Icon.Question,
            self._reminder_text(),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(_("Back up now"))
        box.button(QMessageBox.StandardButton.No).setText(_("Close without a backup"))
        box.button(QMessageBox.StandardButton.Cancel).setText(_("Cancel"))
        box.finished.connect(self._close_answered)

    def _close_answered(self, answer: int) -> None:
        if answer == QMessageBox.StandardButton.Yes:
            self.ask_backup()
        elif answer == QMessageBox.StandardButton.No:
            self._close_anyway = True
            self.window.close()


def install_backup_actions(window) -> BackupActions:
    """Add the backup actions to a main window (it has file_menu, toolbar, status_bar)."""
    return BackupActions(window)


def _explain(error: Exception) -> str:
    """A backup's own errors already say what happened and what to do."""
    return str(error) if isinstance(error, BackupError) else unexpected(error)

"""From start to work and back: the first administrator or the sign-in, the main window,
and the sign-in again after a sign-out or a "sign in as someone else".

Cancel at the door quits; closing the main window quits. The window is never shown
to anyone who has not signed in.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from oc_desktop.models.db import Database
from oc_desktop.security import Actor
from oc_desktop.ui.session.sign_in import FirstRunDialog, SignInDialog
from oc_desktop.users import has_users

if TYPE_CHECKING:
    from oc_desktop.ui.main_window import MainWindow


class SessionFlow(QObject):
    #: the person quit (cancelled the door, or closed the main window)
    finished = Signal()
    #: a sign-in (or first-run) dialog is up
    door_opened = Signal(object)
    #: a main window is up for a signed-in person
    window_opened = Signal(object)

    def __init__(
        self,
        db: Database,
        data_dir: Path,
        settings: QSettings,
        *,
        idle_lock_ms: int | None = None,
    ) -> None:
        super().__init__()
        self.db, self.data_dir, self.settings = db, Path(data_dir), settings
        self.idle_lock_ms = idle_lock_ms
        self.dialog: SignInDialog | FirstRunDialog | None = None
        self.window: MainWindow | None = None

    def start(self) -> None:
        """Show the door: the first start creates the administrator, later ones sign in."""
        self.window = None
        first = not has_users(self.db)
        dialog = FirstRunDialog(self.db) if first else SignInDialog(self.db)
        dialog.accepted.connect(lambda: self.open_window(dialog.actor, welcome=first))
        dialog.rejected.connect(self.finished)
        self.dialog = dialog
        dialog.open()
        self.door_opened.emit(dialog)

    def open_window(self, actor: Actor, *, welcome: bool = False) -> "MainWindow":
        """The main window; ``welcome`` (the first start) offers the next steps."""
        # Imported here: the sign-in dialog comes up without waiting for every tab's code.
        from oc_desktop.ui.main_window import MainWindow

        window = MainWindow(
            self.db, self.data_dir, self.settings, actor, idle_lock_ms=self.idle_lock_ms
        )
        window.session.ended.connect(self._session_ended)
        window.closed.connect(self.finished)
        window.backup_actions.start_reminders()
        self.dialog, self.window = None, window
        window.show()
        if welcome:
            from oc_desktop.ui.session.welcome import WelcomeDialog

            window.welcome = WelcomeDialog(window)
            window.welcome.open()
        self.window_opened.emit(window)
        return window

    def _session_ended(self, actor: Actor | None) -> None:
        if actor is None:
            self.start()
        else:
            self.open_window(actor)

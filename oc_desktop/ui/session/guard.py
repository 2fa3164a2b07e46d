"""The signed-in session of a main window: idle lock, Lock (Ctrl+L) and Sign out.

After ``idle_lock_minutes`` without keyboard or mouse input the window's contents go
behind a lock screen; only the same person's password (wrong tries count toward the
account's lock) or "sign in as someone else" leads on. ``ended`` tells the start-up
flow to show the sign-in again (None) or to reopen the window for a changed person.
"""

import sys
import weakref

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.i18n import N_, _
from oc_desktop.profile import get_setting
from oc_desktop.rights import RightsChanged
from oc_desktop.ui.common.forms import FormRows
from oc_desktop.ui.session.sign_in import password_edit
from oc_desktop.users import SignInError, record_sign_out, sign_in

MINUTE_MS = 60_000


def _watch_rights(guard: "SessionGuard") -> None:
    """Route a RightsChanged that an operation raised in any slot of the window to its
    session; everything else goes on to the hook that was there before."""
    previous = sys.excepthook
    ref = weakref.ref(guard)

    def hook(kind, error, trace):
        target = ref()
        if isinstance(error, RightsChanged) and target is not None and shiboken6.isValid(target):
            target.rights_changed(error)
        else:
            previous(kind, error, trace)

    sys.excepthook = hook


_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` once no key or mouse input reached the application for a while."""

    idle = Signal()

    def __init__(self, parent: QObject, interval_ms: int) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # restarts to the millisecond
        self._timer.timeout.connect(self.idle)
        QApplication.instance().installEventFilter(self)
        self.set_interval(interval_ms)

    def set_interval(self, interval_ms: int) -> None:
        """0 never locks."""
        self._timer.setInterval(max(0, interval_ms))
        self.resume()

    def interval(self) -> int:
        return self._timer.interval()

    def remaining_ms(self) -> int:
        """Time left before the lock; -1 when it is not counting (locked, or never)."""
        return self._timer.remainingTime()

    def pause(self) -> None:
        self._timer.stop()

    def resume(self) -> None:
        if self._timer.interval() > 0:
            self._timer.start()
        else:
            self._timer.stop()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT and self._timer.isActive():
            self._timer.start()
        return False


BOX_WIDTH = 560


class LockScreen(QWidget):
    """What a locked window shows instead of its registers."""

    def __init__(self, actor) -> None:
        super().__init__()
        self.actor = actor
        self.heading, self.who = QLabel(), QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.who.setWordWrap(True)
        self.password = password_edit()
        form = QFormLayout()
        self.rows = FormRows(form)
        self.rows.add("password", N_("Password"), self.password)
        self.unlock_button, self.switch_button = QPushButton(), QPushButton()
        self.unlock_button.setDefault(True)
        self.password.returnPressed.connect(self.unlock_button.click)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        box = QWidget()
        box.setFixedWidth(BOX_WIDTH)  # a wrapped label needs a width to know its height
        column = QVBoxLayout(box)
        self._column = column
        column.addWidget(self.heading)
        column.addWidget(self.who)
        column.addLayout(form)
        column.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(_("The session is locked"))
        self.who.setText(
            _(
                "{name} ({username}) is signed in. Enter the password to go on, or let "
                "someone else sign in."
            ).format(name=self.actor.full_name, username=self.actor.username)
        )
        self._fit_text()
        self.rows.retranslate()
        self.unlock_button.setText(_("Unlock"))
        self.switch_button.setText(_("Sign in as someone else"))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._fit_text()  # in the window's font, now that it is in the window
        super().showEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == event.Type.FontChange:
            self._fit_text()
        super().changeEvent(event)

    def _fit_text(self) -> None:
        """The heading and the wrapped sentence get the height their text needs in the
        box's width (a centred box is laid out at its size hint, which does not ask a
        wrapped label for its height, and tall Lao or English lines were clipped)."""
        margins = self._column.contentsMargins()
        width = BOX_WIDTH - margins.left() - margins.right()
        for label in (self.heading, self.who):
            label.setMinimumHeight(label.heightForWidth(width) if label.wordWrap() else 0)
        self.heading.setMinimumHeight(self.heading.sizeHint().height())


class SessionGuard(QObject):
    """Locks, unlocks and ends the session of one main window."""

    #: None: show the sign-in again; an Actor: reopen the window for this person
    ended = Signal(object)

    def __init__(self, window, idle_lock_ms: int | None = None) -> None:
        super().__init__(window)
        self.window, self.actor, self.locked = window, window.actor, False
        self._fixed_ms = idle_lock_ms
        self._ended = False
        self._hidden: list[QWidget] = []
        self._disabled: list[QAction] = []
        self.lock_screen = LockScreen(self.actor)
        self.lock_screen.unlock_button.clicked.connect(
            lambda: self.unlock(self.lock_screen.password.text())
        )
        self.lock_screen.switch_button.clicked.connect(self.sign_out)
        self.stack = QStackedWidget()
        self.stack.addWidget(window.takeCentralWidget())
        self.stack.addWidget(self.lock_screen)
        window.setCentralWidget(self.stack)
        self.lock_action, self.sign_out_action = QAction(window), QAction(window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action.triggered.connect(self.sign_out)
        menu = window.file_menu
        before = window.quit_action
        actions = menu.actions()
        index = actions.index(before)
        if index > 0 and actions[index - 1].isSeparator():
            before = actions[index - 1]
        menu.insertActions(before, [self.lock_action, self.sign_out_action])
        self.idle = IdleWatcher(self, self._interval_ms())
        self.idle.idle.connect(self.lock)
        window.closed.connect(lambda: record_sign_out(window.db, actor=self.actor))
        if window.settings_tab is not None:  # the idle time may have been changed there
            window.settings_tab.data_changed.connect(self.settings_changed)
        _watch_rights(self)

    def rights_changed(self, error: RightsChanged) -> None:
        """An operation found the person switched off, or with less than at sign-in
        (changed by the administrator meanwhile): say so, and end the session so that
        nothing more is done with the old rights."""
        if self._ended:
            return
        QMessageBox.warning(self.window, _("Signed out"), str(error))
        self.sign_out()

    def _interval_ms(self) -> int:
        if self._fixed_ms is not None:
            return self._fixed_ms
        return int(get_setting(self.window.db, "idle_lock_minutes")) * MINUTE_MS

    def settings_changed(self) -> None:
        if not self.locked:
            self.idle.set_interval(self._interval_ms())

    def retranslate(self) -> None:
        self.lock_action.setText(_("&Lock"))
        self.lock_action.setToolTip(_("Hide the registers until your password is entered"))
        self.sign_out_action.setText(_("Sign &out"))
        self.lock_screen.retranslate()

    def lock(self) -> None:
        """Hide everything behind the lock screen; nothing but it takes input."""
        if self.locked:
            return
        self.locked = True
        self.idle.pause()
        own = set(self.lock_screen.findChildren(QAction))
        self._disabled = [
            a for a in self.window.findChildren(QAction) if a.isEnabled() and a not in own
        ]
        for action in self._disabled:
            action.setEnabled(False)
        self._hidden = [d for d in self.window.findChildren(QDialog) if d.isVisible()]
        for dialog in self._hidden:
            dialog.hide()
            dialog.installEventFilter(self)  # to forget one the program closes meanwhile
        self.window.toolbar.setEnabled(False)
        self._reminders = self.window.backup_actions.reminders
        self.window.backup_actions.reminders = False  # no backup questions over the lock
        self.lock_screen.password.clear()
        self.lock_screen.rows.clear_errors()
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.password.setFocus()

    def unlock(self, password: str) -> bool:
        """The same person's password opens the window again; anything else is refused."""
        if not self.locked:
            return True
        try:
            actor = sign_in(self.window.db, username=self.actor.username, password=password)
        except SignInError as error:
            self.lock_screen.password.clear()
            self.lock_screen.rows.show_errors({"password": str(error)})
            return False
        if actor != self.actor:  # roles or clearance changed meanwhile: rebuild the window
            self._end(actor)
            return True
        self.locked = False
        for action in self._disabled:
            action.setEnabled(True)
        self.window.toolbar.setEnabled(True)
        self.window.backup_actions.reminders = self._reminders
        self.stack.setCurrentIndex(0)
        for dialog in self._hidden:
            dialog.removeEventFilter(self)
            dialog.show()
        self._hidden, self._disabled = [], []
        self.idle.resume()
        return True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """A dialog put away by the lock and closed meanwhile (a finished backup's
        progress) is not brought back on unlock."""
        if event.type() == QEvent.Type.Close and watched in self._hidden:
            self._hidden.remove(watched)
            watched.removeEventFilter(self)
        return False

    def sign_out(self) -> None:
        """Keep the window's layout, record the sign-out and hand back to the sign-in."""
        record_sign_out(self.window.db, actor=self.actor)
        self._end(None)

    def end_after_restore(self) -> None:
        """No sign-out row: the person may not exist in the data just put back."""
        self._end(None)

    def _end(self, actor) -> None:
        if self._ended:  # closing the window's dialogs below may call here again
            return
        self._ended = True
        self.idle.pause()
        QApplication.instance().removeEventFilter(self.idle)
        self.window.save_state()
        for dialog in self.window.findChildren(QDialog):
            dialog.done(QDialog.DialogCode.Rejected)  # closed unasked: the session ends
        self.window.hide()
        self.ended.emit(actor)
        self.window.deleteLater()

"""The main window: a tab per area of the office's work, menus, a status bar.

It is built for one signed-in person: a tab whose section the person may not read is
never made, and the session (idle lock, Lock, Sign out) belongs to the window.
"""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QToolBar

from oc_desktop import __version__
from oc_desktop.i18n import _
from oc_desktop.models.db import Database
from oc_desktop.sections import areas
from oc_desktop.security import Actor
from oc_desktop.ui.backup.actions import install_backup_actions
from oc_desktop.ui.common.base_tab import BaseTab, PlaceholderTab
from oc_desktop.ui.common.screen import fit_to_screen
from oc_desktop.ui.session.guard import SessionGuard
from oc_desktop.ui.settings.tab import SettingsTab

# The first window takes the whole free area of an office laptop (1366×768) and a roomy
# part of a larger screen; after that it opens as the clerk left it.
FIRST_SIZE = QSize(1600, 1000)


class MainWindow(QMainWindow):
    #: the office's language was switched (in the Settings tab)
    language_changed = Signal(str)
    #: the window was closed for good (not hidden for a sign-out)
    closed = Signal()

    def __init__(
        self,
        db: Database,
        data_dir: Path,
        settings: QSettings,
        actor: Actor,
        *,
        idle_lock_ms: int | None = None,
    ) -> None:
        super().__init__()
        self.db, self.data_dir, self.settings, self.actor = db, Path(data_dir), settings, actor
        self.setObjectName("MainWindow")
        # Registers need room; also guards against a geometry saved on a smaller screen.
        self.setMinimumSize(640, 480)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.settings_tab: SettingsTab | None = None
        for tab in self._build_tabs():
            self.add_tab(tab)
        self.language_changed.connect(lambda _lang: self.retranslate())

        self.status_bar = self.statusBar()
        self.place_label, self.user_label = QLabel(), QLabel()
        self.status_bar.addPermanentWidget(self.user_label)
        self.status_bar.addPermanentWidget(self.place_label)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("MainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self._build_menus()
        self.backup_actions = install_backup_actions(self)
        self.session = SessionGuard(self, idle_lock_ms)
        self.backup_actions.restore_done.connect(self._after_restore)
        self.retranslate(tabs=False)  # each tab was labelled (and filled) as it was made
        self._restore_state()

    def _build_tabs(self) -> list[BaseTab]:
        """The tabs of the areas this person may read, in the registry's order; others
        are never built. A section not built yet shows a plain placeholder."""
        tabs = []
        for area in areas():
            if not self.actor.may_read(area.key):
                continue
            make = area.loaded("tab")
            if make is not None:
                tabs.append(make(self))
            elif area.planned:
                tabs.append(PlaceholderTab(self.db, area.label, self.actor))
        return tabs

    def tab_for(self, kind: type) -> BaseTab | None:
        """The tab of this class, if this person has it."""
        return next((tab for tab in self.all_tabs() if isinstance(tab, kind)), None)

    def add_tab(self, tab: BaseTab) -> None:
        self.tabs.addTab(tab, tab.title())
        tab.data_changed.connect(self._refresh_others)
        tab.status_message.connect(lambda text: self.status_bar.showMessage(text, 8000))

    def all_tabs(self) -> list[BaseTab]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def _refresh_others(self) -> None:
        sender = self.sender()
        for tab in self.all_tabs():
            if tab is not sender:
                tab.refresh()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu, self.view_menu, self.help_menu = (
            bar.addMenu(""),
            bar.addMenu(""),
            bar.addMenu(""),
        )
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.tab_actions = []
        for index in range(self.tabs.count()):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
            self.view_menu.addAction(action)
            self.tab_actions.append(action)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def retranslate(self, *, tabs: bool = True) -> None:
        """Relabel everything in the current language (called again on a switch)."""
        self.setWindowTitle(_("OC Desktop"))
        self.file_menu.setTitle(_("&File"))
        self.view_menu.setTitle(_("&View"))
        self.help_menu.setTitle(_("&Help"))
        self.quit_action.setText(_("&Quit"))
        self.about_action.setText(_("&About OC Desktop"))
        self.toolbar.setWindowTitle(_("Toolbar"))
        for index, tab in enumerate(self.all_tabs()):
            if tabs:
                tab.retranslate()
            self.tabs.setTabText(index, tab.title())
            self.tab_actions[index].setText(tab.title())
        self.place_label.setText(_("Data folder: {path}").format(path=self.data_dir))
        self.user_label.setText(
            _("Signed in: {name} ({username})").format(
                name=self.actor.full_name, username=self.actor.username
            )
        )
        self.session.retranslate()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About OC Desktop"),
            _("OC Desktop {version}\nThe registers of the administration section, offline.").format(
                version=__version__
            ),
        )

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        restored = isinstance(geometry, QByteArray) and not geometry.isEmpty()
        if restored:
            self.restoreGeometry(geometry)
        fit_to_screen(self, self.size() if restored else FIRST_SIZE)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.tabs.setCurrentIndex(int(self.settings.value(self._tab_key(), 0)))

    def _tab_key(self) -> str:
        return f"window/tab/{self.actor.username}"  # people see different tabs

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue(self._tab_key(), self.tabs.currentIndex())
        self.settings.sync()

    def _after_restore(self, _result) -> None:
        """The restored data has its own users: once the clerk has read the message, the
        window closes and everyone signs in again against that data."""
        message = self.backup_actions.message
        if message is not None:
            message.finished.connect(self.session.end_after_restore)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.save_state()
        super().closeEvent(event)
        self.closed.emit()

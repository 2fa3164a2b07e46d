"""The main window: a tab per area of the office's work, menus, a status bar."""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QToolBar

from oc_desktop import __version__
from oc_desktop.i18n import N_, _
from oc_desktop.models.db import Database
from oc_desktop.security import SYSTEM
from oc_desktop.ui.backup_actions import install_backup_actions
from oc_desktop.ui.base_tab import BaseTab, PlaceholderTab
from oc_desktop.ui.documents_tab import DocumentsTab
from oc_desktop.ui.settings_tab import SettingsTab


class MainWindow(QMainWindow):
    def __init__(self, db: Database, data_dir: Path, settings: QSettings, actor=None) -> None:
        super().__init__()
        self.db, self.data_dir, self.settings, self.actor = db, Path(data_dir), settings, actor
        self.setObjectName("MainWindow")
        # Registers need room; also guards against a geometry saved on a smaller screen.
        self.setMinimumSize(640, 480)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.settings_tab = SettingsTab(db, actor)
        self.settings_tab.language_changed.connect(lambda _lang: self.retranslate())
        for tab in self._build_tabs():
            self.add_tab(tab)

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
        self.retranslate()
        self._restore_state()

    def _build_tabs(self) -> list[BaseTab]:
        """Each section's tab; a section not built yet shows a plain placeholder."""
        return [
            DocumentsTab(self.db, self.actor or SYSTEM, self.data_dir),
            PlaceholderTab(self.db, N_("Seal"), self.actor),
            PlaceholderTab(self.db, N_("Staff"), self.actor),
            PlaceholderTab(self.db, N_("Budget"), self.actor),
            self.settings_tab,
        ]

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

    def retranslate(self) -> None:
        """Relabel everything in the current language (called again on a switch)."""
        self.setWindowTitle(_("OC Desktop"))
        self.file_menu.setTitle(_("&File"))
        self.view_menu.setTitle(_("&View"))
        self.help_menu.setTitle(_("&Help"))
        self.quit_action.setText(_("&Quit"))
        self.about_action.setText(_("&About OC Desktop"))
        self.toolbar.setWindowTitle(_("Toolbar"))
        for index, tab in enumerate(self.all_tabs()):
            tab.retranslate()
            self.tabs.setTabText(index, tab.title())
            self.tab_actions[index].setText(tab.title())
        self.place_label.setText(_("Data folder: {path}").format(path=self.data_dir))
        self.user_label.setText(
            _("Signed in: {name}").format(name=self.actor.full_name) if self.actor else ""
        )
        self.user_label.setVisible(self.actor is not None)

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
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.tabs.setCurrentIndex(int(self.settings.value("window/tab", 0)))

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.save_state()
        super().closeEvent(event)

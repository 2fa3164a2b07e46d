"""After the first administrator is created: the two next steps, each a button that
opens its tab, instead of a silent window."""

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from oc_desktop.i18n import _


class WelcomeDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("welcome")
        self.setWindowTitle(_("OC Desktop"))
        self.setMinimumWidth(480)
        heading, intro = QLabel(_("The administrator is ready")), QLabel()
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        intro.setWordWrap(True)
        intro.setText(
            _(
                "Two steps before the clerks start: give each of them an account, and fill "
                "in the office's profile (its name, abbreviation, sections and signers) that "
                "every printed paper carries."
            )
        )
        self.users_button = QPushButton(_("Create the &clerks' accounts"))
        self.profile_button = QPushButton(_("Fill in the organisation &profile"))
        self.later_button = QPushButton(_("&Later"))
        self.users_button.setDefault(True)
        self.users_button.clicked.connect(lambda: self._open("users"))
        self.profile_button.clicked.connect(lambda: self._open("settings"))
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        for button in (self.users_button, self.profile_button, self.later_button):
            layout.addWidget(button)

    def _open(self, which: str) -> None:
        from oc_desktop.ui.settings.tab import SettingsTab
        from oc_desktop.ui.users.tab import UsersTab

        tab = self.window_.tab_for(UsersTab if which == "users" else SettingsTab)
        if tab is not None:
            self.window_.tabs.setCurrentWidget(tab)
        self.accept()

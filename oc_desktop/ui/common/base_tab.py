"""What every section's tab shares: the open database, who is signed in, relabelling."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from oc_desktop.i18n import _
from oc_desktop.models.db import Database


class BaseTab(QWidget):
    """A tab of the main window.

    Subclasses set their texts in ``retranslate()`` (called once built and again on a
    language switch) and re-read their data in ``refresh()`` (after any change that
    may concern them, announced through ``data_changed``).
    """

    #: emitted by a tab after it wrote something other tabs may show
    data_changed = Signal()
    #: a short message for the status bar
    status_message = Signal(str)

    def __init__(self, db: Database, actor=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every visible text from the catalog."""

    def refresh(self) -> None:
        """Re-read what the tab shows from the database."""


class PlaceholderTab(BaseTab):
    """A section whose screen is not built yet says so plainly."""

    def __init__(self, db: Database, title_message: str, actor=None, parent=None) -> None:
        super().__init__(db, actor, parent)
        self._title_message = title_message
        self._label = QLabel()
        self._label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)
        layout.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return _(self._title_message)

    def retranslate(self) -> None:
        self._label.setText(
            _("This section is not built yet. Its registers will appear here in a later version.")
        )

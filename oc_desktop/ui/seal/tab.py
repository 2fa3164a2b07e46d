"""The Seal tab: the use log, the handovers and the seals, one page each; beside their
tabs the check of the seal log's hash chains."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.i18n import _
from oc_desktop.seal.chain import log_label, verify_seal_chains
from oc_desktop.ui.common.base_tab import BaseTab
from oc_desktop.ui.common.forms import ERROR_STYLE
from oc_desktop.ui.common.jobs import Job, progress_dialog
from oc_desktop.ui.seal.handovers import HandoversPage
from oc_desktop.ui.seal.printing import ask_and_print_uses
from oc_desktop.ui.seal.seals import SealsPage
from oc_desktop.ui.seal.uses import UsesPage

OK_STYLE = "color: #1b5e20;"


class SealTab(BaseTab):
    #: the chains were checked: the first row that no longer matches, or None
    verified = Signal(object)

    def __init__(self, db, actor, data_dir=None, parent=None, *, settings=None) -> None:
        super().__init__(db, actor, parent)
        self.uses = UsesPage(db, actor, settings=settings)
        self.handovers = HandoversPage(db, actor, settings=settings)
        self.seals = SealsPage(db, actor, data_dir)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        for page in (self.uses, self.handovers, self.seals):
            self.pages.addTab(page, "")
            page.data_changed.connect(self._changed)
            page.status_message.connect(self.status_message)
        self.uses.print_button.clicked.connect(self.print_uses)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_uses)
        self.print_runner = None
        self.verify_button, self.verify_label = QPushButton(), QLabel()
        self.verify_button.clicked.connect(self.verify)
        self.job: Job | None = None
        corner = QWidget()
        check = QHBoxLayout(corner)
        check.setContentsMargins(0, 0, 0, 0)
        check.addWidget(self.verify_label)
        check.addWidget(self.verify_button)
        self.pages.setCornerWidget(corner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages, 1)
        self.retranslate()
        self.refresh()

    def title(self) -> str:
        return _("Seal")

    def retranslate(self) -> None:
        for index, page in enumerate((self.uses, self.handovers, self.seals)):
            page.retranslate()
            self.pages.setTabText(index, page.title())
        self.verify_button.setText(_("Chec&k the chain"))

    def refresh(self) -> None:
        for page in (self.uses, self.handovers, self.seals):
            page.refresh()

    def _changed(self) -> None:
        self.refresh()
        self.data_changed.emit()

    def print_uses(self):
        self.print_runner = ask_and_print_uses(self, self.db, self.actor)
        return self.print_runner

    def verify(self) -> None:
        """Recompute the seal log's hashes on a worker thread."""
        self.verify_button.setEnabled(False)
        self.verify_label.setStyleSheet("")
        self.verify_label.setText(_("Checking every entry…"))
        db = self.db
        self.job = Job(lambda progress: verify_seal_chains(db, progress), name="seal-verify")
        self.progress = progress_dialog(self, _("Checking every entry of the seal log…"), self.job)
        self.job.succeeded.connect(self._verified)
        self.job.failed.connect(self._verify_failed)
        self.job.cancelled.connect(self._verify_stopped)
        self.job.start()

    def _verify_stopped(self) -> None:
        self.verify_button.setEnabled(True)
        self.verify_label.setText(_("The check was stopped before the end."))

    def _verified(self, broken) -> None:
        self.verify_button.setEnabled(True)
        if broken is None:
            self.verify_label.setText(_("The seal log is intact."))
            self.verify_label.setStyleSheet(OK_STYLE)
        else:
            self.verify_label.setText(
                _("The seal log was changed outside OC Desktop: {log}, entry {id}.").format(
                    log=log_label(broken.table), id=broken.id
                )
            )
            self.verify_label.setStyleSheet(ERROR_STYLE)
        self.verified.emit(broken)

    def _verify_failed(self, message: str) -> None:
        self.verify_button.setEnabled(True)
        self.verify_label.setText(message)
        self.verify_label.setStyleSheet(ERROR_STYLE)

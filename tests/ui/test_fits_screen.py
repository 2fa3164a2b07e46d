"""On a 1366×768 office screen with a taskbar (1366×728 free), the window and every
dialog can be laid out whole: nothing needs more room than the screen has."""

import pytest
from helpers.pdf import sample_book, sample_profile
from PySide6.QtCore import QSize

from oc_desktop.ui.backup.dialogs import BackupDialog
from oc_desktop.ui.documents.dialogs import IncomingDialog, OutgoingDialog
from oc_desktop.ui.documents.kinds import KindsDialog
from oc_desktop.ui.documents.printing import PrintBookDialog
from oc_desktop.ui.printing.preview import PrintPreviewDialog
from oc_desktop.ui.session.sign_in import FirstRunDialog, SignInDialog

FREE = QSize(1366, 728)
FRAME = 40  # title bar and borders


def _fits(widget) -> bool:
    needed = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return needed.width() <= FREE.width() and needed.height() <= FREE.height() - FRAME


@pytest.mark.parametrize("language", ["lo", "en"])
def test_the_window_with_every_tab_fits(window, language):
    from oc_desktop.i18n import set_language

    set_language(language)
    window.language_changed.emit(language)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert _fits(window), (window.tabs.tabText(index), window.minimumSizeHint())


def test_every_dialog_fits(window, db, actor, tmp_path, qtbot):
    book = tmp_path / "book.pdf"
    sample_book(book, sample_profile(db), count=60)
    dialogs = [
        IncomingDialog(window, db, actor),
        OutgoingDialog(window, db, actor),
        KindsDialog(window, db, actor),
        PrintBookDialog(window, "incoming"),
        BackupDialog(window),
        SignInDialog(db, window),
        FirstRunDialog(db, window),
        PrintPreviewDialog(window, book, title="ທະບຽນ", suggested_name="book.pdf"),
    ]
    free = window.screen().availableGeometry()
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert _fits(dialog), (type(dialog).__name__, dialog.minimumSizeHint())
        assert dialog.height() <= free.height(), type(dialog).__name__  # opens within it

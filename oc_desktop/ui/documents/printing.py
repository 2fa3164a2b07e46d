"""Printing from the Documents tab: which book and which days, then preview and print.

The books are built on a worker thread behind a progress bar (``ui/print_job.py``) and
shown in the preview, from which the clerk prints or saves the PDF.
"""

from datetime import date

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QWidget

from oc_desktop.documents.letter import print_outgoing_letter
from oc_desktop.documents.printouts import (
    DateRange,
    book_title,
    print_delivery_book,
    print_register_book,
    print_routing_slip,
)
from oc_desktop.documents.terms import BOOKS
from oc_desktop.formatting import format_int
from oc_desktop.i18n import N_, _
from oc_desktop.models.db import Database
from oc_desktop.security import Actor
from oc_desktop.ui.common.entry_dialog import EntryDialog
from oc_desktop.ui.printing.job import PrintRunner, start_print
from oc_desktop.ui.printing.span_fields import SpanFields


class PrintBookDialog(EntryDialog):
    """Choose the book and its days; Enter previews."""

    def __init__(self, parent: QWidget | None, register: str, today: date | None = None):
        super().__init__(parent, _("Print a register book"))
        today = today or date.today()
        self.book = self.rows.add("book", N_("Book"), QComboBox())
        for key in BOOKS:
            self.book.addItem(book_title(key), key)
        self.book.setCurrentIndex(self.book.findData(register))
        self.days = SpanFields(self.rows.add, today)
        self.start, self.end = self.days.start, self.days.end
        preview = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        preview.setText(_("&Preview"))
        preview.setIcon(QIcon())  # not a disk: nothing is saved here
        self.rows.retranslate()
        self.span: DateRange | None = None
        self.book.setFocus()

    def submit(self) -> int | None:
        self.span = self.days.read(self)
        return 0


def print_book(
    parent: QWidget, db: Database, actor: Actor, *, book: str, span: DateRange
) -> PrintRunner:
    """Build the book in the background and preview it."""
    if book == "delivery":

        def build(out, progress, should_cancel):
            print_delivery_book(
                db, out, actor=actor, span=span, progress=progress, should_cancel=should_cancel
            )
    else:

        def build(out, progress, should_cancel):
            print_register_book(
                db,
                out,
                actor=actor,
                register=book,
                span=span,
                progress=progress,
                should_cancel=should_cancel,
            )

    name = f"{book_title(book)} {span.start.isoformat()}_{span.end.isoformat()}.pdf"
    return start_print(parent, title=book_title(book), suggested_name=name, build=build)


def ask_and_print_book(parent: QWidget, db: Database, actor: Actor, register: str):
    """The book dialog, then the printout; None when the clerk cancels."""
    dialog = PrintBookDialog(parent, register)
    if not dialog.exec():
        return None
    return print_book(parent, db, actor, book=dialog.book.currentData(), span=dialog.span)


def print_slip(parent: QWidget, db: Database, actor: Actor, *, doc_id: int, number: int):
    """The routing slip of one incoming document."""
    title = _("Routing slip")
    name = f"{title} {format_int(number)}.pdf"
    return start_print(
        parent,
        title=title,
        suggested_name=name,
        build=lambda out, _progress, _cancel: print_routing_slip(
            db, out, actor=actor, doc_id=doc_id
        ),
    )


def print_letter(parent: QWidget, db: Database, actor: Actor, *, doc_id: int, number: str):
    """The outgoing letter on the office's official heading."""
    title = _("Outgoing letter")
    name = f"{title} {number.replace('/', '-')}.pdf"
    return start_print(
        parent,
        title=title,
        suggested_name=name,
        build=lambda out, _progress, _cancel: print_outgoing_letter(
            db, out, actor=actor, doc_id=doc_id
        ),
    )

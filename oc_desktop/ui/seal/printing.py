"""Printing from the Seal tab: the register of uses for chosen days, and the minutes of
a handover; built on a worker behind a progress bar, then previewed."""

from datetime import date

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from oc_desktop.formatting import format_int
from oc_desktop.i18n import _
from oc_desktop.models.db import Database
from oc_desktop.registers.books import DateRange
from oc_desktop.seal.printouts import print_handover_minutes, print_use_book
from oc_desktop.security import Actor
from oc_desktop.ui.printing.job import start_print
from oc_desktop.ui.printing.span_fields import SpanFields
from oc_desktop.ui.seal.form import SealDialogBase


class SpanDialog(SealDialogBase):
    """The first and last day of the register; Enter previews."""

    def __init__(self, parent: QWidget | None, today: date | None = None) -> None:
        super().__init__(parent, _("Print the register of seal uses"))
        today = today or date.today()
        self.days = SpanFields(self.add, today)
        self.start, self.end = self.days.start, self.days.end
        preview = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        preview.setText(_("&Preview"))
        preview.setIcon(QIcon())
        self.rows.retranslate()
        self.span: DateRange | None = None
        self.start.setFocus()

    def submit(self) -> int | None:
        self.span = self.days.read(self)
        return 0


def print_uses(parent: QWidget, db: Database, actor: Actor, span: DateRange):
    title = _("Register of seal uses")

    def build(out, progress, should_cancel):
        print_use_book(
            db, out, actor=actor, span=span, progress=progress, should_cancel=should_cancel
        )

    name = f"{title} {span.start.isoformat()}_{span.end.isoformat()}.pdf"
    return start_print(parent, title=title, suggested_name=name, build=build)


def ask_and_print_uses(parent: QWidget, db: Database, actor: Actor):
    dialog = SpanDialog(parent)
    if not dialog.exec():
        return None
    return print_uses(parent, db, actor, dialog.span)


def print_minutes(parent: QWidget, db: Database, actor: Actor, *, handover_id: int, seq: int):
    title = _("Minutes of the seal handover")
    return start_print(
        parent,
        title=title,
        suggested_name=f"{title} {format_int(seq)}.pdf",
        build=lambda out, _progress, _cancel: print_handover_minutes(
            db, out, actor=actor, handover_id=handover_id
        ),
    )

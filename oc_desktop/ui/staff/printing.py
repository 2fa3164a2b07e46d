"""Printing from the Staff tab: a person's biography, and the statistics as of a day.

Both build on a worker behind a progress bar and open in the print preview.
"""

from datetime import date

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QWidget

from oc_desktop.i18n import N_, _
from oc_desktop.models.db import Database
from oc_desktop.security import Actor
from oc_desktop.staff import printed_lists, printouts
from oc_desktop.ui.common.entry_dialog import DateField, EntryDialog
from oc_desktop.ui.printing.job import PrintRunner, start_print

PAPERS = {
    "staff-stats": N_("Staff statistics"),
    "staff-list": N_("Staff list"),
    "promotions-due": N_("Salary steps due in the next 3 months"),
}


class StatisticsDialog(EntryDialog):
    """Which paper, as of which day, and who prepared it; Enter previews."""

    def __init__(self, parent: QWidget | None, preparer: str) -> None:
        super().__init__(parent, _("Staff statistics"))
        self.paper = self.rows.add("paper", N_("&Which paper"), QComboBox())
        for key, label in PAPERS.items():
            self.paper.addItem(_(label), key)
        self.as_of = self.rows.add("as_of", N_("&As of"), DateField(date.today()))
        self.preparer = self.rows.add("preparer", N_("Prepared &by"), QLineEdit(preparer))
        preview = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        preview.setText(_("&Preview"))
        preview.setIcon(QIcon())
        self.rows.retranslate()
        self.day: date | None = None
        self.paper.setFocus()

    def submit(self) -> int | None:
        self.day = self.read("as_of", self.as_of.value)
        self.fail_on_input_errors()
        return 0


def print_biography(parent: QWidget, db: Database, actor: Actor, person_id: int) -> PrintRunner:
    title = _("Biography")
    return start_print(
        parent,
        title=title,
        suggested_name=f"{title} {person_id}.pdf",
        build=lambda out, _progress, _cancel: printouts.print_biography(
            db, out, actor=actor, person_id=person_id
        ),
    )


def print_statistics(parent: QWidget, db: Database, actor: Actor) -> PrintRunner | None:
    dialog = StatisticsDialog(parent, actor.full_name)
    accepted = dialog.exec()
    day, preparer, paper = dialog.day, dialog.preparer.text(), dialog.paper.currentData()
    dialog.deleteLater()
    if not accepted:
        return None
    title = _(PAPERS[paper])
    printer = {
        "staff-stats": printouts.print_statistics,
        "staff-list": printed_lists.print_staff_list,
        "promotions-due": printed_lists.print_promotions_due,
    }[paper]
    return start_print(
        parent,
        title=title,
        suggested_name=f"{title} {day.isoformat()}.pdf",
        build=lambda out, _progress, _cancel: printer(
            db, out, actor=actor, as_of=day, preparer=preparer
        ),
    )

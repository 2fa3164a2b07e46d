"""The small forms of the register: routing, voiding a number, the copy log."""

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from oc_desktop.documents.attachments import log_copy
from oc_desktop.documents.details import Detail
from oc_desktop.documents.incoming import route_incoming, void_incoming
from oc_desktop.documents.outgoing import void_outgoing
from oc_desktop.formatting import parse_int
from oc_desktop.i18n import N_, _
from oc_desktop.models.db import Database
from oc_desktop.profile import load_profile
from oc_desktop.security import Actor
from oc_desktop.ui.common.entry_dialog import DateField, EntryDialog


class RouteDialog(EntryDialog):
    """Hand an incoming document on: section, person, the head's instruction, deadline."""

    def __init__(self, parent: QWidget | None, db: Database, actor: Actor, detail: Detail) -> None:
        super().__init__(parent, _("Route incoming No. {number}").format(number=detail.number))
        self.db, self.actor, self.detail = db, actor, detail
        self.section = self.rows.add("section", N_("Section"), QComboBox())
        self.section.addItem("", None)
        for section in load_profile(db).sections:
            self.section.addItem(section.name, section.id)
        self.person = self.rows.add("person", N_("Person responsible"), QLineEdit())
        self.instruction = self.rows.add("instruction", N_("Head's instruction"), QLineEdit())
        self.deadline = self.rows.add("deadline", N_("Deadline"), DateField(required=False))
        self.handed_on = self.rows.add("handed_on", N_("Handed over on"), DateField(date.today()))
        self.rows.retranslate()
        self.section.setFocus()

    def submit(self) -> int | None:
        deadline = self.read("deadline", self.deadline.value)
        handed_on = self.read("handed_on", self.handed_on.value)
        self.fail_on_input_errors()
        return route_incoming(
            self.db,
            actor=self.actor,
            doc_id=self.detail.id,
            section_id=self.section.currentData(),
            person=self.person.text(),
            instruction=self.instruction.text(),
            deadline=deadline,
            handed_on=handed_on,
        )


class VoidDialog(EntryDialog):
    """Mark a number void: it stays in the register with the reason."""

    def __init__(self, parent: QWidget | None, db: Database, actor: Actor, detail: Detail) -> None:
        super().__init__(parent, _("Void number {number}").format(number=detail.number))
        self.db, self.actor, self.detail = db, actor, detail
        self.reason = self.rows.add("reason", N_("Reason"), QLineEdit())
        self.reason.setPlaceholderText(_("spoiled, withdrawn, registered twice …"))
        self.rows.retranslate()

    def submit(self) -> int | None:
        void = void_incoming if self.detail.register == "incoming" else void_outgoing
        void(self.db, actor=self.actor, doc_id=self.detail.id, reason=self.reason.text())
        return self.detail.id


class CopyDialog(EntryDialog):
    """Enter copies made of a document in the copy log."""

    def __init__(self, parent: QWidget | None, db: Database, actor: Actor, detail: Detail) -> None:
        super().__init__(parent, _("Copies of No. {number}").format(number=detail.number))
        self.db, self.actor, self.detail = db, actor, detail
        self.copies = self.rows.add("copies", N_("Copies"), QLineEdit("1"))
        self.for_whom = self.rows.add("for_whom", N_("For whom"), QLineEdit())
        self.authorised_by = self.rows.add("authorised_by", N_("Authorised by"), QLineEdit())
        self.made_on = self.rows.add("made_on", N_("Made on"), DateField(date.today()))
        self.rows.retranslate()

    def submit(self) -> int | None:
        copies = self.read("copies", lambda: parse_int(self.copies.text()))
        made_on = self.read("made_on", self.made_on.value)
        self.fail_on_input_errors()
        return log_copy(
            self.db,
            actor=self.actor,
            register=self.detail.register,
            doc_id=self.detail.id,
            copies=copies,
            for_whom=self.for_whom.text(),
            authorised_by=self.authorised_by.text(),
            made_on=made_on,
        )

"""Entering and correcting incoming and outgoing documents."""

from datetime import date, datetime

from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QWidget

from oc_desktop.documents import terms
from oc_desktop.documents.common import DuplicateDocument, SecrecyLowered
from oc_desktop.documents.details import Detail
from oc_desktop.documents.directory import correspondent_names, list_kinds
from oc_desktop.documents.incoming import register_incoming, update_incoming
from oc_desktop.documents.outgoing import register_outgoing, update_outgoing
from oc_desktop.documents.recipients import split_names
from oc_desktop.formatting import format_int, parse_int
from oc_desktop.i18n import N_, _
from oc_desktop.models.db import Database
from oc_desktop.profile import load_profile
from oc_desktop.security import Actor
from oc_desktop.ui.common.completer import FoldingCompleter
from oc_desktop.ui.common.entry_dialog import DateField, EntryDialog, combine
from oc_desktop.ui.common.names_list import NamesList


def level_combo(labels: dict[int, str], current: int, allowed: int | None = None) -> QComboBox:
    combo = QComboBox()
    for value, message in labels.items():
        if allowed is None or value <= allowed:
            combo.addItem(_(message), value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def kind_combo(db: Database, current: int | None) -> QComboBox:
    """The kinds offered for new entries, and an entry's own kind even if retired since."""
    combo = QComboBox()
    combo.addItem("", None)
    for kind in list_kinds(db, include_retired=True):
        if kind.active or kind.id == current:
            combo.addItem(kind.name, kind.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def names_line(db: Database, actor: Actor, text: str = "") -> QLineEdit:
    """A line that completes from the correspondents' directory as the clerk types."""
    line = QLineEdit(text)
    line.setCompleter(FoldingCompleter(correspondent_names(db, actor=actor, limit=5000), line))
    return line


def optional_number(text: str) -> int | None:
    return parse_int(text) if text.strip() else None


class IncomingDialog(EntryDialog):
    def __init__(
        self, parent: QWidget | None, db: Database, actor: Actor, detail: Detail | None = None
    ) -> None:
        super().__init__(
            parent, _("Edit incoming document") if detail else _("New incoming document")
        )
        self.db, self.actor, self.detail = db, actor, detail
        now = detail.received_at if detail else datetime.now()
        add = self.rows.add
        self.number = add(
            "seq", N_("Arrival number"), QLineEdit(format_int(detail.seq) if detail else "")
        )
        self.number.setPlaceholderText(_("the next number"))
        self.number.setEnabled(detail is None)
        self.received_on = add("received_at", N_("Arrival date"), DateField(now.date()))
        self.received_time = add(
            "received_time", N_("Arrival time"), QLineEdit(now.strftime("%H:%M"))
        )
        self.sender = add(
            "sender", N_("Sender"), names_line(db, actor, detail.party if detail else "")
        )
        self.doc_number = add(
            "doc_number", N_("Document number"), QLineEdit(detail.doc_number if detail else "")
        )
        self.doc_number.setPlaceholderText("201/ຄອສພ")
        self.doc_date = add(
            "doc_date", N_("Document date"), DateField(detail.doc_date if detail else None)
        )
        self.kind = add("kind", N_("Kind"), kind_combo(db, detail.kind_id if detail else None))
        self.subject = add("subject", N_("Subject"), QLineEdit(detail.subject if detail else ""))
        self.pages = add(
            "pages", N_("Pages"), QLineEdit(format_int(detail.pages) if detail else "")
        )
        self.urgency = add(
            "urgency", N_("Urgency"), level_combo(terms.URGENCY, detail.urgency if detail else 0)
        )
        self.secrecy = add(
            "secrecy",
            N_("Secrecy"),
            level_combo(
                terms.SECRECY, detail.secrecy if detail else 0, actor.clearance if detail else None
            ),
        )
        self.notes = add("notes", N_("Notes"), QLineEdit(detail.notes if detail else ""))
        self.rows.retranslate()
        (self.received_on if detail else self.sender).setFocus()

    def save(self) -> None:
        super().save()
        tell_if_hidden(self)

    def submit(self) -> int | None:
        day = self.read("received_at", self.received_on.value)
        values = dict(
            actor=self.actor,
            received_at=self.read("received_time", lambda: combine(day, self.received_time.text())),
            sender=self.sender.text(),
            doc_number=self.doc_number.text(),
            doc_date=self.read("doc_date", self.doc_date.value),
            kind_id=self.kind.currentData(),
            subject=self.subject.text(),
            pages=self.read("pages", lambda: optional_number(self.pages.text())),
            urgency=self.urgency.currentData(),
            secrecy=self.secrecy.currentData(),
            notes=self.notes.text(),
        )
        seq = self.read("seq", lambda: optional_number(self.number.text()))
        self.fail_on_input_errors()
        if self.detail is not None:
            try:
                update_incoming(self.db, doc_id=self.detail.id, **values)
            except SecrecyLowered as lowered:
                if not confirm_lowering(self, lowered):
                    raise
                update_incoming(self.db, doc_id=self.detail.id, lower_secrecy=True, **values)
            return self.detail.id
        try:
            return register_incoming(self.db, seq=seq, **values)
        except DuplicateDocument as duplicate:
            again = QMessageBox.question(
                self,
                _("Registered already?"),
                _("{message}\nRegister it again anyway?").format(
                    message=duplicate.errors["doc_number"]
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if again != QMessageBox.StandardButton.Yes:
                raise
            return register_incoming(self.db, seq=seq, allow_duplicate=True, **values)


def confirm_lowering(dialog: EntryDialog, lowered: SecrecyLowered) -> bool:
    """Ask before an entry is saved with a lower secrecy; No (the default) saves nothing."""
    confirmed = QMessageBox.question(
        dialog,
        _("Lower the secrecy?"),
        lowered.errors["secrecy"],
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return confirmed == QMessageBox.StandardButton.Yes


def tell_if_hidden(dialog: EntryDialog) -> None:
    """A new entry marked above the clerk's clearance is saved, then hidden from them."""
    level = dialog.secrecy.currentData()
    if (
        dialog.detail is None
        and dialog.result_id is not None
        and not dialog.actor.sees_secret(level)
    ):
        QMessageBox.information(
            dialog,
            _("Saved as secret"),
            _(
                "The entry is saved as {level}. Your clearance is lower: from now on you see "
                "only its number, date and kind."
            ).format(level=terms.secrecy(level)),
        )


def _start_secrecy(detail: Detail | None, answers: Detail | None) -> int:
    """An entry keeps its level; a reply starts at the level of the letter it answers."""
    if detail is not None:
        return detail.secrecy
    return answers.secrecy if answers is not None else 0


class OutgoingDialog(EntryDialog):
    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        actor: Actor,
        detail: Detail | None = None,
        answers: Detail | None = None,
    ) -> None:
        super().__init__(
            parent, _("Edit outgoing document") if detail else _("New outgoing document")
        )
        self.db, self.actor, self.detail = db, actor, detail
        self.answers_id = (
            detail.answers[0].id if detail and detail.answers else (answers.id if answers else None)
        )
        add = self.rows.add
        self.number = add("seq", N_("Number"), QLineEdit(detail.number if detail else ""))
        self.number.setPlaceholderText(_("the next number"))
        self.number.setEnabled(detail is None)
        self.doc_date = add(
            "doc_date", N_("Date"), DateField(detail.doc_date if detail else date.today())
        )
        self.kind = add("kind", N_("Kind"), kind_combo(db, detail.kind_id if detail else None))
        subject = detail.subject if detail else (answers.subject or "" if answers else "")
        self.subject = add("subject", N_("Subject"), QLineEdit(subject))
        recipients = (
            list(detail.recipients)
            if detail
            else ([answers.party] if answers and answers.party else [])
        )
        known = correspondent_names(db, actor=actor, limit=5000)
        self.recipients = add(
            "recipients", N_("Recipients"), NamesList(recipients, known, split_names)
        )
        self.signer = add("signer", N_("Signer"), QComboBox())
        self.signer.setEditable(True)
        for signer in load_profile(db).signers:
            self.signer.addItem(f"{signer.title} {signer.name}".strip())
        if detail:
            self.signer.setCurrentText(detail.signer or "")
        self.copies = add(
            "copies", N_("Copies"), QLineEdit(format_int(detail.copies if detail else 1))
        )
        self.file_copy_at = add(
            "file_copy_at",
            N_("File copy kept at"),
            QLineEdit(detail.file_copy_at if detail else ""),
        )
        self.answers_label = add("answers_id", N_("Answers incoming No."), QLineEdit())
        self.answers_label.setReadOnly(True)
        if answers is not None:
            self.answers_label.setText(answers.number)
        elif detail and detail.answers:
            self.answers_label.setText(detail.answers[0].number)
        self.sent_on = add(
            "sent_on", N_("Sent on"), DateField(detail.sent_on if detail else None, required=False)
        )
        self.urgency = add(
            "urgency", N_("Urgency"), level_combo(terms.URGENCY, detail.urgency if detail else 0)
        )
        self.secrecy = add(
            "secrecy",
            N_("Secrecy"),
            level_combo(
                terms.SECRECY,
                _start_secrecy(detail, answers),
                actor.clearance if detail else None,
            ),
        )
        self.secrecy.setEnabled(detail is None)
        self.notes = add("notes", N_("Notes"), QLineEdit(detail.notes if detail else ""))
        self.rows.retranslate()
        self.subject.setFocus()

    def save(self) -> None:
        super().save()
        tell_if_hidden(self)

    def submit(self) -> int | None:
        values = dict(
            actor=self.actor,
            doc_date=self.read("doc_date", self.doc_date.value),
            kind_id=self.kind.currentData(),
            subject=self.subject.text(),
            recipients=self.recipients.names(),
            signer=self.signer.currentText(),
            copies=self.read("copies", lambda: parse_int(self.copies.text())),
            file_copy_at=self.file_copy_at.text(),
            answers_id=self.answers_id,
            sent_on=self.read("sent_on", self.sent_on.value),
            urgency=self.urgency.currentData(),
            notes=self.notes.text(),
        )
        seq = (
            self.read("seq", lambda: optional_number(self.number.text()))
            if self.detail is None
            else None
        )
        self.fail_on_input_errors()
        if self.detail is not None:
            update_outgoing(self.db, doc_id=self.detail.id, **values)
            return self.detail.id
        secrecy = self.secrecy.currentData()
        try:
            return register_outgoing(self.db, seq=seq, secrecy=secrecy, **values)
        except SecrecyLowered as lowered:
            if not confirm_lowering(self, lowered):
                raise
            return register_outgoing(
                self.db, seq=seq, secrecy=secrecy, lower_secrecy=True, **values
            )

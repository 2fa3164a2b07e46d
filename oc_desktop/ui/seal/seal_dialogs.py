"""A new seal, a change of its status on a decision, and an incident."""

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from oc_desktop.i18n import N_, _
from oc_desktop.models.db import Database
from oc_desktop.seal import terms
from oc_desktop.seal.incidents import record_incident
from oc_desktop.seal.seals import SealRow, add_seal, change_status, seal_rows
from oc_desktop.security import Actor
from oc_desktop.ui.common.entry_dialog import DateField
from oc_desktop.ui.seal.form import SealDialogBase, seal_combo


def code_combo(labels: dict[str, str], current: str | None = None) -> QComboBox:
    combo = QComboBox()
    for code, message in labels.items():
        combo.addItem(_(message), code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class SealDialog(SealDialogBase):
    def __init__(self, parent: QWidget | None, db: Database, actor: Actor) -> None:
        super().__init__(parent, _("A new seal or stamp"))
        self.db, self.actor = db, actor
        self.name = self.add("name", N_("Name"), QLineEdit())
        self.kind = self.add("kind", N_("Kind"), code_combo(terms.SEAL_KIND))
        self.kept_at = self.add("kept_at", N_("Kept at"), QLineEdit())
        self.since = self.add("since", N_("In use since"), DateField(date.today()))
        self.decision_number = self.add("decision_number", N_("Decision number"), QLineEdit())
        self.decision_date = self.add(
            "decision_date", N_("Decision date"), DateField(None, required=False)
        )
        self.notes = self.add("notes", N_("Notes"), QLineEdit())
        self.rows.retranslate()
        self.name.setFocus()

    def submit(self) -> int | None:
        since = self.read("since", self.since.value)
        decided = self.read("decision_date", self.decision_date.value)
        self.fail_on_input_errors()
        return add_seal(
            self.db,
            actor=self.actor,
            name=self.name.text(),
            kind=self.kind.currentData(),
            since=since,
            kept_at=self.kept_at.text(),
            decision_number=self.decision_number.text(),
            decision_date=decided,
            notes=self.notes.text(),
        )


class StatusDialog(SealDialogBase):
    def __init__(self, parent: QWidget | None, db: Database, actor: Actor, seal: SealRow):
        super().__init__(parent, _("Change the status of {seal}").format(seal=seal.name))
        self.db, self.actor, self.seal = db, actor, seal
        self.status = self.add("status", N_("New status"), code_combo(terms.SEAL_STATUS))
        others = [code for code in terms.SEAL_STATUS if code != seal.status]
        self.status.setCurrentIndex(self.status.findData(others[0]))
        self.since = self.add("since", N_("Since"), DateField(date.today()))
        self.decision_number = self.add("decision_number", N_("Decision number"), QLineEdit())
        self.decision_date = self.add("decision_date", N_("Decision date"), DateField(None))
        self.note = self.add("note", N_("Note"), QLineEdit())
        self.rows.retranslate()
        self.status.setFocus()

    def submit(self) -> int | None:
        since = self.read("since", self.since.value)
        decided = self.read("decision_date", self.decision_date.value)
        self.fail_on_input_errors()
        return change_status(
            self.db,
            actor=self.actor,
            seal_id=self.seal.id,
            status=self.status.currentData(),
            since=since,
            decision_number=self.decision_number.text(),
            decision_date=decided,
            note=self.note.text(),
        )


class IncidentDialog(SealDialogBase):
    def __init__(self, parent: QWidget | None, db: Database, actor: Actor, seal: SealRow):
        super().__init__(parent, _("What happened to {seal}").format(seal=seal.name))
        self.db, self.actor, self.seal = db, actor, seal
        self.kind = self.add("kind", N_("What happened"), code_combo(terms.INCIDENT))
        self.happened_on = self.add("happened_on", N_("On"), DateField(date.today()))
        self.description = self.add("description", N_("Description"), QLineEdit())
        self.report = self.add("report", N_("Report made (a loss: to the police)"), QLineEdit())
        others = [s for s in seal_rows(db, actor=actor) if s.id != seal.id]
        self.replacement = self.add(
            "replacement_id", N_("Replaced by"), seal_combo(others, None, in_use_only=True)
        )
        self.replacement.insertItem(0, "", None)
        self.replacement.setCurrentIndex(0)
        self.decision_number = self.add("decision_number", N_("Decision number"), QLineEdit())
        self.decision_date = self.add(
            "decision_date", N_("Decision date"), DateField(None, required=False)
        )
        self.rows.retranslate()
        self.kind.setFocus()

    def submit(self) -> int | None:
        happened = self.read("happened_on", self.happened_on.value)
        decided = self.read("decision_date", self.decision_date.value)
        self.fail_on_input_errors()
        return record_incident(
            self.db,
            actor=self.actor,
            seal_id=self.seal.id,
            kind=self.kind.currentData(),
            happened_on=happened,
            description=self.description.text(),
            report=self.report.text(),
            replacement_id=self.replacement.currentData(),
            decision_number=self.decision_number.text(),
            decision_date=decided,
        )

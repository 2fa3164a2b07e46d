"""A handover of a seal on written permission, its return, and correcting the last one."""

from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from oc_desktop.i18n import N_, _
from oc_desktop.models.db import Database
from oc_desktop.seal.handovers import correct_handover, record_handover, return_seal
from oc_desktop.seal.query import HandoverRow
from oc_desktop.seal.seals import seal_rows
from oc_desktop.security import Actor
from oc_desktop.ui.common.entry_dialog import DateField, combine
from oc_desktop.ui.seal.form import SealDialogBase, people_combo, seal_combo, time_line


class HandoverDialog(SealDialogBase):
    aliases = {"left_at": "left_on", "from_id": "holder"}

    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        actor: Actor,
        *,
        seal_id: int | None = None,
        wrong: HandoverRow | None = None,
    ) -> None:
        title = _("Correct the last handover") if wrong else _("Hand over a seal")
        super().__init__(parent, title)
        self.db, self.actor, self.wrong = db, actor, wrong
        self.seals = seal_rows(db, actor=actor)
        now = wrong.left_at if wrong else datetime.now()
        if wrong:
            self.void_reason = self.add("void_reason", N_("Why it is corrected"), QLineEdit())
            seal_id = next((s.id for s in self.seals if s.name == wrong.seal), None)
        self.seal = self.add(
            "seal_id", N_("Seal"), seal_combo(self.seals, seal_id, in_use_only=True)
        )
        self.seal.setEnabled(wrong is None)
        self.holder = self.add("holder", N_("Handed over by (holds it now)"), QLineEdit())
        self.holder.setReadOnly(True)
        self.receiver = self.add("to_id", N_("Received by"), people_combo(db, None))
        self.witness = self.add("witness", N_("Witness"), QLineEdit(wrong.witness if wrong else ""))
        self.left_on = self.add("left_on", N_("Date"), DateField(now.date()))
        self.left_time = self.add("left_time", N_("Time"), time_line(now.strftime("%H:%M")))
        self.due_back = self.add(
            "due_back",
            N_("Due back (empty: it stays)"),
            DateField(wrong.due_back if wrong else None, required=False),
        )
        self.authorised_by = self.add(
            "authorised_by",
            N_("Permission given by"),
            QLineEdit(wrong.authorised_by if wrong else ""),
        )
        self.authorisation_number = self.add(
            "authorisation_number",
            N_("Permission number"),
            QLineEdit(wrong.authorisation_number if wrong else ""),
        )
        self.authorisation_date = self.add(
            "authorisation_date",
            N_("Permission date"),
            DateField(wrong.authorisation_date if wrong else None),
        )
        self.reason = self.add("reason", N_("Reason"), QLineEdit(wrong.reason if wrong else ""))
        self.leaves = self.add("leaves_premises", None, QCheckBox())
        self.leaves.setChecked(bool(wrong and wrong.leaves_premises))
        self.condition = self.add(
            "condition", N_("Condition of the seal"), QLineEdit(wrong.condition if wrong else "")
        )
        self.seal.currentIndexChanged.connect(self._show_holder)
        self._show_holder()
        self.rows.retranslate()
        self.leaves.setText(_("It leaves the office premises"))
        (self.void_reason if wrong else self.receiver).setFocus()

    def _show_holder(self) -> None:
        seal = next((s for s in self.seals if s.id == self.seal.currentData()), None)
        if self.wrong is not None:
            self.holder_id, name = None, self.wrong.giver
        else:
            self.holder_id = seal.holder_id if seal else None
            name = seal.holder if seal else ""
        self.holder.setText(name or _("nobody yet (its first keeper)"))

    def submit(self) -> int | None:
        day = self.read("left_on", self.left_on.value)
        left_at = self.read("left_time", lambda: combine(day, self.left_time.text()))
        due_back = self.read("due_back", self.due_back.value)
        permitted = self.read("authorisation_date", self.authorisation_date.value)
        self.fail_on_input_errors()
        fields = dict(
            to_id=self.receiver.currentData(),
            witness=self.witness.text(),
            left_at=left_at,
            due_back=due_back,
            authorised_by=self.authorised_by.text(),
            authorisation_number=self.authorisation_number.text(),
            authorisation_date=permitted,
            reason=self.reason.text(),
            leaves_premises=self.leaves.isChecked(),
            condition=self.condition.text(),
        )
        if self.wrong:
            return correct_handover(
                self.db,
                actor=self.actor,
                handover_id=self.wrong.id,
                void_reason=self.void_reason.text(),
                **fields,
            )
        return record_handover(
            self.db,
            actor=self.actor,
            seal_id=self.seal.currentData(),
            from_id=self.holder_id,
            **fields,
        )


class ReturnDialog(SealDialogBase):
    """The seal comes back to whoever handed it over."""

    aliases = {"left_at": "returned_on", "returned_at": "returned_on"}

    def __init__(self, parent: QWidget | None, db: Database, actor: Actor, row: HandoverRow):
        super().__init__(parent, _("The seal comes back"))
        self.db, self.actor, self.row = db, actor, row
        now = datetime.now()
        self.returned_on = self.add("returned_on", N_("Date"), DateField(now.date()))
        self.returned_time = self.add("returned_time", N_("Time"), time_line(now.strftime("%H:%M")))
        self.witness = self.add("witness", N_("Witness"), QLineEdit(row.witness))
        self.condition = self.add("condition", N_("Condition of the seal"), QLineEdit())
        self.rows.retranslate()
        self.returned_on.setFocus()

    def submit(self) -> int | None:
        day = self.read("returned_on", self.returned_on.value)
        at = self.read("returned_time", lambda: combine(day, self.returned_time.text()))
        self.fail_on_input_errors()
        return return_seal(
            self.db,
            actor=self.actor,
            handover_id=self.row.id,
            returned_at=at,
            witness=self.witness.text(),
            condition=self.condition.text(),
        )

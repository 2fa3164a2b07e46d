"""Sealing a document, or correcting a use: the letter is picked from the outgoing
register by its number (its date, kind, subject and signer are read from there) or
described when it is not in it."""

from datetime import datetime

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from oc_desktop.formatting import format_date
from oc_desktop.i18n import N_, _
from oc_desktop.models.db import Database
from oc_desktop.seal import terms
from oc_desktop.seal.query import LetterRow, UseRow, find_letter, letter_by_id
from oc_desktop.seal.seals import seal_rows
from oc_desktop.seal.uses import correct_use, record_use
from oc_desktop.security import Actor
from oc_desktop.ui.common.entry_dialog import DateField, combine
from oc_desktop.ui.common.forms import DigitSpinBox
from oc_desktop.ui.seal.form import SealDialogBase, people_combo, seal_combo, time_line
from oc_desktop.validation import ValidationError


class UseDialog(SealDialogBase):
    aliases = {"used_at": "used_on"}

    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        actor: Actor,
        *,
        wrong: UseRow | None = None,
        outgoing_id: int | None = None,
    ) -> None:
        """``outgoing_id``: the letter to seal, chosen in the register (its number shown)."""
        super().__init__(parent, _("Correct a use of the seal") if wrong else _("Seal a document"))
        self.db, self.actor, self.wrong = db, actor, wrong
        self.seals = seal_rows(db, actor=actor)
        self.letter: LetterRow | None = None
        if wrong is not None:
            outgoing_id = wrong.outgoing_id
        self.chosen = letter_by_id(db, actor=actor, doc_id=outgoing_id) if outgoing_id else None
        now = wrong.used_at if wrong else datetime.now()
        if wrong:
            self.void_reason = self.add("void_reason", N_("Why it is corrected"), QLineEdit())
        current = next((s.id for s in self.seals if s.name == wrong.seal), None) if wrong else None
        self.seal = self.add(
            "seal_id", N_("Seal"), seal_combo(self.seals, current, in_use_only=True)
        )
        self.used_on = self.add("used_on", N_("Date"), DateField(now.date()))
        self.used_time = self.add("used_time", N_("Time"), time_line(now.strftime("%H:%M")))
        number = self.chosen.number if self.chosen else ""
        self.number = self.add("outgoing_id", N_("Outgoing document number"), QLineEdit(number))
        self.number.setPlaceholderText(_("e.g. 12/ABC; empty: describe it below"))
        self.found = self.add("found", None, QLabel())
        self.found.setWordWrap(True)
        self.described = self.add(
            "described",
            N_("Or the document described"),
            QLineEdit(wrong.described if wrong else ""),
        )
        self.impression = self.add("impression_kind", N_("Where the seal is put"), QComboBox())
        for code, message in terms.IMPRESSION.items():
            self.impression.addItem(_(message), code)
        if wrong:
            self.impression.setCurrentIndex(self.impression.findData(wrong.impression_kind))
        self.impressions = self.add("impressions", N_("Impressions"), DigitSpinBox())
        self.sheets = self.add("sheets", N_("Sheets"), DigitSpinBox())
        for spin, value in (
            (self.impressions, wrong.impressions if wrong else 1),
            (self.sheets, wrong.sheets if wrong else 1),
        ):
            spin.setRange(1, 10_000)
            spin.setValue(value)
        self.requested = self.add(
            "requested_by", N_("Requested by"), QLineEdit(wrong.requested_by if wrong else "")
        )
        self.approved = self.add(
            "approved_by", N_("Approved by"), QLineEdit(wrong.approved_by if wrong else "")
        )
        self.applied = self.add("applied_by_id", N_("Applied by"), people_combo(db, None))
        self.seal.currentIndexChanged.connect(self._holder_applies)
        self.number.editingFinished.connect(self.look_up)
        self.used_on.editingFinished.connect(self.look_up)
        self._holder_applies()
        self.look_up()
        self.rows.retranslate()
        (self.void_reason if wrong else self.number).setFocus()

    def _holder_applies(self) -> None:
        """The holder of the chosen seal applies it, as a rule."""
        holder = next((s.holder_id for s in self.seals if s.id == self.seal.currentData()), None)
        self.applied.setCurrentIndex(max(0, self.applied.findData(holder)))

    def look_up(self) -> None:
        """Show what the typed number is in the outgoing register (an index probe)."""
        self.letter = None
        text = self.number.text().strip()
        if self.chosen is not None and text == self.chosen.number:
            self.letter = self.chosen
        elif not text:
            self.found.setText(_("No document from the register: describe it below."))
            return
        else:
            try:
                on = self.used_on.value()
            except ValueError:
                on = datetime.now().date()
            self.letter = find_letter(self.db, actor=self.actor, number=text, on=on)
        if self.letter is None:
            self.found.setText(_("No outgoing document has this number."))
            return
        letter = self.letter
        subject = letter.subject if letter.subject is not None else _("(secret)")
        self.found.setText(
            _("{number} of {date}, {kind}: {subject}. Signed by: {signer}").format(
                number=letter.number,
                date=format_date(letter.doc_date),
                kind=letter.kind,
                subject=subject,
                signer=letter.signer or _("nobody yet"),
            )
        )

    def submit(self) -> int | None:
        day = self.read("used_on", self.used_on.value)
        used_at = self.read("used_time", lambda: combine(day, self.used_time.text()))
        self.look_up()
        if self.number.text().strip() and self.letter is None:
            self._input_errors["outgoing_id"] = _("No outgoing document has this number.")
        self.fail_on_input_errors()
        if self.applied.currentData() is None:
            raise ValidationError({"applied_by_id": _("Choose who applies the seal.")})
        fields = dict(
            seal_id=self.seal.currentData(),
            used_at=used_at,
            applied_by_id=self.applied.currentData(),
            outgoing_id=self.letter.id if self.letter else None,
            described="" if self.letter else self.described.text(),
            impression_kind=self.impression.currentData(),
            impressions=self.impressions.value(),
            sheets=self.sheets.value(),
            requested_by=self.requested.text(),
            approved_by=self.approved.text(),
        )
        if self.wrong:
            return correct_use(
                self.db,
                actor=self.actor,
                use_id=self.wrong.id,
                void_reason=self.void_reason.text(),
                **fields,
            )
        return record_use(self.db, actor=self.actor, **fields)

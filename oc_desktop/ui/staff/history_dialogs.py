"""Dialogs that add one dated record to a person's history, each naming its decision."""

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit

from oc_desktop.formatting import parse_int
from oc_desktop.i18n import N_, _
from oc_desktop.profile import load_profile
from oc_desktop.staff import terms
from oc_desktop.staff.history import add_event, add_grade, add_position, record_leaving
from oc_desktop.ui.common.entry_dialog import DateField, EntryDialog
from oc_desktop.ui.staff.person_form import code_combo


def _number(text: str) -> int | None:
    return parse_int(text) if text.strip() else None


class HistoryDialog(EntryDialog):
    """The rows every record has: from when, the decision's number and date, notes."""

    def __init__(self, parent, db, actor, person_id: int, title: str) -> None:
        super().__init__(parent, title)
        self.db, self.actor, self.person_id = db, actor, person_id
        self.fields()
        add = self.rows.add
        self.start = add("start", N_("&From"), DateField(date.today()))
        self.decision_number = add("decision_number", N_("&Decision No."), QLineEdit())
        self.decision_number.setPlaceholderText("12/ຄອຮ")
        self.decision_date = add(
            "decision_date", N_("Decision da&te"), DateField(None, required=False)
        )
        self.notes = add("notes", N_("Notes"), QLineEdit())
        self.rows.retranslate()

    def fields(self) -> None:
        """The rows of this kind of record, above the common ones."""

    def common(self) -> dict:
        return dict(
            db=self.db,
            actor=self.actor,
            person_id=self.person_id,
            start=self.read("start", self.start.value),
            decision_number=self.decision_number.text(),
            decision_date=self.read("decision_date", self.decision_date.value),
            notes=self.notes.text(),
        )


class PositionDialog(HistoryDialog):
    def __init__(self, parent, db, actor, person_id: int) -> None:
        super().__init__(parent, db, actor, person_id, _("Appointment or transfer"))

    def fields(self) -> None:
        add = self.rows.add
        self.change = add("change", N_("&Change"), code_combo(terms.POSITION_CHANGE, "transfer"))
        self.position = add("position", N_("&Position"), code_combo(terms.POSITION, "staff"))
        self.title_line = add("title", N_("T&itle as decided"), QLineEdit())
        self.section = add("section_id", N_("&Section"), QComboBox())
        self.section.setProperty("holds_data", True)
        self.section.addItem("", None)
        for section in load_profile(self.db).sections:
            self.section.addItem(section.name, section.id)

    def submit(self) -> int | None:
        values = self.common()
        self.fail_on_input_errors()
        return add_position(
            **values,
            change=self.change.currentData(),
            position=self.position.currentData(),
            title=self.title_line.text(),
            section_id=self.section.currentData(),
        )


class GradeDialog(HistoryDialog):
    def __init__(self, parent, db, actor, person_id: int, grade=None, step=None) -> None:
        self._was = (grade, step)
        super().__init__(parent, db, actor, person_id, _("Grade and salary step"))

    def fields(self) -> None:
        grade, step = self._was
        add = self.rows.add
        self.change = add(
            "change",
            N_("&Change"),
            code_combo(terms.GRADE_CHANGE, "promotion" if grade else "start"),
        )
        self.grade = add("grade", N_("&Grade"), QLineEdit(str(grade or 1)))
        self.step = add("step", N_("Ste&p"), QLineEdit(str((step or 0) + 1)))

    def submit(self) -> int | None:
        values = self.common()
        grade = self.read("grade", lambda: parse_int(self.grade.text()))
        step = self.read("step", lambda: parse_int(self.step.text()))
        self.fail_on_input_errors()
        return add_grade(**values, change=self.change.currentData(), grade=grade, step=step)


EVENT_TITLES = {
    "training": (N_("Training course"), N_("Course")),
    "commendation": (N_("Commendation"), N_("Award")),
    "discipline": (N_("Disciplinary measure"), N_("Measure")),
    "evaluation": (N_("Yearly evaluation"), N_("Result")),
}


class EventDialog(HistoryDialog):
    def __init__(self, parent, db, actor, person_id: int, kind: str) -> None:
        self.kind = kind
        super().__init__(parent, db, actor, person_id, _(EVENT_TITLES[kind][0]))

    def fields(self) -> None:
        add = self.rows.add
        self.title_line = add("title", EVENT_TITLES[self.kind][1], QLineEdit())
        self.title_line.setObjectName("event_title")
        self.by_whom = add("by_whom", N_("Institution or &issuer"), QLineEdit())
        self.result = add("result", N_("&Result"), QLineEdit())
        self.end = add("end", N_("&Until"), DateField(None, required=False))

    def submit(self) -> int | None:
        values = self.common()
        end = self.read("end", self.end.value)
        self.fail_on_input_errors()
        return add_event(
            **values,
            kind=self.kind,
            title=self.title_line.text(),
            by_whom=self.by_whom.text(),
            result=self.result.text(),
            end=end,
        )


class LeavingDialog(HistoryDialog):
    def __init__(self, parent, db, actor, person_id: int) -> None:
        super().__init__(parent, db, actor, person_id, _("Leaving service"))

    def fields(self) -> None:
        add = self.rows.add
        self.reason = add("reason", N_("&Reason"), code_combo(terms.LEAVING, "retirement"))
        self.benefit = add("benefit", N_("&Benefit"), code_combo(terms.BENEFIT, "pension"))
        self.amount = add("amount", N_("&Amount (kip)"), QLineEdit())

    def submit(self) -> int | None:
        values = self.common()
        amount = self.read("amount", lambda: _number(self.amount.text()))
        self.fail_on_input_errors()
        return record_leaving(
            **values,
            reason=self.reason.currentData(),
            benefit=self.benefit.currentData(),
            amount=amount,
        )

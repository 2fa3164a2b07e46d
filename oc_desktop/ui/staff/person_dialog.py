"""A person's file: the form's pages, then one page per kind of history, past kept visible.

Enter saves, Esc cancels; a message shows at its field and the page holding the first
one comes to the front. History is added record by record, never edited.
"""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.formatting import format_date, format_int, format_kip
from oc_desktop.i18n import N_, _
from oc_desktop.staff import terms
from oc_desktop.staff.files import PersonFile, read_file
from oc_desktop.staff.people import save_person
from oc_desktop.ui.common.screen import fit_to_screen
from oc_desktop.ui.staff.history_dialogs import (
    EventDialog,
    GradeDialog,
    LeavingDialog,
    PositionDialog,
)
from oc_desktop.ui.staff.person_form import (
    EducationPage,
    FamilyPage,
    IdentityPage,
    read_person,
)
from oc_desktop.validation import ValidationError


def _decision(row) -> str:
    day = format_date(row.decision_date) if row.decision_date else ""
    return " ".join(part for part in (row.decision_number, day) if part)


# (page title, headings, the rows of the file, a row as texts)
def _history(file: PersonFile):
    word = terms.word
    return [
        (
            N_("Positions"),
            (N_("From"), N_("Change"), N_("Position"), N_("Section"), N_("Decision")),
            file.positions,
            lambda r: (
                format_date(r.start),
                word(terms.POSITION_CHANGE, r.change),
                r.title or word(terms.POSITION, r.position),
                r.section_id and file.section_names.get(r.section_id, "") or "",
                _decision(r),
            ),
            "position",
        ),
        (
            N_("Grades and steps"),
            (N_("From"), N_("Change"), N_("Grade"), N_("Step"), N_("Decision")),
            file.grades,
            lambda r: (
                format_date(r.start),
                word(terms.GRADE_CHANGE, r.change),
                format_int(r.grade),
                format_int(r.step),
                _decision(r),
            ),
            "grade",
        ),
        *(
            (
                title,
                (
                    N_("From"),
                    N_("Until"),
                    N_("What"),
                    N_("Institution or issuer"),
                    N_("Result"),
                    N_("Decision"),
                ),
                tuple(file.events_of(kind)),
                lambda r: (
                    format_date(r.start),
                    format_date(r.end) if r.end else "",
                    r.title,
                    r.by_whom,
                    r.result,
                    _decision(r),
                ),
                kind,
            )
            for kind, title in (
                ("training", N_("Training")),
                ("commendation", N_("Commendations")),
                ("discipline", N_("Discipline")),
                ("evaluation", N_("Evaluations")),
            )
        ),
        (
            N_("Leaving service"),
            (N_("On"), N_("Reason"), N_("Benefit"), N_("Amount (kip)"), N_("Decision")),
            (file.leaving,) if file.leaving else (),
            lambda r: (
                format_date(r.start),
                word(terms.LEAVING, r.reason),
                word(terms.BENEFIT, r.benefit),
                format_kip(r.amount) if r.amount else "",
                _decision(r),
            ),
            "leaving",
        ),
    ]


class PersonDialog(QDialog):
    def __init__(self, parent, db, actor, person_id: int | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.person_id = db, actor, person_id
        self.file = read_file(db, actor=actor, person_id=person_id) if person_id else None
        self.changed = False
        data = self.file.data if self.file else None
        self.identity = IdentityPage(db, actor, data)
        self.education = EducationPage(data)
        self.family = FamilyPage(data)
        self.pages = QTabWidget()
        self.pages.setObjectName("person_pages")
        self.pages.addTab(self.identity, "")
        self.pages.addTab(self.education, "")
        self.pages.addTab(self.family, "")
        self.history_tables: dict[str, QTableWidget] = {}
        self.add_buttons: dict[str, QPushButton] = {}
        if self.file is not None:
            for title, headings, rows, texts, kind in _history(self.file):
                self.pages.addTab(self._history_page(kind, headings, rows, texts), _(title))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            actor.may_write("staff")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        fit_to_screen(self, QSize(820, 680))
        self.identity.given_name.setFocus()

    def _history_page(self, kind, headings, rows, texts) -> QWidget:
        page = QWidget()
        table = QTableWidget(0, len(headings))
        table.setObjectName(f"history_{kind}")
        table.setHorizontalHeaderLabels([_(h) for h in headings])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        _fill(table, rows, texts)
        button = QPushButton(_("&Add a record…"))
        button.setObjectName(f"add_{kind}")
        button.setVisible(self.actor.may_write("staff"))
        button.clicked.connect(lambda: self.add_record(kind))
        row_layout = QHBoxLayout()
        row_layout.addStretch(1)
        row_layout.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(table, 1)
        layout.addLayout(row_layout)
        self.history_tables[kind] = table
        self.add_buttons[kind] = button
        return page

    def retranslate(self) -> None:
        name = self.file.name if self.file else ""
        self.setWindowTitle(
            _("Staff file: {name}").format(name=name) if name else _("New staff file")
        )
        for index, title in enumerate((N_("Identity"), N_("Education and Party"), N_("Family"))):
            self.pages.setTabText(index, _(title))
        self.identity.retranslate()
        self.education.retranslate()
        self.family.retranslate()

    def page_of(self, key: str) -> QWidget | None:
        for page in (self.identity, self.education):
            if key in page.rows._rows:
                return page
        return self.family if key == "family" else None

    def save(self) -> None:
        data, input_errors = read_person(self.identity, self.education, self.family)
        try:
            if input_errors:
                raise ValidationError(input_errors)
            self.person_id = save_person(
                self.db, actor=self.actor, data=data, person_id=self.person_id
            )
        except ValidationError as error:
            self.show_errors({**error.errors, **input_errors})
            return
        self.changed = True
        self.accept()

    def show_errors(self, errors: dict[str, str]) -> None:
        self.identity.rows.show_errors(errors)
        self.education.rows.show_errors(errors)
        self.family.show_error(errors.get("family", ""))
        first = next((self.page_of(key) for key in errors if self.page_of(key)), None)
        if first is not None:
            self.pages.setCurrentWidget(first)

    def add_record(self, kind: str) -> None:
        person = self.person_id
        if kind == "position":
            dialog = PositionDialog(self, self.db, self.actor, person)
        elif kind == "grade":
            held = self.file.grades[-1] if self.file.grades else None
            dialog = GradeDialog(
                self,
                self.db,
                self.actor,
                person,
                held.grade if held else None,
                held.step if held else None,
            )
        elif kind == "leaving":
            dialog = LeavingDialog(self, self.db, self.actor, person)
        else:
            dialog = EventDialog(self, self.db, self.actor, person, kind)
        accepted = dialog.exec()
        dialog.deleteLater()
        if accepted:
            self.changed = True
            self.reload_history(kind)

    def reload_history(self, kind: str) -> None:
        """Read the file again (audited) and show its history anew, on ``kind``'s page."""
        self.file = read_file(self.db, actor=self.actor, person_id=self.person_id)
        for index, (_title, _headings, rows, texts, page_kind) in enumerate(
            _history(self.file), start=3
        ):
            _fill(self.history_tables[page_kind], rows, texts)
            if page_kind == kind:
                self.pages.setCurrentIndex(index)


def _fill(table: QTableWidget, rows, texts) -> None:
    table.setRowCount(len(rows))
    for number, row in enumerate(rows):
        for column, text in enumerate(texts(row)):
            table.setItem(number, column, QTableWidgetItem(text))
    table.resizeColumnsToContents()

"""The pages of a person's file as a form: identity, education and Party, family.

Each page is a QFormLayout whose rows are keyed by the field names the operations report
errors for, so a message shows at its field on whichever page holds it.
"""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.formatting import InputError, format_int, parse_int
from oc_desktop.i18n import N_, _
from oc_desktop.profile import load_profile
from oc_desktop.staff import terms
from oc_desktop.staff.people import PersonData, Relative, add_ethnic_group, ethnic_groups
from oc_desktop.ui.common.entry_dialog import DateField
from oc_desktop.ui.common.forms import FormRows
from oc_desktop.validation import ValidationError

PHOTO_SIZE = (120, 160)  # a 3×4 photo as pasted on a paper biography


def code_combo(labels: dict[str, str], current: str | None) -> QComboBox:
    combo = QComboBox()
    for value, message in labels.items():
        combo.addItem(_(message), value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class Page(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows = FormRows(self.form)


class IdentityPage(Page):
    def __init__(self, db, actor, data: PersonData | None) -> None:
        super().__init__()
        d = data
        add = self.rows.add
        self.given_name = add("given_name", N_("&Name"), QLineEdit(d.given_name if d else ""))
        self.family_name = add(
            "family_name", N_("Family na&me"), QLineEdit(d.family_name if d else "")
        )
        self.latin_name = add(
            "latin_name", N_("Latin spe&lling"), QLineEdit(d.latin_name if d else "")
        )
        self.sex = add("sex", N_("Se&x"), code_combo(terms.SEX, d.sex if d else "m"))
        self.birth_date = add("birth_date", N_("&Born on"), DateField(d.birth_date if d else None))
        self.birth_village = add(
            "birth_village", N_("Village"), QLineEdit(d.birth_village if d else "")
        )
        self.birth_district = add(
            "birth_district", N_("District"), QLineEdit(d.birth_district if d else "")
        )
        self.birth_province = add(
            "birth_province", N_("Province"), QLineEdit(d.birth_province if d else "")
        )
        self.db, self.actor = db, actor
        self.ethnic_group = QComboBox()
        self.ethnic_group.setProperty("holds_data", True)
        self.new_group = QPushButton()
        self.new_group.setVisible(actor.may_write("staff"))
        self.new_group.clicked.connect(self.add_group)
        ethnic = QWidget()
        ethnic_row = QHBoxLayout(ethnic)
        ethnic_row.setContentsMargins(0, 0, 0, 0)
        ethnic_row.addWidget(self.ethnic_group, 1)
        ethnic_row.addWidget(self.new_group)
        add("ethnic_group", N_("E&thnic group"), ethnic)
        self.rows._rows["ethnic_group"][0].setBuddy(self.ethnic_group)
        self.fill_groups(d.ethnic_group_id if d else None)
        self.religion = add("religion", N_("Religion"), QLineEdit(d.religion if d else ""))
        self.id_card = add("id_card", N_("&Identity card No."), QLineEdit(d.id_card if d else ""))
        self.phone = add("phone", N_("Telephone"), QLineEdit(d.phone if d else ""))
        self.address = add("address", N_("Address"), QLineEdit(d.address if d else ""))
        self.service_entry = add(
            "service_entry", N_("Entered ser&vice"), DateField(d.service_entry if d else None)
        )
        self.section = add("section_id", N_("Se&ction"), QComboBox())
        self.section.setProperty("holds_data", True)
        self.section.addItem("", None)
        for section in load_profile(db).sections:
            self.section.addItem(section.name, section.id)
        self.section.setCurrentIndex(max(0, self.section.findData(d.section_id if d else None)))
        self.postponed = add(
            "retirement_postponed_to",
            N_("Retirement postponed to"),
            DateField(d.retirement_postponed_to if d else None, required=False),
        )
        self.photo_data = d.photo if d else None
        self.photo_label = QLabel()
        self.photo_label.setFixedSize(*PHOTO_SIZE)
        self.photo_label.setFrameShape(QLabel.Shape.Box)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_button = QPushButton()
        self.photo_button.clicked.connect(self.choose_photo)
        photo = QWidget()
        photo_row = QHBoxLayout(photo)
        photo_row.setContentsMargins(0, 0, 0, 0)
        photo_row.addWidget(self.photo_label)
        photo_row.addWidget(self.photo_button, 0, Qt.AlignmentFlag.AlignBottom)
        photo_row.addStretch(1)
        add("photo", N_("Photo"), photo)
        self.show_photo()

    def fill_groups(self, chosen: int | None) -> None:
        self.ethnic_group.clear()
        self.ethnic_group.addItem("", None)
        for group in ethnic_groups(self.db):
            self.ethnic_group.addItem(group.name, group.id)
        self.ethnic_group.setCurrentIndex(max(0, self.ethnic_group.findData(chosen)))

    def add_group(self) -> None:
        """A group missing from the office's list, added to it and chosen."""
        name, ok = QInputDialog.getText(self, _("New ethnic group"), _("Name of the group"))
        if not ok or not name.strip():
            return
        try:
            group = add_ethnic_group(self.db, actor=self.actor, name=name)
        except ValidationError as error:
            self.rows.show_errors({"ethnic_group": error.errors["name"]})
            return
        self.fill_groups(group)

    def retranslate(self) -> None:
        self.rows.retranslate()
        self.new_group.setText(_("New group…"))
        self.photo_button.setText(_("Choose &photo…"))
        if self.photo_data is None:
            self.photo_label.setText(_("no photo"))

    def choose_photo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Photo"), "", _("Images (*.jpg *.jpeg *.png)")
        )
        if path:
            with open(path, "rb") as file:
                self.set_photo(file.read())

    def set_photo(self, data: bytes) -> None:
        """Kept as read; the operation says if it is not an image or too big."""
        self.photo_data = data
        self.show_photo()

    def show_photo(self) -> None:
        pixmap = QPixmap()
        if self.photo_data and pixmap.loadFromData(self.photo_data):
            self.photo_label.setPixmap(
                pixmap.scaled(
                    *PHOTO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(_("no photo") if not self.photo_data else "?")


JOINED = (
    ("party_joined", N_("Joined the Part&y")),
    ("party_full", N_("Full Party member")),
    ("youth_joined", N_("Joined the Youth Union")),
    ("women_joined", N_("Joined the Women's Union")),
    ("union_joined", N_("Joined the Trade Union")),
)


class EducationPage(Page):
    def __init__(self, data: PersonData | None) -> None:
        super().__init__()
        d = data
        add = self.rows.add
        self.education = add(
            "education", N_("&General education"), QLineEdit(d.education if d else "")
        )
        self.education.setPlaceholderText("12/12")
        self.specialised = add(
            "specialised", N_("Specialised"), QLineEdit(d.specialised if d else "")
        )
        self.theory = add(
            "political_theory",
            N_("Political theory"),
            code_combo(terms.THEORY, d.political_theory if d else ""),
        )
        self.state_management = add(
            "state_management", N_("State management"), QLineEdit(d.state_management if d else "")
        )
        self.languages = add("languages", N_("Languages"), QLineEdit(d.languages if d else ""))
        self.computing = add("computing", N_("Computing"), QLineEdit(d.computing if d else ""))
        self.joined = {
            key: add(key, label, DateField(getattr(d, key) if d else None, required=False))
            for key, label in JOINED
        }
        self.notes = add("notes", N_("Notes"), QLineEdit(d.notes if d else ""))

    def retranslate(self) -> None:
        self.rows.retranslate()


class FamilyPage(QWidget):
    """Parents, spouse, children: one row each, typed in place."""

    HEADERS = (N_("Relation"), N_("Name"), N_("Year of birth"), N_("Occupation"), N_("Address"))

    def __init__(self, data: PersonData | None) -> None:
        super().__init__()
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setObjectName("family_table")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(lambda: self.add_row(Relative("child", "")))
        self.remove_button.clicked.connect(
            lambda: self.table.removeRow(max(0, self.table.currentRow()))
        )
        self.error = QLabel()
        self.error.setObjectName("error_family")
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        for relative in data.family if data else ():
            self.add_row(relative)

    def add_row(self, relative: Relative) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCellWidget(row, 0, code_combo(terms.RELATION, relative.relation))
        year = format_int(relative.birth_year) if relative.birth_year else ""
        for column, text in enumerate(
            (relative.name, year, relative.occupation, relative.address), start=1
        ):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def relatives(self) -> tuple[Relative, ...]:
        """The rows typed; a blank row is left out, a mistyped year raises InputError."""
        found = []
        for row in range(self.table.rowCount()):
            texts = [(self.table.item(row, c) or QTableWidgetItem()).text() for c in range(1, 5)]
            if not any(t.strip() for t in texts):
                continue
            year = parse_int(texts[1]) if texts[1].strip() else None
            relation = self.table.cellWidget(row, 0).currentData()
            found.append(Relative(relation, texts[0], year, texts[2], texts[3]))
        return tuple(found)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([_(h) for h in self.HEADERS])
        self.add_button.setText(_("&Add a relative"))
        self.remove_button.setText(_("&Remove the row"))


def read_person(identity: IdentityPage, education: EducationPage, family: FamilyPage):
    """(PersonData, field errors of what could not even be read)."""
    errors: dict[str, str] = {}

    def read(key: str, reader):
        try:
            return reader()
        except InputError as error:
            errors[key] = str(error)
            return None

    relatives = read("family", family.relatives) or ()
    joined: dict[str, date | None] = {
        key: read(key, field.value) for key, field in education.joined.items()
    }
    data = PersonData(
        given_name=identity.given_name.text(),
        family_name=identity.family_name.text(),
        latin_name=identity.latin_name.text(),
        sex=identity.sex.currentData(),
        birth_date=read("birth_date", identity.birth_date.value),
        birth_village=identity.birth_village.text(),
        birth_district=identity.birth_district.text(),
        birth_province=identity.birth_province.text(),
        ethnic_group_id=identity.ethnic_group.currentData(),
        religion=identity.religion.text(),
        id_card=identity.id_card.text(),
        phone=identity.phone.text(),
        address=identity.address.text(),
        photo=identity.photo_data,
        education=education.education.text(),
        specialised=education.specialised.text(),
        political_theory=education.theory.currentData(),
        state_management=education.state_management.text(),
        languages=education.languages.text(),
        computing=education.computing.text(),
        service_entry=read("service_entry", identity.service_entry.value),
        section_id=identity.section.currentData(),
        retirement_postponed_to=read("retirement_postponed_to", identity.postponed.value),
        notes=education.notes.text(),
        family=relatives,
        **joined,
    )
    return data, errors

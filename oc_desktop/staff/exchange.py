"""The staff list as a spreadsheet, and people's files brought in from an office's old
Excel list of its staff.

Export: the tab's columns with real values (dates as dates, grade and step as numbers)
and the identity card; only the staff officer, the head and the administrator read it
(``require_staff_read`` in the list's own query). Import: one new file per row, made by
``create_person``, the operation the New person form saves through, so a card number
already in a file (or higher up in the book) refuses its row. A row names its section
by the name the office's profile gives it. Positions and grades have dated histories of
their own (a decision and its date); an old list rarely holds them, so they are entered
in each file afterwards.
"""

from datetime import date

from sqlalchemy import select

from oc_desktop.exchange.cells import text, when
from oc_desktop.exchange.declare import ExportColumn, ImportField, Register
from oc_desktop.exchange.through import ThroughOperation
from oc_desktop.i18n import N_, _, every_language
from oc_desktop.laotext import search_key
from oc_desktop.models import Person, Section
from oc_desktop.staff import terms
from oc_desktop.staff.common import AREA_KEY
from oc_desktop.staff.listing import StaffQuery, count_rows, fetch_page
from oc_desktop.staff.people import PersonData, create_person
from oc_desktop.validation import ValidationError

DATE = "00.00.0000"
#: the titles an old list writes before a name, and the sex they say
TITLES = {"ທ້າວ": "m", "ທ່ານ": "", "ນາງ": "f", "ທ່ານນາງ": "f", "mr": "m", "mr.": "m", "ms": "f"}


def staff_columns() -> list[ExportColumn]:
    return [
        ExportColumn(N_("Name"), lambda r: r.name, "ທ້າວ ສົມພອນ ແກ້ວມະນີວົງ"),
        ExportColumn(N_("Sex"), lambda r: terms.word(terms.SEX, r.sex), "ຍິງ"),
        ExportColumn(N_("Born"), lambda r: r.birth_date, DATE),
        ExportColumn(N_("Section"), lambda r: r.section, "ຂະແໜງ ບໍລິຫານ, ຈັດຕັ້ງ"),
        ExportColumn(
            N_("Position"),
            lambda r: r.title or terms.word(terms.POSITION, r.position),
            "ຮອງຫົວໜ້າຂະແໜງ",
        ),
        ExportColumn(N_("Grade"), lambda r: r.grade, "00"),
        ExportColumn(N_("Step"), lambda r: r.step, "00"),
        ExportColumn(N_("In service since"), lambda r: r.service_entry, DATE),
        ExportColumn(N_("Left on"), lambda r: r.left_on, DATE),
        ExportColumn(N_("Latin spelling"), lambda r: r.latin_name, "Somphone Keo"),
        ExportColumn(N_("ID card"), lambda r: r.id_card, "0000000000"),
    ]


STAFF_FIELDS = (
    ImportField(
        "name",
        N_("Name"),
        required=True,
        aliases=("ຊື່ ແລະ ນາມສະກຸນ", "ຊື່ແລະນາມສະກຸນ", "ຊື່-ນາມສະກຸນ", "ຊື່ ນາມສະກຸນ", "full name"),
    ),
    ImportField("family_name", N_("Family name"), aliases=("ນາມສະກຸນ", "surname")),
    ImportField("sex", N_("Sex"), aliases=("ເພດ", "gender")),
    ImportField(
        "birth_date",
        N_("Born"),
        required=True,
        date=True,
        aliases=("ວັນເດືອນປີເກີດ", "ວັນເກີດ", "ເກີດ", "date of birth", "birth date"),
    ),
    ImportField(
        "service_entry",
        N_("In service since"),
        required=True,
        date=True,
        aliases=("ວັນເຂົ້າການ", "ເຂົ້າຮັບລັດຖະການ", "ວັນເຂົ້າຮັບລັດຖະການ", "ເຂົ້າການ", "service entry"),
    ),
    ImportField("section", N_("Section"), aliases=("ຂະແໜງ", "ພະແນກ", "ຂະແໜງການ")),
    ImportField("latin_name", N_("Latin spelling"), aliases=("ຊື່ພາສາອັງກິດ", "latin name")),
    ImportField("id_card", N_("ID card"), aliases=("ເລກບັດປະຈຳຕົວ", "ບັດປະຈຳຕົວ", "id card no")),
    ImportField("phone", N_("Phone"), aliases=("ເບີໂທ", "ເບີໂທລະສັບ", "ໂທລະສັບ", "tel")),
    ImportField("notes", N_("Notes"), aliases=("ໝາຍເຫດ", "remarks")),
)


def _sex(value, titled: str) -> str:
    """ຊາຍ/ຍິງ, male/female, m/f (or the title before the name when the column is empty)."""
    if not text(value):
        if titled:
            return titled
        raise ValueError(_("Sex: write male or female"))
    folded = search_key(text(value))
    for code, label in terms.SEX.items():
        words = {search_key(word) for word in every_language(label)} | {code}
        words |= {"ຊາຍ", "ທ້າວ"} if code == "m" else {"ຍິງ", "ນາງ"}
        if folded in words:
            return code
    raise ValueError(_("Sex: “{value}” is neither male nor female").format(value=value))


def _names(full: str, family: str) -> tuple[str, str, str]:
    """(given name, family name, the sex the title says) of ``ທ້າວ ສົມພອນ ແກ້ວມະນີວົງ``:
    the title dropped, the given name first, the rest the family name."""
    words = full.split()
    titled = ""
    while len(words) > 1 and words[0].lower() in TITLES:  # ທ່ານ ນາງ: both words
        titled = TITLES[words.pop(0).lower()] or titled
    if family or len(words) < 2:
        return " ".join(words), family, titled
    return words[0], " ".join(words[1:]), titled


class StaffImporter(ThroughOperation):
    area, entity = AREA_KEY, "staff_list"
    labels = terms.FIELDS

    def read(self, session, actor, cells: dict, order: str) -> PersonData:
        given, family, titled = _names(text(cells.get("name")), text(cells.get("family_name")))
        section_id = None
        if name := text(cells.get("section")):
            sections = {
                search_key(n): i for i, n in session.execute(select(Section.id, Section.name))
            }
            section_id = sections.get(search_key(name))
            if section_id is None:
                message = _(
                    "Section: there is no section “{name}”; the sections of the office "
                    "are named in Settings"
                )
                raise ValueError(message.format(name=name))
        return PersonData(
            given_name=given,
            family_name=family,
            sex=_sex(cells.get("sex"), titled),
            birth_date=when(cells.get("birth_date"), order, _(terms.FIELDS["birth_date"])),
            service_entry=when(cells.get("service_entry"), order, _(terms.FIELDS["service_entry"])),
            latin_name=text(cells.get("latin_name")),
            id_card=text(cells.get("id_card")),
            phone=text(cells.get("phone")),
            notes=text(cells.get("notes")),
            section_id=section_id,
        )

    def write(self, session, actor, values: PersonData) -> None:
        same = session.scalar(
            select(Person.id).where(
                Person.given_name == values.given_name,
                Person.family_name == values.family_name,
                Person.birth_date == values.birth_date,
            )
        )
        if same is not None:  # the same list brought in twice would file everyone twice
            raise ValidationError(
                {"given_name": _("A file with this name and date of birth exists already.")}
            )
        create_person(session, actor=actor, data=values, audited=False)


def _query(*, text: str = "", start: date | None = None, end: date | None = None):
    return StaffQuery(text=text, status="all")


def _fetch(db, actor, query, after, limit):
    return fetch_page(db, actor, query, after=after, limit=limit)


def _count(db, actor, query, cap):
    return count_rows(db, actor, query)


STAFF = Register(
    key="staff",
    area=AREA_KEY,
    label=N_("Staff list"),
    entity="staff_list",
    columns=staff_columns,
    query=_query,
    fetch=_fetch,
    count=_count,
    fields=STAFF_FIELDS,
    importer="oc_desktop.staff.exchange:IMPORTER",
)
IMPORTER = StaffImporter()

"""Named operations on a person's file: create, change, its family, the ethnic-group list.

Every write is checked field by field (``ValidationError`` names the field), done in one
transaction and audited with ``area="staff"``; only the staff officer writes.
"""

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oc_desktop.i18n import _
from oc_desktop.laotext import index_text, sort_key
from oc_desktop.models import (
    EthnicGroup,
    FamilyMember,
    GradeRecord,
    Person,
    PositionRecord,
    Section,
)
from oc_desktop.models.db import Database
from oc_desktop.models.staff import RELATIONS, SEXES, THEORY_LEVELS
from oc_desktop.security import Actor
from oc_desktop.staff.careers import add_years
from oc_desktop.staff.common import (
    LONG_MAX,
    NAME_MAX,
    NOTES_MAX,
    TEXT_MAX,
    check_day,
    get_person,
    record,
    require_staff_write,
    values_of,
)
from oc_desktop.staff.photos import check_photo
from oc_desktop.staff.rules import in_force
from oc_desktop.validation import Checker, ValidationError

# Default list of ethnic groups, editable by the office; Lao Loum is not a minority.
DEFAULT_ETHNIC_GROUPS = (
    ("ລາວ", False),
    ("ຂະມຸ", True),
    ("ມົ້ງ", True),
    ("ຜູ້ໄທ", True),
    ("ໄທ", True),
    ("ລື້", True),
    ("ອາຄາ", True),
    ("ກະຕາງ", True),
    ("ມະກອງ", True),
    ("ຕຣຽງ", True),
    ("ຍຣູ", True),
    ("ອາລັກ", True),
    ("ລະວີ", True),
    ("ໂອຍ", True),
)


@dataclass(frozen=True)
class Relative:
    relation: str
    name: str
    birth_year: int | None = None
    occupation: str = ""
    address: str = ""


@dataclass(frozen=True)
class PersonData:
    """Everything on the first pages of a paper biography, as the form holds it."""

    given_name: str
    sex: str
    birth_date: date | None
    service_entry: date | None
    family_name: str = ""
    latin_name: str = ""
    birth_village: str = ""
    birth_district: str = ""
    birth_province: str = ""
    ethnic_group_id: int | None = None
    religion: str = ""
    id_card: str = ""
    phone: str = ""
    address: str = ""
    photo: bytes | None = None
    education: str = ""
    specialised: str = ""
    political_theory: str = ""
    state_management: str = ""
    languages: str = ""
    computing: str = ""
    party_joined: date | None = None
    party_full: date | None = None
    youth_joined: date | None = None
    women_joined: date | None = None
    union_joined: date | None = None
    section_id: int | None = None
    retirement_postponed_to: date | None = None
    notes: str = ""
    family: tuple[Relative, ...] = field(default_factory=tuple)


TEXTS = {
    "given_name": (NAME_MAX, True),
    "family_name": (NAME_MAX, False),
    "latin_name": (TEXT_MAX, False),
    "birth_village": (NAME_MAX, False),
    "birth_district": (NAME_MAX, False),
    "birth_province": (NAME_MAX, False),
    "religion": (NAME_MAX, False),
    "phone": (60, False),
    "address": (LONG_MAX, False),
    "education": (TEXT_MAX, False),
    "specialised": (TEXT_MAX, False),
    "state_management": (TEXT_MAX, False),
    "languages": (TEXT_MAX, False),
    "computing": (TEXT_MAX, False),
    "notes": (NOTES_MAX, False),
}
#: what may run over several lines; every other text is one line on the form and on paper
ONE_LINE = frozenset(TEXTS) - {"address", "notes"}
JOINED = ("party_joined", "party_full", "youth_joined", "women_joined", "union_joined")
STORED = tuple(f for f in PersonData.__dataclass_fields__ if f != "family")


def _clean(session: Session, data: PersonData, person_id: int | None) -> PersonData:
    check = Checker()
    texts = {
        key: check.text(key, getattr(data, key), max_length=m, required=r, one_line=key in ONE_LINE)
        for key, (m, r) in TEXTS.items()
    }
    id_card = check.text(
        "id_card", data.id_card, max_length=40, required=False, one_line=True
    ).replace(" ", "")
    check.choice("sex", data.sex, SEXES, message=_("Choose male or female."))
    check.choice(
        "political_theory", data.political_theory, THEORY_LEVELS,
        message=_("Choose a level from the list."),
    )  # fmt: skip
    born = check_day(check, "birth_date", data.birth_date, required=True)
    entered = check_day(check, "service_entry", data.service_entry, required=True)
    if born and entered and entered <= born:
        check.fail("birth_date", _("Born after entering service: check both dates."))
    for key in JOINED:
        day = check_day(check, key, getattr(data, key))
        if day and born and day <= born:
            check.fail(key, _("This date is before the date of birth."))
    joined = data.party_full and data.party_joined
    if (
        joined
        and not {"party_full", "party_joined"} & set(check.errors)
        and (data.party_full < data.party_joined)
    ):
        check.fail("party_full", _("Full membership cannot come before joining."))
    if data.photo is not None:
        message = check_photo(data.photo)
        if message:
            check.fail("photo", message)
    if id_card:
        holder = session.scalar(select(Person).where(Person.id_card == id_card))
        if holder is not None and holder.id != person_id:
            check.fail(
                "id_card",
                _("This identity card number is already in the file of {name}.").format(
                    name=f"{holder.given_name} {holder.family_name}".strip()
                ),
            )
    message = _("Choose a section from the list.")
    check.row(session, Section, "section_id", data.section_id, message=message, required=False)
    message = _("Choose an ethnic group from the list.")
    ethnic_group = data.ethnic_group_id
    check.row(session, EthnicGroup, "ethnic_group", ethnic_group, message=message, required=False)
    # (a day to come: only its type and range are checked here, the age below)
    postponed = check.day("retirement_postponed_to", data.retirement_postponed_to, required=False)
    if postponed and born:
        rule = in_force(session, "staff_retirement_age", date.today())
        latest = add_years(born, int(rule["latest"]))
        if data.retirement_postponed_to > latest:
            check.fail(
                "retirement_postponed_to",
                _("Retirement can be postponed to age {age} at the latest.").format(
                    age=rule["latest"]
                ),
            )
    if person_id is not None and entered:
        _check_history_after(session, check, person_id, entered)
    family = data.family if isinstance(data.family, tuple | list) else (None,)
    family = tuple(_clean_relative(check, r, born) for r in family)
    check.done()
    return replace(data, **texts, id_card=id_card, family=family)


def _clean_relative(check: Checker, relative: Relative, born: date | None) -> Relative:
    message = _("Choose a relation from the list.")
    if not isinstance(relative, Relative):
        check.fail("family", message)
        return relative
    check.choice("family", relative.relation, RELATIONS, message=message)
    name = check.text("family", relative.name, max_length=TEXT_MAX, one_line=True)
    check.whole(
        "family", relative.birth_year, low=1880, high=date.today().year, required=False,
        message=_("A year of birth is out of range."),
    )  # fmt: skip
    return replace(
        relative,
        name=name,
        occupation=check.text("family", relative.occupation, max_length=TEXT_MAX, required=False),
        address=check.text("family", relative.address, max_length=LONG_MAX, required=False),
    )


def _check_history_after(session: Session, check: Checker, person_id: int, entered: date) -> None:
    """A changed entry date must not leave a recorded change before it."""
    first = min(
        (
            day
            for model in (PositionRecord, GradeRecord)
            if (
                day := session.scalar(
                    select(func.min(model.start)).where(model.person_id == person_id)
                )
            )
        ),
        default=None,
    )
    if first and first < entered:
        check.fail("service_entry", _("A recorded change starts before this date."))


def search_text(given: str, family: str, latin: str | None, id_card: str | None) -> str:
    """A file's searchable text: its names, Latin spelling and card, each keyed apart
    (a search word never matches across two of them)."""
    names = f"{given} {family}".strip()
    return index_text([names, latin or "", id_card or ""])


def _index(person: Person) -> None:
    names = f"{person.given_name} {person.family_name}".strip()
    person.name_sort = sort_key(names)
    person.search = search_text(
        person.given_name, person.family_name, person.latin_name, person.id_card
    )


def rekey(connection) -> None:
    """Key every file's search text again (migration 0010: how laotext keys changed)."""
    from sqlalchemy import text

    rows = connection.execute(
        text("SELECT id, given_name, family_name, latin_name, id_card FROM person")
    ).all()
    if rows:
        connection.execute(
            text("UPDATE person SET search = :search WHERE id = :id"),
            [{"id": row[0], "search": search_text(*row[1:])} for row in rows],
        )


def save_person(
    db: Database, *, actor: Actor, data: PersonData, person_id: int | None = None
) -> int:
    """Create a file (``person_id`` None) or change one; returns its record number."""
    require_staff_write(actor)
    with db.begin() as session:
        if person_id is not None:
            get_person(session, person_id)
        data = _clean(session, data, person_id)
        values = {key: getattr(data, key) for key in STORED}
        values["id_card"] = values["id_card"] or None
        if person_id is None:
            person = Person(**values, created_by=actor.user_id)
            _index(person)
            session.add(person)
            session.flush()
            record(
                session,
                actor=actor,
                action="create",
                entity="person",
                entity_id=person.id,
                new={k: v for k, v in values.items() if v not in (None, "")},
            )
        else:
            person = get_person(session, person_id)
            changed = [k for k, v in values.items() if getattr(person, k) != v]
            old = {k: getattr(person, k) for k in changed}
            for key in changed:
                setattr(person, key, values[key])
            _index(person)
            if changed:
                record(
                    session,
                    actor=actor,
                    action="update",
                    entity="person",
                    entity_id=person.id,
                    old=old,
                    new={k: values[k] for k in changed},
                )
        _sync_family(session, actor, person.id, data.family)
        return person.id


def _sync_family(session: Session, actor: Actor, person_id: int, family: tuple[Relative, ...]):
    rows = session.scalars(
        select(FamilyMember).where(FamilyMember.person_id == person_id).order_by(FamilyMember.id)
    ).all()
    before = [values_of(_relative(r)) for r in rows]
    after = [values_of(r) for r in family]
    if before == after:
        return
    for row in rows:
        session.delete(row)
    for relative in family:
        session.add(FamilyMember(person_id=person_id, **values_of(relative)))
    record(
        session,
        actor=actor,
        action="update",
        entity="family_member",
        entity_id=person_id,
        old={"family": before},
        new={"family": after},
    )


def _relative(row: FamilyMember) -> Relative:
    return Relative(row.relation, row.name, row.birth_year, row.occupation, row.address)


def family_of(session: Session, person_id: int) -> tuple[Relative, ...]:
    rows = session.scalars(
        select(FamilyMember).where(FamilyMember.person_id == person_id).order_by(FamilyMember.id)
    )
    return tuple(_relative(r) for r in rows)


@dataclass(frozen=True)
class EthnicRow:
    id: int
    name: str
    minority: bool


def ethnic_groups(db: Database) -> list[EthnicRow]:
    with db.read() as session:
        rows = session.scalars(
            select(EthnicGroup).where(EthnicGroup.active).order_by(EthnicGroup.sort)
        )
        return [EthnicRow(g.id, g.name, g.minority) for g in rows]


def ensure_ethnic_groups(db: Database) -> None:
    """A new data file starts with the default list (the office edits it)."""
    with db.begin() as session:
        if session.scalar(select(EthnicGroup.id).limit(1)) is None:
            session.add_all(
                EthnicGroup(name=name, sort=sort_key(name), minority=minority, active=True)
                for name, minority in DEFAULT_ETHNIC_GROUPS
            )


def add_ethnic_group(db: Database, *, actor: Actor, name: str, minority: bool = True) -> int:
    require_staff_write(actor)
    check = Checker()
    name = check.text("name", name, max_length=NAME_MAX, one_line=True)
    check.done()
    with db.begin() as session:
        if session.scalar(select(EthnicGroup).where(EthnicGroup.name == name)) is not None:
            raise ValidationError({"name": _("This ethnic group is already in the list.")})
        group = EthnicGroup(name=name, sort=sort_key(name), minority=minority, active=True)
        session.add(group)
        session.flush()
        record(
            session,
            actor=actor,
            action="create",
            entity="ethnic_group",
            entity_id=group.id,
            new={"name": name, "minority": minority},
        )
        return group.id

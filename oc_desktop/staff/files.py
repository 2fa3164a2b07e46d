"""Reading one person's file with its whole history; every read is in the audit trail."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from oc_desktop.models import (
    EthnicGroup,
    GradeRecord,
    Leaving,
    PositionRecord,
    Section,
    StaffEvent,
)
from oc_desktop.models.db import Database
from oc_desktop.security import Actor
from oc_desktop.staff.careers import next_step_date, retirement_date, salary_on
from oc_desktop.staff.common import get_person, record, require_staff_read
from oc_desktop.staff.people import STORED, PersonData, family_of


@dataclass(frozen=True)
class PersonFile:
    id: int
    data: PersonData
    ethnic_group: str
    section: str
    #: oldest first; detached rows of the history tables
    positions: tuple[PositionRecord, ...]
    grades: tuple[GradeRecord, ...]
    events: tuple[StaffEvent, ...]
    leaving: Leaving | None
    next_step: date | None
    retirement: date
    salary: int | None
    #: every section's name by record number (a past position's may be retired since)
    section_names: dict[int, str]

    @property
    def name(self) -> str:
        return f"{self.data.given_name} {self.data.family_name}".strip()

    @property
    def position(self) -> PositionRecord | None:
        """The position in force today (None before any, or after a dismissal)."""
        today = date.today()
        held = [p for p in self.positions if p.start <= today]
        return held[-1] if held and held[-1].change != "dismissal" else None

    @property
    def grade(self) -> GradeRecord | None:
        held = [g for g in self.grades if g.start <= date.today()]
        return held[-1] if held else None

    def events_of(self, kind: str) -> list[StaffEvent]:
        return [e for e in self.events if e.kind == kind]


def _history(session, model, person_id: int) -> tuple:
    order = (model.start, model.id)
    return tuple(
        session.scalars(select(model).where(model.person_id == person_id).order_by(*order))
    )


def read_file(db: Database, *, actor: Actor, person_id: int, purpose: str = "view") -> PersonFile:
    """The file for the staff officer, the head or the administrator; the read (or
    ``purpose``: "print") is written to the audit trail in the same transaction."""
    require_staff_read(actor)
    with db.begin() as session:
        person = get_person(session, person_id)
        values = {key: getattr(person, key) for key in STORED}
        values["id_card"] = values["id_card"] or ""
        data = PersonData(**values, family=family_of(session, person_id))
        group = session.get(EthnicGroup, person.ethnic_group_id) if person.ethnic_group_id else None
        section = session.get(Section, person.section_id) if person.section_id else None
        grades = _history(session, GradeRecord, person_id)
        leaving = session.scalar(select(Leaving).where(Leaving.person_id == person_id))
        today = date.today()
        current = [g for g in grades if g.start <= today]
        last = current[-1] if current else None
        record(
            session,
            actor=actor,
            action=purpose,
            entity="person" if purpose == "view" else "biography",
            entity_id=person_id,
        )
        return PersonFile(
            id=person_id,
            data=data,
            ethnic_group=group.name if group else "",
            section=section.name if section else "",
            positions=_history(session, PositionRecord, person_id),
            grades=grades,
            events=_history(session, StaffEvent, person_id),
            leaving=leaving,
            next_step=(
                next_step_date(session, last.grade, last.step, last.start)
                if last and leaving is None
                else None
            ),
            retirement=retirement_date(
                session,
                birth_date=person.birth_date,
                sex=person.sex,
                postponed_to=person.retirement_postponed_to,
            ),
            section_names=dict(session.execute(select(Section.id, Section.name)).all()),
            salary=salary_on(session, last.grade, last.step, today) if last else None,
        )

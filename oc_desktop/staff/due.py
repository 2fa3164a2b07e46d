"""Who is due for a salary step, for retirement, or for an evaluation within a horizon.

Worked out from ``in_service`` and the rules in force; shown when the Staff tab opens
and printed as the list of promotions due. Readers: the staff area's only.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from oc_desktop.models import Person, StaffEvent
from oc_desktop.models.db import Database
from oc_desktop.security import Actor
from oc_desktop.staff.careers import add_months, next_step_date, retirement_date
from oc_desktop.staff.common import require_staff_read
from oc_desktop.staff.queries import in_service
from oc_desktop.staff.rules import in_force

HORIZONS = (3, 6, 12)  # months the tab offers


@dataclass(frozen=True)
class Due:
    person_id: int
    name: str
    section: str
    due_on: date | None  # None: never evaluated
    grade: int | None = None
    step: int | None = None


@dataclass(frozen=True)
class DueLists:
    steps: list[Due]
    retirements: list[Due]
    evaluations: list[Due]


def due_within(db: Database, *, actor: Actor, on: date, months: int) -> DueLists:
    """Everyone in service on ``on`` whose step, retirement or evaluation falls due by
    ``months`` months later (an overdue one included), soonest first."""
    require_staff_read(actor)
    until = add_months(on, months)
    steps, retirements, evaluations = [], [], []
    with db.read() as session:
        people = in_service(session, on)
        ids = [p.person_id for p in people]
        births = dict(
            (row[0], row[1:])
            for row in session.execute(
                select(
                    Person.id, Person.birth_date, Person.sex, Person.retirement_postponed_to
                ).where(Person.id.in_(ids))
            )
        )
        evaluated = dict(
            session.execute(
                select(StaffEvent.person_id, func.max(StaffEvent.start))
                .where(StaffEvent.kind == "evaluation", StaffEvent.person_id.in_(ids))
                .group_by(StaffEvent.person_id)
            ).all()
        )
        every = int(in_force(session, "staff_evaluation_months", on)["months"])
        for p in people:
            name = f"{p.given_name} {p.family_name}".strip()
            row = dict(person_id=p.person_id, name=name, section=p.section_name)
            if p.grade is not None:
                next_step = next_step_date(session, p.grade, p.step, p.grade_since)
                if next_step is not None and next_step <= until:
                    steps.append(Due(**row, due_on=next_step, grade=p.grade, step=p.step))
            born, sex, postponed = births[p.person_id]
            retires = retirement_date(session, birth_date=born, sex=sex, postponed_to=postponed)
            if retires <= until:
                retirements.append(Due(**row, due_on=retires))
            last = evaluated.get(p.person_id)
            next_evaluation = add_months(last, every) if last else None
            if next_evaluation is None or next_evaluation <= until:
                evaluations.append(Due(**row, due_on=next_evaluation))
    soonest = lambda due: (due.due_on or date.min, due.name)  # noqa: E731
    return DueLists(
        sorted(steps, key=soonest),
        sorted(retirements, key=soonest),
        sorted(evaluations, key=soonest),
    )

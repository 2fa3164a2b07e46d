"""What was in force for each person on a day: the contract payroll (#14) reads.

``in_service(session, on)`` returns one ``InService`` per person in service on ``on``
(entered service on or before it, not left before or on it), in the order of their names
in a Lao dictionary. Its field names are stable:

- ``person_id``, ``given_name``, ``family_name``, ``latin_name``, ``sex`` ("m" / "f")
- ``section_id`` and ``section_name``: the section of the position in force (a transfer
  names its section), else the person's file's section; None and "" when neither has one
- ``position``: the position in force, one of ``models.staff.POSITIONS`` ("head",
  "deputy_head", "section_head", "deputy_section_head", "staff"), or None (never
  appointed, or dismissed). It is also the position-allowance class: payroll maps it to
  an amount in its own settings.
- ``position_title``: the title as the decision words it ("" if none)
- ``grade``, ``step``: the grade (ຊັ້ນ) and salary step (ຂັ້ນ) in force, None if no grade
  record started on or before ``on``; ``grade_since``: the day that record took effect

It takes a session and checks no role: the caller (an operation that has checked its
actor) decides who gets the rows. It reads no personal details beyond the names.
``salary_index``, ``basic_salary`` and the index value by date are in
``oc_desktop.staff.rules``.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from oc_desktop.models import GradeRecord, Leaving, Person, PositionRecord, Section


@dataclass(frozen=True)
class InService:
    person_id: int
    given_name: str
    family_name: str
    latin_name: str
    sex: str
    section_id: int | None
    section_name: str
    position: str | None
    position_title: str
    grade: int | None
    step: int | None
    grade_since: date | None


def latest_rows(model, on: date):
    """Each person's latest row of ``model`` that took effect on or before ``on``."""
    ranked = (
        select(
            model,
            func.row_number()
            .over(partition_by=model.person_id, order_by=(model.start.desc(), model.id.desc()))
            .label("rank"),
        )
        .where(model.start <= on)
        .subquery()
    )
    return ranked, ranked.c.rank == 1


def in_service(session: Session, on: date) -> list[InService]:
    """Everyone in service on ``on`` with what was in force for them that day."""
    post, post_first = latest_rows(PositionRecord, on)
    grade, grade_first = latest_rows(GradeRecord, on)
    left = select(Leaving.person_id).where(Leaving.start <= on)
    section_id = func.coalesce(post.c.section_id, Person.section_id)
    statement = (
        select(
            Person.id,
            Person.given_name,
            Person.family_name,
            Person.latin_name,
            Person.sex,
            section_id,
            Section.name,
            post.c.change,
            post.c.position,
            post.c.title,
            grade.c.grade,
            grade.c.step,
            grade.c.start,
        )
        .outerjoin(post, and_(post.c.person_id == Person.id, post_first))
        .outerjoin(grade, and_(grade.c.person_id == Person.id, grade_first))
        .outerjoin(Section, Section.id == section_id)
        .where(Person.service_entry <= on, Person.id.not_in(left))
        .order_by(Person.name_sort, Person.id)
    )
    rows = []
    for row in session.execute(statement):
        dismissed = row[7] == "dismissal"
        rows.append(
            InService(
                person_id=row[0],
                given_name=row[1],
                family_name=row[2],
                latin_name=row[3],
                sex=row[4],
                section_id=row[5],
                section_name=row[6] or "",
                position=None if dismissed else row[8],
                position_title="" if dismissed else (row[9] or ""),
                grade=row[10],
                step=row[11],
                grade_since=row[12],
            )
        )
    return rows

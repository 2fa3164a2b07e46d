"""The list of people for the Staff tab: searched, filtered, sorted and paged in SQL.

Only readers of the staff area get rows; a search matches any fragment of the Lao
names, the Latin spelling or the identity card number, however it was typed.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, func, select

from oc_desktop.laotext import search_words
from oc_desktop.models import GradeRecord, Leaving, Person, PositionRecord, Section
from oc_desktop.models.db import Database
from oc_desktop.registers.paging import Key, Order, capped_count, page
from oc_desktop.security import Actor
from oc_desktop.staff.common import require_staff_read
from oc_desktop.staff.queries import latest_rows

STATUSES = ("in_service", "left", "all")
SORTS = {
    "name": (Person.name_sort,),
    "birth_date": (Person.birth_date,),
    "service_entry": (Person.service_entry,),
}


@dataclass(frozen=True)
class StaffQuery:
    text: str = ""
    section_id: int | None = None
    status: str = "in_service"
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    latin_name: str
    sex: str
    birth_date: date
    service_entry: date
    section: str
    position: str | None
    title: str
    grade: int | None
    step: int | None
    left_on: date | None
    id_card: str = ""
    key: Key = ()


def _order(query: StaffQuery) -> Order:
    columns = SORTS.get(query.sort, SORTS["name"])
    return Order((*columns, Person.id), descending=query.descending)


def _statement(query: StaffQuery) -> Select:
    statement = select(Person.id)
    for word in search_words(query.text):  # every word, in any order, each in one field
        statement = statement.where(func.instr(Person.search, word) > 0)
    if query.section_id is not None:
        statement = statement.where(Person.section_id == query.section_id)
    left = select(Leaving.person_id)
    if query.status == "in_service":
        statement = statement.where(Person.id.not_in(left))
    elif query.status == "left":
        statement = statement.where(Person.id.in_(left))
    return statement


def fetch_page(
    db: Database, actor: Actor, query: StaffQuery, *, after: Key | None, limit: int
) -> list[StaffRow]:
    require_staff_read(actor)
    today = date.today()
    with db.read() as session:
        found = page(session, _statement(query), _order(query), after=after, limit=limit)
        if not found:
            return []
        ids = [person_id for person_id, _key in found]
        post, post_first = latest_rows(PositionRecord, today)
        grade, grade_first = latest_rows(GradeRecord, today)
        details = {
            row[0]: row
            for row in session.execute(
                select(
                    Person.id,
                    Person.given_name,
                    Person.family_name,
                    Person.latin_name,
                    Person.sex,
                    Person.birth_date,
                    Person.service_entry,
                    Section.name,
                    post.c.change,
                    post.c.position,
                    post.c.title,
                    grade.c.grade,
                    grade.c.step,
                    Leaving.start,
                    Person.id_card,
                )
                .outerjoin(Section, Section.id == Person.section_id)
                .outerjoin(post, and_(post.c.person_id == Person.id, post_first))
                .outerjoin(grade, and_(grade.c.person_id == Person.id, grade_first))
                .outerjoin(Leaving, Leaving.person_id == Person.id)
                .where(Person.id.in_(ids))
            )
        }
    rows = []
    for person_id, key in found:
        r = details[person_id]
        dismissed = r[8] == "dismissal"
        rows.append(
            StaffRow(
                id=person_id,
                name=f"{r[1]} {r[2]}".strip(),
                latin_name=r[3],
                sex=r[4],
                birth_date=r[5],
                service_entry=r[6],
                section=r[7] or "",
                position=None if dismissed else r[9],
                title="" if dismissed else (r[10] or ""),
                grade=r[11],
                step=r[12],
                left_on=r[13],
                id_card=r[14] or "",
                key=key,
            )
        )
    return rows


def count_rows(db: Database, actor: Actor, query: StaffQuery) -> int:
    require_staff_read(actor)
    with db.read() as session:
        return capped_count(session, _statement(query))

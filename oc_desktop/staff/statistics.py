"""Headcount statistics (ສະຖິຕິ) as of a day, in the shape of organisation committees'
headcount reports: each breakdown's rows count everyone, women, ethnic minorities and
Party members."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from oc_desktop.i18n import N_, _
from oc_desktop.models import EthnicGroup, Person
from oc_desktop.models.db import Database
from oc_desktop.security import Actor
from oc_desktop.staff import terms
from oc_desktop.staff.careers import age_on
from oc_desktop.staff.common import record, require_staff_read
from oc_desktop.staff.queries import in_service

AGE_BANDS = ((0, 30), (31, 35), (36, 40), (41, 45), (46, 50), (51, 55), (56, 60), (61, 200))


@dataclass(frozen=True)
class Counts:
    label: str
    total: int = 0
    women: int = 0
    minorities: int = 0
    party: int = 0


@dataclass(frozen=True)
class Breakdown:
    title: str  # translated
    rows: tuple[Counts, ...]


@dataclass(frozen=True)
class Statistics:
    as_of: date
    total: Counts
    average_age: float | None
    breakdowns: tuple[Breakdown, ...]


@dataclass(frozen=True)
class _Member:
    sex: str
    age: int
    minority: bool
    party: bool
    section: str
    position: str
    ethnic: str
    education: str
    theory: str
    grade: str


def band_label(low: int, high: int) -> str:
    if low == 0:
        return _("{age} and under").format(age=high)
    if high >= 200:
        return _("over {age}").format(age=low - 1)
    return f"{low}–{high}"


def _count(label: str, members: list[_Member]) -> Counts:
    return Counts(
        label,
        len(members),
        sum(m.sex == "f" for m in members),
        sum(m.minority for m in members),
        sum(m.party for m in members),
    )


def _by(members: list[_Member], key: Callable[[_Member], str], order=None) -> tuple[Counts, ...]:
    groups: dict[str, list[_Member]] = {}
    for label in order or ():
        groups[label] = []
    for member in members:
        groups.setdefault(key(member), []).append(member)
    return tuple(_count(label or "—", group) for label, group in groups.items())


def staff_statistics(db: Database, *, actor: Actor, as_of: date) -> Statistics:
    """Everyone in service on ``as_of``, counted; the reading is audited."""
    require_staff_read(actor)
    with db.begin() as session:
        people = in_service(session, as_of)
        ids = [p.person_id for p in people]
        details = {
            row[0]: row
            for row in session.execute(
                select(
                    Person.id,
                    Person.birth_date,
                    Person.party_joined,
                    Person.education,
                    Person.political_theory,
                    EthnicGroup.name,
                    EthnicGroup.minority,
                )
                .outerjoin(EthnicGroup, EthnicGroup.id == Person.ethnic_group_id)
                .where(Person.id.in_(ids))
            )
        }
        record(
            session,
            actor=actor,
            action="view",
            entity="staff_statistics",
            entity_id=as_of.isoformat(),
            new={"as_of": as_of},
        )
    members = []
    for p in people:
        _id, born, party, education, theory, ethnic, minority = details[p.person_id]
        members.append(
            _Member(
                sex=p.sex,
                age=age_on(born, as_of),
                minority=bool(minority),
                party=party is not None and party <= as_of,
                section=p.section_name,
                position=terms.word(terms.POSITION, p.position) if p.position else "",
                ethnic=ethnic or "",
                education=education,
                theory=terms.word(terms.THEORY, theory),
                grade=str(p.grade) if p.grade is not None else "",
            )
        )

    def band(member: _Member) -> str:
        low, high = next((lo, hi) for lo, hi in AGE_BANDS if lo <= member.age <= hi)
        return band_label(low, high)

    breakdowns = (
        (N_("By section"), lambda m: m.section or _("Office leadership"), None),
        (N_("By sex"), lambda m: terms.word(terms.SEX, m.sex), [_(v) for v in terms.SEX.values()]),
        (N_("By age"), band, [band_label(lo, hi) for lo, hi in AGE_BANDS]),
        (N_("By ethnic group"), lambda m: m.ethnic, None),
        (N_("By education"), lambda m: m.education, None),
        (N_("By political theory"), lambda m: m.theory, [_(v) for v in terms.THEORY.values()]),
        (N_("By grade"), lambda m: m.grade, None),
        (N_("By position"), lambda m: m.position, [_(v) for v in terms.POSITION.values()]),
    )
    ages = [m.age for m in members]
    return Statistics(
        as_of=as_of,
        total=_count(_("Total"), members),
        average_age=sum(ages) / len(ages) if ages else None,
        breakdowns=tuple(
            Breakdown(_(title), _by(members, key, order)) for title, key, order in breakdowns
        ),
    )

"""Staff records (ພະນັກງານ-ລັດຖະກອນ): a person's file and the dated history of a career.

History rows are never changed or deleted: each names the decision that made it
(number and date) and the day it took effect, so what was in force on any day can be
read back (``oc_desktop.staff.queries.in_service``). A later row supersedes an
earlier one of the same kind; the earlier one stays visible.
"""

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from oc_desktop.models.base import Base, utcnow

SEXES = ("m", "f")
THEORY_LEVELS = ("", "basic", "intermediate", "advanced")  # ຂັ້ນຕົ້ນ, ຂັ້ນກາງ, ຂັ້ນສູງ
# Article 6's structure, highest first: also the position-allowance class payroll reads.
POSITIONS = ("head", "deputy_head", "section_head", "deputy_section_head", "staff")
POSITION_CHANGES = ("appointment", "transfer", "acting", "dismissal")
GRADE_CHANGES = ("start", "promotion", "adjustment")
EVENT_KINDS = ("training", "commendation", "discipline", "evaluation")
LEAVING_REASONS = ("retirement", "resignation", "transfer_out", "death")
BENEFITS = ("none", "pension", "one_time")
RELATIONS = ("father", "mother", "spouse", "child", "sibling")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({','.join(repr(v) for v in values)})"


class Stamped:
    """Who wrote a row and when; history rows are written once and never changed."""

    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @declared_attr
    def created_by(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("user.id"))


class EthnicGroup(Base):
    """The office's editable list of ethnic groups (ຊົນເຜົ່າ)."""

    __tablename__ = "ethnic_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    sort: Mapped[bytes] = mapped_column(LargeBinary)
    #: counted apart in statistics as an ethnic minority
    minority: Mapped[bool] = mapped_column(default=True)
    active: Mapped[bool] = mapped_column(default=True)


class Person(Stamped, Base):
    """One person's file: who they are, where from, what they studied, when they joined."""

    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint(_in("sex", SEXES), name="known_sex"),
        CheckConstraint(_in("political_theory", THEORY_LEVELS), name="known_theory"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    given_name: Mapped[str] = mapped_column(String(100))  # ຊື່
    family_name: Mapped[str] = mapped_column(String(100), default="")  # ນາມສະກຸນ
    latin_name: Mapped[str] = mapped_column(String(200), default="")
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date] = mapped_column(Date)
    birth_village: Mapped[str] = mapped_column(String(100), default="")
    birth_district: Mapped[str] = mapped_column(String(100), default="")
    birth_province: Mapped[str] = mapped_column(String(100), default="")
    ethnic_group_id: Mapped[int | None] = mapped_column(ForeignKey("ethnic_group.id"))
    religion: Mapped[str] = mapped_column(String(100), default="")
    id_card: Mapped[str | None] = mapped_column(String(40), unique=True)
    phone: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)
    education: Mapped[str] = mapped_column(String(200), default="")  # general, e.g. 12/12
    specialised: Mapped[str] = mapped_column(String(200), default="")  # degree and field
    political_theory: Mapped[str] = mapped_column(String(20), default="")
    state_management: Mapped[str] = mapped_column(String(200), default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    computing: Mapped[str] = mapped_column(String(200), default="")
    party_joined: Mapped[date | None] = mapped_column(Date)
    party_full: Mapped[date | None] = mapped_column(Date)
    youth_joined: Mapped[date | None] = mapped_column(Date)
    women_joined: Mapped[date | None] = mapped_column(Date)
    union_joined: Mapped[date | None] = mapped_column(Date)
    service_entry: Mapped[date] = mapped_column(Date)
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id"))
    #: retirement postponed to this day (at most the age the rules allow), else None
    retirement_postponed_to: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    name_sort: Mapped[bytes] = mapped_column(LargeBinary, index=True)
    #: laotext.search_key of the names, Latin spelling and identity card: fragments match
    search: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class FamilyMember(Base):
    __tablename__ = "family_member"
    __table_args__ = (CheckConstraint(_in("relation", RELATIONS), name="known_relation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    relation: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    occupation: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")


class Decided(Stamped):
    """A history row: the day it took effect and the decision (number, date) behind it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[date] = mapped_column(Date)
    decision_number: Mapped[str] = mapped_column(String(60), default="")
    decision_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class PositionRecord(Decided, Base):
    """An appointment, transfer, acting post or dismissal; the latest before a day is
    the person's position on that day (a dismissal leaves none)."""

    __tablename__ = "staff_position"
    __table_args__ = (
        CheckConstraint(_in("change", POSITION_CHANGES), name="known_change"),
        CheckConstraint(_in("position", POSITIONS), name="known_position"),
    )

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    change: Mapped[str] = mapped_column(String(20))
    position: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200), default="")  # as the decision words it
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id"))


class GradeRecord(Decided, Base):
    """The grade (ຊັ້ນ) and salary step (ຂັ້ນ) a person holds from ``start`` on."""

    __tablename__ = "staff_grade"
    __table_args__ = (CheckConstraint(_in("change", GRADE_CHANGES), name="known_change"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    change: Mapped[str] = mapped_column(String(20))
    grade: Mapped[int] = mapped_column(Integer)
    step: Mapped[int] = mapped_column(Integer)


class StaffEvent(Decided, Base):
    """A training course, commendation, disciplinary measure or yearly evaluation."""

    __tablename__ = "staff_event"
    __table_args__ = (CheckConstraint(_in("kind", EVENT_KINDS), name="known_kind"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    end: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(300))  # course, award, measure, year's result
    by_whom: Mapped[str] = mapped_column(String(300), default="")  # institution, issuer
    result: Mapped[str] = mapped_column(String(200), default="")


class Leaving(Decided, Base):
    """Leaving service, with the pension or one-time allowance decided; one per person."""

    __tablename__ = "staff_leaving"
    __table_args__ = (
        CheckConstraint(_in("reason", LEAVING_REASONS), name="known_reason"),
        CheckConstraint(_in("benefit", BENEFITS), name="known_benefit"),
    )

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(20))
    benefit: Mapped[str] = mapped_column(String(20), default="none")
    amount: Mapped[int | None] = mapped_column(Integer)  # kip: monthly pension or once

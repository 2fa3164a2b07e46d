"""Named operations that add to a person's history; the past is never changed.

Each row takes effect on ``start`` and names its decision (number and date). A change
cannot start before the person entered service or after they left; only one position
takes effect on a day (a later row supersedes the earlier: one current position).
"""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from oc_desktop.formatting import format_date
from oc_desktop.i18n import _
from oc_desktop.models import GradeRecord, Leaving, Person, PositionRecord, Section, StaffEvent
from oc_desktop.models.db import Database
from oc_desktop.models.staff import (
    BENEFITS,
    EVENT_KINDS,
    GRADE_CHANGES,
    LEAVING_REASONS,
    POSITION_CHANGES,
    POSITIONS,
)
from oc_desktop.security import Actor
from oc_desktop.staff.common import (
    LONG_MAX,
    NOTES_MAX,
    TEXT_MAX,
    check_day,
    check_decision,
    get_person,
    record,
    require_staff_write,
)
from oc_desktop.staff.rules import steps_in_grade
from oc_desktop.validation import Checker


def _dated(
    check: Checker, session: Session, person: Person, start: date | None, *, leaving=False
) -> None:
    """``start`` is given, not in the future, within the person's service."""
    day = check_day(check, "start", start, required=True)
    if day is None:
        return
    if day < person.service_entry:
        check.fail("start", _("This is before the person entered service."))
    left = session.scalar(select(Leaving).where(Leaving.person_id == person.id))
    if left is not None and (leaving or day > left.start):
        check.fail(
            "start", _("This person left service on {day}.").format(day=format_date(left.start))
        )


def _common(check: Checker, decision_number: str, decision_date: date | None, notes: str):
    number = check_decision(check, decision_number, decision_date)
    return number, check.text("notes", notes, max_length=NOTES_MAX, required=False)


def _write(session: Session, actor: Actor, row, entity: str, values: dict) -> int:
    session.add(row)
    session.flush()
    record(
        session,
        actor=actor,
        action="create",
        entity=entity,
        entity_id=row.id,
        new={k: v for k, v in values.items() if v not in (None, "")},
    )
    return row.id


def add_position(
    db: Database,
    *,
    actor: Actor,
    person_id: int,
    change: str,
    position: str,
    start: date | None,
    section_id: int | None = None,
    title: str = "",
    decision_number: str = "",
    decision_date: date | None = None,
    notes: str = "",
) -> int:
    """An appointment, transfer, acting post or dismissal; a transfer moves the file to
    its section when it is the latest."""
    require_staff_write(actor)
    check = Checker()
    title = check.text("title", title, max_length=TEXT_MAX, required=False, one_line=True)
    message = _("Choose a kind of change from the list.")
    check.choice("change", change, POSITION_CHANGES, message=message)
    check.choice("position", position, POSITIONS, message=_("Choose a position from the list."))
    number, notes = _common(check, decision_number, decision_date, notes)
    with db.begin() as session:
        person = get_person(session, person_id)
        _dated(check, session, person, start)
        message = _("Choose a section from the list.")
        check.row(session, Section, "section_id", section_id, message=message, required=False)
        check.done()  # the day is checked before it is looked for
        same_day = session.scalar(
            select(PositionRecord).where(
                PositionRecord.person_id == person_id, PositionRecord.start == start
            )
        )
        if same_day is not None:
            check.fail("start", _("A position already takes effect on this day: one at a time."))
        check.done()
        latest = session.scalar(
            select(PositionRecord.start)
            .where(PositionRecord.person_id == person_id)
            .order_by(PositionRecord.start.desc())
            .limit(1)
        )
        values = dict(
            person_id=person_id,
            change=change,
            position=position,
            title=title,
            section_id=section_id,
            start=start,
            decision_number=number,
            decision_date=decision_date,
            notes=notes,
        )
        row = PositionRecord(**values, created_by=actor.user_id)
        moves = section_id is not None and (latest is None or start > latest)
        if moves and person.section_id != section_id:
            record(
                session,
                actor=actor,
                action="update",
                entity="person",
                entity_id=person.id,
                old={"section_id": person.section_id},
                new={"section_id": section_id},
            )
            person.section_id = section_id
        return _write(session, actor, row, "staff_position", values)


def add_grade(
    db: Database,
    *,
    actor: Actor,
    person_id: int,
    grade: int,
    step: int,
    start: date | None,
    change: str = "promotion",
    decision_number: str = "",
    decision_date: date | None = None,
    notes: str = "",
) -> int:
    """The grade and step held from ``start``; it must exist in the table in force."""
    require_staff_write(actor)
    check = Checker()
    message = _("Choose a kind of change from the list.")
    check.choice("change", change, GRADE_CHANGES, message=message)
    check.whole("grade", grade, low=1, high=99, message=_("This grade is not in the salary table."))
    check.whole("step", step, low=1, high=99, message=_("Choose a step from the list."))
    number, notes = _common(check, decision_number, decision_date, notes)
    with db.begin() as session:
        person = get_person(session, person_id)
        _dated(check, session, person, start)
        check.done()  # the day and the grade are checked before the table is read
        on = start or date.today()
        steps = steps_in_grade(session, grade, on)
        if steps == 0:
            check.fail("grade", _("This grade is not in the salary table."))
        elif not 1 <= step <= steps:
            check.fail(
                "step", _("Grade {grade} has steps 1 to {steps}.").format(grade=grade, steps=steps)
            )
        check.done()
        values = dict(
            person_id=person_id,
            change=change,
            grade=grade,
            step=step,
            start=start,
            decision_number=number,
            decision_date=decision_date,
            notes=notes,
        )
        return _write(
            session, actor, GradeRecord(**values, created_by=actor.user_id), "staff_grade", values
        )


def add_event(
    db: Database,
    *,
    actor: Actor,
    person_id: int,
    kind: str,
    title: str,
    start: date | None,
    end: date | None = None,
    by_whom: str = "",
    result: str = "",
    decision_number: str = "",
    decision_date: date | None = None,
    notes: str = "",
) -> int:
    """A training course, commendation, disciplinary measure or yearly evaluation."""
    require_staff_write(actor)
    check = Checker()
    check.choice("kind", kind, EVENT_KINDS, message=_("Choose a kind from the list."))
    title = check.text("title", title, max_length=LONG_MAX, one_line=True)
    by_whom = check.text("by_whom", by_whom, max_length=LONG_MAX, required=False, one_line=True)
    result = check.text("result", result, max_length=TEXT_MAX, required=False, one_line=True)
    number, notes = _common(check, decision_number, decision_date, notes)
    end = check.day("end", end, required=False)
    began = check_day(check, "start", start, required=True)
    if began and end and end < began:
        check.fail("end", _("The end comes before the start."))
    with db.begin() as session:
        person = get_person(session, person_id)
        _dated(check, session, person, start)
        check.done()
        values = dict(
            person_id=person_id,
            kind=kind,
            title=title,
            by_whom=by_whom,
            result=result,
            start=start,
            end=end,
            decision_number=number,
            decision_date=decision_date,
            notes=notes,
        )
        return _write(
            session, actor, StaffEvent(**values, created_by=actor.user_id), "staff_event", values
        )


def record_leaving(
    db: Database,
    *,
    actor: Actor,
    person_id: int,
    reason: str,
    start: date | None,
    benefit: str = "none",
    amount: int | None = None,
    decision_number: str = "",
    decision_date: date | None = None,
    notes: str = "",
) -> int:
    """Leaving service (retirement, resignation, transfer out, death), once per person,
    with the pension or one-time allowance decided."""
    require_staff_write(actor)
    check = Checker()
    check.choice("reason", reason, LEAVING_REASONS, message=_("Choose a reason from the list."))
    check.choice("benefit", benefit, BENEFITS, message=_("Choose a benefit from the list."))
    if amount is not None or benefit != "none":
        message = _("Enter the amount decided, in kip.")
        check.whole("amount", amount, low=1, high=1_000_000_000, message=message)
    number, notes = _common(check, decision_number, decision_date, notes)
    with db.begin() as session:
        person = get_person(session, person_id)
        _dated(check, session, person, start, leaving=True)
        last = max(
            (
                d
                for model in (PositionRecord, GradeRecord)
                if (
                    d := session.scalar(
                        select(model.start)
                        .where(model.person_id == person_id)
                        .order_by(model.start.desc())
                        .limit(1)
                    )
                )
            ),
            default=None,
        )
        if start and last and start < last:
            check.fail("start", _("A recorded change starts after this date."))
        check.done()
        values = dict(
            person_id=person_id,
            reason=reason,
            benefit=benefit,
            amount=amount if benefit != "none" else None,
            start=start,
            decision_number=number,
            decision_date=decision_date,
            notes=notes,
        )
        return _write(
            session, actor, Leaving(**values, created_by=actor.user_id), "staff_leaving", values
        )

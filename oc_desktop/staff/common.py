"""What the staff operations share: the area's key, who may read, the audit of a change."""

from dataclasses import fields
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from oc_desktop import audit
from oc_desktop.i18n import _
from oc_desktop.models import Person
from oc_desktop.security import Actor, NotAllowed
from oc_desktop.validation import Checker, ValidationError

AREA_KEY = "staff"
NAME_MAX = 100
TEXT_MAX = 200
LONG_MAX = 300
NOTES_MAX = 2000
DECISION_MAX = 60


class PersonNotFound(ValidationError, LookupError):
    """No staff file has that record number (whatever was given as one)."""

    def __init__(self, person_id: object) -> None:
        super().__init__({"person_id": _("There is no such staff file.")})
        self.person_id = person_id


def require_staff_read(actor: Actor) -> None:
    """Staff files are personal data: the staff officer, the head, the administrator."""
    if not actor.may_read(AREA_KEY):
        raise NotAllowed(f"{actor.username} may not read staff files")


def require_staff_write(actor: Actor) -> None:
    if not actor.may_write(AREA_KEY):
        raise NotAllowed(f"{actor.username} may not change staff files")


def get_person(session: Session, person_id: int) -> Person:
    check = Checker()
    person = check.row(session, Person, "person_id", person_id, message="")
    if person is None:
        raise PersonNotFound(person_id)
    return person


def check_day(
    check: Checker, field: str, value: date | None, *, required: bool = False
) -> date | None:
    """A day that is given when required and is not in the future."""
    if value is None:
        if required:
            check.fail(field, _("Enter a date, for example 11.12.2023."))
        return None
    value = check.day(field, value)
    if value is not None and value > date.today():
        check.fail(field, _("This date is in the future."))
        return None
    return value


def check_decision(check: Checker, number: str, day: date | None) -> str:
    number = check.text(
        "decision_number", number, max_length=DECISION_MAX, required=False, one_line=True
    )
    check_day(check, "decision_date", day)
    return number


def plain(value: Any) -> Any:
    """A value as the audit trail keeps it: a photo only as its size in bytes."""
    return len(value) if isinstance(value, bytes) else value


def record(
    session: Session,
    *,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object,
    old: dict | None = None,
    new: dict | None = None,
) -> None:
    audit.record(
        session,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        area=AREA_KEY,
        old={k: plain(v) for k, v in old.items()} if old else old,
        new={k: plain(v) for k, v in new.items()} if new else new,
    )


def values_of(data) -> dict[str, Any]:
    return {f.name: getattr(data, f.name) for f in fields(data)}

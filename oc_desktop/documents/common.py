"""What both registers' operations share: field checks, the void rule, who changed what."""

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import object_session

from oc_desktop.i18n import _
from oc_desktop.laotext import index_sort_key
from oc_desktop.models import Correspondent, DocumentKind
from oc_desktop.registers import entries
from oc_desktop.rights import current
from oc_desktop.security import TOP_SECRET, Actor
from oc_desktop.validation import Checker, ValidationError

AREA_KEY = "documents"
SUBJECT_MAX, NOTES_MAX, NAME_MAX, NUMBER_MAX = 1000, 4000, 300, 60


class DuplicateDocument(ValidationError):
    """The same sender, number and date are registered already; the clerk decides."""

    def __init__(self, message: str, existing_id: int | None) -> None:
        super().__init__({"doc_number": message})
        self.existing_id = existing_id


def check_writer(check: Checker, actor: Actor, field: str) -> None:
    if not actor.may_write(AREA_KEY):
        check.fail(field, _("You may not change the register."))


class SecrecyLowered(ValidationError):
    """A reply is given a lower secrecy than the letter it answers; the clerk confirms."""

    def __init__(self, message: str) -> None:
        super().__init__({"secrecy": message})


def check_readable(check: Checker, actor: Actor, entry, field: str) -> None:
    """An operation on an entry is refused to a person who may not read it (or when it
    does not exist), with the same words either way; rights as they are now."""
    now = current(object_session(entry), actor) if entry is not None else actor
    if entry is None or not now.sees_secret(entry.secrecy):
        check.fail(field, _("There is no such entry you may read."))
        check.done()
    if not now.may_write(AREA_KEY):
        check.fail(field, _("You may not change the register."))
        check.done()


def check_levels(check: Checker, *, urgency: int, secrecy: int, actor: Actor) -> None:
    if isinstance(urgency, bool) or urgency not in (0, 1, 2):
        check.fail("urgency", _("Choose an urgency."))
    # Any writer may mark an entry at any level, above their own clearance too: a letter
    # marked secret on paper must not be saved as ordinary for want of clearance. It is
    # hidden from them once saved.
    if isinstance(secrecy, bool) or not isinstance(secrecy, int) or not 0 <= secrecy <= TOP_SECRET:
        check.fail("secrecy", _("Choose a secrecy level."))


def check_date(check: Checker, field: str, value: date | None, *, required=True) -> None:
    if value is None:
        if required:
            check.fail(field, _("Enter a date."))
    elif not date(1975, 1, 1) <= (value.date() if isinstance(value, datetime) else value):
        check.fail(field, _("This date is too far in the past."))


def sort_or_blank(text: str, secrecy: int) -> bytes:
    """A secret entry's sort key is blank, so sorting by it shows nothing of its text."""
    return b"" if secrecy > 0 else index_sort_key(text)


def snapshot(session, entry, fields: tuple[str, ...]) -> dict[str, Any]:
    """The fields as the audit trail keeps them: the sender and the kind by name, as they
    read at the time, not by a row number nobody can read back."""
    values = {}
    for name in fields:
        if name == "sender_id":
            values["sender"] = session.get(Correspondent, entry.sender_id).name
        elif name == "kind_id":
            kind = session.get(DocumentKind, entry.kind_id) if entry.kind_id else None
            values["kind"] = kind.name if kind else None
        else:
            values[name] = getattr(entry, name)
    return values


def record_change(
    session, *, actor: Actor, entity: str, entry, fields: tuple[str, ...], old: dict[str, Any]
) -> None:
    """Audit an operation on ``entry``: of ``fields`` (``old`` is their ``snapshot`` before
    the change), the ones whose values differ now, old and new."""
    entries.record_change(
        session,
        actor=actor,
        area=AREA_KEY,
        entity=entity,
        entity_id=entry.id,
        old=old,
        new=snapshot(session, entry, fields),
    )

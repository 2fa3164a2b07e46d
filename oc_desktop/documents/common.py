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
#: no register entry is dated before the office kept this one
FIRST_DAY = date(1975, 1, 1)


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
    check.whole("urgency", urgency, low=0, high=2, message=_("Choose an urgency."))
    # Any writer may mark an entry at any level, above their own clearance too: a letter
    # marked secret on paper must not be saved as ordinary for want of clearance. It is
    # hidden from them once saved.
    check.whole("secrecy", secrecy, low=0, high=TOP_SECRET, message=_("Choose a secrecy level."))


def check_date(check: Checker, field: str, value: date | None, *, required=True) -> None:
    """A day (or a date and time, where one is given: the arrival) not before 1975."""
    given = check.moment if isinstance(value, datetime) else check.day
    day = given(field, value, required=required)
    if day is not None and (day.date() if isinstance(day, datetime) else day) < FIRST_DAY:
        check.fail(field, _("This date is too far in the past."))


def check_kind(session, check: Checker, kind_id: int | None) -> None:
    """The kind chosen is one in the list (or none is chosen)."""
    message = _("Choose a kind from the list.")
    check.row(session, DocumentKind, "kind", kind_id, message=message, required=False)


def readable_entry(session, check: Checker, actor: Actor, model, doc_id, field: str):
    """The entry ``doc_id`` of ``model``, refused (``check_readable``) when there is none,
    whatever ``doc_id`` holds, or when ``actor`` may not read or change it."""
    if not isinstance(doc_id, int) or isinstance(doc_id, bool) or not 0 < doc_id < 2**63:
        entry = None
    else:
        entry = session.get(model, doc_id)
    check_readable(check, actor, entry, field)
    return entry


def sort_columns(
    *, subject: str, party: str, secrecy: int, doc_number: str | None = None
) -> dict[str, bytes]:
    """An entry's stored sort keys. ``*_sort`` is blank for a secret entry, so sorting by
    it shows nothing of its text to a reader without clearance; ``*_sort_all`` holds
    the real key, for readers cleared for it (query.py picks which)."""
    subject_key, party_key = index_sort_key(subject), index_sort_key(party)
    hidden = secrecy > 0
    columns = {
        "subject_sort": b"" if hidden else subject_key,
        "party_sort": b"" if hidden else party_key,
        "subject_sort_all": subject_key,
        "party_sort_all": party_key,
    }
    if doc_number is not None:
        columns["doc_number_sort"] = index_sort_key(doc_number)
    return columns


def set_sort_columns(entry, **values) -> None:
    """``sort_columns`` written onto an entry being changed."""
    for name, value in sort_columns(**values).items():
        setattr(entry, name, value)


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

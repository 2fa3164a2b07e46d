"""Named operations on the incoming register (ຂາເຂົ້າ)."""

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oc_desktop import audit
from oc_desktop.documents.common import (
    AREA_KEY,
    NAME_MAX,
    NOTES_MAX,
    NUMBER_MAX,
    SUBJECT_MAX,
    DuplicateDocument,
    SecrecyLowered,
    check_date,
    check_kind,
    check_levels,
    check_writer,
    readable_entry,
    record_change,
    set_sort_columns,
    snapshot,
    sort_columns,
)
from oc_desktop.documents.directory import correspondent_id
from oc_desktop.documents.search_index import incoming_texts, index_document
from oc_desktop.documents.terms import secrecy as secrecy_label
from oc_desktop.formatting import format_date
from oc_desktop.i18n import _
from oc_desktop.laotext import identity_key
from oc_desktop.models import Correspondent, IncomingDocument, Routing, Section
from oc_desktop.models.db import Database
from oc_desktop.models.documents import ANSWERED, ASSIGNED, FILED, RECEIVED, STATUSES
from oc_desktop.registers.entries import stamp, void
from oc_desktop.registers.numbering import load_rules, next_seq, seq_taken
from oc_desktop.security import Actor
from oc_desktop.validation import Checker

ENTITY = "incoming_document"
FIELDS = (
    "period",
    "seq",
    "received_at",
    "sender_id",
    "doc_number",
    "doc_date",
    "kind_id",
    "subject",
    "pages",
    "urgency",
    "secrecy",
    "notes",
    "status",
)
STATUS_ONLY = ("status",)


def check_incoming(check: Checker, actor: Actor, **given) -> dict:
    values = dict(given)
    values["sender"] = check.text("sender", given["sender"], max_length=NAME_MAX, one_line=True)
    values["doc_number"] = check.text(
        "doc_number", given["doc_number"], max_length=NUMBER_MAX, one_line=True
    )
    values["subject"] = check.text("subject", given["subject"], max_length=SUBJECT_MAX)
    values["notes"] = check.text("notes", given["notes"], max_length=NOTES_MAX, required=False)
    received = check.moment("received_at", given["received_at"])
    check_date(check, "received_at", received)
    check_date(check, "doc_date", given["doc_date"])
    dated = not {"received_at", "doc_date"} & set(check.errors)
    if dated and received and given["doc_date"] > received.date():
        check.fail("doc_date", _("A document cannot be dated after it arrived."))
    check.whole(
        "pages",
        given["pages"],
        low=1,
        high=10_000,
        required=False,
        message=_("Enter the number of pages, from 1 to 10,000."),
    )
    check_levels(check, urgency=given["urgency"], secrecy=given["secrecy"], actor=actor)
    check_writer(check, actor, "subject")
    return values


def find_duplicate(session: Session, *, sender: str, doc_number: str, doc_date: date):
    """An earlier registration of the same sender, number and date, if any, however
    either was typed: look-alike spellings, digit systems and spacing are the same."""
    senders = select(Correspondent.id).where(Correspondent.name_key == identity_key(sender))
    same_day = session.scalars(
        select(IncomingDocument)
        .where(IncomingDocument.sender_id.in_(senders), IncomingDocument.doc_date == doc_date)
        .order_by(IncomingDocument.id)
    )
    number = identity_key(doc_number)
    return next((doc for doc in same_day if identity_key(doc.doc_number) == number), None)


def _index(session: Session, doc: IncomingDocument, sender: str) -> None:
    texts = incoming_texts(
        secrecy=doc.secrecy,
        seq=doc.seq,
        doc_number=doc.doc_number,
        sender=sender,
        subject=doc.subject,
        notes=doc.notes,
    )
    index_document(session, "incoming", doc_id=doc.id, texts=texts)


def incoming_row(
    values: dict,
    *,
    period: int,
    seq: int,
    sender_id: int,
    kind_id: int | None,
    pages: int | None,
    urgency: int,
    secrecy: int,
) -> dict:
    """The columns of a new entry: one typed, or each row of an imported book at once."""
    return dict(
        period=period,
        series="",
        seq=seq,
        received_at=values["received_at"],
        sender_id=sender_id,
        doc_number=values["doc_number"],
        doc_date=values["doc_date"],
        kind_id=kind_id,
        subject=values["subject"],
        **sort_columns(
            subject=values["subject"],
            party=values["sender"],
            secrecy=secrecy,
            doc_number=values["doc_number"],
        ),
        pages=pages,
        urgency=urgency,
        secrecy=secrecy,
        notes=values["notes"],
        status=RECEIVED,
    )


def register_incoming(
    db: Database,
    *,
    actor: Actor,
    received_at: datetime,
    sender: str,
    doc_number: str,
    doc_date: date,
    kind_id: int | None,
    subject: str,
    pages: int | None = None,
    urgency: int = 0,
    secrecy: int = 0,
    notes: str = "",
    seq: int | None = None,
    allow_duplicate: bool = False,
) -> int:
    """Give the next arrival number (or check a number typed from a paper book) and save."""
    check = Checker()
    values = check_incoming(
        check,
        actor,
        received_at=received_at,
        sender=sender,
        doc_number=doc_number,
        doc_date=doc_date,
        subject=subject,
        notes=notes,
        pages=pages,
        urgency=urgency,
        secrecy=secrecy,
    )
    check.whole(
        "seq", seq, low=1, high=9_999_999, required=False, message=_("Enter a number from 1 up.")
    )
    check.done()
    with db.begin() as session:
        check_kind(session, check, kind_id)
        check.done()
        doc = insert_incoming(
            session,
            actor=actor,
            values={**values, "received_at": received_at, "doc_date": doc_date},
            kind_id=kind_id,
            pages=pages,
            urgency=urgency,
            secrecy=secrecy,
            seq=seq,
            allow_duplicate=allow_duplicate,
        )
        return doc.id


def insert_incoming(
    session: Session,
    *,
    actor: Actor,
    values: dict,
    kind_id: int | None,
    pages: int | None,
    urgency: int,
    secrecy: int,
    seq: int | None,
    allow_duplicate: bool = False,
) -> IncomingDocument:
    """Number and save an entry whose fields ``check_incoming`` passed, inside the caller's
    transaction."""
    check = Checker()
    received_at, doc_date = values["received_at"], values["doc_date"]
    period = load_rules(session).period_of(received_at.date())
    if seq is None:
        seq = next_seq(session, IncomingDocument, period=period, series="")
    elif seq_taken(session, IncomingDocument, period=period, series="", seq=seq):
        check.fail("seq", _("Number {number} is taken in this period.").format(number=seq))
        check.done()
    if not allow_duplicate:
        earlier = find_duplicate(
            session, sender=values["sender"], doc_number=values["doc_number"], doc_date=doc_date
        )
        if earlier is not None and not actor.sees_secret(earlier.secrecy):
            raise DuplicateDocument(
                _("A letter with this sender, number and date is registered already."),
                None,
            )
        if earlier is not None:
            raise DuplicateDocument(
                _("Registered already: arrival number {number} of {date}.").format(
                    number=earlier.seq, date=format_date(earlier.received_at.date())
                ),
                earlier.id,
            )
    doc = IncomingDocument(
        **incoming_row(
            values,
            period=period,
            seq=seq,
            sender_id=correspondent_id(session, values["sender"]),
            kind_id=kind_id,
            pages=pages,
            urgency=urgency,
            secrecy=secrecy,
        )
    )
    stamp(doc, actor, created=True)
    session.add(doc)
    session.flush()
    _index(session, doc, values["sender"])
    audit.record(
        session,
        actor=actor,
        action="create",
        entity=ENTITY,
        entity_id=doc.id,
        area=AREA_KEY,
        new=snapshot(session, doc, FIELDS),
    )
    return doc


def update_incoming(
    db: Database,
    *,
    actor: Actor,
    doc_id: int,
    received_at: datetime,
    sender: str,
    doc_number: str,
    doc_date: date,
    kind_id: int | None,
    subject: str,
    pages: int | None = None,
    urgency: int = 0,
    secrecy: int = 0,
    notes: str = "",
    lower_secrecy: bool = False,
) -> None:
    """Correct an entry; its number and period stay as given. A lower secrecy than the
    entry has raises ``SecrecyLowered`` unless ``lower_secrecy`` confirms it, and is then
    audited on its own row (as for a reply), so that no one lowers it by a slip."""
    check = Checker()
    values = check_incoming(
        check,
        actor,
        received_at=received_at,
        sender=sender,
        doc_number=doc_number,
        doc_date=doc_date,
        subject=subject,
        notes=notes,
        pages=pages,
        urgency=urgency,
        secrecy=secrecy,
    )
    with db.begin() as session:
        check_kind(session, check, kind_id)
        doc = readable_entry(session, check, actor, IncomingDocument, doc_id, "subject")
        check.done()  # the fields are checked before they are compared with the entry
        if doc.void_reason is not None:
            check.fail("subject", _("A void number cannot be changed."))
        if load_rules(session).period_of(received_at.date()) != doc.period:
            check.fail("received_at", _("The date must stay in the period of its number."))
        if not actor.sees_secret(doc.secrecy):
            check.fail("secrecy", _("Your clearance does not allow this secrecy level."))
        check.done()
        was_secret = doc.secrecy
        if secrecy < was_secret and not lower_secrecy:
            raise SecrecyLowered(
                _(
                    "This lowers the entry's secrecy from {old} to {new}. Confirm to lower it."
                ).format(old=secrecy_label(was_secret), new=secrecy_label(secrecy))
            )
        old = snapshot(session, doc, FIELDS)
        doc.received_at, doc.doc_number, doc.doc_date = received_at, values["doc_number"], doc_date
        doc.sender_id = correspondent_id(session, values["sender"])
        doc.kind_id, doc.subject, doc.pages = kind_id, values["subject"], pages
        set_sort_columns(
            doc,
            subject=values["subject"],
            party=values["sender"],
            secrecy=secrecy,
            doc_number=values["doc_number"],
        )
        doc.urgency, doc.secrecy, doc.notes = urgency, secrecy, values["notes"]
        stamp(doc, actor, created=False)
        _index(session, doc, values["sender"])
        record_change(session, actor=actor, entity=ENTITY, entry=doc, fields=FIELDS, old=old)
        if secrecy < was_secret:
            audit.record(
                session,
                actor=actor,
                action="lower_secrecy",
                entity=ENTITY,
                entity_id=doc.id,
                area=AREA_KEY,
                old={"secrecy": was_secret},
                new={"secrecy": secrecy},
            )


def void_incoming(db: Database, *, actor: Actor, doc_id: int, reason: str) -> None:
    with db.begin() as session:
        doc = readable_entry(session, Checker(), actor, IncomingDocument, doc_id, "reason")
        void(
            session,
            doc,
            actor=actor,
            area=AREA_KEY,
            entity=ENTITY,
            reason=reason,
        )


def route_incoming(
    db: Database,
    *,
    actor: Actor,
    doc_id: int,
    section_id: int | None,
    person: str,
    instruction: str = "",
    deadline: date | None = None,
    handed_on: date,
) -> int:
    """Hand the document on, with the head's instruction and a deadline to follow up."""
    check = Checker()
    person = check.text("person", person, max_length=NAME_MAX, one_line=True)
    instruction = check.text("instruction", instruction, max_length=NOTES_MAX, required=False)
    check_date(check, "handed_on", handed_on)
    check_date(check, "deadline", deadline, required=False)
    dated = not {"deadline", "handed_on"} & set(check.errors)
    if dated and deadline and handed_on and deadline < handed_on:
        check.fail("deadline", _("The deadline cannot be before the day it was handed over."))
    check_writer(check, actor, "person")
    with db.begin() as session:
        doc = readable_entry(session, check, actor, IncomingDocument, doc_id, "person")
        if doc.void_reason is not None:
            check.fail("person", _("A void number cannot be routed."))
        section = check.row(
            session, Section, "section", section_id, message=_("Choose a section."), required=False
        )
        check.done()
        route = Routing(
            incoming_id=doc.id,
            section_id=section_id,
            person=person,
            instruction=instruction,
            deadline=deadline,
            handed_on=handed_on,
            created_by=actor.user_id,
        )
        session.add(route)
        old = {"status": doc.status, "due_date": doc.due_date}
        if doc.status == RECEIVED:
            doc.status = ASSIGNED
        doc.due_date = session.scalar(
            select(func.min(Routing.deadline)).where(Routing.incoming_id == doc.id)
        )
        stamp(doc, actor, created=False)
        session.flush()
        audit.record(
            session,
            actor=actor,
            action="route",
            entity=ENTITY,
            entity_id=doc.id,
            area=AREA_KEY,
            old=old,
            new={
                "status": doc.status,
                "due_date": doc.due_date,
                "section": section.name if section else None,
                "person": person,
                "instruction": instruction,
                "deadline": deadline,
                "handed_on": handed_on,
            },
        )
        return route.id


def set_incoming_status(db: Database, *, actor: Actor, doc_id: int, status: str) -> None:
    check = Checker()
    check.choice("status", status, STATUSES, message=_("Choose a status."))
    check_writer(check, actor, "status")
    with db.begin() as session:
        doc = readable_entry(session, check, actor, IncomingDocument, doc_id, "status")
        if doc.void_reason is not None:
            check.fail("status", _("A void number cannot be changed."))
        check.done()
        if doc.status == status:
            return
        old = snapshot(session, doc, STATUS_ONLY)
        doc.status = status
        stamp(doc, actor, created=False)
        record_change(session, actor=actor, entity=ENTITY, entry=doc, fields=STATUS_ONLY, old=old)


def mark_answered(session: Session, *, actor: Actor, doc_id: int) -> None:
    """Called when an outgoing document answers this one."""
    doc = session.get(IncomingDocument, doc_id)
    if doc.status not in (FILED, ANSWERED):
        old = snapshot(session, doc, STATUS_ONLY)
        doc.status = ANSWERED
        stamp(doc, actor, created=False)
        record_change(session, actor=actor, entity=ENTITY, entry=doc, fields=STATUS_ONLY, old=old)

"""One document as its reader may see it, for the detail pane; reading a secret one
is recorded in the audit trail."""

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import select

from oc_desktop import audit
from oc_desktop.documents.attachments import CopyEntry, ScanEntry, copies_of, scans_of
from oc_desktop.documents.common import AREA_KEY
from oc_desktop.models import (
    Correspondent,
    DocumentKind,
    IncomingDocument,
    OutgoingDocument,
    Routing,
    Section,
    User,
)
from oc_desktop.models.db import Database
from oc_desktop.security import Actor


@dataclass(frozen=True)
class Route:
    id: int
    section: str | None
    person: str
    instruction: str
    deadline: date | None
    handed_on: date


@dataclass(frozen=True)
class Linked:
    """The other side of an answer: id and number of the linked document."""

    id: int
    number: str
    date: date


@dataclass(frozen=True)
class Detail:
    register: str
    id: int
    number: str
    period: int
    seq: int
    date: date
    received_at: datetime | None
    party: str | None
    recipients: tuple[str, ...]
    doc_number: str | None
    doc_date: date | None
    kind_id: int | None
    kind: str | None
    subject: str | None
    pages: int | None
    urgency: int
    secrecy: int
    status: str | None
    due_date: date | None
    notes: str | None
    signer: str | None
    copies: int | None
    file_copy_at: str | None
    sent_on: date | None
    void_reason: str | None
    voided_at: datetime | None
    voided_by: str | None
    created_at: datetime
    created_by: str | None
    updated_at: datetime
    updated_by: str | None
    hidden: bool
    routes: tuple[Route, ...] = ()
    answers: tuple[Linked, ...] = ()
    copy_log: tuple[CopyEntry, ...] = ()
    scans: tuple[ScanEntry, ...] = field(default=())


def _names(session, *ids) -> dict:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.full_name).where(User.id.in_(wanted)))
    return {key: name for key, name in rows}


def document_detail(db: Database, *, actor: Actor, register: str, doc_id: int) -> Detail:
    incoming = register == "incoming"
    model = IncomingDocument if incoming else OutgoingDocument
    with db.begin() as session:
        doc = session.get(model, doc_id)
        visible = actor.sees_secret(doc.secrecy)
        names = _names(session, doc.created_by, doc.updated_by, doc.voided_by)
        kind = session.get(DocumentKind, doc.kind_id) if doc.kind_id else None
        routes, answers = (), ()
        if incoming:
            sender = session.get(Correspondent, doc.sender_id).name
            sections = {i: n for i, n in session.execute(select(Section.id, Section.name))}
            routes = tuple(
                Route(
                    r.id,
                    sections.get(r.section_id),
                    r.person,
                    r.instruction,
                    r.deadline,
                    r.handed_on,
                )
                for r in session.scalars(
                    select(Routing).where(Routing.incoming_id == doc.id).order_by(Routing.id)
                )
            )
            replies = select(OutgoingDocument).where(OutgoingDocument.answers_id == doc.id)
            answers = tuple(Linked(o.id, o.number, o.doc_date) for o in session.scalars(replies))
        elif doc.answers_id is not None:
            answered = session.get(IncomingDocument, doc.answers_id)
            answers = (Linked(answered.id, str(answered.seq), answered.received_at.date()),)
        if visible and doc.secrecy > 0:
            audit.record(
                session,
                actor=actor,
                action="view",
                entity=f"{register}_document",
                entity_id=doc.id,
                area=AREA_KEY,
            )
        detail = Detail(
            register=register,
            id=doc.id,
            number=str(doc.seq) if incoming else doc.number,
            period=doc.period,
            seq=doc.seq,
            date=doc.received_at.date() if incoming else doc.doc_date,
            received_at=doc.received_at if incoming else None,
            party=sender if incoming else "; ".join(doc.recipients),
            recipients=() if incoming else tuple(doc.recipients),
            doc_number=doc.doc_number if incoming else None,
            doc_date=doc.doc_date,
            kind_id=doc.kind_id,
            kind=kind.name if kind else None,
            subject=doc.subject,
            pages=doc.pages if incoming else None,
            urgency=doc.urgency,
            secrecy=doc.secrecy,
            status=doc.status if incoming else None,
            due_date=doc.due_date if incoming else None,
            notes=doc.notes,
            signer=None if incoming else doc.signer,
            copies=None if incoming else doc.copies,
            file_copy_at=None if incoming else doc.file_copy_at,
            sent_on=None if incoming else doc.sent_on,
            void_reason=doc.void_reason,
            voided_at=doc.voided_at,
            voided_by=names.get(doc.voided_by),
            created_at=doc.created_at,
            created_by=names.get(doc.created_by),
            updated_at=doc.updated_at,
            updated_by=names.get(doc.updated_by),
            hidden=not visible,
            routes=routes,
            answers=answers,
        )
    if not visible:
        return _masked(detail)
    return _with_attachments(db, detail)


def _with_attachments(db: Database, detail: Detail) -> Detail:
    return replace(
        detail,
        copy_log=tuple(copies_of(db, register=detail.register, doc_id=detail.id)),
        scans=tuple(scans_of(db, register=detail.register, doc_id=detail.id)),
    )


def _masked(detail: Detail) -> Detail:
    """Number and date only: what a reader without clearance may see of a secret entry."""
    return replace(
        detail,
        party=None,
        recipients=(),
        doc_number=None,
        subject=None,
        notes=None,
        signer=None,
        file_copy_at=None,
        void_reason="—" if detail.void_reason is not None else None,  # its reason hidden
        routes=(),
        answers=(),
    )

"""The register's printouts: the incoming and outgoing books, the delivery book and the
routing slip, fed from the database to ``oc_desktop.printing``.

Entries are read in short transactions a batch at a time (keyset on date and id), so a
year of a busy office never sits in memory. Each printout shows what its reader may see
on screen: a secret entry without clearance keeps its number and date, and its other
fields say only how secret it is. Every printout is recorded in the audit trail.
"""

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, select

from oc_desktop import audit
from oc_desktop.audit.anchors import printed_anchor
from oc_desktop.documents import terms
from oc_desktop.documents.common import AREA_KEY
from oc_desktop.documents.details import document_detail
from oc_desktop.documents.reads import PRINTED, record_reads, secret_ids
from oc_desktop.formatting import format_date, format_int
from oc_desktop.i18n import _
from oc_desktop.models import (
    Correspondent,
    DocumentKind,
    IncomingDocument,
    OutgoingDocument,
    Routing,
    Section,
)
from oc_desktop.models.db import Database
from oc_desktop.printing import (
    Column,
    Cover,
    DeliveryRow,
    Route,
    RoutingSlip,
    build_delivery_book,
    build_routing_slip,
)
from oc_desktop.printing.page import Progress, ShouldCancel
from oc_desktop.profile import load_profile
from oc_desktop.registers.books import DateRange, print_book, record_print
from oc_desktop.registers.paging import Order, batches
from oc_desktop.security import Actor, require_read

BATCH = 500
HIDDEN = "—"  # a hidden field beside the subject that says how secret the entry is


def _dated(register: str):
    """The model and its date column, as bounds for the range."""
    if register == "incoming":
        return IncomingDocument, IncomingDocument.received_at
    return OutgoingDocument, OutgoingDocument.doc_date


def _bounds(register: str, span: DateRange) -> tuple:
    if register == "incoming":
        return datetime.combine(span.start, time()), datetime.combine(
            span.end + timedelta(days=1), time()
        )
    return span.start, span.end + timedelta(days=1)


def _entries(db: Database, register: str, span: DateRange) -> Iterator[list]:
    """Batches of the entries dated in the range, in number order (as the book was kept)."""
    model, column = _dated(register)
    low, high = _bounds(register, span)
    statement = select(model).where(column >= low, column < high)
    order = Order((model.period, model.series, model.seq, model.id))
    return batches(db, statement, order, size=BATCH)


def count_entries(db: Database, *, register: str, span: DateRange) -> int:
    model, column = _dated(register)
    low, high = _bounds(register, span)
    with db.read() as session:
        return session.scalar(select(func.count()).where(column >= low, column < high))


def _names(db: Database, batch: list, incoming: bool) -> tuple[dict, dict, dict]:
    """Kind and sender names, and where each incoming entry was routed, for one batch."""
    with db.read() as session:
        kinds = dict(session.execute(select(DocumentKind.id, DocumentKind.name)).all())
        if not incoming:
            return kinds, {}, {}
        senders = dict(
            session.execute(
                select(Correspondent.id, Correspondent.name).where(
                    Correspondent.id.in_({d.sender_id for d in batch})
                )
            ).all()
        )
        sections = dict(session.execute(select(Section.id, Section.name)).all())
        routes: dict[int, list[str]] = {}
        rows = session.execute(
            select(Routing.incoming_id, Routing.section_id, Routing.person)
            .where(Routing.incoming_id.in_([d.id for d in batch]))
            .order_by(Routing.id)
        )
        for doc_id, section_id, person in rows:
            where = ", ".join(p for p in (sections.get(section_id, ""), person) if p)
            routes.setdefault(doc_id, []).append(where)
    return kinds, senders, routes


def _masked(doc, actor: Actor) -> str | None:
    """What stands for a secret entry's hidden fields, or None when the reader may see it."""
    if actor.sees_secret(doc.secrecy):
        return None
    return f"({terms.secrecy(doc.secrecy)})"


def _void(doc, hidden: str | None) -> str:
    """ "Void" with its reason, or without it when the entry is hidden from the reader."""
    if doc.void_reason is None:
        return ""
    return _("Void") if hidden else _("Void: {reason}").format(reason=doc.void_reason)


def _incoming_cells(doc, actor: Actor, kinds: dict, senders: dict, routes: dict) -> list[str]:
    hidden = _masked(doc, actor)
    dash = HIDDEN if hidden else None
    own = f"{doc.doc_number}, {format_date(doc.doc_date)}"
    status = _void(doc, hidden)
    return [
        format_int(doc.seq),
        format_date(doc.received_at.date()),
        dash or senders.get(doc.sender_id, ""),
        dash or own,
        kinds.get(doc.kind_id, ""),
        hidden or doc.subject,
        dash or "; ".join(routes.get(doc.id, ())),
        status or terms.status(doc.status),
        dash or doc.notes,
    ]


def _outgoing_cells(doc, actor: Actor, kinds: dict, *_unused) -> list[str]:
    hidden = _masked(doc, actor)
    dash = HIDDEN if hidden else None
    void = _void(doc, hidden)
    return [
        doc.number,
        format_date(doc.doc_date),
        kinds.get(doc.kind_id, ""),
        hidden or doc.subject,
        dash or "; ".join(doc.recipients),
        dash or doc.signer,
        format_int(doc.copies),
        void or format_date(doc.sent_on),
        dash or doc.notes,
    ]


def book_columns(register: str) -> list[Column]:
    if register == "incoming":
        return [
            Column(_("Arrival number"), mm=16, align="right"),
            Column(_("Arrival date"), mm=22),
            Column(_("Sender"), 1.3),
            Column(_("Number and date of the document"), 1.1),
            Column(_("Kind"), mm=22),
            Column(_("Subject"), 2.6),
            Column(_("Sent to"), 1.5),
            Column(_("Status"), mm=22),
            Column(_("Notes"), 0.6),
        ]
    return [
        Column(_("Number"), mm=24),
        Column(_("Date"), mm=22),
        Column(_("Kind"), mm=22),
        Column(_("Subject"), 2.4),
        Column(_("Recipients"), 1.3),
        Column(_("Signer"), 1.5),
        Column(_("Copies"), mm=17, align="right"),
        Column(_("Sent on"), mm=24),
        Column(_("Notes"), 0.6),
    ]


def book_title(register: str) -> str:
    return {
        "incoming": _("Register of incoming documents"),
        "outgoing": _("Register of outgoing documents"),
        "delivery": _("Delivery book"),
    }[register]


def _cover(register: str, span: DateRange, first: str | None, last: str | None) -> Cover:
    return Cover(
        title=book_title(register),
        year=span.start.year if span.start.year == span.end.year else None,
        date_from=span.start,
        date_to=span.end,
        first_number=first,
        last_number=last,
    )


def _first_and_last(db: Database, register: str, span: DateRange) -> tuple[str | None, ...]:
    model, column = _dated(register)
    low, high = _bounds(register, span)
    ends = []
    with db.read() as session:
        numbered = (model.period, model.series, model.seq)
        for order in (numbered, [c.desc() for c in numbered]):
            doc = session.scalar(
                select(model).where(column >= low, column < high).order_by(*order).limit(1)
            )
            if doc is None:
                return None, None
            ends.append(format_int(doc.seq) if register == "incoming" else doc.number)
    return tuple(ends)


def print_register_book(
    db: Database,
    out: Path,
    *,
    actor: Actor,
    register: str,
    span: DateRange,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> int:
    """The incoming or outgoing book of a date range; returns its page count."""
    require_read(actor, AREA_KEY)
    incoming = register == "incoming"
    cells = _incoming_cells if incoming else _outgoing_cells
    printed: list[int] = []

    def rows():
        for batch in _entries(db, register, span):
            names = _names(db, batch, incoming)
            printed.extend(secret_ids(actor, batch))
            for doc in batch:
                yield cells(doc, actor, *names)

    pages = print_book(
        db,
        out,
        actor=actor,
        area=AREA_KEY,
        entity=f"{register}_book",
        span=span,
        title=book_title(register),
        columns=book_columns(register),
        cover=_cover(register, span, *_first_and_last(db, register, span)),
        rows=rows(),
        total=count_entries(db, register=register, span=span),
        progress=progress,
        should_cancel=should_cancel,
    )
    record_reads(db, actor=actor, register=register, ids=printed, action=PRINTED)
    return pages


def print_delivery_book(
    db: Database,
    out: Path,
    *,
    actor: Actor,
    span: DateRange,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> int:
    """One line per recipient of each outgoing document of the range (void ones left out),
    for whoever takes it to sign."""
    require_read(actor, AREA_KEY)
    total = count_entries(db, register="outgoing", span=span)
    seen = delivered = 0

    def rows():
        nonlocal seen, delivered
        for batch in _entries(db, "outgoing", span):
            for doc in batch:
                seen += 1
                if doc.void_reason:
                    continue
                hidden = _masked(doc, actor)
                for recipient in [HIDDEN] if hidden else doc.recipients or [""]:
                    delivered += 1
                    yield DeliveryRow(
                        doc.sent_on or doc.doc_date, doc.number, hidden or doc.subject, recipient
                    )

    def documents_done(_lines: int, _total: int) -> object:
        return progress(seen, total) if progress else None

    pages = build_delivery_book(
        out,
        rows=rows(),
        cover=_cover("delivery", span, *_first_and_last(db, "outgoing", span)),
        profile=load_profile(db),
        total_rows=total,
        progress=documents_done,
        should_cancel=should_cancel,
        trail_anchor=printed_anchor(db),
    )
    record_print(
        db, actor=actor, area=AREA_KEY, entity="delivery_book", span=span, entries=delivered
    )
    return pages


def print_routing_slip(db: Database, out: Path, *, actor: Actor, doc_id: int) -> int:
    """The slip that goes with an incoming document to the head and the sections."""
    require_read(actor, AREA_KEY)
    detail = document_detail(db, actor=actor, register="incoming", doc_id=doc_id)
    hidden = f"({terms.secrecy(detail.secrecy)})" if detail.hidden else None
    slip = RoutingSlip(
        arrival_number=format_int(detail.seq),
        arrival_date=detail.date,
        sender=HIDDEN if hidden else detail.party or "",
        document_number=HIDDEN if hidden else detail.doc_number or "",
        document_date=detail.doc_date,
        kind=detail.kind or "",
        subject=hidden or detail.subject or "",
        urgency=terms.urgency(detail.urgency),
        secrecy=terms.secrecy(detail.secrecy),
        instruction=next((r.instruction for r in detail.routes if r.instruction), ""),
        routes=tuple(Route(r.section or "", r.person, r.deadline) for r in detail.routes),
    )
    pages, _writer = build_routing_slip(out, slip=slip, profile=load_profile(db))
    with db.begin() as session:
        audit.record(
            session,
            actor=actor,
            action="print",
            entity="routing_slip",
            entity_id=doc_id,
            area=AREA_KEY,
        )
    return pages

"""Pages of the seal log for its tables: filtered, searched and sorted in SQL.

A use of a secret outgoing document keeps its number and date for a reader without
clearance; its subject is blank on screen and in the search.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from oc_desktop.documents.query import matching_outgoing
from oc_desktop.laotext import search_words
from oc_desktop.models import DocumentKind, OutgoingDocument, Seal, SealHandover, SealUse, User
from oc_desktop.models.db import Database
from oc_desktop.registers.paging import COUNT_CAP, Key, Order, capped_count, page
from oc_desktop.seal.common import AREA_KEY
from oc_desktop.security import Actor, require_read


@dataclass(frozen=True)
class UseQuery:
    text: str = ""
    seal_id: int | None = None
    start: date | None = None
    end: date | None = None  # included
    applied_by_id: int | None = None
    impression_kind: str | None = None
    sort: str = "used_at"
    descending: bool = True


@dataclass(frozen=True)
class UseRow:
    """One line of the use log as its reader may see it (hidden fields are None)."""

    id: int
    period: int
    seq: int
    used_at: datetime
    seal: str
    outgoing_id: int | None
    doc_number: str
    doc_date: date | None
    kind: str
    subject: str | None
    signer: str
    described: str
    impression_kind: str
    impressions: int
    sheets: int
    requested_by: str
    approved_by: str
    applied_by: str
    void_reason: str | None
    corrects_id: int | None
    hidden: bool
    key: tuple = ()

    @property
    def document(self) -> str | None:
        """What was sealed, in one line."""
        if self.outgoing_id is None:
            return self.described
        return self.subject


SORTS = {
    "number": (SealUse.period, SealUse.series, SealUse.seq),
    "used_at": (SealUse.used_at,),
    "seal": (SealUse.seal_id,),
    "impression": (SealUse.impression_kind,),
    "sheets": (SealUse.sheets,),
}


def use_order(query: UseQuery) -> Order:
    columns = SORTS.get(query.sort, SORTS["used_at"])
    return Order((*columns, SealUse.id), descending=query.descending)


def _conditions(session, actor: Actor, query: UseQuery) -> list:
    conditions = []
    if query.seal_id is not None:
        conditions.append(SealUse.seal_id == query.seal_id)
    if query.applied_by_id is not None:
        conditions.append(SealUse.applied_by_id == query.applied_by_id)
    if query.impression_kind is not None:
        conditions.append(SealUse.impression_kind == query.impression_kind)
    if query.start is not None:
        conditions.append(SealUse.used_at >= datetime.combine(query.start, datetime.min.time()))
    if query.end is not None:
        after = datetime.combine(query.end + timedelta(days=1), datetime.min.time())
        conditions.append(SealUse.used_at < after)
    for slot, word in enumerate(search_words(query.text)):  # every word, in any field
        conditions.append(
            or_(
                SealUse.outgoing_id.in_(matching_outgoing(session, actor, word, slot)),
                *(
                    func.instr(func.search_key(column), word) > 0
                    for column in (SealUse.described, SealUse.requested_by, SealUse.approved_by)
                ),
            )
        )
    return conditions


def use_statement(session, actor: Actor, query: UseQuery):
    return (
        select(
            SealUse,
            Seal.name,
            OutgoingDocument.number,
            OutgoingDocument.doc_date,
            OutgoingDocument.subject,
            OutgoingDocument.signer,
            OutgoingDocument.secrecy,
            DocumentKind.name,
            User.full_name,
        )
        .join(Seal, Seal.id == SealUse.seal_id)
        .join(User, User.id == SealUse.applied_by_id)
        .outerjoin(OutgoingDocument, OutgoingDocument.id == SealUse.outgoing_id)
        .outerjoin(DocumentKind, DocumentKind.id == OutgoingDocument.kind_id)
        .where(*_conditions(session, actor, query))
    )


def fetch_uses(
    db: Database, *, actor: Actor, query: UseQuery, after: Key | None, limit: int
) -> list[UseRow]:
    require_read(actor, AREA_KEY)
    with db.read() as session:
        statement = use_statement(session, actor, query)
        found = page(session, statement, use_order(query), after=after, limit=limit)
    return [use_row(actor, item, key) for item, key in found]


def count_uses(db: Database, *, actor: Actor, query: UseQuery, cap: int = COUNT_CAP) -> int:
    require_read(actor, AREA_KEY)
    with db.read() as session:
        statement = select(SealUse.id).where(*_conditions(session, actor, query))
        return capped_count(session, statement, cap)


def use_row(actor: Actor, item: tuple, key: Key) -> UseRow:
    use, seal, number, doc_date, subject, signer, secrecy, kind, applied_by = item
    hidden = secrecy is not None and not actor.sees_secret(secrecy)
    return UseRow(
        id=use.id,
        period=use.period,
        seq=use.seq,
        used_at=use.used_at,
        seal=seal,
        outgoing_id=use.outgoing_id,
        doc_number=number or "",
        doc_date=doc_date,
        kind=kind or "",
        subject=None if hidden else subject,
        signer=signer or "",
        described=use.described,
        impression_kind=use.impression_kind,
        impressions=use.impressions,
        sheets=use.sheets,
        requested_by=use.requested_by,
        approved_by=use.approved_by,
        applied_by=applied_by,
        void_reason=use.void_reason,
        corrects_id=use.corrects_id,
        hidden=hidden,
        key=key,
    )


@dataclass(frozen=True)
class HandoverQuery:
    seal_id: int | None = None
    sort: str = "left_at"
    descending: bool = True


@dataclass(frozen=True)
class HandoverRow:
    id: int
    period: int
    seq: int
    seal: str
    giver: str
    receiver: str
    witness: str
    left_at: datetime
    due_back: date | None
    returned_at: datetime | None
    returns_seq: int | None
    authorised_by: str
    authorisation_number: str
    authorisation_date: date | None
    reason: str
    leaves_premises: bool
    condition: str
    void_reason: str | None
    corrects_id: int | None
    key: tuple = ()


def handover_order(query: HandoverQuery) -> Order:
    columns = {
        "number": (SealHandover.period, SealHandover.series, SealHandover.seq),
        "seal": (SealHandover.seal_id,),
    }.get(query.sort, (SealHandover.left_at,))
    return Order((*columns, SealHandover.id), descending=query.descending)


def _handover_statement(query: HandoverQuery):
    giver, receiver = aliased(User), aliased(User)
    back, returned = aliased(SealHandover), aliased(SealHandover)
    came_back = (
        select(back.left_at)
        .where(back.returns_id == SealHandover.id, back.void_reason.is_(None))
        .limit(1)
        .scalar_subquery()
    )
    returns_seq = select(returned.seq).where(returned.id == SealHandover.returns_id)
    statement = (
        select(
            SealHandover,
            Seal.name,
            giver.full_name,
            receiver.full_name,
            came_back,
            returns_seq.scalar_subquery(),
        )
        .join(Seal, Seal.id == SealHandover.seal_id)
        .join(receiver, receiver.id == SealHandover.to_id)
        .outerjoin(giver, giver.id == SealHandover.from_id)
    )
    if query.seal_id is not None:
        statement = statement.where(SealHandover.seal_id == query.seal_id)
    return statement


def fetch_handovers(
    db: Database, *, actor: Actor, query: HandoverQuery, after: Key | None, limit: int
) -> list[HandoverRow]:
    require_read(actor, AREA_KEY)
    with db.read() as session:
        found = page(
            session, _handover_statement(query), handover_order(query), after=after, limit=limit
        )
    return [_handover(item, key) for item, key in found]


def count_handovers(db: Database, *, actor: Actor, query: HandoverQuery, cap=COUNT_CAP) -> int:
    require_read(actor, AREA_KEY)
    statement = select(SealHandover.id)
    if query.seal_id is not None:
        statement = statement.where(SealHandover.seal_id == query.seal_id)
    with db.read() as session:
        return capped_count(session, statement, cap)


def handover_row(db: Database, *, actor: Actor, handover_id: int) -> HandoverRow | None:
    require_read(actor, AREA_KEY)
    with db.read() as session:
        found = session.execute(
            _handover_statement(HandoverQuery()).where(SealHandover.id == handover_id)
        ).first()
    if found is None:
        return None
    return _handover(tuple(found), ())


def _handover(item: tuple, key: Key) -> HandoverRow:
    entry, seal, giver, receiver, back, returns_seq = item
    return HandoverRow(
        id=entry.id,
        period=entry.period,
        seq=entry.seq,
        seal=seal,
        giver=giver or "",
        receiver=receiver,
        witness=entry.witness,
        left_at=entry.left_at,
        due_back=entry.due_back,
        returned_at=back,
        returns_seq=returns_seq,
        authorised_by=entry.authorised_by,
        authorisation_number=entry.authorisation_number,
        authorisation_date=entry.authorisation_date,
        reason=entry.reason,
        leaves_premises=entry.leaves_premises,
        condition=entry.condition,
        void_reason=entry.void_reason,
        corrects_id=entry.corrects_id,
        key=key,
    )


@dataclass(frozen=True)
class LetterRow:
    """An outgoing entry as the seal dialog shows it (subject None when hidden)."""

    id: int
    number: str
    doc_date: date
    kind: str
    subject: str | None
    signer: str
    void_reason: str | None


def find_letter(db: Database, *, actor: Actor, number: str, on: date) -> LetterRow | None:
    """The outgoing entry numbered ``number`` (``12/ຄອຮຂ`` or just ``12``) in the period
    of ``on`` or the one before, newest first: an index probe, never a scan."""
    from oc_desktop.laotext import to_arabic_digits
    from oc_desktop.registers.numbering import load_rules

    text = to_arabic_digits(number.strip())
    lead = text.split("/", 1)[0].strip()
    if not lead.isdigit():
        return None
    with db.read() as session:
        rules = load_rules(session)
        period = rules.period_of(on)
        earlier = rules.period_of(date(period - 1, 12, 31)) if period > 1975 else period
        found = session.execute(
            select(OutgoingDocument, DocumentKind.name)
            .outerjoin(DocumentKind, DocumentKind.id == OutgoingDocument.kind_id)
            .where(
                OutgoingDocument.period.in_({period, earlier}),
                OutgoingDocument.seq == int(lead),
                *([] if lead == text else [OutgoingDocument.number == text]),
            )
            .order_by(OutgoingDocument.period.desc(), OutgoingDocument.series)
            .limit(1)
        ).first()
    return _letter(db, actor, found)


def letter_by_id(db: Database, *, actor: Actor, doc_id: int) -> LetterRow | None:
    """One outgoing entry, as the seal dialog shows it."""
    with db.read() as session:
        found = session.execute(
            select(OutgoingDocument, DocumentKind.name)
            .outerjoin(DocumentKind, DocumentKind.id == OutgoingDocument.kind_id)
            .where(OutgoingDocument.id == doc_id)
        ).first()
    return _letter(db, actor, found)


def _letter(db: Database, actor: Actor, found) -> LetterRow | None:
    """The letter as the dialog shows it; a secret one shown in full is a read the audit
    trail keeps, as in the register's detail pane."""
    from oc_desktop import audit

    if found is None:
        return None
    doc, kind = found
    if doc.secrecy > 0 and actor.sees_secret(doc.secrecy):
        with db.begin() as session:
            audit.record(
                session,
                actor=actor,
                action="view",
                entity="outgoing_document",
                entity_id=doc.id,
                area=AREA_KEY,
            )
    return LetterRow(
        doc.id,
        doc.number,
        doc.doc_date,
        kind or "",
        doc.subject if actor.sees_secret(doc.secrecy) else None,
        doc.signer,
        doc.void_reason,
    )

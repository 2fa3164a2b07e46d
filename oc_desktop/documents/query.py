"""Pages of a register for its table: filtered, searched and sorted in SQL.

Nothing here loads a whole register. Search goes through the register's trigram
index: a fragment of three characters or more is an index lookup; shorter ones scan
the index's text. A reader without clearance for a secret entry matches only its
number, and gets its row with the hidden fields blank.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import and_, case, func, literal, literal_column, or_, select, table, text

from oc_desktop.laotext import search_key
from oc_desktop.models import (
    Correspondent,
    DocumentKind,
    IncomingDocument,
    OutgoingDocument,
    Routing,
)
from oc_desktop.models.db import Database
from oc_desktop.models.documents import SEARCH_TABLES
from oc_desktop.security import TOP_SECRET, Actor

OPEN_STATUSES = ("received", "assigned", "in_progress")
COUNT_CAP = 100_000
MODELS = {"incoming": IncomingDocument, "outgoing": OutgoingDocument}


@dataclass(frozen=True)
class RegisterQuery:
    register: str = "incoming"
    text: str = ""
    period: int | None = None
    kind_id: int | None = None
    status: str | None = None
    secrecy: int | None = None
    section_id: int | None = None
    urgency: int | None = None
    overdue: bool = False
    sort: str = "number"
    descending: bool = True


@dataclass(frozen=True)
class RegisterRow:
    """One line of a register as its reader may see it (hidden fields are None)."""

    id: int
    period: int
    seq: int
    number: str
    date: date
    received_at: datetime | None
    party: str | None
    doc_number: str | None
    doc_date: date | None
    kind: str | None
    subject: str | None
    urgency: int
    secrecy: int
    status: str | None
    due_date: date | None
    sent_on: date | None
    void_reason: str | None
    hidden: bool


def _sort_columns(model) -> dict:
    kind_sort = select(DocumentKind.sort).where(DocumentKind.id == model.kind_id).scalar_subquery()
    number = (model.period, model.series, model.seq)
    columns = {
        "number": number,
        "subject": (model.subject_sort,),
        "party": (model.party_sort,),
        "kind": (kind_sort,),
        "urgency": (model.urgency,),
        "secrecy": (model.secrecy,),
    }
    if model is IncomingDocument:
        columns |= {
            "date": (model.received_at,),
            "doc_number": (case((model.secrecy > 0, ""), else_=model.doc_number),),
            "doc_date": (model.doc_date,),
            "status": (model.status,),
            "due_date": (model.due_date,),
        }
    else:
        columns |= {"date": (model.doc_date,), "sent_on": (model.sent_on,)}
    return columns


def _matches(register: str, model, actor: Actor, needle: str):
    """Rows whose searchable text holds the fragment, as far as the actor may see."""
    fts = SEARCH_TABLES[register]
    if len(needle) >= 3:
        phrase = '"' + needle.replace('"', '""') + '"'

        def hits(column: str | None):
            query = phrase if column is None else f"{column} : {phrase}"
            return (
                select(literal_column("rowid"))
                .select_from(table(fts))
                .where(
                    text(f"{fts} MATCH :q_{column or 'any'}").bindparams(
                        **{f"q_{column or 'any'}": query}
                    )
                )
            )
    else:
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"

        def hits(column: str | None):
            where = (
                "open_text LIKE :p ESCAPE '\\' OR secret_text LIKE :p ESCAPE '\\'"
                if column is None
                else f"{column} LIKE :p ESCAPE '\\'"
            )
            return (
                select(literal_column("rowid"))
                .select_from(table(fts))
                .where(text(where).bindparams(p=pattern))
            )

    if actor.clearance <= 0:
        return model.id.in_(hits("open_text"))
    anywhere = model.id.in_(hits(None))
    if actor.clearance >= TOP_SECRET:
        return anywhere
    return and_(anywhere, or_(model.secrecy <= actor.clearance, model.id.in_(hits("open_text"))))


def _conditions(query: RegisterQuery, actor: Actor, today: date) -> list:
    model = MODELS[query.register]
    conditions = []
    if query.period is not None:
        conditions.append(model.period == query.period)
    for value, column in (
        (query.kind_id, model.kind_id),
        (query.secrecy, model.secrecy),
        (query.urgency, model.urgency),
    ):
        if value is not None:
            conditions.append(column == value)
    if model is IncomingDocument:
        if query.status is not None:
            conditions.append(model.status == query.status)
        if query.section_id is not None:
            routed = select(Routing.incoming_id).where(Routing.section_id == query.section_id)
            conditions.append(model.id.in_(routed))
        if query.overdue:
            conditions += [
                model.due_date < today,
                model.status.in_(OPEN_STATUSES),
                model.void_reason.is_(None),
            ]
    needle = search_key(query.text)
    if needle:
        conditions.append(_matches(query.register, model, actor, needle))
    return conditions


def count_rows(db: Database, actor: Actor, query: RegisterQuery, *, today: date, cap=COUNT_CAP):
    """How many rows match, counted up to ``cap`` (the table says "more than" past it)."""
    model = MODELS[query.register]
    inner = select(literal(1)).select_from(model).where(*_conditions(query, actor, today))
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(inner.limit(cap).subquery()))


def fetch_page(
    db: Database, actor: Actor, query: RegisterQuery, *, offset: int, limit: int, today: date
) -> list[RegisterRow]:
    model = MODELS[query.register]
    columns = _sort_columns(model).get(query.sort) or _sort_columns(model)["number"]
    order = [c.desc() if query.descending else c.asc() for c in (*columns, model.id)]
    statement = (
        select(model)
        .where(*_conditions(query, actor, today))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    with db.read() as session:
        docs = list(session.scalars(statement))
        kinds = {k: n for k, n in session.execute(select(DocumentKind.id, DocumentKind.name))}
        senders = {}
        if model is IncomingDocument and docs:
            ids = {d.sender_id for d in docs}
            named = select(Correspondent.id, Correspondent.name).where(Correspondent.id.in_(ids))
            senders = {key: name for key, name in session.execute(named)}
    return [_row(doc, actor, kinds, senders) for doc in docs]


def _row(doc, actor: Actor, kinds: dict, senders: dict) -> RegisterRow:
    incoming = isinstance(doc, IncomingDocument)
    row = RegisterRow(
        id=doc.id,
        period=doc.period,
        seq=doc.seq,
        number=str(doc.seq) if incoming else doc.number,
        date=doc.received_at.date() if incoming else doc.doc_date,
        received_at=doc.received_at if incoming else None,
        party=senders.get(doc.sender_id) if incoming else "; ".join(doc.recipients),
        doc_number=doc.doc_number if incoming else None,
        doc_date=doc.doc_date,
        kind=kinds.get(doc.kind_id),
        subject=doc.subject,
        urgency=doc.urgency,
        secrecy=doc.secrecy,
        status=doc.status if incoming else None,
        due_date=doc.due_date if incoming else None,
        sent_on=None if incoming else doc.sent_on,
        void_reason=doc.void_reason,
        hidden=False,
    )
    if actor.sees_secret(doc.secrecy):
        return row
    return replace(row, party=None, doc_number=None, subject=None, hidden=True)

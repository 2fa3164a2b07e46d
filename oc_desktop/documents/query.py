"""Pages of a register for its table: filtered, searched and sorted in SQL.

Nothing here loads a whole register. Search goes through the register's trigram
index: a fragment of three characters or more is an index lookup; shorter ones scan
the index's text. A reader without clearance for a secret entry matches only its
number, and gets its row with the hidden fields blank.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import (
    LargeBinary,
    String,
    and_,
    case,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    type_coerce,
)

from oc_desktop.documents.reads import LISTED, record_reads, secret_ids
from oc_desktop.laotext import search_words
from oc_desktop.models import (
    Correspondent,
    DocumentKind,
    IncomingDocument,
    OutgoingDocument,
    Routing,
)
from oc_desktop.models.db import Database
from oc_desktop.models.documents import SEARCH_TABLES
from oc_desktop.registers.numbering import load_rules
from oc_desktop.registers.paging import COUNT_CAP, Key, Order, capped_count, page
from oc_desktop.rights import current
from oc_desktop.security import TOP_SECRET, Actor

OPEN_STATUSES = ("received", "assigned", "in_progress")
# A fragment the index finds this often is searched by walking the register in order.
MANY = 2_000
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
    #: first and last day (arrival for incoming, the document's date for outgoing)
    start: date | None = None
    end: date | None = None
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
    #: where the row sorts: hand it back as ``after`` for the next page
    key: tuple = ()


def _blank(column, kind=String):
    """A nullable sort column as one that never is: keyset paging compares row values."""
    return type_coerce(func.coalesce(column, ""), kind)


def _as_seen(model, actor: Actor, cleared, blank=None):
    """A sort key as the reader sees the entry: the real key where they may read it,
    blank (first) where it is hidden. ``blank`` is the stored column that is already
    blank for every secret entry, indexed for readers without clearance."""
    if actor.clearance >= TOP_SECRET:
        return cleared
    if actor.clearance <= 0 and blank is not None:
        return blank
    hidden = model.secrecy > actor.clearance
    return type_coerce(case((hidden, literal(b"", LargeBinary)), else_=cleared), LargeBinary)


def _sort_columns(model, actor: Actor) -> dict:
    kind_sort = select(DocumentKind.sort).where(DocumentKind.id == model.kind_id).scalar_subquery()
    number = (model.period, model.series, model.seq)
    columns = {
        "number": number,
        "subject": (_as_seen(model, actor, model.subject_sort_all, model.subject_sort),),
        "party": (_as_seen(model, actor, model.party_sort_all, model.party_sort),),
        "kind": (_blank(kind_sort, LargeBinary),),
        "urgency": (model.urgency,),
        "secrecy": (model.secrecy,),
    }
    if model is IncomingDocument:
        columns |= {
            "date": (model.received_at,),
            "doc_number": (_as_seen(model, actor, model.doc_number_sort),),
            "doc_date": (_blank(model.doc_date),),
            "status": (model.status,),
            "due_date": (_blank(model.due_date),),
        }
    else:
        columns |= {"date": (model.doc_date,), "sent_on": (_blank(model.sent_on),)}
    return columns


def order_of(query: "RegisterQuery", actor: Actor) -> Order:
    """The table's order: the clicked column, then the row id, so every row has one place.
    Secret entries sort by their real keys for a reader cleared for them, as blanks for
    others (their hidden fields show nothing, and their place reveals nothing)."""
    model = MODELS[query.register]
    columns = _sort_columns(model, actor)
    return Order((*(columns.get(query.sort) or columns["number"]), model.id), query.descending)


def _index_hits(register: str, needle: str | list[str], column: str | None, slot: int = 0):
    """Rowids the trigram index finds holding every fragment (three characters or more).

    ``slot`` keeps the bound values of several words in one statement apart."""
    fts = SEARCH_TABLES[register]
    needles = [needle] if isinstance(needle, str) else needle
    phrases = ['"' + n.replace('"', '""') + '"' for n in needles]
    name = f"q{slot}_{column or 'any'}"
    value = " AND ".join(p if column is None else f"{column} : {p}" for p in phrases)
    return (
        select(literal_column("rowid"))
        .select_from(table(fts))
        .where(text(f"{fts} MATCH :{name}").bindparams(**{name: value}))
    )


def _row_holds(register: str, model, actor: Actor, needle: str, slot: int = 0):
    """Checked row by row: the entry's own index text holds the fragment."""
    fts = SEARCH_TABLES[register]
    secret = (
        ""
        if actor.clearance <= 0
        else f" OR (:level >= secrecy AND instr(s.secret_text, :n{slot}) > 0)"
    )
    clause = text(
        f"EXISTS (SELECT 1 FROM {fts} AS s WHERE s.rowid = {model.__tablename__}.id"
        f" AND (instr(s.open_text, :n{slot}) > 0{secret}))"
    ).bindparams(**{f"n{slot}": needle}, **({"level": actor.clearance} if secret else {}))
    return clause


def _many(session, register: str, needles: list[str]) -> bool:
    """Whether the fragments together are common enough that walking the table in order
    and checking each row finds a page sooner than gathering every match first."""
    probe = _index_hits(register, needles, None).limit(MANY)
    return session.scalar(select(func.count()).select_from(probe.subquery())) >= MANY


def _matches(
    session, register: str, model, actor: Actor, needles: list[str], first_slot: int = 0
) -> list:
    """Conditions for rows whose searchable text holds every fragment (each in one field,
    in any order), as far as the actor may see.

    Fragments of three characters or more are looked up together in the trigram index
    (it intersects their matches) unless that finds a great many; shorter ones, and
    common combinations, are checked row by row as the table is walked in order.
    """
    indexed = [n for n in needles if len(n) >= 3]
    checked = [n for n in needles if len(n) < 3]
    if indexed and _many(session, register, indexed):
        indexed, checked = [], needles
    found = [
        _row_holds(register, model, actor, needle, slot)
        for slot, needle in enumerate(checked, start=first_slot)
    ]
    if not indexed:
        return found
    slot = first_slot
    if actor.clearance <= 0:
        return [model.id.in_(_index_hits(register, indexed, "open_text", slot)), *found]
    anywhere = model.id.in_(_index_hits(register, indexed, None, slot))
    if actor.clearance >= TOP_SECRET:
        return [anywhere, *found]
    in_open = model.id.in_(_index_hits(register, indexed, "open_text", slot))
    return [and_(anywhere, or_(model.secrecy <= actor.clearance, in_open)), *found]


def _conditions(session, query: RegisterQuery, actor: Actor, today: date) -> list:
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
    day = model.received_at if model is IncomingDocument else model.doc_date
    if query.start is not None:
        conditions.append(day >= _bound(model, query.start))
    if query.end is not None:
        conditions.append(day < _bound(model, query.end + timedelta(days=1)))
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
    needles = search_words(query.text)  # every word, each in any field, in any order
    if needles:
        conditions += _matches(session, query.register, model, actor, needles)
    return conditions


def _bound(model, day: date):
    """A day as the register's date column holds it (arrival is a time of day)."""
    return datetime.combine(day, time()) if model is IncomingDocument else day


def count_rows(db: Database, actor: Actor, query: RegisterQuery, *, today: date, cap=COUNT_CAP):
    """How many rows match, counted up to ``cap`` (the table says "more than" past it)."""
    model = MODELS[query.register]
    needles = search_words(query.text)
    with db.read() as session:
        actor = current(session, actor)  # a clearance taken away since sign-in counts less
        if _index_alone(query, actor, needles):
            # Only the words narrow the register: count in the index itself.
            column = "open_text" if actor.clearance <= 0 else None
            return capped_count(session, _index_hits(query.register, needles, column), cap)
        conditions = _conditions(session, query, actor, today)
        return capped_count(session, select(model.id).where(*conditions), cap)


def _index_alone(query: RegisterQuery, actor: Actor, needles: list[str]) -> bool:
    unfiltered = replace(query, text="", sort="number", descending=True) == RegisterQuery(
        register=query.register
    )
    long_enough = bool(needles) and all(len(n) >= 3 for n in needles)
    return unfiltered and long_enough and actor.clearance in (0, TOP_SECRET)


def fetch_page(
    db: Database, actor: Actor, query: RegisterQuery, *, after: Key | None, limit: int, today: date
) -> list[RegisterRow]:
    """The rows that sort after ``after`` (a row's ``key``; None: from the top)."""
    model = MODELS[query.register]
    with db.read() as session:
        actor = current(session, actor)  # rights as they are now, not at sign-in
        statement = select(model).where(*_conditions(session, query, actor, today))
        found = page(session, statement, order_of(query, actor), after=after, limit=limit)
        kinds = {k: n for k, n in session.execute(select(DocumentKind.id, DocumentKind.name))}
        senders = {}
        if model is IncomingDocument and found:
            ids = {doc.sender_id for doc, _key in found}
            named = select(Correspondent.id, Correspondent.name).where(Correspondent.id.in_(ids))
            senders = {key: name for key, name in session.execute(named)}
    shown = secret_ids(actor, [doc for doc, _key in found])
    record_reads(db, actor=actor, register=query.register, ids=shown, action=LISTED)
    return [_row(doc, key, actor, kinds, senders) for doc, key in found]


def _row(doc, key: Key, actor: Actor, kinds: dict, senders: dict) -> RegisterRow:
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
        key=key,
    )
    if actor.sees_secret(doc.secrecy):
        return row
    void_reason = "—" if doc.void_reason is not None else None  # void, its reason hidden
    return replace(
        row, party=None, doc_number=None, subject=None, void_reason=void_reason, hidden=True
    )


def periods(db: Database, *, register: str) -> list[tuple[int, str]]:
    """The periods a register holds, newest first, each with its label: ``2026``, or
    ``2021–2025`` under term numbering.

    Steps down the number index one period at a time: a probe per period, never a
    scan of the register.
    """
    model = MODELS[register]
    found: list[int] = []
    with db.read() as session:
        rules = load_rules(session)
        period = session.scalar(select(func.max(model.period)))
        while period is not None:
            found.append(period)
            period = session.scalar(select(func.max(model.period)).where(model.period < period))
    return [(period, rules.period_label(period)) for period in found]


def matching_outgoing(session, actor: Actor, word: str, slot: int = 0):
    """The ids of outgoing entries whose text holds the search word ``word`` (keyed by
    ``search_words``) as far as ``actor`` may see (for registers that point to outgoing
    documents, e.g. the seal log); ``slot`` tells apart several in one statement."""
    return select(OutgoingDocument.id).where(
        *_matches(session, "outgoing", OutgoingDocument, actor, [word], slot)
    )

"""The lists a clerk picks from: correspondents (growing as clerks type) and kinds."""

from dataclasses import dataclass

from sqlalchemy import exists, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from oc_desktop import audit
from oc_desktop.i18n import _
from oc_desktop.laotext import identity_key, index_sort_key
from oc_desktop.models import Correspondent, DocumentKind, IncomingDocument, OutgoingDocument
from oc_desktop.models.db import Database
from oc_desktop.security import TOP_SECRET, Actor
from oc_desktop.validation import Checker

# The kinds seen in the office's own papers; the list is the office's to edit.
DEFAULT_KINDS = (
    "ມະຕິຕົກລົງ",
    "ຄຳສັ່ງ",
    "ຂໍ້ຕົກລົງ",
    "ຄຳແນະນຳ",
    "ແຈ້ງການ",
    "ໜັງສືສະເໜີ",
    "ບົດລາຍງານ",
    "ໜັງສືເຊີນ",
)


@dataclass(frozen=True)
class Kind:
    id: int
    name: str
    active: bool


KIND_MAX = 100  # the column's width


def ensure_kinds(db: Database) -> None:
    with db.begin() as session:
        if session.scalar(select(DocumentKind.id).limit(1)) is None:
            session.add_all(
                DocumentKind(name=name, sort=index_sort_key(name), active=True)
                for name in DEFAULT_KINDS
            )


def list_kinds(db: Database, *, include_retired: bool = False) -> list[Kind]:
    with db.read() as session:
        query = select(DocumentKind).order_by(DocumentKind.sort, DocumentKind.id)
        if not include_retired:
            query = query.where(DocumentKind.active)
        return [Kind(k.id, k.name, k.active) for k in session.scalars(query)]


def save_kind(
    db: Database, *, actor: Actor, kind_id: int | None, name: str, active: bool = True
) -> Kind:
    """Add a kind, rename one, or retire it from the lists of new entries.

    A kind is never deleted: entries keep the kind they were registered with. Two kinds
    may not share a name, even differing only in case or digit system.
    """
    check = Checker()
    name = check.text("name", name, max_length=KIND_MAX, one_line=True)
    if not actor.may_write("documents"):
        check.fail("name", _("You may not change the register."))
    check.done()
    with db.begin() as session:
        gone = _("This kind is no longer in the list.")
        kind = check.row(session, DocumentKind, "name", kind_id, message=gone, required=False)
        if kind_id is None:
            kind = DocumentKind()
        key = identity_key(name)
        others = session.execute(select(DocumentKind.id, DocumentKind.name))
        if any(identity_key(other) == key and other_id != kind_id for other_id, other in others):
            check.fail("name", _("This kind is already in the list."))
        check.done()
        old = {"name": kind.name, "active": kind.active} if kind_id is not None else None
        new = {"name": name, "active": bool(active)}
        if old == new:
            return Kind(kind.id, kind.name, kind.active)
        kind.name, kind.sort, kind.active = name, index_sort_key(name), bool(active)
        session.add(kind)
        session.flush()
        audit.record(
            session,
            actor=actor,
            action="change" if old else "create",
            entity="document_kind",
            entity_id=kind.id,
            area="documents",
            old={k: v for k, v in old.items() if new[k] != v} if old else None,
            new={k: v for k, v in new.items() if not old or old[k] != v},
        )
        return Kind(kind.id, kind.name, kind.active)


def correspondent_id(session: Session, name: str) -> int:
    """The id of the office named so, adding it to the directory the first time.

    A name typed in a look-alike spelling of one already there (ໜ/ຫນ, ຫຼ/ຫລ, ຳ/ໍາ,
    Lao digits, spaced differently) is that office, not a twin.
    """
    found = session.scalar(select(Correspondent.id).where(Correspondent.name == name))
    if found is not None:
        return found
    key = identity_key(name)
    twin = session.scalar(
        select(Correspondent.id)
        .where(Correspondent.name_key == key)
        .order_by(Correspondent.id)
        .limit(1)
    )
    if twin is not None:
        return twin
    entry = Correspondent(name=name, sort=index_sort_key(name), name_key=key)
    session.add(entry)
    session.flush()
    return entry.id


def correspondent_names(db: Database, *, actor: Actor, limit: int = 50) -> list[str]:
    """Names for the sender/recipient completer, in Lao dictionary order: those the person
    may see, so that an office known only from secret papers is not named to a reader
    without clearance for them. Twins (look-alike spellings kept from before the
    directory folded them) are named once, as first typed."""
    earlier = aliased(Correspondent)
    twin = exists().where(earlier.name_key == Correspondent.name_key, earlier.id < Correspondent.id)
    query = select(Correspondent.name).where(~twin).order_by(Correspondent.sort).limit(limit)
    if actor.clearance < TOP_SECRET:
        recipient = func.json_each(OutgoingDocument.recipients).table_valued("value")
        recipients = (
            select(recipient.c.value)
            .select_from(OutgoingDocument)
            .join(recipient, true())  # each document's own list of recipients
            .where(OutgoingDocument.secrecy <= actor.clearance)
        )
        query = query.where(
            or_(
                exists().where(
                    IncomingDocument.sender_id == Correspondent.id,
                    IncomingDocument.secrecy <= actor.clearance,
                ),
                Correspondent.name.in_(recipients),
            )
        )
    with db.read() as session:
        return list(session.scalars(query))

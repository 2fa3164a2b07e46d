"""What of the register's audit rows a reader without clearance may see.

The trail keeps a secret document's subject, sender and notes as they were written
(the old and new values must stay whole for the hash chain and for those cleared to
read them). An administrator reads the trail but may hold no clearance; for them the
rows about a secret document keep what its register row shows to anyone (number,
dates, levels, status) and the rest is replaced by ``HIDDEN``.
"""

from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oc_desktop.audit.masking import hide
from oc_desktop.models import IncomingDocument, OutgoingDocument
from oc_desktop.security import TOP_SECRET, Actor

MODELS = {"incoming": IncomingDocument, "outgoing": OutgoingDocument}
# What a register row or detail shows of a secret entry to a reader without clearance.
OPEN_FIELDS = frozenset(
    {
        "register",
        "document",
        "period",
        "series",
        "seq",
        "number",
        "received_at",
        "doc_date",
        "kind",
        "kind_id",
        "pages",
        "urgency",
        "secrecy",
        "status",
        "due_date",
        "deadline",
        "handed_on",
        "sent_on",
        "copies",
        "made_on",
    }
)


def document_of(entity: str, entity_id: str, new: Any) -> tuple[str, int] | None:
    """(register, id) of the document an audit row is about, if it is about one."""
    if entity in ("incoming_document", "outgoing_document") and entity_id.isdigit():
        return entity.split("_")[0], int(entity_id)
    if entity in ("document_copy", "scan") and isinstance(new, dict):
        register, doc_id = new.get("register"), new.get("document")
        if register in MODELS and isinstance(doc_id, int):
            return register, doc_id
    return None


def _recorded_secrecy(*values: Any) -> int:
    levels = [v.get("secrecy") for v in values if isinstance(v, dict)]
    return max((level for level in levels if isinstance(level, int)), default=0)


def mask_rows(session: Session, actor: Actor, rows: list) -> list:
    """The rows as ``actor`` may read them: values of documents above their clearance
    hidden. A document counts as secret if it is now or the row says it was."""
    if actor.clearance >= TOP_SECRET:
        return rows
    about = {row.id: document_of(row.entity, row.entity_id, row.new) for row in rows}
    secrecy: dict[tuple[str, int], int] = {}
    for register, model in MODELS.items():
        ids = {key[1] for key in about.values() if key and key[0] == register}
        if ids:
            found = session.execute(select(model.id, model.secrecy).where(model.id.in_(ids)))
            secrecy |= {(register, doc_id): level for doc_id, level in found}
    shown = []
    for row in rows:
        document = about[row.id]
        if document is not None:
            level = max(secrecy.get(document, 0), _recorded_secrecy(row.old, row.new))
            if not actor.sees_secret(level):
                row = replace(row, old=hide(row.old, OPEN_FIELDS), new=hide(row.new, OPEN_FIELDS))
        shown.append(row)
    return shown

"""Secret entries shown in a table page or printed, written to the audit trail in a
compact form: one row per page or printout naming the record numbers of the secret
entries its reader saw (the detail pane records each opening on its own)."""

from oc_desktop import audit
from oc_desktop.documents.common import AREA_KEY
from oc_desktop.models.db import Database
from oc_desktop.security import Actor

LISTED, PRINTED = "view_rows", "print_rows"


def secret_ids(actor: Actor, docs) -> list[int]:
    """The entries of ``docs`` that are secret and that ``actor`` may read (and so sees)."""
    return [doc.id for doc in docs if doc.secrecy > 0 and actor.sees_secret(doc.secrecy)]


def record_reads(db: Database, *, actor: Actor, register: str, ids: list[int], action: str):
    """One audit row for the secret entries ``actor`` was just shown; none if none."""
    if not ids or actor.user_id is None:  # the program itself reads for demo data only
        return
    with db.begin() as session:
        audit.record(
            session,
            actor=actor,
            action=action,
            entity=f"{register}_document",
            entity_id=f"{len(ids)}",
            area=AREA_KEY,
            new={"shown": sorted(set(ids))},
        )

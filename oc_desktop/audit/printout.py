"""The audit trail as a printed book: the rows the Audit tab's filter shows, oldest first,
every old and new value written out, for the head to read and sign."""

from pathlib import Path

from reportlab.lib.units import mm

from oc_desktop import audit
from oc_desktop.audit.anchors import printed_anchor
from oc_desktop.audit.log import AuditQuery, count_entries, iter_entries, people
from oc_desktop.audit.text import (
    ACTION_LABELS,
    area_label,
    changes,
    entity_label,
    label,
    record_label,
)
from oc_desktop.formatting import format_datetime, format_int
from oc_desktop.i18n import _
from oc_desktop.models.db import Database
from oc_desktop.printing import Column, Cover, build_register_book
from oc_desktop.printing.page import Progress, ShouldCancel
from oc_desktop.profile import load_profile
from oc_desktop.security import Actor


def audit_columns() -> list[Column]:
    return [
        Column(_("Entry"), mm=16, align="right"),
        Column(_("Time"), mm=34),
        Column(_("Person"), 1.2),
        Column(_("Action"), mm=26),
        Column(_("Area"), mm=24),
        Column(_("Record"), 1.0),
        Column(_("Old and new values"), 3.2),
    ]


def _change(field: str, old: str, new: str) -> str:
    """One change in words (the printout's fonts have no arrow)."""
    words = new if old == "—" else _("from {old} to {new}").format(old=old, new=new)
    return f"{field}: {words}" if field else words


def _record_name(entity: str, entity_id: str, area: str | None = None) -> str:
    """What was changed: a setting or rule by its label (its key is no word), others by
    number (``record_label``)."""
    return f"{entity_label(entity, area)} {record_label(entity_id, area)}".strip()


def _title(query: AuditQuery, names: dict[str, str]) -> str:
    title = _("Audit trail")
    if query.username:
        title += f": {names.get(query.username, query.username)}"
    if query.area:
        title += f" ({area_label(query.area)})"
    return title


def print_audit_log(
    db: Database,
    out: Path,
    *,
    actor: Actor,
    query: AuditQuery,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> int:
    """Every row the filter holds, one per line with all its changes; returns the pages.

    Only those who may read the audit get a printout; printing it is audited too.
    """
    names = dict(people(db, actor=actor))
    total = count_entries(db, actor=actor, query=query)
    rows = (
        [
            format_int(row.id),
            format_datetime(row.at, seconds=True),
            names.get(row.username, row.username),
            label(ACTION_LABELS, row.action),
            area_label(row.area),
            _record_name(row.entity, row.entity_id, row.area),
            "\n".join(_change(*change) for change in changes(row.old, row.new, row.area)),
        ]
        for row in iter_entries(db, actor=actor, query=query)
    )
    title = _title(query, names)
    pages = build_register_book(
        out,
        title=title,
        columns=audit_columns(),
        rows=rows,
        cover=Cover(title=title, date_from=query.start, date_to=query.end),
        profile=load_profile(db),
        total_rows=total,
        min_row_height=7 * mm,
        progress=progress,
        should_cancel=should_cancel,
        trail_anchor=printed_anchor(db),
    )
    with db.begin() as session:
        audit.record(
            session,
            actor=actor,
            action="print",
            entity="audit_log",
            entity_id="",
            area="audit",
            new={
                "username": query.username,
                "area": query.area,
                "from": query.start,
                "to": query.end,
                "entries": total,
            },
        )
    return pages

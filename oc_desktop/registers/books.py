"""Printing a register's book: the entries of a date range, counted, read a batch at a
time, built by ``oc_desktop.printing`` and recorded in the audit trail."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm

from oc_desktop import audit
from oc_desktop.audit.anchors import printed_anchor
from oc_desktop.models.db import Database
from oc_desktop.printing import Column, Cover, build_register_book
from oc_desktop.printing.page import Progress, ShouldCancel
from oc_desktop.profile import load_profile
from oc_desktop.security import Actor, require_read


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date  # included

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("the range ends before it starts")


def record_print(
    db: Database, *, actor: Actor, area: str, entity: str, span: DateRange, entries: int
) -> None:
    """A printout is an audit row: which book, which days, how many entries."""
    with db.begin() as session:
        audit.record(
            session,
            actor=actor,
            action="print",
            entity=entity,
            entity_id=f"{span.start.isoformat()}/{span.end.isoformat()}",
            area=area,
            new={"from": span.start, "to": span.end, "entries": entries},
        )


def print_book(
    db: Database,
    out: Path,
    *,
    actor: Actor,
    area: str,
    entity: str,
    span: DateRange,
    title: str,
    columns: list[Column],
    cover: Cover,
    rows: Iterable[list[str]],
    total: int,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    min_row_height: float = 8 * mm,
) -> int:
    """Build a book of ``rows`` (cells as the reader may see them, ``total`` of them) and
    record the printout; returns the page count. Refused to whoever may not read ``area``."""
    require_read(actor, area)
    pages = build_register_book(
        out,
        title=title,
        columns=columns,
        rows=rows,
        cover=cover,
        profile=load_profile(db),
        total_rows=total,
        min_row_height=min_row_height,
        progress=progress,
        should_cancel=should_cancel,
        trail_anchor=printed_anchor(db),
    )
    record_print(db, actor=actor, area=area, entity=entity, span=span, entries=total)
    return pages

"""Exporting a register view: the rows of the tab's own query, read by keyset pages in
short transactions and written as they come, so a million rows take the memory of one
page. The file appears whole or not at all; an export is a row in the audit trail."""

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from oc_desktop import audit
from oc_desktop.exchange.declare import ExportColumn, Register
from oc_desktop.exchange.writers import format_of, open_writer
from oc_desktop.i18n import _
from oc_desktop.models.db import Database
from oc_desktop.security import Actor, require_read

BATCH = 1000
Progress = Callable[[int, int], bool]
#: (after, limit) -> the rows of the view after the row keyed ``after``
Fetch = Callable[[Any, int], list]


class Cancelled(Exception):
    """The clerk pressed Cancel; nothing was written."""


def pages(fetch: Fetch, *, size: int = BATCH) -> Iterator[list]:
    after = None
    while True:
        rows = fetch(after, size)
        if rows:
            yield rows
        if len(rows) < size:
            return
        after = rows[-1].key


def export_view(
    db: Database,
    out: Path,
    *,
    actor: Actor,
    area: str,
    entity: str,
    sheet: str,
    columns: list[ExportColumn],
    fetch: Fetch,
    total: int = 0,
    progress: Progress | None = None,
    described: dict[str, Any] | None = None,
) -> int:
    """Write every row ``fetch`` gives to ``out`` (.xlsx or .csv) and audit it; returns
    the number of rows. ``described`` (search, dates) goes into the audit row."""
    require_read(actor, area)
    out = Path(out)
    partial = out.with_name(f".{out.stem}.part.{format_of(out)}")
    writer = open_writer(
        partial,
        sheet=sheet,
        headers=[_(c.header) for c in columns],
        samples=[c.sample for c in columns],
    )
    written = 0
    try:
        for rows in pages(fetch):
            for row in rows:
                writer.write([column.value(row) for column in columns])
            written += len(rows)
            if progress is not None and not progress(written, max(total, written)):
                raise Cancelled
        writer.close()
        os.replace(partial, out)
    except BaseException:
        writer.close()
        partial.unlink(missing_ok=True)
        raise
    with db.begin() as session:
        audit.record(
            session,
            actor=actor,
            action="export",
            entity=entity,
            entity_id=out.name,
            area=area,
            new={"file": out.name, "entries": written, **(described or {})},
        )
    return written


def export_register(
    db: Database,
    out: Path,
    *,
    actor: Actor,
    register: Register,
    text: str = "",
    start: date | None = None,
    end: date | None = None,
    progress: Progress | None = None,
) -> int:
    """The command line's export: the register's default view, searched and dated."""
    query = register.query(text=text, start=start, end=end)
    total = register.count(db, actor, query, cap=10**9) if register.count else 0
    described = {
        key: value for key, value in (("search", text), ("from", start), ("to", end)) if value
    }
    return export_view(
        db,
        out,
        actor=actor,
        area=register.area,
        entity=register.entity,
        sheet=_(register.label),
        columns=register.columns(),
        fetch=lambda after, limit: register.fetch(db, actor, query, after, limit),
        total=total,
        progress=progress,
        described=described,
    )

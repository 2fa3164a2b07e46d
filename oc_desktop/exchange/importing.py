"""Bringing an old register in: a preview of the first rows with the mapping guessed, a
dry run that lists every row it would add and every row it would refuse (with the row
number and why), then the import itself in one transaction, audited as one row.

A register's importer (named by its ``Register.importer``) gives two functions:
``plan(db, actor, records, *, date_order) -> Plan`` checks every record as the register's
own operations would and touches nothing; ``apply(db, actor, plan, *, source) -> int``
writes the plan's rows in one transaction, re-checking them there, or raises and writes
nothing.
"""

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from oc_desktop.exchange.dates import possible_orders
from oc_desktop.exchange.declare import ImportField, Register
from oc_desktop.exchange.mapping import Mapping, find_header, guess
from oc_desktop.exchange.reading import Row, Source, Unreadable
from oc_desktop.i18n import _
from oc_desktop.models.db import Database
from oc_desktop.security import Actor, require_write

PREVIEW_ROWS = 30
#: rows whose dates decide whether the day-month order is open (a later row that does not
#: fit the order chosen is refused by the dry run, with its row number)
DATE_SAMPLE = 2_000
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Refusal:
    row: int  # as the spreadsheet numbers it
    reason: str


@dataclass
class Plan:
    """What an import would do: rows ready to add (the importer's own records, each
    with ``row``), rows refused, and names the register's lists do not hold yet."""

    ready: list = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    new_kinds: list[str] = field(default_factory=list)
    new_names: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Choices:
    """How the clerk reads the file: which sheet, which row holds the headers (as the
    spreadsheet numbers it), which column is which field, which date order."""

    sheet: str | None
    header_row: int
    mapping: Mapping
    date_order: str = "dmy"


@dataclass(frozen=True)
class Preview:
    rows: list[Row]  # the first rows, header row included
    choices: Choices  # as guessed
    date_orders: list[str]  # the orders the text dates fit; more than one: ask

    @property
    def headers(self) -> list[Any]:
        return next(cells for number, cells in self.rows if number == self.choices.header_row)


def preview(source: Source, sheet: str | None, fields: Sequence[ImportField]) -> Preview:
    rows = list(islice(source.rows(sheet), PREVIEW_ROWS))
    if not rows:
        raise Unreadable(_("This sheet is empty."))
    header = find_header(rows, fields)
    number, headers = rows[header]
    mapping = guess(headers, fields)
    choices = Choices(sheet=sheet, header_row=number, mapping=mapping)
    return Preview(rows, choices, _orders(source, choices, fields))


def _orders(source: Source, choices: Choices, fields: Sequence[ImportField]) -> list[str]:
    dated = [column for column, key in choices.mapping.items() if _field(fields, key).date]
    values = (
        record_cells[column]
        for number, record_cells in islice(source.rows(choices.sheet), DATE_SAMPLE)
        if number > choices.header_row
        for column in dated
        if column < len(record_cells)
    )
    return possible_orders(values)


def _field(fields: Sequence[ImportField], key: str) -> ImportField:
    return next(f for f in fields if f.key == key)


def records(source: Source, choices: Choices) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number, {field: cell}) for every row under the header that holds anything
    in a mapped column; blank lines are passed over."""
    for number, cells in source.rows(choices.sheet, last=True):
        if number <= choices.header_row:
            continue
        values = {
            key: cells[column] if column < len(cells) else ""
            for column, key in choices.mapping.items()
        }
        if any(value not in ("", None) for value in values.values()):
            yield number, values


def missing_fields(register: Register, choices: Choices) -> list[str]:
    """The labels of required fields no column is mapped to."""
    mapped = set(choices.mapping.values())
    return [f.label for f in register.fields if f.required and f.key not in mapped]


def dry_run(
    db: Database, *, actor: Actor, register: Register, source: Source, choices: Choices
) -> Plan:
    require_write(actor, register.area)
    importer = register.load_importer()
    return importer.plan(db, actor, records(source, choices), date_order=choices.date_order)


class ImportRefused(ValueError):
    """Rows are refused, or new names were not confirmed: nothing was written."""


def run_import(
    db: Database,
    *,
    actor: Actor,
    register: Register,
    plan: Plan,
    source: Path,
    add_new_names: bool,
    progress: Progress | None = None,
) -> int:
    """Write the plan in one transaction (all or nothing); returns the rows added."""
    require_write(actor, register.area)
    if plan.refused:
        raise ImportRefused(
            _("{count} rows are refused; correct them or leave them out first.").format(
                count=len(plan.refused)
            )
        )
    if (plan.new_kinds or plan.new_names) and not add_new_names:
        raise ImportRefused(_("Confirm the new kinds and names first."))
    importer = register.load_importer()
    return importer.apply(db, actor, plan, source=Path(source).name, progress=progress)


# --- a mapping kept in a file (the command line's --mapping, the window's memory) -------


def mapping_to_json(headers: Sequence[Any], choices: Choices) -> str:
    """The mapping by header text, so it applies to next year's book with its columns
    moved."""
    columns = {str(headers[c]): key for c, key in choices.mapping.items() if c < len(headers)}
    return json.dumps(
        {"sheet": choices.sheet, "columns": columns, "date_order": choices.date_order},
        ensure_ascii=False,
        indent=1,
    )


def mapping_from_json(text: str, preview_: Preview) -> Choices:
    """A kept mapping applied to a file's headers: matched by header text."""
    kept = json.loads(text)
    by_header = {str(header).strip(): key for header, key in kept.get("columns", {}).items()}
    headers = preview_.headers
    mapping = {c: by_header[str(h).strip()] for c, h in enumerate(headers) if str(h) in by_header}
    return Choices(
        sheet=preview_.choices.sheet,
        header_row=preview_.choices.header_row,
        mapping=mapping or preview_.choices.mapping,
        date_order=kept.get("date_order", "dmy"),
    )

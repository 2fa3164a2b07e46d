"""What a register declares to be exported and imported: typed columns, importable fields.

Cells are real values, not text: a date is written as an Excel date, a count or an
amount as an integer, None as an empty cell, and ``HIDDEN`` for what the reader may not
see (as the screen shows it).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from oc_desktop.sections import _load, areas

HIDDEN = "—"  # a value its reader may not see, as the screen shows it


@dataclass(frozen=True)
class ExportColumn:
    header: str  # an N_() message, written in the language of the screen
    value: Callable[[Any], Any]  # row -> str | int | date | datetime | None (empty)
    sample: str = ""  # the text its width is made for


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str  # an N_() message: how the mapping names it
    required: bool = False
    #: headers of old registers that mean this field (beside its label in each language)
    aliases: Sequence[str] = ()
    date: bool = False


@dataclass(frozen=True)
class Register:
    key: str
    area: str
    label: str  # an N_() message
    entity: str  # what the audit row of an export or import is about
    columns: Callable[[], list[ExportColumn]]
    #: (text, start, end) -> the query the section's fetch takes (CLI exports)
    query: Callable[..., Any]
    #: (db, actor, query, after, limit) -> rows (each with ``key``), as the tab reads them
    fetch: Callable[..., list]
    #: (db, actor, query, cap) -> how many rows answer the query, for the progress bar
    count: Callable[..., int] | None = None
    fields: Sequence[ImportField] = field(default_factory=tuple)
    #: "module:attribute" of an object with ``plan`` and ``apply`` (see ``importing``)
    importer: str | None = None

    def load_importer(self):
        return _load(self.importer)


@cache
def registers() -> dict[str, Register]:
    """Every register that can be exported, from the areas' declarations."""
    found = {}
    for area in areas():
        for key, target in getattr(area, "exchange", {}).items():
            found[key] = _load(target)
    return found


def register(key: str) -> Register | None:
    return registers().get(key)

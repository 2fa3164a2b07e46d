"""Which column of an old register holds which field: the header row found among the
first rows (old books open with merged title rows), and each header matched to a field by
its label in Lao or English or an alias, folded as search folds text (ໜ/ຫນ, digits, case,
spaces)."""

from collections.abc import Sequence
from typing import Any

from oc_desktop.exchange.declare import ImportField
from oc_desktop.i18n import every_language
from oc_desktop.laotext import search_key

HEADER_SEARCH = 30  # rows looked through for the header row
Mapping = dict[int, str]  # column number (from 0) -> field key


def _folded(text: Any) -> str:
    return "".join(search_key(str(text)).split()).strip(".:")


def _names(field: ImportField) -> set[str]:
    names = {field.key, *every_language(field.label), *field.aliases}
    return {_folded(name) for name in names if name}


def guess(headers: Sequence[Any], fields: Sequence[ImportField]) -> Mapping:
    """Each header's field where a name matches exactly; each field used once, the first
    column that names it winning."""
    names = [(field, _names(field)) for field in fields]
    mapping: Mapping = {}
    for column, header in enumerate(headers):
        key = _folded(header)
        if not key:
            continue
        for field, known in names:
            if key in known and field.key not in mapping.values():
                mapping[column] = field.key
                break
    return mapping


def find_header(rows: Sequence[tuple[int, list]], fields: Sequence[ImportField]) -> int:
    """The index (in ``rows``) of the row whose cells name the most fields; failing any,
    the first row with two cells filled."""
    best, best_score = None, 1
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH]):
        score = len(guess(cells, fields))
        if score > best_score:
            best, best_score = index, score
    if best is not None:
        return best
    filled = (i for i, (_n, cells) in enumerate(rows) if sum(1 for c in cells if c != "") > 1)
    return next(filled, 0)

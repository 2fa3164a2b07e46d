"""A list of recipients typed or pasted as one text: one a line, or separated by
semicolons or commas, as clerks copy them from a letter's distribution list.

A comma can also belong to a name ("ພະແນກຖະແຫຼງຂ່າວ, ວັດທະນະທຳ ແລະ ທ່ອງທ່ຽວແຂວງ"): pieces
between commas are joined again where together they make a name the directory knows.
"""

import re
from collections.abc import Iterable

from oc_desktop.laotext import identity_key

_STRONG = re.compile(r"[;\n\r]+")


def split_names(text: str, known: Iterable[str] = ()) -> list[str]:
    """The names in ``text``, in order, without blanks; ``known`` are the directory's
    names, whose own commas are kept."""
    keys = {identity_key(name) for name in known}
    names: list[str] = []
    for part in _STRONG.split(text):
        pieces = [piece.strip() for piece in part.split(",")]
        start = 0
        while start < len(pieces):
            end = next(
                (
                    end
                    for end in range(len(pieces), start + 1, -1)
                    if identity_key(", ".join(pieces[start:end])) in keys
                ),
                start + 1,
            )
            name = ", ".join(pieces[start:end]).strip()
            if name:
                names.append(name)
            start = end
    return names

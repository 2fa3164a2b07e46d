"""Lao dictionary order.

Lao writes the vowels ເ ແ ໂ ໄ ໃ before the consonant they follow in speech, so a
code-point sort files ເອກະສານ under ເ. The Unicode Collation Algorithm (DUCET has
contractions for these pairs) sorts by the consonant, as a Lao dictionary does. Text is
put in canonical spelling first, so look-alike spellings sort together.
"""

import struct
import unicodedata
from functools import lru_cache

from pyuca import Collator

from oc_desktop.laotext.spelling import canonical


@lru_cache(maxsize=1)
def _collator() -> Collator:
    return Collator()


def sort_key(text: str) -> bytes:
    """Bytes that compare as the strings do in Lao dictionary order.

    Bytes (not a tuple) so the key can be stored in an indexed SQLite column and
    sorted there with plain memcmp order.
    """
    weights = _collator().sort_key(canonical(text))
    return struct.pack(f">{len(weights)}H", *weights)  # each weight in two bytes


INDEX_KEY_BYTES = 64


#: characters of a long text collated for its index key: enough for the key's weights
#: and a margin, so a subject of a hundred letters is not collated whole for 32 of them
_HEAD = 64
_MARGIN = 8  # weights from the last letters of a cut text, which the cut may change


@lru_cache(maxsize=4096)
def index_sort_key(text: str) -> bytes:
    """The start of ``sort_key``: the primary weights of about the first 32 letters.

    Short enough to index a million subjects; rows equal that far are ordered by id.
    A long text's key is made from its first letters alone when they give the key's
    weights with a margin to spare (the same bytes: the key starts with the primary
    weights, in the text's order); otherwise from the whole text.
    """
    spelled = canonical(text)
    wanted = INDEX_KEY_BYTES // 2
    if len(spelled) > _HEAD:
        collator = _collator()
        head = collator.collation_elements(unicodedata.normalize("NFD", spelled[:_HEAD]))
        primary = [element[0] for element in head if element and element[0]]
        if len(primary) >= wanted + _MARGIN:
            return struct.pack(f">{wanted}H", *primary[:wanted])
    return sort_key(text)[:INDEX_KEY_BYTES]

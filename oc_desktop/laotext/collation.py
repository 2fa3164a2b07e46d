"""Lao dictionary order.

Lao writes the vowels ເ ແ ໂ ໄ ໃ before the consonant they follow in speech, so a
code-point sort files ເອກະສານ under ເ. The Unicode Collation Algorithm (DUCET has
contractions for these pairs) sorts by the consonant, as a Lao dictionary does. Text is
put in canonical spelling first, so look-alike spellings sort together.
"""

import struct
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


@lru_cache(maxsize=4096)
def index_sort_key(text: str) -> bytes:
    """The start of ``sort_key``: the primary weights of about the first 32 letters.

    Short enough to index a million subjects; rows equal that far are ordered by id.
    """
    return sort_key(text)[:INDEX_KEY_BYTES]

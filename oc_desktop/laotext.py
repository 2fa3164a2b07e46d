"""Lao text handling shared by every section: dictionary order, search keys, digits.

Lao writes the vowels ເ ແ ໂ ໄ ໃ before the consonant they follow in speech, so a
code-point sort files ເອກະສານ under ເ. The Unicode Collation Algorithm (DUCET has
contractions for these pairs) sorts by the consonant, as a Lao dictionary does.
"""

import re
import unicodedata
from functools import lru_cache

from pyuca import Collator

LAO_DIGITS = "໐໑໒໓໔໕໖໗໘໙"
ARABIC_DIGITS = "0123456789"
_TO_ARABIC = str.maketrans(LAO_DIGITS, ARABIC_DIGITS)
_TO_LAO = str.maketrans(ARABIC_DIGITS, LAO_DIGITS)
# C0/C1 controls and the bidi/format marks that sneak in with pasted text; keep \n and \t.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
)
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _collator() -> Collator:
    return Collator()


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def to_lao_digits(text: str) -> str:
    return text.translate(_TO_LAO)


def clean(text: str) -> str:
    """What a typed or pasted value is stored as: NFC, no control characters, trimmed."""
    return unicodedata.normalize("NFC", _CONTROL.sub("", text)).strip()


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL.search(text.replace("\r\n", "\n").replace("\r", "\n")))


def search_key(text: str) -> str:
    """A form in which a fragment matches whatever way it was typed.

    NFKC folds ໜ/ຫນ, ໝ/ຫມ and ຳ/ໍາ together; digits become Arabic; case and runs of
    white space are folded. Apply it to both the stored text and the query.
    """
    folded = unicodedata.normalize("NFKC", _CONTROL.sub("", text)).casefold()
    return _SPACES.sub(" ", to_arabic_digits(folded)).strip()


def sort_key(text: str) -> bytes:
    """Bytes that compare as the strings do in Lao dictionary order.

    Bytes (not a tuple) so the key can be stored in an indexed SQLite column and
    sorted there with plain memcmp order.
    """
    weights = _collator().sort_key(unicodedata.normalize("NFC", text))
    return b"".join(w.to_bytes(2, "big") for w in weights)


INDEX_KEY_BYTES = 64


@lru_cache(maxsize=4096)
def index_sort_key(text: str) -> bytes:
    """The start of ``sort_key``: the primary weights of about the first 32 letters.

    Short enough to index a million subjects; rows equal that far are ordered by id.
    """
    return sort_key(text)[:INDEX_KEY_BYTES]

"""Lao dictionary order, as CLDR's Lao collation has it.

Lao writes the vowels ເ ແ ໂ ໄ ໃ before the consonant they follow in speech, so a
code-point sort files ເອກະສານ under ເ. The Unicode Collation Algorithm (DUCET has
contractions for these pairs) sorts by the consonant, as a Lao dictionary does. On top
of DUCET, as CLDR's Lao tailoring does:

- Lao letters come before Latin ones (CLDR reorders the Lao script first), so
  ``ກົມ…`` files before ``Vientiane Times``;
- the Pali letters (ຆ ຉ ຌ …, newer than our DUCET) sit beside their neighbours;
- look-alike spellings (ຫຼ/ຫລ, ນ້ຳ/ນໍ້າ, ໜ/ຫນ, ເເ/ແ, a zero-width space) are one, being
  folded first the way search folds them;
- numbers sort as numbers (9, 10, 201, 1265, ໑໒), each run of digits led by its length.
"""

import re
import struct
import unicodedata
from functools import lru_cache

from pyuca import Collator

from oc_desktop.laotext.spelling import fold

#: Lao letters in dictionary order: DUCET's, with the Pali letters where CLDR puts them
LAO_ORDER = "ໞກຂຄຆງຈຉສຊໟຌຍຎຏຐຑຒຓດຕຖທຘນບປຜຝພຟຠມຢຣລວຨຩຫຬອຮຯະັາຳິີຶື຺ຸູົຼຽເແໂໃໄ"
_PREFIXED = "ເແໂໃໄ"
_PALI = "ຆຉຌຎຏຐຑຒຓຘຠຨຩຬ"
_DIGITS = re.compile(r"[0-9]+")
_WORDS = re.compile(r"\s+|\S+")


def _numeric(match: re.Match) -> str:
    """A run of digits led by its length, so a shorter number sorts first: 9 < 10.

    Lengths 1–8 are one digit; longer ones a 9 and the rest, so no code is the start of
    another (8 < 91 < 92 … < 98 < 991)."""
    digits = match.group().lstrip("0") or "0"
    length, code = len(digits), ""
    while length > 8:
        code, length = code + "9", length - 8
    return code + str(length) + digits


class _LaoCollator:
    """pyuca's DUCET with the Lao tailoring: Lao primaries renumbered first of all letters."""

    def __init__(self) -> None:
        self.collator = Collator()
        table = self.collator.table
        # the Pali letters get stand-in primaries (negative: DUCET has none) ...
        for n, letter in enumerate(_PALI + "\u0eba"):
            element = [-(n + 1), 32, 2]
            table.add([ord(letter)], [element])
            for vowel in _PREFIXED:  # ... and the vowel-consonant swap DUCET does for Lao
                table.add([ord(vowel), ord(letter)], [element, self._element(vowel)])
        self.first = self._element("a")[0]  # where letters (Latin first in DUCET) begin
        ranks = {self._element(letter)[0]: n for n, letter in enumerate(LAO_ORDER)}
        self.lao = {weight: self.first + rank for weight, rank in ranks.items()}
        self.shift = len(LAO_ORDER)

    def _element(self, character: str) -> list[int]:
        return self.collator.collation_elements(character)[0]

    def _primary(self, weight: int) -> int:
        found = self.lao.get(weight)
        if found is not None:
            return found
        return weight + self.shift if weight >= self.first else weight

    @lru_cache(maxsize=65536)  # noqa: B019 (one collator for the program's life)
    def _word(self, word: str) -> tuple[bytes, bytes, bytes]:
        """One word's weights, level by level, as bytes."""
        levels: tuple[list[int], list[int], list[int]] = ([], [], [])
        for element in self.collator.collation_elements(word):
            for level, weight in zip(levels, element[:3], strict=False):
                if weight:
                    level.append(weight)
        levels[0][:] = [self._primary(w) for w in levels[0]]
        return tuple(struct.pack(f">{len(w)}H", *w) for w in levels)

    def key(self, text: str) -> tuple[bytes, bytes, bytes]:
        """The primary, secondary and tertiary weights of ``text`` (in NFD), as bytes.

        Word by word (no contraction spans a space), each word's weights remembered: a
        register repeats its words, and pyuca is slow."""
        words = [self._word(w) for w in _WORDS.findall(text)]
        return tuple(b"".join(w[level] for w in words) for level in range(3))


@lru_cache(maxsize=1)
def _collator() -> _LaoCollator:
    return _LaoCollator()


def _levels(text: str) -> tuple[bytes, bytes]:
    """The primary level's bytes, and the rest (secondary, tertiary) after separators."""
    prepared = unicodedata.normalize("NFD", _DIGITS.sub(_numeric, fold(text)))
    primary, secondary, tertiary = _collator().key(prepared)
    return primary, b"\0\0" + secondary + b"\0\0" + tertiary


def sort_key(text: str) -> bytes:
    """Bytes that compare as the strings do in Lao dictionary order.

    Bytes (not a tuple) so the key can be stored in an indexed SQLite column and
    sorted there with plain memcmp order.
    """
    primary, rest = _levels(text)
    return primary + rest


INDEX_KEY_BYTES = 64


@lru_cache(maxsize=4096)
def index_sort_key(text: str) -> bytes:
    """``sort_key`` as stored in an index: every letter of the text counts (the whole
    primary level), accents and tones only as far as ``INDEX_KEY_BYTES`` allows.

    A short text keeps its whole key; a subject of 300 letters keeps 600 bytes.
    """
    primary, rest = _levels(text)
    return (primary + rest)[: max(INDEX_KEY_BYTES, len(primary) + 2)]

"""Lao spellings that look alike: one canonical order to store, one key to compare.

A clerk cannot see the difference between a tone mark typed before or after its vowel
(ທ່ີ, ທີ່), ແ and ເເ, ນ້ຳ and ນໍ້າ, ຫຼ and ຫລ, ໜ and ຫນ, or a pasted zero-width space. What
is stored is what was typed with its marks put in one order (``canonical``); what is
compared is a key that folds the rest (``identity_key`` and ``search_key``).
"""

import re
import unicodedata

LAO_DIGITS = "໐໑໒໓໔໕໖໗໘໙"
ARABIC_DIGITS = "0123456789"
_TO_ARABIC = str.maketrans(LAO_DIGITS, ARABIC_DIGITS)
_TO_LAO = str.maketrans(ARABIC_DIGITS, LAO_DIGITS)

# C0/C1 controls a form refuses (keep \n and \t).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Invisible format characters that come with pasted text: removed, never refused.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_INVISIBLE_OR_CONTROL = re.compile(f"{_CONTROL.pattern}|{_INVISIBLE.pattern}")

# Where a mark goes in the run of marks after a consonant: the subscript ຼ first, then
# vowels above and below (and ໍ), then tone marks and the cancellation mark.
_SUBSCRIPT_LO = "\u0ebc"
_VOWEL_MARKS = "\u0eb1\u0eb4\u0eb5\u0eb6\u0eb7\u0eb8\u0eb9\u0eba\u0ebb\u0ecd"
_TONE_MARKS = "\u0ec8\u0ec9\u0eca\u0ecb\u0ecc\u0ece"
_RANK = {_SUBSCRIPT_LO: 0} | dict.fromkeys(_VOWEL_MARKS, 1) | dict.fromkeys(_TONE_MARKS, 2)
_MARK_RUN = re.compile(f"[{_SUBSCRIPT_LO}{_VOWEL_MARKS}{_TONE_MARKS}]{{2,}}")
_AM = "\u0eb3"  # ຳ: a tone mark goes before it (ນ້ຳ), never after (ນຳ້)
_TONE_AFTER_AM = re.compile(f"{_AM}([{_TONE_MARKS}]+)")
_E_TWICE = "\u0ec0\u0ec0"  # ເເ typed for ແ
_AE = "\u0ec1"

_SPACES = re.compile(r"\s+")
#: joins the fields of one record in an index: no key holds it, so a searched
#: fragment never runs from one field into the next
FIELD_SEPARATOR = "\n"


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def to_lao_digits(text: str) -> str:
    return text.translate(_TO_LAO)


def _order_run(match: re.Match) -> str:
    marks = sorted(match.group(), key=_RANK.__getitem__)  # stable: typed order within a rank
    kept = [m for i, m in enumerate(marks) if i == 0 or m != marks[i - 1]]
    return "".join(kept)


def order_marks(text: str) -> str:
    """Marks in one order: ຼ, then vowel marks, then tone marks; a mark typed twice once."""
    text = _MARK_RUN.sub(_order_run, text)
    return _TONE_AFTER_AM.sub(lambda m: m.group(1) + _AM, text)


def canonical(text: str) -> str:
    """What a typed or pasted value is stored as: NFC, marks in order, ເເ as ແ, no
    control or invisible characters, trimmed. It looks exactly as typed."""
    text = _INVISIBLE_OR_CONTROL.sub("", text)
    text = order_marks(unicodedata.normalize("NFC", text)).replace(_E_TWICE, _AE)
    return unicodedata.normalize("NFC", text).strip()


def has_control_characters(text: str) -> bool:
    """Control characters a form refuses (invisible format characters are just removed)."""
    return bool(_CONTROL.search(text.replace("\r\n", "\n").replace("\r", "\n")))


_HAS_LAO_DIGIT = re.compile(f"[{LAO_DIGITS}]")


def _fold(text: str) -> str:
    """Look-alikes as one: NFKC (ໜ→ຫນ, ໝ→ຫມ, ຳ→ໍາ), marks in order (ນ້ຳ = ນໍ້າ), ຼ→ລ,
    ເເ→ແ, Arabic digits, case folded."""
    text = _INVISIBLE_OR_CONTROL.sub("", text)
    if text.isascii():
        return text.casefold()
    if _AM in text:  # a tone typed after ຳ goes before it, while ຳ is still one letter
        text = _TONE_AFTER_AM.sub(lambda m: m.group(1) + _AM, text)
    text = unicodedata.normalize("NFKC", text)
    if _E_TWICE in text:
        text = text.replace(_E_TWICE, _AE)
    text = _MARK_RUN.sub(_order_run, text).replace(_SUBSCRIPT_LO, "ລ")
    if _HAS_LAO_DIGIT.search(text):  # (translate walks every letter: only when needed)
        text = to_arabic_digits(text)
    return text.casefold()


def fold(text: str) -> str:
    """The text with look-alike spellings made one (what search, identity and sort
    keys are made from); not for storing or showing."""
    return _fold(text)


def _is_lao(character: str) -> bool:
    return "\u0e80" <= character <= "\u0eff"


def search_key(text: str) -> str:
    """The form in which a fragment matches however it was typed or spaced.

    Apply it to each field stored for search and to each word searched for. Spaces
    next to Lao letters are dropped, other runs of white space become one space.
    """
    words = _fold(text).split()
    if not words:
        return ""
    joined = [words[0]]
    for word in words[1:]:
        if not (_is_lao(joined[-1][-1]) or _is_lao(word[0])):
            joined.append(" ")
        joined.append(word)
    return "".join(joined)


def identity_key(text: str) -> str:
    """Whether two names or numbers are the same to a clerk: ``search_key`` without any
    space, so ``ກົມ ການເມືອງ`` and ``ກົມການເມືອງ``, ``12 / ກຊ`` and ``12/ກຊ`` are one."""
    return _SPACES.sub("", _fold(text))


def search_words(text: str) -> list[str]:
    """The words of a search box, each keyed: an entry must hold every one of them, in
    any field and any order. Spaces split words (``ກ່ຽວກັບ ການ`` finds ``ກ່ຽວກັບການ``)."""
    words: list[str] = []
    for word in _SPACES.split(text):
        key = search_key(word)
        if key and key not in words:
            words.append(key)
    return words


def index_text(fields: list[str]) -> str:
    """One record's fields keyed for a trigram index, kept apart by ``FIELD_SEPARATOR``."""
    return FIELD_SEPARATOR.join(k for k in (search_key(f) for f in fields if f) if k)

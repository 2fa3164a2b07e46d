"""Where a line of Lao (or mixed) text may break, found by rules, without a dictionary.

Lao writes no spaces between words, so a line may break between syllables. A syllable is
found from what cannot be anything else (modern orthography: every syllable writes its
vowel, and only ຫ + a sonorant, or a consonant + ວ ລ ຣ, form a cluster):

1. before a prefixed vowel ເ ແ ໂ ໄ ໃ (it always opens a syllable);
2. after ະ, ຳ, ໆ and ຯ (they always close one);
3. before a consonant followed by a vowel sign, tone mark or ະ າ ຳ ຽ: it is an onset,
   unless it is the second letter of a cluster. ວ ລ ຣ only count as an onset after a
   vowel sign proper (not after a tone mark: ຄ້ວາ) or after a consonant that surely
   closes its syllable (ການ|ວາງ, but ຄວາມ and ຫຼາຍ|ກວ່າ keep ກວ together);
4. before a consonant followed by ອ ວ ລ ຣ (ສອນ, ກວ່າ) or ຫ + sonorant, when the letter
   before it surely closes its syllable, or after a vowel sign when it cannot be a final
   itself (ທີ່|ຂອງ; but ມາກວ່າ stays whole: ມາກ|ວ່າ or ມາ|ກວ່າ?).

A consonant surely closes its syllable after a vowel sign (ການ, ລາວ; but ອ never does,
and ວ after a tone mark or ົ ັ is a vowel letter: ດ້ວຍ, ຕົວ), or as a final letter after
ເ ແ ໂ + consonant (ເລກ, ແຜນ). ໄ ໃ + consonant is a whole syllable (ໃນ|ຄວາມ).

Where these rules cannot tell, no break is offered: a missed break makes a line a little
shorter, a wrong one would split a syllable. Nothing ever breaks inside a grapheme cluster
(a letter with its vowel signs and tone marks) nor before ະ າ ຳ ຽ ໆ.

These rules find syllables; lines end between words, found with the word list over the
syllables (``words``). Other text breaks after spaces, after - , ; : ) between letters,
and never inside numbers such as 11.12.2023 or 49/ຄປພຂ. A word wider than its cell is
cut between syllables or after a date's or number's separators (``fallback_breaks``),
and only as the last resort between any two letters (``cluster_boundaries``).
"""

import unicodedata
from functools import lru_cache

PREFIXED_VOWELS = frozenset("ເແໂໄໃ")
CLOSING = frozenset("ະຳໆຯ")
FOLLOWING_VOWELS = frozenset("ະາຳຽ")
CANCEL_MARK = "໌"  # on a silent final consonant (ໂຟລ໌): that consonant is no onset
LAO_MARKS = frozenset("ັິີຶື຺ຸູົຼ່້໊໋໌ໍ")
SONORANTS = frozenset("ງຍນມລວຣ")
CLUSTER_SECONDS = frozenset("ວລຣ")
FINALS = frozenset("ກງດນບມຍວ")
VOWEL_SIGNS = frozenset("ິີຶືຸູໍະາຳຽ")  # vowels proper: not ົ ັ (they need a final), no tones
VOWELS_BEFORE_FINAL_WO = frozenset("າິີຶືຸູຽ")  # ລາວ, ຫິວ, ຂຽວ
LAO_CONSONANTS = frozenset(
    chr(c) for c in range(0x0E81, 0x0EAF) if unicodedata.category(chr(c)) == "Lo"
) | frozenset("ໜໝໞໟ")
BREAK_AFTER_PUNCTUATION = frozenset("-,;:)!?")
ATTACHES_LEFT = FOLLOWING_VOWELS | frozenset("ໆຯ") | frozenset(",.;:)!?%")


@lru_cache(maxsize=4096)
def is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me", "Mc") or ch in "\u200d\ufe0e\ufe0f"


def _joins_previous(ch: str) -> bool:
    return ch == "ຳ" or is_mark(ch)


def cluster_boundaries(text: str) -> list[int]:
    """Indices where a grapheme cluster starts (0 excluded), text length excluded.

    A cluster is a letter with the combining marks after it; Lao ຳ joins the letter
    before it as well (Unicode puts it among the spacing marks of grapheme clusters).
    """
    return [i for i in range(1, len(text)) if not _joins_previous(text[i])]


def _vowelish(ch: str) -> bool:
    return ch in LAO_MARKS or ch in FOLLOWING_VOWELS


def _cluster(first: str, second: str) -> bool:
    """Two consonants read as one onset (ຫຼ-like ຫ + sonorant, or ກວ, ຂວ, ປລ...)."""
    return (first == "ຫ" and second in SONORANTS) or second in CLUSTER_SECONDS


def _clear_final(text: str, j: int) -> bool:
    """text[j] is surely a consonant that closes its syllable.

    After a vowel sign (ການ, ລາວ) or after a consonant that follows ເ ແ ໂ (ເລກ, ແຜນ).
    Only ກ ງ ດ ນ ບ ມ ຍ ວ close a syllable (ຫ, ອ never do), and ວ after a tone mark
    or ົ ັ is a vowel letter (ດ້ວຍ, ຕົວ).
    """
    if j < 1 or text[j] not in FINALS:
        return False
    before = text[j - 1]
    if _vowelish(before):
        return text[j] != "ວ" or before in VOWELS_BEFORE_FINAL_WO
    return (
        j >= 2
        and text[j - 2] in "ເແໂ"
        and before in LAO_CONSONANTS
        and not _cluster(before, text[j])
    )


def _lao_break(text: str, i: int) -> bool:
    """The numbered rules for a break between text[i-1] and text[i], both Lao."""
    prev, cur = text[i - 1], text[i]
    after = text[i + 1] if i + 1 < len(text) else ""
    if prev in PREFIXED_VOWELS or cur in LAO_MARKS or cur in ATTACHES_LEFT:
        return False
    if cur in PREFIXED_VOWELS or prev in CLOSING:
        return True
    if cur not in LAO_CONSONANTS:
        return False
    if (after in LAO_MARKS and after != CANCEL_MARK) or after in FOLLOWING_VOWELS:
        # rule 3: cur is an onset
        if prev in LAO_CONSONANTS:
            if cur in CLUSTER_SECONDS:
                return _clear_final(text, i - 1)
            return not _cluster(prev, cur)
        if cur in CLUSTER_SECONDS:
            return prev in VOWEL_SIGNS
        return _vowelish(prev)
    if after in "ອວລຣ" or (cur == "ຫ" and after in SONORANTS):
        # rule 4: cur opens a syllable spelt with a vowel letter or a cluster
        if prev in LAO_CONSONANTS:
            return _clear_final(text, i - 1) or (
                i >= 2 and text[i - 2] in "ໄໃ" and not _cluster(prev, cur)
            )
        return prev in VOWEL_SIGNS and cur not in FINALS
    return False


def _is_lao(ch: str) -> bool:
    return "\u0e80" <= ch <= "\u0eff" and not ("\u0ed0" <= ch <= "\u0ed9")


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM"


def _may_end_word(run: str, j: int) -> bool:
    """A word may end before run[j]: not inside a letter with its marks, not before a
    vowel that follows its consonant (ະ າ ຳ ຽ) nor before ໆ."""
    return not _joins_previous(run[j]) and run[j] not in ATTACHES_LEFT


def _lao_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of Lao letters and marks (Lao digits not included)."""
    runs, start = [], None
    for i, ch in enumerate(text):
        if _is_lao(ch):
            if start is None:
                start = i
        elif start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(text)))
    return runs


def _is_abbreviation(run: str) -> bool:
    """Consonants only (ຄປພຂ, ກຊ): every Lao word writes a vowel, an abbreviation none."""
    return all(ch in LAO_CONSONANTS for ch in run)


def syllable_breaks(run: str) -> tuple[int, ...]:
    """Where the rules above end a syllable inside a run of Lao letters."""
    return tuple(i for i in range(1, len(run)) if _lao_break(run, i))


def _other_break(text: str, i: int) -> bool:
    """Breaks outside Lao words: after spaces, after - , ; : ) between letters."""
    prev, cur = text[i - 1], text[i]
    if prev in " \t\u200b":
        return True
    return (
        prev in BREAK_AFTER_PUNCTUATION
        and _is_letter(cur)
        and i >= 2
        and (_is_letter(text[i - 2]) or text[i - 2] == ")")
    )


def break_opportunities(text: str) -> list[int]:
    """Indices i (0 < i < len) where a line may end before text[i]: between words.

    Lao words are found with the word list (``words.word_ends``); a name the list does
    not hold breaks between its syllables."""
    from oc_desktop.printing.words import word_ends

    result = set()
    for start, end in _lao_runs(text):
        run = text[start:end]
        if _is_abbreviation(run):
            continue  # ຄປພຂ, ກຊ: one piece
        ends = word_ends(run, syllable_breaks(run), _may_end_word)
        result.update(start + e for e in ends)
    for i in range(1, len(text)):
        cur = text[i]
        if not (cur.isspace() or is_mark(cur)) and _other_break(text, i):
            result.add(i)
    return sorted(result)


def syllable_opportunities(text: str) -> list[int]:
    """Breaks by the rules alone: between Lao syllables, and as ``break_opportunities``
    elsewhere (what lines broke at before the word list)."""
    result = set()
    for start, end in _lao_runs(text):
        result.update(start + b for b in syllable_breaks(text[start:end]))
    for i in range(1, len(text)):
        cur = text[i]
        if not (cur.isspace() or is_mark(cur)) and _other_break(text, i):
            result.add(i)
    return sorted(result)


SEPARATORS = frozenset("./-")


def fallback_breaks(text: str) -> list[int]:
    """Where a word wider than its cell is cut before a cut between any two letters:
    between its Lao syllables, and after the separators of a date or a number
    (11.12.|2023, 1234/|ຄປພຂ)."""
    from oc_desktop.printing.words import words_from

    result = set()
    for start, end in _lao_runs(text):
        run = text[start:end]
        if _is_abbreviation(run):
            continue
        syllables = syllable_breaks(run)
        ends = words_from(run, (0, *syllables), _may_end_word)  # ເຄື່ອງ|ຖວາຍ
        result.update(start + b for b in (*syllables, *ends))
    for i in range(1, len(text) - 1):
        if text[i - 1] in SEPARATORS and not text[i].isspace() and not is_mark(text[i]):
            result.add(i)
    return sorted(result)

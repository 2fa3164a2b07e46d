"""Where Lao words end, found with a dictionary: Lao writes no spaces between words.

The shipped word list (resources/words, 30,549 words of LibreOffice's Lao dictionary) is
matched over each run of Lao letters: of all ways to cut the run into listed words and
syllables that are not in the list, the one with the fewest letters outside listed words,
then the fewest pieces, is taken (maximal matching, solved exactly). Syllables come from
the rules of ``breaks``; so a name not in the list still breaks between its syllables,
and ເຄື່ອງຖວາຍ breaks as ເຄື່ອງ|ຖວາຍ, never ເຄື່ອງຖວ|າຍ.
"""

import lzma
from collections.abc import Callable
from functools import cache, lru_cache

from oc_desktop.paths import WORDS_DIR

WORD_LIST = WORDS_DIR / "lao-words.txt.xz"


@cache
def lao_words() -> frozenset[str]:
    """The word list, read once (about 40 ms)."""
    return frozenset(lzma.decompress(WORD_LIST.read_bytes()).decode("utf-8").split("\n"))


@cache
def _longest() -> int:
    return max(map(len, lao_words()))


@lru_cache(maxsize=65536)
def word_ends(run: str, syllables: tuple[int, ...], may_end: Callable[[str, int], bool]) -> tuple:
    """Where the words of ``run`` (Lao letters only) end, 0 and len(run) excluded.

    ``syllables`` are the syllable breaks the rules found; ``may_end(run, j)`` says
    whether a word may end before run[j] (not inside a letter with its marks)."""
    words, longest, n = lao_words(), _longest(), len(run)
    stops = [*syllables, n]
    # best[i]: (letters outside listed words, pieces, previous cut) for run[:i]
    best: list[tuple[int, int, int] | None] = [None] * (n + 1)
    best[0] = (0, 0, -1)
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        unknown, pieces, _ = here
        for j in range(i + 1, min(n, i + longest) + 1):
            if (j == n or may_end(run, j)) and run[i:j] in words:
                _offer(best, j, (unknown, pieces + 1, i))
        following = next(s for s in stops if s > i)  # a syllable not in the list
        _offer(best, following, (unknown + following - i, pieces + 1, i))
    cuts, at = [], n
    while at > 0:
        at = best[at][2]
        if at > 0:
            cuts.append(at)
    return tuple(reversed(cuts))


def words_from(run: str, starts: tuple[int, ...], may_end: Callable[[str, int], bool]) -> set:
    """Where a listed word of two letters or more that starts at one of ``starts`` ends
    and another begins: where a word too wide for its cell is best cut (ເຄື່ອງ|ຖວາຍ)."""
    words, longest, n = lao_words(), _longest(), len(run)

    def word_at(i: int, last: int) -> list[int]:
        ends = range(i + 2, min(last, i + longest) + 1)
        return [j for j in ends if (j == n or may_end(run, j)) and run[i:j] in words]

    return {j for i in starts for j in word_at(i, n - 1) if word_at(j, n)}


def _offer(best: list, j: int, candidate: tuple[int, int, int]) -> None:
    if best[j] is None or candidate[:2] < best[j][:2]:
        best[j] = candidate

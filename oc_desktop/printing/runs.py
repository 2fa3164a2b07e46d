"""Cut a string into runs, each set in a face that has all of its glyphs.

The rule, so that the same text always looks the same:
- Lao letters and marks are set in the Lao face (Phetsarath), the few it lacks (Pali
  letters) in Noto Looped Lao; other letters (Latin) in Noto Sans.
- Digits, spaces and punctuation belong to the letters before them (the first letters
  of the string when none come before; the Lao face when the string has no letters).
  So `ເລກທີ 49/ຄປພຂ` and `ວັນທີ 11.12.2023` are one Phetsarath run, Phetsarath's own
  digits included, while `Smith, 1990` stays in Noto Sans.
- A grapheme cluster (a letter with its marks) is never split between faces: it goes to
  the first face of its script's list that has every character of it; signs no other
  face has (→, №, ✓) come from the last resort, DejaVu Sans.
"""

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from oc_desktop.printing.breaks import cluster_boundaries
from oc_desktop.printing.fonts import Family, PdfFont

LAO, OTHER, NEUTRAL = "lao", "other", "neutral"


@dataclass(frozen=True, slots=True)
class Run:
    start: int
    end: int
    font: PdfFont


def _script(cluster: str) -> str:
    first = cluster[0]
    if "\u0e80" <= first <= "\u0eff" and unicodedata.category(first)[0] in "LM":
        return LAO
    if unicodedata.category(first)[0] in "LM":
        return OTHER
    return NEUTRAL


def _resolve(scripts: list[str]) -> list[str]:
    """Give each neutral cluster the script of the letters before it (or after it)."""
    resolved, last = [], None
    for script in scripts:
        if script != NEUTRAL:
            last = script
        resolved.append(last if script == NEUTRAL else script)
    following = next((s for s in scripts if s != NEUTRAL), LAO)
    return [s if s is not None else following for s in resolved]


def _face(cluster: str, script: str, family: Family) -> PdfFont:
    order = (
        family.faces
        if script == LAO
        else (family.latin, family.lao, family.lao_fallback, family.symbols)
    )
    for font in order:
        if font.has(cluster):
            return font
    return order[0]  # nothing has it: it prints as the first face's missing-glyph box


def font_runs(text: str, family: Family) -> tuple[Run, ...]:
    """Runs covering ``text`` end to end, adjacent runs in different faces."""
    return _font_runs(text, family)


@lru_cache(maxsize=65536)
def _font_runs(text: str, family: Family) -> tuple[Run, ...]:
    if not text:
        return ()
    if family.lao.characters.issuperset(text):
        return (Run(0, len(text), family.lao),)  # the usual case: Lao, digits, punctuation
    edges = [0, *cluster_boundaries(text), len(text)]
    clusters = [(a, b) for a, b in zip(edges, edges[1:], strict=False)]
    scripts = _resolve([_script(text[a:b]) for a, b in clusters])
    runs: list[Run] = []
    for (a, b), script in zip(clusters, scripts, strict=True):
        font = _face(text[a:b], script, family)
        if runs and runs[-1].font is font:
            runs[-1] = Run(runs[-1].start, b, font)
        else:
            runs.append(Run(a, b, font))
    return tuple(runs)

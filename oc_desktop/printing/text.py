"""Lines of shaped text: measure a string, and wrap a paragraph into a width.

Widths are the sums of HarfBuzz's advances. A paragraph is shaped run by run to find
where each break opportunity falls; a line that is chosen is shaped again on its own (as
it will be drawn) and only kept if that shaping fits too, so a line never runs out of
its box. A word wider than the box is cut between grapheme clusters, never inside one.
"""

from dataclasses import dataclass
from functools import lru_cache

from oc_desktop.printing.breaks import (
    break_opportunities,
    cluster_boundaries,
    fallback_breaks,
)
from oc_desktop.printing.fonts import Family, PdfFont, family
from oc_desktop.printing.runs import font_runs
from oc_desktop.printing.shaping import Shaped, advances_by_character, cluster_starts, shape

_EPSILON = 1e-6


@dataclass(frozen=True)
class TextStyle:
    size: float = 12.0
    bold: bool = False
    leading: float | None = None  # baseline to baseline; 1.6 x size by default (stacked marks)

    @property
    def family(self) -> Family:
        return family(self.bold)

    @property
    def line_height(self) -> float:
        return self.leading if self.leading is not None else self.size * 1.6

    def baseline(self, top: float) -> float:
        """The baseline of a line whose box starts at ``top``: room above for a tone mark
        on a vowel sign, 0.45 em below for ຸ ູ ຼ."""
        return top - self.line_height + 0.45 * self.size


@dataclass(frozen=True, slots=True)
class Piece:
    """One run of a line, shaped, at ``x`` from the line's start."""

    shaped: Shaped
    size: float
    x: float

    @property
    def font(self) -> PdfFont:
        return self.shaped.font

    @property
    def text(self) -> str:
        return self.shaped.text


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    pieces: tuple[Piece, ...]
    width: float


@lru_cache(maxsize=65536)
def layout_line(text: str, style: TextStyle) -> Line:
    """One line, no wrapping: runs shaped and placed one after the other."""
    text = style.family.printable(text)
    pieces, x = [], 0.0
    for run in font_runs(text, style.family):
        shaped = shape(run.font, text[run.start : run.end])
        pieces.append(Piece(shaped, style.size, x))
        x += shaped.width(style.size)
    return Line(text, tuple(pieces), x)


def clear_caches() -> None:
    """Forget every shaped run and laid out line (for a cold measurement)."""
    from oc_desktop.printing import runs, shaping

    shaping._shape.cache_clear()
    runs._font_runs.cache_clear()
    layout_line.cache_clear()


def measure(text: str, style: TextStyle) -> float:
    return layout_line(text, style).width


def _character_widths(text: str, style: TextStyle) -> tuple[list[float], set[int]]:
    """Each character's advance in points, and where shaping allows a cut."""
    widths: list[float] = []
    cuttable: set[int] = set()
    for run in font_runs(text, style.family):
        shaped = shape(run.font, text[run.start : run.end])
        scale = style.size / run.font.upem
        widths.extend(a * scale for a in advances_by_character(shaped))
        cuttable.update(run.start + c for c in cluster_starts(shaped))
    return widths, cuttable


def wrap(text: str, style: TextStyle, width: float, first_indent: float = 0.0) -> list[Line]:
    """The lines of a text in a box ``width`` points wide; newlines start new paragraphs,
    whose first line is ``first_indent`` narrower."""
    text = style.family.printable(text)
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph.strip(), style, width, first_indent))
    return lines


def _wrap_paragraph(text: str, style: TextStyle, width: float, indent: float) -> list[Line]:
    if not text:
        return [Line("", (), 0.0)]
    widths, cuttable = _character_widths(text, style)
    breaks = [b for b in break_opportunities(text) if b in cuttable]
    cuts = (
        [b for b in fallback_breaks(text) if b in cuttable],
        [b for b in cluster_boundaries(text) if b in cuttable],
    )
    lines, start = [], 0
    while start < len(text):
        room = width - indent if not lines else width
        end = _fit(text, widths, start, breaks, cuts, room, style)
        lines.append(layout_line(text[start:end].rstrip(), style))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    return lines


def _fit(text, widths, start, breaks, cuts, width, style) -> int:
    """The end of the longest line from ``start`` that fits, preferring word ends."""
    ends = [b for b in breaks if b > start] + [len(text)]
    chosen = _longest_fitting(text, widths, start, ends, width, style)
    for cut in cuts:  # one word wider than the box: between syllables, then clusters
        if chosen is not None:
            break
        ends = [b for b in cut if b > start] + [len(text)]
        chosen = _longest_fitting(text, widths, start, ends, width, style)
    if chosen is None:  # not even one cluster fits: it goes alone on its line
        chosen = ends[0]
    return chosen


def _longest_fitting(text, widths, start, ends, width, style) -> int | None:
    """Greedy over the paragraph's advances, then checked against the line's own shaping."""
    best, total, position = None, 0.0, start
    for end in ends:
        total += sum(widths[position:end])
        position = end
        trailing = len(text[start:end]) - len(text[start:end].rstrip())
        visible = total - sum(widths[end - trailing : end])
        if visible > width + _EPSILON:
            break
        best = end
    while best is not None and measure(text[start:best].rstrip(), style) > width + _EPSILON:
        earlier = [e for e in ends if start < e < best]
        best = earlier[-1] if earlier else None
    return best

"""HarfBuzz shaping of one run of text in one font: the glyphs and where they go.

This is what Qt does on screen, and what the PDF must hold: the same glyph ids, the same
advances and offsets. A run is shaped once, and both measured and drawn from that result.
"""

from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb

from oc_desktop.printing.fonts import PdfFont


@dataclass(frozen=True, slots=True)
class Glyph:
    """A glyph, in font units; ``cluster`` is the index in the run of its first character."""

    gid: int
    cluster: int
    advance: int
    x_offset: int
    y_offset: int


@dataclass(frozen=True, slots=True)
class Shaped:
    font: PdfFont
    text: str
    glyphs: tuple[Glyph, ...]
    advance: int  # font units

    def width(self, size: float) -> float:
        return self.advance * size / self.font.upem


def shape(font: PdfFont, text: str) -> Shaped:
    """HarfBuzz's default shaping (script and language guessed from the text)."""
    return _shape(font, text)


@lru_cache(maxsize=65536)
def _shape(font: PdfFont, text: str) -> Shaped:
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font.hb_font, buffer)
    glyphs = tuple(
        Glyph(info.codepoint, info.cluster, pos.x_advance, pos.x_offset, pos.y_offset)
        for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
    )
    return Shaped(font, text, glyphs, sum(g.advance for g in glyphs))


def advances_by_character(shaped: Shaped) -> list[int]:
    """The advance of each character: a cluster's glyphs count at its first character.

    Characters inside a cluster (marks, the second letter of a ligature) get 0, and a line
    may only break where a cluster starts; see ``cluster_starts``.
    """
    widths = [0] * len(shaped.text)
    for glyph in shaped.glyphs:
        widths[glyph.cluster] += glyph.advance
    return widths


def cluster_starts(shaped: Shaped) -> frozenset[int]:
    return frozenset(glyph.cluster for glyph in shaped.glyphs)

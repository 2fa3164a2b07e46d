"""The shipped fonts, loaded once for ReportLab (subsetting, embedding) and HarfBuzz (shaping).

Phetsarath is the face of Lao official papers; it has Lao letters, Lao and Arabic digits
and ASCII punctuation, but no Latin letters and not the Pali letters. Noto Looped Lao (looped
like Phetsarath) covers those Lao letters, and Noto Sans sets Latin text. DejaVu Sans is the
last resort for the signs none of them has (arrows, №, ✓, box drawing) that a clerk may type
or paste. Each family lists its faces in that order; a character none of them has prints as
``MISSING``, a box, so that nothing typed prints as a blank.
"""

import threading
import unicodedata
from dataclasses import dataclass
from functools import cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from oc_desktop.paths import FONTS_DIR

#: what a character no shipped face has prints as (DejaVu Sans has it)
MISSING = "\u25a1"

# The first private-use code point we give a glyph that no character maps to (a mark
# shifted over a tall consonant, a ligature), so that ReportLab can put it in a subset.
_PRIVATE_FIRST, _PRIVATE_LAST = 0xE000, 0xF8FF


class PdfFont:
    """One font file, registered with ReportLab under ``name`` and opened in HarfBuzz."""

    def __init__(self, name: str, filename: str) -> None:
        self.name = name
        self.path = FONTS_DIR / filename
        data = self.path.read_bytes()
        self.ttf = TTFont(name, str(self.path))
        pdfmetrics.registerFont(self.ttf)
        face = hb.Face(hb.Blob(data))
        self.hb_font = hb.Font(face)
        self.upem: int = face.upem
        self.coverage = frozenset(face.unicodes)
        self.characters = frozenset(chr(c) for c in self.coverage)
        self._codes: dict[int, int] = {}
        self._lock = threading.Lock()
        ascent, descent = self.ttf.face.ascent, self.ttf.face.descent  # per 1000 em
        self.ascent, self.descent = ascent / 1000, descent / 1000

    def has(self, text: str) -> bool:
        return self.characters.issuperset(text)

    def code_for_glyph(self, gid: int) -> int:
        """The character ReportLab embeds this glyph as.

        The glyph's own character when the cmap has one (so copied text reads right);
        otherwise a private-use code point mapped to the glyph in ReportLab's copy of
        the cmap, with the glyph's own advance as its PDF width.
        """
        code = self._codes.get(gid)
        if code is not None:
            return code
        with self._lock:
            face = self.ttf.face
            chars = [c for c in face.glyphToChar.get(gid, ()) if c != 0xA0]
            if chars:
                code = min(chars)
            else:
                code = _PRIVATE_FIRST + gid
                while code in face.charToGlyph and face.charToGlyph[code] != gid:
                    code += 1
                if code > _PRIVATE_LAST:
                    raise ValueError(f"{self.name}: no private code point left for glyph {gid}")
                face.charToGlyph[code] = gid
                face.charWidths[code] = face.hmetrics[gid][0] * 1000 / face.unitsPerEm
            self._codes[gid] = code
            return code

    def pdf_width(self, code: int) -> float:
        """The width ReportLab writes for this code in the font's /Widths, per 1000 em."""
        return self.ttf.face.getCharWidth(code)


@dataclass(frozen=True)
class Family:
    """The faces one style of text is set in: Lao first, then the fallbacks."""

    lao: PdfFont
    lao_fallback: PdfFont
    latin: PdfFont
    symbols: PdfFont

    @property
    def faces(self) -> tuple[PdfFont, ...]:
        return (self.lao, self.lao_fallback, self.latin, self.symbols)

    def printable(self, text: str) -> str:
        """``text`` with each character no face has (U+0ECE, a new letter none has yet)
        as ``MISSING``: same length, so indices into it still hold."""
        if self.lao.characters.issuperset(text):
            return text  # the usual case
        return "".join(ch if _prints(ch, self) else MISSING for ch in text)


def _prints(ch: str, family: Family) -> bool:
    """A character some face draws, or one that draws nothing anyway (spaces, joiners)."""
    if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
        return True
    return any(ch in face.characters for face in family.faces)


_FILES = {
    False: (
        "Phetsarath-Regular.ttf",
        "NotoLoopedLao-Regular.ttf",
        "NotoSans-Regular.ttf",
        "DejaVuSans.ttf",
    ),
    True: (
        "Phetsarath-Bold.ttf",
        "NotoLoopedLao-Bold.ttf",
        "NotoSans-Bold.ttf",
        # the rare signs only the last resort has print in its one weight, also in bold
        # text: a second weight would be 0.7 MB of the bundle for arrows and ticks
        "DejaVuSans.ttf",
    ),
}


@cache
def _font(filename: str) -> PdfFont:
    return PdfFont("OC-" + filename.removesuffix(".ttf"), filename)


_family_lock = threading.Lock()


def family(bold: bool = False) -> Family:
    """The faces for regular or bold text (loaded and registered on first use)."""
    found = _families.get(bold)
    if found is None:
        with _family_lock:
            found = _families[bold] = Family(*(_font(name) for name in _FILES[bold]))
    return found


_families: dict[bool, Family] = {}

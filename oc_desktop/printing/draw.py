"""Write shaped lines into a ReportLab canvas: HarfBuzz's glyphs at HarfBuzz's positions.

Each glyph goes in as the character ReportLab's subset knows it by (see
``PdfFont.code_for_glyph``); ReportLab subsets and embeds the font. Its position is set
in the TJ array (in thousandths of the size) from HarfBuzz's advance and x offset, the
y offset (marks raised or lowered) with the text rise. Each run is wrapped in an
ActualText span, so that copying or searching the PDF gives the original string, not
the glyph variants' private code points.
"""

from dataclasses import dataclass
from typing import Literal

from reportlab.pdfgen.canvas import Canvas

from oc_desktop.printing.text import Line, Piece, TextStyle, layout_line, wrap

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Placed:
    """Where a run was drawn: for tests that check the PDF against HarfBuzz."""

    page: int
    font_path: str
    size: float
    text: str
    x: float
    y: float


def _num(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _actual_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class Writer:
    """Draws lines on a canvas; keeps a list of what it placed when ``record`` is set."""

    def __init__(self, canvas: Canvas, *, record: bool = False) -> None:
        self.canvas = canvas
        self.placed: list[Placed] | None = [] if record else None
        self._bodies: dict[tuple[str, str, float], str] = {}

    def line(self, line: Line, x: float, y: float, align: Align = "left") -> None:
        if align == "center":
            x -= line.width / 2
        elif align == "right":
            x -= line.width
        for piece in line.pieces:
            self._piece(piece, x + piece.x, y)

    def text(self, text: str, style: TextStyle, x: float, y: float, align: Align = "left"):
        """One line at baseline ``y``; returns its width."""
        line = layout_line(text, style)
        self.line(line, x, y, align)
        return line.width

    def paragraph(
        self,
        text: str,
        style: TextStyle,
        x: float,
        top: float,
        width: float,
        align: Align = "left",
        first_indent: float = 0.0,
    ) -> float:
        """Wrapped into ``width`` below ``top``; returns the bottom of the last line."""
        lines = wrap(text, style, width, first_indent)
        for number, line in enumerate(lines):
            self.place(line, style, x, top, width, align, first_indent if number == 0 else 0.0)
            top -= style.line_height
        return top

    def place(self, line, style, x, top, width, align: Align = "left", indent=0.0) -> None:
        """A wrapped line in the line box at ``top``, aligned within ``width``."""
        anchor = {"left": x + indent, "center": x + width / 2, "right": x + width}[align]
        self.line(line, anchor, style.baseline(top), align)

    def _piece(self, piece: Piece, x: float, y: float) -> None:
        if not piece.shaped.glyphs:
            return
        if self.placed is not None:
            page = self.canvas.getPageNumber()
            self.placed.append(Placed(page, str(piece.font.path), piece.size, piece.text, x, y))
        key = (piece.font.name, piece.text, piece.size)
        body = self._bodies.get(key)
        if body is None:
            body = self._body(piece)
            if len(piece.text) <= _CACHED_TEXT:
                self._bodies[key] = body
        self.canvas.addLiteral(
            f"/Span <</ActualText {_actual_text(piece.text)}>> BDC BT\n"
            f"1 0 0 1 {_num(x)} {_num(y)} Tm\n{body}\nET EMC"
        )

    def _body(self, piece: Piece) -> str:
        """The text operators of a run, from its origin: fonts, rises, glyphs and offsets."""
        font, size, glyphs = piece.font, piece.size, piece.shaped.glyphs
        doc = self.canvas._doc  # ReportLab numbers a font's subsets per document
        codes = "".join(chr(font.code_for_glyph(g.gid)) for g in glyphs)
        per_em = 1000 / font.upem  # font units to thousandths of the size
        ops: list[str] = []
        items: list[str] = []  # the TJ array being built
        hexes: list[str] = []  # glyphs shown one after the other, no offset between
        pen = current = 0.0  # thousandths of the size, from the origin
        rise, index = 0.0, 0
        for subset, chunk in font.ttf.splitString(codes, doc):
            _flush(ops, items, hexes)
            ops.append(f"{font.ttf.getSubsetInternalName(subset, doc)} {_num(size)} Tf")
            for byte in chunk:
                glyph = glyphs[index]
                width = font.pdf_width(ord(codes[index]))
                index += 1
                glyph_rise = glyph.y_offset * size / font.upem
                if abs(glyph_rise - rise) > 1e-9:
                    _flush(ops, items, hexes)
                    rise = glyph_rise
                    ops.append(f"{_num(rise)} Ts")
                target = pen + glyph.x_offset * per_em
                if abs(current - target) > 1e-6:
                    if hexes:
                        items.append("<" + "".join(hexes) + ">")
                        hexes.clear()
                    items.append(_num(current - target))
                hexes.append(f"{byte:02X}")
                current = target + width
                pen += glyph.advance * per_em
        _flush(ops, items, hexes)
        if rise:
            ops.append("0 Ts")
        return "\n".join(ops)


_CACHED_TEXT = 40  # runs this short (dates, numbers, names) recur: their operators are kept


def _flush(ops: list[str], items: list[str], hexes: list[str]) -> None:
    if hexes:
        items.append("<" + "".join(hexes) + ">")
        hexes.clear()
    if items:
        ops.append("[" + " ".join(items) + "] TJ")
        items.clear()

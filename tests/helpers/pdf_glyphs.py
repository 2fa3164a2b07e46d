"""Read back, glyph by glyph, what a PDF draws, and compare it with HarfBuzz's shaping.

The PDF is read by pdfminer.six, a PDF interpreter that shares no code with ours: it
follows the content streams (Tf, Tm, TJ with its offsets, Ts) and gives, for each glyph,
its font, its character code, its origin on the page and its size. ReportLab embeds
each font as a subset whose cmap (1,0) maps codes to the subset's own glyph numbers;
we read that cmap and draw the subset glyph's outline with HarfBuzz. A printed glyph
is the glyph HarfBuzz chose when its outline and advance equal those of HarfBuzz's
glyph id in the original font: that is what a printer makes of it, whatever the
numbering inside the subset.

The reference is computed here, from the font file and the string, with uharfbuzz's
default shaping; nothing of oc_desktop.printing is used for it.
"""

import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import uharfbuzz as hb
from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1

TOLERANCE = 0.01  # points


@dataclass(frozen=True)
class PdfGlyph:
    page: int
    font: "EmbeddedFont"
    code: int
    x: float
    y: float
    size: float


@dataclass(frozen=True)
class Expected:
    font_path: str
    gid: int
    x: float
    y: float
    size: float
    text: str  # the run it belongs to, for messages


class _Pen:
    def __init__(self) -> None:
        self.ops: list[tuple] = []

    def moveTo(self, p):  # noqa: N802 (the pen protocol's names)
        self.ops.append(("M", *p))

    def lineTo(self, p):  # noqa: N802
        self.ops.append(("L", *p))

    def qCurveTo(self, *ps):  # noqa: N802
        self.ops.append(("Q", *ps))

    def curveTo(self, *ps):  # noqa: N802
        self.ops.append(("C", *ps))

    def closePath(self):  # noqa: N802
        self.ops.append(("Z",))


def _outline(font: hb.Font, gid: int) -> tuple:
    pen = _Pen()
    font.draw_glyph_with_pen(gid, pen)
    return (font.get_glyph_h_advance(gid), tuple(pen.ops))


class EmbeddedFont:
    """A TrueType subset embedded in the PDF: code -> subset glyph -> outline."""

    def __init__(self, data: bytes) -> None:
        self.font = hb.Font(hb.Face(hb.Blob(data)))
        self.codes = _cmap_1_0(data)

    def outline(self, code: int) -> tuple:
        return _outline(self.font, self.codes.get(code, 0))


def _cmap_1_0(data: bytes) -> dict[int, int]:
    """The Macintosh (1,0) subtable, format 0 or 6, as ReportLab writes it."""
    count = struct.unpack(">H", data[4:6])[0]
    for i in range(count):
        tag, _sum, offset, _len = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        if tag == b"cmap":
            break
    else:
        raise ValueError("no cmap")
    tables = struct.unpack(">H", data[offset + 2 : offset + 4])[0]
    for i in range(tables):
        platform, encoding, sub = struct.unpack(
            ">HHI", data[offset + 4 + 8 * i : offset + 12 + 8 * i]
        )
        if (platform, encoding) != (1, 0):
            continue
        at = offset + sub
        fmt = struct.unpack(">H", data[at : at + 2])[0]
        if fmt == 6:
            first, entries = struct.unpack(">HH", data[at + 6 : at + 10])
            ids = struct.unpack(f">{entries}H", data[at + 10 : at + 10 + 2 * entries])
            return {first + n: gid for n, gid in enumerate(ids)}
        if fmt == 0:
            return dict(enumerate(data[at + 6 : at + 262]))
    raise ValueError("no (1,0) cmap subtable")


@cache
def original_font(path: str) -> hb.Font:
    return hb.Font(hb.Face(hb.Blob(Path(path).read_bytes())))


class _Collector(PDFTextDevice):
    def __init__(self, rsrcmgr) -> None:
        super().__init__(rsrcmgr)
        self.glyphs: list[PdfGlyph] = []
        self.page = 0
        self._fonts: dict[int, EmbeddedFont] = {}

    def begin_page(self, page, ctm) -> None:
        super().begin_page(page, ctm)
        self.page += 1

    def _embedded(self, font) -> EmbeddedFont:
        key = id(font)
        if key not in self._fonts:
            stream = resolve1(font.descriptor.get("FontFile2"))
            self._fonts[key] = EmbeddedFont(stream.get_data())
        return self._fonts[key]

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):
        a, b, c, d, e, f = matrix
        x, y = c * rise + e, d * rise + f  # the glyph's origin, raised by the text rise
        self.glyphs.append(PdfGlyph(self.page, self._embedded(font), cid, x, y, fontsize * a))
        return font.char_width(cid) * fontsize * scaling


def read_glyphs(path: Path) -> list[PdfGlyph]:
    """Every glyph drawn in the PDF, page by page, in drawing order."""
    manager = PDFResourceManager(caching=True)
    device = _Collector(manager)
    interpreter = PDFPageInterpreter(manager, device)
    with open(path, "rb") as handle:
        for page in PDFPage.get_pages(handle):
            interpreter.process_page(page)
    return device.glyphs


def harfbuzz_glyphs(font_path: str, text: str, size: float, x: float, y: float):
    """HarfBuzz's default shaping of ``text``, placed with its origin at (x, y)."""
    if not text:
        return []
    font = original_font(font_path)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer)
    scale = size / font.face.upem
    pen, result = 0, []
    for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        gx, gy = x + (pen + pos.x_offset) * scale, y + pos.y_offset * scale
        result.append(Expected(font_path, info.codepoint, gx, gy, size, text))
        pen += pos.x_advance
    return result


def harfbuzz_width(font_path: str, text: str, size: float) -> float:
    """The advance of ``text`` as HarfBuzz shapes it, in points."""
    if not text:
        return 0.0
    font = original_font(font_path)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer)
    return sum(p.x_advance for p in buffer.glyph_positions) * size / font.face.upem


def compare(printed: list[PdfGlyph], expected: list[Expected]) -> list[str]:
    """What differs between the PDF's glyphs and HarfBuzz's, in words; [] when equal."""
    problems = []
    if len(printed) != len(expected):
        problems.append(f"{len(printed)} glyphs printed, HarfBuzz gives {len(expected)}")
    for n, (got, want) in enumerate(zip(printed, expected, strict=False)):
        where = f"glyph {n} of {want.text!r}"
        want_outline = _outline(original_font(want.font_path), want.gid)
        if got.font.outline(got.code) != want_outline:
            problems.append(f"{where}: not glyph {want.gid} of {Path(want.font_path).name}")
        if abs(got.x - want.x) > TOLERANCE or abs(got.y - want.y) > TOLERANCE:
            problems.append(
                f"{where}: at ({got.x:.3f}, {got.y:.3f}), HarfBuzz puts it at "
                f"({want.x:.3f}, {want.y:.3f})"
            )
        if abs(got.size - want.size) > TOLERANCE:
            problems.append(f"{where}: {got.size} pt instead of {want.size} pt")
        if len(problems) > 20:
            break
    return problems

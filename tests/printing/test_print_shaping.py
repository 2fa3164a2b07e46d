"""Every line of both seed documents, printed, holds HarfBuzz's glyphs at HarfBuzz's places."""

from pathlib import Path

import pytest
from helpers.pdf import seed_lines
from helpers.pdf_glyphs import compare, harfbuzz_glyphs, read_glyphs

from oc_desktop.i18n import _
from oc_desktop.printing.draw import Writer
from oc_desktop.printing.flow import build_text_document
from oc_desktop.printing.fonts import family
from oc_desktop.printing.page import output_canvas
from oc_desktop.printing.shaping import Glyph, Shaped, shape
from oc_desktop.printing.text import Line, Piece


def expected_by_page(placed, pages: int):
    """HarfBuzz's glyphs for each recorded run; the page-count form is drawn on every
    page right after the "ໜ້າ x/" run, so its glyphs are expected there."""
    form = [p for p in placed if p.page > pages]
    by_page: dict[int, list] = {n: [] for n in range(1, pages + 1)}
    for piece in placed:
        if piece.page > pages:
            continue
        glyphs = harfbuzz_glyphs(piece.font_path, piece.text, piece.size, piece.x, piece.y)
        by_page[piece.page] += glyphs
        if piece.text == _("Page {page}/").format(page=piece.page):
            end = piece.x + sum(_advances(piece))
            for total in form:
                by_page[piece.page] += harfbuzz_glyphs(
                    total.font_path, total.text, total.size, end + total.x, piece.y + total.y
                )
    return by_page


def _advances(piece):
    font = shape(_font_by_path(piece.font_path), piece.text)
    return [g.advance * piece.size / font.font.upem for g in font.glyphs]


def _font_by_path(path: str):
    for bold in (False, True):
        for font in family(bold).faces:
            if str(font.path) == path:
                return font
    raise KeyError(path)


@pytest.fixture(scope="module")
def seeds_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds") / "seeds.pdf"
    pages, writer = build_text_document(out, paragraphs=seed_lines(), record=True)
    return out, pages, writer.placed


def test_every_seed_line_is_printed_as_harfbuzz_shapes_it(seeds_pdf):
    out, pages, placed = seeds_pdf
    printed = read_glyphs(out)
    expected = expected_by_page(placed, pages)
    assert pages >= 5
    assert sum(len(v) for v in expected.values()) > 10_000
    for page in range(1, pages + 1):
        on_page = [g for g in printed if g.page == page]
        assert compare(on_page, expected[page]) == [], f"page {page}"


def test_no_seed_character_prints_as_a_missing_glyph(seeds_pdf):
    _out, pages, placed = seeds_pdf
    for piece in placed:
        glyphs = harfbuzz_glyphs(piece.font_path, piece.text, piece.size, 0, 0)
        assert all(g.gid != 0 for g in glyphs), piece.text


def test_every_character_of_the_seeds_is_printed(seeds_pdf):
    _out, pages, placed = seeds_pdf
    footers = {_("Page {page}/").format(page=n) for n in range(1, pages + 1)}
    text = "".join(p.text for p in placed if p.page <= pages and p.text not in footers)
    assert "".join(text.split()) == "".join("".join(seed_lines()).split())


# --- the comparison must be able to fail --------------------------------------------------


WORDS = "ທີ່ ເຊື່ອມ ນ້ຳ ຫຼື ໜ້າ ເຂົ້າ"


def _unshaped(font, text: str) -> Shaped:
    """What a writer that ignores GSUB and GPOS prints: one cmap glyph per character."""
    glyphs = []
    for n, ch in enumerate(text):
        gid = font.hb_font.get_nominal_glyph(ord(ch))
        glyphs.append(Glyph(gid, n, font.hb_font.get_glyph_h_advance(gid), 0, 0))
    return Shaped(font, text, tuple(glyphs), sum(g.advance for g in glyphs))


def _without_offsets(shaped: Shaped) -> Shaped:
    glyphs = tuple(Glyph(g.gid, g.cluster, g.advance, 0, 0) for g in shaped.glyphs)
    return Shaped(shaped.font, shaped.text, glyphs, shaped.advance)


def _print_pieces(path: Path, shaped_runs) -> list:
    with output_canvas(path, (400, 200)) as canvas:
        writer = Writer(canvas, record=True)
        for n, shaped in enumerate(shaped_runs):
            writer.line(Line(shaped.text, (Piece(shaped, 14, 0.0),), 0.0), 20, 150 - 40 * n)
        canvas.showPage()
    return writer.placed


def _problems(path: Path, placed) -> list[str]:
    expected = []
    for piece in placed:
        expected += harfbuzz_glyphs(piece.font_path, piece.text, piece.size, piece.x, piece.y)
    return compare(read_glyphs(path), expected)


def test_the_check_passes_on_what_the_writer_prints(tmp_path):
    lao, noto_lao = family().lao, family().lao_fallback
    path = tmp_path / "right.pdf"
    placed = _print_pieces(path, [shape(lao, WORDS), shape(noto_lao, WORDS)])
    assert _problems(path, placed) == []


def test_unshaped_glyphs_are_caught(tmp_path):
    lao = family().lao  # Phetsarath swaps in raised tone marks: GSUB, no GPOS
    path = tmp_path / "unshaped.pdf"
    placed = _print_pieces(path, [_unshaped(lao, WORDS)])
    problems = _problems(path, placed)
    assert any("not glyph" in p for p in problems), problems


def test_marks_left_unpositioned_are_caught(tmp_path):
    noto_lao = family().lao_fallback  # Noto Looped Lao moves its marks with GPOS offsets
    path = tmp_path / "unpositioned.pdf"
    placed = _print_pieces(path, [_without_offsets(shape(noto_lao, WORDS))])
    problems = _problems(path, placed)
    assert problems and all("HarfBuzz puts it at" in p for p in problems), problems

"""The Pali letters print in Noto Looped Lao; a character no face has prints as a box."""

from helpers.pdf_glyphs import compare, harfbuzz_glyphs, read_glyphs

from oc_desktop.printing.flow import build_text_document
from oc_desktop.printing.fonts import MISSING, family

PALI = "ຆຉຌຎຏຐຑຒຓຘຠຨຩຬ"
PALI_WORDS = ["ພຸທ຺ຘ ທັມມະ", "ສັງຆະ", "ຨາສະໜາ", "ປັຎິປັທາ " + PALI]


def _printed(tmp_path, paragraphs, bold=False):
    from oc_desktop.printing.text import TextStyle

    out = tmp_path / "pali.pdf"
    pages, writer = build_text_document(
        out, paragraphs=paragraphs, style=TextStyle(12, bold=bold), record=True
    )
    return out, pages, [p for p in writer.placed if p.page <= pages]


def test_pali_letters_print_in_the_looped_lao_face_glyph_for_glyph(tmp_path):
    for bold in (False, True):
        out, pages, placed = _printed(tmp_path, PALI_WORDS, bold)
        faces = family(bold)
        text = "".join(p.text for p in placed)
        assert set(PALI + "\u0eba") <= set(text)  # every Pali letter was drawn...
        for piece in placed:
            glyphs = harfbuzz_glyphs(piece.font_path, piece.text, piece.size, piece.x, piece.y)
            assert all(g.gid != 0 for g in glyphs), piece.text  # ...as a real glyph
            if set(piece.text) & set(PALI):
                assert piece.font_path == str(faces.lao_fallback.path)
        assert _as_shaped(out, pages, placed) == []


def test_a_character_no_face_has_prints_as_a_visible_box(tmp_path):
    yamakkan = "\u0ece"  # Unicode 15: no shipped face has it yet
    assert not any(yamakkan in face.characters for face in family().faces)
    out, pages, placed = _printed(tmp_path, ["ກ" + yamakkan + "ກ", "ສະບາຍດີ"])
    drawn = "".join(p.text for p in placed)
    assert yamakkan not in drawn and MISSING in drawn
    box = next(p for p in placed if MISSING in p.text)
    assert box.font_path == str(family().symbols.path)
    glyphs = harfbuzz_glyphs(box.font_path, box.text, box.size, box.x, box.y)
    assert all(g.gid != 0 for g in glyphs)
    assert _as_shaped(out, pages, placed) == []
    assert harfbuzz_glyphs(box.font_path, MISSING, 12, 0, 0)[0].gid != 0


def _as_shaped(out, pages, placed) -> list[str]:
    """What differs between the PDF (read back) and HarfBuzz's shaping of what was placed;
    the page count, drawn last from a form, is left out."""
    expected = []
    for piece in placed:
        expected += harfbuzz_glyphs(piece.font_path, piece.text, piece.size, piece.x, piece.y)
    printed = [g for g in read_glyphs(out) if g.page <= pages]
    return compare(printed[: len(expected)], expected)

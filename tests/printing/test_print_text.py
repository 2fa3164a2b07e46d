"""Mixed scripts get faces that have their glyphs; Lao wraps between syllables, inside its box."""

import unicodedata

import pytest
from helpers.pdf import seed_lines
from helpers.pdf_glyphs import harfbuzz_glyphs, harfbuzz_width

from oc_desktop.printing.breaks import (
    break_opportunities,
    cluster_boundaries,
    syllable_opportunities,
)
from oc_desktop.printing.fonts import family
from oc_desktop.printing.runs import font_runs
from oc_desktop.printing.text import TextStyle, wrap

PALI = set("ຆຉຌຎຏຐຑຒຓຘຠຨຩຬ຺")
MODERN_LAO = [
    chr(c)
    for c in range(0x0E81, 0x0EDE)
    if unicodedata.category(chr(c)) != "Cn" and chr(c) not in PALI
]


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "ເລກທີ 49/ຄປພຂ",
        "ວັນທີ 11.12.2023",
        "ທ່ານ John Smith ເປັນຜູ້ຕາງໜ້າ (UNDP), ປີ 2024",
        "ລາຄາ 1.234.567 ₭",
        "ສະໄໝທີ XI, ໝວດທີ IV",
        "Ministry of Home Affairs",
        "໑໒.໑໒.໒໐໒໓",
        "ຈາກ 3 → 5, ເລກ № 12 ✓",
        "".join(MODERN_LAO),
    ],
)
def test_each_run_is_set_in_a_face_that_has_its_glyphs(text, bold):
    runs = font_runs(text, family(bold))
    assert runs[0].start == 0 and runs[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(runs, runs[1:], strict=False))
    for run in runs:
        piece = text[run.start : run.end]
        assert run.font.has(piece), (piece, run.font.name)
        glyphs = harfbuzz_glyphs(str(run.font.path), piece, 12, 0, 0)
        assert all(g.gid != 0 for g in glyphs), (piece, run.font.name)


def test_digits_and_punctuation_follow_the_letters_before_them():
    faces = family()

    def face_of(text, fragment):
        at = text.index(fragment)
        return next(r.font for r in font_runs(text, faces) if r.start <= at < r.end)

    assert face_of("ເລກທີ 49/ຄປພຂ", "49/") is faces.lao  # one Phetsarath run
    assert len(font_runs("ເລກທີ 49/ຄປພຂ", faces)) == 1
    assert face_of("11.12.2023", "11") is faces.lao  # no letters: the Lao face
    text = "ທ່ານ John Smith, 1990 ເປັນຜູ້ຕາງໜ້າ"
    assert face_of(text, "John") is faces.latin
    assert face_of(text, ", 1990") is faces.latin
    assert face_of(text, "ເປັນ") is faces.lao
    assert face_of("ລາຄາ 500 ₭", "₭") is faces.lao_fallback  # Phetsarath has no kip sign


BREAKS = {
    "ສາທາລະນະລັດ ປະຊາທິປະໄຕ": "ສາ|ທາ|ລະ|ນະ|ລັດ |ປະ|ຊາ|ທິ|ປະ|ໄຕ",
    "ຫຼາຍກວ່າການສອນ": "ຫຼາຍ|ກວ່າ|ການ|ສອນ",
    "ເຊື່ອມຊຶມ": "ເຊື່ອມ|ຊຶມ",
    "ດ້ວຍການ": "ດ້ວຍ|ການ",
    "ຄົ້ນຄ້ວາ": "ຄົ້ນ|ຄ້ວາ",
    "ບ່ອນອີງ": "ບ່ອນ|ອີງ",
    "ໃນຄວາມ": "ໃນ|ຄວາມ",
    "ສະຫວັນນະເຂດ": "ສະ|ຫວັນ|ນະ|ເຂດ",
    "ຫຼວງນ້ຳທາ": "ຫຼວງ|ນ້ຳ|ທາ",
    "ໂຟລ໌ນີ້": "ໂຟລ໌|ນີ້",
    "ອົງການຕ່າງໆຂອງແຂວງ": "ອົງ|ການ|ຕ່າງໆ|ຂອງ|ແຂວງ",
    "ເລກທີ 49/ຄປພຂ, 11.12.2023": "ເລກ|ທີ |49/ຄປພຂ, |11.12.2023",
    "ການເມືອງ-ແນວຄິດ": "ການ|ເມືອງ-|ແນວ|ຄິດ",
}


@pytest.mark.parametrize("text", BREAKS)
def test_the_syllable_rules_break_between_syllables(text):
    edges = [0, *syllable_opportunities(text), len(text)]
    assert "|".join(text[a:b] for a, b in zip(edges, edges[1:], strict=False)) == BREAKS[text]


def _paragraphs():
    return [line for line in seed_lines() if len(line) > 40]


@pytest.mark.parametrize("width", [45.0, 110.0, 260.0])
def test_wrapped_seed_lines_fit_and_never_split_a_cluster(width):
    style = TextStyle(10)
    for text in _paragraphs():
        lines = wrap(text, style, width)
        assert "".join("".join(line.text.split()) for line in lines) == "".join(text.split())
        for line, following in zip(lines, lines[1:], strict=False):
            assert unicodedata.category(following.text[0])[0] != "M", following.text
            assert following.text[0] not in "ະາຳຽໆ", following.text
            assert line.text[-1] not in "ເແໂໄໃ", line.text
        for line in lines:
            assert line.width <= width + 1e-6, (line.text, line.width)
            printed = sum(harfbuzz_width(str(p.font.path), p.text, p.size) for p in line.pieces)
            assert printed == pytest.approx(line.width, abs=1e-6)


def test_wide_boxes_break_only_at_break_opportunities():
    style = TextStyle(10)
    for text in _paragraphs():
        lines = wrap(text, style, 260.0)
        allowed = set(break_opportunities(text))
        position = 0
        for line in lines[:-1]:
            position = text.index(line.text, position) + len(line.text)
            end = position
            while text[end].isspace():
                end += 1
            assert end in allowed, (line.text, text[end : end + 10])


def test_a_word_wider_than_its_box_is_cut_between_clusters():
    style = TextStyle(12)
    lines = wrap("ເຊື່ອມຊຶມສາທາລະນະລັດ", style, 14.0)
    assert len(lines) > 3
    for line in lines:
        assert line.text and unicodedata.category(line.text[0])[0] != "M"
        assert line.width <= 14.0 + 1e-6 or not cluster_boundaries(line.text)


def test_grapheme_clusters_keep_marks_and_am_with_their_letter():
    assert cluster_boundaries("ນ້ຳ") == []
    assert cluster_boundaries("ເຊື່ອມ") == [1, 4, 5]
    assert cluster_boundaries("ຫຼື 2") == [3, 4]


def test_a_cluster_wider_than_its_box_stays_whole():
    style = TextStyle(12)
    lao = family().lao
    narrow = harfbuzz_width(str(lao.path), "ນ້", 12) + 0.1  # less than ນ້ຳ needs
    assert [line.text for line in wrap("ນ້ຳນ້ຳນ້ຳ", style, narrow)] == ["ນ້ຳ"] * 3

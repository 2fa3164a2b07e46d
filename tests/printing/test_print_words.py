"""Printed Lao lines end between words, found with the shipped word list; a word too wide
for its cell is cut between syllables, a date or number only after its separators."""

import random

from oc_desktop.printing.breaks import break_opportunities, fallback_breaks
from oc_desktop.printing.text import TextStyle, measure, wrap
from oc_desktop.printing.words import WORD_LIST, lao_words

STYLE = TextStyle(10)


def _cut(text: str, breaks: list[int]) -> str:
    edges = [0, *breaks, len(text)]
    return "|".join(text[a:b] for a, b in zip(edges, edges[1:], strict=False))


def test_the_word_list_is_shipped_small_and_read_whole():
    assert WORD_LIST.stat().st_size < 120_000  # the installer's margin is small
    words = lao_words()
    assert len(words) > 30_000
    assert {"ເຄື່ອງ", "ຖວາຍ", "ປະຊຸມ", "ແຂວງ"} <= words
    assert (WORD_LIST.parent / "LGPL-2.1.txt").exists()  # with its licence


def test_lines_end_between_words():
    assert _cut("ກອງປະຊຸມສະຫຼຸບວຽກງານ", break_opportunities("ກອງປະຊຸມສະຫຼຸບວຽກງານ")) == (
        "ກອງ|ປະຊຸມ|ສະຫຼຸບ|ວຽກງານ"
    )
    # a number's abbreviation, a date: never broken between words
    text = "ເລກທີ 1234/ຄປພຂ, 11.12.2023"
    assert _cut(text, break_opportunities(text)) == "ເລກທີ |1234/ຄປພຂ, |11.12.2023"


def test_a_word_too_wide_is_cut_between_its_parts_and_numbers_after_separators():
    assert _cut("ເຄື່ອງຖວາຍ", fallback_breaks("ເຄື່ອງຖວາຍ")) == "ເຄື່ອງ|ຖວາຍ"
    assert _cut("11.12.2023", fallback_breaks("11.12.2023")) == "11.|12.|2023"
    assert _cut("1234/ຄປພຂ", fallback_breaks("1234/ຄປພຂ")) == "1234/|ຄປພຂ"
    narrow = measure("ເຄື່ອງຖວາຍ", STYLE) * 0.7
    assert [line.text for line in wrap("ເຄື່ອງຖວາຍ", STYLE, narrow)] == ["ເຄື່ອງ", "ຖວາຍ"]
    date = measure("11.12.2023", STYLE) * 0.8
    assert [line.text for line in wrap("11.12.2023", STYLE, date)] == ["11.12.", "2023"]


def test_printed_line_ends_fall_between_words_where_a_word_fits():
    """Paragraphs of words from the list, written without spaces as Lao is, wrapped in
    cells of three widths: each line end is counted where the word it falls in fits
    its cell (a wider word must be cut somewhere)."""
    words = sorted(lao_words())
    rng = random.Random(17)
    counted = between = 0
    missed = []
    for _ in range(300):
        chosen = [rng.choice(words) for _ in range(rng.randint(6, 14))]
        text = "".join(chosen)
        spans, at = [], 0
        for word in chosen:
            spans.append((at, at + len(word)))
            at += len(word)
        ends = {b for _a, b in spans}
        width = rng.choice([60.0, 90.0, 140.0])
        position = 0
        for line in wrap(text, STYLE, width)[:-1]:
            position += len(line.text)
            if position in ends:
                counted, between = counted + 1, between + 1
                continue
            a, b = next((a, b) for a, b in spans if a < position < b)
            if measure(text[a:b], STYLE) <= width:
                counted += 1
                missed.append(text[a:position] + "|" + text[position:b])
    assert counted > 1000
    assert between / counted >= 0.99, missed

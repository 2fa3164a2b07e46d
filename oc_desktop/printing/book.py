"""A register book to print, sign and bind: cover, ruled pages, closing block.

Rows are consumed one at a time from any iterable (a query's cursor), so a register of
tens of thousands of entries never sits in memory; pages are numbered "ໜ້າ x/y" with y
filled in once the last page is known.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm

from oc_desktop.formatting import format_date, format_int
from oc_desktop.i18n import _
from oc_desktop.printing.draw import Writer
from oc_desktop.printing.flow import Flow, PageNumbers
from oc_desktop.printing.official import (
    BODY,
    HEADING,
    draw_national_heading,
    draw_signatures,
    place_date_line,
    signature_height,
)
from oc_desktop.printing.page import (
    LANDSCAPE,
    Checkpoint,
    Frame,
    Margins,
    Progress,
    ShouldCancel,
    output_canvas,
)
from oc_desktop.printing.table import Column, Table
from oc_desktop.printing.text import TextStyle
from oc_desktop.profile import Profile, SignerRow

# Landscape books: the binding edge (left) keeps 30 mm; the others are kept narrower
# than on letters so that a page holds more entries.
BOOK_MARGINS = Margins(left=30 * mm, right=15 * mm, top=15 * mm, bottom=18 * mm)
COVER_TITLE = TextStyle(26, bold=True)
COVER_LINE = TextStyle(16)
RUNNING_TITLE = TextStyle(12, bold=True)


@dataclass(frozen=True)
class Cover:
    title: str  # ປຶ້ມທະບຽນເອກະສານຂາເຂົ້າ
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    first_number: str | None = None
    last_number: str | None = None
    volume: int | None = None


def cover_lines(cover: Cover) -> list[str]:
    lines = []
    if cover.year is not None:
        lines.append(_("Year {year}").format(year=format_int(cover.year)))
    if cover.date_from or cover.date_to:
        lines.append(
            _("From {start} to {end}").format(
                start=format_date(cover.date_from), end=format_date(cover.date_to)
            )
        )
    if cover.first_number or cover.last_number:
        lines.append(
            _("Numbers {first} to {last}").format(
                first=cover.first_number or "", last=cover.last_number or ""
            )
        )
    if cover.volume is not None:
        lines.append(_("Volume {volume}").format(volume=format_int(cover.volume)))
    return lines


def draw_cover(flow: Flow, cover: Cover, profile: Profile) -> None:
    draw_national_heading(flow)
    column = flow.frame.width * 0.45
    for text, style in ((profile.parent_body, BODY), (profile.name, HEADING)):
        if text:
            flow.paragraph(text, style, align="center", width=column)
    flow.top = flow.frame.bottom + (flow.top - flow.frame.bottom) * 0.7
    flow.paragraph(cover.title, COVER_TITLE, align="center")
    flow.space(6 * mm)
    for line in cover_lines(cover):
        flow.paragraph(line, COVER_LINE, align="center")


def closing_text(entries: int, pages: int) -> str:
    return _("This book holds {entries} entries on {pages} pages.").format(
        entries=format_int(entries), pages=format_int(pages)
    )


def build_register_book(
    out: Path | str | BinaryIO,
    *,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[str]],
    cover: Cover,
    profile: Profile,
    total_rows: int = 0,
    closing_signers: Sequence[SignerRow] | None = None,
    min_row_height: float = 0.0,
    margins: Margins = BOOK_MARGINS,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    record: bool = False,
    trail_anchor: str | None = None,
) -> int:
    """Write the book to ``out``; returns its page count.

    ``title`` heads every ruled page; ``total_rows`` (when known) is passed to
    ``progress(done, total)``. The closing block is signed by the clerk who kept the
    book and, unless ``closing_signers`` says otherwise, the profile's first signer,
    over the audit trail's head ``trail_anchor`` (see ``draw_signatures``).
    Raises PrintCancelled (and leaves no file) when cancelled.
    """
    check = Checkpoint(progress, should_cancel)
    if closing_signers is None:
        closing_signers = (SignerRow(None, _("Kept by"), ""), *profile.signers[:1])
    with output_canvas(out, LANDSCAPE, title=title) as canvas:
        writer = Writer(canvas, record=record)
        frame = Frame.of(LANDSCAPE, margins)
        table = Table(columns, frame.width, min_row_height=min_row_height)
        numbers = PageNumbers(writer, LANDSCAPE, margins)
        flow = Flow(writer, frame, on_page_end=numbers.stamp)
        draw_cover(flow, cover, profile)

        def start_page() -> None:
            flow.paragraph(title, RUNNING_TITLE, align="center")
            flow.space(1 * mm)
            flow.top = table.draw_heading(writer, frame.left, flow.top)

        flow.on_page_start = start_page
        flow.new_page()
        entries = 0
        for cells in rows:
            _draw_row(flow, table, table.layout(["" if c is None else str(c) for c in cells]))
            entries += 1
            check(entries, total_rows)
        flow.on_page_start = None
        _draw_closing(flow, entries, closing_signers, profile, trail_anchor)
        numbers.stamp()
        canvas.showPage()
        pages = numbers.finish()
    return pages


def _draw_row(flow: Flow, table: Table, row) -> None:
    """The row where it fits; split across pages only when it is taller than a page."""
    first = 0
    while True:
        room = flow.top - flow.frame.bottom
        rest = table.height(row, first)
        if rest <= room + 1e-6:
            flow.top = table.draw_row(flow.writer, row, flow.frame.left, flow.top, first)
            return
        fits = table.lines_fitting(room)
        page_room = flow.frame.top - flow.frame.bottom  # (less the headings, known after)
        if (first == 0 and rest <= page_room * 0.8) or fits == 0:
            flow.new_page()
            continue
        flow.top = table.draw_row(flow.writer, row, flow.frame.left, flow.top, first, first + fits)
        first += fits
        flow.new_page()


def _draw_closing(
    flow: Flow, entries: int, signers, profile: Profile, trail_anchor: str | None
) -> None:
    needed = 3 * BODY.line_height + signature_height(signers, flow.frame.width) + 10 * mm
    flow.space(6 * mm)
    flow.need(needed)
    pages = flow.canvas.getPageNumber()
    flow.paragraph(closing_text(entries, pages), HEADING)
    flow.space(2 * mm)
    flow.paragraph(place_date_line(profile, None), BODY, align="right")
    draw_signatures(flow, signers, trail_anchor=trail_anchor)

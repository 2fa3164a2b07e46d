"""A financial statement on official paper: national heading, the office, a title, a
ruled table whose headings repeat on every page, closing lines (totals, amounts in
words) and signatures. Used for plan against actual and the payroll sheet."""

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm

from oc_desktop.printing.book import _draw_row
from oc_desktop.printing.draw import Writer
from oc_desktop.printing.flow import Flow, PageNumbers
from oc_desktop.printing.official import (
    BODY,
    HEADING,
    TITLE,
    Heading,
    draw_national_heading,
    draw_office_block,
    draw_signatures,
)
from oc_desktop.printing.page import LANDSCAPE, PORTRAIT, Frame, Margins, output_canvas
from oc_desktop.printing.table import Column, Table
from oc_desktop.profile import Profile, SignerRow

PORTRAIT_MARGINS = Margins()
LANDSCAPE_MARGINS = Margins(left=30 * mm, right=15 * mm, top=15 * mm, bottom=18 * mm)


def build_statement(
    out: Path | str | BinaryIO,
    *,
    profile: Profile,
    title: str,
    subtitle: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    closing: Sequence[str] = (),
    signers: Sequence[SignerRow] = (),
    day: dt.date | None = None,
    landscape: bool = False,
    record: bool = False,
    trail_anchor: str | None = None,
) -> tuple[int, Writer]:
    """Write the statement to ``out``; returns the page count and the writer."""
    pagesize = LANDSCAPE if landscape else PORTRAIT
    margins = LANDSCAPE_MARGINS if landscape else PORTRAIT_MARGINS
    with output_canvas(out, pagesize, title=title) as canvas:
        writer = Writer(canvas, record=record)
        frame = Frame.of(pagesize, margins)
        numbers = PageNumbers(writer, pagesize, margins)
        flow = Flow(writer, frame, on_page_end=numbers.stamp)
        table = Table(columns, frame.width, min_row_height=6 * mm)
        draw_national_heading(flow)
        draw_office_block(flow, profile, Heading(date=day))
        flow.paragraph(title, TITLE, align="center")
        if subtitle:
            flow.paragraph(subtitle, HEADING, align="center")
        flow.space(3 * mm)

        def start_page() -> None:
            flow.top = table.draw_heading(writer, frame.left, flow.top)

        start_page()
        flow.on_page_start = start_page
        for cells in rows:
            _draw_row(flow, table, table.layout([c or "" for c in cells]))
        flow.on_page_start = None
        flow.space(4 * mm)
        for line in closing:
            flow.paragraph(line, BODY, space_after=1 * mm)
        draw_signatures(flow, signers, trail_anchor=trail_anchor)
        numbers.stamp()
        canvas.showPage()
        pages = numbers.finish()
    return pages, writer

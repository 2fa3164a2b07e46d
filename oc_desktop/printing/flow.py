"""Paragraphs down the page, onto new pages as they need, and the page number on each."""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from oc_desktop.formatting import format_int
from oc_desktop.i18n import _
from oc_desktop.printing.draw import Align, Writer
from oc_desktop.printing.page import (
    PORTRAIT,
    Checkpoint,
    Frame,
    Margins,
    Progress,
    ShouldCancel,
    output_canvas,
)
from oc_desktop.printing.text import TextStyle, layout_line, wrap

TOTAL_PAGES_FORM = "ocTotalPages"
FOOTER_STYLE = TextStyle(9)


class PageNumbers:
    """ "ໜ້າ x/y" at the foot of every page; y is a form filled in when the count is known."""

    def __init__(self, writer: Writer, pagesize: tuple[float, float], margins: Margins) -> None:
        self.writer, self.pagesize, self.margins = writer, pagesize, margins

    def stamp(self) -> None:
        canvas = self.writer.canvas
        page = canvas.getPageNumber()
        prefix = layout_line(_("Page {page}/").format(page=format_int(page)), FOOTER_STYLE)
        guess = layout_line(format_int(page), FOOTER_STYLE).width
        x = self.pagesize[0] / 2 - (prefix.width + guess) / 2
        y = self.margins.bottom / 2
        self.writer.line(prefix, x, y)
        canvas.saveState()
        canvas.translate(x + prefix.width, y)
        canvas.doForm(TOTAL_PAGES_FORM)
        canvas.restoreState()

    def finish(self) -> int:
        """Write the page count into the form; call once after the last page."""
        canvas = self.writer.canvas
        total = canvas.getPageNumber() - 1
        width, _height = self.pagesize
        canvas.beginForm(TOTAL_PAGES_FORM, lowerx=-5, lowery=-20, upperx=width, uppery=30)
        self.writer.text(format_int(total), FOOTER_STYLE, 0, 0)
        canvas.endForm()
        return total


class Flow:
    """Lays text down a frame from the top; starts a new page when the next line won't fit."""

    def __init__(
        self,
        writer: Writer,
        frame: Frame,
        *,
        on_page_end: Callable[[], None] | None = None,
        on_page_start: Callable[[], None] | None = None,
    ) -> None:
        self.writer, self.frame = writer, frame
        self.on_page_end, self.on_page_start = on_page_end, on_page_start
        self.top = frame.top

    @property
    def canvas(self) -> Canvas:
        return self.writer.canvas

    def new_page(self) -> None:
        if self.on_page_end is not None:
            self.on_page_end()
        self.canvas.showPage()
        self.top = self.frame.top
        if self.on_page_start is not None:
            self.on_page_start()

    def need(self, height: float) -> None:
        """Go to a new page unless ``height`` points fit below the current position."""
        if self.top - height < self.frame.bottom - 1e-6 and self.top < self.frame.top:
            self.new_page()

    def space(self, height: float) -> None:
        self.top -= height

    def paragraph(
        self,
        text: str,
        style: TextStyle,
        *,
        align: Align = "left",
        indent: float = 0.0,
        first_indent: float = 0.0,
        space_after: float = 0.0,
        width: float | None = None,
    ) -> None:
        width = width if width is not None else self.frame.width - indent
        for number, line in enumerate(wrap(text, style, width, first_indent)):
            self.need(style.line_height)
            extra = first_indent if number == 0 else 0.0
            self.writer.place(line, style, self.frame.left + indent, self.top, width, align, extra)
            self.top -= style.line_height
        self.top -= space_after


BODY_STYLE = TextStyle(12)


def build_text_document(
    out: Path | str | BinaryIO,
    *,
    paragraphs: Iterable[str],
    title: str = "",
    style: TextStyle = BODY_STYLE,
    margins: Margins | None = None,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    record: bool = False,
) -> tuple[int, Writer]:
    """Plain paragraphs on A4 portrait, numbered pages; returns the page count and the
    writer (whose ``placed`` lists every run drawn when ``record`` is set)."""
    check = Checkpoint(progress, should_cancel)
    margins = margins or Margins()
    with output_canvas(out, PORTRAIT, title=title) as canvas:
        writer = Writer(canvas, record=record)
        numbers = PageNumbers(writer, PORTRAIT, margins)
        flow = Flow(writer, Frame.of(PORTRAIT, margins), on_page_end=numbers.stamp)
        if title:
            flow.paragraph(title, TextStyle(style.size + 2, bold=True), align="center")
            flow.space(style.line_height / 2)
        for done, text in enumerate(paragraphs, 1):
            flow.paragraph(text, style, space_after=style.size * 0.4)
            check(done)
        numbers.stamp()
        canvas.showPage()
        pages = numbers.finish()
    return pages, writer

"""A ruled table whose cells wrap Lao text: column headings with their numbers (1) … (n),
rows as tall as their fullest cell, and rows too tall for what is left of a page split
between lines."""

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm

from oc_desktop.formatting import format_int
from oc_desktop.printing.draw import Align, Writer
from oc_desktop.printing.text import Line, TextStyle, wrap

CELL = TextStyle(10)
HEAD = TextStyle(10, bold=True)
NUMBERS = TextStyle(8)
PAD_X, PAD_Y = 1.5 * mm, 0.8 * mm
RULE = 0.5


@dataclass(frozen=True)
class Column:
    heading: str
    width: float = 1.0  # share of the width the fixed columns leave
    align: Align = "left"
    mm: float | None = None  # a fixed width in millimetres instead of a share


@dataclass(frozen=True)
class Row:
    cells: tuple[tuple[Line, ...], ...]
    lines: int  # the fullest cell's line count


class Table:
    def __init__(
        self,
        columns: Sequence[Column],
        width: float,
        *,
        style: TextStyle = CELL,
        min_row_height: float = 0.0,
    ) -> None:
        self.columns, self.style, self.min_row_height = tuple(columns), style, min_row_height
        fixed = sum(c.mm * mm for c in columns if c.mm is not None)
        shares = sum(c.width for c in columns if c.mm is None) or 1.0
        self.widths = [
            c.mm * mm if c.mm is not None else (width - fixed) * c.width / shares for c in columns
        ]
        self.width = sum(self.widths)
        self.headings = self.layout([c.heading for c in columns], HEAD)
        self.heading_height = self.headings.lines * HEAD.line_height + 2 * PAD_Y
        self.numbers_height = NUMBERS.line_height + PAD_Y

    def layout(self, cells: Sequence[str], style: TextStyle | None = None) -> Row:
        style = style or self.style
        wrapped = tuple(
            tuple(wrap(text or "", style, width - 2 * PAD_X))
            for text, width in zip(cells, self.widths, strict=False)
        )
        wrapped += ((),) * (len(self.widths) - len(wrapped))
        return Row(wrapped, max((len(c) for c in wrapped), default=0))

    def height(self, row: Row, first: int = 0, last: int | None = None) -> float:
        last = row.lines if last is None else last
        height = (last - first) * self.style.line_height + 2 * PAD_Y
        whole = first == 0 and last == row.lines
        return max(height, self.min_row_height) if whole else height

    def lines_fitting(self, height: float) -> int:
        return max(0, int((height - 2 * PAD_Y + 1e-6) // self.style.line_height))

    def draw_heading(self, writer: Writer, x: float, top: float, numbers: bool = True) -> float:
        """Headings, then the row of column numbers (1) … (n); returns the bottom."""
        canvas = writer.canvas
        bottom = top - self.heading_height
        self._cells(writer, self.headings, x, top, HEAD, 0, None, align="center")
        canvas.setLineWidth(RULE)
        canvas.line(x, top, x + self.width, top)
        self._rules(writer, x, top, bottom)
        if not numbers:
            return bottom
        numbers_bottom = bottom - self.numbers_height
        for n, left in enumerate(self._edges(x)[:-1]):
            label = f"({format_int(n + 1)})"
            centre = left + self.widths[n] / 2
            writer.text(label, NUMBERS, centre, NUMBERS.baseline(bottom), "center")
        self._rules(writer, x, bottom, numbers_bottom)
        return numbers_bottom

    def draw_row(self, writer: Writer, row: Row, x: float, top: float, first=0, last=None) -> float:
        """Lines ``first`` to ``last`` of a row; returns the bottom."""
        bottom = top - self.height(row, first, last)
        self._cells(writer, row, x, top, self.style, first, last)
        writer.canvas.setLineWidth(RULE)
        self._rules(writer, x, top, bottom)
        return bottom

    def rule_above(self, writer: Writer, x: float, top: float) -> None:
        """The top rule of a table drawn without headings."""
        writer.canvas.setLineWidth(RULE)
        writer.canvas.line(x, top, x + self.width, top)

    def _edges(self, x: float) -> list[float]:
        edges = [x]
        for width in self.widths:
            edges.append(edges[-1] + width)
        return edges

    def _cells(self, writer, row, x, top, style, first, last, align=None) -> None:
        edges = self._edges(x)
        for n, lines in enumerate(row.cells):
            width, where = self.widths[n] - 2 * PAD_X, align or self.columns[n].align
            line_top = top - PAD_Y
            for line in lines[first:last]:
                writer.place(line, style, edges[n] + PAD_X, line_top, width, where)
                line_top -= style.line_height

    def _rules(self, writer: Writer, x: float, top: float, bottom: float) -> None:
        """The verticals of a band and the rule under it."""
        lines = [(edge, top, edge, bottom) for edge in self._edges(x)]
        lines.append((x, bottom, x + self.width, bottom))
        writer.canvas.lines(lines)

"""Pages of a PDF onto a printer: rendered by pdfium at the printer's resolution.

A page is rendered in bands of ``BAND_PIXELS`` rows, so memory stays small whatever the
printer's dots per inch, and it is turned a quarter when the paper lies the other way.
"""

from PySide6.QtCore import QRect, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

BAND_PIXELS = 1024


class PrinterError(Exception):
    """The printer (or the file it prints to) could not be opened."""


def print_pages(document, printer: QPrinter) -> int:
    """The printer's page range (all when none is set) of a pypdfium2 document."""
    count = len(document)
    first = max(1, printer.fromPage() or 1)
    last = min(count, printer.toPage() or count)
    if printer.paperRect(QPrinter.Unit.DevicePixel).isEmpty():
        match_paper(printer, *document[first - 1].get_size())
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError
    sent = 0
    try:
        for number in range(first, last + 1):
            if sent:
                printer.newPage()
            _print_page(painter, printer, document[number - 1])
            sent += 1
    finally:
        painter.end()
    return sent


def render(page, scale: float, crop=(0, 0, 0, 0), rotation: int = 0) -> QImage:
    """A page (or a band of it) as an image, ``scale`` pixels per point."""
    bitmap = page.render(scale=scale, crop=crop, rotation=rotation, rev_byteorder=True)
    try:
        image = QImage(
            bytes(bitmap.buffer),
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGB888,
        )
        return image.copy()
    finally:
        bitmap.close()


def match_paper(printer: QPrinter, width: float, height: float) -> None:
    """Paper of the PDF page's size (A4) turned the same way (portrait or landscape)."""
    size = QPageSize(
        QSizeF(min(width, height), max(width, height)),
        QPageSize.Unit.Point,
        "",
        QPageSize.SizeMatchPolicy.FuzzyOrientationMatch,
    )
    printer.setPageSize(size)
    landscape = width > height
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )


def _print_page(painter: QPainter, printer: QPrinter, page) -> None:
    """The page over the whole sheet, rendered at the printer's resolution band by band;
    turned a quarter when the paper lies the other way (a landscape register on paper
    set to portrait still fills the sheet)."""
    width, height = page.get_size()
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    turn = (width > height) != (paper.width() > paper.height())
    if turn:
        width, height = height, width
    scale = min(paper.width() / width, paper.height() / height)
    left = round((paper.width() - width * scale) / 2)
    total = round(height * scale)
    for y in range(0, total, BAND_PIXELS):
        end = min(total, y + BAND_PIXELS)
        crop = (0, height - end / scale, 0, y / scale)
        image = render(page, scale, crop=crop, rotation=90 if turn else 0)
        painter.drawImage(QRect(left, y, round(width * scale), end - y), image)

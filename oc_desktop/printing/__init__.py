"""Official Lao printouts as PDF, without Qt: registers, forms, official papers.

Every string is shaped by HarfBuzz (as Qt shows it on screen) and written glyph by glyph,
each run in a face that has its glyphs (Phetsarath for Lao, Noto Sans for Latin), and
Lao wraps between syllables. The builders take plain values and a ``Profile``:

- ``build_register_book(out, title=, columns=, rows=, cover=, profile=, ...)``
- ``build_delivery_book(out, rows=[DeliveryRow...], cover=, profile=, ...)``
- ``build_routing_slip(out, slip=RoutingSlip(...), profile=)``
- ``build_official_document(out, profile=, heading=Heading(...), paragraphs=)``
- ``build_text_document(out, paragraphs=)``

Each writes ``out`` only when finished (a temporary file renamed), takes
``progress(done, total)`` and ``should_cancel()`` where the work is long, and raises
``PrintCancelled`` when stopped.
"""

from oc_desktop.printing.book import BOOK_MARGINS, Cover, build_register_book
from oc_desktop.printing.flow import build_text_document
from oc_desktop.printing.forms import (
    DeliveryRow,
    Route,
    RoutingSlip,
    build_delivery_book,
    build_routing_slip,
)
from oc_desktop.printing.official import Heading, build_official_document
from oc_desktop.printing.page import Margins, PrintCancelled
from oc_desktop.printing.table import Column

__all__ = [
    "BOOK_MARGINS",
    "Column",
    "Cover",
    "DeliveryRow",
    "Heading",
    "Margins",
    "PrintCancelled",
    "Route",
    "RoutingSlip",
    "build_delivery_book",
    "build_official_document",
    "build_register_book",
    "build_routing_slip",
    "build_text_document",
]

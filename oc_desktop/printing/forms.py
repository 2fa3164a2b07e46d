"""The routing slip of an incoming document and the delivery book.

Both take plain values (filled from the register by the caller), so this module knows
nothing of the database.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm

from oc_desktop.formatting import format_date, format_int
from oc_desktop.i18n import N_, _, pgettext
from oc_desktop.printing.book import Cover, build_register_book
from oc_desktop.printing.draw import Writer
from oc_desktop.printing.flow import Flow
from oc_desktop.printing.official import BLANK, BODY, HEADING, TITLE, draw_signatures
from oc_desktop.printing.page import (
    PORTRAIT,
    Frame,
    Margins,
    Progress,
    ShouldCancel,
    output_canvas,
)
from oc_desktop.printing.table import Column, Table
from oc_desktop.profile import Profile, SignerRow

HAND_LINES = 4  # ruled lines for the head's instruction when it is to be written by hand
BLANK_ROUTES = 6  # rows the routes table has at least (as many as fit on the page)


@dataclass(frozen=True)
class Route:
    """One step of the document's way: the section, the person, the deadline."""

    section: str
    person: str = ""
    deadline: dt.date | None = None


@dataclass(frozen=True)
class RoutingSlip:
    arrival_number: str
    arrival_date: dt.date | None
    sender: str
    document_number: str = ""
    document_date: dt.date | None = None
    kind: str = ""  # ຄຳແນະນຳ, ແຈ້ງການ…
    subject: str = ""
    urgency: str = ""  # as shown: ທຳມະດາ, ດ່ວນ, ດ່ວນທີ່ສຸດ
    secrecy: str = ""  # as shown: ທຳມະດາ, ລັບ, ລັບສຸດຍອດ
    instruction: str = ""  # the head's instruction; empty: lines to write it by hand
    routes: tuple[Route, ...] = ()


SLIP_FIELDS = (
    (N_("Arrival number"), "arrival_number"),
    (N_("Arrival date"), "arrival_date"),
    (N_("Sender"), "sender"),
    (N_("Document number"), "document_number"),
    (N_("Document date"), "document_date"),
    (N_("Kind of document"), "kind"),
    (N_("Subject"), "subject"),
    (N_("Urgency"), "urgency"),
    (N_("Confidentiality"), "secrecy"),
)


def _value(value) -> str:
    return format_date(value) if isinstance(value, dt.date) else str(value or "")


def build_routing_slip(
    out: Path | str | BinaryIO,
    *,
    slip: RoutingSlip,
    profile: Profile,
    margins: Margins | None = None,
    record: bool = False,
) -> tuple[int, Writer]:
    """The slip that goes with an incoming document to the head and on to the sections."""
    margins = margins or Margins()
    frame = Frame.of(PORTRAIT, margins)
    with output_canvas(out, PORTRAIT, title=_("Routing slip")) as canvas:
        writer = Writer(canvas, record=record)
        flow = Flow(writer, frame)
        for text, style in ((profile.parent_body, BODY), (profile.name, HEADING)):
            if text:
                flow.paragraph(text, style, align="center", width=frame.width * 0.5)
        flow.space(3 * mm)
        flow.paragraph(_("Routing slip"), TITLE, align="center", space_after=3 * mm)

        fields = Table([Column("", mm=45), Column("")], frame.width)
        fields.rule_above(writer, frame.left, flow.top)
        for label, attribute in SLIP_FIELDS:
            row = fields.layout([_(label), _value(getattr(slip, attribute))])
            flow.top = fields.draw_row(writer, row, frame.left, flow.top)

        flow.space(4 * mm)
        flow.paragraph(_("Instruction of the head"), HEADING)
        if slip.instruction:
            flow.paragraph(slip.instruction, BODY, indent=5 * mm)
        else:
            _hand_lines(flow, HAND_LINES)
        flow.space(2 * mm)
        blank = f"{BLANK}/{BLANK}/{BLANK}"
        flow.paragraph(_("Date {date}").format(date=blank), BODY, align="right")
        draw_signatures(flow, profile.signers[:1], space=18 * mm)

        flow.space(4 * mm)
        flow.paragraph(_("Sent to"), HEADING, space_after=1 * mm)
        routes = Table(
            [
                Column(pgettext("row", "No."), mm=10, align="right"),
                Column(_("Section"), 1.6),
                Column(_("Person responsible"), 1.4),
                Column(_("Deadline"), mm=25),
                Column(_("Received on"), mm=25),
                Column(_("Signature"), 1.0),
            ],
            frame.width,
            min_row_height=10 * mm,
        )
        flow.need(routes.heading_height + 10 * mm)
        flow.top = routes.draw_heading(writer, frame.left, flow.top, numbers=False)
        rows = [
            [format_int(n), r.section, r.person, format_date(r.deadline), "", ""]
            for n, r in enumerate(slip.routes, 1)
        ]
        for cells in rows:
            row = routes.layout(cells)
            flow.need(routes.height(row))
            flow.top = routes.draw_row(writer, row, frame.left, flow.top)
        blank_row = routes.layout([""] * 6)
        for _n in range(BLANK_ROUTES - len(rows)):
            if flow.top - routes.height(blank_row) < frame.bottom:
                break
            flow.top = routes.draw_row(writer, blank_row, frame.left, flow.top)
        canvas.showPage()
        pages = canvas.getPageNumber() - 1
    return pages, writer


def _hand_lines(flow: Flow, count: int) -> None:
    """Dotted lines to write on."""
    canvas = flow.canvas
    canvas.saveState()
    canvas.setDash(1, 2)
    canvas.setLineWidth(0.4)
    for _n in range(count):
        flow.need(8 * mm)
        flow.space(8 * mm)
        canvas.line(flow.frame.left, flow.top, flow.frame.right, flow.top)
    canvas.restoreState()


@dataclass(frozen=True)
class DeliveryRow:
    """A document handed over: who received it signs in the book."""

    date: dt.date | None
    number: str
    subject: str
    recipient: str  # the section or person it is for
    received_by: str = ""  # the name of who took it, if known when printing


def delivery_columns() -> list[Column]:
    return [
        Column(pgettext("row", "No."), mm=12, align="right"),
        Column(_("Date sent"), mm=24),
        Column(_("Document number"), mm=32),
        Column(_("Subject"), 3.0),
        Column(_("Recipient"), 1.4),
        Column(_("Received by"), 1.2),
        Column(_("Date and time received"), mm=30),
        Column(_("Signature"), 1.0),
    ]


def build_delivery_book(
    out: Path | str | BinaryIO,
    *,
    rows: Iterable[DeliveryRow],
    cover: Cover,
    profile: Profile,
    total_rows: int = 0,
    closing_signers: Sequence[SignerRow] | None = None,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    record: bool = False,
    trail_anchor: str | None = None,
) -> int:
    """The book that travels with the documents: one signed line per hand-over."""
    cells = (
        [format_int(n), format_date(r.date), r.number, r.subject, r.recipient, r.received_by]
        + ["", ""]
        for n, r in enumerate(rows, 1)
    )
    return build_register_book(
        out,
        title=cover.title,
        columns=delivery_columns(),
        rows=cells,
        cover=cover,
        profile=profile,
        total_rows=total_rows,
        closing_signers=closing_signers,
        min_row_height=12 * mm,
        progress=progress,
        should_cancel=should_cancel,
        record=record,
        trail_anchor=trail_anchor,
    )

"""The official page: national heading, the issuing office, number, place and date, signatures.

Everything about the office comes from the profile (name, abbreviation, province, the
body above it, signers); nothing of one province is written here.
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
from oc_desktop.printing.flow import Flow
from oc_desktop.printing.page import (
    PORTRAIT,
    Checkpoint,
    Frame,
    Margins,
    Progress,
    ShouldCancel,
    output_canvas,
)
from oc_desktop.printing.text import TextStyle, wrap
from oc_desktop.profile import Profile, SignerRow

# The two lines every official paper of the Lao PDR opens with; never translated.
NATIONAL_HEADING = (
    "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ",
    "ສັນຕິພາບ ເອກະລາດ ປະຊາທິປະໄຕ ເອກະພາບ ວັດທະນະຖາວອນ",
)
BLANK = "…………"  # a number or date to be written by hand

HEADING = TextStyle(12, bold=True)
BODY = TextStyle(12)
TITLE = TextStyle(14, bold=True)
SIGNATURE_SPACE = 28 * mm  # for the signature and the seal
ANCHOR_LINE = TextStyle(9)


@dataclass(frozen=True)
class Heading:
    """What changes from one paper to the next."""

    number: str | None = None  # the running number: "49" prints as ເລກທີ 49/<abbreviation>
    date: dt.date | None = None
    kind: str = ""  # ມະຕິຕົກລົງ, ແຈ້ງການ…
    subject: str = ""  # ວ່າດ້ວຍ…


def number_line(profile: Profile, number: str | None) -> str:
    return _("No. {number}/{abbreviation}").format(
        number=number or BLANK, abbreviation=profile.abbreviation
    )


def place_date_line(profile: Profile, day: dt.date | None) -> str:
    written = format_date(day) if day else f"{BLANK}/{BLANK}/{BLANK}"
    return _("{place}, date {date}").format(place=profile.place, date=written)


def draw_national_heading(flow: Flow) -> None:
    for line in NATIONAL_HEADING:
        flow.paragraph(line, HEADING, align="center")
    canvas, y = flow.canvas, flow.top - 2 * mm
    canvas.setLineWidth(0.6)
    canvas.line(flow.frame.centre - 22 * mm, y, flow.frame.centre - 2 * mm, y)
    canvas.circle(flow.frame.centre, y, 0.8 * mm)
    canvas.line(flow.frame.centre + 2 * mm, y, flow.frame.centre + 22 * mm, y)
    flow.space(6 * mm)


def draw_office_block(flow: Flow, profile: Profile, heading: Heading) -> None:
    """Left: the body above, the office, the number. Right, on the number's line: place, date."""
    column = flow.frame.width * 0.5
    left = [(profile.parent_body, BODY), (profile.name, HEADING)]
    for text, style in left:
        if text:
            flow.paragraph(text, style, align="center", width=column)
    flow.need(BODY.line_height)
    flow.paragraph(number_line(profile, heading.number), BODY, align="center", width=column)
    flow.top += BODY.line_height  # the place and date share the number's line
    flow.paragraph(place_date_line(profile, heading.date), BODY, align="right")
    flow.space(4 * mm)


def draw_title(flow: Flow, heading: Heading) -> None:
    if heading.kind:
        flow.paragraph(heading.kind, TITLE, align="center")
    if heading.subject:
        flow.paragraph(heading.subject, HEADING, align="center")
    flow.space(4 * mm)


def signature_height(
    signers: Sequence[SignerRow], width: float, space: float = SIGNATURE_SPACE
) -> float:
    if not signers:
        return 0.0
    lines = max(len(wrap(s.title, HEADING, width / max(2, len(signers)))) for s in signers)
    return (lines + 1) * HEADING.line_height + space + 4 * mm


def draw_signatures(
    flow: Flow,
    signers: Sequence[SignerRow],
    *,
    names: bool = True,
    space: float = SIGNATURE_SPACE,
    trail_anchor: str | None = None,
) -> None:
    """Side by side, the last on the right (the head signs on the right); each block has
    the title, ``space`` for the signature and seal, and the name. ``trail_anchor``, the
    audit trail's head as printed (``<id>-<12 hex>``), goes under the signatures: what
    the head signs for, which `oc-desktop verify --anchor` compares with the trail later."""
    if not signers:
        return
    columns = max(2, len(signers))
    width = flow.frame.width / columns
    anchor_height = ANCHOR_LINE.line_height + 2 * mm if trail_anchor else 0.0
    flow.need(signature_height(signers, flow.frame.width, space) + anchor_height)
    flow.space(4 * mm)
    top, bottom = flow.top, flow.top
    for n, signer in enumerate(signers):
        x = flow.frame.left + width * (columns - len(signers) + n)
        y = flow.writer.paragraph(signer.title, HEADING, x, top, width, "center")
        y -= space
        if names:  # a name to be written by hand gets a dotted line
            name = signer.name or BLANK * 3
            y = flow.writer.paragraph(name, HEADING, x, y, width, "center")
        bottom = min(bottom, y)
    flow.top = bottom
    if trail_anchor:
        flow.space(2 * mm)
        flow.paragraph(
            _("Audit trail when printed: {anchor}").format(anchor=trail_anchor),
            ANCHOR_LINE,
            align="right",
        )


def build_official_document(
    out: Path | str | BinaryIO,
    *,
    profile: Profile,
    heading: Heading,
    paragraphs: Iterable[str],
    signers: Sequence[SignerRow] | None = None,
    margins: Margins | None = None,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    record: bool = False,
) -> tuple[int, Writer]:
    """An official paper on A4 portrait; pages from the second are numbered at the top.

    ``signers`` defaults to the profile's first signer (the head). Returns the page count
    and the writer (its ``placed`` lists the runs drawn when ``record`` is set).
    """
    check = Checkpoint(progress, should_cancel)
    margins = margins or Margins()
    if signers is None:
        signers = profile.signers[:1]
    title = heading.kind or profile.name
    with output_canvas(out, PORTRAIT, title=title) as canvas:
        writer = Writer(canvas, record=record)
        frame = Frame.of(PORTRAIT, margins)
        flow = Flow(writer, frame, on_page_start=lambda: _number_page(writer, frame, margins))
        draw_national_heading(flow)
        draw_office_block(flow, profile, heading)
        draw_title(flow, heading)
        for done, text in enumerate(paragraphs, 1):
            flow.paragraph(text, BODY, first_indent=10 * mm, space_after=BODY.size * 0.3)
            check(done)
        draw_signatures(flow, signers)
        canvas.showPage()
        pages = canvas.getPageNumber() - 1
    return pages, writer


def _number_page(writer: Writer, frame: Frame, margins: Margins) -> None:
    """From the second page on: the page's number, centred in the top margin."""
    number = format_int(writer.canvas.getPageNumber())
    writer.text(f"- {number} -", BODY, frame.centre, frame.top + margins.top / 2, "center")

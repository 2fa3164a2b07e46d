"""The biography form (ຊີວະປະຫວັດ) and the staff statistics report, as official A4 papers.

Drawn with the printing package's shaped Lao text, ruled tables, national heading and
signature blocks. Both read through the audited operations (``read_file`` with purpose
"print", ``staff_statistics``), so only the staff area's readers print them and every
printout is in the audit trail.
"""

from datetime import date
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader

from oc_desktop.audit.anchors import printed_anchor
from oc_desktop.formatting import format_date, format_int, format_kip
from oc_desktop.i18n import _
from oc_desktop.models.db import Database
from oc_desktop.printing.draw import Writer
from oc_desktop.printing.flow import Flow
from oc_desktop.printing.official import (
    BODY,
    HEADING,
    TITLE,
    Heading,
    draw_national_heading,
    draw_office_block,
    draw_signatures,
    place_date_line,
)
from oc_desktop.printing.page import PORTRAIT, Frame, Margins, output_canvas
from oc_desktop.printing.table import Column, Table
from oc_desktop.profile import SignerRow, load_profile
from oc_desktop.security import Actor
from oc_desktop.staff import terms
from oc_desktop.staff.files import PersonFile, read_file
from oc_desktop.staff.statistics import staff_statistics

PHOTO_W, PHOTO_H = 30 * mm, 40 * mm


def _day(value: date | None) -> str:
    return format_date(value) if value else ""


def _decision(row) -> str:
    return " ".join(p for p in (row.decision_number, _day(row.decision_date)) if p)


def _identity(file: PersonFile) -> list[tuple[str, str]]:
    d = file.data
    birthplace = ", ".join(p for p in (d.birth_village, d.birth_district, d.birth_province) if p)
    position = file.position
    grade = file.grade
    return [
        (_("Name and family name"), file.name),
        (_("Name in Latin letters"), d.latin_name),
        (_("Sex"), terms.word(terms.SEX, d.sex)),
        (_("Date of birth"), _day(d.birth_date)),
        (_("Place of birth"), birthplace),
        (_("Ethnic group"), file.ethnic_group),
        (_("Religion"), d.religion),
        (_("Identity card number"), d.id_card),
        (_("Address"), d.address),
        (_("Telephone"), d.phone),
        (_("Entered service"), _day(d.service_entry)),
        (_("Section"), file.section),
        (
            _("Position"),
            (position.title or terms.word(terms.POSITION, position.position)) if position else "",
        ),
        (
            _("Grade and step"),
            _("grade {grade}, step {step}").format(
                grade=format_int(grade.grade), step=format_int(grade.step)
            )
            if grade
            else "",
        ),
        (_("Basic salary"), format_kip(file.salary, symbol=True) if file.salary else ""),
    ]


def _education(file: PersonFile) -> list[tuple[str, str]]:
    d = file.data
    return [
        (_("General education"), d.education),
        (_("Specialised education"), d.specialised),
        (_("Political theory"), terms.word(terms.THEORY, d.political_theory)),
        (_("State management"), d.state_management),
        (_("Foreign languages"), d.languages),
        (_("Computing"), d.computing),
        (_("Joined the Party"), _day(d.party_joined)),
        (_("Full Party member"), _day(d.party_full)),
        (_("Joined the Youth Union"), _day(d.youth_joined)),
        (_("Joined the Women's Union"), _day(d.women_joined)),
        (_("Joined the Trade Union"), _day(d.union_joined)),
    ]


def _fields(flow: Flow, writer: Writer, rows, width: float) -> None:
    table = Table([Column("", mm=55), Column("")], width)
    table.rule_above(writer, flow.frame.left, flow.top)
    for number, (label, value) in enumerate(rows, 1):
        row = table.layout([f"{format_int(number)}. {label}", value])
        flow.need(table.height(row))
        flow.top = table.draw_row(writer, row, flow.frame.left, flow.top)


def section_heading(flow: Flow, title: str) -> None:
    flow.space(3 * mm)
    flow.need(HEADING.line_height * 3)
    flow.paragraph(title, HEADING, space_after=1 * mm)


def ruled_table(flow: Flow, writer: Writer, columns: list[Column], rows: list[list[str]]) -> None:
    table = Table(columns, flow.frame.width)
    flow.need(table.heading_height + 8 * mm)
    flow.top = table.draw_heading(writer, flow.frame.left, flow.top, numbers=False)
    for cells in rows or [[_("none")] + [""] * (len(columns) - 1)]:
        row = table.layout(cells)
        flow.need(table.height(row))
        if flow.top == flow.frame.top:  # a new page: the headings again
            flow.top = table.draw_heading(writer, flow.frame.left, flow.top, numbers=False)
        flow.top = table.draw_row(writer, row, flow.frame.left, flow.top)


def _photo(flow: Flow, photo: bytes | None) -> None:
    x, top = flow.frame.right - PHOTO_W, flow.top
    canvas = flow.canvas
    if photo:
        try:
            canvas.drawImage(
                ImageReader(BytesIO(photo)),
                x,
                top - PHOTO_H,
                PHOTO_W,
                PHOTO_H,
                preserveAspectRatio=True,
                anchor="c",
            )
            return
        except OSError:  # an image the reader cannot decode: the empty box instead
            pass
    canvas.setLineWidth(0.5)
    canvas.rect(x, top - PHOTO_H, PHOTO_W, PHOTO_H)
    flow.writer.text(_("Photo 3×4"), BODY, x + PHOTO_W / 2, top - PHOTO_H / 2, "center")


def build_biography(out: Path | str | BinaryIO, *, file: PersonFile, profile) -> int:
    """The biography of one person with the photo; returns the page count."""
    frame = Frame.of(PORTRAIT, Margins())
    with output_canvas(out, PORTRAIT, title=_("Biography")) as canvas:
        writer = Writer(canvas)
        flow = Flow(writer, frame)
        draw_national_heading(flow)
        draw_office_block(flow, profile, Heading(date=date.today()))
        flow.paragraph(_("BIOGRAPHY"), TITLE, align="center", space_after=3 * mm)
        _photo(flow, file.data.photo)
        section_heading(flow, _("I. Personal details"))
        _fields(flow, writer, _identity(file), frame.width - PHOTO_W - 4 * mm)
        section_heading(flow, _("II. Education, Party and mass organisations"))
        _fields(flow, writer, _education(file), frame.width)
        section_heading(flow, _("III. Family"))
        ruled_table(
            flow,
            writer,
            [
                Column(_("Relation"), mm=28),
                Column(_("Name"), 1.5),
                Column(_("Born"), mm=16),
                Column(_("Occupation"), 1.0),
                Column(_("Address"), 1.2),
            ],
            [
                [
                    terms.word(terms.RELATION, r.relation),
                    r.name,
                    format_int(r.birth_year) if r.birth_year else "",
                    r.occupation,
                    r.address,
                ]
                for r in file.data.family
            ],
        )
        section_heading(flow, _("IV. Positions held"))
        ruled_table(
            flow,
            writer,
            [
                Column(_("From"), mm=22),
                Column(_("Change"), mm=28),
                Column(_("Position"), 1.2),
                Column(_("Section"), 1.4),
                Column(_("Decision"), mm=36),
            ],
            [
                [
                    _day(p.start),
                    terms.word(terms.POSITION_CHANGE, p.change),
                    p.title or terms.word(terms.POSITION, p.position),
                    file.section_names.get(p.section_id, "") if p.section_id else "",
                    _decision(p),
                ]
                for p in file.positions
            ],
        )
        section_heading(flow, _("V. Grades and salary steps"))
        ruled_table(
            flow,
            writer,
            [
                Column(_("From"), mm=22),
                Column(_("Change"), 1.0),
                Column(_("Grade"), mm=16),
                Column(_("Step"), mm=16),
                Column(_("Decision"), mm=36),
            ],
            [
                [
                    _day(g.start),
                    terms.word(terms.GRADE_CHANGE, g.change),
                    format_int(g.grade),
                    format_int(g.step),
                    _decision(g),
                ]
                for g in file.grades
            ],
        )
        for number, kind, title in (
            ("VI", "training", _("Training")),
            ("VII", "commendation", _("Commendations")),
            ("VIII", "discipline", _("Discipline")),
            ("IX", "evaluation", _("Evaluations")),
        ):
            section_heading(flow, f"{number}. {title}")
            ruled_table(
                flow,
                writer,
                [
                    Column(_("From"), mm=22),
                    Column(_("Until"), mm=22),
                    Column(_("What"), 1.6),
                    Column(_("Institution or issuer"), 1.2),
                    Column(_("Result"), 0.8),
                ],
                [
                    [_day(e.start), _day(e.end), e.title, e.by_whom, e.result]
                    for e in file.events_of(kind)
                ],
            )
        if file.leaving is not None:
            left = file.leaving
            section_heading(flow, _("X. Leaving service"))
            flow.paragraph(
                " — ".join(
                    p
                    for p in (
                        _day(left.start),
                        terms.word(terms.LEAVING, left.reason),
                        terms.word(terms.BENEFIT, left.benefit) if left.benefit != "none" else "",
                        format_kip(left.amount, symbol=True) if left.amount else "",
                        _decision(left),
                    )
                    if p
                ),
                BODY,
            )
        flow.space(4 * mm)
        flow.paragraph(place_date_line(profile, date.today()), BODY, align="right")
        head = profile.signers[:1] or (SignerRow(None, _("Head"), ""),)
        person = SignerRow(None, _("The person declaring"), file.name)
        draw_signatures(flow, (person, *head), space=20 * mm)
        canvas.showPage()
        return canvas.getPageNumber() - 1


def print_biography(db: Database, out, *, actor: Actor, person_id: int) -> int:
    """Read the file (audited as a printout) and print its biography."""
    file = read_file(db, actor=actor, person_id=person_id, purpose="print")
    return build_biography(out, file=file, profile=load_profile(db))


def print_statistics(db: Database, out, *, actor: Actor, as_of: date, preparer: str = "") -> int:
    """The headcount report as of a day, signed by the preparer and the head."""
    stats = staff_statistics(db, actor=actor, as_of=as_of)
    profile = load_profile(db)
    frame = Frame.of(PORTRAIT, Margins())
    with output_canvas(out, PORTRAIT, title=_("Staff statistics")) as canvas:
        writer = Writer(canvas)
        flow = Flow(writer, frame)
        draw_national_heading(flow)
        draw_office_block(flow, profile, Heading(date=date.today()))
        flow.paragraph(_("STAFF STATISTICS"), TITLE, align="center")
        flow.paragraph(
            _("As of {date}").format(date=format_date(as_of, long=True)), HEADING, align="center"
        )
        t = stats.total
        average = (
            _("{age} years").format(age=f"{stats.average_age:.1f}") if stats.average_age else "—"
        )
        flow.space(2 * mm)
        flow.paragraph(
            _(
                "Total {total}, women {women}, ethnic minorities {minorities}, Party members "
                "{party}; average age {average}."
            ).format(
                total=format_int(t.total),
                women=format_int(t.women),
                minorities=format_int(t.minorities),
                party=format_int(t.party),
                average=average,
            ),
            BODY,
        )
        columns = [
            Column(_("Group"), 1.0),
            Column(_("Total"), mm=20, align="right"),
            Column(_("Women"), mm=20, align="right"),
            Column(_("Ethnic minorities"), mm=26, align="right"),
            Column(_("Party members"), mm=24, align="right"),
        ]
        for breakdown in stats.breakdowns:
            section_heading(flow, breakdown.title)
            ruled_table(
                flow,
                writer,
                columns,
                [
                    [
                        c.label,
                        format_int(c.total),
                        format_int(c.women),
                        format_int(c.minorities),
                        format_int(c.party),
                    ]
                    for c in breakdown.rows
                ],
            )
        flow.space(4 * mm)
        flow.paragraph(place_date_line(profile, date.today()), BODY, align="right")
        head = profile.signers[:1] or (SignerRow(None, _("Head"), ""),)
        draw_signatures(
            flow,
            (SignerRow(None, _("Prepared by"), preparer), *head),
            space=20 * mm,
            trail_anchor=printed_anchor(db),
        )
        canvas.showPage()
        return canvas.getPageNumber() - 1

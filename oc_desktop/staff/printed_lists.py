"""Printed lists of the staff: everyone in service on a day, and the promotions due.

Official A4 pages (national heading, office, place and date) with one ruled table,
signed by the preparer and the head. Read through the audited, role-checked operations.
"""

from datetime import date

from reportlab.lib.units import mm

from oc_desktop.audit.anchors import printed_anchor
from oc_desktop.formatting import format_date, format_int
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
from oc_desktop.printing.table import Column
from oc_desktop.profile import SignerRow, load_profile
from oc_desktop.security import Actor
from oc_desktop.staff import terms
from oc_desktop.staff.careers import add_months
from oc_desktop.staff.common import record, require_staff_read
from oc_desktop.staff.due import due_within
from oc_desktop.staff.printouts import ruled_table
from oc_desktop.staff.queries import in_service


def _document(db, out, *, title, subtitle, columns, rows, preparer) -> int:
    profile = load_profile(db)
    frame = Frame.of(PORTRAIT, Margins())
    with output_canvas(out, PORTRAIT, title=title) as canvas:
        writer = Writer(canvas)
        flow = Flow(writer, frame)
        draw_national_heading(flow)
        draw_office_block(flow, profile, Heading(date=date.today()))
        flow.paragraph(title, TITLE, align="center")
        flow.paragraph(subtitle, HEADING, align="center", space_after=3 * mm)
        ruled_table(flow, writer, columns, rows)
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


def _number(n: int) -> str:
    return format_int(n)


def print_staff_list(db: Database, out, *, actor: Actor, as_of: date, preparer: str = "") -> int:
    """Everyone in service on ``as_of``: name, sex, section, position, grade and step."""
    require_staff_read(actor)
    with db.begin() as session:
        people = in_service(session, as_of)
        record(
            session,
            actor=actor,
            action="print",
            entity="staff_list",
            entity_id=as_of.isoformat(),
            new={"as_of": as_of},
        )
    columns = [
        Column(_("No."), mm=10, align="right"),
        Column(_("Name and family name"), 1.3),
        Column(_("Sex"), mm=12),
        Column(_("Section"), 1.4),
        Column(_("Position"), 1.0),
        Column(_("Grade/step"), mm=18),
    ]
    rows = [
        [
            _number(n),
            f"{p.given_name} {p.family_name}".strip(),
            terms.word(terms.SEX, p.sex),
            p.section_name,
            p.position_title or terms.word(terms.POSITION, p.position),
            f"{_number(p.grade)}/{_number(p.step)}" if p.grade is not None else "",
        ]
        for n, p in enumerate(people, 1)
    ]
    return _document(
        db,
        out,
        title=_("STAFF LIST"),
        subtitle=_("As of {date}").format(date=format_date(as_of, long=True)),
        columns=columns,
        rows=rows,
        preparer=preparer,
    )


def print_promotions_due(
    db: Database, out, *, actor: Actor, as_of: date, months: int = 3, preparer: str = ""
) -> int:
    """Who is due for a salary step within ``months`` of ``as_of``, soonest first."""
    lists = due_within(db, actor=actor, on=as_of, months=months)
    with db.begin() as session:
        record(
            session,
            actor=actor,
            action="print",
            entity="promotions_due",
            entity_id=as_of.isoformat(),
            new={"as_of": as_of, "months": months},
        )
    columns = [
        Column(_("No."), mm=10, align="right"),
        Column(_("Name and family name"), 1.3),
        Column(_("Section"), 1.4),
        Column(_("Now"), mm=24),
        Column(_("Due"), mm=24),
        Column(_("Due on"), mm=24),
    ]
    rows = [
        [
            _number(n),
            d.name,
            d.section,
            _("grade {grade}, step {step}").format(grade=_number(d.grade), step=_number(d.step)),
            _("step {step}").format(step=_number(d.step + 1)),
            format_date(d.due_on),
        ]
        for n, d in enumerate(lists.steps, 1)
    ]
    return _document(
        db,
        out,
        title=_("SALARY STEPS DUE"),
        subtitle=_("Due by {date}").format(date=format_date(add_months(as_of, months), long=True)),
        columns=columns,
        rows=rows,
        preparer=preparer,
    )

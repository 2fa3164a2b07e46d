"""The seal log's printouts: the register of seal uses for a period, and the minutes of
one handover for three signatures (who hands over, who receives, the witness).

A use of a secret document prints as its reader sees it on screen: number, date and
kind, with ``(ລັບ)`` for the subject. Every printout is recorded in the audit trail.
"""

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from oc_desktop import audit
from oc_desktop.audit.anchors import printed_anchor
from oc_desktop.documents import terms as document_terms
from oc_desktop.formatting import format_date, format_datetime, format_int
from oc_desktop.i18n import _
from oc_desktop.models import OutgoingDocument, SealUse
from oc_desktop.models.db import Database
from oc_desktop.printing import Column, Cover, Heading, build_official_document
from oc_desktop.printing.page import Progress, ShouldCancel
from oc_desktop.profile import SignerRow, load_profile
from oc_desktop.registers.books import DateRange, print_book
from oc_desktop.registers.paging import Order, batches
from oc_desktop.seal import terms
from oc_desktop.seal.common import AREA_KEY
from oc_desktop.seal.query import UseQuery, handover_row, use_row, use_statement
from oc_desktop.security import Actor, require_read

BATCH = 500


def _bounds(span: DateRange) -> tuple[datetime, datetime]:
    start = datetime.combine(span.start, datetime.min.time())
    return start, datetime.combine(span.end + timedelta(days=1), datetime.min.time())


def use_book_columns() -> list[Column]:
    return [
        Column(_("No."), mm=11, align="right"),
        Column(_("Date and time"), mm=21),
        Column(_("Seal"), 1.0),
        Column(_("Document number and date"), mm=25),
        Column(_("Subject or description"), 2.8),
        Column(_("Signer"), 1.4),
        Column(_("Impression"), mm=21),
        Column(_("Impressions / sheets"), mm=15, align="right"),
        Column(_("Requested and approved by"), 1.4),
        Column(_("Applied by"), 1.1),
        Column(_("Notes"), 0.8),
    ]


def _use_cells(row, secrecy: dict) -> list[str]:
    if row.outgoing_id is None:
        document = ""
        what = row.described
    else:
        document = f"{row.doc_number}, {format_date(row.doc_date)}"
        hidden = f"({document_terms.secrecy(secrecy.get(row.outgoing_id, 0))})"
        what = hidden if row.hidden else f"{row.kind} {row.subject or ''}".strip()
    notes = []
    if row.void_reason:
        notes.append(_("Void: {reason}").format(reason=row.void_reason))
    if row.corrects_id:
        notes.append(_("Corrects entry {id}").format(id=row.corrects_id))
    asked = " / ".join(p for p in (row.requested_by, row.approved_by) if p)
    return [
        format_int(row.seq),
        format_datetime(row.used_at),
        row.seal,
        document,
        what,
        row.signer,
        terms.word(terms.IMPRESSION, row.impression_kind),
        f"{format_int(row.impressions)} / {format_int(row.sheets)}",
        asked,
        row.applied_by,
        "; ".join(notes),
    ]


def count_uses_in(db: Database, span: DateRange) -> int:
    low, high = _bounds(span)
    with db.read() as session:
        return session.scalar(
            select(func.count()).where(SealUse.used_at >= low, SealUse.used_at < high)
        )


def _first_and_last(db: Database, span: DateRange) -> tuple[str | None, str | None]:
    low, high = _bounds(span)
    found = []
    with db.read() as session:
        for order in (SealUse.seq.asc(), SealUse.seq.desc()):
            seq = session.scalar(
                select(SealUse.seq)
                .where(SealUse.used_at >= low, SealUse.used_at < high)
                .order_by(SealUse.period.asc(), order)
                .limit(1)
            )
            found.append(format_int(seq) if seq is not None else None)
    return found[0], found[1]


def print_use_book(
    db: Database,
    out: Path,
    *,
    actor: Actor,
    span: DateRange,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> int:
    """The register of seal uses of a date range in number order; returns its pages."""
    require_read(actor, AREA_KEY)
    low, high = _bounds(span)

    def rows():
        with db.read() as session:
            statement = use_statement(session, actor, UseQuery())
        statement = statement.where(SealUse.used_at >= low, SealUse.used_at < high)
        order = Order((SealUse.period, SealUse.series, SealUse.seq, SealUse.id))
        for batch in batches(db, statement, order, size=BATCH):
            shown = [use_row(actor, item, ()) for item in batch]
            ids = {r.outgoing_id for r in shown if r.hidden}
            secrecy = {}
            if ids:
                with db.read() as session:
                    secrecy = dict(
                        session.execute(
                            select(OutgoingDocument.id, OutgoingDocument.secrecy).where(
                                OutgoingDocument.id.in_(ids)
                            )
                        ).all()
                    )
            for row in shown:
                yield _use_cells(row, secrecy)

    first, last = _first_and_last(db, span)
    title = _("Register of seal uses")
    return print_book(
        db,
        out,
        actor=actor,
        area=AREA_KEY,
        entity="seal_use_book",
        span=span,
        title=title,
        columns=use_book_columns(),
        cover=Cover(
            title=title,
            year=span.start.year if span.start.year == span.end.year else None,
            date_from=span.start,
            date_to=span.end,
            first_number=first,
            last_number=last,
        ),
        rows=rows(),
        total=count_uses_in(db, span),
        progress=progress,
        should_cancel=should_cancel,
    )


def _reason(row) -> str:
    if row.returns_seq is not None and not row.reason:
        return _("Return of handover No. {number}").format(number=format_int(row.returns_seq))
    return row.reason.rstrip(".")


def minutes_paragraphs(row, seal_kind: str) -> list[str]:
    yes_no = _("yes") if row.leaves_premises else _("no")
    lines = [
        _("Today, {date} at {time}, the seal below was handed over and received.").format(
            date=format_date(row.left_at.date(), long=True), time=row.left_at.strftime("%H:%M")
        ),
        _("Seal: {name} ({kind}).").format(name=row.seal, kind=seal_kind),
        _("Handed over by: {name}.").format(name=row.giver or "—"),
        _("Received by: {name}.").format(name=row.receiver),
        _("Witness: {name}.").format(name=row.witness),
        _("Written permission: {by}, No. {number} of {date}.").format(
            by=row.authorised_by,
            number=row.authorisation_number,
            date=format_date(row.authorisation_date),
        ),
        _("Reason: {reason}.").format(reason=_reason(row)),
        _("The seal leaves the office premises: {answer}.").format(answer=yes_no),
    ]
    if row.due_back:
        lines.append(_("To be returned by: {date}.").format(date=format_date(row.due_back)))
    if row.condition:
        lines.append(_("Condition of the seal: {condition}.").format(condition=row.condition))
    lines.append(_("These minutes are made in two copies, one for each side, equally valid."))
    return lines


def print_handover_minutes(db: Database, out: Path, *, actor: Actor, handover_id: int) -> int:
    """ບົດບັນທຶກການມອບ-ຮັບ of one handover: its facts and three signatures."""
    from oc_desktop.models import Seal, SealHandover

    row = handover_row(db, actor=actor, handover_id=handover_id)
    if row is None:
        raise LookupError(handover_id)
    with db.read() as session:
        seal_id = session.get(SealHandover, handover_id).seal_id
        kind = terms.word(terms.SEAL_KIND, session.get(Seal, seal_id).kind)
    heading = Heading(
        number=format_int(row.seq),
        date=row.left_at.date(),
        kind=_("Minutes of the seal handover"),
    )
    signers = [
        SignerRow(None, _("Handed over by"), row.giver),
        SignerRow(None, _("Witness"), row.witness),
        SignerRow(None, _("Received by"), row.receiver),
    ]
    pages, _writer = build_official_document(
        out,
        profile=load_profile(db),
        heading=heading,
        paragraphs=minutes_paragraphs(row, kind),
        signers=signers,
    )
    with db.begin() as session:
        audit.record(
            session,
            actor=actor,
            action="print",
            entity="seal_handover_minutes",
            entity_id=handover_id,
            area=AREA_KEY,
        )
    return pages


def print_seal_list(db: Database, out: Path, *, actor: Actor) -> int:
    """Every seal the office keeps: kind, holder, status since when and on what decision,
    where it is kept, last use."""
    from oc_desktop.printing import build_register_book
    from oc_desktop.seal.seals import seal_rows, status_history

    require_read(actor, AREA_KEY)
    seals = seal_rows(db, actor=actor)
    rows = []
    for seal in seals:
        last = status_history(db, actor=actor, seal_id=seal.id)[-1:]
        decision = " ".join(
            p for p in (last[0].decision_number, format_date(last[0].decision_date)) if p
        ) if last else ""  # fmt: skip
        rows.append(
            [
                format_int(seal.id),
                seal.name,
                terms.word(terms.SEAL_KIND, seal.kind),
                seal.holder,
                terms.word(terms.SEAL_STATUS, seal.status),
                format_date(seal.status_since),
                decision,
                seal.kept_at,
                format_datetime(seal.last_used),
            ]
        )
    title = _("List of seals")
    pages = build_register_book(
        out,
        title=title,
        columns=[
            Column(_("No."), mm=11, align="right"),
            Column(_("Seal"), 1.6),
            Column(_("Kind"), 1.0),
            Column(_("Holder"), 1.3),
            Column(_("Status"), mm=24),
            Column(_("Since"), mm=22),
            Column(_("Decision"), 1.0),
            Column(_("Kept at"), 1.3),
            Column(_("Last used"), mm=28),
        ],
        rows=rows,
        cover=Cover(title=title),
        profile=load_profile(db),
        total_rows=len(rows),
        trail_anchor=printed_anchor(db),
    )
    with db.begin() as session:
        audit.record(
            session,
            actor=actor,
            action="print",
            entity="seal_list",
            entity_id="all",
            area=AREA_KEY,
            new={"entries": len(rows)},
        )
    return pages

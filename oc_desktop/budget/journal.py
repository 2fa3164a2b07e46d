"""The journal of revenue and expenditure: vouchers numbered per fiscal year and kind,
never edited or deleted. A mistake is reversed by a new voucher of the opposite amount
that points at it; a closed month takes no new voucher."""

import hashlib
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from oc_desktop import audit
from oc_desktop.budget import AREA_KEY
from oc_desktop.budget.common import NAME_MAX, check_amount, check_month, check_writer, check_year
from oc_desktop.budget.rules import fiscal_year, in_force
from oc_desktop.i18n import _
from oc_desktop.models import BudgetLine, ClosedMonth, JournalEntry
from oc_desktop.models.budget import KINDS
from oc_desktop.models.db import Database
from oc_desktop.paths import scans_dir
from oc_desktop.registers.entries import stamp
from oc_desktop.registers.numbering import next_seq, seq_taken
from oc_desktop.security import Actor, require_read, require_write
from oc_desktop.validation import Checker

ENTITY = "budget_journal"
DESCRIPTION_MAX = 500
SCAN_TYPES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def voucher_number(session: Session, *, kind: str, year: int, seq: int, on: date) -> str:
    """``ລຈ 12/2025``: the kind's letters (setting), the running number, the year."""
    prefix = in_force(session, "budget_voucher_prefix", on).get(kind, "")
    return f"{prefix} {seq}/{year}".strip()


def is_closed(session: Session, day: date) -> bool:
    return session.get(ClosedMonth, (day.year, day.month)) is not None


def _check_open(session: Session, check: Checker, field: str, day: date) -> None:
    if is_closed(session, day):
        check.fail(
            field,
            _("The month {month} is closed: it takes no new entry.").format(
                month=f"{day.month:02d}/{day.year}"
            ),
        )


def _store_scan(data_dir: Path, source: Path) -> tuple[str, str]:
    """Copy a voucher's scan into the data folder, checked; (stored name, SHA-256)."""
    folder = scans_dir(data_dir) / "budget"
    folder.mkdir(parents=True, exist_ok=True)
    stored = folder / f"{uuid.uuid4().hex}{source.suffix.lower()}"
    partial = stored.with_name(f".{stored.name}.part")
    shutil.copyfile(source, partial)
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    digest = hashlib.sha256(partial.read_bytes()).hexdigest()
    if digest != hashlib.sha256(source.read_bytes()).hexdigest():
        partial.unlink(missing_ok=True)
        raise OSError(_("The copy of the scan does not match the original."))
    partial.replace(stored)
    return stored.relative_to(scans_dir(data_dir)).as_posix(), digest


def _add(session: Session, actor: Actor, audited: bool = True, **values) -> JournalEntry:
    entry = JournalEntry(**values)
    stamp(entry, actor, created=True)
    session.add(entry)
    session.flush()
    if not audited:  # an import, audited as one
        return entry
    audit.record(
        session,
        actor=actor,
        action="create",
        entity=ENTITY,
        entity_id=entry.id,
        area=AREA_KEY,
        new={
            "number": entry.number,
            "entry_date": entry.entry_date,
            "line_id": entry.line_id,
            "description": entry.description,
            "amount": entry.amount,
            "party": entry.party,
            "approved_by": entry.approved_by,
            "reverses_id": entry.reverses_id,
            "payroll_id": entry.payroll_id,
            "scan_sha256": entry.scan_sha256,
        },
    )
    return entry


def record_entry(db: Database, **voucher) -> int:
    """Write a voucher with the next number of its year and kind (or one typed from a
    paper book, if its series does not hold it yet): ``enter_voucher``'s keywords, in a
    transaction of its own."""
    with db.begin() as session:
        return enter_voucher(session, **voucher).id


def enter_voucher(
    session: Session,
    *,
    actor: Actor,
    kind: str,
    entry_date: date,
    line_id: int | None,
    description: str,
    amount: int,
    party: str = "",
    approved_by: str = "",
    seq: int | None = None,
    scan: Path | None = None,
    data_dir: Path | None = None,
    payroll_id: int | None = None,
    audited: bool = True,
) -> JournalEntry:
    """Inside a transaction: a voucher checked as the form's (``ValidationError``);
    ``audited`` False when an import audits its rows as one."""
    check = Checker()
    check.choice("kind", kind, KINDS, message=_("Choose revenue or expenditure."))
    description = check.text("description", description, max_length=DESCRIPTION_MAX)
    party = check.text("party", party, max_length=NAME_MAX, required=False, one_line=True)
    approved_by = check.text(
        "approved_by", approved_by, max_length=200, required=False, one_line=True
    )
    check_amount(check, "amount", amount)
    check.day("entry_date", entry_date)
    message = _("Enter a number from 1 up.")
    check.whole("seq", seq, low=1, high=9_999_999, required=False, message=message)
    if scan is not None:
        scan = check.path("scan", scan, message=_("This file cannot be read."))
        if scan is None:
            pass
        elif scan.suffix.lower() not in SCAN_TYPES:
            check.fail("scan", _("Attach a PDF or an image (PNG, JPEG, TIFF)."))
        elif not scan.is_file():
            check.fail("scan", _("This file cannot be read."))
        elif data_dir is None:
            raise ValueError("a scan needs the data folder")
    check_writer(check, actor, "description")
    check.done()
    return write_entry(
        session,
        actor,
        check,
        kind=kind,
        entry_date=entry_date,
        line_id=line_id,
        description=description,
        amount=amount,
        party=party,
        approved_by=approved_by,
        seq=seq,
        scan=scan,
        data_dir=data_dir,
        payroll_id=payroll_id,
        audited=audited,
    )


def write_entry(
    session: Session,
    actor: Actor,
    check: Checker,
    *,
    kind: str,
    entry_date: date,
    line_id: int | None,
    description: str,
    amount: int,
    party: str,
    approved_by: str,
    seq: int | None = None,
    scan: Path | None = None,
    data_dir: Path | None = None,
    payroll_id: int | None = None,
    audited: bool = True,
) -> JournalEntry:
    """Inside a transaction, with the values checked: the voucher, or field errors."""
    year = fiscal_year(session, entry_date)
    message = _("Choose an item of the year {year}.").format(year=year)
    line = check.row(session, BudgetLine, "line_id", line_id, message=message, required=False)
    if line is None or line.parent_id is None or line.year != year:
        check.fail("line_id", message)
    elif line.kind != kind:
        check.fail("line_id", _("This item is not of the kind chosen."))
    _check_open(session, check, "entry_date", entry_date)
    if seq is None:
        seq = next_seq(session, JournalEntry, period=year, series=kind)
    elif seq_taken(session, JournalEntry, period=year, series=kind, seq=seq):
        check.fail("seq", _("Number {number} is taken in this series.").format(number=seq))
    check.done()
    scan_name = scan_sha = None
    if scan is not None:
        scan_name, scan_sha = _store_scan(data_dir, scan)
    return _add(
        session,
        actor,
        period=year,
        series=kind,
        seq=seq,
        number=voucher_number(session, kind=kind, year=year, seq=seq, on=entry_date),
        entry_date=entry_date,
        line_id=line_id,
        description=description,
        amount=amount,
        party=party,
        approved_by=approved_by,
        payroll_id=payroll_id,
        scan_name=scan_name,
        scan_sha256=scan_sha,
        audited=audited,
    )


def reverse_in(
    session: Session, actor: Actor, check: Checker, *, entry_id: int, entry_date: date, reason: str
) -> JournalEntry:
    """Inside a transaction: the reversing voucher of ``entry_id``, or field errors."""
    check.day("entry_date", entry_date)
    original = check.row(
        session, JournalEntry, "reason", entry_id, message=_("This entry does not exist.")
    )
    check.done()
    if original.reverses_id is not None:
        check.fail("reason", _("A reversal is not reversed; write a new entry instead."))
    already = session.scalar(select(JournalEntry.id).where(JournalEntry.reverses_id == entry_id))
    if already is not None:
        check.fail("reason", _("This entry is reversed already."))
    if entry_date < original.entry_date:
        check.fail("entry_date", _("A reversal cannot be dated before the entry."))
    _check_open(session, check, "entry_date", entry_date)
    year = fiscal_year(session, entry_date)
    line = session.get(BudgetLine, original.line_id)
    if line.year != year:
        check.fail("entry_date", _("Reverse an entry within its own fiscal year."))
    check.done()
    kind = original.series
    seq = next_seq(session, JournalEntry, period=year, series=kind)
    return _add(
        session,
        actor,
        period=year,
        series=kind,
        seq=seq,
        number=voucher_number(session, kind=kind, year=year, seq=seq, on=entry_date),
        entry_date=entry_date,
        line_id=original.line_id,
        description=_("Reversal of {number}: {reason}").format(
            number=original.number, reason=reason
        ),
        amount=-original.amount,
        party=original.party,
        approved_by=original.approved_by,
        reverses_id=original.id,
        payroll_id=original.payroll_id,
    )


def reverse_entry(
    db: Database, *, actor: Actor, entry_id: int, entry_date: date, reason: str
) -> int:
    """Cancel a voucher's effect by a new one of the opposite amount pointing at it."""
    check = Checker()
    reason = check.text("reason", reason, max_length=300)
    check_writer(check, actor, "reason")
    check.done()
    with db.begin() as session:
        message = _("This entry does not exist.")
        original = check.row(session, JournalEntry, "reason", entry_id, message=message)
        check.done()
        if original.payroll_id is not None:
            check.fail("reason", _("A payroll's voucher is reversed with its payroll."))
            check.done()
        return reverse_in(
            session, actor, check, entry_id=entry_id, entry_date=entry_date, reason=reason
        ).id


def close_month(db: Database, *, actor: Actor, year: int, month: int) -> None:
    """Close a month's books: no entry dated in it is written afterwards."""
    require_write(actor, AREA_KEY)
    check = Checker()
    check_year(check, year)
    check_month(check, month)
    check.done()
    with db.begin() as session:
        if session.get(ClosedMonth, (year, month)) is not None:
            check.fail("month", _("This month is closed already."))
            check.done()
        session.add(ClosedMonth(year=year, month=month, closed_by=actor.user_id))
        audit.record(
            session,
            actor=actor,
            action="close",
            entity="budget_month",
            entity_id=f"{year}-{month:02d}",
            area=AREA_KEY,
            new={"year": year, "month": month},
        )


def closed_months(db: Database, *, year: int) -> list[int]:
    with db.read() as session:
        return list(
            session.scalars(
                select(ClosedMonth.month)
                .where(ClosedMonth.year == year)
                .order_by(ClosedMonth.month)
            )
        )


@dataclass(frozen=True)
class Voucher:
    id: int
    number: str
    kind: str
    entry_date: date
    line_code: str
    line_name: str
    description: str
    amount: int
    party: str
    approved_by: str
    reverses: str  # the number this entry reverses, or ""
    reversed_by: str  # the number of the entry that reversed this one, or ""
    scan_name: str | None
    key: tuple = ()


def voucher(db: Database, *, actor: Actor, entry_id: int) -> Voucher | None:
    from oc_desktop.budget.journal_query import rows_for

    require_read(actor, AREA_KEY)
    with db.read() as session:
        found = rows_for(session, [entry_id])
    return found[0] if found else None

"""Old incoming and outgoing registers brought in from a spreadsheet.

Each row is checked as the register's own form checks it (``check_incoming``,
``check_outgoing``); besides, a date that cannot be read, an urgency or secrecy the
program does not know, a number its series holds already (in the data or higher up in
the file) and a letter registered already (the register's duplicate check) refuse the
row. Numbers are kept as the old book wrote them; rows without one get the next.
Kinds and senders the lists do not hold are named for the clerk to confirm.
"""

import contextlib
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select

from oc_desktop import audit
from oc_desktop.documents import terms
from oc_desktop.documents.common import AREA_KEY
from oc_desktop.documents.directory import correspondent_id
from oc_desktop.documents.incoming import check_incoming, incoming_row
from oc_desktop.documents.outgoing import check_outgoing, insert_outgoing
from oc_desktop.documents.search_index import incoming_texts, insert_statement
from oc_desktop.exchange.dates import read_date, read_moment
from oc_desktop.exchange.declare import HIDDEN
from oc_desktop.exchange.importing import Plan, Refusal
from oc_desktop.i18n import N_, _, every_language
from oc_desktop.laotext import identity_key, index_sort_key, search_key, to_arabic_digits
from oc_desktop.models import Correspondent, DocumentKind, IncomingDocument, OutgoingDocument
from oc_desktop.models.db import Database
from oc_desktop.registers.entries import new_stamps
from oc_desktop.registers.numbering import load_rules
from oc_desktop.security import Actor
from oc_desktop.validation import Checker, ValidationError


@dataclass(frozen=True)
class Entry:
    row: int
    values: dict[str, Any]  # as the register's check returned them
    kind: str  # the kind's name, "" for none
    seq: int | None
    number: str | None  # outgoing: the number as written


def _blank(value) -> bool:
    return value is None or value == ""


def _text(value) -> str:
    if _blank(value):
        return ""
    if value == HIDDEN:
        raise ValueError(_("the file hides this entry's words (it was exported without clearance)"))
    if isinstance(value, datetime | date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


@functools.cache
def _levels(labels: tuple[tuple[int, str], ...]) -> dict[str, int]:
    """A level's words in either language (and its digit), folded, to the level."""
    words = {str(level): level for level, _label in labels}
    for level, label in labels:
        words |= {search_key(word): level for word in every_language(label)}
    return words


def _level(value, labels: dict[int, str], what: str) -> int:
    if _blank(value):
        return 0
    found = _levels(tuple(labels.items())).get(search_key(to_arabic_digits(str(value))))
    if found is None:
        raise ValueError(_("unknown {what} “{value}”").format(what=what, value=value))
    return found


#: the highest number a register gives (``register_incoming``'s ``seq``)
MAX_SEQ = 9_999_999


def _whole(value, what: str) -> int | None:
    """A number from 1 to ``MAX_SEQ`` in Arabic or Lao digits (no fraction, no sign and
    no other script's digits, which ``int`` would read or choke on)."""
    if _blank(value):
        return None
    text = to_arabic_digits(str(value)).strip()
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= MAX_SEQ:
        raise ValueError(
            _("{what} is not a whole number: “{value}”").format(what=what, value=value)
        )
    return int(text)


def _when(value, order: str, what: str, moment=False):
    try:
        return (read_moment if moment else read_date)(value, order)
    except ValueError:
        raise ValueError(
            _("{what}: “{value}” is not a date").format(what=what, value=_text(value))
        ) from None


def _kinds(session) -> dict[str, int]:
    """The office's kinds by their folded name (a kind typed ຫນັງສືສະເໜີ is ໜັງສືສະເໜີ)."""
    rows = session.execute(select(DocumentKind.name, DocumentKind.id))
    return {search_key(name): kind_id for name, kind_id in rows}


BATCH = 5_000  # rows written at a time by a bulk import


class _Lists:
    """What the register holds already, read once: kinds, names, numbers given."""

    def __init__(self, session, model) -> None:
        self.kinds = _kinds(session)
        self.names = set(session.scalars(select(Correspondent.name)))
        self.session, self.model = session, model
        self.taken: dict[tuple[int, str], set[int]] = {}  # read a period at a time
        self.rules = load_rules(session)
        self.new_kinds: dict[str, str] = {}
        self.new_names: dict[str, None] = {}

    def kind(self, name: str) -> int | None:
        if not name:
            return None
        found = self.kinds.get(search_key(name))
        if found is None:
            self.new_kinds.setdefault(search_key(name), name)
        return found

    def name(self, name: str) -> None:
        if name and name not in self.names:
            self.new_names[name] = None

    def take(self, period: int, series: str, seq: int | None) -> bool:
        """Whether the number is free (and now taken by this row)."""
        if seq is None:
            return True
        given = self.taken.get((period, series))
        if given is None:
            model = self.model
            numbers = select(model.seq).where(model.period == period, model.series == series)
            given = self.taken[(period, series)] = set(self.session.scalars(numbers))
        if seq in given:
            return False
        given.add(seq)
        return True


class _Register:
    register: str
    model: type
    labels: dict[str, str]

    def label(self, key: str) -> str:
        return _(self.labels[key]) if key in self.labels else key

    def reason(self, errors: dict[str, str]) -> str:
        """A refusal in words: each field by its label, with the register's message."""
        return "; ".join(f"{self.label(field)}: {message}" for field, message in errors.items())

    def plan(self, db: Database, actor: Actor, records: Iterable, *, date_order: str) -> Plan:
        plan = Plan()
        with db.read() as session:
            lists = _Lists(session, self.model)
            seen: set = set()
            for row, cells in records:
                try:
                    entry = self._entry(session, actor, lists, seen, row, cells, date_order)
                except ValueError as error:
                    plan.refused.append(Refusal(row, str(error)))
                else:
                    plan.ready.append(entry)
            self._finish(session, plan)
        plan.refused.sort(key=lambda refusal: refusal.row)
        plan.new_kinds = list(lists.new_kinds.values())
        plan.new_names = list(lists.new_names)
        return plan

    def apply(self, db: Database, actor: Actor, plan: Plan, *, source: str, progress=None) -> int:
        """Every row in one transaction; numbered rows first, so a row without a number
        never takes one a later row of the book holds."""
        ordered = sorted(plan.ready, key=lambda e: e.seq is None)
        with db.begin() as session:
            kinds = _kinds(session)
            for name in plan.new_kinds:
                if search_key(name) not in kinds:
                    kind = DocumentKind(name=name, sort=index_sort_key(name), active=True)
                    session.add(kind)
                    session.flush()
                    kinds[search_key(name)] = kind.id
            self._write(session, actor, ordered, kinds, progress)
            audit.record(
                session,
                actor=actor,
                action="import",
                entity=f"{self.register}_book",
                entity_id=source,
                area=AREA_KEY,
                new={
                    "file": source,
                    "rows": len(ordered),
                    "kind": ", ".join(plan.new_kinds) or None,
                },
            )
        return len(ordered)

    def _refused(self, entry: Entry, error: ValidationError) -> ValueError:
        reason = self.reason(error.errors)
        return ValueError(_("Row {row}: {reason}").format(row=entry.row, reason=reason))

    def _write(self, session, actor, ordered: list[Entry], kinds: dict, progress) -> None:
        """Each row through the register's own operation (a book of a few hundred rows)."""
        for done, entry in enumerate(ordered, start=1):
            try:
                self._insert(session, actor, entry, kinds.get(search_key(entry.kind)))
            except ValidationError as error:
                raise self._refused(entry, error) from error
            if progress is not None and done % 500 == 0 and not progress(done, len(ordered)):
                raise InterruptedError

    def _finish(self, session, plan: Plan) -> None:
        """Checks made once for the whole file after its rows were read."""


class IncomingImporter(_Register):
    register, model = "incoming", IncomingDocument
    labels = {
        "seq": N_("No."),
        "received_at": N_("Arrived"),
        "sender": N_("Sender"),
        "doc_number": N_("Doc. number"),
        "doc_date": N_("Doc. date"),
        "subject": N_("Subject"),
        "pages": N_("Pages"),
        "urgency": N_("Urgency"),
        "secrecy": N_("Secrecy"),
        "notes": N_("Notes"),
    }

    def _entry(self, session, actor, lists: _Lists, seen: set, row: int, cells: dict, order: str):
        received = _when(cells.get("received_at"), order, self.label("received_at"), moment=True)
        written = _when(cells.get("doc_date"), order, self.label("doc_date"))
        seq = _whole(cells.get("seq"), self.label("seq"))
        pages = _whole(cells.get("pages"), self.label("pages"))
        urgency = _level(cells.get("urgency"), terms.URGENCY, self.label("urgency"))
        secrecy = _level(cells.get("secrecy"), terms.SECRECY, self.label("secrecy"))
        check = Checker()
        values = check_incoming(
            check,
            actor,
            received_at=received,
            sender=_text(cells.get("sender")),
            doc_number=_text(cells.get("doc_number")),
            doc_date=written,
            subject=_text(cells.get("subject")),
            notes=_text(cells.get("notes")),
            pages=pages,
            urgency=urgency,
            secrecy=secrecy,
        )
        if check.errors:
            raise ValueError(self.reason(check.errors))
        period = lists.rules.period_of(received.date())
        if not lists.take(period, "", seq):
            raise ValueError(_("Number {number} is taken in this period.").format(number=seq))
        same = (values["sender"], values["doc_number"], written)
        if same in seen:
            raise ValueError(_("Registered already: the same sender, number and date."))
        seen.add(same)
        values["period"] = period
        kind = _text(cells.get("kind"))
        lists.kind(kind)
        lists.name(values["sender"])
        return Entry(row, values, kind, seq, None)

    def _finish(self, session, plan: Plan) -> None:
        """A letter the register holds already (the same sender, number and date) is
        refused: looked up once for the days the file covers, not row by row."""
        if not plan.ready:
            return
        days = [entry.values["doc_date"] for entry in plan.ready]
        held = _letters(session, min(days), max(days))
        kept = []
        for entry in plan.ready:
            values = entry.values
            if _same_letter(values) in held:
                message = _("Registered already: the same sender, number and date.")
                plan.refused.append(Refusal(entry.row, message))
            else:
                held.add(_same_letter(values))  # a letter twice in the book: once
                kept.append(entry)
        plan.ready = kept

    def _write(self, session, actor, ordered: list[Entry], kinds: dict, progress) -> None:
        """The whole book at once: the rows and their search index written in batches,
        numbers and duplicates checked again inside the transaction (someone may have
        registered a letter since the dry run)."""
        model = IncomingDocument
        periods = {entry.values["period"] for entry in ordered}
        taken = set(
            session.execute(
                select(model.period, model.seq).where(model.series == "", model.period.in_(periods))
            )
        )
        highest: dict[int, int] = {}
        for period, seq in taken:
            highest[period] = max(highest.get(period, 0), seq)
        days = [entry.values["doc_date"] for entry in ordered]
        held = _letters(session, min(days), max(days)) if days else set()
        names = dict(session.execute(select(Correspondent.name_key, Correspondent.id)).all())
        next_id = (session.scalar(select(func.max(model.id))) or 0) + 1
        stamps = new_stamps(actor)
        rows, index_rows = [], []
        for done, entry in enumerate(ordered, start=1):
            values, period = entry.values, entry.values["period"]
            seq = entry.seq if entry.seq is not None else highest.get(period, 0) + 1
            if (period, seq) in taken:
                message = _("Number {number} is taken in this period.").format(number=seq)
                raise self._refused(entry, ValidationError({"seq": message}))
            if _same_letter(values) in held:
                message = _("Registered already: the same sender, number and date.")
                raise self._refused(entry, ValidationError({"doc_number": message}))
            held.add(_same_letter(values))
            taken.add((period, seq))
            highest[period] = max(highest.get(period, 0), seq)
            sender = identity_key(values["sender"])
            if sender not in names:
                names[sender] = correspondent_id(session, values["sender"])
            row = incoming_row(
                values,
                period=period,
                seq=seq,
                sender_id=names[sender],
                kind_id=kinds.get(search_key(entry.kind)),
                pages=values["pages"],
                urgency=values["urgency"],
                secrecy=values["secrecy"],
            )
            rows.append({"id": next_id, **row, **stamps})
            texts = incoming_texts(
                secrecy=values["secrecy"],
                seq=seq,
                doc_number=values["doc_number"],
                sender=values["sender"],
                subject=values["subject"],
                notes=values["notes"],
            )
            index_rows.append({"id": next_id, **texts})
            next_id += 1
            if len(rows) == BATCH or done == len(ordered):
                session.execute(insert(model.__table__), rows)  # Core: no ORM per row
                session.execute(insert_statement("incoming"), index_rows)
                rows, index_rows = [], []
                if progress is not None and not progress(done, len(ordered)):
                    raise InterruptedError


def _same_letter(values: dict) -> tuple:
    """What makes two entries one letter, however either was typed (the register's
    duplicate check: look-alike spellings, digit systems and spacing fold)."""
    return identity_key(values["sender"]), identity_key(values["doc_number"]), values["doc_date"]


def _letters(session, first: date, last: date) -> set[tuple]:
    """``_same_letter`` of each letter registered between two dates."""
    found = session.execute(
        select(Correspondent.name_key, IncomingDocument.doc_number, IncomingDocument.doc_date)
        .join(Correspondent, Correspondent.id == IncomingDocument.sender_id)
        .where(IncomingDocument.doc_date.between(first, last))
    )
    return {(sender, identity_key(number), day) for sender, number, day in found}


def _recipients(value) -> list[str]:
    text = _text(value).replace("\n", ";")
    return [part.strip() for part in text.split(";") if part.strip()]


class OutgoingImporter(_Register):
    register, model = "outgoing", OutgoingDocument
    labels = {
        "number": N_("Number"),
        "doc_date": N_("Date"),
        "recipients": N_("Recipients"),
        "subject": N_("Subject"),
        "signer": N_("Signer"),
        "urgency": N_("Urgency"),
        "secrecy": N_("Secrecy"),
        "sent_on": N_("Sent on"),
        "copies": N_("Copies"),
        "notes": N_("Notes"),
    }

    def _entry(self, session, actor, lists: _Lists, seen: set, row: int, cells: dict, order: str):
        written = _when(cells.get("doc_date"), order, self.label("doc_date"))
        sent = _when(cells.get("sent_on"), order, self.label("sent_on"))
        number = _text(cells.get("number"))
        seq = None
        if number:
            with contextlib.suppress(ValueError):
                seq = _whole(number.split("/", 1)[0], self.label("number"))
            if seq is None:  # "1.5/…", "/…", "0/…" or a number no register reaches
                raise ValueError(
                    _("{what} does not start with a number: “{value}”").format(
                        what=self.label("number"), value=number
                    )
                )
        copies = _whole(cells.get("copies"), self.label("copies")) or 1
        urgency = _level(cells.get("urgency"), terms.URGENCY, self.label("urgency"))
        secrecy = _level(cells.get("secrecy"), terms.SECRECY, self.label("secrecy"))
        check = Checker()
        values = check_outgoing(
            check,
            actor,
            doc_date=written,
            subject=_text(cells.get("subject")),
            recipients=_recipients(cells.get("recipients")),
            signer=_text(cells.get("signer")),
            copies=copies,
            file_copy_at="",
            sent_on=sent,
            urgency=urgency,
            secrecy=secrecy,
            notes=_text(cells.get("notes")),
        )
        if check.errors:
            raise ValueError(self.reason(check.errors))
        kind = _text(cells.get("kind"))
        kind_id = lists.kind(kind)
        period = lists.rules.period_of(written)
        series = lists.rules.outgoing_series(secrecy=secrecy, kind_id=kind_id)
        if not lists.take(period, series, seq):
            raise ValueError(_("Number {number} is taken in this series.").format(number=seq))
        for name in values["recipients"]:
            lists.name(name)
        keep = number if "/" in number else None
        return Entry(row, values, kind, seq, keep)

    def _insert(self, session, actor, entry: Entry, kind_id) -> None:
        values = entry.values
        insert_outgoing(
            session,
            actor=actor,
            values=values,
            kind_id=kind_id,
            copies=values["copies"],
            answers_id=None,
            urgency=values["urgency"],
            secrecy=values["secrecy"],
            seq=entry.seq,
            number=entry.number,
            audited=False,
        )


INCOMING = IncomingImporter()
OUTGOING = OutgoingImporter()

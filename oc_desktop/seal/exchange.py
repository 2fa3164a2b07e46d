"""The seal use log as a spreadsheet, and an office's old seal book brought in.

Export: the tab's columns with real values (the moment as a date and time, counts as
numbers); of a secret letter its reader may not read, the subject is written — (as the
tab shows it). Import: each row a use logged by ``log_use``, the operation the New use
form saves through, so the rules of a sealing hold for an old book as for today's: the
seal in use on that day, in the custody of the person who applied it (as the handovers
recorded here say), approved when the office requires it, a document named. The log is
an append-only hash chain: old uses join it in the book's order, numbered as the log
numbers them (the chain links entries as they are written, so a number an old book
gave cannot be kept), with today's stamp of who entered them; a use whose seal was in
nobody's recorded custody is refused — record the seal's handovers from that day first.
"""

from datetime import date

from sqlalchemy import select

from oc_desktop.exchange.cells import text, when, whole
from oc_desktop.exchange.declare import HIDDEN, ExportColumn, ImportField, Register
from oc_desktop.exchange.through import ThroughOperation
from oc_desktop.i18n import N_, _, every_language
from oc_desktop.laotext import identity_key, search_key
from oc_desktop.models import OutgoingDocument, Seal, SealUse, User
from oc_desktop.seal import terms
from oc_desktop.seal.common import AREA_KEY
from oc_desktop.seal.query import UseQuery, count_uses, fetch_uses
from oc_desktop.seal.uses import log_use
from oc_desktop.validation import ValidationError

DATE = "00.00.0000"


def _document(row):
    if row.outgoing_id is None:
        return row.described
    if row.hidden:
        return HIDDEN
    return f"{row.kind} {row.subject}".strip()


def _notes(row) -> str:
    if row.void_reason:
        return _("Void: {reason}").format(reason=row.void_reason)
    if row.corrects_id:
        return _("Corrects entry {id}").format(id=row.corrects_id)
    return ""


def use_columns() -> list[ExportColumn]:
    return [
        ExportColumn(N_("No."), lambda r: r.seq, "0000"),
        ExportColumn(N_("Date and time"), lambda r: r.used_at, "00.00.0000 00:00"),
        ExportColumn(N_("Seal"), lambda r: r.seal, "ຕາປະທັບມົນ ຄ.ອ.ຮ.ຂ"),
        ExportColumn(N_("Document"), lambda r: r.doc_number, "000/ຄ.ອ.ຮ.ຂ"),
        ExportColumn(N_("Document date"), lambda r: r.doc_date, DATE),
        ExportColumn(N_("Subject or description"), _document, "ບົດລາຍງານ" * 4),
        ExportColumn(N_("Signer"), lambda r: r.signer, "ຫົວໜ້າ ຄຳພອນ"),
        ExportColumn(
            N_("Impression"), lambda r: terms.word(terms.IMPRESSION, r.impression_kind), "ໃສ່ລາຍເຊັນ"
        ),
        ExportColumn(N_("Impressions"), lambda r: r.impressions, "00"),
        ExportColumn(N_("Sheets"), lambda r: r.sheets, "000"),
        ExportColumn(N_("Requested by"), lambda r: r.requested_by, "ນາງ ມະນີວັນ ສີລາວົງ"),
        ExportColumn(N_("Approved by"), lambda r: r.approved_by, "ທ່ານ ຫົວໜ້າ"),
        ExportColumn(N_("Applied by"), lambda r: r.applied_by, "ນາງ ມະນີວັນ ສີລາວົງ"),
        ExportColumn(N_("Notes"), _notes, "ແກ້ໄຂລາຍການ 000"),
    ]


USE_FIELDS = (
    ImportField(
        "used_at",
        N_("Date and time"),
        required=True,
        date=True,
        aliases=("ວັນທີ", "ວັນເວລາ", "ວັນທີປະທັບ", "date", "used at"),
    ),
    ImportField("seal", N_("Seal"), required=True, aliases=("ຕາປະທັບ", "ກາ", "seal")),
    ImportField("document", N_("Document"), aliases=("ເລກທີເອກະສານ", "ເລກທີໜັງສື", "document number")),
    ImportField("document_date", N_("Document date"), date=True, aliases=("ລົງວັນທີ",)),
    ImportField(
        "described",
        N_("Subject or description"),
        aliases=("ເນື້ອໃນ", "ເລື່ອງ", "ເນື້ອໃນເອກະສານ", "subject", "description"),
    ),
    ImportField("impression_kind", N_("Impression"), aliases=("ບ່ອນປະທັບ", "ປະເພດການປະທັບ")),
    ImportField("impressions", N_("Impressions"), aliases=("ຈຳນວນຄັ້ງ", "ຄັ້ງ")),
    ImportField("sheets", N_("Sheets"), aliases=("ຈຳນວນແຜ່ນ", "ແຜ່ນ")),
    ImportField("requested_by", N_("Requested by"), aliases=("ຜູ້ຂໍ", "ຜູ້ສະເໜີ")),
    ImportField("approved_by", N_("Approved by"), aliases=("ຜູ້ອະນຸມັດ",)),
    ImportField(
        "applied_by", N_("Applied by"), required=True, aliases=("ຜູ້ປະທັບ", "ຜູ້ຖືກາ", "applied")
    ),
)


def _impression(value) -> str:
    if not text(value):
        return "signature"
    folded = search_key(text(value))
    for code, label in terms.IMPRESSION.items():
        if folded in {code, *(search_key(word) for word in every_language(label))}:
            return code
    raise ValueError(_("Impression: unknown “{value}”").format(value=value))


class UseImporter(ThroughOperation):
    area, entity = AREA_KEY, "seal_use_book"

    @property
    def labels(self):
        from oc_desktop.seal.section import AREA

        return {**AREA.fields, "seal_id": N_("Seal"), "applied_by_id": N_("Applied by")}

    def read(self, session, actor, cells: dict, order: str) -> dict:
        used_at = when(cells.get("used_at"), order, _("Date and time"), moment=True)
        if used_at is None:
            raise ValueError(_("Date and time: write when the seal was used"))
        seal_name = text(cells.get("seal"))
        seal_id = session.scalar(select(Seal.id).where(Seal.name == seal_name))
        if seal_id is None:
            seals = {search_key(n): i for i, n in session.execute(select(Seal.id, Seal.name))}
            seal_id = seals.get(search_key(seal_name))
        if seal_id is None:
            raise ValueError(_("Seal: there is no seal “{name}”").format(name=seal_name))
        applied = text(cells.get("applied_by"))
        people = {
            identity_key(name): user_id
            for user_id, name, username in session.execute(
                select(User.id, User.full_name, User.username)
            )
            for name in (name, username)
        }
        if identity_key(applied) not in people:
            raise ValueError(
                _("Applied by: “{name}” is not a user of the program").format(name=applied)
            )
        described = text(cells.get("described"))
        outgoing_id = _letter(
            session,
            text(cells.get("document")),
            when(cells.get("document_date"), order, _("Document date")),
            described,
        )
        if outgoing_id is None and text(cells.get("document")):
            described = f"{text(cells.get('document'))} {described}".strip()
        return {
            "seal_id": seal_id,
            "used_at": used_at,
            "applied_by_id": people[identity_key(applied)],
            "outgoing_id": outgoing_id,
            "described": "" if outgoing_id else described,
            "impression_kind": _impression(cells.get("impression_kind")),
            "impressions": whole(cells.get("impressions"), _("Impressions")) or 1,
            "sheets": whole(cells.get("sheets"), _("Sheets")) or 1,
            "requested_by": text(cells.get("requested_by")),
            "approved_by": text(cells.get("approved_by")),
        }

    def write(self, session, actor, values: dict) -> None:
        logged = session.scalar(
            select(SealUse.id).where(
                SealUse.seal_id == values["seal_id"],
                SealUse.used_at == values["used_at"],
                SealUse.outgoing_id.is_(None)
                if values["outgoing_id"] is None
                else SealUse.outgoing_id == values["outgoing_id"],
                SealUse.described == values["described"],
                SealUse.void_reason.is_(None),
            )
        )
        if logged is not None:  # the same book brought in twice would seal twice
            raise ValidationError(
                {"used_at": _("Logged already: the same seal, time and document.")}
            )
        log_use(session, actor=actor, **values)


def _letter(session, number: str, day: date | None, described: str) -> int | None:
    """The outgoing letter of that number (and date, when the book gives it); where a
    number is given in two series (an ordinary and a secret letter), the one whose
    subject the row names."""
    if not number:
        return None
    statement = select(OutgoingDocument.id, OutgoingDocument.subject).where(
        OutgoingDocument.number == number
    )
    if day is not None:
        statement = statement.where(OutgoingDocument.doc_date == day)
    found = session.execute(statement.order_by(OutgoingDocument.id.desc())).all()
    if len(found) > 1:
        named = [letter_id for letter_id, subject in found if subject and subject in described]
        if len(named) != 1:
            raise ValueError(
                _("Document: several letters are numbered {number}; name its subject").format(
                    number=number
                )
            )
        return named[0]
    return found[0][0] if found else None


def _query(*, text: str = "", start: date | None = None, end: date | None = None):
    return UseQuery(text=text, start=start, end=end)


def _fetch(db, actor, query, after, limit):
    return fetch_uses(db, actor=actor, query=query, after=after, limit=limit)


def _count(db, actor, query, cap):
    return count_uses(db, actor=actor, query=query, cap=cap)


SEAL_USES = Register(
    key="seal_uses",
    area=AREA_KEY,
    label=N_("Seal uses"),
    entity="seal_use_book",
    columns=use_columns,
    query=_query,
    fetch=_fetch,
    count=_count,
    fields=USE_FIELDS,
    importer="oc_desktop.seal.exchange:IMPORTER",
)
IMPORTER = UseImporter()

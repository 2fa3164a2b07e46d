"""The incoming and outgoing registers as spreadsheets: their typed columns, the fields an
old register's columns map to, and how a view is asked for from the command line.

The columns are the tab's, in the tab's order, with real values: arrival as a date and
time, dates as dates, the running number as an integer. Of a secret entry its reader may
not read, the file keeps the number, the date, the kind and the secrecy (as a printed
book does); the rest is written —. An empty field stays an empty cell.
"""

from datetime import date

from oc_desktop.documents import terms
from oc_desktop.documents.query import RegisterQuery, count_rows, fetch_page
from oc_desktop.exchange.declare import HIDDEN, ExportColumn, ImportField, Register
from oc_desktop.i18n import N_, _

OFFICE = "ຄະນະໂຄສະນາອົບຮົມແຂວງ"
SUBJECT = "ກ່ຽວກັບການຈັດກອງປະຊຸມສຳມະນາທິດສະດີ ແລະ ການປະຕິບັດ"
DATE = "00.00.0000"


def _open(value):
    """A field a reader without clearance does not see of a secret entry."""
    return lambda r: HIDDEN if r.hidden else value(r)


def _void_or(row, value):
    return _("Void") if row.void_reason else value


def incoming_columns() -> list[ExportColumn]:
    return [
        ExportColumn(N_("No."), lambda r: r.seq, "00000"),
        ExportColumn(N_("Arrived"), lambda r: r.received_at, "00.00.0000 00:00"),
        ExportColumn(N_("Sender"), _open(lambda r: r.party), OFFICE),
        ExportColumn(N_("Subject"), _open(lambda r: r.subject), SUBJECT),
        ExportColumn(N_("Doc. number"), _open(lambda r: r.doc_number), "0000/ຄອສພຂ"),
        ExportColumn(N_("Doc. date"), _open(lambda r: r.doc_date), DATE),
        ExportColumn(N_("Kind"), lambda r: r.kind or "", "ໜັງສືສະເໜີ"),
        ExportColumn(N_("Urgency"), _open(lambda r: terms.urgency(r.urgency)), "ດ່ວນທີ່ສຸດ"),
        ExportColumn(N_("Secrecy"), lambda r: terms.secrecy(r.secrecy), "ລັບສຸດຍອດ"),
        ExportColumn(
            N_("Status"), _open(lambda r: _void_or(r, terms.status(r.status))), "ກຳລັງດຳເນີນ"
        ),
        ExportColumn(N_("Deadline"), _open(lambda r: r.due_date), DATE),
    ]


def outgoing_columns() -> list[ExportColumn]:
    return [
        ExportColumn(N_("Number"), lambda r: r.number, "0000/ຄ.ອ.ຮ.ຂ"),
        ExportColumn(N_("Date"), lambda r: r.date, DATE),
        ExportColumn(N_("Recipients"), _open(lambda r: r.party), OFFICE + ", ຫ້ອງການ"),
        ExportColumn(N_("Subject"), _open(lambda r: r.subject), SUBJECT),
        ExportColumn(N_("Kind"), lambda r: r.kind or "", "ໜັງສືສະເໜີ"),
        ExportColumn(N_("Urgency"), _open(lambda r: terms.urgency(r.urgency)), "ດ່ວນທີ່ສຸດ"),
        ExportColumn(N_("Secrecy"), lambda r: terms.secrecy(r.secrecy), "ລັບສຸດຍອດ"),
        ExportColumn(N_("Sent on"), _open(lambda r: _void_or(r, r.sent_on)), DATE),
    ]


# Headers seen in offices' own Excel registers, beside each field's label in Lao and English.
INCOMING_FIELDS = (
    ImportField("seq", N_("No."), aliases=("ລ/ດ", "ລດ", "ເລກທີຂາເຂົ້າ", "ເລກຂາເຂົ້າ", "No", "#")),
    ImportField(
        "received_at",
        N_("Arrived"),
        required=True,
        date=True,
        aliases=("ວັນທີຮັບ", "ວັນທີເຂົ້າ", "ວັນເດືອນປີຮັບ", "received", "date received"),
    ),
    ImportField(
        "sender", N_("Sender"), required=True, aliases=("ຈາກ", "ບ່ອນສົ່ງ", "ຫ້ອງການສົ່ງ", "from")
    ),
    ImportField(
        "doc_number",
        N_("Doc. number"),
        required=True,
        aliases=("ເລກທີເອກະສານ", "ເລກທີ", "ເລກທີໜັງສື", "document number", "number"),
    ),
    ImportField(
        "doc_date",
        N_("Doc. date"),
        required=True,
        date=True,
        aliases=("ລົງວັນທີ", "ວັນທີເອກະສານ", "ວັນທີ", "document date", "date"),
    ),
    ImportField("kind", N_("Kind"), aliases=("ປະເພດເອກະສານ", "ປະເພດ", "type")),
    ImportField(
        "subject",
        N_("Subject"),
        required=True,
        aliases=("ເລື່ອງ", "ສັງລວມເນື້ອໃນ", "ເນື້ອໃນ", "ຫົວເລື່ອງ", "summary", "content"),
    ),
    ImportField("urgency", N_("Urgency"), aliases=("ຄວາມດ່ວນ",)),
    ImportField("secrecy", N_("Secrecy"), aliases=("ຄວາມລັບ", "ຊັ້ນຄວາມລັບ")),
    ImportField("pages", N_("Pages"), aliases=("ຈຳນວນໜ້າ", "ໜ້າ")),
    ImportField("notes", N_("Notes"), aliases=("ໝາຍເຫດ", "remarks", "note")),
)
OUTGOING_FIELDS = (
    ImportField(
        "number", N_("Number"), aliases=("ເລກທີ", "ເລກທີຂາອອກ", "ລ/ດ", "No", "No.", "number")
    ),
    ImportField(
        "doc_date",
        N_("Date"),
        required=True,
        date=True,
        aliases=("ລົງວັນທີ", "ວັນທີ", "ວັນເດືອນປີ", "date"),
    ),
    ImportField(
        "recipients",
        N_("Recipients"),
        required=True,
        aliases=("ຜູ້ຮັບ", "ສົ່ງເຖິງ", "ບ່ອນຮັບ", "ເຖິງ", "to", "recipient"),
    ),
    ImportField(
        "subject",
        N_("Subject"),
        required=True,
        aliases=("ເລື່ອງ", "ສັງລວມເນື້ອໃນ", "ເນື້ອໃນ", "summary", "content"),
    ),
    ImportField("kind", N_("Kind"), aliases=("ປະເພດເອກະສານ", "ປະເພດ", "type")),
    ImportField("signer", N_("Signer"), aliases=("ຜູ້ລົງນາມ", "ຜູ້ເຊັນ", "signed by")),
    ImportField("urgency", N_("Urgency"), aliases=("ຄວາມດ່ວນ",)),
    ImportField("secrecy", N_("Secrecy"), aliases=("ຄວາມລັບ", "ຊັ້ນຄວາມລັບ")),
    ImportField("sent_on", N_("Sent on"), date=True, aliases=("ວັນທີສົ່ງ", "sent")),
    ImportField("copies", N_("Copies"), aliases=("ຈຳນວນສະບັບ", "ສະບັບ")),
    ImportField("notes", N_("Notes"), aliases=("ໝາຍເຫດ", "remarks", "note")),
)


def _query(register: str):
    def make(*, text: str = "", start: date | None = None, end: date | None = None):
        return RegisterQuery(register=register, text=text, start=start, end=end)

    return make


def _fetch(db, actor, query, after, limit):
    return fetch_page(db, actor, query, after=after, limit=limit, today=date.today())


def _count(db, actor, query, cap):
    return count_rows(db, actor, query, today=date.today(), cap=cap)


INCOMING = Register(
    key="incoming",
    area="documents",
    label=N_("Incoming documents"),
    entity="incoming_book",
    columns=incoming_columns,
    query=_query("incoming"),
    fetch=_fetch,
    count=_count,
    fields=INCOMING_FIELDS,
    importer="oc_desktop.documents.importing:INCOMING",
)
OUTGOING = Register(
    key="outgoing",
    area="documents",
    label=N_("Outgoing documents"),
    entity="outgoing_book",
    columns=outgoing_columns,
    query=_query("outgoing"),
    fetch=_fetch,
    count=_count,
    fields=OUTGOING_FIELDS,
    importer="oc_desktop.documents.importing:OUTGOING",
)

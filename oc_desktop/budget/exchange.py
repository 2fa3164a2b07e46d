"""The journal of revenue and expenditure as a spreadsheet, and an old Excel journal of
vouchers brought in.

Export: the tab's columns with real values (the date as a date, the amounts as whole
kip), for the accountant and the head. Import: each row a voucher written by
``enter_voucher``, the operation the New voucher form saves through: its number kept as
the old book wrote it (``ລຈ 12/2025`` or ``12``) when its year and kind do not hold it
yet, the next number otherwise refused; an item of the voucher's fiscal year named by its
code; a closed month takes nothing. The kind is the column the amount stands in (revenue
or expenditure), or a kind column. A reversal is a voucher pointing at another one; an
old book's reversal is entered with Reverse… after the import, so a row marked as one
is refused with that reason.
"""

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from oc_desktop.budget import AREA_KEY
from oc_desktop.budget.journal import enter_voucher
from oc_desktop.budget.journal_query import JournalQuery, count_journal, fetch_journal
from oc_desktop.budget.rules import fiscal_year
from oc_desktop.exchange.cells import blank, text, when
from oc_desktop.exchange.declare import ExportColumn, ImportField, Register
from oc_desktop.exchange.through import ThroughOperation
from oc_desktop.i18n import N_, _, every_language
from oc_desktop.laotext import search_key, to_arabic_digits
from oc_desktop.models import BudgetLine, JournalEntry
from oc_desktop.models.budget import EXPENDITURE, REVENUE
from oc_desktop.validation import ValidationError

DATE = "00.00.0000"
KIP = "1.000.000.000"
KIND_WORDS = {
    REVENUE: (N_("Revenue"), "ລາຍຮັບ", "ຮັບ", "revenue", "income"),
    EXPENDITURE: (N_("Expenditure"), "ລາຍຈ່າຍ", "ຈ່າຍ", "expenditure", "expense"),
}
_GROUPED = re.compile(r"^-?\d{1,3}([.,\s]\d{3})+$")
_NUMBER = re.compile(r"(\d+)\s*(?:/\s*\d{2,4})?\s*$")


def journal_columns() -> list[ExportColumn]:
    return [
        ExportColumn(N_("Number"), lambda v: v.number, "ລຈ 0000/0000"),
        ExportColumn(N_("Date"), lambda v: v.entry_date, DATE),
        ExportColumn(N_("Item code"), lambda v: v.line_code, "00.0"),
        ExportColumn(N_("Item"), lambda v: v.line_name, "ນ້ຳມັນເຊື້ອໄຟ"),
        ExportColumn(N_("Description"), lambda v: v.description, "ຄ່າເດີນທາງໄປເມືອງ ກອງປະຊຸມ"),
        ExportColumn(N_("Payer or payee"), lambda v: v.party, "ລັດວິສາຫະກິດໄຟຟ້າລາວ"),
        ExportColumn(N_("Revenue (kip)"), lambda v: v.amount if v.kind == REVENUE else None, KIP),
        ExportColumn(
            N_("Expenditure (kip)"), lambda v: v.amount if v.kind == EXPENDITURE else None, KIP
        ),
        ExportColumn(N_("Approved by"), lambda v: v.approved_by, "ທ່ານ ຫົວໜ້າ"),
        ExportColumn(N_("Reverses"), lambda v: v.reverses, "ລຈ 0000/0000"),
    ]


JOURNAL_FIELDS = (
    ImportField("number", N_("Number"), aliases=("ເລກທີ", "ເລກທີໃບ", "ເລກໃບເບີກ", "ລ/ດ", "No")),
    ImportField(
        "entry_date", N_("Date"), required=True, date=True, aliases=("ວັນທີ", "ລົງວັນທີ", "date")
    ),
    ImportField(
        "item", N_("Item code"), required=True, aliases=("ລະຫັດ", "ມາດຕາ", "ລາຍການ", "code")
    ),
    ImportField(
        "description",
        N_("Description"),
        required=True,
        aliases=("ເນື້ອໃນ", "ເນື້ອໃນລາຍການ", "ອະທິບາຍ", "details"),
    ),
    ImportField("party", N_("Payer or payee"), aliases=("ຜູ້ຮັບ", "ຜູ້ຈ່າຍ", "ຜູ້ຮັບເງິນ", "payee")),
    ImportField("revenue", N_("Revenue (kip)"), aliases=("ລາຍຮັບ", "ຮັບ", "revenue")),
    ImportField("expenditure", N_("Expenditure (kip)"), aliases=("ລາຍຈ່າຍ", "ຈ່າຍ", "expenditure")),
    ImportField("amount", N_("Amount (kip)"), aliases=("ຈຳນວນເງິນ", "ຈຳນວນ", "ເງິນ", "amount")),
    ImportField("kind", N_("Kind"), aliases=("ປະເພດ", "kind")),
    ImportField("approved_by", N_("Approved by"), aliases=("ຜູ້ອະນຸມັດ",)),
    ImportField("reverses", N_("Reverses"), aliases=("ກັບຄືນ",)),
)


def kip(value, what: str) -> int | None:
    """A whole number of kip as an old journal writes it: 1500000, 1.500.000, 1,500,000,
    in Lao or Arabic digits, with ກີບ or ₭ after it; never a fraction."""
    if blank(value):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise ValueError(_("{what}: “{value}” is not whole kip").format(what=what, value=value))
    written = to_arabic_digits(str(value)).replace("ກີບ", "").replace("₭", "").strip()
    if _GROUPED.match(written):
        written = re.sub(r"[.,\s]", "", written)
    if not written.lstrip("-").isdigit():
        raise ValueError(_("{what}: “{value}” is not whole kip").format(what=what, value=value))
    return int(written)


def _kind(value) -> str:
    folded = search_key(text(value))
    for kind, words in KIND_WORDS.items():
        names = {search_key(w) for word in words for w in every_language(word)}
        if folded in names:
            return kind
    raise ValueError(_("Kind: “{value}” is neither revenue nor expenditure").format(value=value))


@dataclass(frozen=True)
class VoucherValues:
    kind: str
    entry_date: date
    line_id: int | None
    description: str
    amount: int
    party: str
    approved_by: str
    seq: int | None


class JournalImporter(ThroughOperation):
    area, entity = AREA_KEY, "budget_journal_book"
    labels = {
        "kind": N_("Kind"),
        "entry_date": N_("Date"),
        "line_id": N_("Item code"),
        "description": N_("Description"),
        "amount": N_("Amount (kip)"),
        "party": N_("Payer or payee"),
        "approved_by": N_("Approved by"),
        "seq": N_("Number"),
    }

    def read(self, session, actor, cells: dict, order: str) -> VoucherValues:
        if text(cells.get("reverses")):
            raise ValueError(
                _("a reversal: enter it with Reverse… on the voucher it reverses, after the import")
            )
        day = when(cells.get("entry_date"), order, _("Date"))
        if day is None:
            raise ValueError(_("Date: write the voucher's date"))
        revenue = kip(cells.get("revenue"), _("Revenue (kip)"))
        spent = kip(cells.get("expenditure"), _("Expenditure (kip)"))
        amount = kip(cells.get("amount"), _("Amount (kip)"))
        if revenue is not None and spent is not None:
            raise ValueError(_("an amount both in revenue and in expenditure"))
        if revenue is not None:
            kind, amount = REVENUE, revenue
        elif spent is not None:
            kind, amount = EXPENDITURE, spent
        elif amount is not None and text(cells.get("kind")):
            kind = _kind(cells.get("kind"))
        else:
            raise ValueError(_("Amount (kip): write the amount under revenue or expenditure"))
        number = to_arabic_digits(text(cells.get("number")))
        seq = None
        if number:
            found = _NUMBER.search(number)
            if found is None:
                raise ValueError(_("Number: “{value}” holds no number").format(value=number))
            seq = int(found.group(1))
        return VoucherValues(
            kind=kind,
            entry_date=day,
            line_id=_item(session, text(cells.get("item")), fiscal_year(session, day)),
            description=text(cells.get("description")),
            amount=amount,
            party=text(cells.get("party")),
            approved_by=text(cells.get("approved_by")),
            seq=seq,
        )

    def write(self, session, actor, values: VoucherValues) -> None:
        if values.seq is None and _entered(session, values):
            # a row without its number would take a new one each time the book came in
            raise ValidationError(
                {"seq": _("Entered already: a voucher of that date, item, amount and text.")}
            )
        enter_voucher(
            session,
            actor=actor,
            kind=values.kind,
            entry_date=values.entry_date,
            line_id=values.line_id,
            description=values.description,
            amount=values.amount,
            party=values.party,
            approved_by=values.approved_by,
            seq=values.seq,
            audited=False,
        )


def _entered(session, values: VoucherValues) -> bool:
    return (
        session.scalar(
            select(JournalEntry.id).where(
                JournalEntry.entry_date == values.entry_date,
                JournalEntry.line_id == values.line_id,
                JournalEntry.amount == values.amount,
                JournalEntry.description == values.description,
            )
        )
        is not None
    )


def _item(session, written: str, year: int) -> int | None:
    """The item of the year whose code the cell starts with (``62.4`` or ``62.4 ນ້ຳມັນ``),
    or whose name it is; None lets the operation say which items there are."""
    if not written:
        return None
    code = to_arabic_digits(written.split()[0])
    found = session.scalar(
        select(BudgetLine.id).where(
            BudgetLine.year == year, BudgetLine.code == code, BudgetLine.parent_id.is_not(None)
        )
    )
    if found is None:
        for line_id, name in session.execute(
            select(BudgetLine.id, BudgetLine.name).where(
                BudgetLine.year == year, BudgetLine.parent_id.is_not(None)
            )
        ):
            if search_key(name) == search_key(written):
                return line_id
    return found


def _query(*, text: str = "", start: date | None = None, end: date | None = None):
    return JournalQuery(year=0, text=text, start=start, end=end)


def _fetch(db, actor, query, after, limit):
    return fetch_journal(db, actor=actor, query=query, after=after, limit=limit)


def _count(db, actor, query, cap):
    return count_journal(db, actor=actor, query=query)


JOURNAL = Register(
    key="budget",
    area=AREA_KEY,
    label=N_("Budget journal"),
    entity="budget_journal_book",
    columns=journal_columns,
    query=_query,
    fetch=_fetch,
    count=_count,
    fields=JOURNAL_FIELDS,
    importer="oc_desktop.budget.exchange:IMPORTER",
)
IMPORTER = JournalImporter()

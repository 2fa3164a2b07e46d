"""The register's columns: heading, how a row shows, the query's sort key, the width sample.

A hidden field of a secret entry is None in its row and shows as "—".
"""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from oc_desktop.documents import terms
from oc_desktop.documents.query import OPEN_STATUSES, RegisterRow
from oc_desktop.formatting import format_date, format_datetime, format_int
from oc_desktop.i18n import N_, _
from oc_desktop.ui.common.table_model import Column, struck_out

# What each column is sized for at first: the subject wide, numbers and dates narrow.
DATE, DATETIME = "00.00.0000", "00.00.0000 00:00"
OFFICE = "ຄະນະໂຄສະນາອົບຮົມແຂວງ"
KIND = "ໜັງສືສະເໜີ"
SUBJECT = "ກ່ຽວກັບການຈັດກອງປະຊຸມສຳມະນາທິດສະດີ ແລະ ການປະຕິບັດ"


def _longest(texts) -> str:
    return max(texts, key=len)


def _levels() -> dict[str, str]:
    """Levels and statuses are sized for their longest label, in the language shown."""
    return {
        "urgency": _longest(terms.urgency(v) for v in terms.URGENCY),
        "secrecy": _longest(terms.secrecy(v) for v in terms.SECRECY),
        "status": _longest([*(terms.status(s) for s in terms.STATUS), _("Void")]),
    }


def incoming_columns() -> list[Column]:
    levels = _levels()
    return [
        Column(N_("No."), lambda r: format_int(r.seq), key="number", sample="00000"),
        Column(
            N_("Arrived"), lambda r: format_datetime(r.received_at), key="date", sample=DATETIME
        ),
        Column(N_("Sender"), lambda r: r.party, key="party", sample=OFFICE),
        Column(N_("Subject"), lambda r: r.subject, key="subject", sample=SUBJECT),
        Column(N_("Doc. number"), lambda r: r.doc_number, key="doc_number", sample="0000/ຄອສພຂ"),
        Column(N_("Doc. date"), lambda r: format_date(r.doc_date), key="doc_date", sample=DATE),
        Column(N_("Kind"), lambda r: r.kind or "", key="kind", sample=KIND),
        Column(
            N_("Urgency"),
            lambda r: terms.urgency(r.urgency),
            key="urgency",
            sample=levels["urgency"],
        ),
        Column(
            N_("Secrecy"),
            lambda r: terms.secrecy(r.secrecy),
            key="secrecy",
            sample=levels["secrecy"],
        ),
        Column(
            N_("Status"),
            lambda r: _("Void") if r.void_reason else terms.status(r.status),
            key="status",
            sample=levels["status"],
        ),
        Column(N_("Deadline"), lambda r: format_date(r.due_date), key="due_date", sample=DATE),
    ]


def outgoing_columns() -> list[Column]:
    levels = _levels()
    return [
        Column(N_("Number"), lambda r: r.number, key="number", sample="0000/ຄ.ອ.ຮ.ຂ"),
        Column(N_("Date"), lambda r: format_date(r.date), key="date", sample=DATE),
        Column(N_("Recipients"), lambda r: r.party, key="party", sample=OFFICE + ", ຫ້ອງການ"),
        Column(N_("Subject"), lambda r: r.subject, key="subject", sample=SUBJECT),
        Column(N_("Kind"), lambda r: r.kind or "", key="kind", sample=KIND),
        Column(
            N_("Urgency"),
            lambda r: terms.urgency(r.urgency),
            key="urgency",
            sample=levels["urgency"],
        ),
        Column(
            N_("Secrecy"),
            lambda r: terms.secrecy(r.secrecy),
            key="secrecy",
            sample=levels["secrecy"],
        ),
        Column(
            N_("Sent on"),
            lambda r: _("Void") if r.void_reason else format_date(r.sent_on),
            key="sent_on",
            sample=DATE,
        ),
    ]


URGENT_BACKGROUND = {1: QColor("#fff3cd"), 2: QColor("#ffd9d9")}
OVERDUE = QColor("#b00020")


def _overdue(row: RegisterRow) -> bool:
    open_ = row.status in OPEN_STATUSES and not row.void_reason
    return open_ and row.due_date is not None and row.due_date < date.today()


def row_style(row: RegisterRow, role: int):
    """Marks a clerk sees at a glance: urgent rows tinted (most urgent redder), secret
    rows in bold, overdue ones in red; a void number greyed and struck through, with its
    reason. The tooltip says the marks in words."""
    if role == Qt.ItemDataRole.BackgroundRole and not row.void_reason:
        return URGENT_BACKGROUND.get(row.urgency)
    if row.void_reason and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
        return struck_out(role)
    if role == Qt.ItemDataRole.ForegroundRole:
        return OVERDUE if _overdue(row) else None
    if role == Qt.ItemDataRole.FontRole and row.secrecy:
        font = QFont()
        font.setBold(True)
        return font
    if role == Qt.ItemDataRole.ToolTipRole:
        marks = [terms.urgency(row.urgency)] if row.urgency else []
        marks += [terms.secrecy(row.secrecy)] if row.secrecy else []
        marks += [_("Overdue")] if _overdue(row) else []
        if row.void_reason:
            marks.append(_("Void: {reason}").format(reason=row.void_reason))
        return " · ".join(marks) or None
    return None

"""The register's table model: fed pages of rows, never touching the database.

It asks for the next page through ``more_wanted`` when the view scrolls near the end;
the tab fetches it in SQL and hands it to ``append``.
"""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from oc_desktop.documents import terms
from oc_desktop.documents.query import RegisterRow
from oc_desktop.formatting import format_date, format_datetime, format_int
from oc_desktop.i18n import N_, _

SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
HIDDEN = "—"
ROOT = QModelIndex()

# (sort key used by the query, heading, how a row shows it)
INCOMING_COLUMNS = (
    ("number", N_("No."), lambda r: format_int(r.seq)),
    ("date", N_("Arrived"), lambda r: format_datetime(r.received_at)),
    ("party", N_("Sender"), lambda r: r.party),
    ("subject", N_("Subject"), lambda r: r.subject),
    ("doc_number", N_("Doc. number"), lambda r: r.doc_number),
    ("doc_date", N_("Doc. date"), lambda r: format_date(r.doc_date)),
    ("kind", N_("Kind"), lambda r: r.kind or ""),
    ("urgency", N_("Urgency"), lambda r: terms.urgency(r.urgency)),
    ("secrecy", N_("Secrecy"), lambda r: terms.secrecy(r.secrecy)),
    ("status", N_("Status"), lambda r: _("Void") if r.void_reason else terms.status(r.status)),
    ("due_date", N_("Deadline"), lambda r: format_date(r.due_date)),
)
OUTGOING_COLUMNS = (
    ("number", N_("Number"), lambda r: r.number),
    ("date", N_("Date"), lambda r: format_date(r.date)),
    ("party", N_("Recipients"), lambda r: r.party),
    ("subject", N_("Subject"), lambda r: r.subject),
    ("kind", N_("Kind"), lambda r: r.kind or ""),
    ("urgency", N_("Urgency"), lambda r: terms.urgency(r.urgency)),
    ("secrecy", N_("Secrecy"), lambda r: terms.secrecy(r.secrecy)),
    ("sent_on", N_("Sent on"), lambda r: _("Void") if r.void_reason else format_date(r.sent_on)),
)

# What each column is sized for at first: the subject wide, numbers and dates narrow.
# Levels and statuses are sized for their longest label, in the language shown.
DATE, DATETIME = "00.00.0000", "00.00.0000 00:00"
SAMPLES = {
    "incoming": {
        "number": "00000",
        "date": DATETIME,
        "party": "ຄະນະໂຄສະນາອົບຮົມແຂວງ",
        "doc_number": "0000/ຄອສພຂ",
        "doc_date": DATE,
        "kind": "ໜັງສືສະເໜີ",
        "subject": "ກ່ຽວກັບການຈັດກອງປະຊຸມສຳມະນາທິດສະດີ ແລະ ການປະຕິບັດ",
        "due_date": DATE,
    },
    "outgoing": {
        "number": "0000/ຄ.ອ.ຮ.ຂ",
        "date": DATE,
        "party": "ຄະນະໂຄສະນາອົບຮົມແຂວງ, ຫ້ອງການ",
        "kind": "ໜັງສືສະເໜີ",
        "subject": "ກ່ຽວກັບການຈັດກອງປະຊຸມສຳມະນາທິດສະດີ ແລະ ການປະຕິບັດ",
        "sent_on": DATE,
    },
}


def _longest(texts) -> str:
    return max(texts, key=len)


class RegisterModel(QAbstractTableModel):
    more_wanted = Signal()

    def __init__(self, register: str = "incoming") -> None:
        super().__init__()
        self.columns = INCOMING_COLUMNS
        self.rows: list[RegisterRow] = []
        self.total = 0
        self.set_register(register)

    def set_register(self, register: str) -> None:
        self.beginResetModel()
        self.register = register
        self.columns = INCOMING_COLUMNS if register == "incoming" else OUTGOING_COLUMNS
        self.rows, self.total = [], 0
        self.endResetModel()

    def reset(self, rows: list[RegisterRow], total: int) -> None:
        self.beginResetModel()
        self.rows, self.total = list(rows), total
        self.endResetModel()

    def append(self, rows: list[RegisterRow]) -> None:
        if not rows:
            self.total = len(self.rows)
            return
        start = len(self.rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def width_samples(self) -> list[tuple[str, str]]:
        """(column key, the text its width is made for) for each column, in order."""
        labels = {
            "urgency": _longest(terms.urgency(v) for v in terms.URGENCY),
            "secrecy": _longest(terms.secrecy(v) for v in terms.SECRECY),
            "status": _longest([*(terms.status(s) for s in terms.STATUS), _("Void")]),
        }
        samples = SAMPLES[self.register] | labels
        return [(key, samples[key]) for key, _heading, _show in self.columns]

    def sort_key(self, column: int) -> str:
        return self.columns[column][0]

    def column(self, key: str) -> int:
        """Where the column of this sort key ("subject", "party"…) is shown."""
        return next(i for i, (name, *_rest) in enumerate(self.columns) if name == key)

    def rowCount(self, parent=ROOT) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent=ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=ROOT) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self.more_wanted.emit()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(self.columns[section][1])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            shown = self.columns[index.column()][2](row)
            return HIDDEN if shown is None else shown
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and row.void_reason:
            return QColor("#888888")
        if role == Qt.ItemDataRole.FontRole and row.void_reason:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.void_reason:
            return _("Void: {reason}").format(reason=row.void_reason)
        return None

"""The handovers: who gave each seal to whom, when, on whose permission, and when it came
back; each prints as minutes for three signatures."""

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from oc_desktop.formatting import format_date, format_datetime, format_int
from oc_desktop.i18n import N_, _
from oc_desktop.seal.query import HandoverQuery, count_handovers, fetch_handovers
from oc_desktop.seal.seals import seal_rows
from oc_desktop.ui.common.register_tab import RegisterTab
from oc_desktop.ui.common.table_model import ROW_ROLE, Column, struck_out
from oc_desktop.ui.seal.handover_dialog import HandoverDialog, ReturnDialog
from oc_desktop.ui.seal.printing import print_minutes


def _back(row) -> str:
    if row.returned_at:
        return format_datetime(row.returned_at)
    if row.due_back:
        return _("due {date}").format(date=format_date(row.due_back))
    return ""


def _notes(row) -> str:
    if row.void_reason:
        return _("Void: {reason}").format(reason=row.void_reason)
    if row.corrects_id:
        return _("Corrects entry {id}").format(id=row.corrects_id)
    if row.returns_seq:
        return _("Return of handover No. {number}").format(number=row.returns_seq)
    return ""


class HandoversPage(RegisterTab):
    area_key = "seal"
    export_entity = "seal_handover"

    def __init__(self, db, actor, parent=None, *, settings=None) -> None:
        super().__init__(db, actor, parent, settings=settings, widths_key="seal/handovers")
        self.search.hide()
        self.seal = QComboBox()
        self.seal.setProperty("holds_data", True)
        self.add_filter(QLabel(), self.seal)
        self.seal.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button, self.return_button = QPushButton(), QPushButton()
        self.correct_button, self.minutes_button = QPushButton(), QPushButton()
        self.new_button.clicked.connect(self.new_handover)
        self.return_button.clicked.connect(self.seal_back)
        self.correct_button.clicked.connect(self.correct)
        self.minutes_button.clicked.connect(self.print_minutes)
        self.print_runner = None
        self.set_columns("handovers")
        self.filter_row.addStretch(1)
        for button in (self.new_button, self.return_button, self.correct_button):
            self.filter_row.addWidget(button)
            button.setVisible(actor is not None and actor.may_write("seal"))
        self.filter_row.addWidget(self.minutes_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def columns(self) -> list[Column]:
        return [
            Column(N_("No."), lambda r: format_int(r.seq), "number", "000"),
            Column(
                N_("Handed over at"),
                lambda r: format_datetime(r.left_at),
                "left_at",
                "00.00.0000 00:00",
            ),
            Column(N_("Seal"), lambda r: r.seal, "seal", "ຕາປະທັບມົນ ຄ.ອ.ຮ.ຂ"),
            Column(N_("Handed over by"), lambda r: r.giver, "", "ນາງ ມະນີວັນ ສີລາວົງ"),
            Column(N_("Received by"), lambda r: r.receiver, "", "ນາງ ສຸດາພອນ ແກ້ວມະນີ"),
            Column(N_("Witness"), lambda r: r.witness, "", "ທ່ານ ວັນໄຊ ຈັນທະລາ"),
            Column(
                N_("Permission"),
                lambda r: f"{r.authorisation_number}, {format_date(r.authorisation_date)}",
                "",
                "000/ຄ.ອ.ຮ.ຂ, 00.00.0000",
            ),
            Column(N_("Reason"), lambda r: r.reason, "", "ນຳໄປປະທັບເອກະສານກອງປະຊຸມ"),
            Column(
                N_("Leaves the premises"),
                lambda r: _("yes") if r.leaves_premises else "",
                "",
                "ອອກ",
            ),
            Column(N_("Back"), _back, "", "00.00.0000 00:00"),
            Column(N_("Notes"), _notes, "", "ການສົ່ງຄືນ ລາຍການ 000"),
        ]

    def row_style(self, row, role):
        return struck_out(role) if row.void_reason else None

    def title(self) -> str:
        return _("Handovers")

    def retranslate(self) -> None:
        super().retranslate()
        self.filter_labels[0][0].setText(_("Seal"))
        self.new_button.setText(_("&New handover…"))
        self.return_button.setText(_("&Returned…"))
        self.correct_button.setText(_("&Correct the last…"))
        self.minutes_button.setText(_("Print the &minutes…"))
        self._fill_seals()
        self.model.retranslate()
        self.show_count()

    def _fill_seals(self) -> None:
        current = self.seal.currentData()
        self.seal.blockSignals(True)
        self.seal.clear()
        self.seal.addItem(_("All seals"), None)
        for seal in seal_rows(self.db, actor=self.actor):
            self.seal.addItem(seal.name, seal.id)
        self.seal.setCurrentIndex(max(0, self.seal.findData(current)))
        self.seal.blockSignals(False)

    def make_query(self) -> HandoverQuery:
        key, descending = self.sort_state()
        return HandoverQuery(seal_id=self.seal.currentData(), sort=key, descending=descending)

    def fetch(self, query, after, limit):
        return fetch_handovers(self.db, actor=self.actor, query=query, after=after, limit=limit)

    def count(self, query):
        return count_handovers(self.db, actor=self.actor, query=query)

    def refresh(self) -> None:
        self._fill_seals()
        self.reload()

    def current_row(self):
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def new_handover(self) -> int | None:
        return self._done(
            HandoverDialog(self, self.db, self.actor, seal_id=self.seal.currentData())
        )

    def seal_back(self) -> int | None:
        row = self.current_row()
        if row is None or row.void_reason:
            return None
        return self._done(ReturnDialog(self, self.db, self.actor, row))

    def correct(self) -> int | None:
        row = self.current_row()
        if row is None or row.void_reason:
            return None
        return self._done(HandoverDialog(self, self.db, self.actor, wrong=row))

    def print_minutes(self):
        row = self.current_row()
        if row is None:
            return None
        self.print_runner = print_minutes(
            self, self.db, self.actor, handover_id=row.id, seq=row.seq
        )
        return self.print_runner

    def _done(self, dialog) -> int | None:
        if not dialog.exec():
            return None
        self.show_saved(dialog.result_id)
        self.data_changed.emit()
        return dialog.result_id

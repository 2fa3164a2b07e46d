"""The Staff tab: the list of people searched as the clerk types, a person's file on
Enter or a double click, and who is due for a step, retirement or an evaluation."""

import threading
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from oc_desktop.exchange.declare import register
from oc_desktop.i18n import N_, _
from oc_desktop.profile import load_profile
from oc_desktop.staff.due import due_within
from oc_desktop.staff.listing import StaffQuery, count_rows, fetch_page
from oc_desktop.ui.common.jobs import unexpected
from oc_desktop.ui.common.register_tab import RegisterTab
from oc_desktop.ui.staff.columns import staff_columns
from oc_desktop.ui.staff.due_panel import DuePanel
from oc_desktop.ui.staff.person_dialog import PersonDialog
from oc_desktop.ui.staff.printing import print_biography, print_statistics
from oc_desktop.ui.staff.rules_dialog import RulesDialog

STATUS_CHOICES = (
    ("in_service", N_("In service")),
    ("left", N_("Left service")),
    ("all", N_("Everyone")),
)


class StaffTab(RegisterTab):
    area_key = "staff"
    export_entity = "staff_list"
    #: (question number, DueLists or a message) from the worker that works the lists out
    _due_ready = Signal(int, object)

    def __init__(self, db, actor, parent=None, *, settings=None) -> None:
        super().__init__(db, actor, parent, settings=settings, widths_key="staff/columns")
        self._due_asked = self._due_answered = 0
        self._due_ready.connect(self._show_due)
        self.search.setObjectName("staff_search")
        self.new_button, self.open_button = QPushButton(), QPushButton()
        self.biography_button, self.statistics_button = QPushButton(), QPushButton()
        self.rules_button = QPushButton()
        self.rules_button.clicked.connect(self.edit_rules)
        self.new_button.clicked.connect(self.new_person)
        self.open_button.clicked.connect(self.open_current)
        self.biography_button.clicked.connect(self.print_biography)
        self.statistics_button.clicked.connect(self.print_statistics)
        self.print_runner = None
        self.section, self.status = QComboBox(), QComboBox()
        self.section.setProperty("holds_data", True)
        for combo in (self.section, self.status):
            self.add_filter(QLabel(), combo)
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.set_columns("staff")
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.table.activated.connect(lambda _index: self.open_current())
        self.due = DuePanel()
        self.due.chosen.connect(self.open_person)
        self.due.horizon_changed.connect(lambda _months: self.show_due())

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for button in (
            self.new_button,
            self.open_button,
            self.biography_button,
            self.statistics_button,
            self.rules_button,
        ):
            top.addWidget(button)
        self.filter_row.addStretch(1)
        self.filter_row.addWidget(self.count_label)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.due)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.filter_row)
        layout.addWidget(splitter, 1)

        QShortcut(QKeySequence.StandardKey.New, self, self.new_person)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_biography)
        self.retranslate()

    def columns(self):
        return staff_columns()

    def title(self) -> str:
        return _("Staff")

    def exchange_register(self):
        return register("staff")

    def retranslate(self) -> None:
        super().retranslate()
        writes = self.actor.may_write("staff")
        self.search.setPlaceholderText(_("Search a name, Lao or Latin, or a card number… (Ctrl+F)"))
        self.new_button.setText(_("&New person (Ctrl+N)"))
        self.new_button.setVisible(writes)
        self.open_button.setText(_("&Open file"))
        self.biography_button.setText(_("&Biography… (Ctrl+P)"))
        self.statistics_button.setText(_("S&tatistics and lists…"))
        self.rules_button.setText(_("&Rules…"))
        for (label, _combo), message in zip(
            self.filter_labels, (N_("Se&ction"), N_("Sho&w")), strict=True
        ):
            label.setText(_(message))
        self.model.retranslate()
        self.due.retranslate()
        self.refresh()

    def _fill_filters(self) -> None:
        choices = {
            self.section: [(_("All"), None)]
            + [(s.name, s.id) for s in load_profile(self.db).sections],
            self.status: [(_(label), value) for value, label in STATUS_CHOICES],
        }
        for combo, items in choices.items():
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def make_query(self) -> StaffQuery:
        sort, descending = self.sort_state()
        return StaffQuery(
            text=self.search.text(),
            section_id=self.section.currentData(),
            status=self.status.currentData() or "in_service",
            sort=sort,
            descending=descending,
        )

    def fetch(self, query: StaffQuery, after, limit: int) -> list:
        return fetch_page(self.db, self.actor, query, after=after, limit=limit)

    def count(self, query: StaffQuery) -> int:
        return count_rows(self.db, self.actor, query)

    def refresh(self) -> None:
        self._fill_filters()
        self.reload()
        self.show_due()

    def show_due(self) -> None:
        """Work the due lists out on a worker thread; the newest question wins."""
        self._due_asked += 1
        asked, months = self._due_asked, self.due.months()
        db, actor = self.db, self.actor

        def work() -> None:
            try:
                lists = due_within(db, actor=actor, on=date.today(), months=months)
            except Exception as error:  # noqa: BLE001 (worded for the clerk, never swallowed)
                self._due_ready.emit(asked, unexpected(error))
                return
            self._due_ready.emit(asked, lists)

        threading.Thread(target=work, daemon=True, name="staff-due").start()

    def _show_due(self, asked: int, lists) -> None:
        if asked != self._due_asked:
            return  # an older question answered late
        if isinstance(lists, str):
            self.status_message.emit(lists)
        else:
            self.due.show_lists(lists)
        self._due_answered = asked

    def settled(self) -> bool:
        """The list, its count and the due lists answer what the widgets ask now."""
        return super().settled() and self._due_answered == self._due_asked

    def new_person(self) -> None:
        if not self.actor.may_write("staff"):
            return
        self._run(PersonDialog(self, self.db, self.actor))

    def open_current(self) -> None:
        if self.current_id() is not None:
            self.open_person(self.current_id())

    def open_person(self, person_id: int) -> None:
        self._run(PersonDialog(self, self.db, self.actor, person_id))

    def _run(self, dialog: PersonDialog) -> None:
        dialog.exec()
        dialog.deleteLater()  # not kept as the tab's child once closed
        if dialog.changed:
            self.show_saved(dialog.person_id)
            self.data_changed.emit()
            self.status_message.emit(_("Saved."))

    def edit_rules(self) -> None:
        """The dated rules; the due lists follow a change at once."""
        dialog = RulesDialog(self, self.db, self.actor)
        accepted = dialog.exec()
        dialog.deleteLater()
        if accepted:
            self.show_due()
            self.data_changed.emit()

    def print_biography(self) -> None:
        if self.current_id() is not None:
            self.print_runner = print_biography(self, self.db, self.actor, self.current_id())

    def print_statistics(self) -> None:
        self.print_runner = print_statistics(self, self.db, self.actor)

"""The year's chart as a tree (chapters, their items) with the plan and amendments."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.budget import AREA_KEY
from oc_desktop.budget.lines import LineRow, chart, plan_history
from oc_desktop.budget.section import KINDS, PLAN_KINDS
from oc_desktop.formatting import format_date, format_kip
from oc_desktop.i18n import N_, _
from oc_desktop.ui.budget.dialogs import LineDialog, PlanDialog

HEADERS = (N_("Code"), N_("Line"), N_("Kind"), N_("Plan (kip)"), N_("Of which amendments"))
LINE_ROLE = Qt.ItemDataRole.UserRole + 1


class PlanView(QWidget):
    changed = Signal()

    def __init__(self, db, actor, parent=None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.year = db, actor, None
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(HEADERS))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.currentItemChanged.connect(lambda *_a: self._show_history())
        self.tree.itemActivated.connect(lambda *_a: self.plan())
        self.add_chapter_button, self.add_item_button = QPushButton(), QPushButton()
        self.rename_button, self.plan_button = QPushButton(), QPushButton()
        self.add_chapter_button.clicked.connect(self.add_chapter)
        self.add_item_button.clicked.connect(self.add_item)
        self.rename_button.clicked.connect(self.rename)
        self.plan_button.clicked.connect(self.plan)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for button in (
            self.plan_button,
            self.add_item_button,
            self.add_chapter_button,
            self.rename_button,
        ):
            buttons.addWidget(button)
            button.setVisible(actor.may_write(AREA_KEY))
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.history)

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([_(h) for h in HEADERS])
        self.plan_button.setText(_("&Plan or amend… (Enter)"))
        self.add_item_button.setText(_("&Add item…"))
        self.add_chapter_button.setText(_("New chap&ter…"))
        self.rename_button.setText(_("&Rename…"))
        self.show_year(self.year)

    def show_year(self, year: int | None) -> None:
        self.year = year
        chosen = self.current()
        self.tree.clear()
        if year is None:
            return
        bold = QFont()
        bold.setBold(True)
        chapters = {}
        for line in chart(self.db, actor=self.actor, year=year):
            cells = [
                line.code,
                line.name,
                _(KINDS[line.kind]),
                format_kip(line.planned),
                format_kip(line.amended) if line.amended else "",
            ]
            parent = chapters.get(line.parent_id)
            item = QTreeWidgetItem(parent, cells) if parent else QTreeWidgetItem(cells)
            item.setData(0, LINE_ROLE, line)
            for column in (3, 4):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            if line.parent_id is None:
                for column in range(len(HEADERS)):
                    item.setFont(column, bold)
                chapters[line.id] = item
                self.tree.addTopLevelItem(item)
            if chosen is not None and chosen.id == line.id:
                self.tree.setCurrentItem(item)
        self.tree.expandAll()
        for column in range(len(HEADERS)):
            self.tree.resizeColumnToContents(column)

    def current(self) -> LineRow | None:
        item = self.tree.currentItem()
        return item.data(0, LINE_ROLE) if item is not None else None

    def _chapter(self) -> LineRow | None:
        line = self.current()
        if line is None or line.parent_id is None:
            return line
        item = self.tree.currentItem().parent()
        return item.data(0, LINE_ROLE)

    def _show_history(self) -> None:
        line = self.current()
        if line is None or line.parent_id is None:
            self.history.setText("")
            return
        rows = plan_history(self.db, actor=self.actor, line_id=line.id)
        parts = [
            f"{_(PLAN_KINDS[p.kind])} {format_date(p.decided_on)}: {format_kip(p.amount)}"
            + (f" ({p.decision})" if p.decision else "")
            for p in rows
        ]
        self.history.setText("; ".join(parts) or _("Not planned yet."))

    def _run(self, dialog) -> None:
        if dialog.exec():
            self.show_year(self.year)
            self._show_history()
            self.changed.emit()

    def add_chapter(self) -> None:
        if self.year is not None and self.actor.may_write(AREA_KEY):
            self._run(LineDialog(self, self.db, self.actor, year=self.year))

    def add_item(self) -> None:
        chapter = self._chapter()
        if chapter is not None and self.actor.may_write(AREA_KEY):
            self._run(LineDialog(self, self.db, self.actor, year=self.year, chapter=chapter))

    def rename(self) -> None:
        line = self.current()
        if line is not None and self.actor.may_write(AREA_KEY):
            self._run(LineDialog(self, self.db, self.actor, year=self.year, line=line))

    def plan(self) -> None:
        line = self.current()
        if line is not None and line.parent_id is not None and self.actor.may_write(AREA_KEY):
            self._run(PlanDialog(self, self.db, self.actor, line=line))

"""What every register's tab shares: a search box read after a typing pause, a row of
filters, the table paged from SQL as the clerk scrolls, the count, and Print.

Pages and counts are read on worker threads and never on the GUI thread: a newer
keystroke or filter interrupts the query still running for the older one, and a late
answer to an old question is dropped. A subclass says what its register is:
``columns()``, ``make_query()`` (on the GUI thread: the widgets' values, frozen),
``fetch(query, after, limit)`` and ``count(query)`` (on a worker: Qt-free queries whose
rows have ``id`` and ``key``).
"""

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from oc_desktop.formatting import format_int
from oc_desktop.i18n import _
from oc_desktop.models.db import Interrupted, Interruptible, interruptible
from oc_desktop.registers.paging import COUNT_CAP, PAGE
from oc_desktop.ui.common.base_tab import BaseTab
from oc_desktop.ui.common.column_chooser import ColumnChooser
from oc_desktop.ui.common.column_widths import ColumnWidths
from oc_desktop.ui.common.jobs import unexpected
from oc_desktop.ui.common.table_model import ID_ROLE, Column, TableModel

TYPING_PAUSE_MS = 150
#: pages read past the first to find a row just saved, before giving up on choosing it
SAVED_PAGES = 10


class Loader(QObject):
    """Reads pages and counts on worker threads, one question at a time."""

    page_ready = Signal(int, object, bool, bool)  # generation, rows, more, first page
    count_ready = Signal(int, int)  # generation, count
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._handles: list[Interruptible] = []
        self._lock = threading.Lock()

    def ask(
        self,
        fetch: Callable[..., list],
        count: Callable[[], int] | None,
        *,
        after=None,
        limit: int = PAGE,
        first: bool = True,
    ) -> int:
        """Read ``limit`` rows after ``after`` (from the top when None), then the count
        when ``count`` is given; a first page interrupts whatever was asked before."""
        if first:
            self.generation += 1
            self.stop()
        generation, handle = self.generation, Interruptible()
        with self._lock:
            self._handles.append(handle)
        worker = threading.Thread(
            target=self._read,
            args=(generation, handle, fetch, count, after, limit, first),
            daemon=True,
            name="register-read",
        )
        worker.start()
        return generation

    def stop(self) -> None:
        with self._lock:
            handles, self._handles = self._handles, []
        for handle in handles:
            handle.interrupt()

    def _read(self, generation, handle, fetch, count, after, limit, first) -> None:
        try:
            with interruptible(handle):
                rows = fetch(after, limit + 1)
                more = len(rows) > limit
                self.page_ready.emit(generation, rows[:limit], more, first)
                if count is not None:
                    total = len(rows) if not more else count()
                    self.count_ready.emit(generation, total)
        except Interrupted:
            pass  # a newer question took its place
        except Exception as error:  # noqa: BLE001 (worded for the clerk, never swallowed)
            if generation == self.generation:
                self.failed.emit(unexpected(error))
        finally:
            with self._lock:
                if handle in self._handles:
                    self._handles.remove(handle)


class RegisterTab(BaseTab):
    #: rows read at a time, as the clerk scrolls
    page_size = PAGE
    #: the area whose readers may export the register (and whose audit rows say so)
    area_key = ""
    #: what an export of a register that declares nothing is about, in the audit trail
    export_entity = ""
    #: the rows on screen changed (a new question was answered or more rows came)
    rows_shown = Signal()
    #: the count of the question on screen is known
    counted = Signal(int)

    def __init__(self, db, actor, parent: QWidget | None = None, *, settings=None, widths_key=""):
        super().__init__(db, actor, parent)
        self.model = TableModel(self.columns(), style=self.row_style)
        self.model.more_wanted.connect(self._fetch_more)
        self.loader = Loader(self)
        self.loader.page_ready.connect(self._page_ready)
        self.loader.count_ready.connect(self._count_ready)
        self.loader.failed.connect(self._failed)
        self._asked: Any = None  # the query the rows on screen answer
        self.total: int | None = None
        self._saved_id: int | None = None  # the row just saved, to be chosen once shown
        self._saved_pages = 0

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        # Down from the search box goes into the results, on their first row
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.search, self._into_results).setContext(
            Qt.ShortcutContext.WidgetShortcut
        )
        self.count_label = QLabel()
        self.filter_row = QHBoxLayout()
        self.filter_labels: list[tuple[QLabel, QWidget]] = []
        # shown when nothing answers: what was asked, and a way back to everything
        self.empty_note = QLabel()
        self.empty_note.setObjectName("empty_note")
        self.empty_note.setWordWrap(True)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.clicked.connect(self.clear_filters)
        self.empty_bar = QWidget()
        empty_row = QHBoxLayout(self.empty_bar)
        empty_row.setContentsMargins(0, 0, 0, 0)
        empty_row.addWidget(self.empty_note, 1)
        empty_row.addWidget(self.clear_button)
        self.empty_bar.hide()
        # beside the filters, while any narrows the register
        self.clear_all_button = QPushButton(self)
        self.clear_all_button.setObjectName("clear_all_filters")
        self.clear_all_button.clicked.connect(self.clear_filters)
        self.clear_all_button.hide()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().sortIndicatorChanged.connect(lambda *_a: self.reload())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.widths = ColumnWidths(self.table, settings, widths_key or type(self).__name__)
        self.chooser = ColumnChooser(self.table, settings, widths_key or type(self).__name__)
        # Export: every register tab has it; a tab places the button, or it goes at the
        # end of the filter row.
        # Children from the start: a parentless widget is Python's to delete, and Python's
        # garbage collector may do so on a worker thread, leaving Qt a dead timer.
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self.export_view)
        self.exporter = None
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_view)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("import_button")
        self.import_button.clicked.connect(self.import_register)
        self.import_dialog = None

    # --- what a register says about itself ---------------------------------------------

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def make_query(self) -> Any:
        """The question the widgets ask now, as a frozen value (GUI thread); None when
        a field holds something that cannot be asked (shown at the field)."""
        raise NotImplementedError

    def fetch(self, query: Any, after: Any, limit: int) -> list:
        """Up to ``limit`` rows after the row keyed ``after`` (worker thread)."""
        raise NotImplementedError

    def count(self, query: Any) -> int:
        """How many rows answer ``query``, up to ``COUNT_CAP`` (worker thread)."""
        raise NotImplementedError

    def row_style(self, row: Any, role: int) -> Any:
        return None

    def exchange_register(self):
        """The ``oc_desktop.exchange`` declaration of the register shown, or None: the
        columns are then exported as the table shows them."""
        return None

    def export_title(self) -> str:
        declared = self.exchange_register()
        return _(declared.label) if declared else self.title()

    def count_all(self, query: Any) -> int:
        """How many rows an export of ``query`` writes, for its progress bar (worker)."""
        declared = self.exchange_register()
        if declared is not None and declared.count is not None:
            return declared.count(self.db, self.actor, query, cap=10**9)
        return self.total or 0

    # --- shared plumbing ---------------------------------------------------------------

    def retranslate(self) -> None:
        self.clear_all_button.setText(_("Clear all"))
        self.clear_all_button.setToolTip(_("Clear search and filters"))
        self.export_button.setText(_("E&xport… (Ctrl+E)"))
        self.import_button.setText(_("I&mport…"))
        self.show_import()

    def show_import(self) -> None:
        """The Import button, where the register shown can be imported by this person."""
        if self._placed(self.import_button):
            self.import_button.setVisible(self.may_import())

    def _placed(self, button: QPushButton) -> bool:
        """Whether ``button`` is in one of the tab's layouts (a tab places it, or it goes
        at the end of the filter row)."""
        return button.parent() is not self or _holds(self.layout(), button)

    def may_import(self) -> bool:
        declared = self.exchange_register()
        return bool(declared and declared.importer and self.actor.may_write(declared.area))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        row = self.filter_row.parentWidget() is not None
        if row and self.filter_labels and not _holds(self.filter_row, self.clear_all_button):
            last = max(self.filter_row.indexOf(w) for _label, w in self.filter_labels)
            self.filter_row.insertWidget(last + 1, self.clear_all_button)
        for button in (self.import_button, self.export_button):
            if self._placed(button):
                continue
            if row and (button is not self.import_button or self.may_import()):
                self.filter_row.addWidget(button)
            else:
                button.hide()  # nowhere to go: not a stray widget at the tab's corner
        self.show_import()
        super().showEvent(event)

    def import_register(self):
        """An old register brought into the one shown (the import dialog)."""
        from oc_desktop.ui.common.import_dialog import ImportDialog

        if not self.may_import():
            return None
        self.import_dialog = ImportDialog(
            self, self.db, self.actor, self.exchange_register(), self.widths.settings
        )
        self.import_dialog.finished.connect(self._import_closed)
        self.import_dialog.open()
        return self.import_dialog

    def _import_closed(self, _result) -> None:
        if self.import_dialog is not None and self.import_dialog.imported:
            self.refresh()
            self.data_changed.emit()

    def export_view(self):
        """The rows on screen to a spreadsheet, chosen in a file dialog."""
        from oc_desktop.ui.common.export import export_tab

        if not self.export_button.isEnabled():
            return None
        self.exporter = export_tab(self)
        return self.exporter

    def _into_results(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.table.setFocus()
        if not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def add_filter(self, label: QLabel, widget: QWidget) -> None:
        label.setBuddy(widget)
        self.filter_labels.append((label, widget))
        self.filter_row.addWidget(label)
        self.filter_row.addWidget(widget)

    def active_filters(self) -> list[str]:
        """The filters that narrow the register now, in words ("Kind: ແຈ້ງການ")."""
        shown = []
        for label, widget in self.filter_labels:
            if widget.isHidden():
                continue
            if isinstance(widget, QLineEdit):
                value = widget.text().strip()
            else:
                value = widget.currentText() if widget.currentIndex() > 0 else ""
            if value:
                shown.append(f"{label.text().replace('&', '')}: {value}")
        return shown

    def clear_filters(self) -> None:
        """Back to the whole register: the search box emptied, every filter on "All"."""
        for _label, widget in self.filter_labels:
            widget.blockSignals(True)
            if isinstance(widget, QLineEdit):
                widget.clear()
            else:
                widget.setCurrentIndex(0)
            widget.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.reload()

    def _show_empty(self) -> None:
        """Say what was searched when nothing answers it, and offer to clear it."""
        words = self.search.text().split()
        filters = ", ".join(self.active_filters())
        self.clear_all_button.setVisible(
            _holds(self.filter_row, self.clear_all_button)
            and bool(words or filters)
            and self.total != 0
        )
        if self.total != 0 or not (words or filters):
            self.empty_bar.hide()
            return
        searched = "“" + " ".join(words) + "”"
        if words and filters:
            note = _("No entry holds every word of {words} with {filters}.")
        elif words:
            note = _("No entry holds every word of {words}.")
        else:
            note = _("No entry with {filters}.")
        self.empty_note.setText(note.format(words=searched, filters=filters))
        self.clear_button.setText(_("Clear search and filters"))
        self.empty_bar.show()

    def sort_state(self) -> tuple[str, bool]:
        """(the sorted column's key, descending?) as the header shows it."""
        header = self.table.horizontalHeader()
        column = self.model.columns[max(0, header.sortIndicatorSection())]
        return column.key, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    def set_columns(self, layout: str) -> None:
        """Show this register's columns (a tab may hold several layouts)."""
        self.model.set_columns(self.columns())
        self.widths.apply(layout, [(c.key, c.sample) for c in self.model.columns])
        self.chooser.apply(layout, [c.key or c.header for c in self.model.columns])
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)

    def reload(self, *, after=None) -> None:
        """Ask for the first page (from the row keyed ``after``, or the top) and the count
        of what the widgets now ask; the answer arrives on a worker's signal. A question
        the widgets cannot ask (a date mistyped) is not asked."""
        self._typing.stop()
        query = self.make_query()
        if query is None:
            return
        self._asked = query
        self.total = None
        self.show_count()
        self.loader.ask(
            lambda after, limit: self.fetch(query, after, limit),
            lambda: self.count(query),
            after=after,
            limit=self.page_size,
        )

    def show_saved(self, row_id: int | None) -> None:
        """After a form saved ``row_id``: re-read the tab (``refresh``) and put the clerk back on
        that row (chosen, scrolled to, the keyboard on the table), reading a few more
        pages when it is further down; when the filters hide it, the table has the
        keyboard all the same."""
        self._saved_id, self._saved_pages = row_id, 0
        self.refresh()

    def _choose_saved(self) -> None:
        if self._saved_id is None:
            return
        for number, row in enumerate(self.model.rows):
            if row.id == self._saved_id:
                self._saved_id = None
                self.table.selectRow(number)
                self.table.scrollTo(self.model.index(number, 0))
                self.table.setFocus()
                return
        if self.model.more and self._saved_pages < SAVED_PAGES:
            self._saved_pages += 1
            self.model.fetchMore()
            return
        self._saved_id = None
        self.table.setFocus()

    def _fetch_more(self) -> None:
        if not self.model.rows:
            return
        query = self._asked
        self.loader.ask(
            lambda after, limit: self.fetch(query, after, limit),
            None,
            after=self.model.rows[-1].key,
            limit=self.page_size,
            first=False,
        )

    def _page_ready(self, generation: int, rows: list, more: bool, first: bool) -> None:
        if generation != self.loader.generation:
            return
        if first:
            # the row chosen before, unless a row just saved is to be chosen instead
            chosen = self.current_id() if self._saved_id is None else None
            self.model.reset(rows, more=more)
            self._reselect(chosen)
        else:
            self.model.append(rows, more=more)
        self._choose_saved()
        self.rows_shown.emit()

    def _count_ready(self, generation: int, total: int) -> None:
        if generation != self.loader.generation:
            return
        self.total = total
        self.show_count()
        self.counted.emit(total)

    def show_count(self) -> None:
        """The count in words, in the language shown (called again on a switch)."""
        if self.total is None:
            text = _("Searching…")
        elif self.total >= COUNT_CAP:
            text = _("More than {count} entries").format(count=format_int(COUNT_CAP))
        else:
            text = _("{count} entries").format(count=format_int(self.total))
        self.count_label.setText(text)
        self._show_empty()

    def _failed(self, message: str) -> None:
        self.count_label.setText(message)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _reselect(self, row_id: int | None) -> None:
        if row_id is None:
            return
        for number, row in enumerate(self.model.rows):
            if row.id == row_id:
                self.table.selectRow(number)
                return

    def settled(self) -> bool:
        """Whether the rows and count on screen answer what the widgets ask now."""
        return (
            not self._typing.isActive()
            and self.total is not None
            and self._asked == self.make_query()
        )


def _holds(layout, widget: QWidget) -> bool:
    """Whether ``layout`` or a layout within it holds ``widget``."""
    if layout is None:
        return False
    if layout.indexOf(widget) >= 0:
        return True
    return any(_holds(layout.itemAt(i).layout(), widget) for i in range(layout.count()))

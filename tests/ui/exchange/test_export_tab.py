"""Export from a register tab: Ctrl+E, a file, the rows on screen in the screen's order."""

from datetime import date, datetime

import openpyxl
from helpers.widgets import settled, tab_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from oc_desktop.documents.incoming import register_incoming
from oc_desktop.security import SYSTEM


def _fill(db, count=30):
    for n in range(1, count + 1):
        register_incoming(
            db,
            actor=SYSTEM,
            received_at=datetime(2026, 5, 1 + n % 28, 8, 0),
            sender="ພະແນກການເງິນແຂວງ" if n % 3 else "ພະແນກພາຍໃນແຂວງ",
            doc_number=f"{n}/ພ",
            doc_date=date(2026, 4, 1 + n % 28),
            kind_id=None,
            subject=f"ເລື່ອງ {n}",
        )


def test_ctrl_e_exports_the_view_as_searched_and_sorted(make_window, actor, db, qtbot, tmp_path):
    _fill(db)
    window = make_window(actor)
    tab = tab_of(window)
    tab.search.setText("ພາຍໃນ")
    settled(qtbot, tab)
    subject = tab.model.column_of("subject")
    tab.table.sortByColumn(subject, Qt.SortOrder.AscendingOrder)
    settled(qtbot, tab)
    shown = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    assert len(shown) == 10

    qtbot.keyClick(tab.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.exporter.file_dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    out = tmp_path / "view.xlsx"
    with qtbot.waitSignal(tab.status_message, timeout=10_000) as told:
        dialog.fileSelected.emit(str(out))
    assert out.name in told.args[0]
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [str(row[0]) for row in rows] == shown
    assert all(row[2] == "ພະແນກພາຍໃນແຂວງ" for row in rows)
    assert tab.export_button.text().startswith("ສົ່ງອອກ")


def test_a_tab_that_declares_nothing_exports_its_columns_as_shown(
    make_window, actor, db, qtbot, tmp_path
):
    from oc_desktop.ui.audit.tab import AuditTab

    _fill(db, count=3)
    window = make_window(actor)
    tab = window.tab_for(AuditTab)
    window.tabs.setCurrentWidget(tab)
    tab.refresh()
    settled(qtbot, tab)
    shown = [
        [tab.model.index(r, c).data() for c in range(tab.model.columnCount())]
        for r in range(tab.model.rowCount())
    ]
    assert tab.export_button.isVisible()
    exporter = tab.export_view()
    out = tmp_path / "trail.csv"
    with qtbot.waitSignal(tab.status_message, timeout=10_000):
        exporter.file_dialog.fileSelected.emit(str(out))
    text = out.read_text(encoding="utf-8-sig")
    lines = [line.split(",")[0] for line in text.splitlines()[1:]]
    assert lines == [row[0] for row in shown]
    assert text.splitlines()[0].startswith(tab.model.headerData(0, Qt.Orientation.Horizontal))

"""The register's column widths: sensible at first, and as the clerk left them next time."""

from helpers.widgets import settled, tab_of
from PySide6.QtCore import QPoint, QSettings, Qt

from oc_desktop.ui.main_window import MainWindow


def widths(tab) -> dict[str, int]:
    header = tab.table.horizontalHeader()
    keys = [c.key for c in tab.model.columns]
    return {key: header.sectionSize(i) for i, key in enumerate(keys)}


def drag_border(qtbot, tab, column: int, by: int) -> None:
    """Drag the right border of a column's heading, as a clerk does with the mouse."""
    header = tab.table.horizontalHeader()
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    start = QPoint(edge, header.height() // 2)
    viewport = header.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(by // 2, 0))
    qtbot.mouseMove(viewport, start + QPoint(by, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(by, 0))


def test_the_subject_starts_wide_and_numbers_and_dates_narrow(window):
    tab = tab_of(window)
    shown = widths(tab)
    assert shown["subject"] > 3 * shown["number"]
    assert max(shown, key=shown.get) == "subject"
    assert shown["party"] > shown["doc_date"]
    assert shown["number"] < shown["doc_number"] < shown["party"]
    tab.outgoing_button.click()
    shown = widths(tab)
    assert shown["subject"] > 3 * shown["date"]
    # an outgoing number carries the office's abbreviation: wider than an arrival number
    assert shown["number"] > tab.fontMetrics().horizontalAdvance("9999/ຄອຮຂ")


def test_widths_are_kept_per_register_and_restored_on_next_start(
    app, qtbot, db, data_dir, actor, tmp_path
):
    path = str(tmp_path / "window.ini")

    def open_window() -> MainWindow:
        window = MainWindow(db, data_dir, QSettings(path, QSettings.Format.IniFormat), actor)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    first = open_window()
    tab = tab_of(first)
    initial_incoming = widths(tab)
    drag_border(qtbot, tab, 0, 40)  # the arrival number
    qtbot.waitUntil(lambda: widths(tab)["number"] > initial_incoming["number"] + 20)
    incoming = widths(tab)
    tab.outgoing_button.click()
    initial_outgoing = widths(tab)
    subject = tab.model.column_of("subject")
    tab.table.horizontalHeader().resizeSection(subject, initial_outgoing["subject"] - 120)
    outgoing = widths(tab)
    assert outgoing["subject"] == initial_outgoing["subject"] - 120
    tab.incoming_button.click()
    assert widths(tab) == incoming  # each register has its own
    tab.search.setText("ກ")  # a search re-queries the page; the widths stay
    settled(qtbot, tab)
    assert tab.model.rowCount() == 0
    assert widths(tab) == incoming
    first.close()

    second = open_window()
    tab = tab_of(second)
    assert widths(tab) == incoming
    tab.outgoing_button.click()
    assert widths(tab) == outgoing
    second.close()


def test_a_damaged_saved_width_falls_back_to_the_default(app, qtbot, db, data_dir, actor, tmp_path):
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    settings.setValue("documents/columns/incoming", "{not json")
    settings.setValue("documents/columns/outgoing", '{"subject": -5, "number": "x"}')
    window = MainWindow(db, data_dir, settings, actor)
    qtbot.addWidget(window)
    tab = tab_of(window)
    assert widths(tab)["subject"] > 3 * widths(tab)["number"]
    tab.outgoing_button.click()
    assert widths(tab)["subject"] > 3 * widths(tab)["number"] > 0

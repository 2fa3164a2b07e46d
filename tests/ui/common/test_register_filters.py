"""The shared register base: a column chooser on the header's right-click, remembered per
register in the window's settings; a month beside the year; one button that clears the
search and every filter."""

from datetime import datetime

from helpers.widgets import settled, tab_of
from PySide6.QtCore import QPoint, QSettings, Qt

from oc_desktop.documents.incoming import register_incoming
from oc_desktop.security import SYSTEM
from oc_desktop.ui.main_window import MainWindow


def letter(db, received: datetime, subject: str) -> int:
    return register_incoming(
        db,
        actor=SYSTEM,
        received_at=received,
        sender="ພະແນກການເງິນແຂວງ",
        doc_number=f"{received:%m%d}/ພກງ",
        doc_date=received.date(),
        kind_id=None,
        subject=subject,
    )


def shown_keys(tab) -> list[str]:
    return [c.key for i, c in enumerate(tab.model.columns) if not tab.table.isColumnHidden(i)]


def test_columns_hidden_from_the_header_menu_stay_hidden_per_register_next_start(
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
    header = tab.table.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(10, header.height() // 2))
    menu = tab.chooser.menu
    assert menu.isVisible()
    titles = [a.text() for a in menu.actions()]
    assert titles == [
        header.model().headerData(i, Qt.Orientation.Horizontal) for i in range(len(titles))
    ]
    notes = next(a for a in menu.actions() if a.data() == "doc_number")
    notes.trigger()  # unticked: the column goes
    menu.close()
    assert "doc_number" not in shown_keys(tab)
    tab.outgoing_button.click()
    assert len(shown_keys(tab)) == len(tab.model.columns)  # the other register keeps its own
    tab.incoming_button.click()
    assert "doc_number" not in shown_keys(tab)
    first.close()

    second = open_window()
    tab = tab_of(second)
    assert "doc_number" not in shown_keys(tab)
    menu = tab.chooser.show_menu(None)
    for action in menu.actions():
        if action.isChecked() and action.isEnabled():
            action.trigger()
    assert len(shown_keys(tab)) == 1  # the last column cannot be unticked
    assert not next(a for a in tab.chooser.show_menu(None).actions() if a.isChecked()).isEnabled()
    second.close()


def test_a_month_of_the_chosen_year_and_one_button_clears_everything(window, qtbot, db):
    letter(db, datetime(2026, 3, 4, 9), "ລາຍງານ ເດືອນມີນາ")
    letter(db, datetime(2026, 3, 28, 9), "ແຜນການ ເດືອນມີນາ")
    letter(db, datetime(2026, 4, 2, 9), "ລາຍງານ ເດືອນເມສາ")
    letter(db, datetime(2025, 3, 10, 9), "ລາຍງານ ປີກາຍ")
    tab = tab_of(window)
    tab.refresh()
    settled(qtbot, tab)
    assert tab.total == 4
    assert not tab.month.isEnabled()  # a month is of one year: chosen once a year is
    tab.period.setCurrentIndex(tab.period.findData(2026))
    assert tab.month.isEnabled()
    tab.month.setFocus()
    for _ in range(3):
        qtbot.keyClick(tab.month, Qt.Key.Key_Down)
    assert tab.month.currentData() == 3
    settled(qtbot, tab)
    assert {row.subject for row in tab.model.rows} == {"ລາຍງານ ເດືອນມີນາ", "ແຜນການ ເດືອນມີນາ"}
    assert tab.clear_all_button.isVisible()
    assert window.minimumSizeHint().width() <= 1366  # the row still fits the office screen
    assert tab.clear_all_button.toolTip() == "ລ້າງການຊອກຫາ ແລະ ຕົວກອງ"
    tab.search.setText("ລາຍງານ")
    settled(qtbot, tab)
    assert [row.subject for row in tab.model.rows] == ["ລາຍງານ ເດືອນມີນາ"]

    tab.clear_all_button.click()
    settled(qtbot, tab)
    assert tab.total == 4
    assert (tab.period.currentIndex(), tab.month.currentIndex(), tab.search.text()) == (0, 0, "")
    assert not tab.clear_all_button.isVisible() and not tab.month.isEnabled()


def test_with_the_clear_button_shown_every_register_still_fits_the_screen(window):
    from oc_desktop.ui.common.register_tab import RegisterTab

    registers = [w for w in window.findChildren(RegisterTab) if w.filter_labels]
    assert len(registers) >= 4
    for tab in registers:
        bring_forward(tab)
        assert tab.isVisible(), type(tab).__name__
        assert tab.filter_row.indexOf(tab.clear_all_button) >= 0
        tab.clear_all_button.show()
        assert window.minimumSizeHint().width() <= 1366, type(tab).__name__
        tab.clear_all_button.hide()


def bring_forward(widget) -> None:
    """Make every stack that holds ``widget`` show the page it is on."""
    from PySide6.QtWidgets import QStackedWidget

    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()

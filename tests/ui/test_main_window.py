"""The main window driven as a clerk drives it, through real widgets."""

import re

from helpers.widgets import settled
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QTableWidget,
)

from oc_desktop.profile import load_profile
from oc_desktop.ui.common.fonts import register_fonts
from oc_desktop.ui.common.register_tab import RegisterTab
from oc_desktop.ui.main_window import FIRST_SIZE, MainWindow

LAO_LETTER = re.compile("[\u0e81-\u0ecd]")  # letters, vowels and tone marks; not digits
LATIN_WORD = re.compile("[A-Za-z]{2,}")
UNTRANSLATABLE = {"OC Desktop", "English"}


def _visible_texts(window, qtbot) -> list[str]:
    """Every label of the program's own (not the clerk's data) that a person can see, once
    every register has its rows and count."""
    for tab in window.all_tabs():
        if isinstance(tab, RegisterTab):
            settled(qtbot, tab)
    texts = [window.windowTitle()]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for menu_action in window.menuBar().actions():
        texts.append(menu_action.text())
        texts += [a.text() for a in menu_action.menu().actions() if a.text()]
    for widget in window.findChildren(QLabel):
        if widget.text() and "error_" not in widget.objectName():
            texts.append(widget.text())
    texts += [b.text() for b in window.findChildren(QAbstractButton) if b.text()]
    texts += [g.title() for g in window.findChildren(QGroupBox)]
    for table in window.findChildren(QTableWidget):
        texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    for combo in window.findChildren(QComboBox):
        if combo is window.settings_tab.language_combo:
            continue
        # A filter of the office's own names (sections, kinds) shows them as typed;
        # only its "All" item is the program's text.
        shown = 1 if combo.property("holds_data") else combo.count()
        texts += [combo.itemText(i) for i in range(shown)]
    # the data folder and the people's names are the office's data, not the program's words
    data = (str(window.data_dir), window.actor.full_name, f"({window.actor.username})")
    cleaned = []
    for text in texts:
        for value in data:
            text = text.replace(value, "")
        cleaned.append(re.sub(r"\d+", "#", text))  # counts change as the test writes
    return [t for t in cleaned if t]


def test_one_tab_per_area_in_lao(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [
        "ເອກະສານ",
        "ຕາປະທັບ",
        "ພະນັກງານ",
        "ງົບປະມານ",
        "ການຕັ້ງຄ່າ",
        "ຜູ້ໃຊ້",
        "ປະຫວັດການປ່ຽນແປງ",
    ]
    assert window.menuBar().actions()[0].text() == "ແຟ້ມ(&F)"


def test_every_visible_string_is_lao_then_english_then_lao_again(window, qtbot):
    first = _visible_texts(window, qtbot)
    english_left = [t for t in first if LATIN_WORD.search(t) and not LAO_LETTER.search(t)]
    assert set(english_left) <= UNTRANSLATABLE, english_left

    tab = window.settings_tab
    tab.name_edit.setText("ຄະນະໂຄສະນາອົບຮົມແຂວງທົດລອງ")
    tab.abbreviation_edit.setText("ຄ.ອ.ຮ.ຂ")
    tab.place_edit.setText("ທົດລອງ")
    tab.language_combo.setCurrentIndex(tab.language_combo.findData("en"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    english = _visible_texts(window, qtbot)
    assert "Documents" in english and "Settings" in english
    still_lao = [t for t in english if LAO_LETTER.search(t)]
    assert not still_lao, still_lao

    tab.language_combo.setCurrentIndex(tab.language_combo.findData("lo"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert sorted(_visible_texts(window, qtbot)) == sorted(first)


def test_qt_own_buttons_follow_the_language(app, qtbot):
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "ຕົກລົງ"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "ຍົກເລີກ"


def test_bad_profile_input_is_told_at_the_field_and_nothing_is_saved(window, qtbot, db):
    tab = window.settings_tab
    before = load_profile(db)
    tab.name_edit.clear()
    tab.abbreviation_edit.setText("ຄ" * 50)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.rows.error("name") == "ຕ້ອງໃສ່ຂໍ້ມູນຊ່ອງນີ້."
    assert tab.rows.error("abbreviation") == "ຍາວເກີນໄປ: ບໍ່ເກີນ 40 ຕົວອັກສອນ."
    assert load_profile(db) == before


def test_profile_saved_from_the_settings_tab(window, qtbot, db):
    tab = window.settings_tab
    tab.name_edit.setText("ຄະນະໂຄສະນາອົບຮົມແຂວງທົດລອງ")
    tab.abbreviation_edit.setText("ຄ.ອ.ຮ.ຂ")
    tab.place_edit.setText("ທົດລອງ")
    qtbot.mouseClick(tab.signers.add_button, Qt.MouseButton.LeftButton)
    row = tab.signers.table.rowCount() - 1
    tab.signers.table.item(row, 0).setText("ຫົວໜ້າຄະນະ")
    tab.signers.table.item(row, 1).setText("ບຸນມີ ພົມມະຈັນ")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    profile = load_profile(db)
    assert profile.place == "ທົດລອງ"
    assert profile.signers[-1].name == "ບຸນມີ ພົມມະຈັນ"
    assert window.statusBar().currentMessage() == "ບັນທຶກການຕັ້ງຄ່າແລ້ວ."


def test_window_state_is_remembered(window, qtbot, db, data_dir, qsettings, actor):
    window.resize(720, 540)
    window.tabs.setCurrentIndex(3)
    window.close()
    again = MainWindow(db, data_dir, qsettings, actor)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 3
    assert (again.width(), again.height()) == (720, 540)


def test_keyboard_switches_tabs(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.settings_tab


def test_shipped_lao_fonts_are_registered(app):
    families = register_fonts()
    assert {"Phetsarath", "Noto Looped Lao", "Noto Sans"} <= set(families)


def test_number_fields_read_lao_digits(window, qtbot, db, type_text):
    from oc_desktop.profile import get_setting

    tab = window.settings_tab
    tab.due_days.lineEdit().selectAll()
    type_text(tab.due_days.lineEdit(), "໑໒")
    assert tab.due_days.value() == 12
    tab.name_edit.setText("ຄະນະທົດລອງ")
    tab.abbreviation_edit.setText("ຄ.ທ")
    tab.place_edit.setText("ທົດລອງ")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert get_setting(db, "due_soon_days") == 12


def test_a_window_state_saved_too_small_opens_usable(window, qtbot, db, data_dir, qsettings, actor):
    window.setMinimumSize(0, 0)
    window.resize(320, 200)
    window.close()
    again = MainWindow(db, data_dir, qsettings, actor)
    qtbot.addWidget(again)
    assert again.width() >= 640 and again.height() >= 480


def test_the_first_window_takes_the_free_width_of_a_small_screen(window):
    # the office laptop's free area (1366×728 with a taskbar) is wholly taken
    assert FIRST_SIZE.width() >= 1366 and FIRST_SIZE.height() >= 728
    free = window.screen().availableGeometry()
    assert window.width() == min(FIRST_SIZE.width(), free.width())
    assert window.frameGeometry().bottom() <= free.bottom()

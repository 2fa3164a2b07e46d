"""Back up and restore from the window, driven through its real widgets."""

from datetime import datetime, timedelta

import pytest
from helpers.backup import add_entries, section_ids
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton
from sqlalchemy import func, select

from oc_desktop.backup import make_backup
from oc_desktop.backup.status import last_backup
from oc_desktop.models import Section
from oc_desktop.profile import set_setting
from oc_desktop.security import SYSTEM

OK = QDialogButtonBox.StandardButton.Ok


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _read(qtbot, dialog):
    """Wait for the dialog to have read the backup (on its worker) and shown it."""
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20_000)


def test_the_actions_are_in_the_file_menu_and_toolbar_in_lao(window):
    actions = window.backup_actions
    assert window.file_menu.actions()[:2] == [actions.backup_action, actions.restore_action]
    assert actions.backup_action in window.toolbar.actions()
    assert "ສຳຮອງຂໍ້ມູນ" in actions.backup_action.text()
    assert "ກູ້ຄືນຂໍ້ມູນ" in actions.restore_action.text()
    assert actions.age_label.text() == "ຍັງບໍ່ທັນໄດ້ສຳຮອງຂໍ້ມູນ"


def test_a_clerk_backs_up_to_a_drive(window, qtbot, usb, db):
    dialog = window.backup_actions.ask_backup()
    qtbot.waitExposed(dialog)
    dialog.choose(usb)
    assert dialog.buttons.button(OK).isEnabled()
    with qtbot.waitSignal(window.backup_actions.backup_done, timeout=20_000) as done:
        _click(qtbot, dialog.buttons.button(OK))
    result = done.args[0]
    assert result.path.parent == usb and result.path.exists()
    assert last_backup(db) == result.manifest.summary.created
    assert window.backup_actions.age_label.text() == "ສຳຮອງຂໍ້ມູນຫຼ້າສຸດ: ມື້ນີ້"
    assert str(result.path) in window.backup_actions.message.text()
    assert not window.backup_actions.progress.isVisible()


def test_a_password_must_be_typed_twice_the_same(window, qtbot, usb, type_text):
    dialog = window.backup_actions.ask_backup()
    dialog.choose(usb)
    dialog.encrypt.setChecked(True)
    type_text(dialog.password, "ລະຫັດລັບ2024")
    type_text(dialog.repeat, "ລະຫັດລັບ2025")
    assert not dialog.buttons.button(OK).isEnabled() and dialog.hint.text()
    dialog.repeat.clear()
    type_text(dialog.repeat, "ລະຫັດລັບ2024")
    assert dialog.buttons.button(OK).isEnabled()
    with qtbot.waitSignal(window.backup_actions.backup_done, timeout=20_000) as done:
        _click(qtbot, dialog.buttons.button(OK))
    assert done.args[0].encrypted


def test_cancel_in_the_progress_dialog_stops_cleanly(window, qtbot, usb):
    actions = window.backup_actions
    with qtbot.waitSignal(actions.failed, timeout=20_000) as failed:
        actions.start_backup(usb)
        _click(qtbot, actions.progress.findChild(QPushButton))
    assert "ຍົກເລີກ" in failed.args[0]
    assert list(usb.iterdir()) == []


def test_a_failure_is_shown_in_lao(window, qtbot, tmp_path):
    actions = window.backup_actions
    with qtbot.waitSignal(actions.failed, timeout=20_000) as failed:
        actions.start_backup(tmp_path / "pulled-out")
    assert actions.message.text() == failed.args[0]
    assert actions.message.icon() == QMessageBox.Icon.Warning
    assert last_backup(window.db) is None


def test_a_clerk_restores_after_the_data_was_damaged(window, qtbot, usb, data_dir):
    ids = add_entries(window.db, 25, tag="ໜັງສືຂາເຂົ້າ")
    backup = make_backup(data_dir, usb)
    add_entries(window.db, 5, tag="ພາຍຫຼັງ")

    dialog = window.backup_actions.show_backup(backup.path)

    _read(qtbot, dialog)
    qtbot.waitExposed(dialog)
    assert "29" in dialog.details.text() and "ຂະແໜງ: 29" in dialog.details.text()
    assert not dialog.buttons.button(OK).isEnabled()  # not before the clerk confirms
    dialog.confirm.setChecked(True)
    with qtbot.waitSignal(window.backup_actions.restore_done, timeout=20_000) as done:
        _click(qtbot, dialog.buttons.button(OK))

    assert set(ids) <= section_ids(data_dir) and len(section_ids(data_dir)) == 29
    with window.db.read() as session:  # the window's own database object reads the new file
        assert session.scalar(select(func.count()).select_from(Section)) == 29
    assert done.args[0].safety_copy.exists()


def test_a_password_backup_asks_for_its_password_before_showing_anything(
    window, qtbot, usb, data_dir, type_text
):
    backup = make_backup(data_dir, usb, password="ລະຫັດ 12345")
    dialog = window.backup_actions.show_backup(backup.path)
    _read(qtbot, dialog)
    assert dialog.password_row.isVisibleTo(dialog) and not dialog.confirm.isEnabled()
    type_text(dialog.password, "ຜິດ")
    _click(qtbot, dialog.open_button)
    _read(qtbot, dialog)
    assert dialog.info is None and "ລະຫັດຜ່ານ" in dialog.details.text()
    dialog.password.clear()
    type_text(dialog.password, "ລະຫັດ 12345")
    _click(qtbot, dialog.open_button)
    _read(qtbot, dialog)
    assert dialog.info is not None and dialog.confirm.isEnabled()


def test_no_reminder_while_no_register_holds_an_entry(window, qtbot, db):
    actions = window.backup_actions
    actions.show_age()
    assert not actions.age_label.styleSheet()  # nothing to lose yet: not in red
    actions.start_reminders()
    window.close()
    assert not window.isVisible() and actions.message is None


def test_reminders_at_start_and_at_close_when_the_backup_is_old(window, qtbot, db):
    _one_letter(db)
    old = (datetime.now() - timedelta(days=9)).replace(microsecond=0)
    set_setting(db, actor=SYSTEM, key="last_backup_at", value=old.isoformat())
    actions = window.backup_actions
    actions.show_age()
    assert "9" in actions.age_label.text() and actions.age_label.styleSheet()

    actions.start_reminders()
    qtbot.waitUntil(lambda: actions.message is not None and actions.message.isVisible())
    assert "9" in actions.message.text()
    actions.message.button(QMessageBox.StandardButton.No).click()  # "Later"

    window.close()
    assert window.isVisible()  # the close waits for the clerk's answer
    qtbot.waitUntil(lambda: actions.message.isVisible())
    actions.message.button(QMessageBox.StandardButton.No).click()  # close without a backup
    qtbot.waitUntil(lambda: not window.isVisible())


def test_no_reminder_when_the_backup_is_recent(window, qtbot, db):
    set_setting(
        db, actor=SYSTEM, key="last_backup_at", value=datetime.now().isoformat(timespec="seconds")
    )
    actions = window.backup_actions
    actions.start_reminders()
    window.close()
    assert not window.isVisible() and actions.message is None


def test_after_a_restore_everyone_signs_in_again(app, qtbot, db, data_dir, qsettings, actor, usb):
    from oc_desktop.ui.main_window import MainWindow

    backup = make_backup(data_dir, usb)
    window = MainWindow(db, data_dir, qsettings, actor)  # not kept by qtbot: it is deleted
    window.show()
    qtbot.waitExposed(window)
    actions = window.backup_actions
    with qtbot.waitSignal(actions.restore_done, timeout=20_000):
        actions.start_restore(backup.path)
    assert window.isVisible()  # the clerk reads the message first
    with qtbot.waitSignal(window.session.ended) as ended:
        actions.message.button(QMessageBox.StandardButton.Ok).click()
    # the restored data has its own users: no window stays open on the old sign-in
    assert ended.args == [None] and not window.isVisible()


def test_the_restore_dialog_says_what_the_data_here_holds_that_the_backup_does_not(
    window, qtbot, usb, data_dir
):
    add_entries(window.db, 3, tag="ກ່ອນ")
    backup = make_backup(data_dir, usb)
    add_entries(window.db, 5, tag="ພາຍຫຼັງ")
    dialog = window.backup_actions.show_backup(backup.path)
    # the dialog opens at once; the backup is read and the data counted on a worker
    assert dialog.job is not None and dialog.info is None and not dialog.confirm.isEnabled()
    _read(qtbot, dialog)
    qtbot.waitExposed(dialog)
    text = dialog.difference.text()
    assert "ຂະແໜງ 5" in text and "ສຳເນົາ" in text  # the register by its Lao name
    assert "section" not in text + dialog.details.text()  # never a table's name
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= min(728, screen.height())
    assert dialog.frameGeometry().width() <= 1366
    dialog.grab().save(str(usb.parent / "restore-dialog.png"))


def test_a_backup_from_another_computer_asks_for_the_restore_key(
    window, qtbot, usb, tmp_path, type_text
):
    from helpers.backup import restore_key

    from oc_desktop.models.migrate import open_database

    old_pc = tmp_path / "old-pc"
    old_db = open_database(old_pc)
    old_db.close()
    backup = make_backup(old_pc, usb)
    dialog = window.backup_actions.show_backup(backup.path)
    _read(qtbot, dialog)
    assert dialog.key.isVisibleTo(dialog) and not dialog.password.isVisibleTo(dialog)
    assert dialog.info is None and "ໃບກະແຈກູ້ຄືນ" in dialog.details.text()
    type_text(dialog.key, restore_key(old_pc).lower())  # as typed from the sheet
    _click(qtbot, dialog.open_button)
    _read(qtbot, dialog)
    assert dialog.info is not None and dialog.confirm.isEnabled()
    assert dialog.chosen_restore_key()


def test_only_the_administrator_restores_and_prints_the_key_sheet(
    make_window, make_user, qtbot, usb
):
    from oc_desktop.security import ADMIN, CLERK

    clerk_window = make_window(make_user("clerk", [CLERK]))
    actions = clerk_window.backup_actions
    assert actions.backup_action.isEnabled() and not actions.restore_action.isEnabled()
    assert not actions.sheet_action.isVisible()
    with qtbot.waitSignal(actions.backup_done, timeout=20_000) as done:
        actions.start_backup(usb)
    assert done.args[0].key_created and "ໃບກະແຈກູ້ຄືນ" in actions.message.text()
    clerk_window.close()

    admin_window = make_window(make_user("chief", [ADMIN]))
    sheet = admin_window.backup_actions.sheet_action
    assert sheet.isVisible() and sheet.isEnabled()  # made, not printed yet


def test_a_clerk_without_clearance_cannot_choose_a_password_backup(make_window, make_user, usb):
    from oc_desktop.security import CLERK

    window = make_window(make_user("clerk", [CLERK]))
    dialog = window.backup_actions.ask_backup()
    assert not dialog.encrypt.isEnabled() and dialog.encrypt.toolTip()
    window.backup_actions.start_backup(usb, "ລະຫັດຍາວພໍ")  # even if called directly
    assert "ລະຫັດຜ່ານ" in window.backup_actions.message.text()
    assert list(usb.iterdir()) == []


def _one_letter(db) -> int:
    from datetime import date

    from oc_desktop.documents.incoming import register_incoming

    return register_incoming(
        db,
        actor=SYSTEM,
        received_at=datetime(2026, 11, 20, 9, 30),
        sender="ພະແນກການເງິນແຂວງ",
        doc_number="1/ພກງ",
        doc_date=date(2026, 11, 18),
        kind_id=None,
        subject="ລາຍງານ",
    )

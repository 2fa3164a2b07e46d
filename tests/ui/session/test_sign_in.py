"""The way in: the first start creates the administrator, later starts sign in.

Driven through the real dialogs and the start-up flow the program runs.
"""

import os
import subprocess
import sys

import pytest
import shiboken6
from helpers import PASSWORD
from PySide6.QtCore import Qt
from sqlalchemy import select

from oc_desktop.models import AuditEntry
from oc_desktop.profile import set_setting
from oc_desktop.security import ADMIN, CLERK, SYSTEM
from oc_desktop.ui.audit.tab import AuditTab
from oc_desktop.ui.session.sign_in import CANCEL, FirstRunDialog, SignInDialog
from oc_desktop.ui.settings.tab import SettingsTab
from oc_desktop.ui.startup import SessionFlow
from oc_desktop.ui.users.tab import UsersTab
from oc_desktop.users import has_users


@pytest.fixture
def flow(app, qtbot, db, data_dir, qsettings):
    session_flow = SessionFlow(db, data_dir, qsettings)
    yield session_flow
    for widget in (session_flow.window, session_flow.dialog):
        if widget is not None and shiboken6.isValid(widget):
            widget.hide()
            widget.deleteLater()


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _sign_in(qtbot, dialog, username: str, password: str, type_text) -> None:
    dialog.username.clear()
    dialog.password.clear()
    qtbot.keyClicks(dialog.username, username)
    type_text(dialog.password, password)
    _click(qtbot, dialog.ok_button())


def _actions(db) -> list[tuple[str, str]]:
    with db.read() as session:
        rows = session.execute(select(AuditEntry.username, AuditEntry.action))
        return [tuple(row) for row in rows]


def test_the_first_start_creates_the_administrator(flow, qtbot, db, type_text):
    flow.start()
    dialog = flow.dialog
    assert isinstance(dialog, FirstRunDialog)
    qtbot.waitExposed(dialog)
    assert dialog.heading.text() == "ຍິນດີຕ້ອນຮັບສູ່ OC Desktop"
    qtbot.keyClicks(dialog.username, "admin one")
    type_text(dialog.password, "ສັ້ນ")
    type_text(dialog.password_again, "ບໍ່ຄືກັນ")
    _click(qtbot, dialog.ok_button())
    assert dialog.rows.error("username") == "ຊື່ຜູ້ໃຊ້ຕ້ອງເປັນຄຳດຽວ, ບໍ່ມີຍະຫວ່າງ."
    assert dialog.rows.error("full_name") == "ຕ້ອງໃສ່ຂໍ້ມູນຊ່ອງນີ້."
    assert dialog.rows.error("password") == "ຢ່າງໜ້ອຍ 8 ຕົວອັກສອນ."
    assert dialog.rows.error("password_again") == "ລະຫັດຜ່ານທັງສອງບໍ່ຄືກັນ."
    assert not has_users(db) and dialog.isVisible()

    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "admin")
    type_text(dialog.full_name, "ບຸນມີ ພົມມະຈັນ")
    for field in (dialog.password, dialog.password_again):
        field.clear()
        type_text(field, PASSWORD)
    with qtbot.waitSignal(flow.window_opened) as opened:
        _click(qtbot, dialog.ok_button())
    window = opened.args[0]
    assert window.actor.roles == {ADMIN} and window.actor.full_name == "ບຸນມີ ພົມມະຈັນ"
    assert window.tab_for(UsersTab) is not None and window.tab_for(AuditTab) is not None
    assert window.user_label.text() == "ຜູ້ເຂົ້າໃຊ້: ບຸນມີ ພົມມະຈັນ (admin)"
    assert _actions(db) == [("system", "create"), ("admin", "sign_in")]

    # not a silent window: the next two steps, each opening its tab; no backup reminder
    welcome = window.welcome
    qtbot.waitUntil(welcome.isVisible)
    assert welcome.users_button.text() == "ສ້າງບັນຊີຜູ້ໃຊ້ໃຫ້ພະນັກງານ(&C)"
    welcome.activateWindow()
    qtbot.waitUntil(welcome.isActiveWindow)
    qtbot.keyClick(welcome, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not welcome.isVisible())
    assert window.tabs.currentWidget() is window.tab_for(SettingsTab)
    assert window.backup_actions.message is None  # nothing registered: nothing to back up
    assert not window.backup_actions.age_label.styleSheet()


def test_the_welcome_opens_the_users_tab_with_the_keyboard(flow, qtbot, db, type_text):
    flow.start()
    dialog = flow.dialog
    qtbot.keyClicks(dialog.username, "admin")
    type_text(dialog.full_name, "ບຸນມີ ພົມມະຈັນ")
    type_text(dialog.password, PASSWORD)
    type_text(dialog.password_again, PASSWORD)
    with qtbot.waitSignal(flow.window_opened) as opened:
        _click(qtbot, dialog.ok_button())
    window = opened.args[0]
    qtbot.waitUntil(window.welcome.isVisible)
    window.welcome.activateWindow()
    qtbot.waitUntil(window.welcome.isActiveWindow)
    qtbot.keyClick(window.welcome, Qt.Key.Key_Return)  # the first step is the default
    qtbot.waitUntil(lambda: not window.welcome.isVisible())
    assert window.tabs.currentWidget() is window.tab_for(UsersTab)


def test_later_starts_sign_in_and_cancel_quits(flow, qtbot, make_user):
    make_user("clerk", [CLERK])
    flow.start()
    assert isinstance(flow.dialog, SignInDialog)
    qtbot.waitExposed(flow.dialog)
    with qtbot.waitSignal(flow.finished):
        _click(qtbot, flow.dialog.buttons.button(CANCEL))
    assert flow.window is None


def test_a_wrong_password_and_a_locked_account_are_refused(flow, qtbot, db, make_user, type_text):
    make_user("clerk", [CLERK])
    set_setting(db, actor=SYSTEM, key="sign_in_attempts", value=2)
    flow.start()
    dialog = flow.dialog
    _sign_in(qtbot, dialog, "clerk", "wrong password", type_text)
    assert dialog.rows.error("password") == "ຊື່ຜູ້ໃຊ້ ຫຼື ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ."
    assert dialog.password.text() == "" and dialog.isVisible()
    _sign_in(qtbot, dialog, "clerk", "wrong again!", type_text)
    assert "ກະລຸນາລອງໃໝ່ໃນອີກ 1 ນາທີ" in dialog.rows.error("password")
    _sign_in(qtbot, dialog, "clerk", PASSWORD, type_text)  # right, but the account waits
    assert "ລອງໃໝ່ໃນອີກ" in dialog.rows.error("password")
    assert flow.window is None
    assert [a for _u, a in _actions(db)].count("sign_in_failed") == 2


def test_sign_out_returns_to_the_sign_in_for_the_next_person(flow, qtbot, db, make_user, type_text):
    make_user("clerk", [CLERK])
    make_user("boss", ["head"])
    flow.start()
    with qtbot.waitSignal(flow.window_opened):
        _sign_in(qtbot, flow.dialog, "clerk", PASSWORD, type_text)
    first = flow.window
    assert first.actor.username == "clerk"
    with qtbot.waitSignal(flow.door_opened):
        first.session.sign_out_action.trigger()
    assert not first.isVisible()
    with qtbot.waitSignal(flow.window_opened):
        _sign_in(qtbot, flow.dialog, "boss", PASSWORD, type_text)
    assert flow.window.actor.username == "boss"
    assert ("clerk", "sign_out") in _actions(db)


def test_closing_the_window_quits_and_records_the_sign_out(flow, qtbot, db, make_user, type_text):
    make_user("clerk", [CLERK])
    flow.start()
    with qtbot.waitSignal(flow.window_opened):
        _sign_in(qtbot, flow.dialog, "clerk", PASSWORD, type_text)
    set_setting(db, actor=SYSTEM, key="last_backup_at", value="2099-01-01T00:00:00")
    with qtbot.waitSignal(flow.finished):
        flow.window.close()
    assert _actions(db)[-1] == ("clerk", "sign_out")


def _start_for_bench(data_dir, credentials: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OC_DESKTOP_EXIT_AFTER_SHOW="1")
    if credentials:
        env["OC_DESKTOP_BENCH_SIGN_IN"] = credentials
    return subprocess.run(
        [sys.executable, "-m", "oc_desktop", "--data-dir", str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_bench_signs_in_through_the_real_dialog(db, data_dir, make_user):
    make_user("clerk", [CLERK])
    db.close()
    shown = _start_for_bench(data_dir, f"clerk:{PASSWORD}")
    assert shown.returncode == 0, shown.stderr
    assert [line.split()[0] for line in shown.stdout.splitlines()] == ["sign_in_shown", "shown"]
    refused = _start_for_bench(data_dir, "clerk:not the password")
    assert refused.returncode != 0 and "shown" not in refused.stdout.replace("sign_in_shown", "")
    door_only = _start_for_bench(data_dir, None)
    assert door_only.returncode == 0 and door_only.stdout.startswith("sign_in_shown")

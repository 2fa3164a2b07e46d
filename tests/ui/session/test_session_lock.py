"""The idle lock: an unattended window hides its contents until the same password is given."""

from helpers import PASSWORD
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from oc_desktop.models import AuditEntry
from oc_desktop.profile import set_setting
from oc_desktop.security import CLERK, SYSTEM
from oc_desktop.ui.main_window import MainWindow


def _unlock(qtbot, window, password, type_text) -> None:
    screen = window.session.lock_screen
    screen.password.clear()
    type_text(screen.password, password)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)


def _failed_tries(db) -> int:
    with db.read() as session:
        actions = session.scalars(select(AuditEntry.action))
        return sum(action == "sign_in_failed" for action in actions)


def test_an_idle_window_locks_and_only_the_password_opens_it(
    make_window, actor, qtbot, db, type_text
):
    window = make_window(actor, idle_lock_ms=50)
    session = window.session
    qtbot.waitUntil(lambda: session.locked, timeout=5000)
    assert session.stack.currentWidget() is session.lock_screen
    assert not window.tabs.isVisible() and not window.settings_tab.isVisible()
    assert session.lock_screen.heading.text() == "ໜ້າຈໍຖືກລັອກ"
    assert not window.backup_actions.backup_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert not window.tabs.isVisible()  # no shortcut reaches the registers

    _unlock(qtbot, window, "not the password", type_text)
    assert session.locked and not window.tabs.isVisible()
    assert session.lock_screen.rows.error("password") == "ຊື່ຜູ້ໃຊ້ ຫຼື ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ."
    assert _failed_tries(db) == 1

    _unlock(qtbot, window, PASSWORD, type_text)
    assert not session.locked and window.tabs.isVisible()
    assert window.backup_actions.backup_action.isEnabled()
    qtbot.waitUntil(lambda: session.locked, timeout=5000)  # and it locks again when left


def test_wrong_tries_at_the_lock_count_toward_the_account_lock(
    make_window, actor, qtbot, db, type_text
):
    set_setting(db, actor=SYSTEM, key="sign_in_attempts", value=2)
    window = make_window(actor, idle_lock_ms=60_000)
    window.session.lock()
    for attempt in range(2):
        _unlock(qtbot, window, f"wrong {attempt}", type_text)
    assert "ລອງໃໝ່ໃນອີກ 1 ນາທີ" in window.session.lock_screen.rows.error("password")
    _unlock(qtbot, window, PASSWORD, type_text)  # the right password, but the account waits
    assert window.session.locked and not window.tabs.isVisible()
    assert "ລອງໃໝ່ໃນອີກ" in window.session.lock_screen.rows.error("password")


def test_input_keeps_the_session_awake(make_window, actor, qtbot):
    window = make_window(actor, idle_lock_ms=60_000)
    idle = window.session.idle
    qtbot.waitUntil(lambda: 0 < idle.remaining_ms() < 59_950, timeout=5000)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(10, 10),
        QPointF(10, 10),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.tabs, move)
    assert idle.remaining_ms() > 59_950
    assert not window.session.locked


def test_ctrl_l_locks_at_once(make_window, actor, qtbot):
    window = make_window(actor, idle_lock_ms=60_000)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session.locked
    assert window.session.lock_action.text() == "ລັອກໜ້າຈໍ(&L)"


def test_the_idle_time_is_a_setting_and_zero_never_locks(make_window, actor, qtbot, db):
    window = make_window(actor)
    assert window.session.idle.interval() == 15 * 60_000  # the documented default
    tab = window.settings_tab
    tab.idle_minutes.setValue(0)
    tab.name_edit.setText("ຄະນະທົດລອງ")
    tab.abbreviation_edit.setText("ຄ.ທ")
    tab.place_edit.setText("ທົດລອງ")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert window.session.idle.interval() == 0
    assert window.session.idle.remaining_ms() == -1  # not counting: never locks


def test_someone_else_signs_in_from_the_lock(app, qtbot, db, data_dir, qsettings, make_user):
    clerk = make_user("clerk", [CLERK])
    window = MainWindow(db, data_dir, qsettings, clerk, idle_lock_ms=60_000)
    window.show()
    qtbot.waitExposed(window)
    window.session.lock()
    with qtbot.waitSignal(window.session.ended) as ended:
        qtbot.mouseClick(window.session.lock_screen.switch_button, Qt.MouseButton.LeftButton)
    assert ended.args == [None] and not window.isVisible()
    with db.read() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (last.username, last.action) == ("clerk", "sign_out")


def test_an_open_dialog_goes_behind_the_lock_and_comes_back(make_window, actor, qtbot, type_text):
    window = make_window(actor, idle_lock_ms=60_000)
    dialog = window.backup_actions.ask_backup()
    qtbot.waitExposed(dialog)
    window.session.lock()
    assert not dialog.isVisible()
    _unlock(qtbot, window, PASSWORD, type_text)
    assert dialog.isVisible()


def test_roles_changed_while_locked_reopen_the_window_for_them(
    app, qtbot, db, data_dir, qsettings, make_user, type_text
):
    from oc_desktop.security import ADMIN, HEAD
    from oc_desktop.user_admin import update_user

    admin = make_user("admin", [ADMIN])
    clerk = make_user("clerk", [CLERK])
    window = MainWindow(db, data_dir, qsettings, clerk, idle_lock_ms=60_000)
    window.show()
    qtbot.waitExposed(window)
    window.session.lock()
    update_user(
        db,
        actor=admin,
        user_id=clerk.user_id,
        full_name=clerk.full_name,
        roles=[HEAD],
        clearance=0,
        active=True,
    )
    with qtbot.waitSignal(window.session.ended) as ended:
        _unlock(qtbot, window, PASSWORD, type_text)
    assert ended.args[0].roles == {HEAD}  # the start-up flow builds the head's window


def test_a_dialog_closed_behind_the_lock_stays_closed(make_window, actor, qtbot, type_text):
    window = make_window(actor, idle_lock_ms=60_000)
    dialog = window.backup_actions.ask_backup()
    qtbot.waitExposed(dialog)
    window.session.lock()
    dialog.close()  # as a finished backup closes its progress dialog
    _unlock(qtbot, window, PASSWORD, type_text)
    assert not dialog.isVisible()


def test_the_lock_screen_text_is_whole_in_english_and_lao(make_window, actor, qtbot):
    from oc_desktop.i18n import set_language

    window = make_window(actor)
    window.session.lock()
    screen = window.session.lock_screen
    qtbot.waitUntil(screen.isVisible)
    try:
        for language in ("en", "lo"):
            set_language(language)
            window.language_changed.emit(language)
            screen.layout().activate()
            for label in (screen.heading, screen.who):
                wraps = label.wordWrap()
                needed = label.heightForWidth(label.width()) if wraps else label.sizeHint().height()
                assert label.height() >= needed, (language, label.text())
            # the sentence wraps: two lines at least, both shown
            assert screen.who.height() >= 2 * screen.who.fontMetrics().lineSpacing()
    finally:
        set_language("lo")

"""The administrator's Users tab, driven through its real widgets."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from oc_desktop.demo import DEMO_USERS, add_users, demo_password
from oc_desktop.models import AuditEntry
from oc_desktop.profile import set_setting
from oc_desktop.security import ADMIN, CLERK, CONFIDENTIAL, HEAD, ROLES
from oc_desktop.ui.users.tab import UsersTab
from oc_desktop.user_admin import list_users
from oc_desktop.users import SignInError, sign_in


@pytest.fixture
def admin(make_user):
    return make_user("admin", [ADMIN], full_name="ບຸນມີ ພົມມະຈັນ")


@pytest.fixture
def tab(make_window, admin):
    return make_window(admin).tab_for(UsersTab)


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _row_of(tab, username: str) -> int:
    return next(i for i, row in enumerate(tab.model.rows) if row.username == username)


def _last_audit(db) -> AuditEntry:
    with db.read() as session:
        return session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()


def test_the_administrator_adds_a_clerk_without_clearance(tab, qtbot, db, type_text):
    _click(qtbot, tab.new_button)
    assert tab.form_box.title() == "ຜູ້ໃຊ້ໃໝ່"
    qtbot.keyClicks(tab.username, "manivan")
    type_text(tab.full_name, "ນາງ ມະນີວັນ ສີລາວົງ")
    tab.role_boxes[CLERK].setChecked(True)
    type_text(tab.password, "ລະຫັດ-ໃໝ່-2025")
    type_text(tab.password_again, "ລະຫັດ-ໃໝ່-2025")
    _click(qtbot, tab.save_button)
    assert [r.username for r in tab.model.rows] == ["admin", "manivan"]
    row = tab.model.rows[_row_of(tab, "manivan")]
    assert (row.roles, row.clearance, row.active) == ((CLERK,), 0, True)
    assert tab.model.index(_row_of(tab, "manivan"), 2).data() == "ພະນັກງານທະບຽນເອກະສານ"
    assert tab.model.index(_row_of(tab, "manivan"), 3).data() == "ທຳມະດາ"
    assert tab.form_box.title() == "ຜູ້ໃຊ້ manivan"  # the new person stays chosen
    audit = _last_audit(db)
    assert (audit.username, audit.action, audit.new["full_name"]) == (
        "admin",
        "create",
        "ນາງ ມະນີວັນ ສີລາວົງ",
    )
    clerk = sign_in(db, username="manivan", password="ລະຫັດ-ໃໝ່-2025")
    assert clerk.may_write("documents") and not clerk.sees_secret(CONFIDENTIAL)


def test_bad_input_is_told_at_each_field_and_nothing_is_saved(tab, qtbot, db, type_text):
    _click(qtbot, tab.new_button)
    qtbot.keyClicks(tab.username, "admin")
    type_text(tab.password, "ສັ້ນ")
    _click(qtbot, tab.save_button)
    assert tab.rows.error("username") == "ຊື່ຜູ້ໃຊ້ນີ້ມີຄົນໃຊ້ແລ້ວ."
    assert tab.rows.error("full_name") == "ຕ້ອງໃສ່ຂໍ້ມູນຊ່ອງນີ້."
    assert tab.rows.error("roles") == "ກະລຸນາເລືອກຢ່າງໜ້ອຍໜຶ່ງບົດບາດ."
    assert tab.rows.error("password") == "ຢ່າງໜ້ອຍ 8 ຕົວອັກສອນ."
    assert tab.rows.error("password_again") == "ລະຫັດຜ່ານທັງສອງບໍ່ຄືກັນ."
    assert len(list_users(db, actor=tab.actor)) == 1


def test_roles_clearance_and_deactivation_are_changed_and_audited(tab, qtbot, db, make_user):
    make_user("khamphone", [CLERK])
    tab.refresh()
    tab.table.selectRow(_row_of(tab, "khamphone"))
    assert tab.username.isReadOnly()  # a user name never changes: the trail names it
    assert not tab.password.isVisible()  # an existing person's password is reset, not typed
    tab.role_boxes[HEAD].setChecked(True)
    tab.clearance.setCurrentIndex(tab.clearance.findData(CONFIDENTIAL))
    _click(qtbot, tab.save_button)
    audit = _last_audit(db)
    assert audit.old == {"roles": [CLERK], "clearance": 0}
    assert audit.new == {"roles": [CLERK, HEAD], "clearance": CONFIDENTIAL}

    tab.active.setChecked(False)
    _click(qtbot, tab.save_button)
    assert _last_audit(db).new == {"active": False}
    assert tab.model.index(_row_of(tab, "khamphone"), 4).data() == "ບໍ່"
    with pytest.raises(SignInError):
        sign_in(db, username="khamphone", password="ລະຫັດ-2024-ok")


def test_the_administrator_cannot_lock_themself_out(tab, qtbot):
    tab.table.selectRow(_row_of(tab, "admin"))
    tab.active.setChecked(False)
    _click(qtbot, tab.save_button)
    assert tab.rows.error("active") == ("ທ່ານບໍ່ສາມາດຢຸດການໃຊ້ງານບັນຊີຂອງຕົນເອງ ໃນຂະນະທີ່ເຂົ້າສູ່ລະບົບຢູ່.")
    tab.active.setChecked(True)
    tab.role_boxes[ADMIN].setChecked(False)
    tab.role_boxes[HEAD].setChecked(True)
    _click(qtbot, tab.save_button)
    assert tab.rows.error("roles") == "ຕ້ອງມີຜູ້ບໍລິຫານລະບົບທີ່ໃຊ້ງານຢູ່ຢ່າງໜ້ອຍໜຶ່ງຄົນ."


def test_a_locked_out_person_is_shown_and_let_back_in(tab, qtbot, db, make_user, type_text):
    make_user("vanxay", [CLERK])
    set_setting(db, actor=tab.actor, key="sign_in_attempts", value=1)
    with pytest.raises(SignInError):
        sign_in(db, username="vanxay", password="wrong")
    tab.refresh()
    row = _row_of(tab, "vanxay")
    assert tab.model.index(row, 5).data()  # locked until …
    tab.table.selectRow(row)
    assert tab.unlock_button.isEnabled() and "ຖືກລັອກ" in tab.lock_label.text()
    _click(qtbot, tab.unlock_button)
    assert tab.model.index(_row_of(tab, "vanxay"), 5).data() == ""
    assert _last_audit(db).action == "unlock"

    dialog = tab.ask_reset_password()
    qtbot.waitExposed(dialog)
    type_text(dialog.password, "ໃໝ່-new-2025")
    type_text(dialog.password_again, "ບໍ່ຄືກັນ-2025")
    _click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert dialog.rows.error("password_again") == "ລະຫັດຜ່ານທັງສອງບໍ່ຄືກັນ."
    dialog.password_again.clear()
    type_text(dialog.password_again, "ໃໝ່-new-2025")
    with qtbot.waitSignal(dialog.accepted):
        _click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert _last_audit(db).new == {"password": "changed"}
    assert sign_in(db, username="vanxay", password="ໃໝ່-new-2025").username == "vanxay"


def test_the_demo_has_one_person_per_role_with_the_documented_passwords(db):
    add_users(db)
    people = {
        u.username: u
        for u in list_users(db, actor=sign_in(db, username="admin", password="demo-admin"))
    }
    assert {role for u in people.values() for role in u.roles} == set(ROLES)
    assert people["clerk"].clearance == 0 and people["clerk2"].clearance == CONFIDENTIAL
    for username, _name, roles, _clearance in DEMO_USERS:
        assert sign_in(db, username=username, password=demo_password(username)).roles == set(roles)

"""Each role sees only its own tabs; what a role may not change cannot be changed."""

import pytest
from PySide6.QtWidgets import QWidget

from oc_desktop.profile import load_profile, save_profile, set_setting
from oc_desktop.security import (
    ACCOUNTANT,
    ADMIN,
    CLERK,
    HEAD,
    READER,
    STAFF_OFFICER,
    NotAllowed,
)
from oc_desktop.ui.audit.tab import AuditTab
from oc_desktop.ui.settings.tab import SettingsTab
from oc_desktop.ui.users.tab import UsersTab

DOCUMENTS, SEAL, STAFF, BUDGET = "ເອກະສານ", "ຕາປະທັບ", "ພະນັກງານ", "ງົບປະມານ"
SETTINGS, USERS, AUDIT = "ການຕັ້ງຄ່າ", "ຜູ້ໃຊ້", "ປະຫວັດການປ່ຽນແປງ"
TABS = {
    ADMIN: [STAFF, SETTINGS, USERS, AUDIT],  # staff files: officer, head, administrator (#13)
    CLERK: [DOCUMENTS, SEAL],
    STAFF_OFFICER: [STAFF],
    ACCOUNTANT: [BUDGET],
    HEAD: [DOCUMENTS, SEAL, STAFF, BUDGET, SETTINGS, AUDIT],
    READER: [DOCUMENTS, SEAL],
}


@pytest.mark.parametrize("role", sorted(TABS))
def test_each_role_sees_only_its_tabs(role, make_user, make_window):
    window = make_window(make_user(role, [role]))
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TABS[role]
    # a tab the role may not read is never built, so none of its data is ever loaded
    built = {type(w) for w in window.findChildren(QWidget)}
    assert (UsersTab in built) == (role == ADMIN)
    assert (AuditTab in built) == (role in (ADMIN, HEAD))
    assert (SettingsTab in built) == (role in (ADMIN, HEAD))
    assert len(window.tab_actions) == len(TABS[role])


def test_a_person_with_two_roles_sees_both(make_user, make_window):
    window = make_window(make_user("both", [CLERK, ACCOUNTANT]))
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [DOCUMENTS, SEAL, BUDGET]


def test_the_head_reads_the_settings_but_cannot_change_them(make_user, make_window, db):
    head = make_user("head", [HEAD])
    tab = make_window(head).settings_tab
    assert tab.read_only and not tab.save_button.isVisible()
    assert not tab.org_box.isEnabled() and not tab.prefs_box.isEnabled()
    assert tab.read_only_note.text() == "ສະເພາະຜູ້ບໍລິຫານລະບົບເທົ່ານັ້ນທີ່ແກ້ໄຂການຕັ້ງຄ່າເຫຼົ່ານີ້ໄດ້."
    before = load_profile(db)
    tab.name_edit.setText("ປ່ຽນ")
    assert tab.save() is False
    assert load_profile(db) == before
    with pytest.raises(NotAllowed):
        save_profile(
            db,
            actor=head,
            name="x",
            abbreviation="x",
            place="x",
            parent_body="",
            sections=list(before.sections),
            signers=[],
        )
    with pytest.raises(NotAllowed):
        set_setting(db, actor=head, key="idle_lock_minutes", value=0)


@pytest.mark.parametrize(
    ("role", "may_back_up", "may_restore"),
    [(ADMIN, True, True), (CLERK, True, False), (HEAD, False, False), (READER, False, False)],
)
def test_only_some_roles_carry_the_data_out_or_replace_it(
    role, may_back_up, may_restore, make_user, make_window
):
    window = make_window(make_user(role, [role]))
    assert window.backup_actions.backup_action.isEnabled() == may_back_up
    assert window.backup_actions.restore_action.isEnabled() == may_restore
    window.backup_actions.start_reminders()
    assert window.backup_actions.reminders == may_back_up


def test_the_status_bar_names_who_is_signed_in(make_user, make_window):
    window = make_window(make_user("clerk", [CLERK], full_name="ນາງ ມະນີວັນ ສີລາວົງ"))
    assert window.user_label.text() == "ຜູ້ເຂົ້າໃຊ້: ນາງ ມະນີວັນ ສີລາວົງ (clerk)"
    file_actions = [a.text() for a in window.file_menu.actions() if a.text()]
    assert file_actions[-3:] == ["ລັອກໜ້າຈໍ(&L)", "ອອກຈາກລະບົບ(&O)", "ອອກຈາກໂປຣແກຣມ(&Q)"]

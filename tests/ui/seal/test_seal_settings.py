"""The seal rules an office may change are in the Settings tab, and the operations obey them."""

from helpers.pdf import sample_profile

from oc_desktop.profile import get_setting
from oc_desktop.security import ADMIN
from oc_desktop.ui.settings.tab import SettingsTab


def test_the_administrator_sets_the_seal_rules(qtbot, db, make_user):
    admin = make_user("admin", [ADMIN])
    sample_profile(db)
    tab = SettingsTab(db, admin)
    qtbot.addWidget(tab)
    assert tab.seal_sheets.value() == 5 and not tab.seal_approval.isChecked()
    tab.seal_sheets.setValue(8)
    tab.seal_approval.setChecked(True)
    assert tab.save()
    assert get_setting(db, "seal_max_sheets") == 8
    assert get_setting(db, "seal_use_needs_approval") is True

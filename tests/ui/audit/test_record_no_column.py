"""The Audit tab's "Record no." column reads in Lao, never a stored key."""

from helpers.widgets import settled

from oc_desktop.profile import set_setting
from oc_desktop.security import SYSTEM
from oc_desktop.ui.audit.tab import AuditTab


def test_a_changed_setting_is_named_in_the_record_no_column(window, qtbot, db):
    set_setting(db, actor=SYSTEM, key="language", value="lo")
    tab = window.tab_for(AuditTab)
    window.tabs.setCurrentWidget(tab)
    tab.refresh()
    settled(qtbot, tab)
    row = next(i for i, r in enumerate(tab.model.rows) if r.entity_id == "language")
    column = next(i for i, c in enumerate(tab.model.columns) if c.header == "Record no.")
    assert tab.model.index(row, column).data() == "ພາສາ"

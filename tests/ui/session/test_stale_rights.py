"""Route 5 in the window: when an operation finds the person switched off or with lower
rights than at sign-in, the window says so in Lao and ends the session."""

from datetime import date, datetime

from helpers.widgets import answer_next
from PySide6.QtWidgets import QMessageBox

from oc_desktop.documents.incoming import register_incoming
from oc_desktop.security import ADMIN, CLERK, CONFIDENTIAL, SYSTEM
from oc_desktop.ui.documents.tab import DocumentsTab
from oc_desktop.user_admin import update_user


def test_a_lowered_clearance_ends_the_session_at_the_next_secret_entry(
    db, qtbot, make_user, make_window
):
    admin = make_user("admin", [ADMIN])
    clerk = make_user("clerk2", [CLERK], CONFIDENTIAL)
    register_incoming(
        db,
        actor=SYSTEM,
        received_at=datetime(2026, 11, 20, 9, 30),
        sender="ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ",
        doc_number="7/ລັບ",
        doc_date=date(2026, 11, 18),
        kind_id=None,
        subject="ເລື່ອງລັບ",
        secrecy=CONFIDENTIAL,
    )
    window = make_window(clerk)
    tab = window.tab_for(DocumentsTab)
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    update_user(
        db,
        actor=admin,
        user_id=clerk.user_id,
        full_name="ທົດສອບ",
        roles=[CLERK],
        clearance=0,
        active=True,
    )
    asked = answer_next(window, QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(window.session.ended) as ended:
        tab.table.selectRow(0)  # the detail pane opens the entry, as a click does
    assert ended.args == [None] and not window.isVisible()
    assert asked == ["ຜູ້ບໍລິຫານລະບົບໄດ້ປ່ຽນສິດຂອງທ່ານແລ້ວ: ກະລຸນາເຂົ້າລະບົບໃໝ່."]

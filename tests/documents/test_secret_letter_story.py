"""Issue 6, "Done when", tried as a new office would, through the real program:

the first start creates the administrator, who adds a clerk without clearance (and a
cleared clerk and the head); the cleared clerk registers a secret letter; the clerk
cannot find it by a word of its subject, the head can and opens it; the audit trail
shows both reads and every change, and the administrator (no clearance) reads the
trail without the letter's subject.
"""

from datetime import date, timedelta

import pytest
import shiboken6
from helpers.widgets import enter, replace_text, settled, when_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from oc_desktop.backup.status import reminder_due
from oc_desktop.formatting import format_date
from oc_desktop.models import AuditEntry
from oc_desktop.security import CLERK, CONFIDENTIAL, HEAD, ORDINARY, TOP_SECRET
from oc_desktop.ui.audit.tab import AuditTab
from oc_desktop.ui.documents.dialogs import IncomingDialog
from oc_desktop.ui.documents.tab import DocumentsTab
from oc_desktop.ui.session.sign_in import FirstRunDialog, SignInDialog
from oc_desktop.ui.startup import SessionFlow
from oc_desktop.ui.users.tab import UsersTab

SECRET_SUBJECT = "ແຜນການກະກຽມການເລືອກຕັ້ງຄະນະພັກຮາກຖານ"
SECRET_WORD = "ເລືອກຕັ້ງ"  # the distinctive word; the clerk types a piece of it
FRAGMENT = "ລືອກຕັ້"
OPEN_SUBJECT = "ກ່ຽວກັບການຝຶກອົບຮົມພະນັກງານໃໝ່"
PASSWORDS = {
    "admin": "ຜູ້ບໍລິຫານ-2025",
    "manivan": "ມະນີວັນ-2025",
    "sudaphone": "ສຸດາພອນ-2025",
    "khamphone": "ຄຳພອນ-2025",
}
ADMIN_NAME = "ບຸນມີ ພົມມະຈັນ"


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


def _later(qtbot, window) -> None:
    """No backup yet: those who may back up are asked at once; they answer "Later"."""
    actions = window.backup_actions
    if actions.reminders and reminder_due(window.db):
        qtbot.waitUntil(lambda: actions.message is not None and actions.message.isVisible())
        _click(qtbot, actions.message.button(QMessageBox.StandardButton.No))
        qtbot.waitUntil(lambda: not actions.message.isVisible())


def _first_start(flow, qtbot, type_text):
    flow.start()
    door = flow.dialog
    assert isinstance(door, FirstRunDialog)
    qtbot.keyClicks(door.username, "admin")
    type_text(door.full_name, ADMIN_NAME)
    type_text(door.password, PASSWORDS["admin"])
    type_text(door.password_again, PASSWORDS["admin"])
    with qtbot.waitSignal(flow.window_opened):
        _click(qtbot, door.ok_button())
    welcome = flow.window.welcome
    qtbot.waitUntil(welcome.isVisible)
    _click(qtbot, welcome.later_button)
    _later(qtbot, flow.window)
    return flow.window


def _add_user(qtbot, tab, type_text, username, full_name, role, clearance) -> None:
    _click(qtbot, tab.new_button)
    qtbot.keyClicks(tab.username, username)
    type_text(tab.full_name, full_name)
    tab.role_boxes[role].setChecked(True)
    tab.clearance.setCurrentIndex(tab.clearance.findData(clearance))
    type_text(tab.password, PASSWORDS[username])
    type_text(tab.password_again, PASSWORDS[username])
    _click(qtbot, tab.save_button)
    assert tab.current is not None and tab.current.username == username


def _sign_out_and_in(flow, qtbot, type_text, username):
    with qtbot.waitSignal(flow.door_opened):
        flow.window.session.sign_out_action.trigger()
    door = flow.dialog
    assert isinstance(door, SignInDialog)
    qtbot.keyClicks(door.username, username)
    type_text(door.password, PASSWORDS[username])
    with qtbot.waitSignal(flow.window_opened):
        _click(qtbot, door.ok_button())
    window = flow.window
    assert window.actor.username == username
    _later(qtbot, window)
    return window


def _documents(window) -> DocumentsTab:
    tab = window.tab_for(DocumentsTab)
    window.tabs.setCurrentWidget(tab)
    return tab


def _register(qtbot, tab, type_text, *, doc_number, subject, secrecy) -> int:
    def fill(dialog):
        type_text(dialog.sender, "ຄະນະຈັດຕັ້ງແຂວງ")
        type_text(dialog.doc_number, doc_number)
        type_text(dialog.doc_date, format_date(date.today() - timedelta(days=1)))
        type_text(dialog.subject, subject)
        dialog.secrecy.setCurrentIndex(dialog.secrecy.findData(secrecy))
        enter(qtbot, dialog)

    seen = when_dialog(qtbot, IncomingDialog, fill)
    rows_before = tab.model.rowCount()
    _click(qtbot, tab.new_button)
    settled(qtbot, tab)
    assert tab.model.rowCount() == rows_before + 1
    assert seen and not seen[0].isVisible()
    assert tab.pane.detail.subject == subject  # shown to the clerk who entered it
    return tab.pane.detail.id


def _search(qtbot, tab, type_text, text: str, found: int) -> None:
    replace_text(type_text, tab.search, text)
    settled(qtbot, tab)
    assert tab.make_query().text == text and tab.model.rowCount() == found
    assert tab.count_label.text().startswith(str(found))


def _cells(tab) -> list[str]:
    model = tab.model
    return [
        str(model.index(row, column).data())
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]


def _shown_audit(qtbot, window) -> AuditTab:
    tab = window.tab_for(AuditTab)
    window.tabs.setCurrentWidget(tab)
    _click(qtbot, tab.show_button)  # read the trail again, as it is now
    settled(qtbot, tab)  # the trail is read on a worker
    return tab


def _audit_lines(tab) -> dict[tuple, list[int]]:
    """(user name, action, entity, entity id) → the rows of the tab showing it."""
    lines = {}
    for index, row in enumerate(tab.model.rows):
        lines.setdefault((row.username, row.action, row.entity, row.entity_id), []).append(index)
    return lines


def _fields_shown(tab, index: int) -> dict[str, tuple[str, str]]:
    """Choose a row of the Audit tab; its detail table, field → (before, after)."""
    tab.table.selectRow(index)
    detail = tab.detail
    return {
        detail.item(r, 0).text(): (detail.item(r, 1).text(), detail.item(r, 2).text())
        for r in range(detail.rowCount())
    }


def test_the_clerk_cannot_find_the_secret_letter_the_head_can_and_the_trail_shows_it(
    flow, qtbot, db, type_text
):
    # The first start: the administrator, who adds the people of the office.
    window = _first_start(flow, qtbot, type_text)
    users = window.tab_for(UsersTab)
    window.tabs.setCurrentWidget(users)
    _add_user(qtbot, users, type_text, "manivan", "ນາງ ມະນີວັນ ສີລາວົງ", CLERK, ORDINARY)
    _add_user(qtbot, users, type_text, "sudaphone", "ນາງ ສຸດາພອນ ແກ້ວມະນີ", CLERK, CONFIDENTIAL)
    _add_user(qtbot, users, type_text, "khamphone", "ຄຳພອນ ວົງສະຫວັນ", HEAD, TOP_SECRET)

    # The cleared clerk registers a secret (ລັບ) letter and an ordinary one.
    documents = _documents(_sign_out_and_in(flow, qtbot, type_text, "sudaphone"))
    secret = _register(
        qtbot,
        documents,
        type_text,
        doc_number="12/ຄຈຂ",
        subject=SECRET_SUBJECT,
        secrecy=CONFIDENTIAL,
    )
    ordinary = _register(
        qtbot, documents, type_text, doc_number="13/ຄຈຂ", subject=OPEN_SUBJECT, secrecy=ORDINARY
    )

    # The clerk without clearance: the secret letter's number, never its subject.
    documents = _documents(_sign_out_and_in(flow, qtbot, type_text, "manivan"))
    assert documents.model.rowCount() == 2
    secret_row = next(i for i, r in enumerate(documents.model.rows) if r.id == secret)
    assert documents.model.index(secret_row, 0).data() == "1"
    assert documents.model.index(secret_row, documents.model.column_of("subject")).data() == "—"
    assert not any(SECRET_WORD in cell for cell in _cells(documents))
    _search(qtbot, documents, type_text, FRAGMENT, found=0)
    _search(qtbot, documents, type_text, SECRET_WORD, found=0)
    _search(qtbot, documents, type_text, "ຝຶກອົບ", found=1)  # the search itself works
    assert documents.model.rows[0].id == ordinary
    _search(qtbot, documents, type_text, "", found=2)
    documents.table.selectRow(secret_row)
    qtbot.waitUntil(lambda: documents.pane.detail is not None)
    shown = documents.pane.text.toPlainText()
    assert "ເອກະສານລັບ: ສິດຂອງທ່ານບໍ່ອະນຸຍາດໃຫ້ເຫັນເນື້ອໃນ." in shown
    assert SECRET_WORD not in shown and "12/ຄຈຂ" not in shown

    # The head finds it by the same piece of a word and opens it.
    head_window = _sign_out_and_in(flow, qtbot, type_text, "khamphone")
    documents = _documents(head_window)
    _search(qtbot, documents, type_text, FRAGMENT, found=1)
    assert documents.model.index(0, documents.model.column_of("subject")).data() == SECRET_SUBJECT
    documents.table.selectRow(0)
    qtbot.waitUntil(lambda: documents.pane.detail is not None)
    assert SECRET_SUBJECT in documents.pane.text.toPlainText()

    # The head's Audit tab: both reads of the secret letter and every change.
    audit = _shown_audit(qtbot, head_window)
    lines = _audit_lines(audit)
    for reader in ("sudaphone", "khamphone"):
        (index,) = lines[(reader, "view", "incoming_document", str(secret))]
        assert audit.model.index(index, 3).data() == "ເປີດເບິ່ງ"
        assert audit.model.index(index, 5).data() == "ເອກະສານຂາເຂົ້າ"
        assert audit.model.index(index, 4).data() == documents.title() == "ເອກະສານ"
    assert ("manivan", "view", "incoming_document", str(secret)) not in lines  # saw nothing
    with db.read() as session:
        changes = session.execute(
            select(AuditEntry.username, AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id)
            .where(AuditEntry.action.not_in(("sign_in", "sign_out")))
            .order_by(AuditEntry.id)
        ).all()
    assert [tuple(c) for c in changes if c.action not in ("view", "view_rows")] == [
        ("system", "create", "user", "1"),  # the first start's administrator
        ("admin", "create", "user", "2"),
        ("admin", "create", "user", "3"),
        ("admin", "create", "user", "4"),
        ("sudaphone", "create", "incoming_document", str(secret)),
        ("sudaphone", "create", "incoming_document", str(ordinary)),
    ]
    assert all(tuple(change) in lines for change in changes)
    (registered,) = lines[("sudaphone", "create", "incoming_document", str(secret))]
    assert _fields_shown(audit, registered)["ເລື່ອງ"] == ("—", SECRET_SUBJECT)  # cleared

    # The administrator reads the same trail without the letter's subject.
    audit = _shown_audit(qtbot, _sign_out_and_in(flow, qtbot, type_text, "admin"))
    lines = _audit_lines(audit)
    (registered,) = lines[("sudaphone", "create", "incoming_document", str(secret))]
    summary = audit.model.index(registered, 7).data()
    assert "ປິດໄວ້" in summary and SECRET_SUBJECT[:10] not in summary
    fields = _fields_shown(audit, registered)
    assert fields["ເລື່ອງ"] == ("—", "ປິດໄວ້ (ເອກະສານລັບ)")
    assert fields["ຜູ້ສົ່ງ"] == ("—", "ປິດໄວ້ (ເອກະສານລັບ)")
    assert fields["ເລກລຳດັບ"] == ("—", "1")  # what the register shows anyone
    assert not any(SECRET_WORD in value for pair in fields.values() for value in pair)
    (other,) = lines[("sudaphone", "create", "incoming_document", str(ordinary))]
    assert _fields_shown(audit, other)["ເລື່ອງ"] == ("—", OPEN_SUBJECT)
    assert ("khamphone", "view", "incoming_document", str(secret)) in lines

"""For each role without clearance, a secret entry's words never reach the screen.

A reader and a clerk without clearance open the Documents tab on a register holding a
secret letter (routed, overdue, copied, with a scan and notes) and a secret reply: the
table, the follow-up list, the detail pane and the search give its number and dates,
never its subject, sender, recipients, notes, routing, copies or scan. The audit trail
keeps those words for whoever is cleared for them.
"""

from datetime import date, datetime, time, timedelta

import pytest
from helpers.widgets import settled
from PySide6.QtCore import Qt
from sqlalchemy import select

from oc_desktop.audit.log import AuditQuery, iter_entries
from oc_desktop.audit.text import changes
from oc_desktop.documents.attachments import attach_scan, log_copy
from oc_desktop.documents.incoming import register_incoming, route_incoming
from oc_desktop.documents.outgoing import register_outgoing
from oc_desktop.models import AuditEntry
from oc_desktop.security import ADMIN, CLERK, CONFIDENTIAL, HEAD, READER, SYSTEM, TOP_SECRET
from oc_desktop.ui.documents.tab import DocumentsTab

# Every word of the secret entries; none may show to a reader without clearance.
SECRET_WORDS = {
    "subject": "ແຜນການຍົກຍ້າຍພະນັກງານນຳພາ",
    "sender": "ຄະນະກວດກາພັກແຂວງ",
    "doc_number": "77/ຄກພຂ",
    "notes": "ສົ່ງຕົ້ນສະບັບໃຫ້ຫົວໜ້າເທົ່ານັ້ນ",
    "person": "ທ່ານ ວົງພະຈັນ",
    "instruction": "ຄົ້ນຄວ້າຢ່າງເປັນຄວາມລັບ",
    "copy_for": "ຄະນະປະຈຳພັກແຂວງ",
    "scan": "ບົດລາຍງານລັບ.png",
    "reply": "ຕອບແຜນການຍົກຍ້າຍ",
    "recipient": "ຄະນະຈັດຕັ້ງສູນກາງພັກ",
}
SEARCHED = ("ຍົກຍ້າຍ", "ກວດກາພັກ", "77/ຄກ", "ຕົ້ນສະບັບ", "ຈັດຕັ້ງສູນ")


@pytest.fixture
def register(db, data_dir, tmp_path):
    """An ordinary letter, and a secret one routed (overdue), copied, scanned, answered."""
    today = date.today()
    arrived = datetime.combine(today - timedelta(days=5), time(9, 0))
    register_incoming(
        db,
        actor=SYSTEM,
        received_at=arrived,
        sender="ພະແນກພາຍໃນແຂວງ",
        doc_number="5/ພນຂ",
        doc_date=today - timedelta(days=6),
        kind_id=None,
        subject="ກ່ຽວກັບການປະຊຸມປະຈຳເດືອນ",
    )
    secret = register_incoming(
        db,
        actor=SYSTEM,
        received_at=arrived,
        sender=SECRET_WORDS["sender"],
        doc_number=SECRET_WORDS["doc_number"],
        doc_date=today - timedelta(days=6),
        kind_id=None,
        subject=SECRET_WORDS["subject"],
        secrecy=CONFIDENTIAL,
        notes=SECRET_WORDS["notes"],
    )
    route_incoming(
        db,
        actor=SYSTEM,
        doc_id=secret,
        section_id=1,
        person=SECRET_WORDS["person"],
        instruction=SECRET_WORDS["instruction"],
        deadline=today - timedelta(days=1),
        handed_on=today - timedelta(days=5),
    )
    log_copy(
        db,
        actor=SYSTEM,
        register="incoming",
        doc_id=secret,
        copies=1,
        for_whom=SECRET_WORDS["copy_for"],
        authorised_by="ທ່ານ ບຸນມີ",
        made_on=today - timedelta(days=4),
    )
    scan = tmp_path / SECRET_WORDS["scan"]
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    attach_scan(
        db, actor=SYSTEM, data_dir=data_dir, register="incoming", doc_id=secret, source=scan
    )
    reply = register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=today - timedelta(days=3),
        kind_id=None,
        subject=SECRET_WORDS["reply"],
        recipients=[SECRET_WORDS["recipient"]],
        secrecy=TOP_SECRET,
    )
    return secret, reply


def _leaks(text: str) -> list[str]:
    return [word for word in SECRET_WORDS.values() if word in text]


def _cells(tab) -> str:
    model = tab.model
    return "\n".join(
        str(model.index(r, c).data())
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    )


def _follow_up_cells(tab) -> str:
    table = tab.followup.list
    return "\n".join(
        table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())
    )


def _search(qtbot, tab, type_text, text: str) -> None:
    """Type into the search box; the table is re-queried once the typing pauses."""
    tab.search.clear()
    tab.search.setFocus()
    type_text(tab.search, text)
    settled(qtbot, tab)
    assert tab.make_query().text == text


def _views(db) -> list[str]:
    with db.read() as session:
        statement = select(AuditEntry.username).where(AuditEntry.action == "view")
        return list(session.scalars(statement))


@pytest.mark.parametrize(
    ("username", "roles"), [("reader", [READER]), ("clerk", [CLERK])], ids=["reader", "clerk"]
)
def test_without_clearance_the_secret_words_never_reach_the_screen(
    username, roles, register, make_user, make_window, qtbot, type_text, db
):
    secret, reply = register
    window = make_window(make_user(username, roles))
    tab = window.tab_for(DocumentsTab)
    assert tab.model.rowCount() == 2
    row = next(i for i, r in enumerate(tab.model.rows) if r.id == secret)
    assert tab.model.index(row, 0).data() == "2"  # its number shows; its words do not
    assert tab.model.index(row, tab.model.column_of("party")).data() == "—"
    assert tab.model.index(row, tab.model.column_of("subject")).data() == "—"
    assert _leaks(_cells(tab)) == []

    # The follow-up list counts it (it is overdue) without its sender or subject.
    assert tab.followup.state.overdue == 1 and tab.followup.list.isVisible()
    assert tab.followup.list.item(0, 0).text() == "2"
    assert _leaks(_follow_up_cells(tab)) == []

    # The detail pane, opened from the table and from the follow-up list.
    tab.table.selectRow(row)
    qtbot.waitUntil(lambda: tab.pane.detail is not None and tab.pane.detail.id == secret)
    shown = tab.pane.text.toHtml()
    assert "ເອກະສານລັບ: ສິດຂອງທ່ານບໍ່ອະນຸຍາດໃຫ້ເຫັນເນື້ອໃນ." in tab.pane.text.toPlainText()
    assert _leaks(shown) == [] and "scan:" not in shown
    for button in (tab.pane.edit_button, tab.pane.copy_button, tab.pane.scan_button):
        assert not button.isEnabled()
    tab.pane.show_document(None, None)
    followup = tab.followup.list
    cell = followup.visualItemRect(followup.item(0, 4)).center()
    qtbot.mouseClick(followup.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(lambda: tab.pane.detail is not None and tab.pane.detail.id == secret)
    assert _leaks(tab.pane.text.toHtml()) == []

    # Searching any of its words finds nothing, in either register.
    for text in SEARCHED:
        _search(qtbot, tab, type_text, text)
        assert tab.model.rowCount() == 0, text
    _search(qtbot, tab, type_text, "")
    tab.outgoing_button.click()
    settled(qtbot, tab)
    assert tab.model.rowCount() == 1
    assert tab.model.rows[0].id == reply and _leaks(_cells(tab)) == []
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.pane.detail is not None and tab.pane.detail.id == reply)
    assert _leaks(tab.pane.text.toHtml()) == []
    for text in ("ຕອບແຜນ", "ຈັດຕັ້ງສູນ"):
        _search(qtbot, tab, type_text, text)
        assert tab.model.rowCount() == 0, text
    assert _views(db) == []  # nothing secret was read, so no read is recorded


def test_a_confidential_clerk_reads_the_letter_but_not_the_top_secret_reply(
    register, make_user, make_window, qtbot, type_text, db
):
    secret, reply = register
    tab = make_window(make_user("clerk2", [CLERK], CONFIDENTIAL)).tab_for(DocumentsTab)
    _search(qtbot, tab, type_text, "ຍົກຍ້າຍ")
    assert [r.id for r in tab.model.rows] == [secret]
    assert tab.model.index(0, tab.model.column_of("subject")).data() == SECRET_WORDS["subject"]
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.pane.detail is not None)
    assert SECRET_WORDS["scan"] in tab.pane.text.toHtml()
    assert _views(db) == ["clerk2"]
    tab.outgoing_button.click()
    _search(qtbot, tab, type_text, "ຕອບແຜນ")
    assert tab.model.rowCount() == 0
    _search(qtbot, tab, type_text, "")
    settled(qtbot, tab)
    assert tab.model.rowCount() == 1
    assert _leaks(_cells(tab)) == []


@pytest.mark.parametrize(
    ("role", "clearance", "hidden"),
    [
        (ADMIN, 0, {"incoming", "outgoing"}),
        (ADMIN, CONFIDENTIAL, {"outgoing"}),
        (HEAD, TOP_SECRET, set()),
    ],
    ids=["admin without clearance", "confidential admin", "head"],
)
def test_the_audit_trail_words_a_secret_entry_only_for_those_cleared(
    role, clearance, hidden, register, make_user, db
):
    reader = make_user("auditor", [role], clearance)
    seen = {"incoming": "", "outgoing": ""}
    for row in iter_entries(db, actor=reader, query=AuditQuery(area="documents")):
        register_of = "outgoing" if row.entity == "outgoing_document" else "incoming"
        seen[register_of] += repr(changes(row.old, row.new))
    for name in ("incoming", "outgoing"):
        if name in hidden:
            assert _leaks(seen[name]) == [] and "ປິດໄວ້ (ເອກະສານລັບ)" in seen[name]
        else:
            assert _leaks(seen[name])
    assert SECRET_WORDS["person"] in seen["incoming"] or "incoming" in hidden
    assert "ກ່ຽວກັບການປະຊຸມປະຈຳເດືອນ" in seen["incoming"]  # the ordinary letter, to anyone

"""The audit trail read back: filtered, counted and paged in SQL, and shown in its tab."""

import sqlite3
from datetime import date, datetime

import pytest
from helpers.widgets import settled
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from oc_desktop.audit.log import AuditQuery, count_entries, fetch_entries, iter_entries, people
from oc_desktop.audit.text import summary
from oc_desktop.models import AuditEntry
from oc_desktop.paths import database_path
from oc_desktop.profile import set_setting
from oc_desktop.security import ADMIN, CLERK, HEAD, NotAllowed
from oc_desktop.ui.audit.tab import AuditTab


@pytest.fixture
def admin(make_user):
    return make_user("admin", [ADMIN])


@pytest.fixture
def trail(db, admin, make_user):
    """25 setting changes by the administrator, spread over three days, and 2 users made."""
    make_user("clerk", [CLERK])
    make_user("head", [HEAD])
    for value in range(25):
        set_setting(db, actor=admin, key="due_soon_days", value=value + 10)
    with db.begin() as session:
        ids = list(session.scalars(select(AuditEntry.id).where(AuditEntry.username == "admin")))
        for day, chunk in ((1, ids[:10]), (2, ids[10:20]), (3, ids[20:])):
            session.execute(
                update(AuditEntry)
                .where(AuditEntry.id.in_(chunk))
                .values(at=datetime(2025, 3, day, 9, 30))
            )
    return ids


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_filters_count_and_pages_in_sql(db, admin, trail):
    everything = AuditQuery()
    total = count_entries(db, actor=admin, query=everything)
    assert total == 25 + 3  # and the three users made by the program
    by_admin = AuditQuery(username="admin")
    assert count_entries(db, actor=admin, query=by_admin) == 25
    assert count_entries(db, actor=admin, query=AuditQuery(area="users")) == 3
    second_day = AuditQuery(start=date(2025, 3, 2), end=date(2025, 3, 2))
    assert count_entries(db, actor=admin, query=second_day) == 10
    from_day_two = AuditQuery(username="admin", start=date(2025, 3, 2))
    assert count_entries(db, actor=admin, query=from_day_two) == 15
    # a period wider than the person's rows: read by the person's index, not the date's
    from_day_one = AuditQuery(username="admin", start=date(2025, 3, 1))
    assert count_entries(db, actor=admin, query=from_day_one) == 25

    pages, after = [], None
    for _page in range(3):
        pages.append(fetch_entries(db, actor=admin, query=by_admin, after=after, limit=10))
        after = pages[-1][-1].key
    assert [len(p) for p in pages] == [10, 10, 5]
    ids = [row.id for page in pages for row in page]
    assert ids == sorted(trail, reverse=True)  # newest first, nothing twice, nothing left out
    assert [row.id for row in iter_entries(db, actor=admin, query=by_admin, chunk=7)] == trail
    assert count_entries(db, actor=admin, query=by_admin, cap=20) == 20


def test_only_the_administrator_and_the_head_read_the_trail(db, make_user, trail):
    clerk = make_user("clerk2", [CLERK])
    with pytest.raises(NotAllowed):
        count_entries(db, actor=clerk, query=AuditQuery())
    with pytest.raises(NotAllowed):
        fetch_entries(db, actor=clerk, query=AuditQuery(), after=None, limit=10)
    head = make_user("head2", [HEAD])
    assert count_entries(db, actor=head, query=AuditQuery(username="admin")) == 25
    assert ("system", "OC Desktop") in people(db, actor=head)


def test_a_change_reads_in_words(db):
    assert summary({"roles": ["clerk"]}, {"roles": ["clerk", "head"]}) == (
        "ບົດບາດ: ພະນັກງານທະບຽນເອກະສານ → ພະນັກງານທະບຽນເອກະສານ, ຫົວໜ້າ"
    )
    assert summary(None, {"password": "changed", "clearance": 2}) == (
        "ລະຫັດຜ່ານ: ປ່ຽນແລ້ວ; ສິດເອກະສານລັບ: ລັບສຸດຍອດ"
    )
    assert summary({"active": True}, {"active": False}) == "ໃຊ້ງານ: ແມ່ນ → ບໍ່"


def test_the_tab_filters_by_person_area_and_period_and_pages(
    make_window, admin, trail, qtbot, type_text
):
    window = make_window(admin)
    tab = window.tab_for(AuditTab)
    tab.page_size = 10
    # a page more than fills the view, so the next is read only when the view is scrolled
    # (a taller view asks at once, and "more to read" races with that read)
    tab.table.setFixedHeight(150)
    tab.refresh()
    settled(qtbot, tab)
    assert tab.total == 28 and tab.count_label.text() == "28 ລາຍການ"
    assert tab.model.rowCount() == 10 and tab.model.canFetchMore()

    tab.person.setCurrentIndex(tab.person.findData("admin"))
    settled(qtbot, tab)
    assert tab.total == 25 and tab.model.rowCount() == 10
    for shown in (20, 25):  # scrolling to the end reads the next page
        tab.table.scrollToBottom()
        qtbot.waitUntil(lambda shown=shown: tab.model.rowCount() == shown)
    assert not tab.model.canFetchMore()
    assert [row.id for row in tab.model.rows] == sorted(
        {r.id for r in tab.model.rows}, reverse=True
    )

    type_text(tab.start, "02.03.2025")
    type_text(tab.end, "໐໒.໐໓.໒໐໒໕")  # Lao digits read too
    _click(qtbot, tab.show_button)
    settled(qtbot, tab)
    assert tab.total == 10 and tab.model.rowCount() == 10
    first = tab.model.index(0, 1).data()
    assert first == "02.03.2025 09:30:00"

    tab.end.clear()
    type_text(tab.end, "31.02.2025")
    _click(qtbot, tab.show_button)
    assert tab.period_rows.error("end") == "ວັນທີນີ້ບໍ່ມີໃນປະຕິທິນ."

    _click(qtbot, tab.clear_button)
    tab.area.setCurrentIndex(tab.area.findData("users"))
    settled(qtbot, tab)
    assert tab.total == 3
    assert {tab.model.index(r, 4).data() for r in range(3)} == {"ຜູ້ໃຊ້"}  # the area, in Lao


def test_the_detail_shows_every_old_and_new_value(make_window, admin, trail, qtbot):
    tab = make_window(admin).tab_for(AuditTab)
    tab.person.setCurrentIndex(tab.person.findData("admin"))
    settled(qtbot, tab)
    tab.table.selectRow(0)
    assert tab.detail.rowCount() == 1
    field, before, after = (tab.detail.item(0, c).text() for c in range(3))
    assert field == "ຕິດຕາມ: ຄົບກຳນົດພາຍໃນ (ມື້)"  # the setting's own label
    assert (before, after) == ("33", "34")
    assert tab.model.index(0, 7).data() == f"{field}: 33 → 34"


def test_check_the_chain_reports_the_first_changed_row(make_window, admin, db, qtbot, data_dir):
    for value in range(25):
        set_setting(db, actor=admin, key="due_soon_days", value=value + 10)
    with db.read() as session:
        trail = list(session.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))
    tab = make_window(admin).tab_for(AuditTab)
    with qtbot.waitSignal(tab.verified, timeout=20_000) as checked:
        _click(qtbot, tab.verify_button)
    assert checked.args == [None]
    assert tab.verify_label.text() == "ປະຫວັດການປ່ຽນແປງຄົບຖ້ວນ ບໍ່ຖືກແກ້ໄຂ."
    victim = trail[3]
    with sqlite3.connect(database_path(data_dir)) as connection:
        connection.execute(
            "UPDATE audit_entry SET new = '{\"due_soon_days\": 99}' WHERE id = ?", (victim,)
        )
    tab.page_size = 10
    with qtbot.waitSignal(tab.verified, timeout=20_000) as checked:
        _click(qtbot, tab.verify_button)
    assert checked.args == [victim]
    settled(qtbot, tab)
    qtbot.waitUntil(lambda: bool(tab.table.selectionModel().selectedRows()))
    assert tab.verify_label.text() == (
        f"ປະຫວັດການປ່ຽນແປງຖືກແກ້ໄຂຢູ່ນອກ OC Desktop, ເລີ່ມແຕ່ລາຍການທີ {victim}."
    )
    chosen = tab.table.selectionModel().selectedRows()
    assert [tab.model.row(index.row()).id for index in chosen] == [victim]

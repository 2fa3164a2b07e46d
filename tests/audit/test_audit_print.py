"""The audit trail printed: what the filter shows, every old and new value, for the head."""

from datetime import date

import pytest
from helpers.pdf import page_texts
from sqlalchemy import select

from oc_desktop.audit.anchors import printed_anchor
from oc_desktop.audit.log import AuditQuery
from oc_desktop.audit.printout import print_audit_log
from oc_desktop.models import AuditEntry
from oc_desktop.profile import set_setting
from oc_desktop.security import ADMIN, CLERK, HEAD, NotAllowed
from oc_desktop.ui.audit.tab import AuditTab


@pytest.fixture
def trail(db, make_user):
    admin = make_user("admin", [ADMIN], full_name="ບຸນມີ ຜູ້ບໍລິຫານ")
    make_user("clerk", [CLERK], full_name="ນາງ ມະນີວັນ")
    for days in (5, 9):
        set_setting(db, actor=admin, key="due_soon_days", value=days)
    return admin


def test_the_head_prints_one_persons_changes_with_old_and_new(db, tmp_path, trail, make_user):
    head = make_user("head", [HEAD])
    path = tmp_path / "audit.pdf"
    anchor = printed_anchor(db)
    pages = print_audit_log(db, path, actor=head, query=AuditQuery(username="admin"))
    text = " ".join(page_texts(path))
    # the closing block carries the trail's head for the head's signature, in Lao
    assert f"ລະຫັດກວດສອບປະຫວັດການປ່ຽນແປງ ໃນເວລາພິມ: {anchor}" in page_texts(path)[-1]
    assert pages == len(page_texts(path)) == 2  # the cover; the rows and the closing block
    assert "ປະຫວັດການປ່ຽນແປງ: ບຸນມີ ຜູ້ບໍລິຫານ" in text
    assert "ຈາກ 3 ເປັນ 5" in text and "ຈາກ 5 ເປັນ 9" in text
    assert "ນາງ ມະນີວັນ" not in text  # her account was made by the program, not by admin
    assert "2 ລາຍການ" in text
    with db.read() as session:
        printed = session.scalars(select(AuditEntry).where(AuditEntry.action == "print")).one()
    assert (printed.username, printed.entity, printed.new["entries"]) == ("head", "audit_log", 2)


def test_a_clerk_may_not_print_the_audit_trail(db, tmp_path, trail, make_user):
    clerk = make_user("clerk2", [CLERK])
    with pytest.raises(NotAllowed):
        print_audit_log(db, tmp_path / "no.pdf", actor=clerk, query=AuditQuery())
    assert not (tmp_path / "no.pdf").exists()


def test_the_tab_prints_what_its_filter_shows(db, qtbot, trail, type_text):
    tab = AuditTab(db, trail)
    qtbot.addWidget(tab)
    tab.show()
    tab.person.setCurrentIndex(tab.person.findData("admin"))
    tab.start.setText("32.01.2026")
    tab.print_button.click()
    assert tab.print_runner is None and tab.period_rows.error("start")
    tab.start.setText(date.today().strftime("%d.%m.%Y"))
    tab.print_button.click()
    runner = tab.print_runner
    qtbot.waitUntil(
        lambda: runner.preview is not None and runner.preview.isVisible(), timeout=30_000
    )
    assert runner.preview.page_count() == 2
    runner.preview.reject()

"""`verify` checks that each register entry, each person's rights and each setting is what
the audit trail says it last became, and names the first that is not (issue 15): the
chain and its anchors alone do not see a row of data edited with sqlite3."""

from datetime import date, datetime

import pytest
from helpers.trail import rehash, sql

from oc_desktop import cli
from oc_desktop.audit.state import check_state, record_baseline
from oc_desktop.documents.incoming import register_incoming, set_incoming_status
from oc_desktop.profile import set_setting
from oc_desktop.security import ADMIN, CLERK, HEAD, SYSTEM, TOP_SECRET
from oc_desktop.user_admin import update_user


@pytest.fixture
def office(db, make_user):
    """A letter registered and moved on, two people, a setting changed: all through the
    program's operations."""
    admin = make_user("admin", [ADMIN])
    clerk = make_user("clerk", [CLERK], TOP_SECRET)
    letter = register_incoming(
        db,
        actor=clerk,
        received_at=datetime(2026, 11, 20, 9, 30),
        sender="ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ",
        doc_number="201/ຄອສພ",
        doc_date=date(2026, 11, 18),
        kind_id=None,
        subject="ກ່ຽວກັບການຈັດກອງປະຊຸມສຳມະນາ",
    )
    set_incoming_status(db, actor=clerk, doc_id=letter, status="filed")
    set_setting(db, actor=admin, key="due_soon_days", value=5)
    return {"admin": admin, "clerk": clerk, "letter": letter}


def _verify(capsys, data_dir):
    code = cli.main(["verify", "--data-dir", str(data_dir), "--lang", "lo"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_data_written_by_the_program_passes(db, office, data_dir, capsys):
    report = check_state(db)
    assert report.differs is None and report.uncovered == {"organisation": 1}
    code, said = _verify(capsys, data_dir)
    assert code == 0, said
    assert "ຕາມທີ່ປະຫວັດການປ່ຽນແປງບອກ" in said


def test_a_register_entry_edited_with_sqlite_is_named(db, office, data_dir, capsys):
    sql(data_dir, "UPDATE incoming_document SET subject = 'ອື່ນ' WHERE id = ?", office["letter"])
    code, said = _verify(capsys, data_dir)
    assert code != 0
    assert "ເອກະສານຂາເຂົ້າ" in said and f"ລາຍການ {office['letter']}" in said
    assert "ເລື່ອງ" in said  # the field: the subject


def test_a_status_put_back_with_sqlite_is_named(db, office, data_dir, capsys):
    sql(data_dir, "UPDATE incoming_document SET status = 'received' WHERE id = ?", office["letter"])
    assert check_state(db).differs.field == "status"


def test_a_register_entry_deleted_with_sqlite_is_named(db, office, data_dir, capsys):
    sql(data_dir, "DELETE FROM incoming_document WHERE id = ?", office["letter"])
    assert check_state(db).differs.reason == "gone"
    code, said = _verify(capsys, data_dir)
    assert code != 0 and "ລຶບ" in said


def test_a_clearance_raised_with_sqlite_is_named(db, office, data_dir, capsys):
    sql(data_dir, "UPDATE user SET clearance = 3 WHERE username = 'admin'")
    found = check_state(db).differs
    assert (found.table, found.key, found.field) == (
        "user",
        str(office["admin"].user_id),
        "clearance",
    )
    code, said = _verify(capsys, data_dir)
    assert code != 0 and "ສິດເອກະສານລັບ" in said


def test_a_role_or_a_password_hash_set_with_sqlite_is_named(db, office, data_dir):
    sql(data_dir, """UPDATE user SET roles = '["admin"]' WHERE username = 'clerk'""")
    assert check_state(db).differs.field == "roles"
    update_user(
        db,
        actor=office["admin"],
        user_id=office["clerk"].user_id,
        full_name="ທົດສອບ clerk",
        roles=[CLERK, HEAD],
        clearance=TOP_SECRET,
        active=True,
    )
    assert check_state(db).differs is None  # the administrator's change is the trail's
    sql(data_dir, "UPDATE user SET password_hash = 'x' WHERE username = 'clerk'")
    assert check_state(db).differs.field == "password_hash"


def test_a_setting_edited_with_sqlite_is_named(db, office, data_dir, capsys):
    sql(data_dir, "UPDATE setting SET value = '60' WHERE key = 'due_soon_days'")
    code, said = _verify(capsys, data_dir)
    assert code != 0 and "ຕິດຕາມ: ຄົບກຳນົດພາຍໃນ" in said and "ການຕັ້ງຄ່າ" in said


def test_rehashing_the_trail_does_not_hide_an_edited_row(db, office, data_dir):
    """The state is inside the hashed rows: rewriting it means rewriting the chain,
    which the anchors catch; leaving it means the edited row is caught here."""
    sql(data_dir, "UPDATE user SET active = 0 WHERE username = 'admin'")
    rehash(data_dir)
    assert check_state(db).differs.field == "active"


def test_rows_written_before_are_not_covered_until_a_baseline(db, office, data_dir):
    sql(data_dir, "UPDATE audit_entry SET state = NULL")  # as data from before this version
    rehash(data_dir)
    report = check_state(db)
    assert report.differs is None and report.uncovered["user"] == 2
    assert record_baseline(db, actor=SYSTEM) == report.checked
    assert check_state(db).uncovered == {}
    sql(data_dir, "UPDATE user SET clearance = 3 WHERE username = 'admin'")
    assert check_state(db).differs.field == "clearance"


def test_a_row_of_a_bulk_write_edited_with_sqlite_is_named_by_its_row(db, data_dir, capsys):
    import random

    from oc_desktop.audit.state import FIELDS_UP_TO
    from oc_desktop.documents.demo import bulk_incoming

    bulk_incoming(db, random.Random(3), count=FIELDS_UP_TO + 200)
    record_baseline(db, actor=SYSTEM)  # more rows than FIELDS_UP_TO at once: rows only
    assert check_state(db).differs is None
    sql(data_dir, "UPDATE incoming_document SET subject = 'ອື່ນ' WHERE id = 777")
    found = check_state(db).differs
    assert (found.table, found.key, found.field) == ("incoming_document", "777", None)
    code, said = _verify(capsys, data_dir)
    assert code != 0 and "ລາຍການ 777" in said

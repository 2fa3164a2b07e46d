"""A restore of an older backup never gives again a number letters already carry."""

from datetime import date, datetime

from sqlalchemy import select

from oc_desktop.backup import make_backup
from oc_desktop.backup.status import restore_as
from oc_desktop.documents.incoming import register_incoming
from oc_desktop.models import AuditEntry, IncomingDocument
from oc_desktop.models.migrate import open_database
from oc_desktop.security import ADMIN, SYSTEM

DAY = date(2026, 3, 2)


def _arrived(db, number: int) -> int:
    doc_id = register_incoming(
        db,
        actor=SYSTEM,
        received_at=datetime(2026, 3, 2, 9, number),
        sender="ກົມຈັດຕັ້ງສູນກາງພັກ",
        doc_number=f"{number}/ກຈ",
        doc_date=DAY,
        kind_id=None,
        subject="ກ່ຽວກັບວຽກງານຈັດຕັ້ງ",
    )
    with db.read() as session:
        return session.get(IncomingDocument, doc_id).seq


def test_numbering_goes_on_after_the_highest_number_ever_given(db, data_dir, tmp_path, make_user):
    admin = make_user("chief", [ADMIN])
    for n in range(1, 4):
        _arrived(db, n)
    usb = tmp_path / "usb"
    usb.mkdir()
    point = make_backup(data_dir, usb)  # holds numbers 1-3
    assert [_arrived(db, n) for n in (4, 5)] == [4, 5]  # 4 and 5 are on paper now
    db.close()

    restore_as(point.path, data_dir, actor=admin)

    restored = open_database(data_dir)
    try:
        assert _arrived(restored, 6) == 6  # not 4 again
        with restored.read() as session:
            row = session.scalars(select(AuditEntry).where(AuditEntry.action == "restore")).one()
        assert row.new["numbers_kept"] == {"incoming_document 2026 ": 5}
    finally:
        restored.close()


def test_the_restored_trail_is_the_one_verify_follows(db, data_dir, tmp_path, make_user, capsys):
    from oc_desktop import cli
    from oc_desktop.audit.anchors import head, read_anchor
    from oc_desktop.paths import database_path

    admin = make_user("chief", [ADMIN])
    _arrived(db, 1)
    usb = tmp_path / "usb"
    usb.mkdir()
    point = make_backup(data_dir, usb)
    for n in (2, 3, 4):
        _arrived(db, n)  # the trail grows past the backup; the anchor follows it
    grown = read_anchor(database_path(data_dir)).id
    db.close()

    restore_as(point.path, data_dir, actor=admin)

    restored = open_database(data_dir)
    try:
        newest = head(restored)
    finally:
        restored.close()
    assert read_anchor(database_path(data_dir)).id == newest.id != grown
    assert cli.main(["verify", "--data-dir", str(data_dir)]) == 0, capsys.readouterr()

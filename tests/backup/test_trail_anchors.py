"""Each restore point carries the audit trail's head, readable without the restore key;
`verify --backup DIR` compares the trail with every restore point there and names the one
the trail no longer reaches (issue 15, the trail that cannot be cut)."""

import os
from datetime import datetime, timedelta

import pytest
from helpers.trail import rehash, sql

from oc_desktop import cli
from oc_desktop.audit.anchors import anchor_path, head
from oc_desktop.backup import make_backup
from oc_desktop.backup.anchors import point_anchors
from oc_desktop.backup.status import restore_as
from oc_desktop.paths import database_path
from oc_desktop.security import ADMIN, ROLES, TOP_SECRET


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def trail(db, make_user):
    for name in ("one", "two", "three"):
        make_user(name, ["reader"])
    return db


def _verify(capsys, data_dir, *args):
    code = cli.main(["verify", "--data-dir", str(data_dir), "--lang", "lo", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_the_head_is_readable_without_the_restore_key(trail, data_dir, usb):
    newest = head(trail)
    office = make_backup(data_dir, usb)
    sealed = make_backup(data_dir, usb, password="drive-that-leaves")
    assert office.manifest.summary.trail_head == f"{newest.id}-{newest.hash}"
    found = point_anchors(usb)
    assert [p.path for p in found] == [office.path, sealed.path]
    for point in found:
        assert (point.anchor.id, point.anchor.hash) == (newest.id, newest.hash)
        assert point.anchor.kind == "backup" and point.made


def test_untouched_data_passes_against_its_backups(trail, data_dir, usb, capsys):
    make_backup(data_dir, usb)
    code, said = _verify(capsys, data_dir, "--backup", str(usb))
    assert code == 0, said
    assert "1" in said and "ສຳຮອງ" in said


def test_deleting_the_last_rows_fails_naming_the_backup(trail, data_dir, usb, capsys):
    point = make_backup(data_dir, usb).path
    last = head(trail).id
    sql(data_dir, "DELETE FROM audit_entry WHERE id > ?", last - 2)
    os.remove(anchor_path(database_path(data_dir)))  # the file beside the data goes too
    code, said = _verify(capsys, data_dir, "--backup", str(usb))
    assert code != 0
    assert "ຖືກຕັດ" in said and point.name in said and str(last) in said


def test_deleting_every_row_fails_naming_the_backup(trail, data_dir, usb, capsys):
    point = make_backup(data_dir, usb).path
    sql(data_dir, "DELETE FROM audit_entry")
    os.remove(anchor_path(database_path(data_dir)))
    code, said = _verify(capsys, data_dir, "--backup", str(usb))
    assert code != 0 and "ຖືກຕັດ" in said and point.name in said


def test_rewriting_with_fresh_hashes_fails_naming_the_backup(trail, data_dir, usb, capsys):
    point = make_backup(data_dir, usb).path
    sql(data_dir, "UPDATE audit_entry SET username = 'someone' WHERE id = 2")
    rehash(data_dir)
    os.remove(anchor_path(database_path(data_dir)))
    code, said = _verify(capsys, data_dir, "--backup", str(usb))
    assert code != 0 and "ຂຽນຄືນ" in said and point.name in said


def test_the_file_beside_the_data_is_named_when_it_fails(trail, data_dir, capsys):
    last = head(trail).id
    sql(data_dir, "DELETE FROM audit_entry WHERE id = ?", last)
    code, said = _verify(capsys, data_dir)
    assert code != 0 and "ໄຟລ໌" in said and str(anchor_path(database_path(data_dir))) in said


def test_after_a_restore_of_an_earlier_backup_later_points_are_set_aside(
    trail, data_dir, usb, make_user, capsys
):
    admin = make_user("admin", [ADMIN, *ROLES], TOP_SECRET)
    now = datetime.now()
    first = make_backup(data_dir, usb, now=now - timedelta(minutes=2)).path
    make_user("four", ["reader"])
    later = make_backup(data_dir, usb, now=now - timedelta(minutes=1)).path
    trail.close()
    restore_as(first, data_dir, actor=admin)
    code, said = _verify(capsys, data_dir, "--backup", str(usb))
    assert code == 0, said
    assert later.name in said and first.name not in said


def test_untouched_data_passes_after_a_restore_of_its_latest_backup(
    trail, data_dir, usb, make_user, capsys
):
    admin = make_user("admin", [ADMIN, *ROLES], TOP_SECRET)
    point = make_backup(data_dir, usb).path
    trail.close()
    restore_as(point, data_dir, actor=admin)
    code, said = _verify(capsys, data_dir, "--backup", str(usb))
    assert code == 0, said
    assert "ບໍ່ໄດ້ປຽບທຽບ" not in said  # the point was compared, and matched
    assert "ຖືກຕ້ອງຕາມທີ່ປະຫວັດການປ່ຽນແປງບອກ" in said  # people and settings too

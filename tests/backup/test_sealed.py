"""Backups are sealed for the office: whoever may back up seals, only the restore key opens;
restore is the administrator's and an audit row naming who; the key's recovery sheet is
printed once (issue #15, route 1)."""

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import PASSWORD, ROOT
from helpers.backup import add_entries, add_scan, section_ids
from helpers.pdf import page_texts
from sqlalchemy import select

from oc_desktop.backup import inspect_backup, make_backup
from oc_desktop.backup.crypto import MAGIC
from oc_desktop.backup.errors import NewerBackupError, NotAllowedError, WrongPasswordError
from oc_desktop.backup.office_key import load_key
from oc_desktop.backup.recovery_sheet import (
    SheetAlreadyPrinted,
    print_recovery_sheet,
    sheet_pending,
)
from oc_desktop.backup.status import back_up, last_backup, restore_as
from oc_desktop.models import AuditEntry
from oc_desktop.models.migrate import open_database
from oc_desktop.security import ADMIN, CLERK, READER

SECRET_WORDS = "ບົດລາຍງານລັບສຸດຍອດ"


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_a_clerks_backup_holds_nothing_readable(db, data_dir, usb, make_user):
    clerk = make_user("clerk", [CLERK])
    add_entries(db, 20, tag=SECRET_WORDS)
    add_scan(data_dir, "secret.pdf", b"%PDF secret scan words " * 500)
    result = back_up(db, data_dir, usb, actor=clerk)
    on_drive = b"".join(p.read_bytes() for p in usb.rglob("*") if p.is_file())
    assert SECRET_WORDS.encode() not in on_drive and b"secret scan words" not in on_drive
    assert b"SQLite format" not in on_drive and b"manifest" not in on_drive
    assert result.path.read_bytes().startswith(MAGIC) and not result.encrypted


def test_only_those_who_may_back_up_do(db, data_dir, usb, make_user):
    reader = make_user("reader", [READER])
    with pytest.raises(NotAllowedError):
        back_up(db, data_dir, usb, actor=reader)
    assert list(usb.iterdir()) == []


def test_restore_is_the_administrators_and_an_audit_row_naming_who(db, data_dir, usb, make_user):
    clerk = make_user("clerk", [CLERK])
    admin = make_user("chief", [ADMIN], full_name="ສົມພອນ ຜູ້ບໍລິຫານ")
    add_entries(db, 5, tag="before")
    point = back_up(db, data_dir, usb, actor=clerk)
    later = back_up(db, data_dir, usb, actor=clerk)  # newer: the restored data never saw it
    add_entries(db, 3, tag="after")
    db.close()
    before = section_ids(data_dir)

    with pytest.raises(NotAllowedError):
        restore_as(point.path, data_dir, actor=clerk)
    assert section_ids(data_dir) == before

    result = restore_as(point.path, data_dir, actor=admin)

    assert len(section_ids(data_dir)) == len(before) - 3
    restored = open_database(data_dir)
    try:
        with restored.read() as session:
            row = session.scalars(select(AuditEntry).where(AuditEntry.action == "restore")).one()
        assert row.username == "chief" and row.area == "restore"
        assert row.new["backup"] == point.path.name and row.new["safety_copy"]
        assert row.new["by"] == "ສົມພອນ ຜູ້ບໍລິຫານ"
        # the age and the reminder: the newest backup either copy knew of
        assert last_backup(restored) == later.manifest.summary.created
    finally:
        restored.close()
    assert result.safety_copy.exists()


def test_a_restore_key_of_another_office_is_refused(db, data_dir, usb, tmp_path):
    point = make_backup(data_dir, usb)
    other = tmp_path / "other-office"
    other_db = open_database(other)
    other_db.close()
    make_backup(other, usb)
    with pytest.raises(WrongPasswordError) as caught:
        inspect_backup(point.path, restore_key=load_key(other).recovery_code)
    assert point.path.name in str(caught.value)


def test_a_sealed_backup_of_a_newer_container_says_newer_not_damaged(db, data_dir, usb, tmp_path):
    point = make_backup(data_dir, usb)
    raw = bytearray(point.path.read_bytes())
    raw[len(MAGIC)] = 9  # the container version byte
    newer = tmp_path / point.path.name
    newer.write_bytes(bytes(raw))
    with pytest.raises(NewerBackupError) as caught:
        inspect_backup(newer, data_dir=data_dir)
    assert "ໃໝ່ກວ່າ" in str(caught.value)  # "newer", in Lao
    assert struct.unpack(">B", raw[len(MAGIC) : len(MAGIC) + 1])[0] == 9


def test_the_recovery_sheet_is_printed_once_by_the_administrator(
    db, data_dir, usb, tmp_path, make_user
):
    admin = make_user("chief", [ADMIN])
    clerk = make_user("clerk", [CLERK])
    assert not sheet_pending(data_dir)  # no key before the first backup
    make_backup(data_dir, usb)
    assert sheet_pending(data_dir)
    with pytest.raises(NotAllowedError):
        print_recovery_sheet(db, data_dir, tmp_path / "clerk.pdf", actor=clerk)

    pdf = tmp_path / "sheet.pdf"
    print_recovery_sheet(db, data_dir, pdf, actor=admin)

    text = " ".join(page_texts(pdf))
    code = load_key(data_dir).recovery_code
    assert all(group in text for group in code.split())
    assert "ຕູ້ເຊບ" in text  # the head's safe, in Lao
    assert not sheet_pending(data_dir)
    with pytest.raises(SheetAlreadyPrinted):
        print_recovery_sheet(db, data_dir, tmp_path / "again.pdf", actor=admin)
    with db.read() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "restore_key")
        ).all()
    assert actions == ["print"]


def _cli(*args, **env):
    return subprocess.run(
        [sys.executable, "-m", "oc_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )


def test_the_command_line_restore_needs_the_administrator(db, data_dir, usb, make_user):
    make_user("chief", [ADMIN])
    make_user("clerk", [CLERK])
    add_entries(db, 4, tag="kept")
    made = _cli("backup", "--data-dir", data_dir, "--to", usb)  # scheduled: sealed too
    assert made.returncode == 0, made.stderr
    point = made.stdout.strip().splitlines()[-1]
    assert Path(point).read_bytes().startswith(MAGIC)
    add_entries(db, 2, tag="later")
    db.close()
    before = section_ids(data_dir)

    nobody = _cli("restore", "--data-dir", data_dir, "--from", point, "--yes")
    clerk = _cli(
        "restore", "--data-dir", data_dir, "--from", point, "--yes",
        "--user", "clerk", "--user-password-env", "PW", PW=PASSWORD,
    )  # fmt: skip
    assert nobody.returncode == 2 and clerk.returncode == 2
    assert section_ids(data_dir) == before  # (the clerk's sign-in is in the trail)

    admin = _cli(
        "restore", "--data-dir", data_dir, "--from", point, "--yes",
        "--user", "chief", "--user-password-env", "PW", PW=PASSWORD,
    )  # fmt: skip
    assert admin.returncode == 0, admin.stderr
    restored = open_database(data_dir)
    try:
        with restored.read() as session:
            who = session.scalars(
                select(AuditEntry.username).where(AuditEntry.action == "restore")
            ).all()
        assert who == ["chief"]
    finally:
        restored.close()


def test_a_password_backup_only_by_someone_cleared_for_every_secret(db, data_dir, usb, make_user):
    from oc_desktop.security import TOP_SECRET

    clerk = make_user("clerk", [CLERK])
    with pytest.raises(NotAllowedError) as caught:
        back_up(db, data_dir, usb, actor=clerk, password="ລະຫັດຍາວພໍ")
    assert "ລະຫັດຜ່ານ" in str(caught.value)
    assert list(usb.iterdir()) == []
    cleared = make_user("clerk2", [CLERK], TOP_SECRET)
    assert back_up(db, data_dir, usb, actor=cleared, password="ລະຫັດຍາວພໍ").encrypted


def test_the_restore_row_reads_in_the_clerks_words(db, data_dir, usb, make_user):
    from oc_desktop.audit.text import ACTION_LABELS, area_label, entity_label, field_label, label

    assert label(ACTION_LABELS, "restore") == "ກູ້ຄືນແລ້ວ"
    assert area_label("restore") != "restore" and entity_label("restore_key") != "restore_key"
    for field in ("backup", "made", "safety_copy", "by", "numbers_kept"):
        assert field_label(field, "restore") != field

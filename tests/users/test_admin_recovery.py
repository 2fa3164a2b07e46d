"""A forgotten administrator password is reset with the recovery sheet, and only with it."""

import subprocess
import sys

import pytest
from sqlalchemy import select

from oc_desktop.admin_recovery import recover_admin
from oc_desktop.backup.office_key import ensure_key, recovery_code
from oc_desktop.models import AuditEntry
from oc_desktop.security import ADMIN
from oc_desktop.users import SignInError, sign_in
from oc_desktop.validation import ValidationError

NEW = "ລະຫັດໃໝ່-2026"


@pytest.fixture
def locked_admin(db, make_user):
    make_user("admin", [ADMIN])
    for _ in range(6):
        with pytest.raises(SignInError):
            sign_in(db, username="admin", password="forgotten it")
    return "admin"


def test_the_sheet_sets_a_new_password_lifts_the_lock_and_is_audited(db, data_dir, locked_admin):
    key, _made = ensure_key(data_dir)
    recover_admin(
        db,
        data_dir=data_dir,
        recovery_code=key.recovery_code.lower(),
        username="admin",
        password=NEW,
    )
    assert sign_in(db, username="admin", password=NEW).roles == {ADMIN}
    with db.read() as session:
        row = session.scalar(select(AuditEntry).where(AuditEntry.action == "recover_admin"))
    assert row.username == "recovery-sheet"
    assert row.new["password"] == "changed" and NEW not in str(row.new)
    assert row.old["failed_attempts"] == 5 and row.old["locked_until"]  # the 6th was locked out


def test_a_wrong_sheet_or_none_is_refused_and_changes_nothing(db, data_dir, locked_admin):
    def attempt(code: str) -> str:
        with pytest.raises(ValidationError) as refused:
            recover_admin(db, data_dir=data_dir, recovery_code=code, username="admin", password=NEW)
        return refused.value.errors["recovery_code"]

    assert "ຍັງບໍ່ມີກະແຈຂອງຫ້ອງການ" in attempt("AAAAA")
    ensure_key(data_dir)
    assert "ບໍ່ແມ່ນຂອງໂຟນເດີຂໍ້ມູນນີ້" in attempt(recovery_code(bytes(32)))
    assert "ໃບກະແຈກູ້ຄືນ" in attempt("AAAAA BBBBB")
    with pytest.raises(SignInError):
        sign_in(db, username="admin", password=NEW)


def test_the_new_password_keeps_the_rules(db, data_dir, locked_admin):
    key, _made = ensure_key(data_dir)
    with pytest.raises(ValidationError) as refused:
        recover_admin(
            db,
            data_dir=data_dir,
            recovery_code=key.recovery_code,
            username="admin",
            password="Admin2026",
        )
    assert refused.value.errors == {"password": "ລະຫັດຜ່ານຕ້ອງບໍ່ແມ່ນຊື່ຜູ້ໃຊ້."}


def test_the_command_reads_the_sheet_and_the_password_from_files(
    db, data_dir, locked_admin, tmp_path
):
    key, _made = ensure_key(data_dir)
    db.close()
    (tmp_path / "code.txt").write_text(key.recovery_code + "\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW + "\n", encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "oc_desktop",
            "reset-admin",
            "--data-dir",
            str(data_dir),
            "--recovery-code-file",
            str(tmp_path / "code.txt"),
            "--password-file",
            str(tmp_path / "new.txt"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "admin ມີລະຫັດຜ່ານໃໝ່ແລ້ວ" in run.stdout
    (tmp_path / "code.txt").write_text("AAAAA BBBBB\n", encoding="utf-8")
    refused = subprocess.run(
        [
            sys.executable,
            "-m",
            "oc_desktop",
            "reset-admin",
            "--data-dir",
            str(data_dir),
            "--recovery-code-file",
            str(tmp_path / "code.txt"),
            "--password-file",
            str(tmp_path / "new.txt"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode != 0 and "ໃບກະແຈກູ້ຄືນ" in refused.stderr

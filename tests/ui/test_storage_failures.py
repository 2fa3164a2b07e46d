"""What a clerk sees when the data cannot be opened or saved: the real cause, in Lao, and
the form keeps what was typed; "damaged" only for a damaged file."""

import argparse
import hashlib
import sqlite3
from datetime import date, timedelta

import pytest
from helpers import PASSWORD
from helpers.drives import read_only, tmpfs
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from oc_desktop.folder_lock import FolderLock
from oc_desktop.formatting import format_date
from oc_desktop.models import db as db_module
from oc_desktop.models.migrate import open_database
from oc_desktop.paths import database_path
from oc_desktop.profile import ensure_defaults
from oc_desktop.security import ADMIN, CLERK, SYSTEM
from oc_desktop.ui.app import run_app
from oc_desktop.ui.documents.dialogs import IncomingDialog
from oc_desktop.ui.session.sign_in import SignInDialog
from oc_desktop.users import create_user

DAMAGED = "ເສຍຫາຍ"


def _start_and_read_message(data_dir) -> tuple[int, list[str]]:
    seen: list[str] = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    code = run_app(argparse.Namespace(data_dir=data_dir, lang=None))
    return code, seen


def test_a_second_program_on_the_same_folder_is_refused(app, data_dir):
    open_database(data_dir).close()
    with FolderLock(data_dir):
        code, seen = _start_and_read_message(data_dir)
    assert code == 1 and seen and "ເປີດ" in seen[0] and DAMAGED not in seen[0]


def test_a_zero_byte_data_file_offers_restore_not_a_first_run(app, data_dir):
    database_path(data_dir).write_bytes(b"")
    code, seen = _start_and_read_message(data_dir)
    assert code == 1 and "oc-desktop restore" in seen[0] and "0" in seen[0]
    assert database_path(data_dir).stat().st_size == 0


def test_a_read_only_data_folder_is_not_called_damaged(app, tmp_path):
    with tmpfs(tmp_path / "disk", "4m") as disk:
        data_dir = disk / "data"
        db = open_database(data_dir)
        ensure_defaults(db)
        db.close()
        digest = hashlib.sha256(database_path(data_dir).read_bytes()).hexdigest()
        read_only(disk)
        code, seen = _start_and_read_message(data_dir)
        assert code == 1 and "ອ່ານໄດ້ຢ່າງດຽວ" in seen[0]
        assert "ບໍ່ໄດ້ເສຍ" in seen[0] and "oc-desktop restore" not in seen[0]
        assert hashlib.sha256(database_path(data_dir).read_bytes()).hexdigest() == digest


@pytest.fixture
def busy_db(data_dir, monkeypatch):
    """The data, and another program holding its write lock past a short busy timeout."""
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    database = open_database(data_dir)
    ensure_defaults(database)
    other = sqlite3.connect(database_path(data_dir), isolation_level=None)
    yield database, other
    other.close()
    database.close()


def _box(qtbot) -> QMessageBox:
    found = []

    def shown():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                found.append(widget)
                return True
        return False

    qtbot.waitUntil(shown, timeout=5_000)
    return found[0]


def test_a_save_while_another_program_writes_says_so_and_keeps_the_form(
    app, qtbot, busy_db, type_text
):
    db, other = busy_db
    clerk = create_user(
        db,
        actor=SYSTEM,
        username="clerk",
        full_name="ນາງ ແກ້ວ",
        password=PASSWORD,
        roles=[CLERK],
        clearance=0,
    )
    dialog = IncomingDialog(None, db, clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.sender, "ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ")
    type_text(dialog.doc_number, "201/ຄອສພ")
    type_text(dialog.doc_date, format_date(date.today() - timedelta(days=2)))
    type_text(dialog.subject, "ກ່ຽວກັບການຈັດກອງປະຊຸມ")
    other.execute("BEGIN IMMEDIATE")

    dialog.save()

    box = _box(qtbot)
    assert "ໂປຣແກຣມອື່ນ" in box.text() and "ແບບຟອມ" in box.text()
    assert dialog.isVisible() and dialog.result_id is None
    assert dialog.subject.text() == "ກ່ຽວກັບການຈັດກອງປະຊຸມ"  # what was typed is kept
    box.accept()
    other.execute("ROLLBACK")
    dialog.save()  # the other program is done: the same form saves
    assert dialog.result_id is not None


def test_a_sign_in_while_another_program_writes_says_so(app, qtbot, busy_db):
    db, other = busy_db
    create_user(
        db,
        actor=SYSTEM,
        username="admin",
        full_name="ທ່ານ ສົມພອນ",
        password=PASSWORD,
        roles=[ADMIN],
        clearance=0,
    )
    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("admin")
    dialog.password.setText(PASSWORD)
    other.execute("BEGIN IMMEDIATE")
    dialog.try_accept()
    box = _box(qtbot)
    assert "ໂປຣແກຣມອື່ນ" in box.text()
    assert dialog.isVisible() and dialog.actor is None
    box.accept()
    other.execute("ROLLBACK")

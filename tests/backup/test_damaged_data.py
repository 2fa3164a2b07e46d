"""A data file that SQLite cannot read is reported, left untouched, and restore is named."""

import argparse
import hashlib
import subprocess
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from oc_desktop.paths import database_path
from oc_desktop.ui.app import run_app


def _damage(data_dir):
    path = database_path(data_dir)
    path.write_bytes(b"this is no SQLite file " * 400)
    return path, hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_window_reports_a_damaged_file_and_changes_nothing(app, qtbot, data_dir):
    path, digest = _damage(data_dir)
    seen = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    assert run_app(argparse.Namespace(data_dir=data_dir, lang=None)) == 1
    assert seen and "ເສຍຫາຍ" in seen[0] and "oc-desktop restore" in seen[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_the_command_line_reports_a_damaged_file(data_dir):
    _path, _digest = _damage(data_dir)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "oc_desktop",
            "backup",
            "--data-dir",
            str(data_dir),
            "--to",
            str(data_dir.parent / "usb"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr

"""Opening an older data file says that it is being brought up to date (minutes on a big
register: migration 0010 makes every search key again) rather than showing nothing."""

import shutil
from pathlib import Path

from PySide6.QtWidgets import QApplication

from oc_desktop.models.migrate import head_revision, stored_revision, upgrade_pending
from oc_desktop.paths import database_path
from oc_desktop.ui import app as app_module

FIXTURE = Path(__file__).parents[1] / "fixtures" / "schema_0004_audit_indexes.sqlite3"


def test_an_older_file_is_opened_with_a_notice_shown_while_it_upgrades(app, tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = database_path(data_dir)
    shutil.copy(FIXTURE, path)
    assert upgrade_pending(path)
    shown_while_opening = []
    real_open = app_module.open_database

    def watched(folder):
        shown_while_opening.extend(
            w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible()
        )
        return real_open(folder)

    monkeypatch.setattr(app_module, "open_database", watched)
    db = app_module._open_telling(data_dir)
    db.close()
    assert "upgrade_notice" in shown_while_opening
    assert stored_revision(path) == head_revision() and not upgrade_pending(path)
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "upgrade_notice" and w.isVisible()
    ]

    shown_while_opening.clear()  # a current file opens without it
    app_module._open_telling(data_dir).close()
    assert shown_while_opening == []


def test_a_new_data_folder_needs_no_upgrade(tmp_path):
    assert not upgrade_pending(database_path(tmp_path))

"""Start the window: fonts, language, the data folder, then the main window."""

import os
import sqlite3
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from oc_desktop import formatting, i18n
from oc_desktop.cli import damaged_database_message, newer_database_message
from oc_desktop.i18n import _
from oc_desktop.models.migrate import NewerDatabaseError, open_database
from oc_desktop.profile import ensure_defaults, get_setting
from oc_desktop.ui.fonts import register_fonts, ui_font
from oc_desktop.ui.main_window import MainWindow
from oc_desktop.ui.qt_translator import CatalogTranslator

APP_NAME = "OC Desktop"
#: set by bench/startup.py: print when the window is shown, then quit
EXIT_AFTER_SHOW = "OC_DESKTOP_EXIT_AFTER_SHOW"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with our fonts and Qt's own strings from our catalogs."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    if getattr(app, "_catalog_translator", None) is None:
        app.setApplicationName(APP_NAME)
        app.setOrganizationName(APP_NAME)
        register_fonts()
        app.setFont(ui_font())
        app._catalog_translator = CatalogTranslator(app)  # kept alive with the app
        app.installTranslator(app._catalog_translator)
    return app


def default_data_dir() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def apply_preferences(db) -> None:
    i18n.set_language(get_setting(db, "language"))
    formatting.set_lao_digits(bool(get_setting(db, "lao_digits")))


def run_app(args) -> int:
    app = make_application()
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    try:
        db = open_database(data_dir)
        ensure_defaults(db)
    except NewerDatabaseError:
        QMessageBox.critical(None, _("OC Desktop"), newer_database_message(data_dir))
        return 1
    except (sqlite3.DatabaseError, SQLAlchemyDatabaseError):
        QMessageBox.critical(None, _("OC Desktop"), damaged_database_message(data_dir))
        return 1
    apply_preferences(db)
    if args.lang:
        i18n.set_language(args.lang)
    window = MainWindow(db, data_dir, QSettings())
    window.backup_actions.start_reminders()
    window.show()
    if os.environ.get(EXIT_AFTER_SHOW):
        QTimer.singleShot(0, lambda: (print(f"shown {time.time():.6f}", flush=True), app.quit()))
    code = app.exec()
    db.close()
    return code

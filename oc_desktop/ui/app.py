"""Start the program: fonts, language, the data folder, then the sign-in and the window."""

import os
import sqlite3
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from oc_desktop import formatting, i18n
from oc_desktop.backup.leftovers import clean_data_folder
from oc_desktop.cli import newer_database_message
from oc_desktop.folder_lock import FolderInUse, FolderLock
from oc_desktop.i18n import _
from oc_desktop.models.migrate import NewerDatabaseError, open_database
from oc_desktop.paths import database_path
from oc_desktop.profile import ensure_defaults, get_setting
from oc_desktop.storage_errors import (
    EMPTY,
    explain_open_failure,
    is_empty_data_file,
    open_failure_message,
)
from oc_desktop.ui.common.fonts import register_fonts, ui_font
from oc_desktop.ui.common.qt_translator import CatalogTranslator
from oc_desktop.ui.garbage import collect_on_gui_thread
from oc_desktop.ui.startup import SessionFlow

APP_NAME = "OC Desktop"
#: set by bench/startup.py: print when the sign-in is shown (and the window, see below),
#: then quit
EXIT_AFTER_SHOW = "OC_DESKTOP_EXIT_AFTER_SHOW"
#: with EXIT_AFTER_SHOW only: "user:password" typed into the real sign-in dialog, so the
#: bench also times the sign-in and the main window. It opens nothing the password does not.
BENCH_SIGN_IN = "OC_DESKTOP_BENCH_SIGN_IN"


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
        collect_on_gui_thread(app)
    return app


def default_data_dir() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def apply_preferences(db) -> None:
    i18n.set_language(get_setting(db, "language"))
    formatting.set_lao_digits(bool(get_setting(db, "lao_digits")))


def run_app(args) -> int:
    app = make_application()
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    # one data folder, one program: held until this process ends (a crash releases it)
    lock = FolderLock(data_dir)
    try:
        lock.acquire()
    except FolderInUse as error:
        QMessageBox.critical(None, _("OC Desktop"), str(error))
        return 1
    except OSError as error:
        QMessageBox.critical(
            None, _("OC Desktop"), explain_open_failure(error, data_dir, database_path(data_dir))
        )
        return 1
    try:
        return _run_locked(app, args, data_dir)
    finally:
        lock.release()


def _run_locked(app: QApplication, args, data_dir: Path) -> int:
    clean_data_folder(data_dir)
    if is_empty_data_file(database_path(data_dir)):
        QMessageBox.critical(None, _("OC Desktop"), open_failure_message(EMPTY, data_dir))
        return 1
    try:
        db = _open_telling(data_dir)
        ensure_defaults(db)
    except NewerDatabaseError:
        QMessageBox.critical(None, _("OC Desktop"), newer_database_message(data_dir))
        return 1
    except (sqlite3.DatabaseError, SQLAlchemyDatabaseError, OSError) as error:
        message = explain_open_failure(error, data_dir, database_path(data_dir))
        QMessageBox.critical(None, _("OC Desktop"), message)
        return 1
    apply_preferences(db)
    if args.lang:
        i18n.set_language(args.lang)
    # Between a sign-out and the next sign-in no window may be up; the flow says when to quit.
    app.setQuitOnLastWindowClosed(False)
    flow = SessionFlow(db, data_dir, QSettings())
    flow.finished.connect(app.quit)
    if os.environ.get(EXIT_AFTER_SHOW):
        _time_for_bench(app, flow, os.environ.get(BENCH_SIGN_IN))
    flow.start()
    code = app.exec()
    db.close()
    return code


def _open_telling(data_dir: Path):
    """Open the data file; while an older one is brought up to date (minutes on a big
    register), a window says so rather than nothing at all."""
    from oc_desktop.models.migrate import upgrade_pending
    from oc_desktop.paths import database_path

    if not upgrade_pending(database_path(data_dir)):
        return open_database(data_dir)
    notice = QLabel(
        _(
            "Updating the data to this version of OC Desktop. On a big register "
            "this takes a few minutes; please wait."
        )
    )
    notice.setObjectName("upgrade_notice")
    notice.setWindowTitle(_("OC Desktop"))
    notice.setWordWrap(True)
    notice.setMargin(24)
    notice.resize(480, 120)
    notice.show()
    QApplication.processEvents()
    try:
        return open_database(data_dir)
    finally:
        notice.close()


def _time_for_bench(app: QApplication, flow: SessionFlow, credentials: str | None) -> None:
    """Print when the sign-in is up; sign in as a clerk would and print when the window is."""

    def door_up() -> None:
        print(f"sign_in_shown {time.time():.6f}", flush=True)
        if not credentials:
            app.exit(0)  # not quit(): that asks each window to close, and a reminder may say no
            return
        username, _sep, password = credentials.partition(":")
        dialog = flow.dialog
        dialog.username.setText(username)
        dialog.password.setText(password)
        dialog.ok_button().click()
        if flow.window is None:
            print("sign-in refused", file=sys.stderr, flush=True)
            app.exit(1)

    flow.window_opened.connect(
        lambda _window: QTimer.singleShot(
            0, lambda: (print(f"shown {time.time():.6f}", flush=True), app.exit(0))
        )
    )
    QTimer.singleShot(0, door_up)

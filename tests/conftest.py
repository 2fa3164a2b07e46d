"""Shared fixtures: headless Qt, one QApplication (pytest-qt's), a fresh database per test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from helpers import PASSWORD

from oc_desktop import formatting, i18n
from oc_desktop.models.migrate import open_database
from oc_desktop.profile import ensure_defaults


@pytest.fixture(autouse=True)
def _lao_by_default():
    """Each test starts in Lao with Arabic digits, as a new office install does."""
    i18n.set_language("lo")
    formatting.set_lao_digits(False)
    yield
    i18n.set_language("lo")
    formatting.set_lao_digits(False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def db(data_dir: Path):
    database = open_database(data_dir)
    ensure_defaults(database)
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _collect_on_gui_thread(request):
    """Widget tests run with the program's garbage collection on the GUI thread."""
    from oc_desktop.ui.garbage import collect_due, collect_on_gui_thread

    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        collect_on_gui_thread(request.getfixturevalue("qapp"))
    yield
    collect_due()  # between tests too, where no event loop runs the timer


@pytest.fixture
def app(qapp):
    """pytest-qt's QApplication, set up as the program sets up its own."""
    from oc_desktop.ui.app import make_application

    return make_application()


@pytest.fixture
def qsettings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_user(db):
    """Add a real person (Argon2 hash, audit row), signed in as the program itself."""
    from oc_desktop.security import ORDINARY, SYSTEM
    from oc_desktop.users import create_user

    def make(username: str, roles: list[str], clearance: int = ORDINARY, **kwargs):
        return create_user(
            db,
            actor=SYSTEM,
            username=username,
            full_name=kwargs.pop("full_name", f"ທົດສອບ {username}"),
            password=kwargs.pop("password", PASSWORD),
            roles=roles,
            clearance=clearance,
        )

    return make


@pytest.fixture
def actor(make_user):
    """A person holding every role and the highest clearance: the window shows every tab."""
    from oc_desktop.security import ROLES, TOP_SECRET

    return make_user("tester", list(ROLES), TOP_SECRET, full_name="ບຸນມີ ທົດສອບ")


@pytest.fixture
def make_window(app, qtbot, db, data_dir, qsettings):
    """A shown main window for a signed-in person; idle_lock_ms=... shortens the idle lock."""
    from oc_desktop.ui.main_window import MainWindow

    def make(person, **kwargs):
        main_window = MainWindow(db, data_dir, qsettings, person, **kwargs)
        qtbot.addWidget(main_window)
        main_window.show()
        qtbot.waitExposed(main_window)
        main_window.activateWindow()  # window shortcuts (Ctrl+L, Ctrl+1…) need it
        qtbot.waitUntil(main_window.isActiveWindow)
        return main_window

    return make


@pytest.fixture
def window(make_window, actor):
    return make_window(actor)


@pytest.fixture
def type_text(qtbot):
    """Type any text, Lao included, as key presses (QTest's keyClicks takes only ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    def type_into(widget, text: str) -> None:
        for character in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(
                    kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character
                )
                QApplication.sendEvent(widget, event)

    return type_into

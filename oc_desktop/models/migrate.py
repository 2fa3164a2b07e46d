"""Open a data file at the current schema, never losing the old one on the way.

An older file is copied aside (with SQLite's backup API, so a WAL file is included)
before Alembic upgrades it; a file written by a newer version is refused untouched.
"""

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from oc_desktop.models.db import Database, make_engine
from oc_desktop.models.documents import is_search_table
from oc_desktop.paths import PACKAGE_DIR, database_path, protect_data_dir

MIGRATIONS_DIR = PACKAGE_DIR / "migrations"


class EmptyDatabaseError(RuntimeError):
    """The data file has zero bytes: data went missing; it must not become a new register."""


class NewerDatabaseError(RuntimeError):
    """The data file was written by a newer OC Desktop; this one must not touch it."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def include_name(name, type_, _parent_names) -> bool:
    """Leave the full-text tables out of autogenerate: the models do not describe them."""
    return not (type_ == "table" and is_search_table(name))


def _config(path: Path):
    from alembic.config import Config  # Alembic is loaded only when a file needs it

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    return config


def _revisions() -> list[str]:
    """Revision ids in order. Each revision's id is its file name (``0002_users_audit``)
    and the history is linear, so a start-up that finds the file current never has to
    import Alembic; a test holds the files to that rule."""
    return sorted(p.stem for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py"))


def head_revision() -> str:
    return _revisions()[-1]


def known_revisions() -> set[str]:
    return set(_revisions())


def stored_revision(path: Path) -> str | None:
    """The schema revision a data file is at, or None for a file with no schema yet."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None


def upgrade_pending(path: Path) -> bool:
    """Whether opening the file will first bring an older schema up to date (which may
    take minutes on a big register: keys are made again)."""
    if not path.exists():
        return False
    current = stored_revision(path)
    return current is not None and current != head_revision() and current in known_revisions()


def copy_aside(path: Path, label: str) -> Path:
    """A consistent copy of the file next to it, named for why and when it was made."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        with destination:
            source.backup(destination)
        destination.close()
    finally:
        source.close()
    return target


def upgrade(path: Path) -> Path | None:
    """Bring a data file to the current schema; returns the copy made aside, if any."""
    head = head_revision()
    current = stored_revision(path) if path.exists() else None
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        raise NewerDatabaseError(current)
    from alembic import command

    saved = copy_aside(path, f"before-{head}") if current is not None else None
    command.upgrade(_config(path), "head")
    return saved


def open_database(data_dir: Path) -> Database:
    """The data folder's database, created or upgraded to the current schema."""
    data_dir = Path(data_dir)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = database_path(data_dir)
    from oc_desktop.storage_errors import is_empty_data_file

    if is_empty_data_file(path):
        raise EmptyDatabaseError(str(path))
    upgrade(path)
    database = Database(path, make_engine(path))
    with database.engine.connect():  # opens the WAL side files, to protect them too
        protect_data_dir(data_dir)
    return database

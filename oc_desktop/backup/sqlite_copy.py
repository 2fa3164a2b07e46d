"""SQLite's side of a backup: a consistent snapshot while the app writes, and its checks.

The snapshot is taken inside one read transaction, so its entry counts are those of the
live database at that moment, and writes by the open window (WAL) neither wait nor
restart it.
"""

import sqlite3
from pathlib import Path

from oc_desktop.backup.progress import Tracker

PAGES_PER_STEP = 1024
SKIPPED_TABLES = ("alembic_version",)


def count_entries(connection: sqlite3.Connection) -> dict[str, int]:
    """Rows per table (a register is a table); SQLite's own tables left out."""
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        for name in names
        if name not in SKIPPED_TABLES
    }


def snapshot(source: Path, target: Path, tracker: Tracker) -> dict[str, int]:
    """Copy the live database to ``target`` page by page; returns its entry counts."""
    # read-write mode (no file is created: mode=rw), as a read-only one cannot join WAL
    live = sqlite3.connect(f"file:{source}?mode=rw", uri=True, isolation_level=None)
    try:
        live.execute("PRAGMA busy_timeout=10000")
        live.execute("BEGIN")
        counts = count_entries(live)
        copy = sqlite3.connect(target, isolation_level=None)
        try:
            reported = [0]

            def step(_status, remaining, total):
                done = (total - remaining) * page_size
                tracker.add(done - reported[0])
                reported[0] = done

            page_size = live.execute("PRAGMA page_size").fetchone()[0]
            live.backup(copy, pages=PAGES_PER_STEP, progress=step)
            # one file, no -wal beside it: the backup holds everything in itself
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
        live.execute("COMMIT")
    finally:
        live.close()
    return counts


def check_database(path: Path) -> tuple[str, dict[str, int], str | None]:
    """(integrity_check result, entry counts, schema revision) of a database file."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        counts = count_entries(connection)
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return result, counts, revision
    finally:
        connection.close()

"""Read a setting straight from a data file, before the app has opened it."""

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from oc_desktop.paths import database_path
from oc_desktop.setting_rules import problem


def stored_language(data_dir: Path) -> str | None:
    path = database_path(data_dir)
    if not path.exists():
        return None
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            row = connection.execute("SELECT value FROM setting WHERE key='language'").fetchone()
    except sqlite3.Error:
        return None
    try:
        value = json.loads(row[0]) if row else None
    except (TypeError, ValueError):
        return None
    return value if problem("language", value) is None else None

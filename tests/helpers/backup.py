"""Shared by the backup, restore and crash tests: entries written as the app writes them."""

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

from oc_desktop.models import Section
from oc_desktop.models.db import Database
from oc_desktop.paths import database_path, scans_dir


def add_entries(db: Database, count: int, *, size: int = 20, tag: str = "entry") -> list[int]:
    """Add ``count`` sections (a real table of the schema) and return their ids."""
    with db.begin() as session:
        rows = [
            Section(name=f"{tag} {i} " + "ກ" * size, position=i, active=True) for i in range(count)
        ]
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows]


def add_scan(data_dir: Path, relative: str, data: bytes) -> Path:
    path = scans_dir(data_dir) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def section_ids(data_dir: Path) -> set[int]:
    with closing(sqlite3.connect(database_path(data_dir))) as connection:
        return {row[0] for row in connection.execute("SELECT id FROM section")}


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under a folder with its SHA-256: equal before and after means untouched."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(Path(folder).rglob("*"))
        if p.is_file()
    }


def restore_key(data_dir: Path) -> str:
    """The office's recovery code, as typed from the sheet on another computer."""
    from oc_desktop.backup.office_key import load_key

    key = load_key(data_dir)
    assert key is not None, "no backup made yet: the office key is made at the first"
    return key.recovery_code


def drive_files(folder: Path) -> list[str]:
    """Every file on a drive, the shared scans folder included."""
    return sorted(p.relative_to(folder).as_posix() for p in Path(folder).rglob("*") if p.is_file())

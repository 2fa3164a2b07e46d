"""Where the program's own files and a data folder's files live (no Qt here)."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR.parent / "resources"
FONTS_DIR = RESOURCES_DIR / "fonts"
WORDS_DIR = RESOURCES_DIR / "words"
LOCALE_DIR = PACKAGE_DIR / "locale"

DATABASE_NAME = "oc-desktop.sqlite3"
SCANS_DIR_NAME = "scans"


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / DATABASE_NAME


def scans_dir(data_dir: Path) -> Path:
    return Path(data_dir) / SCANS_DIR_NAME


def owner_only(path: Path) -> None:
    """Readable and writable by its owner only (0700 for a folder, 0600 for a file) on
    POSIX; on Windows the data lives in the user's profile, which Windows keeps so."""
    import os
    import sys

    if sys.platform == "win32" or not Path(path).exists():
        return
    os.chmod(path, 0o700 if Path(path).is_dir() else 0o600)


def protect_data_dir(data_dir: Path) -> None:
    """The data folder, its data file (with SQLite's side files) and scans, owner-only."""
    data_dir = Path(data_dir)
    owner_only(data_dir)
    for name in (DATABASE_NAME, DATABASE_NAME + "-wal", DATABASE_NAME + "-shm"):
        owner_only(data_dir / name)
    owner_only(scans_dir(data_dir))

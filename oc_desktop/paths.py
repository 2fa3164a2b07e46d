"""Where the program's own files and a data folder's files live (no Qt here)."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR.parent / "resources"
FONTS_DIR = RESOURCES_DIR / "fonts"
LOCALE_DIR = PACKAGE_DIR / "locale"

DATABASE_NAME = "oc-desktop.sqlite3"
SCANS_DIR_NAME = "scans"


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / DATABASE_NAME


def scans_dir(data_dir: Path) -> Path:
    return Path(data_dir) / SCANS_DIR_NAME

"""The manifest inside each backup: who wrote it, when, what it holds, its checksums."""

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime

FORMAT = "oc-desktop-backup"
FORMAT_VERSION = 2
MANIFEST_NAME = "manifest.json"
DATABASE_MEMBER = "database/oc-desktop.sqlite3"
#: version 2: the database snapshot compressed with zstd (size and SHA-256 of the plain file)
DATABASE_ZSTD_MEMBER = "database/oc-desktop.sqlite3.zst"
SCANS_PREFIX = "scans/"


class NewerFormat(ValueError):
    """A backup of ours, in a layout a newer OC Desktop wrote."""


@dataclass(frozen=True)
class FileEntry:
    path: str  # inside the backup, always with "/"
    size: int
    sha256: str


@dataclass(frozen=True)
class Summary:
    """What a clerk is shown before a restore: known before the data is written."""

    app_version: str
    schema_revision: str | None
    created_at: str  # local wall-clock time, ISO 8601, seconds
    counts: dict[str, int]
    scan_count: int
    #: the audit trail's head in the copy, ``<id>-<hash>`` (None: an empty trail, or a
    #: backup made before heads were kept); also in the sealed file's clear header
    trail_head: str | None = None

    @property
    def created(self) -> datetime:
        return datetime.fromisoformat(self.created_at)

    def to_json(self) -> bytes:
        return _dump(asdict(self))

    @classmethod
    def from_json(cls, raw: bytes) -> "Summary":
        data = _load(raw)
        try:
            return cls(
                app_version=str(data["app_version"]),
                schema_revision=data["schema_revision"],
                created_at=str(data["created_at"]),
                counts={str(k): int(v) for k, v in data["counts"].items()},
                scan_count=int(data["scan_count"]),
                trail_head=data.get("trail_head"),
            )
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(str(error)) from error


@dataclass(frozen=True)
class Manifest:
    summary: Summary
    database: FileEntry
    scans: tuple[FileEntry, ...] = field(default_factory=tuple)
    #: version 2: the scans are kept once on the drive, named by SHA-256 (``store.py``),
    #: shared by every restore point of the data folder ``folder_id``; else in the archive
    scans_on_drive: bool = False
    folder_id: str | None = None

    def to_json(self) -> bytes:
        return _dump(asdict(self))

    @classmethod
    def from_json(cls, raw: bytes) -> "Manifest":
        """Raises ValueError for anything that is not a manifest of ours."""
        data = _load(raw)
        try:
            return cls(
                summary=Summary.from_json(_dump(data["summary"])),
                database=FileEntry(**data["database"]),
                scans=tuple(FileEntry(**entry) for entry in data["scans"]),
                scans_on_drive=bool(data.get("scans_on_drive", False)),
                folder_id=data.get("folder_id"),
            )
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(str(error)) from error


def _dump(data: dict) -> bytes:
    data = {"format": FORMAT, "format_version": FORMAT_VERSION, **data}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def _load(raw: bytes) -> dict:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ValueError("not JSON") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not ours")
    if not isinstance(data.get("format_version"), int):
        raise ValueError("no format version")
    if data["format_version"] > FORMAT_VERSION:
        raise NewerFormat(str(data["format_version"]))
    return data

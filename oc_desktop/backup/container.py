"""Read an ``.ocbak`` file: tell ours from anything else, and unpack it with every check.

Every refusal is raised before anything outside the working folder is touched.
"""

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import zstandard

from oc_desktop.backup.crypto import (
    MAGIC,
    Damaged,
    KeyRequired,
    NewerContainer,
    WrongKey,
    open_sealed,
    read_header,
)
from oc_desktop.backup.errors import (
    DamagedBackupError,
    NewerBackupError,
    NotABackupError,
    PasswordRequiredError,
    RestoreKeyRequiredError,
    WrongPasswordError,
)
from oc_desktop.backup.files import BLOCK, safe_relative
from oc_desktop.backup.manifest import (
    DATABASE_MEMBER,
    DATABASE_ZSTD_MEMBER,
    MANIFEST_NAME,
    SCANS_PREFIX,
    FileEntry,
    Manifest,
    NewerFormat,
    Summary,
)
from oc_desktop.backup.progress import Tracker
from oc_desktop.backup.sqlite_copy import check_database
from oc_desktop.backup.store import ScanMismatch, get_scan_to, scan_file
from oc_desktop.i18n import _
from oc_desktop.models.migrate import known_revisions

ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Unpacked:
    manifest: Manifest
    database: Path
    scans: Path


def not_ours(path: Path) -> NotABackupError:
    return NotABackupError(
        _("{name} is not a backup made by OC Desktop.").format(name=Path(path).name)
    )


def damaged(path: Path) -> DamagedBackupError:
    return DamagedBackupError(
        _(
            "The backup {name} is damaged and cannot be used. Try another backup; "
            "nothing was changed."
        ).format(name=Path(path).name)
    )


def _newer(path: Path) -> NewerBackupError:
    return NewerBackupError(
        _(
            "The backup {name} was made by a newer version of OC Desktop. Install that "
            "version to restore it; nothing was changed."
        ).format(name=Path(path).name)
    )


def _kind(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except IsADirectoryError:
        raise not_ours(path) from None
    if head.startswith(MAGIC):
        return "sealed"
    if head.startswith(ZIP_MAGIC):
        return "zip"
    raise not_ours(path)


def _check_revision(path: Path, summary: Summary) -> None:
    revision = summary.schema_revision
    if revision is not None and revision not in known_revisions():
        raise _newer(path)


def _open_sealed(path: Path, handle, password: str | None, private: bytes | None):
    """(summary, chunks) of a sealed file, each refusal in the clerk's words."""
    try:
        start = handle.tell()
        header = read_header(handle)
        handle.seek(start)
        if header.fields.get("kdf") == "scrypt" and not password:
            raise PasswordRequiredError(
                _("The backup {name} is protected by a password. Enter it to go on.").format(
                    name=path.name
                )
            )
        _header, summary, chunks = open_sealed(handle, password=password, private=private)
        return summary, chunks
    except NewerContainer:
        raise _newer(path) from None
    except KeyRequired:
        raise RestoreKeyRequiredError(
            _(
                "The backup {name} is sealed for the office. It opens with the office's "
                "restore key: type the code from the recovery sheet kept in the head's safe."
            ).format(name=path.name)
        ) from None
    except WrongKey:
        if password:
            raise WrongPasswordError(_("The password is not right for this backup.")) from None
        raise WrongPasswordError(
            _(
                "This restore key does not open the backup {name}: it was sealed for another "
                "office key. Type the code from that office's recovery sheet."
            ).format(name=path.name)
        ) from None
    except Damaged:
        raise damaged(path) from None


def _parse_summary(path: Path, raw: bytes) -> Summary:
    try:
        return Summary.from_json(raw)
    except NewerFormat:
        raise _newer(path) from None
    except ValueError:
        raise damaged(path) from None


def _manifest(path: Path, archive: zipfile.ZipFile) -> Manifest:
    try:
        raw = archive.read(MANIFEST_NAME)
    except KeyError:
        raise not_ours(path) from None
    except (zipfile.BadZipFile, OSError, EOFError):
        raise damaged(path) from None
    try:
        return Manifest.from_json(raw)
    except NewerFormat:
        raise _newer(path) from None
    except ValueError:
        raise not_ours(path) from None


def read_summary(
    path: Path, password: str | None, private: bytes | None = None
) -> tuple[Summary, bool]:
    """(summary, password-sealed): quick, without unpacking; refuses what is not usable."""
    path = Path(path)
    if _kind(path) == "sealed":
        with open(path, "rb") as handle:
            raw, _chunks = _open_sealed(path, handle, password, private)
        summary = _parse_summary(path, raw)
        encrypted = bool(password)
    else:
        try:
            with zipfile.ZipFile(path) as archive:
                summary = _manifest(path, archive).summary
        except zipfile.BadZipFile:
            raise damaged(path) from None
        encrypted = False
    _check_revision(path, summary)
    return summary, encrypted


def unpack(
    path: Path, password: str | None, work: Path, tracker: Tracker, private: bytes | None = None
) -> Unpacked:
    """Unpack into ``work`` and check everything: checksums, integrity, entry counts; the
    scans of an office restore point come from the drive's shared store beside it."""
    path, work = Path(path), Path(work)
    container = path
    if _kind(path) == "sealed":
        container = work / "container.zip"
        with open(path, "rb") as handle, open(container, "wb") as out:
            _raw, chunks = _open_sealed(path, handle, password, private)
            try:
                for chunk in chunks:
                    out.write(chunk)
                    tracker.add(len(chunk))
            except Damaged:
                raise damaged(path) from None
    try:
        with zipfile.ZipFile(container) as archive:
            manifest = _manifest(path, archive)
            _check_revision(path, manifest.summary)
            database = work / "oc-desktop.sqlite3"
            if manifest.database.path not in (DATABASE_MEMBER, DATABASE_ZSTD_MEMBER):
                raise damaged(path)
            _extract(path, archive, manifest.database, database, tracker)
            scans = work / "scans"
            scans.mkdir()
            for entry in manifest.scans:
                relative = entry.path.removeprefix(SCANS_PREFIX)
                if not entry.path.startswith(SCANS_PREFIX) or not safe_relative(relative):
                    raise damaged(path)
                target = scans.joinpath(*relative.split("/"))
                target.parent.mkdir(parents=True, exist_ok=True)
                if manifest.scans_on_drive:
                    _from_store(path, manifest, entry, target, private, tracker)
                else:
                    _extract(path, archive, entry, target, tracker)
    except zipfile.BadZipFile:
        raise damaged(path) from None
    if container != path:
        container.unlink()
    try:
        result, counts, revision = check_database(database)
    except Exception:  # noqa: BLE001 (sqlite3 says "not a database" in several ways)
        raise damaged(path) from None
    summary = manifest.summary
    if result != "ok" or counts != summary.counts or revision != summary.schema_revision:
        raise damaged(path)
    return Unpacked(manifest, database, scans)


def _from_store(path: Path, manifest, entry, target: Path, private, tracker) -> None:
    stored = scan_file(path.parent, manifest.folder_id or "", entry.sha256)
    if not manifest.folder_id or private is None:
        raise damaged(path)
    try:
        with open(target, "wb") as out:
            get_scan_to(stored, entry.sha256, entry.size, private, out, tracker)
    except ScanMismatch:
        raise DamagedBackupError(
            _(
                "A scan this backup needs is missing or damaged on the drive ({name}). "
                "Copy the whole folder {folder} along with the backup, or try another "
                "backup; nothing was changed."
            ).format(name=entry.path.removeprefix(SCANS_PREFIX), folder=stored.parent.parent)
        ) from None


def _extract(path: Path, archive, entry: FileEntry, target: Path, tracker: Tracker) -> None:
    """Copy one member out, checking its size and SHA-256 (of the stored bytes); a zstd
    member is also checked by its own content checksum as it is decompressed."""
    checked = _Checked()
    try:
        with archive.open(entry.path) as member, open(target, "wb") as out:
            checked.source = member
            reader = checked
            if entry.path.endswith(".zst"):
                reader = zstandard.ZstdDecompressor().stream_reader(checked)
            for block in iter(lambda: reader.read(BLOCK), b""):
                out.write(block)
                tracker.add(len(block))
            while checked.read(BLOCK):  # anything after the frame is hashed too
                pass
    except KeyError:
        raise damaged(path) from None
    except (zipfile.BadZipFile, EOFError, zstandard.ZstdError):
        raise damaged(path) from None
    if checked.size != entry.size or checked.digest.hexdigest() != entry.sha256:
        raise damaged(path)


class _Checked:
    """Reads a member while keeping the SHA-256 and length of what went by."""

    def __init__(self) -> None:
        self.source = None
        self.digest, self.size = hashlib.sha256(), 0

    def read(self, size: int = -1) -> bytes:
        block = self.source.read(size)
        self.digest.update(block)
        self.size += len(block)
        return block

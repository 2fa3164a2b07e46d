"""The office's restore key and the data folder's id, kept beside the data.

Backups are sealed for the office's public key: whoever may back up seals, and only the
holder of the private key (the restore key) opens. The pair is made at the first backup;
the private key is also printed once, as a recovery code, for the head's safe, so that a
new computer can restore the office's backups after the old one is lost. The data folder
has an id of its own (``folder-id``), written into every backup it makes, so rotation
on a drive two folders share only ever removes this folder's own restore points.
"""

import base64
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from oc_desktop.backup.crypto import key_id, public_bytes
from oc_desktop.i18n import _

KEY_FILE = "office-key.json"
FOLDER_ID_FILE = "folder-id"
_CHECK = 2  # bytes of SHA-256 appended to the private key in the recovery code


class BadRecoveryCode(ValueError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "This is not a restore key: check each group of letters against the "
                "recovery sheet (letters A–Z and digits 2–7)."
            )
        )


@dataclass(frozen=True)
class OfficeKey:
    public: bytes
    private: bytes | None
    created_at: str
    sheet_printed_at: str | None

    @property
    def id(self) -> str:
        return key_id(self.public)

    @property
    def recovery_code(self) -> str:
        assert self.private is not None
        return recovery_code(self.private)


def _write_private(path: Path, data: bytes) -> None:
    """Written under a temporary name, readable by the owner only, then renamed."""
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def folder_id(data_dir: Path) -> str:
    """This data folder's id, made at first need."""
    path = Path(data_dir) / FOLDER_ID_FILE
    try:
        value = path.read_text(encoding="ascii").strip()
        if len(value) == 32 and all(c in "0123456789abcdef" for c in value):
            return value
    except (OSError, UnicodeDecodeError):
        pass
    value = uuid.uuid4().hex
    _write_private(path, value.encode("ascii"))
    return value


def load_key(data_dir: Path) -> OfficeKey | None:
    path = Path(data_dir) / KEY_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        private = data.get("private")
        return OfficeKey(
            public=base64.b64decode(data["public"]),
            private=base64.b64decode(private) if private else None,
            created_at=str(data["created_at"]),
            sheet_printed_at=data.get("sheet_printed_at"),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _save(data_dir: Path, key: OfficeKey) -> None:
    data = {
        "public": base64.b64encode(key.public).decode(),
        "private": base64.b64encode(key.private).decode() if key.private else None,
        "created_at": key.created_at,
        "sheet_printed_at": key.sheet_printed_at,
    }
    _write_private(Path(data_dir) / KEY_FILE, json.dumps(data, indent=1).encode("utf-8"))


def ensure_key(data_dir: Path) -> tuple[OfficeKey, bool]:
    """The office key pair, made at first need: (key, made_now)."""
    key = load_key(data_dir)
    if key is not None:
        return key, False
    private = X25519PrivateKey.generate()
    raw = private.private_bytes_raw()
    key = OfficeKey(
        public_bytes(private.public_key()),
        raw,
        datetime.now().replace(microsecond=0).isoformat(),
        None,
    )
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    _save(data_dir, key)
    return key, True


def mark_sheet_printed(data_dir: Path, when: datetime | None = None) -> OfficeKey:
    key = load_key(data_dir)
    if key is None:
        raise FileNotFoundError(KEY_FILE)
    moment = (when or datetime.now()).replace(microsecond=0).isoformat()
    key = OfficeKey(key.public, key.private, key.created_at, moment)
    _save(data_dir, key)
    return key


def recovery_code(private: bytes) -> str:
    """The private key as groups of five letters and digits, with a check at the end."""
    raw = private + hashlib.sha256(private).digest()[:_CHECK]
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 5] for i in range(0, len(text), 5))


def private_from_code(code: str) -> bytes:
    """The private key typed back from the recovery sheet (spaces, dashes, case ignored)."""
    text = "".join(ch for ch in code.upper() if ch.isalnum())
    text = text.replace("0", "O").replace("1", "I").replace("8", "B")
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except ValueError:
        raise BadRecoveryCode() from None
    private, check = raw[:-_CHECK], raw[-_CHECK:]
    if len(private) != 32 or hashlib.sha256(private).digest()[:_CHECK] != check:
        raise BadRecoveryCode()
    return private


def install_from_code(data_dir: Path, code: str) -> OfficeKey:
    """On a new computer: keep the office key typed from the sheet beside the data."""
    private = private_from_code(code)
    public = public_bytes(X25519PrivateKey.from_private_bytes(private).public_key())
    existing = load_key(data_dir)
    if existing is not None and existing.public == public:
        return existing
    key = OfficeKey(public, private, datetime.now().replace(microsecond=0).isoformat(), "typed")
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    _save(data_dir, key)
    return key

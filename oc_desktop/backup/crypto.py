"""Sealed streams: AES-GCM chunk by chunk, keyed by a password (scrypt) or for the office's
public key (X25519), so anyone allowed to back up can seal and only the restore key opens.

Layout: ``OCBAKENC`` + version byte + 4-byte header length + JSON header (in the clear:
how the key is made, chunk size, nonce prefix, the data folder's id and, for a restore
point, the names of the scans it needs), then a sealed key check, a sealed summary (date,
counts; so a backup can be inspected without decrypting it all), then chunks of
``chunk`` bytes of plaintext, each sealed with its own nonce (prefix, counter, last-chunk
flag). Version 1 binds the header itself to every chunk; version 2 binds its SHA-256
(the header may list thousands of scans). A reordered, cut or altered file fails to open;
only one chunk is ever in memory. No password or private key is ever written.
"""

import base64
import hashlib
import json
import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

MAGIC = b"OCBAKENC"
VERSION = 2
CHUNK = 1 << 20
TAG = 16
SCRYPT_N, SCRYPT_R, SCRYPT_P = 1 << 16, 8, 1
MAX_HEADER = 64 << 20
_CHECK_COUNTER = 0xFFFFFFFF
_SUMMARY_COUNTER = 0xFFFFFFFE
_CHECK_TEXT = b"OC Desktop backup password check"
_HKDF_INFO = b"OC Desktop office seal v2"


class WrongKey(Exception):
    pass


class Damaged(Exception):
    pass


class NewerContainer(Exception):
    """Sealed by a newer OC Desktop, in a layout this one does not know."""


class KeyRequired(Exception):
    """Sealed for the office: the office's restore key is needed to open it."""


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def _hkdf(shared: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_HKDF_INFO).derive(shared)


def public_bytes(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(public: bytes) -> str:
    """A short name of an office key (in the clear: tells which restore key opens a file)."""
    return hashlib.sha256(public).hexdigest()[:16]


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", counter, 1 if last else 0)


def password_seal(password: str) -> tuple[bytes, dict]:
    salt = os.urandom(16)
    header = {
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": base64.b64encode(salt).decode(),
    }
    return _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P), header


def office_seal(public: bytes) -> tuple[bytes, dict]:
    """A fresh key for one file, which only the office's private key can re-derive."""
    ephemeral = X25519PrivateKey.generate()
    epk = public_bytes(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    header = {"kdf": "x25519", "epk": base64.b64encode(epk).decode(), "key_id": key_id(public)}
    return _hkdf(shared, epk + public), header


class EncryptingWriter:
    """A write-only file object: what is written to it lands sealed in ``raw``."""

    def __init__(self, raw, key: bytes, header: dict, summary: bytes = b"{}") -> None:
        self.raw = raw
        prefix = os.urandom(7)
        self._aead = AESGCM(key)
        self._prefix = prefix
        header = {**header, "nonce_prefix": base64.b64encode(prefix).decode(), "chunk": CHUNK}
        head = json.dumps(header, sort_keys=True).encode()
        start = MAGIC + bytes([VERSION]) + struct.pack(">I", len(head))
        self._aad = start + hashlib.sha256(head).digest()
        check = self._aead.encrypt(_nonce(prefix, _CHECK_COUNTER, True), _CHECK_TEXT, self._aad)
        raw.write(start + head)
        raw.write(struct.pack(">I", len(check)) + check)
        sealed = self._aead.encrypt(_nonce(prefix, _SUMMARY_COUNTER, True), summary, self._aad)
        raw.write(struct.pack(">I", len(sealed)) + sealed)
        self._buffer = bytearray()
        self._counter = 0
        self._written = 0

    def write(self, data) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        self._written += len(data)
        return len(data)

    def tell(self) -> int:
        return self._written

    def flush(self) -> None:
        self.raw.flush()

    def _seal(self, plain: bytes, last: bool) -> None:
        nonce = _nonce(self._prefix, self._counter, last)
        self.raw.write(self._aead.encrypt(nonce, plain, self._aad))
        self._counter += 1

    def close(self) -> None:
        """Seal the last chunk (perhaps empty), so a cut-short file is noticed."""
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()
        self.raw.flush()


def _read_exact(raw, size: int) -> bytes:
    data = raw.read(size)
    if len(data) != size:
        raise Damaged("short read")
    return data


@dataclass(frozen=True)
class Header:
    version: int
    fields: dict
    aad: bytes

    @property
    def office(self) -> bool:
        return self.fields.get("kdf") == "x25519"


def read_header(raw) -> Header:
    """The clear header (no key needed): how it is sealed, whose folder, which scans."""
    magic = _read_exact(raw, len(MAGIC) + 1 + 4)
    if not magic.startswith(MAGIC):
        raise Damaged("magic")
    version = magic[len(MAGIC)]
    if version > VERSION:
        raise NewerContainer(str(version))
    if version < 1:
        raise Damaged("version")
    (length,) = struct.unpack(">I", magic[-4:])
    if length > (4096 if version == 1 else MAX_HEADER):
        raise Damaged("header too long")
    head = _read_exact(raw, length)
    try:
        fields = json.loads(head)
    except ValueError as error:
        raise Damaged("header") from error
    if not isinstance(fields, dict):
        raise Damaged("header")
    aad = magic + head if version == 1 else magic + hashlib.sha256(head).digest()
    return Header(version, fields, aad)


def _derive(header: Header, password: str | None, private: bytes | None) -> bytes:
    fields = header.fields
    try:
        if fields.get("kdf") == "scrypt":
            salt = base64.b64decode(fields["salt"])
            n, r, p = int(fields["n"]), int(fields["r"]), int(fields["p"])
            if not (2 <= n <= 1 << 20 and r <= 32 and p <= 16):
                raise Damaged("kdf")
            if not password:
                raise WrongKey("password needed")
            return _scrypt(password, salt, n, r, p)
        if fields.get("kdf") == "x25519" and header.version >= 2:
            epk = base64.b64decode(fields["epk"])
            if private is None:
                raise KeyRequired(fields.get("key_id", ""))
            own = X25519PrivateKey.from_private_bytes(private)
            public = public_bytes(own.public_key())
            if key_id(public) != fields.get("key_id"):
                raise WrongKey("another office key")
            shared = own.exchange(X25519PublicKey.from_public_bytes(epk))
            return _hkdf(shared, epk + public)
    except (ValueError, KeyError, TypeError) as error:
        raise Damaged("header") from error
    raise Damaged("kdf")


def open_sealed(raw, *, password: str | None = None, private: bytes | None = None):
    """Check the key and read the summary: (header, summary, generator of plaintext chunks)."""
    header = read_header(raw)
    try:
        prefix = base64.b64decode(header.fields["nonce_prefix"])
        chunk = int(header.fields["chunk"])
    except (ValueError, KeyError, TypeError) as error:
        raise Damaged("header") from error
    if len(prefix) != 7 or not (0 < chunk <= 1 << 26):
        raise Damaged("header")
    aead = AESGCM(_derive(header, password, private))
    try:
        aead.decrypt(_nonce(prefix, _CHECK_COUNTER, True), _sized(raw, 256), header.aad)
    except InvalidTag as error:
        raise WrongKey from error
    try:
        summary = aead.decrypt(
            _nonce(prefix, _SUMMARY_COUNTER, True), _sized(raw, 1 << 20), header.aad
        )
    except InvalidTag as error:
        raise Damaged("summary") from error
    return header, summary, _chunks(raw, aead, prefix, header.aad, chunk + TAG)


def open_encrypted(raw, password: str):
    """A password-sealed stream: (summary, generator of plaintext chunks)."""
    _header, summary, chunks = open_sealed(raw, password=password)
    return summary, chunks


def _sized(raw, limit: int) -> bytes:
    (length,) = struct.unpack(">I", _read_exact(raw, 4))
    if length > limit:
        raise Damaged("length")
    return _read_exact(raw, length)


def _chunks(raw, aead: AESGCM, prefix: bytes, aad: bytes, size: int):
    counter = 0
    block = raw.read(size)
    while True:
        following = raw.read(size) if len(block) == size else b""
        last = not following
        try:
            yield aead.decrypt(_nonce(prefix, counter, last), block, aad)
        except InvalidTag as error:
            raise Damaged(f"chunk {counter}") from error
        if last:
            return
        block, counter = following, counter + 1

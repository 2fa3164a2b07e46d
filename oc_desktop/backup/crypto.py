"""A password-protected stream: scrypt for the key, AES-GCM chunk by chunk.

Layout: ``OCBAKENC`` + version byte + 4-byte header length + JSON header (salt, scrypt
costs, chunk size, nonce prefix, a password check), then chunks of ``chunk`` bytes of
plaintext, each sealed with its own nonce (prefix, counter, last-chunk flag) and the
header as associated data. A sealed summary (date, counts) follows the header, so a
backup can be inspected without decrypting it all. A reordered, cut or altered file
fails to open; only one chunk is ever in memory. The password itself is never written anywhere.
"""

import base64
import json
import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"OCBAKENC"
VERSION = 1
CHUNK = 1 << 20
TAG = 16
SCRYPT_N, SCRYPT_R, SCRYPT_P = 1 << 16, 8, 1
_CHECK_COUNTER = 0xFFFFFFFF
_SUMMARY_COUNTER = 0xFFFFFFFE
_CHECK_TEXT = b"OC Desktop backup password check"


class WrongKey(Exception):
    pass


class Damaged(Exception):
    pass


def _key(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", counter, 1 if last else 0)


class EncryptingWriter:
    """A write-only file object: what is written to it lands encrypted in ``raw``."""

    def __init__(self, raw, password: str, summary: bytes) -> None:
        self.raw = raw
        salt, prefix = os.urandom(16), os.urandom(7)
        key = _key(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        self._aead = AESGCM(key)
        self._prefix = prefix
        header = {
            "kdf": "scrypt",
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "salt": base64.b64encode(salt).decode(),
            "nonce_prefix": base64.b64encode(prefix).decode(),
            "chunk": CHUNK,
        }
        head = json.dumps(header, sort_keys=True).encode()
        self._aad = MAGIC + bytes([VERSION]) + struct.pack(">I", len(head)) + head
        check = self._aead.encrypt(_nonce(prefix, _CHECK_COUNTER, True), _CHECK_TEXT, self._aad)
        raw.write(self._aad)
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


def open_encrypted(raw, password: str):
    """Read the header and check the password: (summary, generator of plaintext chunks)."""
    magic = _read_exact(raw, len(MAGIC) + 1 + 4)
    if not magic.startswith(MAGIC) or magic[len(MAGIC)] != VERSION:
        raise Damaged("unknown version")
    (length,) = struct.unpack(">I", magic[-4:])
    if length > 4096:
        raise Damaged("header too long")
    head = _read_exact(raw, length)
    try:
        header = json.loads(head)
        salt = base64.b64decode(header["salt"])
        prefix = base64.b64decode(header["nonce_prefix"])
        n, r, p, chunk = int(header["n"]), int(header["r"]), int(header["p"]), int(header["chunk"])
    except (ValueError, KeyError, TypeError) as error:
        raise Damaged("header") from error
    if header.get("kdf") != "scrypt" or not (2 <= n <= 1 << 20 and r <= 32 and p <= 16):
        raise Damaged("kdf")
    if len(prefix) != 7 or not (0 < chunk <= 1 << 26):
        raise Damaged("header")
    aad = magic + head
    aead = AESGCM(_key(password, salt, n, r, p))
    try:
        aead.decrypt(_nonce(prefix, _CHECK_COUNTER, True), _sized(raw, 256), aad)
    except InvalidTag as error:
        raise WrongKey from error
    try:
        summary = aead.decrypt(_nonce(prefix, _SUMMARY_COUNTER, True), _sized(raw, 1 << 20), aad)
    except InvalidTag as error:
        raise Damaged("summary") from error
    return summary, _chunks(raw, aead, prefix, aad, chunk + TAG)


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

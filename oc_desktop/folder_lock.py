"""One data folder, one program: a lock held from the moment a program opens the folder
(the sign-in included) until it exits, released by the system when the program dies.

The lock is an OS lock on ``.oc-desktop.lock`` in the data folder (``flock`` on POSIX, a
byte lock on Windows), so a crash never leaves a stale lock behind. ``demo --force`` and
``restore`` take it too; a scheduled ``backup`` does not need it (it reads a snapshot).
"""

import os
from pathlib import Path

from oc_desktop.i18n import _

LOCK_NAME = ".oc-desktop.lock"


class FolderInUse(Exception):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            _(
                "The data in {path} is already open in another OC Desktop window or program "
                "(on this computer or over the network). Use that window, or close it first."
            ).format(path=data_dir)
        )


class FolderLock:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._fd: int | None = None

    def acquire(self) -> "FolderLock":
        """Take the lock or raise FolderInUse at once (never waits)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.data_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            lock_fd(fd)
        except OSError:
            os.close(fd)
            raise FolderInUse(self.data_dir) from None
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file releases the lock
            self._fd = None

    def __enter__(self) -> "FolderLock":
        return self.acquire() if self._fd is None else self

    def __exit__(self, *_exc) -> None:
        self.release()


#: Windows locks are mandatory: lock one byte far past the end, where no one reads or writes
_NT_LOCK_OFFSET = 0x7FFF_FFF0


def lock_fd(fd: int) -> None:
    """Lock an open file without waiting (OSError if another holds it)."""
    if os.name == "nt":
        import msvcrt

        position = os.lseek(fd, 0, os.SEEK_CUR)
        os.lseek(fd, _NT_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        finally:
            os.lseek(fd, position, os.SEEK_SET)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def try_lock_file(path: Path) -> int | None:
    """Lock an existing file without waiting: its fd (close it to release), or None if
    someone holds it (used to tell a killed backup's leftovers from a running one's)."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return None
    try:
        lock_fd(fd)
    except OSError:
        os.close(fd)
        return None
    return fd


def hold_file(path: Path) -> int:
    """Create and lock a marker file for as long as the returned fd stays open."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    lock_fd(fd)
    return fd

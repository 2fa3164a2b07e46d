"""Which mounted drives are removable (USB sticks first in the backup dialog)."""

import os
import sys

LINUX_REMOVABLE_ROOTS = ("/media/", "/run/media/")
DRIVE_REMOVABLE = 2  # GetDriveTypeW


def is_removable(root: str) -> bool:
    """A USB stick or card: a removable drive letter on Windows, /media on Linux."""
    if sys.platform == "win32":
        import ctypes

        return ctypes.windll.kernel32.GetDriveTypeW(str(root)) == DRIVE_REMOVABLE
    if sys.platform == "darwin":
        return str(root).startswith("/Volumes/")
    root = os.path.join(str(root), "")
    return root.startswith(LINUX_REMOVABLE_ROOTS)

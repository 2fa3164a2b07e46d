"""Real small file systems for failure tests: a tmpfs that can be filled or made read-only."""

import contextlib
import os
import subprocess
from pathlib import Path

import pytest


@contextlib.contextmanager
def tmpfs(path: Path, size: str = "4m"):
    """A small real file system, as a USB stick or a nearly full disk is; skipped only
    where mounting is impossible (not root, or no tmpfs)."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine cannot mount a tmpfs: {mounted.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def fill(folder: Path) -> Path:
    """Fill the file system of ``folder`` to the last byte."""
    filler = Path(folder) / "filler.bin"
    with open(filler, "wb", buffering=0) as handle:
        for size in (65536, 1):
            with contextlib.suppress(OSError):
                while True:
                    handle.write(b"\0" * size)
    return filler


def read_only(mount: Path, on: bool = True) -> None:
    mode = "remount,ro" if on else "remount,rw"
    subprocess.run(["mount", "-o", mode, str(mount)], check=True)

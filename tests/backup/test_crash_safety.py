"""The live database survives the program being killed at any moment while it saves."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from helpers import ROOT

from oc_desktop.models.migrate import open_database
from oc_desktop.paths import database_path

WRITER = ROOT / "tests" / "helpers" / "crash_writer.py"
ROUNDS, MIN_ROUNDS, BUDGET_SECONDS = 40, 12, 20


def _kill_while_writing(data_dir: Path, seed: int, lines_before_kill: int) -> set[int]:
    """Start the writer, let it report some saves, SIGKILL it; the ids it reported."""
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir), str(seed)],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert writer.stdout.readline() == b"ready\n"
        saved = set()
        while len(saved) < lines_before_kill:
            line = writer.stdout.readline()
            assert line, "the writer stopped by itself"
            saved.add(int(line))
        os.kill(writer.pid, signal.SIGKILL)
        # what it printed before dying was saved too, even if not read yet
        saved.update(int(line) for line in writer.stdout.read().split())
    finally:
        writer.kill()
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    return saved


def test_every_saved_entry_survives_sigkill_at_random_moments(data_dir):
    open_database(data_dir).close()
    rng = random.Random(20240611)
    saved: set[int] = set()
    started, rounds = time.monotonic(), 0
    while rounds < ROUNDS and (rounds < MIN_ROUNDS or time.monotonic() - started < BUDGET_SECONDS):
        saved |= _kill_while_writing(data_dir, rounds, rng.choice((0, 1, 3, 10, 30, 80)))
        rounds += 1
        with closing(sqlite3.connect(database_path(data_dir))) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {row[0] for row in connection.execute("SELECT id FROM section")}
        missing = saved - stored
        assert not missing, f"round {rounds}: saved entries lost: {sorted(missing)[:10]}"
        db = open_database(data_dir)  # and the program itself opens it again
        db.close()
    assert rounds >= MIN_ROUNDS and len(saved) > 100

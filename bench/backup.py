"""Backup speed: a checked backup of an N MB database against a plain copy of the file.

    .venv/bin/python bench/backup.py [--size-mb 100] [--runs 3]

The database is built once under bench/data/ and reused. Both are timed on the same disk
in the same run; the copy is fsynced, as the backup is. The last line is one JSON object
with the medians and their ratio.
"""

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import time
from contextlib import closing
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from oc_desktop.backup import make_backup  # noqa: E402
from oc_desktop.models.migrate import open_database  # noqa: E402
from oc_desktop.paths import database_path  # noqa: E402
from oc_desktop.profile import ensure_defaults  # noqa: E402

ROW_TEXT = "ທະບຽນເອກະສານຂາເຂົ້າ ເລກທີ 49/ຄປພຂ ວັນທີ 11.12.2023 " * 30


def build(data_dir: Path, size_mb: int) -> None:
    """About ``size_mb`` MB of register-like rows, written once and reused."""
    path = database_path(data_dir)
    if path.exists() and path.stat().st_size >= size_mb * (1 << 20) * 0.95:
        return
    shutil.rmtree(data_dir, ignore_errors=True)
    db = open_database(data_dir)
    ensure_defaults(db)
    db.close()
    target = size_mb * (1 << 20)
    with closing(sqlite3.connect(path)) as connection:
        serial = 0
        while path.stat().st_size < target:
            rows = [(serial + i, f"{serial + i} {ROW_TEXT}", 1) for i in range(500)]
            with connection:
                connection.executemany(
                    "INSERT INTO section (position, name, active) VALUES (?, ?, ?)", rows
                )
            serial += len(rows)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def time_backup(data_dir: Path, out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    started = time.perf_counter()
    make_backup(data_dir, out)
    return time.perf_counter() - started


def time_copy(source: Path, out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    target = out / source.name
    started = time.perf_counter()
    shutil.copyfile(source, target)
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data_dir = HERE / "data" / f"backup-{args.size_mb}"
    build(data_dir, args.size_mb)
    source = database_path(data_dir)
    backups, copies = [], []
    for run in range(args.runs):
        backups.append(time_backup(data_dir, HERE / "data" / "backup-out"))
        copies.append(time_copy(source, HERE / "data" / "copy-out"))
        print(f"run {run + 1}: backup {backups[-1]:.2f} s, copy {copies[-1]:.2f} s", flush=True)
    shutil.rmtree(HERE / "data" / "backup-out", ignore_errors=True)
    shutil.rmtree(HERE / "data" / "copy-out", ignore_errors=True)
    backup_s, copy_s = statistics.median(backups), statistics.median(copies)
    print(
        json.dumps(
            {
                "db_mb": round(source.stat().st_size / (1 << 20)),
                "backup_seconds": round(backup_s, 3),
                "copy_seconds": round(copy_s, 3),
                "ratio": round(backup_s / copy_s, 2),
            }
        )
    )


if __name__ == "__main__":
    main()

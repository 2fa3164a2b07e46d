"""Backups of a realistic office: a first backup, then a daily one, against a plain copy.

    .venv/bin/python bench/backup.py [--size-mb 1000] [--scans-mb 5000]

A data folder under bench/data/ holds a database of about ``--size-mb`` MB (register-like
rows of Lao words, as compressible as real registers) and ``--scans-mb`` MB of scans
(random bytes: scans are already compressed), each recorded in the scan table as the app
records them. In one run: ``copy_s``, a plain fsynced copy of the database file (the
baseline); a first backup to an empty folder (``first_s``, ``first_bytes``); then 1% new
entries and 20 MB of new scans, and the daily backup (``daily_s``, ``daily_bytes``: what
it wrote). ``db_compressed_bytes`` is the daily restore point's size (the compressed
database and the manifest), ``daily_ratio_bytes`` = daily_bytes / (db_compressed_bytes +
new scans), ``restore_points_16gb`` how many daily points a 16 GB stick holds after the
first. Goals (issue #16): ratio <= 1.1, >= 60 points, daily_s <= 3 x copy_s.
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from oc_desktop.backup import make_backup  # noqa: E402
from oc_desktop.models.migrate import open_database  # noqa: E402
from oc_desktop.paths import database_path, scans_dir  # noqa: E402
from oc_desktop.profile import ensure_defaults  # noqa: E402

MB = 1 << 20
VOCABULARY = (
    "ທະບຽນ ເອກະສານ ຂາເຂົ້າ ຂາອອກ ເລກທີ ວັນທີ ຄະນະພັກ ແຂວງ ຫ້ອງການ ບົດລາຍງານ ກອງປະຊຸມ "
    "ແຈ້ງການ ຂໍ້ຕົກລົງ ຄຳສັ່ງ ສະມາຊິກ ພະນັກງານ ການເງິນ ງົບປະມານ ກວດກາ ຈັດຕັ້ງ ບໍລິຫານ "
    "ເມືອງ ບ້ານ ກະຊວງ ສູນກາງ ຮອງ ເລຂາ ຫົວໜ້າ ພະແນກ ຂະແໜງ ສົ່ງ ຮັບ ຕອບ ດ່ວນ ລັບ"
)
WORDS = VOCABULARY.split()
SCAN_MB = 2  # a typical scanned letter of a few pages


def _rows(rng: random.Random, start: int, count: int):
    for i in range(start, start + count):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60)))
        yield (i, f"{i}/ຄປພຂ {rng.randint(1, 28)}.{rng.randint(1, 12)}.2024 {words}", 1)


def add_rows(path: Path, target_bytes: int | None, count: int | None, seed: int) -> int:
    rng, added = random.Random(seed), 0
    with closing(sqlite3.connect(path)) as connection:
        start = connection.execute("SELECT coalesce(max(position), 0) + 1 FROM section").fetchone()
        start = start[0]
        while (target_bytes and path.stat().st_size < target_bytes) or (count and added < count):
            batch = 2000 if count is None else min(2000, count - added)
            with connection:
                connection.executemany(
                    "INSERT INTO section (position, name, active) VALUES (?, ?, ?)",
                    _rows(rng, start + added, batch),
                )
            added += batch
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return added


def add_scans(data_dir: Path, total_mb: int, tag: str) -> int:
    """Random scans, each recorded in the scan table (on one demo incoming letter)."""
    path = database_path(data_dir)
    folder = scans_dir(data_dir) / tag
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    with closing(sqlite3.connect(path)) as connection:
        doc = connection.execute("SELECT id FROM incoming_document LIMIT 1").fetchone()[0]
        for i in range(max(1, total_mb // SCAN_MB)):
            data = os.urandom(SCAN_MB * MB)
            name = f"{tag}/{i:06d}.pdf"
            (folder / f"{i:06d}.pdf").write_bytes(data)
            with connection:
                connection.execute(
                    "INSERT INTO scan (original_name, stored_name, sha256, size, incoming_id,"
                    " created_at) VALUES (?, ?, ?, ?, ?, datetime('now'))",
                    (name, name, hashlib.sha256(data).hexdigest(), len(data), doc),
                )
            written += len(data)
    return written


def build(data_dir: Path, size_mb: int, scans_mb: int) -> None:
    marker = data_dir / "built"
    if marker.exists() and marker.read_text() == f"{size_mb} {scans_mb}":
        return
    shutil.rmtree(data_dir, ignore_errors=True)
    from oc_desktop.demo import build_demo

    db = open_database(data_dir)
    ensure_defaults(db)
    build_demo(db, documents=50, seed=1)
    db.close()
    add_rows(database_path(data_dir), size_mb * MB, None, seed=1)
    add_scans(data_dir, scans_mb, "base")
    marker.write_text(f"{size_mb} {scans_mb}")


def _link_scans(source: str, target: str) -> None:
    if f"{os.sep}scans{os.sep}" in source:
        os.link(source, target)
    else:
        shutil.copy2(source, target)


def time_copy(source: Path, out: Path) -> float:
    out.mkdir(parents=True, exist_ok=True)
    target = out / source.name
    started = time.perf_counter()
    shutil.copyfile(source, target)
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())
    elapsed = time.perf_counter() - started
    target.unlink()
    return elapsed


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=1000)
    parser.add_argument("--scans-mb", type=int, default=5000)
    parser.add_argument("--daily-scans-mb", type=int, default=20)
    args = parser.parse_args()
    base = HERE / "data" / f"office-{args.size_mb}-{args.scans_mb}"
    build(base, args.size_mb, args.scans_mb)
    work = HERE / "data" / "backup-run"
    shutil.rmtree(work, ignore_errors=True)
    data_dir, usb = work / "data", work / "usb"
    # the daily changes never touch the built folder; scans are never changed: linked
    shutil.copytree(base, data_dir, copy_function=_link_scans)
    usb.mkdir()
    source = database_path(data_dir)
    db_mb = source.stat().st_size / MB

    copy_s = time_copy(source, work / "copy")
    started = time.perf_counter()
    first = make_backup(data_dir, usb)
    first_s = time.perf_counter() - started
    first_bytes = folder_bytes(usb)

    entries = first.manifest.summary.counts["section"]
    add_rows(source, None, max(1, entries // 100), seed=2)
    new_scans = add_scans(data_dir, args.daily_scans_mb, "daily")
    started = time.perf_counter()
    daily = make_backup(data_dir, usb)
    daily_s = time.perf_counter() - started
    daily_bytes = daily.written
    point = daily.path.stat().st_size
    ratio = daily_bytes / (point + new_scans)
    stick = 16 * 10**9
    points = 1 + max(0, (stick - first_bytes) // daily_bytes)
    print(
        f"database {db_mb:.0f} MB, scans {args.scans_mb} MB: copy {copy_s:.2f} s, "
        f"first backup {first_s:.2f} s ({first_bytes / MB:.0f} MB), daily {daily_s:.2f} s "
        f"({daily_bytes / MB:.1f} MB, point {point / MB:.1f} MB, {daily.new_scans} new scans)",
        file=sys.stderr,
    )
    shutil.rmtree(work, ignore_errors=True)
    print(
        json.dumps(
            {
                "db_mb": round(db_mb, 1),
                "scans_mb": args.scans_mb,
                "first_s": round(first_s, 3),
                "first_bytes": first_bytes,
                "daily_s": round(daily_s, 3),
                "daily_bytes": daily_bytes,
                "copy_s": round(copy_s, 3),
                "db_compressed_bytes": point,
                "daily_ratio_bytes": round(ratio, 3),
                "restore_points_16gb": int(points),
                "daily_over_copy": round(daily_s / copy_s, 2),
            }
        )
    )


if __name__ == "__main__":
    main()

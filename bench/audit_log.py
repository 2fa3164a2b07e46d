"""The Audit tab's queries on a big trail: count and one page, for each filter it offers,
and the full chain check, as they run today and on a copy without migration 0004's indexes.

    .venv/bin/python bench/audit_log.py [--rows 500000] [--runs 5]

The trail is built once under bench/data/ with a valid hash chain (rows spread over
ten years, seven people, six areas). The baseline in the same run is the same queries
on a copy of the file with the indexes on (username, id) and (at) dropped, as the
schema was before 0004. The last line is one JSON object with the medians in
milliseconds.
"""

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import time
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from oc_desktop.audit.chain import GENESIS, _digest, verify_chain  # noqa: E402
from oc_desktop.audit.log import AuditQuery, count_entries, fetch_entries  # noqa: E402
from oc_desktop.models.migrate import open_database  # noqa: E402
from oc_desktop.paths import database_path  # noqa: E402
from oc_desktop.profile import ensure_defaults  # noqa: E402
from oc_desktop.registers.paging import COUNT_CAP  # noqa: E402
from oc_desktop.security import ROLES, Actor  # noqa: E402
from oc_desktop.ui.common.register_tab import PAGE  # noqa: E402

PEOPLE = ("admin", "clerk", "clerk2", "head", "staff", "accountant", "reader")
AREAS = ("documents", "documents", "documents", "seal", "staff", "budget", "settings", "users")
START = datetime(2016, 1, 1, 8, 0)
READER = Actor(None, "bench", "bench", frozenset(ROLES))
INDEXES_0004 = ("ix_audit_entry_username_id", "ix_audit_entry_at")


def build(data_dir: Path, rows: int) -> None:
    path = database_path(data_dir)
    if path.exists():
        with closing(sqlite3.connect(path)) as connection:
            if connection.execute("SELECT count(*) FROM audit_entry").fetchone()[0] == rows:
                return
    shutil.rmtree(data_dir, ignore_errors=True)
    db = open_database(data_dir)
    ensure_defaults(db)
    db.close()
    step = timedelta(days=3650) / rows
    previous, batch = GENESIS, []
    with closing(sqlite3.connect(path)) as connection:
        for number in range(1, rows + 1):
            person = PEOPLE[number % len(PEOPLE)]
            entry = SimpleNamespace(
                id=number,
                at=(START + step * number).replace(microsecond=0),
                user_id=None,
                username=person,
                action="update",
                entity="incoming",
                entity_id=str(number // 3),
                area=AREAS[number % len(AREAS)],
                old={"subject": f"ເລື່ອງ {number}"},
                new={"subject": f"ເລື່ອງ {number} (ແກ້ໄຂ)"},
                prev_hash=previous,
            )
            entry.hash = previous = _digest(entry)
            batch.append(
                (
                    entry.id,
                    entry.at.strftime("%Y-%m-%d %H:%M:%S.%f"),  # as SQLAlchemy stores it
                    person,
                    entry.action,
                    entry.entity,
                    entry.entity_id,
                    entry.area,
                    json.dumps(entry.old, ensure_ascii=False),
                    json.dumps(entry.new, ensure_ascii=False),
                    entry.prev_hash,
                    entry.hash,
                )
            )
            if len(batch) == 20_000 or number == rows:
                with connection:
                    connection.executemany(
                        "INSERT INTO audit_entry (id, at, username, action, entity, entity_id,"
                        " section, old, new, prev_hash, hash)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        batch,
                    )
                batch = []


QUERIES = {
    "everything": AuditQuery(),
    "one_person": AuditQuery(username="clerk2"),
    "one_area": AuditQuery(area="staff"),
    "one_month": AuditQuery(start=date(2019, 5, 1), end=date(2019, 5, 31)),
    "person_and_month": AuditQuery(username="head", start=date(2019, 5, 1), end=date(2019, 5, 31)),
}


def time_queries(data_dir: Path, runs: int) -> dict[str, float]:
    db = open_database(data_dir)
    results = {}
    try:
        for name, query in QUERIES.items():
            timings = []
            for _ in range(runs):
                started = time.perf_counter()
                count_entries(db, actor=READER, query=query, cap=COUNT_CAP)
                first = fetch_entries(db, actor=READER, query=query, after=None, limit=PAGE)
                if first:  # a page deep in the result, as scrolling far down would
                    middle = (first[-1].id // 2,)
                    fetch_entries(db, actor=READER, query=query, after=middle, limit=PAGE)
                timings.append(time.perf_counter() - started)
            results[name] = round(statistics.median(timings) * 1000, 1)
    finally:
        db.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data_dir = HERE / "data" / f"audit-{args.rows}"
    build(data_dir, args.rows)
    open_database(data_dir).close()  # a trail built by an older version is upgraded first
    bare = HERE / "data" / f"audit-{args.rows}-without-0004"
    shutil.rmtree(bare, ignore_errors=True)
    bare.mkdir(parents=True)
    with (
        closing(sqlite3.connect(database_path(data_dir))) as source,
        closing(sqlite3.connect(database_path(bare))) as target,
    ):
        source.backup(target)
        for index in INDEXES_0004:
            target.execute(f"DROP INDEX {index}")
        target.commit()
    as_is = time_queries(data_dir, args.runs)
    without = time_queries(bare, args.runs)
    db = open_database(data_dir)
    started = time.perf_counter()
    broken = verify_chain(db)
    verify_s = time.perf_counter() - started
    db.close()
    assert broken is None, broken
    for name in QUERIES:
        print(f"{name:>18}: {as_is[name]:8.1f} ms as is, {without[name]:8.1f} ms without 0004")
    print(
        json.dumps(
            {
                "rows": args.rows,
                "count_and_two_pages_ms": as_is,
                "without_0004_indexes_ms": without,
                "verify_chain_s": round(verify_s, 2),
            }
        )
    )


if __name__ == "__main__":
    main()

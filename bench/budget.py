"""The Budget tab's reads that run on the GUI thread (the plan's tree, plan against
actual) and the journal's first page and count (on a worker), on a year of many vouchers.

    .venv/bin/python bench/budget.py [--vouchers 100000] [--runs 5]

The year is written straight into a fresh data file (bench/data/budget/) once. The
baseline in the same run is SQLite's own full scan of the journal (``SELECT sum(amount)``),
the least any total over the year can cost. The last line is one JSON object with the
medians in milliseconds.
"""

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import time
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from oc_desktop.budget.journal_query import JournalQuery, count_journal, fetch_journal  # noqa: E402
from oc_desktop.budget.lines import chart, start_year  # noqa: E402
from oc_desktop.budget.reports import plan_against_actual  # noqa: E402
from oc_desktop.models.migrate import open_database  # noqa: E402
from oc_desktop.paths import database_path  # noqa: E402
from oc_desktop.profile import ensure_defaults  # noqa: E402
from oc_desktop.security import SYSTEM  # noqa: E402

YEAR = 2025


def build(folder: Path, vouchers: int) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    db = open_database(folder)
    ensure_defaults(db)
    start_year(db, actor=SYSTEM, year=YEAR)
    items = [r for r in chart(db, actor=SYSTEM, year=YEAR) if r.parent_id is not None]
    db.close()
    rng = random.Random(7)
    rows = []
    seqs = {"revenue": 0, "expenditure": 0}
    for n in range(vouchers):
        item = rng.choice(items)
        seqs[item.kind] += 1
        day = date(YEAR, 1, 1) + timedelta(days=rng.randrange(365))
        rows.append(
            (
                YEAR,
                item.kind,
                seqs[item.kind],
                f"{seqs[item.kind]}/{YEAR}",
                day.isoformat(),
                item.id,
                f"ລາຍການ {n}",
                rng.randint(1_000, 9_999_999),
                "",
                "",
                "2025-01-01 00:00:00",
                "2025-01-01 00:00:00",
            )
        )
    with closing(sqlite3.connect(database_path(folder))) as connection:
        connection.executemany(
            "INSERT INTO budget_journal (period, series, seq, number, entry_date, line_id,"
            " description, amount, party, approved_by, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        connection.commit()


def median_ms(work, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vouchers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = HERE / "data" / "budget"
    build(folder, args.vouchers)
    db = open_database(folder)
    query = JournalQuery(year=YEAR)
    path = database_path(folder)

    def scan() -> None:
        with closing(sqlite3.connect(path)) as connection:
            connection.execute("SELECT sum(amount) FROM budget_journal").fetchone()

    figures = {
        "vouchers": args.vouchers,
        "baseline_full_scan_ms": median_ms(scan, args.runs),
        "plan_tree_ms": median_ms(lambda: chart(db, actor=SYSTEM, year=YEAR), args.runs),
        "plan_against_actual_ms": median_ms(
            lambda: plan_against_actual(db, actor=SYSTEM, year=YEAR, last_month=6), args.runs
        ),
        "journal_first_page_ms": median_ms(
            lambda: fetch_journal(db, actor=SYSTEM, query=query, limit=200), args.runs
        ),
        "journal_search_page_ms": median_ms(
            lambda: fetch_journal(
                db, actor=SYSTEM, query=JournalQuery(year=YEAR, text="ລາຍການ 4242"), limit=200
            ),
            args.runs,
        ),
        "journal_count_ms": median_ms(
            lambda: count_journal(db, actor=SYSTEM, query=query), args.runs
        ),
    }
    db.close()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

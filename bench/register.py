"""The document register at scale: first page, search as the clerk types, a sort.

    .venv/bin/python bench/register.py --documents 1000000

Builds (or reuses, under bench/data/) a data file with N incoming documents, opens
the real Documents tab offscreen and times its first page; then the program's search
(the first page, which the tab shows at once on each pause in typing, and the count
it fills in after) over a fixed set of Lao
and Latin fragments of 1 to 12 characters, against one hand-written SQLite LIKE query
per fragment in the same run (the baseline); then a sort by subject (Lao order).
Then searches of several words (look-alike spellings, spaces), page and count
together, against LIKE with every word in some column. Then the clerk's view of it:
each fragment typed into the real tab one key at a time
(a key every 80 ms), while a 10 ms timer on the GUI thread records the longest gap
between its ticks (``gui_stall_max_ms``); its baseline is what the GUI thread waited
when the page and the count were read on it (the slowest page plus count of the run).
The last line is one JSON object of medians/percentiles.
"""

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oc_desktop.demo import fill_profile
from oc_desktop.documents.demo import bulk_incoming
from oc_desktop.documents.query import RegisterQuery, count_rows, fetch_page
from oc_desktop.models.migrate import open_database
from oc_desktop.registers.paging import PAGE
from oc_desktop.security import CLERK, Actor

HERE = Path(__file__).resolve().parent
QUERIES = (
    "ກ",
    "12",
    "ການ",
    "ຄອສພ",
    "ສຳມະນາ",
    "vientiane",
    "1234",
    "ງົບປະມານ",
    "ເລື່ອນຊັ້ນ",
    "໒໐໒໕",
    "ພະແນກການເງິນ",
    "ການຝຶກອົບຮົມພະນັກ",
    "Times",
    "ຊາວໜຸ່ມ",
    "ປະຈຳໄຕມາດ 3",
)
# Several words, look-alike spellings and spaces: every word anywhere in the entry.
WORDS = (
    "ກ່ຽວກັບ ການ",
    "ສະເຫລີມ ວັນຊາດ",
    "ຫນຸ່ມ ແຂວງ",
    "ນໍາໃຊ້ ພາຫະນະ",
    "ວຽກງານ ກວດກາ 2020",
)
# A clerk with confidential clearance: the search then checks both index columns.
READER = Actor(None, "bench", "bench", frozenset({CLERK}), 1)


def build(folder: Path, documents: int):
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(folder)
    if not (folder / "built").exists():
        rng = random.Random(7)
        fill_profile(db, rng)
        started = time.perf_counter()
        bulk_incoming(db, rng, count=documents)
        print(f"built {documents} documents in {time.perf_counter() - started:.0f} s", flush=True)
        (folder / "built").write_text(str(documents))
    return db


def program_search(db, text: str) -> tuple[float, float]:
    """The first page of results (what the table shows), then the count that follows it."""
    query, today = RegisterQuery(text=text), date.today()
    started = time.perf_counter()
    rows = fetch_page(db, READER, query, after=None, limit=PAGE, today=today)
    page = (time.perf_counter() - started) * 1000
    if len(rows) == PAGE:
        count_rows(db, READER, query, today=today)
    return page, (time.perf_counter() - started) * 1000 - page


def baseline_search(db, text: str) -> float:
    """What one would write by hand: LIKE over the columns, newest first, one page (for
    several words, every word LIKE some column; no folding of spellings)."""
    any_column = (
        "(d.subject LIKE ? OR c.name LIKE ? OR d.doc_number LIKE ? OR d.notes LIKE ?"
        " OR CAST(d.seq AS TEXT) LIKE ?)"
    )
    words = text.split() if " " in text and text in WORDS else [text]
    started = time.perf_counter()
    with db.engine.connect() as connection:
        connection.exec_driver_sql(
            "SELECT d.id, d.seq, d.subject, c.name FROM incoming_document d"
            " JOIN correspondent c ON c.id = d.sender_id"
            f" WHERE {' AND '.join([any_column] * len(words))}"
            " ORDER BY d.period DESC, d.series DESC, d.seq DESC LIMIT ?",
            (*(f"%{w}%" for w in words for _column in range(5)), PAGE),
        ).fetchall()
    return (time.perf_counter() - started) * 1000


def spin(until, seconds: float = 60.0) -> None:
    """Run the GUI's event loop until ``until()`` holds."""
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + seconds
    while not until():
        if time.perf_counter() > deadline:
            raise TimeoutError("the tab did not answer")
        QApplication.processEvents()
        time.sleep(0.001)


def first_page_ms(db, data_dir: Path) -> float:
    from oc_desktop.ui.app import make_application
    from oc_desktop.ui.documents.tab import DocumentsTab

    make_application()
    started = time.perf_counter()
    tab = DocumentsTab(db, READER, data_dir)
    tab.show()
    spin(lambda: tab.model.rowCount() == PAGE)
    elapsed = (time.perf_counter() - started) * 1000
    spin(tab.settled)
    tab.close()
    return elapsed


def gui_stall_max_ms(db, data_dir: Path) -> float:
    """The longest the GUI thread went without serving a 10 ms timer while every fragment
    was typed into the real tab, key by key, and its answers came in."""
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from oc_desktop.ui.documents.tab import DocumentsTab

    tab = DocumentsTab(db, READER, data_dir)
    tab.show()
    spin(tab.settled)
    last, worst = [time.perf_counter()], [0.0]

    def tick() -> None:
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    timer = QTimer(interval=10)
    timer.timeout.connect(tick)
    timer.start()
    for text in QUERIES:
        tab.search.clear()
        for character in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(
                    kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character
                )
                QApplication.sendEvent(tab.search, event)
            pause = time.perf_counter() + 0.08
            while time.perf_counter() < pause:
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        spin(tab.settled)
    timer.stop()
    tab.close()
    return worst[0] * 1000


def percentile(values, share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = HERE / "data" / f"register-{args.documents}"
    db = build(folder, args.documents)
    first = statistics.median(first_page_ms(db, folder) for _ in range(args.runs))
    ours, counts, theirs = [], [], []
    for _ in range(args.runs):
        for text in QUERIES:
            page, count = program_search(db, text)
            ours.append(page)
            counts.append(count)
            theirs.append(baseline_search(db, text))
    several, several_theirs = [], []
    for _ in range(args.runs):
        for text in WORDS:
            page, count = program_search(db, text)
            several.append(page + count)
            several_theirs.append(baseline_search(db, text))
    sorts = []
    for _ in range(args.runs):
        started = time.perf_counter()
        fetch_page(
            db,
            READER,
            RegisterQuery(sort="subject", descending=False),
            after=None,
            limit=PAGE,
            today=date.today(),
        )
        sorts.append((time.perf_counter() - started) * 1000)
    stall = gui_stall_max_ms(db, folder)
    figures = {
        "documents": args.documents,
        "gui_stall_max_ms": round(stall, 1),
        "gui_stall_baseline_ms": round(max(p + c for p, c in zip(ours, counts, strict=True)), 1),
        "first_page_ms": round(first, 1),
        "search_p50_ms": round(statistics.median(ours), 1),
        "search_p95_ms": round(percentile(ours, 0.95), 1),
        "count_p50_ms": round(statistics.median(counts), 1),
        "count_p95_ms": round(percentile(counts, 0.95), 1),
        "baseline_p50_ms": round(statistics.median(theirs), 1),
        "baseline_p95_ms": round(percentile(theirs, 0.95), 1),
        "words_p50_ms": round(statistics.median(several), 1),
        "words_p95_ms": round(percentile(several, 0.95), 1),
        "words_baseline_p50_ms": round(statistics.median(several_theirs), 1),
        "words_baseline_p95_ms": round(percentile(several_theirs, 0.95), 1),
        "sort_ms": round(statistics.median(sorts), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

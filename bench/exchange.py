"""Export and import at scale: a register of N incoming documents to .xlsx and back.

    .venv/bin/python bench/exchange.py                 # 10,000 rows
    .venv/bin/python bench/exchange.py --rows 100000   # the issue's figure (1000000 works too)

Builds (or reuses, under bench/data/) a data file of N incoming documents in a child
process, then in this one: the program's export of the whole register (keyset pages,
XlsxWriter in constant memory, real dates), the peak memory so far, then the import of
that file into an empty data folder (the dry run and the one transaction), then the
baseline: openpyxl in write-only mode writing the same cells (read into memory first,
not timed). The last line is one JSON object.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HERE = Path(__file__).resolve().parent


def build(folder: Path, rows: int) -> None:
    from oc_desktop.demo import fill_profile
    from oc_desktop.documents.demo import bulk_incoming
    from oc_desktop.models.migrate import open_database

    folder.mkdir(parents=True, exist_ok=True)
    if (folder / "built").exists():
        return
    db = open_database(folder)
    rng = random.Random(7)
    fill_profile(db, rng)
    bulk_incoming(db, rng, count=rows)
    db.close()
    (folder / "built").write_text(str(rows))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def baseline(out: Path, columns, rows: list[list]) -> float:
    """openpyxl write-only: the same header and cells, dates with the same format."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    started = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("baseline")
    sheet.freeze_panes = "A2"
    sheet.append([column.header for column in columns])
    for cells in rows:
        line = []
        for value in cells:
            cell = WriteOnlyCell(sheet, value=value)
            if hasattr(value, "year"):
                cell.number_format = "dd.mm.yyyy"
            line.append(cell)
        sheet.append(line)
    book.save(out)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--build-only", type=Path)
    args = parser.parse_args()
    if args.build_only:
        build(args.build_only, args.rows)
        return
    data = HERE / "data" / f"exchange-{args.rows}"
    started = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--rows", str(args.rows), "--build-only", data],
                   check=True)  # fmt: skip
    print(f"data ready in {time.perf_counter() - started:.0f} s", flush=True)

    from oc_desktop.exchange import importing
    from oc_desktop.exchange.declare import register
    from oc_desktop.exchange.export import export_register, pages
    from oc_desktop.exchange.reading import open_source
    from oc_desktop.models.migrate import open_database
    from oc_desktop.profile import ensure_defaults
    from oc_desktop.security import CLERK, TOP_SECRET, Actor

    clerk = Actor(None, "bench", "bench", frozenset({CLERK}), TOP_SECRET)
    incoming = register("incoming")
    db = open_database(data)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "incoming.xlsx"
        started, cpu = time.perf_counter(), time.process_time()
        exported = export_register(db, out, actor=clerk, register=incoming)
        export_s, export_cpu = time.perf_counter() - started, time.process_time() - cpu
        export_peak = peak_mb()
        print(f"export {exported} rows {export_s:.1f} s, peak {export_peak:.0f} MB", flush=True)

        empty = open_database(Path(folder) / "empty")
        ensure_defaults(empty)
        started, cpu = time.perf_counter(), time.process_time()
        source = open_source(out)
        preview = importing.preview(source, None, incoming.fields)
        plan = importing.dry_run(
            empty, actor=clerk, register=incoming, source=source, choices=preview.choices
        )
        dry_s = time.perf_counter() - started
        refused = len(plan.refused)  # the demo's random numbers repeat now and then
        added = importing.run_import(
            empty, actor=clerk, register=incoming, plan=replace(plan, refused=[]), source=out,
            add_new_names=True,
        )  # fmt: skip
        import_s, import_cpu = time.perf_counter() - started, time.process_time() - cpu
        peak = peak_mb()
        print(f"import {added} rows ({refused} refused as duplicates) {import_s:.1f} s "
              f"(dry run {dry_s:.1f} s), peak {peak:.0f} MB", flush=True)  # fmt: skip
        empty.close()

        columns = incoming.columns()
        query = incoming.query(text="", start=None, end=None)
        rows = [
            [column.value(row) for column in columns]
            for batch in pages(lambda after, limit: incoming.fetch(db, clerk, query, after, limit))
            for row in batch
        ]
        cpu = time.process_time()
        baseline_s = baseline(Path(folder) / "baseline.xlsx", columns, rows)
        baseline_cpu = time.process_time() - cpu
    db.close()
    print(json.dumps({
        "rows": exported,
        "export_s": round(export_s, 2),
        "import_s": round(import_s, 2),
        "dry_run_s": round(dry_s, 2),
        "imported": added,
        "refused": refused,
        "peak_rss_mb": round(peak),
        "export_peak_rss_mb": round(export_peak),
        "baseline_s": round(baseline_s, 2),
        "export_ratio": round(export_s / baseline_s, 2),
        # CPU seconds: the machine is shared, so wall time varies with the neighbours
        "export_cpu_s": round(export_cpu, 2),
        "import_cpu_s": round(import_cpu, 2),
        "baseline_cpu_s": round(baseline_cpu, 2),
        "export_cpu_ratio": round(export_cpu / baseline_cpu, 2),
        "export_rows_per_s": round(exported / export_s),
        "import_rows_per_s": round(added / import_s),
    }))  # fmt: skip


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()

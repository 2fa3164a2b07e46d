"""Printing speed: an N-row register book with shaped Lao against a plain ReportLab table.

    .venv/bin/python bench/printing.py [--rows 10000] [--runs 3]

The rows are realistic incoming-register entries in Lao (subjects, senders, people),
generated with a fixed seed. The book is built as the app builds it: cover, wrapped
cells shaped by HarfBuzz, headings on every page, page x/y, closing block. The baseline,
in the same run, is ReportLab's own LongTable of the same rows in the same fonts with
repeated headings, no shaping and no wrapping (what a naive printout would do). The last
line is one JSON object with the medians and their ratio.
"""

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle  # noqa: E402

from oc_desktop.demo import PROVINCES, person_name  # noqa: E402
from oc_desktop.printing.book import BOOK_MARGINS, Cover, build_register_book  # noqa: E402
from oc_desktop.printing.fonts import family  # noqa: E402
from oc_desktop.printing.page import LANDSCAPE  # noqa: E402
from oc_desktop.printing.table import Column  # noqa: E402
from oc_desktop.printing.text import clear_caches  # noqa: E402
from oc_desktop.profile import Profile, SignerRow  # noqa: E402

KINDS = ("ແຈ້ງການ", "ຄຳແນະນຳ", "ຂໍ້ຕົກລົງ", "ໜັງສືສະເໜີ", "ຄຳສັ່ງ", "ມະຕິຕົກລົງ", "ບົດລາຍງານ")
TOPICS = (
    "ການກະກຽມກອງປະຊຸມສະຫຼຸບວຽກງານປະຈຳປີ",
    "ການຈັດຕັ້ງເຜີຍແຜ່ມະຕິກອງປະຊຸມໃຫຍ່ຂອງພັກ",
    "ການປັບປຸງພາລະບົດບາດຂອງຄະນະໂຄສະນາອົບຮົມແຂວງ, ນະຄອນ ແລະ ເມືອງ",
    "ການສະເຫຼີມສະຫຼອງວັນສ້າງຕັ້ງພັກປະຊາຊົນປະຕິວັດລາວ",
    "ການເກັບກຳຫາງສຽງສັງຄົມ ແລະ ລາຍງານສະພາບແນວຄິດ",
    "ການຝຶກອົບຮົມທິດສະດີການເມືອງໃຫ້ພະນັກງານ-ລັດຖະກອນ",
    "ການນຳໃຊ້ງົບປະມານ ແລະ ລາຍຮັບ-ລາຍຈ່າຍປະຈຳໄຕມາດ",
    "ການແຕ່ງຕັ້ງ ແລະ ຍົກຍ້າຍພະນັກງານ",
    "ການຄຸ້ມຄອງຕາປະທັບ ແລະ ເອກະສານລັບ",
    "ແຜນການໂຄສະນາເຄື່ອນທີ່ໃນເຂດຈຸດສຸມ",
    "ການປະເມີນຜົນການປະຕິບັດໜ້າທີ່ຂອງພະນັກງານ",
    "ການກະກຽມຮັບຕ້ອນຄະນະຜູ້ແທນຈາກສູນກາງ",
)
SENDERS = (
    "ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ",
    "ຫ້ອງວ່າການສູນກາງພັກ",
    "ພະແນກພາຍໃນແຂວງ",
    "ພະແນກການເງິນແຂວງ",
    "ຫ້ອງວ່າການປົກຄອງແຂວງ",
    "ຄະນະຈັດຕັ້ງແຂວງ",
    "ຄະນະກວດກາແຂວງ",
    "ແນວລາວສ້າງຊາດແຂວງ",
)
COLUMNS = [
    Column("ລ/ດ", mm=12, align="right"),
    Column("ເລກທີຮັບ", mm=22),
    Column("ວັນທີຮັບ", mm=22),
    Column("ເລກທີ, ວັນທີເອກະສານ", mm=36),
    Column("ຜູ້ສົ່ງ", 1.2),
    Column("ເລື່ອງ", 3.0),
    Column("ຜູ້ຮັບຜິດຊອບ", 1.2),
    Column("ໝາຍເຫດ", mm=20),
]


def make_rows(count: int, seed: int = 2023) -> list[list[str]]:
    rng = random.Random(seed)
    day = dt.date(2023, 1, 3)
    rows = []
    for n in range(1, count + 1):
        if rng.random() < 0.04:
            day += dt.timedelta(days=1)
        sent = day - dt.timedelta(days=rng.randint(1, 20))
        topic = rng.choice(TOPICS)
        if rng.random() < 0.3:
            topic += f" ຢູ່ແຂວງ{rng.choice(PROVINCES)} ປີ {day.year}"
        rows.append(
            [
                str(n),
                f"{n}/ຄ.ອ.ຮ.ຂ",
                day.strftime("%d.%m.%Y"),
                f"{rng.randint(1, 2500)}/ຄອສພ, {sent.strftime('%d.%m.%Y')}",
                rng.choice(SENDERS),
                f"{rng.choice(KINDS)} ກ່ຽວກັບ{topic}",
                person_name(rng),
                "ດ່ວນ" if rng.random() < 0.1 else "",
            ]
        )
    return rows


PROFILE = Profile(
    name="ຄະນະໂຄສະນາອົບຮົມແຂວງອັດຕະປື",
    abbreviation="ຄ.ອ.ຮ.ຂ",
    place="ອັດຕະປື",
    parent_body="ຄະນະບໍລິຫານງານພັກແຂວງອັດຕະປື",
    signers=(SignerRow(1, "ຫົວໜ້າຄະນະໂຄສະນາອົບຮົມແຂວງ", "ບຸນມີ ພົມມະຈັນ"),),
)


def time_book(rows: list[list[str]], out: Path) -> tuple[float, int]:
    clear_caches()  # each run shapes from cold, as the first print of a session does
    started = time.perf_counter()
    pages = build_register_book(
        out,
        title="ທະບຽນເອກະສານຂາເຂົ້າ ປີ 2023",
        columns=COLUMNS,
        rows=iter(rows),
        cover=Cover("ປຶ້ມທະບຽນເອກະສານຂາເຂົ້າ", 2023, first_number="1", last_number=rows[-1][0]),
        profile=PROFILE,
        total_rows=len(rows),
    )
    return time.perf_counter() - started, pages


def time_baseline(rows: list[list[str]], out: Path) -> float:
    """ReportLab's LongTable: the same rows and fonts, unshaped, unwrapped."""
    regular, bold = family(False).lao.name, family(True).lao.name
    started = time.perf_counter()
    document = SimpleDocTemplate(
        str(out),
        pagesize=LANDSCAPE,
        leftMargin=BOOK_MARGINS.left,
        rightMargin=BOOK_MARGINS.right,
        topMargin=BOOK_MARGINS.top,
        bottomMargin=BOOK_MARGINS.bottom,
    )
    widths = [12 * mm, 22 * mm, 22 * mm, 36 * mm, 38 * mm, 95 * mm, 38 * mm, 20 * mm]
    table = LongTable([[c.heading for c in COLUMNS], *rows], colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), regular, 10),
                ("FONT", (0, 0), (-1, 0), bold, 10),
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    document.build([table])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = make_rows(args.rows)
    family(False), family(True)  # fonts loaded before any timing
    with tempfile.TemporaryDirectory() as folder:
        book_times, base_times, pages = [], [], 0
        for _run in range(args.runs):
            seconds, pages = time_book(rows, Path(folder) / "book.pdf")
            book_times.append(seconds)
            base_times.append(time_baseline(rows, Path(folder) / "baseline.pdf"))
            print(f"book {seconds:.2f} s ({pages} pages), baseline {base_times[-1]:.2f} s")
    book, base = statistics.median(book_times), statistics.median(base_times)
    print(
        json.dumps(
            {
                "rows": args.rows,
                "pages": pages,
                "seconds": round(book, 2),
                "baseline_seconds": round(base, 2),
                "ratio": round(book / base, 2),
            }
        )
    )


if __name__ == "__main__":
    main()

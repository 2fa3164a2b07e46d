"""Print one of everything the printing module makes, to look at before calling it done.

    .venv/bin/python scripts/print_samples.py --out /tmp/samples [--png]

Writes seeds.pdf (every line of both seed documents), official.pdf, register.pdf,
routing-slip.pdf and delivery.pdf; with --png, also their pages as PNG at 80 dpi
(pdftoppm), to be opened and read page by page.
"""

import argparse
import datetime as dt
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from printing import COLUMNS, PROFILE, make_rows  # noqa: E402  (bench/printing.py)

from oc_desktop import i18n  # noqa: E402
from oc_desktop.printing.book import Cover, build_register_book  # noqa: E402
from oc_desktop.printing.flow import build_text_document  # noqa: E402
from oc_desktop.printing.forms import (  # noqa: E402
    DeliveryRow,
    Route,
    RoutingSlip,
    build_delivery_book,
    build_routing_slip,
)
from oc_desktop.printing.official import Heading, build_official_document  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def seed_lines() -> list[str]:
    return [
        line.strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--png", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    i18n.set_language("lo")
    made = []

    made.append(args.out / "seeds.pdf")
    build_text_document(made[-1], paragraphs=seed_lines())

    made.append(args.out / "official.pdf")
    body = seed_lines()[11:30]
    heading = Heading(
        "49",
        dt.date(2023, 12, 11),
        "ມະຕິຕົກລົງ",
        "ວ່າດ້ວຍການຈັດຕັ້ງ ແລະ ການເຄື່ອນໄຫວຂອງຄະນະໂຄສະນາອົບຮົມແຂວງ",
    )
    build_official_document(made[-1], profile=PROFILE, heading=heading, paragraphs=body)

    made.append(args.out / "register.pdf")
    rows = make_rows(60)
    build_register_book(
        made[-1],
        title="ທະບຽນເອກະສານຂາເຂົ້າ ປີ 2023",
        columns=COLUMNS,
        rows=rows,
        cover=Cover(
            "ປຶ້ມທະບຽນເອກະສານຂາເຂົ້າ",
            2023,
            dt.date(2023, 1, 3),
            dt.date(2023, 1, 6),
            "1",
            "60",
            1,
        ),
        profile=PROFILE,
    )

    made.append(args.out / "routing-slip.pdf")
    slip = RoutingSlip(
        arrival_number="125",
        arrival_date=dt.date(2023, 12, 11),
        sender="ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ",
        document_number="201/ຄອສພ",
        document_date=dt.date(2022, 10, 14),
        kind="ຄຳແນະນຳ",
        subject="ກ່ຽວກັບການປັບປຸງພາລະບົດບາດຂອງຄະນະໂຄສະນາອົບຮົມແຂວງ, ນະຄອນ ແລະ ເມືອງໃນທົ່ວປະເທດ",
        urgency="ດ່ວນ",
        secrecy="ທຳມະດາ",
        instruction="ມອບໃຫ້ຂະແໜງ ບໍລິຫານ, ຈັດຕັ້ງ ແລະ ກວດກາ ຄົ້ນຄວ້າ ແລະ ສະເໜີຮ່າງແຜນການ "
        "ປັບປຸງກົງຈັກ ພາຍໃນວັນທີ 20.12.2023; ຂະແໜງ ອົບຮົມ ປະກອບຄຳເຫັນ.",
        routes=(
            Route("ຂະແໜງ ບໍລິຫານ, ຈັດຕັ້ງ ແລະ ກວດກາ", "ສີສະຫວາດ ແກ້ວມະນີ", dt.date(2023, 12, 20)),
            Route("ຂະແໜງ ອົບຮົມ", "ນາງ ຄຳແພງ ວົງສະຫວັນ", dt.date(2023, 12, 22)),
        ),
    )
    build_routing_slip(made[-1], slip=slip, profile=PROFILE)

    made.append(args.out / "delivery.pdf")
    deliveries = [
        DeliveryRow(
            dt.date.fromisoformat(row[2][6:] + "-" + row[2][3:5] + "-" + row[2][:2]),
            row[1],
            row[5],
            "ຂະແໜງ ໂຄສະນາ ແລະ ຂໍ້ມູນຂ່າວສານ",
            row[6] if n % 3 == 0 else "",
        )
        for n, row in enumerate(make_rows(25))
    ]
    build_delivery_book(
        made[-1], rows=deliveries, cover=Cover("ປຶ້ມສົ່ງເອກະສານ", 2023, volume=1), profile=PROFILE
    )

    for pdf in made:
        print(pdf)
        if args.png:
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", str(pdf), str(pdf.with_suffix(""))], check=True
            )


if __name__ == "__main__":
    main()

"""Reading printed PDFs back, and a sample profile and register book to print."""

import datetime as dt

import pypdfium2

from helpers import SEEDS_DIR
from oc_desktop.printing.book import Cover, build_register_book
from oc_desktop.printing.table import Column
from oc_desktop.profile import SectionRow, SignerRow, load_profile, save_profile
from oc_desktop.security import SYSTEM


def page_texts(path) -> list[str]:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()


def page_sizes(path) -> list[tuple[float, float]]:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return [tuple(round(v) for v in page.get_size()) for page in document]
    finally:
        document.close()


def sample_profile(db, province="ອັດຕະປື"):
    save_profile(
        db,
        actor=SYSTEM,
        name=f"ຄະນະໂຄສະນາອົບຮົມແຂວງ{province}",
        abbreviation="ຄ.ອ.ຮ.ຂ",
        place=province,
        parent_body=f"ຄະນະບໍລິຫານງານພັກແຂວງ{province}",
        sections=[SectionRow(s.id, s.name) for s in load_profile(db).sections],
        signers=[
            SignerRow(None, "ຫົວໜ້າຄະນະໂຄສະນາອົບຮົມແຂວງ", "ບຸນມີ ພົມມະຈັນ"),
            SignerRow(None, "ຮອງຫົວໜ້າຄະນະໂຄສະນາອົບຮົມແຂວງ", "ນາງ ມະນີວັນ ສີລາວົງ"),
        ],
    )
    return load_profile(db)


COLUMNS = [
    Column("ລ/ດ", mm=12, align="right"),
    Column("ເລກທີ", mm=25),
    Column("ເລື່ອງ", 3),
    Column("ຜູ້ສົ່ງ", 1),
]


SUBJECT = "ແຈ້ງການ ກ່ຽວກັບການກະກຽມກອງປະຊຸມສະຫຼຸບວຽກງານປະຈຳປີ"


def sample_rows(count):
    for n in range(1, count + 1):
        yield [str(n), f"{n}/ຄອສພ", f"{SUBJECT} ແຖວ-{n}", "ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ"]


def sample_book(path, profile, count=150, **options):
    cover = Cover(
        "ປຶ້ມທະບຽນເອກະສານຂາເຂົ້າ",
        year=2023,
        date_from=dt.date(2023, 1, 2),
        date_to=dt.date(2023, 12, 29),
        first_number="1",
        last_number=str(count),
        volume=2,
    )
    return build_register_book(
        path,
        title="ທະບຽນເອກະສານຂາເຂົ້າ ປີ 2023",
        columns=COLUMNS,
        rows=sample_rows(count),
        cover=cover,
        profile=profile,
        total_rows=count,
        **options,
    )


def seed_lines() -> list[str]:
    paths = sorted(SEEDS_DIR.glob("*.txt"))
    assert len(paths) == 2
    return [
        line.strip()
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]

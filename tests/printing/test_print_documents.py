"""What the printed papers say, read back from the PDF (pdfium reads the ActualText)."""

import datetime as dt
import gc
import re

import pytest
from helpers.pdf import COLUMNS, page_sizes, page_texts, sample_book, sample_profile
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDocument

from oc_desktop.printing.book import Cover, build_register_book
from oc_desktop.printing.forms import (
    DeliveryRow,
    Route,
    RoutingSlip,
    build_delivery_book,
    build_routing_slip,
)
from oc_desktop.printing.official import NATIONAL_HEADING, Heading, build_official_document
from oc_desktop.printing.page import PrintCancelled


def test_register_book_has_cover_repeated_headings_page_numbers_and_closing(db, tmp_path):
    profile = sample_profile(db)
    path = tmp_path / "book.pdf"
    pages = sample_book(path, profile)
    texts = page_texts(path)
    assert len(texts) == pages > 4
    assert all(size == (842, 595) for size in page_sizes(path))  # landscape A4
    cover = texts[0]
    for line in (
        *NATIONAL_HEADING,
        profile.name,
        "ປຶ້ມທະບຽນເອກະສານຂາເຂົ້າ",
        "ປີ 2023",
        "ແຕ່ວັນທີ 02.01.2023 ຫາ ວັນທີ 29.12.2023",
        "ແຕ່ເລກທີ 1 ຫາ ເລກທີ 150",
        "ເຫຼັ້ມທີ 2",
    ):
        assert line in cover
    for number, text in enumerate(texts, 1):
        assert f"ໜ້າ {number}/ {pages}" in text or f"ໜ້າ {number}/{pages}" in text, text[-40:]
    for text in texts[1:]:
        assert "ທະບຽນເອກະສານຂາເຂົ້າ ປີ 2023 ລ/ດ ເລກທີ ເລື່ອງ ຜູ້ສົ່ງ (1) (2) (3) (4)" in text
    found = [int(n) for text in texts for n in re.findall(r"ແຖວ-(\d+)", text)]
    assert found == list(range(1, 151))  # every row once, in order
    last = texts[-1]
    assert f"ປຶ້ມນີ້ມີທັງໝົດ {pages} ໜ້າ, ບັນທຶກ 150 ລາຍການ." in last
    assert "ຜູ້ບັນທຶກ" in last and "ຫົວໜ້າຄະນະໂຄສະນາອົບຮົມແຂວງ ບຸນມີ ພົມມະຈັນ" in last
    assert "ທີ່ອັດຕະປື, ວັນທີ" in last


def test_a_row_taller_than_a_page_is_split_and_nothing_is_lost(db, tmp_path):
    profile = sample_profile(db)
    words = [f"ວັກ{n}" for n in range(1, 400)]
    long_row = ["1", "1/ຄອສພ", " ".join(words), "ຜູ້ສົ່ງ"]
    path = tmp_path / "long.pdf"
    pages = build_register_book(
        path,
        title="ທະບຽນ",
        columns=COLUMNS,
        rows=[long_row, ["2", None, "ແຖວສຸດທ້າຍ", None]],
        cover=Cover("ປຶ້ມ"),
        profile=profile,
    )
    texts = page_texts(path)
    assert pages == len(texts)
    assert len([t for t in texts if "ວັກ" in t]) >= 2  # the row runs over two pages
    found = [int(n) for text in texts for n in re.findall(r"ວັກ(\d+)", text)]
    assert found == list(range(1, 400))
    assert "ແຖວສຸດທ້າຍ" in texts[-1] and "None" not in " ".join(texts)  # empty cells stay empty


def test_progress_is_reported_and_cancel_leaves_no_file(db, tmp_path):
    profile = sample_profile(db)
    seen = []
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "book.pdf"
    sample_book(path, profile, count=40, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (1, 40) and seen[-1] == (40, 40)

    before, documents = path.read_bytes(), _live_documents()
    with pytest.raises(PrintCancelled):
        asked = []
        stop = lambda: asked.append(1) or len(asked) > 10  # noqa: E731
        sample_book(path, profile, count=40, should_cancel=stop)
    with pytest.raises(PrintCancelled):
        sample_book(path, profile, count=40, progress=lambda done, total: done < 10)
    assert path.read_bytes() == before  # the old book is untouched
    assert sorted(p.name for p in folder.iterdir()) == ["book.pdf"]  # no part file left
    assert _live_documents() == documents  # nothing of the cancelled books stays in memory


def _live_documents() -> int:
    gc.collect()
    return sum(isinstance(o, PDFDocument) for o in gc.get_objects())


def test_official_page_comes_from_the_profile(db, tmp_path):
    for province in ("ອັດຕະປື", "ຈຳປາສັກ"):
        profile = sample_profile(db, province)
        path = tmp_path / f"{province}.pdf"
        heading = Heading(
            number="49",
            date=dt.date(2023, 12, 11),
            kind="ມະຕິຕົກລົງ",
            subject="ວ່າດ້ວຍການຈັດຕັ້ງ ແລະ ການເຄື່ອນໄຫວ",
        )
        pages, _writer = build_official_document(
            path, profile=profile, heading=heading, paragraphs=["ມາດຕາ 1 ຈຸດປະສົງ."]
        )
        (text,) = page_texts(path)
        assert pages == 1 and page_sizes(path) == [(595, 842)]  # portrait A4
        assert text.startswith(" ".join(NATIONAL_HEADING))
        for line in (
            f"ຄະນະບໍລິຫານງານພັກແຂວງ{province}",
            f"ຄະນະໂຄສະນາອົບຮົມແຂວງ{province}",
            "ເລກທີ 49/ຄ.ອ.ຮ.ຂ",
            f"ທີ່{province}, ວັນທີ 11.12.2023",
            "ມະຕິຕົກລົງ ວ່າດ້ວຍການຈັດຕັ້ງ ແລະ ການເຄື່ອນໄຫວ",
            "ຫົວໜ້າຄະນະໂຄສະນາອົບຮົມແຂວງ ບຸນມີ ພົມມະຈັນ",
        ):
            assert line in text, line
        assert "ຮອງຫົວໜ້າ" not in text  # only the first signer unless asked
        other = "ອັດຕະປື" if province == "ຈຳປາສັກ" else "ຈຳປາສັກ"
        assert other not in text
        data = path.read_bytes()
        assert data.count(b"/FontFile2") >= 2  # the fonts are embedded, not named


def test_official_margins_leave_30_mm_for_binding(db, tmp_path):
    profile = sample_profile(db)
    path = tmp_path / "letter.pdf"
    paragraph = "ມະຕິຕົກລົງສະບັບນີ້ໄດ້ກຳນົດກ່ຽວກັບທີ່ຕັ້ງພາລະບົດບາດ, ໜ້າທີ່ " * 6
    _pages, writer = build_official_document(
        path, profile=profile, heading=Heading(), paragraphs=[paragraph], record=True
    )
    assert min(p.x for p in writer.placed) == pytest.approx(30 * mm, abs=0.01)
    from helpers.pdf_glyphs import harfbuzz_width

    right = max(p.x + harfbuzz_width(p.font_path, p.text, p.size) for p in writer.placed)
    assert right <= 595.28 - 20 * mm + 0.01


def test_routing_slip_and_delivery_book(db, tmp_path):
    profile = sample_profile(db)
    slip = RoutingSlip(
        arrival_number="125",
        arrival_date=dt.date(2023, 12, 11),
        sender="ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ",
        document_number="201/ຄອສພ",
        document_date=dt.date(2022, 10, 14),
        kind="ຄຳແນະນຳ",
        subject="ກ່ຽວກັບການປັບປຸງພາລະບົດບາດ",
        urgency="ດ່ວນ",
        secrecy="ລັບ",
        routes=(Route("ຂະແໜງ ອົບຮົມ", "ສີສະຫວາດ ແກ້ວມະນີ", dt.date(2023, 12, 20)),),
    )
    path = tmp_path / "slip.pdf"
    pages, _writer = build_routing_slip(path, slip=slip, profile=profile)
    (text,) = page_texts(path)
    for line in (
        "ໃບຊີ້ນຳເອກະສານ",
        "ເລກທີເຂົ້າ 125",
        "ວັນທີມາຮອດ 11.12.2023",
        "ເລກທີເອກະສານ 201/ຄອສພ",
        "ຄວາມດ່ວນ ດ່ວນ",
        "ຄວາມລັບ ລັບ",
        "ຄຳເຫັນຊີ້ນຳຂອງຫົວໜ້າ",
        "1 ຂະແໜງ ອົບຮົມ ສີສະຫວາດ ແກ້ວມະນີ 20.12.2023",
    ):
        assert line in text, line

    delivery = tmp_path / "delivery.pdf"
    rows = [
        DeliveryRow(dt.date(2023, 12, 1 + n % 28), f"{n}/ຄ.ອ.ຮ.ຂ", f"ເລື່ອງທີ {n}", "ຂະແໜງ ອົບຮົມ")
        for n in range(1, 31)
    ]
    pages = build_delivery_book(
        delivery, rows=rows, cover=Cover("ປຶ້ມສົ່ງເອກະສານ", 2023), profile=profile
    )
    texts = page_texts(delivery)
    assert pages == len(texts) >= 3
    for text in texts[1:]:
        assert "ລ/ດ ວັນທີສົ່ງ ເລກທີເອກະສານ ເລື່ອງ ຜູ້ຮັບ ຜູ້ຮັບເອົາ" in text
        assert "ລາຍເຊັນ (1) (2) (3) (4) (5) (6) (7) (8)" in text
    found = [int(n) for text in texts for n in re.findall(r"ເລື່ອງທີ (\d+)", text)]
    assert found == list(range(1, 31))
    assert "ປຶ້ມນີ້ມີທັງໝົດ" in texts[-1]

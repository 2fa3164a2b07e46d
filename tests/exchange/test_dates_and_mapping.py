"""Reading old registers' dates and headers."""

from datetime import date, datetime

import pytest

from oc_desktop.exchange.dates import possible_orders, read_date, read_moment
from oc_desktop.exchange.declare import register
from oc_desktop.exchange.mapping import find_header, guess


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("11.12.2023", date(2023, 12, 11)),
        ("11/12/2023", date(2023, 12, 11)),
        ("໑໑.໑໒.໒໐໒໓", date(2023, 12, 11)),
        ("2023-12-11", date(2023, 12, 11)),
        ("11-12-23", date(2023, 12, 11)),
        (datetime(2023, 12, 11, 8, 0), date(2023, 12, 11)),
        (date(2023, 12, 11), date(2023, 12, 11)),
        ("", None),
    ],
)
def test_dates_as_clerks_wrote_them(cell, expected):
    assert read_date(cell) == expected


def test_a_bad_date_is_refused_and_a_time_is_kept():
    with pytest.raises(ValueError):
        read_date("31.02.2024")
    with pytest.raises(ValueError):
        read_date("ມື້ວານ")
    assert read_moment("28.11.2026 13:30") == datetime(2026, 11, 28, 13, 30)


def test_the_order_is_asked_only_when_every_date_reads_both_ways():
    assert possible_orders(["01.02.2024", "03.04.2024"]) == ["dmy", "mdy"]
    assert possible_orders(["01.02.2024", "25.04.2024"]) == ["dmy"]
    assert possible_orders(["04/25/2024", "01/02/2024"]) == ["mdy"]
    assert read_date("04/05/2024", "mdy") == date(2024, 4, 5)


def test_headers_in_lao_or_english_find_their_fields_under_title_rows():
    fields = register("incoming").fields
    rows = [
        (1, ["ທະບຽນເອກະສານຂາເຂົ້າ ປີ 2025", "", ""]),
        (2, ["", "", ""]),
        (3, ["ລ/ດ", "ວັນທີຮັບ", "ຈາກ", "ເລກທີ", "ລົງວັນທີ", "ເລື່ອງ", "ໝາຍເຫດ", "ອື່ນໆ"]),
    ]
    assert find_header(rows, fields) == 2
    assert guess(rows[2][1], fields) == {
        0: "seq",
        1: "received_at",
        2: "sender",
        3: "doc_number",
        4: "doc_date",
        5: "subject",
        6: "notes",
    }
    english = guess(["No.", "Arrived", "Sender", "Subject", "SECRECY"], fields)
    assert english == {0: "seq", 1: "received_at", 2: "sender", 3: "subject", 4: "secrecy"}

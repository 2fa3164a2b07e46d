from datetime import date

import pytest

from oc_desktop import formatting, i18n
from oc_desktop.formatting import InputError, format_date, format_kip, parse_date, parse_int


def test_dates_short_and_long_in_lao_and_english():
    day = date(2023, 12, 11)
    assert format_date(day) == "11.12.2023"
    assert format_date(day, long=True) == "11 ທັນວາ 2023"
    i18n.set_language("en")
    assert format_date(day, long=True) == "11 December 2023"


def test_lao_digits_by_setting():
    formatting.set_lao_digits(True)
    assert format_date(date(2023, 12, 11)) == "໑໑.໑໒.໒໐໒໓"
    assert format_kip(1234567) == "໑.໒໓໔.໕໖໗"


def test_kip_are_whole_with_dot_groups():
    assert format_kip(1234567) == "1.234.567"
    assert format_kip(0) == "0"
    assert format_kip(-5000, symbol=True) == "-5.000 ₭"


@pytest.mark.parametrize(
    "text", ["11.12.2023", "11/12/2023", "11-12-2023", "2023-12-11", "໑໑.໑໒.໒໐໒໓", "11.12.໒໐໒໓"]
)
def test_dates_read_in_every_written_form(text):
    assert parse_date(text) == date(2023, 12, 11)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "ກະລຸນາໃສ່ວັນທີ."),
        ("31.02.2024", "ວັນທີນີ້ບໍ່ມີໃນປະຕິທິນ."),
        ("12/2023", "ຂຽນວັນທີເປັນ ວັນ.ເດືອນ.ປີ, ຕົວຢ່າງ 11.12.2023."),
    ],
)
def test_bad_dates_are_told_in_lao(text, message):
    with pytest.raises(InputError) as error:
        parse_date(text)
    assert str(error.value) == message


@pytest.mark.parametrize(
    "text", ["1234567", "1.234.567", "1,234,567", "1 234 567", "໑.໒໓໔.໕໖໗", "1.234.567 ₭"]
)
def test_amounts_read_in_every_written_form(text):
    assert parse_int(text) == 1234567


@pytest.mark.parametrize("text", ["12,5", "abc", "1.23", ""])
def test_bad_amounts_are_refused(text):
    with pytest.raises(InputError):
        parse_int(text)

"""Dates as old registers hold them: real spreadsheet dates, or text in day.month.year,
month/day/year or year-month-day order, with Arabic or Lao digits and any of . / - as
separator. When every text date reads both as day-first and month-first, the order is
ambiguous and the clerk chooses it."""

import re
from datetime import date, datetime, timedelta

from oc_desktop.laotext import to_arabic_digits

ORDERS = ("dmy", "mdy")
_PARTS = re.compile(r"^(\d{1,4})\s*[./\-]\s*(\d{1,2})\s*[./\-]\s*(\d{1,4})(?:\s+.*)?$")
_TIME = re.compile(r"\s(\d{1,2})[:.](\d{2})$")
_EXCEL_EPOCH = date(1899, 12, 30)


def _parts(text: str) -> tuple[int, int, int] | None:
    match = _PARTS.match(to_arabic_digits(text.strip()))
    return tuple(int(g) for g in match.groups()) if match else None  # type: ignore[return-value]


def _year(value: int) -> int:
    return value + 2000 if value < 100 else value


def read_date(value, order: str = "dmy") -> date | None:
    """The date a cell holds, or None when it holds none (blank) — ValueError when it
    holds something that is not a date in ``order``."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and 1 < value < 2_958_466:
        return _EXCEL_EPOCH + timedelta(days=int(value))  # a date typed in a text column
    parts = _parts(str(value))
    if parts is None:
        raise ValueError(value)
    first, second, third = parts
    if first > 31:  # 2023-12-11 whatever the order
        year, month, day = first, second, third
    elif order == "mdy":
        month, day, year = first, second, third
    else:
        day, month, year = first, second, third
    return date(_year(year), month, day)


def possible_orders(values) -> list[str]:
    """The orders every text date among ``values`` can be read in (day-first first)."""
    fits = {"dmy": True, "mdy": True}
    for value in values:
        if not isinstance(value, str) or (parts := _parts(value)) is None or parts[0] > 31:
            continue
        for order in fits:
            try:
                read_date(value, order)
            except ValueError:
                fits[order] = False
    return [order for order, fitting in fits.items() if fitting]


def read_moment(value, order: str = "dmy") -> datetime | None:
    """A date with its time of day when the cell gives one (``28.11.2026 13:30``)."""
    if isinstance(value, datetime):
        return value
    day = read_date(value, order)
    if day is None:
        return None
    moment = datetime.combine(day, datetime.min.time())
    if isinstance(value, str) and (match := _TIME.search(to_arabic_digits(value.strip()))):
        moment = moment.replace(hour=int(match.group(1)), minute=int(match.group(2)))
    return moment

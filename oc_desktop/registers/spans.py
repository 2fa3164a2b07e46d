"""Named spans of days a clerk asks for (this month, last month, this quarter, this
year) and a month of a year, as first and last day."""

from datetime import date, timedelta

from oc_desktop.i18n import N_
from oc_desktop.registers.books import DateRange

MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)

PRESETS = {
    "this_month": N_("This month"),
    "last_month": N_("Last month"),
    "this_quarter": N_("This quarter"),
    "this_year": N_("This year"),
}


def month_span(year: int, month: int) -> DateRange:
    """The first and last day of ``month`` of ``year``."""
    following = date(year + (month == 12), month % 12 + 1, 1)
    return DateRange(date(year, month, 1), following - timedelta(days=1))


def preset_span(key: str, today: date) -> DateRange:
    """The days of a preset, as of ``today``; the current period runs to its end."""
    if key == "this_month":
        return month_span(today.year, today.month)
    if key == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return month_span(last.year, last.month)
    if key == "this_quarter":
        first = (today.month - 1) // 3 * 3 + 1
        return DateRange(month_span(today.year, first).start, month_span(today.year, first + 2).end)
    if key == "this_year":
        return DateRange(date(today.year, 1, 1), date(today.year, 12, 31))
    raise ValueError(f"no span preset {key!r}")

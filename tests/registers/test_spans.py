"""Named spans of days as the clerk means them, across year ends and leap years."""

from datetime import date

import pytest

from oc_desktop.registers.spans import month_span, preset_span


@pytest.mark.parametrize(
    ("key", "today", "start", "end"),
    [
        ("this_month", date(2028, 2, 10), date(2028, 2, 1), date(2028, 2, 29)),
        ("last_month", date(2027, 1, 5), date(2026, 12, 1), date(2026, 12, 31)),
        ("last_month", date(2026, 3, 31), date(2026, 2, 1), date(2026, 2, 28)),
        ("this_quarter", date(2026, 11, 29), date(2026, 10, 1), date(2026, 12, 31)),
        ("this_quarter", date(2026, 4, 1), date(2026, 4, 1), date(2026, 6, 30)),
        ("this_year", date(2026, 11, 29), date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_each_preset_runs_from_its_first_to_its_last_day(key, today, start, end):
    span = preset_span(key, today)
    assert (span.start, span.end) == (start, end)


def test_a_month_ends_on_its_own_last_day():
    assert month_span(2026, 12).end == date(2026, 12, 31)
    assert month_span(2024, 2).end == date(2024, 2, 29)

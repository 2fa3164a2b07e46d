"""A year with its chart and an accountant, for the budget's tests."""

import pytest

from oc_desktop.budget.lines import chart, start_year
from oc_desktop.security import ACCOUNTANT


@pytest.fixture
def accountant(make_user):
    return make_user("accountant", [ACCOUNTANT])


@pytest.fixture
def items(db, accountant):
    """Year 2025 started from the default chart: code -> line id."""
    start_year(db, actor=accountant, year=2025)
    return {row.code: row.id for row in chart(db, actor=accountant, year=2025)}

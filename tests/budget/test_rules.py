"""The budget's dated rules: the version in force, the fiscal year, shares in whole kip,
and changing a rule (the administrator, audited)."""

from datetime import date

import pytest

from oc_desktop.budget.payroll import RATE_NAMES, rates_to_confirm
from oc_desktop.budget.rules import fiscal_year, in_force, set_rule, share
from oc_desktop.i18n import _
from oc_desktop.security import ADMIN, NotAllowed
from oc_desktop.validation import ValidationError


def test_the_version_in_force_follows_its_start_day(db):
    with db.read() as session:
        assert in_force(session, "budget_allowances", date(2024, 11, 30))["living"] == 0
        assert in_force(session, "budget_allowances", date(2024, 12, 1))["living"] == 450_000
        assert fiscal_year(session, date(2025, 10, 5)) == 2025


@pytest.mark.parametrize(
    ("amount", "points", "expected"),
    [
        (1_712_550, 800, 137_004),
        (1_712_550, 850, 145_567),
        (1, 5_000, 1),
        (3, 1_666, 0),
        (0, 850, 0),
    ],
)
def test_shares_are_whole_kip_rounded_half_up(amount, points, expected):
    assert share(amount, points) == expected


def test_an_office_sets_its_own_rates_and_fiscal_year(db, make_user, accountant):
    admin = make_user("admin", [ADMIN])
    with pytest.raises(NotAllowed):
        set_rule(
            db,
            actor=accountant,
            key="budget_year",
            value=[{"from": "1900-01-01", "start_month": 10}],
        )
    with pytest.raises(ValidationError):
        set_rule(
            db,
            actor=admin,
            key="budget_social_security",
            value=[{"from": "2025-01-01", "employee_bp": 8.5, "state_bp": 850}],
        )
    set_rule(db, actor=admin, key="budget_year", value=[{"from": "1900-01-01", "start_month": 10}])
    set_rule(
        db,
        actor=admin,
        key="budget_social_security",
        value=[{"from": "1900-01-01", "employee_bp": 550, "state_bp": 600, "ceiling": 4_500_000}],
    )
    with db.read() as session:
        assert fiscal_year(session, date(2025, 10, 5)) == 2026
        assert fiscal_year(session, date(2025, 9, 30)) == 2025
    unsure = rates_to_confirm(db, year=2025, month=3)
    assert _(RATE_NAMES["budget_allowances"]) in unsure
    assert _(RATE_NAMES["budget_social_security"]) not in unsure  # the office confirmed it

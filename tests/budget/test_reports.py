"""Plan against actual: totals reconcile by item and by month, warnings, the cash."""

import random
from datetime import date

from oc_desktop.budget.journal import record_entry, reverse_entry
from oc_desktop.budget.lines import plan_line
from oc_desktop.budget.reports import actual_by_item_and_month, plan_against_actual


def test_totals_reconcile_by_item_and_by_month(db, accountant, items):
    chooser = random.Random(14)
    codes = ["62.1", "62.2", "62.4", "63.1"]
    written = []
    for _ in range(60):
        code = chooser.choice(codes)
        day = date(2025, chooser.randint(1, 12), chooser.randint(1, 28))
        amount = chooser.randint(1, 9_999_999)
        written.append((code, day, amount))
        record_entry(
            db,
            actor=accountant,
            kind="expenditure",
            entry_date=day,
            line_id=items[code],
            description="ຈ່າຍ",
            amount=amount,
        )
    total = sum(a for _c, _d, a in written)
    report = plan_against_actual(db, actor=accountant, year=2025)
    by_item = sum(r.actual for r in report.rows if r.line.parent_id is not None)
    by_month = sum(actual_by_item_and_month(db, actor=accountant, year=2025).values())
    assert by_item == by_month == total == report.total("expenditure").actual
    assert all(isinstance(r.actual, int) for r in report.rows)
    first_half = plan_against_actual(db, actor=accountant, year=2025, last_month=6)
    assert first_half.total("expenditure").actual == sum(a for _c, d, a in written if d.month <= 6)


def test_shares_warnings_cash_and_reversals(db, accountant, items):
    plan_line(
        db, actor=accountant, line_id=items["62.4"], amount=1_000_000, decided_on=date(2025, 1, 1)
    )
    plan_line(
        db, actor=accountant, line_id=items["62.2"], amount=1_000_000, decided_on=date(2025, 1, 1)
    )
    spend = lambda code, amount, day=date(2025, 2, 1): record_entry(  # noqa: E731
        db,
        actor=accountant,
        kind="expenditure",
        entry_date=day,
        line_id=items[code],
        description="ຈ່າຍ",
        amount=amount,
    )
    spend("62.4", 950_000)
    over = spend("62.2", 1_000_001)
    record_entry(
        db,
        actor=accountant,
        kind="revenue",
        entry_date=date(2025, 1, 5),
        line_id=items["R1.1"],
        description="ງົບປະມານ",
        amount=5_000_000,
    )
    report = plan_against_actual(db, actor=accountant, year=2025, last_month=3)
    rows = {r.line.code: r for r in report.rows}
    assert rows["62.4"].per_mille == 950 and report.warning(rows["62.4"]) == "near"
    assert report.warning(rows["62.2"]) == "over" and rows["62.2"].difference == -1
    assert rows["62"].actual == 1_950_001 and rows["62"].planned == 2_000_000
    assert report.cash == 5_000_000 - 1_950_001
    reverse_entry(db, actor=accountant, entry_id=over, entry_date=date(2025, 2, 2), reason="ຜິດ")
    rows = {r.line.code: r for r in plan_against_actual(db, actor=accountant, year=2025).rows}
    assert rows["62.2"].actual == 0


def test_a_fiscal_year_from_october_counts_its_months_from_october(db, make_user, accountant):
    from oc_desktop.budget.lines import chart, start_year
    from oc_desktop.budget.rules import set_rule
    from oc_desktop.security import ADMIN

    admin = make_user("admin", [ADMIN])
    set_rule(db, actor=admin, key="budget_year", value=[{"from": "1900-01-01", "start_month": 10}])
    start_year(db, actor=accountant, year=2026)  # 1 October 2025 to 30 September 2026
    items = {r.code: r.id for r in chart(db, actor=accountant, year=2026)}
    for day, amount in ((date(2025, 10, 1), 100), (date(2025, 12, 31), 20), (date(2026, 1, 1), 3)):
        record_entry(
            db,
            actor=accountant,
            kind="expenditure",
            entry_date=day,
            line_id=items["62.1"],
            description="ຈ່າຍ",
            amount=amount,
        )
    first_quarter = plan_against_actual(db, actor=accountant, year=2026, last_month=3)
    assert {r.line.code: r.actual for r in first_quarter.rows}["62.1"] == 120
    whole = plan_against_actual(db, actor=accountant, year=2026)
    assert whole.total("expenditure").actual == 123

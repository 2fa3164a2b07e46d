"""The chart of a year and its plan: seeded, edited, planned and amended, in whole kip."""

from datetime import date

import pytest
from sqlalchemy import select

from oc_desktop.budget.lines import chart, plan_history, plan_line, save_line, start_year
from oc_desktop.budget.rules import CHART
from oc_desktop.models import AuditEntry
from oc_desktop.security import HEAD, NotAllowed
from oc_desktop.validation import ValidationError


def _item(rows, code):
    return next(r for r in rows if r.code == code)


def test_a_new_year_starts_from_the_default_chart(db, accountant):
    made = start_year(db, actor=accountant, year=2025)
    rows = chart(db, actor=accountant, year=2025)
    assert made == len(rows) == sum(1 + len(c["items"]) for c in CHART)
    chapter = _item(rows, "60")
    assert chapter.parent_id is None and chapter.name == "ເງິນເດືອນ ແລະ ເງິນອຸດໜູນ"
    assert _item(rows, "60.1").parent_id == chapter.id
    with pytest.raises(ValidationError) as error:
        start_year(db, actor=accountant, year=2025)
    assert "year" in error.value.errors


def test_the_next_year_copies_the_edited_chart(db, accountant):
    start_year(db, actor=accountant, year=2025)
    rows = chart(db, actor=accountant, year=2025)
    save_line(
        db,
        actor=accountant,
        year=2025,
        code="62.7",
        name="ຄ່າອິນເຕີເນັດ",
        parent_id=_item(rows, "62").id,
    )
    save_line(
        db, actor=accountant, year=2025, code="62.1", name="ເຄື່ອງຂຽນ", line_id=_item(rows, "62.1").id
    )
    start_year(db, actor=accountant, year=2026)
    rows_2026 = chart(db, actor=accountant, year=2026)
    assert _item(rows_2026, "62.7").name == "ຄ່າອິນເຕີເນັດ"
    assert _item(rows_2026, "62.1").name == "ເຄື່ອງຂຽນ"
    assert _item(rows_2026, "62.7").kind == "expenditure"
    with pytest.raises(ValidationError) as error:
        save_line(
            db,
            actor=accountant,
            year=2026,
            code="62.7",
            name="ຊ້ຳ",
            parent_id=_item(rows_2026, "62").id,
        )
    assert "code" in error.value.errors


def test_plan_and_amendments_sum_per_item_and_chapter(db, accountant):
    start_year(db, actor=accountant, year=2025)
    rows = chart(db, actor=accountant, year=2025)
    fuel, travel = _item(rows, "62.4").id, _item(rows, "62.5").id
    plan_line(db, actor=accountant, line_id=fuel, amount=12_000_000, decided_on=date(2024, 12, 20))
    plan_line(
        db, actor=accountant, line_id=travel, amount=30_000_000, decided_on=date(2024, 12, 20)
    )
    plan_line(
        db,
        actor=accountant,
        line_id=fuel,
        amount=-2_500_001,
        decided_on=date(2025, 6, 1),
        decision="ມະຕິ 12/ຄອຂ",
    )
    rows = chart(db, actor=accountant, year=2025)
    assert _item(rows, "62.4").planned == 9_499_999
    assert _item(rows, "62.4").amended == -2_500_001
    assert _item(rows, "62").planned == 39_499_999
    history = plan_history(db, actor=accountant, line_id=fuel)
    assert [(p.kind, p.amount) for p in history] == [
        ("initial", 12_000_000),
        ("amendment", -2_500_001),
    ]
    with db.read() as session:
        assert session.scalar(
            select(AuditEntry.id).where(
                AuditEntry.area == "budget", AuditEntry.entity == "budget_plan"
            )
        )


@pytest.mark.parametrize(
    ("amount", "field"),
    [(-5, "amount"), (1.5, "amount"), ("100", "amount"), (10**15, "amount"), (True, "amount")],
)
def test_bad_plan_amounts_are_refused_at_the_field(db, accountant, amount, field):
    start_year(db, actor=accountant, year=2025)
    fuel = _item(chart(db, actor=accountant, year=2025), "62.4").id
    with pytest.raises(ValidationError) as error:
        plan_line(db, actor=accountant, line_id=fuel, amount=amount, decided_on=date(2025, 1, 2))
    assert field in error.value.errors
    assert plan_history(db, actor=accountant, line_id=fuel) == []


def test_an_amendment_needs_its_decision_and_keeps_the_plan_above_zero(db, accountant):
    start_year(db, actor=accountant, year=2025)
    fuel = _item(chart(db, actor=accountant, year=2025), "62.4").id
    plan_line(db, actor=accountant, line_id=fuel, amount=1_000, decided_on=date(2025, 1, 2))
    with pytest.raises(ValidationError) as error:
        plan_line(db, actor=accountant, line_id=fuel, amount=500, decided_on=date(2025, 3, 2))
    assert "decision" in error.value.errors
    with pytest.raises(ValidationError) as error:
        plan_line(
            db,
            actor=accountant,
            line_id=fuel,
            amount=-1_001,
            decided_on=date(2025, 3, 2),
            decision="x",
        )
    assert "amount" in error.value.errors


def test_the_head_reads_but_does_not_plan(db, accountant, make_user):
    head = make_user("head", [HEAD])
    start_year(db, actor=accountant, year=2025)
    rows = chart(db, actor=head, year=2025)
    with pytest.raises(ValidationError):
        plan_line(
            db, actor=head, line_id=_item(rows, "62.4").id, amount=5, decided_on=date(2025, 1, 1)
        )
    reader = make_user("someone", ["clerk"])
    with pytest.raises(NotAllowed):
        chart(db, actor=reader, year=2025)

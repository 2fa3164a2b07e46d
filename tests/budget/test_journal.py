"""The journal: numbers per year and kind never reused, reversals instead of edits,
closed months, scans kept with their checksum, and every write audited."""

from datetime import date

import pytest
from sqlalchemy import select

from oc_desktop.budget.journal import close_month, record_entry, reverse_entry, voucher
from oc_desktop.budget.journal_query import JournalQuery, count_journal, fetch_journal
from oc_desktop.models import AuditEntry, JournalEntry
from oc_desktop.paths import scans_dir
from oc_desktop.validation import ValidationError


def _spend(db, actor, items, day=date(2025, 3, 4), amount=250_000, **kwargs):
    return record_entry(
        db,
        actor=actor,
        kind=kwargs.pop("kind", "expenditure"),
        entry_date=day,
        line_id=items[kwargs.pop("code", "62.4")],
        description=kwargs.pop("description", "ນ້ຳມັນລົດ"),
        amount=amount,
        party=kwargs.pop("party", "ປ້ຳນ້ຳມັນ ສະຫວັນ"),
        approved_by="ທ່ານ ຫົວໜ້າ",
        **kwargs,
    )


def test_numbers_run_per_year_and_kind(db, accountant, items):
    first = _spend(db, accountant, items)
    second = _spend(db, accountant, items)
    income = _spend(db, accountant, items, kind="revenue", code="R1.1", amount=90_000_000)
    numbers = [voucher(db, actor=accountant, entry_id=i).number for i in (first, second, income)]
    assert numbers == ["ລຈ 1/2025", "ລຈ 2/2025", "ລຮ 1/2025"]


def test_a_number_typed_from_paper_is_taken_once(db, accountant, items):
    _spend(db, accountant, items, seq=7)
    with pytest.raises(ValidationError) as error:
        _spend(db, accountant, items, seq=7)
    assert "seq" in error.value.errors
    assert (
        voucher(db, actor=accountant, entry_id=_spend(db, accountant, items)).number == "ລຈ 8/2025"
    )


def test_a_mistake_is_reversed_by_a_new_entry_never_edited(db, accountant, items):
    wrong = _spend(db, accountant, items, amount=2_741_034)
    back = reverse_entry(
        db, actor=accountant, entry_id=wrong, entry_date=date(2025, 3, 5), reason="ຂຽນຜິດ"
    )
    original, reversal = (voucher(db, actor=accountant, entry_id=i) for i in (wrong, back))
    assert reversal.amount == -2_741_034 and reversal.reverses == original.number
    assert original.reversed_by == reversal.number and original.amount == 2_741_034
    assert reversal.number == "ລຈ 2/2025"
    with pytest.raises(ValidationError) as error:
        reverse_entry(db, actor=accountant, entry_id=wrong, entry_date=date(2025, 3, 6), reason="x")
    assert "reason" in error.value.errors


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"amount": 0}, "amount"),
        ({"amount": -100}, "amount"),
        ({"amount": 12.5}, "amount"),
        ({"amount": 10**13}, "amount"),
        ({"description": "  "}, "description"),
        ({"code": "R1.1"}, "line_id"),
        ({"code": "62"}, "line_id"),
        ({"day": date(2026, 1, 2)}, "line_id"),
    ],
)
def test_bad_input_is_refused_at_the_field_with_nothing_saved(
    db, accountant, items, changes, field
):
    with pytest.raises(ValidationError) as error:
        _spend(db, accountant, items, **changes)
    assert field in error.value.errors
    with db.read() as session:
        assert session.scalar(select(JournalEntry.id)) is None


def test_a_closed_month_takes_no_new_entry_nor_a_reversal(db, accountant, items):
    march = _spend(db, accountant, items)
    close_month(db, actor=accountant, year=2025, month=3)
    with pytest.raises(ValidationError) as error:
        _spend(db, accountant, items, day=date(2025, 3, 31))
    assert "entry_date" in error.value.errors
    with pytest.raises(ValidationError):
        reverse_entry(
            db, actor=accountant, entry_id=march, entry_date=date(2025, 3, 31), reason="x"
        )
    # the mistake is reversed in the open month that follows
    reverse_entry(db, actor=accountant, entry_id=march, entry_date=date(2025, 4, 1), reason="x")
    _spend(db, accountant, items, day=date(2025, 4, 2))
    with db.read() as session:
        actions = list(
            session.scalars(
                select(AuditEntry.entity).where(AuditEntry.area == "budget").order_by(AuditEntry.id)
            )
        )
    assert actions.count("budget_journal") == 3 and "budget_month" in actions


def test_a_scan_is_copied_with_its_checksum(db, accountant, items, data_dir, tmp_path):
    paper = tmp_path / "receipt.pdf"
    paper.write_bytes(b"%PDF-1.4 receipt")
    entry = _spend(db, accountant, items, scan=paper, data_dir=data_dir)
    stored = voucher(db, actor=accountant, entry_id=entry).scan_name
    assert (scans_dir(data_dir) / stored).read_bytes() == b"%PDF-1.4 receipt"


def test_the_journal_pages_and_searches(db, accountant, items):
    for n in range(5):
        _spend(db, accountant, items, amount=1_000 + n, description=f"ເຄື່ອງ {n}", code="62.1")
    _spend(db, accountant, items, description="ຄ່າໄຟ", code="62.2")
    query = JournalQuery(year=2025)
    first = fetch_journal(db, actor=accountant, query=query, limit=4)
    rest = fetch_journal(db, actor=accountant, query=query, after=first[-1].key, limit=4)
    assert len(first) == 4 and len(rest) == 2
    assert {v.id for v in first}.isdisjoint(v.id for v in rest)
    assert count_journal(db, actor=accountant, query=JournalQuery(year=2025, text="ໄຟ")) == 1
    assert count_journal(db, actor=accountant, query=JournalQuery(year=2025, text="62.2 ຄ່າ")) == 1
    _spend(db, accountant, items, description="ງານສະເຫຼີມສະຫຼອງ", code="62.2")
    # ຫ + ລ typed for ຫຼ finds it; each word must be there, in any order
    assert (
        count_journal(db, actor=accountant, query=JournalQuery(year=2025, text="ສະຫລອງ ສະເຫລີມ"))
        == 1
    )
    assert count_journal(db, actor=accountant, query=JournalQuery(year=2025, text="ສະເຫລີມ")) == 1
    assert (
        count_journal(db, actor=accountant, query=JournalQuery(year=2025, text="ສະຫລອງ ເຄື່ອງ")) == 0
    )
    assert count_journal(db, actor=accountant, query=JournalQuery(year=2025, month=4)) == 0

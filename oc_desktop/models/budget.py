"""The budget: the chart of lines per fiscal year, the plan, the journal of revenue and
expenditure, closed months and payroll sheets.

Money is whole kip in INTEGER columns: no float anywhere. Plan rows, journal entries
and posted payrolls are never edited: an amendment, a reversing entry or a reversed
payroll is a new row that says what it changes.
"""

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from oc_desktop.models.base import Base, utcnow
from oc_desktop.models.registers import RegisterEntry

REVENUE, EXPENDITURE = "revenue", "expenditure"
KINDS = (REVENUE, EXPENDITURE)
# A plan row: the year's first amount, or an amendment (an increase or a cut).
INITIAL, AMENDMENT = "initial", "amendment"
# Payroll sheets: computed and still open, approved and posted, or reversed.
DRAFT, POSTED, REVERSED = "draft", "posted", "reversed"


class BudgetLine(Base):
    """A chapter (no parent) or an item of a fiscal year's chart (ໝວດ / ລາຍການ)."""

    __tablename__ = "budget_line"
    __table_args__ = (
        UniqueConstraint("year", "code", name="uq_budget_line_year_code"),
        CheckConstraint("kind IN ('revenue','expenditure')", name="known_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("budget_line.id"))
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(12))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(default=True)


class PlanEntry(Base):
    """An amount planned for an item in its year: the first plan or an amendment, with
    the date and the decision that made it. The plan is their sum."""

    __tablename__ = "budget_plan"
    __table_args__ = (
        CheckConstraint("kind IN ('initial','amendment')", name="known_kind"),
        Index("ix_budget_plan_line_id", "line_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("budget_line.id"))
    kind: Mapped[str] = mapped_column(String(12))
    amount: Mapped[int] = mapped_column(BigInteger)
    decided_on: Mapped[date] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class JournalEntry(RegisterEntry, Base):
    """A voucher (ໃບລາຍຮັບ / ໃບລາຍຈ່າຍ): numbered per fiscal year (``period``) and kind
    (``series``). A reversal has the opposite amount and points at what it reverses."""

    __tablename__ = "budget_journal"
    __table_args__ = (
        UniqueConstraint("period", "series", "seq", name="uq_budget_journal_number"),
        CheckConstraint("series IN ('revenue','expenditure')", name="known_series"),
        # the journal's pages in date order, and plan against actual read from the index
        Index("ix_budget_journal_period_entry_date", "period", "entry_date"),
        Index("ix_budget_journal_period_amount", "period", "amount"),
        Index("ix_budget_journal_totals", "period", "line_id", "entry_date", "amount"),
        Index("ix_budget_journal_line_id", "line_id"),
    )

    number: Mapped[str] = mapped_column(String(60))
    entry_date: Mapped[date] = mapped_column(Date)
    line_id: Mapped[int] = mapped_column(ForeignKey("budget_line.id"))
    description: Mapped[str] = mapped_column(Text)
    amount: Mapped[int] = mapped_column(BigInteger)
    party: Mapped[str] = mapped_column(String(300), default="")
    approved_by: Mapped[str] = mapped_column(String(200), default="")
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("budget_journal.id"), unique=True)
    payroll_id: Mapped[int | None] = mapped_column(ForeignKey("payroll_sheet.id"))
    scan_name: Mapped[str | None] = mapped_column(String(300))
    scan_sha256: Mapped[str | None] = mapped_column(String(64))


class ClosedMonth(Base):
    """A month whose books are closed: it takes no new entry."""

    __tablename__ = "budget_closed_month"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    closed_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class PayrollSheet(Base):
    """A month's salary sheet; approving it posts one expenditure voucher."""

    __tablename__ = "payroll_sheet"
    __table_args__ = (
        CheckConstraint("status IN ('draft','posted','reversed')", name="known_status"),
        Index("ix_payroll_sheet_year_month", "year", "month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default=DRAFT)
    index_value: Mapped[int] = mapped_column(Integer)
    employee_bp: Mapped[int] = mapped_column(Integer)  # social security, 1/100 of a percent
    state_bp: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    approved_at: Mapped[datetime | None]
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class PayrollLine(Base):
    """One person on a sheet, with everything the amount was computed from."""

    __tablename__ = "payroll_line"
    __table_args__ = (Index("ix_payroll_line_sheet_id", "sheet_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("payroll_sheet.id"))
    person_id: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    position: Mapped[str] = mapped_column(String(40), default="")
    grade: Mapped[int | None] = mapped_column(Integer)
    step: Mapped[int | None] = mapped_column(Integer)
    salary_index: Mapped[int] = mapped_column(Integer, default=0)
    base: Mapped[int] = mapped_column(BigInteger, default=0)
    position_allowance: Mapped[int] = mapped_column(BigInteger, default=0)
    living_allowance: Mapped[int] = mapped_column(BigInteger, default=0)
    other_allowances: Mapped[int] = mapped_column(BigInteger, default=0)
    employee_share: Mapped[int] = mapped_column(BigInteger, default=0)
    state_share: Mapped[int] = mapped_column(BigInteger, default=0)
    net: Mapped[int] = mapped_column(BigInteger, default=0)

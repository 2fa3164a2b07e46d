"""The budget: chart lines per fiscal year, plan and amendments, the journal of vouchers,
closed months, payroll sheets and their lines. Amounts are whole kip (BIGINT).

Revision ID: 0007_budget
Revises: 0006_staff
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_budget"
down_revision: str | None = "0006_staff"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "payroll_line",
    "budget_journal",
    "payroll_sheet",
    "budget_plan",
    "budget_closed_month",
    "budget_line",
)


def upgrade() -> None:
    op.create_table(
        "budget_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('revenue','expenditure')", name=op.f("ck_budget_line_known_kind")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["budget_line.id"], name=op.f("fk_budget_line_parent_id_budget_line")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_line")),
        sa.UniqueConstraint("year", "code", name="uq_budget_line_year_code"),
    )
    op.create_index(op.f("ix_budget_line_year"), "budget_line", ["year"], unique=False)
    op.create_table(
        "budget_closed_month",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["closed_by"], ["user.id"], name=op.f("fk_budget_closed_month_closed_by_user")
        ),
        sa.PrimaryKeyConstraint("year", "month", name=op.f("pk_budget_closed_month")),
    )
    op.create_table(
        "budget_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("decision", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('initial','amendment')", name=op.f("ck_budget_plan_known_kind")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_budget_plan_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["line_id"], ["budget_line.id"], name=op.f("fk_budget_plan_line_id_budget_line")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_plan")),
    )
    op.create_index("ix_budget_plan_line_id", "budget_plan", ["line_id"], unique=False)
    op.create_table(
        "payroll_sheet",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("index_value", sa.Integer(), nullable=False),
        sa.Column("employee_bp", sa.Integer(), nullable=False),
        sa.Column("state_bp", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('draft','posted','reversed')", name=op.f("ck_payroll_sheet_known_status")
        ),
        sa.ForeignKeyConstraint(
            ["approved_by"], ["user.id"], name=op.f("fk_payroll_sheet_approved_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_payroll_sheet_created_by_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payroll_sheet")),
    )
    op.create_index("ix_payroll_sheet_year_month", "payroll_sheet", ["year", "month"], unique=False)
    op.create_table(
        "budget_journal",
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("entry_date", sa.Date(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("party", sa.String(length=300), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("payroll_id", sa.Integer(), nullable=True),
        sa.Column("scan_name", sa.String(length=300), nullable=True),
        sa.Column("scan_sha256", sa.String(length=64), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("series", sa.String(length=30), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("voided_by", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "series IN ('revenue','expenditure')", name=op.f("ck_budget_journal_known_series")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_budget_journal_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["line_id"], ["budget_line.id"], name=op.f("fk_budget_journal_line_id_budget_line")
        ),
        sa.ForeignKeyConstraint(
            ["payroll_id"],
            ["payroll_sheet.id"],
            name=op.f("fk_budget_journal_payroll_id_payroll_sheet"),
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["budget_journal.id"],
            name=op.f("fk_budget_journal_reverses_id_budget_journal"),
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["user.id"], name=op.f("fk_budget_journal_updated_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["voided_by"], ["user.id"], name=op.f("fk_budget_journal_voided_by_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_journal")),
        sa.UniqueConstraint("period", "series", "seq", name="uq_budget_journal_number"),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_budget_journal_reverses_id")),
    )
    op.create_index(
        "ix_budget_journal_period_entry_date",
        "budget_journal",
        ["period", "entry_date"],
        unique=False,
    )
    op.create_index(
        "ix_budget_journal_period_amount", "budget_journal", ["period", "amount"], unique=False
    )
    op.create_index(
        "ix_budget_journal_totals",
        "budget_journal",
        ["period", "line_id", "entry_date", "amount"],
        unique=False,
    )
    op.create_index("ix_budget_journal_line_id", "budget_journal", ["line_id"], unique=False)
    op.create_table(
        "payroll_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sheet_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("position", sa.String(length=40), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=True),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("salary_index", sa.Integer(), nullable=False),
        sa.Column("base", sa.BigInteger(), nullable=False),
        sa.Column("position_allowance", sa.BigInteger(), nullable=False),
        sa.Column("living_allowance", sa.BigInteger(), nullable=False),
        sa.Column("other_allowances", sa.BigInteger(), nullable=False),
        sa.Column("employee_share", sa.BigInteger(), nullable=False),
        sa.Column("state_share", sa.BigInteger(), nullable=False),
        sa.Column("net", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sheet_id"], ["payroll_sheet.id"], name=op.f("fk_payroll_line_sheet_id_payroll_sheet")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payroll_line")),
    )
    op.create_index("ix_payroll_line_sheet_id", "payroll_line", ["sheet_id"], unique=False)


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)

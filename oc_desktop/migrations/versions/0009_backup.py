"""The highest number each register gave, kept across a restore of older data.

Revision ID: 0009_backup
Revises: 0004_audit_indexes
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_backup"
down_revision: str | None = "0007_budget"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "issued_number",
        sa.Column("table_name", sa.String(60), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("series", sa.String(30), nullable=False),
        sa.Column("highest", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "period", "series", name=op.f("pk_issued_number")),
    )


def downgrade() -> None:
    op.drop_table("issued_number")

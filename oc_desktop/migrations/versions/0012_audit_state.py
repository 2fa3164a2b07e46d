"""The audit trail keeps what traced rows became: ``audit_entry.state`` (issue 15).

A nullable JSON column, added without rebuilding the table, so the chain's rows and
hashes stay as they are (a row's hash covers ``state`` only when it holds one). Rows
written before carry no state: `verify` counts the traced rows they wrote as not
covered until an operation writes them again or a baseline row records them.

Revision ID: 0012_audit_state
Revises: 0011_lao_order
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_audit_state"
down_revision: str | None = "0011_lao_order"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("audit_entry", sa.Column("state", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_entry") as batch_op:
        batch_op.drop_column("state")

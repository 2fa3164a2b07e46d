"""Indexes for the Audit tab's filters: one person's rows newest first, and a period.

Revision ID: 0004_audit_indexes
Revises: 0003_documents
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004_audit_indexes"
down_revision: str | None = "0003_documents"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain CREATE INDEX: no table is rebuilt, so the hash chain's rows stay as they are.
    op.create_index("ix_audit_entry_username_id", "audit_entry", ["username", "id"])
    op.create_index("ix_audit_entry_at", "audit_entry", ["at"])


def downgrade() -> None:
    op.drop_index("ix_audit_entry_at", table_name="audit_entry")
    op.drop_index("ix_audit_entry_username_id", table_name="audit_entry")

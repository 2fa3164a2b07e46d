"""Look-alike Lao spellings folded: the directory's identity key, every stored key rebuilt.

Adds ``correspondent.name_key`` (offices typed ໜ/ຫນ, ຫຼ/ຫລ, ຳ/ໍາ or spaced differently
are one), then asks each area whose tables the file holds to make its stored search,
identity and sort keys again (``Area.rekey``): search keys now fold those spellings and
keep a record's fields apart. The clerks' text itself is not touched.

Revision ID: 0010_lao_search
Revises: 0004_audit_indexes
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from oc_desktop.migrations import rekey_all

revision: str = "0010_lao_search"
down_revision: str | None = "0009_backup"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _tables() -> set[str]:
    return set(sa.inspect(op.get_bind()).get_table_names())


def upgrade() -> None:
    if "correspondent" in _tables():
        # ADD COLUMN: no table is rebuilt, the documents' links to it stay as they are
        op.add_column(
            "correspondent",
            sa.Column("name_key", sa.String(length=300), nullable=False, server_default=""),
        )
        op.create_index("ix_correspondent_name_key", "correspondent", ["name_key"])
    rekey_all()


def downgrade() -> None:
    op.drop_index("ix_correspondent_name_key", table_name="correspondent")
    with op.batch_alter_table("correspondent") as batch_op:
        batch_op.drop_column("name_key")

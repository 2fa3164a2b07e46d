"""Lao order as CLDR has it: every stored sort key made again, secret entries' real keys kept.

Sort keys now fold look-alike spellings (ຫຼ/ຫລ, ນ້ຳ/ນໍ້າ, ໜ/ຫນ, ເເ/ແ), put Lao before
Latin, numbers as numbers (9 before 10) and count a subject's every letter. Adds
``subject_sort_all``/``party_sort_all`` (the real keys of secret entries too, for readers
cleared for them) and ``doc_number_sort`` (the sender's number in that order); then every
area makes its stored keys again (``Area.rekey``). The clerks' text is not touched.

Revision ID: 0011_lao_order
Revises: 0010_lao_search
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from oc_desktop.migrations import rekey_all

revision: str = "0011_lao_order"
down_revision: str | None = "0010_lao_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NEW = {
    "incoming_document": ("subject_sort_all", "party_sort_all", "doc_number_sort"),
    "outgoing_document": ("subject_sort_all", "party_sort_all"),
}
_INDEXED = ("subject_sort_all", "party_sort_all")


def upgrade() -> None:
    tables = set(sa.inspect(op.get_bind()).get_table_names())
    for table, columns in _NEW.items():
        if table not in tables:
            continue
        for column in columns:
            # ADD COLUMN: no table is rebuilt; the keys are filled in by rekey below
            op.add_column(
                table,
                sa.Column(column, sa.LargeBinary(), nullable=False, server_default=sa.text("x''")),
            )
            if column in _INDEXED:
                op.create_index(f"ix_{table}_{column}", table, [column])
    rekey_all()


def downgrade() -> None:
    for table, columns in _NEW.items():
        for column in columns:
            if column in _INDEXED:
                op.drop_index(f"ix_{table}_{column}", table_name=table)
        with op.batch_alter_table(table) as batch_op:
            for column in columns:
                batch_op.drop_column(column)

"""The seal custody log: seals and their status history, and the hash-chained
handovers, uses and incidents.

Revision ID: 0005_seal
Revises: 0004_audit_indexes
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_seal"
down_revision: str | None = "0004_audit_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "seal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("kept_at", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("holder_id", sa.Integer(), nullable=True),
        sa.Column("impression_file", sa.String(length=260), nullable=False),
        sa.Column("impression_sha256", sa.String(length=64), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["user.id"], name=op.f("fk_seal_created_by_user")),
        sa.ForeignKeyConstraint(["holder_id"], ["user.id"], name=op.f("fk_seal_holder_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seal")),
        sa.UniqueConstraint("name", name=op.f("uq_seal_name")),
    )
    op.create_table(
        "seal_handover",
        sa.Column("from_id", sa.Integer(), nullable=True),
        sa.Column("to_id", sa.Integer(), nullable=False),
        sa.Column("witness", sa.String(length=200), nullable=False),
        sa.Column("left_at", sa.DateTime(), nullable=False),
        sa.Column("due_back", sa.Date(), nullable=True),
        sa.Column("returns_id", sa.Integer(), nullable=True),
        sa.Column("authorised_by", sa.String(length=200), nullable=False),
        sa.Column("authorisation_number", sa.String(length=60), nullable=False),
        sa.Column("authorisation_date", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("leaves_premises", sa.Boolean(), nullable=False),
        sa.Column("condition", sa.String(length=300), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("seal_id", sa.Integer(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
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
        sa.ForeignKeyConstraint(
            ["corrects_id"],
            ["seal_handover.id"],
            name=op.f("fk_seal_handover_corrects_id_seal_handover"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_seal_handover_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["from_id"], ["user.id"], name=op.f("fk_seal_handover_from_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["returns_id"],
            ["seal_handover.id"],
            name=op.f("fk_seal_handover_returns_id_seal_handover"),
        ),
        sa.ForeignKeyConstraint(
            ["seal_id"], ["seal.id"], name=op.f("fk_seal_handover_seal_id_seal")
        ),
        sa.ForeignKeyConstraint(["to_id"], ["user.id"], name=op.f("fk_seal_handover_to_id_user")),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["user.id"], name=op.f("fk_seal_handover_updated_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["voided_by"], ["user.id"], name=op.f("fk_seal_handover_voided_by_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seal_handover")),
        sa.UniqueConstraint("period", "series", "seq", name="uq_seal_handover_number"),
    )
    with op.batch_alter_table("seal_handover", schema=None) as batch_op:
        batch_op.create_index("ix_seal_handover_left_at", ["left_at"], unique=False)
        batch_op.create_index(
            "ix_seal_handover_seal_id_left_at", ["seal_id", "left_at"], unique=False
        )

    op.create_table(
        "seal_incident",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.Column("replacement_id", sa.Integer(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("seal_id", sa.Integer(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
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
        sa.ForeignKeyConstraint(
            ["corrects_id"],
            ["seal_incident.id"],
            name=op.f("fk_seal_incident_corrects_id_seal_incident"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_seal_incident_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["replacement_id"], ["seal.id"], name=op.f("fk_seal_incident_replacement_id_seal")
        ),
        sa.ForeignKeyConstraint(
            ["seal_id"], ["seal.id"], name=op.f("fk_seal_incident_seal_id_seal")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["user.id"], name=op.f("fk_seal_incident_updated_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["voided_by"], ["user.id"], name=op.f("fk_seal_incident_voided_by_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seal_incident")),
        sa.UniqueConstraint("period", "series", "seq", name="uq_seal_incident_number"),
    )
    with op.batch_alter_table("seal_incident", schema=None) as batch_op:
        batch_op.create_index("ix_seal_incident_seal_id", ["seal_id"], unique=False)

    op.create_table(
        "seal_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seal_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("decision_number", sa.String(length=60), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_seal_status_created_by_user")
        ),
        sa.ForeignKeyConstraint(["seal_id"], ["seal.id"], name=op.f("fk_seal_status_seal_id_seal")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seal_status")),
    )
    with op.batch_alter_table("seal_status", schema=None) as batch_op:
        batch_op.create_index("ix_seal_status_seal_id_since", ["seal_id", "since"], unique=False)

    op.create_table(
        "seal_use",
        sa.Column("used_at", sa.DateTime(), nullable=False),
        sa.Column("outgoing_id", sa.Integer(), nullable=True),
        sa.Column("described", sa.Text(), nullable=False),
        sa.Column("impression_kind", sa.String(length=20), nullable=False),
        sa.Column("impressions", sa.Integer(), nullable=False),
        sa.Column("sheets", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("applied_by_id", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("seal_id", sa.Integer(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
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
            "impression_kind IN ('signature','appendix','page_edges','copy')",
            name=op.f("ck_seal_use_known_impression"),
        ),
        sa.ForeignKeyConstraint(
            ["applied_by_id"], ["user.id"], name=op.f("fk_seal_use_applied_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["corrects_id"], ["seal_use.id"], name=op.f("fk_seal_use_corrects_id_seal_use")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_seal_use_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["outgoing_id"],
            ["outgoing_document.id"],
            name=op.f("fk_seal_use_outgoing_id_outgoing_document"),
        ),
        sa.ForeignKeyConstraint(["seal_id"], ["seal.id"], name=op.f("fk_seal_use_seal_id_seal")),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["user.id"], name=op.f("fk_seal_use_updated_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["voided_by"], ["user.id"], name=op.f("fk_seal_use_voided_by_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seal_use")),
        sa.UniqueConstraint("period", "series", "seq", name="uq_seal_use_number"),
    )
    with op.batch_alter_table("seal_use", schema=None) as batch_op:
        batch_op.create_index("ix_seal_use_outgoing_id", ["outgoing_id"], unique=False)
        batch_op.create_index("ix_seal_use_seal_id_used_at", ["seal_id", "used_at"], unique=False)
        batch_op.create_index("ix_seal_use_used_at", ["used_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("seal_use", schema=None) as batch_op:
        batch_op.drop_index("ix_seal_use_used_at")
        batch_op.drop_index("ix_seal_use_seal_id_used_at")
        batch_op.drop_index("ix_seal_use_outgoing_id")

    op.drop_table("seal_use")
    with op.batch_alter_table("seal_status", schema=None) as batch_op:
        batch_op.drop_index("ix_seal_status_seal_id_since")

    op.drop_table("seal_status")
    with op.batch_alter_table("seal_incident", schema=None) as batch_op:
        batch_op.drop_index("ix_seal_incident_seal_id")

    op.drop_table("seal_incident")
    with op.batch_alter_table("seal_handover", schema=None) as batch_op:
        batch_op.drop_index("ix_seal_handover_seal_id_left_at")
        batch_op.drop_index("ix_seal_handover_left_at")

    op.drop_table("seal_handover")
    op.drop_table("seal")

"""The document register: incoming and outgoing documents, routing, copies, scans,
the correspondents' directory, document kinds, and a trigram index per register.

Revision ID: 0003_documents
Revises: 0002_users_audit
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_documents"
down_revision: str | None = "0002_users_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Substring search in Lao (no spaces between words) and Latin alike: FTS5's trigram
# tokenizer matches any fragment of three characters or more. Rowid = the document's id.
SEARCH_TABLES = ("incoming_search", "outgoing_search")


def upgrade() -> None:
    op.create_table(
        "correspondent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("sort", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correspondent")),
        sa.UniqueConstraint("name", name=op.f("uq_correspondent_name")),
    )
    with op.batch_alter_table("correspondent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_correspondent_sort"), ["sort"], unique=False)

    op.create_table(
        "document_kind",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("sort", sa.LargeBinary(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_kind")),
        sa.UniqueConstraint("name", name=op.f("uq_document_kind_name")),
    )
    op.create_table(
        "incoming_document",
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("sender_id", sa.Integer(), nullable=False),
        sa.Column("doc_number", sa.String(length=60), nullable=False),
        sa.Column("doc_date", sa.Date(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("series", sa.String(length=30), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("subject_sort", sa.LargeBinary(), nullable=False),
        sa.Column("party_sort", sa.LargeBinary(), nullable=False),
        sa.Column("urgency", sa.Integer(), nullable=False),
        sa.Column("secrecy", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("kind_id", sa.Integer(), nullable=True),
        sa.Column("voided_by", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('received','assigned','in_progress','answered','filed')",
            name=op.f("ck_incoming_document_known_status"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_incoming_document_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["kind_id"],
            ["document_kind.id"],
            name=op.f("fk_incoming_document_kind_id_document_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["sender_id"],
            ["correspondent.id"],
            name=op.f("fk_incoming_document_sender_id_correspondent"),
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["user.id"], name=op.f("fk_incoming_document_updated_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["voided_by"], ["user.id"], name=op.f("fk_incoming_document_voided_by_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incoming_document")),
        sa.UniqueConstraint("period", "series", "seq", name="uq_incoming_document_number"),
    )
    with op.batch_alter_table("incoming_document", schema=None) as batch_op:
        batch_op.create_index("ix_incoming_document_doc_date", ["doc_date"], unique=False)
        batch_op.create_index("ix_incoming_document_due_date", ["due_date"], unique=False)
        batch_op.create_index(
            "ix_incoming_document_duplicate", ["sender_id", "doc_number", "doc_date"], unique=False
        )
        batch_op.create_index("ix_incoming_document_kind_id", ["kind_id"], unique=False)
        batch_op.create_index("ix_incoming_document_received_at", ["received_at"], unique=False)
        batch_op.create_index("ix_incoming_document_status", ["status"], unique=False)
        batch_op.create_index("ix_incoming_document_subject_sort", ["subject_sort"], unique=False)
        batch_op.create_index("ix_incoming_document_party_sort", ["party_sort"], unique=False)

    op.create_table(
        "outgoing_document",
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("doc_date", sa.Date(), nullable=False),
        sa.Column("signer", sa.String(length=300), nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("file_copy_at", sa.String(length=200), nullable=False),
        sa.Column("answers_id", sa.Integer(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("series", sa.String(length=30), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("subject_sort", sa.LargeBinary(), nullable=False),
        sa.Column("party_sort", sa.LargeBinary(), nullable=False),
        sa.Column("urgency", sa.Integer(), nullable=False),
        sa.Column("secrecy", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("kind_id", sa.Integer(), nullable=True),
        sa.Column("voided_by", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["answers_id"],
            ["incoming_document.id"],
            name=op.f("fk_outgoing_document_answers_id_incoming_document"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_outgoing_document_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["kind_id"],
            ["document_kind.id"],
            name=op.f("fk_outgoing_document_kind_id_document_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["user.id"], name=op.f("fk_outgoing_document_updated_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["voided_by"], ["user.id"], name=op.f("fk_outgoing_document_voided_by_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outgoing_document")),
        sa.UniqueConstraint("period", "series", "seq", name="uq_outgoing_document_number"),
    )
    with op.batch_alter_table("outgoing_document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outgoing_document_answers_id"), ["answers_id"], unique=False
        )
        batch_op.create_index("ix_outgoing_document_doc_date", ["doc_date"], unique=False)
        batch_op.create_index("ix_outgoing_document_kind_id", ["kind_id"], unique=False)
        batch_op.create_index("ix_outgoing_document_subject_sort", ["subject_sort"], unique=False)
        batch_op.create_index("ix_outgoing_document_party_sort", ["party_sort"], unique=False)

    op.create_table(
        "routing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incoming_id", sa.Integer(), nullable=False),
        sa.Column("section_id", sa.Integer(), nullable=True),
        sa.Column("person", sa.String(length=200), nullable=False),
        sa.Column("instruction", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("handed_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_routing_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["incoming_id"],
            ["incoming_document.id"],
            name=op.f("fk_routing_incoming_id_incoming_document"),
        ),
        sa.ForeignKeyConstraint(
            ["section_id"], ["section.id"], name=op.f("fk_routing_section_id_section")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routing")),
    )
    with op.batch_alter_table("routing", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_routing_incoming_id"), ["incoming_id"], unique=False)

    op.create_table(
        "document_copy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("for_whom", sa.String(length=300), nullable=False),
        sa.Column("authorised_by", sa.String(length=200), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("incoming_id", sa.Integer(), nullable=True),
        sa.Column("outgoing_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(incoming_id IS NULL) != (outgoing_id IS NULL)",
            name=op.f("ck_document_copy_one_document"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_document_copy_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["incoming_id"],
            ["incoming_document.id"],
            name=op.f("fk_document_copy_incoming_id_incoming_document"),
        ),
        sa.ForeignKeyConstraint(
            ["outgoing_id"],
            ["outgoing_document.id"],
            name=op.f("fk_document_copy_outgoing_id_outgoing_document"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_copy")),
    )
    with op.batch_alter_table("document_copy", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_document_copy_incoming_id"), ["incoming_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_document_copy_outgoing_id"), ["outgoing_id"], unique=False
        )

    op.create_table(
        "scan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("stored_name", sa.String(length=260), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("incoming_id", sa.Integer(), nullable=True),
        sa.Column("outgoing_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(incoming_id IS NULL) != (outgoing_id IS NULL)", name=op.f("ck_scan_one_document")
        ),
        sa.ForeignKeyConstraint(["created_by"], ["user.id"], name=op.f("fk_scan_created_by_user")),
        sa.ForeignKeyConstraint(
            ["incoming_id"],
            ["incoming_document.id"],
            name=op.f("fk_scan_incoming_id_incoming_document"),
        ),
        sa.ForeignKeyConstraint(
            ["outgoing_id"],
            ["outgoing_document.id"],
            name=op.f("fk_scan_outgoing_id_outgoing_document"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan")),
        sa.UniqueConstraint("stored_name", name=op.f("uq_scan_stored_name")),
    )
    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scan_incoming_id"), ["incoming_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_scan_outgoing_id"), ["outgoing_id"], unique=False)

    for table in SEARCH_TABLES:
        op.execute(
            f"CREATE VIRTUAL TABLE {table} USING fts5(open_text, secret_text, tokenize='trigram')"
        )


def downgrade() -> None:
    for table in SEARCH_TABLES:
        op.execute(f"DROP TABLE {table}")
    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scan_outgoing_id"))
        batch_op.drop_index(batch_op.f("ix_scan_incoming_id"))

    op.drop_table("scan")
    with op.batch_alter_table("document_copy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_copy_outgoing_id"))
        batch_op.drop_index(batch_op.f("ix_document_copy_incoming_id"))

    op.drop_table("document_copy")
    with op.batch_alter_table("routing", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_routing_incoming_id"))

    op.drop_table("routing")
    with op.batch_alter_table("outgoing_document", schema=None) as batch_op:
        batch_op.drop_index("ix_outgoing_document_subject_sort")
        batch_op.drop_index("ix_outgoing_document_party_sort")
        batch_op.drop_index("ix_outgoing_document_kind_id")
        batch_op.drop_index("ix_outgoing_document_doc_date")
        batch_op.drop_index(batch_op.f("ix_outgoing_document_answers_id"))

    op.drop_table("outgoing_document")
    with op.batch_alter_table("incoming_document", schema=None) as batch_op:
        batch_op.drop_index("ix_incoming_document_subject_sort")
        batch_op.drop_index("ix_incoming_document_party_sort")
        batch_op.drop_index("ix_incoming_document_status")
        batch_op.drop_index("ix_incoming_document_received_at")
        batch_op.drop_index("ix_incoming_document_kind_id")
        batch_op.drop_index("ix_incoming_document_duplicate")
        batch_op.drop_index("ix_incoming_document_due_date")
        batch_op.drop_index("ix_incoming_document_doc_date")

    op.drop_table("incoming_document")
    op.drop_table("document_kind")
    with op.batch_alter_table("correspondent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_correspondent_sort"))

    op.drop_table("correspondent")

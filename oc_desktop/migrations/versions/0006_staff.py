"""Staff records: the person file, family, ethnic groups, and the dated history of
positions, grades and steps, training, commendations, discipline, evaluations, leaving.

Revision ID: 0006_staff
Revises: 0004_audit_indexes
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_staff"
down_revision: str | None = "0005_seal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ethnic_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("sort", sa.LargeBinary(), nullable=False),
        sa.Column("minority", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ethnic_group")),
        sa.UniqueConstraint("name", name=op.f("uq_ethnic_group_name")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("given_name", sa.String(length=100), nullable=False),
        sa.Column("family_name", sa.String(length=100), nullable=False),
        sa.Column("latin_name", sa.String(length=200), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("birth_village", sa.String(length=100), nullable=False),
        sa.Column("birth_district", sa.String(length=100), nullable=False),
        sa.Column("birth_province", sa.String(length=100), nullable=False),
        sa.Column("ethnic_group_id", sa.Integer(), nullable=True),
        sa.Column("religion", sa.String(length=100), nullable=False),
        sa.Column("id_card", sa.String(length=40), nullable=True),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("education", sa.String(length=200), nullable=False),
        sa.Column("specialised", sa.String(length=200), nullable=False),
        sa.Column("political_theory", sa.String(length=20), nullable=False),
        sa.Column("state_management", sa.String(length=200), nullable=False),
        sa.Column("languages", sa.String(length=200), nullable=False),
        sa.Column("computing", sa.String(length=200), nullable=False),
        sa.Column("party_joined", sa.Date(), nullable=True),
        sa.Column("party_full", sa.Date(), nullable=True),
        sa.Column("youth_joined", sa.Date(), nullable=True),
        sa.Column("women_joined", sa.Date(), nullable=True),
        sa.Column("union_joined", sa.Date(), nullable=True),
        sa.Column("service_entry", sa.Date(), nullable=False),
        sa.Column("section_id", sa.Integer(), nullable=True),
        sa.Column("retirement_postponed_to", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("name_sort", sa.LargeBinary(), nullable=False),
        sa.Column("search", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "political_theory IN ('','basic','intermediate','advanced')",
            name=op.f("ck_person_known_theory"),
        ),
        sa.CheckConstraint("sex IN ('m','f')", name=op.f("ck_person_known_sex")),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_person_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["ethnic_group_id"],
            ["ethnic_group.id"],
            name=op.f("fk_person_ethnic_group_id_ethnic_group"),
        ),
        sa.ForeignKeyConstraint(
            ["section_id"], ["section.id"], name=op.f("fk_person_section_id_section")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("id_card", name=op.f("uq_person_id_card")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_name_sort"), ["name_sort"], unique=False)

    op.create_table(
        "family_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("occupation", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.CheckConstraint(
            "relation IN ('father','mother','spouse','child','sibling')",
            name=op.f("ck_family_member_known_relation"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_family_member_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_member")),
    )
    with op.batch_alter_table("family_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_family_member_person_id"), ["person_id"], unique=False)

    op.create_table(
        "staff_event",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("by_whom", sa.String(length=300), nullable=False),
        sa.Column("result", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("decision_number", sa.String(length=60), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('training','commendation','discipline','evaluation')",
            name=op.f("ck_staff_event_known_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_staff_event_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_staff_event_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_event")),
    )
    with op.batch_alter_table("staff_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_event_person_id"), ["person_id"], unique=False)

    op.create_table(
        "staff_grade",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(length=20), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("decision_number", sa.String(length=60), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "change IN ('start','promotion','adjustment')", name=op.f("ck_staff_grade_known_change")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_staff_grade_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_staff_grade_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_grade")),
    )
    with op.batch_alter_table("staff_grade", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_grade_person_id"), ["person_id"], unique=False)

    op.create_table(
        "staff_leaving",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("benefit", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("decision_number", sa.String(length=60), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "benefit IN ('none','pension','one_time')", name=op.f("ck_staff_leaving_known_benefit")
        ),
        sa.CheckConstraint(
            "reason IN ('retirement','resignation','transfer_out','death')",
            name=op.f("ck_staff_leaving_known_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_staff_leaving_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_staff_leaving_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_leaving")),
        sa.UniqueConstraint("person_id", name=op.f("uq_staff_leaving_person_id")),
    )
    op.create_table(
        "staff_position",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(length=20), nullable=False),
        sa.Column("position", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("section_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("decision_number", sa.String(length=60), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "change IN ('appointment','transfer','acting','dismissal')",
            name=op.f("ck_staff_position_known_change"),
        ),
        sa.CheckConstraint(
            "position IN ('head','deputy_head','section_head','deputy_section_head','staff')",
            name=op.f("ck_staff_position_known_position"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_staff_position_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_staff_position_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["section_id"], ["section.id"], name=op.f("fk_staff_position_section_id_section")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_position")),
    )
    with op.batch_alter_table("staff_position", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_position_person_id"), ["person_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("staff_position", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_position_person_id"))

    op.drop_table("staff_position")
    op.drop_table("staff_leaving")
    with op.batch_alter_table("staff_grade", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_grade_person_id"))

    op.drop_table("staff_grade")
    with op.batch_alter_table("staff_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_event_person_id"))

    op.drop_table("staff_event")
    with op.batch_alter_table("family_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_member_person_id"))

    op.drop_table("family_member")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_name_sort"))

    op.drop_table("person")
    op.drop_table("ethnic_group")

"""accounts, revisions and publications: who changed what, and when it went live

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30

``app_user`` holds curator accounts (the password only as a salted scrypt hash, see
exhibition_app.core.passwords). ``revision`` is the audit trail: one row per change to an
item or exhibition, with who (``user_name`` is kept when the account is deleted), when, what
kind of change, a short summary and a JSON snapshot of the whole entity after the change,
so any revision can be restored. ``publication`` gets one row per act of publishing; its
highest id is the serial that running kiosks poll to pick up new content. New tables only:
no existing table is rebuilt.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen here: a later change to these sets needs its own migration.
ENTITIES = ("item", "exhibition")
ACTIONS = ("create", "update", "delete", "publish", "unpublish", "restore", "import")


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("name", name=op.f("uq_app_user_name")),
    )
    op.create_table(
        "revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("user_name", sa.String(length=64), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.String(length=500), nullable=True),
        sa.Column("snapshot", sa.Text(), nullable=True),
        sa.CheckConstraint(f"entity IN {ENTITIES!r}", name=op.f("ck_revision_entity")),
        sa.CheckConstraint(f"action IN {ACTIONS!r}", name=op.f("ck_revision_action")),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_revision_user_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revision")),
    )
    op.create_index(op.f("ix_revision_entity_id"), "revision", ["entity_id"], unique=False)
    op.create_index(op.f("ix_revision_user_id"), "revision", ["user_id"], unique=False)
    op.create_table(
        "publication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=True),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("exhibitions", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publication")),
    )


def downgrade() -> None:
    op.drop_table("publication")
    op.drop_index(op.f("ix_revision_user_id"), table_name="revision")
    op.drop_index(op.f("ix_revision_entity_id"), table_name="revision")
    op.drop_table("revision")
    op.drop_table("app_user")

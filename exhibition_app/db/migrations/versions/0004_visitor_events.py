"""visitor_event: anonymous kiosk statistics

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

What the kiosk records, with no personal data: items opened (with the dwell time), searches
that found nothing (the query, whitespace-collapsed and cut to 80 characters), languages
chosen and resets, each with the kiosk's station name and the UTC time. ``item_id`` is set
to NULL when the item is deleted, so the counts outlive the item. A new table only: no
existing table is rebuilt.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen here: a later change to exhibition_app.core.stats.EVENT_KINDS needs its own migration.
EVENT_KINDS = ("item_opened", "search_empty", "language", "reset")


def upgrade() -> None:
    op.create_table(
        "visitor_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("lang", sa.String(length=8), nullable=True),
        sa.Column("dwell_ms", sa.Integer(), nullable=True),
        sa.Column("query", sa.String(length=80), nullable=True),
        sa.CheckConstraint(f"kind IN {EVENT_KINDS!r}", name=op.f("ck_visitor_event_kind")),
        sa.CheckConstraint("dwell_ms >= 0", name=op.f("ck_visitor_event_dwell_ms")),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["item.id"],
            name=op.f("fk_visitor_event_item_id_item"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visitor_event")),
    )
    op.create_index(op.f("ix_visitor_event_at"), "visitor_event", ["at"], unique=False)
    op.create_index(op.f("ix_visitor_event_item_id"), "visitor_event", ["item_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_visitor_event_item_id"), table_name="visitor_event")
    op.drop_index(op.f("ix_visitor_event_at"), table_name="visitor_event")
    op.drop_table("visitor_event")

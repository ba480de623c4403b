"""media.phash: perceptual hash for near-duplicate warnings

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

A 64-bit difference hash of each image (16 hex digits, see exhibition_app.imaging.phash),
computed while an image is ingested, so a bulk import can warn about a visually
near-identical picture already in the catalogue. Existing rows keep NULL (unknown): no
image is decoded during the upgrade.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: no table rebuild, so foreign keys (ON) never see media rows vanish.
    op.add_column("media", sa.Column("phash", sa.String(length=16), nullable=True))
    op.create_index(op.f("ix_media_phash"), "media", ["phash"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_media_phash"), table_name="media")
    # Not a batch rebuild: dropping and re-creating "media" with foreign keys ON would
    # run the ON DELETE actions of item_media, item.cover_media_id and annotation.media_id.
    # SQLite 3.35+ drops the column in place (as every other database does).
    op.drop_column("media", "phash")

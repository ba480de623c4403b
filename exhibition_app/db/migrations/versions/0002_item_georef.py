"""item.georef: how a map's pixels relate to longitude and latitude

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Historic maps can be compared with the modern world only when they are georeferenced. The
column holds JSON ({"type": "equirectangular"} for whole-world plate carrée maps, or control
points); NULL for items that are not maps or not yet georeferenced.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: no table rebuild, so foreign keys (ON) never see item rows vanish.
    op.add_column("item", sa.Column("georef", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("item") as batch_op:
        batch_op.drop_column("georef")

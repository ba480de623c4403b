"""full-text search on PostgreSQL: folded text in a tsvector with a GIN index

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28

SQLite keeps its FTS5 table (0001, 0003). On PostgreSQL ``item_search`` is an ordinary table
with the same folded title and body (exhibition_app.core.textfold) and a stored, generated
``doc`` tsvector: the title with weight A, the body with weight D, parsed with the 'simple'
configuration (the text is already folded to a lower-case Latin skeleton, so no stemming or
stop words). A GIN index serves prefix queries (``to_tsquery('simple', 'kazak:*')``). Items
already in the catalogue are indexed here, so an upgraded catalogue searches at once.
Nothing changes on SQLite.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.create_table(
        "item_search",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False, server_default=""),
        sa.Column("body", sa.Text(), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(
            ["item_id"], ["item.id"], name="fk_item_search_item_id_item", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("item_id", name="pk_item_search"),
    )
    op.execute(
        "ALTER TABLE item_search ADD COLUMN doc tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('simple', title), 'A') || "
        "setweight(to_tsvector('simple', body), 'D')) STORED"
    )
    op.execute("CREATE INDEX ix_item_search_doc ON item_search USING gin (doc)")
    _index_existing(bind)


def _index_existing(bind: sa.engine.Connection) -> None:
    # Plain SQL on the tables as they are at this revision (not the ORM, which follows head).
    from exhibition_app.db.search import documents

    texts: dict[int, list[tuple[str, str]]] = {}
    for item_id, field, value in bind.execute(sa.text("SELECT item_id, field, value FROM item_text")):
        texts.setdefault(item_id, []).append((field, value))
    tags: dict[int, list[str]] = {}
    for item_id, tag in bind.execute(sa.text("SELECT item_id, tag FROM item_tag")):
        tags.setdefault(item_id, []).append(tag)
    rows = []
    for item_id, accession, country in bind.execute(
        sa.text("SELECT id, accession_number, country FROM item")
    ):
        title, body = documents(texts.get(item_id, []), accession, sorted(tags.get(item_id, [])), country)
        rows.append({"id": item_id, "title": title, "body": body})
    if rows:
        bind.execute(
            sa.text("INSERT INTO item_search (item_id, title, body) VALUES (:id, :title, :body)"), rows
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_table("item_search")

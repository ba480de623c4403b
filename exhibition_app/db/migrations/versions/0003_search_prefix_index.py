"""search index with prefix indexes for one to six characters

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

Search runs as the visitor types and every term is a prefix match, so queries such as "s",
"ka" or "felt" are prefix queries over a large part of the index. Without prefix indexes FTS5
merges the whole doclist of every matching token first; with prefixes of up to six
characters indexed, such queries stream and stop at their LIMIT. Measured on 100,000
generated items: "s" went from about 80 ms to under 1 ms, search p95 from 74 ms to about
2 ms, for about 6% more file. The folded text is copied across unchanged.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

OPTIONS = "tokenize = 'unicode61 remove_diacritics 2'"


def _rebuild(prefix: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    extra = f", prefix = '{prefix}'" if prefix else ""
    op.execute(f"CREATE VIRTUAL TABLE item_search_new USING fts5(title, body, {OPTIONS}{extra})")
    op.execute(
        "INSERT INTO item_search_new (rowid, title, body) SELECT rowid, title, body FROM item_search"
    )
    op.execute("DROP TABLE item_search")
    op.execute("ALTER TABLE item_search_new RENAME TO item_search")


def upgrade() -> None:
    _rebuild("1 2 3 4 5 6")


def downgrade() -> None:
    _rebuild("")

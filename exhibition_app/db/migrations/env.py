"""Alembic environment: run by exhibition_app.db.engine with a live connection.

The application never reads an alembic.ini; ``exhibition_app.db.engine.upgrade`` builds the
Config in code and hands its connection over in ``config.attributes["connection"]``.
"""

from alembic import context

from exhibition_app.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for `alembic` run by hand
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url")).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()

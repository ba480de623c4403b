"""The schema revision read from the migration scripts as text is Alembic's own."""

from __future__ import annotations

from alembic.config import Config
from alembic.script import ScriptDirectory

from exhibition_app.catalog import Catalog
from exhibition_app.db.engine import MIGRATIONS_DIR, current_revision, head_revision


def test_head_revision_is_alembics_head() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert head_revision() == ScriptDirectory.from_config(cfg).get_current_head()


def test_a_new_catalogue_is_at_the_head(tmp_path) -> None:  # type: ignore[no-untyped-def]
    catalog = Catalog.open(tmp_path / "c.db", tmp_path / "assets")
    try:
        assert current_revision(catalog.engine) == head_revision()
    finally:
        catalog.close()

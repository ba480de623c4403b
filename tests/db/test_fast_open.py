"""Opening a catalogue that is at the newest schema does not load Alembic (about a second
of the kiosk's start-up); one that is not is still upgraded by Alembic."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from exhibition_app.db.engine import head_revision, make_engine, upgrade

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from exhibition_app.catalog import Catalog
catalog = Catalog.open(sys.argv[1], sys.argv[2], create=False)
catalog.close()
print("alembic" in sys.modules)
"""


def test_a_catalogue_at_the_newest_schema_opens_without_alembic(tmp_path: Path) -> None:
    db = tmp_path / "catalog.db"
    shutil.copyfile(ROOT / "catalog.db", db)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(db), str(tmp_path / "assets")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_an_older_catalogue_is_still_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "catalog.db"
    shutil.copyfile(ROOT / "catalog.db", db)
    with sqlite3.connect(db) as conn:  # pretend the last migration has not run
        conn.execute("UPDATE alembic_version SET version_num = '0006'")
    engine = make_engine(f"sqlite:///{db}")
    try:
        backup = upgrade(engine)  # Alembic runs 0007 (a no-op on SQLite) and records it
        assert backup is not None and backup.exists()
        with engine.connect() as conn:
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert version == head_revision()
    finally:
        engine.dispose()

"""The core (domain, storage, imaging, operations) must never import Qt."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "exhibition_app.core.languages",
    "exhibition_app.core.textfold",
    "exhibition_app.core.edtf",
    "exhibition_app.core.edtf_display",
    "exhibition_app.core.georef",
    "exhibition_app.core.filters",
    "exhibition_app.core.pin",
    "exhibition_app.core.passwords",
    "exhibition_app.core.stats",
    "exhibition_app.core.keyboard_layouts",
    "exhibition_app.operations.stats",
    "exhibition_app.interop.kml",
    "exhibition_app.operations.maps",
    "exhibition_app.db.models",
    "exhibition_app.db.engine",
    "exhibition_app.db.search",
    "exhibition_app.imaging.ingest",
    "exhibition_app.imaging.store",
    "exhibition_app.imaging.thumbnails",
    "exhibition_app.catalog",
    "exhibition_app.operations.ingest",
    "exhibition_app.operations.check",
    "exhibition_app.operations.queries",
    "exhibition_app.operations.views",
    "exhibition_app.cli.main",
]


def test_core_imports_with_pyside6_blocked() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt imported by the core: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n" + "".join(f"import {m}\n" for m in CORE)
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr

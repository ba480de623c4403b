"""@allmaps/annotation's own parser, run under Node.js on a file we wrote (issue 14): the
tests that use it are skipped, with the reason, where Node or the package is missing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

#: Where ``npm install @allmaps/annotation`` was run (``ALLMAPS_DIR`` to point elsewhere).
ALLMAPS_DIR = Path(os.environ.get("ALLMAPS_DIR", "/tmp/allmaps"))


def allmaps_parse(path: Path) -> list[dict[str, Any]]:
    """@allmaps/annotation's parseAnnotation on ``path`` (skips without Node or the package)."""
    node = shutil.which("node")
    if node is None or not (ALLMAPS_DIR / "node_modules/@allmaps/annotation").is_dir():
        pytest.skip(
            f"needs node and @allmaps/annotation in {ALLMAPS_DIR} "
            f"(mkdir {ALLMAPS_DIR} && cd {ALLMAPS_DIR} && npm init -y && "
            "npm install @allmaps/annotation; or set ALLMAPS_DIR)"
        )
    script = (
        "import fs from 'node:fs'; import { parseAnnotation } from '@allmaps/annotation';"
        "const maps = parseAnnotation(JSON.parse(fs.readFileSync(process.argv[1], 'utf8')));"
        "console.log(JSON.stringify(maps))"
    )
    proc = subprocess.run(
        [node, "--input-type=module", "-e", script, str(path)],
        cwd=ALLMAPS_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    maps: list[dict[str, Any]] = json.loads(proc.stdout)
    return maps

"""Running one measurement in a child process of its own (a clean heap and a clean Qt), and
reading the JSON object it prints last."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class ChildFailed(RuntimeError):
    """The child exited with an error or printed nothing; the message ends with its stderr."""


def start_env(pycache: Path) -> dict[str, str]:
    """The environment a start-up is timed in: the app's compiled bytecode cached under
    ``pycache`` (the first, untimed run writes it), as an installed app has it (pip compiles
    at install). A shell's PYTHONDONTWRITEBYTECODE would otherwise make every start compile
    the app's modules from source (30-60 ms that the bare PySide6 window never pays, its
    modules being compiled at install)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def run_child(
    module: str, *args: str, timeout: float | None = None, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """``python -m module args...`` from the repository root, offscreen (in ``env`` if
    given); its last line of output, parsed as JSON."""
    env = env or {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        tail = "\n".join(out.stderr.strip().splitlines()[-15:])
        raise ChildFailed(f"{module} {' '.join(args[:2])} exited with {out.returncode}:\n{tail}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result

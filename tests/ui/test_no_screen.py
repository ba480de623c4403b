"""Without a display the window is refused with one line (Qt would abort with exit 134 and
a message about xcb plugins), and --screenshot renders offscreen by itself (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")


def _run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    command = [sys.executable, "-m", "exhibition_app", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def test_the_window_without_a_display_is_one_line(tmp_path: Path) -> None:
    proc = _run(tmp_path=tmp_path)
    assert proc.returncode == 1
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith("exhibition-app: error: no screen here (DISPLAY is not set)")
    assert "xvfb-run" in line


def test_a_screenshot_needs_no_display(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    proc = _run("--size", "800x600", "--screenshot", str(shot), tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

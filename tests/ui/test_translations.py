"""Every interface string is translated into kk, ru and mn, and the .qm files are current."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from update_translations import extract  # noqa: E402

TR = ROOT / "exhibition_app" / "ui" / "translations"


@pytest.mark.parametrize("lang", ["en", "kk", "ru", "mn"])
def test_no_unfinished_entries(lang: str) -> None:
    root = ET.parse(TR / f"exhibition_{lang}.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) >= 40
    unfinished = [
        m.findtext("source")
        for m in messages
        if (m.find("translation").get("type") == "unfinished") or not m.findtext("translation")
    ]
    assert unfinished == []


@pytest.mark.parametrize("lang", ["en", "kk", "ru", "mn"])
def test_compiled_qm_translates_every_string_in_the_code(lang: str) -> None:
    translator = QTranslator()
    assert translator.load(str(TR / f"exhibition_{lang}.qm"))
    missing = [
        (ctx, src)
        for ctx, sources in extract().items()
        for src in sources
        if not translator.translate(ctx, src)
    ]
    assert missing == []


def test_ts_files_are_in_step_with_the_code() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr

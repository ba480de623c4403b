"""Extract the interface strings into Qt Linguist ``.ts`` files and compile them to ``.qm``.

Every interface string is written as ``tr("Context", "English text")`` (exhibition_app.ui.i18n).
This script finds those calls with ``ast``, merges them into
``exhibition_app/ui/translations/exhibition_{kk,ru,mn}.ts`` (keeping existing translations,
marking new strings unfinished and dropping vanished ones), then runs ``pyside6-lrelease``.
Translators edit the ``.ts`` files with Qt Linguist (``pyside6-linguist``) and run this again.

    .venv/bin/python tools/update_translations.py [--check]

``--check`` changes nothing and exits 1 if a ``.ts`` file is out of step with the code.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "exhibition_app" / "ui"
OUT = UI / "translations"
LANGS = {"en": "en_GB", "kk": "kk_KZ", "ru": "ru_RU", "mn": "mn_MN"}
#: English is the source language: its .ts starts as the source text itself, where copy
#: editors may refine the wording without touching the code.
SOURCE_LANG = "en"


def extract(folder: Path = UI) -> dict[str, list[str]]:
    """{context: [source, ...]} in order of first appearance."""
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and len(node.args) >= 2
                and all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2]
                )
            ):
                ctx, src = node.args[0].value, node.args[1].value  # type: ignore[attr-defined]
                sources = found.setdefault(ctx, [])
                if src not in sources:
                    sources.append(src)
    return found


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    if not path.exists():
        return {}
    done: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr_el = msg.find("translation")
            if tr_el is not None and tr_el.get("type") not in (
                "unfinished",
                "vanished",
                "obsolete",
            ):
                done[(name, msg.findtext("source") or "")] = tr_el.text or ""
    return done


def render_ts(lang: str, strings: dict[str, list[str]], done: dict[tuple[str, str], str]) -> str:
    root = ET.Element("TS", version="2.1", language=LANGS[lang], sourcelanguage="en")
    for ctx in sorted(strings):
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = ctx
        for src in strings[ctx]:
            m = ET.SubElement(c, "message")
            ET.SubElement(m, "source").text = src
            t = ET.SubElement(m, "translation")
            if (ctx, src) in done:
                t.text = done[(ctx, src)]
            elif lang == SOURCE_LANG:
                t.text = src
            else:
                t.set("type", "unfinished")
    ET.indent(root)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(root, encoding="unicode")
        + "\n"
    )


def lrelease() -> str:
    exe = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    return exe


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    strings = extract()
    stale = []
    for lang in LANGS:
        ts = OUT / f"exhibition_{lang}.ts"
        text = render_ts(lang, strings, read_ts(ts))
        if ts.exists() and ts.read_text(encoding="utf-8") == text:
            continue
        stale.append(ts.name)
        if not args.check:
            ts.write_text(text, encoding="utf-8")
    if args.check:
        if stale:
            print("out of step with the code: " + ", ".join(stale), file=sys.stderr)
            return 1
        return 0
    for lang in LANGS:
        ts = OUT / f"exhibition_{lang}.ts"
        subprocess.run(
            [lrelease(), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    print(f"{sum(len(v) for v in strings.values())} strings; updated: {', '.join(stale) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

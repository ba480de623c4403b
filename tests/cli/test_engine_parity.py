"""The issue's "done when": bundles exported from the shipped SQLite catalogue import into
PostgreSQL, and every read command gives the same answers there as on SQLite.

Both catalogues are filled the same way (``import bundle`` of each shipped exhibition) and
share one asset folder, as a site's server and a laptop would; then each command runs
against both and the outputs are compared, whole. Times of day, which differ between two
imports by nature, and the random accession numbers of new imports are set aside."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from exhibition_app.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgresql

QUERIES = ["қазақ", "Qazaq", "kazakh", "монгол", "dombra", "карта", "map 1689", "юрта", "s", "1"]
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?")
#: Accession numbers made up for imported images are random by design.
MADE_UP = re.compile(r"IMP-[0-9A-F]{10}")


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr().out
    return code, MADE_UP.sub("IMP-<new>", STAMP.sub("<time>", out))


@pytest.fixture
def both(pg_database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """{'sqlite': (--catalog, --assets), 'postgresql': ...}, each filled from the bundles."""
    bundles = []
    for key in ("bridging-horizons", "then-and-now"):
        file = tmp_path / f"{key}.zip"
        code, _ = cli(
            capsys, "--catalog", str(ROOT / "catalog.db"), "export", "bundle", key, str(file)
        )
        assert code == 0
        bundles.append(file)
    assets = tmp_path / "shared-assets"
    targets = {"sqlite": str(tmp_path / "laptop.db"), "postgresql": pg_database("empty")}
    for target in targets.values():
        for file in bundles:
            code, out = cli(
                capsys,
                "--catalog",
                target,
                "--assets",
                str(assets),
                "import",
                "bundle",
                str(file),
                "--json",
            )
            assert code == 0, out
    return {name: ("--catalog", url, "--assets", str(assets)) for name, url in targets.items()}


def test_every_read_command_answers_the_same_on_both_engines(
    both: dict[str, Any], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sqlite, pg = both["sqlite"], both["postgresql"]
    code, listing = cli(capsys, *sqlite, "items", "list", "--json")
    assert code == 0
    items = [row["id"] for row in json.loads(listing)]
    # the 19 exhibits, each in one of the two exhibitions' bundles (the unpublished "now"
    # layers are in no exhibition, so no bundle carries them)
    assert len(items) == 19
    maps = [row["id"] for row in json.loads(listing) if row["kind"] == "map"]
    commands: list[tuple[str, ...]] = [
        ("items", "list", "--json"),
        ("items", "list"),
        ("exhibitions", "list", "--json"),
        ("check", "--json"),
        ("stats", "--json"),
        ("users", "list", "--json"),
        *[("items", "show", str(i), "--json") for i in items],
        *[("search", q, "--json") for q in QUERIES],
        *[("search", q, "--lang", "kk") for q in QUERIES[:3]],
        *[("annotations", "list", str(i), "--json") for i in maps],
        *[("georef", "show", str(i), "--json") for i in maps],
        *[("history", str(i), "--json") for i in items[:3]],
    ]
    compared = 0
    for command in commands:
        a, b = cli(capsys, *sqlite, *command), cli(capsys, *pg, *command)
        assert a == b, f"{' '.join(command)} differs:\nSQLite: {a}\nPostgreSQL: {b}"
        compared += 1
    assert compared == len(commands) > 45

    # Exports: the same bytes.
    for name, args in both.items():
        assert cli(capsys, *args, "export", "csv", str(tmp_path / f"{name}.csv"))[0] == 0
        out = tmp_path / f"iiif-{name}"
        assert cli(capsys, *args, "export", "iiif", str(out), "--json")[0] == 0
    assert (tmp_path / "sqlite.csv").read_bytes() == (tmp_path / "postgresql.csv").read_bytes()
    left = {
        p.relative_to(tmp_path / "iiif-sqlite"): p.read_bytes()
        for p in (tmp_path / "iiif-sqlite").rglob("*")
        if p.is_file()
    }
    right = {
        p.relative_to(tmp_path / "iiif-postgresql"): p.read_bytes()
        for p in (tmp_path / "iiif-postgresql").rglob("*")
        if p.is_file()
    }
    assert left == right and len(left) > 5


def test_writes_answer_the_same_too(
    both: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A curator's day on each engine: the same commands, the same answers."""
    import io
    import sys

    image = ROOT / "tests" / "data" / "behaim-globe-photo.jpg"
    for args in both.values():
        monkeypatch.setattr(sys, "stdin", io.StringIO("a long password\n"))
        assert cli(capsys, *args, "users", "add", "aigerim")[0] == 0
    steps: list[tuple[str, ...]] = [
        (
            "import",
            "image",
            str(image),
            "--kind",
            "photograph",
            "--title",
            "Globe, again",
            "--json",
        ),
        ("unpublish", "--item", "3", "--user", "aigerim", "--json"),
        ("publish", "--item", "3", "--user", "aigerim", "--json"),
        ("search", "globe", "--json"),
        ("history", "3", "--json"),
        ("items", "list", "--json"),
        ("check", "--json"),
    ]
    for step in steps:
        a, b = (cli(capsys, *args, *step) for args in both.values())
        assert a == b, f"{' '.join(step)} differs:\nSQLite: {a}\nPostgreSQL: {b}"

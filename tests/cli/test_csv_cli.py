"""``export csv`` and ``import csv`` from the command line, as a curator runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "exhibition_app", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def ok_json(*args: str) -> Any:
    proc = run(*args, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def catalogue(folder: Path, name: str) -> tuple[str, ...]:
    return ("--catalog", str(folder / f"{name}.db"), "--assets", str(folder / f"{name}-assets"))


def item_count(base: tuple[str, ...]) -> int:
    return len(ok_json(*base, "items", "list"))


def test_round_trip_from_the_command_line(sample_paths: tuple[Path, Path], tmp_path: Path) -> None:
    db, assets = sample_paths
    sample = ("--catalog", str(db), "--assets", str(assets))
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    assert ok_json(*sample, "export", "csv", str(first)) == {"exported": 21, "file": str(first)}

    empty = catalogue(tmp_path, "empty")
    dry = ok_json(
        *empty, "import", "csv", str(first), "--media-from", str(assets / "media"), "--dry-run"
    )
    assert dry["dry_run"] is True and dry["errors"] == [] and dry["created"] == 21
    assert item_count(empty) == 0

    result = ok_json(*empty, "import", "csv", str(first), "--media-from", str(assets / "media"))
    assert {k: result[k] for k in ("imported", "created", "updated", "errors", "dry_run")} == {
        "imported": 21,
        "created": 21,
        "updated": 0,
        "errors": [],
        "dry_run": False,
    }
    ok_json(*empty, "export", "csv", str(second))
    assert second.read_bytes() == first.read_bytes()
    assert ok_json(*empty, "check")["ok"] is True

    # and the human-readable forms
    proc = run(*empty, "import", "csv", str(second))
    assert proc.returncode == 0, proc.stderr
    assert "21 unchanged" in proc.stdout
    proc = run(*empty, "export", "csv", str(second))
    assert proc.returncode == 0 and proc.stdout.strip() == f"exported 21 items to {second}"


def test_errors_import_nothing_and_exit_1(tmp_path: Path) -> None:
    base = catalogue(tmp_path, "c")
    csv_file = tmp_path / "bad.csv"
    lines = ["identifier,type,title@en,date"]
    lines += [f"A-{i},object,Good {i},1720" for i in range(30)]
    lines += [f"B-{i},sculpture,Bad {i},c. 1720" for i in range(15)]
    csv_file.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")

    proc = run(*base, "import", "csv", str(csv_file), "--json")
    assert proc.returncode == 1
    result = json.loads(proc.stdout)
    assert result["imported"] == 0 and result["dry_run"] is False
    assert len(result["errors"]) == 30
    assert result["errors"][0] == {
        "row": 32,
        "column": "type",
        "message": "unknown type 'sculpture': use one of object, map, photograph, document",
    }
    assert result["errors"][1]["row"] == 32 and result["errors"][1]["column"] == "date"

    proc = run(*base, "import", "csv", str(csv_file))
    assert proc.returncode == 1 and proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 21
    assert lines[0].startswith(f"{csv_file}: row 32, type: unknown type 'sculpture'")
    assert lines[-1] == "30 errors (10 more not shown); nothing was imported"
    assert item_count(base) == 0


def test_wrong_encoding_is_one_clear_error(tmp_path: Path) -> None:
    base = catalogue(tmp_path, "c")
    csv_file = tmp_path / "excel-1251.csv"
    csv_file.write_bytes("identifier;type;title@ru\r\nA-1;map;Карта\r\n".encode("cp1251"))
    proc = run(*base, "import", "csv", str(csv_file))
    assert proc.returncode == 1
    first, last = proc.stderr.splitlines()
    assert "not UTF-8" in first and "Windows-1251" in first and "line 2" in first
    assert last == "1 error; nothing was imported"
    assert item_count(base) == 0


def test_missing_columns_and_missing_file(tmp_path: Path) -> None:
    base = catalogue(tmp_path, "c")
    csv_file = tmp_path / "cols.csv"
    csv_file.write_text("identifer,title@en\r\nA,T\r\n", encoding="utf-8")
    result = json.loads(run(*base, "import", "csv", str(csv_file), "--json").stdout)
    assert [e["message"] for e in result["errors"]] == [
        "unknown column 'identifer' (did you mean 'identifier'?)",
        "missing required columns: identifier, type",
    ]
    proc = run(*base, "import", "csv", str(tmp_path / "nope.csv"))
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "cannot read" in proc.stderr
    proc = run(*base, "import", "csv", str(csv_file), "--media-from", str(tmp_path / "no-dir"))
    assert proc.returncode == 1 and "no such folder" in proc.stderr
    proc = run(*base, "export", "csv", str(tmp_path / "no-dir" / "x.csv"))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "cannot write" in proc.stderr


def test_foreign_csv_and_the_dcterms_profile_from_the_command_line(tmp_path: Path) -> None:
    base = catalogue(tmp_path, "cat")
    omeka = tmp_path / "omeka.csv"
    omeka.write_bytes(
        b"Title,Nom russe,Creator,Date,File,Publisher\r"
        b"Saddle,\xd0\xa1\xd0\xb5\xd0\xb4\xd0\xbb\xd0\xbe,Unknown,c. 1850,"
        b"https://example.org/s.jpg,Museum\r"
    )
    result = ok_json(*base, "import", "csv", str(omeka), "--map", "Nom russe=title@ru")
    assert result["created"] == 1
    assert result["ignored_columns"] == ["Publisher"]
    assert result["media_not_fetched"] == [{"row": 2, "url": "https://example.org/s.jpg"}]
    proc = run(*base, "import", "csv", str(omeka), "--map", "Nom russe")
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        "exhibition-app: error: --map 'Nom russe': write COLUMN=TERM, e.g. Nom=dcterms:title"
    ]
    out = tmp_path / "dc.csv"
    assert ok_json(*base, "export", "csv", str(out), "--profile", "dcterms")["exported"] == 1
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("dcterms:identifier,dcterms:type,dcterms:title@en,")
    proc = run(*base, "import", "csv", str(omeka))
    assert proc.returncode == 0, proc.stderr
    assert "ignored columns: Nom russe, Publisher" in proc.stdout
    assert "1 remote files not downloaded" in proc.stdout

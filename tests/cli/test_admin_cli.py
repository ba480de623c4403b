"""`users`, `backup`, `restore`, `publish`, `unpublish` and `history` from outside: JSON
shapes, exit codes, one-line errors, and passwords that never show."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

PASSWORD = "steppe-maps-1689"


def run(*args: str, stdin: str = "", home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if home is not None:  # keep the default data folder (and its crash log) out of the real one
        env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), APPDATA=str(home / "data"))
    return subprocess.run(
        [sys.executable, "-m", "exhibition_app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def ok_json(*args: str, stdin: str = "", home: Path | None = None) -> object:
    proc = run(*args, stdin=stdin, home=home)
    assert proc.returncode == 0, proc.stderr
    assert PASSWORD not in proc.stdout + proc.stderr
    return json.loads(proc.stdout)


def one_line_error(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode == 1, proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("exhibition-app: error: "), proc.stderr
    for needle in needles:
        assert needle in lines[0]
    assert "Traceback" not in proc.stderr


def test_users(tmp_path: Path) -> None:
    base = ("--catalog", str(tmp_path / "c.db"), "--assets", str(tmp_path / "assets"))
    added = ok_json(
        *base, "users", "add", "aigerim", "--json", stdin=PASSWORD + "\n", home=tmp_path
    )
    assert added == {"id": 1, "name": "aigerim"}
    human = run(*base, "users", "add", "bolat", stdin="dombra-and-kobyz\n", home=tmp_path)
    assert human.returncode == 0 and "bolat" in human.stdout

    short = run(*base, "users", "add", "dana", stdin="short\n", home=tmp_path)
    one_line_error(short, "at least 8 characters")
    assert "short" not in short.stderr  # the refused password is not echoed either
    one_line_error(run(*base, "users", "add", "erlan", stdin="", home=tmp_path), "no password")
    one_line_error(
        run(*base, "users", "add", "aigerim", stdin=PASSWORD + "\n", home=tmp_path),
        "already a user",
    )

    listed = ok_json(*base, "users", "list", "--json", home=tmp_path)
    assert isinstance(listed, list)
    assert [(u["name"], u["disabled"]) for u in listed] == [("aigerim", False), ("bolat", False)]
    assert all(set(u) == {"id", "name", "created_at", "disabled"} for u in listed)

    changed = ok_json(
        *base, "users", "passwd", "bolat", "--json", stdin="a new passphrase\n", home=tmp_path
    )
    assert changed == {"name": "bolat", "password_set": True}
    one_line_error(
        run(*base, "users", "passwd", "ghost", stdin=PASSWORD + "\n", home=tmp_path), "no user"
    )
    assert ok_json(*base, "users", "disable", "bolat", "--json", home=tmp_path) == {
        "name": "bolat",
        "disabled": True,
    }
    listed = ok_json(*base, "users", "list", "--json", home=tmp_path)
    assert [u["disabled"] for u in listed] == [False, True]  # type: ignore[union-attr]

    from exhibition_app.catalog import Catalog
    from exhibition_app.operations.accounts import verify_user

    with Catalog.open(tmp_path / "c.db", tmp_path / "assets") as cat, cat.session() as s:
        assert verify_user(s, "aigerim", PASSWORD) is not None
        assert verify_user(s, "bolat", "a new passphrase") is None  # disabled
    stored = sqlite3.connect(tmp_path / "c.db").execute("SELECT password_hash FROM app_user")
    assert all(PASSWORD not in row[0] for row in stored)


def test_publish_unpublish_history(sample_paths: tuple[Path, Path], tmp_path: Path) -> None:
    db, assets = sample_paths
    base = ("--catalog", str(db), "--assets", str(assets))
    ok_json(*base, "users", "add", "aigerim", "--json", stdin=PASSWORD + "\n", home=tmp_path)
    items = ok_json(*base, "items", "list", "--json", home=tmp_path)
    assert isinstance(items, list)
    item = next(i for i in items if i["published"])["id"]

    gone = ok_json(
        *base, "unpublish", "--item", str(item), "--user", "aigerim", "--json", home=tmp_path
    )
    assert gone == {"serial": 1, "items": 1, "exhibitions": 0}
    published = ok_json(*base, "items", "list", "--published", "--json", home=tmp_path)
    assert item not in [i["id"] for i in published]  # type: ignore[union-attr]
    back = ok_json(
        *base, "publish", "--item", str(item), "--user", "aigerim", "--json", home=tmp_path
    )
    assert back == {"serial": 2, "items": 1, "exhibitions": 0}
    again = ok_json(
        *base, "publish", "--item", str(item), "--user", "aigerim", "--json", home=tmp_path
    )
    assert again == {"serial": 2, "items": 0, "exhibitions": 0}  # nothing to change

    rows = ok_json(*base, "history", str(item), "--json", home=tmp_path)
    assert isinstance(rows, list)
    assert [r["action"] for r in rows] == ["publish", "unpublish", "import"]
    assert rows[0]["user_name"] == "aigerim"
    assert all(set(r) == {"id", "at", "user_name", "action", "summary"} for r in rows)
    human = run(*base, "history", str(item), home=tmp_path)
    assert human.returncode == 0 and "aigerim" in human.stdout

    one_line_error(
        run(*base, "publish", "--item", str(item), "--user", "nobody", home=tmp_path),
        "no active account",
    )
    one_line_error(
        run(*base, "publish", "--item", "99999", "--user", "aigerim", home=tmp_path), "no item"
    )
    one_line_error(run(*base, "publish", "--user", "aigerim", home=tmp_path), "--item")
    one_line_error(run(*base, "history", "99999", home=tmp_path), "no item")


def test_backup_and_restore(tmp_path: Path) -> None:
    db, assets = tmp_path / "c.db", tmp_path / "assets"
    base = ("--catalog", str(db), "--assets", str(assets))
    ok_json(*base, "users", "add", "aigerim", "--json", stdin=PASSWORD + "\n", home=tmp_path)
    copy = tmp_path / "copy.db"
    made = ok_json(*base, "backup", str(copy), "--json", home=tmp_path)
    assert made == {"file": str(copy), "bytes": copy.stat().st_size}
    ok_json(*base, "users", "add", "bolat", "--json", stdin=PASSWORD + "\n", home=tmp_path)
    one_line_error(run(*base, "backup", str(db), home=tmp_path), "live catalogue")

    restored = ok_json(*base, "restore", str(copy), "--json", home=tmp_path)
    assert isinstance(restored, dict)
    assert restored["restored"] is True
    previous = Path(restored["previous_backup"])
    assert previous.is_file() and previous.name.startswith("c.before-restore.")
    names = ok_json(*base, "users", "list", "--json", home=tmp_path)
    assert [u["name"] for u in names] == ["aigerim"]  # type: ignore[union-attr]

    junk = tmp_path / "junk.db"
    junk.write_text("not a database at all")
    one_line_error(run(*base, "restore", str(junk), home=tmp_path), "not an SQLite database")
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    one_line_error(run(*base, "restore", str(other), home=tmp_path), "not an exhibition catalogue")
    names = ok_json(*base, "users", "list", "--json", home=tmp_path)
    assert [u["name"] for u in names] == ["aigerim"]  # type: ignore[union-attr]

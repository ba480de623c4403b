"""Hostile or mistaken command lines get their own one-line answer (issue 15), never the
crash log's last resort: numbers out of range, devices and pipes named as files, a backup
into a folder nothing can be written to."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.sqlite_only("argument and file checks made before any catalogue work")


@pytest.fixture
def base(tmp_path: Path) -> tuple[str, ...]:
    shutil.copyfile(ROOT / "catalog.db", tmp_path / "catalog.db")
    return ("--catalog", str(tmp_path / "catalog.db"), "--assets", str(tmp_path / "assets"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "exhibition_app", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)


def one_line(proc: subprocess.CompletedProcess[str], code: int, *needles: str) -> None:
    assert proc.returncode == code, proc.stderr
    [line] = proc.stderr.strip().splitlines()
    assert "last-error.log" not in line
    for needle in needles:
        assert needle in line


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("items", "show", "99999999999999999999"), "is not an id (a whole number from 1 to"),
        (("annotations", "list", "-5"), "'-5' is not an id"),
        (("search", "x", "--limit", "0"), "is not a number of results"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(
    base: tuple[str, ...], args: tuple[str, ...], needle: str
) -> None:
    one_line(run(*base, *args), 2, needle)


def test_a_pixel_limit_below_one_is_refused(base: tuple[str, ...]) -> None:
    picture = str(ROOT / "tests" / "data" / "martin-behaim-portrait.jpg")
    for limit in ("-1", "0"):
        proc = run(*base, "import", "image", picture, "--kind", "object", "--title", "X",
                   "--max-pixels", limit)  # fmt: skip
        one_line(proc, 2, f"'{limit}' is not a pixel count")


@pytest.mark.parametrize("command", [("import", "csv"), ("import", "bundle")])
def test_devices_and_pipes_are_not_files(
    base: tuple[str, ...], tmp_path: Path, command: tuple[str, ...]
) -> None:
    fifo = tmp_path / "input"
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    for path in ("/dev/zero", str(fifo)):
        one_line(run(*base, *command, path), 1, "not a regular file")


def test_a_backup_where_nothing_can_be_written_is_one_line(base: tuple[str, ...]) -> None:
    one_line(run(*base, "backup", "/proc/version"), 1, "cannot write the backup /proc/version")


def test_names_with_control_characters_are_never_sent_to_the_terminal(
    base: tuple[str, ...], tmp_path: Path
) -> None:
    evil = "\x1b]0;owned\x07\x1b[2J\nname"
    csv_file = tmp_path / f"{evil}.csv"
    csv_file.write_text(f"identifier,type,title@en,{evil}\r\nA-1,object,T,x\r\n")
    answers = [
        run(*base, "import", "csv", str(csv_file)),  # the file name and a column name
        run(*base, "items", evil),  # a usage error quoting the argument
        run(*base, "annotations", "import", "1", str(tmp_path / f"{evil}.kml")),
    ]
    for proc in answers:
        assert proc.returncode != 0
        assert "\x1b" not in proc.stderr + proc.stdout and "\x07" not in proc.stderr
        assert "\\x1b" in proc.stderr

"""`exhibition-app kiosk ...`: the staff PIN from the command line, never echoed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PIN = "73914682"


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


def assert_no_pin_shown(proc: subprocess.CompletedProcess[str]) -> None:
    assert PIN not in proc.stdout and PIN not in proc.stderr


def test_set_status_clear(tmp_path: Path) -> None:
    pin_file = tmp_path / "kiosk" / "pin.json"
    base = ("--pin-file", str(pin_file), "kiosk")

    status = run(*base, "status", "--json")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout) == {
        "pin_set": False,
        "pin_file": str(pin_file),
        "locked_for_seconds": 0,
    }

    proc = run(*base, "set-pin", stdin=PIN + "\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"Staff PIN set ({pin_file})"
    assert_no_pin_shown(proc)
    assert pin_file.is_file() and PIN not in pin_file.read_text(encoding="utf-8")

    from exhibition_app.core.pin import PinGuard

    assert PinGuard(pin_file).attempt(PIN).ok

    status = run(*base, "status", "--json")
    assert json.loads(status.stdout)["pin_set"] is True
    assert_no_pin_shown(status)
    human = run(*base, "status")
    assert human.returncode == 0 and "set" in human.stdout and str(pin_file) in human.stdout

    cleared = run(*base, "clear-pin", "--json")
    assert cleared.returncode == 0, cleared.stderr
    assert json.loads(cleared.stdout) == {"pin_set": False, "pin_file": str(pin_file)}
    assert not pin_file.exists()


def test_set_pin_json_and_json_before_the_command(tmp_path: Path) -> None:
    pin_file = tmp_path / "pin.json"
    proc = run("--json", "--pin-file", str(pin_file), "kiosk", "set-pin", stdin=PIN)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"pin_set": True, "pin_file": str(pin_file)}
    assert_no_pin_shown(proc)


@pytest.mark.parametrize("bad", ["739", "73ab9146", "", "7391468273914"])
def test_a_bad_pin_is_one_line_and_changes_nothing(tmp_path: Path, bad: str) -> None:
    pin_file = tmp_path / "pin.json"
    proc = run("--pin-file", str(pin_file), "kiosk", "set-pin", stdin=bad + "\n" if bad else "")
    assert proc.returncode == 1
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("exhibition-app: error:"), proc.stderr
    assert "Traceback" not in proc.stderr
    if bad:
        assert bad not in proc.stderr
    assert not pin_file.exists()


def test_kiosk_commands_never_open_the_catalogue(tmp_path: Path) -> None:
    # A catalogue that cannot be opened (other commands fail on it): kiosk ones never try.
    broken = tmp_path / "broken.db"
    broken.write_text("not a database", encoding="utf-8")
    pin_file = tmp_path / "pin.json"
    base = ("--catalog", str(broken), "--pin-file", str(pin_file), "kiosk")
    assert run(*base, "set-pin", stdin=PIN + "\n").returncode == 0
    assert run(*base, "status").returncode == 0
    assert run(*base, "clear-pin").returncode == 0
    assert broken.read_text(encoding="utf-8") == "not a database"


def test_a_damaged_pin_file_is_one_line_naming_it(tmp_path: Path) -> None:
    pin_file = tmp_path / "pin.json"
    pin_file.write_text("{damaged", encoding="utf-8")
    proc = run("--pin-file", str(pin_file), "kiosk", "status", "--json")
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1 and str(pin_file) in proc.stderr
    # Setting the PIN again repairs it.
    assert run("--pin-file", str(pin_file), "kiosk", "set-pin", stdin=PIN).returncode == 0
    assert json.loads(run("--pin-file", str(pin_file), "kiosk", "status", "--json").stdout)[
        "pin_set"
    ]


def test_default_pin_file_is_in_the_user_data_folder(tmp_path: Path) -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("the XDG data folder is Linux's")
    proc = run("kiosk", "status", "--json", home=tmp_path)
    assert proc.returncode == 0, proc.stderr
    expected = tmp_path / "data" / "exhibition-app" / "kiosk-pin.json"
    assert json.loads(proc.stdout)["pin_file"] == str(expected)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_on_a_terminal_the_pin_is_asked_twice_without_echo(tmp_path: Path) -> None:
    import pty
    import select
    import time

    def session(first: str, second: str) -> tuple[int, str]:
        pid, fd = pty.fork()
        if pid == 0:  # the child: the CLI on a real terminal (never back into pytest)
            try:
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
                args = ["--pin-file", str(tmp_path / "pin.json"), "kiosk", "set-pin"]
                os.execv(sys.executable, [sys.executable, "-m", "exhibition_app", *args])
            finally:
                os._exit(127)
        seen = b""
        answers = [first, second]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 1)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 1024)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
            prompts = seen.count(b"Staff PIN: ") + seen.count(b"Repeat the PIN: ")
            while answers and prompts > 2 - len(answers):
                os.write(fd, (answers.pop(0) + "\n").encode())
        _, status = os.waitpid(pid, 0)
        os.close(fd)
        return os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")

    code, out = session(PIN, PIN[::-1])
    assert code == 1 and "differ" in out and PIN not in out
    assert not (tmp_path / "pin.json").exists()

    code, out = session(PIN, PIN)
    assert code == 0, out
    assert "Staff PIN: " in out and "Repeat the PIN: " in out and "Staff PIN set" in out
    assert PIN not in out  # getpass turned the echo off

"""The kiosk's staff PIN: scrypt hashes, format rules, and the persisted lockout."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from exhibition_app.core.pin import (
    MAX_DELAY,
    Attempt,
    PinError,
    PinGuard,
    check_pin_format,
    default_pin_path,
    delay_after,
    hash_pin,
    verify_pin,
)


class FakeClock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    """One real hash of "2468", shared to keep the number of slow scrypt calls modest."""
    return hash_pin("2468")


def test_hash_round_trip_and_format(stored: str) -> None:
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert salt and digest
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)


def test_each_hash_has_its_own_salt(stored: str) -> None:
    again = hash_pin("2468")
    assert again != stored
    assert again.split("$")[4] != stored.split("$")[4]
    assert verify_pin("2468", again)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "garbage",
        "bcrypt$16384$8$1$AAAA$AAAA",
        "scrypt$16384$8$1$not base64!$AAAA",
        "scrypt$abc$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==",
        "scrypt$16384$8$1$AA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    ],
)
def test_malformed_stored_hash_is_a_pin_error(bad: str) -> None:
    with pytest.raises(PinError):
        verify_pin("1234", bad)


@pytest.mark.parametrize(
    ("pin", "expected"),
    [("1234", "1234"), (" 0000\n", "0000"), ("123456789012", "123456789012")],
)
def test_pin_format_accepts_4_to_12_ascii_digits(pin: str, expected: str) -> None:
    assert check_pin_format(pin) == expected


@pytest.mark.parametrize(
    "pin", ["", "123", "1234567890123", "12a4", "12 34", "-1234", "١٢٣٤", "１２３４", "12.34"]
)
def test_pin_format_refuses_everything_else(pin: str) -> None:
    with pytest.raises(PinError) as info:
        check_pin_format(pin)
    message = str(info.value)
    assert "\n" not in message and "4 to 12 digits" in message
    if pin.strip():
        assert pin.strip() not in message


def test_delay_schedule() -> None:
    assert [delay_after(n) for n in range(0, 12)] == [
        0,
        0,
        0,
        2,
        4,
        8,
        16,
        32,
        64,
        128,
        256,
        300,
    ]
    assert delay_after(10**9) == MAX_DELAY


def test_lockout_grows_and_refuses_even_the_right_pin(tmp_path: Path) -> None:
    clock = FakeClock()
    guard = PinGuard(tmp_path / "pin.json", clock=clock)
    assert not guard.is_set() and guard.wait_seconds() == 0
    guard.set_pin(" 2468 ")
    assert guard.is_set()

    assert guard.attempt("1111") == Attempt(ok=False, wait_seconds=0, failures=1)
    assert guard.attempt("1111") == Attempt(ok=False, wait_seconds=0, failures=2)
    assert guard.attempt("1111") == Attempt(ok=False, wait_seconds=2, failures=3)
    # Locked: even the right PIN is refused, and the refusal does not count as a failure.
    clock.now += 1
    assert guard.attempt("2468") == Attempt(ok=False, wait_seconds=1, failures=3)
    assert guard.wait_seconds() == 1
    clock.now += 1
    assert guard.wait_seconds() == 0
    assert guard.attempt("9999") == Attempt(ok=False, wait_seconds=4, failures=4)
    clock.now += 4
    # Success resets the count; surrounding whitespace is ignored.
    assert guard.attempt("2468\n") == Attempt(ok=True, wait_seconds=0, failures=0)
    assert guard.attempt("1111").failures == 1


def test_lockout_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "pin.json"
    clock = FakeClock()
    guard = PinGuard(path, clock=clock)
    guard.set_pin("2468")
    for _ in range(4):
        clock.now += guard.wait_seconds()
        guard.attempt("0000")
    assert guard.wait_seconds() == 4

    reborn = PinGuard(path, clock=clock)
    assert reborn.is_set()
    assert reborn.attempt("2468") == Attempt(ok=False, wait_seconds=4, failures=4)
    clock.now += 4
    assert reborn.attempt("2468").ok
    # Setting the PIN again also ends a lockout.
    for _ in range(3):
        reborn.attempt("0000")
    assert reborn.wait_seconds() == 2
    reborn.set_pin("1357")
    assert reborn.wait_seconds() == 0
    assert reborn.attempt("1357").ok


def test_a_clock_gone_backwards_cannot_lock_for_ever(tmp_path: Path) -> None:
    path = tmp_path / "pin.json"
    clock = FakeClock()
    guard = PinGuard(path, clock=clock)
    guard.set_pin("2468")
    for _ in range(3):
        guard.attempt("0000")
    assert guard.wait_seconds() == 2
    clock.now -= 86_400  # the clock jumps a day back
    assert guard.wait_seconds() == 2  # clamped to what three failures warrant, not a day
    clock.now += 2
    assert guard.attempt("2468").ok

    # A hand-edited lockout years away is clamped to the 300 s cap as well.
    state = json.loads(path.read_text(encoding="utf-8"))
    state.update(failures=40, locked_until=clock.now + 10**8)
    path.write_text(json.dumps(state), encoding="utf-8")
    assert PinGuard(path, clock=clock).wait_seconds() == MAX_DELAY


def test_clear_forgets_the_pin(tmp_path: Path) -> None:
    guard = PinGuard(tmp_path / "pin.json", clock=FakeClock())
    guard.clear()  # nothing to clear is fine
    guard.set_pin("2468")
    guard.clear()
    assert not guard.is_set()
    assert not (tmp_path / "pin.json").exists()
    with pytest.raises(PinError, match="no staff PIN"):
        guard.attempt("2468")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe",
        b"[]",
        b'{"version": 2, "hash": "x", "failures": 0, "locked_until": 0}',
        b'{"version": 1, "hash": "scrypt$bad", "failures": 0, "locked_until": 0}',
        b'{"version": 1, "hash": 5, "failures": 0, "locked_until": 0}',
    ],
)
def test_a_damaged_file_is_a_one_line_error_naming_it(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "pin.json"
    path.write_bytes(content)
    guard = PinGuard(path)
    with pytest.raises(PinError) as info:
        guard.is_set()
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    # The way out: clearing or setting again works on a damaged file.
    guard.clear()
    assert not guard.is_set()


def test_damaged_counters_are_refused(tmp_path: Path, stored: str) -> None:
    path = tmp_path / "pin.json"
    for bad in ({"failures": -1}, {"failures": True}, {"locked_until": "soon"}):
        path.write_text(
            json.dumps({"version": 1, "hash": stored, "failures": 0, "locked_until": 0, **bad}),
            encoding="utf-8",
        )
        with pytest.raises(PinError, match="damaged"):
            PinGuard(path).wait_seconds()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_file_is_private_and_written_atomically(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "pin.json"
    old = os.umask(0o022)
    try:
        PinGuard(path).set_pin("2468")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["pin.json"]  # no temp file left
    state = json.loads(path.read_text(encoding="utf-8"))
    assert state["version"] == 1 and state["failures"] == 0 and state["locked_until"] == 0


def test_default_path_is_in_the_user_data_folder() -> None:
    from exhibition_app.paths import user_data_dir

    assert default_pin_path() == user_data_dir() / "kiosk-pin.json"

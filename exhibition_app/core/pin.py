"""The staff PIN that lets staff leave the visitor kiosk (pure Python: no Qt, no database).

The PIN is never stored: only a salted scrypt hash, as one self-describing string::

    scrypt$16384$8$1$<salt, base64>$<hash, base64>

so :func:`verify_pin` reads the cost parameters from the string and older hashes keep
working if the defaults change.

:class:`PinGuard` keeps the hash and the count of consecutive wrong attempts in a small JSON
file (``{"version": 1, "hash": ..., "failures": n, "locked_until": epoch seconds}``), written
atomically with mode 0o600.  After the third consecutive wrong PIN the guard refuses every
attempt, right or wrong, for :func:`delay_after` seconds (2, 4, 8, ... capped at 5 minutes);
because the state lives in the file, restarting the kiosk does not reset the delay.  A
missing file means no PIN is set; a damaged one raises :class:`PinError`, with a message
that names the file and is meant for staff.  The PIN itself never appears in a message.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from exhibition_app.core.durable import atomic_write
from exhibition_app.core.passwords import (
    HASH_BYTES,
    SALT_BYTES,
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    HashFormatError,
    hash_secret,
    parse_hash,
    verify_secret,
)
from exhibition_app.errors import Refused

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12
MAX_DELAY = 300.0  # seconds: the longest lockout, however many wrong attempts
FREE_ATTEMPTS = 2  # wrong attempts allowed before any delay

# The scrypt hashing (with its bounds on parameters read back from a file, so a tampered file
# cannot make verification take minutes or gigabytes) lives in exhibition_app.core.passwords,
# shared with curator passwords; its constants stay importable from here.
__all__ = [
    "HASH_BYTES",
    "MAX_DELAY",
    "SALT_BYTES",
    "SCRYPT_N",
    "SCRYPT_P",
    "SCRYPT_R",
    "Attempt",
    "PinError",
    "PinGuard",
    "check_pin_format",
    "default_pin_path",
    "delay_after",
    "hash_pin",
    "verify_pin",
]

_VERSION = 1
_ASCII_DIGITS = frozenset("0123456789")


class PinError(Refused):
    """A PIN or PIN file problem, reported to staff as one line."""


@dataclass(frozen=True)
class Attempt:
    """The outcome of :meth:`PinGuard.attempt`.

    ``wait_seconds`` is how long every further attempt will be refused; ``failures`` the
    number of consecutive wrong attempts so far (0 after a success).
    """

    ok: bool
    wait_seconds: float
    failures: int


@dataclass(frozen=True)
class _State:
    hash: str
    failures: int = 0
    locked_until: float = 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "version": _VERSION,
            "hash": self.hash,
            "failures": self.failures,
            "locked_until": self.locked_until,
        }


def default_pin_path() -> Path:
    from exhibition_app.paths import user_data_dir

    return user_data_dir() / "kiosk-pin.json"


def check_pin_format(pin: str) -> str:
    """The PIN without surrounding whitespace, if it is 4 to 12 ASCII digits."""
    cleaned = pin.strip()
    if not (PIN_MIN_DIGITS <= len(cleaned) <= PIN_MAX_DIGITS) or not set(cleaned) <= _ASCII_DIGITS:
        raise PinError(
            f"the staff PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits (0-9) "
            "and nothing else."
        )
    return cleaned


def hash_pin(pin: str) -> str:
    """A new salted scrypt hash of ``pin``, as ``scrypt$N$r$p$salt$hash`` (base64 parts)."""
    try:
        return hash_secret(pin)
    except HashFormatError as exc:
        raise PinError(str(exc)) from None


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored`` (from :func:`hash_pin`); PinError if it is malformed."""
    try:
        return verify_secret(pin, stored, what="PIN")
    except HashFormatError as exc:
        raise PinError(str(exc)) from None


def delay_after(failures: int) -> float:
    """Seconds of lockout after ``failures`` consecutive wrong attempts: 0, 0, 2, 4, 8 ... 300."""
    if failures <= FREE_ATTEMPTS:
        return 0.0
    exponent = failures - FREE_ATTEMPTS
    if exponent >= 9:  # 2**9 = 512 > 300, and no huge powers for absurd counts
        return MAX_DELAY
    return min(float(2**exponent), MAX_DELAY)


class PinGuard:
    """The staff PIN and its lockout, persisted in one JSON file.

    The file is read afresh by every method, so a PIN set from the command line takes effect
    in a running kiosk, and two guards on the same file agree.
    """

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock

    def is_set(self) -> bool:
        return self._load() is not None

    def set_pin(self, pin: str) -> None:
        """Validate and store a new PIN; this also ends any lockout."""
        cleaned = check_pin_format(pin)
        self._save(_State(hash_pin(cleaned)))

    def clear(self) -> None:
        """Forget the PIN (and the lockout).  Works on a damaged file too: that is the way out."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            raise PinError(
                f"cannot remove the staff PIN file {self.path}: {_reason(exc)}"
            ) from None

    def wait_seconds(self) -> float:
        """How long attempts are refused from now (0 when they are not)."""
        state = self._load()
        if state is None:
            return 0.0
        return max(0.0, state.locked_until - self._clock())

    def attempt(self, pin: str) -> Attempt:
        """Check ``pin``; while locked out it is refused without being checked.

        Raises PinError when no PIN is set (call :meth:`is_set` first).
        """
        state = self._load()
        if state is None:
            raise PinError(f"no staff PIN is set (in {self.path})")
        now = self._clock()
        if state.locked_until > now:
            return Attempt(False, state.locked_until - now, state.failures)
        if verify_pin(pin.strip(), state.hash):
            if state.failures or state.locked_until:
                self._save(replace(state, failures=0, locked_until=0.0))
            return Attempt(True, 0.0, 0)
        failures = state.failures + 1
        delay = delay_after(failures)
        self._save(replace(state, failures=failures, locked_until=now + delay if delay else 0.0))
        return Attempt(False, delay, failures)

    # -- the file ---------------------------------------------------------------------------

    def _load(self) -> _State | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise PinError(f"cannot read the staff PIN file {self.path}: {_reason(exc)}") from None
        try:
            state = _validated(json.loads(raw.decode("utf-8")))
        except (ValueError, PinError) as exc:  # JSONDecodeError and UnicodeDecodeError too
            raise PinError(
                f"the staff PIN file {self.path} is damaged ({_reason(exc)}); "
                "set the PIN again or clear it"
            ) from None
        if state is None:
            return None
        # A clock that went backwards must not lock staff out for longer than the failures
        # warrant: the lockout never lasts more than delay_after(failures) from now.
        now = self._clock()
        limit = now + delay_after(state.failures)
        if state.locked_until > limit:
            state = replace(state, locked_until=limit)
            self._save(state)
        return state

    def _save(self, state: _State) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps(state.to_json()), mode=0o600)
        except OSError as exc:
            raise PinError(f"cannot write the staff PIN file {self.path}: {_reason(exc)}") from None


def _validated(data: object) -> _State | None:
    """The state in a loaded file, normalised; None when it holds no PIN."""
    if not isinstance(data, dict):
        raise PinError("not a JSON object")
    if data.get("version") != _VERSION:
        raise PinError("not a version 1 PIN file")
    stored = data.get("hash")
    if stored is None:
        return None
    if not isinstance(stored, str):
        raise PinError("the hash is not a string")
    _parse(stored)
    failures = data.get("failures", 0)
    if isinstance(failures, bool) or not isinstance(failures, int) or failures < 0:
        raise PinError("failures is not a count")
    locked = data.get("locked_until", 0.0)
    if isinstance(locked, bool) or not isinstance(locked, int | float) or not math.isfinite(locked):
        raise PinError("locked_until is not a time")
    return _State(stored, failures, float(locked))


def _parse(stored: str) -> None:
    try:
        parse_hash(stored, what="PIN")
    except HashFormatError as exc:
        raise PinError(str(exc)) from None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).splitlines()
    return text[0] if text else type(exc).__name__

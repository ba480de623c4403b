"""What the command line prints and reads: results as text or JSON, errors as one line.

Also the parser class (usage errors as one line), the argument types the commands share,
secrets read from the terminal, and :func:`guarded`, which turns every failure of a run into
one line on stderr and an exit status: the error's own for an
:class:`~exhibition_app.errors.ExhibitionError`, else a crash log in the user data folder.
"""

from __future__ import annotations

import argparse
import getpass
import json
import math
import sys
import traceback
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from exhibition_app.core.languages import parse_fallback, pick
from exhibition_app.errors import (
    EXIT_ERROR,
    EXIT_USAGE,
    ExhibitionError,
    InvalidInput,
    disk_problem,
    message_of,
    shown,
)
from exhibition_app.paths import APP_NAME, user_data_dir

__all__ = [
    "EXIT_ERROR",
    "EXIT_USAGE",
    "OneLineParser",
    "byte_size",
    "emit",
    "fallback_languages",
    "guarded",
    "in_language",
    "read_new_secret",
    "seconds",
    "window_size",
]


class OneLineParser(argparse.ArgumentParser):
    """Usage errors as one line on stderr (``--help`` still shows the full usage)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {shown(message)} (see --help)\n")


# -- argument types --------------------------------------------------------------------------


def window_size(text: str) -> tuple[int, int]:
    """``--size WxH``."""
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1280x800") from None
    if not (100 <= w <= 16384 and 100 <= h <= 16384):
        raise argparse.ArgumentTypeError(f"'{text}': width and height must be 100..16384")
    return w, h


#: The largest row id the catalogue can hold (a 64-bit integer on SQLite and PostgreSQL).
MAX_ID = 2**63 - 1


def whole_number(low: int, high: int, what: str) -> Callable[[str], int]:
    """An argument type: a whole number from ``low`` to ``high``, else one clear line
    (``'-1' is not a pixel count (a whole number from 1 to 100,000,000,000)``)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"'{shown(text)}' is not {what} (a whole number from {low:,} to {high:,})"
            )
        return value

    return parse


record_id = whole_number(1, MAX_ID, "an id")


def seconds(text: str) -> float:
    """A number of seconds between 1 and a day."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not 1 <= value <= 86_400:
        raise argparse.ArgumentTypeError(f"'{text}': give between 1 and 86400 seconds")
    return value


def fallback_languages(text: str) -> tuple[str, ...]:
    """``--fallback en,ru``."""
    try:
        return parse_fallback(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def byte_size(text: str) -> int:
    """A size such as ``500M`` or ``20G`` (powers of 1024), in bytes."""
    units = {"": 1, "b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
    value = text.strip().lower().removesuffix("b")
    unit = value[-1:] if value[-1:] in units else ""
    try:
        number = float(value[: len(value) - len(unit)] if unit else value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 500M or 20G") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"'{text}': give a size above zero")
    return int(number * units[unit])


# -- output ----------------------------------------------------------------------------------


def emit(args: argparse.Namespace, data: Any, human: Callable[[], str]) -> None:
    """``data`` as JSON with ``--json``, else the text ``human()`` makes."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print("\n".join(shown(line) for line in human().split("\n")))


def emit_rows(
    args: argparse.Namespace, rows: Iterable[dict[str, Any]], line: Callable[[dict[str, Any]], str]
) -> None:
    """Like :func:`emit` for a list that may be long: each row is written as it comes, so
    memory stays flat. The JSON is byte for byte what ``emit`` writes for the whole list."""
    out = sys.stdout
    if not getattr(args, "json", False):
        for row in rows:
            out.write(shown(line(row)) + "\n")
        return
    first = True
    for row in rows:
        out.write(("[\n  " if first else ",\n  ") + indented_json(row, "  "))
        first = False
    out.write("[]\n" if first else "\n]\n")


_encode_str = json.encoder.encode_basestring  # the C encoder json.dumps uses (not ASCII-only)


def indented_json(value: Any, pad: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` for plain data (dicts with string
    keys, lists, strings, numbers, booleans, None), with every line after the first
    starting with ``pad``: the same text, about three times faster for long lists."""
    if isinstance(value, str):
        return _encode_str(value)
    if value is None or value is True or value is False:
        return "null" if value is None else "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return float.__repr__(value) if math.isfinite(value) else json.dumps(value)
    inner = pad + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = (f"{inner}{_encode_str(k)}: {indented_json(v, inner)}" for k, v in value.items())
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + indented_json(v, inner) for v in value) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)


def in_language(texts: dict[str, str], lang: str, fallback: Sequence[str]) -> str:
    """The text in ``lang``, else in the first fallback language that has one."""
    picked = pick(texts, lang, fallback)
    return picked.text if picked else ""


# -- input -----------------------------------------------------------------------------------


def read_new_secret(prompt: str, noun: str) -> str:
    """A new PIN or password: asked twice without echo on a terminal, else one line of
    stdin. ``noun`` names it in the messages ("PIN", "password")."""
    stdin = sys.stdin
    if stdin is None:
        raise InvalidInput(f"no standard input to read the {noun} from")
    if stdin.isatty():
        try:
            first = getpass.getpass(f"{prompt}: ")
            second = getpass.getpass(f"Repeat the {noun}: ")
        except EOFError:
            raise InvalidInput(f"no {noun} entered; nothing was changed") from None
        if first != second:
            raise InvalidInput(f"the two {noun}s differ; nothing was changed")
        return first
    line = stdin.readline()
    if not line:
        raise InvalidInput(f"no {noun} on standard input; nothing was changed")
    return line.rstrip("\r\n")


# -- errors ----------------------------------------------------------------------------------


def guarded(run: Callable[[], int]) -> int:
    """``run()``'s exit status, with every failure turned into one line on stderr."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    try:
        return run()
    except ExhibitionError as exc:
        print(f"{APP_NAME}: error: {shown(message_of(exc))}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (``| head``): nothing more to say, and nowhere to say it.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(f"{APP_NAME}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        disk = disk_problem(exc)
        if disk is not None:  # a full or read-only disk: the user's to fix, not a bug
            print(f"{APP_NAME}: error: {disk}", file=sys.stderr)
            return EXIT_ERROR
        # The last line of defence: still one line, never a traceback on the terminal.
        log = _write_crash_log()
        first = str(exc).splitlines()[0] if str(exc) else ""
        print(
            f"{APP_NAME}: error: {type(exc).__name__}: {first} (details in {log})", file=sys.stderr
        )
        return EXIT_ERROR


def _write_crash_log() -> Path | str:
    try:
        folder = user_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "last-error.log"
        log.write_text(traceback.format_exc(), encoding="utf-8")
        return log
    except OSError:
        return "no log: the data folder is not writable"

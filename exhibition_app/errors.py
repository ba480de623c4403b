"""One error vocabulary for the whole application, at the bottom of the layers.

Every error that is meant for a person (a curator at the command line, a visitor's calm
notice, a dialog in the curator workspace) derives from :class:`ExhibitionError`, through one
of a few kinds. The kind says what went wrong in the user's terms and carries the command
line's exit status; the message is one line, ready to show (names quoted in it are made safe
with :func:`shown`). ``cli.main`` and the UI's task manager catch the base; anything else is
unexpected and goes to the crash log.

Wording, one per kind of fact: ``no item 99999`` (see :func:`not_found`).
"""

from __future__ import annotations

import errno

EXIT_ERROR = 1
EXIT_USAGE = 2


class ExhibitionError(Exception):
    """A problem to report to the user as one line."""

    #: Exit status of the command line for this kind of error.
    exit_code: int = EXIT_ERROR


class NotFound(ExhibitionError, LookupError):
    """What was asked for does not exist: ``no item 99999``."""


class InvalidInput(ExhibitionError, ValueError):
    """The input cannot be used as it is: a malformed date, file, value or option."""


class Refused(ExhibitionError):
    """A valid request that the application will not carry out (it would lose data, the
    input is over a limit, a PIN is wrong or locked out)."""


class Conflict(ExhibitionError):
    """The request clashes with what is there: a duplicate, a change made meanwhile."""


class StorageError(ExhibitionError):
    """The catalogue or the files behind it cannot be read or written as needed."""


class CatalogError(StorageError):
    """A catalogue cannot be opened or used, or an operation on it cannot be carried out;
    the message says why in one line.

    The general error of the catalogue and its operations (opening, migrating, backing up,
    publishing...); the more specific errors of those modules derive from it. New code says
    which kind it is instead when one of the kinds above fits."""


def not_found(what: str, key: object) -> NotFound:
    """The one wording for a missing thing: ``not_found("item", 99999)`` -> ``no item 99999``."""
    return NotFound(f"no {what} {shown(key)}")


_DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(value: object) -> str:
    """``value`` as text that is safe to print in a one-line message: control characters
    (ESC sequences, BEL, newlines, NUL) are written as escapes, never sent to a terminal."""
    text = str(value)
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            code = ord(ch)
            out.append(_ESCAPES.get(ch) or (f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}"))
    return "".join(out)


def first_line(exc: BaseException) -> str:
    """The first line of an exception's text (a driver's error: the original's), or its
    type's name: for a message that quotes a lower layer's error."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return shown(text.splitlines()[0]) if text else type(exc).__name__


def disk_problem(exc: BaseException) -> str | None:
    """The one line for a full or read-only disk met while writing (an ``OSError``, or
    SQLite's "database or disk is full" through the driver), else None. Writes here are
    made aside and renamed, and database changes are transactions, so a full disk leaves
    nothing half-written."""
    if isinstance(exc, OSError) and exc.errno in _DISK_FULL:
        where = f" (writing {shown(exc.filename)})" if exc.filename else ""
        return (
            f"no space left on the disk{where}: the command stopped and nothing half-written "
            "was kept; free some space and run it again"
        )
    if isinstance(exc, OSError) and exc.errno == errno.EROFS:
        where = f" {shown(exc.filename)}" if exc.filename else ""
        return f"the file system is read-only: cannot write{where}"
    if "database or disk is full" in str(getattr(exc, "orig", None) or exc):
        return (
            "no space left on the disk holding the catalogue: the change in progress was not "
            "written; free some space and run it again"
        )
    return None


def message_of(exc: BaseException) -> str:
    """The one line to show for ``exc``, in a terminal or a dialog alike (control
    characters escaped): its message for our errors (and for a full disk), the type and
    first line for anything unexpected."""
    text = str(exc).strip()
    first = shown(text.splitlines()[0]) if text else ""
    if isinstance(exc, ExhibitionError):
        return first or type(exc).__name__
    disk = disk_problem(exc)
    if disk is not None:
        return disk
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__

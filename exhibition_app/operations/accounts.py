"""Curator accounts: add, sign in, change a password, disable. No Qt.

Passwords are stored only as salted scrypt hashes (exhibition_app.core.passwords, shared with
the kiosk's staff PIN). :func:`verify_user` takes the same time whether the name is unknown,
the account disabled or the password wrong: it always computes one scrypt hash.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from exhibition_app.core.passwords import HashFormatError, hash_secret, verify_secret
from exhibition_app.db.models import User
from exhibition_app.errors import CatalogError, not_found

PASSWORD_MIN_CHARS = 8
PASSWORD_MAX_CHARS = 1024  # scrypt hashes any length, but nobody types more
NAME_RE = re.compile(r"^[\w.@-]{1,64}$")  # \w: letters of any script, digits, underscore

__all__ = [
    "PASSWORD_MIN_CHARS",
    "AccountError",
    "UserInfo",
    "add_user",
    "check_password",
    "disable_user",
    "enable_user",
    "find_user",
    "get_user",
    "list_users",
    "set_password",
    "verify_user",
]


class AccountError(CatalogError):
    """An account problem (name taken, unknown user, a password too short): one line."""


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    created_at: str
    disabled: bool

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "created_at": self.created_at,
            "disabled": self.disabled,
        }


def check_password(password: str) -> str:
    """``password`` unchanged if it is acceptable; AccountError with the rule otherwise."""
    if not isinstance(password, str) or not (
        PASSWORD_MIN_CHARS <= len(password) <= PASSWORD_MAX_CHARS
    ):
        raise AccountError(
            f"a password needs at least {PASSWORD_MIN_CHARS} characters "
            f"(and at most {PASSWORD_MAX_CHARS}); nothing was changed"
        )
    return password


def _check_name(name: str) -> str:
    cleaned = name.strip() if isinstance(name, str) else ""
    if not NAME_RE.match(cleaned):
        raise AccountError(
            f"'{name}' cannot be a user name: use 1 to 64 letters, digits and . _ - @ (no spaces)"
        )
    return cleaned


def find_user(session: Session, name: str) -> User | None:
    return session.scalar(select(User).where(User.name == name.strip()))


def get_user(session: Session, name: str) -> User:
    """The account called ``name``; NotFound (``no user 'name'``) if there is none."""
    user = find_user(session, name)
    if user is None:
        raise not_found("user", f"'{name.strip()}'")
    return user


def add_user(session: Session, name: str, password: str) -> User:
    """Create an account; AccountError if the name is taken or the password too short."""
    cleaned = _check_name(name)
    check_password(password)
    if find_user(session, cleaned) is not None:
        raise AccountError(f"there is already a user '{cleaned}'")
    user = User(name=cleaned, password_hash=hash_secret(password), disabled=False)
    session.add(user)
    session.flush()
    return user


@cache
def _dummy_hash() -> str:
    """A real hash of a random secret, so unknown names cost one scrypt like known ones."""
    return hash_secret(secrets.token_urlsafe(16))


def verify_user(session: Session, name: str, password: str) -> User | None:
    """The account if ``name`` and ``password`` match and it is not disabled, else None.

    One scrypt computation whatever the outcome (a dummy hash stands in for an unknown name),
    so the time taken does not tell whether a name exists. A damaged stored hash is a
    mismatch, never an exception.
    """
    user = find_user(session, name) if isinstance(name, str) else None
    stored = user.password_hash if user is not None else _dummy_hash()
    try:
        ok = verify_secret(password if isinstance(password, str) else "", stored)
    except HashFormatError:
        ok = False
    if user is None or user.disabled or not ok:
        return None
    return user


def list_users(session: Session) -> list[UserInfo]:
    return [
        UserInfo(u.id, u.name, _iso(u.created_at), bool(u.disabled))
        for u in session.scalars(select(User).order_by(User.name))
    ]


def set_password(session: Session, name: str, password: str) -> User:
    user = get_user(session, name)
    check_password(password)
    user.password_hash = hash_secret(password)
    session.flush()
    return user


def disable_user(session: Session, name: str) -> User:
    """The account can no longer sign in; its name stays in the history."""
    user = get_user(session, name)
    user.disabled = True
    session.flush()
    return user


def enable_user(session: Session, name: str) -> User:
    user = get_user(session, name)
    user.disabled = False
    session.flush()
    return user


def _iso(value: datetime) -> str:
    if value.tzinfo is None:  # SQLite gives back naive datetimes; they are stored in UTC
        value = value.replace(tzinfo=UTC)
    return value.isoformat()

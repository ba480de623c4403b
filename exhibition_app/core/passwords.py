"""Salted, slow hashes of secrets (curator passwords, the kiosk's staff PIN): pure Python.

A secret is never stored, only a salted scrypt hash as one self-describing string::

    scrypt$16384$8$1$<salt, base64>$<hash, base64>

:func:`verify_secret` reads the cost parameters from the string, so older hashes keep working
if the defaults change, and it bounds them, so a tampered string cannot make a check take
minutes or gigabytes. Comparison is constant-time (:func:`hmac.compare_digest`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

from exhibition_app.errors import InvalidInput

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32

SCHEME = "scrypt"
# Bounds on parameters read back from storage.
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16
_MAX_MEMORY = 256 * 1024 * 1024
_ASCII_DIGITS = frozenset("0123456789")


class HashFormatError(InvalidInput):
    """A stored hash that cannot be used; the message is one line, e.g. "the stored hash is
    not in the form scrypt$N$r$p$salt$hash" (``what`` names the secret: "PIN", "password")."""


def hash_secret(secret: str) -> str:
    """A new salted scrypt hash of ``secret``, as ``scrypt$N$r$p$salt$hash`` (base64 parts)."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = scrypt(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return "$".join([SCHEME, str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest)])


def verify_secret(secret: str, stored: str, *, what: str = "") -> bool:
    """Whether ``secret`` matches ``stored`` (from :func:`hash_secret`).

    Raises HashFormatError when ``stored`` is malformed or asks for absurd costs.
    """
    n, r, p, salt, expected = parse_hash(stored, what=what)
    return hmac.compare_digest(scrypt(secret, salt, n, r, p, len(expected)), expected)


def parse_hash(stored: str, *, what: str = "") -> tuple[int, int, int, bytes, bytes]:
    """(N, r, p, salt, digest) of a stored hash, checked; HashFormatError otherwise."""
    label = f"the stored {what} hash" if what else "the stored hash"
    parts = stored.split("$") if isinstance(stored, str) else []
    if len(parts) != 6 or parts[0] != SCHEME:
        raise HashFormatError(f"{label} is not in the form scrypt$N$r$p$salt$hash")
    try:
        n, r, p = (_small_int(v) for v in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        raise HashFormatError(f"{label} has an unreadable part") from None
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P):
        raise HashFormatError(f"{label} has unsupported scrypt parameters")
    if 128 * r * (n + p + 2) > _MAX_MEMORY:
        raise HashFormatError(f"{label} needs too much memory to check")
    if len(salt) < 8 or not 16 <= len(digest) <= 64:
        raise HashFormatError(f"{label} has a salt or hash of the wrong length")
    return n, r, p, salt, digest


def scrypt(secret: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    """hashlib.scrypt with enough ``maxmem`` for the parameters; HashFormatError on failure."""
    try:
        return hashlib.scrypt(
            secret.encode("utf-8"),
            salt=salt,
            n=n,
            r=r,
            p=p,
            maxmem=128 * r * (n + p + 2) + 1024 * 1024,
            dklen=dklen,
        )
    except (ValueError, MemoryError) as exc:
        text = str(exc).splitlines()
        raise HashFormatError(
            f"cannot compute the hash: {text[0] if text else type(exc).__name__}"
        ) from None


def _small_int(text: str) -> int:
    if not (1 <= len(text) <= 8) or not set(text) <= _ASCII_DIGITS:
        raise ValueError(text)
    return int(text)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")

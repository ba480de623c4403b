"""Readable names for licence URIs, for credit lines."""

from __future__ import annotations

import re

_NAMES = {
    "publicdomain/mark/1.0": "Public domain",
    "publicdomain/zero/1.0": "CC0 1.0",
}
_CC = re.compile(r"creativecommons\.org/licenses/([a-z-]+)/(\d\.\d)")


def licence_name(uri: str | None) -> str:
    """ "CC BY-SA 3.0" for a Creative Commons URI, "Public domain" for the PD mark, else the URI."""
    if not uri:
        return ""
    for key, name in _NAMES.items():
        if key in uri:
            return name
    m = _CC.search(uri)
    if m:
        return f"CC {m.group(1).upper()} {m.group(2)}"
    return uri


def is_licence_uri(uri: str) -> bool:
    return bool(re.match(r"^https?://[^\s/$.?#].[^\s]*$", uri))

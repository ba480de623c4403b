"""Fixtures shared by the catalogue tests: a catalogue with a curator's account."""

from __future__ import annotations

import pytest

from exhibition_app.catalog import Catalog
from exhibition_app.operations.accounts import add_user

#: The curator whose account ``cat`` has.
CURATOR = "aigerim"


@pytest.fixture
def cat(catalog: Catalog) -> Catalog:
    """A fresh catalogue (on each engine) with the account of :data:`CURATOR`."""
    with catalog.session() as s:
        add_user(s, CURATOR, "steppe-maps-1689")
    return catalog

"""The catalogue's item vocabulary: the kinds of item and their translatable text fields.

Plain constants, so the database schema, the CSV format and the curator's editor all use
one definition.
"""

from __future__ import annotations

KINDS: tuple[str, ...] = ("object", "map", "photograph", "document")

#: Translatable fields of an item, in the order an editor shows them.
ITEM_TEXT_FIELDS: tuple[str, ...] = (
    "title",
    "description",
    "culture",
    "place",
    "creator",
    "date",
    "materials",
    "technique",
    "dimensions",
    "credit_line",
)

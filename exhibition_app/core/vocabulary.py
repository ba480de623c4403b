"""The catalogue's fixed words: kinds of item, an item's translatable fields, relations.

Written once here, below both the database schema (:mod:`exhibition_app.db.models`, whose
check constraints use them) and the CSV format (:mod:`exhibition_app.interop.csv_dc`, which
must not import SQLAlchemy), so the two cannot drift apart.
"""

from __future__ import annotations

__all__ = ["ITEM_TEXT_FIELDS", "KINDS", "NOW_LAYER_TAG", "RELATIONS"]

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

#: How one item can be linked to another, e.g. a 1853 redrawing is ``redrawing_of`` a globe.
RELATIONS: tuple[str, ...] = ("redrawing_of", "depicts", "related")

#: The tag that makes a georeferenced map a "now" layer: offered in Then and now beside every
#: georeferenced map, and carried to kiosks, whether published (an exhibit too, like the Blue
#: Marble) or not (a reference layer with its credits that is no exhibit).
NOW_LAYER_TAG = "now layer"

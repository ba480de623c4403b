"""Plain, immutable view data for the UI: what a gallery tile or an item page shows.

Loaded in one session on the database worker (exhibition_app.operations.views) and handed
to the main thread; they hold every language, so switching language needs no database
round trip. No SQLAlchemy here, so the UI can import them before the catalogue is open.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Texts = dict[str, str]


@dataclass(frozen=True)
class MediaRef:
    relpath: str
    sha256: str
    width: int
    height: int


@dataclass(frozen=True)
class ItemCard:
    """What a gallery tile and an item page need to know about one item."""

    id: int
    kind: str
    accession_number: str
    country: str | None
    date_edtf: str | None
    date_earliest: int | None
    date_latest: int | None
    rights: str | None
    source: str | None
    featured: bool
    published: bool
    texts: dict[str, Texts]
    cover: MediaRef | None
    media: tuple[MediaRef, ...]
    tags: tuple[str, ...]
    #: (relation, other item id, forward): forward when this item is the link's subject.
    related: tuple[tuple[str, int, bool], ...] = ()
    #: False for a light card of a large gallery: the item's own columns only (enough to
    #: filter and count it), its texts, pictures, tags and links read when it is first shown
    #: (exhibition_app.operations.gallery_reads.read_cards).
    complete: bool = True

    def text(self, field_name: str) -> Texts:
        return self.texts.get(field_name, {})


@dataclass(frozen=True)
class SectionView:
    id: int
    title: Texts
    narrative: Texts
    item_ids: tuple[int, ...]


@dataclass(frozen=True)
class ExhibitionView:
    id: int
    key: str
    published: bool
    title: Texts
    introduction: Texts
    sections: tuple[SectionView, ...]

    @property
    def item_ids(self) -> tuple[int, ...]:
        seen: dict[int, None] = {}
        for section in self.sections:
            seen.update(dict.fromkeys(section.item_ids))
        return tuple(seen)


@dataclass(frozen=True)
class GalleryData:
    items: dict[int, ItemCard]
    order: tuple[int, ...]
    exhibitions: tuple[ExhibitionView, ...] = field(default=())


# --------------------------------------------------------------------------- the card's design


@dataclass(frozen=True)
class CardDesign:
    """The designed card shown for an item without a photograph, as data: painted with Qt in
    the app (`exhibition_app.ui.card_art`) and with Pillow for exports
    (`exhibition_app.imaging.card_image`), so the two look the same.

    Lengths are fractions of the card's width ``w`` (or height ``h`` where named so).
    """

    #: Width over height of a card standing on its own (item page, attract loop, exports).
    aspect: float = 0.78
    #: Parchment gradient, top left to bottom right.
    paper_light: str = "#efe3c8"
    paper_dark: str = "#d9c29a"
    ink: str = "#3b2f1e"
    ink_soft: str = "#6b5535"
    gold_line: str = "#b08a3a"
    #: The ram's-horn ornament: steppe red, partly transparent (RGBA).
    ornament: tuple[int, int, int, int] = (180, 65, 47, 150)
    #: Padding: max(10 px, w * pad); the gold frame sits half of it in.
    pad: float = 0.07
    frame_width: float = 1 / 240
    ornament_width: float = 1 / 110
    #: Ornament centre at h * ornament_y, its size w * ornament_size.
    ornament_y: float = 0.2
    ornament_size: float = 0.16
    #: Text block starts at h * text_top; kicker, title and date sizes (of w).
    text_top: float = 0.34
    kicker_size: float = 0.045
    kicker_spacing: float = 1.08
    title_size: float = 0.085
    date_size: float = 0.05
    #: Share of the text block the title may take.
    title_share: float = 0.62


CARD_DESIGN = CardDesign()

Point = tuple[float, float]


def ram_horn_strokes(cx: float, cy: float, s: float) -> list[list[Point]]:
    """The qoshqar-muiz (ram's horn) ornament centred at (cx, cy), size ``s``: a stem and
    two horns, each horn two cubic Bézier curves. Each stroke is a start point followed by
    groups of three points (control, control, end); a stem is one straight segment."""
    stem: list[Point] = [(cx, cy + s * 0.5), (cx, cy - s * 0.1)]
    strokes = [stem]
    for sign in (-1, 1):
        strokes.append(
            [
                (cx, cy - s * 0.1),
                (cx + sign * s * 0.1, cy - s * 0.6),
                (cx + sign * s * 0.75, cy - s * 0.55),
                (cx + sign * s * 0.6, cy - s * 0.05),
                (cx + sign * s * 0.5, cy + s * 0.25),
                (cx + sign * s * 0.2, cy + s * 0.05),
                (cx + sign * s * 0.32, cy - s * 0.15),
            ]
        )
    return strokes

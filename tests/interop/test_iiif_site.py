"""A whole exhibition in IIIF: every published item has a manifest (a card for items without
a picture), navDate, rendering, provider, homepage, rights as the item page says them, and
any language tag the catalogue holds."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from exhibition_app.catalog import Catalog
from exhibition_app.core.cards import CARD_DESIGN
from exhibition_app.interop import iiif
from exhibition_app.operations.iiif_export import export_iiif

BASE = "https://museum.example/iiif"


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def local(out: Path, uri: str) -> Path:
    assert uri.startswith(BASE + "/"), uri
    return out / uri.removeprefix(BASE + "/")


@pytest.fixture
def exported(sample_catalog: Catalog, tmp_path: Path) -> tuple[dict[str, Any], Path]:
    out = tmp_path / "site"
    result = export_iiif(
        sample_catalog, out, base_uri=BASE, build_tiles=False, provider="Bridging Horizons"
    )
    return result, out


def _close(rgb: tuple[int, ...], hex_colour: str, tolerance: int = 12) -> bool:
    want = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return all(abs(a - b) <= tolerance for a, b in zip(rgb, want, strict=True))


def test_an_item_without_a_picture_is_a_canvas_painted_with_its_card(
    exported: tuple[dict[str, Any], Path],
) -> None:
    _, out = exported
    doc = load(out / "items" / "10" / "manifest.json")  # the Golden Man: no photograph
    assert doc["label"]["en"] == ["The Golden Man of Issyk"]
    (canvas,) = doc["items"]
    assert canvas["label"]["en"] == ["Designed card (no photograph yet)"]
    assert set(canvas["label"]) == {"en", "kk", "ru", "mn"}
    body = canvas["items"][0]["items"][0]["body"]
    assert body["id"] == f"{BASE}/items/10/card.jpg" and body["format"] == "image/jpeg"
    assert (canvas["width"], canvas["height"]) == (body["width"], body["height"]) == (780, 1000)
    with Image.open(local(out, body["id"])) as card:
        assert (card.format, card.size, card.mode) == ("JPEG", (780, 1000), "RGB")
        card = card.convert("RGB")
        # The parchment gradient, light at the top left and darker at the bottom right.
        assert _close(card.getpixel((60, 60)), CARD_DESIGN.paper_light, 16)
        assert _close(card.getpixel((720, 940)), CARD_DESIGN.paper_dark, 16)
        # The gold frame at 7% / 2 of the width in, and the red ram's horn at its place.
        frame = [card.getpixel((x, 500)) for x in range(20, 35)]
        assert any(_close(p, CARD_DESIGN.gold_line, 40) for p in frame)
        horn = [card.getpixel((390, y)) for y in range(200, 260)]
        assert any(p[0] - p[2] > 60 for p in horn)
        # The title, in dark ink, across the middle of the card.
        middle = card.crop((60, 420, 720, 600)).convert("L")
        assert middle.getextrema()[0] < 90
    thumb = doc["thumbnail"][0]
    with Image.open(local(out, thumb["id"])) as small:
        assert small.size == (thumb["width"], thumb["height"]) == (195, 250)
    assert "rendering" not in doc and "rendering" not in canvas  # no original file
    assert doc["navDate"] == "-0399-01-01T00:00:00Z"  # EDTF -0399/-0200: 400 BC
    assert iiif.validate(doc) == []


def test_rendering_navdate_provider_homepage_and_rights(
    exported: tuple[dict[str, Any], Path],
) -> None:
    _, out = exported
    doc = load(out / "items" / "2" / "manifest.json")  # Behaim 1492, CC BY-SA 3.0
    assert doc["navDate"] == "1492-01-01T00:00:00Z"
    (original,) = doc["rendering"]
    assert original["type"] == "Image" and original["format"] == "image/jpeg"
    assert original["label"]["en"] == ["Original image file"]
    assert local(out, original["id"]).is_file()
    canvas = doc["items"][0]
    assert canvas["rendering"] == [original]
    assert canvas["items"][0]["items"][0]["body"]["id"] == original["id"]

    (provider,) = doc["provider"]
    assert provider["type"] == "Agent" and provider["label"] == {"none": ["Bridging Horizons"]}
    assert provider["homepage"][0]["id"] == f"{BASE}/"
    assert (out / "index.html").is_file()
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Bridging Horizons" in home and 'href="https://museum.example/iiif/items/2/"' in home

    (homepage,) = doc["homepage"]
    assert homepage["id"] == f"{BASE}/items/2/" and homepage["format"] == "text/html"
    assert homepage["label"] == doc["label"]
    page = (out / "items" / "2" / "index.html").read_text(encoding="utf-8")
    # The item page says what the app's item page says: the licence by name, linked.
    assert doc["rights"] == "http://creativecommons.org/licenses/by-sa/3.0/"
    licence = next(m for m in doc["metadata"] if m["label"]["en"] == ["Licence"])
    link = '<a href="https://creativecommons.org/licenses/by-sa/3.0/">CC BY-SA 3.0</a>'
    assert licence["value"] == {"none": [link]}
    assert link in page
    assert escape(doc["label"]["en"][0]) in page and escape(doc["label"]["kk"][0]) in page
    credit = doc["requiredStatement"]["value"]["ru"][0]
    assert escape(credit) in page
    assert f'href="{BASE}/items/2/manifest.json"' in page
    assert f'href="{original["id"]}"' in page


def test_every_item_and_section_is_in_the_collections(
    exported: tuple[dict[str, Any], Path], sample_catalog: Catalog
) -> None:
    result, out = exported
    from exhibition_app.operations.queries import list_items

    with sample_catalog.read_session() as session:
        published = {item.id for item in list_items(session, published_only=True)}
    assert len(published) == result["manifests"] == 19
    reachable: set[str] = set()

    def walk(doc: dict[str, Any]) -> None:
        for ref in doc["items"]:
            if ref["type"] == "Manifest":
                reachable.add(ref["id"])
                assert local(out, ref["id"]).is_file()
            else:
                walk(load(local(out, ref["id"])))

    walk(load(out / "collection.json"))
    assert reachable == {iiif.manifest_id(BASE, i) for i in published}


def test_language_tags_pass_through_mn_mong() -> None:
    source = iiif.ManifestSource(
        item_id=5,
        accession_number="X-1",
        texts={
            "title": {"en": "Deer stone", "mn": "Буган хөшөө", "mn-Mong": "ᠪᠤᠭᠤ ᠬᠥᠰᠢᠶ᠎ᠡ"},
            "description": {"mn-Mong": "ᠮᠣᠩᠭᠣᠯ"},
        },
        pictures=(
            iiif.Picture(width=10, height=10, image_id=f"{BASE}/a.jpg", format="image/jpeg"),
        ),
    )
    doc = iiif.manifest(BASE, source)
    assert doc["label"]["mn-Mong"] == ["ᠪᠤᠭᠤ ᠬᠥᠰᠢᠶ᠎ᠡ"]
    assert doc["summary"] == {"mn-Mong": ["ᠮᠣᠩᠭᠣᠯ"]}
    assert iiif.validate(doc) == []
    # The item's page has an article in that language, its labels in Mongolian.
    from exhibition_app.interop import site_pages

    page = site_pages.item_page(BASE, site_pages.ItemPage(source, doc), ("en", "ru", "kk", "mn"))
    article = page[page.index('<article id="mn-Mong" lang="mn-Mong">') :]
    assert "<h1>ᠪᠤᠭᠤ ᠬᠥᠰᠢᠶ᠎ᠡ</h1><p>ᠮᠣᠩᠭᠣᠯ</p>" in article
    assert "<dt>Бүртгэлийн дугаар</dt><dd>X-1</dd>" in article


def test_nav_date() -> None:
    assert iiif.nav_date(1689) == "1689-01-01T00:00:00Z"
    assert iiif.nav_date(800) == "0800-01-01T00:00:00Z"
    assert iiif.nav_date(0) == "0000-01-01T00:00:00Z"  # 1 BC
    assert iiif.nav_date(-1009) == "-1009-01-01T00:00:00Z"
    assert iiif.nav_date(None) is None
    # From the EDTF date: where it begins, without search's widening of approximate dates.
    assert iiif.edtf_nav_date("1492") == "1492-01-01T00:00:00Z"
    assert iiif.edtf_nav_date("1689-05-17") == "1689-05-17T00:00:00Z"
    assert iiif.edtf_nav_date("1720-23") == "1720-09-01T00:00:00Z"  # autumn
    assert iiif.edtf_nav_date("18XX") == "1800-01-01T00:00:00Z"
    assert iiif.edtf_nav_date("-0999~") == "-0999-01-01T00:00:00Z"
    assert iiif.edtf_nav_date("-0399/-0200") == "-0399-01-01T00:00:00Z"
    assert iiif.edtf_nav_date("../1700") == "1700-01-01T00:00:00Z"
    assert iiif.edtf_nav_date("1700/..") == "1700-01-01T00:00:00Z"
    assert iiif.edtf_nav_date(None) is None
    assert iiif.edtf_nav_date("not a date") is None


def test_nav_date_of_an_approximate_date(exported: tuple[dict[str, Any], Path]) -> None:
    _, out = exported
    deer = load(out / "items" / "19" / "manifest.json")  # EDTF -0999~: c. 1000 BC
    assert deer["navDate"] == "-0999-01-01T00:00:00Z"
    undated = load(out / "items" / "8" / "manifest.json")  # no date
    assert "navDate" not in undated

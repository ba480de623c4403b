"""Annotations in every language (issue 13, points 2 and 3): the sample's Behaim places in
en, kk, ru and mn beside the museum's German, a place in one language with the fallback
marked, and KML in a second language merged by the id this app writes or by position."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Item
from exhibition_app.operations.annotations import add_annotation, move_annotation
from exhibition_app.operations.maps import (
    annotations_of,
    import_kml,
    place_in_language,
    placemark_annotation,
)

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
ROMAN = re.compile(r"[IVXLC]+")


def _map(catalog: Catalog, accession: str) -> int:
    with catalog.read_session() as s:
        return s.scalars(select(Item.id).where(Item.accession_number == accession)).one()


def _notes(catalog: Catalog, item_id: int) -> list[dict[str, object]]:
    with catalog.read_session() as s:
        return annotations_of(s, item_id)


def _kml(places: list[tuple[str, str, str, float, float]]) -> str:
    """(placemark id, name, description, lon, lat) as a KML 2.2 file."""
    marks = "".join(
        (f'<Placemark id="{pid}">' if pid else "<Placemark>")
        + f"<name>{name}</name><description>{text}</description>"
        f"<Point><coordinates>{lon},{lat}</coordinates></Point></Placemark>"
        for pid, name, text, lon, lat in places
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document>{marks}</Document></kml>'
    )


def test_every_behaim_place_is_in_four_languages_beside_the_german(
    sample_catalog: Catalog,
) -> None:
    notes = _notes(sample_catalog, _map(sample_catalog, "BH-MAP-002"))
    assert len(notes) == 39
    for note in notes:
        for field in ("label", "text"):
            texts = note[field]
            assert isinstance(texts, dict) and set(texts) == {"de", "en", "kk", "ru", "mn"}
            for lang in ("kk", "ru", "mn"):
                assert texts[lang] != texts["de"] and CYRILLIC.search(texts[lang])
        # Latin letters in a Cyrillic label would be German (or English) left over; in a
        # text, only the globe's own words quoted from the German («gefroren mer», Cathaia).
        german = str(note["text"]["de"])
        for lang in ("kk", "ru", "mn"):
            assert not LATIN_WORD.search(str(note["label"][lang])), note["label"]
            words = LATIN_WORD.findall(str(note["text"][lang]))
            quoted = [w for w in words if not ROMAN.fullmatch(w)]  # XIII ғасыр: a century
            assert all(word in german for word in quoted), (lang, quoted)
        # Credited in every language: the museum wrote the German, the exhibition translated.
        assert set(note["credit"]) == {"de", "en", "kk", "ru", "mn"}  # type: ignore[arg-type]
        assert all("Germanisches Nationalmuseum" in c for c in note["credit"].values())  # type: ignore[attr-defined]
    mongolia = next(n for n in notes if n["label"]["de"] == "MONGOLEI")  # type: ignore[index]
    assert mongolia["label"] == {
        "de": "MONGOLEI",
        "en": "MONGOLIA",
        "kk": "МОҢҒОЛИЯ",
        "ru": "МОНГОЛИЯ",
        "mn": "МОНГОЛ",
    }
    # Kazakh texts use the Kazakh letters, Mongolian ones the Mongolian ө and ү.
    kazakh = " ".join(str(n["text"]["kk"]) for n in notes)  # type: ignore[index]
    assert all(ch in kazakh for ch in "әғқңөұүі")
    mongolian = " ".join(str(n["text"]["mn"]) for n in notes)  # type: ignore[index]
    assert "ө" in mongolian and "ү" in mongolian and "ә" not in mongolian


def test_a_place_in_one_language_marks_its_fallback() -> None:
    note = {
        "id": 7,
        "x": 1.0,
        "y": 2.0,
        "lon": None,
        "lat": None,
        "label": {"de": "MONGOLEI", "kk": "МОҢҒОЛИЯ"},
        "text": {"de": "Das Land"},
    }
    kk = place_in_language(note, "kk")
    assert (kk["label"], kk["lang"]) == ("МОҢҒОЛИЯ", "kk")
    assert (kk["text"], kk["text_lang"], kk["fallback"]) == ("Das Land", "de", True)
    ru = place_in_language(note, "ru")  # fallback order en, ru, kk, mn: Kazakh comes first
    assert (ru["label"], ru["lang"], ru["fallback"]) == ("МОҢҒОЛИЯ", "kk", True)
    german_only = place_in_language({**note, "label": {"de": "MONGOLEI"}}, "en")
    assert (german_only["label"], german_only["lang"]) == ("MONGOLEI", "de")
    complete = place_in_language(
        {**note, "label": {"en": "Mongolia"}, "text": {"en": "The land"}}, "en"
    )
    assert (complete["lang"], complete["text_lang"], complete["fallback"]) == ("en", "en", False)
    empty = place_in_language({**note, "label": {}, "text": {}}, "mn")
    shown = (empty["label"], empty["text"], empty["lang"], empty["text_lang"])
    assert shown == ("", "", "mn", None)


def test_placemark_ids_this_app_writes() -> None:
    assert placemark_annotation("place-12") == 12
    assert placemark_annotation(" place-7 ") == 7
    for other in ("", "behaim-01", "place-0", "place-", "place-1x", "12", "place--3"):
        assert placemark_annotation(other) is None


def test_a_placemark_with_our_id_merges_into_its_place_wherever_it_was_moved(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    blue = _map(sample_catalog, "BH-MAP-005")  # georeferenced, no places
    with sample_catalog.session() as s:
        ulaanbaatar = add_annotation(s, blue, 2122.0, 343.0, {"label": {"en": "Ulaanbaatar"}})
        moved = add_annotation(s, blue, 1860.0, 395.0, {"label": {"en": "Turkestan"}})
        other_map = add_annotation(
            s, _map(sample_catalog, "BH-MAP-001"), 100.0, 100.0, {"label": {"en": "x"}}
        )
    exported = _notes(sample_catalog, blue)
    lonlat = {n["id"]: (n["lon"], n["lat"]) for n in exported}
    with sample_catalog.session() as s:
        move_annotation(s, moved, 1700.0, 500.0)  # a curator moved it after the export
    kk = tmp_path / "kk.kml"
    kk.write_text(
        _kml(
            [
                (f"place-{ulaanbaatar}", "Ұланбатыр", "Моңғолия астанасы", *lonlat[ulaanbaatar]),
                (f"place-{moved}", "Түркістан", "", *lonlat[moved]),  # where it was exported
                (f"place-{other_map}", "Жаңа орын", "", 10.0, 10.0),  # not this map's: new
            ]
        ),
        encoding="utf-8",
    )
    imported, skipped = import_kml(sample_catalog, blue, kk, lang="kk")
    assert (imported, skipped) == (3, [])
    notes = {n["id"]: n for n in _notes(sample_catalog, blue)}
    assert len(notes) == 3  # two merged, one new
    assert notes[ulaanbaatar]["label"] == {"en": "Ulaanbaatar", "kk": "Ұланбатыр"}
    assert notes[ulaanbaatar]["text"] == {"kk": "Моңғолия астанасы"}
    assert notes[moved]["label"] == {"en": "Turkestan", "kk": "Түркістан"}
    assert (notes[moved]["x"], notes[moved]["y"]) == (1700.0, 500.0)  # stays where it was put
    (new,) = (n for i, n in notes.items() if i not in (ulaanbaatar, moved))
    assert new["label"] == {"kk": "Жаңа орын"}
    # Again: the same file changes nothing more (each id, then each position, matches).
    import_kml(sample_catalog, blue, kk, lang="kk")
    assert len(_notes(sample_catalog, blue)) == 3


def test_a_foreign_id_falls_back_to_the_position_and_never_duplicates(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    blue = _map(sample_catalog, "BH-MAP-005")
    german = tmp_path / "de.kml"
    german.write_text(
        _kml([("", "MONGOLEI", "Das Land", 103.0, 47.0), ("", "CHINA", "", 110.0, 35.0)]),
        encoding="utf-8",
    )
    russian = tmp_path / "ru.kml"
    # Ids of another tool, and positions a pixel off (within SAME_PLACE_PX): the same places.
    russian.write_text(
        _kml(
            [
                ("behaim-08", "МОНГОЛИЯ", "Страна", 103.1, 47.05),
                ("behaim-09", "КИТАЙ", "", 110.0, 35.0),
            ]
        ),
        encoding="utf-8",
    )
    import_kml(sample_catalog, blue, german, lang="de")
    import_kml(sample_catalog, blue, russian, lang="ru")
    import_kml(sample_catalog, blue, russian, lang="ru")
    notes = sorted(_notes(sample_catalog, blue), key=lambda n: n["id"])  # type: ignore[arg-type,return-value]
    assert [n["label"] for n in notes] == [
        {"de": "MONGOLEI", "ru": "МОНГОЛИЯ"},
        {"de": "CHINA", "ru": "КИТАЙ"},
    ]
    assert notes[0]["text"] == {"de": "Das Land", "ru": "Страна"}


def test_a_kml_with_every_language_in_its_extended_data_brings_them_all(
    sample_catalog: Catalog, tmp_path: Path
) -> None:
    """As this app's KML export writes a place: the chosen language in <name> and
    <description>, every language in ExtendedData (name:kk, description:de...)."""
    blue = _map(sample_catalog, "BH-MAP-005")
    with sample_catalog.session() as s:
        known = add_annotation(s, blue, 2122.0, 343.0, {"label": {"en": "Ulaanbaatar"}})
    (lon, lat) = next((n["lon"], n["lat"]) for n in _notes(sample_catalog, blue))

    def placemark(pid: str, name: str, data: dict[str, str], where: tuple[float, float]) -> str:
        extended = "".join(
            f'<Data name="{key}"><value>{value}</value></Data>' for key, value in data.items()
        )
        return (
            f'<Placemark id="{pid}"><name>{name}</name><ExtendedData>'
            f'<Data name="x"><value>12.00</value></Data>{extended}</ExtendedData>'
            f"<Point><coordinates>{where[0]},{where[1]}</coordinates></Point></Placemark>"
        )

    every = {
        "name:de": "MONGOLEI",
        "name:kk": "МОҢҒОЛИЯ",
        "name:mn-Mong": "ᠮᠣᠩᠭᠣᠯ",
        "description:de": "&lt;b&gt;Das&lt;/b&gt; Land",
        "description:ru": "Страна",
        "name:toolong-language": "ignored",
    }
    kml = tmp_path / "export.kml"
    kml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
        "<Document>"
        + placemark(f"place-{known}", "МОҢҒОЛИЯ", {"name:en": "Mongolia"}, (lon, lat))
        + placemark("place-999999", "МОҢҒОЛИЯ", every, (103.0, 47.0))
        + "</Document></kml>",
        encoding="utf-8",
    )
    # Imported as English by mistake: ExtendedData's name:en still wins over <name>.
    assert import_kml(sample_catalog, blue, kml, lang="en") == (2, [])
    notes = {n["id"]: n for n in _notes(sample_catalog, blue)}
    assert notes[known]["label"] == {"en": "Mongolia"}
    (new,) = (n for i, n in notes.items() if i != known)
    assert new["label"] == {
        "en": "МОҢҒОЛИЯ",
        "de": "MONGOLEI",
        "kk": "МОҢҒОЛИЯ",
        "mn-Mong": "ᠮᠣᠩᠭᠣᠯ",
    }
    assert new["text"] == {"de": "Das Land", "ru": "Страна"}

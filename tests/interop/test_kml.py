"""KML annotations: the museum's real Behaim file, HTML descriptions, hostile input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exhibition_app.core.georef import Equirectangular
from exhibition_app.interop.kml import (
    KmlError,
    KmlResult,
    Placemark,
    html_to_text,
    parse_kml,
    read_kml,
)

BEHAIM = Path(__file__).resolve().parent.parent / "data" / "behaim1492.kml"
KML22 = "http://www.opengis.net/kml/2.2"


def _kml(body: str, *, ns: str | None = KML22, decl: str = "") -> bytes:
    xmlns = f' xmlns="{ns}"' if ns is not None else ""
    return f"{decl}<kml{xmlns}><Document>{body}</Document></kml>".encode()


def _point(name: str, coords: str, description: str = "") -> str:
    return (
        f"<Placemark><name>{name}</name><description>{description}</description>"
        f"<Point><coordinates>{coords}</coordinates></Point></Placemark>"
    )


# --- the real file -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def behaim() -> KmlResult:
    return read_kml(BEHAIM)


def _by_name(result: KmlResult) -> dict[str, Placemark]:
    return {p.name: p for p in result.placemarks}


def test_behaim_placemarks(behaim: KmlResult) -> None:
    # The file has 40 <Placemark> tags, but the 40th ("The Pentagon", a Polygon) is inside an
    # XML comment: 39 are real, all of them points.
    assert len(behaim.placemarks) == 39
    assert behaim.skipped == ()
    names = _by_name(behaim)
    assert {
        "MONGOLEI",
        "SIBIRIEN",
        "CHINA",
        "GROSSFÜRSTENTUM MOSKAU",
        "ARMENIEN, IRAK, IRAN",
    } <= set(names)
    assert "The Pentagon" not in names
    assert behaim.placemarks[0] == Placemark(
        "NÖRDLICHE POLKAPPE",
        "Das Polargebiet war zu Behaims Zeit nahezu unbekannt. Seine Darstellung als "
        "Inselgruppe entspringt der Phantasie. Das nördliche Eismeer wird als "
        '"gefroren mer" bezeichnet.',
        0.0,
        90.0,
    )


def test_behaim_descriptions_are_clean_text(behaim: KmlResult) -> None:
    for p in behaim.placemarks:
        assert p.description, p.name
        assert "<" not in p.description and ">" not in p.description, p.name
        assert "FONT" not in p.description and "Comic Sans" not in p.description
        assert p.description == p.description.strip()
        assert "  " not in p.description
    texts = " ".join(p.description for p in behaim.placemarks)
    for word in ("Großfürst", "nördlich", "Dänemark", "König", "Nürnberger"):
        assert word in texts
    assert "Ã" not in texts  # no UTF-8 read as Latin-1


def test_behaim_asia_lands_on_the_globes_asia(behaim: KmlResult) -> None:
    """Coordinates are in the Behaim globe's own frame, not modern geography.

    Following Ptolemy and Marco Polo, the globe stretches Eurasia far to the east: its Asia
    reaches across the 180th meridian, so MONGOLEI lies just west of it (lon -179) and CHINA
    just east (lon 175), with Cipangu (JAPAN) in the ocean beyond (lon -125).  On the 2700x1350
    plate carrée of the globe these land on the painted regions of those names: Mongolia at the
    left edge and China at the right edge in the northern mid-latitudes, Siberia in the far
    north-east.
    """
    names = _by_name(behaim)
    g = Equirectangular(2700, 1350)
    mongolei, sibirien, china = names["MONGOLEI"], names["SIBIRIEN"], names["CHINA"]
    assert (mongolei.lon, mongolei.lat) == (-179.00956, 49.43369)
    assert (sibirien.lon, sibirien.lat) == (135.72338, 56.51084)
    assert (china.lon, china.lat) == (175.2486, 32.74229)

    # All three in the northern mid-latitudes, Siberia north of Mongolia north of China.
    assert 45 < sibirien.lat < 65 and 40 < mongolei.lat < 55 and 20 < china.lat < 45
    assert sibirien.lat > mongolei.lat > china.lat
    # The globe's Asia spans the antimeridian: all three within 45 degrees of it.
    for p in (mongolei, sibirien, china):
        assert abs(p.lon) > 135
    # Europe (DEUTSCHLAND) is at its real longitude, Moscow east of it.
    assert 5 < names["DEUTSCHLAND"].lon < 15
    assert names["GROSSFÜRSTENTUM MOSKAU"].lon > names["DEUTSCHLAND"].lon

    mx, my = g.to_pixel(mongolei.lon, mongolei.lat)
    sx, sy = g.to_pixel(sibirien.lon, sibirien.lat)
    cx, cy = g.to_pixel(china.lon, china.lat)
    assert (mx, my) == pytest.approx((7.4283, 304.2473), abs=1e-3)
    assert (sx, sy) == pytest.approx((2367.9254, 251.1687), abs=1e-3)
    assert (cx, cy) == pytest.approx((2664.3645, 429.4328), abs=1e-3)
    assert mx < 50  # the left edge: Asia continues from the right edge
    assert cx > 2650 and sx > 2025  # the eastern quarter
    for y in (my, sy, cy):
        assert 1350 * 0.15 < y < 1350 / 2  # northern hemisphere, off the polar cap
    # Pixels map back to the file's coordinates.
    assert g.to_lonlat(mx, my) == pytest.approx((mongolei.lon, mongolei.lat))


def test_behaim_polygon_placemark_is_skipped_when_uncommented() -> None:
    data = BEHAIM.read_bytes().replace(b"<!--<Placemark>", b"<Placemark>")
    data = data.replace(b"</Placemark>-->", b"</Placemark>")
    result = parse_kml(data, source="behaim1492.kml")
    assert len(result.placemarks) == 39
    assert result.skipped == (
        "placemark 40 ('The Pentagon'): no Point geometry (it has LinearRing, Polygon); "
        "only points are shown",
    )


def test_read_kml_uses_the_file_name_in_errors(tmp_path: Path) -> None:
    bad = tmp_path / "behaim.kml"
    bad.write_bytes(b"<kml>\n<Document>\n<Placemark></Document>\n</kml>")
    with pytest.raises(KmlError) as info:
        read_kml(bad)
    assert str(info.value) == "behaim.kml: not valid KML (line 3: mismatched tag)"
    with pytest.raises(KmlError, match=r"^missing\.kml: cannot be read"):
        read_kml(tmp_path / "missing.kml")


# --- versions, structure, coordinates ------------------------------------------------------


@pytest.mark.parametrize(
    "ns",
    [
        None,
        "http://earth.google.com/kml/2.0",
        "http://earth.google.com/kml/2.1",
        "http://earth.google.com/kml/2.2",
        KML22,
    ],
)
def test_kml_versions(ns: str | None) -> None:
    result = parse_kml(_kml(_point("Karakorum", "102.8, 47.2"), ns=ns))
    # "102.8, 47.2" is two whitespace-separated tuples: "102.8," and "47.2" -> unreadable
    assert result.placemarks == ()
    result = parse_kml(_kml(_point("Karakorum", "102.8,47.2,0"), ns=ns))
    assert result.placemarks == (Placemark("Karakorum", "", 102.8, 47.2),)


def test_unknown_namespace_is_refused() -> None:
    with pytest.raises(KmlError, match=r"unsupported KML namespace 'http://example\.org/kml'"):
        parse_kml(_kml("", ns="http://example.org/kml"))


def test_nested_folders_and_first_coordinate_tuple() -> None:
    body = (
        "<Folder><name>Asia</name><Folder>"
        + _point("Ulaanbaatar", "\n   106.9,47.9,0   107.0,48.0,0\n")
        + "</Folder></Folder>"
        + "<Placemark><name>Multi</name><MultiGeometry><LineString><coordinates>1,1 2,2"
        "</coordinates></LineString><Point><coordinates>3,4</coordinates></Point>"
        "</MultiGeometry></Placemark>" + _point("Top", "-0.1,51.5")
    )
    result = parse_kml(_kml(body))
    assert [(p.name, p.lon, p.lat) for p in result.placemarks] == [
        ("Ulaanbaatar", 106.9, 47.9),
        ("Multi", 3.0, 4.0),
        ("Top", -0.1, 51.5),
    ]
    assert result.skipped == ()


def test_foreign_namespace_elements_are_ignored() -> None:
    body = (
        '<Placemark xmlns:atom="http://www.w3.org/2005/Atom"><atom:name>Wrong</atom:name>'
        "<name>Right</name><Point><coordinates>1,2</coordinates></Point></Placemark>"
    )
    assert parse_kml(_kml(body)).placemarks == (Placemark("Right", "", 1.0, 2.0),)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            "<Placemark><name>Route</name><LineString><coordinates>1,2 3,4</coordinates>"
            "</LineString></Placemark>",
            "placemark 1 ('Route'): no Point geometry (it has LineString); only points are shown",
        ),
        (
            "<Placemark><name>Empty</name></Placemark>",
            "placemark 1 ('Empty'): no Point geometry (it has no geometry); only points are shown",
        ),
        (_point("East", "181,10"), "placemark 1 ('East'): longitude 181 is outside -180..180"),
        (_point("South", "10,-90.5"), "placemark 1 ('South'): latitude -90.5 is outside -90..90"),
        (_point("Words", "east,north"), "placemark 1 ('Words'): coordinates 'east,north' are not"),
        (_point("One", "12"), "placemark 1 ('One'): coordinates '12' are not 'longitude,latitude"),
        (_point("Nan", "nan,0"), "placemark 1 ('Nan'): coordinates 'nan,0' are not finite"),
        (_point("", "   "), "placemark 1: its Point has no coordinates"),
    ],
)
def test_unusable_placemarks_are_skipped_with_a_reason(body: str, reason: str) -> None:
    result = parse_kml(_kml(body + _point("Good", "10,20")))
    assert result.placemarks == (Placemark("Good", "", 10.0, 20.0),)
    assert len(result.skipped) == 1
    assert result.skipped[0].startswith(reason)


def test_edges_of_the_valid_range_are_kept() -> None:
    body = _point("a", "-180,-90") + _point("b", "180,90")
    assert [(p.lon, p.lat) for p in parse_kml(_kml(body)).placemarks] == [(-180, -90), (180, 90)]


# --- encodings -----------------------------------------------------------------------------


def test_latin1_file_declared_as_such() -> None:
    text = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>'
        '<kml xmlns="http://earth.google.com/kml/2.0"><Placemark><name>NÖRDLICHE POLKAPPE</name>'
        "<description><![CDATA[<b>Größe</b> &auml;]]></description>"
        "<Point><coordinates>0,90,0</coordinates></Point></Placemark></kml>"
    )
    result = parse_kml(text.encode("latin-1"))
    assert result.placemarks == (Placemark("NÖRDLICHE POLKAPPE", "Größe ä", 0.0, 90.0),)


def test_windows1252_and_utf16() -> None:
    text = '<?xml version="1.0" encoding="{}"?><kml>' + _point("Gewürz – “Zimt”", "1,2") + "</kml>"
    for encoding in ("windows-1252", "UTF-16"):
        result = parse_kml(text.format(encoding).encode(encoding))
        assert result.placemarks[0].name == "Gewürz – “Zimt”", encoding


def test_undeclared_latin1_is_not_valid_utf8() -> None:
    data = ("<kml>" + _point("Köln", "7,51") + "</kml>").encode("latin-1")
    with pytest.raises(KmlError, match=r"^file: not valid KML \(line 1: not well-formed"):
        parse_kml(data)


# --- hostile and broken input --------------------------------------------------------------

DOCTYPE_REFUSED = "refused: the file contains a DOCTYPE declaration"


def test_external_entity_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import urllib.request

    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    data = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b"<kml><Placemark><name>&e;</name><Point><coordinates>1,2</coordinates></Point>"
        b"</Placemark></kml>"
    )
    with pytest.raises(KmlError) as info:
        parse_kml(data, source="evil.kml")
    message = str(info.value)
    assert message.startswith(f"evil.kml: {DOCTYPE_REFUSED}")
    assert "\n" not in message
    assert "root:" not in message


def test_external_dtd_url_is_refused() -> None:
    data = b'<!DOCTYPE kml SYSTEM "http://example.invalid/kml.dtd"><kml/>'
    with pytest.raises(KmlError, match=DOCTYPE_REFUSED):
        parse_kml(data)


def test_billion_laughs_is_refused() -> None:
    lol = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    data = (
        '<?xml version="1.0"?><!DOCTYPE kml [' + "".join(lol) + "]>"
        "<kml><Placemark><name>&lol9;</name></Placemark></kml>"
    ).encode()
    with pytest.raises(KmlError, match=DOCTYPE_REFUSED):
        parse_kml(data)


def test_doctype_alone_is_refused() -> None:
    with pytest.raises(KmlError, match=DOCTYPE_REFUSED):
        parse_kml(b"<!DOCTYPE kml><kml></kml>")


def test_undeclared_entity_is_malformed() -> None:
    with pytest.raises(KmlError, match=r"not valid KML \(line 1: undefined entity\)"):
        parse_kml(b"<kml><Placemark><name>&e;</name></Placemark></kml>")


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "huge.kml"
    with big.open("wb") as f:
        f.write(b"<kml><Document>")
        f.truncate(30 * 1024 * 1024)  # 30 MB, mostly NUL bytes: never parsed
    with pytest.raises(
        KmlError, match=r"^huge\.kml: refused: the file is 30\.0 MB, over the limit"
    ):
        read_kml(big)
    with pytest.raises(KmlError, match=r"over the limit of 20\.0 MB$"):
        read_kml(big)
    with pytest.raises(KmlError, match=r"^file: refused: the file is 30\.0 MB"):
        parse_kml(big.read_bytes())
    with pytest.raises(KmlError) as info:
        parse_kml(b"<kml/>", max_bytes=5)
    assert str(info.value) == "file: refused: the file is 6 bytes, over the limit of 5 bytes"


def test_too_many_placemarks_are_refused() -> None:
    data = _kml(_point("p", "1,2") * 11)
    assert len(parse_kml(data, max_placemarks=11).placemarks) == 11
    with pytest.raises(KmlError, match="refused: more than 10 placemarks"):
        parse_kml(data, max_placemarks=10)


def test_default_placemark_limit() -> None:
    data = _kml("<Placemark/>" * 100_001, ns=None)
    with pytest.raises(KmlError, match="refused: more than 100,000 placemarks"):
        parse_kml(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<kml>\n<Document>\n<name>x</Document></kml>", "line 3: mismatched tag"),
        (b"", "line 1: no element found"),
        (b"not xml at all", "line 1: syntax error"),
        (b"<kml><Document>", "line 1: no element found"),
        (b"<kml></kml><kml></kml>", "line 1: junk after document element"),
    ],
)
def test_malformed_xml(data: bytes, message: str) -> None:
    with pytest.raises(KmlError) as info:
        parse_kml(data, source="behaim.kml")
    assert str(info.value) == f"behaim.kml: not valid KML ({message})"


def test_xml_that_is_not_kml() -> None:
    data = b'<?xml version="1.0"?><gpx xmlns="http://www.topografix.com/GPX/1/1"><wpt/></gpx>'
    with pytest.raises(KmlError) as info:
        parse_kml(data, source="track.gpx")
    assert str(info.value) == "track.gpx: not a KML file (the root element is <gpx>, not <kml>)"


# --- HTML descriptions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ('<FONT FACE="Comic Sans MS" SIZE=+2>Bären &amp; Löwen</FONT>', "Bären & Löwen"),
        ("K&ouml;nig&nbsp;von&nbsp;D&auml;nemark &#8211; &#x263A;", "König von Dänemark – ☺"),
        ("<p>one</p><p>two<br>three<br/><br>four</p>", "one\n\ntwo\nthree\n\nfour"),
        ("<ul><li>a</li><li>b</li></ul>after", "a\nb\nafter"),
        ("<h2>Title</h2>body", "Title\n\nbody"),
        ("<div><div>\n  nested   text\n</div></div>x", "nested text\nx"),
        ("<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>", "1 2\n3"),
        ("a<script>alert('<b>')</script>b<style>p { color: red }</style>c", "abc"),
        ("line one\nline two", "line one line two"),
        ("text <FONT FACE=x", "text"),
        ("a <!-- unterminated", "a"),
        ("x < y and y > z", "x < y and y > z"),
        ("shown &lt;b&gt;as tag&lt;/b&gt;", "shown as tag"),
        ("<!-- comment -->visible", "visible"),
        ("", ""),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_description_as_markup_inside_kml() -> None:
    # Without CDATA the HTML is escaped once for XML; it is still HTML once read.
    desc = "&lt;p&gt;Gro&amp;szlig;e &lt;i&gt;Mauer&lt;/i&gt;&lt;/p&gt;&lt;p&gt;China&lt;/p&gt;"
    result = parse_kml(_kml(_point("Mauer", "116,40", description=desc)))
    assert result.placemarks[0].description == "Große Mauer\n\nChina"


# --- hostile files (issue 15) ------------------------------------------------------------


def _one_place(encoding: str) -> bytes:
    text = (
        f'<?xml version="1.0" encoding="{encoding}"?>'
        "<kml><Placemark><name>東京 北京</name>"
        "<Point><coordinates>139.7,35.7</coordinates></Point></Placemark></kml>"
    )
    return text.encode(encoding)


@pytest.mark.parametrize("encoding", ["Shift_JIS", "GB18030", "Big5", "EUC-JP"])
def test_multi_byte_encodings_expat_cannot_read_are_decoded_first(encoding: str) -> None:
    [place] = parse_kml(_one_place(encoding), source="asia.kml").placemarks
    assert place.name == "東京 北京"
    assert (place.lon, place.lat) == (139.7, 35.7)


def test_an_unknown_encoding_is_refused_by_name() -> None:
    data = b'<?xml version="1.0" encoding="x-mystery"?><kml/>'
    with pytest.raises(KmlError, match=r"^odd\.kml: refused: it declares the encoding 'x-mystery'"):
        parse_kml(data, source="odd.kml")


def test_bytes_that_are_not_the_declared_encoding_are_one_line() -> None:
    data = b'<?xml version="1.0" encoding="Shift_JIS"?><kml>\x81\xff</kml>'
    with pytest.raises(KmlError, match=r"^bad\.kml: not valid KML \(byte \d+ is not Shift_JIS"):
        parse_kml(data, source="bad.kml")


def test_devices_pipes_and_folders_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "places.kml"
    os.mkfifo(fifo)  # opening it would wait for a writer forever
    for path in (Path("/dev/zero"), fifo, tmp_path):
        with pytest.raises(KmlError, match="refused: not a regular file"):
            read_kml(path)


def test_control_characters_in_a_file_name_are_escaped(tmp_path: Path) -> None:
    name = "evil\x1b[2J\x07\nname.kml"
    path = tmp_path / name
    path.write_bytes(b"<gpx/>")
    with pytest.raises(KmlError) as caught:
        read_kml(path)
    message = str(caught.value)
    assert message.startswith("evil\\x1b[2J\\x07\\nname.kml: not a KML file")
    assert message.isprintable()

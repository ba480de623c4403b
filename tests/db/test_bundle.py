"""Exhibition bundles: a faithful round trip, and hostile bundles refused before any change."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import stat
import tempfile
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import func, select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Annotation, Exhibition, Item, Media, Section, SectionItem
from exhibition_app.errors import NotFound
from exhibition_app.imaging.tiles import is_current
from exhibition_app.operations.bundle import BundleError, export_bundle, import_bundle
from exhibition_app.operations.check import check_catalog
from exhibition_app.operations.ingest import import_image

ROOT = Path(__file__).resolve().parent.parent.parent
PHOTO = ROOT / "tests" / "data" / "behaim-globe-photo.jpg"


# --------------------------------------------------------------------------- helpers


def open_sample(folder: Path) -> Catalog:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "catalog.db", folder / "catalog.db")
    shutil.copytree(ROOT / "assets" / "media", folder / "assets" / "media")
    return Catalog.open(folder / "catalog.db", folder / "assets")


@pytest.fixture(scope="module")
def then_and_now(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's published 'then-and-now' exhibition as a bundle (without tiles)."""
    folder = tmp_path_factory.mktemp("bundle-source")
    with open_sample(folder / "sample") as cat:
        export_bundle(cat, "then-and-now", folder / "then-and-now.zip", tiles=False)
    return folder / "then-and-now.zip"


def describe(catalog: Catalog, key: str) -> dict[str, Any]:
    """Everything a bundle carries about an exhibition, by accession number (not ids)."""
    with catalog.read_session() as s:
        ex = s.scalars(select(Exhibition).where(Exhibition.key == key)).one()
        acc = {i.id: i.accession_number for i in s.scalars(select(Item))}
        sections = [
            (sorted((t.field, t.lang, t.value) for t in sec.texts), [acc[i] for i in sec.item_ids])
            for sec in ex.sections
        ]
        shown = {i for sec in ex.sections for i in sec.item_ids}
        items = {}
        for item in s.scalars(select(Item).where(Item.id.in_(shown))):
            notes = s.scalars(
                select(Annotation).where(Annotation.item_id == item.id).order_by(Annotation.id)
            )
            items[item.accession_number] = {
                "kind": item.kind,
                "published": item.published,
                "georef": item.georef,
                "rights": item.rights,
                "date": (item.date_edtf, item.date_earliest, item.date_latest),
                "texts": sorted((t.field, t.lang, t.value) for t in item.texts),
                "tags": item.tags,
                "media": [(m.sha256, m.width, m.height) for m in item.media],
                "relations": sorted(
                    (acc[r.object_id], r.relation) for r in item.relations if r.object_id in shown
                ),
                "notes": [
                    (round(n.x, 6), round(n.y, 6), n.lon, n.lat, n.text_map("label")) for n in notes
                ],
            }
        return {
            "published": ex.published,
            "texts": sorted((t.field, t.lang, t.value) for t in ex.texts),
            "sections": sections,
            "items": items,
        }


def snapshot(*paths: Path) -> dict[str, str]:
    """SHA-256 of every file under ``paths`` (what "byte-identical" is checked against)."""
    result = {}
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for p in files:
            result[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return result


def members(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def size_text(n: int) -> str:
    """A size as the bundle's messages write it (1024-based, one decimal)."""
    if n < 1024:
        return f"{n} bytes"
    value = n / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def bundled_notes(bundle: Path) -> int:
    """How many annotations the bundle's catalogue carries (the sample's places grow)."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "catalog.db"
        db.write_bytes(members(bundle)["catalog.db"])
        con = sqlite3.connect(db)
        try:
            (count,) = con.execute("SELECT count(*) FROM annotation").fetchone()
        finally:
            con.close()
    assert count >= 39 + 20  # the Behaim globe's KML and the places on the Schagen map
    return int(count)


def rewrite(
    src: Path,
    dest: Path,
    *,
    drop: tuple[str, ...] = (),
    add: tuple[tuple[zipfile.ZipInfo | str, bytes, bool], ...] = (),
    edit: Callable[[dict[str, Any]], None] | None = None,
    replace: dict[str, bytes] | None = None,
    deflate: bool = False,
) -> Path:
    """A copy of bundle ``src`` with members dropped, replaced or added (``listed``: also
    put into bundle.json with the right size and checksum), and bundle.json edited."""
    files = members(src)
    manifest = json.loads(files.pop("bundle.json"))
    for name in drop:
        files.pop(name)
    for name, data in (replace or {}).items():
        files[name] = data
        for entry in manifest["files"]:
            if entry["path"] == name:
                entry.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
    extra = []
    for info, data, listed in add:
        name = info.filename if isinstance(info, zipfile.ZipInfo) else info
        extra.append((info, data))
        if listed:
            manifest["files"].append(
                {"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            )
    if edit is not None:
        edit(manifest)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
        with zipfile.ZipFile(dest, "w", compression=method) as zf:
            zf.writestr("bundle.json", json.dumps(manifest))
            for name, data in files.items():
                zf.writestr(name, data)
            for info, data in extra:
                zf.writestr(info, data)
    return dest


def first_media(manifest: dict[str, Any]) -> dict[str, Any]:
    return next(f for f in manifest["files"] if f["path"].startswith("media/"))


def _map(path: Path, size: tuple[int, int] = (1100, 700)) -> Path:
    img = Image.new("RGB", size)
    for x in range(0, size[0], 50):
        img.paste((x % 256, 90, 150), (x, 0, x + 25, size[1]))
    img.save(path, quality=85)
    return path


# --------------------------------------------------------------------------- round trip


def test_round_trip_into_an_empty_catalogue(tmp_path: Path, then_and_now: Path) -> None:
    with zipfile.ZipFile(then_and_now) as zf:
        manifest = json.loads(zf.read("bundle.json"))
        names = set(zf.namelist())
    assert manifest["format"] == "exhibition-bundle" and manifest["version"] == 1
    assert manifest["exhibition"] == "then-and-now"
    assert {f["path"] for f in manifest["files"]} | {"bundle.json"} == names
    assert "catalog.db" in names and sum(n.startswith("media/") for n in names) == 6

    target = Catalog.open(tmp_path / "kiosk.db", tmp_path / "kiosk-assets")
    try:
        result = import_bundle(target, then_and_now)
        assert result["exhibition"] == "then-and-now"
        assert (result["items"], result["items_added"], result["items_replaced"]) == (6, 6, 0)
        assert (result["media"], result["media_added"], result["tiles"]) == (6, 6, 0)
        report = check_catalog(target)
        assert report.ok, report.problems
        assert report.media_checked == 6
        with open_sample(tmp_path / "source") as source:
            assert describe(target, "then-and-now") == describe(source, "then-and-now")
        with target.read_session() as s:
            assert s.scalar(select(func.count()).select_from(Item)) == 6
            notes = bundled_notes(then_and_now)
            assert s.scalar(select(func.count()).select_from(Annotation)) == notes
            assert s.scalar(select(func.count()).select_from(Exhibition)) == 1
    finally:
        target.close()


def test_reimport_replaces_items_by_accession_number(tmp_path: Path, then_and_now: Path) -> None:
    with Catalog.open(tmp_path / "kiosk.db", tmp_path / "kiosk-assets") as target:
        import_bundle(target, then_and_now)
        with target.session() as s:
            item = s.scalars(select(Item).where(Item.accession_number == "BH-MAP-002")).one()
            item_id = item.id
            item.set_text("title", "en", "Edited on the kiosk")
            item.set_tags(["kiosk-only"])
            item.annotations.clear()
            exhibition = s.scalars(select(Exhibition)).one()
            exhibition.sections[0].item_links.clear()
        result = import_bundle(target, then_and_now)
        assert (result["items_added"], result["items_replaced"]) == (0, 6)
        assert result["exhibition_replaced"] is True and result["media_added"] == 0
        with target.read_session() as s:
            item = s.scalars(select(Item).where(Item.accession_number == "BH-MAP-002")).one()
            assert item.id == item_id  # updated in place: statistics stay attached
            assert item.text_map("title")["en"].startswith("Martin Behaim")
            assert "kiosk-only" not in item.tags
            notes = bundled_notes(then_and_now)
            assert s.scalar(select(func.count()).select_from(Annotation)) == notes
            assert s.scalar(select(func.count()).select_from(Item)) == 6
            assert s.scalar(select(func.count()).select_from(Section)) == 2
        assert check_catalog(target).ok


def test_items_outside_the_bundle_keep_their_links(tmp_path: Path, then_and_now: Path) -> None:
    """Importing into the full catalogue: bundle items are replaced in place, others kept."""
    with open_sample(tmp_path / "full") as cat:
        before = describe(cat, "bridging-horizons")
        with cat.read_session() as s:
            counts = (
                s.scalar(select(func.count()).select_from(Item)),
                s.scalar(select(func.count()).select_from(Media)),
            )
        result = import_bundle(cat, then_and_now)
        assert (result["items_added"], result["items_replaced"]) == (0, 6)
        assert describe(cat, "bridging-horizons") == before
        with cat.read_session() as s:
            after = (
                s.scalar(select(func.count()).select_from(Item)),
                s.scalar(select(func.count()).select_from(Media)),
            )
        assert after == counts
        assert check_catalog(cat).ok


def test_unpublished_exhibition_is_refused(tmp_path: Path) -> None:
    with open_sample(tmp_path / "sample") as cat:
        with cat.session() as s:
            s.scalars(
                select(Exhibition).where(Exhibition.key == "then-and-now")
            ).one().published = False
        out = tmp_path / "x.zip"
        with pytest.raises(BundleError, match=r"^exhibition 'then-and-now' is not published"):
            export_bundle(cat, "then-and-now", out)
        with pytest.raises(NotFound, match=r"^no exhibition 99$"):
            export_bundle(cat, 99, out)
        assert not out.exists()
        assert not list(tmp_path.glob(".tmp-*"))


def test_tile_sets_travel_with_a_small_map(tmp_path: Path) -> None:
    with Catalog.open(tmp_path / "src.db", tmp_path / "src-assets") as src:
        map_id = import_image(
            src, _map(tmp_path / "m.jpg"), kind="map", title="Map", published=True
        )
        photo_id = import_image(src, PHOTO, kind="photograph", title="Photo", published=True)
        hidden_id = import_image(src, PHOTO, kind="photograph", title="Draft")  # unpublished
        with src.session() as s:
            ex = Exhibition(key="small", published=True)
            ex.set_text("title", "en", "Small")
            section = Section(position=0)
            section.set_text("title", "en", "Only section")
            section.item_links = [
                SectionItem(item_id=i, position=n)
                for n, i in enumerate((map_id, photo_id, hidden_id))
            ]
            ex.sections.append(section)
            s.add(ex)
            note = Annotation(item_id=map_id, x=10.5, y=20.25, lon=1.0, lat=2.0)
            note.set_text("label", "en", "Here")
            s.add(note)
        result = export_bundle(src, "small", tmp_path / "small.zip")
        assert (result["items"], result["media"], result["tiles"]) == (2, 2, 2)
    names = set(members(tmp_path / "small.zip"))
    assert any(n.endswith("/info.json") and n.startswith("tiles/") for n in names)
    assert any(n.endswith("/.source") for n in names)

    with Catalog.open(tmp_path / "kiosk.db", tmp_path / "kiosk-assets") as kiosk:
        result = import_bundle(kiosk, tmp_path / "small.zip")
        assert (result["items"], result["tiles"]) == (2, 2)
        with kiosk.read_session() as s:
            media = list(s.scalars(select(Media)))
            assert {i.text_map("title")["en"] for i in s.scalars(select(Item))} == {"Map", "Photo"}
            (section,) = s.scalars(select(Exhibition)).one().sections
            assert len(section.item_ids) == 2
        for m in media:
            dest = kiosk.assets / "tiles" / m.sha256
            assert is_current(dest, m.sha256)
            info = json.loads((dest / "info.json").read_text(encoding="utf-8"))
            assert info["id"] == dest.resolve().as_uri()
        assert check_catalog(kiosk).ok
        # Importing again reuses the tile sets and files.
        again = import_bundle(kiosk, tmp_path / "small.zip")
        assert (again["tiles"], again["media_added"]) == (0, 0)


def test_a_bundle_from_an_older_schema_is_upgraded_on_import(
    tmp_path: Path, then_and_now: Path
) -> None:
    from alembic import command

    from exhibition_app.db.engine import _alembic_config, make_engine, resolve_url

    old = tmp_path / "old.db"
    old.write_bytes(members(then_and_now)["catalog.db"])
    engine = make_engine(resolve_url(old))
    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0004")
    engine.dispose()
    conn2 = sqlite3.connect(old)
    conn2.execute("PRAGMA journal_mode = DELETE")
    conn2.close()
    bundle = rewrite(
        then_and_now,
        tmp_path / "old.zip",
        replace={"catalog.db": old.read_bytes()},
        edit=lambda m: m.update(schema_revision="0004"),
    )
    with Catalog.open(tmp_path / "kiosk.db", tmp_path / "kiosk-assets") as kiosk:
        assert import_bundle(kiosk, bundle)["items_added"] == 6
        assert check_catalog(kiosk).ok


# --------------------------------------------------------------------------- hostile bundles


@pytest.fixture
def target(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A kiosk catalogue with one item already, closed: (catalogue file, assets folder)."""
    db, assets = tmp_path / "kiosk" / "kiosk.db", tmp_path / "kiosk" / "assets"
    db.parent.mkdir()
    with Catalog.open(db, assets) as cat:
        import_image(cat, PHOTO, kind="photograph", title="Already here", published=True)
    yield db, assets


def _symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _garbage_catalogue(bundle: Path, dest: Path) -> Path:
    return rewrite(bundle, dest, replace={"catalog.db": b"SQLite format 3\x00" + b"\x01" * 5000})


def _newer_catalogue(bundle: Path, dest: Path) -> Path:
    scratch = dest.with_suffix(".db")
    scratch.write_bytes(members(bundle)["catalog.db"])
    conn = sqlite3.connect(scratch)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()

    def edit(m: dict[str, Any]) -> None:
        m["schema_revision"] = "9999_from_the_future"

    return rewrite(bundle, dest, replace={"catalog.db": scratch.read_bytes()}, edit=edit)


def _edit_first_media(**changes: Any) -> Callable[[dict[str, Any]], None]:
    def edit(m: dict[str, Any]) -> None:
        entry = first_media(m)
        for key, value in changes.items():
            entry[key] = value(entry[key]) if callable(value) else value

    return edit


HOSTILE: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "path traversal": (
        lambda b, d: rewrite(b, d, add=(("../evil", b"evil", True),)),
        "unsafe path '../evil' in the bundle: it leads out of the target folder",
    ),
    "deep traversal": (
        lambda b, d: rewrite(b, d, add=(("media/../../evil", b"evil", True),)),
        "unsafe path 'media/../../evil'",
    ),
    "absolute path": (
        lambda b, d: rewrite(b, d, add=(("/tmp/evil", b"evil", True),)),
        "unsafe path '/tmp/evil' in the bundle: it is an absolute path",
    ),
    "drive letter": (
        lambda b, d: rewrite(b, d, add=(("C:/evil", b"evil", True),)),
        "it starts with a drive letter",
    ),
    "control characters in a name": (
        lambda b, d: rewrite(b, d, add=(("media/\x1b[2J\x1b]0;pwned\x07\nevil", b"e", True),)),
        "unsafe path 'media/\\x1b[2J\\x1b]0;pwned\\x07\\nevil' in the bundle: it contains "
        "control characters",
    ),
    "backslash": (
        lambda b, d: rewrite(b, d, add=(("media\\..\\evil", b"evil", True),)),
        "it contains a backslash",
    ),
    "symlink member": (
        lambda b, d: rewrite(b, d, add=((_symlink("media/ab/link"), b"/etc/passwd", True),)),
        "'media/ab/link' is a symbolic link",
    ),
    "duplicate member": (
        lambda b, d: rewrite(b, d, add=(("catalog.db", b"second copy", False),)),
        "'catalog.db' is in the bundle twice",
    ),
    "listed file missing": (
        lambda b, d: rewrite(
            b, d, drop=(first_media(json.loads(members(b)["bundle.json"]))["path"],)
        ),
        "is listed in bundle.json but missing from the bundle",
    ),
    "unlisted extra file": (
        lambda b, d: rewrite(b, d, add=(("media/extra.txt", b"not listed", False),)),
        "'media/extra.txt' is in the bundle but not listed in bundle.json",
    ),
    "wrong checksum": (
        lambda b, d: rewrite(b, d, edit=_edit_first_media(sha256="0" * 64)),
        "does not match its checksum in bundle.json",
    ),
    "wrong size": (
        lambda b, d: rewrite(b, d, edit=_edit_first_media(size=lambda s: s + 1)),
        "bundle.json says",
    ),
    "unreferenced image": (
        lambda b, d: rewrite(b, d, add=((f"media/ab/{'ab' * 32}.jpg", b"stowaway", True),)),
        "is in the bundle but no item shows it",
    ),
    "wrong format": (
        lambda b, d: rewrite(b, d, edit=lambda m: m.update(format="holiday-photos")),
        "not an exhibition bundle (format 'holiday-photos')",
    ),
    "unknown version": (
        lambda b, d: rewrite(b, d, edit=lambda m: m.update(version=2)),
        "bundle version 2 is not supported",
    ),
    "no bundle.json": (
        lambda b, d: _without_manifest(b, d),
        "not an exhibition bundle (it has no bundle.json)",
    ),
    "damaged catalogue": (_garbage_catalogue, "its catalog.db is"),
    "catalogue from a newer version": (_newer_catalogue, "made by a newer exhibition-app"),
    "corrupt zip": (
        lambda b, d: _write(d, b.read_bytes()[: b.stat().st_size // 2]),
        "the bundle is damaged",
    ),
    "flipped bytes": (
        lambda b, d: _write(d, _flip_member_bytes(b)),
        "the bundle is damaged",
    ),
    "not a zip file": (
        lambda b, d: _write(d, b"These are the curator's notes, not a bundle.\n"),
        "not an exhibition bundle (not a zip file)",
    ),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _without_manifest(bundle: Path, dest: Path) -> Path:
    with zipfile.ZipFile(dest, "w") as zf:
        for name, data in members(bundle).items():
            if name != "bundle.json":
                zf.writestr(name, data)
    return dest


def _flip_member_bytes(bundle: Path) -> bytes:
    """Damage one stored image's bytes inside the zip (its CRC no longer matches)."""
    data = bytearray(bundle.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = next(i for i in zf.infolist() if i.filename.startswith("media/"))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 1000
    for k in range(start, start + 64):
        data[k] ^= 0xFF
    return bytes(data)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_bundle_is_refused_and_nothing_changes(
    case: str, target: tuple[Path, Path], then_and_now: Path, tmp_path: Path
) -> None:
    make, message = HOSTILE[case]
    bad = make(then_and_now, tmp_path / "hostile.zip")
    db, assets = target
    before = snapshot(db.parent)
    with Catalog.open(db, assets) as cat, pytest.raises(BundleError) as raised:
        import_bundle(cat, bad)
    text = str(raised.value)
    assert message in text
    assert "\n" not in text
    assert snapshot(db.parent) == before
    assert not (tmp_path / "evil").exists() and not (tmp_path.parent / "evil").exists()


def test_zip_bomb_sized_bundle_is_refused(target: tuple[Path, Path], then_and_now: Path) -> None:
    db, assets = target
    before = snapshot(db.parent)
    with Catalog.open(db, assets) as cat, pytest.raises(BundleError) as raised:
        import_bundle(cat, then_and_now, max_bytes=100_000)
    listed = json.loads(members(then_and_now)["bundle.json"])["files"]
    total = size_text(sum(f["size"] for f in listed))
    assert f"would unpack to {total}, more than the limit of 97.7 KB" in str(raised.value)
    assert snapshot(db.parent) == before


# ------------------------------------------- bounded before anything large is written


@pytest.fixture
def small_tmp(mounts: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TMPDIR on a real 1 MB file system: a bundle that tried to unpack a large catalog.db
    there failed with a generic OSError after filling it."""
    folder = mounts(tmp_path / "small-tmp", "tmpfs", size="1m")
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _catalogue_of_zeros(bundle: Path, dest: Path, size: int) -> Path:
    """A bundle whose catalog.db is ``size`` bytes starting with a valid SQLite header and
    then zeros: it packs a thousand times smaller than it unpacks."""
    header = bytearray(members(bundle)["catalog.db"][:100])
    header[28:32] = (size // 4096).to_bytes(4, "big")  # the page count agrees with the size
    data = bytes(header) + bytes(size - 100)
    return rewrite(bundle, dest, replace={"catalog.db": data}, deflate=True)


def test_a_bundle_that_unpacks_a_thousandfold_is_refused_from_its_directory(
    target: tuple[Path, Path], then_and_now: Path, tmp_path: Path, small_tmp: Path
) -> None:
    """Issue 15: a 14.9 MB bundle wrote 3 GB into TMPDIR before its catalog.db was found not
    to be a catalogue. Its zip directory already says so: refused, nothing written."""
    bomb = _catalogue_of_zeros(then_and_now, tmp_path / "bomb.zip", 64 << 20)
    with zipfile.ZipFile(bomb) as zf:
        assert zf.getinfo("catalog.db").compress_size < 100_000
    db, assets = target
    before = snapshot(db.parent)
    with Catalog.open(db, assets) as cat, pytest.raises(BundleError) as raised:
        import_bundle(cat, bomb)
    assert re.fullmatch(
        r"bomb.zip: 'catalog.db' would unpack to 64.0 MB from \d+\.\d KB, more than 200 times "
        r"its packed size \(a zip bomb, not an exhibition\); nothing was imported",
        str(raised.value),
    )
    assert snapshot(db.parent) == before
    assert list(small_tmp.iterdir()) == []


def test_a_catalog_db_that_is_not_sqlite_is_refused_before_it_is_written(
    target: tuple[Path, Path], then_and_now: Path, tmp_path: Path, small_tmp: Path
) -> None:
    """Random bytes do not compress: the ratio passes, the header read from the zip stream
    refuses it before 4 MB go into a 1 MB temporary folder."""
    noise = rewrite(
        then_and_now, tmp_path / "noise.zip", replace={"catalog.db": os.urandom(4 << 20)}
    )
    db, assets = target
    with Catalog.open(db, assets) as cat, pytest.raises(BundleError) as raised:
        import_bundle(cat, noise)
    assert str(raised.value) == (
        "noise.zip: its catalog.db is not an SQLite catalogue; nothing was imported"
    )
    assert list(small_tmp.iterdir()) == []


def test_a_catalog_db_longer_than_its_header_says_is_refused(
    target: tuple[Path, Path], then_and_now: Path, tmp_path: Path
) -> None:
    header = len(members(then_and_now)["catalog.db"])
    padded = members(then_and_now)["catalog.db"] + bytes(4096 * 64)
    bad = rewrite(then_and_now, tmp_path / "padded.zip", replace={"catalog.db": padded})
    db, assets = target
    before = snapshot(db.parent)
    with Catalog.open(db, assets) as cat, pytest.raises(BundleError) as raised:
        import_bundle(cat, bad)
    assert str(raised.value) == (
        f"padded.zip: its catalog.db declares {size_text(len(padded))} but its header says "
        f"{size_text(header)}; nothing was imported"
    )
    assert snapshot(db.parent) == before


def test_a_temporary_folder_too_small_is_named_with_the_sizes(
    target: tuple[Path, Path],
    then_and_now: Path,
    mounts: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 15: with TMPDIR on a small disk the refusal was a generic OSError."""
    tiny = mounts(tmp_path / "tiny-tmp", "tmpfs", size="256k")
    monkeypatch.setattr(tempfile, "tempdir", str(tiny))
    db, assets = target
    before = snapshot(db.parent)
    size = len(members(then_and_now)["catalog.db"])
    needed = size_text(size + size // 4 + (1 << 20))  # the catalogue, its journal, a margin
    with Catalog.open(db, assets) as cat, pytest.raises(BundleError) as raised:
        import_bundle(cat, then_and_now)
    assert str(raised.value) == (
        f"not enough room in {tiny} for this bundle: it needs {needed}, 256.0 KB are free; "
        "set TMPDIR to a larger folder"
    )
    assert snapshot(db.parent) == before
    assert list(tiny.iterdir()) == []


def test_an_assets_folder_too_small_is_named_with_the_sizes(
    then_and_now: Path, mounts: Any, tmp_path: Path
) -> None:
    """The pictures go into the assets folder: its room is checked before any is written,
    and the refusal names it (it was "more than the free disk space", naming no folder)."""
    assets = mounts(tmp_path / "tiny-assets", "tmpfs", size="256k")
    with Catalog.open(tmp_path / "kiosk.db", assets) as cat, pytest.raises(BundleError) as raised:
        import_bundle(cat, then_and_now)
    assert re.fullmatch(
        rf"not enough room in {re.escape(str(assets))} for this bundle: it needs 4\.\d MB, "
        r"2\d\d\.\d KB are free",
        str(raised.value),
    ), raised.value
    assert [p for p in assets.rglob("*") if p.is_file() and "media" in p.parts] == []


def test_a_failing_merge_removes_the_files_it_added(
    target: tuple[Path, Path], then_and_now: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exhibition_app.operations import bundle

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(bundle, "_merge_rows", explode)
    db, assets = target
    before = snapshot(db.parent)
    with Catalog.open(db, assets) as cat, pytest.raises(RuntimeError, match="disk on fire"):
        import_bundle(cat, then_and_now)
    assert snapshot(db.parent) == before

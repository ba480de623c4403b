"""Child processes for the multi-kiosk load benchmark (bench.multisite). No Qt.

    python -m bench.multisite_worker kiosk CATALOG ASSETS OUT.json SEED [--poll-s S]
    python -m bench.multisite_worker curator CATALOG ASSETS OUT.json SEED --user NAME

Each opens the catalogue as the app does (``Catalog.open``), does one unmeasured warm-up,
prints ``ready`` and waits for a line ``go END`` on stdin (END: a ``time.time()`` at which
to stop), so that every process starts its measured loop together, whatever Python's
start-up cost on a busy machine. It then loops until END and writes its figures to OUT.json.

``kiosk``: what a visitor kiosk does, through the functions the kiosk window calls on its
database worker, one ``catalog.read_session()`` per read: it polls the publication serial
(``publishing.publication_serial``) every ``--poll-s`` seconds (default 20, as the kiosk;
the first poll comes at a random point of the first interval, so that kiosks do not poll in
step) and reloads the published gallery (``views.load_gallery(published_only=True)``)
whenever the serial changed; between polls, without pauses, it alternates opening a random
published item's full view (the item with its texts, pictures, tags and relations as an
``ItemCard``, plus its annotations and georeference when it is a map, as
``map_panel.load_map`` reads them; the tile files are not touched) and a search
(``db.search.search(limit=500)``, as the search box runs it) for a random query from a
multilingual list.

``curator``: what a curator does, through the operations the CLI and the curator window
call: import a generated picture as a new draft item (``ingest.import_image``, as
``import image`` does: verified, normalised, stored, committed), edit it
(``items.edit_item``: texts in three more languages, tags, date, country; a revision),
publish it (``publishing.publish``: a revision and a publication). Every picture has its
own random pixels, so no two share a checksum.

Every exception an operation raises is an error: counted, by type, with the first few
messages kept. Latencies are for operations that succeeded, in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

POLL_S = 20.0  # as the kiosk (exhibition_app.ui.kiosk.window.KioskOptions.poll_s)
ERROR_SAMPLES = 8
QUERIES = (
    "қазақ",
    "kazakh",
    "Qazaq",
    "Қазақстан",
    "монгол",
    "mongol",
    "dombra",
    "домбыра",
    "карта",
    "map 1689",
    "юрта",
    "yurt felt",
    "киіз үй",
    "saddle",
    "silk road",
    "Samarkand",
    "хивс",
    "ka",
    "s",
    "submarine",
    "pterodactyl",
)

T = TypeVar("T")


class Recorder:
    """Latencies per operation, and every error."""

    def __init__(self) -> None:
        self.ms: dict[str, list[float]] = {}
        self.errors = 0
        self.error_types: dict[str, int] = {}
        self.error_samples: list[dict[str, str]] = []

    def timed(self, op: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        t0 = time.perf_counter()
        try:
            result = fn(*args, **kwargs)
        except Exception as exc:  # every exception is an error, whatever it is
            self.error(op, exc)
            return None
        self.ms.setdefault(op, []).append((time.perf_counter() - t0) * 1000)
        return result

    def error(self, op: str, exc: BaseException) -> None:
        self.errors += 1
        name = f"{type(exc).__module__}.{type(exc).__name__}"
        self.error_types[name] = self.error_types.get(name, 0) + 1
        if len(self.error_samples) < ERROR_SAMPLES:
            self.error_samples.append(
                {
                    "op": op,
                    "type": name,
                    "message": str(exc).strip()[:600],
                    "where": "".join(traceback.format_tb(exc.__traceback__)[-3:])[-1500:],
                }
            )


def _wait_for_go() -> float:
    print("ready", flush=True)
    line = sys.stdin.readline().split()
    if len(line) != 2 or line[0] != "go":
        raise SystemExit(f"expected 'go END', got {line!r}")
    return float(line[1])


# --------------------------------------------------------------------------- kiosk


def run_kiosk(
    catalog: Any, rec: Recorder, rng: random.Random, extra: dict[str, Any], poll_s: float
) -> float:
    from exhibition_app.db.models import Item
    from exhibition_app.db.search import search
    from exhibition_app.operations.maps import annotations_of, georeference
    from exhibition_app.operations.publishing import publication_serial
    from exhibition_app.operations.views import item_card, load_gallery

    def poll() -> int:
        with catalog.read_session() as session:
            return publication_serial(session)

    def gallery() -> list[int]:
        with catalog.read_session() as session:
            data = load_gallery(session, published_only=True)
        return list(data.order)

    def open_item(item_id: int) -> None:
        with catalog.read_session() as session:
            item = session.get(Item, item_id)
            if item is None:
                raise LookupError(f"published item {item_id} from the gallery is gone")
            item_card(item)
            if item.kind == "map":
                annotations_of(session, item_id)
                georeference(item)

    def find(query: str) -> int:
        with catalog.read_session() as session:
            return len(search(session, query, limit=500).item_ids)

    # Warm-up (unmeasured): the kiosk reads the catalogue once when it starts.
    serial = poll()
    ids = gallery()
    end = _wait_for_go()
    started = time.perf_counter()
    last_poll = time.perf_counter() - rng.uniform(0, poll_s)
    searches_with_hits = hits = reloads = 0
    step = 0
    while time.time() < end:
        if time.perf_counter() - last_poll >= poll_s:
            last_poll = time.perf_counter() - rng.uniform(0, poll_s)
            new = rec.timed("serial", poll)
            if new is not None and new != serial:
                got = rec.timed("gallery", gallery)
                if got is not None:
                    serial, ids = new, got
                    reloads += 1
            continue
        step += 1
        if step % 2 and ids:
            item_id = rng.choice(ids)
            rec.timed("item", open_item, item_id)
        else:
            query = rng.choice(QUERIES)
            n = rec.timed("search", find, query)
            if n:
                searches_with_hits += 1
                hits += n
    extra.update(
        gallery_reloads=reloads,
        searches_with_hits=searches_with_hits,
        search_hits=hits,
        gallery_items_at_end=len(ids),
        serial_at_end=serial,
    )
    return time.perf_counter() - started


# --------------------------------------------------------------------------- curator


def make_picture(folder: Path, rng: random.Random, n: int) -> Path:
    """A small picture with its own random pixels (a JPEG or a PNG), ~640x480."""
    from PIL import Image

    w, h = rng.choice([(8, 6), (6, 8), (10, 5)])
    small = Image.frombytes("RGB", (w, h), rng.randbytes(w * h * 3))
    im = small.resize((w * 80, h * 80), Image.Resampling.BICUBIC)
    if n % 3 == 2:
        path = folder / f"scan_{n:05d}.png"
        im.save(path, compress_level=1)
    else:
        path = folder / f"photo_{n:05d}.jpg"
        im.save(path, quality=88)
    return path


def run_curator(
    catalog: Any, rec: Recorder, rng: random.Random, extra: dict[str, Any], user: str
) -> float:
    from exhibition_app.operations.accounts import verify_user
    from exhibition_app.operations.ingest import import_image
    from exhibition_app.operations.items import edit_item
    from exhibition_app.operations.publishing import publish

    with catalog.read_session() as session:  # signing in, as the curator window does
        if verify_user(session, user, f"{user}-password") is None:
            raise SystemExit(f"cannot sign in as {user}")

    def edit(item_id: int, changes: dict[str, Any]) -> None:
        with catalog.session() as session:
            edit_item(session, item_id, changes, user)

    def publish_it(item_id: int) -> int:
        with catalog.session() as session:
            return publish(session, items=[item_id], user=user)

    kinds = ("object", "photograph", "document", "map")
    created: list[int] = []
    published = 0
    with tempfile.TemporaryDirectory(prefix=f"multisite-{user}-") as tmp:
        folder = Path(tmp)
        end = _wait_for_go()
        started = time.perf_counter()
        n = 0
        while time.time() < end:
            n += 1
            picture = make_picture(folder, rng, n)
            kind = kinds[n % len(kinds)]
            item_id = rec.timed(
                "import",
                import_image,
                catalog,
                picture,
                kind=kind,
                title=f"{user} upload {n} dombra map 1689",
            )
            picture.unlink()
            if item_id is None:
                continue
            created.append(item_id)
            changes = {
                "texts": {
                    "title": {
                        "kk": f"Қазақ домбыра {n}",
                        "ru": f"Карта юрта {n}",
                        "mn": f"Монгол гэр {n}",
                    },
                    "description": {"en": f"Uploaded by {user} during the load test, item {n}."},
                },
                "tags": ["load-test", user],
                "date_edtf": str(1600 + n % 300),
                "country": rng.choice(["KZ", "MN", "UZ", "KG"]),
            }

            rec.timed("edit", edit, item_id, changes)
            if rec.timed("publish", publish_it, item_id) is not None:
                published += 1
    extra.update(items_created=len(created), items_published=published)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("role", choices=("kiosk", "curator"))
    parser.add_argument("catalog")
    parser.add_argument("assets", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("seed", type=int)
    parser.add_argument("--user", default="curator-1")
    parser.add_argument("--poll-s", type=float, default=POLL_S)
    args = parser.parse_args()

    from exhibition_app.catalog import Catalog

    rec = Recorder()
    rng = random.Random(args.seed)
    extra: dict[str, Any] = {}
    catalog = Catalog.open(args.catalog, args.assets)
    try:
        if args.role == "kiosk":
            elapsed = run_kiosk(catalog, rec, rng, extra, args.poll_s)
        else:
            elapsed = run_curator(catalog, rec, rng, extra, args.user)
    finally:
        catalog.close()
    result = {
        "role": args.role,
        "seed": args.seed,
        "user": args.user if args.role == "curator" else None,
        "elapsed_s": elapsed,
        "ms": rec.ms,
        "errors": rec.errors,
        "error_types": rec.error_types,
        "error_samples": rec.error_samples,
        **extra,
    }
    args.out.write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main()

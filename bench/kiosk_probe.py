"""Child processes for the kiosk benchmark (bench.kiosk); each prints one JSON line last.

    python -m bench.kiosk_probe start bare|kiosk CATALOG ASSETS
    python -m bench.kiosk_probe scroll ITEMS CATALOG ASSETS
    python -m bench.kiosk_probe visitor ACTIONS CATALOG ASSETS CHECKPOINTS [--no-stats]

``start``: the wall time (``time.time()``, so the parent can subtract its spawn time) when
the first frame is painted that shows what the visitor should see: for ``bare`` a plain
1920x1080 QWidget's first paint; for ``kiosk`` the attract screen's first paint with its
first slide and the slide's picture decoded (``AttractScreen.is_ready()``), from the
first-screen cache or the catalogue's read; the probe then waits for the read and fails if
its slides are not the ones painted. The
paint itself is included: the time is taken when the widget's paint event has run.

``scroll``: a kiosk window at 1920x1080 whose catalogue read returns ITEMS generated item
cards (covers cycling through the real images of CATALOG), the attract screen left, then
the gallery scrolled top to bottom in 240 px steps and back in 480 px steps (repeated
for a short list); per step the synchronous ``viewport().repaint()`` is timed, and the
event loop runs between steps (thumbnails arriving from the image pool).

``visitor``: a scripted visitor doing ACTIONS actions on CATALOG, driven from inside the
running event loop (so deferred deletes and queued results are handled as in the app),
one action per pass of the loop, waiting for the window to settle only before a
checkpoint or when more than MAX_BACKLOG jobs are pending;
resident memory (VmRSS) after ``gc.collect()`` at each of the comma-separated CHECKPOINTS.
"""

from __future__ import annotations

import gc
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCREEN = (1920, 1080)
SCROLL_DOWN_PX = 240  # per frame down the whole list: a fast fling, 14,400 px/s at 60 Hz
SCROLL_UP_PX = 480  # and a faster one back to the top
MIN_FRAMES = 600  # a short list repeats the path until there are this many frames
SETTLE_TIMEOUT_S = 20.0
MAX_BACKLOG = 4  # the visitor waits for the window once this many jobs are pending


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _options(work: Path, **extra: Any) -> Any:
    from exhibition_app.ui.kiosk.window import KioskOptions

    return KioskOptions(
        full_screen=False,  # the --size path of `exhibition-app --kiosk`; lockdown stays on
        idle_s=3600,  # no "Still there?" countdown in the middle of a measurement
        station="bench",
        pin_file=work / "pin.json",
        **extra,
    )


def _wait(app: Any, done: Any, timeout_s: float = SETTLE_TIMEOUT_S) -> bool:
    """Run the event loop until ``done()`` (or the time-out); never sleeps idle."""
    from PySide6.QtCore import QEventLoop, QTimer

    tick = QTimer(interval=10)  # a backstop wake-up: waiting never outlives a lost event
    tick.start()
    end = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > end:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    return True


# --------------------------------------------------------------------------- start-up


def child_start(mode: str, catalog: str, assets: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    marks: dict[str, float] = {}

    class Painted(QObject):
        """Runs the watched widget's paint event itself, then notes the time."""

        def __init__(self, ready: Any) -> None:
            super().__init__()
            self.ready = ready

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            ready = self.ready()  # what this paint is about to show
            obj.event(event)  # type: ignore[attr-defined]
            now = time.time()
            marks.setdefault("first_paint", now)
            if ready and "ready_paint" not in marks:
                marks["ready_paint"] = now
                obj.removeEventFilter(self)
                QTimer.singleShot(0, finish)
            return True

    if mode == "bare":
        app = QApplication(sys.argv[:1])
        window: Any = QWidget()
        window.resize(*SCREEN)
        target: QWidget = window
        probe = Painted(lambda: True)

        def finish() -> None:
            app.exit(0)

    else:
        # What `exhibition-app --kiosk --size 1920 1080` does (run_gui), to the first frame.
        from exhibition_app.ui.app import create_window, make_app

        app = make_app(sys.argv[:1])
        window = create_window(catalog, assets, kiosk=_options(Path(assets)))
        window.resize(*SCREEN)
        target = window.attract
        window.loaded.connect(lambda: marks.setdefault("catalogue_read", time.time()))
        shown: dict[str, Any] = {}

        def attract_ready() -> bool:
            # The first slide with its picture: from the first-screen cache or from the
            # catalogue's read, whichever comes first (checked against the read below).
            ready = bool(
                window.attract.isVisible()
                and window.attract.current is not None
                and window.attract.is_ready()
            )
            if ready and not shown:
                shown["slides"] = [c.id for c in window.attract.cards]
                shown["from_cache"] = window.catalog is None
            return ready

        probe = Painted(attract_ready)

        def finish() -> None:
            if not _wait(app, window.is_settled):
                raise SystemExit("the kiosk did not settle")
            if [c.id for c in window.attract.cards] != shown["slides"]:
                raise SystemExit("the painted attract slides are not the catalogue's")
            marks["from_cache"] = float(shown["from_cache"])
            window.unlock()  # the only way a kiosk closes; waits for its workers
            app.exit(0)

    target.installEventFilter(probe)
    window.show_kiosk() if mode != "bare" else window.show()
    app.exec()
    print(json.dumps(marks), flush=True)


# --------------------------------------------------------------------------- scroll

WORDS = [
    *("carpet", "felt", "yurt", "dombra", "saddle", "bridle", "map", "globe", "silk"),
    *("suzani", "khan", "steppe", "horse", "eagle", "bowl", "chest", "tapestry", "ring"),
    *("coin", "caravan", "mountain", "river", "lake", "city", "road", "atlas", "chart"),
]
KK = ["кілем", "киіз", "үй", "домбыра", "ер", "жүген", "карта", "жібек", "хан", "дала", "бүркіт"]
RU = ["ковёр", "войлок", "юрта", "седло", "карта", "шёлк", "хан", "степь", "лошадь", "орёл"]
MN = ["хивс", "эсгий", "гэр", "эмээл", "газрын", "торго", "хаан", "тал", "морь", "бүргэд"]
COUNTRIES = ("KZ", "MN", "UZ", "KG", "RU", "CN", None)


def generated_gallery(n: int, covers: list[Any]) -> Any:
    """``n`` published item cards, their covers cycling through ``covers`` (MediaRefs)."""
    from exhibition_app.core.cards import GalleryData, ItemCard

    rnd = random.Random(1689)
    kinds = ("object", "map", "photograph", "document")
    items = {}
    for i in range(1, n + 1):
        year = rnd.randrange(1200, 1990)
        cover = covers[(i - 1) % len(covers)] if (i % 9) else None  # some designed cards
        items[i] = ItemCard(
            id=i,
            kind=kinds[i % len(kinds)],
            accession_number=f"GEN-{i:06d}",
            country=COUNTRIES[i % len(COUNTRIES)],
            date_edtf=str(year),
            date_earliest=year,
            date_latest=year,
            rights=None,
            source=None,
            featured=i <= 12,
            published=True,
            texts={
                "title": {
                    "en": " ".join(rnd.sample(WORDS, rnd.randrange(2, 9))).capitalize() + f" {i}",
                    "kk": " ".join(rnd.sample(KK, 3)),
                    "ru": " ".join(rnd.sample(RU, 3)),
                    "mn": " ".join(rnd.sample(MN, 3)),
                },
                "date": {"en": str(year)},
                "culture": {"en": rnd.choice(["Kazakh", "Mongol", "Uzbek", "Dutch"])},
            },
            cover=cover,
            media=(cover,) if cover else (),
            tags=(),
        )
    return GalleryData(items=items, order=tuple(items))


def child_scroll(n: int, catalog_path: str, assets: str) -> None:
    from PySide6.QtWidgets import QApplication

    import exhibition_app.operations.views as views
    import exhibition_app.ui.gallery.model as gallery_model
    from exhibition_app.catalog import Catalog
    from exhibition_app.ui.app import make_app
    from exhibition_app.ui.fonts import load_fonts
    from exhibition_app.ui.i18n import Language
    from exhibition_app.ui.kiosk.window import KioskWindow

    app = make_app(sys.argv[:1])
    load_fonts(app, Path(assets))
    catalog = Catalog.open(catalog_path, assets)
    with catalog.read_session() as session:
        real = views.load_gallery(session, published_only=True)
    covers = [c.cover for c in real.items.values() if c.cover is not None]
    data = generated_gallery(n, covers)
    # The window reads the catalogue on its database worker as always; the read returns
    # the generated cards (the only change: the cards, not the code path that shows them).
    views.load_gallery = lambda _session, published_only=False: data  # type: ignore[assignment]

    decodes: list[str] = []
    real_load = gallery_model.load_thumbnail_image

    def counting_load(cat: Any, media: Any, side: int) -> Any:
        decodes.append(media.sha256)
        return real_load(cat, media, side)

    gallery_model.load_thumbnail_image = counting_load  # type: ignore[assignment]

    window = KioskWindow(lambda: catalog, Language("en"), _options(Path(assets), stats=False))
    requested: set[int] = set()  # rows whose tile asked the model for its thumbnail
    real_thumbnail = window.model.thumbnail

    def thumbnail(card: Any) -> Any:
        requested.add(card.id)
        return real_thumbnail(card)

    window.model.thumbnail = thumbnail  # type: ignore[method-assign]
    window.resize(*SCREEN)
    window.show_kiosk()
    if not _wait(app, window.is_settled, 60):
        raise SystemExit("the kiosk did not settle on its attract screen")
    rows = window.model.rowCount()
    if rows != n:
        raise SystemExit(f"the gallery shows {rows} rows, not {n}")
    window.attract.dismissed.emit()  # a tap on the attract screen
    view = window.view
    t = time.perf_counter()
    view.viewport().repaint()  # the first gallery frame (lays out every row)
    first_frame_ms = (time.perf_counter() - t) * 1000
    if not _wait(app, window.is_settled, 60):
        raise SystemExit("the first gallery screen did not settle")
    first_screen_rows = len(requested)
    vp = view.viewport()
    grid = view.gridSize()
    columns = max(1, vp.width() // grid.width())

    bar = view.verticalScrollBar()
    top, bottom = bar.minimum(), bar.maximum()
    down = [*range(top + SCROLL_DOWN_PX, bottom, SCROLL_DOWN_PX), bottom]
    up = [*range(bottom - SCROLL_UP_PX, top, -SCROLL_UP_PX), top]
    repeats = max(1, -(-MIN_FRAMES // len(down + up)))
    path = (down + up) * repeats
    frames: list[float] = []
    steps: list[float] = []
    for value in path:
        begin = time.perf_counter()
        bar.setValue(value)
        t = time.perf_counter()
        vp.repaint()
        frames.append((time.perf_counter() - t) * 1000)
        app.processEvents()  # thumbnails that arrived, queued updates
        steps.append((time.perf_counter() - begin) * 1000)
    _wait(app, lambda: window.tasks.pending == 0, 30)
    result = {
        "items": n,
        "rows": rows,
        "columns": columns,
        "viewport": [vp.width(), vp.height()],
        "tile": [grid.width(), grid.height()],
        "scroll_px": bottom - top,
        "repeats": repeats,
        "down_px": SCROLL_DOWN_PX,
        "up_px": SCROLL_UP_PX,
        "frames_ms": frames,
        "steps_ms": steps,
        "first_frame_ms": first_frame_ms,
        "first_screen_rows": first_screen_rows,
        "rows_painted": len(requested),
        "covers": len(covers),
        "decodes": len(decodes),
        "distinct_decodes": len(set(decodes)),
        "pixmaps": len(window.model._pixmaps),
        "rss_mb": _rss_mb(),
    }
    window.unlock()
    catalog.close()
    QApplication.processEvents()
    print(json.dumps(result), flush=True)


# --------------------------------------------------------------------------- visitor

QUERIES = {
    "en": ["map", "carpet", "khan", "silk", "dombra", "yurt", "world", "zzz"],
    "kk": ["карта", "кілем", "домбыра", "киіз", "хан"],
    "ru": ["карта", "ковёр", "юрта", "мир", "хан"],
    "mn": ["газрын", "хивс", "гэр", "дэлхий"],
}


class Visitor:
    """One action per call of ``step()``: a weighted mix of what visitors do."""

    def __init__(self, window: Any, rnd: random.Random) -> None:
        self.w = window
        self.rnd = rnd
        self.counts: dict[str, int] = {}

    def _did(self, name: str) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1

    def step(self, n: int) -> None:
        w, rnd = self.w, self.rnd
        if n % 40 == 0:
            w.reset()  # what the idle countdown does when it runs out
            self._did("reset")
            return
        if w.attract.isVisible():
            if rnd.random() < 0.5:
                w.attract.next_slide()  # the loop moves on while nobody is there
                self._did("attract_next")
            else:
                w.attract.dismissed.emit()  # a tap
                self._did("leave_attract")
            return
        on_item = w._item_page is not None and w.stack.currentWidget() is w._item_page
        keyboard = w.keyboard.isVisible()
        choices: list[tuple[str, float]] = [
            ("open", 6 if not on_item else 2),
            ("language", 1.5),
            ("chip", 2 if not on_item else 0.3),
            ("search", 1.5),
            ("nav", 1.5 if not on_item else 0.3),
            ("scroll", 2 if not on_item else 0),
            ("home", 0.5),
            ("access", 0.3),
        ]
        if on_item:
            choices += [("step", 6), ("back", 3)]
        if keyboard:
            choices += [("keyboard_done", 2)]
        names, weights = zip(*choices, strict=True)
        action = rnd.choices(names, weights)[0]
        getattr(self, "do_" + action)()
        self._did(action)

    def do_open(self) -> None:
        ids = self.w.model.ids()
        if ids:
            self.w.open_item(self.rnd.choice(ids))

    def do_step(self) -> None:
        self.w.step_item(self.rnd.choice((1, 1, 1, -1)))

    def do_back(self) -> None:
        self.w.go_back()

    def do_language(self) -> None:
        codes = [c for c in self.w.lang_buttons if c != self.w.language.code]
        self.w.lang_buttons[self.rnd.choice(codes)].click()

    def do_chip(self) -> None:
        bar = self.w.filter_bar
        if bar.filters.active and self.rnd.random() < 0.3:
            bar.clear()
            return
        chips = bar._chips
        if chips:
            facet, value, _chip = self.rnd.choice(chips)
            bar.chip(facet, value).click()

    def do_search(self) -> None:
        w = self.w
        w.show_keyboard()  # what a tap on the search field does
        key = w.keyboard.clear_key if self.rnd.random() < 0.7 else None
        if key is not None:
            key.click()
        words = QUERIES.get(w.language.code, QUERIES["en"])
        from exhibition_app.core.keyboard_layouts import layout_for_language

        w.keyboard.set_layout(layout_for_language(w.language.code))
        for letter in self.rnd.choice(words):
            button = w.keyboard.key_for(letter)
            if button is not None:
                button.click()
            else:
                w.search.insert(letter)

    def do_keyboard_done(self) -> None:
        self.w.keyboard.done_key.click()

    def do_nav(self) -> None:
        nav = self.w.nav
        if nav.count():
            nav.setCurrentRow(self.rnd.randrange(nav.count()))

    def do_scroll(self) -> None:
        bar = self.w.view.verticalScrollBar()
        bar.setValue(self.rnd.randint(bar.minimum(), bar.maximum()))

    def do_home(self) -> None:
        self.w.home_button.click()

    def do_access(self) -> None:
        self.w.access_button.click()


def child_visitor(actions: int, catalog_path: str, assets: str, marks: str, stats: bool) -> None:
    from PySide6.QtCore import QObject, QTimer

    from exhibition_app.catalog import Catalog
    from exhibition_app.ui.app import make_app
    from exhibition_app.ui.fonts import load_fonts
    from exhibition_app.ui.i18n import Language
    from exhibition_app.ui.kiosk.window import KioskWindow

    checkpoints = sorted({int(m) for m in marks.split(",")} | {actions})
    app = make_app(sys.argv[:1])
    load_fonts(app, Path(assets))
    catalog = Catalog.open(catalog_path, assets)
    window = KioskWindow(lambda: catalog, Language("en"), _options(Path(assets), stats=stats))
    window.resize(*SCREEN)
    window._search_timer.setInterval(0)  # the 180 ms typing debounce: run searches at once
    window.show_kiosk()
    if not _wait(app, window.is_settled, 60):
        raise SystemExit("the kiosk did not settle on its attract screen")

    visitor = Visitor(window, random.Random(2024))
    state: dict[str, Any] = {
        "done": 0,
        "since": 0.0,
        "timeouts": 0,
        "measure": None,
        "measured": -1,
        "waits": 0,
    }
    samples: list[dict[str, float]] = []
    start = time.perf_counter()

    def sample(n: int) -> None:
        gc.collect()
        samples.append(
            {
                "actions": n,
                "rss_mb": _rss_mb(),
                "qobjects": len(window.findChildren(QObject)),
                "py_objects": len(gc.get_objects()),
                "seconds": time.perf_counter() - start,
            }
        )
        print(
            f"  after {n:>6} actions: RSS {samples[-1]['rss_mb']:.1f} MB, "
            f"{samples[-1]['qobjects']} QObjects under the window",
            file=sys.stderr,
            flush=True,
        )

    def tick() -> None:
        now = time.perf_counter()
        if state["measure"] is not None:
            # A checkpoint: gc, then two idle passes of the loop (deferred deletes), then read.
            state["measure"][1] -= 1
            if state["measure"][1] == 1:
                gc.collect()
            if state["measure"][1] <= 0:
                sample(state["measure"][0])
                state["measured"] = state["measure"][0]
                state["measure"] = None
                if state["done"] >= actions:
                    timer.stop()
                    app.exit(0)
            return
        if state["since"]:  # waiting for the window to settle
            if not window.is_settled():
                if now - state["since"] < SETTLE_TIMEOUT_S:
                    timer.setInterval(2)  # waiting for workers: poll, do not spin
                    return
                state["timeouts"] += 1
            timer.setInterval(0)
            state["since"] = 0.0
            if state["done"] in checkpoints and state["measured"] != state["done"]:
                state["measure"] = [state["done"], 3]
                return
        elif (
            state["done"] in checkpoints and state["measured"] != state["done"]
        ) or window.tasks.pending > MAX_BACKLOG:
            state["since"] = now  # wait only where needed: a checkpoint, or a backlog
            state["waits"] += 1
            return
        state["done"] += 1
        visitor.step(state["done"])

    def safe_tick() -> None:
        try:
            tick()
        except BaseException:
            import traceback

            traceback.print_exc()
            timer.stop()
            state["error"] = f"action {state['done']} failed; see the traceback above"
            app.exit(1)

    timer = QTimer(interval=0)  # one action per pass of the event loop
    timer.timeout.connect(safe_tick)
    timer.start()
    app.exec()
    if "error" in state:
        print(json.dumps({"error": state["error"]}), flush=True)
        raise SystemExit(1)
    elapsed = time.perf_counter() - start
    result = {
        "actions": state["done"],
        "samples": samples,
        "counts": visitor.counts,
        "timeouts": state["timeouts"],
        "waits": state["waits"],
        "max_backlog": MAX_BACKLOG,
        "seconds": elapsed,
        "stats": stats,
        "peak_rss_mb": _peak_rss_mb(),
    }
    window.unlock()
    catalog.close()
    print(json.dumps(result), flush=True)


def main() -> None:
    kind, *rest = sys.argv[1:]
    if kind == "start":
        child_start(rest[0], rest[1], rest[2])
    elif kind == "scroll":
        child_scroll(int(rest[0]), rest[1], rest[2])
    elif kind == "visitor":
        child_visitor(int(rest[0]), rest[1], rest[2], rest[3], "--no-stats" not in rest)
    else:
        raise SystemExit(f"unknown probe {kind}")


if __name__ == "__main__":
    main()

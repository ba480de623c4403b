"""The task manager: results come back on the main thread, and a result that arrives after
its window (and so its manager) has gone is dropped quietly instead of raising in Qt's
event loop. (Found by CI: a kiosk window closed while its last database job ran.)"""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import QCoreApplication, QThread

from exhibition_app.ui.app import make_app
from exhibition_app.ui.tasks import TaskManager


def test_results_come_back_on_the_main_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app()
    tasks = TaskManager()
    seen: list[tuple[object, bool]] = []
    with qtbot.waitSignal(tasks.idle, timeout=10000):
        tasks.query(lambda: 6 * 7, lambda r: seen.append((r, _on_main())))
        tasks.query(
            lambda: 1 / 0,
            lambda r: None,
            lambda e: seen.append((str(e), _on_main())),
            images=True,
        )
    assert set(seen) == {(42, True), ("division by zero", True)}
    assert tasks.pending == 0


def test_a_result_after_the_manager_is_gone_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app()
    tasks = TaskManager()
    ran = threading.Event()
    heard: list[object] = []

    def job() -> int:
        time.sleep(0.3)
        ran.set()
        return 1

    tasks.query(job, heard.append)
    tasks.query(lambda: 1 / 0, heard.append, heard.append)
    # The window closed while the jobs were queued or running: its manager goes, and the
    # pools' destructors wait for the workers, whose results are already posted.
    shiboken6.delete(tasks)
    assert ran.is_set()
    for _ in range(10):  # deliver what the workers posted: no exception may surface
        QCoreApplication.processEvents()
        qtbot.wait(20)
    assert heard == []


def _on_main() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def test_query_and_change_hand_back_results_progress_and_the_exception(qtbot) -> None:  # type: ignore[no-untyped-def]
    from exhibition_app.errors import NotFound, not_found

    make_app()
    tasks = TaskManager()
    seen: list[object] = []
    steps: list[tuple[int, int, str]] = []

    def long_job(ctx) -> str:  # type: ignore[no-untyped-def]
        for i in range(3):
            ctx.progress(i, 3, f"file {i}")
        return "cancelled" if ctx.cancelled() else "done"

    def missing() -> None:
        raise not_found("item", 99999)

    with qtbot.waitSignal(tasks.idle, timeout=10000):
        tasks.query(lambda: 6 * 7, seen.append)
        tasks.query(missing, seen.append, seen.append)
        tasks.change(long_job, seen.append, progress=lambda *a: steps.append(a))
    assert seen[0] == 42
    assert isinstance(seen[1], NotFound) and str(seen[1]) == "no item 99999"
    assert seen[2] == "done"
    assert steps == [(0, 3, "file 0"), (1, 3, "file 1"), (2, 3, "file 2")]


def test_a_change_is_cancelled_through_its_handle(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app()
    tasks = TaskManager()
    started = threading.Event()
    seen: list[object] = []

    def job(ctx) -> int:  # type: ignore[no-untyped-def]
        started.set()
        rounds = 0
        while not ctx.cancelled() and rounds < 500:
            time.sleep(0.01)
            rounds += 1
        return rounds

    with qtbot.waitSignal(tasks.idle, timeout=10000):
        handle = tasks.change(job, seen.append)
        assert started.wait(5)
        handle.cancel()
    assert handle.cancelled and seen and seen[0] < 500  # type: ignore[operator]


def test_an_unhandled_failure_reaches_the_error_signal_as_one_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app()
    tasks = TaskManager()
    messages: list[str] = []
    tasks.error.connect(messages.append)

    def broken() -> None:
        raise KeyError("x")

    with qtbot.waitSignal(tasks.idle, timeout=10000):
        tasks.query(broken, lambda _r: None)
    assert messages == ["KeyError: 'x'"]

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
        tasks.run_db(lambda: 6 * 7, lambda r: seen.append((r, _on_main())))
        tasks.run_image(lambda: 1 / 0, lambda r: None, lambda m: seen.append((m, _on_main())))
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

    tasks.run_db(job, heard.append)
    tasks.run_db(lambda: 1 / 0, heard.append, heard.append)
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

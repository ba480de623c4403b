"""Child process for the start-up benchmark: prints the wall time of the first paint.

python -m bench.startup_probe bare|app|gallery CATALOG ASSETS

``bare`` and ``app``: the end of the first paint of a plain QWidget / of the main window
(the time used to be taken as the paint event arrived, before anything was painted).
``gallery``: the end of the first paint of the gallery that shows its rows and the
thumbnails of every tile on screen (what a visitor sees), from the first-screen cache or
from the catalogue's read, whichever comes first. The probe then waits for the read and
fails if it shows other rows than the ones painted, so a stale first screen can never make
a good figure.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    mode = sys.argv[1]
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class FirstPaint(QObject):
        """The end of the window's first paint (its children paint in the same pass): the
        time is taken when the event loop is back."""

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                QTimer.singleShot(0, painted)
            return False

    def painted() -> None:
        print(f"{time.time():.6f}", flush=True)
        QApplication.quit()

    if mode == "bare":
        app = QApplication(sys.argv[:1])
        window = QWidget()
        window.resize(1280, 800)
    else:
        # Exactly what `exhibition-app` does on start (run_gui), up to the first paint.
        from exhibition_app.ui.app import create_window, make_app

        app = make_app(sys.argv[:1])
        window = create_window(sys.argv[2], sys.argv[3])
        window.resize(1280, 800)
    if mode == "gallery":
        w = window
        painted: dict[str, object] = {}

        def showing_content() -> bool:
            """The gallery page on screen with its rows, every visible tile's picture in."""
            return (
                w.stack.currentIndex() == 0  # type: ignore[attr-defined]
                and w.view.isVisible()  # type: ignore[attr-defined]
                and w.model.rowCount() > 0  # type: ignore[attr-defined]
                and w._visible_tiles_ready()  # type: ignore[attr-defined]
            )

        class GalleryPainted(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if event.type() != QEvent.Type.Paint:
                    return False
                if showing_content():  # what this paint is about to show
                    painted["ids"] = w.model.ids()  # type: ignore[attr-defined]
                    painted["from_cache"] = w.catalog is None  # type: ignore[attr-defined]
                    obj.removeEventFilter(self)
                    # The list paints in the view's own filter, after this one: the time
                    # is taken when the event loop is back, with the paint done.
                    QTimer.singleShot(0, painted_now)
                return False

        def painted_now() -> None:
            painted["at"] = time.time()
            timer.start()

        def check() -> None:
            if not w.is_settled():  # type: ignore[attr-defined]
                return
            timer.stop()
            if w.model.ids() != painted["ids"]:  # type: ignore[attr-defined]
                print("the painted first screen is not the catalogue's", file=sys.stderr)
                app.exit(1)
                return
            print(f"from cache: {painted['from_cache']}", file=sys.stderr)
            print(f"{painted['at']:.6f}", flush=True)
            app.exit(0)

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(check)
        probe = GalleryPainted()
        w.view.viewport().installEventFilter(probe)  # type: ignore[attr-defined]
    else:
        probe = FirstPaint()
        window.installEventFilter(probe)
    window.show()
    sys.exit(app.exec())


if __name__ == "__main__":
    main()

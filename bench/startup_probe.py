"""Child process for the start-up benchmark: prints the wall time of the first paint.

python -m bench.startup_probe bare|app|gallery CATALOG ASSETS

``gallery``: the wall time at which the gallery, with its rows and the thumbnails of every
tile on screen, has been painted (what a visitor sees), not just the first paint.
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
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"{time.time():.6f}", flush=True)
                QTimer.singleShot(0, QApplication.quit)
                obj.removeEventFilter(self)
            return False

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

        def poll() -> None:
            if window.is_settled():  # type: ignore[attr-defined]
                timer.stop()
                window.repaint()  # paint now what is loaded, then take the time
                print(f"{time.time():.6f}", flush=True)
                QTimer.singleShot(0, QApplication.quit)

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(poll)
        timer.start()
    else:
        probe = FirstPaint()
        window.installEventFilter(probe)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()

"""Hear publications as they happen: PostgreSQL LISTEN/NOTIFY on a thread of its own.

A running kiosk on a PostgreSQL catalogue keeps one extra connection that LISTENs on
``exhibition_publication`` (exhibition_app.operations.publishing.announce NOTIFYs it when a
publication commits). :class:`PublicationListener` calls ``on_serial`` with the newest serial
when it connects, whenever a publication arrives, and again after every reconnection (a
NOTIFY sent while the kiosk was cut off is lost, the serial is not). ``on_state`` says when the
server is lost and found again. The listener reconnects by itself, waiting 1, 2, 4 ... up to
``max_wait`` seconds between tries. Callbacks run on the listener's thread: a Qt caller turns
them into queued signals. No Qt here.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import make_url

from exhibition_app.operations.publishing import CHANNEL

log = logging.getLogger(__name__)

#: How often the listener asks the server something when nothing was heard, to notice a
#: connection that died quietly.
HEARTBEAT_S = 5.0
#: How long one wait for notifications lasts: how soon ``stop()`` is noticed.
WAKE_S = 0.5


def connect_kwargs(url: str) -> dict[str, Any]:
    """psycopg.connect() arguments for an SQLAlchemy ``postgresql+psycopg://`` URL."""
    parsed = make_url(url)
    kwargs: dict[str, Any] = {
        "host": parsed.host,
        "port": parsed.port,
        "user": parsed.username,
        "password": parsed.password,
        "dbname": parsed.database,
        "connect_timeout": 5,
        "application_name": "exhibition-app kiosk listener",
        # TCP keepalives: a pulled cable is noticed in about 15 s, not hours.
        "keepalives": 1,
        "keepalives_idle": 5,
        "keepalives_interval": 2,
        "keepalives_count": 3,
    }
    for key, value in parsed.query.items():
        kwargs[key] = value
    return {k: v for k, v in kwargs.items() if v is not None}


class PublicationListener:
    def __init__(
        self,
        url: str,
        on_serial: Callable[[int], None],
        on_state: Callable[[bool, str], None] | None = None,
        *,
        max_wait: float = 30.0,
    ) -> None:
        self.url = url
        self.on_serial = on_serial
        self.on_state = on_state or (lambda _up, _why: None)
        self.max_wait = max_wait
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="publication-listener", daemon=True)
        self.connected = False

    def start(self) -> PublicationListener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Stop listening (within about ``WAKE_S``) and close the connection."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    # -- the thread ----------------------------------------------------------------------------
    def _run(self) -> None:
        wait = 1.0
        was_up: bool | None = None
        while not self._stop.is_set():
            try:
                self._listen()
                wait = 1.0
            except Exception as exc:
                reason = (
                    str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                )
                if self._stop.is_set():
                    break
                if was_up is not False:
                    log.warning("publication listener: lost the catalogue server: %s", reason)
                    self._set_state(False, reason)
                was_up = False
                self._stop.wait(wait)
                wait = min(wait * 2, self.max_wait)
                continue
            was_up = True

    def _set_state(self, up: bool, reason: str) -> None:
        self.connected = up
        try:
            self.on_state(up, reason)
        except Exception:
            log.exception("publication listener: the state callback failed")

    def _listen(self) -> None:
        import psycopg

        conn = psycopg.connect(autocommit=True, **connect_kwargs(self.url))
        try:
            conn.execute(f"LISTEN {CHANNEL}")
            row = conn.execute("SELECT max(id) FROM publication").fetchone()
            if not self.connected:
                log.info("publication listener: connected")
                self._set_state(True, "")
            self._deliver(int(row[0] or 0) if row else 0)
            quiet = 0.0
            while not self._stop.is_set():
                heard = False
                for note in conn.notifies(timeout=WAKE_S):
                    heard = True
                    try:
                        serial = int(note.payload)
                    except ValueError:
                        continue
                    self._deliver(serial)
                quiet = 0.0 if heard else quiet + WAKE_S
                if quiet >= HEARTBEAT_S and not self._stop.is_set():
                    conn.execute("SELECT 1")  # raises when the server went away quietly
                    quiet = 0.0
        finally:
            with contextlib.suppress(Exception):
                conn.close()

    def _deliver(self, serial: int) -> None:
        try:
            self.on_serial(serial)
        except Exception:
            log.exception("publication listener: the serial callback failed")

"""A throwaway PostgreSQL cluster on loopback, for the tests and the load benchmark.

``initdb`` in a temporary folder, a free port on 127.0.0.1, trust authentication for the
loopback only, ``fsync=off`` (the data is thrown away), stopped and deleted afterwards.
PostgreSQL refuses to run as root: as root the cluster belongs to the ``postgres`` account the
Debian package creates, and its commands run through ``runuser``.

Command line (used by ``make test`` logs and by hand)::

    python tools/pg_cluster.py status     # can a cluster be started here? why not?
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUPERUSER = "exhibition"


class ClusterUnavailable(RuntimeError):
    """PostgreSQL's server programs are missing or cannot run here (the message says why)."""


def server_bindir() -> Path | None:
    """The folder with initdb, pg_ctl and postgres, newest major version first."""
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=True
            )
            candidates.append(Path(out.stdout.strip()))
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True
    )
    candidates += [Path(p) for p in versions]
    for folder in candidates:
        if all((folder / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    """Start with ``start()``, stop with ``stop()`` (or use as a context manager)."""

    def __init__(self, base: Path | None = None) -> None:
        self.bindir = server_bindir()
        if self.bindir is None:
            raise ClusterUnavailable(
                "the PostgreSQL server is not installed (sudo apt-get install -y postgresql)"
            )
        self.owner: pwd.struct_passwd | None = None
        if os.geteuid() == 0:
            try:
                self.owner = pwd.getpwnam("postgres")
            except KeyError:
                raise ClusterUnavailable(
                    "running as root and there is no 'postgres' account to own the cluster"
                ) from None
        self.root = Path(tempfile.mkdtemp(prefix="exhibition-pg-", dir=base))
        self.data = self.root / "data"
        self.socket_dir = self.root / "sock"
        self.port = _free_port()
        self.started = False

    # -- running the server's programs as the cluster's owner --------------------------------
    def _run(self, *cmd: str, check: bool = True, timeout: float = 120) -> str:
        argv = [str(self.bindir / cmd[0]), *cmd[1:]]
        if self.owner is not None:
            argv = ["runuser", "-u", self.owner.pw_name, "--", *argv]
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
        if check and proc.returncode != 0:
            raise ClusterUnavailable(
                f"{cmd[0]} failed: {(proc.stderr or proc.stdout).strip().splitlines()[-1:]}"
            )
        return proc.stdout

    def start(self) -> PgCluster:
        self.socket_dir.mkdir()
        if self.owner is not None:
            for path in (self.root, self.socket_dir):
                os.chown(path, self.owner.pw_uid, self.owner.pw_gid)
        self._run(
            "initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        self.start_server()
        return self

    def stop_server(self) -> None:
        """Stop the server but keep its data (a server going away under its clients). A fast
        shutdown: with fsync and synchronous_commit off, an immediate one would lose commits."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        self.started = False

    def start_server(self) -> None:
        """Start (or start again, on the same port and data) the server."""
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.socket_dir} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
            "-c shared_buffers=128MB"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip
        self.started = True

    def stop(self) -> None:
        if self.started:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PgCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- databases ---------------------------------------------------------------------------
    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE)."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create_database(self, name: str, template: str | None = None) -> str:
        tmpl = f" TEMPLATE {template}" if template else ""
        for attempt in range(50):  # a template still in use by a closing connection: retry
            try:
                self.admin(f'CREATE DATABASE "{name}"{tmpl}')
                break
            except Exception as exc:  # psycopg.errors.ObjectInUse
                if "being accessed by other users" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.1)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main(argv: list[str]) -> int:
    if argv[1:] != ["status"]:
        print(__doc__)
        return 2
    try:
        with PgCluster() as cluster:
            cluster.create_database("probe")
            print(f"ok: a throwaway cluster started from {cluster.bindir} on port {cluster.port}")
    except ClusterUnavailable as exc:
        print(f"unavailable: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

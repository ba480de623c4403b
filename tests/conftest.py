"""Shared fixtures: real catalogues (SQLite files, and databases on a real PostgreSQL
server), real images, Qt offscreen.

The storage, service and CLI tests (tests/db, tests/cli, tests/interop) run twice, once per
engine: every test there that uses ``catalog``, ``sample_catalog`` or ``sample_paths`` is
parametrized ``[sqlite]`` / ``[postgresql]``. The PostgreSQL half runs on a throwaway cluster
(tools/pg_cluster.py) started once per test run; each test gets its own database, cloned from
a migrated template. A test that is about SQLite itself is marked ``sqlite_only``.

Without a PostgreSQL server the PostgreSQL half is skipped and the run says so loudly at the
end; with ``EXHIBITION_REQUIRE_PG=1`` (set by .ci/run) that is an error instead.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
BOTH_ENGINES = ("tests/db/", "tests/cli/", "tests/interop/", "tests/ui/test_curator.py")
CATALOG_FIXTURES = {"catalog", "sample_catalog", "sample_paths", "backend"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): about SQLite itself; not run against PostgreSQL"
    )
    config.addinivalue_line("markers", "postgresql: runs against the PostgreSQL server")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    path = Path(metafunc.definition.fspath).resolve().relative_to(ROOT).as_posix()
    both = path.startswith(BOTH_ENGINES) and not metafunc.definition.get_closest_marker(
        "sqlite_only"
    )
    params: list[Any] = ["sqlite"]
    if both:
        params.append(pytest.param("postgresql", marks=pytest.mark.postgresql))
    if metafunc.definition.get_closest_marker("postgresql"):  # about PostgreSQL only
        params = [pytest.param("postgresql", marks=pytest.mark.postgresql)]
    metafunc.parametrize("backend", params, indirect=True, ids=lambda p: str(p))


class _PgServer:
    """The session's cluster, the migrated templates, and a counter for database names."""

    def __init__(self) -> None:
        sys.path.insert(0, str(ROOT / "tools"))
        from pg_cluster import ClusterUnavailable, PgCluster

        self.cluster: Any = None
        self.reason = ""
        self.templates: set[str] = set()
        self.names = itertools.count(1)
        if os.environ.get("EXHIBITION_TEST_PG", "on") == "off":
            self.reason = "EXHIBITION_TEST_PG=off"
            return
        try:
            self.cluster = PgCluster().start()
        except (ClusterUnavailable, OSError) as exc:
            self.reason = str(exc)

    def template(self, name: str) -> str:
        """A migrated template: 'empty', or 'sample' (the shipped catalogue, ids and all)."""
        if name not in self.templates:
            from exhibition_app.catalog import Catalog

            url = self.cluster.create_database(f"tmpl_{name}")
            scratch = Path(self.cluster.root) / "template-assets"
            with Catalog.open(url, scratch) as target:
                if name == "sample":
                    from exhibition_app.operations.transfer import copy_catalogue

                    with Catalog.open(ROOT / "catalog.db", scratch) as source:
                        copy_catalogue(source, target)
            self.templates.add(name)
        return f"tmpl_{name}"

    def new_database(self, template: str) -> tuple[str, str]:
        name = f"t{next(self.names)}"
        return name, self.cluster.create_database(name, template=self.template(template))

    def stop(self) -> None:
        if self.cluster is not None:
            self.cluster.stop()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[_PgServer]:
    server = _PgServer()
    _PG_STATE["reason"] = server.reason
    yield server
    server.stop()


_PG_STATE: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter: Any) -> None:
    reason = _PG_STATE.get("reason")
    if reason:
        bar = "!" * 78
        terminalreporter.write_line(bar, red=True, bold=True)
        terminalreporter.write_line(
            f"PostgreSQL half NOT RUN: {reason}. Only the SQLite half ran.", red=True, bold=True
        )
        terminalreporter.write_line(bar, red=True, bold=True)


def _pg_unavailable(reason: str) -> None:
    _PG_STATE["reason"] = reason
    if os.environ.get("EXHIBITION_REQUIRE_PG") == "1":
        pytest.fail(f"PostgreSQL is required here but cannot run: {reason}")
    pytest.skip(f"no PostgreSQL server: {reason}")


@pytest.fixture
def private_pg() -> Iterator[Any]:
    """A cluster of this test's own, for tests that stop and start the server."""
    sys.path.insert(0, str(ROOT / "tools"))
    from pg_cluster import ClusterUnavailable, PgCluster

    try:
        cluster = PgCluster().start()
    except (ClusterUnavailable, OSError) as exc:
        _pg_unavailable(str(exc))
    yield cluster
    cluster.stop()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """'sqlite' or 'postgresql' (parametrized where both engines run)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def pg_database(request: pytest.FixtureRequest, backend: str) -> Iterator[Any]:
    """For the PostgreSQL half: a factory of new databases cloned from a template."""
    if backend != "postgresql":
        yield None
        return
    server: _PgServer = request.getfixturevalue("pg_server")
    if server.cluster is None:
        _pg_unavailable(server.reason)
    made: list[str] = []

    def make(template: str = "empty") -> str:
        name, url = server.new_database(template)
        made.append(name)
        return url

    yield make
    for name in made:
        server.cluster.drop_database(name)


@pytest.fixture
def catalog_url(tmp_path: Path, backend: str, pg_database: Any) -> str:
    """Where a new, empty catalogue goes: an SQLite file path, or a PostgreSQL URL."""
    if backend == "postgresql":
        return str(pg_database("empty"))
    return str(tmp_path / "catalog.db")


@pytest.fixture
def catalog(tmp_path: Path, catalog_url: str) -> Iterator[object]:
    """A new, empty, fully migrated catalogue (a temporary SQLite file, or a PostgreSQL
    database for the PostgreSQL half)."""
    from exhibition_app.catalog import Catalog

    cat = Catalog.open(catalog_url, tmp_path / "assets")
    yield cat
    cat.close()


@pytest.fixture
def sample_catalog(tmp_path: Path, backend: str, pg_database: Any) -> Iterator[object]:
    """A private copy of the shipped sample exhibition (the original is never written)."""
    from exhibition_app.catalog import Catalog

    if backend == "postgresql":
        db: str | Path = str(pg_database("sample"))
    else:
        db = tmp_path / "catalog.db"
        shutil.copyfile(ROOT / "catalog.db", db)
    assets = tmp_path / "assets"
    shutil.copytree(ROOT / "assets" / "media", assets / "media")
    cat = Catalog.open(db, assets)
    yield cat
    cat.close()


@pytest.fixture
def sample_paths(sample_catalog: Any) -> tuple[Path | str, Path]:
    """(catalogue file or URL, assets folder) of the private sample copy, for CLI tests."""
    return sample_catalog.db_path or sample_catalog.url, sample_catalog.assets


@pytest.fixture(autouse=True)
def _no_worker_outlives_a_test() -> Iterator[None]:
    """Tile decoders run on Qt's global pool: let them finish before widgets go away."""
    yield
    if "PySide6.QtCore" in __import__("sys").modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(10000)


@pytest.fixture(autouse=True)
def _private_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Backups, PIN files and logs go to a temporary folder, never the real user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def mounts() -> Iterator[Any]:
    """Real small or read-only file systems for the tests that need them (issue 15): the
    fixture is a function ``mount(path, "tmpfs", size="256k")`` (a small tmpfs) or
    ``mount(path, "ro-bind", source=folder)`` (``folder`` seen read-only at ``path``), each
    undone at the end. Tests run as root, which ignores permission bits: only a real mount
    shows what a full disk or a read-only file system does. Skips (with the reason) where
    mounting is not allowed."""
    import subprocess

    done: list[Path] = []

    def mount(path: Path, kind: str, *, size: str = "256k", source: Path | None = None) -> Path:
        path.mkdir(parents=True, exist_ok=True)
        if kind == "tmpfs":
            args = ["mount", "-t", "tmpfs", "-o", f"size={size},mode=1777", "tmpfs", str(path)]
        elif kind == "ro-bind":
            args = ["mount", "--bind", "-o", "ro", str(source), str(path)]
        else:
            raise ValueError(kind)
        if shutil.which("mount") is None or os.geteuid() != 0:
            pytest.skip("mounting a file system needs root and mount(8)")
        run = subprocess.run(args, capture_output=True, text=True, check=False)
        if run.returncode != 0:
            pytest.skip(f"cannot mount a {kind} here: {run.stderr.strip()}")
        done.append(path)
        return path

    yield mount
    for path in reversed(done):
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)

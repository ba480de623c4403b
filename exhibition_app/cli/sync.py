"""``sync --from SHARED_DIR``: a kiosk's asset replica brought up to date.

The work is done by `exhibition_app.operations.sync.sync_assets`; this module reports its
progress on a terminal and its result.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from exhibition_app.catalog import Catalog
from exhibition_app.cli.commands import Commands
from exhibition_app.cli.console import EXIT_ERROR, emit
from exhibition_app.operations.sync import SyncResult, sync_assets


def register(commands: Commands) -> None:
    """Add ``sync``."""
    sp = commands.add(
        "sync",
        cmd_sync,
        help="bring this machine's assets (--assets) up to date from a shared assets folder",
        description=(
            "Copy the media files the catalogue references, and their tile sets, from a "
            "shared assets folder (e.g. the server's, mounted over NFS or SMB) into the local "
            "one, checking every file by SHA-256; only what changed is copied, and files "
            "no longer needed are removed once everything needed is in place."
        ),
    )
    sp.add_argument(
        "--from",
        dest="source",
        required=True,
        type=Path,
        metavar="SHARED_DIR",
        help="the shared assets folder to copy from",
    )
    sp.add_argument(
        "--dry-run", action="store_true", help="report what would change; change nothing"
    )
    sp.add_argument(
        "--published-only",
        action="store_true",
        help="only the images of published items (others are removed from the replica)",
    )


def _bytes(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{n} B"  # pragma: no cover


def _grouped(paths: list[str]) -> list[str]:
    """Paths, with the files of one tile set folded into ``tiles/<sha>/ (N files)``."""
    lines: list[str] = []
    counts: dict[str, int] = {}
    for path in paths:
        parts = path.split("/", 2)
        if len(parts) == 3 and parts[0] == "tiles":
            key = f"tiles/{parts[1]}/"
            if key not in counts:
                lines.append(key)
            counts[key] = counts.get(key, 0) + 1
        else:
            lines.append(path)
    return [
        f"{line} ({counts[line]} {'file' if counts[line] == 1 else 'files'})"
        if line in counts
        else line
        for line in lines
    ]


def _summary(result: SyncResult, source: Path) -> str:
    def files(n: int) -> str:
        return f"{n} {'file' if n == 1 else 'files'}"

    copied, removed = len(result.copied), len(result.removed)
    size = _bytes(result.bytes_copied)
    if result.dry_run:
        text = (
            f"dry run from {source}: would copy {files(copied)} ({size}), "
            f"{result.unchanged} unchanged, would remove {files(removed)}"
        )
    else:
        text = (
            f"synced from {source}: copied {files(copied)} ({size}), "
            f"{result.unchanged} unchanged, removed {files(removed)}"
        )
    if result.problems:
        n = len(result.problems)
        text += f"; {n} {'problem' if n == 1 else 'problems'}"
    if result.cancelled:
        text += "; stopped before the end"
    lines = [text]
    if result.dry_run:
        lines += [f"would copy {p}" for p in _grouped(result.copied)]
        lines += [f"would remove {p}" for p in _grouped(result.removed)]
    else:
        lines += [f"removed {p}" for p in _grouped(result.removed)]
    lines += [f"problem: {p['file']}: {p['reason']}" for p in result.problems]
    return "\n".join(lines)


def _terminal_progress() -> tuple[Callable[[int, int, str], None] | None, Callable[[], None]]:
    """A progress line on stderr when it is a terminal (and a function that clears it)."""
    stream = sys.stderr
    if stream is None or not stream.isatty():
        return None, lambda: None
    last = [0.0]

    def progress(done: int, total: int, path: str) -> None:
        now = time.monotonic()
        if now - last[0] < 0.2:
            return
        last[0] = now
        percent = f"{100 * done // total:3d}%" if total else "   "
        stream.write(f"\r\x1b[K{percent} {path[-60:]}")
        stream.flush()

    def clear() -> None:
        if last[0]:
            stream.write("\r\x1b[K")
            stream.flush()

    return progress, clear


def cmd_sync(catalog: Catalog, args: argparse.Namespace) -> int:
    progress, clear = (None, lambda: None) if getattr(args, "json", False) else _terminal_progress()
    try:
        result = sync_assets(
            catalog,
            args.source,
            published_only=args.published_only,
            dry_run=args.dry_run,
            progress=progress,
        )
    finally:
        clear()
    emit(args, result.as_json(), lambda: _summary(result, args.source))
    return 0 if result.ok else EXIT_ERROR

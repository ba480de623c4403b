"""``python -m exhibition_app`` and the ``exhibition-app`` console script: the top of the
layers, which decides between the window and the command line.

Only global options (``--kiosk``, ``--curator``, ``--screenshot``...) open the window; then
neither the command parsers nor the catalogue's libraries are loaded before the first paint.
A command runs through :mod:`exhibition_app.cli.main`, which never loads Qt. Each path is
imported only when it is taken.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from exhibition_app.cli.console import guarded
from exhibition_app.cli.options import gui_options


def _start(argv: Sequence[str] | None) -> int:
    args = gui_options(argv)
    if args is None:
        from exhibition_app.cli.main import parse, run_command

        args = parse(argv)
        if getattr(args, "ui_command", None) == "kiosk-preflight":
            from exhibition_app.ui.kiosk.preflight import run_cli

            return run_cli(args)  # lays out the real kiosk widgets: Qt, so not in cli
        if args.command is not None:
            return run_command(args)
    from exhibition_app.ui.app import run_gui

    return run_gui(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window or run a command; every failure is one line on stderr."""
    return guarded(lambda: _start(argv))


if __name__ == "__main__":
    sys.exit(main())

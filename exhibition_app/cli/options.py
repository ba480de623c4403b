"""The global options (catalogue, language, window and kiosk settings), and telling a
command line that only opens the window from one that runs a command.

This module is light on purpose: ``exhibition_app.__main__`` asks :func:`gui_options` first,
so opening the window never builds the command parsers nor imports what the commands use.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from typing import NoReturn

from exhibition_app import __version__
from exhibition_app.cli.console import (
    OneLineParser,
    fallback_languages,
    record_id,
    seconds,
    window_size,
)
from exhibition_app.core.languages import LANGUAGES
from exhibition_app.paths import APP_NAME

DESCRIPTION = "A virtual exhibition of Central Asian and Mongolian heritage and maps."


class LanguageOption(argparse.Action):
    """``--lang``: the language, and ``lang_given`` set to True, so a command can tell an
    explicit ``--lang en`` from the default (``annotations list`` then shows one language)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[object] | None,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)
        namespace.lang_given = True


def add_global_options(p: argparse.ArgumentParser) -> None:
    """The options that come before the command (and alone open the window)."""
    p.add_argument(
        "--catalog",
        metavar="PATH_OR_URL",
        # From the environment too: a URL with a password stays out of the process list.
        default=os.environ.get("EXHIBITION_CATALOG") or None,
        help="catalogue file or SQLAlchemy URL (default: $EXHIBITION_CATALOG, else the "
        "checkout's catalog.db or the one in the user data folder)",
    )
    p.add_argument("--assets", metavar="DIR", help="folder of images and derived files")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--lang",
        default="en",
        action=LanguageOption,
        help="language: en, kk, ru or mn (default en)",
    )
    p.add_argument(
        "--fallback",
        type=fallback_languages,
        metavar="LANGS",
        help="languages to show when a text is missing, in order (default en,ru,kk,mn)",
    )
    p.add_argument("--item", type=record_id, metavar="ID", help="open the window on this item")
    p.add_argument("--size", type=window_size, metavar="WxH", help="window size, e.g. 1280x800")
    p.add_argument(
        "--screenshot", metavar="FILE", help="render the window once loaded, save a PNG, exit"
    )
    p.add_argument(
        "--tile-cache",
        type=int,
        default=256,
        metavar="MB",
        help="memory for decoded map tiles per view (default 256)",
    )
    p.add_argument(
        "--pin-file",
        metavar="PATH",
        help="staff PIN file for the kiosk (default: in the user data folder)",
    )
    p.add_argument(
        "--curator",
        action="store_true",
        help="open the curator workspace (sign in with an account from 'users add')",
    )
    kiosk_opts = p.add_argument_group("visitor kiosk (with --kiosk)")
    kiosk_opts.add_argument(
        "--kiosk",
        action="store_true",
        help="run as a locked-down, full-screen visitor kiosk (published items only)",
    )
    kiosk_opts.add_argument(
        "--idle",
        type=seconds,
        default=90,
        metavar="SECONDS",
        help="ask 'Still there?' after this long without a touch (default 90)",
    )
    kiosk_opts.add_argument(
        "--idle-countdown",
        type=int,
        default=15,
        metavar="SECONDS",
        help="how long 'Still there?' waits before the kiosk resets (default 15)",
    )
    kiosk_opts.add_argument(
        "--tour",
        metavar="EXHIBITION_KEY",
        help="the attract loop follows this exhibition (default: the featured items)",
    )
    kiosk_opts.add_argument("--hide-cursor", action="store_true", help="for touch-only screens")
    kiosk_opts.add_argument(
        "--reduced-motion", action="store_true", help="no cross-fades in the attract loop"
    )
    kiosk_opts.add_argument(
        "--station", metavar="NAME", help="this kiosk's name in the statistics (default: host)"
    )


def top_parser() -> OneLineParser:
    """The top-level parser with the global options, before any command is added."""
    p = OneLineParser(prog=APP_NAME, description=DESCRIPTION)
    p.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    add_global_options(p)
    return p


def common_options(*, lang: bool = True) -> OneLineParser:
    """The parent of every command's parser: ``--json`` and ``--lang`` after the command
    (``lang=False``: only ``--json``, for a command whose ``--lang`` means something else)."""
    common = OneLineParser(add_help=False)
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    if not lang:
        return common
    common.add_argument(
        "--lang",
        default=argparse.SUPPRESS,
        action=LanguageOption,
        help="language: en, kk, ru or mn (default en)",
    )
    return common


def check_language(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """A usage error unless ``--lang`` is a language of the exhibition."""
    if args.lang not in LANGUAGES:
        parser.error(f"--lang must be one of {', '.join(LANGUAGES)}")


class _NotGlobalOnly(Exception):
    """The trial parse met something only the whole parser can judge."""


class _TrialParser(OneLineParser):
    """Global options only, and any doubt handed back instead of reported."""

    def error(self, message: str) -> NoReturn:
        raise _NotGlobalOnly(message)


def gui_options(argv: Sequence[str] | None = None) -> argparse.Namespace | None:
    """The parsed options when ``argv`` holds global options only (open the window), else
    None: a command, ``--help``, ``--version`` or any mistake, which the whole parser of
    :func:`exhibition_app.cli.main.build_parser` then handles exactly as it always has."""
    trial = _TrialParser(prog=APP_NAME, add_help=False)
    add_global_options(trial)
    try:
        args, rest = trial.parse_known_args(argv)
    except _NotGlobalOnly:
        return None
    if rest:
        return None
    check_language(top_parser(), args)
    args.command = None
    return args

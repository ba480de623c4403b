"""``kiosk set-pin``, ``clear-pin`` and ``status``: the visitor kiosk's staff PIN, kept in a
file of its own (no catalogue is opened)."""

from __future__ import annotations

import argparse
from pathlib import Path

from exhibition_app.cli.commands import Commands
from exhibition_app.cli.console import emit, read_new_secret, window_size
from exhibition_app.core.pin import PinGuard, check_pin_format, default_pin_path
from exhibition_app.errors import Refused

#: Set on a command the window layer runs (``exhibition_app.__main__`` dispatches it: the
#: command line never loads Qt, and the preflight lays out the real kiosk widgets).
UI_COMMAND = "ui_command"


def register(commands: Commands) -> None:
    kiosk = commands.group("kiosk", "the visitor kiosk's staff PIN")
    commands.add_plain(
        "set-pin",
        cmd_kiosk_set_pin,
        group=kiosk,
        help="set the staff PIN (4-12 digits; asked twice on a terminal, else one line of stdin)",
    )
    commands.add_plain("clear-pin", cmd_kiosk_clear_pin, group=kiosk, help="remove the staff PIN")
    commands.add_plain(
        "status", cmd_kiosk_status, group=kiosk, help="whether a PIN is set and any lockout"
    )
    preflight = commands.add_plain(
        "preflight",
        cmd_kiosk_preflight,
        group=kiosk,
        help="lay out every published item at each screen size and language offscreen and "
        "report text the kiosk would cut and targets too small to touch (exit 1 if any)",
        own_lang=True,  # --lang here lists the languages to check
    )
    preflight.add_argument(
        "--size",
        dest="preflight_sizes",
        type=window_size,
        action="extend",
        nargs="+",
        metavar="WxH",
        help="screen sizes (default 1280x800 1920x1080 3840x2160 1080x1920)",
    )
    preflight.add_argument(
        "--lang",
        dest="preflight_langs",
        action="extend",
        nargs="+",
        metavar="L",
        help="languages (default en kk ru mn)",
    )
    preflight.add_argument(
        "--dpi",
        dest="preflight_dpi",
        type=float,
        metavar="DPI",
        help="the screens' physical DPI, for the 9 mm touch rule (default 110)",
    )
    preflight.add_argument(
        "--large-text",
        dest="preflight_large",
        action="store_true",
        help="check the visitor's larger-text mode (the 'Aa' button)",
    )
    preflight.add_argument(
        "--shots",
        dest="preflight_shots",
        metavar="DIR",
        help="also save PNGs of the gallery, keyboard and attract screens here",
    )
    preflight.add_argument(
        "--shot-item",
        dest="preflight_items",
        type=int,
        action="append",
        metavar="ID",
        help="with --shots: also save this item's page (repeatable)",
    )
    preflight.set_defaults(**{UI_COMMAND: "kiosk-preflight"})


def _pin_file(args: argparse.Namespace) -> Path:
    return Path(args.pin_file).expanduser().resolve() if args.pin_file else default_pin_path()


def cmd_kiosk_set_pin(args: argparse.Namespace) -> int:
    path = _pin_file(args)
    pin = check_pin_format(read_new_secret("Staff PIN", "PIN"))
    PinGuard(path).set_pin(pin)
    emit(args, {"pin_set": True, "pin_file": str(path)}, lambda: f"Staff PIN set ({path})")
    return 0


def cmd_kiosk_clear_pin(args: argparse.Namespace) -> int:
    path = _pin_file(args)
    PinGuard(path).clear()
    emit(args, {"pin_set": False, "pin_file": str(path)}, lambda: f"Staff PIN cleared ({path})")
    return 0


def cmd_kiosk_status(args: argparse.Namespace) -> int:
    path = _pin_file(args)
    guard = PinGuard(path)
    pin_set = guard.is_set()
    wait = round(guard.wait_seconds(), 1)
    data = {"pin_set": pin_set, "pin_file": str(path), "locked_for_seconds": wait}

    def human() -> str:
        text = f"Staff PIN {'set' if pin_set else 'not set'} ({path})"
        return f"{text}; locked for {wait:g} s" if wait else text

    emit(args, data, human)
    return 0


def cmd_kiosk_preflight(args: argparse.Namespace) -> int:
    """Reached only when the command line runs without its window layer (cli.main.run):
    the preflight needs Qt, which ``exhibition_app.__main__`` loads for it."""
    raise Refused("the kiosk preflight runs from the program: exhibition-app kiosk preflight")

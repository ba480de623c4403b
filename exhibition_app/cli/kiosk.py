"""``kiosk set-pin``, ``clear-pin`` and ``status``: the visitor kiosk's staff PIN, kept in a
file of its own (no catalogue is opened)."""

from __future__ import annotations

import argparse
from pathlib import Path

from exhibition_app.cli.commands import Commands
from exhibition_app.cli.console import emit, read_new_secret
from exhibition_app.core.pin import PinGuard, check_pin_format, default_pin_path


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

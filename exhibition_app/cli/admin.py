"""Administration: curator accounts, backups, restores, copying a site, publishing, history.

Passwords are read like the kiosk PIN: twice without echo on a terminal, else one line of
standard input; they never appear in output.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Literal

from exhibition_app.catalog import Catalog
from exhibition_app.cli.commands import Commands
from exhibition_app.cli.console import emit, read_new_secret, record_id
from exhibition_app.errors import InvalidInput, Refused, not_found
from exhibition_app.operations.accounts import (
    add_user,
    check_password,
    disable_user,
    enable_user,
    find_user,
    get_user,
    list_users,
    set_password,
)
from exhibition_app.operations.backup import backup, restore_catalogue
from exhibition_app.operations.history import history
from exhibition_app.operations.publishing import (
    publication_counts,
    publication_serial,
    publish,
    unpublish,
)
from exhibition_app.operations.queries import exists
from exhibition_app.operations.transfer import copy_catalogue


def register(commands: Commands) -> None:
    """Add ``users``, ``backup``, ``restore``, ``copy-to``, ``publish``, ``unpublish`` and
    ``history``."""
    users = commands.group("users", "curator accounts")
    ua = commands.add(
        "add",
        cmd_users_add,
        group=users,
        help="add an account (password asked twice on a terminal, else one line of stdin)",
    )
    ua.add_argument("name")
    commands.add("list", cmd_users_list, group=users, help="list the accounts")
    up = commands.add("passwd", cmd_users_passwd, group=users, help="set an account's password")
    up.add_argument("name")
    ud = commands.add(
        "disable", cmd_users_disable, group=users, help="stop an account from signing in"
    )
    ud.add_argument("name")
    ue = commands.add(
        "enable", cmd_users_enable, group=users, help="let a disabled account sign in"
    )
    ue.add_argument("name")

    bk = commands.add(
        "backup", cmd_backup, help="copy the catalogue to FILE (safe while it is in use)"
    )
    bk.add_argument("file", type=Path, metavar="FILE")
    rs = commands.add_plain(
        "restore",
        cmd_restore,
        help="replace the catalogue by a checked backup (the current one is backed up first)",
    )
    rs.add_argument("file", type=Path, metavar="FILE")
    rs.add_argument("--user", metavar="NAME", help="who restores it (for the record)")
    ct = commands.add(
        "copy-to",
        cmd_copy_to,
        help="copy the whole catalogue, ids and all, into a new, empty one (e.g. PostgreSQL)",
    )
    ct.add_argument("target", metavar="TARGET", help="an SQLAlchemy URL or an SQLite file")

    for name, handler, text in (
        (
            "publish",
            cmd_publish,
            "publish items and exhibitions (one transaction; kiosks pick it up)",
        ),
        ("unpublish", cmd_unpublish, "take items and exhibitions back to draft"),
    ):
        pp = commands.add(name, handler, help=text)
        pp.add_argument(
            "--item",
            type=record_id,
            nargs="+",
            action="extend",
            default=[],
            metavar="ID",
            dest="items",
        )
        pp.add_argument(
            "--exhibition",
            type=record_id,
            nargs="+",
            action="extend",
            default=[],
            metavar="ID",
            dest="exhibitions",
        )
        pp.add_argument("--user", required=True, metavar="NAME", help="the curator's account")
        if name == "publish":
            pp.add_argument(
                "--without-items",
                action="store_true",
                help="do not also publish the draft items in the exhibitions",
            )
        else:
            pp.add_argument(
                "--with-items",
                action="store_true",
                help="also take the exhibitions' items back to draft",
            )

    hi = commands.add("history", cmd_history, help="every recorded change of an item")
    hi.add_argument("id", type=record_id, metavar="ITEM_ID")
    hi.add_argument(
        "--exhibition", action="store_true", help="ITEM_ID is an exhibition's id instead"
    )


# -- accounts --------------------------------------------------------------------------------


def _read_password() -> str:
    return read_new_secret("Password", "password")


def cmd_users_add(catalog: Catalog, args: argparse.Namespace) -> int:
    password = check_password(_read_password())
    with catalog.session() as s:
        user = add_user(s, args.name, password)
        data = {"id": user.id, "name": user.name}
    emit(args, data, lambda: f"added the account '{data['name']}'")
    return 0


def cmd_users_list(catalog: Catalog, args: argparse.Namespace) -> int:
    with catalog.read_session() as s:
        users = list_users(s)
    data = [u.as_json() for u in users]
    emit(
        args,
        data,
        lambda: (
            "\n".join(
                f"{u.name:<24} since {u.created_at[:10]}{'  (disabled)' if u.disabled else ''}"
                for u in users
            )
            or "no accounts yet: add one with 'users add NAME'"
        ),
    )
    return 0


def cmd_users_passwd(catalog: Catalog, args: argparse.Namespace) -> int:
    with catalog.read_session() as s:
        get_user(s, args.name)  # before asking for a password it could not be set to
    password = check_password(_read_password())
    with catalog.session() as s:
        user = set_password(s, args.name, password)
        name = user.name
    emit(args, {"name": name, "password_set": True}, lambda: f"password changed for '{name}'")
    return 0


def _set_disabled(catalog: Catalog, args: argparse.Namespace, disabled: bool) -> int:
    with catalog.session() as s:
        user = (disable_user if disabled else enable_user)(s, args.name)
        name = user.name
    state = "disabled" if disabled else "enabled"
    emit(args, {"name": name, "disabled": disabled}, lambda: f"the account '{name}' is {state}")
    return 0


def cmd_users_disable(catalog: Catalog, args: argparse.Namespace) -> int:
    return _set_disabled(catalog, args, True)


def cmd_users_enable(catalog: Catalog, args: argparse.Namespace) -> int:
    return _set_disabled(catalog, args, False)


# -- backup, restore, copy -------------------------------------------------------------------


def cmd_backup(catalog: Catalog, args: argparse.Namespace) -> int:
    info = backup(catalog, args.file)
    emit(args, info.as_json(), lambda: f"backed up to {info.file} ({info.bytes} bytes)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Runs without opening the catalogue: it may be the damaged one being replaced."""
    data = restore_catalogue(args.catalog, args.file, user=args.user)
    previous = data["previous_backup"]

    def human() -> str:
        text = f"restored {data['catalog']} from {args.file}"
        return text + (f"; the catalogue as it was is in {previous}" if previous else "")

    emit(args, data, human)
    return 0


def cmd_copy_to(catalog: Catalog, args: argparse.Namespace) -> int:
    """Move a site: ``--catalog catalog.db copy-to postgresql+psycopg://...``."""
    with Catalog.open(args.target, catalog.assets) as target:
        report = copy_catalogue(catalog, target)
    data = report.as_dict()
    emit(
        args,
        data,
        lambda: (
            f"copied {data['total_rows']} rows ({data['rows'].get('item', 0)} items) "
            f"to {data['target']}; search index rebuilt"
        ),
    )
    return 0


# -- publishing and history ------------------------------------------------------------------


def _publish(catalog: Catalog, args: argparse.Namespace, published: bool) -> int:
    if not args.items and not args.exhibitions:
        raise InvalidInput("name at least one --item or --exhibition")
    with catalog.session() as s:
        user = find_user(s, args.user)
        if user is None or user.disabled:
            raise Refused(f"no active account '{args.user}' (add one with 'users add')")
        before = publication_serial(s)
        if published:
            serial = publish(
                s,
                items=args.items,
                exhibitions=args.exhibitions,
                user=user,
                include_items=not args.without_items,
            )
        else:
            serial = unpublish(
                s,
                items=args.items,
                exhibitions=args.exhibitions,
                user=user,
                include_items=args.with_items,
            )
        changed = publication_counts(s, serial) if serial != before else None
    counts = changed or (0, 0)
    data = {"serial": serial, "items": counts[0], "exhibitions": counts[1]}
    verb = "published" if published else "unpublished"
    emit(
        args,
        data,
        lambda: (
            f"publication {serial}: {counts[0]} items and {counts[1]} exhibitions {verb}"
            if changed is not None
            else f"nothing to change (publication {serial})"
        ),
    )
    return 0


def cmd_publish(catalog: Catalog, args: argparse.Namespace) -> int:
    return _publish(catalog, args, True)


def cmd_unpublish(catalog: Catalog, args: argparse.Namespace) -> int:
    return _publish(catalog, args, False)


def cmd_history(catalog: Catalog, args: argparse.Namespace) -> int:
    entity: Literal["item", "exhibition"] = "exhibition" if args.exhibition else "item"
    with catalog.read_session() as s:
        rows = history(s, entity, args.id)
        known = exists(s, entity, args.id)
    if not rows and not known:
        raise not_found(entity, args.id)
    emit(
        args,
        rows,
        lambda: (
            "\n".join(
                f"{r['id']:>6}  {r['at'][:19].replace('T', ' ')}  {r['user_name'] or '-':<16} "
                f"{r['action']:<9} {r['summary'] or ''}"
                for r in rows
            )
            or f"no recorded changes of {entity} {args.id}"
        ),
    )
    return 0

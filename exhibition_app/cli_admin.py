"""Command-line administration: curator accounts, backups, restores, publishing, history.

Registered by exhibition_app.cli (``add_admin_parsers`` and the two command tables); the
handlers import what they need when they run, so the GUI's start-up pays nothing for them.
Passwords are read like the kiosk PIN: twice without echo on a terminal, else one line of
standard input; they never appear in output.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog


def add_admin_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``users``, ``backup``, ``restore``, ``publish``, ``unpublish`` and ``history``."""
    users = sub.add_parser("users", help="curator accounts").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    ua = users.add_parser(
        "add",
        parents=[common],
        help="add an account (password asked twice on a terminal, else one line of stdin)",
    )
    ua.add_argument("name")
    users.add_parser("list", parents=[common], help="list the accounts")
    up = users.add_parser("passwd", parents=[common], help="set an account's password")
    up.add_argument("name")
    ud = users.add_parser("disable", parents=[common], help="stop an account from signing in")
    ud.add_argument("name")
    ue = users.add_parser("enable", parents=[common], help="let a disabled account sign in")
    ue.add_argument("name")

    bk = sub.add_parser(
        "backup", parents=[common], help="copy the catalogue to FILE (safe while it is in use)"
    )
    bk.add_argument("file", type=Path, metavar="FILE")
    rs = sub.add_parser(
        "restore",
        parents=[common],
        help="replace the catalogue by a checked backup (the current one is backed up first)",
    )
    rs.add_argument("file", type=Path, metavar="FILE")
    rs.add_argument("--user", metavar="NAME", help="who restores it (for the record)")
    ct = sub.add_parser(
        "copy-to",
        parents=[common],
        help="copy the whole catalogue, ids and all, into a new, empty one (e.g. PostgreSQL)",
    )
    ct.add_argument("target", metavar="TARGET", help="an SQLAlchemy URL or an SQLite file")

    for name, text in (
        ("publish", "publish items and exhibitions (one transaction; kiosks pick it up)"),
        ("unpublish", "take items and exhibitions back to draft"),
    ):
        pp = sub.add_parser(name, parents=[common], help=text)
        pp.add_argument(
            "--item", type=int, nargs="+", action="extend", default=[], metavar="ID", dest="items"
        )
        pp.add_argument(
            "--exhibition",
            type=int,
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

    hi = sub.add_parser("history", parents=[common], help="every recorded change of an item")
    hi.add_argument("id", type=int, metavar="ITEM_ID")
    hi.add_argument(
        "--exhibition", action="store_true", help="ITEM_ID is an exhibition's id instead"
    )


# -- accounts --------------------------------------------------------------------------------


def _read_password() -> str:
    from exhibition_app.cli import _read_new_pin

    return _read_new_pin(prompt="Password", noun="password")


def cmd_users_add(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.cli import _print
    from exhibition_app.operations.accounts import add_user, check_password

    password = check_password(_read_password())
    with catalog.session() as s:
        user = add_user(s, args.name, password)
        data = {"id": user.id, "name": user.name}
    _print(args, data, lambda: f"added the account '{data['name']}'")
    return 0


def cmd_users_list(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.cli import _print
    from exhibition_app.operations.accounts import list_users

    with catalog.read_session() as s:
        users = list_users(s)
    data = [u.as_json() for u in users]
    _print(
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
    from exhibition_app.cli import _print
    from exhibition_app.operations.accounts import check_password, find_user, set_password

    with catalog.read_session() as s:
        if find_user(s, args.name) is None:
            from exhibition_app.operations.accounts import AccountError

            raise AccountError(f"there is no user '{args.name}'")
    password = check_password(_read_password())
    with catalog.session() as s:
        user = set_password(s, args.name, password)
        name = user.name
    _print(args, {"name": name, "password_set": True}, lambda: f"password changed for '{name}'")
    return 0


def _set_disabled(catalog: Catalog, args: argparse.Namespace, disabled: bool) -> int:
    from exhibition_app.cli import _print
    from exhibition_app.operations.accounts import disable_user, enable_user

    with catalog.session() as s:
        user = (disable_user if disabled else enable_user)(s, args.name)
        name = user.name
    state = "disabled" if disabled else "enabled"
    _print(args, {"name": name, "disabled": disabled}, lambda: f"the account '{name}' is {state}")
    return 0


def cmd_users_disable(catalog: Catalog, args: argparse.Namespace) -> int:
    return _set_disabled(catalog, args, True)


def cmd_users_enable(catalog: Catalog, args: argparse.Namespace) -> int:
    return _set_disabled(catalog, args, False)


# -- backup and restore ----------------------------------------------------------------------


def cmd_backup(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.cli import _print
    from exhibition_app.operations.backup import backup

    info = backup(catalog, args.file)
    _print(args, info.as_json(), lambda: f"backed up to {info.file} ({info.bytes} bytes)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Runs without opening the catalogue: it may be the damaged one being replaced."""
    from exhibition_app.cli import _print
    from exhibition_app.db.engine import resolve_url, sqlite_path
    from exhibition_app.operations.backup import restore
    from exhibition_app.paths import default_locations

    target = args.catalog if args.catalog is not None else default_locations()[0]
    url = resolve_url(target)
    path = sqlite_path(url)
    if path is None:
        return _restore_postgresql(url, args)
    result = restore(path, args.file, user=args.user)
    previous = str(result.previous_backup) if result.previous_backup else None
    data = {
        "restored": True,
        "catalog": str(result.catalog),
        "previous_backup": previous,
        "schema": result.schema,
        "serial": result.serial,
    }

    def human() -> str:
        text = f"restored {result.catalog} from {args.file}"
        return text + (f"; the catalogue as it was is in {previous}" if previous else "")

    _print(args, data, human)
    return 0


def _restore_postgresql(url: str, args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from exhibition_app.cli import UserError, _print
    from exhibition_app.operations.pg_backup import is_postgresql, restore_dump

    if not is_postgresql(url):
        raise UserError("restore works on an SQLite or a PostgreSQL catalogue")
    previous, schema, serial = restore_dump(url, args.file, user=args.user)
    data = {
        "restored": True,
        "catalog": make_url(url).render_as_string(hide_password=True),
        "previous_backup": str(previous) if previous else None,
        "schema": schema,
        "serial": serial,
    }

    def human() -> str:
        text = f"restored {data['catalog']} from {args.file}"
        return text + (f"; the catalogue as it was is in {previous}" if previous else "")

    _print(args, data, human)
    return 0


def cmd_copy_to(catalog: Catalog, args: argparse.Namespace) -> int:
    """Move a site: ``--catalog catalog.db copy-to postgresql+psycopg://...``."""
    from exhibition_app.catalog import Catalog as Opened
    from exhibition_app.cli import _print
    from exhibition_app.operations.transfer import copy_catalogue

    with Opened.open(args.target, catalog.assets) as target:
        report = copy_catalogue(catalog, target)
    data = report.as_dict()
    _print(
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
    from exhibition_app.cli import UserError, _print
    from exhibition_app.operations.accounts import find_user
    from exhibition_app.operations.publishing import publication_serial, publish, unpublish

    if not args.items and not args.exhibitions:
        raise UserError("name at least one --item or --exhibition")
    with catalog.session() as s:
        user = find_user(s, args.user)
        if user is None or user.disabled:
            raise UserError(f"no active account '{args.user}' (add one with 'users add')")
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
        from exhibition_app.db.models import Publication

        row = s.get(Publication, serial) if serial != before else None
        counts = (row.items, row.exhibitions) if row is not None else (0, 0)
    data = {"serial": serial, "items": counts[0], "exhibitions": counts[1]}
    verb = "published" if published else "unpublished"
    _print(
        args,
        data,
        lambda: (
            f"publication {serial}: {counts[0]} items and {counts[1]} exhibitions {verb}"
            if row is not None
            else f"nothing to change (publication {serial})"
        ),
    )
    return 0


def cmd_publish(catalog: Catalog, args: argparse.Namespace) -> int:
    return _publish(catalog, args, True)


def cmd_unpublish(catalog: Catalog, args: argparse.Namespace) -> int:
    return _publish(catalog, args, False)


def cmd_history(catalog: Catalog, args: argparse.Namespace) -> int:
    from exhibition_app.cli import UserError, _print
    from exhibition_app.db.models import Exhibition, Item
    from exhibition_app.operations.history import history

    entity = "exhibition" if args.exhibition else "item"
    with catalog.read_session() as s:
        rows = history(s, entity, args.id)
        exists = s.get(Exhibition if args.exhibition else Item, args.id) is not None
    if not rows and not exists:
        raise UserError(f"no {entity} with id {args.id}")
    _print(
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


#: Commands that open the catalogue first (merged into exhibition_app.cli.COMMANDS).
CATALOG_COMMANDS: dict[tuple[str, str | None], Callable[[Catalog, argparse.Namespace], int]] = {
    ("users", "add"): cmd_users_add,
    ("users", "list"): cmd_users_list,
    ("users", "passwd"): cmd_users_passwd,
    ("users", "disable"): cmd_users_disable,
    ("users", "enable"): cmd_users_enable,
    ("backup", None): cmd_backup,
    ("copy-to", None): cmd_copy_to,
    ("publish", None): cmd_publish,
    ("unpublish", None): cmd_unpublish,
    ("history", None): cmd_history,
}

#: Commands that run without opening it (merged into exhibition_app.cli.NO_CATALOG_COMMANDS).
STANDALONE_COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("restore", None): cmd_restore,
}

"""How a command-group module adds its sub-commands to the parser, and finds its handler.

A group module's ``register(commands)`` calls :meth:`Commands.add` for each command; the
handler is stored as the parser's default (``set_defaults``), so after parsing
:func:`handler_of` gives it back. Groups shared by several modules (``import``, ``export``)
are kept in a table of their own, so no module needs argparse's internals to find one.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from exhibition_app.cli.console import OneLineParser

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog

#: A command that works on the opened catalogue, and one that runs without it.
CatalogHandler = Callable[["Catalog", argparse.Namespace], int]
PlainHandler = Callable[[argparse.Namespace], int]


class Commands:
    """The top-level sub-commands of the parser being built."""

    def __init__(
        self, sub: Any, common: OneLineParser, common_without_lang: OneLineParser | None = None
    ) -> None:
        #: argparse's sub-parsers action of the top-level parser (``add_subparsers``).
        self._sub = sub
        self._common = common
        #: The parent of a command with a ``--lang`` of its own (``own_lang=True``): sharing
        #: the common parent and resolving the clash would edit the parent's actions.
        self._common_without_lang = common_without_lang
        self._groups: dict[str, Any] = {}

    def group(self, name: str, help_text: str) -> Any:
        """The sub-command group ``name`` (``items list``, ``export csv``...), made the first
        time it is asked for."""
        if name not in self._groups:
            self._groups[name] = self._sub.add_parser(name, help=help_text).add_subparsers(
                dest="action", metavar="ACTION", required=True
            )
        return self._groups[name]

    def add(
        self,
        name: str,
        handler: CatalogHandler,
        *,
        group: Any = None,
        help: str,
        **options: Any,
    ) -> OneLineParser:
        """Add the command ``name`` (into ``group`` if given, from :meth:`group`) whose
        ``handler(catalog, args)`` runs on the opened catalogue; returns its parser, for
        the command's own arguments."""
        return self._add(name, handler, group, True, help, options)

    def add_plain(
        self,
        name: str,
        handler: PlainHandler,
        *,
        group: Any = None,
        help: str,
        **options: Any,
    ) -> OneLineParser:
        """Like :meth:`add` for a command that runs without opening the catalogue:
        ``handler(args)``."""
        return self._add(name, handler, group, False, help, options)

    def _add(
        self,
        name: str,
        handler: Callable[..., int],
        group: Any,
        opens_catalog: bool,
        help_text: str,
        options: dict[str, Any],
    ) -> OneLineParser:
        where = self._sub if group is None else group
        common = self._common
        if options.pop("own_lang", False):
            assert self._common_without_lang is not None, "Commands made without that parent"
            common = self._common_without_lang
        parser: OneLineParser = where.add_parser(name, parents=[common], help=help_text, **options)
        parser.set_defaults(handler=handler, opens_catalog=opens_catalog)
        return parser


def handler_of(args: argparse.Namespace) -> tuple[Callable[..., int], bool]:
    """The parsed command's handler, and whether it wants the opened catalogue."""
    return args.handler, args.opens_catalog

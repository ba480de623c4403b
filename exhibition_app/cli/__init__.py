"""The command line: scripting, and how the product is checked from outside.

``exhibition_app.__main__`` is the entry point: it parses the global options with
:mod:`~exhibition_app.cli.options` and, when a command is given, runs it through
:mod:`~exhibition_app.cli.main`, which builds the whole parser from the command-group
modules (``items``, ``maps``, ``catalogue``, ``stats``, ``kiosk``, ``admin``, ``csv_files``,
``exchange``, ``sync``). Output, one-line errors, the parser class and the argument types are
in :mod:`~exhibition_app.cli.console`. The package never imports the GUI; it stays empty so
that importing one of its light modules costs nothing.
"""

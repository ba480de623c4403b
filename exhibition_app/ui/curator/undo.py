"""The curator's undo step: an action already applied once, undone and redone by running
the matching operation again on the database worker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class Apply(QUndoCommand):
    """An action already applied once; undo and redo run ``undo_fn`` / ``redo_fn`` again."""

    def __init__(self, text: str, redo_fn: Callable[[], None], undo_fn: Callable[[], None]):
        super().__init__(text)
        self._redo, self._undo = redo_fn, undo_fn
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._redo()

    def undo(self) -> None:
        self._undo()

"""The annotation editor's undo steps: add, move, retitle and delete a place on a map.

Each step's redo and undo run one operation of ``operations.map_editing`` on the database
worker (one transaction each); the editor then redraws from the places that operation hands
back. A place deleted and brought back may get a new id: the steps on that place share a
:class:`PlaceHandle`, so they all follow it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtGui import QUndoCommand

from exhibition_app.errors import Refused
from exhibition_app.operations.map_editing import (
    Places,
    add_place,
    bring_back_place,
    map_places,
    move_place,
    remove_place,
    set_place_texts,
)
from exhibition_app.ui.i18n import tr

if TYPE_CHECKING:
    from exhibition_app.ui.curator.annotation_editor import AnnotationEditor

#: What a step hands back: the place to select afterwards (None: none) and the map's places.
Outcome = tuple[int | None, Places]


class PlaceHandle:
    """A place's id as undo steps see it: a restore may have to give it a new one, and
    every step on that place then follows."""

    def __init__(self, annotation_id: int | None) -> None:
        self.id = annotation_id


class PlaceCommand(QUndoCommand):
    """Runs an operation on the database worker, then refreshes the editor's list."""

    def __init__(self, editor: AnnotationEditor, text: str, handle: PlaceHandle) -> None:
        super().__init__(text)
        self.editor = editor
        assert editor.catalog is not None and editor.item_id is not None
        self.catalog, self.item_id, self.handle = editor.catalog, editor.item_id, handle
        self.tasks = editor.tasks

    def redo(self) -> None:
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Callable[[], Outcome]) -> None:
        if shiboken6.isValid(self.editor):
            self.editor.run_command(step, self.item_id, self.handle)
        elif shiboken6.isValid(self.tasks):  # the editor closed: keep the catalogue in step
            self.tasks.change(lambda _ctx: step(), lambda _result: None, lambda _exc: None)

    def _place_id(self) -> int:
        if self.handle.id is None:  # an earlier step failed to make the place
            raise Refused(tr("AnnotationEditor", "This place no longer exists."))
        return self.handle.id

    def _redo(self) -> Outcome:
        raise NotImplementedError

    def _undo(self) -> Outcome:
        raise NotImplementedError


class AddPlace(PlaceCommand):
    def __init__(self, editor: AnnotationEditor, x: float, y: float) -> None:
        super().__init__(editor, tr("AnnotationEditor", "Add place"), PlaceHandle(None))
        self.x, self.y = x, y
        self.data: dict[str, Any] | None = None  # what the undo took away

    def _redo(self) -> Outcome:
        if self.data is None:
            self.handle.id, places = add_place(self.catalog, self.item_id, self.x, self.y)
        else:
            self.handle.id, places = bring_back_place(self.catalog, self.item_id, self.data)
        return self.handle.id, places

    def _undo(self) -> Outcome:
        if self.handle.id is None:  # the add itself failed: nothing to take away
            return None, map_places(self.catalog, self.item_id)
        self.data, places = remove_place(self.catalog, self.item_id, self.handle.id)
        return None, places


class MovePlace(PlaceCommand):
    def __init__(
        self,
        editor: AnnotationEditor,
        handle: PlaceHandle,
        before: tuple[float, float],
        after: tuple[float, float],
    ) -> None:
        super().__init__(editor, tr("AnnotationEditor", "Move place"), handle)
        self.before, self.after = before, after

    def _redo(self) -> Outcome:
        place = self._place_id()
        return place, move_place(self.catalog, self.item_id, place, *self.after)

    def _undo(self) -> Outcome:
        place = self._place_id()
        return place, move_place(self.catalog, self.item_id, place, *self.before)


class RetitlePlace(PlaceCommand):
    def __init__(
        self,
        editor: AnnotationEditor,
        handle: PlaceHandle,
        text: str,
        before: dict[str, dict[str, str]],
        after: dict[str, dict[str, str]],
    ) -> None:
        super().__init__(editor, text, handle)
        self.before, self.after = before, after

    def _redo(self) -> Outcome:
        place = self._place_id()
        return place, set_place_texts(self.catalog, self.item_id, place, self.after)

    def _undo(self) -> Outcome:
        place = self._place_id()
        return place, set_place_texts(self.catalog, self.item_id, place, self.before)


class DeletePlace(PlaceCommand):
    def __init__(self, editor: AnnotationEditor, handle: PlaceHandle) -> None:
        super().__init__(editor, tr("AnnotationEditor", "Delete place"), handle)
        self.data: dict[str, Any] | None = None

    def _redo(self) -> Outcome:
        self.data, places = remove_place(self.catalog, self.item_id, self._place_id())
        return None, places

    def _undo(self) -> Outcome:
        assert self.data is not None
        self.handle.id, places = bring_back_place(self.catalog, self.item_id, self.data)
        return self.handle.id, places

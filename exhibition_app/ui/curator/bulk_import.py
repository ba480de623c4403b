"""Importing a folder of images with a progress dialog and Cancel: what finished stays
committed, the file in progress is completed or left out whole, nothing is half-written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from exhibition_app.errors import message_of
from exhibition_app.operations.bulk import import_folder
from exhibition_app.ui.curator.notice import notice
from exhibition_app.ui.i18n import tr
from exhibition_app.ui.tasks import OpContext, OpHandle, TaskManager

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog


class BulkImport(QObject):
    """Runs operations.bulk.import_folder on the database worker (``tasks.change``, which
    relays its progress and Cancel); ``finished`` carries its result as a dict (imported,
    refused, near_duplicates, cancelled)."""

    finished = Signal(object)

    def __init__(self, tasks: TaskManager, parent: QWidget) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.parent_widget = parent
        self.dialog: QProgressDialog | None = None
        self._handle: OpHandle | None = None

    def start(self, catalog: Catalog, folder: Path, kind: str, lang: str = "en") -> None:
        dialog = QProgressDialog(
            tr("BulkImport", "Looking for images in %1…").replace("%1", folder.name),
            tr("BulkImport", "Cancel"),
            0,
            0,
            self.parent_widget,
        )
        dialog.setWindowTitle(tr("BulkImport", "Importing a folder"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(480)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.canceled.connect(self.cancel)
        dialog.show()
        self.dialog = dialog

        def work(ctx: OpContext) -> Any:
            return import_folder(
                catalog,
                folder,
                kind=kind,
                lang=lang,
                progress=ctx.progress,
                cancelled=ctx.cancelled,
            )

        self._handle = self.tasks.change(work, self._done, self._failed, progress=self._step)

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def _step(self, done: int, total: int, current: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        # Label first: setValue on a modal progress dialog processes events, and the
        # import may finish (and close the dialog) inside it.
        if current:
            dialog.setLabelText(
                tr("BulkImport", "Importing %1 of %2: %3")
                .replace("%1", str(min(done + 1, total)))
                .replace("%2", str(total))
                .replace("%3", Path(current).name)
            )
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _done(self, result: Any) -> None:
        self._close()
        data = result if isinstance(result, dict) else _as_dict(result)
        self.finished.emit(data)

    def _failed(self, exc: BaseException) -> None:
        message = message_of(exc)
        self._close()
        notice(self.parent_widget, tr("BulkImport", "Import stopped"), message, warning=True)
        self.finished.emit({"imported": [], "refused": [], "error": message})


def _as_dict(result: Any) -> dict[str, Any]:
    names = ("imported", "refused", "near_duplicates", "cancelled")
    return {name: getattr(result, name, None) for name in names}


def summary_text(data: dict[str, Any]) -> str:
    imported = data.get("imported") or []
    refused = data.get("refused") or []
    near = data.get("near_duplicates") or []
    lines = [tr("BulkImport", "Imported: %1").replace("%1", str(len(imported)))]
    if data.get("cancelled"):
        lines.append(tr("BulkImport", "Cancelled: the rest of the folder was not imported."))
    if near:
        lines.append(
            tr("BulkImport", "Look alike an existing picture: %1").replace("%1", str(len(near)))
        )
    if refused:
        lines.append(tr("BulkImport", "Refused: %1").replace("%1", str(len(refused))))
        lines += [f"  {r['file']}: {r['reason']}" for r in refused[:12]]
    return "\n".join(lines)

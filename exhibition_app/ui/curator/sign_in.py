"""Sign-in: the workspace opens only for a curator with an account (``users add NAME``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from exhibition_app.errors import message_of
from exhibition_app.ui.i18n import tr
from exhibition_app.ui.tasks import TaskManager
from exhibition_app.ui.theme import ERROR

#: (name, password) -> the signed-in user's name, or None; runs on the database worker.
Verify = Callable[[str, str], "str | None"]


class SignInDialog(QDialog):
    def __init__(self, tasks: TaskManager, verify: Verify, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.verify = verify
        self.user: str | None = None
        self.setWindowTitle(tr("SignIn", "Sign in to the curator workspace"))
        self.name = QLineEdit()
        self.name.setAccessibleName(tr("SignIn", "Name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(tr("SignIn", "Password"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR};")
        intro = QLabel(
            tr(
                "SignIn",
                "Every change you make is recorded with your name. Accounts are added with "
                "“exhibition-app users add NAME”.",
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("SignIn", "Name"), self.name)
        form.addRow(tr("SignIn", "Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("SignIn", "Sign in"))
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _try(self) -> None:
        name, password = self.name.text().strip(), self.password.text()
        if not name or not password:
            self.message.setText(tr("SignIn", "Enter your name and password."))
            return
        self.buttons.setEnabled(False)
        self.message.setText(tr("SignIn", "Checking…"))
        self.tasks.query(lambda: self.verify(name, password), self._done, self._failed)

    def _done(self, user: str | None) -> None:
        self.buttons.setEnabled(True)
        if user is None:
            self.password.clear()
            self.password.setFocus()
            self.message.setText(tr("SignIn", "That name and password do not match."))
            return
        self.user = user
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(message_of(exc))

"""Dialogs without nested event loops, and the register that hides them on lock and sign-out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class Dialogs(Protocol):
    """What presenters ask of the user; tests inject a fake that answers at once."""

    def confirm(
        self,
        title: str,
        text: str,
        on_yes: Callable[[], None],
        *,
        on_no: Callable[[], None] | None = None,
        default_yes: bool = False,
    ) -> None:
        """Ask a yes/no question; `on_yes` runs only if the user says yes."""
        ...

    def inform(
        self, title: str, text: str, *, error: bool = False, monospace: bool = False
    ) -> None:
        """Show a message the user closes."""
        ...

    def register(self, dialog: QWidget) -> None:
        """Hide this dialog whenever the screen locks or the user signs out."""
        ...

    def hide_all(self) -> None:
        """Hide every registered dialog and close every open question (lock, sign-out)."""
        ...


class QtDialogs(QObject):
    """Window-modal message boxes opened with open(), never exec(): deliveries keep flowing.

    A question defaults to No unless asked otherwise: a stray Enter must not quit the console
    or confirm anything irreversible.
    """

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._parent = parent
        self._dialogs: list[QWidget] = []

    def confirm(
        self,
        title: str,
        text: str,
        on_yes: Callable[[], None],
        *,
        on_no: Callable[[], None] | None = None,
        default_yes: bool = False,
    ) -> None:
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question, title, text, yes | no, self._owner())
        box.setObjectName("confirmBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # questions may quote user text
        box.setDefaultButton(yes if default_yes else no)
        box.setEscapeButton(no)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def done(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is not None and box.standardButton(clicked) == yes:
                on_yes()
            elif on_no is not None:
                on_no()

        box.finished.connect(done)
        self.register(box)
        box.open()

    def inform(
        self, title: str, text: str, *, error: bool = False, monospace: bool = False
    ) -> None:
        icon = QMessageBox.Icon.Critical if error else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._owner())
        box.setObjectName("informBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        if monospace:
            box.setStyleSheet("QLabel { font-family: monospace; }")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.register(box)
        box.open()

    def register(self, dialog: QWidget) -> None:
        self._dialogs = [d for d in self._dialogs if shiboken6.isValid(d)]
        if dialog not in self._dialogs:
            self._dialogs.append(dialog)

    def hide_all(self) -> None:
        for d in self._dialogs:
            if shiboken6.isValid(d) and d.isVisible():
                if isinstance(d, QMessageBox):
                    d.reject()  # an open question is answered No
                else:
                    d.hide()
        self._dialogs = [d for d in self._dialogs if shiboken6.isValid(d)]

    def _owner(self) -> QWidget | None:
        return self._parent if self._parent.isVisible() else None

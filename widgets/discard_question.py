"""The "discard what was typed?" question of a dialog: keep editing is the default."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton


class DiscardQuestion(QObject):
    """Asked when a dialog holding unsaved input is closed by hand; `discard` runs on Discard.

    One box per dialog, made on first use and deleted with the dialog (deleted on close as
    well, it could be deleted twice when the dialog went in the same pass: a crash). A stray
    Enter or Esc keeps the input. `close()` answers "keep editing" (a lock hides the dialog).
    """

    def __init__(
        self,
        dialog: QDialog,
        name: str,
        texts: Callable[[], tuple[str, str, str, str]],  # title, question, discard, keep
        discard: Callable[[], None],
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.name = name
        self.texts = texts
        self.discard = discard
        self.box: QMessageBox | None = None
        self._discard: QPushButton | None = None
        self._keep: QPushButton | None = None

    def ask(self) -> None:
        """Open the question (once at a time)."""
        box, discard, keep = self.box, self._discard, self._keep
        if box is None or discard is None or keep is None:
            box = self.box = QMessageBox(self.dialog)
            box.setObjectName(self.name)
            box.setIcon(QMessageBox.Icon.Question)
            box.setTextFormat(Qt.TextFormat.PlainText)
            discard = self._discard = QPushButton(box)
            keep = self._keep = QPushButton(box)
            box.addButton(discard, QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(keep)
            box.setEscapeButton(keep)
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.finished.connect(self._on_finished)
        elif box.isVisible():
            return
        title, question, discard_text, keep_text = self.texts()
        box.setWindowTitle(title)
        box.setText(question)
        discard.setText(discard_text)
        keep.setText(keep_text)
        box.open()

    def close(self) -> None:
        """The question goes, answered "keep editing" (the dialog is hidden by a lock)."""
        if self.box is not None and self.box.isVisible():
            self.box.reject()

    def visible(self) -> bool:
        return self.box is not None and self.box.isVisible()

    def _on_finished(self, _result: int) -> None:
        if self.box is not None and self.box.clickedButton() is self._discard:
            self.discard()

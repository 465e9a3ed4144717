"""An honest empty state: what the pane is for and why it shows nothing yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class EmptyStateWidget(QWidget):
    """A centred title and explanation; texts are set by the owner (already translated)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self._glyph = QLabel(self)
        self._glyph.setObjectName("emptyGlyph")
        self._title = QLabel(self)
        self._title.setObjectName("emptyTitle")
        self._text = QLabel(self)
        self._text.setObjectName("emptyText")
        self._text.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        for w in (self._glyph, self._title, self._text):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lay.addWidget(w)
        lay.addStretch(2)

    def set_texts(self, glyph: str, title: str, text: str) -> None:
        """Show a glyph (one character), a title and a longer explanation."""
        self._glyph.setText(glyph)
        self._title.setText(title)
        self._text.setText(text)

    def title(self) -> str:
        """The title shown."""
        return self._title.text()

    def text(self) -> str:
        """The explanation shown."""
        return self._text.text()

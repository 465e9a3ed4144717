"""Read-only plain text as tall as its lines, up to a cap, then scrolling inside itself."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QWidget


class GrowingText(QPlainTextEdit):
    """A label-like view of long text (an incident's description).

    A word-wrapped QLabel in a form asks for all its lines; in a dialog of fixed height the
    layout then squeezes it and everything below it (the timeline shrank to its header under
    an eight-line tracking description). This view is as tall as its text up to `max_lines`
    and scrolls beyond that; the text stays selectable and is never read as HTML.
    """

    def __init__(self, parent: QWidget | None = None, *, max_lines: int = 6) -> None:
        super().__init__(parent)
        self._max_lines = max(1, max_lines)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Every line wraps (a long word anywhere), so a sideways scroll bar has nothing to
        # show; Qt drew one over the last line when a line filled the width to the pixel.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # A click gives it the keyboard (arrows scroll, Ctrl+C copies); Tab passes it by.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Styled as a value, not an input box (resources/qss: QPlainTextEdit#growingText).
        self.setObjectName("growingText")
        self.document().setDocumentMargin(0)
        self._fit()

    def setPlainText(self, text: str) -> None:
        if text == self.toPlainText():
            return  # a refresh keeps the reader's scroll position and selection
        super().setPlainText(text)
        self._fit()

    def text(self) -> str:
        """The text shown (QLabel's name for it)."""
        return self.toPlainText()

    def lines_shown(self) -> int:
        """How many wrapped lines the view is tall enough for now."""
        heights = self._line_heights(limit=None)
        room = float(self.height() - self._chrome())
        shown = 0
        for h in heights:
            room -= h
            if room < -1:
                break
            shown += 1
        return max(1, shown)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def _chrome(self) -> int:
        margins = self.contentsMargins()
        return margins.top() + margins.bottom() + 2 * self.frameWidth()

    def _line_heights(self, limit: int | None) -> list[float]:
        # Laid out here rather than read from the document: QPlainTextEdit lays out only the
        # blocks on screen, so a short view would count the rest as one line each. Heights
        # per line, not the font's line spacing: Chinese glyphs come from a fallback font
        # with taller lines than the Latin one.
        width = max(1, self.viewport().width() - 4)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        heights: list[float] = []
        for paragraph in self.toPlainText().split("\n"):
            layout = QTextLayout(paragraph or " ", self.font())
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                heights.append(line.height())
            layout.endLayout()
            if limit is not None and len(heights) >= limit:
                return heights[:limit]
        return heights

    def _fit(self) -> None:
        heights = self._line_heights(limit=self._max_lines) or [self.fontMetrics().height()]
        height = math.ceil(sum(heights)) + self._chrome() + 2
        if height != self.height():
            self.setFixedHeight(height)
            self.updateGeometry()

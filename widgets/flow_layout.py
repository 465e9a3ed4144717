"""A layout that wraps its widgets onto more rows instead of squeezing them (button rows)."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Left to right, then on a new row when the next item would not fit: in a narrow pane a
    button keeps its whole label (a squeezed "暂停(Alt+U)" reads "暂(A"). Qt's flow-layout
    example, typed."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _gap(self, item: QLayoutItem, orientation: Qt.Orientation) -> int:
        if self._spacing >= 0:
            return self._spacing
        widget = item.widget()
        if widget is None:
            return 6
        return widget.style().layoutSpacing(
            QSizePolicy.ControlType.PushButton,
            QSizePolicy.ControlType.PushButton,
            orientation,
        ) or widget.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def _place(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_height = area.x(), area.y(), 0
        row: list[tuple[QLayoutItem, QPoint, QSize]] = []

        def finish_row() -> None:
            # Centred in the row's height: a label sits level with the buttons beside it.
            if move:
                for item, at, hint in row:
                    item.setGeometry(QRect(at + QPoint(0, (row_height - hint.height()) // 2), hint))
            row.clear()

        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            gap_x = self._gap(item, Qt.Orientation.Horizontal)
            gap_y = self._gap(item, Qt.Orientation.Vertical)
            next_x = x + hint.width() + gap_x
            if next_x - gap_x > area.right() + 1 and row_height > 0:
                finish_row()
                x = area.x()
                y += row_height + gap_y
                next_x = x + hint.width() + gap_x
                row_height = 0
            row.append((item, QPoint(x, y), hint))
            x = next_x
            row_height = max(row_height, hint.height())
        finish_row()
        return y + row_height - rect.y() + m.bottom()


def flow_row(*widgets: QWidget) -> QWidget:
    """A widget holding `widgets` in a FlowLayout: a button or filter row that wraps."""
    row = QWidget()
    lay = FlowLayout(row)
    for w in widgets:
        lay.addWidget(w)
    return row

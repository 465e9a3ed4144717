"""The station's day: deliveries, visits and volunteer tasks in its community, and a new order."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.station_today import TodayItem, TodayKind
from widgets.empty_state import EmptyStateWidget
from widgets.order_entry import OrderEntryWidget
from widgets.order_labels import status_text
from widgets.table_model import Column, RowTableModel

# Dark, as the stations panel's quiet rows: the console's theme is dark, and a light row under
# its light text could not be read (the late deliveries, the very lines that need attention).
ATTENTION = QColor("#4a1d1a")


def kind_text(kind: TodayKind) -> str:
    """A line's kind in the UI language."""
    return {
        TodayKind.DELIVERY: QCoreApplication.translate("StationToday", "Delivery"),
        TodayKind.VISIT: QCoreApplication.translate("StationToday", "Visit"),
        TodayKind.TASK: QCoreApplication.translate("StationToday", "Task"),
    }[kind]


def state_text(item: TodayItem) -> str:
    """A line's state in the UI language."""
    if item.kind is TodayKind.DELIVERY:
        return status_text(item.status)
    return {
        "due": QCoreApplication.translate("StationToday", "Due today"),
        "open": QCoreApplication.translate("StationToday", "Open"),
        "assigned": QCoreApplication.translate("StationToday", "Assigned"),
    }.get(item.status, item.status)


def _columns() -> list[Column[TodayItem]]:
    def attention(i: TodayItem) -> QBrush | None:
        return QBrush(ATTENTION) if i.attention else None

    return [
        Column(
            "kind",
            lambda: QCoreApplication.translate("StationToday", "What"),
            lambda i: kind_text(i.kind),
            background=attention,
        ),
        Column(
            "when",
            lambda: QCoreApplication.translate("StationToday", "When"),
            lambda i: i.when or QCoreApplication.translate("StationToday", "today"),
            background=attention,
        ),
        Column(
            "resident",
            lambda: QCoreApplication.translate("StationToday", "Resident"),
            lambda i: i.resident,
            background=attention,
        ),
        Column(
            "who",
            lambda: QCoreApplication.translate("StationToday", "Deliverer / volunteer"),
            lambda i: i.who or QCoreApplication.translate("StationToday", "(nobody yet)"),
            background=attention,
        ),
        Column(
            "state",
            lambda: QCoreApplication.translate("StationToday", "State"),
            state_text,
            background=attention,
        ),
        Column(
            "title",
            lambda: QCoreApplication.translate("StationToday", "Details"),
            lambda i: i.title,
            background=attention,
        ),
    ]


class StationTodayWidget(QWidget):
    """Left: the order entry; right: the day's list. Placing an order hands its draft on
    (`entry.sig_submit`); the list is read again with F5 (the console's Refresh)."""

    sig_refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = OrderEntryWidget()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.refresh = QPushButton()
        self.refresh.clicked.connect(self.sig_refresh_requested)
        self.model: RowTableModel[TodayItem, tuple[str, int]] = RowTableModel(
            _columns(), lambda i: (i.kind.value, i.ref), self
        )
        self.table = QTableView()
        self.table.setObjectName("stationTodayTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = EmptyStateWidget(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.refresh)
        box.addLayout(head)
        box.addWidget(self.stack, 1)
        box.addWidget(self.status)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.entry)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.split)
        self.retranslate()

    def set_items(self, items: Sequence[TodayItem]) -> None:
        """The day's lines, changed in place."""
        self.model.set_rows(items)
        self.stack.setCurrentWidget(self.table if items else self.empty)
        for c in range(self.model.columnCount() - 1):
            self.table.resizeColumnToContents(c)

    def items(self) -> tuple[TodayItem, ...]:
        """The lines shown."""
        return self.model.rows()

    def set_status(self, text: str) -> None:
        """A line under the list: the last order's fate, or why the day could not be read."""
        self.status.setText(text)

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.title.setText(QCoreApplication.translate("StationToday", "Today in this community"))
        self.refresh.setText(QCoreApplication.translate("StationToday", "Refresh (F5)"))
        self.empty.set_texts(
            "☀",
            QCoreApplication.translate("StationToday", "Nothing today"),
            QCoreApplication.translate(
                "StationToday",
                "Deliveries, volunteers' visits and tasks of this community show here.",
            ),
        )
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

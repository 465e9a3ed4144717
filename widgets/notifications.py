"""The notification area: worker errors and system messages, newest first."""

from __future__ import annotations

import enum
from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.timefmt import DEFAULT_ZONE, fmt_local


class Level(enum.IntEnum):
    """How serious a notification is."""

    INFO = 0
    WARNING = 1
    ERROR = 2


_COLOURS = {Level.INFO: "#c7c7cc", Level.WARNING: "#ff9f0a", Level.ERROR: "#ff453a"}
MAX_ITEMS = 500  # bounded: a flapping device must not grow memory through a long shift


class NotificationsWidget(QWidget):
    """A bounded list of notifications with an unread count."""

    sig_unread_changed = Signal(int)  # unread count; GUI thread

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notifications")
        self._zone = zone
        self._unread = 0
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("emptyText")
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear)
        bar = QHBoxLayout()
        bar.addWidget(self.placeholder, 1)
        bar.addWidget(self.clear_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.list, 1)
        self.retranslate()

    def add(self, level: Level, text: str, at: datetime) -> None:
        """Add a notification at the top (GUI thread)."""
        item = QListWidgetItem(f"{fmt_local(at, self._zone)}  {text}")
        item.setForeground(QBrush(QColor(_COLOURS[level])))
        item.setData(0x0100, int(level))
        self.list.insertItem(0, item)
        while self.list.count() > MAX_ITEMS:
            self.list.takeItem(self.list.count() - 1)
        self._unread += 1
        self.sig_unread_changed.emit(self._unread)
        self._update_placeholder()

    def mark_read(self) -> None:
        """The operator has looked: reset the unread count."""
        self._unread = 0
        self.sig_unread_changed.emit(0)

    def clear(self) -> None:
        """Remove every notification."""
        self.list.clear()
        self.mark_read()
        self._update_placeholder()

    def texts(self) -> list[str]:
        """The texts shown, newest first."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    @property
    def unread(self) -> int:
        """Notifications added since the last `mark_read`."""
        return self._unread

    def _update_placeholder(self) -> None:
        self.placeholder.setText(
            self.tr("No messages. Errors of background work appear here.")
            if self.list.count() == 0
            else self.tr("{n} messages").format(n=self.list.count())
        )

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.clear_button.setText(self.tr("Clear"))
        self._update_placeholder()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

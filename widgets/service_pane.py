"""A service's pane: tabs that its presenters fill, retitled on a change of language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class TabbedPane(QWidget):
    """Tabs added by their owners with `add_tab`; each title read again on a language change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self._titles: list[tuple[QWidget, Callable[[], str]]] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tabs)
        # A pane behind others in a shared area must not claim the area's size.
        self.setMinimumSize(QSize(320, 240))

    def sizeHint(self) -> QSize:
        return QSize(480, 320)

    def add_tab(self, widget: QWidget, title: Callable[[], str]) -> int:
        """One more tab at the end; its index."""
        self._titles.append((widget, title))
        return self.tabs.addTab(widget, title())

    def show_tab(self, widget: QWidget) -> None:
        """Bring this tab to the front."""
        self.tabs.setCurrentWidget(widget)

    def retranslate(self) -> None:
        """Every tab's title in the current language."""
        for widget, title in self._titles:
            self.tabs.setTabText(self.tabs.indexOf(widget), title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

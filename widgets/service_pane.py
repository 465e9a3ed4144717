"""A service's pane: tabs that its presenters fill, retitled on a change of language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from widgets.visibility import in_view


class TabbedPane(QWidget):
    """Tabs added by their owners with `add_tab`; each title read again on a language change.

    `sig_shown` fires each time the pane comes into view (a dock's tab brought forward, or a
    station screen's tab chosen), so that an owner may read only while it can be seen
    (`in_view`). A dock tabbed behind another is never hidden, so no show event says when it
    comes forward: the main window calls `announce` for the panes in a dock that did.
    """

    sig_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self._titles: list[tuple[QWidget, Callable[[], str]]] = []
        self._host: tuple[QTabWidget, Callable[[], str]] | None = None
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

    def place_in(self, host: QTabWidget, title: Callable[[], str]) -> None:
        """Be a tab of another tab widget (a community station's screen), titled by `title`."""
        self._host = (host, title)
        host.addTab(self, title())

    def retranslate(self) -> None:
        """Every tab's title in the current language, and the pane's own as a hosted tab."""
        for widget, title in self._titles:
            self.tabs.setTabText(self.tabs.indexOf(widget), title())
        if self._host is not None:
            host, title = self._host
            host.setTabText(host.indexOf(self), title())

    def announce(self) -> None:
        """Say `sig_shown` if the pane can be seen now (its dock came forward, or unlocked)."""
        if in_view(self):
            self.sig_shown.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Later, not now: in the middle of the window's show at sign-in the presenters do
        # not know the user yet; they read once the sign-in has been handled.
        QTimer.singleShot(0, self, self.announce)  # dropped if the pane is deleted first

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

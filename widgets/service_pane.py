"""A service's pane: tabs that its presenters fill, retitled on a change of language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDockWidget, QTabWidget, QVBoxLayout, QWidget

from widgets.visibility import in_view


class TabbedPane(QWidget):
    """Tabs added by their owners with `add_tab`; each title read again on a language change.

    `sig_shown` fires each time the pane comes into view (a dock's tab brought forward, or a
    station screen's tab chosen), so that an owner may read only while it can be seen
    (`in_view`). A pane in a dock must be told its dock (`follow_dock`): a dock tabbed
    behind another is never hidden, so no show event says when it comes forward.
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

    def follow_dock(self, dock: QDockWidget) -> None:
        """Say `sig_shown` when `dock` comes forward in its tab group."""
        # Queued: the dock says so in the middle of the window's show, before the presenters
        # know who signed in; they read once the sign-in has been handled.
        dock.visibilityChanged.connect(self._on_dock_visibility, Qt.ConnectionType.QueuedConnection)

    @Slot(bool)
    def _on_dock_visibility(self, visible: bool) -> None:
        if visible and in_view(self):
            self.sig_shown.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if in_view(self):
            self.sig_shown.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

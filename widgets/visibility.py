"""Whether a widget can be seen now: shown, and not behind another tab of a dock area."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def in_view(widget: QWidget) -> bool:
    """True when some of `widget` can be seen (another application's window over it counts
    as seen; a minimised window too, which callers that care check apart).

    A dock tabbed behind another keeps `isVisible()` True in Qt 6 (its widget is never
    hidden); only its visible region is empty, and `QDockWidget.visibilityChanged` says
    when that changes. A page behind another tab of a `QTabWidget` is hidden outright.
    """
    return widget.isVisible() and not widget.visibleRegion().isEmpty()

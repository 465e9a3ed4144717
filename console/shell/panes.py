"""Pane specs: what a capability hands the main window to get a dock of its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtWidgets import QWidget

from core.permissions import Permission


class Area(Enum):
    """Where a pane sits in the default layout; panes of one area share it."""

    TOP_LEFT = "top_left"  # the largest: the incident queue, where the operator's eyes rest
    TOP_RIGHT = "top_right"  # the video wall and the map, tabbed
    BOTTOM_LEFT = "bottom_left"  # calls
    BOTTOM_RIGHT = "bottom_right"  # devices and notifications, tabbed


@dataclass(frozen=True)
class PaneSpec:
    """A dockable pane: its widget, its title (read at call time, so translated), its key.

    `order` sorts panes in the View menu and the toolbar and picks which pane of a shared
    area is in front in the default layout (the lowest).
    """

    name: str
    title: Callable[[], str]
    widget: QWidget
    area: Area
    order: int
    shortcut: str = ""
    front: bool = False  # in front of its tab group in the default layout
    # A role without it has no use for the pane (a counsellor and the video wall): the pane,
    # its button, its View-menu entry and its key are not offered.
    permission: Permission | None = None

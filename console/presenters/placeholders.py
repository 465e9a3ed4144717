"""Panes whose capabilities have not arrived yet: an honest empty state in their place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from console.presenters.base import Presenter, PresenterContext
from console.shell.panes import Area, PaneSpec
from widgets.empty_state import EmptyStateWidget


class PlaceholderPane(EmptyStateWidget):
    """An empty state whose texts are read again on every language change."""

    def __init__(self, texts: Callable[[], tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self._texts = texts
        self.set_texts(*texts())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.set_texts(*self._texts())
        super().changeEvent(event)


class PlaceholdersPresenter(Presenter):
    """The video wall pane until its capability replaces this presenter."""

    name = "placeholders"

    def __init__(self, ctx: PresenterContext):
        super().__init__(ctx)
        self.video = PlaceholderPane(self._video_texts)
        w = ctx.window
        w.add_pane(
            PaneSpec(
                "video",
                lambda: self.tr("Video wall"),
                self.video,
                Area.TOP_RIGHT,
                10,
                "Ctrl+1",
                front=True,
            )
        )

    def _video_texts(self) -> tuple[str, str, str]:
        return (
            "▦",
            self.tr("Video wall not connected yet"),
            self.tr(
                "The cameras are configured in the site file. Live view, recording and "
                "evidence export come with the video module."
            ),
        )

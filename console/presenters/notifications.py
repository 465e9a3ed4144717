"""The notification area: messages of background work, with an unread badge."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QToolButton, QWidget

from console.presenters.base import Presenter, PresenterContext
from console.shell.panes import Area, PaneSpec
from core.events import UnhandledError, WorkerFailed
from core.timefmt import utcnow
from widgets.notifications import Level, NotificationsWidget

FEED_WORKER = "db-changes"  # its outages arrive as DatabaseHealth, said once and translated


class UnreadBadge(QToolButton):
    """'3 new' in the status bar; hidden when nothing is unread."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notificationBadge")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._n = 0
        self.hide()

    def set_unread(self, n: int) -> None:
        """Show the count, or hide at zero."""
        self._n = n
        self.setText(self.tr("{n} new").format(n=n))
        self.setVisible(n > 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.set_unread(self._n)
        super().changeEvent(event)


class NotificationsPresenter(Presenter):
    """Collects what goes wrong in the background; every other presenter notifies through it."""

    name = "notifications"

    def __init__(self, ctx: PresenterContext):
        super().__init__(ctx)
        self.pane = NotificationsWidget(ctx.zone)
        self.badge = UnreadBadge()
        ctx.window.add_pane(
            PaneSpec(
                "notifications",
                lambda: self.tr("Notifications"),
                self.pane,
                Area.BOTTOM_RIGHT,
                order=60,
                shortcut="Ctrl+6",
            )
        )
        ctx.window.add_status_widget(self.badge, permanent=True)
        self.pane.sig_unread_changed.connect(self.badge.set_unread)
        self.badge.clicked.connect(self._on_badge_clicked)
        ctx.feedback.set_notifier(self.notify)
        ctx.bridge.subscribe(WorkerFailed, self._on_worker_failed)
        ctx.bridge.subscribe(UnhandledError, self._on_unhandled_error)

    def signed_out(self) -> None:
        # The next user of the workstation is someone else: the messages named the last one's
        # incidents and residents (a supervisor's were left for the operator after it).
        self.pane.clear()

    def notify(self, level: Level, text: str, at: datetime | None = None) -> None:
        """Add a message to the notification area."""
        self.pane.add(level, text, at or utcnow())

    def _on_worker_failed(self, ev: WorkerFailed) -> None:
        if ev.worker == FEED_WORKER:
            return
        self.notify(Level.ERROR, f"{ev.worker}: {ev.message}", ev.at)

    def _on_unhandled_error(self, ev: UnhandledError) -> None:
        text = self.tr("Internal error in {where}: {message} (details in the log)").format(
            where=ev.where, message=ev.message
        )
        self.notify(Level.ERROR, text, ev.at)

    def _on_badge_clicked(self) -> None:
        self.ctx.window.show_pane("notifications")
        self.pane.mark_read()

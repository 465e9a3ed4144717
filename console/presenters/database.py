"""The database's health: the status bar's database line, and a reload when it comes back."""

from __future__ import annotations

from console.presenters.base import Presenter, PresenterContext
from core.events import DatabaseHealth
from widgets.notifications import Level


class DatabasePresenter(Presenter):
    """Says once when the shared database goes away and once when it is back."""

    name = "database"

    def __init__(self, ctx: PresenterContext, label: str):
        super().__init__(ctx)
        self.label = label
        ctx.window.set_database(label, True)
        ctx.bridge.subscribe(DatabaseHealth, self._on_health_changed)

    def _on_health_changed(self, h: DatabaseHealth) -> None:
        self.ctx.window.set_database(self.label, h.ok, h.detail)
        if h.ok:
            self.ctx.feedback.notify(Level.INFO, self.tr("Database connection restored."), h.at)
            self.ctx.reload_all()  # what changed meanwhile was not seen
        else:
            self.ctx.feedback.notify(
                Level.ERROR, self.tr("Database not reachable: {d}").format(d=h.detail), h.at
            )

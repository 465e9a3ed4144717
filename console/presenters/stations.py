"""The control room's stations list: which community stations are offline, and since when."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QTimer

from console.presenters.base import Presenter, PresenterContext
from console.shell.panes import Area, PaneSpec
from core.events import ChangesAvailable
from core.permissions import PermissionDenied, Principal
from core.station import StationSeen
from widgets.stations_panel import StationsPanel

log = logging.getLogger(__name__)

REFRESH_MS = 15_000  # a station goes offline by silence: no change row says so, the clock does


class StationsPresenter(Presenter):
    """Owns the stations pane; re-reads on a timer and when a station comes back."""

    name = "stations"
    watches = frozenset({"station_heartbeat"})

    def __init__(
        self,
        ctx: PresenterContext,
        stations: Callable[[Principal], list[StationSeen]],
        community_names: dict[str, str],
        *,
        refresh_ms: int = REFRESH_MS,
    ):
        super().__init__(ctx)
        self._stations = stations
        self.pane = StationsPanel(ctx.zone)
        self.pane.set_community_names(community_names)
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.reload)
        ctx.window.add_pane(
            PaneSpec(
                "stations",
                lambda: self.tr("Stations"),
                self.pane,
                Area.BOTTOM_RIGHT,  # with devices: another thing that is up or down
                order=92,
            )
        )

    def signed_in(self, who: Principal) -> None:
        self._timer.start()
        self.reload()

    def signed_out(self) -> None:
        self._timer.stop()
        self.pane.clear()

    def on_changes(self, changes: ChangesAvailable) -> None:
        self.reload()

    def shutdown(self) -> None:
        self._timer.stop()

    def reload(self) -> None:
        who = self.who
        if who is None or self._loading:
            return
        self._loading = True
        stations = self._stations

        def loaded(rows: list[StationSeen]) -> None:
            self._loading = False
            if self.who == who:
                self.pane.set_stations(rows)

        def failed(exc: BaseException) -> None:
            self._loading = False
            if isinstance(exc, PermissionDenied):
                self.pane.clear()
            elif self.who == who:
                self.ctx.feedback.report(exc, self.tr("Could not read the stations"))

        self.ctx.jobs.read(lambda: stations(who), loaded, failed, "stations")

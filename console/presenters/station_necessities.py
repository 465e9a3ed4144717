"""A station's orders for residents (via its outbox), its day's deliveries and visits, check-in."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QTabWidget

from console.checkin_desk import CheckinDesk
from console.presenters.base import Presenter, PresenterContext
from core.events import ChangesAvailable
from core.orders import OrderDraft, OrderEntryData, ResidentChoice
from core.permissions import Permission, Principal
from core.station import StationDesk, StationOrder
from core.station_today import TodayItem, today_items
from core.timefmt import local, utcnow
from widgets.station_today import StationTodayWidget
from widgets.volunteer_hours import CheckinPanel

log = logging.getLogger(__name__)

TABLES = frozenset(
    {
        "necessity_order",
        "delivery_event",
        "volunteer_task",
        "volunteer_pairing",
        "volunteer_attendance",
    }
)


@dataclass(frozen=True)
class _Day:
    day: date
    items: list[TodayItem]


class StationNecessitiesPresenter(Presenter):
    """Owns the station screen's "Orders and visits" and "Volunteer check-in" tabs.

    An order placed here goes to the station's desk (the local outbox) like a request, so it
    is kept while the link is down and placed once when it is back: its client UUID makes a
    resend, or the same order entered again, one order. The station's outbox tab shows what
    became of it (placed, or refused with the reason: a window filled meanwhile). Check-in
    needs the shared database (a code's single use is checked there) and this PC's key folder.
    """

    name = "station_necessities"
    watches = TABLES

    def __init__(
        self,
        ctx: PresenterContext,
        desk: StationDesk,
        tabs: QTabWidget,
        *,
        workstation: str,
        community: str,
        community_name: str = "",
        clock: Callable[[], datetime] = utcnow,
    ):
        super().__init__(ctx)
        self.desk = desk
        self.workstation = workstation
        self.community = community
        self.community_name = community_name or community
        self.clock = clock
        self.widget = StationTodayWidget()
        self.tabs = tabs
        self.tab_index = tabs.addTab(self.widget, "")
        self.checkin = CheckinPanel(ctx.zone)
        self.checkin_index = tabs.addTab(self.checkin, "")
        self.desk_checkin = CheckinDesk(self, self.checkin, self.reload, at_station=True)
        entry = self.widget.entry
        entry.sig_search.connect(self._on_search)
        entry.sig_resident.connect(self._on_resident)
        entry.sig_submit.connect(self._on_submit)
        self.widget.sig_refresh_requested.connect(self.reload)
        self.widget.installEventFilter(self)  # its tab's title follows the language
        self._retitle()

    # --- lifecycle --------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        self._retitle()
        can = who.can(Permission.PLACE_ORDERS, self.community)
        self.widget.entry.setEnabled(can)
        self.checkin.setEnabled(who.can(Permission.MANAGE_VOLUNTEERS, self.community))
        self.desk_checkin.set_places([(self.community, self.community_name)])
        self.reload()

    def signed_out(self) -> None:
        self.desk_checkin.clear()
        self.widget.entry.clear()
        self.widget.set_items([])
        self.widget.set_status("")

    def locked(self) -> None:
        self.desk_checkin.hide_code()

    def unlocked(self) -> None:
        self.desk_checkin.fetch_code()

    def shutdown(self) -> None:
        self.desk_checkin.stop()

    def on_changes(self, changes: ChangesAvailable) -> None:
        self.reload()

    def reload(self) -> None:
        who = self.who
        if who is None:
            return
        svc, community, zone = self.ctx.services, self.community, self.ctx.zone
        day = local(self.clock(), zone).date()

        def read() -> _Day:
            deliveries = [d for d in svc.orders.board(who, day) if d.community == community]
            tasks = svc.volunteers.tasks(who, community)
            pairings = svc.volunteers.pairings(who, community)
            due = {t.id: local(t.due_at, zone) for t in tasks if t.due_at is not None}
            return _Day(day, today_items(deliveries, tasks, pairings, day, due))

        self.read_for(
            who, read, self._on_day, self.tr("Could not read today's deliveries and visits")
        )

    def _on_day(self, day: _Day) -> None:
        self.widget.set_items(day.items)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.LanguageChange:
            self._retitle()
        return False

    def _retitle(self) -> None:
        self.tabs.setTabText(self.tab_index, self.tr("Orders and visits"))
        self.tabs.setTabText(self.checkin_index, self.tr("Volunteer check-in"))

    # --- the order entry --------------------------------------------------------------------
    @Slot(str)
    def _on_search(self, text: str) -> None:
        who = self.who
        if who is None:
            return
        orders = self.ctx.services.orders
        self.read_for(
            who,
            lambda: orders.find_residents(who, text),
            self._on_results,
            self.tr("Could not search the residents"),
        )

    def _on_results(self, rows: list[ResidentChoice]) -> None:
        # A station orders for its own community's residents only.
        self.widget.entry.set_results([r for r in rows if r.community == self.community])

    @Slot(int)
    def _on_resident(self, resident_id: int) -> None:
        who = self.who
        if who is None:
            return
        orders = self.ctx.services.orders
        self.read_for(
            who,
            lambda: orders.entry_data(who, resident_id),
            self._on_entry,
            self.tr("Could not read what this resident can order"),
        )

    def _on_entry(self, data: OrderEntryData) -> None:
        self.widget.entry.set_entry(data)

    @Slot(object)
    def _on_submit(self, draft: OrderDraft) -> None:
        """Into the outbox on the GUI thread (a local file, quick); sent from there."""
        try:
            self.desk.submit_order(
                StationOrder(self.workstation, self.community, self.clock(), draft)
            )
        except Exception as exc:  # the local outbox file itself failed: nothing was kept
            self.ctx.feedback.report(exc, self.tr("Could not keep the order"))
            return
        self.widget.entry.clear()
        self.widget.set_status(
            self.tr("The order is kept and is being sent; the outbox tab shows when it is placed.")
        )
        self.widget.entry.focus_search()

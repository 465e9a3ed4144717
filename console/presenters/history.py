"""The History view of the incident queue: search every incident, filters remembered per user."""

from __future__ import annotations

import logging

from PySide6.QtCore import Slot

from console.presenters.base import Presenter, PresenterContext
from core.events import ChangesAvailable
from core.history import HistoryQuery
from core.incidents import QueueView
from core.permissions import Principal
from core.views import CommunityRow, IncidentRow, IncidentTypeRow
from data.services.history import HistoryPage
from widgets.incident_history import FindKeyFilter, HistorySearchWidget
from widgets.incident_queue import IncidentQueueWidget

log = logging.getLogger(__name__)

PAGE = 200  # incidents read at a time; more as the operator scrolls
QUERY_PREF = "history_query"  # the last search, per user on this workstation (JSON)


def _newest_first(rows: list[IncidentRow]) -> list[IncidentRow]:
    return sorted(rows, key=lambda r: r.id, reverse=True)


class HistoryPresenter(Presenter):
    """Fills the queue pane's History page; the incident window stays the queue's."""

    name = "incident_history"
    watches = frozenset({"incident"})

    def __init__(self, ctx: PresenterContext):
        super().__init__(ctx)
        queue = ctx.window.pane("incidents")
        if not isinstance(queue, IncidentQueueWidget):
            raise TypeError("the History needs the incident queue pane")
        self.queue = queue
        self.widget = HistorySearchWidget(ctx.zone)
        queue.set_history(self.widget)
        # The incident window belongs to the queue's presenter: an activated row is passed on.
        self.widget.sig_incident_activated.connect(queue.sig_incident_activated)
        self.widget.sig_search_requested.connect(self._on_search_requested)
        self.widget.model.sig_more_requested.connect(self._on_more_requested)
        queue.sig_view_changed.connect(self._on_view_changed)
        self.find_keys = FindKeyFilter(self)
        self.find_keys.sig_find_requested.connect(self._on_find_requested)
        queue.installEventFilter(self.find_keys)
        self._more = False
        self._searching = False
        self._search_again = False
        self._loaded_choices = False

    @property
    def shown(self) -> bool:
        """True while the queue pane shows the History."""
        return self.queue.view is QueueView.HISTORY

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        saved = self.ctx.prefs.preference(who.username, QUERY_PREF, "")
        self.widget.set_query(HistoryQuery.from_json(saved))
        self._loaded_choices = False
        self.reload()

    def signed_out(self) -> None:
        self.widget.set_query(HistoryQuery())
        self.widget.set_choices([], [])
        self.widget.show_result(HistoryQuery(), [], 0, False, False)
        self._more = False
        self._loaded_choices = False

    def reload(self) -> None:
        """The filters' choices, then the search shown (only while the History is chosen)."""
        who = self.who
        if who is None:
            return
        if not self._loaded_choices:
            services = self.ctx.services

            def choices() -> tuple[list[CommunityRow], list[IncidentTypeRow]]:
                return services.site.communities(who), services.incidents.types(who)

            self.read_for(
                who,
                choices,
                self._on_choices_loaded,
                self.tr("Could not load the incident history"),
                "history_choices",
            )
        if self.shown:
            self.search(self.widget.query(), keep=max(PAGE, len(self.widget.rows())))

    def _on_choices_loaded(self, result: tuple[list[CommunityRow], list[IncidentTypeRow]]) -> None:
        self._loaded_choices = True
        self.widget.set_choices(*result)

    def on_changes(self, changes: ChangesAvailable) -> None:
        if "community" in changes.tables:
            self._loaded_choices = False
        if not self.shown:
            return  # read afresh when the History is chosen again
        ids = changes.ids("incident")
        if ids is None:
            self.reload()
            return
        who, q = self.who, self.widget.asked
        if who is None or not ids:
            return
        history, zone = self.ctx.services.history, self.ctx.zone

        def job() -> tuple[list[IncidentRow], HistoryPage]:
            # limit=0: only the count, which the change may have moved.
            return (
                history.matching(who, q, ids, zone),
                history.search(who, q, limit=0, zone=zone),
            )

        self.read_for(
            who,
            job,
            lambda result: self._merge(q, ids, *result),
            self.tr("Could not load the incident history"),
            "history_rows",
        )

    def _merge(
        self, q: HistoryQuery, ids: frozenset[int], fresh: list[IncidentRow], counted: HistoryPage
    ) -> None:
        if q != self.widget.asked:
            return  # another search replaced these rows meanwhile
        shown = self.widget.rows()
        if self._more and shown:
            # Only the loaded window is shown: an older row belongs to a page not read yet.
            fresh = [r for r in fresh if r.id >= shown[-1].id]
        kept = [r for r in shown if r.id not in ids]
        self.widget.set_rows(_newest_first([*kept, *fresh]), counted.count)

    # --- searching --------------------------------------------------------------------------
    def search(self, q: HistoryQuery, keep: int = PAGE) -> None:
        """Run a search (its first `keep` rows); calls while one runs coalesce to the last."""
        who = self.who
        if who is None:
            return
        if self._searching:
            self._search_again = True
            return
        self._searching = True
        history, zone = self.ctx.services.history, self.ctx.zone
        self.ctx.jobs.read(
            lambda: history.search(who, q, limit=keep, zone=zone),
            lambda page: self._on_searched(who, q, page),
            lambda exc: self._on_search_failed(who, exc),
            "history_search",
        )

    def _on_searched(self, who: Principal, q: HistoryQuery, page: HistoryPage) -> None:
        self._searching = False
        if self.who == who:
            self._more = page.more
            self.widget.show_result(q, page.rows, page.count, page.capped, page.more)
            if page.number is not None and page.rows:
                # A number typed into the search goes straight to that incident.
                self.queue.sig_incident_activated.emit(page.number)
        self._search_if_asked()

    def _on_search_failed(self, who: Principal, exc: BaseException) -> None:
        self._searching = False
        if self.who == who:
            self.ctx.feedback.report(exc, self.tr("Could not search the incident history"))
        self._search_if_asked()

    def _search_if_asked(self) -> None:
        if self._search_again:
            self._search_again = False
            if self.shown:
                self.search(self.widget.query())

    @Slot(object)
    def _on_search_requested(self, q: HistoryQuery) -> None:
        who = self.who
        if who is None:
            return
        self.ctx.prefs.set_preference(who.username, QUERY_PREF, q.to_json())
        if not self.shown:
            self.queue.set_view(QueueView.HISTORY)  # that change searches
            return
        self.search(q)

    def _on_more_requested(self) -> None:
        """The operator scrolled to the last row: the next page (keyset on the number)."""
        who, rows, q = self.who, self.widget.rows(), self.widget.asked
        if who is None or not rows or not self._more:
            self.widget.set_more(self._more)
            return
        after = rows[-1].id
        history, zone = self.ctx.services.history, self.ctx.zone
        self.read_for(
            who,
            lambda: history.search(who, q, after=after, limit=PAGE, zone=zone),
            lambda page: self._on_more_loaded(q, page),
            self.tr("Could not load the incident history"),
            "history_page",
        )

    def _on_more_loaded(self, q: HistoryQuery, page: HistoryPage) -> None:
        if q != self.widget.asked:
            return
        known = {r.id for r in self.widget.rows()}
        self._more = page.more
        self.widget.set_rows(
            _newest_first([*self.widget.rows(), *(r for r in page.rows if r.id not in known)])
        )
        self.widget.set_more(page.more)

    @Slot(str)
    def _on_view_changed(self, view: str) -> None:
        if view == QueueView.HISTORY.value:
            self.reload()

    def _on_find_requested(self) -> None:
        """Ctrl+F in the queue pane: the History's search field, ready to type."""
        if self.who is None:
            return
        self.queue.set_view(QueueView.HISTORY)
        self.widget.focus_search()

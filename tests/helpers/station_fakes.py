"""An in-memory StationDesk for the station screen's tests: submissions kept, states set by hand."""

from __future__ import annotations

import threading
import uuid as uuid_mod
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from core.station import (
    EntryKind,
    IncidentNote,
    LinkState,
    OutboxItem,
    PanicPress,
    ResidentRequest,
    SendState,
    StationLink,
    StationOrder,
    StationSurvey,
)
from core.timefmt import utcnow


@dataclass(frozen=True)
class Decision:
    """A person's decision on a conflict, as the desk received it."""

    uuid: str
    apply_anyway: bool


class MemoryDesk:
    """A core.station.StationDesk that keeps everything in memory (any thread, under a lock).

    Submissions are kept WAITING; a test moves them on with `settle` and the link with
    `set_link`, as the outbox's sender would. `changed` is called after every change, like the
    outbox desk's hook.
    """

    def __init__(self, clock: Callable[[], datetime] = utcnow):
        self._lock = threading.Lock()
        self._clock = clock
        self._items: dict[str, OutboxItem] = {}
        self._link = StationLink(LinkState.ONLINE, clock())
        self.panics: list[PanicPress] = []
        self.requests: list[ResidentRequest] = []
        self.notes: list[IncidentNote] = []
        self.surveys: list[StationSurvey] = []
        self.orders: list[StationOrder] = []
        self.decisions: list[Decision] = []
        self.changed: Callable[[], None] | None = None

    # --- StationDesk ------------------------------------------------------------------------
    def submit_panic(self, press: PanicPress) -> OutboxItem:
        with self._lock:
            self.panics.append(press)
        return self._add(EntryKind.PANIC, f"panic at {press.workstation}")

    def submit_request(self, request: ResidentRequest) -> OutboxItem:
        with self._lock:
            self.requests.append(request)
        return self._add(EntryKind.REQUEST, f"{request.target.value}: {request.category}")

    def submit_note(self, note: IncidentNote) -> OutboxItem:
        with self._lock:
            self.notes.append(note)
        return self._add(EntryKind.NOTE, f"note on incident {note.incident_id}")

    def submit_survey(self, survey: StationSurvey) -> OutboxItem:
        with self._lock:
            self.surveys.append(survey)
        return self._add(EntryKind.SURVEY, f"survey response, round {survey.submission.round_code}")

    def submit_order(self, order: StationOrder) -> OutboxItem:
        with self._lock:
            self.orders.append(order)
        return self._add(EntryKind.ORDER, f"order, {len(order.draft.lines)} lines")

    def items(self) -> list[OutboxItem]:
        with self._lock:
            return list(self._items.values())

    def link(self) -> StationLink:
        with self._lock:
            waiting = sum(1 for i in self._items.values() if i.state is SendState.WAITING)
            return replace(self._link, waiting=waiting)

    # --- the outbox desk's extras -----------------------------------------------------------
    def decide(self, uuid: str, apply_anyway: bool) -> OutboxItem:
        """A conflict decided: applied (SENT) or DISCARDED."""
        with self._lock:
            self.decisions.append(Decision(uuid, apply_anyway))
            item = self._items[uuid]
            state = SendState.SENT if apply_anyway else SendState.DISCARDED
            self._items[uuid] = replace(item, state=state)
            result = self._items[uuid]
        self._notify()
        return result

    # --- for tests --------------------------------------------------------------------------
    def settle(self, uuid: str, state: SendState, server_ref: str = "", detail: str = "") -> None:
        """Move an entry on, as the sender would."""
        with self._lock:
            item = self._items[uuid]
            self._items[uuid] = replace(
                item, state=state, server_ref=server_ref, detail=detail, attempts=item.attempts + 1
            )
        self._notify()

    def add_item(self, item: OutboxItem) -> None:
        """Put an entry in as it is (a conflict from an earlier run, say)."""
        with self._lock:
            self._items[item.uuid] = item
        self._notify()

    def set_link(self, link: StationLink) -> None:
        """The link as the sender found it."""
        with self._lock:
            self._link = link
        self._notify()

    def _add(self, kind: EntryKind, summary: str) -> OutboxItem:
        item = OutboxItem(str(uuid_mod.uuid4()), kind, summary, self._clock(), SendState.WAITING)
        with self._lock:
            self._items[item.uuid] = item
        self._notify()
        return item

    def _notify(self) -> None:
        hook = self.changed
        if hook is not None:
            hook()

"""A thread-safe event sink and ingest stand-in for adapter tests: records and waits."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from core.tracking import GpsFix, LinkState, TagRead

T = TypeVar("T")
_NONE_YET = LinkState(device="", online=False, detail="(nothing published yet)", at=datetime.min)


class Collector:
    """Records what adapters publish (`publish`) and hand to ingest (`accept`), from any thread.

    `wait_for(predicate)` blocks until the predicate over the collector holds (a condition
    variable, no polling sleep), and fails the test with what was seen if it never does.
    `refuse_next` makes `accept` return False that many times (ingest is full).
    """

    def __init__(self) -> None:
        self.events: list[object] = []
        self.items: list[TagRead | GpsFix] = []
        self.refuse_next = 0
        self.refused = 0
        self._cond = threading.Condition()

    def publish(self, event: object) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def accept(self, item: TagRead | GpsFix) -> bool:
        with self._cond:
            if self.refuse_next > 0:
                self.refuse_next -= 1
                self.refused += 1
                return False
            self.items.append(item)
            self._cond.notify_all()
            return True

    @property
    def reads(self) -> list[TagRead]:
        with self._cond:
            return [i for i in self.items if isinstance(i, TagRead)]

    @property
    def states(self) -> list[LinkState]:
        with self._cond:
            return [e for e in self.events if isinstance(e, LinkState)]

    @property
    def last(self) -> LinkState:
        """The last LinkState published, or an offline placeholder before the first."""
        states = self.states
        return states[-1] if states else _NONE_YET

    def of_type(self, kind: type[T]) -> list[T]:
        with self._cond:
            return [e for e in self.events if isinstance(e, kind)]

    def wait_for(self, predicate: Callable[[Collector], bool], timeout: float = 10.0) -> None:
        """Block until `predicate(self)` is true; AssertionError after `timeout` seconds."""
        with self._cond:
            ok = self._cond.wait_for(lambda: predicate(self), timeout)
        if not ok:
            raise AssertionError(
                f"timed out; states: {[(s.online, s.detail) for s in self.states][-8:]}, "
                f"items: {len(self.items)}"
            )

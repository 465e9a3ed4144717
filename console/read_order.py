"""Results of reads handed over in the order the reads were asked for, per kind of read."""

from __future__ import annotations

from collections.abc import Callable


class InOrder:
    """Holds back a result until every earlier read of its kind has been handed over.

    The reader pool has two threads, so a read asked for later can finish first. Applied as
    they came, an older list (read for an earlier change) overwrote a newer one: an unlocked
    account showed as locked again, a device's earlier state replaced its later one. In
    request order, the newest read is always applied last. A read that fails takes its
    turn too (its error is reported in its place). GUI thread only.
    """

    __slots__ = ("_issued", "_next", "_ready")

    def __init__(self) -> None:
        self._issued = 0
        self._next = 1
        self._ready: dict[int, Callable[[], None]] = {}

    def ticket(self) -> int:
        """The number of a read about to be asked for."""
        self._issued += 1
        return self._issued

    @property
    def waiting(self) -> int:
        """Results finished but held back for an earlier read."""
        return len(self._ready)

    def settle(self, ticket: int, action: Callable[[], None]) -> None:
        """Read `ticket` has finished: run `action` in its turn, and every later one that was
        waiting for it. An action that raises does not hold up the ones after it; the first
        error is raised again once they have run."""
        self._ready[ticket] = action
        error: BaseException | None = None
        while self._next in self._ready:
            run = self._ready.pop(self._next)
            self._next += 1
            try:
                run()
            except Exception as exc:  # raised again below, after the rest
                if error is None:
                    error = exc
        if error is not None:
            raise error

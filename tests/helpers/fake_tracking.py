"""A fake tracking service for the map's tests: rows in memory, every call recorded."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from core.permissions import Principal
from core.personal import ResidentCard
from core.tracking import TagPositionRow, TrackPoint

T0 = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


def tag_row(
    i: int,
    x: float,
    y: float,
    *,
    kind: str = "person",
    state: str = "ok",
    label: str = "",
    at: datetime = T0,
) -> TagPositionRow:
    """A tag position row with defaults that read well in assertions."""
    return TagPositionRow(
        id=i,
        tag=f"E2{i:08X}",
        kind=kind,
        label=label or (f"津A{i:05d}" if kind == "vehicle" else f"张{i}"),
        community="C01",
        zone=None,
        x=x,
        y=y,
        at=at,
        state=state,
    )


class FakeTracking:
    """The reads of TrackingService (data/services/tracking.py); thread-safe for the reader pool."""

    def __init__(self, rows: Sequence[TagPositionRow] = ()):
        self._lock = threading.Lock()
        self.rows: dict[int, TagPositionRow] = {r.id: r for r in rows}
        self.calls: list[tuple[str, object]] = []
        self.trails: dict[int, list[TrackPoint]] = {}
        self.cards: dict[int, ResidentCard] = {}

    def _log(self, name: str, arg: object) -> None:
        with self._lock:
            self.calls.append((name, arg))

    def calls_of(self, name: str) -> list[object]:
        """The arguments of every call of `name`, in order."""
        with self._lock:
            return [a for n, a in self.calls if n == name]

    def move(self, i: int, x: float, y: float, **changes: object) -> None:
        """A tag moved (as ingest would write it)."""
        with self._lock:
            self.rows[i] = dataclasses.replace(self.rows[i], x=x, y=y, **changes)  # type: ignore[arg-type]

    def positions(self, who: Principal) -> list[TagPositionRow]:
        self._log("positions", who.username)
        with self._lock:
            return list(self.rows.values())

    def positions_by_ids(self, who: Principal, ids: list[int]) -> list[TagPositionRow]:
        self._log("positions_by_ids", sorted(ids))
        with self._lock:
            return [self.rows[i] for i in ids if i in self.rows]

    def find(self, who: Principal, text: str) -> list[TagPositionRow]:
        self._log("find", text)
        with self._lock:
            return [r for r in self.rows.values() if text in r.label or text == r.tag]

    def trail(
        self,
        who: Principal,
        tag_row_id: int,
        since: datetime,
        until: datetime,
        reason: str | None,
        *,
        incident_id: int | None = None,
    ) -> list[TrackPoint]:
        self._log("trail", (tag_row_id, since, until, reason, incident_id))
        return list(self.trails.get(tag_row_id, []))

    def card(self, who: Principal, tag_row_id: int) -> FakeCard:
        self._log("card", tag_row_id)
        return FakeCard(self.cards.get(tag_row_id))


@dataclasses.dataclass(frozen=True)
class FakeCard:
    """TrackingService.card's answer as the map uses it."""

    resident: ResidentCard | None


def straight_trail(x0: float, y0: float, n: int = 5, step_s: int = 60) -> list[TrackPoint]:
    """n points 100 m apart eastwards, one a minute."""
    return [
        TrackPoint(T0 + timedelta(seconds=k * step_s), x0 + 100 * k, y0, None) for k in range(n)
    ]

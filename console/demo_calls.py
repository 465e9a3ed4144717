"""A few calls on a simulated line for `--screenshot --pane calls`: missed, talking, ringing."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from core.ports import EventSink
from core.timefmt import utcnow

if TYPE_CHECKING:
    from console.app import ConsoleApp
    from data.db import Database


class DemoLine:
    """Builds the simulated gateway (as ConsoleOptions.call_gateway) and plays calls on it."""

    def __init__(self) -> None:
        self.sim: Any = None
        self.ago = 0.0  # seconds: when the next event happens, before now

    def clock(self) -> datetime:
        return utcnow() - timedelta(seconds=self.ago)

    def factory(self, sink: EventSink) -> Any:
        from hardware.sip.sim import SimulatedGateway

        self.sim = SimulatedGateway(sink, clock=self.clock, name="sip-demo")
        return self.sim

    def play(self, app: ConsoleApp, db: Database) -> None:
        """A caller who gave up 9 minutes ago, a resident on the line, another ringing."""
        from sqlalchemy import select

        from data.models import Resident

        sim = self.sim
        if sim is None:
            return
        with db.session() as s:
            phones = list(s.scalars(select(Resident.phone).where(Resident.phone != "").limit(2)))
        phones += ["13912345678"] * (2 - len(phones))
        calls: Any = app.presenter("calls")

        def settle() -> None:
            for _ in range(3):
                app.qapp.processEvents()
                app.wait_idle()

        self.ago = 540
        missed = sim.ring("13512340021", "")
        settle()
        self.ago = 530
        sim.remote_hang_up(missed)
        settle()
        self.ago = 130
        sim.ring(phones[0], "")
        settle()
        self.ago = 105
        calls.answer()
        settle()
        self.ago = 25
        sim.ring(phones[1], "")
        settle()
        self.ago = 0
        active = next((c for c in calls.pane.model.rows() if c.phase.value == "active"), None)
        if active is not None:
            calls.pane.select(active.key)
        settle()

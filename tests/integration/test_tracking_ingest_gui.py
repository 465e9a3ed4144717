"""The console hosting its workstation's simulated readers: reads reach tag_read at once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from core.model import DeviceState
from core.site import SiteSpec
from data.models import TagRead
from tests.helpers.consoles import MakeConsole, SeededSite

WAIT_MS = 20_000


def _reads(seeded: SeededSite) -> int:
    with seeded.db.session() as s:
        return int(s.scalar(select(func.coalesce(func.sum(TagRead.count), 0))) or 0)


def test_the_simulation_host_runs_the_sim_readers_into_the_database(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    assert demo_site.simulation_host == "CC"
    app = make_console(site=demo_site, workstation="CC", tracking=True)
    ingest = next(w for w in app.owner._workers if getattr(w, "name", "") == "tracking-ingest")
    qtbot.waitUntil(lambda: _reads(seeded) > 0, timeout=WAIT_MS)
    assert ingest.alive
    # The simulated readers show online in the device pane, like real ones whose link is up.
    who = app.services.signin.principal("operator")

    def readers_online() -> bool:
        rows = [d for d in app.services.devices.devices(who) if d.kind == "reader"]
        return len(rows) == 71 and all(d.state is DeviceState.ONLINE for d in rows)

    qtbot.waitUntil(readers_online, timeout=WAIT_MS)


def test_a_station_whose_sim_readers_are_simulated_elsewhere_starts_no_tracking(
    make_console: MakeConsole, demo_site: SiteSpec
) -> None:
    app = make_console(site=demo_site, workstation="WS01", tracking=True)
    assert not any(getattr(w, "name", "") == "tracking-ingest" for w in app.owner._workers)

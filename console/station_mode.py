"""Station mode or not: a community station gets the station screen, the control room its list."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from console.jobs import Jobs
from console.presenters.base import Presenter, PresenterContext
from console.presenters.station import StationPresenter, StationSetup
from console.presenters.station_necessities import StationNecessitiesPresenter
from console.presenters.station_surveys import StationSurveysPresenter
from console.presenters.stations import StationsPresenter
from console.station_desk import OutboxDesk, panel_path_for
from console.survey_slips import load_slip_key
from console.threads import DbExecutor, ThreadOwner
from core.keys import KeyFileError
from core.model import Priority
from core.site import SiteSpec
from core.station import StationDesk
from core.views import IncidentTypeRow
from data.outbox import Outbox
from data.services.contacts import ContactsService
from hardware.tts import EspeakSpeaker

if TYPE_CHECKING:
    from console.app import ConsoleOptions

log = logging.getLogger(__name__)


def site_types(site: SiteSpec) -> tuple[IncidentTypeRow, ...]:
    """The site file's incident types, for the intake form before (or without) the database."""
    return tuple(
        IncidentTypeRow(
            code=t.code,
            name=t.name,
            priority=Priority(t.priority),
            acknowledge=timedelta(minutes=t.acknowledge_minutes),
            resolve=timedelta(minutes=t.resolve_minutes),
            departments=t.departments,
            dispositions=t.dispositions,
        )
        for t in site.incident_types
    )


def station_presenters(
    pctx: PresenterContext,
    opts: ConsoleOptions,
    owner: ThreadOwner,
    desk: StationDesk | None = None,
) -> list[Presenter]:
    """The station screen on a community station, the stations list at the control centre.

    Both need the site file: it says which workstation is which (a console run without one
    shows neither). `desk`: the station's outbox desk (an in-memory one in tests); None
    builds the outbox desk in the user's config folder.
    """
    site = opts.site
    if site is None:
        return []
    spec = next((w for w in site.workstations if w.code == opts.workstation), None)
    if spec is None:
        return []
    if spec.community is None:
        names = {c.code: c.name for c in site.communities}
        return [StationsPresenter(pctx, pctx.services.station.stations, names)]
    community = site.community(spec.community)
    setup = StationSetup(
        workstation=spec.code,
        community=community.code,
        community_name=community.name,
        centre_phone=site.centre_phone,
        types=site_types(site),
    )
    # Desk calls have a thread of their own: a panic press never queues behind a read or a
    # write that waits on an unreachable shared database.
    executor = owner.add_executor(DbExecutor("station-desk", pctx.bridge.deliver, sink=pctx.bridge))
    desk_jobs = Jobs(
        executor, executor, on_unhandled=lambda exc, what: pctx.feedback.report(exc, what)
    )
    if desk is None:
        desk = _outbox_desk(pctx, opts, owner, site)
    station = StationPresenter(
        pctx, setup, desk, desk_jobs, contacts=ContactsService(pctx.services.ctx)
    )
    surveys = StationSurveysPresenter(
        pctx,
        desk,
        station.screen.tabs,
        workstation=spec.code,
        community=community.code,
        slip_key=_slip_key(opts.keys_dir),
        speaker=EspeakSpeaker,
    )
    necessities = StationNecessitiesPresenter(
        pctx,
        desk,
        station.screen.tabs,
        workstation=spec.code,
        community=community.code,
        community_name=community.name,
    )
    return [station, surveys, necessities]


def _slip_key(keys_dir: Path | None) -> bytes | None:
    """The site's slip key when this PC has the key folder; None: no slips here (said so)."""
    if keys_dir is None:
        return None
    try:
        return load_slip_key(keys_dir)
    except KeyFileError as exc:
        log.warning("survey slips are off on this PC: %s", exc)
        return None


OUTBOX_FILE = "station-outbox.sqlite"  # in the user's config folder, beside the layout


class _OwnedDesk:
    """The outbox desk's sender as the thread owner stops it (stop must not block)."""

    def __init__(self, desk: OutboxDesk):
        self.desk = desk

    @property
    def name(self) -> str:
        return self.desk.name

    @property
    def alive(self) -> bool:
        return self.desk.alive

    def start(self) -> None:
        self.desk.start()

    def stop(self) -> None:
        self.desk.interrupt()

    def interrupt(self) -> None:
        self.desk.interrupt()

    def join(self, timeout: float) -> bool:
        return self.desk.join(timeout)


def _outbox_desk(
    pctx: PresenterContext, opts: ConsoleOptions, owner: ThreadOwner, site: SiteSpec
) -> StationDesk:
    """The outbox desk on this station's outbox file, its sender started and owned."""
    opts.config_dir.mkdir(parents=True, exist_ok=True)
    outbox = Outbox(opts.config_dir / OUTBOX_FILE)
    session = pctx.session
    desk = OutboxDesk(
        outbox,
        pctx.services.station,
        lambda: session.principal,
        workstation=opts.workstation,
        panel_path=panel_path_for(site, opts.workstation),
    )
    owner.add_worker(_OwnedDesk(desk))
    owner.add_closer("station outbox", outbox.close)
    return desk

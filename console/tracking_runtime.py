"""A workstation's tracking at run time: journal, ingest thread, pipeline and the device adapters.

Qt-free: `console serve` uses it as it is, the GUI can hand it its bridge as the sink.
Each reader protocol of the site file maps to one constructor (`READER_ADAPTERS`); GPS
gateways map by their address (`jt808://host:port` → the JT/T 808 server, any other link
address → an NMEA tracker). The `sim` protocol runs one demo simulator for the tags of the
registry, delivering only what this workstation's readers would hear. Its vehicles and GPS
tracker wearers reach the console through the real protocols when this workstation has GPS
gateways: simulated JT/T 808 terminals connect to the JT/T 808 server over TCP, and the NMEA
trackers' addresses on this machine are served by simulated trackers (hardware.tracking.sim_gps).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from core.ports import Clock, EventSink, Stoppable
from core.site import DeviceSpec, ReaderSpec, SiteSpec
from core.timefmt import utcnow
from core.tracking import GpsFix, LinkState, TagRead, TrackingAccept, TrackingItem
from core.tracking_plan import TrackingPlan
from data.journal import Journal
from data.services import Services
from data.tracking_ingest import TrackingIngest
from data.tracking_pipeline import build_pipeline, refresh_profiles, subject_kind

if TYPE_CHECKING:
    # The console's side only (start_tracking); `console serve` runs without Qt.
    from console.bridge import EventBridge
    from console.jobs import Jobs
    from console.threads import ThreadOwner

log = logging.getLogger(__name__)

JOURNAL_FOLDER = "tracking-journal"


class Worker(Stoppable, Protocol):
    """A thread the owner starts, stops and joins."""

    def start(self) -> None: ...


AddWorker = Callable[[Any], Any]
"""ThreadOwner.add_worker: registers and starts a worker, returns it."""


def _ascii(spec: ReaderSpec, accept: TrackingAccept, sink: EventSink, clock: Clock) -> Worker:
    from hardware.tracking.ascii_reader import AsciiSerialReader

    return AsciiSerialReader(spec.code, spec.address, accept, sink, clock=clock)


def _binary(spec: ReaderSpec, accept: TrackingAccept, sink: EventSink, clock: Clock) -> Worker:
    from hardware.tracking.uhf_binary import UhfBinaryReader

    # The ingest's own accept: hand it each bulk read's reads at once (one journal write).
    owner = getattr(accept, "__self__", None)
    many = owner.accept_many if isinstance(owner, TrackingIngest) else None
    return UhfBinaryReader(spec.code, spec.address, accept, sink, clock=clock, accept_many=many)


def _llrp(spec: ReaderSpec, accept: TrackingAccept, sink: EventSink, clock: Clock) -> Worker:
    from hardware.tracking.llrp import LlrpReader

    return LlrpReader(spec.code, spec.address, accept, sink, clock=clock)


ReaderFactory = Callable[[ReaderSpec, TrackingAccept, EventSink, Clock], Worker]
# sim readers are served by the one simulator (build_tracking), not one thread per reader.
READER_ADAPTERS: dict[str, ReaderFactory] = {
    "ascii-serial": _ascii,
    "binary-serial": _binary,
    "llrp": _llrp,
}


LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class _AsDevice:
    """The sink of a server adapter: its own LinkState goes out under the device's code, so
    the device pane's row of the gateway shows it (listening, or why not)."""

    def __init__(self, sink: EventSink, own: str, device: str):
        self.sink = sink
        self.own = own
        self.device = device

    def publish(self, event: object) -> None:
        if isinstance(event, LinkState) and event.device == self.own:
            event = replace(event, device=self.device)
        self.sink.publish(event)


def gps_adapter(spec: DeviceSpec, accept: TrackingAccept, sink: EventSink, clock: Clock) -> Worker:
    """The adapter of a gps_gateway device: JT/T 808 server or an NMEA tracker."""
    parts = urlsplit(spec.address)
    if parts.scheme == "jt808":
        from hardware.tracking.jt808_server import Jt808Server

        name = f"jt808:{spec.code}"
        return Jt808Server(
            accept,
            _AsDevice(sink, name, spec.code),
            host=parts.hostname or "0.0.0.0",
            port=parts.port or 7018,
            clock=clock,
            name=name,
        )
    from hardware.tracking.nmea import NmeaTracker

    return NmeaTracker(spec.code, spec.address, accept, sink, clock=clock)


@dataclass
class TrackingRuntime:
    """What build_tracking started."""

    ingest: TrackingIngest
    adapters: list[Any] = field(default_factory=list)
    simulator: Any | None = None
    problems: list[str] = field(default_factory=list)  # adapters that could not be built
    link_status: Any | None = None  # the console's LinkStatusWriter (none under `serve`)
    # The simulator's protocol peers: SimJt808Fleet and SimNmeaSources, when it has them.
    sim_jt808: Any | None = None
    sim_nmea: Any | None = None


def journal_folder(base: Path, workstation: str) -> Path:
    """The workstation's tracking journal under a data folder."""
    return base / f"{JOURNAL_FOLDER}-{workstation}"


def build_tracking(
    site: SiteSpec,
    services: Services,
    sink: EventSink,
    *,
    workstation: str,
    journal_dir: Path,
    add_worker: AddWorker,
    all_devices: bool = False,
    simulate: bool = True,
    sim_clock_factor: float = 1.0,
    on_committed: Callable[[], None] | None = None,
    clock: Clock = utcnow,
) -> TrackingRuntime:
    """Start the ingest (first: it must take what the adapters deliver) and the adapters of
    this workstation's readers and GPS gateways (all of the site's with `all_devices`)."""
    mine = [r for r in site.readers if all_devices or hosted_by(site, r, workstation)]
    gps = [
        d
        for d in site.devices
        if d.kind == "gps_gateway" and (all_devices or d.workstation == workstation)
    ]
    plan = TrackingPlan.of(site)
    tracking = services.tracking
    pipeline = build_pipeline(site, tracking, clock())
    ingest = add_worker(
        TrackingIngest(
            tracking,
            plan,
            pipeline,
            sink,
            Journal(journal_dir),
            on_committed=on_committed,
            refresh=lambda: refresh_profiles(pipeline, site, tracking, clock()),
            clock=clock,
        )
    )
    runtime = TrackingRuntime(ingest)
    sims = [r for r in mine if r.protocol == "sim"]
    simulating = simulate and bool(sims) and site.geo is not None
    if simulating:
        # The simulated NMEA trackers listen before the console's trackers dial them.
        runtime.sim_nmea = _sim_nmea_sources(gps, add_worker, runtime.problems)
    for spec in mine:
        factory = READER_ADAPTERS.get(spec.protocol)
        if factory is None:
            continue
        try:
            runtime.adapters.append(add_worker(factory(spec, ingest.accept, sink, clock)))
        except Exception as exc:  # a reader's bad address must not stop the others
            log.exception("reader %s (%s) could not start", spec.code, spec.protocol)
            runtime.problems.append(f"{spec.code}: {exc}")
    for dev in gps:
        try:
            runtime.adapters.append(add_worker(gps_adapter(dev, ingest.accept, sink, clock)))
        except Exception as exc:
            log.exception("GPS gateway %s could not start", dev.code)
            runtime.problems.append(f"{dev.code}: {exc}")
    if simulate and sims:
        runtime.simulator = _simulator(
            site,
            services,
            ingest,
            sink,
            sims,
            add_worker,
            sim_clock_factor,
            clock(),
            gps=gps,
            runtime=runtime,
        )
    log.info(
        "tracking on %s: %d readers, %d GPS gateways, simulator %s, journal %s",
        workstation,
        len(mine),
        len(gps),
        "on" if runtime.simulator is not None else "off",
        journal_dir,
    )
    return runtime


def _sim_nmea_sources(
    gps: Collection[DeviceSpec], add_worker: AddWorker, problems: list[str]
) -> Any | None:
    """Simulated NMEA trackers for this workstation's trackers at a TCP address of this
    machine; None when it has none."""
    from hardware.tracking.sim_gps import SimNmeaSources

    endpoints: dict[str, tuple[str, int]] = {}
    for dev in gps:
        parts = urlsplit(dev.address)
        if parts.scheme in ("tcp", "socket") and parts.hostname in LOCAL_HOSTS and parts.port:
            endpoints[dev.code] = (parts.hostname, parts.port)
    if not endpoints:
        return None
    sources = add_worker(SimNmeaSources(endpoints))
    for device, why in sources.problems.items():
        problems.append(f"{device} (simulated): {why}")
    return sources


def _sim_jt808_fleet(
    gps: Collection[DeviceSpec], phones: Collection[str], sink: EventSink, add_worker: AddWorker
) -> Any | None:
    """Simulated terminals for the vehicles, dialling this workstation's JT/T 808 server."""
    from hardware.tracking.sim_gps import SimJt808Fleet

    server = next((d for d in gps if urlsplit(d.address).scheme == "jt808"), None)
    if server is None or not phones:
        return None
    parts = urlsplit(server.address)
    host = parts.hostname or "127.0.0.1"
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"  # a server listening everywhere is reached here on the loopback
    return add_worker(SimJt808Fleet(host, parts.port or 7018, sorted(phones), sink=sink))


def _simulator(
    site: SiteSpec,
    services: Services,
    ingest: TrackingIngest,
    sink: EventSink,
    readers: Collection[ReaderSpec],
    add_worker: AddWorker,
    clock_factor: float,
    now: datetime,
    *,
    gps: Collection[DeviceSpec] = (),
    runtime: TrackingRuntime | None = None,
) -> Any:
    """The demo's people and vehicles: the registry's tags, heard by these sim readers; the
    vehicles' fixes through the JT/T 808 server and the tracker wearers' through NMEA over
    TCP when this workstation has such gateways (else straight to the ingest)."""
    from hardware.tracking.sim import SimPerson, SimTracking, SimVehicle

    if site.geo is None:
        log.warning("no [geo] calibration in %s: the simulator is not started", site.source)
        return None
    codes = {r.code for r in readers}
    communities = {r.community for r in readers}
    homes = {z.community: z.code for z in site.zones if z.kind == "residential"}
    people: list[SimPerson] = []
    vehicles: list[SimVehicle] = []
    today = now.date()
    worn = set(runtime.sim_nmea.devices) if runtime is not None and runtime.sim_nmea else set()
    for s in services.tracking.subjects():
        if s.community is None or s.community not in communities or s.code in worn:
            continue  # a GPS tracker's wearer walks below, reporting through NMEA
        if s.kind == "person" and s.community in homes:
            kind = subject_kind(s, today).value
            people.append(SimPerson(s.code, homes[s.community], kind))
        elif s.kind == "vehicle":
            vehicles.append(SimVehicle(s.code, s.community))
    nmea = runtime.sim_nmea if runtime is not None else None
    first_home = next(iter(homes.values()), None)
    for device in sorted(nmea.devices if nmea is not None else ()):
        # A personal tracker is worn by someone living in its community (any, if it has none).
        spec = next(d for d in gps if d.code == device)
        home = homes.get(spec.community or "", first_home)
        if home is not None:
            people.append(SimPerson(device, home, "elderly", gps=True))
    fleet = _sim_jt808_fleet(gps, [v.device for v in vehicles], sink, add_worker)
    if runtime is not None:
        runtime.sim_jt808 = fleet

    def accept(item: TrackingItem) -> bool:
        # The simulator hears every reader of the site; another station owns the others.
        if isinstance(item, TagRead):
            return item.reader not in codes or ingest.accept(item)
        if isinstance(item, GpsFix) and (
            (fleet is not None and fleet.send(item)) or (nmea is not None and nmea.send(item))
        ):
            return True  # on its way through the protocol, as a field device's would be
        return ingest.accept(item)

    sim = SimTracking(
        site,
        people,
        vehicles,
        site.geo.transform(),
        accept=accept,
        sink=sink,
        clock_factor=clock_factor,
        start=now,
    )
    log.info(
        "tracking simulator: %d people, %d vehicles (%s), %d NMEA trackers",
        len(people),
        len(vehicles),
        "JT/T 808 over TCP" if fleet is not None else "fixes straight to the ingest",
        len(nmea.devices) if nmea is not None else 0,
    )
    started = add_worker(sim)
    # A simulated reader has no link to lose: it is online while the simulator runs, so the
    # device pane shows it like a real reader rather than "unknown".
    for code in sorted(codes):
        sink.publish(LinkState(code, True, "simulated", now))
    return started


def hosted_by(site: SiteSpec, reader: ReaderSpec, workstation: str) -> bool:
    """Whether this workstation runs the reader: its own, or every sim reader of a site whose
    [site] simulation_host names this workstation."""
    if reader.protocol == "sim" and site.simulation_host is not None:
        return site.simulation_host == workstation
    return reader.workstation == workstation


def hosts_tracking(site: SiteSpec, workstation: str) -> bool:
    """Whether the site file puts any reader or GPS gateway on this workstation."""
    return any(hosted_by(site, r, workstation) for r in site.readers) or any(
        d.kind == "gps_gateway" and d.workstation == workstation for d in site.devices
    )


def start_tracking(
    site: SiteSpec,
    services: Services,
    sink: EventBridge,
    jobs: Jobs,
    owner: ThreadOwner,
    *,
    workstation: str,
    journal_base: Path,
    on_committed: Callable[[], None],
) -> TrackingRuntime | None:
    """The console's tracking: ingest and adapters when this workstation hosts readers, their
    link states written to the device rows; None when it hosts none or could not start."""
    from console.link_status import LinkStatusWriter

    if not hosts_tracking(site, workstation):
        return None
    try:
        runtime = build_tracking(
            site,
            services,
            sink,
            workstation=workstation,
            journal_dir=journal_folder(journal_base, workstation),
            add_worker=owner.add_worker,
            on_committed=on_committed,
        )
    except Exception:
        log.exception("tracking could not start on %s", workstation)
        return None
    owner.add_closer("tracking journal", runtime.ingest.journal.close)
    runtime.link_status = LinkStatusWriter(sink, jobs, services.devices)
    return runtime

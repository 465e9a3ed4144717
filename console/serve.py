"""`console serve`: a workstation's adapters, ingest and rules without a GUI, until a signal."""

from __future__ import annotations

import argparse
import logging
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from console.threads import ThreadOwner
from core.events import WorkerFailed
from core.site import SiteSpec
from core.tracking import LinkState

# The data layer is imported when the server runs: `console --help` builds every command's
# options, and importing the services for that took 1.7 s.
if TYPE_CHECKING:
    from data.db import Database
    from data.services import Services

log = logging.getLogger(__name__)

STATS_EVERY_S = 60.0
SHUTDOWN_S = 10.0


@dataclass
class LogSink:
    """The EventSink of a console without a window: every event is a log line (any thread)."""

    failures: int = 0
    links: dict[str, bool] = field(default_factory=dict)
    # The newest link state per device not yet written to its device row (take_links()).
    latest: dict[str, LinkState] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take_links(self) -> list[LinkState]:
        """The link states published since the last call, the newest per device."""
        with self._lock:
            taken = list(self.latest.values())
            self.latest.clear()
        return taken

    def publish(self, event: object) -> None:
        if isinstance(event, WorkerFailed):
            with self._lock:
                self.failures += 1
            log.error(
                "%s failed%s: %s",
                event.worker,
                " (retrying)" if event.retrying else "",
                event.message,
            )
        elif isinstance(event, LinkState):
            with self._lock:
                was = self.links.get(event.device)
                self.links[event.device] = event.online
                self.latest[event.device] = event
            if was != event.online:
                log.info(
                    "%s %s: %s", event.device, "online" if event.online else "offline", event.detail
                )
        else:
            log.debug("event: %r", event)


def add_serve_arguments(p: argparse.ArgumentParser) -> None:
    """The options of `console serve`."""
    p.add_argument(
        "--journal-dir",
        type=Path,
        metavar="DIR",
        help="folder of the local journals (default: the user's data folder)",
    )
    p.add_argument(
        "--all-devices",
        action="store_true",
        help="run every reader and gateway of the site file, whatever its workstation "
        "(one server PC for the whole street)",
    )
    p.add_argument("--no-sim", action="store_true", help="do not run the demo simulators")
    p.add_argument(
        "--kpi-reports",
        type=Path,
        metavar="DIR",
        help="write last month's indicator reports (the street's as PDF, CSV and XLSX, each "
        "community's as PDF) into DIR once the month has ended, audited",
    )
    p.add_argument(
        "--kpi-lang",
        choices=("zh", "en"),
        default="zh",
        help="the language of the scheduled reports (default zh)",
    )
    p.add_argument(
        "--stats-every",
        type=float,
        default=STATS_EVERY_S,
        metavar="S",
        help="log the ingest's counters every S seconds (0: never)",
    )


def run_serve(args: argparse.Namespace, site: SiteSpec, db: Database) -> int:
    """Run until SIGINT or SIGTERM; 0 after an orderly stop."""
    from console.tracking_runtime import build_tracking, journal_folder
    from data.audit_journal import open_audit_journal
    from data.context import ServiceContext
    from data.db import user_data_dir
    from data.services import Services

    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %d: stopping", signum)
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    owner = ThreadOwner()
    sink = LogSink()
    base = args.journal_dir or user_data_dir()
    audit_journal = open_audit_journal(base, args.workstation)
    ctx = ServiceContext(db, workstation=args.workstation, audit_journal=audit_journal)
    services = Services.build(ctx)
    if audit_journal is not None:
        owner.add_closer("audit journal", audit_journal.close)
    try:
        runtime = build_tracking(
            site,
            services,
            sink,
            workstation=args.workstation,
            journal_dir=journal_folder(base, args.workstation),
            add_worker=owner.add_worker,
            all_devices=args.all_devices,
            simulate=not args.no_sim,
        )
        owner.add_closer("tracking journal", runtime.ingest.journal.close)
        _alarms(args, site, services, sink, owner, base)
        _motion(args, site, services, sink, owner)
        _kpi_reports(args, services, sink, owner)
        log.info("serving %s as %s; SIGINT or SIGTERM stops", site.name, args.workstation)
        print(f"serving {site.name} as {args.workstation}", flush=True)  # noqa: T201 - ready line
        next_stats = time.monotonic() + args.stats_every
        while not stop.wait(0.5):
            ctx.replay_audit()  # audit rows of an outage, once the database answers again
            for link in sink.take_links():
                try:  # the device pane of every console shows the readers' links
                    services.devices.report_link(link.device, link.online, link.detail, link.at)
                except Exception:
                    log.exception("device %s: its link state was not written", link.device)
            if args.stats_every > 0 and time.monotonic() >= next_stats:
                ing = runtime.ingest
                log.info(
                    "tracking: %d accepted, %d stored rows for %d reads, %d unknown, %d waiting, "
                    "%d incidents opened, %d appended, %d refused, %d overflowed",
                    ing.accepted,
                    ing.stored,
                    ing.reads,
                    ing.unknown,
                    ing.waiting,
                    ing.opened,
                    ing.appended,
                    ing.refused,
                    ing.overflowed,
                )
                next_stats = time.monotonic() + args.stats_every
    finally:
        stuck = owner.shutdown(SHUTDOWN_S)
        for s, handler in previous.items():
            signal.signal(s, handler)
    if stuck:
        log.error("threads still running at exit: %s", ", ".join(stuck))
        return 1
    log.info("stopped")
    print("stopped", flush=True)  # noqa: T201 - the CLI's output
    return 0


def _kpi_reports(
    args: argparse.Namespace, services: Services, sink: LogSink, owner: ThreadOwner
) -> None:
    """The monthly indicator reports into --kpi-reports DIR (console.kpi_schedule)."""
    if getattr(args, "kpi_reports", None) is None:
        return
    import os

    # A PDF needs Qt's fonts, not a screen: a server may have none.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from console.kpi_schedule import KpiReportSchedule

    if QGuiApplication.instance() is None:
        owner.add_closer("qt", _keep(QGuiApplication(["console-serve"])))
    owner.add_worker(
        KpiReportSchedule(
            services,
            args.kpi_reports,
            sink,
            workstation=args.workstation,
            zh=args.kpi_lang == "zh",
        )
    )
    log.info("monthly indicator reports into %s", args.kpi_reports)


def _keep(app: object) -> Callable[[], None]:
    """A closer that holds the application object until shutdown (then lets it go)."""
    held = [app]
    return held.clear


def _motion(
    args: argparse.Namespace,
    site: SiteSpec,
    services: Services,
    sink: LogSink,
    owner: ThreadOwner,
) -> None:
    """Motion detection on the sub streams of this workstation's cameras, when at least one of
    them has it on at start (else no stream source is built: the demo's clips are generated
    only for a camera that is watched). Later changes are read every minute."""
    from console.motion_runtime import MotionRuntime
    from console.video_runtime import VideoOptions, VideoRuntime

    mine = [c.code for c in site.cameras if args.all_devices or c.workstation == args.workstation]
    if not mine:
        return
    try:
        stored = services.video.all_camera_settings(mine)
    except Exception:
        log.exception("motion detection not started: the cameras' settings could not be read")
        return
    enabled = [code for code, settings in stored.items() if settings.motion_enabled]
    if not enabled:
        log.info("motion detection: no camera of %s has it on", args.workstation)
        return
    services.video.use_site(site)  # incidents name the camera's place; the site's time zone
    video = VideoRuntime(
        site,
        args.workstation,
        owner,
        VideoOptions(demo_video=not args.no_sim),
        keys_dir=getattr(args, "keys", None),
    )
    owner.add_worker(
        MotionRuntime(
            site,
            args.workstation,
            services,
            video.sources.resolve,
            all_cameras=args.all_devices,
            sink=sink,
        )
    )
    log.info("motion detection on %s: %d cameras on", args.workstation, len(enabled))


def _alarms(
    args: argparse.Namespace,
    site: SiteSpec,
    services: Services,
    sink: LogSink,
    owner: ThreadOwner,
    base: Path,
) -> None:
    """The DC-09 receiver and its ingest, when the site file puts them on this workstation."""
    spec = site.alarm_receiver
    if spec is None or (spec.workstation != args.workstation and not args.all_devices):
        return
    from core.alarm_plan import plan_from_site
    from core.alarms import PanelAccount
    from data.alarm_ingest import AlarmIngest
    from hardware.alarms.dc09 import Dc09Receiver

    ingest = owner.add_worker(
        AlarmIngest(
            services.alarms,
            plan_from_site(site),
            sink,
            base / f"alarm-journal-{args.workstation}.jsonl",
        )
    )
    accounts = {
        d.alarm.account: PanelAccount(d.alarm.account, d.alarm.key)
        for d in site.devices
        if d.alarm.account is not None
    }
    owner.add_worker(
        Dc09Receiver(
            accounts,
            ingest.accept,
            sink,
            host=spec.host,
            tcp_port=spec.tcp_port,
            udp_port=None if spec.udp_port < 0 else spec.udp_port,
            timeband=spec.timeband,
        )
    )
    log.info("alarm receiver for %d panels on %s", len(accounts), spec.host)

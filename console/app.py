"""The composition root: builds services, threads, the window and the presenters, and wires them."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QObject, QThread
from PySide6.QtWidgets import QApplication, QWidget

from console.attention_sound import AttentionSound
from console.bridge import EventBridge
from console.call_line import GatewayFactory, calls_presenter
from console.change_router import ChangeRouter
from console.dialogs import Dialogs, QtDialogs
from console.feedback import Feedback
from console.gc_guard import install as install_gc_guard
from console.i18n import DEFAULT_LANGUAGE, Translations
from console.idle import IdleWatcher
from console.jobs import Jobs
from console.layout import LayoutStore
from console.presenters.accounts import AccountsPresenter
from console.presenters.alarms import AlarmsPresenter
from console.presenters.alert_sound import AlertSoundPresenter
from console.presenters.assignments import AssignmentsPresenter
from console.presenters.audit import AuditPresenter
from console.presenters.base import Presenter, PresenterContext
from console.presenters.database import DatabasePresenter
from console.presenters.devices import DevicesPresenter
from console.presenters.handover import HandoverPresenter
from console.presenters.help import HelpPresenter
from console.presenters.history import HistoryPresenter
from console.presenters.incidents import IncidentsPresenter
from console.presenters.notifications import NotificationsPresenter
from console.presenters.recordings import RecordingsPresenter
from console.presenters.residents import ResidentsPresenter
from console.presenters.setup import SetupPresenter
from console.presenters.sla import SlaPresenter
from console.presenters.tracking import TrackingPresenter
from console.presenters.video_wall import VideoWallPresenter
from console.server_time import ServerTime
from console.service_presenters import service_presenters
from console.session import SessionController
from console.shell.main_window import ActionSpec, MainWindow
from console.station_mode import station_presenters
from console.threads import DbExecutor, ThreadOwner
from console.video_runtime import VideoOptions, start_media
from console.wiring import wire_presenters
from core.auth import LoginPolicy
from core.events import ChangesAvailable
from core.ports import PasswordHasher
from core.site import SiteSpec
from core.station import StationDesk
from core.timefmt import DEFAULT_ZONE
from data.audit_journal import open_audit_journal
from data.context import ServiceContext
from data.db import Database
from data.feed import ChangeFeedWatcher
from data.server_clock import ServerClock
from data.services import Services
from hardware.audio import SoundPlayer
from widgets.login import LoginDialog

log = logging.getLogger(__name__)


@dataclass
class ConsoleOptions:
    """What the console runs with (from the command line, environment and defaults)."""

    workstation: str = "CC"
    language: str = DEFAULT_LANGUAGE
    idle_lock_minutes: float = 10.0
    config_dir: Path = field(default_factory=lambda: Path.home() / ".config" / "street-console")
    poll_interval: float = 1.0
    confirm_quit: bool = True
    shutdown_deadline_s: float = 5.0
    keys_dir: Path | None = None  # the site's key folder (core.keys); None: keys not used
    # Signed audit checkpoints (core.checkpoint); None: no periodic checkpoints.
    checkpoints_dir: Path | None = None
    checkpoint_minutes: float = 60.0
    handovers_dir: Path | None = None  # shift handover PDFs; None: config_dir/handovers
    sound_device: str | None = None  # the alert's PortAudio output device; None: the default
    alert_sound: bool = True  # False: no sound thread (GUI tests on machines without audio)
    sla_check_seconds: float = 30.0  # how often this console looks for SLA breaches
    # The site file as loaded at start: what devices this workstation hosts (alarm receiver,
    # SIP line) and their secrets, which stay out of the database. None: it hosts none.
    site: SiteSpec | None = None
    # Host the DC-09 alarm receiver when the site file puts it on this workstation.
    alarms: bool = True
    # Run the phone line when the site file gives this workstation a [[sip]] entry.
    sip: bool = True
    # Run the tracking ingest, readers and GPS gateways the site file puts on this workstation
    # (console/tracking_runtime.py); a workstation without any starts nothing.
    tracking: bool = True
    recordings_dir: Path | None = None  # call recordings; None: config_dir/recordings/calls
    call_gateway: GatewayFactory | None = None  # a simulated line instead (tests, screenshot)
    # Live video (console/video_runtime.py): None shows the wall without streams (tests).
    video: VideoOptions | None = None
    snapshots_dir: Path | None = None  # the wall's snapshots; None: config_dir/snapshots
    evidence_dir: Path | None = None  # where evidence bundles go first; None: config_dir/evidence
    station_desk: StationDesk | None = None  # a station's outbox desk given (tests); None: built


class ConsoleApp(QObject):
    """Builds, starts and shuts down; every capability lives in its presenter."""

    def __init__(
        self,
        qapp: QApplication,
        db: Database,
        opts: ConsoleOptions,
        *,
        hasher: PasswordHasher | None = None,
        policy: LoginPolicy | None = None,
        translations: Translations | None = None,
        dialogs: Dialogs | None = None,
    ):
        super().__init__()
        self.qapp, self.db, self.opts = qapp, db, opts
        # Before any worker thread starts: cycles are collected on the GUI thread only.
        install_gc_guard(qapp)
        self.bridge = EventBridge(self)
        self.owner = ThreadOwner()
        sink = self.bridge
        writer = self.owner.add_executor(DbExecutor("db-writer", self.bridge.deliver, sink=sink))
        reader = self.owner.add_executor(
            DbExecutor("db-reader", self.bridge.deliver, workers=2, sink=sink, drain=False)
        )
        self.owner.add_closer("database", db.dispose)
        self.jobs = Jobs(reader, writer)
        # Audit rows of a database outage (a screen lock, a refusal) wait in a local journal.
        audit_journal = open_audit_journal(opts.config_dir, opts.workstation)
        if audit_journal is not None:
            self.owner.add_closer("audit journal", audit_journal.close)
        # On a shared database the server's clock wins: a PC an hour wrong writes server time.
        self.server_clock = ServerClock()
        self.server_time = ServerTime(self.server_clock, db, self.jobs, self)
        ctx = ServiceContext(
            db,
            workstation=opts.workstation,
            clock=self.server_clock,
            defer_write=self.jobs.defer_write,
            keys=opts.keys_dir,
            audit_journal=audit_journal,
        )
        self.services = Services.build(ctx, hasher=hasher, policy=policy)
        meta = self.services.site.site_meta()
        self.zone = meta.get("timezone", DEFAULT_ZONE)
        self.site_name = meta.get("site_name", "")
        # One owner of the installed translators, or switching back to English would leave
        # another set installed.
        self.translations = translations or Translations(qapp)
        self.translations.switch(opts.language)
        self.window = MainWindow(self.zone)
        self.window.set_site(self.site_name)
        self.window.set_language_checked(self.translations.language)
        self.dialogs: Dialogs = dialogs or QtDialogs(self.window)
        self.feedback = Feedback(db.url, self.window.show_message, self)
        self.jobs.on_unhandled = lambda exc, label: self.feedback.report(exc, label)
        self.idle = IdleWatcher(int(opts.idle_lock_minutes * 60_000), self)
        self.layouts = LayoutStore(opts.config_dir / "layout.ini")
        # The alert sound plays on a thread of its own; without a device the console goes on.
        player = (
            self.owner.add_worker(SoundPlayer(self.bridge, device=opts.sound_device))
            if opts.alert_sound
            else None
        )
        self.sound = AttentionSound(player, opts.config_dir / "sound.ini")
        self.session = SessionController(
            qapp=qapp,
            window=self.window,
            services=self.services,
            jobs=self.jobs,
            dialogs=self.dialogs,
            translations=self.translations,
            layouts=self.layouts,
            idle=self.idle,
            site_name=self.site_name,
            zone=self.zone,
            notify=self.feedback.notify,
            shutdown=self.shutdown,
            confirm_quit=opts.confirm_quit,
        )
        self.video, self.motion, self.recording = start_media(
            opts.site,
            opts.workstation,
            self.services,
            self.owner,
            self.bridge,
            opts.video if self.site_name else None,  # no site yet: nothing to watch or record
            db_url=self.db.url,
            keys_dir=opts.keys_dir,
        )
        self.presenters = self._build_presenters()
        self.session.presenters = self.presenters
        self.session.on_first_sign_in = self._start_feed
        self.bridge.subscribe(ChangesAvailable, self.router.route)
        self.window.add_action(
            ActionSpec("refresh", lambda: self.tr("Refresh"), "view", "F5", toolbar=True),
            self.router.reload_all,
        )
        self.window.default_layout()
        self.feed: ChangeFeedWatcher | None = None
        self._shut_down = False
        if opts.tracking and opts.site is not None:
            # The tracking ingest and this workstation's readers, when it hosts any (imported
            # here: a console without readers need not load the ingest and its journal).
            from console.tracking_runtime import start_tracking

            start_tracking(
                opts.site,
                self.services,
                self.bridge,
                self.jobs,
                self.owner,
                workstation=opts.workstation,
                journal_base=opts.config_dir,
                on_committed=self._wake_feed,  # the map sees a commit at once, not at the poll
            )

    def _build_presenters(self) -> list[Presenter]:
        self.router = ChangeRouter([])
        pctx = PresenterContext(
            services=self.services,
            jobs=self.jobs,
            window=self.window,
            dialogs=self.dialogs,
            feedback=self.feedback,
            bridge=self.bridge,
            session=self.session,
            zone=self.zone,
            reload_all=lambda: self.router.reload_all(),
            prefs=self.layouts,
        )
        # The notification area first: the others report through it from their first step.
        presenters: list[Presenter] = [
            NotificationsPresenter(pctx),
            DatabasePresenter(pctx, self.db.label),
            VideoWallPresenter(
                pctx,
                site=self.opts.site,
                runtime=self.video,
                snapshots_dir=self.opts.snapshots_dir or self.opts.config_dir / "snapshots",
                recordings_root=self.recording.root,
            ),
            incidents := IncidentsPresenter(pctx, sound=self.sound),
            AssignmentsPresenter(pctx, incidents.open_incident),
            HistoryPresenter(pctx),  # the queue pane's History: after the queue's presenter
            DevicesPresenter(pctx),
            ResidentsPresenter(pctx),
            AccountsPresenter(pctx),
            AuditPresenter(pctx, self.opts.checkpoints_dir, self.opts.checkpoint_minutes),
            HandoverPresenter(
                pctx,
                self.opts.checkpoints_dir,
                self.opts.handovers_dir or self.opts.config_dir / "handovers",
            ),
            HelpPresenter(pctx, self.site_name),
            AlertSoundPresenter(pctx, self.sound),
            calls_presenter(pctx, self.opts, self.owner.add_worker),
            SlaPresenter(pctx, round(self.opts.sla_check_seconds * 1000)),
            AlarmsPresenter(
                pctx,
                site=self.opts.site,
                workstation=self.opts.workstation,
                enabled=self.opts.alarms,
                owner=self.owner,
                journal_dir=self.opts.config_dir,
                on_committed=self._wake_feed,
            ),
            # The map: the site plan from the site file when given, else the communities.
            TrackingPresenter(pctx, site=self.opts.site, tracking=self.services.tracking),
            RecordingsPresenter(
                pctx,
                site=self.opts.site,
                recording=self.recording,
                exports_dir=self.opts.evidence_dir or self.opts.config_dir / "evidence",
                workstation=self.opts.workstation,
                keys_dir=self.opts.keys_dir,
            ),
            SetupPresenter(pctx, site=self.opts.site, config_dir=self.opts.config_dir),
            *service_presenters(pctx, self.opts.site),  # the plan's six services
            # The station screen on a community station, the stations list elsewhere.
            *station_presenters(pctx, self.opts, self.owner, self.opts.station_desk),
        ]
        self.router = ChangeRouter(presenters)
        wire_presenters(presenters, self.motion)
        return presenters

    def presenter(self, name: str) -> Presenter:
        """A presenter by name (tests, screenshots)."""
        return next(p for p in self.presenters if p.name == name)

    def start(self, dialog: LoginDialog | None = None) -> LoginDialog:
        """Show the sign-in dialog (non-blocking), or take over one already on screen."""
        self.server_time.start()
        return self.session.start(dialog)

    def _start_feed(self) -> None:
        self.feed = ChangeFeedWatcher(self.db, self.bridge, interval=self.opts.poll_interval)
        self.owner.add_worker(self.feed)

    def _wake_feed(self) -> None:
        """Read change_log now (any thread): a local write the queue must show at once."""
        feed = getattr(self, "feed", None)
        if feed is not None:
            feed.wake()

    def shutdown(self) -> None:
        """Stop producers, then DB executors, then close the database, under one deadline."""
        if self._shut_down:
            return
        self._shut_down = True
        self.idle.stop()
        self.server_time.stop()
        self.qapp.removeEventFilter(self.idle)
        self.bridge.close()  # deliveries still queued are moot now
        for p in self.presenters:
            p.shutdown()
        stuck = self.owner.shutdown(self.opts.shutdown_deadline_s)
        if stuck:
            log.error("threads still running at exit: %s", ", ".join(stuck))

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Process events until no DB job is pending (screenshot, tests)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self.jobs.pending:
            if deadline.hasExpired():
                return False
            self.qapp.processEvents()
            QThread.msleep(1)
        self.qapp.processEvents()
        return True

    def top_level_widgets(self) -> list[QWidget]:
        """The window and the sign-in dialog (tests close them)."""
        dlg = self.session.login_dialog
        return [self.window] + ([dlg] if dlg is not None else [])

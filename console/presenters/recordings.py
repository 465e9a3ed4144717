"""Recorded video: the playback pane, the recorder's health, bookmarks, holds and evidence."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.evidencecli import signing_key as evidence_signing_key
from console.presenters.base import Presenter, PresenterContext, Relay
from console.recorder_runtime import LaunchResult, RecorderLaunch, RecordingRuntime, last_line
from console.shell.main_window import ActionSpec
from console.shell.panes import Area, PaneSpec
from console.wall_playback import PlaybackWords
from core.events import ChangesAvailable
from core.mailbox import LatestMailbox
from core.model import RoleName
from core.permissions import Permission, Principal
from core.recording import Segment
from core.site import SiteSpec
from core.timefmt import local, utcnow
from core.video import VideoFrame
from core.video_wall import CameraEntry
from video.evidence import ExportCancelled, ExportRequest, ExportResult, export_bundle
from video.playback import (
    PlaybackClock,
    PlaybackState,
    PlaybackStatus,
    PlaybackWorker,
    next_event,
    previous_event,
)
from widgets.camera_tree import CameraTree
from widgets.evidence_dialog import EvidenceChoice, EvidenceExportDialog
from widgets.flow_layout import FlowLayout
from widgets.notifications import Level
from widgets.recorder_status import RecorderStatusLabel
from widgets.timeline import (
    TimelineGap,
    TimelineIncident,
    TimelineLane,
    TimelineMark,
    TimelineWidget,
)
from widgets.video_wall import PlaybackOverlay, VideoWall

log = logging.getLogger(__name__)

PAINT_MS = 40
HEALTH_MS = 5000
PLAYHEAD_MS = 250
SPEEDS = (1.0, 2.0, 4.0, 8.0, 16.0)
BEFORE_INCIDENT = timedelta(minutes=5)
AFTER_INCIDENT = timedelta(minutes=10)
STOP_DEADLINE_S = 3.0
MAX_TILES = 4  # synced playback of up to four cameras (2x2)
TOOL_VERSION = "street-command-console 0.1"
RELAUNCH_EVERY_S = 60.0
PREROLL_S = 1.5  # longest wait for every tile's first frame after a seek while playing


@dataclass(frozen=True, slots=True)
class _IncidentVideo:
    """An incident's cameras and the stretch of time its video covers."""

    iid: int
    cameras: list[str]
    start: datetime
    end: datetime
    label: str  # "#12 title"


@dataclass(slots=True)
class _Tile:
    camera: str
    gen: int
    worker: PlaybackWorker
    status: PlaybackStatus | None = None


class RecordingsPresenter(Presenter):
    """Owns the playback pane, the recorder's health in the status bar, and evidence export."""

    name = "recordings"
    watches = frozenset(
        {"recording_segment", "recording_gap", "recorder_status", "bookmark", "evidence_hold"}
    )

    def __init__(
        self,
        ctx: PresenterContext,
        *,
        site: SiteSpec | None,
        recording: RecordingRuntime,
        exports_dir: Path,
        workstation: str,
        keys_dir: Path | None = None,
    ) -> None:
        super().__init__(ctx)
        root, launch = recording.root, recording.launch
        # Starts the recorder again when the one this console started has died.
        self.relaunch: Callable[[], LaunchResult] | None = recording.relaunch
        # The site's Ed25519 key when this workstation holds it (bundles are then signed).
        self.signing_key: Callable[[], Any] | None = (
            (lambda: evidence_signing_key(keys_dir)) if keys_dir is not None else None
        )
        self._relaunched_at = 0.0
        self.site = site
        self.root = root
        self.launch = launch
        self.exports_dir = exports_dir
        self.workstation = workstation
        self.cameras = {c.code: c for c in site.cameras} if site is not None else {}
        communities = {c.code: c.name for c in site.communities} if site is not None else {}
        self.current_incident: Callable[[], int | None] | None = None  # composition root
        self.clock = PlaybackClock(utcnow() - timedelta(minutes=5))
        self.frames: LatestMailbox[int, VideoFrame] = LatestMailbox(max_keys=16, name="playback")
        # Keyed by (tile, generation) so a replaced worker's last status cannot hide the new one's.
        self.statuses: LatestMailbox[tuple[int, int], PlaybackStatus] = LatestMailbox(
            max_keys=64, name="playback-status"
        )
        self.tiles: dict[int, _Tile] = {}
        self._stopping: list[PlaybackWorker] = []
        self._gen = 0
        self._segments: dict[str, list[Segment]] = {}
        self._events: list[datetime] = []
        self._loaded: tuple[tuple[str, ...], datetime, datetime] | None = None
        self._relay = Relay(self)
        self._words = PlaybackWords(self)
        self._closing = threading.Lock()
        self._closed = False
        self._export_cancel: threading.Event | None = None
        self._export_thread: threading.Thread | None = None
        self.export_dialog: EvidenceExportDialog | None = None
        self.ask_dialog: QInputDialog | None = None
        self._before_lock: tuple[str, tuple[str | None, ...]] | None = None
        # After a seek while playing: (give up at, tiles that show the new instant).
        self._preroll: tuple[float, set[int]] | None = None
        self.last_export: ExportResult | None = None

        # --- the status bar: is anything recording? -------------------------------------
        self.status_label = RecorderStatusLabel()
        ctx.window.add_status_widget(self.status_label)
        self._expected = len(self.cameras)

        # --- the pane: cameras | (transport, tiles, timeline) ----------------------------
        self.pane = QSplitter(Qt.Orientation.Horizontal)
        self.pane.setObjectName("playbackPane")
        self.tree = CameraTree()
        self.tree.set_cameras(
            [
                CameraEntry(c.code, c.name, c.community, communities.get(c.community, c.community))
                for c in self.cameras.values()
            ]
        )
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        bar_box = QWidget()
        bar_box.setObjectName("playbackToolbar")
        bar = FlowLayout(bar_box, spacing=4)  # wraps in a narrow dock, never scrolls away
        bar.setContentsMargins(4, 4, 4, 0)
        self.play_button = QPushButton()
        self.play_button.setObjectName("playbackPlay")
        self.speed = QComboBox()
        self.speed.setObjectName("playbackSpeed")
        for s in SPEEDS:
            self.speed.addItem(f"{s:g}×", s)
        self.step_back = QPushButton("|◀")
        self.step_fwd = QPushButton("▶|")
        self.prev_event = QPushButton()
        self.next_event = QPushButton()
        self.bookmark_button = QPushButton()
        self.export_button = QPushButton()
        self.export_button.setObjectName("playbackExport")
        self.now_button = QPushButton()
        self.position_label = QLabel()
        self.position_label.setObjectName("playbackPosition")
        self.position_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # As wide as its widest text from the start: the bar wraps, and a label that grew as
        # the speed was added would move to the next row and the tiles with it.
        self.position_label.setMinimumWidth(
            self.position_label.fontMetrics().horizontalAdvance("0000-00-00 00:00:00  16×") + 8
        )
        for w in (
            self.play_button,
            self.speed,
            self.step_back,
            self.step_fwd,
            self.prev_event,
            self.next_event,
            self.bookmark_button,
            self.export_button,
            self.now_button,
        ):
            w.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            bar.addWidget(w)
        bar.addWidget(self.position_label)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        bar_box.setSizePolicy(policy)
        box.addWidget(bar_box)
        self.wall = VideoWall(zone=ctx.zone)
        self.wall.setObjectName("playbackWall")
        self.wall.set_camera_names({c.code: c.name for c in self.cameras.values()})
        self.wall.set_layout("2x2")
        box.addWidget(self.wall, 1)
        self.timeline = TimelineWidget(zone=ctx.zone)
        self.timeline.setMinimumWidth(0)
        self.timeline.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        box.addWidget(self.timeline)
        self.empty = QLabel()
        self.empty.setObjectName("playbackHint")
        self.empty.setWordWrap(True)
        box.addWidget(self.empty)
        self.pane.addWidget(self.tree)
        self.pane.addWidget(right)
        self.pane.setStretchFactor(1, 1)
        self.pane.setCollapsible(1, False)
        self.pane.setSizes([200, 800])  # the cameras list narrow; the tiles get the room
        ctx.window.add_pane(
            PaneSpec(
                "playback",
                lambda: self.tr("Playback"),
                self.pane,
                Area.TOP_RIGHT,
                90,  # after the others in the View menu, as Ctrl+9 comes after Ctrl+8
                "Ctrl+9",
                permission=Permission.VIEW_VIDEO,
            )
        )
        self._wire()

        # --- actions on the selected incident --------------------------------------------
        self.act_incident_video = ctx.window.add_action(
            ActionSpec(
                "incident_video",
                lambda: self.tr("Recorded video of the incident"),
                "incidents",
                "Ctrl+Shift+R",
                permission=Permission.VIEW_VIDEO,
            ),
            self.play_incident,
        )
        self.act_incident_export = ctx.window.add_action(
            ActionSpec(
                "incident_evidence",
                lambda: self.tr("Export the incident's video evidence…"),
                "incidents",
                "Ctrl+Shift+X",
                permission=Permission.EXPORT_EVIDENCE,
            ),
            self.export_incident,
        )
        self.act_incident_hold = ctx.window.add_action(
            ActionSpec(
                "incident_hold",
                lambda: self.tr("Keep the incident's video as evidence…"),
                "incidents",
                None,
                permission=Permission.HANDLE_INCIDENTS,
            ),
            self.hold_incident,
        )
        self.act_incident_release = ctx.window.add_action(
            ActionSpec(
                "incident_release",
                lambda: self.tr("Release the incident's evidence hold…"),
                "incidents",
                None,
                permission=Permission.RELEASE_EVIDENCE,
            ),
            self.release_incident_holds,
        )
        self.act_bookmark = QAction(self.pane)
        self.act_bookmark.setShortcut(QKeySequence("Ctrl+B"))
        self.act_bookmark.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_bookmark.triggered.connect(self.add_bookmark)
        self.pane.addAction(self.act_bookmark)

        self._paint = QTimer(self)
        self._paint.setInterval(PAINT_MS)
        self._paint.timeout.connect(self._on_paint)
        self._health = QTimer(self)
        self._health.setInterval(HEALTH_MS)
        self._health.timeout.connect(self._read_health)
        self._playhead = QTimer(self)
        self._playhead.setInterval(PLAYHEAD_MS)
        self._playhead.timeout.connect(self._on_playhead)
        self.retranslate()

    def _wire(self) -> None:
        self.play_button.clicked.connect(self.toggle_play)
        self.speed.currentIndexChanged.connect(self._on_speed)
        self.step_back.clicked.connect(lambda: self.step(-1))
        self.step_fwd.clicked.connect(lambda: self.step(1))
        self.prev_event.clicked.connect(lambda: self.jump_event(-1))
        self.next_event.clicked.connect(lambda: self.jump_event(1))
        self.bookmark_button.clicked.connect(self.add_bookmark)
        self.export_button.clicked.connect(self.export_shown)
        self.now_button.clicked.connect(self.go_to_now)
        self.timeline.sig_seek_requested.connect(self.seek)
        self.timeline.sig_play_pause_requested.connect(self.toggle_play)
        self.timeline.sig_step_requested.connect(self.step)
        self.timeline.sig_window_changed.connect(lambda _s, _span: self._load_timeline())
        self.tree.sig_camera_activated.connect(self._on_camera_activated)
        self.wall.sig_camera_dropped.connect(self._on_camera_dropped)
        self.wall.sig_clear_requested.connect(self._on_clear)
        self.wall.sig_pause_requested.connect(lambda _t: self.toggle_play())
        self.wall.sig_snapshot_requested.connect(lambda _t: None)

    def retranslate(self) -> None:
        self.play_button.setToolTip(self.tr("Play / pause (Space)"))
        self.step_back.setToolTip(self.tr("Previous frame (Left)"))
        self.step_fwd.setToolTip(self.tr("Next frame (Right)"))
        self.prev_event.setText(self.tr("◀ Event"))
        self.prev_event.setToolTip(self.tr("Previous bookmark, motion or incident (Ctrl+Left)"))
        self.next_event.setText(self.tr("Event ▶"))
        self.next_event.setToolTip(self.tr("Next bookmark, motion or incident (Ctrl+Right)"))
        self.bookmark_button.setText(self.tr("Bookmark…"))
        self.bookmark_button.setToolTip(self.tr("Mark this moment with a note (Ctrl+B)"))
        self.export_button.setText(self.tr("Export evidence…"))
        self.now_button.setText(self.tr("Latest"))
        self.now_button.setToolTip(self.tr("Go to the newest recording"))
        self.act_bookmark.setText(self.tr("Bookmark"))
        self._show_play_state()
        self._show_hint()

    # --- lifecycle ----------------------------------------
    def signed_in(self, who: Principal) -> None:
        self._health.start()
        self._playhead.start()
        self._paint.start()
        self._read_health()
        if self.launch.state is RecorderLaunch.FAILED:
            self.ctx.feedback.notify(
                Level.ERROR,
                self.tr("The recorder could not be started: {why}").format(why=self.launch.detail),
            )
        self.reload()

    def signed_out(self) -> None:
        self._before_lock = None
        self._preroll = None
        self._stop_all()
        self.wall.set_cameras("2x2", [])
        self.timeline.set_data([])
        self._segments = {}
        self._loaded = None
        for t in (self._health, self._playhead, self._paint):
            t.stop()
        self.status_label.set_health([], utcnow(), 0)  # nobody's: hidden until a sign-in reads

    def locked(self) -> None:
        # No recorded picture stays behind the lock screen; the same user gets the cameras back.
        self._preroll = None
        self.clock.pause()
        self._show_play_state()
        self._stop_all()
        self._before_lock = (self.wall.layout_key(), self.wall.cameras())
        self.wall.set_cameras(self.wall.layout_key(), [])

    def unlocked(self) -> None:
        if self._before_lock is not None:
            key, cameras = self._before_lock
            self._before_lock = None
            self.wall.set_cameras(key, list(cameras))
            self._restart_tiles()
        self.reload()

    def reload(self) -> None:
        self._read_health()
        self._load_timeline()

    def on_changes(self, changes: ChangesAvailable) -> None:
        if "recorder_status" in changes.tables:
            self._read_health()
        if changes.tables & {"recording_segment", "recording_gap", "bookmark"}:
            self._load_timeline()

    def shutdown(self) -> None:
        with self._closing:
            self._closed = True
        for t in (self._health, self._playhead, self._paint):
            t.stop()
        if self._export_cancel is not None:
            self._export_cancel.set()
        workers = [t.worker for t in self.tiles.values()] + self._stopping
        self.tiles.clear()
        for w in workers:
            w.stop()
        deadline = time.monotonic() + STOP_DEADLINE_S
        for w in workers:
            w.join(max(0.0, deadline - time.monotonic()))
        thread = self._export_thread
        if thread is not None:
            thread.join(max(0.0, deadline - time.monotonic()))
        stuck = [w.name for w in workers if w.alive]
        if thread is not None and thread.is_alive():
            stuck.append(thread.name)
        if stuck:
            log.error("playback threads still running at exit: %s", ", ".join(stuck))

    # --- health ----------------------------------------
    def _watch_recorder(self) -> None:
        """A recorder this console started that ended is reported and started again (at
        most once a minute: one that dies at once must not be restarted in a loop)."""
        code = self.launch.exited()
        if code is None or self.relaunch is None:
            return
        if time.monotonic() - self._relaunched_at < RELAUNCH_EVERY_S:
            return
        why = last_line(self.launch.log)
        log.error("the recorder ended (exit %s): %s", code, why)
        self.ctx.feedback.notify(
            Level.ERROR,
            self.tr("The recorder stopped (exit {code}): {why}. Starting it again.").format(
                code=code, why=why or "-"
            ),
        )
        self._relaunched_at = time.monotonic()
        self.launch = self.relaunch()

    def _shown_cameras(self, who: Principal | None) -> int:
        """How many cameras the status bar answers for: none at a community station that
        records nothing itself, whose worker can do nothing about the centre's recorder (a red
        "● Not recording" there only alarms)."""
        station = who is not None and who.role is RoleName.STATION
        if station and self.launch.state is RecorderLaunch.OFF:
            return 0
        return self._expected

    def _read_health(self) -> None:
        self._watch_recorder()
        who = self.who
        if who is None or not who.can(Permission.VIEW_VIDEO) or not self._expected:
            return
        expected = self._shown_cameras(who)
        if not expected:
            self.status_label.set_health([], utcnow(), 0)
            return
        recordings = self.ctx.services.recordings
        self.read_for(
            who,
            lambda: recordings.recorder_health(who),
            lambda health: self.status_label.set_health(health, utcnow(), expected),
            self.tr("Could not read the recorder's state"),
            "recorder_health",
        )

    # --- which cameras play ----------------------------------------
    def shown_cameras(self) -> tuple[str, ...]:
        return tuple(c for c in self.wall.cameras() if c is not None)

    def show(self, cameras: Sequence[str], at: datetime | None = None) -> None:
        """Play these cameras (up to four) in sync, from `at` (else where the clock is)."""
        codes = [c for c in dict.fromkeys(cameras) if c in self.cameras][:MAX_TILES]
        self.wall.set_cameras("1" if len(codes) == 1 else "2x2", codes)
        self.ctx.window.show_pane("playback")
        self._restart_tiles()
        if at is not None:
            span = self.timeline.time_window()[1]
            self.timeline.set_window(at - timedelta(seconds=span / 4), span)
            self.clock.play()
            self.seek(at)  # pre-rolled: the cameras start together
        self._load_timeline()

    @Slot(str)
    def _on_camera_activated(self, code: str) -> None:
        self._on_camera_dropped(self.wall.selected(), code)

    @Slot(int, str)
    def _on_camera_dropped(self, tile: int, code: str) -> None:
        self.wall.set_camera(tile, code)
        self.wall.select(tile)
        self._restart_tiles()
        self._load_timeline()

    @Slot(int)
    def _on_clear(self, tile: int) -> None:
        self.wall.set_camera(tile, None)
        self._restart_tiles()
        self._load_timeline()

    def _stop_tile(self, tile: int) -> None:
        t = self.tiles.pop(tile, None)
        if t is None:
            return
        t.worker.stop()
        self._stopping.append(t.worker)
        self.frames.forget(tile)
        self.wall.set_playback(tile, None)
        self.wall.set_status(tile, None)

    def _stop_all(self) -> None:
        for tile in list(self.tiles):
            self._stop_tile(tile)

    def _restart_tiles(self) -> None:
        """A worker per tile with a camera, on the shared clock; others stopped."""
        who = self.who
        if who is None or not who.can(Permission.VIEW_VIDEO) or self.ctx.session.locked:
            self._stop_all()
            return
        for tile in range(self.wall.tile_count()):
            code = self.wall.camera(tile)
            have = self.tiles.get(tile)
            if have is not None and have.camera == code:
                continue
            self._stop_tile(tile)
            if code is None:
                continue
            self._gen += 1
            gen = self._gen

            def on_status(status: PlaybackStatus, tile: int = tile, gen: int = gen) -> None:
                self.statuses.put((tile, gen), status)

            worker = PlaybackWorker(
                code,
                self._segments.get(code, []),
                self.root,
                self.clock,
                self._tile_size(tile),
                self.frames,
                tile,
                on_status,
            )
            self.tiles[tile] = _Tile(code, gen, worker)
            worker.start()
            self.wall.set_playback(
                tile,
                PlaybackOverlay(
                    self.tr("PLAYBACK {time}").format(
                        time=local(self.clock.position(), self.ctx.zone).strftime("%H:%M:%S")
                    ),
                    None,
                ),
            )
        self._stopping = [w for w in self._stopping if w.alive]
        self._show_hint()

    def _tile_size(self, tile: int) -> tuple[int, int]:
        rect = self.wall.tile_rect(tile)
        return max(16, min(1920, rect.width())), max(16, min(1080, rect.height()))

    # --- the timeline ----------------------------------------
    def _load_timeline(self) -> None:
        who = self.who
        cameras = self.shown_cameras()
        if who is None or not who.can(Permission.VIEW_VIDEO):
            return
        if not cameras:
            self.timeline.set_data([])
            self._show_hint()
            return
        start, span = self.timeline.time_window()
        # A margin either side: scrubbing just past the window still finds its segments.
        lo, hi = start - timedelta(seconds=span), start + timedelta(seconds=2 * span)
        recordings = self.ctx.services.recordings
        self.read_for(
            who,
            lambda: recordings.timeline(who, cameras, lo, hi),
            self._on_timeline,
            self.tr("Could not read the recordings"),
            "timeline",
        )

    def _on_timeline(self, tl: Any) -> None:
        if tuple(tl.cameras) != self.shown_cameras():
            return  # the cameras changed meanwhile: a newer read is on its way
        lanes: list[TimelineLane] = []
        self._segments = {c: [] for c in tl.cameras}
        for seg in tl.segments:
            self._segments.setdefault(seg.camera, []).append(seg)
        events: list[datetime] = []
        for code in tl.cameras:
            camera = self.cameras.get(code)
            marks = [TimelineMark(b.at, b.note) for b in tl.bookmarks if b.camera == code]
            motion = [m.at for m in tl.motion if m.camera == code]
            incidents = [
                TimelineIncident(i.at, str(i.id), i.title)
                for i in tl.incidents
                if code in i.cameras or not i.cameras
            ]
            events += [m.at for m in marks] + motion + [i.at for i in incidents]
            lanes.append(
                TimelineLane(
                    code,
                    f"{code} {camera.name}" if camera is not None else code,
                    [(s.start, s.end) for s in self._segments.get(code, [])],
                    [
                        TimelineGap(g.start, g.end, g.cause.value, g.detail)
                        for g in tl.gaps
                        if g.camera == code
                    ],
                    marks,
                    motion,
                    incidents,
                )
            )
        self._events = sorted(events)
        self.timeline.set_data(lanes)
        for t in self.tiles.values():
            t.worker.set_segments(self._segments.get(t.camera, []))
        self._show_hint()

    def _show_hint(self) -> None:
        if not self.shown_cameras():
            self.empty.setText(
                self.tr(
                    "Choose cameras: Enter on a camera in the list, or drag it onto a tile. "
                    "Ctrl+Shift+R plays the video of the incident selected in the queue."
                )
            )
            self.empty.setVisible(True)
        elif not any(self._segments.get(c) for c in self.shown_cameras()):
            self.empty.setText(self.tr("No recordings of these cameras around this time."))
            self.empty.setVisible(True)
        else:
            self.empty.setVisible(False)

    # --- transport ----------------------------------------
    @Slot()
    def toggle_play(self) -> None:
        if self._preroll is not None:  # pause asked while the tiles pre-roll: stay paused
            self._preroll = None
        else:
            self.clock.toggle()
        self._show_play_state()

    def _show_play_state(self) -> None:
        playing = self.clock.playing or self._preroll is not None
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    @Slot(int)
    def _on_speed(self, index: int) -> None:
        self.clock.set_speed(float(self.speed.itemData(index)))
        self._refresh_overlays()

    @Slot(object)
    def seek(self, t: datetime) -> None:
        """Go to `t`. While playing, the clock waits (pre-roll, at most PREROLL_S) until every
        tile shows the frame of `t`, so that the cameras start together."""
        playing = self.clock.playing or self._preroll is not None
        self.clock.pause()
        self.clock.seek(t)
        self._preroll = (time.monotonic() + PREROLL_S, set()) if playing and self.tiles else None
        if playing and not self.tiles:
            self.clock.play()
        self.timeline.set_playhead(t)
        self._on_playhead()

    def _preroll_done(self, fresh: set[int]) -> None:
        if self._preroll is None:
            return
        until, ready = self._preroll
        ready |= fresh
        for tile, t in self.tiles.items():
            status = t.status
            if status is not None and status.state in (
                PlaybackState.GAP,
                PlaybackState.END,
                PlaybackState.ERROR,
            ):
                ready.add(tile)  # nothing to show there: it does not hold the others back
        if ready >= set(self.tiles) or time.monotonic() >= until:
            self._preroll = None
            self.clock.play()
            self._show_play_state()

    @Slot(int)
    def step(self, frames: int) -> None:
        if self.clock.playing:
            self.clock.pause()
            self._show_play_state()
        self.clock.step_frame(frames)

    def jump_event(self, direction: int) -> None:
        pos = self.clock.position()
        t = (
            next_event(self._events, pos + timedelta(milliseconds=1))
            if direction > 0
            else previous_event(self._events, pos - timedelta(milliseconds=1))
        )
        if t is None:
            self.ctx.feedback.message(self.tr("No further event in the loaded range."), 3000)
            return
        self.seek(t)

    @Slot()
    def go_to_now(self) -> None:
        ends = [s.end for segs in self._segments.values() for s in segs]
        t = max(ends) - timedelta(seconds=10) if ends else utcnow() - timedelta(seconds=30)
        self.seek(t)

    def _on_playhead(self) -> None:
        if not self.tiles:
            return
        pos = self.clock.position()
        self.timeline.set_playhead(pos, follow=self.clock.playing)
        speed = self.clock.speed
        text = local(pos, self.ctx.zone).strftime("%Y-%m-%d %H:%M:%S")
        if speed != 1.0:
            text += f"  {speed:g}×"
        if text != self.position_label.text():
            self.position_label.setText(text)
            self._refresh_overlays()  # the tiles' banners show the recorded time too

    def _on_paint(self) -> None:
        frames = self.frames.take()
        fresh = {
            tile: f
            for tile, f in frames.items()
            if tile in self.tiles and f.camera == self.tiles[tile].camera
        }
        if fresh:
            self.wall.show_frames(fresh)
        self._preroll_done(set(fresh))
        for (tile, gen), status in self.statuses.take().items():
            t = self.tiles.get(tile)
            if t is not None and t.gen == gen:
                t.status = status
                self._overlay(tile, t)
        self._stopping = [w for w in self._stopping if w.alive]

    def _refresh_overlays(self) -> None:
        for tile, t in self.tiles.items():
            self._overlay(tile, t)

    def _overlay(self, tile: int, t: _Tile) -> None:
        overlay, status = self._words.overlay(
            t.camera,
            self.clock.position(),
            self.ctx.zone,
            t.status,
            speed=self.clock.speed,
            opening=self.wall.counters(tile).shown == 0,
        )
        self.wall.set_playback(tile, overlay)
        self.wall.set_status(tile, status)

    # --- incidents ----------------------------------------
    def _incident(self) -> int | None:
        iid = self.current_incident() if self.current_incident is not None else None
        if iid is None:
            self.ctx.feedback.message(self.tr("Select an incident in the queue first."), 4000)
        return iid

    def _incident_window(self, who: Principal, iid: int) -> _IncidentVideo:
        detail = self.ctx.services.incidents.incident_detail(who, iid)
        cameras = self.ctx.services.video.cameras_of_incident(who, iid)
        start = detail.row.created_at - BEFORE_INCIDENT
        end = max(detail.row.updated_at, detail.row.created_at) + AFTER_INCIDENT
        return _IncidentVideo(iid, cameras, start, min(end, utcnow()), f"#{iid} {detail.row.title}")

    def _with_incident_video(
        self, label: str, then: Callable[[Principal, _IncidentVideo], None]
    ) -> None:
        """The selected incident's cameras and time, read off the GUI thread, then `then`."""
        who = self.who
        iid = self._incident()
        if who is None or iid is None:
            return

        def got(found: _IncidentVideo) -> None:
            if not found.cameras:
                self.ctx.feedback.message(self.tr("The incident names no camera."), 5000)
                return
            then(who, found)

        self.read_for(
            who,
            lambda: self._incident_window(who, iid),
            got,
            self.tr("Could not find the incident's cameras"),
            label,
        )

    def play_incident(self) -> None:
        """Ctrl+Shift+R: the incident's cameras from a few minutes before it was opened."""
        self._with_incident_video(
            "incident_video",
            lambda _who, v: self.show(v.cameras, v.start + BEFORE_INCIDENT - timedelta(seconds=30)),
        )

    def hold_incident(self) -> None:
        """Keep the incident's video past retention until a supervisor releases it."""
        self._with_incident_video("incident_hold", self._ask_hold)

    def _ask_hold(self, who: Principal, v: _IncidentVideo) -> None:
        evidence = self.ctx.services.evidence

        def place(reason: str) -> None:
            if not reason.strip():
                return
            self.ctx.jobs.write(
                lambda: evidence.place_hold(who, v.iid, v.cameras, v.start, v.end, reason.strip()),
                lambda _r: self.ctx.feedback.message(
                    self.tr("The video of incident {id} is kept as evidence.").format(id=v.iid),
                    6000,
                ),
                lambda exc: self.ctx.feedback.report(exc, self.tr("Could not keep the video")),
                "evidence_hold",
            )

        self._ask_text(
            self.tr("Keep video as evidence"),
            self.tr(
                "Keep {cameras} from {start} to {end} for incident {incident} until a "
                "supervisor releases it. Reason:"
            ).format(
                cameras=", ".join(v.cameras),
                start=local(v.start, self.ctx.zone).strftime("%Y-%m-%d %H:%M"),
                end=local(v.end, self.ctx.zone).strftime("%H:%M"),
                incident=v.label,
            ),
            place,
        )

    def release_incident_holds(self) -> None:
        """A supervisor lets the incident's held video fall back under retention (audited)."""
        who = self.who
        iid = self._incident()
        if who is None or iid is None:
            return
        evidence = self.ctx.services.evidence

        def got(rows: list[Any]) -> None:
            held = [r.hold for r in rows if r.in_force]
            if not held:
                self.ctx.feedback.message(
                    self.tr("Incident {id} has no evidence hold in force.").format(id=iid), 5000
                )
                return

            def release(reason: str) -> None:
                if not reason.strip():
                    return

                def run() -> int:
                    for hold in held:
                        evidence.release_hold(who, hold.id, reason.strip())
                    return len(held)

                self.ctx.jobs.write(
                    run,
                    lambda n: self.ctx.feedback.message(
                        self.tr("{n} evidence hold(s) of incident {id} released.").format(
                            n=n, id=iid
                        ),
                        6000,
                    ),
                    lambda exc: self.ctx.feedback.report(
                        exc, self.tr("Could not release the hold")
                    ),
                    "evidence_release",
                )

            self._ask_text(
                self.tr("Release evidence hold"),
                self.tr(
                    "The video of incident {id} will be deleted by retention once it is old "
                    "enough. Reason for releasing it:"
                ).format(id=iid),
                release,
            )

        self.read_for(
            who,
            lambda: evidence.holds_for(who, iid),
            got,
            self.tr("Could not read the incident's holds"),
            "incident_holds",
        )

    # --- bookmarks ----------------------------------------
    def add_bookmark(self) -> None:
        """Ctrl+B: a note at this moment of the selected tile's camera."""
        who = self.who
        code = self.wall.camera(self.wall.selected()) or next(iter(self.shown_cameras()), None)
        if who is None or code is None:
            return
        at = self.clock.position()
        recordings = self.ctx.services.recordings
        iid = self.current_incident() if self.current_incident is not None else None

        def save(note: str) -> None:
            self.ctx.jobs.write(
                lambda: recordings.add_bookmark(who, code, at, note.strip(), iid),
                lambda _r: self._load_timeline(),
                lambda exc: self.ctx.feedback.report(exc, self.tr("Could not add the bookmark")),
                "bookmark",
            )

        self._ask_text(
            self.tr("Bookmark"),
            self.tr("Note for {camera} at {time}:").format(
                camera=code, time=local(at, self.ctx.zone).strftime("%H:%M:%S")
            ),
            save,
        )

    def _ask_text(self, title: str, label: str, then: Callable[[str], None]) -> None:
        """A line of text asked window-modally (open(), never exec()); `then` gets it on OK."""
        dlg = QInputDialog(self.ctx.window)
        dlg.setObjectName("recordingsAsk")
        dlg.setWindowTitle(title)
        dlg.setLabelText(label)
        dlg.setTextValue("")
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.textValueSelected.connect(then)
        self.ask_dialog = dlg
        dlg.open()

    # --- evidence export ----------------------------------------
    def export_shown(self) -> None:
        """Export what the pane shows: its cameras around the playhead (the dialog adjusts)."""
        pos = self.clock.position()
        self.ask_export(
            list(self.shown_cameras()), pos - timedelta(minutes=1), pos + timedelta(minutes=1)
        )

    def export_incident(self) -> None:
        """Ctrl+Shift+X: the incident's cameras and time, into an evidence bundle."""
        self._with_incident_video(
            "incident_evidence",
            lambda _who, v: self.ask_export(v.cameras, v.start, v.end, v.iid, v.label),
        )

    def ask_export(
        self,
        cameras: Sequence[str],
        start: datetime,
        end: datetime,
        incident_id: int | None = None,
        incident_label: str = "",
    ) -> None:
        who = self.who
        if who is None:
            return
        if self.export_dialog is not None:
            self.export_dialog.raise_()
            self.export_dialog.activateWindow()
            return
        listed = [(c.code, c.name) for c in self.cameras.values()]
        dlg = EvidenceExportDialog(
            listed,
            list(cameras),
            start,
            end,
            local(start, self.ctx.zone).tzinfo or start.tzinfo,  # type: ignore[arg-type]
            self.exports_dir,
            incident=incident_label,
            reason_required=who.role is not RoleName.SUPERVISOR and who.role is not RoleName.ADMIN,
            parent=self.ctx.window,
        )
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.sig_export_requested.connect(
            lambda choice: self._start_export(who, dlg, choice, incident_id)
        )
        dlg.sig_cancel_requested.connect(self._cancel_export)
        dlg.finished.connect(self._export_dialog_closed)
        self.export_dialog = dlg
        dlg.open()

    def _export_dialog_closed(self) -> None:
        if self.export_dialog is not None:
            self.export_dialog.deleteLater()
        self.export_dialog = None

    def _cancel_export(self) -> None:
        if self._export_cancel is not None:
            self._export_cancel.set()

    def _start_export(
        self,
        who: Principal,
        dlg: EvidenceExportDialog,
        choice: EvidenceChoice,
        incident_id: int | None,
    ) -> None:
        if self._export_thread is not None and self._export_thread.is_alive():
            return
        services = self.ctx.services
        dlg.set_running(True)

        def gather() -> tuple[str, dict[str, list[Segment]], dict[str, list[Any]], ExportRequest]:
            reason = services.evidence.authorise_export(who, choice.reason)
            tl = services.recordings.timeline(who, choice.cameras, choice.start, choice.end)
            segments: dict[str, list[Segment]] = {c: [] for c in choice.cameras}
            for seg in tl.segments:
                segments[seg.camera].append(seg)
            gaps: dict[str, list[Any]] = {c: [] for c in choice.cameras}
            for gap in tl.gaps:
                gaps[gap.camera].append(gap)
            rows: tuple[Any, ...] = ()
            calls: tuple[Path, ...] = ()
            if incident_id is not None:
                rows = tuple(
                    (
                        line.at.isoformat(),
                        line.kind,
                        line.text,
                        line.author,
                    )
                    for line in services.evidence.incident_timeline_export(who, incident_id)
                )
                calls = tuple(
                    Path(p) for p in services.evidence.call_recordings_for(who, incident_id)
                )
            request = ExportRequest(
                cameras=tuple(choice.cameras),
                start=choice.start,
                end=choice.end,
                operator=who.username,
                workstation=self.workstation,
                reason=reason,
                tool_version=TOOL_VERSION,
                incident_id=incident_id,
                timeline=rows,
                timeline_columns=("time", "kind", "text", "author") if rows else (),
                call_recordings=calls,
            )
            return reason, segments, gaps, request

        def gathered(
            got: tuple[str, dict[str, list[Segment]], dict[str, list[Any]], ExportRequest],
        ) -> None:
            _reason, segments, gaps, request = got
            if not any(segments.values()):
                dlg.set_finished(False, self.tr("Nothing is recorded in this range."))
                return
            self._run_export(who, dlg, request, segments, gaps, choice.folder)

        def refused(exc: BaseException) -> None:
            dlg.set_finished(False, str(exc))

        self.ctx.jobs.read(gather, gathered, refused, "evidence_gather")

    def _run_export(
        self,
        who: Principal,
        dlg: EvidenceExportDialog,
        request: ExportRequest,
        segments: dict[str, list[Segment]],
        gaps: dict[str, list[Any]],
        folder: Path,
    ) -> None:
        stamp = local(request.start, self.ctx.zone).strftime("%Y%m%d-%H%M%S")
        name = f"evidence-{stamp}-{'-'.join(request.cameras)[:60]}"
        if request.incident_id is not None:
            name = f"evidence-incident{request.incident_id}-{stamp}"
        out = folder / name
        n = 2
        while out.exists():
            out = folder / f"{name}-{n}"
            n += 1
        cancel = threading.Event()
        self._export_cancel = cancel
        last = [0.0]

        def progress(done: int, total: int) -> None:  # the export thread
            now = time.monotonic()
            if now - last[0] >= 0.1 or done >= total:
                last[0] = now
                self._post(lambda: dlg.set_progress(done, total))

        def run() -> None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                key = self.signing_key() if self.signing_key is not None else None
                result = export_bundle(
                    request,
                    segments,
                    self.root,
                    out,
                    gaps=gaps,
                    signing_key=key,
                    progress=progress,
                    cancel=cancel,
                )
            except ExportCancelled:
                self._post(lambda: dlg.set_finished(False, self.tr("Cancelled: nothing was left.")))
                return
            except Exception as exc:
                log.warning("evidence export failed: %s", exc)
                why = str(exc)
                self._post(lambda: dlg.set_finished(False, why))
                return
            self._post(lambda: self._export_done(who, dlg, request, result))

        thread = threading.Thread(target=run, name="evidence-export", daemon=True)
        self._export_thread = thread
        thread.start()

    def _export_done(
        self,
        who: Principal,
        dlg: EvidenceExportDialog,
        request: ExportRequest,
        result: ExportResult,
    ) -> None:
        self.last_export = result
        evidence = self.ctx.services.evidence
        text = self.tr("Written to {path}\nManifest SHA-256: {sha}").format(
            path=result.path, sha=result.manifest_sha256
        )
        if result.key_fingerprint:
            text += "\n" + self.tr("Signed by the site key {fingerprint}").format(
                fingerprint=result.key_fingerprint
            )
        else:
            text += "\n" + self.tr("Not signed: this workstation does not hold the site key.")

        def recorded(_r: object) -> None:
            dlg.set_finished(True, text)

        def failed(exc: BaseException) -> None:
            dlg.set_finished(
                True,
                text + "\n" + self.tr("The audit row could not be written: {why}").format(why=exc),
            )
            self.ctx.feedback.report(exc, self.tr("Could not audit the export"))

        self.ctx.jobs.write(
            lambda: evidence.record_export(
                who,
                result.manifest_sha256,
                request.cameras,
                request.start,
                request.end,
                request.incident_id,
                request.reason,
                str(result.path),
            ),
            recorded,
            failed,
            "evidence_audit",
        )

    def _post(self, fn: Callable[[], None]) -> None:
        with self._closing:
            if not self._closed:
                self._relay.sig_call.emit(fn)

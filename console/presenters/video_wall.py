"""The live video wall: cameras on tiles, a decode worker per visible tile, views, tours, PTZ."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.camera_links import camera_links
from console.presenters.base import Presenter, PresenterContext, Relay
from console.shell.main_window import ActionSpec
from console.shell.panes import Area, PaneSpec
from console.video_runtime import VideoRuntime
from console.video_sources import ResolvedStream, VideoSourceError, VideoSourceNotReady
from console.wall_playback import REPLAY_SECONDS, PlaybackWords, WallPlayback
from core.camera_settings import CameraSettings
from core.events import ChangesAvailable
from core.mailbox import LatestMailbox
from core.motion import MotionMask
from core.permissions import Permission, Principal
from core.recording import Segment
from core.site import SiteSpec
from core.timefmt import utcnow
from core.video import StreamKind, StreamState, StreamStatus, VideoFrame
from core.video_wall import CameraEntry, Tour, WallError, WallView, assign
from core.views import DeviceRow
from data.exports import write_private
from video.budget import BudgetConfig, CpuBudget, CpuSampler, default_budget_cores
from video.decode import DecodeWorker
from video.motion import MotionDetector
from video.playback import PlaybackState, instant_replay_start
from video.png import encode_png
from widgets.camera_tree import CameraTree
from widgets.motion_dialog import MotionSettingsDialog
from widgets.video_wall import PlaybackOverlay, VideoWall
from widgets.visibility import in_view
from widgets.wall_toolbar import WallToolbar

log = logging.getLogger(__name__)

PAINT_MS = 20  # not 40: a timer at the frame period beats against it and loses frames
RECONCILE_MS = 1000  # retry sources not ready, reap stopped workers, follow tile sizes
BUDGET_MS = 1000
STOP_DEADLINE_S = 3.5  # an open in progress ends by its own timeout (3 s)
MAX_TILE = (1920, 1080)
PREVIEW_EVERY_S = 0.25  # the tuned camera's detected regions, four times a second
DEFAULT_LAYOUT = "2x2"
TREE_MIN_WIDTH = 200  # a community's name and a camera's name beside its state dot


@dataclass
class _Stream:
    """A tile's running stream."""

    tile: int
    camera: str
    kind: StreamKind
    gen: int
    worker: DecodeWorker
    resolved: ResolvedStream


class VideoWallPresenter(Presenter):
    """Owns the wall pane: which camera each tile shows, their streams, views and tours."""

    name = "video"
    watches = frozenset({"wall_view", "camera_setting"})

    def __init__(
        self,
        ctx: PresenterContext,
        *,
        site: SiteSpec | None,
        runtime: VideoRuntime | None,
        snapshots_dir: Path,
        recordings_root: Path | None = None,
    ) -> None:
        super().__init__(ctx)
        self.site = site
        self.runtime = runtime
        self.snapshots_dir = snapshots_dir
        self.cameras = {c.code: c for c in site.cameras} if site is not None else {}
        communities = {c.code: c.name for c in site.communities} if site is not None else {}
        # The incident selected in the queue (wired by the composition root).
        self.current_incident: Callable[[], int | None] | None = None
        # The motion runtime of this workstation, told when settings change (composition root).
        self.on_settings_changed: Callable[[], None] | None = None
        self.frames: LatestMailbox[int, VideoFrame] = LatestMailbox(max_keys=64, name="wall")
        # Keyed by (tile, generation): a stopped stream's last word must not overwrite the
        # first status of the stream that replaced it on the tile before the GUI takes it.
        self.statuses: LatestMailbox[tuple[int, int], StreamStatus] = LatestMailbox(
            max_keys=64, name="wall-status"
        )
        self.streams: dict[int, _Stream] = {}
        # Tiles playing recorded video (instant replay): never live streams meanwhile.
        self.playback = WallPlayback(recordings_root or snapshots_dir, self.frames)
        self._words = PlaybackWords(self)
        self._stopping: list[DecodeWorker] = []
        self._gen = 0
        self._last: dict[int, VideoFrame] = {}
        self._views: list[WallView] = []
        self._view_name: str | None = None
        self._tour: Tour | None = None
        self._tour_step = 0
        self._presets: dict[str, list[Any]] = {}
        self._not_ready: dict[int, str] = {}
        self._resolving: dict[int, tuple[str, StreamKind]] = {}  # ONVIF URIs being asked for
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="video-io")
        self._relay = Relay(self)
        self._closing = threading.Lock()
        self._closed = False
        self._budget: CpuBudget[int] = CpuBudget(BudgetConfig(default_budget_cores()))
        self._sampler = CpuSampler()
        self._tuning: tuple[int, str, MotionDetector] | None = None
        self._tuned_at = 0.0
        self._settings: dict[str, CameraSettings] = {}
        self.motion_dialog: MotionSettingsDialog | None = None

        # --- the pane: the camera tree beside the toolbar and the wall -------------------
        self.pane = QSplitter(Qt.Orientation.Horizontal)
        self.pane.setObjectName("videoPane")
        self.tree = CameraTree()
        self.tree.set_cameras(
            [
                CameraEntry(
                    c.code,
                    c.name,
                    c.community,
                    communities.get(c.community, c.community),
                    c.vendor == "onvif",
                )
                for c in self.cameras.values()
            ]
        )
        self.wall_box = QWidget()
        box = QVBoxLayout(self.wall_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.toolbar = WallToolbar()
        self.wall = VideoWall(zone=ctx.zone)
        self.wall.set_camera_names({c.code: c.name for c in self.cameras.values()})
        box.addWidget(self.toolbar)  # wraps onto a second row in a narrow pane
        box.addWidget(self.wall, 1)
        self.tree.setMinimumWidth(TREE_MIN_WIDTH)
        self.pane.addWidget(self.tree)
        self.pane.addWidget(self.wall_box)
        self.pane.setCollapsible(0, False)
        self.pane.setStretchFactor(1, 1)
        self._full: QWidget | None = None
        dock = ctx.window.add_pane(
            PaneSpec(
                "video",
                lambda: self.tr("Video wall"),
                self.pane,
                Area.TOP_RIGHT,
                10,
                "Ctrl+1",
                front=True,
                permission=Permission.VIEW_VIDEO,
            )
        )
        self._dock = dock
        self.wall.set_layout(DEFAULT_LAYOUT)
        self.toolbar.set_layout(DEFAULT_LAYOUT)
        self._wire()

        # Snapshot to the incident selected in the queue, and the incident's cameras.
        self.act_snapshot_incident = QAction(self.wall)
        self.act_snapshot_incident.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.act_snapshot_incident.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_snapshot_incident.triggered.connect(
            lambda: self.snapshot_to_incident(self.wall.selected())
        )
        self.wall.addAction(self.act_snapshot_incident)
        self.wall.menu_hook = self._extend_menu
        self.act_incident_cameras = ctx.window.add_action(
            ActionSpec(
                "incident_cameras",
                lambda: self.tr("Cameras of the incident on the wall"),
                "incidents",
                "Ctrl+Shift+V",
                permission=Permission.VIEW_VIDEO,
            ),
            self.show_incident_cameras,
        )

        self._paint = QTimer(self)
        self._paint.setInterval(PAINT_MS)
        self._paint.timeout.connect(self._on_paint)
        self._tick = QTimer(self)
        self._tick.setInterval(RECONCILE_MS)
        self._tick.timeout.connect(self._on_tick)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(120)
        self._soon.timeout.connect(self.reconcile)
        # A dock tabbed behind another is never hidden: only the dock says when the wall
        # goes behind the map or comes forward again (streams follow, `reconcile`).
        self._dock.visibilityChanged.connect(self._on_dock_visibility)
        self._tour_timer = QTimer(self)
        self._tour_timer.timeout.connect(self._on_tour_step)
        self.wall.installEventFilter(self)
        self._paint.start()
        self._tick.start()

    def _wire(self) -> None:
        w, t, tree = self.wall, self.toolbar, self.tree
        w.sig_camera_dropped.connect(self._on_camera_dropped)
        w.sig_maximise_toggled.connect(self._on_maximise_toggled)
        w.sig_clear_requested.connect(self._on_clear)
        w.sig_fullscreen_requested.connect(self.toggle_fullscreen)
        w.sig_snapshot_requested.connect(self.snapshot_to_file)
        w.sig_ptz_move_requested.connect(self._on_ptz_move)
        w.sig_ptz_stop_requested.connect(self._on_ptz_stop)
        w.sig_ptz_preset_requested.connect(self._on_ptz_preset)
        w.sig_mask_edit_requested.connect(self._on_mask_edit_requested)
        w.sig_mask_edited.connect(self._on_mask_edited)
        w.sig_sensitivity_requested.connect(self.open_motion_settings)
        w.sig_replay_requested.connect(self.instant_replay)
        w.sig_live_requested.connect(self.back_to_live)
        w.sig_pause_requested.connect(self.toggle_pause)
        t.sig_layout_chosen.connect(self._on_layout_chosen)
        t.sig_view_chosen.connect(self.apply_view)
        t.sig_view_save_requested.connect(lambda name: self.save_view(name))
        t.sig_view_save_as_requested.connect(lambda name: self.save_view(name))
        t.sig_view_delete_requested.connect(self.delete_view)
        t.sig_tour_start_requested.connect(self._on_tour_start)
        t.sig_tour_stop_requested.connect(self.stop_tour)
        t.sig_fullscreen_requested.connect(self.toggle_fullscreen)
        tree.sig_camera_activated.connect(self._on_camera_activated)
        tree.sig_tour_requested.connect(self._on_group_tour)

    # --- lifecycle ----------------------------------------
    def signed_in(self, who: Principal) -> None:
        self.reload()
        self.reconcile()

    def signed_out(self) -> None:
        self.stop_tour()
        self._leave_fullscreen()
        self._stop_all()
        self._views = []
        self._view_name = None
        self.toolbar.set_views([], None)
        self.wall.set_cameras(DEFAULT_LAYOUT, [])
        self.toolbar.set_layout(DEFAULT_LAYOUT)
        self._last.clear()
        self._close_motion_dialog()

    def locked(self) -> None:
        # Nothing of the street stays on a locked screen: streams stop, the last frames go.
        self._leave_fullscreen()
        self._stop_all()
        self._last.clear()
        self.wall.show_frames({})
        self._close_motion_dialog()

    def unlocked(self) -> None:
        self.reconcile()

    def reload(self) -> None:
        who = self.who
        if who is None or not who.can(Permission.VIEW_VIDEO):
            return
        video = self.ctx.services.video
        self.read_for(
            who, lambda: video.views(who), self._on_views, self.tr("Could not load the wall views")
        )

    def show_devices(self, rows: list[DeviceRow]) -> None:
        """The device rows Device status shows (its presenter hands them over as they change
        and as time passes): the tree marks the cameras their recorder cannot reach."""
        self.tree.set_links(camera_links(rows, self.cameras, utcnow()))

    def on_changes(self, changes: ChangesAvailable) -> None:
        if "wall_view" in changes.tables and (
            changes.ids("wall_view") is None or changes.ids("wall_view")
        ):
            self.reload()
        settings = changes.ids("camera_setting")
        if (
            "camera_setting" in changes.tables
            and (settings is None or settings)
            and self.on_settings_changed is not None
        ):
            self.on_settings_changed()

    def shutdown(self) -> None:
        with self._closing:
            self._closed = True
        for timer in (self._paint, self._tick, self._soon, self._tour_timer):
            timer.stop()
        self._leave_fullscreen()
        self.playback.shutdown()
        workers = [s.worker for s in self.streams.values()] + self._stopping
        self.streams.clear()
        self._stopping = []
        for worker in workers:
            worker.stop()
        deadline = time.monotonic() + STOP_DEADLINE_S
        for worker in workers:
            worker.join(max(0.0, deadline - time.monotonic()))
        stuck = [w.name for w in workers if w.alive]
        if stuck:
            log.error("video workers still running at exit: %s", ", ".join(stuck))
        self._pool.shutdown(wait=False, cancel_futures=True)

    # --- what should run ----------------------------------------
    def _active(self) -> bool:
        who = self.who
        return (
            who is not None
            and who.can(Permission.VIEW_VIDEO)
            and not self.ctx.session.locked
            and self.runtime is not None
            and in_view(self.wall)
            and not self.wall.window().isMinimized()
        )

    def _wanted(self) -> dict[int, tuple[str, StreamKind]]:
        if not self._active():
            return {}
        big = self.wall.maximised()
        out: dict[int, tuple[str, StreamKind]] = {}
        for tile in self.wall.visible_tiles():
            code = self.wall.camera(tile)
            if tile in self.playback.tiles:
                continue
            if code is not None and code in self.cameras:
                out[tile] = (code, StreamKind.MAIN if tile == big else StreamKind.SUB)
        return out

    def reconcile(self) -> None:
        """Start the streams visible tiles need and stop those nobody sees any more."""
        wanted = self._wanted()
        for tile, stream in list(self.streams.items()):
            if wanted.get(tile) != (stream.camera, stream.kind):
                self._stop(tile)
        for tile in list(self._resolving):
            if wanted.get(tile) != self._resolving[tile]:
                del self._resolving[tile]
        for tile, (code, kind) in wanted.items():
            if tile in self.streams:
                self.streams[tile].worker.set_size(*self._tile_size(tile))
            elif tile not in self._resolving:  # an ONVIF camera's URI may still be on its way
                self._start(tile, code, kind)
        for tile in list(self._not_ready):
            if tile not in wanted:
                del self._not_ready[tile]
        self._stopping = [w for w in self._stopping if w.alive]

    def _tile_size(self, tile: int) -> tuple[int, int]:
        rect = self.wall.tile_rect(tile)
        ratio = self.wall.devicePixelRatioF()
        w = min(MAX_TILE[0], max(16, round(rect.width() * ratio)))
        h = min(MAX_TILE[1], max(16, round(rect.height() * ratio)))
        return w, h

    def _start(self, tile: int, code: str, kind: StreamKind) -> None:
        runtime = self.runtime
        assert runtime is not None
        camera = self.cameras[code]
        explicit = camera.main_url if kind is StreamKind.MAIN else camera.sub_url
        if camera.vendor == "onvif" and not explicit:
            # The stream URI is a question to the camera: asked off the GUI thread.
            self._resolving[tile] = (code, kind)
            self._show_status(
                tile, code, kind, StreamState.CONNECTING, self.tr("asking the camera")
            )

            def ask() -> None:
                try:
                    got: ResolvedStream | Exception = runtime.sources.resolve(code, kind)
                except Exception as exc:
                    got = exc
                self._post(lambda: self._on_resolved(tile, code, kind, got, asked=True))

            self._pool.submit(ask)
            return
        try:
            resolved = runtime.sources.resolve(code, kind)
        except Exception as exc:
            self._on_resolved(tile, code, kind, exc)
            return
        self._launch(tile, code, kind, resolved)

    def _on_resolved(
        self,
        tile: int,
        code: str,
        kind: StreamKind,
        got: ResolvedStream | Exception,
        *,
        asked: bool = False,
    ) -> None:
        if asked:
            if self._resolving.get(tile) != (code, kind):
                return  # the tile shows another camera (or none) by now
            del self._resolving[tile]
        if isinstance(got, ResolvedStream):
            if self._wanted().get(tile) == (code, kind) and tile not in self.streams:
                self._launch(tile, code, kind, got)
            return
        if isinstance(got, VideoSourceNotReady):
            self._not_ready[tile] = str(got)
            self._show_status(tile, code, kind, StreamState.CONNECTING, str(got))
            return
        self._not_ready.pop(tile, None)
        detail = str(got) if isinstance(got, VideoSourceError) else type(got).__name__
        log.warning("camera %s: %s", code, detail)
        self._show_status(tile, code, kind, StreamState.ERROR, detail)

    def _launch(self, tile: int, code: str, kind: StreamKind, resolved: ResolvedStream) -> None:
        runtime = self.runtime
        assert runtime is not None
        self._not_ready.pop(tile, None)
        self._gen += 1
        gen = self._gen

        def on_status(status: StreamStatus) -> None:
            self.statuses.put((tile, gen), status)

        worker = DecodeWorker(
            code,
            kind,
            resolved.url,
            self._tile_size(tile),
            self.frames,
            tile,
            on_status,
            hwaccel=runtime.opts.hwaccel,
        )
        self.streams[tile] = _Stream(tile, code, kind, gen, worker, resolved)
        worker.start()
        self._ptz_probe(tile, code)

    def _stop(self, tile: int) -> None:
        stream = self.streams.pop(tile, None)
        if stream is None:
            return
        # Stop without joining: an open in progress ends by its own timeout (never on the GUI
        # thread); the tick reaps it, shutdown joins it under the deadline.
        stream.worker.stop()
        self._stopping.append(stream.worker)
        self._last.pop(tile, None)
        self.frames.forget(tile)

    def _stop_all(self) -> None:
        for tile in self.playback.stop_all():
            self.wall.set_playback(tile, None)
        for tile in list(self.streams):
            self._stop(tile)
        for tile in range(self.wall.tile_count()):
            self.wall.set_status(tile, None)

    def _show_status(
        self, tile: int, code: str, kind: StreamKind, state: StreamState, detail: str
    ) -> None:
        status = StreamStatus(code, kind, state, detail=detail)
        self.wall.set_status(tile, status)
        self.tree.set_state(code, state)

    # --- timers ----------------------------------------
    def _on_paint(self) -> None:
        frames = self.frames.take()
        if frames:
            fresh: dict[int, VideoFrame] = {}
            for tile, frame in frames.items():
                stream = self.streams.get(tile)
                if stream is not None and (frame.camera, frame.stream) == (
                    stream.camera,
                    stream.kind,
                ):
                    fresh[tile] = frame
                elif self.playback.accepts(tile, frame):
                    fresh[tile] = frame
                    self._playback_shown(tile, frame)
            if fresh:
                self._last.update(fresh)
                self.wall.show_frames(fresh)
                self._preview_motion(fresh)
        statuses = self.statuses.take()
        for (tile, gen), status in statuses.items():
            stream = self.streams.get(tile)
            if stream is not None and stream.gen == gen:
                self.wall.set_status(tile, status)
                self.tree.set_state(status.camera, status.state)

    def _on_tick(self) -> None:
        self._playback_statuses()
        self.playback.reap()
        if self._not_ready or self._stopping:
            self.reconcile()
        self._stopping = [w for w in self._stopping if w.alive]
        self._apply_budget()

    def _apply_budget(self) -> None:
        used = self._sampler.sample()
        if not self.streams:
            return
        order = sorted(self.streams, key=self._importance)
        degraded = self._budget.update(time.monotonic(), used, order)
        for tile, stream in self.streams.items():
            want = tile in degraded
            if stream.worker.keyframes_only != want:
                stream.worker.set_keyframes_only(want)

    def _importance(self, tile: int) -> tuple[int, int]:
        if tile == self.wall.maximised():
            return (0, tile)
        if tile == self.wall.selected():
            return (1, tile)
        return (2, tile)

    @Slot(bool)
    def _on_dock_visibility(self, _visible: bool) -> None:
        self._soon.start()

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        # Streams follow the wall's visibility (a dock tabbed away, a minimised window) and size.
        if watched is self.wall and event.type() in (
            event.Type.Show,
            event.Type.Hide,
            event.Type.Resize,
        ):
            self._soon.start()
        return False

    # --- tiles and cameras ----------------------------------------
    @Slot(int, str)
    def _on_camera_dropped(self, tile: int, code: str) -> None:
        self.stop_tour()
        self._end_playback(tile)
        self.wall.set_camera(tile, code)
        self.wall.select(tile)
        self.reconcile()

    @Slot(str)
    def _on_camera_activated(self, code: str) -> None:
        """The tree's Enter / double-click: the camera on the selected tile."""
        self._on_camera_dropped(self.wall.selected(), code)
        self.wall.setFocus()

    @Slot(int)
    def _on_clear(self, tile: int) -> None:
        self.stop_tour()
        self._end_playback(tile)
        self.wall.set_camera(tile, None)
        self.reconcile()

    @Slot(int)
    def _on_maximise_toggled(self, tile: int) -> None:
        self.wall.set_maximised(None if self.wall.maximised() == tile else tile)
        self.reconcile()

    @Slot(str)
    def _on_layout_chosen(self, key: str) -> None:
        view = WallView("wall", self.wall.layout_key(), self.wall.cameras()).with_layout(key)
        self.wall.set_cameras(key, view.tiles)
        self.toolbar.set_layout(key)
        self.reconcile()

    def show_cameras(self, codes: list[str]) -> None:
        """Put cameras (an incident's, nearest first) on the wall and bring the wall forward."""
        known = [c for c in codes if c in self.cameras]
        if not known:
            self.ctx.feedback.message(self.tr("The incident names no camera of this site."), 5000)
            return
        self.stop_tour()
        chosen = assign(known)
        self.wall.set_maximised(None)
        self.wall.set_cameras(chosen.layout, chosen.tiles)
        self.toolbar.set_layout(chosen.layout)
        self.wall.select(0)
        self.ctx.window.show_pane("video")
        self.wall.setFocus()
        self.reconcile()
        if chosen.left_out:
            self.ctx.feedback.message(
                self.tr("{n} more cameras did not fit: {codes}").format(
                    n=len(chosen.left_out), codes=", ".join(chosen.left_out)
                ),
                8000,
            )

    def show_incident_cameras(self) -> None:
        """Ctrl+Shift+V: the cameras the selected incident names, on the wall."""
        who = self.who
        iid = self.current_incident() if self.current_incident is not None else None
        if who is None:
            return
        if iid is None:
            self.ctx.feedback.message(self.tr("Select an incident in the queue first."), 4000)
            return
        video = self.ctx.services.video
        self.read_for(
            who,
            lambda: video.cameras_of_incident(who, iid),
            self.show_cameras,
            self.tr("Could not find the incident's cameras"),
            "incident_cameras",
        )

    # --- views and tours ----------------------------------------
    def _on_views(self, views: list[WallView]) -> None:
        self._views = views
        names = [v.name for v in views]
        current = self._view_name if self._view_name in names else None
        self.toolbar.set_views(names, current)

    @Slot(str)
    def apply_view(self, name: str) -> None:
        view = next((v for v in self._views if v.name == name), None)
        if view is None:
            return
        self.stop_tour()
        self._view_name = name
        self.wall.set_maximised(None)
        self.wall.set_cameras(view.layout, view.tiles)
        self.toolbar.set_layout(view.layout)
        self.reconcile()

    def save_view(self, name: str, *, shared: bool = False) -> None:
        who = self.who
        if who is None:
            return
        try:
            view = WallView(name, self.wall.layout_key(), self.wall.cameras(), shared=shared)
        except WallError as exc:
            self.ctx.feedback.message(str(exc), 6000)
            return
        video = self.ctx.services.video
        self._view_name = view.name
        self.ctx.jobs.write(
            lambda: video.save_view(who, view),
            lambda saved: self._on_view_saved(saved),
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not save the wall view")),
            "save_view",
        )

    def _on_view_saved(self, view: WallView) -> None:
        self.ctx.feedback.message(self.tr("Wall view “{name}” saved.").format(name=view.name))
        self.reload()

    @Slot(str)
    def delete_view(self, name: str) -> None:
        who = self.who
        view = next((v for v in self._views if v.name == name), None)
        if who is None or view is None:
            return
        video = self.ctx.services.video
        shared = view.owner is None or view.shared
        self.ctx.jobs.write(
            lambda: video.delete_view(who, name, shared=shared),
            lambda _r: self.reload(),
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not delete the wall view")),
            "delete_view",
        )
        if self._view_name == name:
            self._view_name = None

    @Slot(float)
    def _on_tour_start(self, period: float) -> None:
        cams = [c for c in self.wall.cameras() if c] or list(self.cameras)
        if self._tour is not None and self._tour.group is not None:
            cams = list(self._tour.cameras)
        self.start_tour(cams, period)

    @Slot(list)
    def _on_group_tour(self, codes: list[str]) -> None:
        self.start_tour(codes, self.toolbar.tour_period(), group="tree")

    def start_tour(self, codes: list[str], period: float, group: str | None = None) -> None:
        try:
            self._tour = Tour(tuple(codes), period, group)
        except WallError as exc:
            self.ctx.feedback.message(str(exc), 6000)
            return
        self._tour_step = -1
        self._tour_timer.start(round(period * 1000))
        self.toolbar.set_touring(True)
        self._on_tour_step()

    def stop_tour(self) -> None:
        if self._tour is None and not self._tour_timer.isActive():
            return
        self._tour_timer.stop()
        self._tour = None
        self.toolbar.set_touring(False)

    def _on_tour_step(self) -> None:
        tour = self._tour
        if tour is None:
            return
        self._tour_step += 1
        key = self.wall.layout_key()
        self.wall.set_cameras(key, tour.tiles_at(self._tour_step, key))
        self.reconcile()

    # --- full screen ----------------------------------------
    @Slot()
    def toggle_fullscreen(self) -> None:
        """F11 on the wall: the wall alone, full screen, on a second monitor when there is one."""
        if self._full is not None:
            self._leave_fullscreen()
            return
        host = QWidget(None, Qt.WindowType.Window)
        host.setObjectName("videoWallFullScreen")
        host.setWindowTitle(self.tr("Video wall"))
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.wall_box)
        screens = QGuiApplication.screens()
        here = self.ctx.window.screen()
        target = next((s for s in screens if s is not here), here)
        host.setScreen(target)
        host.setGeometry(target.geometry())
        self._full = host
        host.showFullScreen()
        self.wall.setFocus()
        self._soon.start()

    def _leave_fullscreen(self) -> None:
        host = self._full
        if host is None:
            return
        self._full = None
        self.pane.addWidget(self.wall_box)
        self.pane.setStretchFactor(1, 1)
        host.close()
        host.deleteLater()
        self._soon.start()

    @property
    def fullscreen(self) -> bool:
        return self._full is not None

    # --- playback on a tile: instant replay ----------------------------------------
    @Slot(int)
    def instant_replay(self, tile: int) -> None:
        """Ctrl+R: the tile's camera from 30 s ago, recorded; live again once caught up."""
        who = self.who
        code = self.wall.camera(tile)
        if who is None or code is None or not self._active():
            return
        now = utcnow()
        start = instant_replay_start(now, REPLAY_SECONDS)
        recordings = self.ctx.services.recordings

        def found(segments: list[Segment]) -> None:
            if self.wall.camera(tile) != code or not self._active():
                return
            if not segments:
                self.ctx.feedback.message(
                    self.tr("No recording of {camera} in the last 30 s.").format(camera=code),
                    6000,
                )
                return
            self._stop(tile)
            self.playback.start(
                tile,
                code,
                max(start, segments[0].start),
                segments,
                self._tile_size(tile),
                replay=True,
            )
            self._playback_overlay(tile)

        self.ctx.jobs.read(
            lambda: recordings.segments_for(who, code, start - timedelta(minutes=2), now),
            found,
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not find the recording")),
            "instant_replay",
        )

    @Slot(int)
    def back_to_live(self, tile: int) -> None:
        """Ctrl+Shift+L: the tile shows its camera live again."""
        if self._end_playback(tile):
            self.reconcile()

    @Slot(int)
    def toggle_pause(self, tile: int) -> None:
        """Space on a tile in playback: pause or play on."""
        if self.playback.toggle(tile) is not None:
            self._playback_overlay(tile)

    def _end_playback(self, tile: int) -> bool:
        if not self.playback.stop(tile):
            return False
        self.wall.set_playback(tile, None)
        self.wall.set_status(tile, None)
        self._last.pop(tile, None)
        return True

    def _playback_shown(self, tile: int, frame: VideoFrame) -> None:
        play = self.playback.playing(tile)
        if play is None or frame.recorded_at is None:
            return
        changed = play.shown_at is None or int(play.shown_at.timestamp()) != int(
            frame.recorded_at.timestamp()
        )
        play.shown_at = frame.recorded_at
        if changed:
            self._playback_overlay(tile)

    def _playback_statuses(self) -> None:
        for tile in self.playback.take_statuses():
            if self.playback.caught_up(tile):
                self.ctx.feedback.message(self.tr("Replay caught up: live again."), 4000)
                self.back_to_live(tile)
                continue
            self._playback_overlay(tile)

    def _playback_overlay(self, tile: int) -> None:
        play = self.playback.playing(tile)
        if play is None:
            return
        overlay, status = self._words.overlay(
            play.camera,
            play.shown_at or play.clock.position(),
            self.ctx.zone,
            play.status,
            paused=not play.clock.playing,
            opening=play.shown_at is None,
        )
        if play.status is not None and play.status.state is PlaybackState.END:
            overlay = PlaybackOverlay(overlay.banner)  # a replay at its end goes live at once
        self.wall.set_playback(tile, overlay)
        self.wall.set_status(tile, status)

    # --- snapshots ----------------------------------------
    def _picture_of(self, tile: int) -> tuple[str, np.ndarray] | None:
        """The tile's last picture; encoded as PNG off the GUI thread (~10 ms at 1080p)."""
        frame = self._last.get(tile)
        if frame is None:
            self.ctx.feedback.message(self.tr("No picture on this tile to take."), 4000)
            return None
        return frame.camera, frame.image

    @Slot(int)
    def snapshot_to_file(self, tile: int) -> None:
        """Ctrl+S: the tile's picture as a PNG file in the snapshots folder."""
        got = self._picture_of(tile)
        if got is None:
            return
        camera, image = got
        when = utcnow()
        path = self.snapshots_dir / f"{camera}-{when:%Y%m%d-%H%M%S-%f}.png"

        def write() -> None:
            png = _png(image)
            path.parent.mkdir(parents=True, exist_ok=True)
            # Whole or not at all, and the owner's alone: a picture of people in the street.
            write_private(path, lambda out: out.write(png))

        self._in_background(
            write,
            lambda _r: self.ctx.feedback.message(
                self.tr("Snapshot saved to {path}").format(path=path), 8000
            ),
            self.tr("Could not save the snapshot"),
        )

    def snapshot_to_incident(self, tile: int) -> None:
        """Ctrl+Shift+P: the tile's picture attached to the incident selected in the queue."""
        who = self.who
        iid = self.current_incident() if self.current_incident is not None else None
        if who is None:
            return
        if iid is None:
            self.ctx.feedback.message(self.tr("Select an incident in the queue first."), 4000)
            return
        got = self._picture_of(tile)
        if got is None:
            return
        camera, image = got
        video = self.ctx.services.video
        taken = utcnow()
        self.ctx.jobs.write(
            lambda: video.attach_snapshot(who, iid, camera, _png(image), taken),
            lambda _r: self.ctx.feedback.message(
                self.tr("Snapshot of {camera} attached to incident {id}.").format(
                    camera=camera, id=iid
                ),
                6000,
            ),
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not attach the snapshot")),
            "snapshot_to_incident",
        )

    def _extend_menu(self, menu: QMenu, tile: int) -> None:
        act = menu.addAction(self.tr("Snapshot to the selected incident"))
        act.setShortcut(QKeySequence("Ctrl+Shift+P"))
        act.setEnabled(tile in self._last)
        act.triggered.connect(lambda: self.snapshot_to_incident(tile))
        again = menu.addAction(self.tr("Reconnect"))
        again.setEnabled(self.wall.camera(tile) is not None)
        again.triggered.connect(lambda: self.reconnect(tile))

    def reconnect(self, tile: int) -> None:
        """Open the tile's stream again: after wrong credentials were corrected, for one."""
        self._stop(tile)
        self.reconcile()

    # --- PTZ ----------------------------------------
    def _ptz_probe(self, tile: int, code: str) -> None:
        runtime, camera = self.runtime, self.cameras.get(code)
        if runtime is None or camera is None or camera.vendor != "onvif":
            return
        try:
            future = runtime.onvif_camera(camera)
        except Exception as exc:  # a missing credentials entry: said on the tile's menu use
            log.warning("camera %s: ONVIF not available: %s", code, exc)
            return

        def done(f: Future[Any]) -> None:
            if f.exception() is not None:
                return
            info = f.result()
            self._post(lambda: self._on_ptz_known(tile, code, info.has_ptz))

        future.add_done_callback(done)

    def _on_ptz_known(self, tile: int, code: str, has_ptz: bool) -> None:
        if self.wall.camera(tile) != code:
            return
        self.wall.set_ptz_capable(tile, has_ptz)
        if not has_ptz or self.runtime is None:
            return

        def presets_done(f: Future[Any]) -> None:
            if f.exception() is not None:
                return
            presets = list(f.result())
            self._post(lambda: self._on_presets(tile, code, presets))

        self.runtime.onvif().get_presets(code).add_done_callback(presets_done)

    def _on_presets(self, tile: int, code: str, presets: list[Any]) -> None:
        self._presets[code] = presets
        if self.wall.camera(tile) == code:
            self.wall.set_ptz_presets(tile, [(i + 1, p.name) for i, p in enumerate(presets[:9])])

    def _ptz_call(self, tile: int, call: Callable[[Any, str], Future[Any]]) -> None:
        code = self.wall.camera(tile)
        if code is None or self.runtime is None:
            return
        future = call(self.runtime.onvif(), code)

        def done(f: Future[Any]) -> None:
            exc = f.exception()
            if exc is not None:
                text = str(exc)
                self._post(
                    lambda: self.ctx.feedback.message(
                        self.tr("PTZ of {camera}: {error}").format(camera=code, error=text), 6000
                    )
                )

        future.add_done_callback(done)

    @Slot(int, float, float, float)
    def _on_ptz_move(self, tile: int, pan: float, tilt: float, zoom: float) -> None:
        self._ptz_call(tile, lambda onvif, code: onvif.continuous_move(code, pan, tilt, zoom))

    @Slot(int)
    def _on_ptz_stop(self, tile: int) -> None:
        self._ptz_call(tile, lambda onvif, code: onvif.ptz_stop(code))

    @Slot(int, int)
    def _on_ptz_preset(self, tile: int, n: int) -> None:
        code = self.wall.camera(tile)
        presets = self._presets.get(code or "", [])
        if not 1 <= n <= len(presets):
            self.ctx.feedback.message(self.tr("This camera has no preset {n}.").format(n=n), 4000)
            return
        token = presets[n - 1].token
        self._ptz_call(tile, lambda onvif, c: onvif.goto_preset(c, token))

    # --- motion settings, mask and live preview ----------------------------------------
    def _with_settings(self, tile: int, then: Callable[[str, CameraSettings], None]) -> None:
        who, code = self.who, self.wall.camera(tile)
        if who is None or code is None:
            return
        video = self.ctx.services.video

        def loaded(settings: CameraSettings) -> None:
            self._settings[code] = settings
            then(code, settings)

        self.read_for(
            who,
            lambda: video.camera_settings(who, code),
            loaded,
            self.tr("Could not load the camera's motion settings"),
            "camera_settings",
        )

    @Slot(int)
    def _on_mask_edit_requested(self, tile: int) -> None:
        self._with_settings(
            tile, lambda _code, s: self.wall.begin_mask_edit(tile, list(s.mask.ignore))
        )

    @Slot(int, list)
    def _on_mask_edited(self, tile: int, polygons: list[Any]) -> None:
        code = self.wall.camera(tile)
        if code is None:
            return
        base = self._settings.get(code) or CameraSettings(code)
        mask = MotionMask(ignore=tuple(tuple(tuple(p) for p in poly) for poly in polygons))
        self._save_settings(replace(base, mask=mask))
        if self.motion_dialog is not None:
            self.motion_dialog.set_mask(mask)

    def _save_settings(self, settings: CameraSettings) -> None:
        who = self.who
        if who is None:
            return
        video = self.ctx.services.video
        dialog = self.motion_dialog
        if dialog is not None:
            dialog.set_busy(True)

        def saved(s: CameraSettings) -> None:
            self._settings[s.camera] = s
            if self.motion_dialog is not None:
                self.motion_dialog.set_busy(False)
                self.motion_dialog.show_saved()
            self.ctx.feedback.message(
                self.tr("Motion settings of {camera} saved.").format(camera=s.camera), 5000
            )

        def failed(exc: BaseException) -> None:
            if self.motion_dialog is not None:
                self.motion_dialog.set_busy(False)
                self.motion_dialog.show_error(str(exc))
            self.ctx.feedback.report(exc, self.tr("Could not save the motion settings"))

        self.ctx.jobs.write(
            lambda: video.set_camera_settings(who, settings), saved, failed, "camera_settings"
        )

    @Slot(int)
    def open_motion_settings(self, tile: int) -> None:
        """The tile's motion settings, with the detected regions drawn while tuning."""
        who = self.who
        if who is None:
            return

        def show(code: str, settings: CameraSettings) -> None:
            dialog = self._motion_dialog()
            camera = self.cameras.get(code)
            dialog.show_settings(
                code,
                camera.name if camera is not None else code,
                settings,
                self.ctx.zone,
                who.can(Permission.MANAGE_VIDEO),
            )
            self._tuning = (tile, code, MotionDetector(settings.motion()))
            dialog.show()
            dialog.raise_()

        self._with_settings(tile, show)

    def _motion_dialog(self) -> MotionSettingsDialog:
        if self.motion_dialog is None:
            dlg = MotionSettingsDialog(self.ctx.window)
            dlg.sig_sensitivity_changed.connect(self._on_tuned)
            dlg.sig_edit_mask_requested.connect(self._on_dialog_mask)
            dlg.sig_clear_mask_requested.connect(self._on_dialog_clear_mask)
            dlg.sig_save_requested.connect(self._save_settings)
            dlg.sig_closed.connect(self._stop_tuning)
            self.ctx.dialogs.register(dlg)
            self.motion_dialog = dlg
        return self.motion_dialog

    @Slot(int)
    def _on_tuned(self, sensitivity: int) -> None:
        if self._tuning is not None:
            self._tuning[2].set_sensitivity(sensitivity)

    def _on_dialog_mask(self) -> None:
        if self._tuning is not None:
            self._on_mask_edit_requested(self._tuning[0])

    def _on_dialog_clear_mask(self) -> None:
        if self._tuning is None or self.motion_dialog is None:
            return
        self.motion_dialog.set_mask(MotionMask())
        if self._tuning[2] is not None:
            self._tuning[2].set_mask(MotionMask())

    def _stop_tuning(self) -> None:
        if self._tuning is not None:
            self.wall.set_motion_regions(self._tuning[0], [])
        self._tuning = None

    def _close_motion_dialog(self) -> None:
        self._stop_tuning()
        if self.motion_dialog is not None:
            self.motion_dialog.hide()

    def _preview_motion(self, frames: dict[int, VideoFrame]) -> None:
        tuning = self._tuning
        if tuning is None:
            return
        tile, code, detector = tuning
        frame = frames.get(tile)
        now = time.monotonic()
        if frame is None or frame.camera != code or now - self._tuned_at < PREVIEW_EVERY_S:
            return
        self._tuned_at = now
        result = detector.process(frame.image, now)
        self.wall.set_motion_regions(tile, [(r.x, r.y, r.w, r.h) for r in result.regions])

    # --- helpers ----------------------------------------
    def _post(self, fn: Callable[[], None]) -> None:
        """Hand `fn` to the GUI thread (any thread); dropped once the presenter is shut down,
        so a late ONVIF answer or file write never reaches Qt objects being destroyed."""
        with self._closing:
            if not self._closed:
                self._relay.sig_call.emit(fn)

    def _in_background(
        self, job: Callable[[], Any], on_result: Callable[[Any], None], what: str
    ) -> None:
        """File I/O off the GUI thread; the result or the error comes back to it."""

        def run() -> None:
            try:
                result = job()
            except Exception as exc:
                error = exc
                self._post(lambda: self.ctx.feedback.report(error, what))
                return
            self._post(lambda: on_result(result))

        self._pool.submit(run)


def _png(image: np.ndarray) -> bytes:
    """A BGRA frame as PNG bytes (colour only: the alpha channel of a decoded frame is opaque)."""
    return encode_png(image)

"""The live video wall: tiles painting the newest decoded frames, overlays, keyboard, PTZ, masks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolTip, QWidget

from core.timefmt import DEFAULT_ZONE, local, utcnow
from core.video import StreamState, StreamStatus, VideoFrame
from core.video_wall import DEFAULT_LAYOUT, Direction, WallLayout, layout, neighbour

_LIVE = StreamState.LIVE
_RGB32 = QImage.Format.Format_RGB32

MIME_CAMERA = "application/x-scc-camera"  # payload: the camera code, UTF-8

GAP_PX = 2  # dark lines between tiles
# Decoders deliver frames up to 3 px narrower and 1 px lower than the tile (aligned sizes): such
# a frame is drawn 1:1, centred; scaling it by under 1 % would blur it and cost a scaled draw.
SNAP_PX = 4
BAR_PX = 4  # padding inside the overlay bars
CLOCK_MS = 1000
DRAG_MIN_PX = 6  # a press that moves less than this is a click (a polygon point)
CLOSE_PX = 10  # a click this near a polygon's first point closes it
PTZ_BUTTON_PX = 24
BIG_TEXT = 1.4  # the state message in the middle of a tile that is not live, x the UI font

BACKGROUND = QColor("#0b0d10")
TILE_BACKGROUND = QColor("#000000")
EMPTY_TILE = QColor("#15181c")
EMPTY_TEXT = QColor("#8e8e93")
BAR_FILL = QColor(0, 0, 0, 150)
TEXT = QColor("#f2f2f7")
SELECTION_FRAME = QColor("#4aa3ff")  # as the incident queue's selection
DROP_FRAME = QColor("#30d158")
MOTION_PEN = QColor("#ffd60a")
MASK_PEN = QColor("#ff453a")
MASK_FILL = QColor(255, 69, 58, 70)
DEGRADED = QColor("#ff9f0a")
DIM = QColor(0, 0, 0, 140)  # over the last frame of a stream that is no longer live
PLAYBACK_FRAME = QColor("#ffb020")  # amber: recorded video, never mistaken for live
PLAYBACK_FRAME_PX = 4

STATE_COLOURS: dict[StreamState, QColor] = {
    StreamState.IDLE: QColor("#8e8e93"),
    StreamState.CONNECTING: QColor("#64d2ff"),
    StreamState.LIVE: QColor("#30d158"),
    StreamState.RECONNECTING: QColor("#ffd60a"),
    StreamState.OFFLINE: QColor("#ff453a"),
    StreamState.NO_SIGNAL: QColor("#ff9f0a"),
    StreamState.WRONG_CREDENTIALS: QColor("#ff453a"),
    StreamState.UNSUPPORTED: QColor("#bf9cff"),
    StreamState.ERROR: QColor("#ff453a"),
}

# PTZ buttons on a hovered tile: (key, pan, tilt, zoom, glyph), laid out on a 3x3 pad plus zoom.
PTZ_BUTTONS: tuple[tuple[str, float, float, float, str, int, int], ...] = (
    ("up", 0.0, 1.0, 0.0, "▲", 1, 0),
    ("left", -1.0, 0.0, 0.0, "◀", 0, 1),
    ("right", 1.0, 0.0, 0.0, "▶", 2, 1),
    ("down", 0.0, -1.0, 0.0, "▼", 1, 2),
    ("zoom_in", 0.0, 0.0, 1.0, "+", 3, 0),
    ("zoom_out", 0.0, 0.0, -1.0, "−", 3, 2),
)
PTZ_SPEED = 0.5  # of the camera's range: slow enough to aim with

Polygon = list[tuple[float, float]]  # normalised (0..1) frame coordinates
NormRect = tuple[float, float, float, float]  # x, y, width, height, normalised


@dataclass(slots=True)
class TileCounters:
    """Per-tile frame accounting (frames shown / frames produced, for the benchmark)."""

    received: int = 0  # frames handed to show_frames() for this tile
    shown: int = 0  # distinct frames actually painted
    paints: int = 0  # paint passes over the tile (frames, overlay and clock updates)


@dataclass(slots=True)
class _Tile:
    code: str | None = None
    frame: VideoFrame | None = None
    painted: VideoFrame | None = None  # the last frame painted (to count distinct frames)
    status: StreamStatus | None = None
    ptz: bool = False
    presets: list[tuple[int, str]] = field(default_factory=list)
    regions: list[NormRect] = field(default_factory=list)
    counters: TileCounters = field(default_factory=TileCounters)
    playback: PlaybackOverlay | None = None  # the tile plays recorded video, not live
    # Overlay bars drawn once per change of their inputs (see _paint_overlay).
    top_key: tuple[object, ...] = ()
    top_pix: QPixmap | None = None
    bottom_key: tuple[object, ...] = ()
    bottom_pix: QPixmap | None = None  # just the chips, not the whole bar's width
    bottom_at: QPoint = field(default_factory=QPoint)  # where bottom_pix goes in the bar
    live: _LivePlan | None = None  # how a live frame is painted, while its inputs stay the same


@dataclass(frozen=True, slots=True)
class _LivePlan:
    """Where a live tile's frame, letterbox bars and overlay pixmaps go, worked out once.

    Valid while the tile's box, the frame's size, the stream status, the clock strip (clock,
    fonts, texts, DPR) and the camera names are the very objects it was made for: a frame then
    costs a wrap, a blit and the overlay's pixmap blits, not working the letterbox and the
    overlay out again.
    """

    box: QRect
    width: int
    height: int
    status: StreamStatus | None
    strip: _ClockStrip
    names: dict[str, str]
    picture: QRect
    bars: tuple[QRect, ...]
    overlay: tuple[tuple[int, int, QPixmap], ...]


@dataclass(frozen=True, slots=True)
class _ClockStrip:
    """The overlay font's sizes and the clock drawn once per second for every tile."""

    key: tuple[object, ...]
    bar: int  # the height of an overlay bar
    clock_w: int
    spare_w: int  # room the name keeps beside the clock ("MMMM")
    clock_pix: QPixmap | None  # the clock's text on a transparent ground; None: no clock


@dataclass(frozen=True, slots=True)
class PlaybackOverlay:
    """What a tile in playback says, so that it cannot pass for live video.

    `banner`: the amber chip (e.g. "PLAYBACK 10:02:33 ×4"); `message`: said in the middle
    over a dimmed picture when there is nothing to show (a gap, a damaged file), else None.
    """

    banner: str
    message: str | None = None


@dataclass(slots=True)
class _MaskEdit:
    tile: int
    polygons: list[Polygon]
    current: Polygon = field(default_factory=list)
    press: QPoint | None = None
    drag: QPoint | None = None


_MESSAGE_FLAGS = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


def letterbox(frame_w: int, frame_h: int, box: QRect) -> QRect:
    """The largest rectangle of the frame's aspect centred in `box`.

    A frame that fits and falls short of the box by under SNAP_PX in one direction (decoded for
    this tile) keeps its own size.
    """
    if frame_w <= 0 or frame_h <= 0 or box.width() <= 0 or box.height() <= 0:
        return QRect(box)
    spare_w, spare_h = box.width() - frame_w, box.height() - frame_h
    if spare_w >= 0 and spare_h >= 0 and min(spare_w, spare_h) < SNAP_PX:
        return QRect(box.x() + spare_w // 2, box.y() + spare_h // 2, frame_w, frame_h)
    scale = min(box.width() / frame_w, box.height() / frame_h)
    w, h = max(1, round(frame_w * scale)), max(1, round(frame_h * scale))
    return QRect(box.x() + (box.width() - w) // 2, box.y() + (box.height() - h) // 2, w, h)


class VideoWall(QWidget):
    """The tiles of one wall layout; the presenter feeds frames and states, reacts to signals.

    Plain data in: camera codes and names, `VideoFrame`s keyed by tile, `StreamStatus`es. Every
    signal fires on the GUI thread. Painting is cheap: `show_frames` repaints only the tiles
    that got a new frame, and the clock repaints only the clock strips once a second.
    """

    sig_selection_changed = Signal(int)  # the selected tile
    sig_camera_dropped = Signal(int, str)  # tile, camera code: a camera was dropped on a tile
    sig_maximise_toggled = Signal(int)  # tile: double-click / Enter / Esc while maximised
    sig_clear_requested = Signal(int)  # tile: Delete or the menu
    sig_fullscreen_requested = Signal()  # F11
    sig_snapshot_requested = Signal(int)  # tile: Ctrl+S or the menu
    sig_ptz_move_requested = Signal(int, float, float, float)  # tile, pan, tilt, zoom (-1..1)
    sig_ptz_stop_requested = Signal(int)  # tile: the PTZ key or button was released
    sig_ptz_preset_requested = Signal(int, int)  # tile, preset number (Ctrl+Shift+1..9)
    sig_mask_edit_requested = Signal(int)  # tile: the menu's "Edit motion mask…"
    sig_mask_edited = Signal(int, list)  # tile, polygons: list of [(x, y), ...] normalised
    sig_mask_edit_cancelled = Signal(int)  # tile: Esc during mask editing
    sig_sensitivity_requested = Signal(int)  # tile: the menu's "Motion sensitivity…"
    sig_replay_requested = Signal(int)  # tile: Ctrl+R, the last 30 s of its camera
    sig_live_requested = Signal(int)  # tile in playback: Ctrl+Shift+L, back to live
    sig_pause_requested = Signal(int)  # tile in playback: Space, pause or play on

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        zone: str = DEFAULT_ZONE,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("videoWall")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)  # PTZ buttons appear on hover
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every pixel is painted
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._zone = zone
        # The owner's extra entries at the end of a tile's menu: menu_hook(menu, tile).
        self.menu_hook: Callable[[QMenu, int], None] | None = None
        self._now = now
        self._layout: WallLayout = layout(DEFAULT_LAYOUT)
        self._tiles: list[_Tile] = [_Tile() for _ in range(self._layout.size)]
        self._names: dict[str, str] = {}
        self._rects: list[QRect] = []
        self._lines = QRegion()  # the background between tiles (_relayout)
        self._narrowest = 0  # the narrowest tile shown: the clock is on every tile or none
        self._selected = 0
        self._maximised: int | None = None
        self._hover: int | None = None
        self._drop_target: int | None = None
        self._ptz_key: int | None = None  # the key driving PTZ, so its release stops it
        self._ptz_button: int | None = None  # the tile whose on-tile PTZ button is pressed
        self._mask: _MaskEdit | None = None
        self._font = QFont(self.font())
        self._small = QFont(self.font())
        self._big = _scaled(self.font(), BIG_TEXT)
        self._epoch = 0  # bumped when texts or fonts change: the cached overlay bars are stale
        self._strip: _ClockStrip | None = None
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._on_clock_tick)
        self._retranslate()

    # --- plain data in ------------------------------------------------------------------------

    def layout_key(self) -> str:
        """The current layout's key ("3x3", "1+5", …)."""
        return self._layout.key

    def tile_count(self) -> int:
        """How many tiles the layout has."""
        return self._layout.size

    def set_layout(self, key: str) -> None:
        """Show another layout; tiles beyond its size are forgotten (cameras, frames, states)."""
        lay = layout(key)
        if lay == self._layout:
            return
        self._finish_ptz()
        self._finish_mask(save=False)
        self._layout = lay
        self._tiles = self._tiles[: lay.size] + [
            _Tile() for _ in range(lay.size - len(self._tiles))
        ]
        self._selected = min(self._selected, lay.size - 1)
        if self._maximised is not None and self._maximised >= lay.size:
            self._maximised = None
        self._relayout()
        self.update()

    def set_camera_names(self, names: Mapping[str, str]) -> None:
        """Camera code -> name, for the overlays (a code without a name shows the code)."""
        self._names = dict(names)
        self.update()

    def set_cameras(self, key: str, tiles: Sequence[str | None]) -> None:
        """Show a whole wall: a layout and each tile's camera code (None: empty tile)."""
        self.set_layout(key)
        if len(tiles) > self._layout.size:
            raise ValueError(f"layout {key!r} has {self._layout.size} tiles, not {len(tiles)}")
        for i in range(self._layout.size):
            self.set_camera(i, tiles[i] if i < len(tiles) else None)

    def set_camera(self, tile: int, code: str | None) -> None:
        """Show `code` on a tile (None empties it).

        The tile's frame, state, regions, PTZ capability and presets belong to the old camera
        and go; a PTZ move or mask edit on the tile ends (stop / cancelled signals).
        """
        t = self._tile(tile)
        if t.code == code:
            return
        if tile in (self._selected, self._ptz_button):
            self._finish_ptz()
        if self._mask is not None and self._mask.tile == tile:
            self._finish_mask(save=False)
        self._tiles[tile] = _Tile(code=code, counters=t.counters)
        self._update_tile(tile)

    def camera(self, tile: int) -> str | None:
        """The camera code a tile shows, if any."""
        return self._tile(tile).code

    def cameras(self) -> tuple[str | None, ...]:
        """Every tile's camera code in tile order."""
        return tuple(t.code for t in self._tiles)

    def visible_tiles(self) -> list[int]:
        """Tiles on screen (all, or just the maximised one): only these need streams."""
        if self._maximised is not None:
            return [self._maximised]
        return list(range(self._layout.size))

    def show_frames(self, frames: Mapping[int, VideoFrame]) -> None:
        """Take the newest frame of some tiles (from the GUI timer) and repaint just those.

        A frame of another camera than the tile shows (a late frame after a reassignment) is
        ignored. The frame's array is kept until the next one replaces it, so painting can wrap
        it without a copy.
        """
        visible = self.visible_tiles()
        for tile, frame in frames.items():
            if not 0 <= tile < len(self._tiles):
                continue
            t = self._tiles[tile]
            if frame.camera != t.code:
                continue
            t.frame = frame
            t.counters.received += 1
            if tile in visible:
                self.update(self._tile_rect(tile))

    def set_status(self, tile: int, status: StreamStatus | None) -> None:
        """The stream state a tile's overlay shows."""
        t = self._tile(tile)
        if t.status != status:
            t.status = status
            self._update_tile(tile)

    def status(self, tile: int) -> StreamStatus | None:
        """The state last given for a tile."""
        return self._tile(tile).status

    def set_playback(self, tile: int, overlay: PlaybackOverlay | None) -> None:
        """Mark a tile as playing recorded video (None: back to live)."""
        t = self._tile(tile)
        if t.playback != overlay:
            t.playback = overlay
            self._update_tile(tile)

    def playback(self, tile: int) -> PlaybackOverlay | None:
        """The tile's playback overlay, None while it is live."""
        return self._tile(tile).playback

    def set_ptz_capable(self, tile: int, capable: bool) -> None:
        """Whether the tile's camera can pan, tilt and zoom (buttons, Ctrl+arrows, presets)."""
        self._tile(tile).ptz = capable
        self._update_tile(tile)

    def set_ptz_presets(self, tile: int, presets: Sequence[tuple[int, str]]) -> None:
        """The camera's presets (number, name) for the menu; without them 1..9 are offered."""
        self._tile(tile).presets = list(presets)

    def set_motion_regions(self, tile: int, regions: Sequence[NormRect]) -> None:
        """Regions where motion was detected, normalised to the frame (x, y, w, h in 0..1)."""
        t = self._tile(tile)
        t.regions = [(float(x), float(y), float(w), float(h)) for x, y, w, h in regions]
        self._update_tile(tile)

    def counters(self, tile: int) -> TileCounters:
        """Frames received, shown and paint passes of one tile (a copy)."""
        c = self._tile(tile).counters
        return TileCounters(c.received, c.shown, c.paints)

    def reset_counters(self) -> None:
        """Start counting again (e.g. at the start of a benchmark run)."""
        for t in self._tiles:
            t.counters = TileCounters()

    # --- selection and maximising ---------------------------------------------------------------

    def selected(self) -> int:
        """The selected tile."""
        return self._selected

    def select(self, tile: int) -> None:
        """Select a tile (frame drawn around it); emits sig_selection_changed when it changes."""
        self._tile(tile)
        if tile == self._selected:
            return
        self._finish_ptz()
        old, self._selected = self._selected, tile
        self._update_tile(old)
        self._update_tile(tile)
        self.sig_selection_changed.emit(tile)

    def maximised(self) -> int | None:
        """The tile shown alone, if any."""
        return self._maximised

    def set_maximised(self, tile: int | None) -> None:
        """Show one tile over the whole widget (None: the whole layout again)."""
        if tile is not None:
            self._tile(tile)
            self._selected = tile
        if tile != self._maximised:
            self._finish_ptz()
            self._maximised = tile
            self._relayout()
            self.update()

    def tile_rect(self, tile: int) -> QRect:
        """Where a tile is painted (empty when it is hidden behind a maximised one)."""
        self._tile(tile)
        return QRect(self._tile_rect(tile))

    def picture_rect(self, tile: int) -> QRect:
        """Where a tile's frame is painted: the letterboxed image rectangle."""
        t = self._tile(tile)
        box = self._tile_rect(tile)
        if t.frame is None:
            return QRect(box)
        h, w = t.frame.image.shape[:2]
        return letterbox(int(w), int(h), box)

    def tile_at(self, pos: QPoint) -> int | None:
        """The tile under a widget position, if any."""
        for i in self.visible_tiles():
            if self._tile_rect(i).contains(pos):
                return i
        return None

    # --- motion mask editing --------------------------------------------------------------------

    def begin_mask_edit(self, tile: int, polygons: Sequence[Sequence[tuple[float, float]]]) -> None:
        """Edit a tile's motion mask: drag rectangles or click points; Enter saves, Esc cancels.

        Emits sig_mask_edited(tile, polygons) or sig_mask_edit_cancelled(tile).
        """
        self._tile(tile)
        self.select(tile)
        self._mask = _MaskEdit(tile, [[(float(x), float(y)) for x, y in p] for p in polygons])
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_tile(tile)

    def mask_editing(self) -> int | None:
        """The tile whose mask is being edited, if any."""
        return None if self._mask is None else self._mask.tile

    def _finish_mask(self, save: bool) -> None:
        m = self._mask
        if m is None:
            return
        self._mask = None
        self._update_tile(m.tile)
        if not save:
            self.sig_mask_edit_cancelled.emit(m.tile)
            return
        polygons = [list(p) for p in m.polygons]
        if len(m.current) >= 3:
            polygons.append(list(m.current))
        self.sig_mask_edited.emit(m.tile, polygons)

    def _normalised(self, tile: int, pos: QPoint) -> tuple[float, float]:
        r = self.picture_rect(tile)
        x = (pos.x() - r.x()) / max(1, r.width())
        y = (pos.y() - r.y()) / max(1, r.height())
        return (round(min(1.0, max(0.0, x)), 4), round(min(1.0, max(0.0, y)), 4))

    def _to_widget(self, tile: int, pt: tuple[float, float]) -> QPointF:
        r = self.picture_rect(tile)
        return QPointF(r.x() + pt[0] * r.width(), r.y() + pt[1] * r.height())

    def _mask_press(self, pos: QPoint) -> None:
        assert self._mask is not None
        self._mask.press = QPoint(pos)
        self._mask.drag = None

    def _mask_release(self, pos: QPoint) -> None:
        m = self._mask
        assert m is not None
        start = m.press
        m.press = m.drag = None
        if start is None:
            return
        if (pos - start).manhattanLength() >= DRAG_MIN_PX and not m.current:
            (x0, y0), (x1, y1) = self._normalised(m.tile, start), self._normalised(m.tile, pos)
            lo_x, hi_x, lo_y, hi_y = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
            if hi_x > lo_x and hi_y > lo_y:
                m.polygons.append([(lo_x, lo_y), (hi_x, lo_y), (hi_x, hi_y), (lo_x, hi_y)])
        elif m.current and len(m.current) >= 3 and self._near_first(m, pos):
            m.polygons.append(m.current)
            m.current = []
        else:
            m.current.append(self._normalised(m.tile, pos))
        self._update_tile(m.tile)

    def _near_first(self, m: _MaskEdit, pos: QPoint) -> bool:
        first = self._to_widget(m.tile, m.current[0])
        return (QPointF(pos) - first).manhattanLength() <= CLOSE_PX

    def _mask_undo(self) -> None:
        m = self._mask
        assert m is not None
        if m.current:
            m.current.pop()
        elif m.polygons:
            m.polygons.pop()
        self._update_tile(m.tile)

    # --- PTZ ------------------------------------------------------------------------------------

    def ptz_button_rects(self, tile: int) -> dict[str, QRect]:
        """Where the on-tile PTZ buttons are (shown while the mouse is over a PTZ tile)."""
        box = self._tile_rect(tile)
        size = PTZ_BUTTON_PX
        right = box.right() - BAR_PX - 4 * size
        top = box.bottom() - BAR_PX - 3 * size - self._bar_height()
        return {
            key: QRect(right + gx * size, top + gy * size, size - 2, size - 2)
            for key, _p, _t, _z, _g, gx, gy in PTZ_BUTTONS
        }

    def _ptz_move(self, tile: int, pan: float, tilt: float, zoom: float) -> None:
        if self._tiles[tile].ptz and self._tiles[tile].code is not None:
            self.sig_ptz_move_requested.emit(tile, pan, tilt, zoom)

    def _finish_ptz(self) -> None:
        """Stop a move in progress (its key or button release may never reach us)."""
        if self._ptz_key is not None:
            self._ptz_key = None
            self.sig_ptz_stop_requested.emit(self._selected)
        if self._ptz_button is not None:
            tile, self._ptz_button = self._ptz_button, None
            self.sig_ptz_stop_requested.emit(tile)

    def _preset(self, tile: int, n: int) -> None:
        if self._tiles[tile].ptz and self._tiles[tile].code is not None:
            self.sig_ptz_preset_requested.emit(tile, n)

    # --- the context menu -----------------------------------------------------------------------

    def context_menu(self, tile: int) -> QMenu:
        """The tile's menu (the same actions as the keys); the caller shows and deletes it."""
        t = self._tile(tile)
        menu = QMenu(self)
        has_camera = t.code is not None

        def add(text: str, shortcut: str, slot: Callable[[], None], enabled: bool = True) -> None:
            action = QAction(text, menu)
            if shortcut:
                action.setShortcut(shortcut)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            menu.addAction(action)

        add(
            self.tr("Snapshot"),
            "Ctrl+S",
            lambda: self.sig_snapshot_requested.emit(tile),
            has_camera,
        )
        add(
            self.tr("Restore the wall") if self._maximised == tile else self.tr("Maximise"),
            "Return",
            lambda: self.sig_maximise_toggled.emit(tile),
        )
        add(
            self.tr("Clear tile"), "Delete", lambda: self.sig_clear_requested.emit(tile), has_camera
        )
        if t.playback is None:
            add(
                self.tr("Instant replay (last 30 s)"),
                "Ctrl+R",
                lambda: self.sig_replay_requested.emit(tile),
                has_camera,
            )
        else:
            add(self.tr("Back to live"), "Ctrl+Shift+L", lambda: self.sig_live_requested.emit(tile))
            add(self.tr("Pause / play"), "Space", lambda: self.sig_pause_requested.emit(tile))
        if t.ptz and has_camera:
            presets = menu.addMenu(self.tr("PTZ presets"))
            names = t.presets or [(n, "") for n in range(1, 10)]
            for n, name in names:
                label = name or self.tr("Preset {n}").replace("{n}", str(n))
                action = QAction(label, presets)
                if 1 <= n <= 9:
                    action.setShortcut(f"Ctrl+Shift+{n}")
                action.triggered.connect(lambda _=False, n=n: self._preset(tile, n))
                presets.addAction(action)
        menu.addSeparator()
        add(
            self.tr("Edit motion mask…"),
            "",
            lambda: self.sig_mask_edit_requested.emit(tile),
            has_camera,
        )
        add(
            self.tr("Motion sensitivity…"),
            "",
            lambda: self.sig_sensitivity_requested.emit(tile),
            has_camera,
        )
        menu.addSeparator()
        add(self.tr("Full screen"), "F11", self.sig_fullscreen_requested.emit)
        if self.menu_hook is not None:  # the owner's own actions (snapshot to an incident)
            menu.addSeparator()
            self.menu_hook(menu, tile)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self._mask is not None:
            return
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            tile = self.tile_at(event.pos())
            if tile is None:
                return
            self.select(tile)
            at = event.globalPos()
        else:  # the menu key: at the selected tile
            tile = self._selected
            at = self.mapToGlobal(self._tile_rect(tile).center())
        menu = self.context_menu(tile)
        menu.exec(at)
        menu.deleteLater()

    # --- keyboard -------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # F11 and Ctrl+S are the main window's too (its full screen; none else today): while
        # the wall has focus they are the wall's, so the window's shortcut must not take them.
        if event.type() == QEvent.Type.ShortcutOverride:
            key_event = cast(QKeyEvent, event)
            combo = key_event.keyCombination()
            if combo.key() == Qt.Key.Key_F11 or (
                combo.key() == Qt.Key.Key_S
                and combo.keyboardModifiers() == Qt.KeyboardModifier.ControlModifier
            ):
                event.accept()
                return True
        if event.type() == QEvent.Type.ToolTip:
            help_event = cast(QHelpEvent, event)
            tile = self.tile_at(help_event.pos())
            status = self.status(tile) if tile is not None else None
            if status is not None and status.detail:
                QToolTip.showText(help_event.globalPos(), status.detail, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._mask is not None:
            self._mask_key(event)
            return
        key = Qt.Key(event.key())
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        shift = Qt.KeyboardModifier.ShiftModifier
        tile = self._selected
        if mods == ctrl | shift and (n := _preset_number(event)) is not None:
            self._preset(tile, n)
        elif key in _PTZ_KEYS and (
            mods == ctrl or (mods == ctrl | shift and key == Qt.Key.Key_Plus)
        ):
            if not event.isAutoRepeat() and self._tiles[tile].ptz:
                self._ptz_key = int(key)
                self._ptz_move(tile, *_PTZ_KEYS[key])
        elif mods == ctrl and key == Qt.Key.Key_S:
            if self._tiles[tile].code is not None:
                self.sig_snapshot_requested.emit(tile)
        elif mods == ctrl and key == Qt.Key.Key_R:
            if self._tiles[tile].code is not None:
                self.sig_replay_requested.emit(tile)
        elif mods == ctrl | shift and key == Qt.Key.Key_L:
            if self._tiles[tile].playback is not None:
                self.sig_live_requested.emit(tile)
        elif key == Qt.Key.Key_Space and not mods and self._tiles[tile].playback is not None:
            self.sig_pause_requested.emit(tile)
        elif mods == Qt.KeyboardModifier.NoModifier and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            n = int(key) - int(Qt.Key.Key_1)
            if n < self._layout.size and self._maximised is None:
                self.select(n)
        elif mods == Qt.KeyboardModifier.NoModifier and key in _ARROWS:
            if self._maximised is None:
                self.select(neighbour(self._layout, tile, _ARROWS[key]))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
            self.sig_maximise_toggled.emit(tile)
        elif key == Qt.Key.Key_Escape and self._maximised is not None:
            self.sig_maximise_toggled.emit(self._maximised)
        elif key == Qt.Key.Key_Delete and not mods:
            if self._tiles[tile].code is not None:
                self.sig_clear_requested.emit(tile)
        elif key == Qt.Key.Key_F11:
            self.sig_fullscreen_requested.emit()
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        # Any PTZ key or Ctrl let go stops the move: releasing Shift before "+" turns the "+"
        # release into "=", and a camera left moving is worse than one stopped early.
        if (
            self._ptz_key is not None
            and not event.isAutoRepeat()
            and (event.key() in _PTZ_KEYS or event.key() == Qt.Key.Key_Control)
        ):
            self._ptz_key = None
            self.sig_ptz_stop_requested.emit(self._selected)
            return
        super().keyReleaseEvent(event)

    def _mask_key(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self._finish_mask(save=False)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish_mask(save=True)
        elif key == Qt.Key.Key_Backspace:
            self._mask_undo()
        else:
            event.accept()  # nothing else acts on the wall while the mask is edited

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._finish_ptz()
        super().focusOutEvent(event)

    # --- mouse ----------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        tile = self.tile_at(pos)
        if self._mask is not None:
            if event.button() == Qt.MouseButton.LeftButton and tile == self._mask.tile:
                self._mask_press(pos)
            return
        if tile is None:
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.select(tile)
        if event.button() == Qt.MouseButton.LeftButton and self._tiles[tile].ptz:
            for key, pan, tilt, zoom, *_ in PTZ_BUTTONS:
                if self.ptz_button_rects(tile)[key].contains(pos):
                    self._ptz_button = tile
                    self._ptz_move(tile, pan, tilt, zoom)
                    return

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._mask is not None and self._mask.press is not None:
            self._mask.drag = pos
            self._update_tile(self._mask.tile)
            return
        tile = self.tile_at(pos)
        if tile != self._hover:
            old, self._hover = self._hover, tile
            for t in (old, tile):
                if t is not None and self._tiles[t].ptz:
                    self._update_tile(t)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._mask is not None:
            if event.button() == Qt.MouseButton.LeftButton:
                self._mask_release(pos)
            return
        if self._ptz_button is not None:
            tile, self._ptz_button = self._ptz_button, None
            self.sig_ptz_stop_requested.emit(tile)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._mask is not None:
            return  # a quick second click adds a point; it must not maximise
        tile = self.tile_at(pos)
        if tile is not None and event.button() == Qt.MouseButton.LeftButton:
            on_ptz = self._tiles[tile].ptz and self._hover == tile
            if on_ptz and any(r.contains(pos) for r in self.ptz_button_rects(tile).values()):
                return
            self.sig_maximise_toggled.emit(tile)

    def leaveEvent(self, event: QEvent) -> None:
        old, self._hover = self._hover, None
        if old is not None and old < len(self._tiles) and self._tiles[old].ptz:
            self._update_tile(old)
        super().leaveEvent(event)

    # --- drag and drop --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_CAMERA) and self._mask is None:
            event.acceptProposedAction()
            self._set_drop_target(self.tile_at(event.position().toPoint()))
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        tile = self.tile_at(event.position().toPoint())
        self._set_drop_target(tile)
        if tile is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_target(None)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_target(None)
        tile = self.tile_at(event.position().toPoint())
        code = bytes(event.mimeData().data(MIME_CAMERA).data()).decode("utf-8").strip()
        if tile is None or not code:
            event.ignore()
            return
        event.acceptProposedAction()
        self.select(tile)
        self.sig_camera_dropped.emit(tile, code)

    def _set_drop_target(self, tile: int | None) -> None:
        if tile != self._drop_target:
            old, self._drop_target = self._drop_target, tile
            for t in (old, tile):
                if t is not None:
                    self._update_tile(t)

    # --- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        # The region, not its bounding rect: new frames in two far tiles must not repaint
        # every tile between them.
        region = event.region()
        strip = self._clock_strip(self.clock_text())
        for i in self.visible_tiles():
            box = self._tile_rect(i)
            if region.intersects(box):
                self._paint_tile(painter, i, box, strip)
        # Only the lines between tiles: a full-area fill under every frame doubled the cost.
        for r in _rects(region.intersected(self._lines)):
            painter.fillRect(r, BACKGROUND)
        painter.end()

    def clock_text(self) -> str:
        """The overlays' wall clock, HH:MM:SS in the site's zone."""
        return local(self._now(), self._zone).strftime("%H:%M:%S")

    def _paint_tile(self, p: QPainter, i: int, box: QRect, strip: _ClockStrip) -> None:
        t = self._tiles[i]
        t.counters.paints += 1
        frame = t.frame
        status = t.status
        if (
            frame is not None
            and status is not None
            and status.state is _LIVE
            and t.playback is None
            and not t.regions
            and self._mask is None
            and self._drop_target is None
            and not (t.ptz and self._hover == i)
        ):
            self._paint_live(p, i, t, frame, box, strip)
            return
        t.live = None
        p.save()
        p.setClipRect(box)
        if t.code is None:
            p.fillRect(box, EMPTY_TILE)
            p.setFont(self._font)
            p.setPen(EMPTY_TEXT)
            p.drawText(
                box.adjusted(6, 6, -6, -6),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._texts["empty"],
            )
        else:
            frame = t.frame
            if frame is None:
                p.fillRect(box, TILE_BACKGROUND)
                self._paint_message(p, t, box)
            else:
                arr = frame.image
                pic = letterbox(int(arr.shape[1]), int(arr.shape[0]), box)
                self._draw_picture(p, t, frame, pic, _letterbox_bars(box, pic))
                state = t.status.state if t.status is not None else StreamState.CONNECTING
                if t.playback is not None:
                    if t.playback.message is not None:
                        p.fillRect(pic, DIM)
                        self._paint_message(p, t, box)
                elif state != StreamState.LIVE:
                    p.fillRect(pic, DIM)  # a frozen last frame must not pass for live video
                    self._paint_message(p, t, box)
            self._paint_regions(p, i, t)
            for x, y, pix in self._overlay(t, box, strip):
                p.drawPixmap(x, y, pix)
            if t.ptz and self._hover == i and self._mask is None:
                self._paint_ptz(p, i)
            if t.playback is not None:
                half = PLAYBACK_FRAME_PX // 2
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.setPen(QPen(PLAYBACK_FRAME, PLAYBACK_FRAME_PX))
                p.drawRect(box.adjusted(half, half, -half - 1, -half - 1))
        if self._mask is not None and self._mask.tile == i:
            self._paint_mask(p, i, box)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if i == self._drop_target:
            p.setPen(QPen(DROP_FRAME, 3))
            p.drawRect(box.adjusted(1, 1, -2, -2))
        elif i == self._selected and self._maximised is None:
            p.setPen(QPen(SELECTION_FRAME, 2))
            p.drawRect(box.adjusted(1, 1, -1, -1))
        p.restore()

    def _paint_message(self, p: QPainter, t: _Tile, box: QRect) -> None:
        """A tile not live says why in the middle, large enough to read across a room."""
        status = t.status
        state = status.state if status is not None else StreamState.CONNECTING
        area = self._message_area(box)
        if area.height() < self._bar_height():
            return
        flags = int(_MESSAGE_FLAGS)
        text = self.state_text(status)
        if t.playback is not None:
            text = t.playback.message or t.playback.banner
            state = StreamState.NO_SIGNAL
        font = self.message_font(box, text)
        p.setFont(font)
        if t.frame is not None:  # over a frozen frame: on a dark plate, readable on any picture
            used = QFontMetrics(font).boundingRect(area, flags, text)
            p.fillRect(used.adjusted(-2 * BAR_PX, -BAR_PX, 2 * BAR_PX, BAR_PX), BAR_FILL)
        p.setPen(STATE_COLOURS[state])
        p.drawText(area, flags, text)

    def _message_area(self, box: QRect) -> QRect:
        bar = self._bar_height()
        return box.adjusted(2 * BAR_PX, bar + BAR_PX, -2 * BAR_PX, -bar - BAR_PX)

    def message_font(self, box: QRect, text: str) -> QFont:
        """The large font where the words fit the tile's middle, else the overlay's: a word
        wider than a small tile ("Connecting…" in a 3x3 wall beside the camera tree) was cut
        at both ends."""
        area = self._message_area(box)
        used = QFontMetrics(self._big).boundingRect(area, int(_MESSAGE_FLAGS), text)
        if used.width() > area.width() or used.height() > area.height():
            return self._font
        return self._big

    def _bar_height(self) -> int:
        strip = self._strip
        if strip is not None and strip.key[0] == self._epoch:
            return strip.bar
        return QFontMetrics(self._font).height() + 2 * BAR_PX

    def _clock_strip(self, clock: str) -> _ClockStrip:
        """Sizes and the clock's pixmap, worked out again only when the clock, fonts or DPR change.

        Every tile paints the same clock: its text is shaped and drawn once a second, not once
        per tile and frame (with the trimmed chips, a sixth less GUI time per frame).
        """
        dpr = self.devicePixelRatioF()
        key = (self._epoch, clock, dpr)
        strip = self._strip
        if strip is not None and strip.key == key:
            return strip
        fm = QFontMetrics(self._font)
        bar = fm.height() + 2 * BAR_PX
        clock_w = fm.horizontalAdvance(clock)
        pix = None
        if clock:
            pix = self._new_pixmap(clock_w, bar, dpr)
            painter = QPainter(pix)
            painter.setFont(self._font)
            painter.setPen(TEXT)
            painter.drawText(
                QRect(0, 0, clock_w, bar),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                clock,
            )
            painter.end()
        strip = _ClockStrip(key, bar, clock_w, fm.horizontalAdvance("MMMM"), pix)
        self._strip = strip
        return strip

    def _paint_live(
        self, p: QPainter, i: int, t: _Tile, frame: VideoFrame, box: QRect, strip: _ClockStrip
    ) -> None:
        """A live frame with its overlay, from the tile's plan (made again when stale)."""
        arr = frame.image
        h, w = int(arr.shape[0]), int(arr.shape[1])
        plan = t.live
        if (
            plan is None
            or plan.box is not box
            or plan.width != w
            or plan.height != h
            or plan.status is not t.status
            or plan.strip is not strip
            or plan.names is not self._names
        ):
            pic = letterbox(w, h, box)  # a frame of another size than asked for is scaled
            plan = _LivePlan(
                box=box,
                width=w,
                height=h,
                status=t.status,
                strip=strip,
                names=self._names,
                picture=pic,
                bars=_letterbox_bars(box, pic),
                overlay=self._overlay(t, box, strip),
            )
            t.live = plan
        # Clipped to the tile: Qt hands an unclipped blit of this size to its thread pool, whose
        # wake-ups cost more than the copy on two cores shared with the decoders (the GUI
        # thread's CPU per frame 0.25 -> 0.20 ms, and 0.33 unclipped).
        p.setClipRect(box)
        self._draw_picture(p, t, frame, plan.picture, plan.bars)
        for x, y, pix in plan.overlay:
            p.drawPixmap(x, y, pix)
        if i == self._selected and self._maximised is None:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(SELECTION_FRAME, 2))
            p.drawRect(box.adjusted(1, 1, -1, -1))
        p.setClipping(False)

    def _draw_picture(
        self, p: QPainter, t: _Tile, frame: VideoFrame, picture: QRect, bars: tuple[QRect, ...]
    ) -> None:
        """The frame in `picture` (scaled if its size differs), the letterbox bars beside it."""
        for bar in bars:
            p.fillRect(bar, TILE_BACKGROUND)
        arr = frame.image
        h, w = int(arr.shape[0]), int(arr.shape[1])
        # A view of the array, not a copy; `frame` (kept in the tile) keeps it alive.
        p.drawImage(picture, QImage(arr.data, w, h, int(arr.strides[0]), _RGB32))
        if t.painted is not frame:
            t.painted = frame
            t.counters.shown += 1

    def _overlay(
        self, t: _Tile, box: QRect, strip: _ClockStrip
    ) -> tuple[tuple[int, int, QPixmap], ...]:
        """Where the overlay's pixmaps go: name (and clock) on top, state (and keyframes) below.

        The bars are drawn once into cached pixmaps and re-used while their text and the tile's
        width stay the same: drawing the text at every frame cost more than the frame itself.
        """
        bar = strip.bar
        name = self._names.get(t.code or "", "") or (t.code or "")
        label = f"{t.code}  {name}" if name != t.code else name
        # The wall clock on recorded video would pass it for live.
        clock_pix = strip.clock_pix if t.playback is None else None
        clock_w = strip.clock_w if clock_pix is not None else 0
        # Every tile or none: judged on the narrowest tile shown, so that tiles a pixel narrower
        # than their neighbours do not drop the clock alone.
        show_clock = clock_pix is not None and (
            self._narrowest - 2 * BAR_PX - 4 >= clock_w + strip.spare_w
        )
        reserve = clock_w + 2 * BAR_PX if show_clock else 0
        dpr = self.devicePixelRatioF()
        top_key = (self._epoch, box.width(), bar, dpr, label, reserve)
        if t.top_key != top_key or t.top_pix is None:
            t.top_key, t.top_pix = top_key, self._top_bar(box.width(), bar, dpr, label, reserve)
        out = [(box.x(), box.y(), t.top_pix)]
        if show_clock and clock_pix is not None:
            # Right-aligned in the bar's inner width, as the text was drawn before.
            out.append((box.x() + box.width() - BAR_PX - 2 - clock_w, box.y(), clock_pix))
        status = t.status
        text = self.state_text(status) if t.playback is None else t.playback.banner
        bottom_key = (self._epoch, box.width(), bar, dpr, text, status, t.playback is None)
        if t.bottom_key != bottom_key or t.bottom_pix is None:
            t.bottom_key = bottom_key
            t.bottom_pix, t.bottom_at = self._bottom_bar(
                box.width(), bar, dpr, text, status, playback=t.playback is not None
            )
        top = box.bottom() + 1 - 2 * bar - 2
        out.append((box.x() + t.bottom_at.x(), top + t.bottom_at.y(), t.bottom_pix))
        return tuple(out)

    def _new_pixmap(self, w: int, h: int, dpr: float) -> QPixmap:
        pix = QPixmap(max(1, round(w * dpr)), max(1, round(h * dpr)))
        pix.setDevicePixelRatio(dpr)
        pix.fill(Qt.GlobalColor.transparent)
        return pix

    def _top_bar(self, width: int, bar: int, dpr: float, label: str, reserve: int) -> QPixmap:
        """The name bar; `reserve` px on its right stay free for the clock (0: no clock)."""
        pix = self._new_pixmap(width, bar, dpr)
        p = QPainter(pix)
        fm = QFontMetrics(self._font)
        p.fillRect(QRect(0, 0, width, bar), BAR_FILL)
        p.setFont(self._font)
        p.setPen(TEXT)
        inner = QRect(0, 0, width, bar).adjusted(BAR_PX + 2, 0, -BAR_PX - 2, 0)
        name_w = max(0, inner.width() - reserve)
        p.drawText(
            QRect(inner.x(), 0, name_w, bar),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(label, Qt.TextElideMode.ElideRight, name_w),
        )
        p.end()
        return pix

    def _bottom_bar(
        self,
        width: int,
        bar: int,
        dpr: float,
        text: str,
        status: StreamStatus | None,
        *,
        playback: bool = False,
    ) -> tuple[QPixmap, QPoint]:
        """The state chip at the bottom left; the keyframes-only marker right of it or above.

        In playback the chip is amber with dark text: the banner of recorded video. Returns the
        chips' pixmap and its place in the strip of two bars at the tile's bottom: just the
        chips, so that each frame blends a chip's pixels, not a transparent strip's.
        """
        height = 2 * bar + 2
        fm = QFontMetrics(self._font)
        state = status.state if status is not None else StreamState.CONNECTING
        colour = STATE_COLOURS[state]
        dot = bar // 3
        if playback:
            chip_w = min(fm.horizontalAdvance(text) + 4 * BAR_PX, width - 2 * BAR_PX)
        else:
            chip_w = min(fm.horizontalAdvance(text) + dot + 4 * BAR_PX, width - 2 * BAR_PX)
        chip = QRect(BAR_PX, height - bar, max(0, chip_w), bar - BAR_PX)
        marker_rect: QRect | None = None
        marker = self._texts["keyframes"]
        if not playback and status is not None and status.keyframes_only:
            mw = fm.horizontalAdvance(marker) + 2 * BAR_PX
            if chip.right() + BAR_PX + mw <= width - 1 - BAR_PX:
                marker_rect = QRect(width - BAR_PX - mw, chip.y(), mw, chip.height())
            else:  # no room beside the state: above it
                marker_rect = QRect(chip.x(), chip.y() - chip.height() - 2, mw, chip.height())
        used = chip if marker_rect is None else chip.united(marker_rect)
        pix = self._new_pixmap(max(1, used.width()), max(1, used.height()), dpr)
        p = QPainter(pix)
        p.translate(-used.x(), -used.y())
        p.setFont(self._font)
        if playback:
            p.fillRect(chip, PLAYBACK_FRAME)
            p.setPen(QColor("#000000"))
            p.drawText(
                chip.adjusted(2 * BAR_PX, 0, -BAR_PX, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                fm.elidedText(text, Qt.TextElideMode.ElideRight, chip.width() - 3 * BAR_PX),
            )
            p.end()
            return pix, used.topLeft()
        p.fillRect(chip, BAR_FILL)
        p.setBrush(colour)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(chip.x() + BAR_PX, chip.center().y() - dot // 2, dot, dot)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(colour if state != StreamState.LIVE else TEXT)
        text_rect = chip.adjusted(BAR_PX + dot + BAR_PX, 0, -BAR_PX, 0)
        p.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        if marker_rect is not None:
            p.fillRect(marker_rect, DEGRADED)
            p.setPen(QColor("#000000"))
            p.drawText(marker_rect, Qt.AlignmentFlag.AlignCenter, marker)
        p.end()
        return pix, used.topLeft()

    def _paint_ptz(self, p: QPainter, i: int) -> None:
        p.setFont(self._small)
        for (_key, *_rest, glyph, _gx, _gy), r in zip(
            PTZ_BUTTONS, self.ptz_button_rects(i).values(), strict=True
        ):
            p.fillRect(r, BAR_FILL)
            p.setPen(QPen(TEXT, 1))
            p.drawRect(r)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, glyph)

    def _paint_regions(self, p: QPainter, i: int, t: _Tile) -> None:
        if not t.regions:
            return
        pic = self.picture_rect(i)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(MOTION_PEN, 2))
        for x, y, w, h in t.regions:
            p.drawRect(
                QRectF(
                    pic.x() + x * pic.width(),
                    pic.y() + y * pic.height(),
                    w * pic.width(),
                    h * pic.height(),
                )
            )

    def _paint_mask(self, p: QPainter, i: int, box: QRect) -> None:
        m = self._mask
        assert m is not None
        p.setPen(QPen(MASK_PEN, 2))
        p.setBrush(MASK_FILL)
        for poly in m.polygons:
            p.drawPolygon(QPolygonF([self._to_widget(i, pt) for pt in poly]))
        if m.current:
            pts = [self._to_widget(i, pt) for pt in m.current]
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolyline(QPolygonF(pts))
            for pt in pts:
                p.drawEllipse(pt, 3, 3)
        if m.press is not None and m.drag is not None and not m.current:
            p.setBrush(MASK_FILL)
            p.drawRect(QRect(m.press, m.drag).normalized())
        p.setFont(self._font)
        fm = QFontMetrics(self._font)
        hint = self._texts["mask_hint"]
        area = box.adjusted(BAR_PX, self._bar_height() + BAR_PX, -BAR_PX, 0)
        r = fm.boundingRect(area, int(Qt.TextFlag.TextWordWrap), hint)
        r = QRect(area.x(), area.y(), area.width(), r.height() + 2 * BAR_PX)
        p.fillRect(r, BAR_FILL)
        p.setPen(TEXT)
        p.drawText(
            r.adjusted(BAR_PX, BAR_PX, -BAR_PX, -BAR_PX), int(Qt.TextFlag.TextWordWrap), hint
        )

    # --- texts ----------------------------------------------------------------------------------

    def state_text(self, status: StreamStatus | None) -> str:
        """What a tile's overlay says about its stream, in the current language."""
        if status is None:
            return self._texts[StreamState.CONNECTING]
        state = status.state
        if state == StreamState.RECONNECTING:
            return self.tr("Reconnecting (attempt {n})").replace("{n}", str(status.attempt))
        if state == StreamState.OFFLINE:
            if status.since is None:
                return self.tr("Offline")
            since = local(status.since, self._zone).strftime("%H:%M")
            return self.tr("Offline since {time}").replace("{time}", since)
        if state == StreamState.ERROR and status.detail:
            # The detail is the stream's own (English) message: a tooltip, not the overlay.
            return self.tr("Error (point at the tile for details)")
        return self._texts[state]

    def _retranslate(self) -> None:
        self._texts: dict[object, str] = {
            StreamState.IDLE: self.tr("Idle"),
            StreamState.CONNECTING: self.tr("Connecting…"),
            StreamState.LIVE: self.tr("Live"),
            StreamState.RECONNECTING: self.tr("Reconnecting"),
            StreamState.OFFLINE: self.tr("Offline"),
            StreamState.NO_SIGNAL: self.tr("No signal"),
            StreamState.WRONG_CREDENTIALS: self.tr("Wrong credentials"),
            StreamState.UNSUPPORTED: self.tr("Unsupported stream"),
            StreamState.ERROR: self.tr("Error"),
            "keyframes": self.tr("Keyframes only"),
            "empty": self.tr("Drag a camera here"),
            "mask_hint": self.tr(
                "Drag rectangles or click points to mask out motion. "
                "Enter saves, Esc cancels, Backspace undoes."
            ),
        }
        # Not a tooltip: it would pop up over the video whenever the mouse rests on it.
        self.setWhatsThis(
            self.tr(
                "1-9 select a tile, arrows move, Enter maximises, Delete clears, "
                "Ctrl+S snapshot, F11 full screen"
            )
        )
        self._epoch += 1
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._font = QFont(self.font())
            self._small = QFont(self.font())
            self._big = _scaled(self.font(), BIG_TEXT)
            self._epoch += 1
            self.update()
        super().changeEvent(event)

    # --- geometry and plumbing ------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(960, 540)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 180)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._relayout()
        super().resizeEvent(event)

    def showEvent(self, event: QEvent) -> None:
        self._clock.start()
        super().showEvent(event)  # type: ignore[arg-type]

    def hideEvent(self, event: QEvent) -> None:
        self._clock.stop()
        self._finish_ptz()
        super().hideEvent(event)  # type: ignore[arg-type]

    def _relayout(self) -> None:
        w, h = self.width(), self.height()
        lay = self._layout
        rects: list[QRect] = []
        for t in lay.tiles:
            x0 = round(t.col * w / lay.columns)
            x1 = round(t.right * w / lay.columns)
            y0 = round(t.row * h / lay.rows)
            y1 = round(t.bottom * h / lay.rows)
            # Half a gap on inner edges only, so the outer tiles reach the widget's border.
            left = x0 + (GAP_PX // 2 if t.col else 0)
            top = y0 + (GAP_PX // 2 if t.row else 0)
            right = x1 - (GAP_PX - GAP_PX // 2 if t.right < lay.columns else 0)
            bottom = y1 - (GAP_PX - GAP_PX // 2 if t.bottom < lay.rows else 0)
            rects.append(QRect(left, top, max(0, right - left), max(0, bottom - top)))
        if self._maximised is not None:
            rects = [
                QRect(0, 0, w, h) if i == self._maximised else QRect() for i in range(lay.size)
            ]
        self._rects = rects
        shown = [r.width() for r in rects if not r.isEmpty()]
        self._narrowest = min(shown) if shown else 0
        lines = QRegion(0, 0, w, h)
        for r in rects:
            lines -= QRegion(r)
        self._lines = lines

    def _tile_rect(self, tile: int) -> QRect:
        if len(self._rects) != self._layout.size:
            self._relayout()
        return self._rects[tile]

    def _tile(self, tile: int) -> _Tile:
        if not 0 <= tile < len(self._tiles):
            raise IndexError(f"tile {tile} is not in layout {self._layout.key!r}")
        return self._tiles[tile]

    def _update_tile(self, tile: int) -> None:
        if 0 <= tile < len(self._tiles) and tile in self.visible_tiles():
            self.update(self._tile_rect(tile))

    @Slot()
    def _on_clock_tick(self) -> None:
        """Repaint just the clock strips (the top bars) of tiles that show a camera."""
        bar = self._bar_height()
        for i in self.visible_tiles():
            if self._tiles[i].code is not None:
                box = self._tile_rect(i)
                self.update(QRect(box.x(), box.y(), box.width(), bar))


def _scaled(font: QFont, factor: float) -> QFont:
    """A copy of `font` `factor` times as large, whether it is sized in points or pixels."""
    out = QFont(font)
    if font.pointSizeF() > 0:
        out.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        out.setPixelSize(round(font.pixelSize() * factor))
    return out


def _letterbox_bars(box: QRect, picture: QRect) -> tuple[QRect, ...]:
    """The parts of a tile its picture leaves uncovered."""
    return tuple(_rects(QRegion(box) - QRegion(picture)))


def _rects(region: QRegion) -> list[QRect]:
    """A region's rectangles (QRegion iterates over them; its type stubs do not say so)."""
    return list(cast(Iterable[QRect], region))


_ARROWS: dict[Qt.Key, Direction] = {
    Qt.Key.Key_Left: Direction.LEFT,
    Qt.Key.Key_Right: Direction.RIGHT,
    Qt.Key.Key_Up: Direction.UP,
    Qt.Key.Key_Down: Direction.DOWN,
}

_PTZ_KEYS: dict[Qt.Key, tuple[float, float, float]] = {
    Qt.Key.Key_Left: (-PTZ_SPEED, 0.0, 0.0),
    Qt.Key.Key_Right: (PTZ_SPEED, 0.0, 0.0),
    Qt.Key.Key_Up: (0.0, PTZ_SPEED, 0.0),
    Qt.Key.Key_Down: (0.0, -PTZ_SPEED, 0.0),
    Qt.Key.Key_Plus: (0.0, 0.0, PTZ_SPEED),
    Qt.Key.Key_Equal: (0.0, 0.0, PTZ_SPEED),  # "+" without Shift on most keyboards
    Qt.Key.Key_Minus: (0.0, 0.0, -PTZ_SPEED),
}

# With Shift held, the digit row sends its shifted symbols (US and Chinese layouts).
_SHIFTED_DIGITS = "!@#$%^&*("


def _preset_number(event: QKeyEvent) -> int | None:
    key = event.key()
    if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
        return int(key) - int(Qt.Key.Key_0)
    text = event.text()
    if text and text in _SHIFTED_DIGITS:
        return _SHIFTED_DIGITS.index(text) + 1
    for n, ch in enumerate(_SHIFTED_DIGITS, start=1):
        if key == ord(ch):
            return n
    return None

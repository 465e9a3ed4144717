"""The playback timeline: recorded ranges, gaps, bookmarks, motion and incidents per camera."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import cast

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from core.recording import GapCause
from core.timefmt import DEFAULT_ZONE, as_utc, local, utcnow

# Zoom presets the header offers (seconds shown across the track), and the limits.
PRESETS: tuple[int, ...] = (600, 3600, 6 * 3600, 86_400)
MIN_SPAN_S = 60.0
MAX_SPAN_S = 7 * 86_400.0
ZOOM_STEP = 1.5  # one wheel notch or +/- key
PAN_FRACTION = 0.25  # Shift+Left/Right pans a quarter of the window
EVENT_SLACK_S = 1.0  # "previous event" skips one this close behind the playhead
# Readable axis steps, seconds: the smallest whose labels do not collide is used.
TICK_STEPS: tuple[int, ...] = (
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
    3600, 7200, 10_800, 21_600, 43_200, 86_400,
)  # fmt: skip

_OWN_KEYS = frozenset(
    {
        Qt.Key.Key_Space,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Plus,
        Qt.Key.Key_Equal,
        Qt.Key.Key_Minus,
        Qt.Key.Key_Underscore,
    }
)

PAD = 6
MIN_LANE_PX = 26
MAX_LABEL_PX = 160

BACKGROUND = QColor("#15181c")
HEADER = QColor("#1c2026")
LANE = QColor("#20242b")
LANE_ALT = QColor("#1d2127")
GRID = QColor("#2c313a")
TEXT = QColor("#e5e5ea")
DIM_TEXT = QColor("#8e8e93")
RECORDED = QColor("#2f8f5b")
BOOKMARK = QColor("#64d2ff")
MOTION = QColor("#ffd60a")
INCIDENT = QColor("#ff375f")
PLAYHEAD = QColor("#f2f2f7")
CHIP = QColor("#2c313a")
CHIP_ON = QColor("#4aa3ff")

GAP_COLOURS: dict[str, QColor] = {
    GapCause.CAMERA_OFFLINE.value: QColor("#ff453a"),
    GapCause.DISK_FULL.value: QColor("#ff9f0a"),
    GapCause.RECORDER_DOWN.value: QColor("#bf5af2"),
    GapCause.ERROR.value: QColor("#8e8e93"),
}


@dataclass(frozen=True, slots=True)
class TimelineGap:
    """A stretch not recorded and why (`cause`: a core.recording.GapCause value)."""

    start: datetime
    end: datetime | None  # None: the gap lasts until now
    cause: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class TimelineMark:
    """A bookmark (with its note) or a motion event."""

    at: datetime
    text: str = ""


@dataclass(frozen=True, slots=True)
class TimelineIncident:
    """An incident's time on a camera's lane."""

    at: datetime
    number: str
    title: str


@dataclass(frozen=True, slots=True)
class TimelineLane:
    """One camera's lane: plain data, all datetimes aware (UTC or any zone)."""

    camera: str
    title: str
    recorded: Sequence[tuple[datetime, datetime]] = ()
    gaps: Sequence[TimelineGap] = ()
    bookmarks: Sequence[TimelineMark] = ()
    motion: Sequence[datetime] = ()
    incidents: Sequence[TimelineIncident] = ()


def merge_ranges(
    ranges: Iterable[tuple[datetime, datetime]], slack_s: float = 1.0
) -> list[tuple[datetime, datetime]]:
    """Ranges sorted and joined where they touch (segments back to back make one band)."""
    out: list[tuple[datetime, datetime]] = []
    slack = timedelta(seconds=slack_s)
    for start, end in sorted((as_utc(a), as_utc(b)) for a, b in ranges):
        if out and start <= out[-1][1] + slack:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


@dataclass(slots=True)
class _Lane:
    """A lane's data sorted once (set_data), in UTC."""

    camera: str
    title: str
    recorded: list[tuple[datetime, datetime]]
    gaps: list[TimelineGap]
    bookmarks: list[TimelineMark]
    motion: list[datetime]
    incidents: list[TimelineIncident]


@dataclass(slots=True)
class _Hit:
    rect: QRectF
    tip: str


@dataclass(slots=True)
class _Geometry:
    """Everything paintEvent draws, computed when data, window or size change."""

    lanes: list[QRect] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # elided
    recorded: list[list[QRectF]] = field(default_factory=list)
    gaps: list[list[tuple[QRectF, QColor]]] = field(default_factory=list)
    motion: list[list[float]] = field(default_factory=list)
    bookmarks: list[list[QPolygonF]] = field(default_factory=list)
    incidents: list[list[QPolygonF]] = field(default_factory=list)
    hits: list[list[_Hit]] = field(default_factory=list)  # marks first, then bands
    ticks: list[tuple[float, str, bool]] = field(default_factory=list)  # x, label, major
    labels: list[tuple[QRect, str, bool]] = field(default_factory=list)  # those that fit
    date_text: str = ""
    empty: bool = True


class TimelineWidget(QWidget):
    """A zoomable, scrubbable timeline with one lane per camera; fed plain data.

    Mouse: click or drag in the lanes to scrub (sig_seek_requested on every move); drag the
    time axis, or drag with the middle button anywhere, to pan; the wheel zooms around the
    pointer; the header's chips zoom to 10 min / 1 h / 6 h / 24 h. Keys: Space play/pause,
    Left/Right step a frame, Shift+Left/Right pan, Ctrl+Left/Right previous/next event
    (bookmark, motion, incident), Home/End the first/last recording, +/- zoom around the
    playhead. Every signal fires on the GUI thread; times are aware UTC datetimes.
    """

    sig_seek_requested = Signal(object)  # datetime (UTC): scrub, event jump, Home/End
    sig_play_pause_requested = Signal()  # Space
    sig_step_requested = Signal(int)  # +1 / -1: Right / Left (a frame)
    sig_window_changed = Signal(object, float)  # start (UTC), span seconds: load data for it

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        zone: str = DEFAULT_ZONE,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playbackTimeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._zone = zone
        self._now = now
        self._lanes: list[_Lane] = []
        self._events: list[datetime] = []  # every mark's time, sorted (Ctrl+Left/Right)
        self._span = 3600.0
        self._start = as_utc(now()) - timedelta(seconds=self._span * 0.75)
        self._playhead: datetime | None = None
        self._geo = _Geometry()
        self._drag: str | None = None  # "scrub" or "pan"
        self._pan_from: tuple[int, datetime] | None = None
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        self._label_pref = 80  # the titles' width; a narrow widget gives them less
        self._relayout()

    # --- plain data in ---------------------------------------------------------------------

    def set_data(self, lanes: Sequence[TimelineLane]) -> None:
        """Replace every lane (sorted and merged here once, not in paintEvent)."""
        self._lanes = [
            _Lane(
                lane.camera,
                lane.title,
                merge_ranges(lane.recorded),
                sorted(
                    (
                        TimelineGap(as_utc(g.start), g.end and as_utc(g.end), g.cause, g.detail)
                        for g in lane.gaps
                    ),
                    key=lambda g: g.start,
                ),
                sorted((TimelineMark(as_utc(b.at), b.text) for b in lane.bookmarks), key=_at),
                sorted(as_utc(t) for t in lane.motion),
                sorted(
                    (TimelineIncident(as_utc(i.at), i.number, i.title) for i in lane.incidents),
                    key=_at,
                ),
            )
            for lane in lanes
        ]
        self._events = sorted(
            {b.at for ln in self._lanes for b in ln.bookmarks}
            | {t for ln in self._lanes for t in ln.motion}
            | {i.at for ln in self._lanes for i in ln.incidents}
        )
        fm = QFontMetrics(self.font())
        widest = max((fm.horizontalAdvance(ln.title) for ln in self._lanes), default=40)
        self._label_pref = min(MAX_LABEL_PX, max(60, widest + 2 * PAD + 4))
        self.updateGeometry()
        self._relayout()

    def cameras(self) -> list[str]:
        """The lanes' cameras, top to bottom."""
        return [ln.camera for ln in self._lanes]

    def set_playhead(self, t: datetime | None, *, follow: bool = False) -> None:
        """Where playback is (None hides the playhead); cheap, called from the GUI timer.

        With `follow`, a playhead that leaves the window pages the window along with it.
        """
        new = as_utc(t) if t is not None else None
        if new == self._playhead:
            return
        old_x = self._playhead_x()
        self._playhead = new
        if follow and new is not None and not self._in_view(new):
            self._set_window(new - timedelta(seconds=self._span * 0.1), self._span)
            return
        for x in (old_x, self._playhead_x()):
            if x is not None:
                # Wide enough for the time pill, which stays inside the track at the edges.
                self.update(QRect(round(x) - 80, 0, 160, self.height()))

    def playhead(self) -> datetime | None:
        return self._playhead

    def set_window(self, start: datetime, span_s: float) -> None:
        """Show `span_s` seconds from `start`."""
        self._set_window(as_utc(start), span_s)

    def time_window(self) -> tuple[datetime, float]:
        """The window shown: (start UTC, span seconds)."""
        return self._start, self._span

    def zoom_to(self, span_s: float, anchor: datetime | None = None) -> None:
        """Show `span_s` seconds, keeping `anchor` where it is on screen.

        The anchor defaults to the playhead when it is in view, else the window's centre.
        """
        if anchor is None:
            anchor = self._zoom_anchor()
        frac = (anchor - self._start).total_seconds() / self._span
        span = min(MAX_SPAN_S, max(MIN_SPAN_S, span_s))
        self._set_window(anchor - timedelta(seconds=frac * span), span)

    def set_zone(self, zone: str) -> None:
        """The site's time zone for the labels."""
        self._zone = zone
        self._relayout()

    def empty_text(self) -> str:
        """The text shown over the lanes when nothing was recorded in the window ('' if some)."""
        return self.tr("No recordings in this range") if self._geo.empty else ""

    # --- geometry (public for tests and the presenter) ---------------------------------------

    def track_rect(self) -> QRect:
        """Where the lanes' time axis runs (right of the camera titles, below the header)."""
        top = self._header_h()
        return QRect(
            self._label_w, top, max(1, self.width() - self._label_w - PAD), self._lanes_h()
        )

    def axis_rect(self) -> QRect:
        """The tick labels' row (drag it to pan)."""
        h = self._row_h()
        return QRect(self._label_w, h, max(1, self.width() - self._label_w - PAD), h)

    def lane_rect(self, index: int) -> QRect:
        return QRect(self._geo.lanes[index])

    def x_of(self, t: datetime) -> float:
        """The x of an instant (may lie outside the track)."""
        track = self.track_rect()
        return track.x() + (as_utc(t) - self._start).total_seconds() / self._span * track.width()

    def time_at(self, x: float) -> datetime:
        """The instant under an x (clamped to the track)."""
        track = self.track_rect()
        frac = min(1.0, max(0.0, (x - track.x()) / max(1, track.width())))
        return self._start + timedelta(seconds=frac * self._span)

    def recorded_rects(self, lane: int) -> list[QRectF]:
        return [QRectF(r) for r in self._geo.recorded[lane]]

    def gap_rects(self, lane: int) -> list[tuple[QRectF, QColor]]:
        return [(QRectF(r), QColor(c)) for r, c in self._geo.gaps[lane]]

    def preset_rects(self) -> dict[int, QRect]:
        """The zoom chips in the header, by span in seconds."""
        fm = QFontMetrics(self._small)
        h = self._row_h()
        x = self.width() - PAD
        out: dict[int, QRect] = {}
        for span in reversed(PRESETS):
            w = fm.horizontalAdvance(self.preset_label(span)) + 2 * PAD
            x -= w
            out[span] = QRect(x, 3, w, h - 6)
            x -= 4
        return out

    def preset_label(self, span: int) -> str:
        """A zoom chip's text."""
        if span == 600:
            return self.tr("10 min")
        if span == 3600:
            return self.tr("1 h")
        if span == 6 * 3600:
            return self.tr("6 h")
        if span == 86_400:
            return self.tr("24 h")
        return f"{span // 60}"

    def tooltip_at(self, pos: QPoint) -> str:
        """What the tooltip says at a widget position ('' for nothing)."""
        for i, rect in enumerate(self._geo.lanes):
            if rect.top() <= pos.y() <= rect.bottom():
                p = QPointF(pos)
                for hit in self._geo.hits[i]:
                    if hit.rect.contains(p):
                        return hit.tip
        return ""

    def ticks(self) -> list[tuple[float, str]]:
        """The axis ticks shown: (x, label)."""
        return [(x, label) for x, label, _ in self._geo.ticks]

    def tick_labels(self) -> list[tuple[QRect, str]]:
        """The tick labels drawn (those that fit without touching a neighbour)."""
        return [(QRect(r), label) for r, label, _ in self._geo.labels]

    # --- Qt -----------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(800, self._header_h() + self._lanes_h() + PAD)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self._header_h() + max(1, len(self._lanes)) * self._lane_h() + PAD)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._relayout()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        # While the timeline has focus its keys are its own, not a window shortcut's.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and Qt.Key(cast(QKeyEvent, event).key()) in _OWN_KEYS
        ):
            event.accept()
            return True
        if event.type() == QEvent.Type.ToolTip:
            help_event = cast(QHelpEvent, event)
            tip = self.tooltip_at(help_event.pos())
            if tip:
                QToolTip.showText(help_event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Space:
            self.sig_play_pause_requested.emit()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            direction = 1 if key == Qt.Key.Key_Right else -1
            if ctrl:
                self._jump_event(direction)
            elif shift:
                self._pan(direction * PAN_FRACTION)
            else:
                self.sig_step_requested.emit(direction)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._pan(-1.0 if key == Qt.Key.Key_PageUp else 1.0)
        elif key == Qt.Key.Key_Home:
            first = min((ln.recorded[0][0] for ln in self._lanes if ln.recorded), default=None)
            if first is not None:
                self._seek(first)
        elif key == Qt.Key.Key_End:
            last = max((ln.recorded[-1][1] for ln in self._lanes if ln.recorded), default=None)
            if last is not None:
                self._seek(last - timedelta(seconds=1))
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_to(self._span / ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_to(self._span * ZOOM_STEP)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        button = event.button()
        if button == Qt.MouseButton.LeftButton:
            for span, rect in self.preset_rects().items():
                if rect.contains(pos):
                    self.zoom_to(span)
                    return
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and pos.y() < self._header_h()
        ):
            self._drag = "pan"
            self._pan_from = (pos.x(), self._start)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        elif button == Qt.MouseButton.LeftButton and self.track_rect().contains(pos):
            self._drag = "scrub"
            self._seek(self.time_at(pos.x()))
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._drag == "scrub":
            self._seek(self.time_at(pos.x()))
        elif self._drag == "pan" and self._pan_from is not None:
            x0, start0 = self._pan_from
            seconds = (x0 - pos.x()) / max(1, self.track_rect().width()) * self._span
            self._set_window(start0 + timedelta(seconds=seconds), self._span)
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            pan_from = self._pan_from if self._drag == "pan" else None
            moved = pan_from is not None and pan_from[1] != self._start
            self._drag = None
            self._pan_from = None
            self.unsetCursor()
            if moved:
                # One signal per drag: the owner loads the window's data once, not per pixel.
                self.sig_window_changed.emit(self._start, self._span)
        else:
            super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        notches = event.angleDelta().y() / 120
        if not notches:
            event.ignore()
            return
        anchor = self.time_at(event.position().x())
        self.zoom_to(self._span / (ZOOM_STEP**notches), anchor)
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            self._paint(p, event.rect())
        finally:
            p.end()

    # --- internals ------------------------------------------------------------------------------

    @property
    def _label_w(self) -> int:
        return min(self._label_pref, max(60, self.width() // 4))

    def _row_h(self) -> int:
        return QFontMetrics(self._small).height() + 8

    def _header_h(self) -> int:
        return 2 * self._row_h()

    def _lane_h(self) -> int:
        return max(MIN_LANE_PX, QFontMetrics(self.font()).height() + 12)

    def _lanes_h(self) -> int:
        return max(1, len(self._lanes)) * self._lane_h()

    def _in_view(self, t: datetime) -> bool:
        return self._start <= t <= self._start + timedelta(seconds=self._span)

    def _playhead_x(self) -> float | None:
        if self._playhead is None or not self._in_view(self._playhead):
            return None
        return self.x_of(self._playhead)

    def _zoom_anchor(self) -> datetime:
        if self._playhead is not None and self._in_view(self._playhead):
            return self._playhead
        return self._start + timedelta(seconds=self._span / 2)

    def _seek(self, t: datetime) -> None:
        self.sig_seek_requested.emit(t)

    def _pan(self, windows: float) -> None:
        self._set_window(self._start + timedelta(seconds=windows * self._span), self._span)

    def _jump_event(self, direction: int) -> None:
        here = self._playhead if self._playhead is not None else self._zoom_anchor()
        events = self._events
        if direction > 0:
            i = bisect.bisect_right(events, here)
            target = events[i] if i < len(events) else None
        else:
            i = bisect.bisect_left(events, here - timedelta(seconds=EVENT_SLACK_S))
            target = events[i - 1] if i > 0 else None
        if target is None:
            return
        if not self._in_view(target):
            self._set_window(target - timedelta(seconds=self._span / 2), self._span)
        self._seek(target)

    def _set_window(self, start: datetime, span: float) -> None:
        span = min(MAX_SPAN_S, max(MIN_SPAN_S, span))
        if start == self._start and span == self._span:
            return
        self._start, self._span = start, span
        self._relayout()
        if self._drag != "pan":
            self.sig_window_changed.emit(self._start, self._span)

    def _relayout(self) -> None:
        """Compute every shape for the window and size (never in paintEvent)."""
        geo = _Geometry()
        track = self.track_rect()
        lane_h = self._lane_h()
        end = self._start + timedelta(seconds=self._span)
        now = as_utc(self._now())
        fm = QFontMetrics(self.font())
        empty = True

        def xs(a: datetime, b: datetime) -> tuple[float, float]:
            x0 = max(float(track.left()), self.x_of(a))
            x1 = min(float(track.left() + track.width()), self.x_of(b))
            return x0, max(x1, x0 + 1.0)  # at least a pixel: a short gap stays visible

        for i, lane in enumerate(self._lanes):
            rect = QRect(0, track.top() + i * lane_h, self.width(), lane_h)
            geo.lanes.append(rect)
            geo.titles.append(
                fm.elidedText(lane.title, Qt.TextElideMode.ElideRight, self._label_w - 2 * PAD)
            )
            band_top = rect.top() + 5
            band_h = lane_h - 10
            hits_marks: list[_Hit] = []
            hits_bands: list[_Hit] = []
            recorded: list[QRectF] = []
            for a, b in lane.recorded:
                if b <= self._start or a >= end:
                    continue
                empty = False
                x0, x1 = xs(a, b)
                r = QRectF(x0, band_top, x1 - x0, band_h)
                recorded.append(r)
                tip = self.tr("Recorded {start} – {end}")
                hits_bands.append(
                    _Hit(r, tip.replace("{start}", self._fmt(a)).replace("{end}", self._fmt(b)))
                )
            gaps: list[tuple[QRectF, QColor]] = []
            for g in lane.gaps:
                g_end = g.end or now
                if g_end <= self._start or g.start >= end:
                    continue
                x0, x1 = xs(g.start, g_end)
                r = QRectF(x0, band_top, x1 - x0, band_h)
                gaps.append((r, GAP_COLOURS.get(g.cause, GAP_COLOURS[GapCause.ERROR.value])))
                tip = self._cause_text(g.cause) + "\n" + self._fmt(g.start) + " – "
                tip += self._fmt(g.end) if g.end is not None else self.tr("now")
                if g.detail:
                    tip += "\n" + g.detail
                # A gap's tooltip wins over the recorded band it may touch: listed first.
                hits_bands.insert(0, _Hit(r.adjusted(-2, 0, 2, 0), tip))
            motion: list[float] = []
            last_px = -1
            for t in lane.motion[bisect.bisect_left(lane.motion, self._start) :]:
                if t > end:
                    break
                x = self.x_of(t)
                if round(x) != last_px:  # thousands of events a day: one mark per pixel
                    motion.append(x)
                    last_px = round(x)
                    hits_marks.append(
                        _Hit(
                            QRectF(x - 3, rect.bottom() - 8, 6, 8),
                            self.tr("Motion {time}").replace("{time}", self._fmt(t)),
                        )
                    )
            bookmarks: list[QPolygonF] = []
            for bm in lane.bookmarks:
                if not self._start <= bm.at <= end:
                    continue
                x = self.x_of(bm.at)
                top = rect.top() + 2
                flag = QPolygonF(
                    [
                        QPointF(x, rect.bottom() - 3),
                        QPointF(x, top),
                        QPointF(x + 9, top + 4),
                        QPointF(x, top + 8),
                    ]
                )
                bookmarks.append(flag)
                tip = self.tr("Bookmark {time}").replace("{time}", self._fmt(bm.at))
                if bm.text:
                    tip += "\n" + bm.text
                hits_marks.insert(0, _Hit(QRectF(x - 3, top, 14, lane_h - 4), tip))
            incidents: list[QPolygonF] = []
            for inc in lane.incidents:
                if not self._start <= inc.at <= end:
                    continue
                x = self.x_of(inc.at)
                cy = rect.center().y()
                s = min(7.0, lane_h / 3)
                incidents.append(
                    QPolygonF(
                        [
                            QPointF(x, cy - s),
                            QPointF(x + s, cy),
                            QPointF(x, cy + s),
                            QPointF(x - s, cy),
                        ]
                    )
                )
                tip = (
                    self.tr("Incident {number}: {title}")
                    .replace("{number}", inc.number)
                    .replace("{title}", inc.title)
                )
                tip += "\n" + self._fmt(inc.at)
                hits_marks.insert(0, _Hit(QRectF(x - s - 2, cy - s - 2, 2 * s + 4, 2 * s + 4), tip))
            geo.recorded.append(recorded)
            geo.gaps.append(gaps)
            geo.motion.append(motion)
            geo.bookmarks.append(bookmarks)
            geo.incidents.append(incidents)
            geo.hits.append(hits_marks + hits_bands)
        geo.ticks = self._ticks(track)
        small = QFontMetrics(self._small)
        row = self._row_h()
        right = -1
        for x, label, major in geo.ticks:
            w = small.horizontalAdvance(label) + 2
            lx = min(max(round(x) - w // 2, track.left()), track.left() + track.width() - w)
            if lx <= right + PAD:
                continue  # an edge label pushed into its neighbour: the tick stays, unlabelled
            geo.labels.append((QRect(lx, row, w, row - 4), label, major))
            right = lx + w
        start_local = local(self._start, self._zone)
        end_local = local(end, self._zone)
        geo.date_text = start_local.strftime("%Y-%m-%d")
        if end_local.date() != start_local.date():
            geo.date_text += " – " + end_local.strftime("%m-%d")
        geo.empty = empty
        self._geo = geo
        self.update()

    def _ticks(self, track: QRect) -> list[tuple[float, str, bool]]:
        """Ticks at a step whose labels fit, aligned to the site's local clock."""
        fm = QFontMetrics(self._small)
        px_per_s = track.width() / self._span
        out: list[tuple[float, str, bool]] = []
        step = TICK_STEPS[-1]
        for candidate in TICK_STEPS:
            label_w = fm.horizontalAdvance("00:00:00" if candidate < 60 else "00:00") + 2 * PAD
            if candidate * px_per_s >= label_w:
                step = candidate
                break
        start_local = local(self._start, self._zone)
        midnight = start_local.replace(hour=0, minute=0, second=0, microsecond=0)
        offset = (start_local - midnight).total_seconds()
        t = midnight + timedelta(seconds=math.ceil(offset / step) * step)
        end = self._start + timedelta(seconds=self._span)
        while t <= end:
            lt = local(t, self._zone)
            major = lt.hour == 0 and lt.minute == 0 and lt.second == 0
            if major:
                label = lt.strftime("%m-%d")
            elif step < 60:
                label = lt.strftime("%H:%M:%S")
            else:
                label = lt.strftime("%H:%M")
            out.append((self.x_of(t), label, major))
            # Whole steps from local midnight (timedelta keeps it exact across zones).
            t = t + timedelta(seconds=step)
        return out

    def _fmt(self, t: datetime) -> str:
        lt = local(t, self._zone)
        if self._span <= 86_400 and lt.date() == local(self._start, self._zone).date():
            return lt.strftime("%H:%M:%S")
        return lt.strftime("%m-%d %H:%M:%S")

    def _cause_text(self, cause: str) -> str:
        if cause == GapCause.CAMERA_OFFLINE.value:
            return self.tr("Not recorded: camera offline")
        if cause == GapCause.DISK_FULL.value:
            return self.tr("Not recorded: disk full")
        if cause == GapCause.RECORDER_DOWN.value:
            return self.tr("Not recorded: recorder not running")
        return self.tr("Not recorded: recording error")

    # --- painting -------------------------------------------------------------------------------

    def _paint(self, p: QPainter, clip: QRect) -> None:
        geo = self._geo
        p.fillRect(clip, BACKGROUND)
        header = QRect(0, 0, self.width(), self._header_h())
        row = self._row_h()
        track = self.track_rect()
        p.fillRect(header, HEADER)
        p.setFont(self._small)
        # Header: the date(s) of the window and the zoom chips.
        p.setPen(TEXT)
        p.drawText(
            QRect(PAD, 0, self.width() // 2, row),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            geo.date_text,
        )
        for span, rect in self.preset_rects().items():
            on = abs(span - self._span) < 1
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(CHIP_ON if on else CHIP)
            p.drawRoundedRect(rect, 4, 4)
            p.setPen(QColor("#000000") if on else TEXT)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.preset_label(span))
        # Axis ticks and their labels, grid lines through the lanes.
        fm = QFontMetrics(self._small)
        for x, _label, major in geo.ticks:
            xi = round(x)
            p.setPen(QPen(TEXT if major else GRID, 1))
            p.drawLine(xi, row + row - 4, xi, track.bottom())
        for rect, label, major in geo.labels:
            p.setPen(TEXT if major else DIM_TEXT)
            p.drawText(rect, Qt.AlignmentFlag.AlignVCenter, label)
        p.setFont(self.font())
        hatch = QBrush(Qt.BrushStyle.BDiagPattern)
        for i, rect in enumerate(geo.lanes):
            lane_fill = QRect(track.left(), rect.top() + 1, track.width(), rect.height() - 2)
            p.fillRect(lane_fill, LANE if i % 2 == 0 else LANE_ALT)
            p.setPen(QPen(GRID, 1))
            for tx, _label, _major in geo.ticks:
                p.drawLine(round(tx), lane_fill.top(), round(tx), lane_fill.bottom())
            p.setPen(TEXT)
            p.drawText(
                QRect(PAD, rect.top(), self._label_w - 2 * PAD, rect.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                geo.titles[i],
            )
            p.setPen(Qt.PenStyle.NoPen)
            for r in geo.recorded[i]:
                p.fillRect(r, RECORDED)
            for r, colour in geo.gaps[i]:
                tint = QColor(colour)
                tint.setAlpha(60)
                p.fillRect(r, tint)
                hatch.setColor(colour)
                p.fillRect(r, hatch)
            p.setPen(QPen(MOTION, 2))
            for x in geo.motion[i]:
                p.drawLine(QPointF(x, rect.bottom() - 7), QPointF(x, rect.bottom() - 1))
            p.setPen(QPen(BOOKMARK, 1.5))
            p.setBrush(BOOKMARK)
            for flag in geo.bookmarks[i]:
                p.drawPolyline(flag)
                p.drawPolygon(QPolygonF(flag.toList()[1:]))
            p.setPen(QPen(QColor("#ffffff"), 1))
            p.setBrush(INCIDENT)
            for diamond in geo.incidents[i]:
                p.drawPolygon(diamond)
        if geo.empty:
            # On a plate: the text sits over hatched gaps.
            text = self.empty_text()
            plate = QRect(0, 0, QFontMetrics(self.font()).horizontalAdvance(text) + 4 * PAD, 0)
            plate.setHeight(QFontMetrics(self.font()).height() + PAD)
            plate.moveCenter(track.center())
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(0, 0, 0, 190))
            p.drawRoundedRect(plate, 4, 4)
            p.setPen(TEXT)
            p.drawText(plate, Qt.AlignmentFlag.AlignCenter, text)
        head = self._playhead_x()
        if head is not None and self._playhead is not None:
            x = head
            p.setPen(QPen(PLAYHEAD, 2))
            p.drawLine(QPointF(x, row), QPointF(x, track.bottom()))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(PLAYHEAD)
            p.drawPolygon(
                QPolygonF([QPointF(x - 5, row), QPointF(x + 5, row), QPointF(x, row + 6)])
            )
            # The playhead's time in a pill in the top row, clear of the tick labels.
            p.setFont(self._small)
            label = local(self._playhead, self._zone).strftime("%H:%M:%S")
            w = fm.horizontalAdvance(label) + 2 * PAD
            lx = min(max(round(x) - w // 2, track.left()), track.right() - w)
            pill = QRect(lx, 3, w, row - 6)
            chips = min(r.left() for r in self.preset_rects().values()) - 4
            if pill.right() >= chips:
                pill.moveTop(row + 3)  # the chips have the top row's right end
            p.setBrush(PLAYHEAD)
            p.drawRoundedRect(pill, 3, 3)
            p.setPen(QColor("#000000"))
            p.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)


def _at(x: TimelineMark | TimelineIncident) -> datetime:
    return x.at

"""The live map pane: the site plan, readers, zones, tracked tags, clusters, trails and replay."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QPointF,
    QRectF,
    Qt,
    QTime,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QIntValidator,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QShortcut,
    QTransform,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from core.personal import REASON_MAX, PersonalField, ResidentCard, reason_problem
from core.planimage import PlanCalibration
from core.site import CameraSpec, ReaderSpec, ZoneSpec
from core.timefmt import local, utcnow
from core.tracking import TagPositionRow, TrackPoint
from widgets.text import plain_tooltip

APPLY_MS = 100  # pending positions are applied at 10 Hz: the latest value of each tag wins
CLUSTER_DEBOUNCE_MS = 150  # a zoom gesture fires many range changes: cluster once it settles
CLUSTER_REFRESH_MS = 2000  # while clustered, counts follow moving tags this often, not per tick
CLUSTER_CELL_PX = 56  # one cluster per square of this many screen pixels
CLUSTER_M_PER_PX = 1.2  # zoomed out beyond this many site metres per pixel: clusters
CLUSTER_MIN_TAGS = 300  # fewer tags than this are drawn one by one at any zoom
SEARCH_RADIUS_M = 120.0  # how much street around a found tag is shown
REPLAY_TICK_MS = 100
SPEEDS = (1, 10, 60)

PERSON, VEHICLE, ASSET = "person", "vehicle", "asset"
OK, ALARM, OFFLINE, UNKNOWN = "ok", "alarm", "offline", "unknown"

KIND_SYMBOL = {PERSON: "o", VEHICLE: "s", ASSET: "d"}
KIND_COLOUR = {PERSON: QColor("#5ac8fa"), VEHICLE: QColor("#ffcc00"), ASSET: QColor("#bf9cff")}
ALARM_COLOUR = QColor("#ff3b30")
OFFLINE_COLOUR = QColor("#8e8e93")
READER_COLOUR = QColor("#30d158")
CAMERA_COLOUR = QColor("#ff9f0a")
SELECTED_COLOUR = QColor("#ffffff")
BACKGROUND = QColor("#15181c")
ZONE_PEN = QColor(120, 140, 160, 160)
ZONE_FILL = QColor(120, 140, 160, 28)
SAFE_FILL = QColor(48, 209, 88, 26)
RESTRICTED_FILL = QColor(255, 69, 58, 30)
CLUSTER_FILL = QColor(90, 200, 250, 90)
TEXT_COLOUR = QColor("#c7ccd1")
PLAN_IMAGE_OPACITY = 0.55  # the plan stays legible while tags and zones stand out over it


def kind_name(kind: str) -> str:
    """'Person', 'Vehicle', 'Asset' in the current language."""
    names = {
        PERSON: QCoreApplication.translate("TrackingMap", "Person"),
        VEHICLE: QCoreApplication.translate("TrackingMap", "Vehicle"),
        ASSET: QCoreApplication.translate("TrackingMap", "Asset"),
    }
    return names.get(kind, kind)


def state_name(state: str) -> str:
    """'OK', 'Alarm', 'Offline', 'Unknown' in the current language."""
    names = {
        OK: QCoreApplication.translate("TrackingMap", "OK"),
        ALARM: QCoreApplication.translate("TrackingMap", "Alarm"),
        OFFLINE: QCoreApplication.translate("TrackingMap", "Offline"),
        UNKNOWN: QCoreApplication.translate("TrackingMap", "Unknown"),
    }
    return names.get(state, state)


@dataclass(frozen=True, slots=True)
class PlanCommunity:
    """A community as the map labels it (from the site file or the database)."""

    code: str
    name: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class TagCounts:
    """What the status line counts."""

    people: int
    vehicles: int
    assets: int
    alarms: int
    offline: int

    @classmethod
    def of(cls, rows: Sequence[TagPositionRow]) -> TagCounts:
        """Counts of these rows."""
        kinds = [r.kind for r in rows]
        states = [r.state for r in rows]
        return cls(
            kinds.count(PERSON),
            kinds.count(VEHICLE),
            kinds.count(ASSET),
            states.count(ALARM),
            states.count(OFFLINE),
        )


class _Styles:
    """One pen, brush, symbol and size per (kind, state), shared so the symbol atlas stays small."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], tuple[str, float, QPen, QBrush]] = {}

    def of(self, kind: str, state: str) -> tuple[str, float, QPen, QBrush]:
        key = (kind, state)
        style = self._cache.get(key)
        if style is None:
            symbol = KIND_SYMBOL.get(kind, "d")
            colour = KIND_COLOUR.get(kind, KIND_COLOUR[ASSET])
            if state == ALARM:
                style = (symbol, 13.0, pg.mkPen("#ffffff", width=1.5), pg.mkBrush(ALARM_COLOUR))
            elif state == OFFLINE:
                # Hollow and grey: still where it was last heard, plainly not live.
                style = (
                    symbol,
                    8.0,
                    pg.mkPen(OFFLINE_COLOUR, width=1.5),
                    QBrush(Qt.BrushStyle.NoBrush),
                )
            elif state == UNKNOWN:
                style = (symbol, 8.0, pg.mkPen(colour, width=1.2), pg.mkBrush(OFFLINE_COLOUR))
            else:
                style = (symbol, 8.0, pg.mkPen(BACKGROUND, width=1.0), pg.mkBrush(colour))
            self._cache[key] = style
        return style


class TagScatter(pg.ScatterPlotItem):  # type: ignore[misc]
    """All tags in one scatter item; clicks and hovers find indices without spot objects.

    pyqtgraph's own click and hover build a SpotItem per point (10,000 objects at the first
    hover), so they are replaced by a mask over the arrays.
    """

    def __init__(self, owner: TrackingMapWidget) -> None:
        super().__init__(pxMode=True, hoverable=False, tip=None, antialias=True)
        self._owner = owner
        self.setAcceptHoverEvents(True)

    def indices_at(self, pos: QPointF) -> np.ndarray[Any, Any]:
        """Indices of the tags under `pos` (item coordinates), topmost last."""
        return np.flatnonzero(self._maskAt(pos))

    def mouseClickEvent(self, ev: Any) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        hits = self.indices_at(ev.pos())
        if len(hits) == 0:
            ev.ignore()
            return
        ev.accept()
        self._owner._on_index_clicked(int(hits[-1]))

    def hoverEvent(self, ev: Any) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        hits: list[int] = [] if ev.exit else [int(i) for i in self.indices_at(ev.pos())]
        vb.setToolTip(plain_tooltip(self._owner._tip_for(hits[-3:])))
        self._owner._on_index_hovered(self, hits[-1] if hits else None)


class TrackingMapWidget(QWidget):
    """The map: plan layers, tags updated in place at 10 Hz, clusters, selection, trail, replay.

    Fed plain rows by the presenter; every method runs on the GUI thread, and every signal is
    emitted there.
    """

    sig_tag_selected = Signal(int)  # a tag's row id: the presenter shows its card
    sig_trail_requested = Signal(int)  # the last hour's trail of this tag (needs a reason)
    sig_replay_requested = Signal(int, object, object)  # tag row id, since, until (UTC)
    sig_find_requested = Signal(str)  # text that matched no loaded tag: ask the service
    sig_resident_card_requested = Signal(int)  # a resident's id: open the residents' card
    sig_tag_hovered = Signal(int)  # the tag under the mouse (row id), once per tag entered
    sig_tag_dialog_requested = Signal(int)  # "Tag…": replace, return or edit this tag
    sig_issue_tag_requested = Signal()  # "Issue tag…": a new tag to a resident or vehicle
    sig_cameras_requested = Signal(list)  # camera codes to put on the video wall

    def __init__(self, zone: str = "Asia/Shanghai", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.setObjectName("trackingMap")
        self._styles = _Styles()
        self._rows: dict[int, TagPositionRow] = {}
        self._index: dict[int, int] = {}  # tag row id → index in the scatter arrays
        self._ids: list[int] = []  # index → tag row id
        self._pending: dict[int, TagPositionRow | None] = {}  # None: the tag is gone
        self._updated: datetime | None = None
        self._selected: int | None = None
        self._names: dict[str, str] = {}  # community and zone codes → names, for the card
        self._counts = TagCounts(0, 0, 0, 0, 0)
        self._hovered: int | None = None
        self._alarm_set: set[int] = set()
        self._is_alarm = np.zeros(0, dtype=bool)  # per scatter index: kept out of clusters
        self._details: tuple[int, ResidentCard | None] | None = None  # the card's resident part
        self._clustered = False
        self._cluster_dirty = False
        self._trail: list[TrackPoint] = []
        self._trail_times: list[float] = []
        self._trail_tag: int | None = None
        self._replay_t = 0.0  # seconds since the trail's first point
        self._speed_i = 0
        self.applied_points = 0  # points written by the last apply (tests and bench read it)
        self.full_rebuilds = 0  # times every tag was written again
        self.cluster_runs = 0
        self.cluster_min_tags = CLUSTER_MIN_TAGS

        self.plot = pg.PlotWidget(background=BACKGROUND)
        self.plot.setObjectName("trackingPlot")
        self.plot.setMinimumSize(320, 240)
        pi = self.plot.getPlotItem()
        pi.hideAxis("left")
        pi.hideAxis("bottom")
        pi.setMenuEnabled(False)
        pi.hideButtons()
        self.view: pg.ViewBox = pi.getViewBox()
        self.view.setAspectLocked(True, 1.0)  # site metres both ways, y up
        self.view.setBackgroundColor(BACKGROUND)

        self._plan_image: QGraphicsPixmapItem | None = None
        self._zone_items: list[QGraphicsPathItem] = []
        self._labels: list[pg.TextItem] = []
        self.readers = pg.ScatterPlotItem(
            pxMode=True,
            symbol="t1",
            size=9,
            pen=pg.mkPen(READER_COLOUR, width=1.5),
            brush=QBrush(Qt.BrushStyle.NoBrush),
        )
        self.cameras = pg.ScatterPlotItem(
            pxMode=True,
            symbol="t",
            size=9,
            pen=pg.mkPen(CAMERA_COLOUR, width=1.5),
            brush=QBrush(Qt.BrushStyle.NoBrush),
        )
        self.tags = TagScatter(self)
        self.clusters = pg.ScatterPlotItem(
            pxMode=True, symbol="o", pen=pg.mkPen("#5ac8fa", width=1.5), brush=CLUSTER_FILL
        )
        self._cluster_labels: list[pg.TextItem] = []
        self._cluster_cells: list[tuple[float, float, float]] = []  # x, y, cell size
        self.clusters.sigClicked.connect(self._on_cluster_clicked)
        self.cameras.sigClicked.connect(self._on_camera_clicked)
        self.alarm_rings = pg.ScatterPlotItem(
            pxMode=True, symbol="o", size=24, pen=pg.mkPen(ALARM_COLOUR, width=2), brush=None
        )
        self.alarm_rings.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self.alarm_dots = TagScatter(self)  # alarms stay visible inside clusters, on top
        self._alarm_ids: list[int] = []
        self.selection = pg.ScatterPlotItem(
            pxMode=True, symbol="o", size=22, pen=pg.mkPen(SELECTED_COLOUR, width=2)
        )
        self.selection.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self.trail = pg.PlotCurveItem(pen=pg.mkPen("#ffd60a", width=2))
        self.replay_marker = pg.ScatterPlotItem(
            pxMode=True, symbol="o", size=14, pen=pg.mkPen("#000000"), brush=pg.mkBrush("#ffd60a")
        )
        for z, item in enumerate(
            (
                self.readers,
                self.cameras,
                self.trail,
                self.tags,
                self.clusters,
                self.alarm_rings,
                self.alarm_dots,
                self.selection,
                self.replay_marker,
            ),
            start=10,
        ):
            item.setZValue(z)
            self.view.addItem(item)
        self.clusters.setVisible(False)

        # --- top bar: search and status
        self.search = QLineEdit()
        self.search.setObjectName("mapSearch")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._on_search_return)
        self.status = QLabel()
        self.status.setObjectName("mapStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        # In a narrow dock the counts wrap to a second line rather than squeezing the search box.
        self.status.setWordWrap(True)
        self.search.setMinimumWidth(160)
        top = QHBoxLayout()
        self.search_note = QLabel()
        self.search_note.setObjectName("mapSearchNote")
        self.search_note.setTextFormat(Qt.TextFormat.PlainText)
        self.search_note.hide()
        self.search.textEdited.connect(self.search_note.hide)
        top.addWidget(self.search, 1)
        top.addWidget(self.search_note)
        self.issue_button = QPushButton()
        self.issue_button.setObjectName("mapIssueTag")
        self.issue_button.clicked.connect(self.sig_issue_tag_requested.emit)
        self.issue_button.setEnabled(False)
        top.addWidget(self.issue_button)
        top.addSpacing(12)
        top.addWidget(self.status, 2)

        self.banner = QLabel()
        self.banner.setObjectName("mapBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.plan_note = QLabel()  # why the site file's plan image is missing (apart: the
        self.plan_note.setObjectName("mapPlanNote")  # banner is the presenter's to set)
        self.plan_note.setTextFormat(Qt.TextFormat.PlainText)
        self.plan_note.setWordWrap(True)
        self.plan_note.hide()
        self._plan_problem: tuple[str, bool] | None = None  # path, whether the file exists

        # --- the card of the selected tag
        self.card = QFrame()
        self.card.setObjectName("mapCard")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card_title = QLabel()
        self.card_title.setObjectName("mapCardTitle")
        self.card_text = QLabel()
        for label in (self.card_title, self.card_text):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.photo = QLabel()
        self.photo.setObjectName("mapCardPhoto")
        self.photo.setPixmap(_photo_placeholder())
        self.card_details = QLabel()
        self.card_details.setObjectName("mapCardDetails")
        self.card_details.setTextFormat(Qt.TextFormat.PlainText)
        self.card_details.setWordWrap(True)
        self.trail_button = QPushButton()
        self.trail_button.setObjectName("mapTrail")
        self.trail_button.clicked.connect(self._on_trail_clicked)
        self.resident_button = QPushButton()
        self.resident_button.setObjectName("mapResidentCard")
        self.resident_button.clicked.connect(self._on_resident_clicked)
        self.tag_button = QPushButton()
        self.tag_button.setObjectName("mapTagDialog")
        self.tag_button.clicked.connect(self._on_tag_clicked)
        self.tag_button.setEnabled(False)
        card_lay = QVBoxLayout(self.card)
        head = QHBoxLayout()
        head.addWidget(self.photo)
        head.addWidget(self.card_title, 1)
        card_lay.addLayout(head)
        card_lay.addWidget(self.card_text)
        card_lay.addWidget(self.card_details)
        card_lay.addWidget(self.trail_button)
        card_lay.addWidget(self.resident_button)
        card_lay.addWidget(self.tag_button)
        card_lay.addStretch(1)
        self.card.setFixedWidth(220)
        self.card.hide()

        # --- replay bar
        self.since = QDateTimeEdit()
        self.until = QDateTimeEdit()
        for edit in (self.since, self.until):
            edit.setDisplayFormat("MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.load_button = QPushButton()
        self.load_button.setObjectName("mapReplayLoad")
        self.load_button.clicked.connect(self._on_load_clicked)
        self.play_button = QPushButton()
        self.play_button.setObjectName("mapPlay")
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._on_play_toggled)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("mapReplaySlider")
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.speed = QComboBox()
        self.speed.addItems([f"{s}×" for s in SPEEDS])
        self.speed.currentIndexChanged.connect(self._on_speed_changed)
        self.replay_time = QLabel()
        self.replay_time.setTextFormat(Qt.TextFormat.PlainText)
        self.replay_time.setMinimumWidth(70)
        self.since_label, self.until_label = QLabel(), QLabel()
        bar = QHBoxLayout()
        for w in (
            self.since_label,
            self.since,
            self.until_label,
            self.until,
            self.load_button,
            self.play_button,
            self.speed,
        ):
            bar.addWidget(w)
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.replay_time)
        self.replay_bar = QWidget()
        self.replay_bar.setObjectName("mapReplayBar")
        self.replay_bar.setLayout(bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self._set_replay_enabled(False)

        self.legend = QLabel()
        self.legend.setObjectName("mapLegend")
        self.legend_items = QWidget()
        self._legend_lay = QHBoxLayout(self.legend_items)
        self._legend_lay.setContentsMargins(0, 0, 0, 0)
        self._legend_labels: list[tuple[QLabel, str]] = []
        for key in (
            "person",
            "vehicle",
            "asset",
            "alarm",
            "offline",
            "reader",
            "camera",
            "cluster",
        ):
            icon, text = QLabel(), QLabel()
            icon.setPixmap(_legend_icon(key))
            text.setTextFormat(Qt.TextFormat.PlainText)
            self._legend_lay.addWidget(icon)
            self._legend_lay.addWidget(text)
            self._legend_labels.append((text, key))
        self._legend_lay.addStretch(1)

        middle = QHBoxLayout()
        middle.addWidget(self.plot, 1)
        middle.addWidget(self.card)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.banner)
        lay.addWidget(self.plan_note)
        lay.addLayout(middle, 1)
        lay.addWidget(self.replay_bar)
        lay.addWidget(self.legend_items)

        self.apply_timer = QTimer(self)
        self.apply_timer.setInterval(APPLY_MS)
        self.apply_timer.timeout.connect(self.apply_pending)
        self.apply_timer.start()
        self._cluster_timer = QTimer(self)
        self._cluster_timer.setSingleShot(True)
        self._cluster_timer.setInterval(CLUSTER_DEBOUNCE_MS)
        self._cluster_timer.timeout.connect(self.update_clusters)
        self._cluster_refresh = QTimer(self)
        self._cluster_refresh.setInterval(CLUSTER_REFRESH_MS)
        self._cluster_refresh.timeout.connect(self._on_cluster_refresh)
        self._cluster_refresh.start()
        self.view.sigRangeChanged.connect(self._on_range_changed)
        self._replay_timer = QTimer(self)
        self._replay_timer.setInterval(REPLAY_TICK_MS)
        self._replay_timer.timeout.connect(self._on_replay_tick)
        self._pulse = 0
        self._pulse_timer = QTimer(self)
        self._pulse_timer.setInterval(500)
        self._pulse_timer.timeout.connect(self._on_pulse)
        self._pulse_timer.start()

        for qt_key, slot in (
            (Qt.Key.Key_Space, self.toggle_play),
            (Qt.Key.Key_Left, self.step_back),
            (Qt.Key.Key_Right, self.step_forward),
            (Qt.Key.Key_Plus, self.faster),
            (Qt.Key.Key_Equal, self.faster),
            (Qt.Key.Key_Minus, self.slower),
        ):
            shortcut = QShortcut(QKeySequence(qt_key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        now = utcnow()
        self.set_replay_range(now - timedelta(hours=1), now)
        self._retranslate()
        self._show_status()

    # --- the plan ---------------------------------------------------------------------------
    def set_plan(
        self,
        communities: Sequence[PlanCommunity],
        zones: Sequence[ZoneSpec] = (),
        readers: Sequence[ReaderSpec] = (),
        cameras: Sequence[CameraSpec] = (),
    ) -> None:
        """Draw the site: zone outlines, community names, readers and cameras; fit the view."""
        for item in self._zone_items:
            self.view.removeItem(item)
        for label in self._labels:
            self.view.removeItem(label)
        self._zone_items, self._labels = [], []
        self._names = {c.code: c.name for c in communities}
        self._names.update({z.code: z.name for z in zones})
        for zone in zones:
            poly = QPolygonF([QPointF(p.x, p.y) for p in zone.polygon])
            path = QPainterPath()
            path.addPolygon(poly)
            path.closeSubpath()
            item = QGraphicsPathItem(path)
            pen = QPen(ZONE_PEN, 1.0)
            pen.setCosmetic(True)  # a hairline at every zoom
            item.setPen(pen)
            fill = {"safe": SAFE_FILL, "restricted": RESTRICTED_FILL}.get(zone.kind, ZONE_FILL)
            item.setBrush(QBrush(fill))
            item.setZValue(1)
            item.setToolTip(plain_tooltip(f"{zone.name} ({zone.code})"))
            self.view.addItem(item)
            self._zone_items.append(item)
        for c in communities:
            # Above the clusters, on a dark plate: a name must stay readable over counts.
            label = pg.TextItem(
                c.name, color=TEXT_COLOUR, anchor=(0.5, 1.6), fill=QColor(21, 24, 28, 200)
            )
            label.setPos(c.x, c.y)
            label.setZValue(14.5)
            self.view.addItem(label)
            self._labels.append(label)
        self.readers.setData(
            x=[r.position.x for r in readers],
            y=[r.position.y for r in readers],
            data=[r.code for r in readers],
        )
        self.cameras.setData(
            x=[c.position.x for c in cameras],
            y=[c.position.y for c in cameras],
            data=[c.code for c in cameras],
        )
        self.fit()

    def set_plan_image(self, path: Path | None, calibration: PlanCalibration | None) -> bool:
        """Show a plan image under everything, placed by its two-point calibration.

        None clears it. False when the image cannot be read: the map says so above the plan
        and is drawn without it.
        """
        if self._plan_image is not None:
            self.view.removeItem(self._plan_image)
            self._plan_image = None
        self._plan_problem = None
        if path is None or calibration is None:
            self._show_plan_problem()
            return True
        image = QImage(str(path))
        if image.isNull():
            self._plan_problem = (str(path), path.exists())
            self._show_plan_problem()
            return False
        item = QGraphicsPixmapItem(QPixmap.fromImage(image))
        item.setTransform(QTransform(*calibration.matrix()))
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setZValue(0)  # under the zones (1) and every marker (10 and up)
        item.setOpacity(PLAN_IMAGE_OPACITY)
        self.view.addItem(item)
        self._plan_image = item
        self._show_plan_problem()
        self.fit()
        return True

    def plan_image_item(self) -> QGraphicsPixmapItem | None:
        """The plan image on the map, if one is shown."""
        return self._plan_image

    def _show_plan_problem(self) -> None:
        if self._plan_problem is None:
            self.plan_note.clear()
            self.plan_note.hide()
            return
        path, exists = self._plan_problem
        if exists:
            text = self.tr(
                "The plan image {path} is not a readable PNG or JPEG image; the map is drawn "
                "without it."
            )
        else:
            text = self.tr("The plan image {path} was not found; the map is drawn without it.")
        self.plan_note.setText(text.format(path=path))
        self.plan_note.show()

    def fit(self) -> None:
        """Show the whole site (plan and tags)."""
        self.view.autoRange(padding=0.03)

    # --- tags ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[TagPositionRow]) -> None:
        """Replace every tag (sign-in, reload): the one full write of the arrays."""
        self._pending.clear()
        self._rows = {r.id: r for r in rows}
        self._rebuild()
        self._updated = utcnow()
        if self._selected is not None and self._selected not in self._rows:
            self.clear_selection()
        self._after_change(structure=True)

    def push_rows(self, rows: Sequence[TagPositionRow], gone: Sequence[int] = ()) -> None:
        """Queue changed tags; the 10 Hz timer applies them (the latest of each tag wins).

        Two reads of the same tags can finish out of order: a row placed earlier than the one
        shown (or queued) is dropped, so an older answer never moves a tag back.
        """
        for row in rows:
            queued = self._pending.get(row.id)
            shown = self._rows.get(row.id) if queued is None else queued
            if shown is not None and row.at < shown.at:
                continue
            self._pending[row.id] = row
        for tag_id in gone:
            self._pending[tag_id] = None

    def rows(self) -> list[TagPositionRow]:
        """The tags shown (pending changes not yet applied are not included)."""
        return list(self._rows.values())

    def row(self, tag_id: int) -> TagPositionRow | None:
        """One shown tag."""
        return self._rows.get(tag_id)

    def clear(self) -> None:
        """Forget every tag, the selection and the trail (sign-out)."""
        self._pending.clear()
        self._rows.clear()
        self._rebuild()
        self._updated = None
        self.clear_selection()
        self.clear_trail()
        self._after_change(structure=True)

    @Slot()
    def apply_pending(self) -> None:
        """Write what changed since the last tick into the arrays: only moved or restyled tags."""
        self.applied_points = 0
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        structure = False
        moved: list[int] = []
        restyled: list[int] = []
        for tag_id, row in pending.items():
            old = self._rows.get(tag_id)
            if row is None:
                if old is not None:
                    del self._rows[tag_id]
                    structure = True
                continue
            self._rows[tag_id] = row
            i = self._index.get(tag_id)
            if i is None or old is None:
                structure = True
                continue
            if old.x != row.x or old.y != row.y:
                moved.append(i)
            if old.kind != row.kind or old.state != row.state:
                restyled.append(i)
        self._updated = utcnow()
        if structure:
            # Tags came or went (rare): the arrays are rebuilt once for this tick.
            self._rebuild()
        else:
            self._write_subset(moved, restyled)
        if self._selected is not None and self._selected not in self._rows:
            self.clear_selection()
        changed = {tag_id for tag_id, row in pending.items() if row is not None}
        self._after_change(structure=structure, restyled=bool(restyled), changed=changed)

    def _rebuild(self) -> None:
        rows = sorted(self._rows.values(), key=lambda r: (r.state == ALARM, r.id))
        self._ids = [r.id for r in rows]
        self._index = {tag_id: i for i, tag_id in enumerate(self._ids)}
        styles = [self._styles.of(r.kind, r.state) for r in rows]
        self.tags.setData(
            x=np.fromiter((r.x for r in rows), float, len(rows)),
            y=np.fromiter((r.y for r in rows), float, len(rows)),
            symbol=[s[0] for s in styles],
            size=[s[1] for s in styles],
            pen=[s[2] for s in styles],
            brush=[s[3] for s in styles],
        )
        self._is_alarm = np.fromiter((r.state == ALARM for r in rows), bool, len(rows))
        self.full_rebuilds += 1
        self.applied_points = len(rows)

    def _write_subset(self, moved: list[int], restyled: list[int]) -> None:
        data = self.tags.data
        if moved:
            idx = np.fromiter(moved, int, len(moved))
            ids = self._ids
            rows = [self._rows[ids[i]] for i in moved]
            data["x"][idx] = [r.x for r in rows]
            data["y"][idx] = [r.y for r in rows]
        if restyled:
            for i in restyled:
                r = self._rows[self._ids[i]]
                symbol, size, pen, brush = self._styles.of(r.kind, r.state)
                data["symbol"][i], data["size"][i] = symbol, size
                data["pen"][i], data["brush"][i] = pen, brush
                data["sourceRect"][i] = (0, 0, 0, 0)  # the atlas finds the new symbol
                self._is_alarm[i] = r.state == ALARM
            self.tags.updateSpots()
        if moved or restyled:
            # What setData would do after writing, minus re-styling every point.
            self.tags.prepareGeometryChange()
            self.tags.bounds = [None, None]
            self.tags.informViewBoundsChanged()
            self.tags.update()
        self.applied_points = len(set(moved) | set(restyled))

    def _after_change(
        self, *, structure: bool, restyled: bool = False, changed: set[int] | None = None
    ) -> None:
        """Bring the overlays along; each is redrawn only when what it shows changed."""
        everything = changed is None
        if structure or restyled:
            # Counts and the alarm set change only with tags or states, not with moves.
            self._counts = TagCounts.of(list(self._rows.values()))
            self._alarm_ids = [i for i, r in self._rows.items() if r.state == ALARM]
            self._alarm_set = set(self._alarm_ids)
            self._draw_alarms()
        elif everything or (changed and not self._alarm_set.isdisjoint(changed)):
            self._draw_alarms()
        selected_changed = self._selected is not None and (
            everything or structure or (changed is not None and self._selected in changed)
        )
        if selected_changed:
            self._move_selection()
            self._show_card()
        if self._clustered:
            self._cluster_dirty = True
        if structure:
            # Tags came or went (sign-in, a reload): group them now, not a tick later.
            self.update_clusters()
        self._show_status()

    def _draw_alarms(self) -> None:
        rows = [self._rows[i] for i in self._alarm_ids if i in self._rows]
        xs = [r.x for r in rows]
        ys = [r.y for r in rows]
        self.alarm_rings.setData(x=xs, y=ys)
        if self._clustered:
            styles = [self._styles.of(r.kind, r.state) for r in rows]
            self.alarm_dots.setData(
                x=xs,
                y=ys,
                symbol=[s[0] for s in styles],
                size=[s[1] for s in styles],
                pen=[s[2] for s in styles],
                brush=[s[3] for s in styles],
            )
        else:
            self.alarm_dots.setData(x=[], y=[])

    # --- clustering -------------------------------------------------------------------------
    @Slot()
    def _on_range_changed(self) -> None:
        self._cluster_timer.start()

    @Slot()
    def _on_cluster_refresh(self) -> None:
        if self._clustered and self._cluster_dirty:
            self.update_clusters()

    def metres_per_pixel(self) -> float:
        """Site metres per screen pixel at the current zoom (0 before the view has a size)."""
        px = self.view.viewPixelSize()
        return float(max(px[0], px[1])) if px is not None else 0.0

    def should_cluster(self) -> bool:
        """Clusters replace single tags when zoomed out over many tags in view."""
        if len(self._rows) < self.cluster_min_tags or self.metres_per_pixel() <= CLUSTER_M_PER_PX:
            return False
        (x0, x1), (y0, y1) = self.view.viewRange()
        data = self.tags.data
        xs, ys = data["x"], data["y"]
        in_view = int(np.count_nonzero((xs >= x0) & (xs <= x1) & (ys >= y0) & (ys <= y1)))
        return in_view >= self.cluster_min_tags

    @Slot()
    def update_clusters(self) -> None:
        """Group tags by a screen grid at the current zoom, or show them one by one."""
        self.cluster_runs += 1
        self._cluster_dirty = False
        clustered = self.should_cluster()
        if clustered != self._clustered:
            self._clustered = clustered
            self.tags.setVisible(not clustered)
            self.clusters.setVisible(clustered)
            self._draw_alarms()
        for label in self._cluster_labels:
            label.setVisible(False)
        if not clustered:
            self._cluster_cells = []
            self.clusters.setData(x=[], y=[])
            return
        cell = CLUSTER_CELL_PX * self.metres_per_pixel()
        data = self.tags.data
        not_alarm = ~self._is_alarm
        xs, ys = data["x"][not_alarm], data["y"][not_alarm]
        if len(xs) == 0:
            self._cluster_cells = []
            self.clusters.setData(x=[], y=[])
            return
        gx = np.floor(xs / cell).astype(np.int64)
        gy = np.floor(ys / cell).astype(np.int64)
        keys = gx * 1_000_003 + gy
        uniq, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
        cx = np.bincount(inverse, weights=xs) / counts
        cy = np.bincount(inverse, weights=ys) / counts
        # A group of one looks like a tag (a dot without a count), larger groups grow slowly.
        sizes = np.where(counts > 1, 14 + 7 * np.log10(counts), 8.0)
        self.clusters.setData(x=cx, y=cy, size=sizes, data=counts)
        self._cluster_cells = [(float(x), float(y), cell) for x, y in zip(cx, cy, strict=True)]
        while len(self._cluster_labels) < len(uniq):
            label = pg.TextItem("", color="#ffffff", anchor=(0.5, 0.5))
            label.setZValue(self.clusters.zValue() + 0.5)
            self.view.addItem(label)
            self._cluster_labels.append(label)
        for label, x, y, n in zip(self._cluster_labels, cx, cy, counts, strict=False):
            many = bool(n > 1)
            label.setText(f"{int(n):,}" if many else "")
            label.setPos(float(x), float(y))
            label.setVisible(many)

    def clustered(self) -> bool:
        """Whether clusters are shown instead of single tags."""
        return self._clustered

    def cluster_counts(self) -> list[int]:
        """The tag count of each cluster shown (alarms are never inside one)."""
        if not self._clustered:
            return []
        return [int(n) for n in self.clusters.data["data"]]

    def _on_cluster_clicked(self, _item: Any, points: Any, _ev: Any) -> None:
        if len(points) == 0:
            return
        pos = points[0].pos()
        self.centre_on(pos.x(), pos.y(), radius=CLUSTER_CELL_PX * self.metres_per_pixel())

    def _on_camera_clicked(self, _item: Any, points: Any, _ev: Any) -> None:
        # A camera on the plan: its picture on the video wall.
        if len(points) > 0:
            self.sig_cameras_requested.emit([str(points[0].data())])

    # --- selection, card, search ---------------------------------------------------------
    def _on_index_clicked(self, i: int) -> None:
        if self._clustered:
            rows = [self._rows[t] for t in self._alarm_ids if t in self._rows]
            if 0 <= i < len(rows):
                self.select(rows[i].id)
            return
        self.select(self._ids[i])

    def _on_index_hovered(self, item: TagScatter, i: int | None) -> None:
        ids = self._alarm_ids if item is self.alarm_dots else self._ids
        tag_id = ids[i] if i is not None and 0 <= i < len(ids) else None
        if tag_id != self._hovered:
            self._hovered = tag_id
            if tag_id is not None:
                self.sig_tag_hovered.emit(tag_id)

    def _tip_for(self, indices: list[int]) -> str:
        ids = (
            [self._alarm_ids[i] for i in indices if i < len(self._alarm_ids)]
            if self._clustered
            else [self._ids[i] for i in indices if i < len(self._ids)]
        )
        lines = []
        for tag_id in ids:
            r = self._rows.get(tag_id)
            if r is not None:
                lines.append(f"{r.label} · {kind_name(r.kind)} · {state_name(r.state)}")
        return "\n".join(lines)

    def select(self, tag_id: int) -> None:
        """Select a tag: ring it, show its card, tell the presenter."""
        if tag_id not in self._rows:
            return
        if tag_id != self._selected:
            self._details = None
        if self._trail_tag is not None and tag_id != self._trail_tag:
            self.clear_trail()  # one tag's trail under another tag's card would mislead
        self._selected = tag_id
        self._move_selection()
        self._show_card()
        self._set_replay_enabled(True)
        self.sig_tag_selected.emit(tag_id)

    def selected(self) -> int | None:
        """The selected tag's row id."""
        return self._selected

    def clear_selection(self) -> None:
        """Nothing selected."""
        self._selected = None
        self.selection.setData(x=[], y=[])
        self.card.hide()
        self._set_replay_enabled(self._trail_tag is not None)

    def _move_selection(self) -> None:
        row = self._rows.get(self._selected) if self._selected is not None else None
        if row is None:
            self.selection.setData(x=[], y=[])
        else:
            self.selection.setData(x=[row.x], y=[row.y])

    def _show_card(self) -> None:
        row = self._rows.get(self._selected) if self._selected is not None else None
        if row is None:
            self.card.hide()
            return
        self.card_title.setText(row.label)
        lines = [
            f"{kind_name(row.kind)} · {state_name(row.state)}",
            self.tr("Tag: {tag}").format(tag=row.tag),
            self.tr("Community: {community}").format(community=self._name(row.community)),
            self.tr("Zone: {zone}").format(zone=self._name(row.zone)),
            self.tr("Last seen: {time}").format(time=self._hhmmss(row.at)),
        ]
        if row.care:
            lines.append(self.tr("Care: {care}").format(care=row.care))
        self.card_text.setText("\n".join(lines))
        resident = self._details[1] if self._details and self._details[0] == row.id else None
        self.card_details.setText(self._resident_text(resident))
        self.card_details.setVisible(resident is not None)
        self.resident_button.setVisible(row.resident_id is not None)
        self.card.show()

    def _name(self, code: str | None) -> str:
        if not code:
            return "—"
        return self._names.get(code, code)

    def set_tags_manageable(self, on: bool) -> None:
        """Whether the user may issue, replace and return tags (MANAGE_TAGS)."""
        self.tag_button.setEnabled(on)
        self.issue_button.setEnabled(on)

    @Slot()
    def _on_tag_clicked(self) -> None:
        if self._selected is not None:
            self.sig_tag_dialog_requested.emit(self._selected)

    def set_card_details(self, tag_id: int, resident: ResidentCard | None) -> None:
        """The person's (or a vehicle owner's) card as the service presented it, masked."""
        self._details = (tag_id, resident)
        self._show_card()

    def _resident_text(self, card: ResidentCard | None) -> str:
        if card is None:
            return ""
        pres = card.presentation

        def value(f: PersonalField) -> str:
            v = pres.fields[f].value if f in pres.fields else None
            return "" if v is None or isinstance(v, bool) else str(v)

        def flag(f: PersonalField) -> bool:
            return f in pres.fields and pres.fields[f].value is True

        lines = []
        if value(PersonalField.ADDRESS):
            lines.append(self.tr("Address: {address}").format(address=value(PersonalField.ADDRESS)))
        contact = " ".join(
            v
            for v in (
                value(PersonalField.EMERGENCY_NAME),
                value(PersonalField.EMERGENCY_RELATION),
                value(PersonalField.EMERGENCY_PHONE),
            )
            if v
        )
        if contact:
            lines.append(self.tr("Emergency contact: {contact}").format(contact=contact))
        flags = [
            text
            for f, text in (
                (PersonalField.LIVES_ALONE, self.tr("lives alone")),
                (PersonalField.DEMENTIA, self.tr("dementia")),
                (PersonalField.DISABILITY, self.tr("disability")),
                (PersonalField.CHRONIC_ILLNESS, self.tr("chronic illness")),
            )
            if flag(f)
        ]
        if flags:
            lines.append(self.tr("Care flags: {flags}").format(flags=", ".join(flags)))
        elif flag(PersonalField.CARE_NEEDED):
            lines.append(self.tr("Care flags: needs care"))
        return "\n".join(lines)

    @Slot()
    def _on_resident_clicked(self) -> None:
        row = self._rows.get(self._selected) if self._selected is not None else None
        if row is not None and row.resident_id is not None:
            self.sig_resident_card_requested.emit(row.resident_id)

    def centre_on(self, x: float, y: float, radius: float = SEARCH_RADIUS_M) -> None:
        """Show the street around (x, y)."""
        self.view.setRange(
            xRange=(x - radius, x + radius), yRange=(y - radius, y + radius), padding=0
        )

    def find_tags(self, text: str) -> list[TagPositionRow]:
        """Tags whose tag id equals `text` or whose label (name or plate) contains it."""
        needle = text.strip().casefold()
        if not needle:
            return []
        exact = [r for r in self._rows.values() if r.tag.casefold() == needle]
        if exact:
            return exact
        return sorted(
            (r for r in self._rows.values() if needle in r.label.casefold()),
            key=lambda r: (r.label, r.id),
        )

    def show_found(self, rows: Sequence[TagPositionRow]) -> None:
        """Centre on the first found tag and select it (from find or the service's search)."""
        shown = [r for r in rows if r.id in self._rows]
        # Beside the search box, not in the status line: that one changes at every tick.
        if not shown:
            self.search_note.setText(
                self.tr("Nothing found for “{text}”").format(text=self.search.text())
            )
            self.search_note.show()
            return
        first = self._rows[shown[0].id]
        self.centre_on(first.x, first.y)
        self.select(first.id)
        self.search_note.setText(
            self.tr("{n} found; showing {label}").format(n=len(shown), label=first.label)
        )
        self.search_note.setVisible(len(shown) > 1)

    @Slot()
    def _on_search_return(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        found = self.find_tags(text)
        if found:
            self.show_found(found)
        else:
            self.sig_find_requested.emit(text)

    # --- trail and replay --------------------------------------------------------------------
    @Slot()
    def _on_trail_clicked(self) -> None:
        if self._selected is not None:
            self.sig_trail_requested.emit(self._selected)

    @Slot()
    def _on_load_clicked(self) -> None:
        tag_id = self._selected if self._selected is not None else self._trail_tag
        if tag_id is None:
            return
        zone_info = ZoneInfo(self.zone)
        since, until = (
            datetime.fromisoformat(e.dateTime().toString(Qt.DateFormat.ISODate)).replace(
                tzinfo=zone_info
            )
            for e in (self.since, self.until)
        )
        self.sig_replay_requested.emit(tag_id, since, until)

    def set_trail(self, tag_id: int, points: Sequence[TrackPoint]) -> None:
        """Draw a tag's trail and put the replay at its start."""
        self.stop()
        self._trail_tag = tag_id
        self._trail = sorted(points, key=lambda p: p.at)
        t0 = self._trail[0].at if self._trail else utcnow()
        self._trail_times = [(p.at - t0).total_seconds() for p in self._trail]
        self.trail.setData(x=[p.x for p in self._trail], y=[p.y for p in self._trail])
        total = math.ceil(self._trail_times[-1]) if self._trail_times else 0
        self.slider.blockSignals(True)
        self.slider.setRange(0, total)
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        self._set_replay_enabled(True)
        self._seek(0.0)
        if not self._trail:
            self.replay_time.setText(self.tr("No positions in this time range"))

    def clear_trail(self) -> None:
        """No trail, no replay."""
        self.stop()
        self._trail, self._trail_times, self._trail_tag = [], [], None
        self.trail.setData(x=[], y=[])
        self.replay_marker.setData(x=[], y=[])
        self.replay_time.setText("")
        self._set_replay_enabled(self._selected is not None)

    def trail_points(self) -> list[TrackPoint]:
        """The trail shown, oldest first."""
        return list(self._trail)

    def replay_position(self) -> tuple[float, float] | None:
        """Where the replay marker stands."""
        if len(self.replay_marker.data) == 0:
            return None
        return float(self.replay_marker.data["x"][0]), float(self.replay_marker.data["y"][0])

    def _seek(self, t: float) -> None:
        if not self._trail:
            self.replay_marker.setData(x=[], y=[])
            return
        times = self._trail_times
        t = min(max(t, 0.0), times[-1])
        self._replay_t = t
        j = bisect.bisect_right(times, t) - 1
        p = self._trail[j]
        x, y = p.x, p.y
        if j + 1 < len(times) and times[j + 1] > times[j]:
            q = self._trail[j + 1]
            f = (t - times[j]) / (times[j + 1] - times[j])
            x, y = p.x + (q.x - p.x) * f, p.y + (q.y - p.y) * f
        self.replay_marker.setData(x=[x], y=[y])
        at = self._trail[0].at + timedelta(seconds=t)
        self.replay_time.setText(self._hhmmss(at))
        if self.slider.value() != int(t):
            self.slider.blockSignals(True)
            self.slider.setValue(int(t))
            self.slider.blockSignals(False)

    @Slot(int)
    def _on_slider_moved(self, value: int) -> None:
        self._seek(float(value))

    @Slot(bool)
    def _on_play_toggled(self, on: bool) -> None:
        if on and self._trail:
            if self._replay_t >= self._trail_times[-1]:
                self._seek(0.0)
            self._replay_timer.start()
        else:
            self._replay_timer.stop()
        self._retranslate_play()

    @Slot()
    def _on_replay_tick(self) -> None:
        if not self._trail:
            self.stop()
            return
        self._seek(self._replay_t + SPEEDS[self._speed_i] * REPLAY_TICK_MS / 1000)
        if self._replay_t >= self._trail_times[-1]:
            self.stop()

    @Slot(int)
    def _on_speed_changed(self, i: int) -> None:
        self._speed_i = max(0, min(i, len(SPEEDS) - 1))

    def playing(self) -> bool:
        """Whether the replay runs."""
        return self._replay_timer.isActive()

    @Slot()
    def toggle_play(self) -> None:
        """Space: play or pause the replay."""
        if self._trail:
            self.play_button.setChecked(not self.play_button.isChecked())

    def stop(self) -> None:
        """Pause the replay."""
        self.play_button.setChecked(False)

    @Slot()
    def step_forward(self) -> None:
        """Right: to the next trail point."""
        j = bisect.bisect_right(self._trail_times, self._replay_t + 1e-6)
        if j < len(self._trail_times):
            self._seek(self._trail_times[j])

    @Slot()
    def step_back(self) -> None:
        """Left: to the previous trail point."""
        j = bisect.bisect_left(self._trail_times, self._replay_t - 1e-6) - 1
        if j >= 0:
            self._seek(self._trail_times[j])

    @Slot()
    def faster(self) -> None:
        """+: the next speed."""
        self.speed.setCurrentIndex(min(self.speed.currentIndex() + 1, len(SPEEDS) - 1))

    @Slot()
    def slower(self) -> None:
        """-: the previous speed."""
        self.speed.setCurrentIndex(max(self.speed.currentIndex() - 1, 0))

    def speed_factor(self) -> int:
        """1, 10 or 60."""
        return SPEEDS[self._speed_i]

    def set_replay_range(self, since: datetime, until: datetime) -> None:
        """Preset the replay's time range (shown in the site's zone)."""
        for edit, ts in ((self.since, since), (self.until, until)):
            shown = local(ts, self.zone)
            edit.setDateTime(
                QDateTime(
                    QDate(shown.year, shown.month, shown.day),
                    QTime(shown.hour, shown.minute, shown.second),
                )
            )

    def _set_replay_enabled(self, on: bool) -> None:
        # Hidden until there is a tag to replay: a small pane keeps its room for the map.
        self.replay_bar.setVisible(on)
        pickers: tuple[QWidget, ...] = (self.since, self.until, self.load_button)
        for w in pickers:
            w.setEnabled(on)
        for w in (self.play_button, self.slider, self.speed):
            w.setEnabled(on and bool(self._trail))

    # --- status, texts ------------------------------------------------------------------------
    def set_empty_text(self, text: str) -> None:
        """A banner over the map (why there is nothing to see); empty hides it."""
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def counts(self) -> TagCounts:
        """What the status line says."""
        return self._counts

    def _show_status(self) -> None:
        c = self.counts()
        text = self.tr(
            "People {people:,} · Vehicles {vehicles:,} · Alarms {alarms:,} · Offline {offline:,}"
        ).format(people=c.people, vehicles=c.vehicles, alarms=c.alarms, offline=c.offline)
        if c.assets:
            text += " · " + self.tr("Assets {assets:,}").format(assets=c.assets)
        if self._updated is not None:
            text += " · " + self.tr("updated {time}").format(time=self._hhmmss(self._updated))
        self.status.setText(text)

    def _hhmmss(self, ts: datetime) -> str:
        return local(ts, self.zone).strftime("%H:%M:%S")

    @Slot()
    def _on_pulse(self) -> None:
        # A slow pulse of the alarm rings draws the eye without redrawing any tag.
        if not self._alarm_ids:
            return
        self._pulse ^= 1
        self.alarm_rings.setPen(pg.mkPen(ALARM_COLOUR, width=3 if self._pulse else 1.5))
        self.alarm_rings.setSize(28 if self._pulse else 22)

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Name, plate or tag id…"))
        self.trail_button.setText(self.tr("Last hour's trail"))
        self.resident_button.setText(self.tr("Resident card…"))
        self.tag_button.setText(self.tr("Tag…"))
        self.tag_button.setToolTip(self.tr("Replace, return or edit this tag (Ctrl+Alt+T)"))
        self.issue_button.setText(self.tr("Issue tag…"))
        self.photo.setToolTip(self.tr("No photo on file"))
        self.load_button.setText(self.tr("Replay"))
        self.since_label.setText(self.tr("From"))
        self.until_label.setText(self.tr("to"))
        self.speed.setToolTip(self.tr("Replay speed (+ / -)"))
        self.slider.setToolTip(self.tr("Replay time (Left / Right: previous / next position)"))
        texts = {
            "person": self.tr("Person"),
            "vehicle": self.tr("Vehicle"),
            "asset": self.tr("Asset"),
            "alarm": self.tr("Alarm"),
            "offline": self.tr("Offline"),
            "reader": self.tr("Reader"),
            "camera": self.tr("Camera"),
            "cluster": self.tr("Group (count)"),
        }
        for label, key in self._legend_labels:
            label.setText(texts[key])
        self._retranslate_play()
        self._show_status()
        self._show_card()
        self._show_plan_problem()

    def _retranslate_play(self) -> None:
        self.play_button.setText(
            self.tr("Pause") if self.play_button.isChecked() else self.tr("Play")
        )
        self.play_button.setToolTip(self.tr("Play / pause the replay (Space)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def shutdown(self) -> None:
        """Stop the timers."""
        for timer in (
            self.apply_timer,
            self._cluster_timer,
            self._cluster_refresh,
            self._replay_timer,
            self._pulse_timer,
        ):
            timer.stop()


class TrailReasonDialog(QDialog):
    """Asks why a tag's whereabouts are looked at; the service records the reason."""

    def __init__(self, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trailReasonDialog")
        self.zone = zone
        self.what = QLabel()
        self.what.setTextFormat(Qt.TextFormat.PlainText)
        self.what.setWordWrap(True)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("trailReason")
        self.reason_edit.setMaxLength(REASON_MAX)
        self.incident_edit = QLineEdit()
        self.incident_edit.setObjectName("trailIncident")
        self.incident_edit.setValidator(QIntValidator(1, 2_000_000_000, self.incident_edit))
        self.incident_edit.textChanged.connect(self._on_reason_changed)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._on_reason_changed)
        lay = QVBoxLayout(self)
        lay.addWidget(self.what)
        lay.addWidget(self.note)
        lay.addWidget(self.reason_edit)
        lay.addWidget(self.incident_edit)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._label = ""
        self._range: tuple[datetime, datetime] | None = None
        self._retranslate()
        self._on_reason_changed("")

    def ask(self, label: str, since: datetime, until: datetime) -> None:
        """Open (not modal to the application) for this tag and time range."""
        self._label, self._range = label, (since, until)
        self.reason_edit.clear()
        self.incident_edit.clear()
        self._retranslate()
        self.open()
        self.reason_edit.setFocus()

    def reason(self) -> str:
        """The reason typed, trimmed."""
        return self.reason_edit.text().strip()

    def incident(self) -> int | None:
        """The incident number typed, if any: the look is for that incident."""
        text = self.incident_edit.text().strip()
        return int(text) if text.isdigit() else None

    @Slot(str)
    def _on_reason_changed(self, _text: str) -> None:
        # An incident number or a reason the service will accept (core.personal's rule).
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.incident() is not None or reason_problem(self.reason()) is None)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Why look at this trail?"))
        if self._range is not None:
            since, until = (local(t, self.zone).strftime("%Y-%m-%d %H:%M") for t in self._range)
            self.what.setText(
                self.tr("Where {label} was from {since} to {until}.").format(
                    label=self._label, since=since, until=until
                )
            )
        self.note.setText(
            self.tr(
                "Whereabouts are personal data: the reason, your name and the time are "
                "recorded in the audit log."
            )
        )
        self.reason_edit.setPlaceholderText(self.tr("Reason, e.g. the family reported her missing"))
        self.incident_edit.setPlaceholderText(self.tr("or the incident number it is for"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _photo_placeholder() -> QPixmap:
    """A 40 px grey head-and-shoulders: no photos are stored yet."""
    pm = QPixmap(40, 40)
    pm.fill(QColor("#2c3036"))
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#6e757d"))
    p.drawEllipse(QRectF(13, 6, 14, 14))
    p.drawEllipse(QRectF(6, 23, 28, 24))
    p.end()
    return pm


def _legend_icon(key: str) -> QPixmap:
    """A 16 px sample of a map symbol for the legend."""
    pm = QPixmap(16, 16)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(3, 3, 10, 10)
    if key == "person":
        p.setPen(QPen(BACKGROUND))
        p.setBrush(KIND_COLOUR[PERSON])
        p.drawEllipse(rect)
    elif key == "vehicle":
        p.setPen(QPen(BACKGROUND))
        p.setBrush(KIND_COLOUR[VEHICLE])
        p.drawRect(rect)
    elif key == "asset":
        p.setPen(QPen(BACKGROUND))
        p.setBrush(KIND_COLOUR[ASSET])
        p.drawPolygon(QPolygonF([QPointF(8, 2), QPointF(14, 8), QPointF(8, 14), QPointF(2, 8)]))
    elif key == "alarm":
        p.setPen(QPen(ALARM_COLOUR, 1.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QRectF(1, 1, 14, 14))
        p.setPen(QPen(QColor("#ffffff")))
        p.setBrush(ALARM_COLOUR)
        p.drawEllipse(QRectF(4, 4, 8, 8))
    elif key == "offline":
        p.setPen(QPen(OFFLINE_COLOUR, 1.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(rect)
    elif key == "reader":
        p.setPen(QPen(READER_COLOUR, 1.5))
        p.drawPolygon(QPolygonF([QPointF(8, 3), QPointF(13, 13), QPointF(3, 13)]))
    elif key == "camera":
        p.setPen(QPen(CAMERA_COLOUR, 1.5))
        p.drawPolygon(QPolygonF([QPointF(3, 3), QPointF(13, 3), QPointF(8, 13)]))
    else:
        p.setPen(QPen(QColor("#5ac8fa"), 1.5))
        p.setBrush(CLUSTER_FILL)
        p.drawEllipse(QRectF(1, 1, 14, 14))
    p.end()
    return pm

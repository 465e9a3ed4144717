"""The KPI dashboard: the plan's indicators against target, with the numbers behind each one."""

# Supervisors read these figures monthly and the district decides on roll-out from them, so the
# pane never shows a figure without its n and denominator, never shows a withheld value as 0 or
# 100 % (the figure's own message stands in its place), and never uses colour alone: every RAG
# has a shape and a letter as well, in a palette that colour-blind readers can tell apart.

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.indicators import (
    MIN_USEFUL_POINTS,
    NO_TARGET_TEXT,
    SHIFT_POINTS,
    TREND_POINTS,
    Bilingual,
    Dimension,
    FigureState,
    Kind,
    KpiFigure,
    Passport,
    Rag,
    RunChart,
    amber_band,
    effective_target,
)
from core.kpi import (
    CommunityFigure,
    Dashboard,
    IndicatorView,
    RecordRow,
    count_text,
    counts_text,
    interval_text,
    number,
    without_under_way,
)
from core.kpi import target_text as kpi_target_text
from widgets.empty_state import EmptyStateWidget
from widgets.flow_layout import flow_row
from widgets.table_model import Column, RowTableModel
from widgets.table_titles import fit_columns
from widgets.text import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex

# Okabe & Ito's colour-blind-safe hues (bluish green, orange, vermillion): told apart by readers
# with red-green colour blindness, and each paired with its own shape and letter besides.
RAG_COLOURS: dict[Rag, QColor] = {
    Rag.GREEN: QColor("#009e73"),
    Rag.AMBER: QColor("#e69f00"),
    Rag.RED: QColor("#d55e00"),
    Rag.NONE: QColor("#8e8e93"),
}
SHIFT_COLOUR = QColor("#e69f00")  # run chart: points of a shift (orange, round)
TREND_COLOUR = QColor("#56b4e9")  # run chart: points of a trend (sky blue, diamond)
LINE_COLOUR = QColor("#c7c7cc")
STALE_COLOUR = QColor("#8e8e93")
ERROR_COLOUR = QColor("#ff6961")
WARNING_CSS = "color: #ffc66d;"
ERROR_CSS = "color: #ff6961;"

RAG_ROLE = Qt.ItemDataRole.UserRole + 10
"""The row's Rag value (a str), for the RAG delegate."""
TREND_ROLE = Qt.ItemDataRole.UserRole + 11
"""The trend's values, oldest first (floats, None for a month without one)."""

NOTHING = "—"  # numbers the figure does not give
VALUE_MAX_WIDTH = 280  # px: a long message in the Value column elides; the panel has it whole
NAME_MAX_WIDTH = 300  # px: the longest indicator names elide; the panel has them whole
TREND_WIDTH = 132  # px: the sparkline column


# --- texts shared by the pane's parts --------------------------------------------------------


def chinese_locale() -> bool:
    """True while the console speaks Chinese (console.i18n sets the default locale)."""
    return QLocale().language() == QLocale.Language.Chinese


def pick(text: Bilingual | None, zh: bool) -> str:
    """The Chinese or English side of a text (the other side if that one is empty)."""
    if text is None:
        return ""
    return (text.zh or text.en) if zh else (text.en or text.zh)


def figure_value_text(figure: KpiFigure, kind: Kind, zh: bool, brief: bool = False) -> str:
    """The value, or the figure's message where the state withholds it (never a silent 0).
    `brief`: without "month under way" (a table's cell: the pane says it once, above)."""
    message = pick(without_under_way(figure.message) if brief else figure.message, zh)
    if figure.value is None:
        return message or NOTHING
    shown = number(figure.value, kind)
    return f"{shown} · {message}" if message else shown


def numbers_text(figure: KpiFigure, kind: Kind) -> str:
    """The numbers behind the figure: "45 / 50"; a count's total; "—" when withheld."""
    return counts_text(figure, kind, missing=NOTHING)


def target_text(p: Passport, zh: bool) -> str:
    """The passport's target (core.kpi.target_text), or that it has none."""
    return kpi_target_text(p, zh) if p.target is not None else pick(NO_TARGET_TEXT, zh)


def rag_letter(r: Rag) -> str:
    """G, A, R (绿, 黄, 红), or a dash without a RAG."""
    if r is Rag.GREEN:
        return QCoreApplication.translate("KpiText", "G")
    if r is Rag.AMBER:
        return QCoreApplication.translate("KpiText", "A")
    if r is Rag.RED:
        return QCoreApplication.translate("KpiText", "R")
    return "–"


def rag_words(figure: KpiFigure, zh: bool) -> str:
    """What the RAG says, in words (tooltip and accessible text: never colour alone)."""
    if figure.rag is Rag.GREEN:
        return QCoreApplication.translate("KpiText", "Green: meets the target")
    if figure.rag is Rag.AMBER:
        return QCoreApplication.translate("KpiText", "Amber: close to the target")
    if figure.rag is Rag.RED:
        return QCoreApplication.translate("KpiText", "Red: short of the target")
    reason = pick(figure.message, zh) or state_words(figure.state)
    return QCoreApplication.translate("KpiText", "No RAG: {reason}").format(reason=reason)


def state_words(state: FigureState) -> str:
    """A figure state in words (when its message is empty)."""
    return {
        FigureState.OK: QCoreApplication.translate("KpiText", "computed"),
        FigureState.NO_DATA: QCoreApplication.translate("KpiText", "no data"),
        FigureState.TOO_LITTLE: QCoreApplication.translate("KpiText", "too little data"),
        FigureState.SUPPRESSED: QCoreApplication.translate("KpiText", "not shown (small cell)"),
        FigureState.NO_TARGET: QCoreApplication.translate("KpiText", "no target"),
        FigureState.ERROR: QCoreApplication.translate("KpiText", "cannot be computed"),
    }[state]


def kind_words(kind: Kind) -> str:
    """What a figure computes, in words."""
    return {
        Kind.COUNT: QCoreApplication.translate("KpiText", "count"),
        Kind.PROPORTION: QCoreApplication.translate("KpiText", "proportion"),
        Kind.RATE_CHANGE: QCoreApplication.translate(
            "KpiText", "change of the rate per 10,000 residents"
        ),
    }[kind]


def dimension_words(d: Dimension) -> str:
    """A breakdown's name."""
    return {
        Dimension.COMMUNITY: QCoreApplication.translate("KpiText", "community"),
        Dimension.MONTH: QCoreApplication.translate("KpiText", "month"),
        Dimension.MODE: QCoreApplication.translate("KpiText", "self-answered vs assisted"),
        Dimension.AGE_BAND: QCoreApplication.translate("KpiText", "age band"),
    }[d]


def mode_words(mode: str) -> str:
    """ "self" and "assisted" (IndicatorView.split) in words; other labels as given."""
    if mode == "self":
        return QCoreApplication.translate("KpiText", "Self-answered")
    if mode == "assisted":
        return QCoreApplication.translate("KpiText", "Assisted")
    return mode


def trend_values(view: IndicatorView) -> list[float | None]:
    """The sparkline's values, oldest first; None for a month without one (a gap)."""
    return [f.value for f in view.trend]


def run_values(view: IndicatorView) -> list[float | None]:
    """What the run chart plots: the trend's monthly values, the series `view.run` was
    computed on (data.services.indicators runs core.indicators.run_chart over them)."""
    return trend_values(view)


def trend_words(view: IndicatorView, months: Sequence[date], zh: bool) -> str:
    """Every month of the trend in words, one a line (tooltip and accessible text)."""
    lines = []
    for i, figure in enumerate(view.trend):
        label = f"{months[i]:%Y-%m}" if i < len(months) else str(i + 1)
        lines.append(f"{label}: {figure_value_text(figure, view.passport.kind, zh)}")
    return "\n".join(lines)


def _plain(text: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


# --- painting ----------------------------------------------------------------------------------


def paint_rag_mark(painter: QPainter, rect: QRectF, r: Rag) -> None:
    """The RAG's shape in its colour: a circle (green), a triangle (amber), a square (red), a
    hollow circle (none), so that the shape alone tells them apart."""
    colour = RAG_COLOURS[r]
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if r is Rag.NONE:
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        if r is Rag.GREEN:
            painter.drawEllipse(rect)
        elif r is Rag.AMBER:
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(rect.center().x(), rect.top()),
                        QPointF(rect.right(), rect.bottom()),
                        QPointF(rect.left(), rect.bottom()),
                    ]
                )
            )
        else:
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
    painter.restore()


class _CellDelegate(QStyledItemDelegate):
    """Draws the cell's background and selection, then lets the subclass paint on it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pen = opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        self.paint_cell(painter, QRectF(opt.rect), index, text, pen)

    def paint_cell(
        self, painter: QPainter, rect: QRectF, index: _Index, text: str, pen: QColor
    ) -> None:
        raise NotImplementedError


class RagDelegate(_CellDelegate):
    """A RAG cell: the coloured shape and the RAG's letter beside it."""

    def paint_cell(
        self, painter: QPainter, rect: QRectF, index: _Index, text: str, pen: QColor
    ) -> None:
        value = index.data(RAG_ROLE)
        r = Rag(value) if isinstance(value, str) else Rag.NONE
        size = min(12.0, rect.height() - 8)
        mark = QRectF(rect.left() + 8, rect.center().y() - size / 2, size, size)
        paint_rag_mark(painter, mark, r)
        painter.save()
        painter.setPen(pen)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        text_rect = rect.adjusted(8 + size + 6, 0, 0, 0)
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 26, hint.height())


class SparklineDelegate(_CellDelegate):
    """A trend cell: the months' values as a line, broken where a month has none, the last
    month's point marked in its RAG colour."""

    def paint_cell(
        self, painter: QPainter, rect: QRectF, index: _Index, text: str, pen: QColor
    ) -> None:
        raw = index.data(TREND_ROLE)
        values: list[float | None] = [
            None if v is None else float(v) for v in (raw if isinstance(raw, list | tuple) else [])
        ]
        known = [v for v in values if v is not None]
        if not values or not known:
            return
        area = rect.adjusted(6, 5, -8, -5)
        low, high = min(known), max(known)
        span = high - low

        def point(i: int, v: float) -> QPointF:
            x = area.left() + (area.width() * i / (len(values) - 1) if len(values) > 1 else 0)
            y = area.center().y() if span == 0 else area.bottom() - (v - low) / span * area.height()
            return QPointF(x, y)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = QColor(pen)
        line.setAlpha(200)
        painter.setPen(QPen(line, 1.4))
        path = QPainterPath()
        drawing = False
        for i, v in enumerate(values):
            if v is None:
                drawing = False
                continue
            p = point(i, v)
            lonely = (i == 0 or values[i - 1] is None) and (
                i == len(values) - 1 or values[i + 1] is None
            )
            if lonely:  # a month between two gaps still shows, as a dot
                painter.setBrush(line)
                painter.drawEllipse(p, 1.6, 1.6)
            if drawing:
                path.lineTo(p)
            else:
                path.moveTo(p)
                drawing = True
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        last = values[-1]
        if last is not None:
            value = index.data(RAG_ROLE)
            r = Rag(value) if isinstance(value, str) else Rag.NONE
            colour = RAG_COLOURS[r] if r is not Rag.NONE else QColor(pen)
            painter.setPen(QPen(QColor(pen), 1))
            painter.setBrush(colour)
            painter.drawEllipse(point(len(values) - 1, last), 3.5, 3.5)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(TREND_WIDTH, super().sizeHint(option, index).height())


# --- models ------------------------------------------------------------------------------------


class IndicatorModel(RowTableModel[IndicatorView, str]):
    """One row per indicator, keyed by its passport's key; in place, never reset.

    `zh` picks the passports' and messages' language; `stale` greys every row (the figures
    are older than a failed refresh); `months` labels the trend.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    "rag",
                    lambda: self.tr("RAG"),
                    lambda v: rag_letter(v.figure.rag),
                    tooltip=lambda v: rag_words(v.figure, self.zh),
                ),
                Column(
                    "name",
                    lambda: self.tr("Indicator"),
                    lambda v: pick(v.passport.name, self.zh) or v.passport.key,
                    tooltip=lambda v: pick(v.passport.numerator, self.zh),
                ),
                Column(
                    "value",
                    lambda: self.tr("Value"),
                    lambda v: figure_value_text(v.figure, v.passport.kind, self.zh, brief=True),
                    foreground=self._value_colour,
                    tooltip=lambda v: figure_value_text(v.figure, v.passport.kind, self.zh),
                ),
                Column(
                    "numbers",
                    lambda: self.tr("n / denominator"),
                    lambda v: numbers_text(v.figure, v.passport.kind),
                    tooltip=self._numbers_tip,
                ),
                Column(
                    "interval",
                    lambda: self.tr("95 % interval"),
                    lambda v: interval_text(v.figure, v.passport.kind),
                ),
                Column(
                    "target",
                    lambda: self.tr("Target"),
                    lambda v: target_text(v.passport, self.zh),
                ),
                Column(
                    "trend",
                    lambda: self.tr("Trend"),
                    lambda v: "",
                    tooltip=lambda v: trend_words(v, self.months, self.zh),
                ),
                Column(
                    "series",
                    lambda: self.tr("Series"),
                    lambda v: v.figure.series,
                    tooltip=lambda v: self.tr(
                        "Series {series}, definition version {version}: "
                        "a changed definition starts a new series"
                    ).format(series=v.figure.series, version=v.passport.version),
                ),
            ],
            key=lambda v: v.passport.key,
            parent=parent,
        )
        self.zh = False
        self.stale = False
        self.months: tuple[date, ...] = ()

    def _value_colour(self, v: IndicatorView) -> QBrush | None:
        if v.figure.state is FigureState.ERROR and not self.stale:
            return QBrush(ERROR_COLOUR)
        return None

    def _numbers_tip(self, v: IndicatorView) -> str | None:
        detail = v.figure.rate
        if detail is None:
            return None
        return self.tr(
            "{events} incidents in {months} resident-months: {rate} per 10,000 residents a "
            "month, against {base_rate} in the same months of the baseline ({base_events} in "
            "{base_months})"
        ).format(
            events=f"{detail.current_events:,}",
            months=f"{detail.current_resident_months:,}",
            rate=f"{detail.current_rate:.2f}",
            base_rate=f"{detail.baseline_rate:.2f}",
            base_events=f"{detail.baseline_events:,}",
            base_months=f"{detail.baseline_resident_months:,}",
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < len(self):
            view = self.row_at(index.row())
            name = self.columns[index.column()].name
            if role == RAG_ROLE:
                return view.figure.rag.value
            if role == TREND_ROLE:
                return trend_values(view)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                if name == "rag":
                    return rag_words(view.figure, self.zh)
                if name == "trend":
                    return trend_words(view, self.months, self.zh)
                return super().data(index, Qt.ItemDataRole.DisplayRole)
            if self.stale and role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(STALE_COLOUR)
            if self.stale and role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        return super().data(index, role)


class CommunityModel(RowTableModel[CommunityFigure, str]):
    """The selected indicator by community, for the selected month."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("community", lambda: self.tr("Community"), lambda c: c.name or c.code),
                Column(
                    "value",
                    lambda: self.tr("Value"),
                    lambda c: figure_value_text(c.figure, self.kind, self.zh, brief=True),
                    tooltip=lambda c: figure_value_text(c.figure, self.kind, self.zh),
                ),
                Column(
                    "numbers",
                    lambda: self.tr("n / denominator"),
                    lambda c: numbers_text(c.figure, self.kind),
                ),
                Column(
                    "rag",
                    lambda: self.tr("RAG"),
                    lambda c: rag_letter(c.figure.rag),
                    tooltip=lambda c: rag_words(c.figure, self.zh),
                ),
            ],
            key=lambda c: c.code,
            parent=parent,
        )
        self.zh = False
        self.kind = Kind.PROPORTION

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < len(self):
            row = self.row_at(index.row())
            if role == RAG_ROLE:
                return row.figure.rag.value
            if role == Qt.ItemDataRole.AccessibleTextRole:
                if self.columns[index.column()].name == "rag":
                    return rag_words(row.figure, self.zh)
                return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)


class SplitModel(RowTableModel[tuple[str, KpiFigure], str]):
    """The selected figure self-answered and assisted, side by side."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("mode", lambda: self.tr("Answered"), lambda s: mode_words(s[0])),
                Column(
                    "value",
                    lambda: self.tr("Value"),
                    lambda s: figure_value_text(s[1], self.kind, self.zh, brief=True),
                    tooltip=lambda s: figure_value_text(s[1], self.kind, self.zh),
                ),
                Column(
                    "numbers",
                    lambda: self.tr("n / denominator"),
                    lambda s: numbers_text(s[1], self.kind),
                ),
                Column(
                    "interval",
                    lambda: self.tr("95 % interval"),
                    lambda s: interval_text(s[1], self.kind),
                ),
            ],
            key=lambda s: s[0],
            parent=parent,
        )
        self.zh = False
        self.kind = Kind.PROPORTION


class RecordsModel(RowTableModel[RecordRow, tuple[str, int, int | str]]):
    """The records behind a figure, as the viewer may see them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("when", lambda: self.tr("When"), lambda r: when_text(r.when)),
                Column("table", lambda: self.tr("Record"), self.record_text),
                Column("community", lambda: self.tr("Community"), lambda r: r.community),
                Column(
                    "text",
                    lambda: self.tr("Summary"),
                    lambda r: pick(r.text, self.zh),
                    tooltip=lambda r: pick(r.text, self.zh),
                ),
            ],
            key=lambda r: (r.table, r.of, r.id),
            parent=parent,
        )
        self.zh = False

    def record_text(self, r: RecordRow) -> str:
        """The record's kind in words and its number (a survey member: round and resident)."""
        if r.table == "survey_frame_member":
            return self.tr("Round {round} · resident {id}").format(round=r.of, id=r.id)
        if r.table == "survey_response":
            # An answer's number is a UUID: its first eight digits tell it from its round's others.
            return self.tr("Round {round} · answer {id}").format(round=r.of, id=str(r.id)[:8])
        kinds = {
            "incident": self.tr("Incident {id}"),
            "service_ticket": self.tr("Request {id}"),
            "screening": self.tr("Screening {id}"),
            "counselling_contact": self.tr("Counselling contact {id}"),
            "job_referral": self.tr("Referral {id}"),
            "resident": self.tr("Resident {id}"),
            "tag": self.tr("Tag {id}"),
            "workstation": self.tr("Workstation {id}"),
        }
        return kinds.get(r.table, f"{r.table} {{id}}").format(id=r.id)


def when_text(when: datetime | date) -> str:
    """A record's time to the minute, or its day where it has only a day."""
    if isinstance(when, datetime):
        return f"{when:%Y-%m-%d %H:%M}"
    return f"{when:%Y-%m-%d}"


def _table(model: RowTableModel[Any, Any]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setWordWrap(False)
    return view


# --- the run chart -----------------------------------------------------------------------------


class RunChartView(QWidget):
    """A run chart: the months' points, the median, a shift's points (orange, round) and a
    trend's (blue, diamond) highlighted, and what the rules found, in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[float | None] = []
        self.months: list[date] = []
        self.run: RunChart | None = None
        self.kind = Kind.COUNT
        self.setMinimumSize(QSize(260, 180))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_chart(
        self,
        values: Sequence[float | None],
        months: Sequence[date],
        run: RunChart | None,
        kind: Kind,
    ) -> None:
        """Chart these values (oldest first) with the rules' findings; None: nothing to chart."""
        self.values, self.months, self.run, self.kind = list(values), list(months), run, kind
        self.setAccessibleDescription(self.summary())
        self.update()

    def _label(self, v: float) -> str:
        return number(v, self.kind)

    def summary(self) -> str:
        """What the chart shows, in words (the note beneath it and its accessible text)."""
        run = self.run
        if run is None or run.median is None:
            return self.tr("No month has a value: nothing to chart.")
        parts = [self.tr("Median {median}.").format(median=self._label(run.median))]
        if run.shifts:
            parts.append(
                self.tr("A shift: {n} or more points on one side of the median.").format(
                    n=SHIFT_POINTS
                )
            )
        if run.trends:
            parts.append(
                self.tr("A trend: {n} or more points all going up or all going down.").format(
                    n=TREND_POINTS
                )
            )
        if run.too_few_runs:
            parts.append(self.tr("Too few runs: the process has likely changed."))
        if run.too_many_runs:
            parts.append(self.tr("Too many runs: the points alternate more than chance would."))
        if run.too_few_points:
            parts.append(
                self.tr(
                    "Fewer than {n} points off the median: the number of runs is not judged yet."
                ).format(n=MIN_USEFUL_POINTS)
            )
        elif not run.signal:
            parts.append(self.tr("No signal: the variation looks random."))
        return " ".join(parts)

    def highlighted(self) -> tuple[set[int], set[int]]:
        """The indices of the points in a shift, and in a trend."""
        run = self.run
        if run is None:
            return set(), set()
        shift = {i for a, b in run.shifts for i in range(a, b + 1)}
        trend = {i for a, b in run.trends for i in range(a, b + 1)}
        return shift, trend

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = painter.fontMetrics()
        line_h = metrics.height()
        known = [(i, v) for i, v in enumerate(self.values) if v is not None]
        run = self.run
        # the left margin holds the widest of the values written there (median, highest, lowest)
        written = [v for _, v in known] + ([run.median] if run and run.median is not None else [])
        labels = [self._label(v) for v in (max(written), min(written))] if written else ["0"]
        margin = max(metrics.horizontalAdvance(label) for label in labels) + 12
        plot = QRectF(self.rect()).adjusted(margin, 8, -12, -(line_h + 8))
        if not known or run is None or run.median is None or plot.width() < 20:
            painter.setPen(text)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.summary())
            return
        median = run.median
        low = min([v for _, v in known] + [median])
        high = max([v for _, v in known] + [median])
        pad = (high - low) * 0.1 or max(abs(high) * 0.1, 1.0)
        low, high = low - pad, high + pad
        count = max(len(self.values), 2)

        def at(i: int, v: float) -> QPointF:
            x = plot.left() + plot.width() * i / (count - 1)
            return QPointF(x, plot.bottom() - (v - low) / (high - low) * plot.height())

        grid = QColor(text)
        grid.setAlpha(60)
        painter.setPen(QPen(grid, 1))
        painter.drawRect(plot)
        # the month labels, skipped where they would overlap
        painter.setPen(text)
        step = max(1, int(metrics.horizontalAdvance("0000-00 ") * count / max(plot.width(), 1)) + 1)
        last = len(self.values) - 1
        for i, month in enumerate(self.months[: len(self.values)]):
            if (last - i) % step:  # counted back from the last month, which always shows
                continue
            x = at(i, low).x()
            label = f"{month:%Y-%m}"
            w = metrics.horizontalAdvance(label)
            x = min(max(x - w / 2, plot.left() - 4), plot.right() - w + 8)
            painter.drawText(QPointF(x, plot.bottom() + line_h), label)
        # the median, dashed, labelled on the left
        y = at(0, median).y()
        painter.setPen(QPen(LINE_COLOUR, 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(text)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(
            QRectF(0, y - line_h / 2, plot.left() - 6, line_h), right, self._label(median)
        )
        # the highest and lowest points' values, where they clear the median's label
        dim = QColor(text)
        dim.setAlpha(170)
        painter.setPen(dim)
        for v in {max(v for _, v in known), min(v for _, v in known)}:
            vy = at(0, v).y()
            if abs(vy - y) >= line_h:
                painter.drawText(
                    QRectF(0, vy - line_h / 2, plot.left() - 6, line_h), right, self._label(v)
                )
        # the line, broken where a month has no value
        painter.setPen(QPen(text, 1.4))
        for (i, v), (j, u) in itertools.pairwise(known):
            if j == i + 1:
                painter.drawLine(at(i, v), at(j, u))
        shift, trend = self.highlighted()
        for i, v in known:
            p = at(i, v)
            if i in trend:
                painter.setPen(QPen(text, 1))
                painter.setBrush(TREND_COLOUR)
                r = 6.0
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(p.x(), p.y() - r),
                            QPointF(p.x() + r, p.y()),
                            QPointF(p.x(), p.y() + r),
                            QPointF(p.x() - r, p.y()),
                        ]
                    )
                )
            if i in shift:
                painter.setPen(QPen(text, 1))
                painter.setBrush(SHIFT_COLOUR)
                painter.drawEllipse(p, 4.5, 4.5)
            if i not in shift and i not in trend:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(text)
                painter.drawEllipse(p, 2.5, 2.5)


# --- the selected indicator's panels --------------------------------------------------------


class PassportPanel(QWidget):
    """The selected indicator's passport beside its figure, problems in red."""

    FIELDS = (
        "figure",
        "kind",
        "numerator",
        "denominator",
        "tables",
        "disaggregation",
        "baseline",
        "target",
        "owner",
        "limits",
        "series",
        "problems",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _plain()
        self.title.setObjectName("kpiPassportTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for name in self.FIELDS:
            label = _plain(wrap=False)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            value = _plain()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.names[name], self.values[name] = label, value
            self.form.addRow(label, value)
        self.names["problems"].setStyleSheet(ERROR_CSS)
        self.values["problems"].setStyleSheet(ERROR_CSS)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addLayout(self.form)
        box.addStretch(1)
        self.view: IndicatorView | None = None
        self.zh = False
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "figure": self.tr("This month"),
            "kind": self.tr("Computes"),
            "numerator": self.tr("Numerator"),
            "denominator": self.tr("Denominator"),
            "tables": self.tr("Source tables"),
            "disaggregation": self.tr("Breakdowns"),
            "baseline": self.tr("Baseline"),
            "target": self.tr("Target"),
            "owner": self.tr("Owner"),
            "limits": self.tr("Data-quality limits"),
            "series": self.tr("Series"),
            "problems": self.tr("Problems"),
        }
        for name, text in names.items():
            self.names[name].setText(text)
        self.show_view(self.view, self.zh)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def text(self, field: str) -> str:
        """The text shown for a field ("" while its row is hidden)."""
        if not self.form.isRowVisible(self.values[field]):
            return ""
        return self.values[field].text()

    def show_view(self, view: IndicatorView | None, zh: bool) -> None:
        """Show this indicator's passport (None: nothing selected)."""
        self.view, self.zh = view, zh
        if view is None:
            self.title.setText(self.tr("Select an indicator to read its passport."))
            for name in self.FIELDS:
                self.form.setRowVisible(self.values[name], False)
            return
        p, figure = view.passport, view.figure
        self.title.setText(f"{pick(p.name, zh) or p.key}  ({p.key})")
        items, clauses = ("、", "；") if zh else (", ", "; ")
        figure_line = [figure_value_text(figure, p.kind, zh)]
        numbers = numbers_text(figure, p.kind)
        if numbers != NOTHING:
            figure_line.append(self.tr("n / denominator {numbers}").format(numbers=numbers))
        interval = interval_text(figure, p.kind)
        if interval:
            figure_line.append(self.tr("95 % interval {interval}").format(interval=interval))
        figure_line.append(rag_words(figure, zh))
        texts = {
            "figure": clauses.join(figure_line),
            "kind": kind_words(p.kind),
            "numerator": pick(p.numerator, zh),
            "denominator": pick(p.denominator, zh)
            if p.denominator is not None
            else self.tr("none: a count has no denominator"),
            "tables": ", ".join(p.tables)
            + (f"  ({p.source})" if p.source else "")
            + (
                "\n" + self.tr("Incident types: {types}").format(types=items.join(p.incident_types))
                if p.incident_types
                else ""
            ),
            "disaggregation": items.join(dimension_words(d) for d in p.disaggregation)
            or self.tr("none"),
            "baseline": self._baseline(p, zh),
            "target": self._target(p, zh),
            "owner": pick(p.owner, zh),
            "limits": pick(p.limits, zh),
            "series": self.tr(
                "{series} (definition version {version}): a changed definition starts a new series"
            ).format(series=p.series, version=p.version),
            "problems": "\n".join(str(problem) for problem in p.problems),
        }
        for name, text in texts.items():
            self.values[name].setText(text)
            self.form.setRowVisible(self.values[name], bool(text))

    def _baseline(self, p: Passport, zh: bool) -> str:
        b = p.baseline
        if b is None:
            return self.tr("none")
        period = f"{b.period.first:%Y-%m} – {b.period.last:%Y-%m}" if b.period else ""
        if b.value is None:
            text = self.tr("not yet measured ({period})").format(period=period or "?")
        else:
            if p.kind is Kind.RATE_CHANGE:
                value = self.tr("{rate} per 10,000 residents a month").format(rate=f"{b.value:g}")
            else:
                value = number(b.value, p.kind)
            text = f"{value}{'，' if zh else ', '}{period}" if period else value
        note = pick(b.note, zh)
        return f"{text}\n{note}" if note else text

    def _target(self, p: Passport, zh: bool) -> str:
        text = target_text(p, zh)
        if effective_target(p) is None:
            return text
        band = amber_band(p)
        if p.kind is Kind.COUNT:
            width = count_text(band)
        else:
            width = self.tr("{points} percentage points").format(points=f"{band * 100:g}")
        return self.tr("{target}; amber up to {band} short of it").format(target=text, band=width)


class RecordsDialog(QDialog):
    """The records behind a figure (as many as the viewer may see), non-modal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resize(820, 460)
        self.heading = _plain()
        self.model = RecordsModel(self)
        self.table = _table(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = _plain()
        self.note.setStyleSheet(WARNING_CSS)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.table, 1)
        box.addWidget(self.note)
        box.addWidget(buttons)
        self.truncated = False
        self.retranslate()

    def show_rows(self, heading: str, rows: Sequence[RecordRow], truncated: bool, zh: bool) -> None:
        """These records under this heading; `truncated`: more exist than are listed; `zh`:
        the summaries in Chinese."""
        self.heading.setText(heading)
        self.model.zh = zh
        first = not len(self.model)
        self.model.set_rows(rows)
        if first and rows:
            fit_columns(self.table)
        self.truncated = truncated
        self._note(len(rows))

    def _note(self, shown: int) -> None:
        if self.truncated:
            self.note.setText(
                self.tr(
                    "Only the first {count} records are listed: more exist. Choose a community "
                    "to narrow them down."
                ).format(count=f"{shown:,}")
            )
        elif not shown:
            self.note.setText(self.tr("No records that you may see are behind this figure."))
        else:
            self.note.setText(self.tr("{count} records").format(count=f"{shown:,}"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Records behind the figure"))
        self.model.zh = chinese_locale()
        self.model.retranslate()
        self._note(len(self.model))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# --- the pane ----------------------------------------------------------------------------------


class KpiDashboard(QWidget):
    """The plan's indicators for a month: RAG, value, n, interval, target, trend, series; the
    selected one's passport, communities, self vs assisted and run chart.

    Fed plain core.kpi data by its presenter; asks by signal. Every signal fires on the GUI
    thread. `sig_month(date)`: the first day of the month chosen; `sig_community(str | None)`:
    a community's code, None for the whole street; `sig_refresh()`: F5 or Refresh;
    `sig_records(key, month, community)`: the records behind the selected figure (Enter, a
    double click, or the Records button); `sig_export(fmt)`: "pdf", "csv" or "xlsx".
    """

    sig_month = Signal(object)
    sig_community = Signal(object)
    sig_refresh = Signal()
    sig_records = Signal(str, object, object)
    sig_export = Signal(str)

    PAGE_EMPTY, PAGE_FIGURES = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dashboard: Dashboard | None = None
        self.zh = chinese_locale()
        self.busy = False
        self.error = ""
        self.refused: Callable[[], str] | None = None  # why this role may not read the figures
        self._names: dict[str, str] = {}

        # --- the top bar
        self.prev_button = QToolButton()
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.month = QDateEdit()
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        self.month.setKeyboardTracking(False)  # one request when the month is typed, not four
        today = QDate.currentDate()
        self.month.setDate(QDate(today.year(), today.month(), 1))
        self.community = QComboBox()
        self.community.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.community.addItem("", None)
        self.refresh_button = QPushButton()
        self.export_button = QPushButton()
        self.export_menu = QMenu(self)
        self.export_actions = {fmt: QAction(self) for fmt in ("pdf", "csv", "xlsx")}
        for fmt, action in self.export_actions.items():
            action.setData(fmt)
            self.export_menu.addAction(action)
        self.export_button.setMenu(self.export_menu)
        self.records_button = QPushButton()
        self.busy_label = _plain(wrap=False)
        self.busy_label.setStyleSheet(WARNING_CSS + " font-weight: bold;")
        self.busy_label.hide()
        self.computed = _plain(wrap=False)
        # A row that wraps: the pane shares a dock area with the video wall and must not widen
        # it (a fixed row's minimum width would push the incident queue aside).
        top = QHBoxLayout()
        top.addWidget(
            flow_row(
                self.prev_button,
                self.month,
                self.next_button,
                self.community,
                self.refresh_button,
                self.export_button,
                self.records_button,
                self.busy_label,
                self.computed,
            ),
            1,
        )

        self.error_label = _plain()
        self.error_label.setObjectName("kpiError")
        self.error_label.setStyleSheet(ERROR_CSS)
        self.error_label.hide()
        self.problems_label = _plain()
        self.problems_label.setObjectName("kpiProblems")
        self.problems_label.setStyleSheet(WARNING_CSS)
        self.problems_label.hide()

        # --- the indicators
        self.model = IndicatorModel(self)
        self.model.zh = self.zh
        self.table = _table(self.model)
        self.table.setObjectName("kpiTable")
        self.rag_delegate = RagDelegate(self.table)
        self.spark_delegate = SparklineDelegate(self.table)
        self.table.setItemDelegateForColumn(self.model.column_index("rag"), self.rag_delegate)
        self.table.setItemDelegateForColumn(self.model.column_index("trend"), self.spark_delegate)
        header = self.table.horizontalHeader()
        # Every column keeps the width it was fitted to and the table scrolls sideways: with
        # the name stretched, a narrow pane squeezed it to "Community c…" while the value
        # column kept its 380 px. The last column takes what a wide pane has left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(40)
        self.table.installEventFilter(self)

        # --- the selected indicator
        self.passport = PassportPanel()
        passport_scroll = QScrollArea()
        passport_scroll.setWidgetResizable(True)
        passport_scroll.setFrameShape(QFrame.Shape.NoFrame)
        passport_scroll.setWidget(self.passport)
        self.communities_title = _plain()
        self.communities_model = CommunityModel(self)
        self.communities_table = _table(self.communities_model)
        self.communities_table.setItemDelegateForColumn(
            self.communities_model.column_index("rag"), RagDelegate(self.communities_table)
        )
        self.communities_table.setMinimumHeight(self._row_height() * 4)
        self.communities_empty = _plain()
        self.split_title = _plain()
        self.split_model = SplitModel(self)
        self.split_table = _table(self.split_model)
        self.split_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A score of communities and two modes at most: fitting them to their contents on each
        # change costs nothing, unlike on the big tables.
        for table, stretch in ((self.communities_table, 1), (self.split_table, 1)):
            h = table.horizontalHeader()
            h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            h.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().setDefaultSectionSize(self._row_height())
        breakdown = QWidget()
        bbox = QVBoxLayout(breakdown)
        self._breakdown_box = bbox
        bbox.setContentsMargins(0, 0, 0, 0)
        parts: tuple[QWidget, ...] = (
            self.communities_title,
            self.communities_table,
            self.communities_empty,
            self.split_title,
            self.split_table,
        )
        for part in parts:
            bbox.addWidget(part)
        bbox.setStretchFactor(self.communities_table, 1)
        bbox.addStretch(0)  # takes the height while the communities' table is hidden
        self.run_title = _plain()
        self.run_chart = RunChartView()
        self.run_note = _plain()
        self.run_box = QWidget()
        rbox = QVBoxLayout(self.run_box)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.run_title)
        rbox.addWidget(self.run_chart, 1)
        rbox.addWidget(self.run_note)
        self.run_box.hide()
        self.details = QSplitter(Qt.Orientation.Horizontal)
        self.details.addWidget(passport_scroll)
        self.details.addWidget(breakdown)
        self.details.addWidget(self.run_box)
        self.details.setStretchFactor(0, 5)
        self.details.setStretchFactor(1, 4)
        self.details.setStretchFactor(2, 4)
        self.details.setChildrenCollapsible(False)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self._user_split = False  # the reader moved the splitter: leave it where it is
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        self.table.verticalHeader().setDefaultSectionSize(self._row_height())
        self.empty = EmptyStateWidget()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.splitter)

        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.error_label)
        box.addWidget(self.problems_label)
        box.addWidget(self.pages, 1)
        self.setFocusProxy(self.table)

        self.records_dialog: RecordsDialog | None = None

        # --- wiring
        self.prev_button.clicked.connect(self._on_prev_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.month.dateChanged.connect(self._on_month_changed)
        self.community.currentIndexChanged.connect(self._on_community_changed)
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        self.export_menu.triggered.connect(self._on_export_triggered)
        self.records_button.clicked.connect(self._on_records_requested)
        self.table.doubleClicked.connect(self._on_records_requested)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        for key, slot in (
            ("Alt+Left", self._on_prev_clicked),
            ("Alt+Right", self._on_next_clicked),
            ("F5", self._on_refresh_clicked),
        ):
            # While the pane has the focus only: other panes bind keys of their own.
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self.retranslate()
        self._update_buttons()

    # --- feeding ----------------------------------------------------------------------------
    def set_communities(self, rows: Sequence[tuple[str, str]]) -> None:
        """The communities to choose from, (code, name); the choice is kept if still offered."""
        current = self.community.currentData()
        self._names = dict(rows)
        self.community.blockSignals(True)
        while self.community.count() > 1:
            self.community.removeItem(1)
        for code, name in rows:
            self.community.addItem(name, code)
        index = self.community.findData(current) if current is not None else 0
        self.community.setCurrentIndex(max(0, index))
        self.community.blockSignals(False)
        if current is not None and index < 0:
            self.sig_community.emit(None)  # the chosen community is gone: the street it is

    def set_month(self, month: date) -> None:
        """Show this month in the picker without asking for it (the presenter's own choice)."""
        self.month.blockSignals(True)
        self.month.setDate(QDate(month.year, month.month, 1))
        self.month.blockSignals(False)

    def set_community(self, code: str | None) -> None:
        """Show this community (None: the whole street) without asking for it."""
        index = self.community.findData(code) if code is not None else 0
        self.community.blockSignals(True)
        self.community.setCurrentIndex(max(0, index))
        self.community.blockSignals(False)

    def chosen_month(self) -> date:
        """The first day of the month in the picker."""
        d = self.month.date()
        return date(d.year(), d.month(), 1)

    def chosen_community(self) -> str | None:
        """The community in the picker, None for the whole street."""
        data = self.community.currentData()
        return data if isinstance(data, str) else None

    def clear(self) -> None:
        """Forget every figure (sign-out, lock): nothing of one user's reading stays on screen
        for the next, and the records dialog closes."""
        self.dashboard = None
        self.busy = False
        self.error = ""
        self.refused = None
        self._set_controls_enabled(True)
        self.model.stale = False
        self.model.set_rows([])
        if self.records_dialog is not None:
            self.records_dialog.close()
        self.pages.setCurrentIndex(self.PAGE_EMPTY)
        self._show_selected()
        self._update_status()

    def set_dashboard(self, d: Dashboard) -> None:
        """Show these figures: rows change in place by indicator key, selection and scroll kept.

        Clears a busy state and an error shown before.
        """
        first = self.dashboard is None
        was_stale = self.model.stale
        self.dashboard = d
        self.busy = False
        self.error = ""
        self.refresh_button.setEnabled(True)
        self.model.stale = False
        self.model.months = d.months
        self.model.set_rows(d.views)
        if was_stale:
            self.model.retranslate()  # every row, also those whose figures did not change
        else:
            self.model.refresh_column("trend")  # the months may move under unchanged rows
        self.pages.setCurrentIndex(self.PAGE_FIGURES if d.views else self.PAGE_EMPTY)
        if first:
            self._fit_columns()
        self._fit_split()
        if not self.table.currentIndex().isValid() and d.views:
            self.table.setCurrentIndex(self.model.index(0, self.model.column_index("name")))
        self._show_selected()
        self._update_status()
        self._update_buttons()

    def set_language(self, zh: bool) -> None:
        """Passports, messages and names in Chinese (True) or English (False)."""
        if zh == self.zh:
            return
        self.zh = zh
        self.model.zh = zh
        self.model.retranslate()
        if self.dashboard is not None:
            self._fit_columns()
        self._show_selected()

    def set_busy(self, busy: bool) -> None:
        """Show that the figures are being computed; the figures shown stay. Refresh waits
        (greyed, F5 ignored) until set_dashboard or set_error ends the computation."""
        self.busy = busy
        self.refresh_button.setEnabled(not busy)
        self._update_status()

    def set_refused(self, text: Callable[[], str]) -> None:
        """This role may not read the indicators: the pane says so in its empty state (`text`
        read again on a language switch), and the month, community and Refresh (F5) wait for
        a user who may."""
        self.clear()
        self.refused = text
        self._set_controls_enabled(False)
        self._update_status()

    def _set_controls_enabled(self, on: bool) -> None:
        for w in (
            self.prev_button,
            self.month,
            self.next_button,
            self.community,
            self.refresh_button,
        ):
            w.setEnabled(on)

    def set_error(self, text: str) -> None:
        """The figures could not be computed: say why; the old figures stay, marked stale."""
        self.busy = False
        self.error = text
        self.refresh_button.setEnabled(True)
        if self.dashboard is not None:
            self.model.stale = True
            self.model.retranslate()
        self._update_status()

    def show_records(self, key: str, rows: Sequence[RecordRow], truncated: bool) -> None:
        """The records behind an indicator's figure, in a dialog that stays open beside."""
        if self.records_dialog is None:
            self.records_dialog = RecordsDialog(self)
        name = key
        view = self._view(key)
        if view is not None:
            name = pick(view.passport.name, self.zh) or key
        heading = name
        if self.dashboard is not None:
            heading = self.tr("{indicator} — {month}, {community}").format(
                indicator=name,
                month=f"{self.dashboard.month:%Y-%m}",
                community=self._community_name(self.dashboard.community),
            )
        self.records_dialog.show_rows(heading, rows, truncated, self.zh)
        self.records_dialog.show()
        self.records_dialog.raise_()

    def selected_key(self) -> str | None:
        """The key of the selected indicator, or None."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.key(self.model.row_at(index.row()))

    def select(self, key: str) -> None:
        """Select the indicator with this key, if shown."""
        i = self.model.index_of(key)
        if i is not None:
            index = self.model.index(i, self.model.column_index("name"))
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    # --- internals --------------------------------------------------------------------------
    def _view(self, key: str | None) -> IndicatorView | None:
        return None if key is None else self.model.row_for(key)

    def _community_name(self, code: str | None) -> str:
        if code is None:
            return self.tr("Whole street")
        return self._names.get(code, code)

    def _row_height(self) -> int:
        return max(22, self.fontMetrics().height() + 8)

    def _fit_split(self) -> None:
        """The table as tall as its rows (at most 3/5 of the pane), the panels of the selected
        indicator beneath; until the reader moves the splitter."""
        total = self.splitter.height()
        if self._user_split or total <= 0 or self.dashboard is None:
            return
        header = self.table.horizontalHeader().sizeHint().height()
        rows = self._row_height() * max(len(self.model), 1)
        want = header + rows + 2 * self.table.frameWidth() + 2
        height = min(want, total * 3 // 5)
        self.splitter.blockSignals(True)
        self.splitter.setSizes([height, total - height])
        self.splitter.blockSignals(False)

    def _on_splitter_moved(self, *_a: object) -> None:
        self._user_split = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_split()

    def _fit_columns(self) -> None:
        """Widths from the contents once (first figures, a change of language), not on every
        refresh: a refresh must keep the columns where the reader left them."""
        for name in ("rag", "name", "value", "numbers", "interval", "target", "series"):
            c = self.model.column_index(name)
            self.table.resizeColumnToContents(c)
            widest = {"name": NAME_MAX_WIDTH, "value": VALUE_MAX_WIDTH}.get(name)
            if widest is not None:
                self.table.setColumnWidth(c, min(self.table.columnWidth(c), widest))
        trend = self.model.column_index("trend")
        header_width = self.table.horizontalHeader().sectionSizeHint(trend)
        self.table.setColumnWidth(trend, max(TREND_WIDTH, header_width))

    def _show_selected(self) -> None:
        view = self._view(self.selected_key())
        self.passport.show_view(view, self.zh)
        months = self.dashboard.months if self.dashboard is not None else ()
        kind = view.passport.kind if view is not None else Kind.PROPORTION
        for model in (self.communities_model, self.split_model):
            model.zh, model.kind = self.zh, kind
        communities = view.communities if view is not None else ()
        self.communities_model.set_rows(communities)
        self.communities_model.retranslate()
        self.communities_table.setVisible(bool(communities))
        self.communities_empty.setVisible(not communities)
        spacer = self._breakdown_box.count() - 1
        self._breakdown_box.setStretch(spacer, 0 if communities else 1)
        split = view.split if view is not None else ()
        self.split_model.set_rows(split)
        self.split_model.retranslate()
        self.split_title.setVisible(bool(split))
        self.split_table.setVisible(bool(split))
        if split:
            header = self.split_table.horizontalHeader().sizeHint().height()
            frame = 2 * self.split_table.frameWidth()
            self.split_table.setFixedHeight(header + frame + self._row_height() * len(split))
        if view is not None and view.run is not None:
            self.run_chart.set_chart(run_values(view), months, view.run, kind)
            self.run_note.setText(self.run_chart.summary())
            self.run_box.show()
        else:
            self.run_chart.set_chart([], months, None, kind)
            self.run_box.hide()
        self._retitle_panels(view)

    def _retitle_panels(self, view: IndicatorView | None) -> None:
        self.communities_title.setText(self.tr("By community"))
        if view is not None and self.dashboard is not None and self.dashboard.community:
            self.communities_empty.setText(
                self.tr("The breakdown by community is shown for the whole street.")
            )
        elif view is not None and Dimension.COMMUNITY not in view.passport.disaggregation:
            self.communities_empty.setText(
                self.tr("The passport offers no breakdown by community for this indicator.")
            )
        else:
            self.communities_empty.setText(self.tr("No breakdown by community for this figure."))
        self.split_title.setText(self.tr("Self-answered and assisted, side by side"))
        self.run_title.setText(self.tr("Run chart of the months' values"))

    def _update_status(self) -> None:
        d = self.dashboard
        if d is not None:
            at = d.computed_at  # shown on the site's clock, not UTC (naive: UTC)
            at = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(ZoneInfo(d.zone))
            text = self.tr("{month} · {community} · computed at {time}").format(
                month=f"{d.month:%Y-%m}",
                community=self._community_name(d.community),
                time=f"{at:%H:%M}",
            )
            if d.under_way:
                text += self.tr(" · month under way: figures so far")
            self.computed.setText(text)
            self.computed.setToolTip(f"{at:%Y-%m-%d %H:%M:%S}")
        else:
            self.computed.setText("")
        self.busy_label.setText(self.tr("Computing…"))
        self.busy_label.setVisible(self.busy)
        if self.error:
            text = self.error  # the presenter's own sentence, e.g. "Could not compute …: …"
            if d is not None:
                text += "\n" + self.tr(
                    "The figures below are from {time} and may be out of date."
                ).format(time=f"{d.computed_at:%Y-%m-%d %H:%M}")
            self.error_label.setText(text)
        self.error_label.setVisible(bool(self.error))
        problems = d.problems if d is not None else ()
        if problems:
            shown = "; ".join(str(p) for p in problems[:3])
            more = len(problems) - 3
            text = self.tr("Problems in the passports file ({count}): {problems}").format(
                count=len(problems), problems=shown
            )
            if more > 0:
                text += " " + self.tr("… and {count} more (see the tooltip)").format(count=more)
            self.problems_label.setText(text)
            self.problems_label.setToolTip(plain_tooltip("\n".join(str(p) for p in problems)))
        self.problems_label.setVisible(bool(problems))
        if self.refused is not None:
            self.empty.set_texts("⊘", self.tr("Not available to this role"), self.refused())
        elif d is None:
            self.empty.set_texts(
                "∑",
                self.tr("No figures yet"),
                self.tr("Choose a month: the figures are computed from every service's records."),
            )
        elif not d.views:
            self.empty.set_texts(
                "∑",
                self.tr("No indicators"),
                self.tr(
                    "No indicator could be read from the passports file: see the problems above."
                ),
            )

    def _update_buttons(self) -> None:
        d = self.dashboard
        self.export_button.setEnabled(d is not None and bool(d.views))
        self.records_button.setEnabled(d is not None and self.selected_key() is not None)

    def _on_current_changed(self, *_a: object) -> None:
        self._show_selected()
        self._update_buttons()

    def _on_prev_clicked(self) -> None:
        if self.month.isEnabled():  # Alt+Left reaches here with the month greyed too
            self.month.setDate(self.month.date().addMonths(-1))

    def _on_next_clicked(self) -> None:
        if self.month.isEnabled():
            self.month.setDate(self.month.date().addMonths(1))

    def _on_month_changed(self, *_a: object) -> None:
        self.sig_month.emit(self.chosen_month())

    def _on_community_changed(self, *_a: object) -> None:
        self.sig_community.emit(self.chosen_community())

    def _on_refresh_clicked(self) -> None:
        if self.refresh_button.isEnabled():
            self.sig_refresh.emit()

    def _on_export_triggered(self, action: QAction) -> None:
        fmt = action.data()
        if isinstance(fmt, str) and self.export_button.isEnabled():
            self.sig_export.emit(fmt)

    def _on_records_requested(self, *_a: object) -> None:
        key = self.selected_key()
        d = self.dashboard
        if key is not None and d is not None:
            self.sig_records.emit(key, d.month, d.community)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self._on_records_requested()
            return True
        return super().eventFilter(watched, event)

    # --- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.prev_button.setToolTip(self.tr("Previous month (Alt+Left)"))
        self.prev_button.setAccessibleName(self.tr("Previous month"))
        self.next_button.setToolTip(self.tr("Next month (Alt+Right)"))
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.month.setToolTip(self.tr("The month of the figures"))
        self.month.setAccessibleName(self.tr("Month"))
        self.community.setItemText(0, self.tr("Whole street"))
        self.community.setAccessibleName(self.tr("Community"))
        self.refresh_button.setText(self.tr("Refresh (F5)"))
        self.export_button.setText(self.tr("Export"))
        self.export_actions["pdf"].setText(self.tr("Monthly report (PDF)…"))
        self.export_actions["csv"].setText(self.tr("Figures as CSV…"))
        self.export_actions["xlsx"].setText(self.tr("Figures as XLSX…"))
        self.records_button.setText(self.tr("Records behind… (Enter)"))
        self.table.setAccessibleName(self.tr("Indicators"))
        self.model.retranslate()
        self.communities_model.retranslate()
        self.split_model.retranslate()
        self._update_status()
        self._show_selected()
        if self.dashboard is not None:
            self._fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # The console's language picks the passports' side too (set_language overrides).
            self.zh = self.model.zh = chinese_locale()
            self.retranslate()
        super().changeEvent(event)

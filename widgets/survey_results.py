"""A round's results: headline tiles, self vs assisted side by side, breakdowns and charts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.survey_results import (
    ASSISTED,
    COLUMNS,
    SELF,
    TOTAL,
    Distribution,
    Group,
    Measure,
    RoundResults,
    Split,
    percent,
)
from core.survey_score import MIN_CELL, NoData, NpsScore, Proportion, Suppressed
from widgets.empty_state import EmptyStateWidget

COLOURS = {SELF: "#4a90d9", ASSISTED: "#e5a13a", TOTAL: "#8e8e93"}
BACKGROUND = "#1c1c1e"
PAGE_RESULTS, PAGE_EMPTY = 0, 1


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # question texts are user data
    return label


class Tile(QFrame):
    """One headline figure: a title, the figure for all, and self / assisted beneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title, self.value, self.detail = _plain(), _plain(), _plain()
        self.title.setWordWrap(True)
        self.detail.setWordWrap(True)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.value.setFont(font)
        box = QVBoxLayout(self)
        for w in (self.title, self.value, self.detail):
            box.addWidget(w)

    def show_texts(self, title: str, value: str, detail: str, tip: str = "") -> None:
        self.title.setText(title)
        self.value.setText(value)
        self.detail.setText(detail)
        self.setToolTip(tip)


class SurveyResultsWidget(QWidget):
    """Fed plain RoundResults by its owner; asks for exports by signal.

    Signals (GUI thread): `sig_export_requested(str)` with "csv", "xlsx" or "pdf";
    `sig_refresh_requested()`.
    """

    sig_export_requested = Signal(str)
    sig_refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: RoundResults | None = None
        self.heading_text = ""
        self.names: dict[str, str] = {}
        self.heading = _plain()
        self.heading.setObjectName("resultsHeading")
        self.refresh = QPushButton()
        self.export_buttons = {fmt: QPushButton() for fmt in ("csv", "xlsx", "pdf")}
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh)
        for fmt, button in self.export_buttons.items():
            button.setProperty("format", fmt)
            button.clicked.connect(self._on_export_clicked)
            top.addWidget(button)
        self.refresh.clicked.connect(self.sig_refresh_requested)

        self.tiles = {key: Tile() for key in ("participation", "csat", "nps", "responses")}
        tiles = QGridLayout()
        for i, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, 0, i)

        self.measure = QComboBox()
        self.measure.currentIndexChanged.connect(self._on_measure_changed)
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.note = _plain()
        self.note.setWordWrap(True)
        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addWidget(self.measure)
        lbox.addWidget(self.table, 1)
        lbox.addWidget(self.note)

        self.csat_plot = pg.PlotWidget(background=BACKGROUND)
        self.question = QComboBox()
        self.question.currentIndexChanged.connect(self._on_question_changed)
        self.dist_plot = pg.PlotWidget(background=BACKGROUND)
        self.csat_title, self.dist_title = _plain(), _plain()
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.csat_title)
        rbox.addWidget(self.csat_plot, 1)
        rbox.addWidget(self.dist_title)
        rbox.addWidget(self.question)
        rbox.addWidget(self.dist_plot, 1)
        for plot in (self.csat_plot, self.dist_plot):
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.showGrid(y=True, alpha=0.2)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        page = QWidget()
        pbox = QVBoxLayout(page)
        pbox.setContentsMargins(0, 0, 0, 0)
        pbox.addLayout(tiles)
        pbox.addWidget(split, 1)
        self.empty = EmptyStateWidget()
        self.pages = QStackedWidget()
        self.pages.addWidget(page)
        self.pages.addWidget(self.empty)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.pages, 1)
        self.retranslate()
        self.set_results(None)

    # --- feeding ------------------------------------------------------------------------------
    def set_results(
        self,
        results: RoundResults | None,
        heading: str = "",
        names: Mapping[str, str] | None = None,
    ) -> None:
        """Show a round's results (None: no round chosen); `names` maps community codes."""
        self.results, self.heading_text = results, heading
        self.names = dict(names or {})
        self.heading.setText(heading)
        shown = results is not None and not results.empty
        for button in self.export_buttons.values():
            button.setEnabled(shown)
        self.refresh.setEnabled(results is not None)
        if not shown:
            self.pages.setCurrentIndex(PAGE_EMPTY)
            self._texts_empty()
            return
        assert results is not None
        self.pages.setCurrentIndex(PAGE_RESULTS)
        self._fill_tiles(results)
        self._fill_choices(results)
        self._draw_csat(results)

    def _texts_empty(self) -> None:
        if self.results is None:
            self.empty.set_texts(
                "∑",
                self.tr("No round chosen"),
                self.tr("Choose a survey round on the Rounds tab to see its results here."),
            )
        else:
            self.empty.set_texts(
                "∅",
                self.tr("No responses yet"),
                self.tr(
                    "Nobody has answered this round yet. Figures appear with the first complete "
                    "response; groups with fewer than 5 answers stay hidden."
                ),
            )

    # --- texts --------------------------------------------------------------------------------
    def _column_names(self) -> dict[str, str]:
        return {
            SELF: self.tr("Self-answered"),
            ASSISTED: self.tr("Assisted"),
            TOTAL: self.tr("All"),
        }

    def _dimension(self, dimension: str) -> str:
        return {
            "community": self.tr("Community"),
            "age_band": self.tr("Age band"),
            "care_flag": self.tr("Care flag"),
        }.get(dimension, dimension)

    def _group(self, g: Group[Any]) -> str:
        if g.dimension == "community":
            return self.names.get(g.value, g.value)
        if g.dimension == "care_flag":
            return self.tr("Care needed") if g.value == "care" else self.tr("No care flag")
        if g.value == "unknown":
            return self.tr("Unknown")
        return g.value

    def _figure(self, fig: object) -> str:
        if isinstance(fig, NoData):
            return self.tr("no answers")
        return percent(fig)  # type: ignore[arg-type]

    def _tip(self, fig: object) -> str:
        if isinstance(fig, Suppressed):
            return self.tr(
                "Fewer than 5 answers here, or a cell that would reveal one that small: "
                "hidden so nobody can be singled out."
            )
        if isinstance(fig, Proportion):
            return self.tr("{k} of {n}; 95 % interval (Wilson)").format(k=fig.k, n=fig.n)
        if isinstance(fig, NpsScore):
            return self.tr("{n} answers: {p} promoters, {d} detractors; 95 % interval").format(
                n=fig.n, p=fig.promoters, d=fig.detractors
            )
        return ""

    def _side_by_side(self, split: Split[Any]) -> str:
        names = self._column_names()
        return " · ".join(f"{names[c]} {self._figure(split.get(c))}" for c in (SELF, ASSISTED))

    # --- tiles --------------------------------------------------------------------------------
    def _fill_tiles(self, res: RoundResults) -> None:
        t = self.tiles
        t["participation"].show_texts(
            self.tr("Participation"),
            self._short(res.participation.total),
            self._side_by_side(res.participation),
            self._tip(res.participation.total),
        )
        for key, measures, title in (
            ("csat", res.csat, self.tr("Satisfaction (CSAT)")),
            ("nps", res.nps, self.tr("Net promoter score")),
        ):
            m = measures[0] if measures else None
            if m is None:
                t[key].show_texts(title, "–", self.tr("no such question in this form"))
            else:
                t[key].show_texts(
                    f"{title}: {m.text}",
                    self._short(m.overall.total),
                    self._side_by_side(m.overall),
                    self._tip(m.overall.total),
                )
        t["responses"].show_texts(
            self.tr("Complete responses"),
            str(res.respondents.total),
            self.tr("self {s} · assisted {a} · partial {p} (not counted) · frame {f}").format(
                s=res.respondents.self_answered,
                a=res.respondents.assisted,
                p=res.partial.total,
                f=res.frame,
            ),
        )

    def _short(self, fig: object) -> str:
        if isinstance(fig, Proportion):
            return f"{100 * fig.p:.1f} %"
        if isinstance(fig, NpsScore):
            return f"{fig.score:+.0f}"
        return self._figure(fig)

    # --- table --------------------------------------------------------------------------------
    def _fill_choices(self, res: RoundResults) -> None:
        self.measure.blockSignals(True)
        self.measure.clear()
        self.measure.addItem(self.tr("Participation"), ("participation", ""))
        for m in res.measures:
            kind = self.tr("CSAT") if m.kind == "csat" else self.tr("NPS")
            self.measure.addItem(f"{kind}: {m.text}", (m.kind, m.question))
        self.measure.setCurrentIndex(1 if res.measures else 0)
        self.measure.blockSignals(False)
        self.question.blockSignals(True)
        self.question.clear()
        for d in res.distributions:
            self.question.addItem(d.text, d.question)
        self.question.blockSignals(False)
        self._fill_table()
        self._draw_distribution()

    def _chosen(self) -> tuple[Split[Any], tuple[Group[Any], ...]] | None:
        res = self.results
        data = self.measure.currentData()
        if res is None or data is None:
            return None
        kind, qid = data
        if kind == "participation":
            return res.participation, res.participation_groups
        m: Measure[Any] = next(x for x in res.measures if x.question == qid and x.kind == kind)
        return m.overall, m.groups

    def _fill_table(self) -> None:
        chosen = self._chosen()
        names = self._column_names()
        self.table.setHorizontalHeaderLabels(
            [self.tr("Breakdown"), self.tr("Group"), *(names[c] for c in COLUMNS)]
        )
        if chosen is None:
            self.table.setRowCount(0)
            return
        overall, groups = chosen
        rows: list[tuple[str, str, Split[Any]]] = [(self.tr("Overall"), "", overall)]
        rows += [(self._dimension(g.dimension), self._group(g), g.figure) for g in groups]
        self.table.setRowCount(len(rows))
        for r, (dim, group, split) in enumerate(rows):
            for c, text in enumerate((dim, group)):
                self.table.setItem(r, c, QTableWidgetItem(text))
            for c, col in enumerate(COLUMNS, start=2):
                fig = split.get(col)
                item = QTableWidgetItem(self._figure(fig))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(self._tip(fig))
                self.table.setItem(r, c, item)

    @Slot(int)
    def _on_measure_changed(self, _index: int) -> None:
        self._fill_table()

    # --- charts -------------------------------------------------------------------------------
    def _bars(
        self,
        plot: pg.PlotWidget,
        labels: list[str],
        series: dict[str, list[float]],
        whiskers: Mapping[str, list[tuple[float, float] | None]] | None = None,
    ) -> None:
        plot.clear()
        legend = plot.getPlotItem().legend
        if legend is None:
            # one row across the top, above the bars (the y range leaves room for it)
            legend = plot.addLegend(offset=(-10, 2), colCount=len(COLUMNS))
        legend.clear()
        names = self._column_names()
        width = 0.8 / max(1, len(series))
        for k, (col, heights) in enumerate(series.items()):
            xs = [i - 0.4 + width * (k + 0.5) for i in range(len(heights))]
            bar = pg.BarGraphItem(
                x=xs, height=heights, width=width * 0.9, brush=COLOURS[col], pen=None
            )
            plot.addItem(bar)
            legend.addItem(bar, names[col])
            spans = (whiskers or {}).get(col)
            if spans:
                pts = [(x, h, s) for x, h, s in zip(xs, heights, spans, strict=True) if s]
                if pts:
                    plot.addItem(
                        pg.ErrorBarItem(  # arrays: it subtracts them element-wise
                            x=np.array([p[0] for p in pts]),
                            y=np.array([p[1] for p in pts]),
                            top=np.array([p[2][1] - p[1] for p in pts]),
                            bottom=np.array([p[1] - p[2][0] for p in pts]),
                            beam=width * 0.4,
                            pen=pg.mkPen("#f2f2f7", width=1.2),
                        )
                    )
        plot.getAxis("bottom").setTicks([list(enumerate(labels))])
        plot.setXRange(-0.6, max(0, len(labels) - 1) + 0.6, padding=0)

    def _draw_csat(self, res: RoundResults) -> None:
        if not res.csat:
            self.csat_title.setText(self.tr("No CSAT question in this form"))
            self.csat_plot.clear()
            return
        m = res.csat[0]
        title = self.tr("CSAT by community, % with 95 % interval: {q}")
        self.csat_title.setText(title.format(q=m.text))
        groups = m.by("community")
        labels = [self._group(g) for g in groups]
        series: dict[str, list[float]] = {}
        spans: dict[str, list[tuple[float, float] | None]] = {}
        for col in COLUMNS:
            figs = [g.figure.get(col) for g in groups]
            series[col] = [100 * f.p if isinstance(f, Proportion) else 0.0 for f in figs]
            spans[col] = [
                (100 * f.lower, 100 * f.upper) if isinstance(f, Proportion) else None for f in figs
            ]
        self._bars(self.csat_plot, labels, series, spans)
        self.csat_plot.setYRange(0, 112, padding=0)
        self.csat_plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 101, 20)]])

    def _distribution(self) -> Distribution | None:
        res, qid = self.results, self.question.currentData()
        if res is None or qid is None:
            return None
        return next((d for d in res.distributions if d.question == qid), None)

    def _draw_distribution(self) -> None:
        d = self._distribution()
        self.dist_title.setText(self.tr("Answers per option (hidden below {n})").format(n=MIN_CELL))
        if d is None:
            self.dist_plot.clear()
            return
        labels = [o.label for o in d.options]
        series = {
            col: [float(v) if isinstance(v := o.count.get(col), int) else 0.0 for o in d.options]
            for col in (SELF, ASSISTED)
        }
        self._bars(self.dist_plot, labels, series)
        top = max([1.0, *series[SELF], *series[ASSISTED]])
        self.dist_plot.setYRange(0, top * 1.15, padding=0)

    @Slot(int)
    def _on_question_changed(self, _index: int) -> None:
        self._draw_distribution()

    # --- buttons and language -----------------------------------------------------------------
    @Slot()
    def _on_export_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.sig_export_requested.emit(str(button.property("format")))

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.refresh.setText(self.tr("Recompute"))
        self.export_buttons["csv"].setText(self.tr("Export CSV"))
        self.export_buttons["xlsx"].setText(self.tr("Export Excel"))
        self.export_buttons["pdf"].setText(self.tr("PDF report"))
        self.note.setText(
            self.tr(
                "Self-answered: self or kiosk without help. Assisted: staff, phone, family or "
                "with help. <5: fewer than 5 answers, or a cell that would reveal one. Only "
                "complete responses count."
            )
        )
        self.set_results(self.results, self.heading_text, self.names)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

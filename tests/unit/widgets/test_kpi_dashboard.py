"""The KPI dashboard alone: honest value texts for every state, in-place updates, the passport
beside the figure, communities, run chart, signals from the keyboard, and both languages."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor, QImage, QShortcut
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.indicators import (
    Bilingual,
    FigureState,
    KpiFigure,
    Passport,
    PassportSet,
    Rag,
    add_months,
    as_of_month,
    as_suppressed,
    count_figure,
    error_figure,
    load_passports,
    proportion_figure,
    rate_change_figure,
    run_chart,
)
from core.kpi import CommunityFigure, Dashboard, IndicatorView, RecordRow, percent
from widgets.kpi_dashboard import (
    NAME_MAX_WIDTH,
    RAG_COLOURS,
    RAG_ROLE,
    TREND_ROLE,
    KpiDashboard,
    RunChartView,
)

ROOT = Path(__file__).resolve().parents[3]
MONTH = date(2026, 3, 1)
MONTHS = tuple(add_months(MONTH, i - 11) for i in range(12))
AT = datetime(2026, 4, 2, 14, 5)


def passports() -> PassportSet:
    return load_passports((ROOT / "resources" / "indicators.toml").read_text(encoding="utf-8"))


def get(key: str) -> Passport:
    p = passports().get(key)
    assert p is not None
    return p


def trend_of(p: Passport, values: list[tuple[int, int] | None]) -> tuple[KpiFigure, ...]:
    return tuple(
        proportion_figure(*kn, p) if kn is not None else proportion_figure(0, 0, p) for kn in values
    )


def views() -> list[IndicatorView]:
    """One indicator in each state, with real figures computed by core.indicators."""
    satisfaction = get("satisfaction")
    sat_trend = trend_of(satisfaction, [(40, 50), None, (41, 48), (44, 50), (46, 51)] * 2)
    sat_trend += (proportion_figure(38, 45, satisfaction), proportion_figure(45, 50, satisfaction))
    participation = get("survey_participation")
    awareness = get("awareness")
    screenings = get("screenings")
    screenings_trend = tuple(count_figure(8_000 + 200 * i, screenings) for i in range(11))
    incidents = get("security_incidents")
    monthly = [5, 7, 4, 6, 3, 4, 2, 3, 2, 1, 2, 4]
    incident_trend = tuple(rate_change_figure(e, 75_000, 6, 75_000, incidents) for e in monthly)
    no_target = dataclasses.replace(get("job_placements"), target=None)
    coverage = get("population_coverage")
    return [
        IndicatorView(
            satisfaction,
            proportion_figure(45, 50, satisfaction),
            sat_trend,
            communities=(
                CommunityFigure("C01", "West Gate", proportion_figure(30, 32, satisfaction)),
                CommunityFigure("C02", "Ding Zi Gu", proportion_figure(15, 18, satisfaction)),
                CommunityFigure(
                    "C03", "North Li", as_suppressed(proportion_figure(0, 0, satisfaction))
                ),
            ),
            split=(
                ("self", proportion_figure(30, 34, satisfaction)),
                ("assisted", proportion_figure(15, 16, satisfaction)),
            ),
        ),
        IndicatorView(participation, proportion_figure(11, 12, participation), ()),
        IndicatorView(awareness, proportion_figure(2, 3, awareness), ()),
        IndicatorView(
            screenings,
            count_figure(None, screenings),
            (*screenings_trend, count_figure(None, screenings)),
        ),
        IndicatorView(
            incidents,
            rate_change_figure(20, 900_000, 30, 900_000, incidents),
            incident_trend,
            run=run_chart([f.value for f in incident_trend]),  # as data.services does
        ),
        IndicatorView(no_target, count_figure(54, no_target), ()),
        IndicatorView(coverage, rate_change_error(coverage), ()),
        IndicatorView(
            get("counselling_contacts"),
            count_figure(10_234, get("counselling_contacts")),
            (),
        ),
    ]


def rate_change_error(p: Passport) -> KpiFigure:
    return error_figure(
        p, Bilingual("站点文件中人口为 0，无法计算", "population is 0 in the site file")
    )


def dashboard(vs: list[IndicatorView] | None = None, **kw: object) -> Dashboard:
    fields: dict[str, object] = {
        "month": MONTH,
        "months": MONTHS,
        "community": None,
        "views": tuple(vs if vs is not None else views()),
        "problems": (),
        "computed_at": AT,
    }
    fields.update(kw)
    return Dashboard(**fields)  # type: ignore[arg-type]


def cell(w: KpiDashboard, key: str, column: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    row = w.model.index_of(key)
    assert row is not None
    return w.model.index(row, w.model.column_index(column)).data(role)


def focus_table(pane: KpiDashboard, qtbot: QtBot) -> None:
    """Show the pane as the active window with the table focused (shortcuts need both)."""
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow)
    pane.table.setFocus()
    qtbot.waitUntil(pane.table.hasFocus)


@pytest.fixture
def pane(qtbot: QtBot) -> KpiDashboard:
    w = KpiDashboard()
    qtbot.addWidget(w)
    w.set_language(False)
    w.resize(1400, 800)
    return w


# --- texts -------------------------------------------------------------------------------------


def test_the_empty_state_says_what_to_do_before_the_first_figures(pane: KpiDashboard) -> None:
    assert pane.pages.currentIndex() == pane.PAGE_EMPTY
    assert pane.empty.text() == (
        "Choose a month: the figures are computed from every service's records."
    )
    assert not pane.export_button.isEnabled()
    assert not pane.records_button.isEnabled()


def test_a_role_that_may_not_read_them_is_told_so_and_f5_asks_nothing(
    pane: KpiDashboard, qtbot: QtBot
) -> None:
    pane.set_refused(lambda: "The indicators are for supervisors and administrators.")
    assert pane.pages.currentIndex() == pane.PAGE_EMPTY
    assert pane.empty.title() == "Not available to this role"
    assert pane.empty.text() == "The indicators are for supervisors and administrators."
    assert not pane.error_label.isVisibleTo(pane)
    for w in (pane.refresh_button, pane.month, pane.prev_button, pane.community):
        assert not w.isEnabled()
    # The pane's own shortcuts, as Qt fires them (with nothing focusable left in the pane,
    # keys rarely get there; the handlers must refuse all the same).
    keys = {sc.key().toString(): sc for sc in pane.findChildren(QShortcut)}
    month = pane.chosen_month()
    with qtbot.assertNotEmitted(pane.sig_refresh), qtbot.assertNotEmitted(pane.sig_month):
        keys["F5"].activated.emit()
        keys["Alt+Left"].activated.emit()
    assert pane.chosen_month() == month
    pane.clear()  # signed out: the next user starts afresh
    assert pane.refused is None
    assert pane.refresh_button.isEnabled()
    assert pane.empty.title() == "No figures yet"
    with qtbot.waitSignal(pane.sig_refresh), qtbot.waitSignal(pane.sig_month):
        keys["F5"].activated.emit()
        keys["Alt+Left"].activated.emit()


def test_in_a_narrow_pane_the_names_keep_their_width_and_the_table_scrolls(
    pane: KpiDashboard, qtbot: QtBot
) -> None:
    pane.resize(560, 600)  # docked beside the incident queue
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_dashboard(dashboard())
    name = pane.model.column_index("name")
    wanted = min(pane.table.sizeHintForColumn(name), NAME_MAX_WIDTH)
    assert pane.table.columnWidth(name) >= wanted
    assert pane.table.horizontalScrollBar().maximum() > 0  # the rest scrolls sideways


def test_each_state_shows_its_value_or_says_why_not(pane: KpiDashboard) -> None:
    pane.set_dashboard(dashboard())
    assert pane.pages.currentIndex() == pane.PAGE_FIGURES
    # OK: the value, the numbers behind it, the interval and the target
    sat = proportion_figure(45, 50, get("satisfaction"))
    assert sat.state is FigureState.OK
    assert cell(pane, "satisfaction", "value") == "90.0 %"
    assert cell(pane, "satisfaction", "numbers") == "45 / 50"
    assert sat.low is not None
    assert sat.high is not None
    low, high = f"{sat.low * 100:.1f}", f"{sat.high * 100:.1f}"
    assert cell(pane, "satisfaction", "interval") == f"{low}–{high} %"
    assert cell(pane, "satisfaction", "target") == "≥ 90 %"
    assert cell(pane, "satisfaction", "rag") == "G"
    # TOO_LITTLE: the counts but no percentage (never 92 % from 12 answers)
    assert cell(pane, "survey_participation", "value") == "too little data (n = 12 < 30)"
    assert cell(pane, "survey_participation", "numbers") == "11 / 12"
    assert cell(pane, "survey_participation", "interval") == ""
    # SUPPRESSED: nothing that could single anyone out
    assert cell(pane, "awareness", "value") == "fewer than 5: not shown"
    assert cell(pane, "awareness", "numbers") == "—"
    # NO_DATA: not a silent 0
    assert cell(pane, "screenings", "value") == "no data for this period"
    assert cell(pane, "screenings", "numbers") == "—"
    assert cell(pane, "screenings", "target") == "≥ 10,000"
    # a rate change against a "≤ −30 %" target
    assert cell(pane, "security_incidents", "value") == "−33.3 %"
    assert cell(pane, "security_incidents", "target") == "≤ −30 %"
    assert cell(pane, "security_incidents", "numbers") == "20 / 30"  # events: now / baseline
    interval = cell(pane, "security_incidents", "interval")
    assert isinstance(interval, str)
    assert " … +" in interval
    assert interval.startswith("−")
    tip = cell(pane, "security_incidents", "numbers", Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tip, str)
    assert "20 incidents in 900,000 resident-months" in tip
    # NO_TARGET: the count and why it has no RAG
    assert cell(pane, "job_placements", "value") == "54 · no target in the passport"
    assert cell(pane, "job_placements", "target") == "no target in the passport"
    assert cell(pane, "job_placements", "rag") == "–"
    # ERROR: the message, in red
    assert cell(pane, "population_coverage", "value") == "population is 0 in the site file"
    colour = cell(pane, "population_coverage", "value", Qt.ItemDataRole.ForegroundRole)
    assert colour is not None
    # a count with thousands separators
    assert cell(pane, "counselling_contacts", "value") == "10,234"
    assert cell(pane, "counselling_contacts", "numbers") == "10,234"
    assert cell(pane, "counselling_contacts", "target") == "≥ 2,000"


def test_a_relative_target_without_its_baseline_says_so(pane: KpiDashboard) -> None:
    convenience = get("convenience")
    figure = proportion_figure(40, 50, convenience)
    assert figure.state is FigureState.NO_TARGET
    pane.set_dashboard(dashboard([IndicatorView(convenience, figure, ())]))
    assert cell(pane, "convenience", "target") == "≥ baseline +20 %"
    value = cell(pane, "convenience", "value")
    assert value == "80.0 % · baseline not yet measured: no target to compare with"
    assert convenience.baseline is not None
    measured = dataclasses.replace(
        convenience, baseline=dataclasses.replace(convenience.baseline, value=0.6)
    )
    pane.set_dashboard(
        dashboard([IndicatorView(measured, proportion_figure(40, 50, measured), ())])
    )
    assert cell(pane, "convenience", "target") == "≥ 72 % (baseline +20 %)"


def test_the_rag_is_a_letter_a_shape_and_words_not_colour_alone(
    pane: KpiDashboard, qtbot: QtBot
) -> None:
    pane.set_dashboard(dashboard())
    assert cell(pane, "satisfaction", "rag", Qt.ItemDataRole.ToolTipRole) == (
        "Green: meets the target"
    )
    assert cell(pane, "satisfaction", "rag", Qt.ItemDataRole.AccessibleTextRole) == (
        "Green: meets the target"
    )
    assert cell(pane, "security_incidents", "rag") == "G"
    assert cell(pane, "awareness", "rag", Qt.ItemDataRole.ToolTipRole) == (
        "No RAG: fewer than 5: not shown"
    )
    assert cell(pane, "satisfaction", "rag", RAG_ROLE) == Rag.GREEN.value
    # the green circle is painted in its palette colour inside the RAG cell
    pane.show()
    qtbot.waitExposed(pane)
    pane.table.clearSelection()
    pane.table.setCurrentIndex(QModelIndex())
    row = pane.model.index_of("satisfaction")
    assert row is not None
    rect = pane.table.visualRect(pane.model.index(row, pane.model.column_index("rag")))
    image: QImage = pane.table.viewport().grab(rect).toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    assert RAG_COLOURS[Rag.GREEN].name() in colours
    assert RAG_COLOURS[Rag.RED].name() not in colours


def test_the_trend_gives_the_sparkline_its_values_with_gaps(pane: KpiDashboard) -> None:
    pane.set_dashboard(dashboard())
    values = cell(pane, "satisfaction", "trend", TREND_ROLE)
    assert isinstance(values, list)
    assert len(values) == 12
    assert values[0] == pytest.approx(0.8)
    assert values[1] is None  # a month without answers is a gap, not 0
    tip = cell(pane, "satisfaction", "trend", Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tip, str)
    assert "2025-05: no data for this period" in tip
    assert tip.endswith("2026-03: 90.0 %")
    series = cell(pane, "satisfaction", "series", Qt.ItemDataRole.ToolTipRole)
    assert isinstance(series, str)
    assert "a changed definition starts a new series" in series
    assert cell(pane, "satisfaction", "series") == get("satisfaction").series


def test_percent_uses_a_real_minus_and_never_minus_zero() -> None:
    assert percent(-0.3333) == "−33.3 %"
    assert percent(0.12, signed=True) == "+12.0 %"
    assert percent(-0.00001, signed=True) == "0.0 %"
    assert percent(1.0) == "100.0 %"


# --- updates -----------------------------------------------------------------------------------


def test_a_second_dashboard_changes_rows_in_place_and_keeps_the_selection(
    pane: KpiDashboard, qtbot: QtBot
) -> None:
    pane.set_dashboard(dashboard())
    assert pane.selected_key() == "satisfaction"  # the first row, so the passport shows
    pane.select("screenings")
    resets: list[bool] = []
    structural: list[bool] = []
    pane.model.modelReset.connect(lambda: resets.append(True))
    pane.model.rowsRemoved.connect(lambda *_: structural.append(True))
    pane.model.rowsInserted.connect(lambda *_: structural.append(True))
    changed = views()
    screenings = get("screenings")
    changed[3] = dataclasses.replace(changed[3], figure=count_figure(9_500, screenings))
    with qtbot.waitSignal(pane.model.dataChanged):
        pane.set_dashboard(dashboard(changed, computed_at=datetime(2026, 4, 2, 15, 30)))
    assert resets == []
    assert structural == []
    assert pane.selected_key() == "screenings"
    assert cell(pane, "screenings", "value") == "9,500"
    assert cell(pane, "screenings", "rag") == "A"
    assert pane.passport.text("figure").startswith("9,500")
    assert "computed at 15:30" in pane.computed.text()


def test_busy_keeps_the_figures_and_an_error_marks_them_stale(pane: KpiDashboard) -> None:
    pane.set_dashboard(dashboard())
    pane.set_busy(True)
    assert pane.busy_label.isVisibleTo(pane)
    assert pane.busy_label.text() == "Computing…"
    assert len(pane.model) == 8
    assert not pane.refresh_button.isEnabled()
    pane.set_error("Could not compute the indicators: the database did not answer in 30 s")
    assert not pane.busy_label.isVisibleTo(pane)
    assert pane.error_label.isVisibleTo(pane)
    assert pane.error_label.text() == (
        "Could not compute the indicators: the database did not answer in 30 s\n"
        "The figures below are from 2026-04-02 14:05 and may be out of date."
    )
    assert cell(pane, "satisfaction", "value") == "90.0 %"  # still there
    grey = cell(pane, "satisfaction", "value", Qt.ItemDataRole.ForegroundRole)
    assert grey is not None
    assert grey.color() == QColor("#8e8e93")  # type: ignore[attr-defined]
    pane.set_dashboard(dashboard())
    assert not pane.error_label.isVisibleTo(pane)
    assert cell(pane, "satisfaction", "value", Qt.ItemDataRole.ForegroundRole) is None


def test_the_passport_files_problems_are_listed_above_the_table(pane: KpiDashboard) -> None:
    broken = passports().problems + load_passports("format = 1\n[[indicator]]\nkey = 3\n").problems
    assert broken
    pane.set_dashboard(dashboard(problems=broken))
    assert pane.problems_label.isVisibleTo(pane)
    assert pane.problems_label.text().startswith(
        f"Problems in the passports file ({len(broken)}): "
    )
    assert "key: missing or not a key" in pane.problems_label.text()


def test_no_readable_indicator_says_so(pane: KpiDashboard) -> None:
    bad = load_passports("not toml [")
    pane.set_dashboard(dashboard([], problems=bad.problems))
    assert pane.pages.currentIndex() == pane.PAGE_EMPTY
    assert "see the problems above" in pane.empty.text()
    assert pane.problems_label.text().startswith("Problems in the passports file (1): line 1")


# --- the selected indicator -------------------------------------------------------------------


def test_the_passport_shows_its_limits_baseline_and_problems_in_red(pane: KpiDashboard) -> None:
    text = (ROOT / "resources" / "indicators.toml").read_text(encoding="utf-8")
    text = text.replace('target = { op = ">=", value = 0.95 }\n', "", 1)  # participation's
    participation = load_passports(text).get("survey_participation")
    assert participation is not None
    assert participation.problems
    vs = views()
    vs[1] = IndicatorView(participation, proportion_figure(40, 45, participation), ())
    pane.set_dashboard(dashboard(vs))
    pane.select("survey_participation")
    panel = pane.passport
    assert panel.title.text() == "Participation in survey rounds  (survey_participation)"
    assert panel.text("limits").startswith("Only rounds with a sampling frame count")
    assert panel.text("numerator").startswith("Members of the sampling frame who answered")
    assert "survey_frame_member" in panel.text("tables")
    assert panel.text("target") == "no target in the passport"
    assert panel.text("problems").endswith("survey_participation.target: no target in the passport")
    assert "ff6961" in panel.values["problems"].styleSheet()
    assert panel.text("series").startswith(participation.series)
    # a rate change: its baseline with period and note, and an amber band in points
    pane.select("security_incidents")
    baseline = panel.text("baseline")
    assert baseline.startswith("7.4 per 10,000 residents a month, 2025-01 – 2025-12\n")
    assert "666 in all" in baseline
    assert panel.text("target") == "≤ −30 %; amber up to 3 percentage points short of it"
    assert "Incident types: BURGLARY, THEFT, VEHICLE, DISPUTE" in panel.text("tables")
    assert panel.text("problems") == ""  # its row hidden


def test_community_breakdown_and_self_vs_assisted(pane: KpiDashboard) -> None:
    pane.set_dashboard(dashboard())
    m = pane.communities_model
    assert [m.index(r, 0).data() for r in range(m.rowCount())] == [
        "West Gate",
        "Ding Zi Gu",
        "North Li",
    ]
    assert m.index(0, 1).data() == "93.8 %"
    assert m.index(0, 2).data() == "30 / 32"
    assert m.index(1, 1).data() == "too little data (n = 18 < 30)"
    assert m.index(2, 1).data() == "fewer than 5: not shown"
    assert m.index(0, 3).data() == "G"
    assert pane.communities_table.isVisibleTo(pane)
    s = pane.split_model
    assert [s.index(r, 0).data() for r in range(s.rowCount())] == ["Self-answered", "Assisted"]
    assert s.index(0, 1).data() == "88.2 %"
    assert s.index(1, 1).data() == "too little data (n = 16 < 30)"
    assert pane.split_table.isVisibleTo(pane)
    assert not pane.run_box.isVisibleTo(pane)  # satisfaction has no run chart
    pane.select("screenings")
    assert m.rowCount() == 0
    assert pane.communities_empty.isVisibleTo(pane)
    assert not pane.split_table.isVisibleTo(pane)


def test_the_run_chart_shows_for_small_counts(pane: KpiDashboard, qtbot: QtBot) -> None:
    pane.set_dashboard(dashboard())
    pane.select("security_incidents")
    assert pane.run_box.isVisibleTo(pane)
    chart = pane.run_chart
    assert chart.values[0] == pytest.approx(5 / 6 - 1)  # each month against its baseline
    assert chart.summary().startswith("Median −41.7 %.")
    assert pane.run_note.text() == chart.summary()
    pane.show()
    qtbot.waitExposed(pane)
    assert not chart.grab().toImage().isNull()


def test_the_run_chart_highlights_a_shift(qtbot: QtBot) -> None:
    chart = RunChartView()
    qtbot.addWidget(chart)
    values: list[float | None] = [9, 8, 9, 10, 8, 9, None, 3, 2, 3, 2, 1, 2, 3]
    run = run_chart(values)
    assert run.shifts
    chart.set_chart(values, [add_months(MONTH, i) for i in range(14)], run, get("screenings").kind)
    shift, _trend = chart.highlighted()
    assert shift == {0, 1, 2, 3, 4, 5}  # six above the median of 3
    assert "A shift: 6 or more points on one side of the median." in chart.summary()
    chart.resize(400, 220)
    image = chart.grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 1)
        for y in range(0, image.height(), 1)
    }
    assert "#e69f00" in colours  # the shift's points, orange
    few: list[float | None] = [3, 1, 4, 1, 5, 9]
    chart.set_chart(few, [add_months(MONTH, i) for i in range(6)], run_chart(few), chart.kind)
    assert chart.summary() == (
        "Median 3.5. Fewer than 10 points off the median: the number of runs is not judged yet."
    )
    chart.set_chart([None, None], list(MONTHS[:2]), run_chart([None, None]), chart.kind)
    assert chart.summary() == "No month has a value: nothing to chart."
    assert not chart.grab().toImage().isNull()


# --- signals -----------------------------------------------------------------------------------


def test_month_buttons_and_keys_ask_for_a_month(pane: KpiDashboard, qtbot: QtBot) -> None:
    pane.set_month(date(2026, 3, 1))
    with qtbot.waitSignal(pane.sig_month) as blocker:
        pane.next_button.click()
    assert blocker.args == [date(2026, 4, 1)]
    focus_table(pane, qtbot)
    with qtbot.waitSignal(pane.sig_month) as blocker:
        qtbot.keyClick(pane.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == [date(2026, 3, 1)]
    with qtbot.waitSignal(pane.sig_month) as blocker:
        pane.month.setDate(pane.month.date().addMonths(-14))
    assert blocker.args == [date(2025, 1, 1)]


def test_community_choice_asks_for_its_figures(pane: KpiDashboard, qtbot: QtBot) -> None:
    pane.set_communities([("C01", "West Gate"), ("C02", "Ding Zi Gu")])
    assert pane.community.itemText(0) == "Whole street"
    with qtbot.waitSignal(pane.sig_community) as blocker:
        pane.community.setCurrentIndex(2)
    assert blocker.args == ["C02"]
    with qtbot.waitSignal(pane.sig_community) as blocker:
        pane.community.setCurrentIndex(0)
    assert blocker.args == [None]
    pane.community.setCurrentIndex(1)
    with qtbot.assertNotEmitted(pane.sig_community):
        pane.set_communities([("C01", "West Gate (renamed)"), ("C03", "North Li")])
    assert pane.chosen_community() == "C01"
    pane.set_dashboard(dashboard(community="C01"))
    assert pane.computed.text() == "2026-03 · West Gate (renamed) · computed at 14:05"


def test_the_month_under_way_is_said_once_above_and_times_are_the_sites(
    pane: KpiDashboard,
) -> None:
    vs = views()
    first = vs[0]
    under_way = as_of_month(first.figure, first.passport, MONTH, MONTH)
    vs[0] = dataclasses.replace(first, figure=under_way, trend=(*first.trend[:-1], under_way))
    pane.set_dashboard(dashboard(vs, zone="Asia/Shanghai"))
    assert pane.computed.text() == (
        "2026-03 · Whole street · computed at 22:05 · month under way: figures so far"
    )
    assert cell(pane, "satisfaction", "value") == "90.0 %"  # not in every row
    tip = cell(pane, "satisfaction", "value", Qt.ItemDataRole.ToolTipRole)
    assert "month under way" in str(tip)
    pane.set_dashboard(dashboard())
    assert "under way" not in pane.computed.text()


def test_f5_refreshes_and_enter_asks_for_the_records(pane: KpiDashboard, qtbot: QtBot) -> None:
    pane.set_dashboard(dashboard(community="C02"))
    focus_table(pane, qtbot)
    with qtbot.waitSignal(pane.sig_refresh):
        qtbot.keyClick(pane.table, Qt.Key.Key_F5)
    pane.select("security_incidents")
    with qtbot.waitSignal(pane.sig_records) as blocker:
        qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert blocker.args == ["security_incidents", MONTH, "C02"]
    with qtbot.waitSignal(pane.sig_records) as blocker:
        pane.records_button.click()
    assert blocker.args == ["security_incidents", MONTH, "C02"]


def test_export_menu_asks_for_each_format(pane: KpiDashboard, qtbot: QtBot) -> None:
    pane.set_dashboard(dashboard())
    asked: list[str] = []
    pane.sig_export.connect(asked.append)
    for fmt in ("pdf", "csv", "xlsx"):
        pane.export_actions[fmt].trigger()
    assert asked == ["pdf", "csv", "xlsx"]


def test_records_are_listed_with_a_note_when_more_exist(pane: KpiDashboard) -> None:
    pane.set_dashboard(dashboard())
    rows = [
        RecordRow("incident", i, datetime(2026, 3, i + 1, 9, 0), "C01", Bilingual("盗窃", "Theft"))
        for i in range(3)
    ] + [
        RecordRow(
            "survey_frame_member",
            41,
            date(2026, 3, 31),
            "C02",
            Bilingual("已作答", "answered"),
            of=7,
        )
    ]
    pane.show_records("security_incidents", rows, truncated=True)
    dialog = pane.records_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.model.rowCount() == 4
    assert dialog.model.index(0, 0).data() == "2026-03-01 09:00"
    assert dialog.model.index(0, 1).data() == "Incident 0"
    assert dialog.model.index(0, 3).data() == "Theft"
    assert dialog.model.index(3, 0).data() == "2026-03-31"  # a day, not a midnight
    assert dialog.model.index(3, 1).data() == "Round 7 · resident 41"
    assert dialog.model.index(3, 3).data() == "answered"
    assert dialog.heading.text() == "Change in security incidents — 2026-03, Whole street"
    assert dialog.note.text().startswith("Only the first 4 records are listed: more exist.")
    pane.show_records("security_incidents", [], truncated=False)
    assert dialog.note.text() == "No records that you may see are behind this figure."
    dialog.close()


# --- language ----------------------------------------------------------------------------------


def test_chinese_shows_the_passports_chinese_names_and_messages(pane: KpiDashboard) -> None:
    pane.set_dashboard(dashboard())
    pane.select("survey_participation")
    pane.set_language(True)
    assert cell(pane, "satisfaction", "name") == "居民满意度"
    assert cell(pane, "survey_participation", "value") == "数据太少（n = 12 < 30）"
    assert cell(pane, "screenings", "value") == "本期无数据"
    assert cell(pane, "job_placements", "target") == "指标说明中没有目标值"
    assert pane.passport.text("owner") == "街道综合办公室（民意调查组）"
    assert pane.selected_key() == "survey_participation"
    pane.set_language(False)
    assert cell(pane, "satisfaction", "name") == "Residents' satisfaction"


def test_a_change_of_the_consoles_language_follows_with_the_passports(
    pane: KpiDashboard, qtbot: QtBot, qapp: QApplication
) -> None:
    from console.i18n import Translations

    pane.set_dashboard(dashboard())
    before = QLocale()
    translations = Translations(qapp)
    try:
        translations.switch("zh_CN")
        qtbot.waitUntil(lambda: cell(pane, "satisfaction", "name") == "居民满意度")
        assert pane.passport.text("owner") == "街道综合办公室（民意调查组）"
    finally:
        translations.switch("en")
        QLocale.setDefault(before)
    qtbot.waitUntil(lambda: cell(pane, "satisfaction", "name") == "Residents' satisfaction")

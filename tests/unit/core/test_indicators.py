"""Indicator passports and figures: worked examples with real numbers, RAG, run charts, cells."""

from __future__ import annotations

import dataclasses
import math
import re
from datetime import date
from pathlib import Path

import pytest

from core.indicators import (
    Bilingual,
    FigureState,
    Kind,
    Op,
    Passport,
    Rag,
    Target,
    amber_band,
    as_suppressed,
    comparable_months,
    count_figure,
    effective_target,
    load_passports,
    month_range,
    parse_period,
    proportion_figure,
    rag,
    rate_change_figure,
    read_passports,
    run_chart,
    runs_limits,
    series_id,
    suppress,
)
from core.survey_score import Z95, wilson

ROOT = Path(__file__).resolve().parents[3]

SATISFACTION = """
[[indicator]]
key = "satisfaction"
version = 1
name = { zh = "满意度", en = "Satisfaction" }
kind = "proportion"
numerator = { zh = "满意的有效答案", en = "Satisfied answers" }
denominator = { zh = "有效答案", en = "Valid answers" }
source = "surveys.measure.csat"
tables = ["survey_response"]
disaggregation = ["community", "mode"]
target = { op = ">=", value = 0.90 }
owner = { zh = "调查组", en = "Survey team" }
limits = { zh = "协助作答偏高", en = "Assisted answers run high" }
"""

INCIDENTS = """
[[indicator]]
key = "security_incidents"
version = 1
name = { zh = "治安案事件变化率", en = "Change in security incidents" }
kind = "rate_change"
numerator = { zh = "四类事件", en = "Incidents of the four types" }
denominator = { zh = "居民人月", en = "Resident-months" }
source = "incidents.rate_change"
tables = ["incident", "incident_type", "community"]
incident_types = ["BURGLARY", "THEFT", "VEHICLE", "DISPUTE"]
baseline = { period = "2025-01..2025-12", note = { zh = "基线年", en = "The baseline year" } }
target = { op = "<=", value = -0.30 }
owner = { zh = "综治办", en = "Safety office" }
limits = { zh = "记录更全", en = "Fuller recording" }
"""

SCREENINGS = """
[[indicator]]
key = "screenings"
version = 1
name = { zh = "心理筛查", en = "Screenings" }
kind = "count"
numerator = { zh = "完成的筛查", en = "Completed screening sittings" }
source = "screenings.complete_sittings"
tables = ["screening"]
target = { op = ">=", value = 10000 }
owner = { zh = "心理服务站", en = "Mental-health service" }
limits = { zh = "计人次", en = "Counts sittings" }
"""


def one(text: str) -> Passport:
    loaded = load_passports(text)
    assert len(loaded.passports) == 1, loaded.problems
    return loaded.passports[0]


def model_tables() -> set[str]:
    # core tests do not import data: the names are read from the models' source text
    text = (ROOT / "data" / "models.py").read_text(encoding="utf-8")
    return set(re.findall(r'__tablename__ = "(\w+)"', text))


# --- proportions -------------------------------------------------------------------------------


def test_the_interval_of_45_of_50_is_the_inverted_score_test() -> None:
    """Wilson's interval is the set of p whose score test z = |p̂ − p| / √(p(1−p)/n) is within
    1.96; found here by bisection, independently of the closed form."""
    k, n = 45, 50

    def z(p: float) -> float:
        return abs(k / n - p) / math.sqrt(p * (1 - p) / n)

    def edge(inside: float, outside: float) -> float:
        for _ in range(100):
            middle = (inside + outside) / 2
            inside, outside = (middle, outside) if z(middle) <= Z95 else (inside, middle)
        return inside

    low, high = edge(0.9, 1e-12), edge(0.9, 1 - 1e-12)
    figure = proportion_figure(k, n, one(SATISFACTION))
    assert figure.state is FigureState.OK
    assert figure.value == pytest.approx(0.9)
    assert figure.low == pytest.approx(low)
    assert figure.high == pytest.approx(high)
    assert (round(low, 4), round(high, 4)) == (0.7864, 0.9565)
    assert (figure.numerator, figure.denominator) == (45, 50)
    assert figure.rag is Rag.GREEN


def test_the_wilson_interval_matches_newcombes_published_example() -> None:
    """Newcombe (1998), Stat Med 17:857-872, Table I: 81/263 gives 0.2553 to 0.3662."""
    low, high = wilson(81, 263)
    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)


def test_three_answers_of_three_say_too_little_data_not_100_percent() -> None:
    figure = proportion_figure(30, 30, one(SATISFACTION))
    assert figure.value == 1.0
    few = proportion_figure(29, 29, one(SATISFACTION))
    assert few.state is FigureState.TOO_LITTLE
    assert few.value is None
    assert few.low is None
    assert few.rag is Rag.NONE
    assert (few.numerator, few.denominator) == (29, 29)
    assert "n = 29 < 30" in few.message.en
    tiny = proportion_figure(3, 3, one(SATISFACTION))
    assert tiny.state is FigureState.SUPPRESSED
    assert tiny.value is None
    assert tiny.numerator is None
    assert tiny.denominator is None
    assert tiny.message.en == "fewer than 5: not shown"


def test_no_answers_is_no_data_rather_than_zero() -> None:
    figure = proportion_figure(0, 0, one(SATISFACTION))
    assert figure.state is FigureState.NO_DATA
    assert figure.value is None
    assert figure.message.en == "no data for this period"


def test_a_min_n_in_the_passport_replaces_the_default() -> None:
    passport = one(SATISFACTION.replace('kind = "proportion"', 'kind = "proportion"\nmin_n = 10'))
    assert proportion_figure(9, 10, passport).state is FigureState.OK
    assert proportion_figure(8, 9, passport).state is FigureState.TOO_LITTLE


def test_communities_are_not_suppressed_like_people() -> None:
    text = SATISFACTION.replace('kind = "proportion"', 'kind = "proportion"\nmin_n = 1')
    passport = one(text.replace('source = "', 'personal = false\nsource = "'))
    figure = proportion_figure(3, 3, passport)
    assert (figure.state, figure.value) == (FigureState.OK, 1.0)


def test_more_registered_than_the_population_is_an_error_not_a_percentage() -> None:
    figure = proportion_figure(76_000, 75_280, one(SATISFACTION))
    assert figure.state is FigureState.ERROR
    assert figure.value is None
    assert "76000 is larger than the denominator 75280" in figure.message.en


# --- rate change -------------------------------------------------------------------------------


def test_120_events_against_180_over_a_year_of_75000_residents_is_down_a_third() -> None:
    months = 12 * 75_000  # resident-months
    figure = rate_change_figure(120, months, 180, months, one(INCIDENTS))
    assert figure.state is FigureState.OK
    assert figure.value == pytest.approx(-1 / 3)
    assert figure.rate is not None
    assert figure.rate.current_rate == pytest.approx(120 / 900_000 * 10_000)  # 1.333
    assert figure.rate.baseline_rate == pytest.approx(2.0)
    # log rate ratio ± 1.96 √(1/120 + 1/180): e^(ln(2/3) ± 0.2310) − 1 = −47.1 % .. −16.0 %
    half = 1.959964 * math.sqrt(1 / 120 + 1 / 180)
    assert figure.low == pytest.approx(math.exp(math.log(2 / 3) - half) - 1, abs=1e-5)
    assert figure.high == pytest.approx(math.exp(math.log(2 / 3) + half) - 1, abs=1e-5)
    assert figure.low is not None
    assert figure.high is not None
    assert (round(figure.low, 3), round(figure.high, 3)) == (-0.471, -0.160)
    assert figure.rag is Rag.GREEN  # −33.3 % meets "<= −30 %"
    assert not figure.small
    assert (figure.numerator, figure.denominator) == (120, 900_000)


def test_a_population_of_zero_in_the_site_file_is_said_not_divided_by() -> None:
    figure = rate_change_figure(3, 0, 5, 0, one(INCIDENTS))
    assert figure.state is FigureState.ERROR
    assert figure.message.en.startswith("population is 0 in the site file")
    missing = rate_change_figure(3, None, 5, 12_000, one(INCIDENTS))
    assert missing.state is FigureState.ERROR


def test_a_baseline_rate_of_zero_is_an_error() -> None:
    figure = rate_change_figure(4, 900_000, 0, 900_000, one(INCIDENTS))
    assert figure.state is FigureState.ERROR
    assert "baseline rate is 0" in figure.message.en


def test_few_events_are_marked_small_for_a_run_chart() -> None:
    # one community of 4,000 people, one month: 2 thefts against 5
    figure = rate_change_figure(2, 4_000, 5, 4_000, one(INCIDENTS))
    assert figure.small
    assert figure.value == pytest.approx(-0.6)
    assert "run chart" in figure.message.en
    none = rate_change_figure(0, 4_000, 5, 4_000, one(INCIDENTS))
    assert none.value == pytest.approx(-1.0)
    assert none.low is None
    assert none.high is None
    assert rate_change_figure(None, 4_000, 5, 4_000, one(INCIDENTS)).state is FigureState.NO_DATA


# --- counts and RAG ----------------------------------------------------------------------------


def test_a_count_is_amber_within_ten_percent_of_its_target() -> None:
    passport = one(SCREENINGS)
    assert amber_band(passport) == pytest.approx(1000)
    assert count_figure(10_000, passport).rag is Rag.GREEN
    assert count_figure(9_000, passport).rag is Rag.AMBER
    assert count_figure(8_999, passport).rag is Rag.RED
    assert count_figure(None, passport).state is FigureState.NO_DATA
    assert count_figure(0, passport).state is FigureState.OK  # a real zero is not "no data"


def test_rag_boundaries_for_an_at_least_target() -> None:
    target = Target(Op.AT_LEAST, 0.90)
    assert rag(0.90, target, 0.09) is Rag.GREEN
    assert rag(0.95, target, 0.09) is Rag.GREEN
    assert rag(0.81, target, 0.09) is Rag.AMBER
    assert rag(0.8099, target, 0.09) is Rag.RED
    assert rag(45 / 50, target, 0.09) is Rag.GREEN


def test_rag_boundaries_for_an_at_most_target_lie_above_it() -> None:
    target = Target(Op.AT_MOST, -0.30)
    assert rag(-0.35, target, 0.03) is Rag.GREEN
    assert rag(-0.30, target, 0.03) is Rag.GREEN
    assert rag(-0.27, target, 0.03) is Rag.AMBER
    assert rag(-0.2699, target, 0.03) is Rag.RED
    assert rag(0.10, target, 0.03) is Rag.RED


def test_rag_is_none_without_a_value_or_a_target() -> None:
    assert rag(None, Target(Op.AT_LEAST, 1.0), 0.1) is Rag.NONE
    assert rag(0.5, None, 0.1) is Rag.NONE


def test_a_relative_target_waits_for_its_baseline_value() -> None:
    text = SATISFACTION.replace(
        'target = { op = ">=", value = 0.90 }',
        'baseline = { period = "2025-01..2025-12" }\n'
        'target = { op = ">=", value = 0.20, relative = true }',
    )
    passport = one(text)
    waiting = proportion_figure(40, 50, passport)
    assert waiting.state is FigureState.NO_TARGET
    assert waiting.value == pytest.approx(0.8)  # the value is still shown
    assert waiting.message.en.startswith("baseline not yet measured")
    measured = one(text.replace('{ period = "2025', '{ value = 0.60, period = "2025'))
    target = effective_target(measured)
    assert target is not None
    assert target.value == pytest.approx(0.72)
    assert proportion_figure(36, 50, measured).rag is Rag.GREEN
    assert proportion_figure(33, 50, measured).rag is Rag.AMBER  # 0.66 >= 0.72 − 0.072
    assert proportion_figure(32, 50, measured).rag is Rag.RED


# --- run charts --------------------------------------------------------------------------------


def test_a_shift_needs_six_points_on_one_side() -> None:
    six = [1, 9, 9, 9, 9, 9, 9, 1, 1, 1, 1, 1, 5]  # median 5: indices 1..6 above
    chart = run_chart(six)
    assert chart.median == 5
    assert chart.shifts == ((1, 6),)
    five = [1, 9, 9, 9, 9, 9, 1, 1, 1, 1, 1, 9, 5]  # five above, then five below
    chart = run_chart(five)
    assert chart.median == 5
    assert chart.shifts == ()


def test_points_on_the_median_neither_break_nor_add_to_a_shift() -> None:
    # median 5; indices 2..8 hold six points above with one on the median among them
    values = [1, 1, 8, 8, 8, 5, 8, 8, 8, 1, 1, 1, 5]
    chart = run_chart(values)
    assert chart.median == 5
    assert chart.shifts == ((2, 8),)
    # five above with one on the median is still only five
    assert run_chart([1, 1, 8, 8, 5, 8, 8, 8, 1, 1, 1, 1, 5]).shifts == ()


def test_a_trend_needs_five_points_going_one_way() -> None:
    assert run_chart([3, 1, 2, 3, 4, 5, 2]).trends == ((1, 5),)
    assert run_chart([3, 1, 2, 3, 4, 2]).trends == ()
    assert run_chart([9, 8, 7, 6, 5]).trends == ((0, 4),)


def test_equal_neighbours_neither_break_nor_add_to_a_trend() -> None:
    assert run_chart([1, 2, 2, 3, 4, 5]).trends == ((0, 5),)
    assert run_chart([1, 2, 2, 3, 4, 4]).trends == ()


def test_a_turning_point_can_end_one_trend_and_start_the_next() -> None:
    assert run_chart([1, 2, 3, 4, 5, 4, 3, 2, 1]).trends == ((0, 4), (4, 8))


def test_the_runs_limits_are_swed_and_eisenharts_critical_values() -> None:
    """Swed & Eisenhart (1943), two-sided 5 %: 5 and 5 points reject at ≤ 2 or ≥ 10 runs,
    8 and 8 at ≤ 4 or ≥ 14, 10 and 10 at ≤ 6 or ≥ 16."""
    assert runs_limits(10) == (3, 9)
    assert runs_limits(16) == (5, 13)
    assert runs_limits(20) == (7, 15)


def test_too_few_and_too_many_runs_are_flagged() -> None:
    steady = [1] * 10 + [9] * 10
    chart = run_chart(steady)
    assert chart.runs == 2
    assert chart.too_few_runs
    zigzag = [1, 9] * 10
    chart = run_chart(zigzag)
    assert chart.runs == 20
    assert chart.too_many_runs
    assert not chart.trends
    assert not chart.shifts


def test_fewer_than_ten_useful_points_are_too_few_for_the_runs_rule() -> None:
    chart = run_chart([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    assert chart.useful == 10
    assert not chart.too_few_points
    chart = run_chart([1, 2, 3, 4, 5, 6, 7, 8, 9])  # 5 is the median: 8 useful points
    assert chart.useful == 8
    assert chart.too_few_points
    assert chart.expected_runs is None
    assert not chart.too_few_runs
    assert chart.trends == ((0, 8),)  # trends and shifts are still found


def test_a_baseline_median_is_frozen_for_later_points() -> None:
    values = [4, 5, 6, 5, 4, 6, 9, 9, 9, 9, 9, 9]
    assert run_chart(values).median == 7.5
    frozen = run_chart(values, median_of_first=6)
    assert frozen.median == 5
    assert frozen.shifts == ((5, 11),)  # the baseline's own 6 is above its median too


def test_months_without_data_are_skipped_by_the_run_chart() -> None:
    chart = run_chart([None, 1, 2, None, 3, 4, 5, None])
    assert chart.trends == ((1, 6),)
    assert run_chart([None, None]).median is None


# --- suppression -------------------------------------------------------------------------------


def test_a_single_hidden_cell_forces_a_second() -> None:
    cells = {"C01": (3, 4), "C02": (40, 50), "C03": (20, 30), "C04": (0, 0)}
    assert suppress(cells) == {"C01", "C03"}


def test_two_hidden_cells_need_no_third_and_a_small_total_hides_itself() -> None:
    assert suppress({"C01": (1, 2), "C02": (3, 3), "C03": (40, 50)}) == {"C01", "C02"}
    assert suppress({"C01": (1, 2), "C02": (0, 0)}) == {"C01"}
    assert suppress({"C01": (9, 10), "C02": (20, 30)}) == set()


def test_a_hidden_cell_loses_its_numbers() -> None:
    figure = as_suppressed(proportion_figure(40, 50, one(SATISFACTION)), complement=True)
    assert figure.state is FigureState.SUPPRESSED
    assert (figure.value, figure.numerator, figure.denominator) == (None, None, None)
    assert "worked out" in figure.message.en


# --- passports ---------------------------------------------------------------------------------


def test_the_repository_passports_load_without_problems() -> None:
    text = (ROOT / "resources" / "indicators.toml").read_text(encoding="utf-8")
    site = (ROOT / "resources" / "demo" / "site.toml").read_text(encoding="utf-8")
    types = set(re.findall(r'^code = "([A-Z_]+)"', site, re.MULTILINE))
    loaded = load_passports(text, model_tables(), types)
    assert loaded.problems == ()
    keys = {p.key for p in loaded.passports}
    assert keys == {
        "community_coverage",
        "population_coverage",
        "service_terminals",
        "screenings",
        "counselling_contacts",
        "people_tracked",
        "job_placements",
        "survey_participation",
        "feedback_answered",
        "security_incidents",
        "satisfaction",
        "convenience",
        "awareness",
    }
    incidents = loaded.get("security_incidents")
    assert incidents is not None
    assert incidents.kind is Kind.RATE_CHANGE
    assert incidents.incident_types == ("BURGLARY", "THEFT", "VEHICLE", "DISPUTE")
    satisfaction = loaded.get("satisfaction")
    assert satisfaction is not None
    assert "mode" in satisfaction.disaggregation
    for passport in loaded.passports:
        assert passport.limits.zh, passport.key
        assert passport.limits.en, passport.key
        assert (passport.denominator is None) == (passport.kind is Kind.COUNT), passport.key
    assert len({p.series for p in loaded.passports}) == len(loaded.passports)


def test_a_missing_target_is_reported_and_the_figure_says_so() -> None:
    text = SATISFACTION.replace('target = { op = ">=", value = 0.90 }\n', "")
    loaded = load_passports(text)
    problem = loaded.problems_of("satisfaction")[0]
    assert (problem.key, problem.field, problem.blocking) == ("satisfaction", "target", False)
    assert problem.line == 2  # the [[indicator]] header: the field has no line of its own
    passport = loaded.passports[0]
    assert passport.problems == (problem,)
    figure = proportion_figure(45, 50, passport)
    assert figure.state is FigureState.NO_TARGET
    assert figure.value == pytest.approx(0.9)
    assert figure.message.en == "no target in the passport"


def test_a_table_missing_from_the_database_is_named_and_blocks_the_figure() -> None:
    text = SATISFACTION.replace('["survey_response"]', '["survey_response", "survey_replies"]')
    loaded = load_passports(text, model_tables())
    (problem,) = loaded.problems
    assert (problem.key, problem.field, problem.blocking) == ("satisfaction", "tables", True)
    assert "survey_replies" in problem.message
    assert problem.line == 10  # tables = […]
    passport = loaded.passports[0]
    assert not passport.usable
    figure = proportion_figure(45, 50, passport)
    assert figure.state is FigureState.ERROR
    assert "survey_replies" in figure.message.en
    assert figure.value is None


def test_a_toml_syntax_error_is_reported_with_its_line() -> None:
    text = SATISFACTION.replace("version = 1", "version = = 1")
    loaded = load_passports(text)
    assert loaded.passports == ()
    (problem,) = loaded.problems
    assert (problem.key, problem.field, problem.line) == (None, "toml", 4)
    assert problem.message.startswith("syntax error")


def test_each_fault_of_a_broken_file_names_its_indicator_and_field() -> None:
    jobs = SCREENINGS.replace('"screenings"', '"jobs"').replace("value = 10000", "value = 90")
    broken = (
        SATISFACTION.replace('op = ">="', 'op = "=>"')
        + SATISFACTION.replace("Satisfaction", "Again")
        + SCREENINGS.replace('kind = "count"', 'kind = "total"')
        + INCIDENTS.replace('period = "2025-01..2025-12", ', "")
        + jobs.replace("target =", "targte =")
    )
    loaded = load_passports(broken)
    assert all(p.line is not None for p in loaded.problems)
    duplicate = next(p for p in loaded.problems if p.field == "key")
    assert duplicate.line is not None
    assert broken.split("\n")[duplicate.line - 1] == 'key = "satisfaction"'
    assert duplicate.line > 3  # the second one's, not the first's
    found = {(p.key, p.field) for p in loaded.problems}
    assert found == {
        ("satisfaction", "target.op"),
        ("satisfaction", "key"),  # the duplicate
        ("screenings", "kind"),
        ("security_incidents", "baseline.period"),
        ("jobs", "targte"),
        ("jobs", "target"),
    }
    assert [p.key for p in loaded.passports] == ["satisfaction", "security_incidents", "jobs"]
    first = loaded.get("satisfaction")
    assert first is not None
    assert first.target is None
    assert first.name.en == "Satisfaction"
    incidents = loaded.get("security_incidents")
    assert incidents is not None
    assert not incidents.usable
    assert rate_change_figure(1, 1, 1, 1, incidents).state is FigureState.ERROR


def test_a_proportion_target_written_as_a_percentage_is_caught() -> None:
    loaded = load_passports(SATISFACTION.replace("value = 0.90", "value = 90"))
    (problem,) = loaded.problems
    assert problem.field == "target.value"
    assert "0.95" in problem.message


def test_an_unreadable_passports_file_is_a_problem(tmp_path: Path) -> None:
    loaded = read_passports(tmp_path / "missing.toml")
    assert loaded.passports == ()
    assert loaded.problems[0].field == "file"
    good = tmp_path / "indicators.toml"
    good.write_bytes(b"\xef\xbb\xbf" + SCREENINGS.encode("utf-8"))
    assert read_passports(good).problems == ()


def test_a_changed_numerator_starts_a_new_series_and_a_new_name_does_not() -> None:
    passport = one(SATISFACTION)
    renamed = dataclasses.replace(passport, name=Bilingual("居民满意率", "Happy residents"))
    relimited = dataclasses.replace(passport, limits=Bilingual("新", "new"))
    redefined = dataclasses.replace(
        passport, numerator=Bilingual("非常满意的答案", "Very satisfied answers")
    )
    bumped = dataclasses.replace(passport, version=2)
    assert series_id(renamed) == series_id(relimited) == series_id(passport)
    assert series_id(redefined) != series_id(passport)
    assert series_id(bumped) != series_id(passport)
    assert len(series_id(passport)) == 12
    assert proportion_figure(45, 50, passport).series == series_id(passport)


def test_a_figure_of_the_wrong_kind_is_refused() -> None:
    figure = count_figure(12, one(SATISFACTION))
    assert figure.state is FigureState.ERROR
    assert "not a count" in figure.message.en


# --- months ------------------------------------------------------------------------------------


def test_month_range_gives_the_first_day_of_each_month() -> None:
    assert month_range(date(2025, 11, 15), date(2026, 2, 3)) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
    assert month_range(date(2026, 2, 1), date(2026, 1, 1)) == []


def test_the_baseline_months_are_the_same_calendar_months() -> None:
    baseline = parse_period("2025-01..2025-12")
    current = month_range(date(2025, 11, 1), date(2026, 2, 1))
    assert comparable_months(current, baseline) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2025, 1, 1),
        date(2025, 2, 1),
    ]
    with pytest.raises(ValueError, match="not in the baseline"):
        comparable_months([date(2026, 7, 1)], parse_period("2025-01..2025-06"))
    with pytest.raises(ValueError, match="not a month"):
        parse_period("2025-13..2026-01")

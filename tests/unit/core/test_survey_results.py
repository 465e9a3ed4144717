"""Round results: worked examples of CSAT, NPS and participation, self vs assisted, suppression."""

from __future__ import annotations

import random
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.survey import Choice, Form, Kind, Question
from core.survey_results import (
    ASSISTED,
    COLUMNS,
    SELF,
    TOTAL,
    Cell,
    FrameCell,
    NpsFigure,
    ResultRow,
    RoundResults,
    Split,
    compute,
    percent,
    suppressed_cells,
)
from core.survey_score import Figure, NoData, NpsScore, Proportion, Suppressed

SAT = Question(
    "sat",
    Kind.SINGLE,
    "Satisfied?",
    choices=tuple(Choice(c, c) for c in ("1", "2", "3", "4", "5", "dk")),
    measure="csat",
    satisfied=("4", "5"),
    dont_know=("dk",),
)
STARS = Question("stars", Kind.RATING, "Stars?", max=5, measure="csat", satisfied=("4", "5"))
REC = Question("rec", Kind.NPS, "Recommend?")
HELP = Question(
    "help", Kind.MULTIPLE, "Help?", choices=(Choice("meals", "Meals"), Choice("visits", "Visits"))
)
NOTE = Question("note", Kind.TEXT, "Anything else?")
FORM = Form("SAT", "Satisfaction", 1, (SAT, STARS, REC, HELP, NOTE))
FRAME = (FrameCell("C01", "60-69", False, 100), FrameCell("C02", "70-79", True, 25))


def row(
    answers: Mapping[str, object],
    mode: str = "kiosk",
    community: str = "C01",
    *,
    helped: bool = False,
    complete: bool = True,
) -> ResultRow:
    band, care = ("60-69", False) if community == "C01" else ("70-79", True)
    return ResultRow(answers, mode, helped, community, band, care, complete)


def worked_rows() -> list[ResultRow]:
    """50 self-answered in C01 (45 satisfied), 3 don't know, 2 blank; 20 by phone in C02 (19
    satisfied); 4 partial kiosk sessions. NPS: self 30×10, 10×8, 10×3; assisted 5×9, 5×7, 10×0."""
    rows = [row({"sat": "5", "rec": 10}) for _ in range(30)]
    rows += [row({"sat": "5", "rec": 8}) for _ in range(10)]
    rows += [row({"sat": "5", "rec": 3}) for _ in range(5)]
    rows += [row({"sat": "2", "rec": 3}, "self") for _ in range(5)]
    rows += [row({"sat": "dk"}) for _ in range(3)] + [row({}) for _ in range(2)]
    rows += [row({"sat": "4", "rec": 9}, "phone", "C02") for _ in range(5)]
    rows += [row({"sat": "4", "rec": 7}, "phone", "C02") for _ in range(5)]
    rows += [row({"sat": "4", "rec": 0}, "phone", "C02") for _ in range(9)]
    rows += [row({"sat": "1", "rec": 0}, "phone", "C02")]
    rows += [row({"sat": "1"}, complete=False) for _ in range(4)]
    return rows


def close(fig: object, p: float, lower: float, upper: float) -> None:
    assert isinstance(fig, Proportion), fig
    assert fig.p == pytest.approx(p, abs=5e-5)
    assert fig.lower == pytest.approx(lower, abs=5e-5)
    assert fig.upper == pytest.approx(upper, abs=5e-5)


def test_csat_worked_example_self_and_assisted_side_by_side() -> None:
    res = compute(FORM, worked_rows(), FRAME)
    (sat, stars) = res.csat
    assert sat.question == "sat"
    # hand-computed Wilson 95 % intervals (the quadratic's roots, not the code's formula)
    close(sat.overall.self_answered, 0.9, 0.7864, 0.9565)
    close(sat.overall.assisted, 0.95, 0.7639, 0.9911)
    close(sat.overall.total, 64 / 70, 0.8253, 0.9601)
    assert isinstance(sat.overall.total, Proportion)
    assert (sat.overall.total.k, sat.overall.total.n) == (64, 70)  # dk and blanks left out
    assert stars.overall == type(stars.overall)(NoData(), NoData(), NoData())
    by = {g.value: g.figure for g in sat.by("community")}
    close(by["C01"].self_answered, 0.9, 0.7864, 0.9565)
    assert isinstance(by["C01"].assisted, NoData)
    close(by["C02"].assisted, 0.95, 0.7639, 0.9911)
    care = {g.value: g.figure for g in sat.by("care_flag")}
    close(care["care"].total, 0.95, 0.7639, 0.9911)


def test_nps_worked_example() -> None:
    (rec,) = compute(FORM, worked_rows(), FRAME).nps
    expected = {SELF: (50, 40.0, 17.83, 62.17), ASSISTED: (20, -25.0, -61.34, 11.34)}
    expected[TOTAL] = (70, 21.43, 1.28, 41.58)
    for col, (n, score, lo, hi) in expected.items():
        fig = rec.overall.get(col)
        assert isinstance(fig, NpsScore)
        assert fig.n == n
        assert (fig.score, fig.lower, fig.upper) == pytest.approx((score, lo, hi), abs=0.005)


def test_participation_counts_complete_respondents_and_partial_apart() -> None:
    res = compute(FORM, worked_rows(), FRAME)
    assert res.frame == 125
    assert (res.respondents.self_answered, res.respondents.assisted) == (55, 20)
    assert res.respondents.total == 75
    assert (res.partial.self_answered, res.partial.assisted, res.partial.total) == (4, 0, 4)
    close(res.participation.total, 0.6, 0.5124, 0.6817)
    close(res.participation.self_answered, 0.44, 0.3561, 0.5275)
    close(res.participation.assisted, 0.16, 0.1060, 0.2342)
    by = {(g.dimension, g.value): g.figure for g in res.participation_groups}
    close(by[("community", "C01")].total, 0.55, 0.4524, 0.6439)
    close(by[("age_band", "70-79")].total, 0.8, 0.6087, 0.9114)


def test_distributions_count_each_option() -> None:
    res = compute(FORM, worked_rows(), FRAME)
    dist = {d.question: d for d in res.distributions}
    assert set(dist) == {"sat", "stars", "rec", "help"}
    sat = {o.code: o.count for o in dist["sat"].options}
    assert sat["5"].self_answered == 45
    assert sat["5"].total == 45
    # "dk": 3 self answers, hidden; "2" (5), the smallest other self option, hides it
    assert isinstance(sat["dk"].self_answered, Suppressed)
    assert isinstance(sat["2"].self_answered, Suppressed)
    # "1": one assisted answer, hidden; its total would give it away, and so would "4" (19),
    # the only other assisted option, by subtraction from the 20 assisted answers
    assert isinstance(sat["1"].assisted, Suppressed)
    assert isinstance(sat["1"].total, Suppressed)
    assert isinstance(sat["4"].assisted, Suppressed)
    assert dist["sat"].answered.assisted == 20
    assert isinstance(sat["dk"].total, Suppressed)
    assert dist["sat"].answered.total == 73


def test_a_small_group_is_hidden_with_its_complement() -> None:
    rows = [r for r in worked_rows() if r.community == "C01"]
    rows += [row({"sat": "5"}, "staff", "C01") for _ in range(3)]
    rows += [row({"sat": "5"}, "phone", "C02") for _ in range(10)]
    (sat, _) = compute(FORM, rows, FRAME).csat
    by = {g.value: g.figure for g in sat.by("community")}
    assert isinstance(by["C01"].assisted, Suppressed)  # 3 answers
    assert isinstance(by["C01"].self_answered, Suppressed)  # else total − self gives it
    assert isinstance(by["C02"].assisted, Suppressed)  # else overall − C02 gives C01
    assert isinstance(sat.overall.total, Proportion)


def test_percent_texts() -> None:
    assert percent(Suppressed()) == "<5"
    assert percent(NoData()) == "–"
    assert percent(Proportion(45, 50, 0.9, 0.78639, 0.95652)) == "90.0 % [78.6–95.7]"
    assert percent(NpsScore(20, 10, 6, 20.0, -18.2, 58.2)) == "+20 [-18–+58]"


def test_an_empty_round_is_empty() -> None:
    res = compute(FORM, [], FRAME)
    assert res.empty
    assert isinstance(res.csat[0].overall.total, NoData)
    assert isinstance(res.participation.total, Proportion)


# --- properties ----------------------------------------------------------------------------

rows_st = st.lists(
    st.builds(
        row,
        st.fixed_dictionaries(
            {},
            optional={
                "sat": st.sampled_from(["1", "2", "3", "4", "5", "dk", "bogus"]),
                "stars": st.integers(1, 5),
                "rec": st.integers(0, 10),
                "help": st.lists(st.sampled_from(["meals", "visits"]), unique=True),
            },
        ),
        st.sampled_from(["self", "kiosk", "staff", "phone", "family"]),
        st.sampled_from(["C01", "C02", "C03"]),
        helped=st.booleans(),
        complete=st.sampled_from([True, True, True, False]),
    ),
    max_size=80,
)


def _derivable(sizes: Mapping[Cell, int], hidden: set[Cell]) -> set[Cell]:
    """Hidden cells an attacker finds by subtraction (row and column sums, repeatedly)."""
    known = {c: n for c, n in sizes.items() if c not in hidden}
    rows = {(d, v) for d, v, _ in sizes}
    equations = [[(d, v, SELF), (d, v, ASSISTED), (d, v, TOTAL)] for d, v in rows]
    for dim in {d for d, _ in rows if d}:
        for col in COLUMNS:
            cells = [c for c in sizes if c[0] == dim and c[2] == col]
            equations.append([*cells, ("", "", col)])
    found = True
    while found:
        found = False
        for eq in equations:
            unknown = [c for c in eq if c in sizes and c not in known]
            missing_zero = [c for c in eq if c not in sizes]
            for c in missing_zero:
                known[c] = 0
            if len(unknown) == 1:
                (c,) = unknown
                parts = eq[:-1]
                total = eq[-1]
                if c == total:
                    known[c] = sum(known[p] for p in parts)
                else:
                    known[c] = known[total] - sum(known[p] for p in parts if p != c)
                found = True
    return {c for c in hidden if c in known}


@settings(max_examples=150, deadline=None)
@given(rows_st)
def test_suppression_never_leaks_a_small_cell(rows: list[ResultRow]) -> None:
    res = compute(FORM, rows, FRAME)
    splits: list[Split[Figure] | Split[NpsFigure]] = []
    for m in res.csat:
        splits += [m.overall, *(g.figure for g in m.groups)]
    for mn in res.nps:
        splits += [mn.overall, *(g.figure for g in mn.groups)]
    for split in splits:
        for col in COLUMNS:
            fig = split.get(col)
            n = fig.n if isinstance(fig, (Proportion, NpsScore)) else None
            assert n is None or n >= 5


_part = st.sampled_from([0, 1, 2, 4, 5, 6, 20])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 1), _part, _part), min_size=1, max_size=6)
)
def test_no_hidden_cell_can_be_worked_back(people: list[tuple[int, int, int, int]]) -> None:
    """Two breakdowns of the same answers (as community and care flag are), each adding up to
    the overall row; no hidden cell may follow from one row or column sum."""
    sizes: dict[Cell, int] = {}
    for g, h, s, a in people:
        for dim, value in (("d", f"g{g}"), ("e", f"h{h}")):
            for col, n in ((SELF, s), (ASSISTED, a), (TOTAL, s + a)):
                sizes[(dim, value, col)] = sizes.get((dim, value, col), 0) + n
    for col in COLUMNS:
        sizes[("", "", col)] = sum(n for c, n in sizes.items() if c[0] == "d" and c[2] == col)
    hidden = suppressed_cells(sizes)
    assert all(c in hidden for c, n in sizes.items() if 0 < n < 5)
    assert not {c for c in _derivable(sizes, hidden) if sizes[c] > 0}


@settings(max_examples=150, deadline=None)
@given(rows_st)
def test_self_and_assisted_add_up_to_the_total(rows: list[ResultRow]) -> None:
    res = compute(FORM, rows, FRAME)
    for counts in (res.respondents, res.partial):
        assert counts.self_answered + counts.assisted == counts.total
    assert res.respondents.total == sum(r.complete for r in rows)
    for m in res.csat:
        for split in (m.overall, *(g.figure for g in m.groups)):
            parts = [split.self_answered, split.assisted]
            if isinstance(split.total, Proportion) and all(
                isinstance(p, (Proportion, NoData)) for p in parts
            ):
                ks = sum(p.k for p in parts if isinstance(p, Proportion))
                ns = sum(p.n for p in parts if isinstance(p, Proportion))
                assert (ks, ns) == (split.total.k, split.total.n)


@settings(max_examples=100, deadline=None)
@given(rows_st, st.randoms(use_true_random=False))
def test_results_do_not_depend_on_row_order(rows: list[ResultRow], rnd: random.Random) -> None:
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    first: RoundResults = compute(FORM, rows, FRAME)
    assert compute(FORM, shuffled, FRAME) == first

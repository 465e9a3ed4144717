"""core.screening: published wording and keys, scoring at every cut-off, risk items, licences."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from core.screening import (
    BUILT_IN,
    GAD2_INSTRUMENT,
    GAD7_INSTRUMENT,
    GDS15_INSTRUMENT,
    PHQ2_INSTRUMENT,
    PHQ9_INSTRUMENT,
    RESTRICTED,
    IncompleteScreening,
    Instrument,
    InvalidAnswer,
    Licence,
    LicenceMissing,
    LicenceRecord,
    built_in,
    missing_items,
    next_item,
    register_licensed,
    risk_items,
    score,
    with_risk_question,
)

TODAY = date(2026, 11, 30)
HOLDER = "街道社区卫生服务中心"


def answers(*scores: int) -> dict[int, object]:
    """Item n gets the n-th score."""
    return {n: s for n, s in enumerate(scores, start=1)}


# --- The library ---------------------------------------------------------------------------


def test_each_built_in_has_its_published_item_count_range_and_licence() -> None:
    shape = {
        "PHQ-2": (2, 6, 3, Licence.FREE_NO_PERMISSION),
        "PHQ-9": (9, 27, 10, Licence.FREE_NO_PERMISSION),
        "GAD-2": (2, 6, 3, Licence.FREE_NO_PERMISSION),
        "GAD-7": (7, 21, 10, Licence.FREE_NO_PERMISSION),
        "GDS-15": (15, 15, 5, Licence.PUBLIC_DOMAIN),
    }
    assert set(BUILT_IN) == set(shape)
    for code, (n, top, positive_at, licence) in shape.items():
        i = built_in(code)
        assert (len(i.items), i.max_total, i.positive_at, i.licence) == (
            n,
            top,
            positive_at,
            licence,
        ), code
        assert all((i.source, i.licence_note, i.wording_note)), code
        assert all(item.zh and item.en for item in i.items), code


@pytest.mark.parametrize("instrument", list(BUILT_IN.values()), ids=list(BUILT_IN))
def test_bands_cover_every_total_once_without_gaps(instrument: Instrument) -> None:
    covered = [t for b in instrument.bands for t in range(b.lower, b.upper + 1)]
    assert covered == list(range(instrument.max_total + 1))


def test_the_short_forms_are_the_first_two_items_of_the_long_forms() -> None:
    assert PHQ2_INSTRUMENT.items == PHQ9_INSTRUMENT.items[:2]
    assert GAD2_INSTRUMENT.items == GAD7_INSTRUMENT.items[:2]


def test_phq_and_gad_ask_about_the_last_two_weeks_and_gds_about_the_past_week() -> None:
    for i in (PHQ2_INSTRUMENT, PHQ9_INSTRUMENT, GAD2_INSTRUMENT, GAD7_INSTRUMENT):
        assert (i.time_frame_zh, i.time_frame_en) == ("过去两周", "over the last 2 weeks")
        assert "两个星期" in i.instructions_zh
        assert "2 weeks" in i.instructions_en
    assert GDS15_INSTRUMENT.time_frame_en == "over the past week"


def test_wording_of_the_risk_item_and_the_options_is_the_published_one() -> None:
    item9 = PHQ9_INSTRUMENT.item(9)
    assert item9.zh == "有不如死掉或用某种方式伤害自己的念头"
    assert item9.en == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert [(o.score, o.zh, o.en) for o in item9.options] == [
        (0, "完全不会", "Not at all"),
        (1, "好几天", "Several days"),
        (2, "一半以上的天数", "More than half the days"),
        (3, "几乎每天", "Nearly every day"),
    ]
    assert GAD7_INSTRUMENT.item(1).zh == "感觉紧张，焦虑或急切"
    assert GAD7_INSTRUMENT.item(1).en == "Feeling nervous, anxious or on edge"


def test_gds15_is_reverse_keyed_on_items_1_5_7_11_13_as_published() -> None:
    scoring_no = {i.number for i in GDS15_INSTRUMENT.items if i.option("no").score == 1}
    scoring_yes = {i.number for i in GDS15_INSTRUMENT.items if i.option("yes").score == 1}
    assert scoring_no == {1, 5, 7, 11, 13}
    assert scoring_yes == set(range(1, 16)) - {1, 5, 7, 11, 13}


# --- PHQ-9 and GAD-7 at each cut-off -------------------------------------------------------

PHQ9_CASES = [
    # hand-summed item scores, total, band, positive (>= 10)
    ((0, 0, 0, 0, 0, 0, 0, 0, 0), 0, "minimal", False),
    ((1, 1, 1, 1, 0, 0, 0, 0, 0), 4, "minimal", False),
    ((1, 1, 1, 1, 1, 0, 0, 0, 0), 5, "mild", False),
    ((2, 2, 2, 1, 1, 1, 0, 0, 0), 9, "mild", False),
    ((2, 2, 2, 2, 1, 1, 0, 0, 0), 10, "moderate", True),
    ((3, 3, 2, 2, 2, 1, 1, 0, 0), 14, "moderate", True),
    ((3, 3, 2, 2, 2, 1, 1, 1, 0), 15, "moderately_severe", True),
    ((3, 3, 3, 3, 3, 2, 1, 1, 0), 19, "moderately_severe", True),
    ((3, 3, 3, 3, 3, 2, 2, 1, 0), 20, "severe", True),
    ((3, 3, 3, 3, 3, 3, 3, 3, 3), 27, "severe", True),
]


@pytest.mark.parametrize(("items", "total", "band", "positive"), PHQ9_CASES)
def test_phq9_totals_and_bands_at_each_boundary(
    items: tuple[int, ...], total: int, band: str, positive: bool
) -> None:
    r = score(PHQ9_INSTRUMENT, answers(*items))
    assert (r.total, r.band.key, r.positive) == (total, band, positive)
    assert r.instrument == "PHQ-9@1"
    assert r.max_total == 27


@pytest.mark.parametrize(
    ("items", "total", "band"),
    [
        ((1, 1, 1, 1, 0, 0, 0), 4, "minimal"),
        ((1, 1, 1, 1, 1, 0, 0), 5, "mild"),
        ((2, 2, 2, 1, 1, 1, 0), 9, "mild"),
        ((2, 2, 2, 2, 1, 1, 0), 10, "moderate"),
        ((3, 3, 2, 2, 2, 1, 1), 14, "moderate"),
        ((3, 3, 3, 2, 2, 1, 1), 15, "severe"),
        ((3, 3, 3, 3, 3, 3, 3), 21, "severe"),
    ],
)
def test_gad7_bands_at_5_10_15(items: tuple[int, ...], total: int, band: str) -> None:
    r = score(GAD7_INSTRUMENT, answers(*items))
    assert (r.total, r.band.key, r.positive) == (total, band, total >= 10)


@pytest.mark.parametrize("instrument", [PHQ2_INSTRUMENT, GAD2_INSTRUMENT], ids=["PHQ-2", "GAD-2"])
def test_short_forms_are_positive_from_3(instrument: Instrument) -> None:
    two = score(instrument, answers(1, 1))
    three = score(instrument, answers(2, 1))
    six = score(instrument, answers(3, 3))
    assert (two.total, two.positive, two.band.key) == (2, False, "negative")
    assert (three.total, three.positive, three.band.key) == (3, True, "positive")
    assert (six.total, six.positive) == (6, True)


# --- GDS-15 --------------------------------------------------------------------------------

REVERSED = (1, 5, 7, 11, 13)


def gds(depressed: set[int]) -> dict[int, object]:
    """Answers where exactly the items in `depressed` get their depressive answer."""
    out: dict[int, object] = {}
    for n in range(1, 16):
        depressive = "no" if n in REVERSED else "yes"
        other = "yes" if n in REVERSED else "no"
        out[n] = depressive if n in depressed else other
    return out


def test_gds15_all_no_scores_the_five_reverse_keyed_items() -> None:
    r = score(GDS15_INSTRUMENT, dict.fromkeys(range(1, 16), "no"))
    assert (r.total, r.band.key, r.positive) == (5, "mild", True)
    r = score(GDS15_INSTRUMENT, dict.fromkeys(range(1, 16), "yes"))
    assert (r.total, r.band.key, r.positive) == (10, "moderate", True)


@pytest.mark.parametrize(
    ("depressed", "total", "band", "positive"),
    [
        (set(), 0, "normal", False),
        ({1, 2, 3, 4}, 4, "normal", False),
        ({1, 2, 3, 4, 5}, 5, "mild", True),
        (set(range(1, 9)), 8, "mild", True),
        (set(range(1, 10)), 9, "moderate", True),
        (set(range(1, 12)), 11, "moderate", True),
        (set(range(1, 13)), 12, "severe", True),
        (set(range(1, 16)), 15, "severe", True),
    ],
)
def test_gds15_cut_offs(depressed: set[int], total: int, band: str, positive: bool) -> None:
    r = score(GDS15_INSTRUMENT, gds(depressed))
    assert (r.total, r.band.key, r.positive) == (total, band, positive)
    assert not r.risk


def test_gds15_takes_only_yes_or_no() -> None:
    with pytest.raises(InvalidAnswer) as info:
        score(GDS15_INSTRUMENT, {**gds(set()), 3: 1})
    assert info.value.item == 3
    assert score(GDS15_INSTRUMENT, {**gds(set()), 3: " YES "}).total == 1


# --- Item 9 and the risk flag ----------------------------------------------------------------


def test_phq9_item_9_at_1_flags_risk_even_when_the_total_is_minimal() -> None:
    r = score(PHQ9_INSTRUMENT, answers(0, 0, 0, 0, 0, 0, 0, 0, 1))
    assert (r.total, r.band.key, r.positive) == (1, "minimal", False)
    assert r.risk
    assert r.item_9_positive
    assert r.risk_items == (9,)
    calm = score(PHQ9_INSTRUMENT, answers(3, 3, 3, 3, 3, 3, 3, 3, 0))
    assert (calm.total, calm.risk, calm.item_9_positive) == (24, False, False)


def test_the_risk_answer_counts_before_the_form_is_finished() -> None:
    partial = {1: 2, 2: 1, 9: 2}
    assert risk_items(PHQ9_INSTRUMENT, partial) == (9,)
    with pytest.raises(IncompleteScreening) as info:
        score(PHQ9_INSTRUMENT, partial)
    assert info.value.missing == (3, 4, 5, 6, 7, 8)
    assert info.value.code == "incomplete"


def test_an_added_suicide_question_flags_risk_but_leaves_the_total_alone() -> None:
    gad = with_risk_question(GAD7_INSTRUMENT)
    assert (gad.key, len(gad.items), gad.max_total) == ("GAD-7@2", 8, 21)
    r = score(gad, answers(1, 1, 1, 1, 1, 0, 0, 1))
    assert (r.total, r.band.key, r.risk, r.risk_items) == (5, "mild", True, (8,))
    assert not r.item_9_positive  # item 9 of the PHQ-9 only
    assert not score(gad, answers(1, 1, 1, 1, 1, 0, 0, 0)).risk
    with pytest.raises(ValueError, match="already asks"):
        with_risk_question(PHQ9_INSTRUMENT)


# --- Incomplete and invalid answers --------------------------------------------------------


def test_a_phq9_with_one_item_missing_is_refused_not_prorated() -> None:
    eight = answers(3, 3, 3, 3, 3, 3, 3, 3)
    with pytest.raises(IncompleteScreening) as info:
        score(PHQ9_INSTRUMENT, eight)
    assert info.value.missing == (9,)
    with pytest.raises(IncompleteScreening):
        score(PHQ9_INSTRUMENT, {**eight, 9: None})


@pytest.mark.parametrize("bad", [4, -1, True, "often", 1.0, None])
def test_out_of_range_answers_are_refused(bad: object) -> None:
    given = {**answers(0, 0, 0, 0, 0, 0, 0, 0), 9: bad}
    if bad is None:
        with pytest.raises(IncompleteScreening):
            score(PHQ9_INSTRUMENT, given)
        return
    with pytest.raises(InvalidAnswer) as info:
        score(PHQ9_INSTRUMENT, given)
    assert info.value.item == 9


def test_an_answer_to_an_item_the_form_does_not_have_is_refused() -> None:
    with pytest.raises(InvalidAnswer) as info:
        score(PHQ2_INSTRUMENT, answers(0, 0, 0))
    assert info.value.item == 3


def test_answer_codes_and_scores_are_the_same_answer() -> None:
    assert score(GAD2_INSTRUMENT, {1: "2", 2: 1}).total == 3


def test_next_item_walks_the_form_in_order() -> None:
    first = next_item(PHQ2_INSTRUMENT, {})
    assert first is not None
    assert first.number == 1
    second = next_item(PHQ2_INSTRUMENT, {1: 0})
    assert second is not None
    assert second.number == 2
    assert next_item(PHQ2_INSTRUMENT, {1: 0, 2: 3}) is None
    assert missing_items(PHQ9_INSTRUMENT, {2: 1, 5: 0}) == (1, 3, 4, 6, 7, 8, 9)


# --- Instruments that need permission ------------------------------------------------------


def restricted(code: str) -> Instrument:
    """A form for a restricted instrument (items are what the licence provides)."""
    return Instrument(
        code=code,
        version=1,
        name_zh=code,
        name_en=RESTRICTED[code].name,
        time_frame_zh="",
        time_frame_en="",
        instructions_zh="",
        instructions_en="",
        items=GDS15_INSTRUMENT.items[:8],
        bands=(),
        positive_at=2,
        source="",
        licence=Licence.PERMISSION_REQUIRED,
        licence_note=RESTRICTED[code].requirement,
    )


def test_ad8_mini_cog_and_scl90r_are_known_with_their_requirement() -> None:
    assert set(RESTRICTED) == {"AD8", "Mini-Cog", "SCL-90-R"}
    assert all(r.requirement and r.rights_holder for r in RESTRICTED.values())


def test_a_restricted_instrument_is_refused_without_a_licence_record() -> None:
    with pytest.raises(LicenceMissing) as info:
        register_licensed(restricted("AD8"), None, today=TODAY)
    assert info.value.code == "missing"


@pytest.mark.parametrize(
    ("licence", "code"),
    [
        (LicenceRecord("  ", "WU-2026-17", date(2026, 1, 1)), "holder"),
        (LicenceRecord(HOLDER, "", date(2026, 1, 1)), "reference"),
        (
            LicenceRecord(HOLDER, "WU-1", date(2026, 1, 1), date(2025, 1, 1)),
            "dates",
        ),
        (
            LicenceRecord(HOLDER, "WU-1", date(2025, 1, 1), date(2026, 6, 30)),
            "not_in_force",
        ),
        (LicenceRecord(HOLDER, "WU-1", date(2026, 12, 1)), "not_in_force"),
    ],
)
def test_a_licence_record_must_be_complete_and_in_force(licence: LicenceRecord, code: str) -> None:
    with pytest.raises(LicenceMissing) as info:
        register_licensed(restricted("SCL-90-R"), licence, today=TODAY)
    assert info.value.code == code


def test_a_licensed_instrument_is_usable_until_its_licence_expires() -> None:
    record = LicenceRecord(
        " 街道社区卫生服务中心 ", "WU-2026-17", date(2026, 1, 1), date(2026, 12, 31)
    )
    reg = register_licensed(restricted("AD8"), record, today=TODAY)
    assert reg.licence.holder == HOLDER
    assert reg.usable_on(date(2026, 12, 31))
    assert not reg.usable_on(date(2027, 1, 1))


def test_only_known_restricted_instruments_are_registered() -> None:
    record = LicenceRecord("中心", "R-1", date(2026, 1, 1))
    with pytest.raises(ValueError, match="built in"):
        register_licensed(PHQ9_INSTRUMENT, record, today=TODAY)
    with pytest.raises(ValueError, match="not a known"):
        register_licensed(replace(restricted("AD8"), code="MMSE"), record, today=TODAY)
    with pytest.raises(ValueError, match="must be marked"):
        register_licensed(
            replace(restricted("AD8"), licence=Licence.PUBLIC_DOMAIN), record, today=TODAY
        )

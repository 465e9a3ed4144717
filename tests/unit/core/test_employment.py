"""core.employment: credit codes, the disability quota, postings and seekers, matching with
reasons and its fast ranking, the referral pipeline, retention dates and placements."""

from __future__ import annotations

import math
import random
import re
from dataclasses import replace
from datetime import date

import pytest

from core.employment import (
    PLACEMENT_TARGET,
    Accessibility,
    Coded,
    Employer,
    EmployerRefusal,
    EmployerStatus,
    EmploymentError,
    EmploymentForm,
    ErrorCode,
    Part,
    Posting,
    PostingIndex,
    PostingStatus,
    Referral,
    RefusedBy,
    Reject,
    Seeker,
    SeekerIndex,
    SeekerRefusal,
    SeekerStatus,
    ShiftKind,
    Stage,
    StageEntry,
    TrainingRecord,
    advance,
    can_move_posting,
    check_credit_code,
    confirm_by_employer,
    counted_disabled,
    counts_as_placement,
    credit_check_char,
    haversine_km,
    match,
    move_posting,
    placements,
    quota_required,
    quota_shortfall,
    rank,
    rank_for_posting,
    refer,
    rejections,
    retention_checks,
    schedule_value,
)

A, E, S, K = Accessibility, ErrorCode, SeekerStatus, ShiftKind
LAT, LON = 39.1, 117.2  # Tianjin
# Kilometres per degree of latitude on core.geo's sphere: posting places are put this many
# degrees north of a seeker so that distances are round numbers.
KM_PER_DEG = 6371.0088 * math.pi / 180
DAY = date(2026, 3, 2)
VALID_CODE = "91120104MA05KJ8N34"


def north(km: float, lat: float = LAT) -> float:
    return lat + km / KM_PER_DEG


def posting(pid: int = 1, **kw: object) -> Posting:
    fields: dict[str, object] = {
        "id": pid,
        "employer_id": 10,
        "title": "社区食堂帮厨",
        "duties": "备菜、清洁",
        "hours_per_week": 30,
        "shift": K.DAY,
        "pay_fen_per_month": 260_000,
        "lat": LAT,
        "lon": LON,
    }
    fields.update(kw)
    return Posting(**fields)  # type: ignore[arg-type]


def seeker(rid: int = 100, **kw: object) -> Seeker:
    fields: dict[str, object] = {
        "resident_id": rid,
        "lat": LAT,
        "lon": LON,
        "min_hours": 20,
        "max_hours": 40,
        "max_km": 5.0,
        "consent_to_match": True,
    }
    fields.update(kw)
    return Seeker(**fields)  # type: ignore[arg-type]


def code_of(call: object, *args: object, **kw: object) -> ErrorCode:
    with pytest.raises(EmploymentError) as info:
        call(*args, **kw)  # type: ignore[operator]
    return info.value.code


# --- credit codes ------------------------------------------------------------------------------


def test_a_credit_code_with_its_computed_check_character_is_accepted() -> None:
    # 9 1 1 2 0 1 0 4 M A 0 5 K J 8 N 3, values (M=21, A=10, K=19, J=18, N=22) × weights
    # 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    # 9 + 3 + 9 + 54 + 0 + 26 + 0 + 68 + 420 + 290 + 0 + 65 + 152 + 432 + 80 + 660 + 84 = 2352
    # 2352 mod 31 = 27, check = 31 − 27 = 4
    assert credit_check_char(VALID_CODE[:17]) == "4"
    assert check_credit_code(VALID_CODE) == VALID_CODE
    # full-width input, lower case and spaces are forgiven
    assert check_credit_code(" ９１１２0104ma05 kj8n34 ") == VALID_CODE


def test_check_characters_wrap_mod_31_and_run_into_letters() -> None:
    # all zeros: sum 0, (31 − 0) mod 31 = 0
    assert credit_check_char("0" * 17) == "0"
    # 9 1 1 2 0 1 0 4 then eight 0s and 8: 169 + 8 × 28 = 393 ≡ 21 (mod 31), 31 − 21 = 10 → "A"
    assert check_credit_code("91120104000000008A") == "91120104000000008A"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("91120104MA05KJ8N35", E.CREDIT_CODE_CHECK),  # one off in the check character
        ("91120104MA05KJ8N43", E.CREDIT_CODE_CHECK),  # last two swapped
        ("91120104MA05KJ8N3", E.CREDIT_CODE_LENGTH),
        ("91120104MA05KJ8N344", E.CREDIT_CODE_LENGTH),
        ("91120104MA05KI8N34", E.CREDIT_CODE_CHAR),  # I is not in the alphabet
        ("9112O104MA05KJ8N34", E.CREDIT_CODE_CHAR),  # nor O
        ("91A20104MA05KJ8N34", E.CREDIT_CODE_REGION),
    ],
)
def test_a_wrong_credit_code_is_refused_with_its_reason(text: str, code: ErrorCode) -> None:
    assert code_of(check_credit_code, text) is code


def test_an_employer_keeps_the_normalised_code_and_its_markers() -> None:
    employer = Employer(
        1,
        " 爱心洗车行 ",
        VALID_CODE.lower(),
        EmployerStatus.VERIFIED,
        67,
        0,
        frozenset({EmploymentForm.SHELTERED}),
    )
    assert (employer.credit_code, employer.name) == (VALID_CODE, "爱心洗车行")
    assert employer.status is EmployerStatus.VERIFIED
    assert employer.forms == {EmploymentForm.SHELTERED}
    assert employer.shortfall == 1
    bad = VALID_CODE[:-1] + "5"
    assert code_of(Employer, 2, "x", bad, EmployerStatus.VERIFIED, 1, 0) is E.CREDIT_CODE_CHECK


# --- the disability quota ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("staff", "required"),
    [
        (0, 0),
        (66, 0),  # 66 × 1.5 % = 0.99 → 0
        (67, 1),  # 67 × 1.5 % = 1.005 → 1
        (133, 1),  # 1.995 → 1
        (134, 2),  # 2.01 → 2
        (200, 3),  # exactly 3; the float 200 * 0.015 would floor to 2
        (1000, 15),
    ],
)
def test_the_quota_is_floor_of_one_and_a_half_percent(staff: int, required: int) -> None:
    assert quota_required(staff) == required


def test_the_shortfall_counts_whole_people_missing() -> None:
    assert quota_shortfall(67, 0) == 1
    assert quota_shortfall(67, 1) == 0
    assert quota_shortfall(200, 1) == 2
    assert quota_shortfall(66, 0) == 0
    assert quota_shortfall(100, 5) == 0  # above the quota is not a negative shortfall
    assert quota_shortfall(100, 0, permille=20) == 2  # a province with a higher ratio
    # a grade 1–2 certificate holder counts twice: 1 severe + 1 other = 3 counted
    assert counted_disabled(1, 1) == 3
    assert quota_shortfall(200, counted_disabled(1, 1)) == 0
    assert code_of(quota_shortfall, -1, 0) is E.STAFF_COUNT
    assert code_of(quota_shortfall, 10, -1) is E.STAFF_COUNT


# --- postings and seekers ----------------------------------------------------------------------


def test_a_posting_cleans_its_text_and_reads_codes_from_the_database() -> None:
    p = posting(
        title="  保洁\u200b员 ",
        shift="evening",
        status="filled",
        features=frozenset({"step_free"}),
        eligibility=frozenset({"disability"}),
        skills=frozenset({" Ｅｘｃｅｌ ", "电脑  操作", " "}),
    )
    assert p.title == "保洁员"
    assert (p.shift, p.status) == (K.EVENING, PostingStatus.FILLED)
    assert p.features == {A.STEP_FREE}
    assert p.eligibility == {S.DISABILITY}
    assert p.skills == {"excel", "电脑 操作"}
    with pytest.raises(ValueError, match="night"):
        posting(shift="night")


@pytest.mark.parametrize(
    ("kw", "code"),
    [
        ({"title": "  "}, E.NAME),
        ({"title": "岗" * 81}, E.TEXT_TOO_LONG),
        ({"hours_per_week": 0}, E.HOURS),
        ({"pay_fen_per_month": -1}, E.PAY),
        ({"openings": 0}, E.OPENINGS),
        ({"lat": 91.0}, E.PLACE),
    ],
)
def test_a_posting_out_of_range_is_refused(kw: dict[str, object], code: ErrorCode) -> None:
    assert code_of(posting, **kw) is code


def test_a_seeker_out_of_range_is_refused() -> None:
    assert code_of(seeker, min_hours=30, max_hours=20) is E.HOURS
    assert code_of(seeker, max_km=0) is E.MAX_DISTANCE
    assert code_of(seeker, lon=181.0) is E.PLACE


def test_posting_status_moves() -> None:
    P = PostingStatus
    assert can_move_posting(P.OPEN, P.FILLED)
    assert can_move_posting(P.OPEN, P.CLOSED)
    assert can_move_posting(P.FILLED, P.OPEN)  # a hire that ended in the trial period
    assert not can_move_posting(P.CLOSED, P.OPEN)
    assert not can_move_posting(P.OPEN, P.OPEN)
    assert move_posting(posting(), P.FILLED).status is P.FILLED
    assert code_of(move_posting, posting(status=P.CLOSED), P.OPEN) is E.POSTING_STATUS


def test_every_code_has_a_chinese_and_an_english_label() -> None:
    kinds: tuple[type[Coded], ...] = (E, EmployerStatus, EmploymentForm, PostingStatus, A, K, S)
    kinds += (Reject, Part, Stage, RefusedBy, SeekerRefusal, EmployerRefusal)
    assert set(Coded.__subclasses__()) == set(kinds)
    for kind in kinds:
        for member in kind:
            assert re.search("[\u4e00-\u9fff]", member.zh), member
            assert member.en.strip(), member
            assert not re.search("[\u4e00-\u9fff]", member.en), member
            assert member.label.zh == member.zh
            assert member.label.en == member.en
    assert S.HARD_TO_EMPLOY.zh == "就业困难人员"


# --- matching ----------------------------------------------------------------------------------


def test_haversine_along_a_meridian() -> None:
    assert haversine_km(LAT, LON, north(2.0), LON) == pytest.approx(2.0, abs=1e-9)
    assert haversine_km(LAT, LON, LAT, LON) == 0.0


def test_score_half_the_skills_two_km_of_five() -> None:
    # skills: requires {cooking, cleaning}, has {cooking} → 1/2 = 0.5 → 50 × 0.5 = 25
    # commute: 2 km of at most 5 → 1 − 2/5 = 0.6 → 30 × 0.6 = 18
    # schedule: 30 h within 20–40, day shift preferred → 1 → 20;   total 25 + 18 + 20 = 63
    p = posting(skills=frozenset({"Cooking", "cleaning"}), lat=north(2.0))
    m = match(seeker(skills=frozenset({"cooking"}), shifts=frozenset({K.DAY})), p)
    assert m is not None
    assert m.total == pytest.approx(63.0)
    assert [(x.name, x.weight) for x in m.parts] == [
        (Part.SKILLS, 0.5),
        (Part.COMMUTE, 0.3),
        (Part.SCHEDULE, 0.2),
    ]
    assert [x.value for x in m.parts] == pytest.approx([0.5, 0.6, 1.0])
    assert [x.points for x in m.parts] == pytest.approx([25.0, 18.0, 20.0])
    assert m.distance_km == pytest.approx(2.0)
    assert m.missing_skills == {"cleaning"}


def test_score_nothing_required_at_the_door_is_a_hundred() -> None:
    # skills: none required → 1 → 50; commute: 0 km → 1 → 30; schedule → 20; total 100
    m = match(seeker(), posting())
    assert m is not None
    assert m.total == 100.0
    assert sum(x.points for x in m.parts) == m.total
    assert m.missing_skills == frozenset()


def test_score_counts_completed_training_only() -> None:
    # skills: requires {forklift, safety, excel}; has excel, and safety from a completed
    # course (the forklift course is under way) → 2/3 → 50 × 2/3 = 33.333…
    # commute: 4 km of at most 8 → 1 − 4/8 = 0.5 → 15;  schedule → 20
    # total 33.333… + 15 + 20 = 68.333…
    training = (
        TrainingRecord("安全生产培训", "区就业中心", date(2026, 1, 9), "Safety"),
        TrainingRecord("叉车培训", "区就业中心", None, "forklift"),
    )
    s = seeker(skills=frozenset({"excel"}), max_km=8.0, training=training)
    m = match(s, posting(skills=frozenset({"forklift", "safety", "excel"}), lat=north(4.0)))
    assert m is not None
    assert m.total == pytest.approx(50 * 2 / 3 + 15 + 20)
    assert m.total == pytest.approx(68.3333333333)
    assert m.missing_skills == {"forklift"}


def test_schedule_fit_is_half_hours_half_shift() -> None:
    s = seeker(shifts=frozenset({K.DAY}))  # 20–40 h
    assert schedule_value(s, posting(hours_per_week=30)) == 1.0
    assert schedule_value(s, posting(hours_per_week=44)) == 0.5
    assert schedule_value(s, posting(shift=K.EVENING)) == 0.5
    assert schedule_value(s, posting(hours_per_week=10, shift=K.EVENING)) == 0.0
    assert schedule_value(seeker(), posting(shift=K.EVENING)) == 1.0  # no preference


def test_at_exactly_the_maximum_distance_the_commute_scores_nothing() -> None:
    # 5 km of at most 5 (put a hair inside so rounding cannot push it out): commute 0,
    # skills 1 → 50, schedule → 20, total 70
    m = match(seeker(), posting(lat=north(5.0 - 1e-9)))
    assert m is not None
    assert m.commute == pytest.approx(0.0, abs=1e-9)
    assert m.total == pytest.approx(70.0)


def test_a_seeker_without_consent_is_never_matched_nor_looked_at() -> None:
    s = seeker(consent_to_match=False)
    p = posting()
    assert match(s, p) is None
    # only the consent: working out anything else would be processing without it
    assert [r.code for r in rejections(s, p)] == [Reject.NO_CONSENT]
    assert rank(s, [p]) == []
    assert rank_for_posting(p, [s, seeker(101)])[0].seeker_id == 101
    assert len(rank_for_posting(p, [s, seeker(101)])) == 1
    assert code_of(refer, s, p, employer=EmployerStatus.VERIFIED, counsellor="李娜", on=DAY) is (
        E.NO_CONSENT
    )


def test_rejections_lists_every_failed_filter_with_figures() -> None:
    s = seeker(
        needs=frozenset({A.STEP_FREE, A.SIGN_LANGUAGE}),
        statuses=frozenset({S.LOW_INCOME}),
        shifts=frozenset({K.DAY}),
    )
    p = posting(
        status=PostingStatus.CLOSED,
        eligibility=frozenset({S.HARD_TO_EMPLOY, S.DISABILITY}),
        features=frozenset({A.STEP_FREE, A.SEATED_WORK}),
        hours_per_week=44,
        shift=K.EVENING,
        lat=north(12.3),
    )
    got = {r.code: r.detail for r in rejections(s, p)}
    assert list(got) == [
        Reject.POSTING_NOT_OPEN,
        Reject.NOT_ELIGIBLE,
        Reject.ACCESS_MISSING,
        Reject.HOURS,
        Reject.SHIFT,
        Reject.DISTANCE,
    ]
    assert got[Reject.ACCESS_MISSING] == "sign_language"
    assert got[Reject.HOURS] == "44 h/week, range 20–40"
    assert got[Reject.DISTANCE] == "12.3 km > 5 km"
    assert match(s, p) is None


@pytest.mark.parametrize(
    ("kw", "code"),
    [
        ({"eligibility": frozenset({S.HARD_TO_EMPLOY})}, Reject.NOT_ELIGIBLE),
        ({"features": frozenset({A.SEATED_WORK})}, Reject.ACCESS_MISSING),
        ({"hours_per_week": 41}, Reject.HOURS),
        ({"hours_per_week": 19}, Reject.HOURS),
        ({"shift": K.FLEXIBLE}, Reject.SHIFT),
        ({"lat": north(5.1)}, Reject.DISTANCE),
        ({"status": PostingStatus.FILLED}, Reject.POSTING_NOT_OPEN),
    ],
)
def test_each_filter_alone_rejects(kw: dict[str, object], code: Reject) -> None:
    s = seeker(
        needs=frozenset({A.STEP_FREE}),
        statuses=frozenset({S.DISABILITY}),
        shifts=frozenset({K.DAY, K.EVENING}),
    )
    base = posting(features=frozenset({A.STEP_FREE}))
    assert match(s, base) is not None
    p = replace(base, **kw)  # type: ignore[arg-type]
    assert [r.code for r in rejections(s, p)] == [code]
    assert match(s, p) is None
    assert rank(s, [p]) == []
    assert rank_for_posting(p, [s]) == []


def test_eligibility_is_any_one_of_the_posting_groups_and_empty_is_anyone() -> None:
    reserved = posting(eligibility=frozenset({S.HARD_TO_EMPLOY, S.DISABILITY}))
    assert match(seeker(statuses=frozenset({S.DISABILITY})), reserved) is not None
    assert match(seeker(statuses=frozenset({S.LOW_INCOME})), reserved) is None
    assert match(seeker(), posting()) is not None
    # hour bounds are inclusive, and a seeker with no shift preference takes any shift
    assert match(seeker(), posting(hours_per_week=40, shift=K.EVENING)) is not None
    assert match(seeker(), posting(hours_per_week=20, shift=K.FLEXIBLE)) is not None


def test_rank_orders_by_score_then_posting_id_and_limits() -> None:
    s = seeker(skills=frozenset({"cooking"}))
    postings = [
        posting(7, lat=north(1.0)),  # 50 + 24 + 20 = 94
        posting(3, lat=north(1.0)),  # 94, lower id first
        posting(5),  # 100
        posting(9, skills=frozenset({"driving"})),  # 0 + 30 + 20 = 50
        posting(2, status=PostingStatus.CLOSED),  # not open: left out
    ]
    ranked = rank(s, postings)
    assert [m.posting_id for m in ranked] == [5, 3, 7, 9]
    assert [m.total for m in ranked] == pytest.approx([100, 94, 94, 50])
    assert [m.posting_id for m in rank(s, PostingIndex(postings), limit=2)] == [5, 3]
    seekers = [seeker(30, lat=north(1.0)), seeker(20, lat=north(1.0)), seeker(40)]
    assert [m.seeker_id for m in rank_for_posting(posting(), seekers)] == [40, 20, 30]
    assert [m.seeker_id for m in rank_for_posting(posting(), SeekerIndex(seekers), 1)] == [40]


@pytest.mark.parametrize("lat", [0.0, LAT, 70.0])
def test_the_prefilter_box_keeps_every_posting_within_reach(lat: float) -> None:
    # 16 postings just inside the seeker's 8 km in every direction, 16 just outside: the fast
    # path's bounding box must keep the first and haversine drop the second
    s = seeker(lat=lat, max_km=8.0)
    inside: list[Posting] = []
    outside: list[Posting] = []
    for i in range(16):
        bearing = i * math.pi / 8
        for km, into in ((7.99, inside), (8.01, outside)):
            la, lo = destination(lat, LON, bearing, km)
            into.append(posting(len(inside) + len(outside) + 1, lat=la, lon=lo))
    ranked = rank(s, inside + outside)
    assert sorted(m.posting_id for m in ranked) == sorted(p.id for p in inside)
    assert len(rank_for_posting(inside[3], [s])) == 1
    assert rank_for_posting(outside[3], [s]) == []


def test_matching_across_the_antimeridian() -> None:
    s = seeker(lat=0.0, lon=179.99)
    p = posting(lat=0.0, lon=-179.99)  # 0.02° of the equator ≈ 2.2 km
    assert [m.posting_id for m in rank(s, [p])] == [1]
    assert [m.seeker_id for m in rank_for_posting(p, [s])] == [100]


def test_the_fast_ranking_equals_matching_every_pair() -> None:
    """The indexes only skip work: they return exactly what match() says, pair by pair."""
    rng = random.Random(20260302)
    skills = [f"skill{i}" for i in range(8)]

    def place() -> tuple[float, float]:
        return LAT + rng.uniform(-0.08, 0.08), LON + rng.uniform(-0.1, 0.1)

    postings = [
        posting(
            i,
            hours_per_week=rng.choice([16, 20, 30, 40, 44]),
            shift=rng.choice(list(K)),
            features=frozenset(rng.sample(list(A), rng.randrange(4))),
            skills=frozenset(rng.sample(skills, rng.randrange(4))),
            eligibility=frozenset(rng.sample(list(S), rng.choice([0, 0, 1, 2]))),
            status=rng.choice([PostingStatus.OPEN] * 5 + [PostingStatus.FILLED]),
            **dict(zip(("lat", "lon"), place(), strict=True)),
        )
        for i in range(60)
    ]
    seekers = []
    for i in range(200):
        lo = rng.choice([0, 10, 20, 30])
        la, ln = place()
        seekers.append(
            seeker(
                i,
                lat=la,
                lon=ln,
                skills=frozenset(rng.sample(skills, rng.randrange(5))),
                needs=frozenset(rng.sample(list(A), rng.choice([0, 0, 1, 2]))),
                min_hours=lo,
                max_hours=lo + rng.choice([10, 20]),
                shifts=frozenset(rng.sample(list(K), rng.randrange(3))),
                max_km=rng.choice([2.0, 4.0, 8.0]),
                statuses=frozenset(rng.sample(list(S), rng.randrange(3))),
                consent_to_match=rng.random() < 0.9,
            )
        )
    by_posting = PostingIndex(postings)
    total = 0
    for s in seekers:
        slow = [m for p in postings if (m := match(s, p)) is not None]
        slow.sort(key=lambda m: (-m.total, m.posting_id))
        assert by_posting.rank(s) == slow
        total += len(slow)
    assert 200 < total < 200 * 60  # the world has both matches and rejections
    by_seeker = SeekerIndex(seekers)
    for p in postings:
        slow = [m for s in seekers if (m := match(s, p)) is not None]
        slow.sort(key=lambda m: (-m.total, m.seeker_id))
        assert by_seeker.rank_for(p) == slow


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_limited_ranking_keeps_exactly_the_top_of_matching_every_pair(seed: int) -> None:
    """With a limit the indexes score the pairs sharing a skill first and look at the rest only
    if they could still enter, and then only as far as they could: still exactly match()'s top,
    ties at the cut included (a few places and skill sets, so many totals are equal)."""
    rng = random.Random(seed)
    skills = [f"skill{i}" for i in range(6)]
    places = [(LAT + rng.uniform(-0.04, 0.04), LON + rng.uniform(-0.05, 0.05)) for _ in range(6)]
    postings = [
        posting(
            i,
            hours_per_week=rng.choice([20, 30, 40]),
            shift=rng.choice(list(K)),
            features=frozenset(rng.sample(list(A), rng.randrange(3))),
            skills=frozenset(rng.sample(skills, rng.choice([0, 1, 2, 3, 3]))),
            eligibility=frozenset(rng.sample(list(S), rng.choice([0, 0, 0, 1]))),
            **dict(zip(("lat", "lon"), rng.choice(places), strict=True)),
        )
        for i in range(80)
    ]
    seekers = [
        seeker(
            i,
            skills=frozenset(rng.sample(skills, rng.choice([0, 1, 1, 2, 4]))),
            needs=frozenset(rng.sample(list(A), rng.choice([0, 0, 1]))),
            shifts=frozenset(rng.sample(list(K), rng.randrange(3))),
            max_km=rng.choice([2.0, 5.0, 9.0]),
            statuses=frozenset(rng.sample(list(S), rng.randrange(2))),
            **dict(zip(("lat", "lon"), rng.choice(places), strict=True)),
        )
        for i in range(120)
    ]
    by_posting, by_seeker = PostingIndex(postings), SeekerIndex(seekers)
    for limit in (1, 2, 5, 20):
        for s in seekers:
            slow = [m for p in postings if (m := match(s, p)) is not None]
            slow.sort(key=lambda m: (-m.total, m.posting_id))
            assert by_posting.rank(s, limit) == slow[:limit]
        for p in postings:
            slow = [m for s in seekers if (m := match(s, p)) is not None]
            slow.sort(key=lambda m: (-m.total, m.seeker_id))
            assert by_seeker.rank_for(p, limit) == slow[:limit]
    assert rank(seekers[0], by_posting, 0) == rank_for_posting(postings[0], by_seeker, 0) == []


def test_a_limited_ranking_looks_as_far_as_a_pair_sharing_no_skill_could_still_enter() -> None:
    # The only pair sharing a skill: 1 of 3 → 16.67, 4.5 of 6 km → 7.5, + 20 = 44.167, the
    # best of 1. A pair sharing none (at most 50) beats it up to 6 × (50 − 44.167) / 30 =
    # 1.1667 km: 1.1665 km scores 44.1675 and comes first, 1.175 km scores 44.125.
    edge, past = north(1.1665), north(1.175)
    s = seeker(skills=frozenset({"a"}), max_km=6.0)
    postings = [
        posting(1, skills=frozenset({"a", "b", "c"}), lat=north(4.5)),
        posting(3, skills=frozenset({"x"}), lat=past),
        posting(2, skills=frozenset({"y"}), lat=edge),
    ]
    every = sorted((m for p in postings if (m := match(s, p)) is not None), key=lambda m: -m.total)
    assert [m.posting_id for m in every] == [2, 1, 3]
    index = PostingIndex(postings)
    for limit in (1, 2, 3):
        assert index.rank(s, limit) == every[:limit]
    p = posting(skills=frozenset({"a", "b", "c"}))
    seekers = [
        seeker(1, skills=frozenset({"a"}), max_km=6.0, lat=north(4.5)),
        seeker(3, max_km=6.0, lat=past),
        seeker(2, max_km=6.0, lat=edge),
    ]
    every = sorted((m for x in seekers if (m := match(x, p)) is not None), key=lambda m: -m.total)
    assert [m.seeker_id for m in every] == [2, 1, 3]
    by_seeker = SeekerIndex(seekers)
    for limit in (1, 2, 3):
        assert by_seeker.rank_for(p, limit) == every[:limit]


def destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point `km` from (lat, lon) along `bearing` on the sphere."""
    d, p1, l1 = km / KM_PER_DEG * math.pi / 180, math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(bearing))
    l2 = l1 + math.atan2(
        math.sin(bearing) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
    )
    return math.degrees(p2), math.degrees(l2)


# --- referrals ---------------------------------------------------------------------------------


def test_a_referral_needs_an_open_posting_a_verified_employer_and_a_counsellor() -> None:
    r = refer(seeker(), posting(), employer=EmployerStatus.VERIFIED, counsellor=" 李娜 ", on=DAY)
    assert (r.counsellor, r.stage, r.referred_on) == ("李娜", Stage.REFERRED, DAY)
    args = {"employer": EmployerStatus.VERIFIED, "counsellor": "李娜", "on": DAY}
    for status in (PostingStatus.FILLED, PostingStatus.CLOSED):
        assert code_of(refer, seeker(), posting(status=status), **args) is E.POSTING_CLOSED
    for employer in (EmployerStatus.UNVERIFIED, EmployerStatus.SUSPENDED):
        got = code_of(refer, seeker(), posting(), **{**args, "employer": employer})
        assert got is E.EMPLOYER_NOT_VERIFIED
    assert code_of(refer, seeker(), posting(), **{**args, "counsellor": " \t"}) is E.COUNSELLOR
    reserved = posting(eligibility=frozenset({S.HARD_TO_EMPLOY}))
    assert code_of(refer, seeker(), reserved, **args) is E.NOT_ELIGIBLE
    # a preference missed (here the distance) is the counsellor's call, not a refusal
    far = refer(seeker(), posting(lat=north(9.0)), **args)  # type: ignore[arg-type]
    assert far.stage is Stage.REFERRED


def test_a_referral_moves_forward_with_dates_that_do_not_go_back() -> None:
    r = refer(seeker(), posting(), employer=EmployerStatus.VERIFIED, counsellor="李娜", on=DAY)
    r = advance(r, Stage.INTERVIEW, date(2026, 3, 5))
    r = advance(r, Stage.OFFER, date(2026, 3, 5))  # the same day is fine
    assert code_of(advance, r, Stage.INTERVIEW, date(2026, 3, 6)) is E.STAGE_BACKWARDS
    assert code_of(advance, r, Stage.OFFER, date(2026, 3, 6)) is E.STAGE_BACKWARDS
    assert code_of(advance, r, Stage.HIRED, date(2026, 3, 4)) is E.DATE_BACKWARDS
    assert (
        code_of(advance, r, Stage.HIRED, date(2026, 3, 9), reason=SeekerRefusal.PAY)
        is E.REFUSAL_REASON
    )
    r = advance(r, Stage.HIRED, date(2026, 3, 9))
    assert [e.stage for e in r.history] == [
        Stage.REFERRED,
        Stage.INTERVIEW,
        Stage.OFFER,
        Stage.HIRED,
    ]
    assert r.hired_on == date(2026, 3, 9)
    assert code_of(advance, r, Stage.REFUSED, date(2026, 4, 1)) is E.STAGE_FINAL
    # a public-welfare post is often assigned without an interview: steps may be skipped
    direct = refer(seeker(), posting(), employer=EmployerStatus.VERIFIED, counsellor="李", on=DAY)
    assert advance(direct, Stage.HIRED, DAY).stage is Stage.HIRED


def test_a_refusal_names_the_side_and_a_reason_from_its_list() -> None:
    r = refer(seeker(), posting(), employer=EmployerStatus.VERIFIED, counsellor="李娜", on=DAY)
    r = advance(r, Stage.INTERVIEW, DAY)
    day = date(2026, 3, 6)
    assert code_of(advance, r, Stage.REFUSED, day) is E.REFUSAL_REASON
    got = code_of(
        advance, r, Stage.REFUSED, day, refused_by=RefusedBy.SEEKER, reason=EmployerRefusal.NO_SHOW
    )
    assert got is E.REFUSAL_REASON
    got = code_of(
        advance, r, Stage.REFUSED, day, refused_by=RefusedBy.EMPLOYER, reason=EmployerRefusal.OTHER
    )
    assert got is E.REFUSAL_NOTE
    done = advance(
        r,
        Stage.REFUSED,
        day,
        refused_by=RefusedBy.EMPLOYER,
        reason=EmployerRefusal.OTHER,
        note=" 岗位调整 ",
    )
    last = done.history[-1]
    assert (last.refused_by, last.reason, last.note) == (
        RefusedBy.EMPLOYER,
        EmployerRefusal.OTHER,
        "岗位调整",
    )
    by_seeker = advance(r, Stage.REFUSED, day, refused_by=RefusedBy.SEEKER, reason="commute")
    assert code_of(advance, done, Stage.HIRED, day) is E.STAGE_FINAL
    assert by_seeker.stage is Stage.REFUSED
    assert not by_seeker.is_placement


@pytest.mark.parametrize(
    ("hired", "three", "six"),
    [
        (date(2026, 1, 31), date(2026, 4, 30), date(2026, 7, 31)),  # April has 30 days
        (date(2025, 8, 31), date(2025, 11, 30), date(2026, 2, 28)),
        (date(2027, 8, 31), date(2027, 11, 30), date(2028, 2, 29)),  # 2028 is a leap year
        (date(2026, 11, 15), date(2027, 2, 15), date(2027, 5, 15)),  # over the new year
    ],
)
def test_retention_checks_at_three_and_six_calendar_months(
    hired: date, three: date, six: date
) -> None:
    assert retention_checks(hired) == (three, six)


def test_only_hires_the_employer_confirmed_count_once_each() -> None:
    assert counts_as_placement(True, date(2026, 3, 20))
    assert not counts_as_placement(True, None)
    assert not counts_as_placement(False, date(2026, 3, 20))

    def hired(seeker_id: int, posting_id: int, confirm: bool) -> Referral:
        s, p = seeker(seeker_id), posting(posting_id)
        r = refer(s, p, employer=EmployerStatus.VERIFIED, counsellor="李娜", on=DAY)
        r = advance(r, Stage.HIRED, date(2026, 3, 9))
        return confirm_by_employer(r, date(2026, 3, 20)) if confirm else r

    pending = hired(1, 1, confirm=False)
    confirmed = hired(1, 1, confirm=True)
    again = hired(1, 1, confirm=True)  # the same hire entered twice
    other_job = hired(1, 2, confirm=True)
    other_person = hired(2, 1, confirm=True)
    refused = advance(
        refer(seeker(3), posting(1), employer=EmployerStatus.VERIFIED, counsellor="李", on=DAY),
        Stage.REFUSED,
        DAY,
        refused_by=RefusedBy.SEEKER,
        reason=SeekerRefusal.HEALTH,
    )
    every = [pending, confirmed, again, other_job, other_person, refused]
    assert placements(every) == 3
    assert placements([pending, refused]) == 0
    assert PLACEMENT_TARGET == 90
    assert code_of(confirm_by_employer, refused, DAY) is E.NOT_HIRED
    assert code_of(confirm_by_employer, pending, date(2026, 3, 8)) is E.DATE_BACKWARDS
    assert code_of(confirm_by_employer, confirmed, date(2026, 3, 21)) is E.ALREADY_CONFIRMED


def test_stored_rows_read_back_as_strings_still_count() -> None:
    """Codes from the database are plain strings: a hire must still be a hire."""
    history = (
        StageEntry("referred", DAY),  # type: ignore[arg-type]
        StageEntry("hired", date(2026, 3, 9)),  # type: ignore[arg-type]
    )
    r = Referral(1, 1, "李娜", history, employer_confirmed_on=date(2026, 3, 20))
    assert r.stage is Stage.HIRED
    assert placements([r]) == 1
    refused = StageEntry("refused", DAY, "seeker", "pay")  # type: ignore[arg-type]
    assert (refused.refused_by, refused.reason) == (RefusedBy.SEEKER, SeekerRefusal.PAY)
    fresh = refer(seeker(), posting(), employer="verified", counsellor="李娜", on=DAY)  # type: ignore[arg-type]
    assert advance(fresh, "interview", DAY).stage is Stage.INTERVIEW  # type: ignore[arg-type]

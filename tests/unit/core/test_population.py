"""Tests for the deterministic synthetic population generator."""

from __future__ import annotations

import time
from collections import Counter
from datetime import date
from itertools import islice
from pathlib import Path

import pytest

from core import idcard
from core.population import (
    CONSENT_METHODS,
    RELATIONS,
    CareFlags,
    ResidentSpec,
    allocate,
    generate_population,
)
from core.site import SiteSpec, load_site

DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo" / "site.toml"
TODAY = date(2026, 11, 25)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@pytest.fixture(scope="module")
def site() -> SiteSpec:
    return load_site(DEMO)


@pytest.fixture(scope="module")
def residents(site: SiteSpec) -> list[ResidentSpec]:
    return list(generate_population(site, 5000, today=TODAY))


def test_same_seed_same_people_other_seed_other_people(site: SiteSpec) -> None:
    first = list(generate_population(site, 500, seed=7, today=TODAY))
    again = list(generate_population(site, 500, seed=7, today=TODAY))
    other = list(generate_population(site, 500, seed=8, today=TODAY))
    assert first == again
    assert [r.id_number for r in first] != [r.id_number for r in other]


def test_exact_count_split_in_proportion_to_population(
    site: SiteSpec, residents: list[ResidentSpec]
) -> None:
    assert len(residents) == 5000
    per_community = Counter(r.community for r in residents)
    total = sum(c.population for c in site.communities)
    for community in site.communities:
        expected = 5000 * community.population / total
        assert abs(per_community[community.code] - expected) < 1
    assert [per_community[c.code] for c in site.communities] == allocate(
        [c.population for c in site.communities], 5000
    )


def test_a_prefix_of_the_stream_mixes_communities(site: SiteSpec) -> None:
    first = list(islice(generate_population(site, 75_000, today=TODAY), 200))
    assert len({r.community for r in first}) >= 15


def test_about_care_share_carry_a_flag(residents: list[ResidentSpec]) -> None:
    flagged = sum(r.care.any() for r in residents)
    assert 900 <= flagged <= 1100


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_care_share_holds_for_other_seeds_and_shares(site: SiteSpec, seed: int) -> None:
    people = list(generate_population(site, 5000, care_share=0.35, seed=seed, today=TODAY))
    assert 1600 <= sum(r.care.any() for r in people) <= 1900


@pytest.mark.parametrize(("share", "flagged"), [(0.0, 0), (1.0, 300)])
def test_care_share_extremes(site: SiteSpec, share: float, flagged: int) -> None:
    people = generate_population(site, 300, care_share=share, today=TODAY)
    assert sum(r.care.any() for r in people) == flagged


def test_care_is_concentrated_in_the_elderly(residents: list[ResidentSpec]) -> None:
    flagged = [r for r in residents if r.care.any()]
    elderly_flagged = [r for r in flagged if age_on(r.birth_date, TODAY) >= 60]
    assert len(elderly_flagged) / len(flagged) > 0.6
    for person in residents:
        age = age_on(person.birth_date, TODAY)
        if person.care.dementia:
            assert age >= 60
        if person.care.lives_alone:
            assert age >= 18
            assert person.emergency_contact_relation != "配偶"


def test_care_flags_any() -> None:
    assert not CareFlags(False, False, False, False).any()
    assert CareFlags(False, False, False, True).any()
    assert CareFlags(True, False, False, False).any()


def test_identity_numbers_are_valid_unique_and_consistent(
    residents: list[ResidentSpec],
) -> None:
    assert len({r.id_number for r in residents}) == len(residents)
    for person in residents:
        assert idcard.validate(person.id_number), person.id_number
        assert person.id_number.startswith("120106")
        assert idcard.birth_date(person.id_number) == person.birth_date
        assert idcard.gender(person.id_number) == person.gender


def test_ages_fit_an_old_inner_city_district(site: SiteSpec, residents: list[ResidentSpec]) -> None:
    ages = [age_on(r.birth_date, TODAY) for r in residents]
    assert min(ages) >= 0
    assert max(ages) <= 99
    assert any(age < 7 for age in ages)
    assert any(age >= 90 for age in ages)
    assert sum(age >= 60 for age in ages) / len(ages) > 0.15

    people = list(generate_population(site, 20_000, seed=11, today=TODAY))
    elderly: Counter[str] = Counter()
    everyone: Counter[str] = Counter()
    for person in people:
        everyone[person.community] += 1
        elderly[person.community] += age_on(person.birth_date, TODAY) >= 60
    shares = [elderly[c] / everyone[c] for c in everyone]
    assert min(shares) > 0.12
    assert sum(share > 0.30 for share in shares) >= 3


def test_birth_dates_follow_today(site: SiteSpec) -> None:
    # Born on 29 February and today not a leap day: ages must still come out whole.
    leap_free_today = date(2027, 2, 28)
    for person in generate_population(site, 2000, today=leap_free_today):
        assert person.birth_date <= leap_free_today
        assert 0 <= age_on(person.birth_date, leap_free_today) <= 99


def test_contact_details_are_plausible(site: SiteSpec, residents: list[ResidentSpec]) -> None:
    streets = {c.code: c.streets for c in site.communities}
    assert len({r.phone for r in residents}) == len(residents)
    for person in residents:
        assert person.gender in {"M", "F"}
        assert 2 <= len(person.name) <= 3
        assert len(person.phone) == 11
        assert person.phone.isdigit()
        assert person.phone.startswith("1")
        assert person.emergency_contact_phone != person.phone
        assert len(person.emergency_contact_phone) == 11
        assert person.emergency_contact_relation in RELATIONS
        assert 2 <= len(person.emergency_contact_name) <= 3
        assert person.address.startswith(streets[person.community])
        assert "号" in person.address
        assert "门" in person.address
    surnames = Counter(r.name[0] for r in residents)
    assert {name for name, _ in surnames.most_common(4)} == {"王", "李", "张", "刘"}


def test_consent(residents: list[ResidentSpec]) -> None:
    flagged = [r for r in residents if r.care.any()]
    assert sum(r.consent_given for r in flagged) / len(flagged) > 0.8
    for person in residents:
        if person.consent_given:
            assert person.consent_date is not None
            assert person.birth_date <= person.consent_date <= TODAY
            assert person.consent_method in CONSENT_METHODS
        else:
            assert person.consent_date is None
            assert person.consent_method is None
    assert {r.consent_method for r in residents if r.consent_given} == set(CONSENT_METHODS)


def test_5000_residents_well_under_a_second(site: SiteSpec) -> None:
    started = time.perf_counter()
    people = list(generate_population(site, 5000, seed=99, today=TODAY))
    assert time.perf_counter() - started < 1.0
    assert len(people) == 5000


def test_scales_to_the_whole_street(site: SiteSpec) -> None:
    total = sum(c.population for c in site.communities)
    ids: set[str] = set()
    count = 0
    for person in generate_population(site, total, today=TODAY):
        ids.add(person.id_number)
        count += 1
    assert count == total
    assert len(ids) == total


@pytest.mark.parametrize(
    ("count", "share", "message"),
    [(-1, 0.2, "count must be >= 0"), (10, 1.5, "care_share must be within 0..1")],
)
def test_bad_arguments_fail_at_the_call(
    site: SiteSpec, count: int, share: float, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        generate_population(site, count, care_share=share)


def test_allocate() -> None:
    assert allocate([3, 1], 8) == [6, 2]
    assert allocate([1, 1, 1], 10) == [4, 3, 3]
    assert allocate([0, 0], 5) == [3, 2]
    assert allocate([2, 1], 0) == [0, 0]

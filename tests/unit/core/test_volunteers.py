"""Sign-up rules in their order, ages, the availability mask, photos and skills."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from core.volunteers import (
    AVAILABILITY_SLOTS,
    PHOTO_MAX_BYTES,
    Page,
    Refusal,
    ShiftDraft,
    SignupFacts,
    age_on,
    availability_mask,
    availability_slots,
    part_of_day,
    photo_problem,
    shift_problem,
    signup_refusal,
    split_skills,
)

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
OK = SignupFacts(
    now=NOW,
    starts_at=NOW + timedelta(days=1),
    ends_at=NOW + timedelta(days=1, hours=3),
    deadline=NOW + timedelta(hours=12),
    cancelled=False,
    capacity=3,
    taken=2,
    min_age=18,
    age=18,
    required="急救证",
    qualifications=(("急救证", date(2026, 12, 2)),),
    overlapping=0,
    active=True,
    same_community=True,
    ends_on=date(2026, 12, 2),
)


def test_a_sign_up_that_keeps_every_rule_passes() -> None:
    assert signup_refusal(OK) is None
    assert signup_refusal(replace(OK, required="", qualifications=())) is None
    assert signup_refusal(replace(OK, min_age=0, age=12)) is None


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"taken": 3}, Refusal.FULL),
        ({"age": 17}, Refusal.TOO_YOUNG),
        ({"qualifications": ()}, Refusal.QUALIFICATION_MISSING),
        ({"qualifications": (("驾驶证", None),)}, Refusal.QUALIFICATION_MISSING),
        # Valid today but not through the end of the shift.
        ({"qualifications": (("急救证", date(2026, 12, 1)),)}, Refusal.QUALIFICATION_EXPIRED),
        ({"now": NOW + timedelta(hours=13)}, Refusal.DEADLINE_PASSED),
        ({"overlapping": 1}, Refusal.OVERLAP),
        ({"cancelled": True}, Refusal.CANCELLED),
        ({"now": NOW + timedelta(days=2)}, Refusal.STARTED),
        ({"active": False}, Refusal.INACTIVE),
        ({"same_community": False}, Refusal.OTHER_COMMUNITY),
    ],
)
def test_each_rule_refuses_with_its_own_code(change: dict[str, object], code: Refusal) -> None:
    refused = signup_refusal(replace(OK, **change))  # type: ignore[arg-type]
    assert refused is not None
    assert refused.code is code
    assert str(refused)


def test_a_renewed_qualification_counts_and_no_expiry_never_expires() -> None:
    old_and_new = (("急救证", date(2025, 1, 1)), ("急救证", date(2027, 1, 1)))
    assert signup_refusal(replace(OK, qualifications=old_and_new)) is None
    assert signup_refusal(replace(OK, qualifications=(("急救证", None),))) is None


def test_the_cancelled_shift_is_named_before_a_full_one() -> None:
    refused = signup_refusal(replace(OK, cancelled=True, taken=9))
    assert refused is not None
    assert refused.code is Refusal.CANCELLED


def test_age_in_full_years() -> None:
    assert age_on(date(2008, 12, 2), date(2026, 12, 1)) == 17
    assert age_on(date(2008, 12, 1), date(2026, 12, 1)) == 18
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17


def test_the_availability_mask_round_trips_and_refuses_bad_slots() -> None:
    slots = {(0, 0), (6, 2), (3, 1)}
    mask = availability_mask(slots)
    assert availability_slots(mask) == slots
    assert availability_mask({(6, 2)}) == 1 << (AVAILABILITY_SLOTS - 1)
    with pytest.raises(ValueError, match="slot"):
        availability_mask({(7, 0)})
    assert [part_of_day(h) for h in (5, 6, 12, 18, 22)] == [None, 0, 1, 2, None]


def test_a_photo_is_a_capped_jpeg_or_png() -> None:
    assert photo_problem(b"\xff\xd8\xff\xe0" + b"\0" * 10) is None
    assert photo_problem(b"\x89PNG\r\n\x1a\n") is None
    assert "JPEG or PNG" in (photo_problem(b"GIF89a") or "")
    assert "KiB" in (photo_problem(b"\xff\xd8\xff" + b"\0" * PHOTO_MAX_BYTES) or "")


def test_skills_split_on_either_comma_and_keep_their_order() -> None:
    assert split_skills("读报，理发; 读报 ,, 代购；") == ("读报", "理发", "代购")


def test_a_shift_draft_is_checked() -> None:
    d = ShiftDraft("C01", "送餐", "食堂", NOW, NOW + timedelta(hours=2), 3)
    assert shift_problem(d) is None
    assert shift_problem(replace(d, ends_at=NOW)) == "a shift ends after it starts"
    assert shift_problem(replace(d, capacity=0)) is not None
    assert shift_problem(replace(d, signup_deadline=NOW + timedelta(hours=1))) is not None


def test_a_page_read_with_one_more_row_says_it_was_cut() -> None:
    cut = Page.of([1, 2, 3, 4], 3)
    assert cut == [1, 2, 3]
    assert cut.truncated
    whole = Page.of([1, 2, 3], 3)
    assert whole == [1, 2, 3]
    assert not whole.truncated


def test_a_qualification_must_reach_the_shifts_local_last_day() -> None:
    # Ends 23:30 UTC on 2 December, 07:30 on 3 December in Beijing: the local day counts.
    late = replace(OK, ends_at=datetime(2026, 12, 2, 23, 30, tzinfo=UTC), ends_on=date(2026, 12, 3))
    refused = signup_refusal(late)
    assert refused is not None
    assert refused.code is Refusal.QUALIFICATION_EXPIRED

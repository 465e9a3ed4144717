"""The duplicate rule: phone, caller and place within the window, scored and explained."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.duplicates import (
    Candidate,
    Draft,
    Reason,
    is_draft_searchable,
    phone_digits,
    place_key,
    reasons,
    suggest,
)
from core.incidents import IncidentState as S
from core.templates import (
    MAX_TEMPLATES,
    QuickTemplate,
    decode_templates,
    encode_templates,
    parse_template,
)

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
WINDOW = timedelta(minutes=30)


def cand(iid: int, minutes_before: int, state: S = S.NEW, **kw: str | None) -> Candidate:
    args: dict[str, str | None] = {
        "title": f"#{iid}",
        "community": "C01",
        "location": "",
        "caller_name": "",
        "caller_phone": "",
    }
    args.update(kw)
    return Candidate(
        id=iid,
        state=state,
        created_at=T0 - timedelta(minutes=minutes_before),
        **args,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("138 1234 5678", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("００８６１３８１２３４５６７８", "13812345678"),
        ("022-2658 0000", "02226580000"),
    ],
)
def test_phone_digits_drop_separators_and_the_country_code(typed: str, digits: str) -> None:
    assert phone_digits(typed) == digits


def test_place_key_treats_widths_spaces_and_building_words_alike() -> None:
    assert place_key("咸阳北里 ３号楼") == place_key("咸阳北里3号") == place_key("咸阳北里3栋")
    assert place_key("咸阳北里3号") != place_key("咸阳北里4号")


def test_same_phone_matches_whatever_else_differs() -> None:
    d = Draft(at=T0, caller_phone="138 1234 5678", community="C02", location="别处")
    [s] = suggest(d, [cand(7, 6, caller_phone="13812345678")], WINDOW)
    assert (s.id, s.reasons, s.minutes_apart) == (7, (Reason.PHONE,), 6)


def test_a_name_matches_only_within_the_same_community() -> None:
    d = Draft(at=T0, caller_name="张伟", community="C01")
    assert reasons(d, cand(1, 5, caller_name="张伟")) == (Reason.NAME,)
    assert reasons(d, cand(2, 5, caller_name="张伟", community="C02")) == ()


def test_similar_places_match_weaker_than_the_same_place() -> None:
    d = Draft(at=T0, location="咸阳北里3号楼2单元")
    same = cand(1, 10, location="咸阳北里 ３号楼 2单元")
    similar = cand(2, 10, location="咸阳北里3号楼")
    out = suggest(d, [similar, same], WINDOW)
    assert [(s.id, s.reasons) for s in out] == [
        (1, (Reason.PLACE,)),
        (2, (Reason.SIMILAR_PLACE,)),
    ]
    assert out[0].score > out[1].score


def test_outside_the_window_closed_and_itself_are_not_suggested() -> None:
    d = Draft(at=T0, caller_phone="13812345678", exclude_id=3)
    phone = "13812345678"
    out = suggest(
        d,
        [
            cand(1, 31, caller_phone=phone),  # too early
            cand(2, 5, S.CLOSED, caller_phone=phone),  # closed: nothing to join
            cand(3, 1, caller_phone=phone),  # the incident itself
            cand(4, 20, S.RESOLVED, caller_phone=phone),  # just resolved: a second call about it
            cand(5, 2, caller_phone=phone),
        ],
        WINDOW,
    )
    assert [s.id for s in out] == [5, 4]  # the nearer first at the same strength


def test_short_inputs_are_not_searched() -> None:
    assert not is_draft_searchable(Draft(at=T0, caller_phone="1234", location="1号"))
    assert is_draft_searchable(Draft(at=T0, caller_phone="13812345678"))
    assert is_draft_searchable(Draft(at=T0, caller_name="李"))


def test_templates_parse_and_survive_storage() -> None:
    t = parse_template("独居老人未开门|邻居反映老人已两天未见出门")
    assert t == QuickTemplate("独居老人未开门", "邻居反映老人已两天未见出门")
    assert parse_template("只有标题") == QuickTemplate("只有标题", "")
    kept = (t, QuickTemplate("多行|说明", "第一行\n第二行\\n不是换行"))
    assert decode_templates(encode_templates(kept)) == kept
    assert decode_templates("") == ()
    with pytest.raises(ValueError, match="title"):
        parse_template("|没有标题")
    assert MAX_TEMPLATES == 9

"""The history query: normalisation, grams, numbers, checks and the remembered form."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from core.history import (
    HistoryQuery,
    QueryError,
    digits,
    incident_number,
    normalise,
    phone_grams,
    query_grams,
    search_body,
    text_grams,
)
from core.model import IncidentSource


def test_normalise_folds_width_and_case_and_drops_spaces_and_punctuation() -> None:
    assert normalise("咸阳北路 12号，3单元") == "咸阳北路12号3单元"
    assert normalise("ＡＢＣ１２３") == "abc123"
    assert normalise("Main St.") == "mainst"
    assert normalise("  ") == ""


def test_text_grams_are_trigrams_with_the_end_marked() -> None:
    assert text_grams("李静") == {"李静$"}
    assert text_grams("李静怡") == {"李静怡", "静怡$"}
    assert text_grams("李") == set()
    assert text_grams("") == set()
    assert text_grams("aaaaa") == {"aaa", "aa$"}  # distinct grams only


def test_phone_grams_are_marked_four_digit_grams() -> None:
    assert digits("+86 138-0013 5678") == "8613800135678"
    assert phone_grams("123456") == {"#1234", "#2345", "#3456", "#456$"}
    assert phone_grams("") == set()
    assert not phone_grams("1234") & text_grams("1234")


def test_a_short_query_looks_up_a_prefix_and_a_long_one_its_grams() -> None:
    assert query_grams("李静", "") == (set(), {"李静"})
    grams, prefixes = query_grams("北路12", "5678")
    assert grams == {"北路1", "路12", "#5678"}
    assert prefixes == set()
    assert query_grams("", "567") == (set(), {"#567"})
    # Every substring of an indexed text is a gram of it or the prefix of one.
    body = normalise("咸阳北路12号 李静")
    indexed = text_grams(body)
    for i in range(len(body) - 1):
        for j in range(i + 2, len(body) + 1):
            g, p = query_grams(body[i:j], "")
            assert g <= indexed
            assert all(any(x.startswith(q) for x in indexed) for q in p)


def test_the_body_joins_every_searchable_field() -> None:
    body = search_body("老人摔倒", "邻居来电", "李静", "红旗路 8 号")
    for part in ("老人摔倒", "邻居来电", "李静", "红旗路8号"):
        assert part in body


@pytest.mark.parametrize(
    ("typed", "number"),
    [("12345", 12345), ("#12345", 12345), (" # 7 ", 7), ("12号", None), ("李静", None), ("", None)],
)
def test_incident_number(typed: str, number: int | None) -> None:
    assert incident_number(typed) == number


def test_checks_refuse_what_the_index_cannot_answer() -> None:
    HistoryQuery(text="李静", phone="5678").check()
    HistoryQuery(text="#5").check()  # a number, however short
    for bad in (
        HistoryQuery(text="李"),
        HistoryQuery(text="，。"),
        HistoryQuery(phone="12"),
        HistoryQuery(text="x" * 101),
        HistoryQuery(date_from=date(2026, 2, 1), date_to=date(2026, 1, 1)),
    ):
        with pytest.raises(QueryError):
            bad.check()


def test_the_date_range_is_whole_days_in_the_site_zone() -> None:
    q = HistoryQuery(date_from=date(2026, 11, 25), date_to=date(2026, 11, 25))
    start, end = q.utc_range("Asia/Shanghai")
    assert start == datetime(2026, 11, 24, 16, tzinfo=UTC)
    assert end == datetime(2026, 11, 25, 16, tzinfo=UTC)
    assert HistoryQuery().utc_range() == (None, None)


def test_a_query_survives_its_json_and_bad_json_gives_an_empty_one() -> None:
    q = HistoryQuery(
        text="李静",
        phone="5678",
        community="C01",
        type_code="MISSING",
        source=IncidentSource.CALL,
        date_from=date(2026, 1, 1),
        date_to=date(2026, 1, 31),
    )
    assert HistoryQuery.from_json(q.to_json()) == q
    assert HistoryQuery.from_json("") == HistoryQuery()
    assert HistoryQuery.from_json("{not json") == HistoryQuery()
    assert HistoryQuery.from_json("[1]") == HistoryQuery()
    odd = HistoryQuery.from_json('{"source": "pigeon", "date_from": "yesterday", "text": 5}')
    assert odd == HistoryQuery()
    assert odd.is_empty

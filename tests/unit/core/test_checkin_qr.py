"""Check-in codes: signing, expiry, forgery, damage, place, and that they fit a small QR code."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import segno

from core.checkin_qr import (
    CLOCK_SKEW_S,
    MAX_VALID_S,
    CheckinCodeError,
    checkin_key,
    make_code,
    verify,
)
from core.survey_slip import slip_key

KEY = checkin_key(b"s" * 32)
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def reason(text: str, now: datetime = NOW, key: bytes = KEY, place: str | None = None) -> str:
    with pytest.raises(CheckinCodeError) as err:
        verify(key, text, now, place)
    return err.value.reason


def test_a_fresh_code_verifies_with_its_place_times_and_nonce() -> None:
    text = make_code(KEY, "station:C01", NOW, 120)
    code = verify(KEY, text, NOW + timedelta(seconds=119))
    assert code.place == "station:C01"
    assert (code.kind, code.subject) == ("station", "C01")
    assert code.issued_at == NOW
    assert code.expires_at == NOW + timedelta(seconds=120)
    assert len(code.nonce) == 13  # 8 random bytes in base32


def test_two_codes_for_one_place_and_moment_differ_in_their_nonce() -> None:
    a = verify(KEY, make_code(KEY, "door:42", NOW, 60), NOW)
    b = verify(KEY, make_code(KEY, "door:42", NOW, 60), NOW)
    assert a.nonce != b.nonce


def test_a_code_expires_at_its_end_and_not_a_second_before() -> None:
    text = make_code(KEY, "station:C01", NOW, 120)
    verify(KEY, text, NOW + timedelta(seconds=119, microseconds=999_999))
    assert reason(text, NOW + timedelta(seconds=120)) == "expired"
    assert reason(text, NOW + timedelta(days=3)) == "expired"


def test_a_visit_card_is_not_valid_before_its_window_beyond_the_clock_skew() -> None:
    start = NOW + timedelta(hours=2)
    text = make_code(KEY, "door:7", start, 3600)
    assert reason(text, NOW) == "early"
    verify(KEY, text, start - timedelta(seconds=CLOCK_SKEW_S))  # PCs' clocks differ a little
    verify(KEY, text, start + timedelta(minutes=59))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("station:C01", "station:C02"),  # another place
        (".120.", ".9999."),  # a longer life
    ],
)
def test_an_altered_field_is_forged(old: str, new: str) -> None:
    text = make_code(KEY, "station:C01", NOW, 120)
    assert old in text
    assert reason(text.replace(old, new)) == "forged"


def test_a_later_issue_time_is_forged() -> None:
    text = make_code(KEY, "station:C01", NOW, 120)
    issued = str(int(NOW.timestamp()))
    later = str(int(NOW.timestamp()) + 3600)
    assert reason(text.replace(issued, later), NOW + timedelta(hours=1)) == "forged"


def test_an_altered_nonce_or_mac_is_forged() -> None:
    text = make_code(KEY, "station:C01", NOW, 120, nonce=bytes(8))
    head, nonce, mac = text.rsplit(".", 2)
    assert reason(f"{head}.{'B' + nonce[1:]}.{mac}") == "forged"
    assert reason(f"{head}.{nonce}.{'A' if mac[0] != 'A' else 'B'}{mac[1:]}") == "forged"


def test_another_sites_code_and_a_survey_slip_key_are_forged() -> None:
    text = make_code(checkin_key(b"t" * 32), "station:C01", NOW, 120)
    assert reason(text) == "forged"
    # Same site secret, the slip key: the derivations differ, so the codes do too.
    assert reason(make_code(slip_key(b"s" * 32), "station:C01", NOW, 120)) == "forged"


@pytest.mark.parametrize(
    "text",
    ["", "hello", "S1.R1.-.AAAA.BBBB", "C1.station:C01.123", "C1.station:C01.x.120.AAAA.BBBB"],
)
def test_damaged_or_foreign_text_is_malformed(text: str) -> None:
    assert reason(text) == "malformed"


def test_a_typed_code_may_carry_spaces_line_breaks_and_lower_case() -> None:
    text = make_code(KEY, "station:C01", NOW, 120)
    head, nonce, mac = text.rsplit(".", 2)
    typed = f"{head}.\n{nonce.lower()} .{mac.lower()}"
    assert verify(KEY, typed, NOW).nonce == nonce


def test_a_code_for_another_place_is_refused_when_a_place_is_asked() -> None:
    text = make_code(KEY, "station:C01", NOW, 120)
    assert reason(text, place="station:C02") == "place"
    assert verify(KEY, text, NOW, "station:C01").place == "station:C01"


def test_making_refuses_bad_places_lives_and_naive_times() -> None:
    with pytest.raises(ValueError, match="place"):
        make_code(KEY, "station:C 01", NOW, 120)
    with pytest.raises(ValueError, match="place"):
        make_code(KEY, "garden:1", NOW, 120)
    with pytest.raises(ValueError, match="seconds"):
        make_code(KEY, "door:1", NOW, MAX_VALID_S + 1)
    with pytest.raises(ValueError, match="seconds"):
        make_code(KEY, "door:1", NOW, 0)
    with pytest.raises(ValueError, match="time zone"):
        make_code(KEY, "door:1", NOW.replace(tzinfo=None), 60)
    with pytest.raises(ValueError, match="too short"):
        checkin_key(b"short")


def test_a_code_fits_a_version_5_qr_code_at_medium_error_correction() -> None:
    text = make_code(KEY, "station:Nord-Community-12", NOW, MAX_VALID_S)
    assert len(text) <= 90
    assert segno.make(text, error="m", micro=False).version <= 5

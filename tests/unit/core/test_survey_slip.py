"""Survey slips: signed, verified, refused when altered, foreign or for another round."""

from __future__ import annotations

import string
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.survey_slip import SlipError, hkdf_sha256, make_slip, slip_key, verify

KEY = slip_key(b"s" * 32)


def test_hkdf_rfc5869_case_1() -> None:
    okm = hkdf_sha256(bytes([0x0B] * 22), bytes(range(0xF0, 0xFA)), 42, salt=bytes(range(0x0D)))
    assert okm.hex() == (
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
    )


def test_sign_and_verify() -> None:
    slip, text = make_slip(KEY, "R2026-05", 42)
    assert text.startswith("S1.R2026-05.42.")
    assert verify(KEY, text, "R2026-05") == slip
    assert uuid.UUID(slip.slip_uuid).version == 4
    anon, text2 = make_slip(KEY, "R2026-05")
    assert verify(KEY, text2).resident_id is None
    assert anon.slip_uuid != slip.slip_uuid
    assert len(slip.code) == 8


def test_typed_with_spaces_and_lower_case_is_taken() -> None:
    slip, text = make_slip(KEY, "R1", 7)
    head, tail = text[:8], text[8:]
    assert verify(KEY, f"  {head} \n{tail.lower()[:-3]} {tail[-3:].lower()} ", "R1") == slip


def test_every_single_character_change_is_refused() -> None:
    _, text = make_slip(KEY, "R1", 7)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567-.19"
    for i, ch in enumerate(text):
        for other in alphabet:
            if other.upper() == ch.upper():
                continue
            with pytest.raises(SlipError):
                verify(KEY, text[:i] + other + text[i + 1 :], "R1")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace(".7.", ".8."), "altered"),
        (lambda t: "S1.R2.7." + t.split(".", 3)[3], "altered"),
        (lambda t: t.rsplit(".", 1)[0], "incomplete"),
        (lambda t: "https://example.org/x", "not a survey slip"),
        (lambda t: t[:-1] + "!", "damaged"),
    ],
)
def test_tampered_slips_say_why(change: object, message: str) -> None:
    _, text = make_slip(KEY, "R1", 7)
    with pytest.raises(SlipError, match=message):
        verify(KEY, change(text), "R1")  # type: ignore[operator]


def test_wrong_round_and_wrong_site() -> None:
    _, text = make_slip(KEY, "R1", 7)
    with pytest.raises(SlipError, match="for survey round R1, not R2"):
        verify(KEY, text, "R2")
    with pytest.raises(SlipError, match="not printed by this site"):
        verify(slip_key(b"t" * 32), text, "R1")


def test_bad_inputs_refused_when_making() -> None:
    with pytest.raises(ValueError, match="cannot go on a slip"):
        make_slip(KEY, "R 1")
    with pytest.raises(ValueError, match="positive"):
        make_slip(KEY, "R1", 0)
    with pytest.raises(ValueError, match="too short"):
        slip_key(b"short")


@given(
    st.text(string.ascii_letters + string.digits + "_-", min_size=1, max_size=64),
    st.none() | st.integers(1, 10**12),
    st.uuids(),
    st.binary(min_size=16, max_size=64),
)
def test_round_trip(rnd: str, resident: int | None, uid: uuid.UUID, secret: bytes) -> None:
    key = slip_key(secret)
    slip, text = make_slip(key, rnd, resident, str(uid))
    assert text.isascii()
    assert verify(key, text, rnd) == slip
    assert slip.slip_uuid == str(uid)
    assert slip.resident_id == resident

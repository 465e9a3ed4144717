"""Caller id from untrusted SIP headers: number digits, PAI over From, cleaned display names."""

from __future__ import annotations

import pytest

from hardware.sip.callerid import MAX_DISPLAY, caller_id, clean_text, dial_string, uri_number


@pytest.mark.parametrize(
    ("remote", "number", "display"),
    [
        ('"Zhang San" <sip:13800138000@127.0.0.1>', "13800138000", "Zhang San"),
        ("<sip:13800138000@pbx;user=phone>", "13800138000", ""),
        ("sip:8001@pbx.example", "8001", ""),
        ("Li Si <sips:+86-138-0013-8000@pbx:5061;transport=tls>", "8613800138000", "Li Si"),
        ('"Anonymous" <sip:anonymous@anonymous.invalid>', "", "Anonymous"),
        ('"王 \\"五\\"" <sip:13900001111@pbx>', "13900001111", '王 "五"'),
        ("<tel:+8613800138000>", "8613800138000", ""),
        ("garbage without a uri", "", ""),
    ],
)
def test_number_and_display_from_the_from_header(remote: str, number: str, display: str) -> None:
    assert caller_id(remote) == (number, display)


def test_p_asserted_identity_wins_over_from() -> None:
    invite = (
        "INVITE sip:console@127.0.0.1 SIP/2.0\r\n"
        'From: "Spoofed" <sip:110@evil>;tag=1\r\n'
        'P-Asserted-Identity: "Wang Wu" <sip:13911112222@pbx>, <tel:+8613911112222>\r\n'
        "\r\n"
        "P-Asserted-Identity: <sip:999@body-is-not-a-header>\r\n"
    )
    assert caller_id('"Spoofed" <sip:110@evil>', invite) == ("13911112222", "Wang Wu")


def test_a_pai_without_a_number_leaves_the_from_number() -> None:
    invite = "INVITE x SIP/2.0\r\nP-Asserted-Identity: <sip:anonymous@pbx>\r\n\r\n"
    assert caller_id("<sip:8002@pbx>", invite) == ("8002", "")


def test_control_characters_are_stripped_and_length_capped() -> None:
    number, display = caller_id('"A\x1b[31mB\x00C\u202e\tD" <sip:1' + "2" * 80 + "@h>")
    assert display == "A[31mBC D"
    assert len(number) == 32
    assert len(clean_text("x" * 500, MAX_DISPLAY)) == MAX_DISPLAY
    assert clean_text("  two \n lines ", 64) == "two lines"


def test_uri_number_ignores_other_schemes_and_params() -> None:
    assert uri_number("http://13800138000@x") == ""
    assert uri_number("sip:12%334@h") == "1234"
    assert uri_number("sip:555;phone-context=x@h") == "555"


def test_dial_string_keeps_what_a_request_uri_may_carry() -> None:
    assert dial_string(" +86 (138) 0013-8000 ") == "+8613800138000"
    assert dial_string("*69") == "*69"
    assert dial_string("a@b;c>") == ""

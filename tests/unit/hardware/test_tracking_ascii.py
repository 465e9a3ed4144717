"""The ASCII tag-line parser: valid ids out, noise counted, buffer bounded, however split."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hardware.tracking.ascii_reader import MAX_RECORD, AsciiTagParser, em4100_line

HEX = "0123456789ABCDEFabcdef"
_NOT_HEX = bytes(b for b in range(256) if chr(b) not in HEX)

tags = st.text(alphabet=HEX, min_size=10, max_size=10)
# Noise that cannot spell an id (no hex digits) but holds every terminator, STX and ETX.
noise = st.binary(max_size=200).map(lambda b: bytes(_NOT_HEX[x % len(_NOT_HEX)] for x in b))


@st.composite
def encoded(draw: st.DrawFn) -> tuple[str, bytes]:
    """A tag and the bytes of one record as some reader sends it (starting a fresh record)."""
    tag = draw(tags)
    style = draw(st.sampled_from(["crlf", "lf", "cr", "stx", "stx-check", "stx-crlf", "check"]))
    body = tag.encode()
    if style == "crlf":
        data = b"\n" + body + b"\r\n"
    elif style == "lf":
        data = b"\n" + body + b"\n"
    elif style == "cr":
        data = b"\r" + body + b"\r"
    elif style == "stx":
        data = em4100_line(tag, framed=True)
    elif style == "stx-check":
        data = em4100_line(tag, framed=True, check=True)
    elif style == "stx-crlf":
        data = b"\x02" + body + b"\r\n\x03"
    else:
        data = b"\n" + em4100_line(tag, check=True)
    return tag.upper(), data


def _feed_split(parser: AsciiTagParser, data: bytes, cuts: list[int]) -> list[str]:
    out: list[str] = []
    last = 0
    for cut in [*sorted({c % (len(data) + 1) for c in cuts}), len(data)]:
        out += parser.feed(data[last:cut])
        last = cut
        assert parser.buffered <= MAX_RECORD
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(noise, encoded()), max_size=30),
    noise,
    st.lists(st.integers(min_value=0, max_value=10_000), max_size=40),
)
def test_exactly_the_valid_records_whatever_noise_and_splits(
    parts: list[tuple[bytes, tuple[str, bytes]]], trailer: bytes, cuts: list[int]
) -> None:
    stream = b"".join(junk + frame for junk, (_, frame) in parts) + trailer
    parser = AsciiTagParser()
    assert _feed_split(parser, stream, cuts) == [tag for _, (tag, _) in parts]
    assert parser.stats.frames == len(parts)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600), st.lists(st.integers(min_value=0, max_value=1000), max_size=60))
def test_any_bytes_split_anywhere_give_what_one_feed_gives(data: bytes, cuts: list[int]) -> None:
    whole = AsciiTagParser().feed(data)
    assert _feed_split(AsciiTagParser(), data, cuts) == whole


@pytest.mark.parametrize(
    ("data", "tags", "errors"),
    [
        (b"0123456789\r\n", ["0123456789"], 0),
        (b"  00ab12cd34 \n", ["00AB12CD34"], 0),
        (b"\x020F0012AB3C\x03", ["0F0012AB3C"], 0),
        (em4100_line("0F0012AB3C", framed=True, check=True), ["0F0012AB3C"], 0),
        (b"\x020F0012AB3C00\x03", [], 1),  # wrong check byte
        (b"01234567\r\n", [], 1),  # 8 digits: not an EM4100 id
        (b"0123456789A\r\n", [], 1),
        (b"01234G6789\r\n", [], 1),
        (b"\r\n\r\n\x03\n", [], 0),  # empty records are not errors
        (b"noise\x020123456789\x03", ["0123456789"], 0),
    ],
)
def test_examples(data: bytes, tags: list[str], errors: int) -> None:
    parser = AsciiTagParser()
    assert parser.feed(data) == tags
    assert parser.stats.errors == errors


def test_overlong_line_is_dropped_with_a_resync_and_the_next_line_reads() -> None:
    parser = AsciiTagParser()
    assert parser.feed(b"9" * 500) == []
    assert parser.buffered <= MAX_RECORD
    assert parser.stats.resyncs == 1
    # The rest of the overlong line must not be read as an id.
    assert parser.feed(b"0123456789\r\nABCDEF0123\r\n") == ["ABCDEF0123"]
    assert parser.stats.dropped >= 510


def test_partial_line_waits_for_its_terminator() -> None:
    parser = AsciiTagParser()
    assert parser.feed(b"01234") == []
    assert parser.feed(b"56789") == []
    assert parser.feed(b"\r") == ["0123456789"]
    assert parser.feed(b"\n") == []

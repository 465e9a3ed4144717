"""The binary UHF protocol: CRC vector, frame layout, parser under garbage, splits and lies."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.tracking import TrackerAlarm
from hardware.tracking.uhf_binary import (
    CMD_TAG,
    FLAG_LOW_BATTERY,
    FLAG_SOS,
    FLAG_TAG_REMOVED,
    MAX_FRAME,
    MAX_PAYLOAD,
    TYPE_NOTICE,
    FrameError,
    TagNotice,
    UhfFrame,
    UhfFrameParser,
    crc16,
    decode_tag_notice,
    encode_frame,
    tag_notice_frame,
    tag_read,
)

EPC = bytes.fromhex("E28011606000020D1B2C3D4E")


def test_crc_is_ccitt_false() -> None:
    assert crc16(b"123456789") == 0x29B1


def test_documented_example_frame() -> None:
    """The tag notice shown in docs/UHF-PROTOCOL.md, byte for byte."""
    frame = tag_notice_frame(EPC, antenna=1, rssi=-61, flags=0)
    assert (
        frame.hex(" ") == "bb 02 22 00 10 0c e2 80 11 60 60 00 02 0d 1b 2c 3d 4e 01 c3 00 6e c4 7e"
    )


frames = st.builds(
    lambda t, c, p: UhfFrame(t, c, p),
    st.sampled_from([0, 1, 2]),
    st.integers(min_value=0, max_value=255),
    st.binary(max_size=80),
)


def _encode(frame: UhfFrame) -> bytes:
    return encode_frame(frame.type, frame.command, frame.payload)


def _feed_split(parser: UhfFrameParser, data: bytes, cuts: list[int]) -> list[UhfFrame]:
    out: list[UhfFrame] = []
    last = 0
    for cut in [*sorted({c % (len(data) + 1) for c in cuts}), len(data)]:
        out += parser.feed(data[last:cut])
        last = cut
        assert parser.buffered < MAX_FRAME
    return out


# Garbage is any bytes: a 0xBB in it with a plausible header waits for its length, fails the
# end byte or CRC and is skipped, so the frames after it still come out.
def _cut(frame: UhfFrame, n: int) -> bytes:
    data = _encode(frame)
    return data[: min(n, len(data) - 1)]  # a frame cut short, never a whole one


def _holds_no_frame(data: bytes) -> bool:
    return not UhfFrameParser().feed(data + bytes(MAX_FRAME))


# Hypothesis does find byte strings that are whole valid frames: those are not garbage.
garbage = (
    st.binary(max_size=120) | st.builds(_cut, frames, st.integers(min_value=0, max_value=40))
).filter(_holds_no_frame)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(garbage, frames), max_size=25),
    garbage,
    st.lists(st.integers(min_value=0, max_value=20_000), max_size=40),
)
def test_exactly_the_valid_frames_whatever_garbage_and_splits(
    parts: list[tuple[bytes, UhfFrame]], trailer: bytes, cuts: list[int]
) -> None:
    # A garbage header at the very end may still wait for bytes: the link keeps delivering,
    # which the zero filler stands for (it holds no 0xBB, so it holds no frame).
    stream = b"".join(junk + _encode(f) for junk, f in parts) + trailer + bytes(MAX_FRAME)
    parser = UhfFrameParser()
    assert _feed_split(parser, stream, cuts) == [f for _, f in parts]
    assert parser.buffered == 0


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=1500), st.lists(st.integers(min_value=0, max_value=2000), max_size=60))
def test_any_bytes_split_anywhere_give_what_one_feed_gives(data: bytes, cuts: list[int]) -> None:
    whole = UhfFrameParser().feed(data)
    assert _feed_split(UhfFrameParser(), data, cuts) == whole


def test_crc_bytes_equal_to_header_and_end_bytes() -> None:
    """A frame whose CRC is 0xBB 0x7E (found by search) is read, and so is the next one."""
    for antenna, rssi in itertools.product(range(256), range(-128, 0)):
        frame = tag_notice_frame(EPC, antenna, rssi)
        if frame[-3:-1] in (b"\xbb\x7e", b"\x7e\xbb", b"\xbb\xbb"):
            break
    else:
        pytest.fail("no frame with such a CRC in the search space")
    nxt = tag_notice_frame(EPC, 2, -40, FLAG_SOS)
    parser = UhfFrameParser()
    got = [f for b in frame + nxt for f in parser.feed(bytes([b]))]  # byte by byte, worst case
    assert len(got) == 2
    assert parser.stats.resyncs == 0


def test_a_lying_length_is_skipped_and_the_frames_behind_it_read() -> None:
    good = [tag_notice_frame(EPC, a, -50) for a in range(1, 4)]
    longer = bytearray(good[0])
    longer[4] += 40  # claims 40 more bytes than it has
    shorter = bytearray(good[1])
    shorter[4] -= 5
    parser = UhfFrameParser()
    got = parser.feed(bytes(longer) + bytes(shorter) + good[2] + bytes(MAX_FRAME))
    assert [decode_tag_notice(f.payload).antenna for f in got] == [3]
    assert parser.stats.resyncs >= 1
    assert parser.buffered == 0


def test_a_bad_crc_is_an_error_and_a_resync() -> None:
    bad = bytearray(tag_notice_frame(EPC, 1, -50))
    bad[8] ^= 0xFF
    parser = UhfFrameParser()
    got = parser.feed(bytes(bad) + tag_notice_frame(EPC, 2, -50))
    assert [decode_tag_notice(f.payload).antenna for f in got] == [2]
    assert parser.stats.errors == 1
    assert parser.stats.resyncs == 1


def test_a_length_above_the_maximum_is_not_waited_for() -> None:
    header = bytes([0xBB, TYPE_NOTICE, CMD_TAG, (MAX_PAYLOAD + 1) >> 8, (MAX_PAYLOAD + 1) & 0xFF])
    parser = UhfFrameParser()
    assert len(parser.feed(header + tag_notice_frame(EPC, 1, -50))) == 1


def test_tag_notice_fields_and_flags() -> None:
    frame = UhfFrameParser().feed(
        tag_notice_frame(EPC, 3, -72, FLAG_SOS | FLAG_LOW_BATTERY | FLAG_TAG_REMOVED)
    )[0]
    notice = decode_tag_notice(frame.payload)
    assert notice == TagNotice(EPC, 3, -72, 0x07)
    read = tag_read("R001", notice, clock=lambda: __import__("datetime").datetime(2026, 1, 1))
    assert read.tag == "E28011606000020D1B2C3D4E"
    assert read.rssi == -72.0
    assert read.antenna == 3
    assert read.battery_low
    assert read.alarms == {TrackerAlarm.SOS, TrackerAlarm.TAG_REMOVED, TrackerAlarm.LOW_BATTERY}
    plain = decode_tag_notice(UhfFrameParser().feed(tag_notice_frame(EPC, 1, -40))[0].payload)
    assert plain.flags == 0


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        bytes([11]) + bytes(11) + b"\x01\xc0",  # EPC too short
        bytes([13]) + bytes(13) + b"\x01\xc0",  # odd: not whole words
        bytes([64]) + bytes(64) + b"\x01\xc0",  # EPC too long
        bytes([12]) + bytes(12) + b"\x01",  # no RSSI
        bytes([12]) + bytes(12) + b"\x01\xc0\x00\x00",  # a byte too many
    ],
)
def test_malformed_tag_notices_are_frame_errors(payload: bytes) -> None:
    with pytest.raises(FrameError):
        decode_tag_notice(payload)


def test_longest_epc_fits() -> None:
    epc = bytes(range(62))
    frame = UhfFrameParser().feed(tag_notice_frame(epc, 1, -30, 0))[0]
    assert decode_tag_notice(frame.payload).epc == epc


def test_every_example_in_the_protocol_document_is_a_valid_frame() -> None:
    doc = Path(__file__).resolve().parents[3] / "docs" / "UHF-PROTOCOL.md"
    lines = [ln.split("bb ", 1)[1] for ln in doc.read_text().splitlines() if " bb 0" in ln]
    assert len(lines) >= 10
    for line in lines:
        data = bytes.fromhex("bb " + line)
        parser = UhfFrameParser()
        assert len(parser.feed(data)) == 1, line
        assert parser.stats.resyncs == 0
        assert parser.buffered == 0

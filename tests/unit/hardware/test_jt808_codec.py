"""JT/T 808 codec: escaping, check code, headers and bodies against the independent emulator."""

from __future__ import annotations

import struct
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.tracking import TrackerAlarm
from hardware.tracking.jt808 import (
    MAX_FRAME,
    Frame,
    FrameProblem,
    Header,
    Jt808Error,
    Jt808Splitter,
    alarms_of,
    bcd_time,
    decode_auth_code,
    decode_location,
    decode_location_batch,
    decode_registration,
    encode_frame,
    escape,
    parse_content,
    unescape,
    xor_check,
)
from tests.helpers.jt808_terminal import (
    Jt808Terminal,
    check_code,
    location_body,
    wire_escape,
    wire_unescape,
)

PHONES_2013 = st.text("0123456789", min_size=12, max_size=12)
PHONES_2019 = st.text("0123456789", min_size=20, max_size=20)
# Bodies rich in the two special bytes, so escaping is exercised on nearly every example.
BODIES = st.lists(st.sampled_from([0x7E, 0x7D, 0x01, 0x02, 0x00, 0xFF, 0x55]), max_size=60).map(
    bytes
) | st.binary(max_size=200)


def _wire(phone: str, version: int | None, msg_id: int, serial: int, body: bytes) -> bytes:
    term = Jt808Terminal(phone, version=version)
    data, _ = term.frame(msg_id, body, serial=serial)
    return data


@st.composite
def frames(draw: st.DrawFn) -> tuple[bytes, Header, bytes]:
    """(wire bytes built by the emulator, the header, the body) of a random message."""
    version = draw(st.none() | st.integers(0, 255))
    phone = draw(PHONES_2019 if version is not None else PHONES_2013)
    msg_id = draw(st.integers(0, 0xFFFF))
    serial = draw(st.integers(0, 0xFFFF))
    body = draw(BODIES)
    return _wire(phone, version, msg_id, serial, body), Header(msg_id, phone, serial, version), body


# --- escaping and the check code -----------------------------------------------------------------
@given(BODIES)
def test_escape_round_trip_and_no_flag_inside(data: bytes) -> None:
    escaped = escape(data)
    assert b"\x7e" not in escaped
    assert escaped == wire_escape(data)
    assert unescape(escaped) == data
    assert wire_unescape(escaped) == data


@pytest.mark.parametrize("bad", [b"\x7d", b"ab\x7d", b"\x7d\x03", b"\x7d\x7d\x01", b"a\x7eb"])
def test_unescape_refuses_broken_escapes(bad: bytes) -> None:
    with pytest.raises(Jt808Error):
        unescape(bad)


@settings(deadline=None)
@given(st.binary(max_size=3000))
def test_xor_check_is_the_xor_of_every_byte(data: bytes) -> None:
    assert xor_check(data) == check_code(data)


# --- frames ---------------------------------------------------------------------------------------
@given(frames())
def test_encode_matches_the_emulator_and_parses_back(sample: tuple[bytes, Header, bytes]) -> None:
    wire, header, body = sample
    assert encode_frame(header, body) == wire
    frame = parse_content(unescape(wire[1:-1]))
    assert frame == Frame(header, body)


def test_2019_header_layout_byte_by_byte() -> None:
    wire = encode_frame(Header(0x0200, "00000000013800138000", 0x0102, version=1), b"\xaa")
    content = unescape(wire[1:-1])
    assert content[:2] == b"\x02\x00"  # message id
    assert struct.unpack(">H", content[2:4])[0] == 0x4000 | 1  # version flag, length 1
    assert content[4] == 1  # protocol version
    assert content[5:15].hex() == "00000000013800138000"  # 10 BCD bytes
    assert content[15:17] == b"\x01\x02"  # serial
    assert content[17:18] == b"\xaa"
    assert content[18] == check_code(content[:18])


def test_subpackage_fields_are_read() -> None:
    term = Jt808Terminal()
    wire, _ = term.frame(0x0801, b"xyz", packages=(3, 2))
    frame = parse_content(unescape(wire[1:-1]))
    assert frame.header.packages == (3, 2)
    assert frame.body == b"xyz"


def _resigned(content: bytes) -> bytes:
    """Content with a fresh (right) check code."""
    return content + bytes([check_code(content)])


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda c: c[:-1] + bytes([c[-1] ^ 1]), "check"),
        (lambda c: c[:5], "short"),
        (lambda c: _resigned(c[:3] + bytes([c[3] + 1]) + c[4:-1]), "length"),
    ],
)
def test_broken_content_is_refused(mutate: object, reason: str) -> None:
    wire, _ = Jt808Terminal().frame(0x0002, b"ab")
    content = wire_unescape(wire[1:-1])
    bad = mutate(content)  # type: ignore[operator]
    splitter = Jt808Splitter()
    out = splitter.feed(b"\x7e" + wire_escape(bad) + b"\x7e")
    assert len(out) == 1
    assert isinstance(out[0], FrameProblem)
    assert out[0].reason == reason
    assert splitter.counts.errors == 1


# --- the splitter ---------------------------------------------------------------------------------
def _feed_in_pieces(splitter: Jt808Splitter, data: bytes, cuts: list[int]) -> list[Frame]:
    out: list[Frame] = []
    start = 0
    for cut in [*sorted(set(cuts)), len(data)]:
        out += [x for x in splitter.feed(data[start:cut]) if isinstance(x, Frame)]
        assert splitter.pending <= MAX_FRAME
        start = cut
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(frames(), st.binary(max_size=40).map(lambda b: b.replace(b"\x7e", b""))),
        max_size=8,
    ),
    st.lists(st.integers(0, 4000), max_size=12),
)
def test_splitter_yields_exactly_the_frames_around_garbage(
    parts: list[tuple[tuple[bytes, Header, bytes], bytes]], cuts: list[int]
) -> None:
    """Garbage (without a flag byte) before each frame; the stream cut at random points."""
    stream = b"".join(garbage + sample[0] for sample, garbage in parts)
    splitter = Jt808Splitter()
    got = _feed_in_pieces(splitter, stream, [c for c in cuts if c < len(stream)])
    assert got == [Frame(s[1], s[2]) for s, _ in parts]
    assert splitter.counts.frames == len(parts)
    assert splitter.counts.errors == 0
    assert splitter.counts.resyncs == sum(1 for _, g in parts if g)
    assert splitter.pending == 0


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(frames(), st.binary(max_size=40)), max_size=6),
    st.lists(st.integers(0, 4000), max_size=12),
)
def test_splitter_finds_every_frame_even_after_garbage_with_flags(
    parts: list[tuple[tuple[bytes, Header, bytes], bytes]], cuts: list[int]
) -> None:
    """Garbage may hold 0x7E: every real frame still comes out, in order; anything else that
    comes out is a frame whose bytes were in the garbage itself."""
    stream = b"".join(garbage + sample[0] for sample, garbage in parts)
    got = _feed_in_pieces(Jt808Splitter(), stream, [c for c in cuts if c < len(stream)])
    want = [Frame(s[1], s[2]) for s, _ in parts]
    it = iter(got)
    assert all(any(g == w for g in it) for w in want), "a real frame was lost"
    garbage = b"".join(g for _, g in parts)
    extras = [g for g in got if g not in want]
    assert len(extras) <= garbage.count(b"\x7e")


@settings(deadline=None)
@given(st.binary(max_size=20000), st.lists(st.integers(0, 20000), max_size=20))
def test_splitter_buffer_stays_bounded_on_any_input(data: bytes, cuts: list[int]) -> None:
    splitter = Jt808Splitter()
    start = 0
    for cut in [*sorted(c for c in cuts if c < len(data)), len(data)]:
        for item in splitter.feed(data[start:cut]):
            assert isinstance(item, Frame | FrameProblem)
        assert splitter.pending <= MAX_FRAME
        start = cut


def test_oversized_frame_is_dropped_and_the_next_one_found() -> None:
    good, _ = Jt808Terminal().frame(0x0002, b"")
    splitter = Jt808Splitter()
    out = splitter.feed(b"\x7e" + b"\x11" * (MAX_FRAME + 10))
    out += splitter.feed(b"\x22" * 5000)  # still the same runaway frame: not kept
    assert splitter.pending == 0
    out += splitter.feed(good)
    assert [type(x) for x in out] == [FrameProblem, Frame]
    assert isinstance(out[0], FrameProblem)
    assert out[0].reason == "oversized"
    assert splitter.counts.errors == 1
    assert splitter.counts.resyncs == 1


def test_frame_split_byte_by_byte_and_back_to_back() -> None:
    a, _ = Jt808Terminal().frame(0x0200, bytes([0x7E, 0x7D] * 20))
    b, _ = Jt808Terminal().frame(0x0002, b"")
    splitter = Jt808Splitter()
    got: list[Frame | FrameProblem] = []
    for i in range(len(a)):
        got += splitter.feed(a[i : i + 1])
    got += splitter.feed(b + a)
    assert [x.header.msg_id for x in got if isinstance(x, Frame)] == [0x0200, 0x0002, 0x0200]
    assert splitter.counts.errors == 0


def test_a_bad_check_code_does_not_swallow_the_next_frame() -> None:
    term = Jt808Terminal()
    bad, _ = term.frame(0x0002, b"", corrupt_check=True)
    good, _ = term.frame(0x0002, b"")
    out = Jt808Splitter().feed(bad + good)
    assert [type(x) for x in out] == [FrameProblem, Frame]


# --- bodies ---------------------------------------------------------------------------------------
def test_location_body_with_flag_bytes_signs_time_and_items() -> None:
    at = datetime(2026, 11, 30, 3, 4, 5, tzinfo=UTC)
    # 0x017E7D7E and 0x06C87E7D: latitude and longitude hold both special bytes.
    body = location_body(
        lat=-0x017E7D7E / 1e6,
        lon=-0x06C87E7D / 1e6,
        at=at,
        alarm=(1 << 0) | (1 << 8) | (1 << 28),
        altitude=-12,
        speed_kmh=36.5,
        heading=271,
        mileage_km=1234.5,
        signal=25,
        satellites=9,
        battery=77,
        extra_items=bytes((0x99, 2, 0x7E, 0x7D)),
    )
    assert b"\x7e" in body
    assert b"\x7d" in body
    loc = decode_location(body)
    assert loc.lat == pytest.approx(-25.066878)
    assert loc.lon == pytest.approx(-113.802877)
    assert loc.located
    assert loc.at == at
    assert loc.altitude_m == -12
    assert loc.speed_kmh == pytest.approx(36.5)
    assert loc.heading_deg == 271
    assert loc.mileage_km == pytest.approx(1234.5)
    assert (loc.signal, loc.satellites, loc.battery_pct) == (25, 9, 77)
    assert loc.extras == {0x99: b"\x7e\x7d"}
    assert alarms_of(loc.alarm) == {
        TrackerAlarm.SOS,
        TrackerAlarm.POWER_CUT,
        TrackerAlarm.MOVED_WHILE_ARMED,
    }


def test_bcd_time_is_beijing_time() -> None:
    assert bcd_time(bytes.fromhex("261130080000")) == datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
    with pytest.raises(Jt808Error):
        bcd_time(bytes.fromhex("000000000000"))  # what terminals without a clock send
    with pytest.raises(Jt808Error):
        bcd_time(bytes.fromhex("2611300800AA"))


def test_location_without_a_time_and_a_cut_item() -> None:
    body = bytearray(location_body(lat=31.2, lon=121.5, at=datetime.now(UTC), satellites=4))
    body[22:28] = bytes(6)
    loc = decode_location(bytes(body) + bytes((0x30, 4, 1)))  # an item cut by the end
    assert loc.at is None
    assert loc.satellites == 4
    assert loc.signal is None
    with pytest.raises(Jt808Error):
        decode_location(bytes(27))


def test_location_batch() -> None:
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    items = [location_body(lat=30 + i, lon=120, at=at) for i in range(3)]
    body = struct.pack(">HB", 3, 1) + b"".join(struct.pack(">H", len(i)) + i for i in items)
    kind, locs = decode_location_batch(body)
    assert kind == 1
    assert [round(x.lat) for x in locs] == [30, 31, 32]
    with pytest.raises(Jt808Error):
        decode_location_batch(body[:-3])


@pytest.mark.parametrize("version", [None, 1])
def test_registration_and_auth_bodies(version: int | None) -> None:
    term = Jt808Terminal(version=version, maker="ACME", model="M1", terminal_id="ID7")
    reg = decode_registration(term.registration_body(), version is not None)
    assert (reg.province, reg.city, reg.maker, reg.model, reg.terminal_id) == (
        31,
        100,
        "ACME",
        "M1",
        "ID7",
    )
    assert reg.plate == "沪A12345"
    assert decode_auth_code(term.auth_body("c0de"), version is not None) == "c0de"


def test_a_phone_that_is_not_bcd_is_refused() -> None:
    wire, _ = Jt808Terminal().frame(0x0002, b"")
    content = bytearray(wire_unescape(wire[1:-1]))
    content[4] = 0xAB
    content[-1] = check_code(bytes(content[:-1]))
    out = Jt808Splitter().feed(b"\x7e" + wire_escape(bytes(content)) + b"\x7e")
    assert isinstance(out[0], FrameProblem)
    assert out[0].reason == "header"

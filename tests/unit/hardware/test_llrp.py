"""LLRP framing, decoding and addresses: the splitter cuts exactly the messages, reports decode."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyllrp import pyllrp as llrp

from core.site import Point, ReaderSpec
from hardware.tracking.llrp import (
    HEADER_SIZE,
    KNOWN_TYPES,
    LlrpOptions,
    LlrpSplitter,
    fast_tag_reads,
    llrp_reader_for,
    pack,
    parse_address,
    setup_messages,
    status_of,
    tag_reads,
    unpack,
)
from tests.helpers.llrp_emulator import EmulatedTag, connection_event, report_message

AT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
MAX = 4096


def _message(kind: int, message_id: int, body: bytes) -> bytes:
    head = (1 << 10 | kind).to_bytes(2, "big")
    return (
        head + (HEADER_SIZE + len(body)).to_bytes(4, "big") + message_id.to_bytes(4, "big") + body
    )


messages = st.builds(
    _message,
    st.sampled_from(sorted(KNOWN_TYPES)),
    st.integers(0, 2**32 - 1),
    st.binary(max_size=MAX - HEADER_SIZE),
)


def _cut(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    return [data[a:b] for a, b in zip([0, *points], [*points, len(data)], strict=True)]


@settings(max_examples=200, deadline=None)
@given(st.lists(messages, max_size=12), st.lists(st.integers(0, 10**6), max_size=30))
def test_splitter_returns_exactly_the_messages_however_the_stream_is_cut(
    frames: list[bytes], cuts: list[int]
) -> None:
    splitter = LlrpSplitter(MAX, KNOWN_TYPES)
    out: list[bytes] = []
    for piece in _cut(b"".join(frames), cuts):
        out += splitter.feed(piece)
        assert splitter.buffered < MAX  # never more than the start of one message
    assert out == frames
    assert splitter.buffered == 0
    assert splitter.broken is None
    assert splitter.frames == len(frames)


bogus_headers = st.one_of(
    # reserved bits set
    st.binary(min_size=HEADER_SIZE, max_size=HEADER_SIZE).filter(lambda b: b[0] >> 5 != 0),
    # version 0 (or 3..7) with a sane length
    st.builds(
        lambda v, n: bytes([(v << 2), 61]) + n.to_bytes(4, "big") + bytes(4),
        st.sampled_from([0, 3, 4, 5, 6, 7]),
        st.integers(HEADER_SIZE, MAX),
    ),
    # a length shorter than the header or longer than the limit
    st.builds(
        lambda n: bytes([0x04, 61]) + n.to_bytes(4, "big") + bytes(4),
        st.one_of(st.integers(0, HEADER_SIZE - 1), st.integers(MAX + 1, 2**32 - 1)),
    ),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(messages, max_size=5),
    bogus_headers,
    st.binary(max_size=200),
    st.lists(st.integers(0, 10**6), max_size=10),
)
def test_a_bad_header_breaks_the_stream_after_the_good_messages(
    frames: list[bytes], bogus: bytes, after: bytes, cuts: list[int]
) -> None:
    splitter = LlrpSplitter(MAX, KNOWN_TYPES)
    out: list[bytes] = []
    for piece in _cut(b"".join(frames) + bogus + after, cuts):
        out += splitter.feed(piece)
        assert splitter.buffered < MAX
    assert out == frames  # everything whole before the garbage, nothing from it or after it
    assert splitter.broken is not None
    assert splitter.feed(_message(61, 1, b"")) == []  # until reset: a new connection
    splitter.reset()
    assert splitter.feed(_message(61, 1, b"")) == [_message(61, 1, b"")]


def test_unknown_message_type_breaks_the_stream() -> None:
    splitter = LlrpSplitter(MAX, KNOWN_TYPES)
    unknown = next(k for k in range(1024) if k not in KNOWN_TYPES)
    assert splitter.feed(_message(unknown, 1, b"xy")) == []
    assert splitter.broken == f"unknown message type {unknown}"


def test_report_round_trip_gives_tag_reads_with_antenna_rssi_count_and_reader_time() -> None:
    tags = [
        EmulatedTag("E20000112233445566778899", antenna=2, rssi=-55, count=3),
        EmulatedTag("300833B2DDD9014000000000ABCD", antenna=4, rssi=-71, count=1),  # 112-bit EPC
        EmulatedTag("000000000000000000000001", antenna=1, rssi=-40, count=0),
    ]
    wire = pack(report_message(tags, 7))
    (frame,) = LlrpSplitter(known_types=KNOWN_TYPES).feed(wire)
    reads = tag_reads(unpack(frame), "R001", AT)
    assert [(r.tag, r.antenna, r.rssi, r.count) for r in reads] == [
        ("E20000112233445566778899", 2, -55.0, 3),
        ("300833B2DDD9014000000000ABCD", 4, -71.0, 1),
        ("000000000000000000000001", 1, -40.0, 1),  # a count of 0 is still one sighting
    ]
    assert all(r.reader == "R001" and r.at == AT for r in reads)
    assert reads[0].reader_time == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


def test_a_reader_clock_out_of_range_keeps_the_read() -> None:
    tag = EmulatedTag("E20000112233445566778899", first_seen_us=2**64 - 1)
    (read,) = tag_reads(unpack(pack(report_message([tag]))), "R001", AT)
    assert read.reader_time is None
    assert read.at == AT


def test_content_that_does_not_decode_is_a_value_error() -> None:
    # A well-framed RO_ACCESS_REPORT whose parameter claims more bytes than there are.
    bad = _message(61, 9, bytes([0x00, 0xF0, 0x00, 0x40]) + b"\x00" * 4)
    with pytest.raises(ValueError, match="undecodable"):
        unpack(bad)


def test_setup_asks_for_keepalives_and_every_report_field() -> None:
    config, delete, add, enable, start = setup_messages(
        LlrpOptions(keepalive_s=1.5), iter(range(5))
    )
    keepalive = config.getFirstParameterByClass(llrp.KeepaliveSpec_Parameter)
    assert keepalive.PeriodicTriggerValue == 1500
    assert delete.ROSpecID == 0
    selector = add.getFirstParameterByClass(llrp.TagReportContentSelector_Parameter)
    assert selector.EnableAntennaID
    assert selector.EnablePeakRSSI
    assert selector.EnableFirstSeenTimestamp
    assert selector.EnableTagSeenCount
    assert add.getFirstParameterByClass(llrp.ROReportSpec_Parameter).N == 1
    # Every request packs (pyllrp validates) and round-trips.
    for message in (config, delete, add, enable, start):
        assert type(unpack(pack(message))) is type(message)
    assert start.MessageID == 4


def test_status_of_a_refusal_names_the_code() -> None:
    refused = llrp.ADD_ROSPEC_RESPONSE_Message(
        MessageID=3,
        Parameters=[
            llrp.LLRPStatus_Parameter(
                StatusCode=llrp.StatusCode.A_Invalid, ErrorDescription="no antenna 9"
            )
        ],
    )
    assert status_of(unpack(pack(refused))) == (False, "A_Invalid: no antenna 9")
    event = unpack(pack(connection_event(0, 1)))
    attempt = event.getFirstParameterByClass(llrp.ConnectionAttemptEvent_Parameter)
    assert attempt.Status == llrp.ConnectionAttemptStatusType.Success


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("llrp://10.0.0.5", ("10.0.0.5", 5084)),
        ("llrp://reader-7.local:6000", ("reader-7.local", 6000)),
        ("tcp://127.0.0.1:5084", ("127.0.0.1", 5084)),
        ("socket://[::1]:5084", ("::1", 5084)),
    ],
)
def test_addresses(address: str, expected: tuple[str, int]) -> None:
    assert parse_address(address) == expected


@pytest.mark.parametrize("address", ["tcp://10.0.0.5", "serial:///dev/ttyUSB0", "llrp://:5084"])
def test_bad_addresses(address: str) -> None:
    with pytest.raises(ValueError, match=r"LLRP|port"):
        parse_address(address)


emulated_tags = st.builds(
    EmulatedTag,
    epc=st.binary(min_size=2, max_size=32).filter(lambda b: len(b) % 2 == 0).map(bytes.hex),
    antenna=st.integers(0, 2**16 - 1),
    rssi=st.integers(-128, 127),
    count=st.integers(0, 2**16 - 1),
    first_seen_us=st.integers(0, 2**64 - 1),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(emulated_tags, max_size=20))
def test_the_fast_report_reader_matches_pyllrp(tags: list[EmulatedTag]) -> None:
    frame = pack(report_message(tags, 5))
    assert fast_tag_reads(frame, "R001", AT) == tag_reads(unpack(frame), "R001", AT)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(emulated_tags, min_size=1, max_size=5), st.integers(0, 10**6), st.binary(max_size=8)
)
def test_a_damaged_report_is_a_value_error_never_a_crash(
    tags: list[EmulatedTag], where: int, junk: bytes
) -> None:
    frame = bytearray(pack(report_message(tags, 5)))
    at = HEADER_SIZE + where % (len(frame) - HEADER_SIZE)
    frame[at : at + len(junk)] = junk
    frame[2:6] = len(frame).to_bytes(4, "big")  # the splitter would have framed it like this
    try:
        reads = fast_tag_reads(bytes(frame), "R001", AT)
    except ValueError:
        return
    assert all(r.tag and r.count >= 1 for r in reads)


def test_site_reader_spec_builds_an_llrp_reader_only_for_llrp() -> None:
    spec = ReaderSpec(
        code="R007",
        name="Gate",
        community="C01",
        zone="Z01",
        position=Point(0.0, 0.0),
        protocol="llrp",
        address="llrp://10.0.0.7",
        workstation="WS01",
    )
    reader = llrp_reader_for(spec, lambda item: True, _NoSink())
    assert reader is not None
    assert (reader.name, reader.host, reader.port) == ("llrp:R007", "10.0.0.7", 5084)
    assert not reader.alive  # built, not started: the console starts it
    assert (
        llrp_reader_for(replace(spec, protocol="ascii-serial"), lambda i: True, _NoSink()) is None
    )


class _NoSink:
    def publish(self, event: object) -> None:
        raise AssertionError(f"nothing is published before start: {event}")

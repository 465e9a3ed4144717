"""NMEA line splitting and fixes: exactly the checksummed sentences, epochs merged, no-fix clear."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import reduce
from operator import xor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hardware.tracking.nmea import NmeaFixes, NmeaSplitter, checksum_ok, xor_checksum

RECEIVED = datetime(2026, 11, 30, 8, 15, 0, 400000, tzinfo=UTC)
MAX = 128


def nmea(body: str) -> bytes:
    """A sentence with its checksum and line end."""
    return b"$" + body.encode() + b"*%02X\r\n" % reduce(xor, body.encode(), 0)


@given(st.binary(max_size=300))
def test_xor_checksum_is_the_xor_of_the_bytes(data: bytes) -> None:
    assert xor_checksum(data) == reduce(xor, data, 0)


_BODY_CHARS = st.characters(min_codepoint=0x20, max_codepoint=0x7E, exclude_characters="$*")
sentences = st.text(_BODY_CHARS, min_size=1, max_size=MAX - 6).map(nmea)
clean_garbage = st.binary(max_size=300).map(lambda b: b.replace(b"$", b"#"))


def _cut(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    return [data[a:b] for a, b in zip([0, *points], [*points, len(data)], strict=True)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(clean_garbage, sentences), max_size=10),
    clean_garbage,
    st.lists(st.integers(0, 10**6), max_size=40),
)
def test_splitter_returns_exactly_the_sentences_between_garbage(
    pairs: list[tuple[bytes, bytes]], tail: bytes, cuts: list[int]
) -> None:
    splitter = NmeaSplitter(MAX)
    stream = b"".join(g + s for g, s in pairs) + tail
    out: list[bytes] = []
    for piece in _cut(stream, cuts):
        out += splitter.feed(piece)
        assert splitter.buffered <= MAX
    assert out == [s.rstrip(b"\r\n") for _, s in pairs]
    assert splitter.stats.frames == len(pairs)
    assert splitter.stats.errors == 0  # garbage without '$' is skipped, never a bad sentence
    if any(g.strip() for g, _ in pairs):
        assert splitter.stats.resyncs >= 1


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.binary(max_size=200), sentences), max_size=10),
    st.lists(st.integers(0, 10**6), max_size=40),
)
def test_splitter_finds_every_sentence_whatever_the_garbage(
    pairs: list[tuple[bytes, bytes]], cuts: list[int]
) -> None:
    splitter = NmeaSplitter(MAX)
    out: list[bytes] = []
    for piece in _cut(b"".join(g + s for g, s in pairs), cuts):
        out += splitter.feed(piece)
        assert splitter.buffered <= MAX
    assert all(checksum_ok(s) for s in out)
    remaining = iter(out)  # every sentence comes out, in order (garbage may forge a few more)
    assert all(any(o == s.rstrip(b"\r\n") for o in remaining) for _, s in pairs)


def test_splitter_counts_bad_checksums_and_truncated_sentences() -> None:
    splitter = NmeaSplitter()
    good = nmea("GPGGA,081500,3114.5,N,12128.2,E,1,09,0.9,12.5,M,8.0,M,,")
    bad = bytearray(good)
    bad[8] ^= 0x01  # one bit flipped in transit
    out = splitter.feed(b"$GPRMC,0815" + good + bytes(bad) + b"$GPRMC,1*ZZ\r\n")
    assert out == [good.rstrip()]
    assert splitter.stats.frames == 1
    assert splitter.stats.errors == 3  # the truncated RMC, the flipped bit, the bad digits


def test_splitter_buffer_stays_bounded_without_line_ends() -> None:
    splitter = NmeaSplitter(MAX)
    for _ in range(100):
        assert splitter.feed(b"\x00\xff" * 50) == []
        assert splitter.buffered <= MAX
    assert splitter.stats.resyncs > 0
    assert splitter.feed(nmea("GPGGA,,,,,,0,00,99.99,,,,,,")) == [
        b"$GPGGA,,,,,,0,00,99.99,,,,,,*48"
    ]


RMC = "GPRMC,081500.00,A,3114.5000,N,12128.2000,E,10.0,90.0,301126,,,A"
GGA = "GPGGA,081500.00,3114.5000,N,12128.2000,E,1,09,0.9,12.5,M,8.0,M,,"


def _fixes(device: str = "GPS01") -> NmeaFixes:
    return NmeaFixes(device, clock=lambda: RECEIVED)


def _feed(fixes: NmeaFixes, *bodies: str) -> list:
    out = []
    for body in bodies:
        out += fixes.sentence(nmea(body).rstrip(), 0.0)
    return out


def test_rmc_and_gga_of_one_epoch_make_one_fix() -> None:
    fixes = _fixes()
    assert _feed(fixes, RMC) == []  # waits for the epoch's GGA
    (fix,) = _feed(fixes, GGA)
    assert fix.valid
    assert fix.device == "GPS01"
    assert fix.at == datetime(2026, 11, 30, 8, 15, tzinfo=UTC)
    assert (fix.lat, fix.lon) == (pytest.approx(31.2416667), pytest.approx(121.47))
    assert fix.speed_kmh == pytest.approx(18.52)
    assert fix.heading_deg == 90.0
    assert (fix.satellites, fix.hdop, fix.altitude_m) == (9, 0.9, 12.5)
    assert fix.received_at == RECEIVED
    # Learned: this receiver sends both, so the next epoch also goes out on its GGA.
    assert _feed(fixes, RMC.replace("081500.00", "081501.00")) == []
    assert len(_feed(fixes, GGA.replace("081500.00", "081501.00"))) == 1


def test_an_rmc_only_receiver_gets_a_fix_per_sentence_once_learned() -> None:
    fixes = _fixes()
    first = RMC
    second = RMC.replace("081500.00", "081501.00")
    third = RMC.replace("081500.00", "081502.00")
    assert _feed(fixes, first) == []
    # The next epoch closes the first; then RMC alone is known to be the whole epoch.
    fix1, fix2 = _feed(fixes, second)
    (fix3,) = _feed(fixes, third)
    assert [f.at.second for f in (fix1, fix2, fix3)] == [0, 1, 2]
    assert fixes.flush() == []
    assert fix1.satellites is None


def test_an_incomplete_epoch_is_flushed_when_the_line_goes_quiet() -> None:
    fixes = NmeaFixes("GPS01", clock=lambda: RECEIVED, quiet_s=0.2)
    assert fixes.sentence(nmea(RMC).rstrip(), 10.0) == []
    assert not fixes.due(10.1)
    assert fixes.due(10.3)
    assert len(fixes.flush()) == 1
    assert not fixes.due(11.0)


def test_no_fix_is_a_state_with_the_last_known_position() -> None:
    fixes = _fixes()
    _feed(fixes, RMC, GGA)
    (nofix,) = _feed(
        fixes,
        "GPRMC,081502.00,V,,,,,,,301126,,,N",
        "GPGGA,081502.00,,,,,0,00,99.99,,,,,,",
    )
    assert not nofix.valid
    assert nofix.at == RECEIVED  # no fix time to trust
    assert (nofix.lat, nofix.lon) == (pytest.approx(31.2416667), pytest.approx(121.47))
    cold = _fixes()
    (start,) = _feed(cold, "GNRMC,,V,,,,,,,,,,N", "GNGGA,,,,,,0,00,99.99,,,,,,")
    assert not start.valid
    assert (start.lat, start.lon) == (0.0, 0.0)


def test_gga_only_and_gns_receivers_and_southern_western_hemispheres() -> None:
    fixes = _fixes()
    gga = "GNGGA,081459.00,3354.0000,S,15112.0000,W,2,12,0.7,40.0,M,20.0,M,,"
    _feed(fixes, gga)
    (fix,) = fixes.flush()
    assert fix.valid
    assert (fix.lat, fix.lon) == (pytest.approx(-33.9), pytest.approx(-151.2))
    assert fix.at == datetime(2026, 11, 30, 8, 14, 59, tzinfo=UTC)  # date of receipt
    assert fix.speed_kmh is None
    # Learned: GGA/GNS alone is the whole epoch, so each goes out at once.
    (gns,) = _feed(fixes, "GNGNS,081500.00,3354.0000,S,15112.0000,W,NN,00,99.9,,,,")
    assert not gns.valid  # mode N for every constellation
    (good,) = _feed(fixes, "GNGNS,081501.00,3354.0000,S,15112.0000,W,AA,14,0.8,41.0,20.0,,")
    assert good.valid
    assert good.satellites == 14


def test_gga_just_before_midnight_received_just_after_is_yesterday() -> None:
    fixes = NmeaFixes("GPS01", clock=lambda: datetime(2026, 12, 1, 0, 0, 1, tzinfo=UTC))
    _feed(fixes, "GPGGA,235959.00,3114.5000,N,12128.2000,E,1,09,0.9,12.5,M,8.0,M,,")
    (fix,) = fixes.flush()
    assert fix.at == datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC)


def test_a_wildly_wrong_clock_is_kept_with_the_receive_time() -> None:
    fixes = _fixes()
    # GPS week rollover: the receiver thinks it is 1999 (date 14 April 1999).
    (fix,) = _feed(fixes, RMC.replace("301126", "140499"), GGA)
    assert fix.valid
    assert fix.at.year == 1999
    assert fix.received_at == RECEIVED


def test_other_sentences_are_counted_and_skipped() -> None:
    fixes = _fixes()
    assert _feed(fixes, "GPGSV,3,1,11,10,63,137,17", "GPVTG,90.0,T,,M,10.0,N,18.5,K,A") == []
    assert _feed(fixes, "PUBX,00,081500.00,3114.5,N") == []
    assert fixes.ignored == 3


field_text = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E, exclude_characters="$*,"), max_size=12
)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["GPRMC", "GNGGA", "GNGNS", "BDRMC", "GPRMCX", "GNGGA2"]),
    st.lists(field_text, max_size=16),
)
def test_any_checksummed_fix_sentence_gives_a_fix_or_a_value_error(
    kind: str, fields: list[str]
) -> None:
    fixes = _fixes()
    try:
        out = fixes.sentence(nmea(",".join([kind, *fields])).rstrip(), 0.0) + fixes.flush()
    except ValueError:
        return  # counted as an error by the tracker
    for fix in out:
        assert isinstance(fix.lat, float)
        assert fix.valid in (True, False)

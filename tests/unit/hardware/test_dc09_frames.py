"""DC-09 frames: CRC-16/ARC, framing, AES padding, responses, stream splitting; panel accounts."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from pysiaalarm.account import SIAAccount
from pysiaalarm.event import SIAEvent

from core.alarms import AlarmCategory, PanelAccount, categorize, restored_category
from hardware.alarms.frames import (
    Chunk,
    FrameBuffer,
    FrameError,
    build_ack,
    build_duh,
    build_frame,
    build_nak,
    crc16_arc,
    decrypt_region,
    make_pad,
    parse_response,
    unwrap,
    wrap,
)

T = datetime(2026, 11, 25, 13, 5, 2, tzinfo=UTC)
# A frame a real panel sent (quoted in node-red-contrib-sia-ultimate issue #2): CRC and length.
REAL_PANEL = b'9337003A"SIA-DCS"1706L0#0000[#0000|Nri1/NP501]_13:36:04,12-22-2021'


def keys() -> list[bytes]:
    return [os.urandom(16), os.urandom(24), os.urandom(32)]


# --- CRC and framing ------------------------------------------------------------------------
def test_crc16_arc_check_value() -> None:
    assert crc16_arc(b"123456789") == 0xBB3D
    assert crc16_arc(b"") == 0


def test_crc_and_length_of_a_real_panel_frame() -> None:
    body = REAL_PANEL[8:]
    assert crc16_arc(body) == int(REAL_PANEL[:4], 16)
    assert len(body) == int(REAL_PANEL[4:8], 16)
    assert wrap(body) == b"\n" + REAL_PANEL + b"\r"


def test_plain_sia_dcs_frame_to_the_letter() -> None:
    frame = build_frame(
        "1234", "BA", "012", sequence=7, receiver="R1", line="L0", partition="01", timestamp=T
    )
    body = b'"SIA-DCS"0007R1L0#1234[#1234|Nri01/BA012]_13:05:02,11-25-2026'
    assert frame == b"\n%04X%04X%s\r" % (crc16_arc(body), len(body), body)
    assert frame[5:9] == b"003D"  # "0LLL": the length, 4 hex digits
    assert unwrap(frame) == body


def test_adm_cid_null_and_optional_fields() -> None:
    adm = unwrap(build_frame("ab12", "1130", "12", message_type="ADM-CID", timestamp=T))
    assert adm == b'"ADM-CID"0001R1L0#AB12[#AB12|1130 01 012]_13:05:02,11-25-2026'
    null = unwrap(build_frame("1234", message_type="NULL", receiver="", with_timestamp=False))
    assert null == b'"NULL"0001L0#1234[]'
    with pytest.raises(ValueError, match="4 digits"):
        build_frame("1234", "BA", message_type="ADM-CID")
    with pytest.raises(ValueError, match="needs a timestamp"):
        build_frame("1234", "BA", key=os.urandom(16), with_timestamp=False)


def test_unwrap_refuses_bad_crc_length_and_framing() -> None:
    frame = bytearray(build_frame("1234", "BA", "012"))
    frame[20] ^= 0x01
    with pytest.raises(FrameError, match="CRC"):
        unwrap(bytes(frame))
    good = build_frame("1234", "BA", "012")
    with pytest.raises(FrameError, match="length"):
        unwrap(good[:-2] + b"\r")
    with pytest.raises(FrameError):
        unwrap(good[1:])


# --- encryption -------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [16, 24, 32])
def test_encrypted_frame_pad_and_region(size: int) -> None:
    key = os.urandom(size)
    body = unwrap(build_frame("1234", "BA", "012", key=key, timestamp=T, partition="01"))
    assert body.startswith(b'"*SIA-DCS"0001R1L0#1234[')
    region = body[body.index(b"[") + 1 :].decode("ascii")
    assert region == region.upper()
    plain = decrypt_region(key, region)
    assert len(plain) % 16 == 0
    pad, _, rest = plain.partition(b"|")
    assert 1 <= len(pad) <= 16
    assert not set(pad) & set(b"|[]")
    assert rest == b"#1234|Nri01/BA012]_13:05:02,11-25-2026"


def test_a_region_already_a_multiple_of_16_gets_a_full_pad() -> None:
    # The argument counts what follows the pad: the "|" and the rest.
    assert len(make_pad(32)) == 16
    assert len(make_pad(31)) == 1
    assert all(not set(make_pad(n)) & set(b"|[]") for n in range(200))


@pytest.mark.parametrize("size", [16, 24, 32])
def test_pysiaalarm_opens_our_frames_with_the_binary_key(size: int) -> None:
    """pysiaalarm takes a key as text (`key.encode()`); the raw AES key goes in `key_b`."""
    key = os.urandom(size)
    frame = build_frame("1234", "1130", "012", message_type="ADM-CID", key=key)
    account = SIAAccount("1234", None)
    account.key_b = key
    assert account.encrypted
    event = SIAEvent.from_line(frame[1:-1].decode("ascii"), {"1234": account})
    assert (event.code, event.ri, event.partition) == ("BA", "012", "01")
    assert event.valid_message


def test_wrong_key_is_refused() -> None:
    with pytest.raises(ValueError, match="16, 24 or 32"):
        build_frame("1234", "BA", key=b"short")
    with pytest.raises(FrameError):
        decrypt_region(os.urandom(16), "ABC")


# --- responses ----------------------------------------------------------------------------------
def test_plain_ack_nak_and_duh() -> None:
    ack = build_ack("0042", "R1", "L0", "1234")
    assert unwrap(ack) == b'"ACK"0042R1L0#1234[]'
    r = parse_response(ack)
    assert (r.kind, r.sequence, r.receiver, r.line, r.account, r.encrypted) == (
        "ACK",
        "0042",
        "R1",
        "L0",
        "1234",
        False,
    )
    nak = build_nak(T)
    assert unwrap(nak) == b'"NAK"0000R0L0A0[]_13:05:02,11-25-2026'
    r = parse_response(nak)
    assert (r.kind, r.account, r.timestamp) == ("NAK", "", T)
    duh = parse_response(build_duh("0003", "", "L0", "ABC"))
    assert (duh.kind, duh.sequence, duh.receiver, duh.account) == ("DUH", "0003", "", "ABC")


@pytest.mark.parametrize("size", [16, 24, 32])
def test_encrypted_ack_carries_the_receivers_time(size: int) -> None:
    key = os.urandom(size)
    ack = build_ack("0042", "R1", "L0", "1234", key=key, now=T)
    assert unwrap(ack).startswith(b'"*ACK"0042R1L0#1234[')
    r = parse_response(ack, key)
    assert (r.kind, r.encrypted, r.timestamp) == ("ACK", True, T)
    with pytest.raises(FrameError, match="key"):
        parse_response(ack)


def test_parse_response_reads_a_pysiaalarm_style_ack() -> None:
    """pysiaalarm pads an encrypted ACK with "0"s and no pad terminator."""
    key = os.urandom(16)
    content = b"]_13:05:02,11-25-2026"
    plain = content.rjust(32, b"0")
    enc = Cipher(algorithms.AES(key), modes.CBC(bytes(16))).encryptor()
    region = (enc.update(plain) + enc.finalize()).hex().upper()
    r = parse_response(wrap(f'"*ACK"0001R0L0#1234[{region}'.encode()), key)
    assert r.timestamp == T


# --- stream splitting ---------------------------------------------------------------------------
def frames_of(chunks: list[Chunk]) -> list[bytes]:
    return [c.data for c in chunks if c.kind == "frame"]


def test_frames_split_anywhere_come_out_whole() -> None:
    stream = b"".join(build_frame("1234", "BA", f"{i:03d}", sequence=i) for i in range(1, 6))
    buf = FrameBuffer()
    out: list[Chunk] = []
    for i in range(len(stream)):
        out += buf.feed(stream[i : i + 1])
    assert [c.kind for c in out] == ["frame"] * 5
    assert buf.pending == 0


def test_garbage_between_frames_is_skipped_and_reported() -> None:
    a, b = build_frame("1234", "BA", "001"), build_frame("1234", "BA", "002")
    buf = FrameBuffer()
    out = buf.feed(b"hello" + a + b"\x00\xff junk" + b + b"tail")
    assert frames_of(out) == [a[1:-1], b[1:-1]]
    assert [c.size for c in out if c.kind == "garbage"] == [5, 7, 4]


def test_oversized_frames_are_refused_without_waiting_for_them() -> None:
    good = build_frame("1234", "BA", "001")
    buf = FrameBuffer(max_body=1024)
    out = buf.feed(b"\n0000FFF0" + b"A" * 20 + good)
    assert [c.kind for c in out] == ["oversized", "frame"]
    assert out[0].size == 0xFFF0
    assert buf.pending == 0


def test_wrong_length_fields_resync_on_the_next_frame() -> None:
    good = build_frame("1234", "BA", "001")
    body = unwrap(good)
    too_short = b"\n%04X%04X%s\r" % (crc16_arc(body), len(body) - 3, body)
    too_long = b"\n%04X%04X%s\r" % (crc16_arc(body), len(body) + 3, body)
    buf = FrameBuffer()
    out = buf.feed(too_short + good + too_long + good)
    assert [c.kind for c in out] == ["bad_length", "frame", "bad_length", "frame"]


def test_a_truncated_frame_then_a_new_one() -> None:
    good = build_frame("1234", "BA", "001")
    buf = FrameBuffer()
    assert buf.feed(good[:25]) == []
    assert buf.pending == 25
    out = buf.feed(good)
    assert [c.kind for c in out] == ["bad_length", "frame"]
    assert buf.pending == 0


def test_header_that_is_not_hex() -> None:
    good = build_frame("1234", "BA", "001")
    out = FrameBuffer().feed(b"\nZZZZ0010" + good)
    assert [c.kind for c in out] == ["bad_header", "frame"]


def test_what_a_buffer_keeps_is_bounded() -> None:
    buf = FrameBuffer(max_body=100)
    assert buf.feed(b"\n00000064" + b"x" * 50) == []  # a header promising 100 bytes
    assert buf.pending == 59
    kinds: list[str] = []
    for _ in range(50):
        kinds += [c.kind for c in buf.feed(b"x" * 7)]
        assert buf.pending <= 9 + 100 + 1
    assert kinds[0] == "bad_length"
    assert set(kinds[1:]) == {"garbage"}
    buf.feed(b"\n0000")
    assert buf.clear() == 5
    assert buf.pending == 0


# --- accounts and codes ---------------------------------------------------------------------------
def test_panel_account_from_the_site_files_spelling() -> None:
    for digits in (32, 48, 64):
        panel = PanelAccount.from_hex("ab12", "0f" * (digits // 2))
        assert panel.account == "AB12"
        assert panel.key == bytes.fromhex("0f" * (digits // 2))
        assert "0f0f" not in repr(panel).lower()
    assert PanelAccount.from_hex("123", None).key is None
    with pytest.raises(ValueError, match="32, 48 or 64"):
        PanelAccount.from_hex("1234", "00" * 10)
    with pytest.raises(ValueError, match="hex digits only"):
        PanelAccount.from_hex("1234", "zz" * 16)
    with pytest.raises(ValueError, match="3 to 16 hex"):
        PanelAccount("12")
    with pytest.raises(ValueError, match="3 to 16 hex"):
        PanelAccount("12G4")
    with pytest.raises(ValueError, match="16, 24 or 32 bytes"):
        PanelAccount("1234", b"x" * 20)


def test_contact_id_restores_are_restores() -> None:
    """pysiaalarm maps ADM-CID 3130 to BH, 3110 to FH: SIA's "alarm restore" codes."""
    assert categorize("BA") is AlarmCategory.BURGLARY
    assert categorize("BH") is AlarmCategory.RESTORE
    assert restored_category("BH") is AlarmCategory.BURGLARY
    assert categorize("FH") is AlarmCategory.RESTORE
    assert restored_category("FH") is AlarmCategory.FIRE
    assert restored_category("PH") is AlarmCategory.PANIC

"""The journal: numbered, checksummed records; torn tails cut, damage skipped, segments dropped."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.journal import HEADER_SIZE, Journal, JournalFull, JournalLocked, encode_record, scan


def _payloads(n: int, start: int = 0) -> list[bytes]:
    return [f"record {i}".encode() for i in range(start, start + n)]


def test_records_come_back_in_order_after_a_reopen(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j")
    assert j.append(_payloads(3)) == 3
    assert j.append(_payloads(2, 3)) == 5
    assert [s for s, _ in j.read(0, 100)] == [1, 2, 3, 4, 5]
    assert j.read(3, 1) == [(4, b"record 3")]
    assert j.read(4, 10, upto=4) == []
    ident = j.id
    j.close()
    again = Journal(tmp_path / "j")
    assert again.id == ident
    assert again.last_seq == 5
    assert again.append([b"next"]) == 6
    assert [p for _, p in again.read(4, 10)] == [b"record 4", b"next"]


def test_a_torn_tail_is_cut_off_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    j = Journal(tmp_path / "j")
    j.append(_payloads(3))
    j.close()
    (seg,) = (tmp_path / "j").glob("*.jnl")
    whole = seg.stat().st_size
    with open(seg, "ab") as f:  # a crash in the middle of the fourth record's write
        f.write(encode_record(4, b"record 3")[:-3])
    with caplog.at_level(logging.WARNING, logger="data.journal"):
        again = Journal(tmp_path / "j")
    assert "torn tail" in caplog.text
    assert seg.stat().st_size == whole
    assert again.torn_bytes == HEADER_SIZE + 8 - 3
    assert again.last_seq == 3
    assert again.append([b"after"]) == 4
    assert [p for _, p in again.read(0, 10)][-1] == b"after"


def test_a_damaged_record_in_the_middle_is_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    j = Journal(tmp_path / "j")
    j.append(_payloads(3))
    j.close()
    (seg,) = (tmp_path / "j").glob("*.jnl")
    data = bytearray(seg.read_bytes())
    second = HEADER_SIZE + len(b"record 0")
    data[second + HEADER_SIZE + 2] ^= 0xFF  # a flipped bit in the second record's payload
    seg.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING, logger="data.journal"):
        again = Journal(tmp_path / "j")
    assert "damaged" in caplog.text
    assert [(s, p) for s, p in again.read(0, 10)] == [(1, b"record 0"), (3, b"record 2")]


def test_committed_segments_are_deleted_and_numbering_goes_on(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j", segment_bytes=200)
    for i in range(20):
        j.append([b"x" * 40 + str(i).encode()])
    assert len(list((tmp_path / "j").glob("*.jnl"))) > 3
    j.committed(15)
    left = sorted((tmp_path / "j").glob("*.jnl"))
    assert int(left[0].stem) <= 16
    assert [s for s, _ in j.read(15, 100)] == [16, 17, 18, 19, 20]
    j.committed(20)
    j.close()
    again = Journal(tmp_path / "j", segment_bytes=200)
    assert again.last_seq == 20  # the open segment stays: the numbering cannot restart


def test_a_full_journal_refuses_and_a_second_opener_is_locked_out(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j", max_bytes=100)
    j.append([b"a" * 50])
    with pytest.raises(JournalFull):
        j.append([b"b" * 50])
    with pytest.raises(JournalLocked):
        Journal(tmp_path / "j")
    j.close()
    Journal(tmp_path / "j").close()


def test_reads_continue_from_the_cursor_and_across_segments(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j", segment_bytes=300)
    j.append(_payloads(50))
    seen: list[int] = []
    after = 0
    while True:
        got = j.read(after, 7)
        if not got:
            break
        seen += [s for s, _ in got]
        after = got[-1][0]
    assert seen == list(range(1, 51))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.binary(max_size=40), min_size=1, max_size=20),
    st.binary(max_size=30),
    st.integers(min_value=0, max_value=10_000),
)
def test_scan_returns_exactly_the_valid_records_around_garbage(
    payloads: list[bytes], garbage: bytes, where: int
) -> None:
    records = [encode_record(i + 1, p) for i, p in enumerate(payloads)]
    cut = where % (len(records) + 1)
    buf = b"".join(records[:cut]) + garbage.replace(b"TJ", b"tj") + b"".join(records[cut:])
    found = scan(buf)
    assert found.records == [(i + 1, p) for i, p in enumerate(payloads)]


def test_the_files_are_private(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j")
    j.append([b"x"])
    (seg,) = (tmp_path / "j").glob("*.jnl")
    assert os.stat(seg).st_mode & 0o077 == 0
    j.close()

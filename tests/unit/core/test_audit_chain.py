"""Tests for the audit hash chain: canonical digests and chain verification."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

import pytest

from core.audit import GENESIS_HASH, AuditRecord, row_digest, verify_chain

T0 = datetime(2026, 11, 25, 8, 0, 0, 123456, tzinfo=UTC)


def make_chain(n: int) -> list[AuditRecord]:
    """n correctly linked records with distinct timestamps and contents."""
    records = []
    prev = GENESIS_HASH
    for i in range(1, n + 1):
        fields = {
            "ts": T0 + timedelta(seconds=i),
            "actor": f"user{i % 3}",
            "workstation": "CC",
            "action": "login",
            "target": f"t{i}",
            "detail": f"第{i}条",
        }
        digest = row_digest(prev_hash=prev, **fields)
        records.append(AuditRecord(id=i, prev_hash=prev, row_hash=digest, **fields))
        prev = digest
    return records


def digest_of(**overrides: object) -> str:
    fields: dict[str, object] = {
        "prev_hash": GENESIS_HASH,
        "ts": T0,
        "actor": "admin",
        "workstation": "CC",
        "action": "login",
        "target": "",
        "detail": "role admin",
    }
    fields.update(overrides)
    return row_digest(**fields)  # type: ignore[arg-type]


def test_row_digest_is_deterministic_sha256_hex() -> None:
    a = digest_of()
    assert a == digest_of()
    assert len(a) == 64
    assert int(a, 16) >= 0  # hex


def test_row_digest_same_instant_in_another_zone_gives_the_same_hash() -> None:
    shanghai = timezone(timedelta(hours=8))
    assert digest_of(ts=T0.astimezone(shanghai)) == digest_of(ts=T0)


@pytest.mark.parametrize(
    "override",
    [
        {"prev_hash": "1" * 64},
        {"ts": T0 + timedelta(microseconds=1)},
        {"actor": "admin2"},
        {"workstation": "WS01"},
        {"action": "logout"},
        {"target": "x"},
        {"detail": "role admin "},
    ],
)
def test_row_digest_changes_with_every_field(override: dict[str, object]) -> None:
    assert digest_of(**override) != digest_of()


def test_row_digest_fields_cannot_be_shifted_into_each_other() -> None:
    # Canonical JSON keeps field boundaries: moving text between fields changes the hash.
    assert digest_of(target="ab", detail="c") != digest_of(target="a", detail="bc")


def test_row_digest_rejects_naive_timestamps() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        digest_of(ts=datetime(2026, 11, 25, 8, 0, 0))


def test_verify_chain_accepts_an_intact_chain() -> None:
    chain = make_chain(5)
    report = verify_chain(chain, expected_head=chain[-1].row_hash, expected_rows=5)
    assert report.ok
    assert report.rows == 5
    assert report.last_hash == chain[-1].row_hash
    assert report.breaks == ()


def test_verify_chain_of_nothing_is_the_genesis_hash() -> None:
    report = verify_chain([], expected_head=GENESIS_HASH, expected_rows=0)
    assert report.ok
    assert report.rows == 0
    assert report.last_hash == GENESIS_HASH


def test_verify_chain_detects_an_edited_row() -> None:
    chain = make_chain(5)
    chain[2] = dataclasses.replace(chain[2], detail="edited")
    report = verify_chain(chain, expected_head=chain[-1].row_hash, expected_rows=5)
    assert not report.ok
    assert [b.row_id for b in report.breaks] == [3]
    assert "edited" in report.breaks[0].reason


def test_verify_chain_detects_an_edited_timestamp() -> None:
    chain = make_chain(3)
    chain[0] = dataclasses.replace(chain[0], ts=chain[0].ts + timedelta(seconds=1))
    report = verify_chain(chain)
    assert [b.row_id for b in report.breaks] == [1]


def test_verify_chain_detects_a_rehashed_row_through_the_next_link() -> None:
    # An attacker who edits a row and recomputes its own hash still breaks the next link.
    chain = make_chain(4)
    r = chain[1]
    forged = dataclasses.replace(r, detail="forged")
    forged = dataclasses.replace(
        forged,
        row_hash=row_digest(
            prev_hash=forged.prev_hash,
            ts=forged.ts,
            actor=forged.actor,
            workstation=forged.workstation,
            action=forged.action,
            target=forged.target,
            detail=forged.detail,
        ),
    )
    chain[1] = forged
    report = verify_chain(chain)
    assert [b.row_id for b in report.breaks] == [3]
    assert "link" in report.breaks[0].reason


def test_verify_chain_detects_a_removed_middle_row() -> None:
    chain = make_chain(5)
    head = chain[-1].row_hash
    del chain[2]
    report = verify_chain(chain, expected_head=head, expected_rows=5)
    assert not report.ok
    # The row after the gap no longer links; the row count is short by one.
    assert [b.row_id for b in report.breaks] == [4, -1]
    assert "removed" in report.breaks[0].reason
    assert "row count 4" in report.breaks[1].reason


def test_removed_newest_rows_are_invisible_to_the_chain_alone() -> None:
    chain = make_chain(5)
    assert verify_chain(chain[:3]).ok


def test_verify_chain_detects_removed_newest_rows_via_the_head() -> None:
    chain = make_chain(5)
    report = verify_chain(chain[:3], expected_head=chain[-1].row_hash)
    assert not report.ok
    assert [b.row_id for b in report.breaks] == [-1]
    assert "newest rows are missing" in report.breaks[0].reason
    assert report.rows == 3


def test_verify_chain_detects_removed_newest_rows_via_the_count() -> None:
    chain = make_chain(5)
    report = verify_chain(chain[:4], expected_rows=5)
    assert [b.row_id for b in report.breaks] == [-1]
    assert "row count 4 differs from the recorded count 5" in report.breaks[0].reason


def test_verify_chain_detects_an_inserted_row() -> None:
    chain = make_chain(3)
    intruder = dataclasses.replace(chain[1], id=99, detail="inserted")
    chain.insert(2, intruder)
    report = verify_chain(chain)
    assert not report.ok
    assert 99 in [b.row_id for b in report.breaks]


def test_verify_chain_rejects_naive_timestamps_in_records() -> None:
    chain = make_chain(2)
    chain[1] = dataclasses.replace(chain[1], ts=chain[1].ts.replace(tzinfo=None))
    with pytest.raises(ValueError, match="timezone-aware"):
        verify_chain(chain)


def test_verify_chain_consumes_an_iterator_once() -> None:
    chain = make_chain(4)
    report = verify_chain(iter(chain), expected_rows=4)
    assert report.ok
    assert report.rows == 4

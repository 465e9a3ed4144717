"""Audit checkpoints without a database: canonical bytes, signatures, files, the chain check."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from core.audit import GENESIS_HASH, AuditRecord, row_digest
from core.checkpoint import (
    AnchorReport,
    ChainPositions,
    Checkpoint,
    CheckpointCheck,
    CheckpointError,
    CheckpointReason,
    Finding,
    SignatureStatus,
    SignedCheckpoint,
    anchor_report,
    check_files,
    check_signature,
    compare,
    key_id,
    load_private_key,
    load_public_key,
    new_key_pair,
    parse,
    resolve_checkpoint_dir,
    sign,
)
from core.keys import KeyFileError

T0 = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
SITE = "红桥区咸阳北路街道"


def chain(n: int, first_id: int = 1) -> list[AuditRecord]:
    """n linked records, ids from first_id."""
    out: list[AuditRecord] = []
    prev = GENESIS_HASH
    for i in range(n):
        ts = T0 + timedelta(seconds=i)
        digest = row_digest(
            prev_hash=prev,
            ts=ts,
            actor="operator",
            workstation="CC",
            action="login",
            target="",
            detail=str(i),
        )
        out.append(
            AuditRecord(first_id + i, ts, "operator", "CC", "login", "", str(i), prev, digest)
        )
        prev = digest
    return out


def checkpoint_at(records: list[AuditRecord], rows: int, at: datetime = T0) -> Checkpoint:
    last = records[rows - 1]
    return Checkpoint(
        SITE, rows, last.id, last.row_hash, last.row_hash, at, "CC", CheckpointReason.PERIODIC
    )


@pytest.fixture(scope="module")
def keys() -> tuple[bytes, bytes]:
    return new_key_pair()


def private(keys: tuple[bytes, bytes]) -> Ed25519PrivateKey:
    return load_private_key(keys[0], "audit-signing.key")


def public_map(keys: tuple[bytes, bytes]) -> dict[str, Ed25519PublicKey]:
    pub = load_public_key(keys[1], "audit-signing.pub")
    return {key_id(pub): pub}


def positions_of(records: list[AuditRecord], wanted: set[int]) -> ChainPositions:
    pos = ChainPositions(frozenset(wanted))
    for _ in pos.observe(records):
        pass
    return pos


# --- bytes, signatures, files -----------------------------------------------------------------
def test_payload_is_canonical_and_states_every_fact() -> None:
    cp = checkpoint_at(chain(3), 3)
    doc = json.loads(cp.payload())
    assert doc == {
        "format": "street-command-console/audit-checkpoint/1",
        "site": SITE,
        "rows": 3,
        "last_id": 3,
        "last_row_hash": cp.last_row_hash,
        "head_hash": cp.head_hash,
        "at": "2026-11-29T10:00:00.000000+00:00",
        "workstation": "CC",
        "reason": "periodic",
    }
    # Sorted keys, no spaces, UTF-8 (not \\u escapes): the same bytes on every platform.
    assert cp.payload().startswith(b'{"at":"2026-11-29T10:00:00.000000+00:00","format":')
    assert SITE.encode() in cp.payload()
    # The zone a time is given in does not change the bytes.
    shanghai = cp.at.astimezone(ZoneInfo("Asia/Shanghai"))
    assert replace(cp, at=shanghai).payload() == cp.payload()


def test_a_signature_verifies_and_any_change_breaks_it(keys: tuple[bytes, bytes]) -> None:
    signed = sign(checkpoint_at(chain(3), 3), private(keys))
    pubs = public_map(keys)
    assert signed.key_id in pubs
    assert check_signature(signed, pubs) is SignatureStatus.VALID
    for change in ({"rows": 2}, {"site": "别的街道"}, {"reason": CheckpointReason.MANUAL}):
        forged = SignedCheckpoint(
            replace(signed.checkpoint, **change),
            signed.key_id,
            signed.signature,
        )
        assert check_signature(forged, pubs) is SignatureStatus.BAD


def test_a_signature_by_another_key_is_unknown(keys: tuple[bytes, bytes]) -> None:
    other = load_private_key(new_key_pair()[0], "other.key")
    signed = sign(checkpoint_at(chain(3), 3), other)
    assert check_signature(signed, public_map(keys)) is SignatureStatus.UNKNOWN_KEY


def test_file_text_round_trips(keys: tuple[bytes, bytes]) -> None:
    signed = sign(checkpoint_at(chain(5), 4), private(keys))
    back = parse(signed.to_json(), "f.json")
    assert back == signed
    assert check_signature(back, public_map(keys)) is SignatureStatus.VALID


def test_file_names_sort_by_time(keys: tuple[bytes, bytes]) -> None:
    records = chain(3)
    names = [
        sign(checkpoint_at(records, 3, T0 + timedelta(microseconds=us)), private(keys)).file_name()
        for us in (999_999, 5, 86_400_000_000, 0)
    ]
    assert names[3] == "20261129T100000.000000Z-periodic.json"
    assert sorted(names) == [names[3], names[1], names[0], names[2]]


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        (lambda d: d.pop("signature"), "signature"),
        (lambda d: d["checkpoint"].update(format="other/1"), "not a checkpoint"),
        (lambda d: d["checkpoint"].update(rows=-1), "count"),
        (lambda d: d["checkpoint"].update(rows=True), "count"),
        (lambda d: d["checkpoint"].update(head_hash="xyz"), "SHA-256"),
        (lambda d: d["checkpoint"].update(at="2026-11-29T10:00:00"), "time zone"),
        (lambda d: d["checkpoint"].update(reason="whim"), "whim"),
        (lambda d: d.update(signature="not base64!"), "unreadable"),
    ],
)
def test_malformed_files_are_refused_naming_the_file(
    keys: tuple[bytes, bytes], edit: Callable[[dict[str, Any]], object], why: str
) -> None:
    doc = json.loads(sign(checkpoint_at(chain(2), 2), private(keys)).to_json())
    edit(doc)
    with pytest.raises(CheckpointError, match=r"bad\.json") as info:
        parse(json.dumps(doc), "bad.json")
    assert why in str(info.value)


def test_garbage_is_not_a_checkpoint() -> None:
    for text in ("", "[]", "{", '{"checkpoint": 1}'):
        with pytest.raises(CheckpointError, match=r"x\.json"):
            parse(text, "x.json")


def test_keys_that_are_not_ed25519_pem_are_refused_naming_the_file(
    keys: tuple[bytes, bytes],
) -> None:
    with pytest.raises(KeyFileError, match=r"k\.key"):
        load_private_key(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "k.key")
    with pytest.raises(KeyFileError, match=r"k\.pub"):
        load_public_key(keys[0], "k.pub")  # a private key where the public one belongs


def test_checkpoint_folder_resolution(tmp_path: Path) -> None:
    default = tmp_path / "default"
    assert resolve_checkpoint_dir("given", {"CONSOLE_CHECKPOINTS": "env"}, default=default) == (
        Path("given")
    )
    env = {"CONSOLE_CHECKPOINTS": "env"}
    assert resolve_checkpoint_dir(None, env, default=default) == Path("env")
    assert resolve_checkpoint_dir(None, {}, default=default) == default


# --- the chain against checkpoints ----------------------------------------------------------
def test_an_unchanged_chain_matches_its_checkpoints() -> None:
    records = chain(10)
    cps = [checkpoint_at(records, n) for n in (3, 7, 10)]
    pos = positions_of(records, {cp.last_id for cp in cps})
    assert pos.rows == 10
    assert [compare(cp, pos)[0] for cp in cps] == [Finding.MATCH] * 3


def test_a_checkpoint_of_the_empty_log_always_matches() -> None:
    cp = Checkpoint(SITE, 0, 0, GENESIS_HASH, GENESIS_HASH, T0, "CC", CheckpointReason.MANUAL)
    assert compare(cp, positions_of([], {0}))[0] is Finding.MATCH


def test_an_edited_row_before_a_checkpoint_is_a_mismatch_naming_the_row() -> None:
    records = chain(10)
    cp = checkpoint_at(records, 7)
    # A consistent rewrite: row 5 edited and every later hash recomputed (ids unchanged).
    rewritten = chain(4) + [replace(r, row_hash="f" * 64) for r in records[4:]]
    finding, detail = compare(cp, positions_of(rewritten, {7}))
    assert finding is Finding.MISMATCH
    assert "row 7 no longer has the hash" in detail


def test_a_removed_row_moves_the_checkpoint_row() -> None:
    records = chain(10)
    cp = checkpoint_at(records, 7)
    without_3 = records[:2] + records[3:]  # hashes kept, as if unchanged: its position moved
    finding, detail = compare(cp, positions_of(without_3, {7}))
    assert finding is Finding.MISMATCH
    assert "now number 6" in detail
    assert "recorded 7" in detail


def test_a_gone_checkpoint_row_in_a_long_enough_chain_is_a_mismatch() -> None:
    records = chain(10)
    cp = checkpoint_at(records, 7)
    renumbered = chain(10, first_id=100)
    finding, detail = compare(cp, positions_of(renumbered, {7}))
    assert finding is Finding.MISMATCH
    assert "row 7" in detail
    assert "gone" in detail


def test_a_chain_shorter_than_a_checkpoint_is_truncation() -> None:
    records = chain(10)
    cp = checkpoint_at(records, 10)
    finding, detail = compare(cp, positions_of(records[:4], {10}))
    assert finding is Finding.TRUNCATED
    assert "4 rows, fewer than the 10" in detail


def report_of(records: list[AuditRecord], cps: list[Checkpoint]) -> AnchorReport:
    pos = positions_of(records, {cp.last_id for cp in cps})
    return anchor_report(
        folder="cps",
        files=len(cps),
        public_keys=1,
        problems=[],
        genuine=[(f"{i}.json", cp) for i, cp in enumerate(cps)],
        positions=pos,
    )


def test_the_report_names_the_last_matching_checkpoint() -> None:
    records = chain(12)
    cps = [checkpoint_at(records, n, T0 + timedelta(hours=n)) for n in (3, 6, 9)]
    rewritten = records[:7] + [replace(r, row_hash="e" * 64) for r in records[7:]]
    report = report_of(rewritten, cps)
    assert not report.ok
    assert report.anchored
    assert report.problems() == [
        "history rewritten before row 9: checkpoint of 2026-11-29 19:00:00 UTC does not match "
        "(row 9 no longer has the hash the checkpoint recorded); rows after row 6 (the last "
        "matching checkpoint, of 2026-11-29 16:00:00 UTC) cannot be trusted"
    ]


def test_a_rewrite_before_every_checkpoint_trusts_no_row() -> None:
    records = chain(6)
    report = report_of(
        [replace(r, row_hash="d" * 64) for r in records], [checkpoint_at(records, 2)]
    )
    assert report.problems()[0].endswith("no earlier checkpoint matches: no row can be trusted")


def test_truncation_is_reported_as_such() -> None:
    records = chain(8)
    report = report_of(records[:5], [checkpoint_at(records, 4), checkpoint_at(records, 8)])
    assert report.problems() == [
        "chain shorter than a signed checkpoint: the chain has 5 rows, fewer than the 8 the "
        "checkpoint of 2026-11-29 10:00:00 UTC recorded (rows deleted or the log truncated); "
        "rows after row 4 (the last matching checkpoint, of 2026-11-29 10:00:00 UTC) cannot "
        "be trusted"
    ]


def test_untrusted_files_are_problems_and_not_compared(keys: tuple[bytes, bytes]) -> None:
    records = chain(4)
    good = sign(checkpoint_at(records, 4), private(keys))
    edited = SignedCheckpoint(replace(good.checkpoint, rows=3), good.key_id, good.signature)
    stranger = sign(checkpoint_at(records, 2), load_private_key(new_key_pair()[0], "x"))
    elsewhere = sign(replace(checkpoint_at(records, 3), site="别的街道"), private(keys))
    files: list[tuple[str, SignedCheckpoint | CheckpointError]] = [
        ("a.json", good),
        ("b.json", edited),
        ("c.json", stranger),
        ("d.json", elsewhere),
        ("e.json", CheckpointError("e.json: unreadable checkpoint")),
    ]
    problems, genuine = check_files(files, public_map(keys), SITE)
    assert genuine == [("a.json", good.checkpoint)]
    assert [(p.source, p.finding) for p in problems] == [
        ("b.json", Finding.BAD_SIGNATURE),
        ("c.json", Finding.UNKNOWN_KEY),
        ("d.json", Finding.OTHER_SITE),
        ("e.json", Finding.UNREADABLE),
    ]
    report = anchor_report(
        folder="cps",
        files=len(files),
        public_keys=1,
        problems=problems,
        genuine=genuine,
        positions=positions_of(records, {4}),
    )
    assert not report.ok
    assert report.anchored
    lines = report.problems()
    assert lines[0].startswith("checkpoint b.json: bad signature")
    assert len(lines) == 4


def test_no_checkpoint_is_a_warning_not_a_problem() -> None:
    report = report_of(chain(3), [])
    assert report.ok
    assert not report.anchored
    assert report.problems() == []
    warning = report.warning()
    assert warning is not None
    assert "no checkpoints in cps: the chain is only self-consistent" in warning
    keyless = AnchorReport("cps", public_keys=0, files=2, checks=(), rows=3)
    assert "no public key to check the 2 checkpoints" in (keyless.warning() or "")
    anchored = AnchorReport(
        "cps", 1, 1, (CheckpointCheck("a", Finding.MATCH, "", checkpoint_at(chain(1), 1)),), 1
    )
    assert anchored.warning() is None

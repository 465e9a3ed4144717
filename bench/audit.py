"""The audit log at scale: verify with signed checkpoints vs the chain alone; one checkpoint."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, update

CHECKPOINT_EVERY = 1_000  # rows between two checkpoints: about an hour of a busy control room


def _time(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median seconds of `fn()` (warm: the first call is not counted)."""
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def _fill(db: object, n: int, keys: Path, folder: Path) -> int:
    """n chained audit rows inserted in bulk, a signed checkpoint every CHECKPOINT_EVERY rows."""
    from core.audit import GENESIS_HASH, row_digest
    from core.checkpoint import Checkpoint, CheckpointReason, sign
    from data.checkpoints import load_signing_key, save_checkpoint
    from data.models import AuditHead, AuditLog, SiteMeta

    key = load_signing_key(keys)
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    prev = GENESIS_HASH
    batch: list[dict[str, object]] = []
    written = 0
    with db.session() as s:  # type: ignore[attr-defined]
        for i in range(1, n + 1):
            ts = t0 + timedelta(seconds=3 * i)
            row = {
                "ts": ts,
                "actor": "operator",
                "workstation": "CC",
                "action": "incident_changed",
                "target": f"incident:{i % 5000}",
                "detail": "state dispatched",
            }
            digest = row_digest(prev_hash=prev, **row)  # type: ignore[arg-type]
            batch.append({**row, "id": i, "prev_hash": prev, "row_hash": digest})
            prev = digest
            if i % CHECKPOINT_EVERY == 0:
                cp = Checkpoint("bench", i, i, digest, digest, ts, "CC", CheckpointReason.PERIODIC)
                save_checkpoint(folder, sign(cp, key))
                written += 1
            if len(batch) == 20_000:
                s.execute(insert(AuditLog), batch)
                batch.clear()
        if batch:
            s.execute(insert(AuditLog), batch)
        s.execute(update(AuditHead).where(AuditHead.id == 1).values(last_hash=prev, rows=n))
        s.add(SiteMeta(key="site_name", value="bench"))
    return written


def table_rows(n: int = 100_000) -> list[tuple[str, float, float, str]]:
    """Seconds to verify n rows with and without the checkpoints; ms to write one checkpoint."""
    from sqlalchemy import select

    from core.checkpoint import CheckpointReason
    from data.audit import verify_audit
    from data.checkpoints import generate_audit_key, verify_anchored, write_checkpoint
    from data.migrate import open_database
    from data.models import AuditHead

    with tempfile.TemporaryDirectory(prefix="console-audit-") as tmp:
        keys, folder = Path(tmp) / "keys", Path(tmp) / "checkpoints"
        generate_audit_key(keys)
        db = open_database(f"sqlite:///{Path(tmp) / 'audit.db'}")
        try:
            files = _fill(db, n, keys, folder)

            def plain() -> None:
                with db.session() as s:
                    assert verify_audit(s).ok

            def anchored() -> None:
                with db.session() as s:
                    verdict = verify_anchored(s, keys, folder)
                assert verdict.ok
                assert verdict.anchors.anchored

            with_cps = _time(anchored)
            chain_only = _time(plain)

            scratch = Path(tmp) / "scratch"

            def one_checkpoint() -> None:
                write_checkpoint(
                    db, keys, scratch, workstation="CC", reason=CheckpointReason.PERIODIC
                )

            def head_only() -> None:
                with db.session() as s:
                    s.execute(select(AuditHead).where(AuditHead.id == 1)).one()

            write_ms = 1000 * _time(one_checkpoint, repeat=21)
            head_ms = 1000 * _time(head_only, repeat=21)
        finally:
            db.dispose()
    return [
        (
            f"audit verify with {files} checkpoints (s)",
            with_cps,
            chain_only,
            f"{n:,} rows; baseline: the chain checked alone",
        ),
        (
            "write one audit checkpoint (ms)",
            write_ms,
            head_ms,
            "signed, fsynced; baseline: read audit_head",
        ),
    ]


if __name__ == "__main__":
    for row in table_rows():
        print(row)

"""Killed with -9 while ingesting 500 reads/s: after a restart each acked read is stored once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.site import SiteSpec
from core.tracking_plan import ReaderPipeline, TrackingPlan
from data.context import ServiceContext
from data.db import Database
from data.journal import Journal
from data.models import TagRead as TagReadRow
from data.services.consent import ConsentService
from data.services.residents import ResidentService
from data.services.tracking import TrackingService
from data.tracking_ingest import TrackingIngest
from tests.helpers.cli import ROOT, cli_env
from tests.unit.data.worlds import demo_world

pytestmark = pytest.mark.slow

TAGS = [f"CE{i:08X}" for i in range(50)]
RATE = 500.0


class _Sink:
    def publish(self, event: object) -> None:
        pass


def _service(db: Database) -> TrackingService:
    ctx = ServiceContext(db, workstation="WS01")
    return TrackingService(ctx, ResidentService(ctx), ConsentService(ctx))


def _acked(path: Path) -> list[int]:
    """Read numbers the reader got an acknowledgement for (a torn last line is not one)."""
    text = path.read_text()
    lines = text.split("\n")
    return [int(x) for x in lines[:-1] if x]


@pytest.mark.timeout(180)
@pytest.mark.parametrize("rounds", [3])
def test_every_acknowledged_read_is_stored_once_after_kill_9(
    db: Database, demo_site: SiteSpec, tmp_path: Path, rounds: int
) -> None:
    demo_world(db, demo_site)
    svc = _service(db)
    for code in TAGS:
        svc.register("system", code=code, kind="asset")
    journal, acks = tmp_path / "journal", tmp_path / "acks"
    env = cli_env(tmp_path)
    for n in range(rounds):
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.helpers.tracking_child",
                db.url,
                str(journal),
                str(acks),
                str(RATE),
                str(n * 1_000_000 + 1),
                *TAGS,
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready", (
                child.stderr.read() if child.stderr else ""
            )
            time.sleep(1.0 + 0.37 * n)  # mid-stream, at a different moment each round
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(10)
        assert child.returncode == -signal.SIGKILL
    acked = _acked(acks)
    assert len(acked) == len(set(acked)) > RATE * rounds * 0.5
    # The restart: a new ingest on the same journal writes what the crashes left.
    plan = TrackingPlan.of(demo_site)
    ingest = TrackingIngest(svc, plan, ReaderPipeline(plan), _Sink(), Journal(journal))
    ingest.start()
    try:
        deadline = time.monotonic() + 60
        while ingest.done < ingest.journal.last_seq:
            assert time.monotonic() < deadline, "the journal was not written in time"
            time.sleep(0.05)
        last = ingest.journal.last_seq
    finally:
        ingest.stop()
        assert ingest.join(10)
        ingest.journal.close()
    with db.session() as s:
        rows = s.execute(
            select(TagReadRow.antenna, func.count(), func.sum(TagReadRow.count)).group_by(
                TagReadRow.antenna
            )
        ).all()
    stored = {int(a): (int(n), int(c)) for a, n, c in rows}
    # Every journaled read is in the database exactly once: one row standing for one read.
    assert len(stored) == last
    assert all(v == (1, 1) for v in stored.values())
    # Every acknowledged read is among them; the only others are reads journaled in the
    # instant between accept() and the acknowledgement's write (at most one per crash).
    assert set(acked) <= set(stored)
    assert len(set(stored) - set(acked)) <= rounds

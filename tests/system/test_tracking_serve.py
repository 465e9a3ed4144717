"""`console serve`: runs the simulated readers into the database, stops on SIGTERM."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.helpers.cli import ROOT, cli_env, run_cli

pytestmark = pytest.mark.slow


def _last_month() -> date:
    """The month before this one on the demo site's calendar (Asia/Shanghai)."""
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def _reads(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT coalesce(sum(count), 0) FROM tag_read").fetchone()[0])


@pytest.mark.timeout(120)
def test_serve_ingests_the_simulated_readers_and_stops_on_sigterm(tmp_path: Path) -> None:
    db = tmp_path / "console.db"
    url = f"sqlite:///{db}"
    seeded = run_cli(tmp_path, "demo", "--db", url, "--population", "600")
    assert seeded.returncode == 0, seeded.stderr
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "console",
            "serve",
            "--db",
            url,
            "--workstation",
            "CC",  # the demo's simulation host: it runs every sim:// reader
            "--journal-dir",
            str(tmp_path / "journal"),
            "--stats-every",
            "1",
            "--kpi-reports",
            str(tmp_path / "reports"),
        ],
        cwd=ROOT,
        env=cli_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("serving "), line + (proc.stderr.read() if proc.stderr else "")
        deadline = time.monotonic() + 30
        while _reads(db) == 0:
            assert time.monotonic() < deadline, "no reads reached the database"
            time.sleep(0.2)
        # Last month's indicator reports, written by the schedule beside the readers (the
        # stop may come while it writes the communities' reports).
        street = tmp_path / "reports" / f"kpi-street-{_last_month():%Y-%m}.pdf"
        while not street.is_file():
            assert time.monotonic() < deadline + 30, "no scheduled KPI report"
            time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert out.strip().endswith("stopped")
    assert "Traceback" not in err
    # Every read the ingest took is in the database or in the journal for the next start.
    assert _reads(db) > 0
    with sqlite3.connect(db) as conn:
        marks = conn.execute("SELECT count(*) FROM ingest_mark").fetchone()[0]
    assert marks == 1
    assert street.read_bytes().startswith(b"%PDF")


def test_serve_refuses_a_workstation_the_site_does_not_know(tmp_path: Path) -> None:
    done = run_cli(
        tmp_path, "serve", "--db", f"sqlite:///{tmp_path / 'c.db'}", "--workstation", "XX9"
    )
    assert done.returncode != 0
    assert "XX9" in done.stderr

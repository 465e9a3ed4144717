"""The database away: the recorder records on, its index waits in a journal, and every file on
disk has its index row once the database answers again."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from data.db import Database
from data.models import RecordingSegment
from tests.helpers.rtsp import Clips, clips  # noqa: F401 - the fixture
from tests.system.test_recorder_console import segments, wait_for, world  # noqa: F401
from video.recorder.buffered import JOURNAL_NAME

pytestmark = pytest.mark.slow


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*.mp4")}


def indexed(db: Database) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(RecordingSegment.path)))


def test_a_locked_database_is_journaled_and_every_file_is_indexed_after(
    world: tuple[Path, str, Database, Path],  # noqa: F811
) -> None:
    site, url, db, root = world
    rec = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "console",
            "--db",
            url,
            "recorder",
            "--site",
            str(site),
            "--root",
            str(root),
            "--segment-seconds",
            "2",
            "--no-sim",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(lambda: segments(db, "complete") >= 4)
        # Another program holds the database's write lock: every index write times out.
        lock = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=0)
        lock.execute("BEGIN EXCLUSIVE")
        try:
            wait_for(lambda: (root / JOURNAL_NAME).exists(), 20)
            during = files(root)
            wait_for(lambda: len(files(root) - during) >= 4, 20)  # recording goes on
        finally:
            lock.rollback()
            lock.close()
        wait_for(lambda: not (root / JOURNAL_NAME).exists(), 30)
        on_disk = files(root)
        wait_for(lambda: on_disk <= indexed(db), 10)
    finally:
        rec.send_signal(signal.SIGTERM)
        out, _ = rec.communicate(timeout=20)
    assert rec.returncode == 0, out
    assert files(root) == indexed(db)  # every file has its row, none has a row without a file
    assert segments(db, "writing") == 0, out
    assert "journaling meanwhile" in out
    assert "the journal is replayed" in out

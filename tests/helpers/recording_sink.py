"""A real RecordingSink on a stdlib SQLite file: the recorder engine's index in its tests."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from core.recording import Gap, GapCause, Hold, RecorderHealth, Segment, SegmentState

T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS segment (
    id INTEGER PRIMARY KEY, camera TEXT NOT NULL, start TEXT NOT NULL, end TEXT,
    path TEXT NOT NULL, bytes INTEGER NOT NULL DEFAULT 0, sha256 TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL, codec TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS gap (
    id INTEGER PRIMARY KEY, camera TEXT NOT NULL, start TEXT NOT NULL, end TEXT,
    cause TEXT NOT NULL, detail TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS hold (
    id INTEGER PRIMARY KEY, incident_id INTEGER, cameras TEXT NOT NULL, start TEXT NOT NULL,
    end TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', released INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS alarm (
    id INTEGER PRIMARY KEY, camera TEXT, text TEXT NOT NULL, at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS heartbeat (
    id INTEGER PRIMARY KEY, recorder TEXT NOT NULL, at TEXT NOT NULL, recording INTEGER NOT NULL,
    total INTEGER NOT NULL, bitrate REAL NOT NULL, free INTEGER NOT NULL, disk INTEGER NOT NULL,
    days_fit REAL, detail TEXT NOT NULL, failing TEXT NOT NULL, started TEXT NOT NULL,
    root TEXT NOT NULL, links TEXT NOT NULL
);
"""


def _ts(t: datetime) -> str:
    """Fixed-width UTC text: sorts as the times do."""
    if t.tzinfo is None:
        raise ValueError(f"naive datetime {t!r}: the index holds UTC times only")
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _dt(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def _segment(row: sqlite3.Row) -> Segment:
    start = _dt(row["start"])
    assert start is not None
    return Segment(
        id=row["id"],
        camera=row["camera"],
        start=start,
        end=_dt(row["end"]) or start,
        path=row["path"],
        bytes=row["bytes"],
        sha256=row["sha256"],
        state=SegmentState(row["state"]),
        codec=row["codec"],
    )


def _gap(row: sqlite3.Row) -> Gap:
    start = _dt(row["start"])
    assert start is not None
    return Gap(
        row["id"], row["camera"], start, _dt(row["end"]), GapCause(row["cause"]), row["detail"]
    )


class SqliteRecordingSink:
    """The RecordingSink protocol on one SQLite file, thread-safe (one connection, one lock).

    Several processes may use the same file one after another (a recorder killed and another
    started). Beyond the protocol: `segments()`, `gaps()`, `alarms()`, `healths()`,
    `add_hold()` and `wait_for()` for the tests.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._conn = sqlite3.connect(path, timeout=10.0, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        with self._lock, self._conn:
            self._conn.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _write(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self._lock:
            with self._conn:
                cur = self._conn.execute(sql, params)
            self._changed.notify_all()
            return int(cur.lastrowid or 0)

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._conn.execute(sql, params))

    # -- RecordingSink --------------------------------------------------------------------------

    def segment_opened(self, camera: str, start: datetime, path: str, codec: str) -> int:
        return self._write(
            "INSERT INTO segment (camera, start, path, state, codec) VALUES (?, ?, ?, ?, ?)",
            (camera, _ts(start), path, SegmentState.WRITING.value, codec),
        )

    def segment_closed(
        self, seg_id: int, end: datetime, size: int, sha256: str, state: SegmentState
    ) -> None:
        self._write(
            "UPDATE segment SET end = ?, bytes = ?, sha256 = ?, state = ? WHERE id = ?",
            (_ts(end), size, sha256, state.value, seg_id),
        )

    def gap_opened(self, camera: str, start: datetime, cause: GapCause, detail: str) -> int:
        return self._write(
            "INSERT INTO gap (camera, start, cause, detail) VALUES (?, ?, ?, ?)",
            (camera, _ts(start), cause.value, detail),
        )

    def gap_closed(self, gap_id: int, end: datetime) -> None:
        self._write("UPDATE gap SET end = ? WHERE id = ?", (_ts(end), gap_id))

    def unfinished(self) -> list[Segment]:
        rows = self._read(
            "SELECT * FROM segment WHERE state = ? AND NOT deleted ORDER BY start, id",
            (SegmentState.WRITING.value,),
        )
        return [_segment(r) for r in rows]

    def open_gaps(self) -> list[Gap]:
        return [_gap(r) for r in self._read("SELECT * FROM gap WHERE end IS NULL ORDER BY id")]

    def last_recorded(self) -> dict[str, datetime]:
        rows = self._read(
            "SELECT camera, MAX(end) AS last FROM segment WHERE end IS NOT NULL GROUP BY camera"
        )
        out: dict[str, datetime] = {}
        for r in rows:
            t = _dt(r["last"])
            if t is not None:
                out[r["camera"]] = t
        return out

    def segments_before(self, before: datetime, limit: int) -> list[Segment]:
        rows = self._read(
            "SELECT * FROM segment WHERE state IN (?, ?) AND NOT deleted AND start < ? "
            "ORDER BY start, id LIMIT ?",
            (SegmentState.COMPLETE.value, SegmentState.DAMAGED.value, _ts(before), limit),
        )
        return [_segment(r) for r in rows]

    def oldest_segments(self, limit: int) -> list[Segment]:
        rows = self._read(
            "SELECT * FROM segment WHERE state IN (?, ?) AND NOT deleted ORDER BY start, id "
            "LIMIT ?",
            (SegmentState.COMPLETE.value, SegmentState.DAMAGED.value, limit),
        )
        return [_segment(r) for r in rows]

    def holds(self) -> list[Hold]:
        rows = self._read("SELECT * FROM hold WHERE NOT released ORDER BY id")
        out = []
        for r in rows:
            start, end = _dt(r["start"]), _dt(r["end"])
            assert start is not None
            assert end is not None
            cameras = tuple(c for c in r["cameras"].split(",") if c)
            out.append(Hold(r["id"], r["incident_id"], cameras, start, end, r["reason"]))
        return out

    def segment_deleted(self, seg_id: int) -> None:
        self._write("UPDATE segment SET deleted = 1 WHERE id = ?", (seg_id,))

    def heartbeat(self, health: RecorderHealth) -> None:
        self._write(
            "INSERT INTO heartbeat (recorder, at, recording, total, bitrate, free, disk, days_fit,"
            " detail, failing, started, root, links)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                health.recorder,
                _ts(health.heartbeat),
                health.cameras_recording,
                health.cameras_total,
                health.bitrate_bps,
                health.disk_free_bytes,
                health.disk_total_bytes,
                health.days_fit,
                health.detail,
                ",".join(health.failing),
                _ts(health.started),
                health.root,
                ";".join(f"{c}={'up' if up else 'down'}" for c, up, _ in health.links),
            ),
        )

    def raise_alarm(self, camera: str | None, text: str) -> None:
        self._write(
            "INSERT INTO alarm (camera, text, at) VALUES (?, ?, ?)",
            (camera, text, _ts(datetime.now(UTC))),
        )

    # -- for the tests --------------------------------------------------------------------------

    def add_segment(self, seg: Segment, deleted: bool = False) -> int:
        """Index a segment as a recorder would have (for retention tests)."""
        return self._write(
            "INSERT INTO segment (camera, start, end, path, bytes, sha256, state, codec, deleted)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                seg.camera,
                _ts(seg.start),
                _ts(seg.end),
                seg.path,
                seg.bytes,
                seg.sha256,
                seg.state.value,
                seg.codec,
                int(deleted),
            ),
        )

    def add_hold(self, cameras: Sequence[str], start: datetime, end: datetime) -> int:
        return self._write(
            "INSERT INTO hold (cameras, start, end) VALUES (?, ?, ?)",
            (",".join(cameras), _ts(start), _ts(end)),
        )

    def segments(self, camera: str | None = None, *, deleted: bool = False) -> list[Segment]:
        """Segments by start (not the deleted ones unless asked)."""
        sql = "SELECT * FROM segment WHERE (? IS NULL OR camera = ?)"
        if not deleted:
            sql += " AND NOT deleted"
        return [_segment(r) for r in self._read(sql + " ORDER BY start, id", (camera, camera))]

    def deleted_ids(self) -> set[int]:
        return {r["id"] for r in self._read("SELECT id FROM segment WHERE deleted")}

    def gaps(self, camera: str | None = None) -> list[Gap]:
        rows = self._read(
            "SELECT * FROM gap WHERE (? IS NULL OR camera = ?) ORDER BY start, id", (camera, camera)
        )
        return [_gap(r) for r in rows]

    def alarms(self) -> list[tuple[str | None, str]]:
        return [(r["camera"], r["text"]) for r in self._read("SELECT * FROM alarm ORDER BY id")]

    def healths(self) -> list[sqlite3.Row]:
        return self._read("SELECT * FROM heartbeat ORDER BY id")

    def wait_for(self, predicate: Callable[[SqliteRecordingSink], T], timeout: float = 20.0) -> T:
        """Block until `predicate(self)` is truthy and return it; AssertionError on timeout.

        Wakes on this process's writes and looks every 0.1 s for another process's.
        """
        deadline = time.monotonic() + timeout
        while True:
            value = predicate(self)
            if value:
                return value
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(
                    f"timed out; segments: {self.segments()[-4:]}, gaps: {self.gaps()[-4:]}"
                )
            with self._changed:
                self._changed.wait(min(0.1, left))

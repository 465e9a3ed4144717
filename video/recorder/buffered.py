"""An index that keeps recording through a database outage: writes wait in a local journal."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from core.recording import (
    Gap,
    GapCause,
    Hold,
    RecorderHealth,
    RecordingSink,
    Segment,
    SegmentState,
)

log = logging.getLogger(__name__)

JOURNAL_NAME = ".index-journal.jsonl"
RETRY_S = 5.0  # how often the heartbeat retries a waiting journal


class BufferedSink:
    """A RecordingSink in front of another (the database) that never stops the recording.

    A write the inner sink refuses (the database is away) is appended to a journal file
    beside the recordings and kept in memory; a segment or gap opened meanwhile gets a
    provisional negative id. While anything waits, every write goes to the journal at once
    (the camera threads never wait for a database that is away); the housekeeping thread's
    heartbeat replays the journal, in order and mapping provisional ids to the real ones, at
    most every RETRY_S. The journal is rewritten as it shrinks, so a recorder killed during an
    outage replays it at its next start. Reads (holds, segments for retention) are not
    buffered: while they fail the recorder deletes nothing, because it cannot know what is held.

    Thread-safe: the camera threads and housekeeping share one instance.
    """

    def __init__(
        self,
        inner: RecordingSink,
        root: Path,
        *,
        on_outage: Callable[[bool, str], None] | None = None,
        retry_s: float = RETRY_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._inner = inner
        self._path = root / JOURNAL_NAME
        self._lock = threading.Lock()  # the pending list and the journal file (short holds)
        self._replaying = threading.Lock()  # one replay at a time (may wait on the database)
        self._pending: list[dict[str, Any]] = []
        self._ids: dict[int, int] = {}  # provisional id -> the database's
        self._next = -1
        self._on_outage = on_outage
        self._down = False
        self._retry_s = retry_s
        self._mono = monotonic
        self._retry_at = 0.0
        root.mkdir(parents=True, exist_ok=True)
        self._load()

    # --- state ------------------------------------------------------------------------------
    @property
    def waiting(self) -> int:
        """Index writes waiting for the database."""
        with self._lock:
            return len(self._pending)

    def flush(self) -> bool:
        """Replay what waits now; True when nothing is left."""
        return self._replay()

    # --- writes -----------------------------------------------------------------------------
    def segment_opened(self, camera: str, start: datetime, path: str, codec: str) -> int:
        args = {"camera": camera, "start": start.isoformat(), "path": path, "codec": codec}
        return int(self._call("segment_opened", args, opens=True))

    def segment_closed(
        self, seg_id: int, end: datetime, size: int, sha256: str, state: SegmentState
    ) -> None:
        args = {"id": seg_id, "end": end.isoformat(), "size": size, "sha256": sha256}
        self._call("segment_closed", args | {"state": state.value})

    def segment_deleted(self, seg_id: int) -> None:
        self._call("segment_deleted", {"id": seg_id})

    def gap_opened(self, camera: str, start: datetime, cause: GapCause, detail: str) -> int:
        args = {"camera": camera, "start": start.isoformat(), "cause": cause.value}
        return int(self._call("gap_opened", args | {"detail": detail}, opens=True))

    def gap_closed(self, gap_id: int, end: datetime) -> None:
        self._call("gap_closed", {"id": gap_id, "end": end.isoformat()})

    def raise_alarm(self, camera: str | None, text: str) -> None:
        self._call("raise_alarm", {"camera": camera, "text": text})

    def heartbeat(self, health: RecorderHealth) -> None:
        # The housekeeping thread: the place where a waiting journal is retried. The heartbeat
        # itself is not journaled: only the newest matters, and the next comes in seconds.
        if self.waiting and self._mono() >= self._retry_at and not self._replay():
            return
        if self.waiting:
            return
        try:
            self._inner.heartbeat(health)
        except Exception as exc:
            self._outage(str(exc))

    # --- reads (not buffered) ---------------------------------------------------------------
    def unfinished(self) -> list[Segment]:
        self._replay()
        return self._inner.unfinished()

    def open_gaps(self) -> list[Gap]:
        self._replay()
        return self._inner.open_gaps()

    def last_recorded(self) -> dict[str, datetime]:
        self._replay()
        return self._inner.last_recorded()

    def segments_before(self, before: datetime, limit: int) -> list[Segment]:
        return self._inner.segments_before(before, limit)

    def oldest_segments(self, limit: int) -> list[Segment]:
        return self._inner.oldest_segments(limit)

    def holds(self) -> list[Hold]:
        return self._inner.holds()

    # --- the journal ------------------------------------------------------------------------
    def _call(self, op: str, args: dict[str, Any], *, opens: bool = False) -> Any:
        with self._lock:
            queued = bool(self._pending) or self._down
            if not queued and "id" in args and args["id"] < 0:
                # Opened during an outage and since replayed: the database's id from now on.
                real = self._ids.get(args["id"])
                if real is None:
                    log.error("recorder: %s of provisional id %s dropped", op, args["id"])
                    return None
                args = args | {"id": real}
            if queued:
                return self._append_locked(op, args, opens)
        try:
            return getattr(self._inner, op)(**_decode(op, args))
        except Exception as exc:
            self._outage(str(exc))
            with self._lock:
                return self._append_locked(op, args, opens)

    def _append_locked(self, op: str, args: dict[str, Any], opens: bool) -> int | None:
        entry: dict[str, Any] = {"op": op, "args": args}
        provisional = None
        if opens:
            provisional = self._next
            self._next -= 1
            entry["as"] = provisional
        self._pending.append(entry)
        try:
            with open(self._path, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")
                f.flush()
                os.fsync(f.fileno())
        except OSError as exc:  # the recording disk itself: kept in memory meanwhile
            log.error("recorder: the index journal %s cannot be written: %s", self._path, exc)
        return provisional

    def _replay(self) -> bool:
        """Apply what waits, oldest first; False while the inner sink still refuses."""
        with self._replaying:
            while True:
                with self._lock:
                    if not self._pending:
                        break
                    entry = self._pending[0]
                args = dict(entry["args"])
                try:
                    if "id" in args and args["id"] < 0:
                        real = self._ids.get(args["id"])
                        if real is None:
                            raise LookupError(f"provisional id {args['id']} was never opened")
                        args["id"] = real
                    result = getattr(self._inner, entry["op"])(**_decode(entry["op"], args))
                except LookupError as exc:
                    log.error("recorder: index journal entry dropped: %s", exc)
                except Exception as exc:
                    self._retry_at = self._mono() + self._retry_s
                    self._outage(str(exc))
                    return False
                else:
                    if "as" in entry:
                        self._ids[int(entry["as"])] = int(result)
                with self._lock:
                    self._pending.pop(0)
                    self._rewrite_locked()
            with self._lock:
                was_down, self._down = self._down, False
        if was_down:
            log.warning("recorder: the index is written again; the journal is replayed")
            if self._on_outage is not None:
                self._on_outage(False, "")
        return True

    def _rewrite_locked(self) -> None:
        tmp = self._path.with_suffix(".tmp")
        try:
            if not self._pending:
                self._path.unlink(missing_ok=True)
                return
            with open(tmp, "w", encoding="utf-8") as f:
                for entry in self._pending:
                    f.write(json.dumps(entry, ensure_ascii=False) + "\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self._path)
        except OSError as exc:
            log.error("recorder: the index journal %s cannot be rewritten: %s", self._path, exc)

    def _load(self) -> None:
        if not self._path.exists():
            return
        lines = self._path.read_text(encoding="utf-8", errors="replace").splitlines()
        for n, line in enumerate(lines, start=1):
            try:
                entry = json.loads(line)
                if not isinstance(entry, dict) or "op" not in entry or "args" not in entry:
                    raise ValueError("not an index entry")
            except ValueError as exc:
                # A line cut by a crash mid-write: the entries before it still count.
                log.error("recorder: index journal line %d skipped: %s", n, exc)
                continue
            self._pending.append(entry)
            if "as" in entry:
                self._next = min(self._next, int(entry["as"]) - 1)
        log.info("recorder: %d index writes wait in %s", len(self._pending), self._path)

    def _outage(self, why: str) -> None:
        with self._lock:
            was_down, self._down = self._down, True
        if not was_down:
            log.error("recorder: the index cannot be written (%s); journaling meanwhile", why)
            if self._on_outage is not None:
                self._on_outage(True, why)


def _decode(op: str, args: dict[str, Any]) -> dict[str, Any]:
    """The journal's JSON arguments as the sink's method takes them."""
    out = dict(args)
    if op == "segment_opened":
        out["start"] = datetime.fromisoformat(out["start"])
    elif op == "segment_closed":
        out["seg_id"] = out.pop("id")
        out["end"] = datetime.fromisoformat(out["end"])
        out["state"] = SegmentState(out["state"])
    elif op == "segment_deleted":
        out["seg_id"] = out.pop("id")
    elif op == "gap_opened":
        out["start"] = datetime.fromisoformat(out["start"])
        out["cause"] = GapCause(out["cause"])
    elif op == "gap_closed":
        out["gap_id"] = out.pop("id")
        out["end"] = datetime.fromisoformat(out["end"])
    return out

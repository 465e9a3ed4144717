"""The alarm ingest thread: a bounded queue, batched writes, a journal through DB outages."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from core.alarm_plan import AlarmPlan
from core.alarms import AlarmEvent
from core.events import WorkerFailed
from core.ports import Clock, EventSink
from core.timefmt import utcnow
from core.workers import ThreadedRunner
from data.services.alarms import AlarmService, IngestResult

log = logging.getLogger(__name__)

MAX_BATCH = 1000  # events in one transaction (DESIGN §1: ≤ 50 ms or ≤ 1,000 events)
QUEUE_CAPACITY = 10_000  # events waiting; beyond it accept() refuses and the panel retries
MAX_PENDING = 100_000  # events held (and journaled) through an outage before refusing
SUPERVISE_EVERY_S = 5.0
UNKNOWN_REPORT_EVERY_S = 300.0  # an unknown account is reported again after this long
_STOP = object()


@dataclass(frozen=True, slots=True)
class UnknownAlarmAccount:
    """A frame came from an account no device of the site has (ingest thread)."""

    account: str
    at: datetime


def event_to_json(e: AlarmEvent) -> str:
    """One journal line (no AES key is in an event: the journal holds no secret)."""
    return json.dumps(
        {
            "account": e.account,
            "receiver": e.receiver,
            "line": e.line,
            "sequence": e.sequence,
            "message_type": e.message_type,
            "code": e.code,
            "zone": e.zone,
            "partition": e.partition,
            "text": e.text,
            "panel_time": e.panel_time.isoformat() if e.panel_time else None,
            "received_at": e.received_at.isoformat(),
            "transport": e.transport,
            "peer": e.peer,
            "encrypted": e.encrypted,
            "raw": e.raw,
        },
        ensure_ascii=False,
    )


def event_from_json(text: str) -> AlarmEvent:
    """The event of a journal line; ValueError (or KeyError) for a damaged one."""
    d: dict[str, Any] = json.loads(text)
    panel_time = d["panel_time"]
    return AlarmEvent(
        account=str(d["account"]),
        receiver=str(d["receiver"]),
        line=str(d["line"]),
        sequence=str(d["sequence"]),
        message_type=str(d["message_type"]),
        code=str(d["code"]),
        zone=str(d["zone"]),
        partition=str(d["partition"]),
        text=str(d["text"]),
        panel_time=datetime.fromisoformat(panel_time) if panel_time else None,
        received_at=datetime.fromisoformat(d["received_at"]),
        transport=str(d["transport"]),
        peer=str(d["peer"]),
        encrypted=bool(d["encrypted"]),
        raw=str(d["raw"]),
    )


class Journal:
    """An append-only JSONL file of acknowledged events not yet in the database."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()

    def append(self, events: Iterable[AlarmEvent]) -> int:
        """Write and fsync; returns how many were written (any thread)."""
        lines = [event_to_json(e) + "\n" for e in events]
        if not lines:
            return 0
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as f:
                f.writelines(lines)
                f.flush()
                os.fsync(f.fileno())
        return len(lines)

    def read(self) -> list[AlarmEvent]:
        """Every readable event; a damaged line (a crash mid-write) is logged and skipped."""
        with self._lock:
            try:
                text = self.path.read_text(encoding="utf-8", errors="replace")
            except FileNotFoundError:
                return []
        events = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                events.append(event_from_json(line))
            except (ValueError, KeyError, TypeError):
                log.warning("alarm journal %s: line %d is damaged; skipped", self.path, number)
        return events

    def clear(self) -> None:
        """Everything in it is in the database now."""
        with self._lock, contextlib.suppress(FileNotFoundError):
            self.path.unlink()


class AlarmIngest(ThreadedRunner):
    """The thread that writes alarm events: `accept()` is the receiver's AlarmAccept.

    Batches take whatever waits, up to MAX_BATCH, in one transaction: the first event of a
    quiet moment is written at once (no batching delay), a flood in batches of MAX_BATCH.
    When a write fails the events stay pending and go to the journal, the failure is
    published once (WorkerFailed) and the write retried with backoff; the journal is replayed
    at the next start. Every SUPERVISE_EVERY_S it looks for silent panels. After a commit
    that changed rows, `on_committed` (the console: wake the change feed) runs on this thread.
    """

    def __init__(
        self,
        service: AlarmService,
        plan: AlarmPlan,
        sink: EventSink,
        journal: Path,
        *,
        name: str = "alarm-ingest",
        capacity: int = QUEUE_CAPACITY,
        max_batch: int = MAX_BATCH,
        supervise_every_s: float = SUPERVISE_EVERY_S,
        max_backoff_s: float = 30.0,
        on_committed: Callable[[], None] | None = None,
        clock: Clock = utcnow,
    ):
        super().__init__(name)
        self.service = service
        self.plan = plan
        self.sink = sink
        self.journal = Journal(journal)
        # Events the database refuses on their own (not an outage): kept, never retried.
        self.rejected = Journal(journal.with_name(journal.stem + "-rejected.jsonl"))
        self.max_batch = max_batch
        self.supervise_every_s = supervise_every_s
        self.max_backoff_s = max_backoff_s
        self.on_committed = on_committed
        self.clock = clock
        self._queue: queue.Queue[object] = queue.Queue(maxsize=capacity)
        self._closed = False  # set once the loop has drained: accept() journals directly
        self._close_lock = threading.Lock()
        self._reported: dict[str, float] = {}
        # Counters (read from any thread; written by their one owner).
        self.accepted = 0
        self.refused = 0
        self.stored = 0
        self.duplicates = 0
        self.batches = 0
        self.failures = 0
        self.replayed = 0
        self.rejects = 0
        self.last: IngestResult | None = None

    # --- the Stoppable protocol (core.workers.ThreadedRunner) -----------------------------
    def stop(self) -> None:
        super().stop()
        # A full queue: the loop is busy and sees the stop event after this batch.
        with contextlib.suppress(queue.Full):
            self._queue.put_nowait(_STOP)

    # Nothing blocks outside a database call, which ends by its own timeouts: the base's
    # interrupt() (stop) is enough.

    # --- the receiver's side ----------------------------------------------------------------
    def accept(self, event: AlarmEvent) -> bool:
        """Take an acknowledged event (receiver thread); False: full, send no ACK."""
        with self._close_lock:
            if self._closed:
                # Stopping: what the receiver still acknowledges goes straight to the journal.
                self.journal.append([event])
                self.accepted += 1
                return True
        try:
            self._queue.put_nowait(event)
        except queue.Full:
            self.refused += 1
            if self.refused == 1 or self.refused % 1000 == 0:
                log.warning(
                    "%s: queue full (%d waiting); %d events refused (no ACK, panels retry)",
                    self._name,
                    self._queue.qsize(),
                    self.refused,
                )
            return False
        self.accepted += 1
        return True

    @property
    def waiting(self) -> int:
        """Events in the queue."""
        return self._queue.qsize()

    # --- the thread -------------------------------------------------------------------------
    def _run(self) -> None:
        since = self.clock()
        pending = self.journal.read()
        journaled = len(pending)
        self.replayed = journaled
        if pending:
            log.info("%s: replaying %d journaled alarm events", self._name, journaled)
        next_supervise = time.monotonic() + self.supervise_every_s
        failing = 0
        supervise_failing = False
        try:
            while not self._stop.is_set():
                if not pending:
                    self._wait_for_one(pending, next_supervise)
                self._drain(pending, self.max_batch if not failing else MAX_PENDING)
                if pending and not self._stop.is_set():
                    done, exc = self._write(pending[: self.max_batch])
                    if done:
                        del pending[:done]
                        journaled = max(0, journaled - done)
                        if not pending and journaled == 0:
                            self.journal.clear()
                    if exc is not None:
                        failing += 1
                        self.failures += 1
                        self.journal.append(pending[journaled:])
                        journaled = len(pending)
                        self._failed(exc, failing, len(pending))
                        self._stop.wait(min(self.max_backoff_s, 0.25 * 2 ** min(failing, 8)))
                        continue
                    if failing:
                        log.info("%s: database back after %d failures", self._name, failing)
                    failing = 0
                if time.monotonic() >= next_supervise and not failing:
                    supervise_failing = self._supervise(since, supervise_failing)
                    next_supervise = time.monotonic() + self.supervise_every_s
        finally:
            self._close(pending, journaled)

    def _write(self, batch: list[AlarmEvent]) -> tuple[int, Exception | None]:
        """Write a batch: how many of its first events are done, and the outage if any.

        An error that is not an outage (a bug, an event the database refuses) would block
        every later event forever: the batch is then written event by event, and an event
        that fails alone is set aside in the rejected file, reported, and skipped.
        """
        try:
            result = self.service.ingest(batch, self.plan)
        except Exception as exc:
            if _outage(exc):
                return 0, exc
            log.exception("%s: a batch of %d failed; writing one by one", self._name, len(batch))
            return self._isolate(batch)
        self._done(result)
        return len(batch), None

    def _isolate(self, batch: list[AlarmEvent]) -> tuple[int, Exception | None]:
        done = 0
        for event in batch:
            try:
                result = self.service.ingest([event], self.plan)
            except Exception as exc:
                if _outage(exc):
                    return done, exc
                self._reject(event, exc)
            else:
                self._done(result)
            done += 1
        return done, None

    def _reject(self, event: AlarmEvent, exc: Exception) -> None:
        self.rejected.append([event])
        self.rejects += 1
        log.error(
            "%s: alarm event %s seq %s from %s cannot be stored (kept in %s): %s",
            self._name,
            event.account,
            event.sequence,
            event.peer,
            self.rejected.path,
            exc,
        )
        self.sink.publish(
            WorkerFailed(
                self._name,
                f"alarm event of account {event.account} could not be stored "
                f"(kept in {self.rejected.path}): {exc}",
                self.clock(),
                False,
            )
        )

    def _wait_for_one(self, pending: list[AlarmEvent], next_supervise: float) -> None:
        timeout = max(0.0, next_supervise - time.monotonic())
        try:
            item = self._queue.get(timeout=timeout)
        except queue.Empty:
            return
        if isinstance(item, AlarmEvent):
            pending.append(item)

    def _drain(self, pending: list[AlarmEvent], limit: int) -> None:
        while len(pending) < limit:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if isinstance(item, AlarmEvent):
                pending.append(item)

    def _close(self, pending: list[AlarmEvent], journaled: int) -> None:
        """Stopping: whatever was acknowledged and not written goes to the journal."""
        with self._close_lock:
            self._closed = True
            rest: list[AlarmEvent] = pending[journaled:]
            while True:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if isinstance(item, AlarmEvent):
                    rest.append(item)
            if rest:
                self.journal.append(rest)
                log.info("%s: %d alarm events journaled at shutdown", self._name, len(rest))

    def _failed(self, exc: Exception, failing: int, pending: int) -> None:
        log.error(
            "%s: writing %d alarm events failed (attempt %d); journaled, retrying: %s",
            self._name,
            pending,
            failing,
            exc,
        )
        if failing == 1:
            self.sink.publish(
                WorkerFailed(self._name, str(exc) or type(exc).__name__, self.clock(), True)
            )

    def _done(self, result: IngestResult) -> None:
        self.batches += 1
        self.stored += result.stored
        self.duplicates += result.duplicates
        self.last = result
        now = time.monotonic()
        for account in result.unknown_accounts:
            last = self._reported.get(account)
            if last is None or now - last > UNKNOWN_REPORT_EVERY_S:
                self._reported[account] = now
                log.warning("%s: events from unknown account %s", self._name, account)
                self.sink.publish(UnknownAlarmAccount(account, self.clock()))
        if result.changed:
            self._committed()

    def _supervise(self, since: datetime, failing: bool) -> bool:
        try:
            found = self.service.supervise(self.plan, since)
        except Exception as exc:
            log.exception("%s: supervision failed", self._name)
            if not failing:
                self.sink.publish(
                    WorkerFailed(self._name, str(exc) or type(exc).__name__, self.clock(), True)
                )
            return True
        if found.offline:
            log.warning("%s: silent panels now offline: %s", self._name, ", ".join(found.offline))
            self._committed()
        return False

    def _committed(self) -> None:
        if self.on_committed is not None:
            try:
                self.on_committed()
            except Exception:
                log.exception("%s: on_committed failed", self._name)


def _outage(exc: Exception) -> bool:
    """True for a database that cannot be reached or is locked now: worth retrying as is."""
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    if isinstance(exc, OperationalError | InterfaceError | PoolTimeout):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def replay_journal(service: AlarmService, plan: AlarmPlan, path: Path) -> int:
    """Write a journal's events now (the command line); returns how many it held."""
    journal = Journal(path)
    events: Sequence[AlarmEvent] = journal.read()
    for i in range(0, len(events), MAX_BATCH):
        service.ingest(events[i : i + MAX_BATCH], plan)
    journal.clear()
    return len(events)

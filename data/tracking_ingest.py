"""The tracking ingest thread: journal first, then batches of reads through locate → rules → DB."""

from __future__ import annotations

import logging
import marshal
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from core.events import WorkerFailed
from core.ports import Clock, EventSink
from core.timefmt import utcnow
from core.tracking import GpsFix, TagRead, TrackerAlarm, TrackingItem
from core.tracking_plan import Pipeline, PipelineOutput, TrackingPlan
from core.workers import ThreadedRunner
from data.journal import Journal
from data.services.tracking import IngestResult, TrackingService

log = logging.getLogger(__name__)

# A batch on its way to the database: its sequence numbers, its items, the pipeline's output.
_Pending = tuple[list[int], list[TrackingItem], PipelineOutput]

MAX_BATCH = 1000  # items in one transaction (DESIGN §1: ≤ 50 ms or ≤ 1,000 events) …
WINDOW_S = 0.05  # … or more while all were received within 50 ms of the batch's first …
MAX_ITEMS = 5000  # … up to this many (a flood of 100,000 reads/s)
LINGER_S = 0.01  # after the first item of a quiet moment, wait this long for more
QUEUE_CAPACITY = 20_000  # items in memory; beyond it they wait in the journal only
# Bulk deliveries are refused (the reader holds them and its link slows down) while this many
# journaled items wait and the database is answering: an overload, not an outage. Without it
# readers offered more than the writer commits journal at full speed and starve the writer of
# the interpreter lock (measured: 8.9k commits/s instead of 24k at full speed offered).
BACKLOG_LIMIT = 5 * QUEUE_CAPACITY
TICK_EVERY_S = 10.0  # time-based rules (no read for N hours)
REPORT_EVERY_S = 10.0  # an overflow or refusal is logged at most this often
REFRESH_EVERY_S = 60.0  # the tag registry is re-read into the rules this often
DRAIN_S = 2.0  # at stop, what waits is written for this long (the rest: the journal)


# --- journal records --------------------------------------------------------------------------
# marshal of a tuple of plain values: 4× faster both ways than JSON, which the producer's
# thread pays for every read. The journal is this console's own private file, read back by
# the same build (a record of another build fails to decode, is counted and skipped).
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = timedelta(microseconds=1)


def _t(ts: datetime | None) -> int | None:
    return None if ts is None else (ts - _EPOCH) // _US


def _dt(us: int | None) -> datetime | None:
    return None if us is None else _EPOCH + us * _US


def encode(item: TrackingItem) -> bytes:
    """One journal payload."""
    alarms = tuple(sorted([a.value for a in item.alarms])) if item.alarms else ()
    if isinstance(item, TagRead):
        reader_time = item.reader_time
        return marshal.dumps(
            (
                "r1",
                item.reader,
                item.tag,
                (item.at - _EPOCH) // _US,
                item.antenna,
                item.rssi,
                item.count,
                alarms,
                item.battery_low,
                None if reader_time is None else (reader_time - _EPOCH) // _US,
            )
        )
    return marshal.dumps(
        (
            "g1",
            item.device,
            _t(item.at),
            item.lat,
            item.lon,
            item.valid,
            item.altitude_m,
            item.speed_kmh,
            item.heading_deg,
            item.satellites,
            item.hdop,
            alarms,
            item.battery_pct,
            _t(item.received_at),
            item.raw_status,
            item.raw_alarm,
        )
    )


def _alarms(values: tuple[str, ...]) -> frozenset[TrackerAlarm]:
    return frozenset([TrackerAlarm(a) for a in values]) if values else _NO_ALARMS


_NO_ALARMS: frozenset[TrackerAlarm] = frozenset()


def decode(payload: bytes) -> TrackingItem:
    """The item of a payload; ValueError (EOFError, TypeError, …) for one it cannot read."""
    d = marshal.loads(payload)
    if not isinstance(d, tuple) or not d:
        raise ValueError("not a tracking record")
    if d[0] == "r1":
        # The writer's thread decodes every read that overflowed the queue: one unpacking,
        # no generator, a shared empty alarm set (most reads carry none).
        _, reader, tag, at, antenna, rssi, count, alarms, low, reader_time = d
        return TagRead(
            str(reader),
            str(tag),
            _EPOCH + int(at) * _US,
            int(antenna),
            None if rssi is None else float(rssi),
            int(count),
            _alarms(alarms),
            bool(low),
            None if reader_time is None else _EPOCH + int(reader_time) * _US,
        )
    if d[0] == "g1":
        return GpsFix(
            device=str(d[1]),
            at=_EPOCH + int(d[2]) * _US,
            lat=float(d[3]),
            lon=float(d[4]),
            valid=bool(d[5]),
            altitude_m=d[6],
            speed_kmh=d[7],
            heading_deg=d[8],
            satellites=d[9],
            hdop=d[10],
            alarms=_alarms(d[11]),
            battery_pct=d[12],
            received_at=_dt(d[13]),
            raw_status=d[14],
            raw_alarm=d[15],
        )
    raise ValueError(f"not a tracking record: {d[0]!r}")


class TrackingIngest(ThreadedRunner):
    """The thread "tracking-ingest": `accept()` is every adapter's TrackingAccept.

    accept() appends the item to the journal (one write(), see data.journal for what that
    survives) and then queues it; True means it is in the journal. When the queue is full
    the item stays in the journal only and the writer reads it back from there (counted as
    `overflowed`, logged at most every REPORT_EVERY_S); accept() returns False only when
    the journal itself refuses (full or the disk failing): the device then sends it again.

    The writer takes the items in sequence order: a batch (≤ MAX_BATCH, or ≤ MAX_ITEMS
    received within WINDOW_S; after at most LINGER_S) goes through the pipeline (locate,
    rules) and into the database in one transaction together with the journal sequence it
    ends at (ingest_mark). After a crash it reads the journal from that mark: every
    journaled item is written once. A database outage publishes WorkerFailed once and
    retries with backoff while accept() keeps journaling; the batch is retried with the same
    pipeline output (the engine is not fed twice). After a commit that changed rows,
    `on_committed` runs on this thread.
    """

    def __init__(
        self,
        service: TrackingService,
        plan: TrackingPlan,
        pipeline: Pipeline,
        sink: EventSink,
        journal: Journal,
        *,
        name: str = "tracking-ingest",
        capacity: int = QUEUE_CAPACITY,
        backlog_limit: int = BACKLOG_LIMIT,
        max_batch: int = MAX_BATCH,
        max_items: int = MAX_ITEMS,
        window_s: float = WINDOW_S,
        linger_s: float = LINGER_S,
        tick_every_s: float = TICK_EVERY_S,
        max_backoff_s: float = 30.0,
        on_committed: Callable[[], None] | None = None,
        refresh: Callable[[], object] | None = None,
        refresh_every_s: float = REFRESH_EVERY_S,
        clock: Clock = utcnow,
    ):
        super().__init__(name)
        # Re-reads the tag registry into the pipeline (tags issued or returned meanwhile);
        # runs on this thread between batches, as the pipeline is this thread's alone.
        self.refresh = refresh
        self.refresh_every_s = refresh_every_s
        self.service = service
        self.plan = plan
        self.pipeline = pipeline
        self.sink = sink
        self.journal = journal
        self.max_batch = max_batch
        self.max_items = max(max_items, max_batch)
        self.window_s = window_s
        self.linger_s = linger_s
        self.tick_every_s = tick_every_s
        self.max_backoff_s = max_backoff_s
        self.on_committed = on_committed
        self.clock = clock
        self.capacity = capacity
        self.backlog_limit = backlog_limit
        self.deferred = 0  # bulk items refused for the backlog (their reader delivers again)
        # False while writes fail (an outage): the journal then takes everything it can.
        self._writing = True
        # The in-memory queue (≤ capacity items): bulk reads as (first seq, items) under a
        # condition, taken whole by the writer (a lock per bulk read and per batch, not per
        # item). Sequence numbers and items are kept side by side, never as a pair per
        # item: pairs that wait outlive the young generations, and every full collection
        # walks them (~2 µs per item in all, measured).
        self._queue: deque[tuple[int, list[TrackingItem]]] = deque()
        self._queued_n = 0
        self._queue_lock = threading.Lock()  # taken directly: a Condition's `with` is Python
        self._queued = threading.Condition(self._queue_lock)
        # From the queue, in order (a gap: the items between are in the journal only).
        self._held_seqs: deque[int] = deque()
        self._held: deque[TrackingItem] = deque()
        # Read back from the journal (decoded), all before _held's first: taken first.
        self._ahead_seqs: deque[int] = deque()
        self._ahead: deque[TrackingItem] = deque()
        self._accept_lock = threading.Lock()
        self._reported = 0.0
        self.done = -1  # the highest sequence committed; -1 until read from the database
        # Counters (read from any thread; written by their one owner).
        self.accepted = 0
        self.refused = 0
        self.overflowed = 0
        self.batches = 0
        self.stored = 0
        self.reads = 0
        self.unknown = 0
        self.opened = 0
        self.appended = 0
        self.failures = 0
        self.replayed = 0
        self.damaged = 0
        self.last: IngestResult | None = None

    # --- the Stoppable protocol: core.workers.ThreadedRunner -------------------------------
    # Nothing blocks outside a database call, which ends by its own timeouts: the base's
    # stop() and interrupt() are all it takes.

    # --- the adapters' side -----------------------------------------------------------------
    def accept(self, item: TrackingItem) -> bool:
        """Journal and queue one read or fix (any thread); False: not taken, send no ACK."""
        return self.accept_many((item,)) == 1

    def accept_many(self, items: Sequence[TrackingItem]) -> int:
        """Journal a bulk read's items in one write (any thread); how many were taken (all
        or none: none while the database answers but more than `backlog_limit` items wait,
        so that the reader holds them and its link slows down instead)."""
        if not items:
            return 0
        if self._writing and self.waiting > self.backlog_limit:
            with self._accept_lock:
                self.deferred += len(items)
            self._report(f"{self.waiting} items wait for the database: bulk reads held back")
            return 0
        payloads = [encode(i) for i in items]
        with self._accept_lock:
            try:
                last = self.journal.append(payloads)
            except OSError as exc:
                self.refused += len(items)
                self._report(f"journal refused {len(items)} items ({self.refused} so far): {exc}")
                return 0
            first = last - len(items) + 1
            with self._queue_lock:
                room = min(len(items), self.capacity - self._queued_n)
                if room > 0:
                    if not self._queue:  # the writer waits only on an empty queue
                        self._queued.notify()
                    self._queue.append((first, list(items[:room])))
                    self._queued_n += room
            if room < len(items):
                # In the journal already: the writer reads the rest from there.
                self.overflowed += len(items) - max(room, 0)
                self._report(f"queue full: {self.overflowed} items so far wait in the journal only")
            self.accepted += len(items)
        return len(items)

    def _report(self, message: str) -> None:
        now = time.monotonic()
        if now - self._reported < REPORT_EVERY_S:
            return
        self._reported = now
        log.warning("%s: %s", self._name, message)

    @property
    def waiting(self) -> int:
        """Items journaled and not yet committed."""
        return max(0, self.journal.last_seq - max(self.done, 0))

    # --- the thread -------------------------------------------------------------------------
    def _run(self) -> None:
        failing = 0
        pending: _Pending | None = None
        next_tick = time.monotonic() + self.tick_every_s
        next_refresh = time.monotonic() + self.refresh_every_s
        try:
            while not self._stop.is_set():
                if self.done < 0:
                    if not self._read_mark(failing):
                        self._writing = False
                        failing += 1
                        self._stop.wait(self._backoff(failing))
                        continue
                    failing = 0
                if pending is None:
                    seqs, items = self._next_batch()
                    if seqs:
                        pending = (seqs, items, self.pipeline(items))
                    elif time.monotonic() >= next_tick:
                        pending = ([], [], self.pipeline.tick(self.clock()))
                        next_tick = time.monotonic() + self.tick_every_s
                    if time.monotonic() >= next_refresh:
                        next_refresh = time.monotonic() + self.refresh_every_s
                        self._refresh()
                if pending is None:
                    continue
                exc = self._write(*pending)
                if exc is None:
                    if failing:
                        log.info("%s: database back after %d failures", self._name, failing)
                    failing = 0
                    self._writing = True
                    pending = None
                    continue
                self._writing = False
                failing += 1
                self.failures += 1
                self._failed(exc, failing)
                self._stop.wait(self._backoff(failing))
            if not failing and self.done >= 0:
                pending = self._drain(pending)
        finally:
            self._finish()

    def _drain(self, pending: _Pending | None) -> _Pending | None:
        """Stopping: write what waits for up to DRAIN_S; the rest stays in the journal."""
        deadline = time.monotonic() + DRAIN_S
        while time.monotonic() < deadline:
            if pending is None:
                seqs, items = self._next_batch()
                if not seqs:
                    return None
                pending = (seqs, items, self.pipeline(items))
            if self._write(*pending) is not None:
                return pending
            pending = None
        return pending

    def _refresh(self) -> None:
        if self.refresh is None:
            return
        try:
            self.refresh()
        except Exception:  # the registry is re-read next time; reads go on meanwhile
            log.exception("%s: re-reading the tag registry failed", self._name)

    def _backoff(self, failing: int) -> float:
        return float(min(self.max_backoff_s, 0.25 * 2 ** min(failing, 8)))

    def _read_mark(self, failing: int) -> bool:
        try:
            self.done = self.service.journal_mark(self.journal.id)
        except Exception as exc:
            self._failed(exc, failing + 1)
            return False
        behind = self.journal.last_seq - self.done
        if behind > 0:
            self.replayed += behind
            log.info("%s: %d journaled items to write (from seq %d)", self._name, behind, self.done)
        return True

    def _pull(self, timeout: float) -> None:
        """Queue → held (bounded); waits up to `timeout` only when nothing is held. What was
        already written from the journal meanwhile is dropped as batches are taken."""
        space = self.capacity - len(self._held)
        if space <= 0:
            return
        taken: list[tuple[int, list[TrackingItem]]] = []
        with self._queued:
            queue = self._queue
            if not queue and timeout > 0 and not self._held:
                self._queued.wait(timeout)
            while queue and space > 0:
                first, chunk = queue[0]
                if len(chunk) <= space:
                    queue.popleft()
                else:
                    queue[0] = (first + space, chunk[space:])
                    chunk = chunk[:space]
                taken.append((first, chunk))
                space -= len(chunk)
                self._queued_n -= len(chunk)
        for first, chunk in taken:
            self._held_seqs.extend(range(first, first + len(chunk)))
            self._held.extend(chunk)

    def _next_batch(self) -> tuple[list[int], list[TrackingItem]]:
        """The next items in sequence from done + 1 (their sequence numbers, the items): from
        memory, or read back from the journal when some are only there (an overflow, a
        restart, an outage).

        A batch holds up to `max_batch` items, and more (up to `max_items`) while they were
        received within `window_s` of its first: a flood of one moment is one transaction,
        where history rows collapse (a tag heard twice by a reader in that second is one
        row) and a commit's fixed cost (the tag_read index pages it rewrites) is paid once.
        """
        # Wait for the queue only when the journal holds nothing more either.
        self._pull(0.0 if self._ahead or self.journal.last_seq > self.done else 0.2)
        held_seqs, held = self._held_seqs, self._held
        while held_seqs and held_seqs[0] <= self.done:
            held_seqs.popleft()
            held.popleft()
        if not self._ahead:
            if held_seqs and held_seqs[0] == self.done + 1:
                if len(held) < self.max_batch and self.linger_s > 0:
                    time.sleep(self.linger_s)  # a few ms: more reads of the moment join it
                    self._pull(0)
            elif not self._read_ahead(self.done):
                return [], []
        ahead_seqs, ahead = self._ahead_seqs, self._ahead
        seqs: list[int] = []
        items: list[TrackingItem] = []
        limit, most = self.max_batch, self.max_items
        want = self.done + 1
        until = -math.inf
        n = 0
        while n < most:
            if ahead:
                source_seqs, source = ahead_seqs, ahead
            else:
                while held_seqs and held_seqs[0] < want:
                    held_seqs.popleft()  # read back from the journal already (a race)
                    held.popleft()
                if not held_seqs or held_seqs[0] != want:
                    # The next ones are in the journal only (the queue overflowed).
                    if self._read_ahead(want - 1, first=False):
                        continue
                    break
                source_seqs, source = held_seqs, held
            item = source[0]
            if not n:
                until = item.at.timestamp() + self.window_s
            elif n >= limit and not item.at.timestamp() <= until:
                break  # past the window: reads out of order still join, a later moment not
            want = source_seqs.popleft() + 1
            seqs.append(want - 1)
            items.append(source.popleft())
            n += 1
        return seqs, items

    def _read_ahead(self, after: int, first: bool = True) -> bool:
        """Decode the records after `after` (up to max_items, none `_held` has) from the
        journal into `_ahead`; False when there are none. Records that all fail to decode
        are passed over at a batch's start (`first`), left for the next batch within one."""
        if self.journal.last_seq <= after:
            return False
        upto = self._held_seqs[0] - 1 if self._held_seqs else None
        records = self.journal.read(after, self.max_items, upto)
        seqs: list[int] = []
        items: list[TrackingItem] = []
        bad: list[int] = []
        for seq, payload in records:
            try:
                items.append(decode(payload))
            except (ValueError, EOFError, KeyError, TypeError, IndexError):
                bad.append(seq)
            else:
                seqs.append(seq)
        if not seqs and not first:
            return False
        for seq in bad:
            # A record with a valid checksum that does not decode: written by another
            # build. Kept in the journal file for inspection; counted and skipped.
            self.damaged += 1
            log.error("%s: journal record %d cannot be read; skipped", self._name, seq)
        if records and not seqs:
            # Only unreadable records: move past them so the writer is not stuck.
            self.done = records[-1][0]
        self._ahead_seqs.extend(seqs)
        self._ahead.extend(items)
        return bool(seqs)

    def _write(
        self, seqs: list[int], items: list[TrackingItem], output: PipelineOutput
    ) -> Exception | None:
        if seqs and seqs[0] <= self.done:
            # A retry after an outage cut short the read-by-read writing of a refused batch:
            # what was written then is not written twice.
            items = [i for q, i in zip(seqs, items, strict=True) if q > self.done]
            seqs = [q for q in seqs if q > self.done]
            if not seqs:
                return None
        mark = (self.journal.id, seqs[-1]) if seqs else None
        try:
            result = self.service.ingest(items, output, self.plan, mark=mark)
        except Exception as exc:
            if _outage(exc):
                return exc
            log.exception("%s: a batch of %d cannot be stored", self._name, len(items))
            return self._isolate(seqs, items, exc)
        self._done(result)
        if mark is not None:
            self.done = mark[1]
            self.journal.committed(self.done)
        return None

    def _isolate(
        self, seqs: list[int], items: list[TrackingItem], first: Exception
    ) -> Exception | None:
        """A batch the database refuses (not an outage) is written read by read, without the
        pipeline's output; a read refused alone is logged and passed over."""
        self.sink.publish(
            WorkerFailed(self._name, f"tracking batch refused: {first}", self.clock(), False)
        )
        for seq, item in zip(seqs, items, strict=True):
            try:
                result = self.service.ingest(
                    [item], PipelineOutput(), self.plan, mark=(self.journal.id, seq)
                )
            except Exception as exc:
                if _outage(exc):
                    return exc
                log.error("%s: journal record %d refused by the database: %s", self._name, seq, exc)
                self.damaged += 1
            else:
                self._done(result)
            self.done = seq
        self.journal.committed(self.done)
        return None

    def _done(self, result: IngestResult) -> None:
        self.batches += 1
        self.stored += result.stored
        self.reads += result.reads
        self.unknown += result.unknown
        self.opened += len(result.opened)
        self.appended += len(result.appended)
        self.last = result
        if result.changed and self.on_committed is not None:
            try:
                self.on_committed()
            except Exception:
                log.exception("%s: on_committed failed", self._name)

    def _failed(self, exc: Exception, failing: int) -> None:
        log.error(
            "%s: writing to the database failed (attempt %d); journaling, retrying: %s",
            self._name,
            failing,
            exc,
        )
        if failing == 1:
            self.sink.publish(
                WorkerFailed(self._name, str(exc) or type(exc).__name__, self.clock(), True)
            )

    def _finish(self) -> None:
        """Stopping: what is queued stays in the journal (the next start writes it)."""
        try:
            self.journal.sync()
        except OSError:
            log.exception("%s: journal sync at shutdown failed", self._name)
        left = self.journal.last_seq - max(self.done, 0)
        if left > 0:
            log.info("%s: %d items left in the journal for the next start", self._name, left)


def _outage(exc: Exception) -> bool:
    """True for a database that cannot be reached or is locked now: worth retrying as is."""
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    if isinstance(exc, OperationalError | InterfaceError | PoolTimeout):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated

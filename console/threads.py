"""Named worker threads with stop events, DB executors, and their fixed shutdown order."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from core.events import WorkerFailed
from core.ports import EventSink
from core.timefmt import utcnow

log = logging.getLogger(__name__)
T = TypeVar("T")


class Worker:
    """A named thread that calls `step()` until stopped, retrying with backoff after errors.

    Subclasses implement `step()`; it should return within about `interval` seconds. Errors go
    to the log and, as WorkerFailed, to the sink (the notification area).
    """

    def __init__(
        self,
        name: str,
        sink: EventSink,
        *,
        interval: float = 1.0,
        max_backoff: float = 30.0,
        backoff_base: float | None = None,
    ):
        self.name = name
        self.sink = sink
        self.interval = interval
        self.max_backoff = max_backoff
        # A worker whose step() does its own waiting runs with interval 0; its retries still
        # need a pause that grows.
        self.backoff_base = max(backoff_base or interval, 0.05)
        self.stop_event = threading.Event()
        self._thread: threading.Thread | None = None
        self.failures = 0

    def start(self) -> None:
        """Start the thread (once)."""
        if self._thread is not None:
            raise RuntimeError(f"{self.name} already started")
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=False)
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to stop; `join` waits for it."""
        self.stop_event.set()

    def join(self, timeout: float = 5.0) -> bool:
        """Wait for the thread; False if it is still running after `timeout`."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        alive = self._thread.is_alive()
        if alive:
            log.error("thread %s did not stop within %.1f s", self.name, timeout)
        return not alive

    @property
    def alive(self) -> bool:
        """True while the thread runs."""
        return self._thread is not None and self._thread.is_alive()

    def setup(self) -> None:
        """Runs on the worker thread before the first step."""

    def teardown(self) -> None:
        """Runs on the worker thread after the last step."""

    def step(self) -> None:
        """One unit of work; runs on the worker thread."""
        raise NotImplementedError

    def _run(self) -> None:
        try:
            self.setup()
            while not self.stop_event.is_set():
                try:
                    self.step()
                    if self.failures:
                        log.info("%s recovered after %d failures", self.name, self.failures)
                    self.failures = 0
                    wait = self.interval
                except Exception as exc:
                    self.failures += 1
                    wait = min(self.max_backoff, self.backoff_base * 2 ** min(self.failures, 10))
                    log.exception(
                        "%s failed (attempt %d); retrying in %.1f s", self.name, self.failures, wait
                    )
                    if self.failures == 1:
                        # One notification per outage, not one per retry.
                        self.sink.publish(
                            WorkerFailed(self.name, str(exc) or type(exc).__name__, utcnow(), True)
                        )
                self.stop_event.wait(wait)
        finally:
            try:
                self.teardown()
            except Exception:
                log.exception("%s teardown failed", self.name)


class DbExecutor:
    """A pool for database jobs whose results come back on the GUI thread.

    `writer` pools have one thread: every write goes through it in submission order, so the
    GUI never waits on a lock and writes never interleave (Anki's collection executor).
    """

    def __init__(
        self,
        name: str,
        deliver: Callable[..., None],
        *,
        workers: int = 1,
        sink: EventSink | None = None,
    ):
        self.name = name
        self._deliver = deliver
        # Where a failure goes when the job had no error callback: the UI, not only the log.
        self._sink = sink
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name)
        self._pending = 0
        self._lock = threading.Lock()

    def submit(
        self,
        job: Callable[[], T],
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        label: str = "",
    ) -> Future[T]:
        """Run `job` on the pool; the callbacks run on the GUI thread."""
        with self._lock:
            self._pending += 1
        fut = self._pool.submit(job)
        fut.add_done_callback(lambda f: self._done(f, on_result, on_error, label))
        return fut

    def _done(
        self,
        fut: Future[Any],
        on_result: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        label: str,
    ) -> None:
        try:
            exc = fut.exception()
            if exc is not None:
                if on_error is None:
                    log.error("%s job %s failed: %s", self.name, label, exc, exc_info=exc)
                    if self._sink is not None:
                        self._sink.publish(
                            WorkerFailed(self.name, f"{label}: {exc}", utcnow(), retrying=False)
                        )
                else:
                    self._deliver(on_error, exc, label)
            elif on_result is not None:
                self._deliver(on_result, fut.result(), label)
        finally:
            with self._lock:
                self._pending -= 1

    @property
    def pending(self) -> int:
        """Jobs submitted whose callbacks have not been handed over yet."""
        with self._lock:
            return self._pending

    def shutdown(self) -> None:
        """Finish queued jobs, then stop the threads."""
        self._pool.shutdown(wait=True, cancel_futures=False)


class ThreadOwner:
    """Owns every worker and executor; stops them in a fixed order (producers first, DB last)."""

    def __init__(self) -> None:
        self._workers: list[Worker] = []
        self._executors: list[DbExecutor] = []
        self._closers: list[tuple[str, Callable[[], None]]] = []

    def add_worker(self, worker: Worker) -> Worker:
        """Register and start a worker."""
        self._workers.append(worker)
        worker.start()
        return worker

    def add_executor(self, executor: DbExecutor) -> DbExecutor:
        """Register an executor (its threads start on first use)."""
        self._executors.append(executor)
        return executor

    def add_closer(self, name: str, close: Callable[[], None]) -> None:
        """Something to close after every thread has stopped (the database)."""
        self._closers.append((name, close))

    def shutdown(self, timeout: float = 5.0) -> list[str]:
        """Stop producers, then executors, then close resources; return what did not stop."""
        stuck: list[str] = []
        for w in self._workers:
            w.stop()
        for w in self._workers:
            if not w.join(timeout):
                stuck.append(w.name)
        for ex in self._executors:
            ex.shutdown()
        for name, close in self._closers:
            try:
                close()
            except Exception:
                log.exception("closing %s failed", name)
        self._workers.clear()
        self._executors.clear()
        self._closers.clear()
        return stuck

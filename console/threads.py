"""Who owns the threads: DB executors, and one shutdown deadline for workers, pools, processes."""

from __future__ import annotations

import logging
import subprocess
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any, Protocol, TypeVar, cast

from core.events import WorkerFailed
from core.ports import EventSink, Stoppable
from core.timefmt import utcnow
from core.workers import Worker

__all__ = ["DbExecutor", "ThreadOwner", "Worker"]  # Worker: moved to core.workers, re-exported

log = logging.getLogger(__name__)
T = TypeVar("T")
S = TypeVar("S", bound=Stoppable)

SHUTDOWN_DEADLINE_S = 5.0
# After SIGKILL a child is gone at once; this only bounds the wait to reap it.
KILL_GRACE_S = 1.0


class DbExecutor:
    """A pool for database jobs whose results come back on the GUI thread.

    `writer` pools have one thread: every write goes through it in submission order, so the
    GUI never waits on a lock and writes never interleave (Anki's collection executor).

    Shutdown is bounded: with `drain` (the default, for writes) queued jobs still run until
    the deadline; without it (reads, whose results nobody will see) they are cancelled at
    once. Jobs not started by the deadline are cancelled and named in the log; a job still
    running is reported, never waited for beyond it. Submits after shutdown are refused
    quietly with a cancelled future.
    """

    def __init__(
        self,
        name: str,
        deliver: Callable[..., None],
        *,
        workers: int = 1,
        sink: EventSink | None = None,
        drain: bool = True,
    ):
        self.name = name
        self._deliver = deliver
        # Where a failure goes when the job had no error callback: the UI, not only the log.
        self._sink = sink
        self.drain = drain
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name)
        self._jobs: dict[Future[Any], str] = {}  # submitted, callbacks not yet handed over
        self._closed = False
        self._lock = threading.Lock()

    def submit(
        self,
        job: Callable[[], T],
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        label: str = "",
    ) -> Future[T]:
        """Run `job` on the pool; the callbacks run on the GUI thread.

        After `shutdown` the job is not run and the returned future is already cancelled:
        events queued before shutdown may still ask for work, and that is not an error.
        """
        with self._lock:
            if self._closed:
                log.debug("%s is shut down; job %s refused", self.name, label or job)
                refused: Future[T] = Future()
                refused.cancel()
                return refused
            fut = self._pool.submit(job)
            self._jobs[fut] = label
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
            if fut.cancelled():
                log.debug("%s job %s cancelled at shutdown", self.name, label)
                return
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
                self._jobs.pop(fut, None)

    @property
    def pending(self) -> int:
        """Jobs submitted whose callbacks have not been handed over yet."""
        with self._lock:
            return len(self._jobs)

    def shutdown(self, timeout: float = SHUTDOWN_DEADLINE_S) -> bool:
        """Refuse new jobs, finish or cancel queued ones, wait up to `timeout` for running ones.

        Returns False if a job was still running at the deadline (its thread is left to end
        on its own; the pool is not joined).
        """
        with self._lock:
            self._closed = True
            jobs = dict(self._jobs)
        self._pool.shutdown(wait=False, cancel_futures=not self.drain)
        if not self.drain:
            dropped = [label for f, label in jobs.items() if f.cancelled()]
            if dropped:
                log.info("%s: %d queued jobs cancelled at shutdown", self.name, len(dropped))
        # A future cancelled out of the queue never counts as done for wait(): leave it out.
        _, not_done = wait([f for f in jobs if not f.cancelled()], timeout=max(timeout, 0.0))
        late = [f for f in jobs if f in not_done]  # in submission order
        cancelled = [jobs[f] or "?" for f in late if f.cancel()]
        running = [jobs[f] or "?" for f in late if not f.cancelled()]
        if cancelled:
            log.error(
                "%s: %d queued jobs not started by the shutdown deadline were cancelled: %s",
                self.name,
                len(cancelled),
                ", ".join(cancelled),
            )
        if running:
            log.error(
                "%s: jobs still running at the shutdown deadline: %s",
                self.name,
                ", ".join(running),
            )
            return False
        # Nothing is queued or running: the threads end at once.
        self._pool.shutdown(wait=True)
        return True


class _Startable(Stoppable, Protocol):
    def start(self) -> None: ...


class ThreadOwner:
    """Owns every worker, executor and child process; stops them all within one deadline.

    Order: producers first (workers, then the DB executors that take their writes), then
    child processes, then resources (the database) last.
    """

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._workers: list[Stoppable] = []
        self._executors: list[DbExecutor] = []
        self._processes: list[tuple[str, subprocess.Popen[Any]]] = []
        self._closers: list[tuple[str, Callable[[], None]]] = []
        self._clock = clock

    def add_worker(self, worker: S, *, start: bool = True) -> S:
        """Register a worker (any Stoppable) and start it unless `start` is False."""
        self._workers.append(worker)
        if start:
            cast(_Startable, worker).start()
        return worker

    def add_executor(self, executor: DbExecutor) -> DbExecutor:
        """Register an executor (its threads start on first use)."""
        self._executors.append(executor)
        return executor

    def add_process(self, name: str, process: subprocess.Popen[Any]) -> subprocess.Popen[Any]:
        """Register a child process (the recorder): terminated, reaped, killed if it must be."""
        self._processes.append((name, process))
        return process

    def add_closer(self, name: str, close: Callable[[], None]) -> None:
        """Something to close after every thread has stopped (the database)."""
        self._closers.append((name, close))

    def shutdown(self, deadline: float = SHUTDOWN_DEADLINE_S) -> list[str]:
        """Stop everything within `deadline` seconds in all; return the names still running.

        Every worker is asked to stop, then interrupted, then joined with what is left of the
        one deadline (so they stop in parallel). Executors then get the remaining time; child
        processes then get SIGTERM, the rest of the time, and SIGKILL; the closers run last
        in any case. Whatever exceeded the deadline is named in one error in the log.
        """
        end = self._clock() + deadline

        def remaining() -> float:
            return max(0.0, end - self._clock())

        workers, self._workers = self._workers, []
        executors, self._executors = self._executors, []
        processes, self._processes = self._processes, []
        closers, self._closers = self._closers, []
        stuck: list[str] = []
        exceeded: list[str] = []

        for w in workers:
            self._call(w.name, "stop", w.stop)
        for w in workers:
            self._call(w.name, "interrupt", w.interrupt)
        for w in workers:
            if not w.join(remaining()):
                stuck.append(w.name)
        for ex in executors:
            if not ex.shutdown(remaining()):
                stuck.append(ex.name)
        for name, proc in processes:
            if proc.poll() is None:
                self._call(name, "terminate", proc.terminate)
        for name, proc in processes:
            try:
                proc.wait(remaining())
            except subprocess.TimeoutExpired:
                exceeded.append(f"{name} (killed)")
                self._call(name, "kill", proc.kill)
                try:
                    proc.wait(KILL_GRACE_S)
                except subprocess.TimeoutExpired:
                    stuck.append(name)
        for name, close in closers:
            self._call(name, "close", close)
        exceeded += stuck
        if exceeded:
            log.error("shutdown exceeded its %.1f s deadline: %s", deadline, ", ".join(exceeded))
        return stuck

    @staticmethod
    def _call(name: str, what: str, fn: Callable[[], object]) -> None:
        try:
            fn()
        except Exception:
            log.exception("%s of %s failed", what, name)

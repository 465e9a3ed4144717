"""Worker thread bases: a named thread an owner stops, and a step loop with backoff on errors.

Qt-free (standard library only): hardware adapters subclass `Worker` without importing the
console. An owner (console.threads.ThreadOwner) stops every worker within one deadline.
"""

from __future__ import annotations

import logging
import threading

from core.events import WorkerFailed
from core.ports import EventSink
from core.timefmt import utcnow

log = logging.getLogger(__name__)


class ThreadedRunner:
    """One named daemon thread running `_run()`, with the `core.ports.Stoppable` lifecycle.

    Subclasses implement `_run()`, which returns soon after `self._stop` is set; they may
    check what the thread needs in `_before_start()` (it raises to refuse the start) and wake
    a blocking call in `_interrupt()`. `interrupt()` stops the thread and calls that hook.
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def name(self) -> str:
        """The thread's name."""
        return self._name

    @property
    def stop_event(self) -> threading.Event:
        """Set by `stop()`: the thread's loop checks it or waits on it."""
        return self._stop

    @property
    def alive(self) -> bool:
        """True while the thread runs."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start the thread (once)."""
        if self._thread is not None:
            raise RuntimeError(f"{self._name} already started")
        self._before_start()
        # A daemon thread: the owner waits for it within the shutdown deadline, and one that
        # is stuck in a driver call after that must not keep the process from exiting.
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to stop (any thread; does not block)."""
        self._stop.set()

    def interrupt(self) -> None:
        """Stop the thread and wake it from a blocking call (any thread; must not block)."""
        self.stop()
        self._interrupt()

    def join(self, timeout: float = 5.0) -> bool:
        """Wait for the thread; False if it is still running after `timeout` seconds."""
        if self._thread is None:
            return True
        self._thread.join(max(timeout, 0.0))
        return not self._thread.is_alive()

    def _before_start(self) -> None:
        """Runs in `start()` before the thread exists; raise to refuse the start."""

    def _interrupt(self) -> None:
        """Wake what the thread blocks on (close a socket); called by `interrupt()`."""

    def _run(self) -> None:
        """The thread's body; runs until `self._stop` is set."""
        raise NotImplementedError


class Worker(ThreadedRunner):
    """A named thread that calls `step()` until stopped, retrying with backoff after errors.

    Subclasses implement `step()`; it should return within about `interval` seconds, or
    implement `interrupt()` so that a blocking read inside it returns when the owner asks.
    Errors go to the log and, as WorkerFailed, to the sink (the notification area).

    Shutdown (the `core.ports.Stoppable` protocol): the owner calls `stop()` on every worker,
    then `interrupt()` on every worker, then `join()` on each with what is left of one
    deadline. `stop()` ends the wait between steps at once; `interrupt()` is for the step
    itself (close the socket, cancel the serial read).
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
        super().__init__(name)
        self.sink = sink
        self.interval = interval
        self.max_backoff = max_backoff
        # A worker whose step() does its own waiting runs with interval 0; its retries still
        # need a pause that grows.
        self.backoff_base = max(backoff_base or interval, 0.05)
        # Ends the wait between steps early: set by stop() and by wake().
        self._wake = threading.Event()
        self._woken = False
        self.failures = 0

    def stop(self) -> None:
        """Ask the thread to stop (any thread); the wait between steps ends at once."""
        super().stop()
        self._wake.set()

    def interrupt(self) -> None:
        """Wake a step blocked in I/O (any thread; called by the owner after `stop()`).

        The default does nothing. Subclasses whose step blocks close or shut down what it
        waits on (socket.shutdown, Serial.cancel_read, a LISTEN connection's socket); the
        step then returns or raises, and the loop sees the stop event. Must not block.
        """

    def wake(self) -> None:
        """Run the next step now instead of after the interval (any thread).

        A step that is running finishes first; the one after it starts without waiting and
        sees `woken` True (the change feed reads at once after a local write).
        """
        self._wake.set()

    @property
    def woken(self) -> bool:
        """True inside a step that `wake()` asked for (worker thread)."""
        return self._woken

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
                # A wake() that arrives while this step runs stays set and ends the next wait.
                self._woken = self._wake.is_set()
                self._wake.clear()
                try:
                    self.step()
                    if self.failures:
                        log.info("%s recovered after %d failures", self.name, self.failures)
                    self.failures = 0
                    wait = self.interval
                except Exception as exc:
                    if self.stop_event.is_set():
                        # Interrupted on the way out: the closed socket is not an outage.
                        log.info("%s: step ended by shutdown: %s", self.name, exc)
                        break
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
                if wait > 0:
                    self._wake.wait(wait)
        finally:
            try:
                self.teardown()
            except Exception:
                log.exception("%s teardown failed", self.name)

"""Workers, DB executors and their shutdown order; results come back on the GUI thread."""

from __future__ import annotations

import logging
import shutil
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from console.bridge import EventBridge
from console.threads import DbExecutor, ThreadOwner, Worker
from core.events import ChangesAvailable, WorkerFailed
from core.ports import Stoppable


class Sink:
    """Collects published events (thread-safe enough for appends)."""

    def __init__(self) -> None:
        self.events: list[object] = []

    def publish(self, event: object) -> None:
        self.events.append(event)


class Ticker(Worker):
    """Counts steps; records its teardown in a shared log."""

    def __init__(self, name: str, log: list[str], sink: Sink) -> None:
        super().__init__(name, sink, interval=0.01)
        self.log = log
        self.steps = 0

    def step(self) -> None:
        self.steps += 1

    def teardown(self) -> None:
        self.log.append(f"worker {self.name} stopped")


class LoggedExecutor(DbExecutor):
    def __init__(self, name: str, log: list[str]) -> None:
        super().__init__(name, lambda cb, value=None, label="": cb(value))
        self.log = log

    def shutdown(self, timeout: float = 5.0) -> bool:
        done = super().shutdown(timeout)
        self.log.append(f"executor {self.name} stopped")
        return done


def test_shutdown_stops_producers_then_executors_then_closes(qtbot: QtBot) -> None:
    log: list[str] = []
    sink = Sink()
    owner = ThreadOwner()
    a = owner.add_worker(Ticker("camera-poll", log, sink))
    b = owner.add_worker(Ticker("db-changes", log, sink))
    ex = owner.add_executor(LoggedExecutor("db-writer", log))
    owner.add_closer("database", lambda: log.append("database closed"))
    ran = threading.Event()
    ex.submit(ran.set)
    qtbot.waitUntil(lambda: a.steps > 0 and b.steps > 0 and ran.is_set())

    assert owner.shutdown() == []

    assert not a.alive
    assert not b.alive
    assert set(log[:2]) == {"worker camera-poll stopped", "worker db-changes stopped"}
    assert log[2:] == ["executor db-writer stopped", "database closed"]
    assert owner.shutdown() == [], "a second shutdown has nothing left to do"


def test_queued_jobs_finish_before_the_executor_stops() -> None:
    done: list[int] = []
    ex = DbExecutor("db-writer", lambda cb, value=None, label="": cb(value))
    gate = threading.Event()
    ex.submit(gate.wait)
    for i in range(5):
        ex.submit(lambda i=i: done.append(i))
    gate.set()
    ex.shutdown()
    assert done == [0, 1, 2, 3, 4], "one writer thread: submission order, nothing dropped"


def test_shutdown_names_a_worker_that_does_not_stop() -> None:
    release = threading.Event()

    class Stuck(Worker):
        def step(self) -> None:
            release.wait()  # ignores the stop event, like a blocking driver call

    owner = ThreadOwner()
    closed: list[str] = []
    stuck = owner.add_worker(Stuck("serial-reader", Sink(), interval=0.01))
    owner.add_closer("database", lambda: closed.append("db"))
    try:
        assert owner.shutdown(deadline=0.05) == ["serial-reader"]
        assert closed == ["db"], "resources are still closed"
    finally:
        release.set()
        assert stuck.join(5.0)


def test_worker_failure_is_published_once_per_outage() -> None:
    sink = Sink()
    calls = threading.Semaphore(0)

    class Failing(Worker):
        def step(self) -> None:
            calls.release()
            raise ValueError("bad frame")

    w = Failing("alarm-panel", sink, interval=0.001, max_backoff=0.005)
    w.start()
    try:
        for _ in range(4):
            assert calls.acquire(timeout=5)
    finally:
        w.stop()
        assert w.join()
    failed = [e for e in sink.events if isinstance(e, WorkerFailed)]
    assert len(failed) == 1
    assert failed[0].worker == "alarm-panel"
    assert failed[0].message == "bad frame"
    assert failed[0].retrying


def test_a_worker_starts_once() -> None:
    w = Ticker("once", [], Sink())
    w.start()
    try:
        with pytest.raises(RuntimeError, match="already started"):
            w.start()
    finally:
        w.stop()
        assert w.join()


def test_results_and_errors_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    bridge = EventBridge()
    ex = DbExecutor("db-reader", bridge.deliver, workers=2)
    seen: list[tuple[str, Any, bool]] = []
    job_threads: list[str] = []

    def job() -> int:
        job_threads.append(threading.current_thread().name)
        return 42

    def failing() -> int:
        raise LookupError("no incident 7")

    def on(kind: str) -> Callable[[Any], None]:
        return lambda v: seen.append(
            (kind, v, threading.current_thread() is threading.main_thread())
        )

    try:
        ex.submit(job, on("result"), on("error"), "ok")
        ex.submit(failing, on("result"), on("error"), "fails")
        qtbot.waitUntil(lambda: len(seen) == 2)
    finally:
        ex.shutdown()

    assert len(job_threads) == 1
    assert job_threads[0].startswith("db-reader")
    by_kind = {k: (v, main) for k, v, main in seen}
    assert by_kind["result"] == (42, True)
    err, on_main = by_kind["error"]
    assert isinstance(err, LookupError)
    assert on_main
    assert ex.pending == 0


def test_a_failing_gui_callback_is_logged_not_raised(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    bridge = EventBridge()
    ex = DbExecutor("db-reader", bridge.deliver)
    after: list[int] = []

    def broken(_v: object) -> None:
        raise RuntimeError("widget gone")

    try:
        ex.submit(lambda: 1, broken, None, "broken-callback")
        ex.submit(lambda: 2, after.append)
        qtbot.waitUntil(lambda: after == [2])
    finally:
        ex.shutdown()
    assert "GUI callback broken-callback failed" in caplog.text


def test_bridge_routes_events_to_their_subscribers(qtbot: QtBot) -> None:
    bridge = EventBridge()
    ev = ChangesAvailable(last_id=9, tables=frozenset({"incident"}))
    got: list[tuple[object, bool]] = []
    bridge.subscribe(
        ChangesAvailable,
        lambda e: got.append((e, threading.current_thread() is threading.main_thread())),
    )
    t = threading.Thread(target=bridge.publish, args=(ev,))
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(got) == 1)
    assert got == [(ev, True)]


def test_a_failed_job_without_error_callback_reaches_the_ui() -> None:
    """A write nobody waits for (an audit row at screen lock) must not fail only in the log."""
    sink = Sink()
    ex = DbExecutor("db-writer", lambda cb, value, label: cb(value), sink=sink)

    def boom() -> None:
        raise RuntimeError("database is locked")

    ex.submit(boom, label="lock")
    ex.shutdown()
    [event] = sink.events
    assert isinstance(event, WorkerFailed)
    assert event.worker == "db-writer"
    assert event.message == "lock: database is locked"
    assert not event.retrying


def deliver_now(cb: Callable[[Any], None], value: Any = None, label: str = "") -> None:
    cb(value)


# --- one shutdown deadline -----------------------------------------------------------------


class NeedsSiblings(Worker):
    """Its teardown waits until all its siblings are stopping too, like a slow device close.

    It can only finish when the owner stops every worker before joining any: stopping and
    joining them one after the other breaks the barrier.
    """

    def __init__(self, name: str, barrier: threading.Barrier) -> None:
        super().__init__(name, Sink(), interval=0.01)
        self.barrier = barrier
        self.stopped_cleanly = False

    def step(self) -> None:
        pass

    def teardown(self) -> None:
        self.barrier.wait(timeout=20)
        self.stopped_cleanly = True


def test_workers_are_all_stopped_before_any_is_joined() -> None:
    barrier = threading.Barrier(10)
    owner = ThreadOwner()
    workers = [owner.add_worker(NeedsSiblings(f"reader-{i:02}", barrier)) for i in range(10)]

    assert owner.shutdown(deadline=30.0) == []

    assert all(w.stopped_cleanly for w in workers)
    assert not any(w.alive for w in workers)
    assert not barrier.broken


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class NeverStops:
    """A Stoppable stuck in a driver call; join() spends its whole timeout on the fake clock."""

    def __init__(self, name: str, clock: FakeClock, calls: list[str]) -> None:
        self.name = name
        self.clock = clock
        self.calls = calls
        self.joins: list[float] = []

    @property
    def alive(self) -> bool:
        return True

    def stop(self) -> None:
        self.calls.append(f"stop {self.name}")

    def interrupt(self) -> None:
        self.calls.append(f"interrupt {self.name}")

    def join(self, timeout: float) -> bool:
        self.calls.append(f"join {self.name}")
        self.joins.append(timeout)
        self.clock.now += timeout
        return False


def test_stuck_workers_share_one_deadline(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    calls: list[str] = []
    owner = ThreadOwner(clock=clock)
    stuck = [owner.add_worker(NeverStops(f"w{i}", clock, calls), start=False) for i in range(3)]
    owner.add_closer("database", lambda: calls.append("close database"))
    _: Stoppable = stuck[0]  # the fake satisfies the port

    assert owner.shutdown(deadline=5.0) == ["w0", "w1", "w2"]

    assert [s.joins for s in stuck] == [[5.0], [0.0], [0.0]], "the rest, not 5 s each"
    assert clock.now == 105.0
    assert calls == [
        *(f"stop w{i}" for i in range(3)),
        *(f"interrupt w{i}" for i in range(3)),
        *(f"join w{i}" for i in range(3)),
        "close database",
    ]
    assert "shutdown exceeded its 5.0 s deadline: w0, w1, w2" in caplog.text


def test_a_failing_stop_does_not_keep_the_others_running(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class BrokenStop(Ticker):
        def interrupt(self) -> None:
            raise OSError("port already closed")

    owner = ThreadOwner()
    a = owner.add_worker(BrokenStop("gps-01", [], Sink()))
    b = owner.add_worker(Ticker("gps-02", [], Sink()))
    assert owner.shutdown() == []
    assert not a.alive
    assert not b.alive
    assert "interrupt of gps-01 failed" in caplog.text


# --- wake and interrupt ----------------------------------------------------------------------


def test_wake_runs_the_next_step_now_and_stop_ends_the_wait() -> None:
    steps = threading.Semaphore(0)

    class Hourly(Worker):
        def __init__(self) -> None:
            super().__init__("db-changes", Sink(), interval=3600.0)
            self.woken_steps: list[bool] = []

        def step(self) -> None:
            self.woken_steps.append(self.woken)
            steps.release()

    w = Hourly()
    w.start()
    try:
        assert steps.acquire(timeout=5)
        w.wake()
        assert steps.acquire(timeout=5), "the second step did not wait an hour"
    finally:
        w.stop()
        assert w.join(5.0), "stop() ends the hour-long wait at once"
    assert w.woken_steps == [False, True]


class SocketReader(Worker):
    """An LLRP-style reader blocked in recv(); interrupt() shuts its socket down."""

    def __init__(self, name: str, sock: socket.socket) -> None:
        super().__init__(name, Sink(), interval=0.0)
        self.sock = sock
        self.reading = threading.Event()
        self.got: list[bytes] = []

    def step(self) -> None:
        self.reading.set()
        self.got.append(self.sock.recv(64))  # the peer never writes

    def interrupt(self) -> None:
        # shutdown(), not close(): closing a socket does not wake a recv() on another thread.
        self.sock.shutdown(socket.SHUT_RDWR)

    def teardown(self) -> None:
        self.sock.close()


def test_interrupt_wakes_a_thread_blocked_in_a_socket_read() -> None:
    ours, peer = socket.socketpair()
    owner = ThreadOwner()
    reader = owner.add_worker(SocketReader("llrp:R-01", ours))
    try:
        assert reader.reading.wait(5)
        assert owner.shutdown(deadline=20.0) == []
    finally:
        peer.close()
    assert reader.got == [b""], "recv() returned end-of-file, no data was invented"
    assert ours.fileno() == -1, "the worker closed its socket in teardown"


@pytest.fixture
def pty_pair(tmp_path: Path) -> Iterator[tuple[str, str, subprocess.Popen[bytes]]]:
    """Two connected pseudo-terminals from socat, like a serial cable between two ports."""
    socat = shutil.which("socat")
    if socat is None:
        pytest.skip("socat is not installed (tools/sysdeps.sh test)")
    a, b = tmp_path / "ttyA", tmp_path / "ttyB"
    proc = subprocess.Popen(
        [socat, "-d", "-d", f"pty,raw,echo=0,link={a}", f"pty,raw,echo=0,link={b}"],
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    for line in proc.stderr:  # socat says when both ends exist
        if b"starting data transfer loop" in line:
            break
    else:
        pytest.fail(f"socat exited with {proc.wait()}")
    try:
        yield str(a), str(b), proc
    finally:
        if proc.poll() is None:
            proc.terminate()
        proc.wait(10)
        proc.stderr.close()


def test_interrupt_wakes_a_thread_blocked_in_a_serial_read(
    pty_pair: tuple[str, str, subprocess.Popen[bytes]],
) -> None:
    import serial

    port_a, _port_b, socat = pty_pair

    class SerialReader(Worker):
        def __init__(self) -> None:
            super().__init__(f"serial:{port_a}", Sink(), interval=0.0)
            self.port = serial.Serial(port_a, 9600, timeout=None)  # blocks until a byte comes
            self.reading = threading.Event()
            self.got: list[bytes] = []

        def step(self) -> None:
            self.reading.set()
            self.got.append(self.port.read(1))

        def interrupt(self) -> None:
            self.port.cancel_read()  # pyserial wakes the read's select() through a pipe

        def teardown(self) -> None:
            self.port.close()

    owner = ThreadOwner()
    reader = owner.add_worker(SerialReader())
    owner.add_process("socat", socat)
    assert reader.reading.wait(5)

    assert owner.shutdown(deadline=20.0) == []

    assert reader.got == [b""]
    assert not reader.port.is_open
    assert socat.returncode is not None, "socat was terminated after the reader closed"


# --- child processes ---------------------------------------------------------------------------

SLEEPER = "import time; time.sleep(60)"
STUBBORN = (
    "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
    "print('ready', flush=True); time.sleep(60)"
)


def test_a_child_process_is_terminated_and_reaped() -> None:
    owner = ThreadOwner()
    proc = owner.add_process("recorder", subprocess.Popen([sys.executable, "-c", SLEEPER]))
    assert owner.shutdown(deadline=20.0) == []
    assert proc.returncode is not None, "reaped: no zombie left"
    if sys.platform != "win32":
        assert proc.returncode == -signal.SIGTERM


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM cannot be ignored on Windows")
def test_a_child_that_ignores_sigterm_is_killed_at_the_deadline(
    caplog: pytest.LogCaptureFixture,
) -> None:
    proc = subprocess.Popen([sys.executable, "-c", STUBBORN], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    try:
        assert proc.stdout.readline().strip() == "ready"
        owner = ThreadOwner()
        owner.add_process("recorder", proc)

        assert owner.shutdown(deadline=0.2) == [], "killed and reaped: nothing left running"

        assert proc.returncode == -signal.SIGKILL
        assert "shutdown exceeded its 0.2 s deadline: recorder (killed)" in caplog.text
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()


# --- executors ---------------------------------------------------------------------------------


def test_a_read_pool_cancels_its_queued_jobs_at_shutdown() -> None:
    ex = DbExecutor("db-reader", deliver_now, workers=1, drain=False)
    gate, started = threading.Event(), threading.Event()

    def running() -> None:
        started.set()
        gate.wait(10)

    first = ex.submit(running, label="refresh")
    assert started.wait(5)
    ran: list[int] = []
    queued = [ex.submit(lambda i=i: ran.append(i), label=f"read-{i}") for i in range(5)]
    settled = threading.Semaphore(0)
    for f in queued:
        f.add_done_callback(lambda _f: settled.release())
    result: list[bool] = []
    stopper = threading.Thread(target=lambda: result.append(ex.shutdown(20.0)))
    stopper.start()
    try:
        for _ in queued:
            assert settled.acquire(timeout=5), "cancelled while the running job still runs"
        assert all(f.cancelled() for f in queued)
    finally:
        gate.set()
        stopper.join(20)
    assert result == [True], "the running job finished within the deadline"
    assert first.done()
    assert not first.cancelled()
    assert ran == []
    assert ex.pending == 0


def test_a_write_pool_cancels_only_what_the_deadline_leaves(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ex = DbExecutor("db-writer", deliver_now)
    gate, started = threading.Event(), threading.Event()

    def slow_write() -> None:
        started.set()
        gate.wait(10)

    ex.submit(slow_write, label="slow write")
    assert started.wait(5)
    queued = [ex.submit(lambda: None, label=f"audit-{i}") for i in range(3)]
    try:
        assert ex.shutdown(timeout=0.05) is False, "a job ran past the deadline"
        assert all(f.cancelled() for f in queued)
    finally:
        gate.set()
    assert "cancelled: audit-0, audit-1, audit-2" in caplog.text
    assert "jobs still running at the shutdown deadline: slow write" in caplog.text


def test_submits_after_shutdown_are_refused_quietly(caplog: pytest.LogCaptureFixture) -> None:
    """Regression: a change notice queued before shutdown submitted to the closed pool and
    raised 'cannot schedule new futures after shutdown'."""
    ex = DbExecutor("db-reader", deliver_now)
    assert ex.shutdown()
    called: list[object] = []
    with caplog.at_level(logging.DEBUG, logger="console.threads"):
        fut = ex.submit(lambda: called.append("job"), called.append, called.append, "refresh")
    assert fut.cancelled()
    assert called == []
    assert ex.pending == 0
    assert "db-reader is shut down; job refresh refused" in caplog.text


def test_the_owner_names_an_executor_whose_job_outlives_the_deadline() -> None:
    gate, started = threading.Event(), threading.Event()
    owner = ThreadOwner()
    ex = owner.add_executor(DbExecutor("db-writer", deliver_now))

    def slow() -> None:
        started.set()
        gate.wait(10)

    ex.submit(slow, label="slow")
    assert started.wait(5)
    try:
        assert owner.shutdown(deadline=0.05) == ["db-writer"]
    finally:
        gate.set()

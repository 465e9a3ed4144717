"""Workers, DB executors and their shutdown order; results come back on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from console.bridge import EventBridge
from console.threads import DbExecutor, ThreadOwner, Worker
from core.events import ChangesAvailable, WorkerFailed


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

    def shutdown(self) -> None:
        super().shutdown()
        self.log.append(f"executor {self.name} stopped")


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
        assert owner.shutdown(timeout=0.05) == ["serial-reader"]
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


def test_bridge_routes_events_to_their_signals(qtbot: QtBot) -> None:
    bridge = EventBridge()
    ev = ChangesAvailable(last_id=9, tables=frozenset({"incident"}))
    got: list[tuple[object, bool]] = []
    bridge.sig_changes_available.connect(
        lambda e: got.append((e, threading.current_thread() is threading.main_thread()))
    )
    t = threading.Thread(target=bridge.publish, args=(ev,))
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(got) == 1)
    assert got == [(ev, True)]
    with pytest.raises(TypeError, match="no signal for str"):
        bridge.publish("not an event")


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

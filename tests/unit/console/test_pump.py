"""MailboxPump: batches from worker threads reach handlers on the GUI thread from one timer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot
from pytestqt.qtbot import QtBot

from console.pump import MailboxPump
from core.mailbox import LatestMailbox


class MetaCallCounter(QObject):
    """Counts queued slot invocations (QEvent.MetaCall) delivered anywhere in the application."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MetaCall:
            self.count += 1
        return False


class Recorder:
    """A handler that keeps every batch and the thread it ran on."""

    def __init__(self) -> None:
        self.batches: list[dict[Any, Any]] = []
        self.latest: dict[Any, Any] = {}
        self.threads: set[threading.Thread] = set()

    def __call__(self, batch: dict[Any, Any]) -> None:
        self.threads.add(threading.current_thread())
        self.batches.append(batch)
        self.latest.update(batch)


@pytest.fixture
def pump(qtbot: QtBot) -> Iterator[MailboxPump]:
    p = MailboxPump(interval_ms=10, history=1000)
    yield p
    p.stop()
    p.deleteLater()


def test_producer_threads_reach_the_handler_on_the_gui_thread_without_signals(
    qtbot: QtBot, pump: MailboxPump
) -> None:
    frames: LatestMailbox[str, int] = LatestMailbox(name="frames")
    tags: LatestMailbox[int, int] = LatestMailbox(max_keys=500, name="tags")
    on_frames, on_tags = Recorder(), Recorder()
    counter = MetaCallCounter()
    app = QCoreApplication.instance()
    assert app is not None
    app.installEventFilter(counter)
    pump.attach(frames, on_frames)
    pump.attach(tags, on_tags)
    rounds = 2000
    go = threading.Event()

    def cameras() -> None:
        go.wait()
        for seq in range(rounds):
            for cam in ("cam01", "cam02", "cam03"):
                frames.put(cam, seq)

    def tag_reader(first: int) -> None:
        go.wait()
        for seq in range(rounds):
            for tag in range(first, first + 100):
                tags.put(tag, seq)

    workers = [
        threading.Thread(target=cameras, name="decode:cams"),
        *(threading.Thread(target=tag_reader, args=(i * 100,), name=f"tags:{i}") for i in range(3)),
    ]
    for w in workers:
        w.start()
    go.set()
    try:
        qtbot.waitUntil(
            lambda: (
                on_frames.latest == dict.fromkeys(("cam01", "cam02", "cam03"), rounds - 1)
                and on_tags.latest == dict.fromkeys(range(300), rounds - 1)
            ),
            timeout=20_000,
        )
    finally:
        for w in workers:
            w.join(timeout=10)
        app.removeEventFilter(counter)

    assert on_frames.threads == on_tags.threads == {threading.main_thread()}
    assert pump.handler_errors == 0
    puts = frames.puts + tags.puts
    assert puts == 3 * rounds + 300 * rounds
    # Every value is either delivered or counted as dropped.
    delivered = sum(map(len, on_frames.batches)) + sum(map(len, on_tags.batches))
    assert puts == delivered + frames.drops + tags.drops
    assert all(on_frames.batches)  # never called with nothing
    assert all(on_tags.batches)
    # Batches, not updates: far fewer handler calls than puts, and no queued signal per update.
    assert len(on_frames.batches) + len(on_tags.batches) <= 2 * pump.ticks
    assert counter.count == 0, f"{counter.count} queued calls for {puts} updates"
    assert pump.max_tick_s >= pump.last_tick_s > 0
    assert len(pump.tick_costs()) == min(pump.ticks, 1000)


def test_the_timer_runs_only_while_something_is_attached(pump: MailboxPump) -> None:
    a: LatestMailbox[int, int] = LatestMailbox()
    b: LatestMailbox[int, int] = LatestMailbox()
    assert not pump.is_running()
    pump.attach(a, Recorder())
    pump.attach(b, Recorder())
    assert pump.is_running()
    assert pump.attached() == [a, b]
    assert pump.detach(a)
    assert not pump.detach(a)
    assert pump.is_running()
    assert pump.detach(b)
    assert not pump.is_running()
    pump.attach(a, Recorder())
    pump.stop()
    assert not pump.is_running()
    assert pump.attached() == []


def test_interval_is_configurable(pump: MailboxPump) -> None:
    assert MailboxPump().interval_ms == 40
    pump.set_interval(25)
    assert pump.interval_ms == 25
    with pytest.raises(ValueError, match="interval"):
        pump.set_interval(0)


def test_a_mailbox_attaches_once(pump: MailboxPump) -> None:
    box: LatestMailbox[int, int] = LatestMailbox()
    pump.attach(box, Recorder())
    with pytest.raises(ValueError, match="already attached"):
        pump.attach(box, Recorder())


def test_poll_delivers_the_newest_values_and_skips_empty_mailboxes(pump: MailboxPump) -> None:
    a: LatestMailbox[str, int] = LatestMailbox()
    b: LatestMailbox[str, int] = LatestMailbox()
    rec_a, rec_b = Recorder(), Recorder()
    pump.attach(a, rec_a)
    pump.attach(b, rec_b)
    a.put("x", 1)
    a.put("x", 2)
    a.put("y", 1)
    assert pump.poll() == 2
    assert rec_a.batches == [{"x": 2, "y": 1}]
    assert rec_b.batches == []
    assert pump.poll() == 0
    assert rec_a.batches == [{"x": 2, "y": 1}]
    assert pump.ticks == 2
    pump.reset_stats()
    assert (pump.ticks, pump.max_tick_s, pump.tick_costs()) == (0, 0.0, [])


def test_a_failing_handler_is_logged_and_the_others_still_run(
    pump: MailboxPump, caplog: pytest.LogCaptureFixture
) -> None:
    bad: LatestMailbox[int, int] = LatestMailbox(name="bad")
    good: LatestMailbox[int, int] = LatestMailbox(name="good")
    rec = Recorder()

    def explode(batch: dict[Any, Any]) -> None:
        raise RuntimeError("boom")

    pump.attach(bad, explode)
    pump.attach(good, rec)
    bad.put(1, 1)
    good.put(1, 1)
    pump.poll()
    assert rec.batches == [{1: 1}]
    assert pump.handler_errors == 1
    assert "handler" in caplog.text
    assert "boom" in caplog.text


def test_a_handler_may_detach_mailboxes_during_a_tick(pump: MailboxPump) -> None:
    a: LatestMailbox[int, int] = LatestMailbox()
    b: LatestMailbox[int, int] = LatestMailbox()
    rec_b = Recorder()
    pump.attach(a, lambda batch: pump.detach(a))
    pump.attach(b, rec_b)
    a.put(1, 1)
    b.put(1, 1)
    pump.poll()
    assert pump.attached() == [b]
    assert rec_b.batches == [{1: 1}]


def test_attaching_from_a_worker_thread_is_refused(pump: MailboxPump) -> None:
    errors: list[BaseException] = []

    def attach() -> None:
        try:
            pump.attach(LatestMailbox(), Recorder())
        except RuntimeError as e:
            errors.append(e)

    t = threading.Thread(target=attach, name="not-gui")
    t.start()
    t.join(timeout=10)
    assert len(errors) == 1
    assert pump.attached() == []


class Emitter(QObject):
    sig_value_put = Signal(object)  # fires on the emitting worker thread


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.received = 0

    @Slot(object)
    def _on_emitter_value_put(self, value: object) -> None:
        self.received += 1


def test_the_counter_sees_queued_signals(qtbot: QtBot) -> None:
    """Control for the no-signal assertion above: one queued call per emit is what it counts."""
    counter = MetaCallCounter()
    app = QCoreApplication.instance()
    assert app is not None
    emitter, receiver = Emitter(), Receiver()
    emitter.sig_value_put.connect(receiver._on_emitter_value_put)
    app.installEventFilter(counter)
    try:

        def emit() -> None:
            for i in range(50):
                emitter.sig_value_put.emit(i)

        t = threading.Thread(target=emit, name="emit")
        t.start()
        t.join(timeout=10)
        qtbot.waitUntil(lambda: receiver.received == 50)
    finally:
        app.removeEventFilter(counter)
    assert counter.count >= 50

"""Shutdown wall time: ThreadOwner with 50 threads blocked in reads vs the same threads by hand.

`python -m bench.shutdown` prints the table; `python -m bench` includes its rows.
"""

from __future__ import annotations

import argparse
import logging
import socket
import statistics
import threading
import time

from console.threads import ThreadOwner
from core.workers import Worker

THREADS = 50
DEADLINE_S = 5.0
STUCK = 10
STUCK_DEADLINE_S = 0.5


class _NullSink:
    def publish(self, event: object) -> None:
        pass


class _BlockedReader(Worker):
    """A device reader blocked in recv(); interrupt() shuts the socket down."""

    def __init__(self, name: str, sock: socket.socket, ready: threading.Semaphore) -> None:
        super().__init__(name, _NullSink(), interval=0.0)
        self.sock = sock
        self.ready = ready

    def step(self) -> None:
        self.ready.release()
        self.sock.recv(64)

    def interrupt(self) -> None:
        self.sock.shutdown(socket.SHUT_RDWR)

    def teardown(self) -> None:
        self.sock.close()


class _Stuck(Worker):
    """A reader whose driver call ignores every request to stop (interrupt does nothing)."""

    def __init__(self, name: str, release: threading.Event, ready: threading.Semaphore) -> None:
        super().__init__(name, _NullSink(), interval=0.0)
        self.release = release
        self.ready = ready

    def step(self) -> None:
        self.ready.release()
        self.release.wait()


def _settle(ready: threading.Semaphore, n: int) -> None:
    for _ in range(n):
        if not ready.acquire(timeout=10):
            raise RuntimeError("a reader did not start")
    time.sleep(0.05)  # let the last ones enter recv()


def owner_shutdown_s(n: int = THREADS) -> float:
    """ThreadOwner.shutdown of `n` workers blocked in recv (stop, interrupt, joins)."""
    pairs = [socket.socketpair() for _ in range(n)]
    ready = threading.Semaphore(0)
    owner = ThreadOwner()
    for i, (ours, _peer) in enumerate(pairs):
        owner.add_worker(_BlockedReader(f"llrp:R-{i:02}", ours, ready))
    _settle(ready, n)
    t = time.perf_counter()
    stuck = owner.shutdown(deadline=DEADLINE_S)
    took = time.perf_counter() - t
    for _ours, peer in pairs:
        peer.close()
    if stuck:
        raise RuntimeError(f"did not stop: {stuck}")
    return took


def by_hand_s(n: int = THREADS) -> float:
    """Baseline: the same reads on plain threads, sockets shut down directly, then joined."""
    pairs = [socket.socketpair() for _ in range(n)]
    ready = threading.Semaphore(0)

    def read(sock: socket.socket) -> None:
        ready.release()
        sock.recv(64)
        sock.close()

    threads = [
        threading.Thread(target=read, args=(ours,), name=f"plain-{i:02}", daemon=True)
        for i, (ours, _peer) in enumerate(pairs)
    ]
    for th in threads:
        th.start()
    _settle(ready, n)
    t = time.perf_counter()
    for ours, _peer in pairs:
        ours.shutdown(socket.SHUT_RDWR)
    for th in threads:
        th.join()
    took = time.perf_counter() - t
    for _ours, peer in pairs:
        peer.close()
    return took


def stuck_s(serial_joins: bool) -> float:
    """`STUCK` workers that never stop: one shared deadline, or a full timeout per join."""
    release = threading.Event()
    ready = threading.Semaphore(0)
    workers = [_Stuck(f"stuck-{i}", release, ready) for i in range(STUCK)]
    owner = ThreadOwner()
    for w in workers:
        owner.add_worker(w)
    _settle(ready, STUCK)
    quiet = logging.getLogger("console.threads")
    quiet.disabled = True  # the expected "exceeded its deadline" error would cut the table
    try:
        t = time.perf_counter()
        if serial_joins:  # what ThreadOwner did before: stop all, then join(timeout) each
            for w in workers:
                w.stop()
            for w in workers:
                w.join(STUCK_DEADLINE_S)
        else:
            owner.shutdown(deadline=STUCK_DEADLINE_S)
        took = time.perf_counter() - t
    finally:
        quiet.disabled = False
    release.set()
    for w in workers:
        w.stop()
        w.join(5.0)
    return took


def table_rows(runs: int = 5) -> list[tuple[str, float, float, str]]:
    """The measures as rows of bench's table: (name, console, baseline, note)."""
    owner = statistics.median(owner_shutdown_s() for _ in range(runs))
    hand = statistics.median(by_hand_s() for _ in range(runs))
    shared = stuck_s(serial_joins=False)
    serial = stuck_s(serial_joins=True)
    return [
        (
            f"shutdown, {THREADS} threads blocked in recv (s)",
            owner,
            hand,
            f"goal <= {DEADLINE_S:g} s; baseline: sockets shut + joined by hand",
        ),
        (
            f"shutdown, {STUCK} stuck threads (s)",
            shared,
            serial,
            f"one {STUCK_DEADLINE_S:g} s deadline; baseline: {STUCK_DEADLINE_S:g} s per join",
        ),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench.shutdown")
    ap.add_argument("--runs", type=int, default=5, help="runs per variant (median)")
    args = ap.parse_args()
    print(f"{'measure':<42}{'console':>10}{'baseline':>10}{'ratio':>8}  note")
    for name, value, base, note in table_rows(args.runs):
        print(f"{name:<42}{value:>10.3f}{base:>10.3f}{value / base:>8.2f}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""JT/T 808: location frames/s from terminals over TCP to accept(), and the in-process ceiling."""

from __future__ import annotations

import multiprocessing
import socket
import threading
import time
from datetime import UTC, datetime

from core.tracking import GpsFix, TrackingItem
from hardware.tracking.jt808_server import Jt808Server, _Conn
from tests.helpers.jt808_terminal import Jt808Terminal

Row = tuple[str, float, float | None, str]
_AT = datetime(2026, 11, 30, 3, 4, 5, tzinfo=UTC)


class _NoSink:
    def publish(self, event: object) -> None:
        pass


def _frames(term: Jt808Terminal, n: int) -> list[bytes]:
    return [
        term.location(
            lat=25.066878,
            lon=113.802877 + k / 1e6,
            at=_AT,
            alarm=k & 1,
            satellites=9,
            mileage_km=12.3,
        )[0]
        for k in range(n)
    ]


def _send(term: Jt808Terminal, parts: list[bytes]) -> None:
    for part in parts:
        term.send(part)


def tcp_rate(terminals: int = 1, total: int = 100_000, chunk: int = 500) -> float:
    """Frames/s: senders in forked processes, replies drained, the server's thread decodes."""
    per = total // terminals
    total = per * terminals
    taken = [0]
    done = threading.Event()

    def accept(item: TrackingItem) -> bool:
        assert isinstance(item, GpsFix)
        taken[0] += 1
        if taken[0] == total:
            done.set()
        return True

    srv = Jt808Server(accept, _NoSink(), host="127.0.0.1", port=0)
    srv.start()
    assert srv.port is not None
    terms, blobs = [], []
    for i in range(terminals):
        term = Jt808Terminal(f"0139000{i:05d}")
        term.connect(srv.port)
        term.register()
        term.authenticate()
        frames = _frames(term, per)
        blobs.append([b"".join(frames[j : j + chunk]) for j in range(0, per, chunk)])
        terms.append(term)

    def drain(term: Jt808Terminal) -> None:
        assert term.sock is not None
        term.sock.settimeout(60)
        try:
            while not done.is_set() and term.sock.recv(1 << 16):
                pass
        except OSError:
            pass

    readers = [threading.Thread(target=drain, args=(t,), name="bench:drain") for t in terms]
    for r in readers:
        r.start()
    ctx = multiprocessing.get_context("fork")
    start = time.perf_counter()
    senders = [ctx.Process(target=_send, args=(t, b)) for t, b in zip(terms, blobs, strict=True)]
    for s in senders:
        s.start()
    done.wait(120)
    elapsed = time.perf_counter() - start
    for s in senders:
        s.join()
    for t in terms:
        t.close()
    for r in readers:
        r.join()
    srv.stop()
    srv.join(5)
    assert taken[0] == total, taken[0]
    return total / elapsed


def ceiling_rate(n: int = 50_000) -> float:
    """Frames/s through the splitter and the message handling alone (no sockets)."""
    srv = Jt808Server(lambda item: True, _NoSink(), host="127.0.0.1", port=0)
    term = Jt808Terminal()
    blob = b"".join(_frames(term, n))
    a, b = socket.socketpair()
    conn = _Conn(a, "bench", 0.0)
    conn.phones.add(term.phone)
    conn.phone = term.phone
    start = time.perf_counter()
    for item in conn.splitter.feed(blob):
        srv._on_frame(conn, item)  # type: ignore[arg-type]
        conn.out.clear()
    rate = n / (time.perf_counter() - start)
    a.close()
    b.close()
    srv.join(0)
    return rate


def jt808_rows() -> list[Row]:
    """(label, value, baseline, note) rows for bench/tracking.py."""
    ceiling = ceiling_rate()
    rows: list[Row] = []
    for n in (1, 4):
        rate = tcp_rate(terminals=n)
        rows.append(
            (
                f"JT/T 808 locations/s over TCP to accept(), {n} terminal(s)",
                rate,
                ceiling,
                "baseline: the same frames through splitter + handler in-process, no sockets",
            )
        )
    return rows


if __name__ == "__main__":
    for label, value, base, note in jt808_rows():
        print(f"{label}: {value:,.0f} (baseline {base:,.0f}; {note})")

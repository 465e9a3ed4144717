"""Calls and alarms: DC-09 receiver throughput, alarm frame → queue, INVITE → ringing, SIPp load."""

from __future__ import annotations

import json
import os
import resource
import selectors
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KEY = bytes(range(32))  # an AES-256 key for the encrypted runs

Row = tuple[str, float, float, str]

# The sender runs in a child process, so the receiver's CPU time is its own.
_SENDER = r"""
import json, sys, time
from hardware.alarms.frames import Dc09Sender, build_frame
KEY = bytes(range(32))
port, mode, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
transport = "udp" if mode == "udp" else "tcp"
key = KEY if mode == "aes" else None
acct = "ABCD" if key else "1234"
frames = [
    build_frame(acct, "BA", f"{i % 1000:03d}", sequence=i % 9999 + 1, key=key)
    for i in range(count)
]
print("ready", flush=True)
sys.stdin.readline()
t = time.perf_counter()
if transport == "udp":
    s = Dc09Sender("127.0.0.1", port, transport="udp", timeout=1)
    ok = sum(1 for f in frames if (r := s.send(f, key=key)) is not None and r.kind == "ACK")
else:
    with Dc09Sender("127.0.0.1", port) as s:
        ok = sum(1 for r in s.pipeline(frames, key=key, timeout=300) if r.kind == "ACK")
print(json.dumps({"ok": ok, "wall": time.perf_counter() - t}), flush=True)
"""


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _drive(port: int, mode: str, count: int) -> tuple[int, float, float]:
    """Frames sent by a child process; (acknowledged, wall s, this process's CPU s)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", _SENDER, str(port), mode, str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert child.stdin is not None
    assert child.stdout is not None
    if child.stdout.readline().strip() != "ready":
        raise RuntimeError("the DC-09 sender did not start")
    before = _cpu()
    child.stdin.write("go\n")
    child.stdin.flush()
    res = json.loads(child.stdout.readline())
    child.wait(60)
    return int(res["ok"]), float(res["wall"]), _cpu() - before


class _EchoAck(threading.Thread):
    """Baseline: the same sockets answering every frame with a fixed ACK, parsing nothing."""

    ACK = b""  # set in __init__: a valid ACK frame, parsed by the sender like a real one

    def __init__(self) -> None:
        super().__init__(name="bench-echo", daemon=True)
        from hardware.alarms.frames import build_ack

        self.ACK = build_ack("0001", "R0", "L0", "1234")
        self.lsock = socket.create_server(("127.0.0.1", 0))
        self.usock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.usock.bind(("127.0.0.1", 0))
        self.sel = selectors.DefaultSelector()
        self.stop = threading.Event()

    @property
    def tcp_port(self) -> int:
        return int(self.lsock.getsockname()[1])

    @property
    def udp_port(self) -> int:
        return int(self.usock.getsockname()[1])

    def run(self) -> None:
        self.lsock.setblocking(False)
        self.sel.register(self.lsock, selectors.EVENT_READ, "listen")
        self.sel.register(self.usock, selectors.EVENT_READ, "udp")
        while not self.stop.is_set():
            for key, _ in self.sel.select(0.2):
                if key.data == "listen":
                    conn, _addr = self.lsock.accept()
                    conn.setblocking(True)
                    self.sel.register(conn, selectors.EVENT_READ, "conn")
                elif key.data == "udp":
                    data, addr = self.usock.recvfrom(4096)
                    self.usock.sendto(self.ACK * data.count(b"\r"), addr)
                else:
                    sock: Any = key.fileobj
                    data = sock.recv(65536)
                    if not data:
                        self.sel.unregister(sock)
                        sock.close()
                        continue
                    n = data.count(b"\r")
                    if n:
                        sock.sendall(self.ACK * n)


def receiver_rows(count: int = 20_000) -> list[Row]:
    """Frames per receiver CPU-second, acknowledged, against a parse-nothing echo of ACKs."""
    from core.alarms import PanelAccount
    from hardware.alarms.dc09 import Dc09Receiver

    class _Sink:
        def publish(self, event: object) -> None:
            pass

    accepted = [0]

    def accept(_event: object) -> bool:
        accepted[0] += 1
        return True

    rx = Dc09Receiver(
        {"1234": PanelAccount("1234"), "ABCD": PanelAccount("ABCD", KEY)},
        accept,
        _Sink(),
        host="127.0.0.1",
        tcp_port=0,
        udp_port=0,
    )
    rx.start()
    echo = _EchoAck()
    echo.start()
    rows: list[Row] = []
    try:
        for mode, n, label in (
            ("plain", count, "TCP, clear SIA-DCS, pipelined"),
            ("aes", count, "TCP, AES-256 SIA-DCS, pipelined"),
            ("udp", count // 4, "UDP, clear, one frame and its ACK at a time"),
        ):
            port = (rx.udp_port if mode == "udp" else rx.tcp_port) or 0
            ok, wall, cpu = _drive(port, mode, n)
            if ok != n:
                raise RuntimeError(f"DC-09 {mode}: {ok} of {n} frames acknowledged")
            bport = echo.udp_port if mode == "udp" else echo.tcp_port
            _bok, bwall, _bcpu = _drive(bport, "udp" if mode == "udp" else "plain", n)
            rows.append(
                (
                    f"DC-09 receiver {label}: frames/s acknowledged (one receiver thread)",
                    n / wall,
                    n / bwall,
                    f"{n / max(cpu, 1e-9):,.0f} frames per receiver CPU-second; baseline: "
                    "the same sockets answering every frame with a fixed ACK, parsing nothing",
                )
            )
    finally:
        echo.stop.set()
        rx.stop()
        rx.interrupt()
        rx.join(5)
        echo.join(5)
    return rows


SECTIONS: dict[str, Callable[[], list[Row]]] = {"receiver": receiver_rows}


def table_rows(only: str | None = None) -> list[Row]:
    """Every section's rows (or one section's)."""
    rows: list[Row] = []
    for name, section in SECTIONS.items():
        if only is None or only == name:
            rows.extend(section())
    return rows


if __name__ == "__main__":
    wanted = sys.argv[1] if len(sys.argv) > 1 else None
    for label, value, base, note in table_rows(wanted):
        print(f"{label}: {value:,.1f} (baseline {base:,.1f}, ratio {value / base:.2f}) — {note}")

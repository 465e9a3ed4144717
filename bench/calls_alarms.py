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


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def alarm_rows() -> list[Row]:
    """Alarm frame over TCP → the incident's row in the queue model, with the GUI running."""
    from bench.alarms import run

    r = run(120, 10_000)
    return [
        (
            f"alarm frame → incident row in the queue, p99 ms ({int(r['samples'])} frames, "
            "SQLite, GUI running; goal ≤ 200)",
            r["frame_to_queue_p99_ms"],
            r["baseline_feed_poll_ms"],
            f"p50 {r['frame_to_queue_p50_ms']:.1f} ms, max {r['frame_to_queue_max_ms']:.1f} ms; "
            "baseline: the change feed's poll interval, the wait without the ingest's wake-up",
        ),
        (
            "DC-09 flood, one panel, 10,000 AES frames: stored per s (ACKed "
            f"{r['flood_acked_per_s']:,.0f}/s)",
            r["flood_stored_per_s"],
            r["flood_acked_per_s"],
            "baseline: the same run's acknowledgement rate (stored ≤ acknowledged)",
        ),
    ]


def _invite(port: int, local: int, i: int) -> bytes:
    sdp = (
        "v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        "m=audio 7000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n"
    )
    return (
        f"INVITE sip:console@127.0.0.1:{port} SIP/2.0\r\n"
        f"Via: SIP/2.0/UDP 127.0.0.1:{local};branch=z9hG4bKbench{i}\r\n"
        f"From: <sip:1380013{i:04d}@127.0.0.1>;tag=b{i}\r\nTo: <sip:console@127.0.0.1>\r\n"
        f"Call-ID: bench{i}@127.0.0.1\r\nCSeq: 1 INVITE\r\n"
        f"Contact: <sip:x@127.0.0.1:{local}>\r\nMax-Forwards: 70\r\n"
        f"Content-Type: application/sdp\r\nContent-Length: {len(sdp)}\r\n\r\n{sdp}"
    ).encode()


def sip_rows(samples: int = 30, load_calls: int = 20) -> list[Row]:
    """INVITE → the ringing row in the calls pane; SIPp's 20 calls at 5/s, at most 4 at once."""
    import statistics
    import tempfile
    import time
    import wave
    from dataclasses import replace

    import numpy as np
    from PySide6.QtWidgets import QApplication

    from console.app import ConsoleApp, ConsoleOptions
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.calls import CallChanged, CallPhase, GatewayState
    from core.site import load_site
    from data.fieldcrypt import ensure_field_keys
    from data.migrate import open_database
    from data.seeding import seed_site
    from tests.helpers.sipp import free_udp_port, sipp, write_tone_pcap

    qapp = QApplication.instance() or QApplication([])
    site = load_site(demo_site_file())
    port = free_udp_port()
    site = replace(
        site,
        sip=tuple(replace(x, port=port, bind_host="127.0.0.1") for x in site.sip),
        alarm_receiver=None,
    )
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(f"sqlite:///{folder / 'bench.db'}")
        keys = folder / "keys"
        ensure_field_keys(keys)
        seed_site(db, site, local_services(db, "CC", keys), population=0)
        opts = ConsoleOptions(
            workstation="CC",
            idle_lock_minutes=0,
            config_dir=folder / "cfg",
            confirm_quit=False,
            keys_dir=keys,
            alert_sound=False,
            site=site,
            recordings_dir=folder / "rec",
            tracking=False,
        )
        app = ConsoleApp(qapp, db, opts)  # type: ignore[arg-type]
        try:
            app.session.enter(app.services.signin.principal("operator"))
            app.wait_idle()
            calls: Any = app.presenter("calls")
            gateway = calls.gateway
            model = calls.pane.model
            published: dict[str, float] = {}

            def on_call(event: CallChanged) -> None:
                if event.call.phase is CallPhase.RINGING:
                    published[event.call.sip_call_id] = event.monotonic
                    if auto_answer[0]:
                        gateway.answer(event.call.call_id)

            auto_answer = [False]
            online = [False]

            def on_state(event: GatewayState) -> None:
                online[0] = event.online

            app.bridge.subscribe(CallChanged, on_call)
            app.bridge.subscribe(GatewayState, on_state)
            deadline = time.monotonic() + 10
            while not online[0] and time.monotonic() < deadline:
                qapp.processEvents()
                time.sleep(0.01)
            sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            sock.bind(("127.0.0.1", 0))
            local = sock.getsockname()[1]
            shown: list[float] = []
            gate: list[float] = []
            for i in range(samples):
                before = {r.call_id for r in model.rows()}
                t0 = time.monotonic()
                sock.sendto(_invite(port, local, i), ("127.0.0.1", port))
                new = None
                while new is None:
                    qapp.processEvents()
                    new = next((r for r in model.rows() if r.call_id not in before), None)
                    if time.monotonic() - t0 > 10:
                        raise TimeoutError(f"INVITE {i}: no ringing row after 10 s")
                shown.append((time.monotonic() - t0) * 1000)
                key = f"bench{i}@127.0.0.1"
                if key in published:
                    gate.append((published[key] - t0) * 1000)
                gateway.hang_up(new.call_id)
                end = time.monotonic() + 5
                while time.monotonic() < end and any(
                    r.call_id == new.call_id and r.phase is not CallPhase.ENDED
                    for r in model.rows()
                ):
                    qapp.processEvents()
                    time.sleep(0.002)
            sock.close()
            rows.append(
                (
                    f"SIP INVITE → ringing row in the calls pane, p99 ms ({samples} calls; "
                    "goal ≤ 150)",
                    _pct(shown, 0.99),
                    statistics.median(gate) if gate else float("nan"),
                    f"median {statistics.median(shown):.1f} ms; baseline: the gateway's own "
                    "INVITE → event published, median (no GUI)",
                )
            )
            # SIPp: load_calls callers at 5 calls/s, at most 4 at once, each with 1 kHz audio
            # for 2 s; the bench answers every ringing call as an operator would.
            auto_answer[0] = True
            write_tone_pcap(folder / "tone.pcap")
            t0 = time.monotonic()
            run = sipp(
                "caller_hangs_up",
                port,
                folder,
                calls=load_calls,
                rate=5,
                pause_ms=2000,
                timeout_s=60,
                max_concurrent=4,
            )
            while run.proc.poll() is None:
                qapp.processEvents()
                time.sleep(0.01)
            rc, _out = run.result(5)
            wall = time.monotonic() - t0
            end = time.monotonic() + 5
            while time.monotonic() < end:
                qapp.processEvents()
                time.sleep(0.01)
            wavs = sorted((folder / "rec").rglob("*.wav"))
            heard = 0
            for w in wavs:
                with wave.open(str(w)) as f:
                    pcm = np.frombuffer(f.readframes(f.getnframes()), "<i2").astype(float)
                if pcm.size and float(np.sqrt(np.mean((pcm / 32768) ** 2))) > 0.05:
                    heard += 1
            answered = len(wavs)
            rows.append(
                (
                    f"SIPp {load_calls} calls at 5/s, ≤ 4 at once: answered and recorded with "
                    f"the caller's tone (SIPp exit {rc}, {wall:.1f} s)",
                    float(heard),
                    float(load_calls),
                    f"{answered} WAV files; baseline: the calls SIPp placed",
                )
            )
        finally:
            app.shutdown()
            app.window.allow_close()
            app.window.close()
            db.dispose()
    return rows


SECTIONS: dict[str, Callable[[], list[Row]]] = {
    "receiver": receiver_rows,
    "alarms": alarm_rows,
    "sip": sip_rows,
}


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

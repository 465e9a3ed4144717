"""Tag readers through real ptys (socat): reads arrive, an unplug mid-frame, a plug back."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.events import WorkerFailed
from hardware.tracking.ascii_reader import AsciiSerialReader, em4100_line
from hardware.tracking.link import LinkRunner
from hardware.tracking.uhf_binary import FLAG_LOW_BATTERY, UhfBinaryReader, tag_notice_frame
from tests.helpers.pty import PtyEnd, PtyPair
from tests.helpers.tracking_sink import Collector

FAST = {"backoff_initial": 0.05, "backoff_max": 0.2, "publish_interval": 0.0}


def _epc(i: int) -> bytes:
    return bytes.fromhex("E2801160600002") + i.to_bytes(5, "big")


@pytest.fixture
def pty(tmp_path: Path) -> Iterator[PtyPair]:
    with PtyPair(tmp_path) as pair:
        yield pair


def _stop(runner: LinkRunner[object] | LinkRunner[str] | UhfBinaryReader) -> None:
    runner.stop()
    runner.interrupt()
    assert runner.join(5)


def test_uhf_reader_through_a_pty_survives_an_unplug_mid_frame(pty: PtyPair) -> None:
    sink = Collector()
    reader = UhfBinaryReader(
        "R101", pty.a, sink.accept, sink, heartbeat_interval=None, silence_timeout=None, **FAST
    )
    reader.start()
    far = PtyEnd(pty.b)
    try:
        sink.wait_for(lambda c: c.last.online)
        burst = b"".join(tag_notice_frame(_epc(i), 1 + i % 4, -40 - i % 50) for i in range(200))
        far.write(b"\x00\xbbnoise" + burst)
        sink.wait_for(lambda c: len(c.reads) == 200)
        assert [r.tag for r in sink.reads] == [_epc(i).hex().upper() for i in range(200)]

        cut = tag_notice_frame(_epc(999), 1, -50)
        far.write(cut[: len(cut) // 2])  # half a frame, then the cable is pulled
        sink.wait_for(lambda c: c.last.frames == 200)
        far.close()
        pty.unplug()
        sink.wait_for(lambda c: not c.last.online)
        lost = sink.states[-1]
        assert pty.a in lost.detail
        assert "lost" in lost.detail or "cannot open" in lost.detail
        assert sink.of_type(WorkerFailed)

        pty.plug()
        sink.wait_for(lambda c: c.last.online and c.last.reconnects >= 1)
        far = PtyEnd(pty.b)
        far.write(cut[len(cut) // 2 :] + tag_notice_frame(_epc(1000), 2, -45, FLAG_LOW_BATTERY))
        sink.wait_for(lambda c: len(c.reads) == 201)
    finally:
        far.close()
        _stop(reader)
    tags = [r.tag for r in sink.reads]
    assert _epc(999).hex().upper() not in tags  # the cut frame never became a read
    assert sink.reads[-1].tag == _epc(1000).hex().upper()
    assert sink.reads[-1].battery_low
    assert sink.states[-1].frames == 201


def test_ascii_reader_through_a_pty(pty: PtyPair) -> None:
    sink = Collector()
    reader = AsciiSerialReader("R102", f"serial://{pty.a}?baud=9600", sink.accept, sink, **FAST)
    reader.start()
    far = PtyEnd(pty.b)
    try:
        sink.wait_for(lambda c: c.last.online)
        lines = [f"{i:010X}" for i in range(500)]
        data = b"".join(
            em4100_line(t, framed=i % 2 == 1, check=i % 3 == 0) for i, t in enumerate(lines)
        )
        far.write(b"\xff\xfe" * 100 + b"\r\n" + data + b"ZZZZ\r\n")
        sink.wait_for(lambda c: len(c.reads) == 500)
        # The noise line is an error when it arrives whole, a resync when it overflows a read.
        sink.wait_for(lambda c: c.last.errors + c.last.resyncs == 2)
    finally:
        far.close()
        _stop(reader)
    assert [r.tag for r in sink.reads] == lines


def test_uhf_reader_over_tcp_survives_a_cut_mid_frame() -> None:
    sink = Collector()
    srv = socket.create_server(("127.0.0.1", 0))
    srv.settimeout(10)
    port = srv.getsockname()[1]
    reader = UhfBinaryReader(
        "R103",
        f"socket://127.0.0.1:{port}",
        sink.accept,
        sink,
        heartbeat_interval=None,
        silence_timeout=None,
        **FAST,
    )
    reader.start()
    try:
        conn, _ = srv.accept()
        frame = tag_notice_frame(_epc(1), 1, -50)
        conn.sendall(frame + frame[:9])
        sink.wait_for(lambda c: len(c.reads) == 1)
        conn.close()
        sink.wait_for(lambda c: not c.last.online)
        conn, _ = srv.accept()
        conn.sendall(frame[9:] + tag_notice_frame(_epc(2), 1, -50))
        sink.wait_for(lambda c: len(c.reads) == 2)
        conn.close()
    finally:
        _stop(reader)
        srv.close()
    assert [r.tag for r in sink.reads] == [_epc(1).hex().upper(), _epc(2).hex().upper()]

"""`python -m bench.tracking`: tag reader throughput through a socat pty, bulk reads vs readline.

`serial_rows()` pushes frames into one end of a pty pair from a writer thread, as fast as the
pty takes them, and on the other end measures, in the same run:

- the UHF adapter (`UhfBinaryReader`: bulk reads, `UhfFrameParser`, TagRead, accept) and the
  ASCII adapter (`AsciiSerialReader`), frames/s from the first byte written to the last read
  accepted;
- the baseline: pyserial `readline()` on the same pty for the same ASCII lines (what an
  adapter that reads line by line gets; FIELD-NOTES measured 8–9k/s);
- the parsers alone on an in-memory buffer: the ceiling of their CPU cost.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import threading
import time
import tty
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

Row = tuple[str, float, float | None, str]


@contextmanager
def _pty_pair() -> Iterator[tuple[str, str]]:
    socat = shutil.which("socat")
    if socat is None:
        raise RuntimeError("socat is not installed")
    with tempfile.TemporaryDirectory(prefix="bench-pty-") as tmp:
        a, b = str(Path(tmp) / "A"), str(Path(tmp) / "B")
        proc = subprocess.Popen(
            [socat, f"pty,raw,echo=0,link={a}", f"pty,raw,echo=0,link={b}"],
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 5
            while not (os.path.exists(a) and os.path.exists(b)):
                if time.monotonic() > deadline:
                    raise RuntimeError("socat did not start")
                time.sleep(0.01)
            yield a, b
        finally:
            proc.kill()
            proc.wait()


def _writer(path: str, data: bytes, started: list[float]) -> tuple[threading.Thread, int]:
    """A thread writing `data` to the far end; the caller closes the fd once all was read."""
    fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
    tty.setraw(fd)

    def run() -> None:
        view = memoryview(data)
        started.append(time.perf_counter())
        while view:
            n = os.write(fd, view[:65536])
            view = view[n:]

    return threading.Thread(target=run, name="bench-pty-writer", daemon=True), fd


def _adapter_rate(make: Callable[..., object], data: bytes, frames: int) -> float:
    """Frames/s of an adapter thread reading `data` from a pty."""
    from hardware.tracking.link import LinkRunner

    done = threading.Event()
    count = 0
    last = [0.0]

    def accept(item: object) -> bool:
        nonlocal count
        count += 1
        if count == frames:
            last[0] = time.perf_counter()
            done.set()
        return True

    class _Sink:
        def publish(self, event: object) -> None:
            pass

    with _pty_pair() as (a, b):
        runner = make(a, accept, _Sink())
        assert isinstance(runner, LinkRunner)
        runner.start()
        try:
            deadline = time.monotonic() + 5
            while not runner.state().online and time.monotonic() < deadline:
                time.sleep(0.01)
            started: list[float] = []
            writer, fd = _writer(b, data, started)
            writer.start()
            ok = done.wait(120)
            writer.join(10)
            os.close(fd)
        finally:
            runner.stop()
            runner.interrupt()
            runner.join(5)
    if not ok:
        raise RuntimeError(f"only {count} of {frames} frames arrived")
    return frames / (last[0] - started[0])


def _readline_rate(data: bytes, frames: int) -> float:
    """The baseline: pyserial readline() on the pty, the same ASCII lines."""
    import serial

    with _pty_pair() as (a, b):
        port = serial.Serial(a, 115200, timeout=1)
        started: list[float] = []
        writer, fd = _writer(b, data, started)
        writer.start()
        n = 0
        while n < frames:
            line = port.readline()
            if not line:
                raise RuntimeError(f"readline timed out after {n} lines")
            n += 1
        end = time.perf_counter()
        writer.join(10)
        os.close(fd)
        port.close()
    return frames / (end - started[0])


def serial_rows(frames: int = 200_000) -> list[Row]:
    """Rows (label, value, baseline, note) for the tag readers through a pty."""
    from core.ports import EventSink
    from core.tracking import TrackingAccept
    from hardware.tracking.ascii_reader import AsciiSerialReader, AsciiTagParser, em4100_line
    from hardware.tracking.uhf_binary import UhfBinaryReader, UhfFrameParser, tag_notice_frame

    epc = bytes.fromhex("E28011606000020D1B2C3D4E")
    uhf = b"".join(tag_notice_frame(epc, 1 + i % 4, -40 - i % 50) for i in range(1000))
    uhf_data = uhf * (frames // 1000)
    ascii_data = b"".join(em4100_line(f"{i:010X}") for i in range(frames))

    def make_uhf(url: str, accept: TrackingAccept, sink: EventSink) -> UhfBinaryReader:
        return UhfBinaryReader(
            "BENCH", url, accept, sink, heartbeat_interval=None, silence_timeout=None
        )

    def make_ascii(url: str, accept: TrackingAccept, sink: EventSink) -> AsciiSerialReader:
        return AsciiSerialReader("BENCH", url, accept, sink, baudrate=115200)

    readline = _readline_rate(ascii_data[: 12 * min(frames, 50_000)], min(frames, 50_000))
    uhf_rate = _adapter_rate(make_uhf, uhf_data, frames // 1000 * 1000)
    ascii_rate = _adapter_rate(make_ascii, ascii_data, frames)

    t = time.perf_counter()
    parser = UhfFrameParser()
    got = sum(len(parser.feed(uhf_data[i : i + 4096])) for i in range(0, len(uhf_data), 4096))
    uhf_parse = got / (time.perf_counter() - t)
    t = time.perf_counter()
    aparser = AsciiTagParser()
    got = sum(len(aparser.feed(ascii_data[i : i + 4096])) for i in range(0, len(ascii_data), 4096))
    ascii_parse = got / (time.perf_counter() - t)
    note = "pty (socat), frames/s; baseline: pyserial readline() of the ASCII lines, same run"
    return [
        ("UHF binary adapter (24-byte frames) via pty", uhf_rate, readline, note),
        ("ASCII adapter (12-byte lines) via pty", ascii_rate, readline, note),
        ("UHF parser alone, 4 KiB chunks", uhf_parse, None, "frames/s, no port"),
        ("ASCII parser alone, 4 KiB chunks", ascii_parse, None, "lines/s, no port"),
    ]


def nmea_rows() -> list[Row]:
    """NMEA sentences/s through a pty vs pynmeagps's own reader (bench/tracking_nmea.py)."""
    from bench import tracking_nmea

    return tracking_nmea.nmea_rows()


def llrp_rows() -> list[Row]:
    """LLRP tags/s decoded: the adapter's report reader vs pyllrp (bench/tracking_nmea.py)."""
    from bench import tracking_nmea

    return tracking_nmea.llrp_rows()


def jt808_rows() -> list[Row]:
    """JT/T 808 locations/s over TCP vs the in-process ceiling (bench/tracking_jt808.py)."""
    from bench import tracking_jt808

    return tracking_jt808.jt808_rows()  # type: ignore[return-value]


def engine_rows() -> list[Row]:
    """The location engine and the care rules alone (bench/tracking_engine.py)."""
    from bench import tracking_engine

    return tracking_engine.engine_rows()  # type: ignore[return-value]


def map_rows() -> list[Row]:
    """The map with 10,000 tags, 10 % moving per tick (bench/tracking_map.py)."""
    from bench import tracking_map

    return tracking_map.map_rows()  # type: ignore[return-value]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--frames", type=int, default=200_000)
    args = ap.parse_args()
    rows = [
        *serial_rows(args.frames),
        *nmea_rows(),
        *llrp_rows(),
        *jt808_rows(),
        *engine_rows(),
        *map_rows(),
    ]
    for label, value, baseline, note in rows:
        base = f"{baseline:,.0f}" if baseline is not None else "-"
        ratio = f"×{value / baseline:.1f}" if baseline else ""
        print(f"{label:48} {value:>12,.0f} {base:>10} {ratio:>6}  {note}")


if __name__ == "__main__":
    main()

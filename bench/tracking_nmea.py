"""`python -m bench.tracking_nmea`: NMEA sentences/s through a socat pty, and LLRP tags/s decoded.

NMEA: a writer thread pushes RMC+GGA pairs into one end of a pty pair as fast as the pty takes
them; on the other end, the adapter (`NmeaTracker`: bulk reads, `NmeaSplitter`, one
`NMEAReader.parse` per fix sentence) against the baseline of pynmeagps's own `NMEAReader`
iterating the pyserial port (which reads byte by byte), in the same run. Also the parser alone
on a buffer (no port), the ceiling of the adapter's CPU cost.

LLRP: RO_ACCESS_REPORTs of 100 tags framed and decoded into TagReads, tags/s: the adapter's
own report reader against pyllrp's unpack (bitstring), which the adapter uses for the rest.
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
from collections.abc import Iterator
from contextlib import contextmanager
from functools import reduce
from operator import xor
from pathlib import Path

Row = tuple[str, float, float | None, str]


def _sentence(body: str) -> bytes:
    return b"$" + body.encode() + b"*%02X\r\n" % reduce(xor, body.encode(), 0)


def _epochs(n: int) -> bytes:
    """`n` epochs of RMC+GGA (2n sentences) with distinct times."""
    out = []
    for i in range(n):
        h, m, s = (i // 3600) % 24, (i // 60) % 60, i % 60
        t = f"{h:02d}{m:02d}{s:02d}.{i % 100:02d}"
        out.append(_sentence(f"GPRMC,{t},A,3114.5000,N,12128.2000,E,10.0,90.0,301126,,,A"))
        out.append(_sentence(f"GPGGA,{t},3114.5000,N,12128.2000,E,1,09,0.9,12.5,M,8.0,M,,"))
    return b"".join(out)


@contextmanager
def _pty_pair() -> Iterator[tuple[str, str]]:
    socat = shutil.which("socat")
    if socat is None:
        raise SystemExit("socat is needed (apt-get install socat)")
    with tempfile.TemporaryDirectory() as tmp:
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


def _writer(path: str, data: bytes) -> threading.Thread:
    def run() -> None:
        fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(fd)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view[:4096]) :]
            time.sleep(1.0)  # keep the end open until the reader has drained the pty
        finally:
            os.close(fd)

    return threading.Thread(target=run, name="bench:nmea-writer", daemon=True)


def adapter_rate(epochs: int) -> float:
    """Sentences/s from the first byte written to the last fix accepted, through a pty."""
    from hardware.tracking.nmea import NmeaTracker

    done = threading.Event()
    count = 0
    started = 0.0

    def accept(item: object) -> bool:
        nonlocal count
        count += 1
        if count == epochs:
            done.set()
        return True

    class _Sink:
        def publish(self, event: object) -> None:
            pass

    with _pty_pair() as (a, b):
        tracker = NmeaTracker("bench", a, accept, _Sink(), read_timeout=0.05)
        tracker.start()
        time.sleep(0.3)  # let it open the port
        writer = _writer(b, _epochs(epochs))
        started = time.perf_counter()
        writer.start()
        done.wait(120)
        elapsed = time.perf_counter() - started
        tracker.stop()
        tracker.interrupt()
        tracker.join(5)
        writer.join(5)
    if count < epochs:
        raise RuntimeError(f"only {count} of {epochs} fixes arrived")
    return 2 * epochs / elapsed


def baseline_rate(epochs: int) -> float:
    """Sentences/s with pynmeagps's NMEAReader iterating the pyserial port (byte reads)."""
    import serial
    from pynmeagps import NMEAReader

    with _pty_pair() as (a, b):
        port = serial.Serial(a, 9600, timeout=2)
        reader = NMEAReader(port)
        writer = _writer(b, _epochs(epochs))
        started = time.perf_counter()
        writer.start()
        got = 0
        for _raw, parsed in reader:
            if parsed is not None:
                got += 1
            if got == 2 * epochs:
                break
        elapsed = time.perf_counter() - started
        port.close()
        writer.join(5)
    return got / elapsed


def parser_rate(epochs: int) -> float:
    """Sentences/s of splitter + fix assembly on a buffer already in memory (no port)."""
    from hardware.tracking.nmea import NmeaFixes, NmeaSplitter

    data = _epochs(epochs)
    started = time.perf_counter()
    splitter, fixes = NmeaSplitter(), NmeaFixes("bench")
    made = 0
    for start in range(0, len(data), 65536):
        for sentence in splitter.feed(data[start : start + 65536]):
            made += len(fixes.sentence(sentence, 0.0))
    made += len(fixes.flush())
    elapsed = time.perf_counter() - started
    assert made == epochs, made
    return 2 * epochs / elapsed


def llrp_decode_rate(*, fast: bool, reports: int = 50, tags: int = 100) -> float:
    """Tags/s: RO_ACCESS_REPORTs framed and turned into TagReads (fast path or pyllrp)."""
    from datetime import UTC, datetime

    from hardware.tracking.llrp import (
        KNOWN_TYPES,
        LlrpSplitter,
        fast_tag_reads,
        pack,
        tag_reads,
        unpack,
    )
    from tests.helpers.llrp_emulator import EmulatedTag, report_message

    batch = [EmulatedTag(f"E200001122334455{n:08X}", antenna=n % 4 + 1) for n in range(tags)]
    wire = pack(report_message(batch, 1)) * reports
    at = datetime.now(UTC)
    started = time.perf_counter()
    splitter = LlrpSplitter(known_types=KNOWN_TYPES)
    if fast:
        count = sum(len(fast_tag_reads(f, "R", at)) for f in splitter.feed(wire))
    else:
        count = sum(len(tag_reads(unpack(f), "R", at)) for f in splitter.feed(wire))
    elapsed = time.perf_counter() - started
    assert count == reports * tags
    return count / elapsed


def nmea_rows(epochs: int = 20_000, baseline_epochs: int = 2_000) -> list[Row]:
    """(label, value, baseline, note) rows for the tracking benchmark report."""
    adapter = adapter_rate(epochs)
    baseline = baseline_rate(baseline_epochs)
    parser = parser_rate(epochs)
    return [
        (
            "NMEA sentences/s through a pty (NmeaTracker)",
            adapter,
            baseline,
            "baseline: pynmeagps NMEAReader iterating the pyserial port (byte reads)",
        ),
        ("NMEA sentences/s, parser only (no port)", parser, None, "NmeaSplitter + NmeaFixes"),
    ]


def llrp_session_rate(reports: int = 200, tags: int = 100) -> float:
    """Tags/s end to end: reader emulator → TCP → LlrpReader → accept, 100-tag reports."""
    from hardware.tracking.llrp import LlrpOptions, LlrpReader, pack
    from tests.helpers.llrp_emulator import EmulatedTag, LlrpReaderEmulator, report_message

    batch = [EmulatedTag(f"E200001122334455{n:08X}", antenna=n % 4 + 1) for n in range(tags)]
    wire = pack(report_message(batch, 1))
    done = threading.Event()
    count = 0

    def accept(item: object) -> bool:
        nonlocal count
        count += 1
        if count == reports * tags:
            done.set()
        return True

    class _Sink:
        def publish(self, event: object) -> None:
            pass

    with LlrpReaderEmulator() as emulator:
        reader = LlrpReader("bench", emulator.address, accept, _Sink(), options=LlrpOptions())
        reader.start()
        try:
            if not emulator.started.wait(10):
                raise RuntimeError("the session did not start")
            started = time.perf_counter()
            emulator.send_bytes(wire * reports)
            if not done.wait(120):
                raise RuntimeError(f"only {count} of {reports * tags} reads arrived")
            elapsed = time.perf_counter() - started
        finally:
            reader.stop()
            reader.interrupt()
            reader.join(5)
    return reports * tags / elapsed


def llrp_rows() -> list[Row]:
    """LLRP tags/s: end to end over TCP, and the report decoding against pyllrp's unpack."""
    pyllrp = llrp_decode_rate(fast=False, reports=20)
    return [
        (
            "LLRP tags/s, emulator → TCP → LlrpReader → accept",
            llrp_session_rate(),
            pyllrp,
            "baseline: pyllrp UnpackMessage (bitstring) alone, same run",
        ),
        (
            "LLRP tags/s decoded (100-tag reports, no socket)",
            llrp_decode_rate(fast=True),
            pyllrp,
            "baseline: pyllrp UnpackMessage (bitstring) + the same TagRead mapping",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=20_000)
    parser.add_argument("--baseline-epochs", type=int, default=2_000)
    args = parser.parse_args()
    for label, value, baseline, note in [
        *nmea_rows(args.epochs, args.baseline_epochs),
        *llrp_rows(),
    ]:
        ratio = f" ({value / baseline:.1f}× baseline {baseline:,.0f})" if baseline else ""
        print(f"{label}: {value:,.0f}{ratio} — {note}")


if __name__ == "__main__":
    main()

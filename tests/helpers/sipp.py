"""SIP test helpers: SIPp (Debian sip-tester) as the caller, a PCMA tone pcap, pjsua2 and WAVs."""

from __future__ import annotations

import shutil
import socket
import struct
import subprocess
import threading
import time
import wave
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

T = TypeVar("T")
SCENARIOS = Path(__file__).resolve().parent.parent / "system" / "sipp"
_A_LAW_SEG_END = np.array([0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF])


def have_sipp() -> bool:
    return shutil.which("sipp") is not None


def free_udp_port() -> int:
    """A UDP port on 127.0.0.1 free right now (and its RTP neighbour, as SIPp's -mp uses two)."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port % 2 == 0 and port < 65000:
            try:
                with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s2:
                    s2.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
            return port


def alaw_encode(pcm: npt.NDArray[np.int16]) -> bytes:
    """G.711 A-law of 16-bit samples (the ITU reference algorithm, vectorised)."""
    v = pcm.astype(np.int32) >> 3
    negative = v < 0
    mask = np.where(negative, 0x55, 0xD5)
    v = np.where(negative, -v - 1, v)
    seg = np.searchsorted(_A_LAW_SEG_END, v)
    shift = np.where(seg < 2, 1, seg)
    aval = (np.minimum(seg, 7) << 4) | ((v >> shift) & 0xF)
    aval = np.where(seg >= 8, 0x7F, aval)
    return bytes((aval ^ mask).astype(np.uint8))


def write_tone_pcap(path: Path, freq: float = 1000.0, seconds: float = 3.0) -> Path:
    """An RTP stream (PCMA, payload type 8, 20 ms packets) of a sine, as SIPp's play_pcap_audio
    reads it: Ethernet/IPv4/UDP frames with capture times 20 ms apart."""
    rate, per_packet = 8000, 160
    n = int(seconds * rate) // per_packet * per_packet
    t = np.arange(n) / rate
    payload = alaw_encode((0.5 * 32767 * np.sin(2 * np.pi * freq * t)).astype(np.int16))
    out = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    for i in range(n // per_packet):
        rtp = struct.pack("!BBHII", 0x80, 8, i & 0xFFFF, i * per_packet, 0x1234ABCD)
        rtp += payload[i * per_packet : (i + 1) * per_packet]
        udp = struct.pack("!HHHH", 6000, 6000, 8 + len(rtp), 0) + rtp
        ip = struct.pack(
            "!BBHHHBBH4s4s",
            0x45, 0, 20 + len(udp), i & 0xFFFF, 0, 64, 17, 0,
            bytes([127, 0, 0, 1]), bytes([127, 0, 0, 1]),
        )  # fmt: skip
        frame = b"\x00" * 12 + b"\x08\x00" + ip + udp
        usec = i * 20_000
        out += struct.pack("<IIII", usec // 1_000_000, usec % 1_000_000, len(frame), len(frame))
        out += frame
    path.write_bytes(bytes(out))
    return path


@dataclass
class SippRun:
    """A SIPp process placing calls against a SIP port; `result()` waits for it."""

    proc: subprocess.Popen[str]
    scenario: str

    def result(self, timeout: float = 30.0) -> tuple[int, str]:
        """(exit code, stdout+stderr); 0 means every call followed the scenario."""
        try:
            out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
            return -1, f"{self.scenario}: SIPp timed out\n{out}\n{err}"
        return self.proc.returncode, f"{out}\n{err}"

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()


def sipp(
    scenario: str,
    target_port: int | None,
    workdir: Path,
    *,
    number: str = "13800138000",
    display: str = "Zhang San",
    calls: int = 1,
    rate: float = 10.0,
    pause_ms: int = 1000,
    timeout_s: int = 20,
    listen_port: int | None = None,
    keys: dict[str, str] | None = None,
    max_concurrent: int = 4,
) -> SippRun:
    """Start SIPp with tests/system/sipp/<scenario>.xml from `workdir`, where tone.pcap lives;
    `target_port` None: SIPp only listens (a UAS). `keys` become more -key keywords."""
    sip_port = listen_port or free_udp_port()
    media_port = free_udp_port()
    cmd = ["sipp", "-sf", str(SCENARIOS / f"{scenario}.xml")]
    if target_port is not None:
        cmd.append(f"127.0.0.1:{target_port}")
    cmd += [
        "-i", "127.0.0.1",
        "-p", str(sip_port),
        "-mp", str(media_port),
        "-m", str(calls),
        "-l", str(min(calls, max_concurrent)),
        "-r", str(rate),
        "-d", str(pause_ms),
        "-s", "console",
        "-key", "number", number,
        "-key", "display", display,
        *[arg for key, value in (keys or {}).items() for arg in ("-key", key, value)],
        "-timeout", f"{timeout_s}s",
        "-timeout_error",
        "-nostdin",
        "-trace_err",
        "-error_file", str(workdir / f"{scenario}-{sip_port}-errors.log"),
    ]  # fmt: skip
    proc = subprocess.Popen(
        cmd,
        cwd=workdir,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    run = SippRun(proc, scenario)
    if target_port is None:
        wait_udp_bound(sip_port)
    return run


def wait_udp_bound(port: int, timeout: float = 5.0) -> None:
    """Until something has bound UDP 127.0.0.1:`port` (a UAS that just started)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                return
        time.sleep(0.02)
    raise AssertionError(f"nothing listens on udp 127.0.0.1:{port}")


class Events:
    """An EventSink that keeps what is published and lets a test wait for an event."""

    def __init__(self) -> None:
        self.items: list[object] = []
        self._cond = threading.Condition(threading.RLock())  # pred() may call of()
        self.on_publish: Callable[[object], None] | None = None

    def publish(self, event: object) -> None:
        with self._cond:
            self.items.append(event)
            self._cond.notify_all()
        if self.on_publish is not None:
            self.on_publish(event)

    def of(self, kind: type[T]) -> list[T]:
        with self._cond:
            return [e for e in self.items if isinstance(e, kind)]

    def wait_until(self, pred: Callable[[], bool], timeout: float = 15.0) -> None:
        """Until `pred()` holds (checked after each event); fails the test after `timeout`."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not pred():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"condition not met; events: {self.items!r}")
                self._cond.wait(left)

    def wait_for(self, kind: type[T], pred: Callable[[T], bool], timeout: float = 15.0) -> T:
        """The first event of `kind` that `pred` accepts; fails the test after `timeout`."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for e in self.items:
                    if isinstance(e, kind) and pred(e):
                        return e
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no matching {kind.__name__} in {self.items!r}")
                self._cond.wait(left)


@contextmanager
def pj_endpoint() -> Iterator[Any]:
    """pjsua2 on the calling thread with the null audio device at 16 kHz, destroyed after."""
    import pjsua2 as pj

    ep = pj.Endpoint()
    ep.libCreate()
    try:
        cfg = pj.EpConfig()
        cfg.logConfig.level = 1
        cfg.logConfig.consoleLevel = 1
        cfg.uaConfig.threadCnt = 0
        cfg.medConfig.clockRate = 16_000
        cfg.medConfig.sndClockRate = 16_000
        cfg.medConfig.channelCount = 1
        ep.libInit(cfg)
        ep.audDevManager().setNullDev()
        ep.libStart()
        yield ep
    finally:
        ep.libDestroy()


def write_wav(path: Path, samples: npt.NDArray[np.int16], rate: int = 16_000) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.astype("<i2").tobytes())
    return path


def read_wav(path: Path) -> tuple[npt.NDArray[np.float64], int]:
    """(samples scaled to -1..1, rate) of a mono PCM16 WAV."""
    with wave.open(str(path), "rb") as w:
        assert w.getnchannels() == 1
        assert w.getsampwidth() == 2
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
        return data.astype(np.float64) / 32768.0, w.getframerate()


def dominant_hz(x: npt.NDArray[np.float64], rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / rate)[int(np.argmax(spectrum))])


def rms(x: npt.NDArray[np.float64]) -> float:
    return float(np.sqrt(np.mean(x * x))) if len(x) else 0.0

"""Simulated alarm panels for the demo: real DC-09 frames to a receiver, over UDP or TCP.

Each panel sends a NULL link test every `heartbeat_s` seconds (encrypted with its key when
it has one), and, when `alarm_every_s` is set, now and then an ADM-CID alarm from a short
list followed `restore_after_s` later by its restore. `send_now()` makes one panel report an
event at once (a demo button: "press the panic button at PB01").
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from core.alarms import PanelAccount
from core.workers import ThreadedRunner
from hardware.alarms.frames import Dc09Sender, FrameError, build_frame

log = logging.getLogger(__name__)

# ADM-CID events the demo panels report (qualifier 1 = new event): (event, zone).
DEMO_ALARMS: tuple[tuple[str, str], ...] = (
    ("1130", "001"),  # burglary, zone 1
    ("1130", "012"),
    ("1110", "003"),  # fire
    ("1120", "000"),  # panic button
    ("1137", "000"),  # tamper
    ("1301", "000"),  # AC power lost
)


@dataclass(frozen=True, slots=True)
class SimStats:
    """What the simulated panels sent and how the receiver answered."""

    sent: int = 0
    acked: int = 0
    naked: int = 0
    duh: int = 0
    unanswered: int = 0


class PanelSimulator(ThreadedRunner):
    """A thread that plays `panels` against a DC-09 receiver at host:port.

    Args:
        panels: the accounts to play (with their keys).
        host, port: the receiver.
        transport: "udp" (one socket for all panels) or "tcp" (one connection per panel, as
            IP panels keep one open).
        heartbeat_s: seconds between one panel's link tests; the panels are spread over it.
        alarm_every_s: mean seconds between random alarms (of any panel); None: none.
        restore_after_s: seconds from a random alarm to its restore.
        timeout: seconds to wait for each answer.
        seed: for the random alarms (tests).
    """

    def __init__(
        self,
        panels: Sequence[PanelAccount],
        host: str,
        port: int,
        *,
        transport: str = "udp",
        heartbeat_s: float = 30.0,
        alarm_every_s: float | None = None,
        restore_after_s: float = 20.0,
        timeout: float = 2.0,
        name: str = "dc09-sim",
        seed: int | None = None,
    ):
        if transport not in ("udp", "tcp"):
            raise ValueError(f"transport is 'udp' or 'tcp', got {transport!r}")
        if heartbeat_s <= 0:
            raise ValueError("heartbeat_s must be positive")
        super().__init__(name)
        self.panels = tuple(panels)
        self.host = host
        self.port = port
        self.transport = transport
        self.heartbeat_s = heartbeat_s
        self.alarm_every_s = alarm_every_s
        self.restore_after_s = restore_after_s
        self.timeout = timeout
        self._rng = random.Random(seed)
        self._wake = threading.Event()
        self._requests: queue.SimpleQueue[tuple[str, str, str]] = queue.SimpleQueue()
        self._senders: dict[str, Dc09Sender] = {}
        self._sequence: dict[str, int] = {p.account: 0 for p in self.panels}
        self._failing: set[str] = set()
        self._lock = threading.Lock()
        self._stats = SimStats()

    # --- the Stoppable port (ThreadedRunner) -----------------------------------------------
    def stop(self) -> None:
        """Ask the thread to stop (any thread, does not block)."""
        super().stop()
        self._wake.set()

    def _interrupt(self) -> None:
        """Wake a wait for an answer (shuts the sockets down)."""
        for sender in list(self._senders.values()):
            sender.interrupt()

    # --- what callers use ------------------------------------------------------------------
    @property
    def stats(self) -> SimStats:
        """Counts so far (any thread)."""
        with self._lock:
            return self._stats

    def send_now(self, account: str, code: str, zone: str = "000") -> None:
        """Make `account` report ADM-CID `code` (e.g. "1120", a panic) at once (any thread)."""
        if account.upper() not in self._sequence:
            raise KeyError(f"no simulated panel has account {account!r}")
        self._requests.put((account.upper(), code, zone))
        self._wake.set()

    # --- the thread ------------------------------------------------------------------------------
    def _run(self) -> None:
        now = time.monotonic()
        count = max(len(self.panels), 1)
        # Spread the panels over one interval, so the receiver sees a steady trickle.
        due = {p.account: now + self.heartbeat_s * i / count for i, p in enumerate(self.panels)}
        next_alarm = self._next_alarm(now)
        restores: list[tuple[float, str, str, str]] = []
        by_account = {p.account: p for p in self.panels}
        try:
            while not self._stop.is_set():
                while not self._requests.empty():
                    account, code, zone = self._requests.get_nowait()
                    self._send(by_account[account], "ADM-CID", code, zone)
                now = time.monotonic()
                for panel in self.panels:
                    if self._stop.is_set():
                        break
                    if now >= due[panel.account]:
                        due[panel.account] = now + self.heartbeat_s
                        self._send(panel, "NULL", "", "")
                if next_alarm is not None and now >= next_alarm and self.panels:
                    panel = self._rng.choice(self.panels)
                    code, zone = self._rng.choice(DEMO_ALARMS)
                    self._send(panel, "ADM-CID", code, zone)
                    restores.append(
                        (now + self.restore_after_s, panel.account, "3" + code[1:], zone)
                    )
                    next_alarm = self._next_alarm(now)
                for item in [r for r in restores if r[0] <= now]:
                    restores.remove(item)
                    self._send(by_account[item[1]], "ADM-CID", item[2], item[3])
                wake_at = [*due.values(), *(r[0] for r in restores)]
                if next_alarm is not None:
                    wake_at.append(next_alarm)
                wait = max(0.0, min(wake_at, default=now + 1.0) - time.monotonic())
                self._wake.wait(wait)
                self._wake.clear()
        finally:
            for sender in self._senders.values():
                sender.close()
            self._senders.clear()

    def _next_alarm(self, now: float) -> float | None:
        if not self.alarm_every_s:
            return None
        return now + self._rng.expovariate(1.0 / self.alarm_every_s)

    def _sender(self, account: str) -> Dc09Sender:
        key = account if self.transport == "tcp" else ""
        sender = self._senders.get(key)
        if sender is None:
            sender = Dc09Sender(
                self.host, self.port, transport=self.transport, timeout=self.timeout
            )
            self._senders[key] = sender
        return sender

    def _send(self, panel: PanelAccount, message_type: str, code: str, zone: str) -> None:
        seq = self._sequence[panel.account] % 9999 + 1
        self._sequence[panel.account] = seq
        frame = build_frame(
            panel.account,
            code,
            zone,
            sequence=seq,
            key=panel.key,
            message_type=message_type,
        )
        sender = self._sender(panel.account)
        kind = ""
        try:
            response = sender.send(frame, key=panel.key)
            kind = response.kind if response is not None else ""
        except (OSError, FrameError) as exc:
            if not self._stop.is_set():
                log.debug("%s: %s: %s", self._name, panel.account, exc)
            sender.close()  # a TCP panel reconnects on its next frame
        with self._lock:
            s = self._stats
            self._stats = SimStats(
                sent=s.sent + 1,
                acked=s.acked + (kind == "ACK"),
                naked=s.naked + (kind == "NAK"),
                duh=s.duh + (kind == "DUH"),
                unanswered=s.unanswered + (kind == ""),
            )
        if kind == "ACK":
            if panel.account in self._failing:
                self._failing.discard(panel.account)
                log.info("%s: panel %s is acknowledged again", self._name, panel.account)
        elif panel.account not in self._failing and not self._stop.is_set():
            self._failing.add(panel.account)
            log.info(
                "%s: panel %s got %s from %s:%d",
                self._name,
                panel.account,
                kind or "no answer",
                self.host,
                self.port,
            )

"""A small LLRP reader (the server side pyllrp lacks) built from pyllrp's message classes."""

from __future__ import annotations

import contextlib
import itertools
import socket
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pyllrp import pyllrp as llrp

from hardware.tracking.llrp import LlrpSplitter, message_name, pack, unpack


@dataclass(frozen=True)
class EmulatedTag:
    """One tag the emulator reports: EPC (hex), antenna, peak RSSI (dBm), seen count."""

    epc: str
    antenna: int = 1
    rssi: int = -60
    count: int = 1
    first_seen_us: int = 1_700_000_000_000_000


def report_message(tags: Sequence[EmulatedTag], message_id: int = 0) -> Any:
    """An RO_ACCESS_REPORT with one TagReportData per tag (EPC-96 when it fits, else EPCData)."""
    data = []
    for tag in tags:
        raw = bytes.fromhex(tag.epc)
        epc = (
            llrp.EPC_96_Parameter(EPC=int.from_bytes(raw, "big"))
            if len(raw) == 12
            else llrp.EPCData_Parameter(EPC=raw)
        )
        data.append(
            llrp.TagReportData_Parameter(
                Parameters=[
                    epc,
                    llrp.AntennaID_Parameter(AntennaID=tag.antenna),
                    llrp.PeakRSSI_Parameter(PeakRSSI=tag.rssi),
                    llrp.FirstSeenTimestampUTC_Parameter(Microseconds=tag.first_seen_us),
                    llrp.TagSeenCount_Parameter(TagCount=tag.count),
                ]
            )
        )
    return llrp.RO_ACCESS_REPORT_Message(MessageID=message_id, Parameters=data)


def connection_event(status: int = 0, message_id: int = 0) -> Any:
    """READER_EVENT_NOTIFICATION with a ConnectionAttemptEvent (0 = Success)."""
    return llrp.READER_EVENT_NOTIFICATION_Message(
        MessageID=message_id,
        Parameters=[
            llrp.ReaderEventNotificationData_Parameter(
                Parameters=[
                    llrp.UTCTimestamp_Parameter(Microseconds=int(time.time() * 1_000_000)),
                    llrp.ConnectionAttemptEvent_Parameter(Status=status),
                ]
            )
        ],
    )


_ANSWERED = frozenset(
    {
        "GET_READER_CAPABILITIES",
        "SET_READER_CONFIG",
        "ADD_ROSPEC",
        "DELETE_ROSPEC",
        "ENABLE_ROSPEC",
        "DISABLE_ROSPEC",
        "START_ROSPEC",
        "STOP_ROSPEC",
        "CLOSE_CONNECTION",
    }
)


class LlrpReaderEmulator:
    """An LLRP reader on 127.0.0.1: one client at a time, as real readers allow.

    It sends the connection event, answers each request with its *_RESPONSE (success unless
    `refuse` names the request), sends `tags` as one report on START_ROSPEC, and KEEPALIVEs at
    the period the client configured (unless `keepalives` is False, like a hung reader).
    Requests named in `ignore` get no answer at all (a reader firmware that hangs on them).
    `received` lists the names of what the client sent, `acks` the KEEPALIVE_ACK ids.
    """

    def __init__(
        self,
        tags: Sequence[EmulatedTag] = (),
        *,
        keepalives: bool = True,
        refuse: frozenset[str] = frozenset(),
        ignore: frozenset[str] = frozenset(),
    ):
        self.tags = list(tags)
        self.keepalives = keepalives
        self.refuse = refuse
        self.ignore = ignore
        self.received: list[str] = []
        self.acks: list[int] = []
        self.keepalive_ids: list[int] = []
        self.connections = 0
        self.started = threading.Event()  # set on each START_ROSPEC
        self._ids = itertools.count(1000)
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.05)
        self.port: int = self._server.getsockname()[1]
        self._client: socket.socket | None = None
        self._lock = threading.Lock()  # one writer per client socket at a time
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="llrp-emulator", daemon=True)
        self._thread.start()

    @property
    def address(self) -> str:
        return f"llrp://127.0.0.1:{self.port}"

    # --- what a test does ----------------------------------------------------------------
    def send(self, message: Any) -> None:
        """Send one message to the connected client."""
        self.send_bytes(pack(message))

    def send_bytes(self, data: bytes, *, pieces: int = 1, pause: float = 0.0) -> None:
        """Send raw bytes, cut into `pieces` TCP segments with `pause` between them."""
        with self._lock:
            client = self._client
            if client is None:
                raise ConnectionError("no client connected")
            step = max(1, -(-len(data) // pieces))
            for start in range(0, len(data), step):
                client.sendall(data[start : start + step])
                if pause:
                    time.sleep(pause)  # let the segment leave alone (TCP_NODELAY is on)

    def send_report(
        self, tags: Sequence[EmulatedTag], *, pieces: int = 1, pause: float = 0.0
    ) -> None:
        """An RO_ACCESS_REPORT for `tags`, optionally split across TCP segments."""
        self.send_bytes(pack(report_message(tags, next(self._ids))), pieces=pieces, pause=pause)

    def drop(self, partial: bytes = b"") -> None:
        """Send `partial` (the start of a message) and close the connection (a cut cable)."""
        with self._lock:
            client, self._client = self._client, None
        if client is None:
            return
        with contextlib.suppress(OSError):
            if partial:
                client.sendall(partial)
            client.shutdown(socket.SHUT_RDWR)
        client.close()

    def wait_connections(self, n: int, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.connections >= n and self._client is not None:
                return True
            time.sleep(0.01)
        return False

    def close(self) -> None:
        self._stop.set()
        self.drop()
        self._thread.join(5)
        self._server.close()

    def __enter__(self) -> LlrpReaderEmulator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the reader's side -----------------------------------------------------------------
    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            client.settimeout(0.02)
            with self._lock:
                self._client = client
            self.connections += 1
            try:
                self._talk(client)
            except OSError:
                pass  # the client went away or a test dropped it
            finally:
                with self._lock:
                    if self._client is client:
                        self._client = None
                client.close()

    def _talk(self, client: socket.socket) -> None:
        self.send(connection_event(0, next(self._ids)))
        splitter = LlrpSplitter()
        period: float | None = None
        next_keepalive = 0.0
        while not self._stop.is_set() and self._client is client:
            try:
                data = client.recv(65536)
            except TimeoutError:
                data = None
            if data == b"":
                return
            for frame in splitter.feed(data or b""):
                message = unpack(frame)
                name = message_name(message)
                self.received.append(name)
                if name == "KEEPALIVE_ACK":
                    self.acks.append(message.MessageID)
                elif name == "SET_READER_CONFIG":
                    spec = message.getFirstParameterByClass(llrp.KeepaliveSpec_Parameter)
                    if spec is not None and spec.KeepaliveTriggerType == 1:
                        period = spec.PeriodicTriggerValue / 1000
                        next_keepalive = time.monotonic() + period
                if name in _ANSWERED and name not in self.ignore:
                    self._answer(message, name)
                if name == "CLOSE_CONNECTION":
                    return
                if name == "START_ROSPEC" and name not in self.refuse | self.ignore:
                    if self.tags:
                        self.send_report(self.tags)
                    self.started.set()
            if splitter.broken is not None:
                return
            if period is not None and self.keepalives and time.monotonic() >= next_keepalive:
                keepalive_id = next(self._ids)
                self.keepalive_ids.append(keepalive_id)
                self.send(llrp.KEEPALIVE_Message(MessageID=keepalive_id))
                next_keepalive = time.monotonic() + period

    def _answer(self, message: Any, name: str) -> None:
        response = llrp.GetResponseClass(message)
        code = llrp.StatusCode.R_DeviceError if name in self.refuse else llrp.StatusCode.M_Success
        status = llrp.LLRPStatus_Parameter(StatusCode=code, ErrorDescription="")
        self.send(response(MessageID=message.MessageID, Parameters=[status]))

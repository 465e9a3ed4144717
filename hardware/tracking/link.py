"""Byte links to readers and trackers (serial port, TCP, loop) and the thread that runs one."""

from __future__ import annotations

import abc
import contextlib
import logging
import select
import socket
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar
from urllib.parse import parse_qs, urlsplit

import serial

# Frozen builds (PyInstaller) only ship the URL handlers something imports by name; without
# these, serial_for_url("loop://") and "rfc2217://" fail in the installed console.
import serial.rfc2217
import serial.urlhandler.protocol_loop
import serial.urlhandler.protocol_rfc2217
import serial.urlhandler.protocol_socket

from core.events import WorkerFailed
from core.ports import Clock, EventSink
from core.timefmt import utcnow
from core.tracking import LinkState

log = logging.getLogger(__name__)

MAX_READ = 65536  # one bulk read: whatever the driver has, up to this
_CLOSE_WAIT = 1.0  # close() waits this long for a read in progress before leaving it the close


class LinkLost(OSError):
    """The port or connection is gone (unplugged, closed by the peer, closed by us) or failed."""


class Link(abc.ABC):
    """A byte link: bulk reads with a timeout, writes, and a close that wakes a blocked read.

    `read_some()` and `write()` run on the owning thread; `close()` may be called from any
    thread (the owner's `interrupt()`): it wakes a read in progress, which then raises
    `LinkLost`, and releases the port once no read uses it.
    """

    def __init__(self, describe: str, timeout: float):
        self._describe = describe
        self.timeout = timeout
        self._closed = False
        self._released = False
        self._io_lock = threading.Lock()
        self._write_lock = threading.Lock()

    @property
    def describe(self) -> str:
        """The link for logs and the device pane: no credentials, no query secrets."""
        return self._describe

    @property
    def closed(self) -> bool:
        """True once `close()` was called (or the link was found gone)."""
        return self._closed

    def read_some(self) -> bytes:
        """Whatever has arrived, up to 64 KiB, waiting at most `timeout`; b"" on timeout.

        Raises `LinkLost` when the port or connection is gone or was closed.
        """
        with self._io_lock:
            if self._closed:
                self._release_once()
                raise LinkLost(f"{self._describe}: closed")
            try:
                data = self._read()
                if self.closed:  # woken by close(): pyserial's cancel_read returns b""
                    raise LinkLost(f"{self._describe}: closed")
                return data
            except LinkLost:
                raise
            except (OSError, serial.SerialException, ValueError, TypeError) as exc:
                # ValueError/TypeError: pyserial reading a port that close() just emptied.
                if self._closed:
                    raise LinkLost(f"{self._describe}: closed") from exc
                raise LinkLost(f"{self._describe}: {exc}") from exc
            finally:
                if self.closed:  # close() came during the read and left the release to us
                    self._release_once()

    def write(self, data: bytes) -> None:
        """Send all of `data` (owning thread); raises `LinkLost` if the link is gone."""
        with self._write_lock:
            if self._closed:
                raise LinkLost(f"{self._describe}: closed")
            try:
                self._write(data)
            except LinkLost:
                raise
            except (OSError, serial.SerialException, ValueError, TypeError) as exc:
                raise LinkLost(f"{self._describe}: write failed: {exc}") from exc

    def close(self) -> None:
        """Close the link (any thread, idempotent); a blocked `read_some()` returns at once."""
        self._closed = True
        with contextlib.suppress(Exception):
            self._wake()
        # The read in progress (if any) returns quickly after the wake; if it does not within
        # _CLOSE_WAIT, read_some releases the port itself on its way out.
        if self._io_lock.acquire(timeout=_CLOSE_WAIT):
            try:
                self._release_once()
            finally:
                self._io_lock.release()

    def _release_once(self) -> None:
        if not self._released:
            self._released = True
            with contextlib.suppress(Exception):
                self._release()

    @abc.abstractmethod
    def _read(self) -> bytes: ...

    @abc.abstractmethod
    def _write(self, data: bytes) -> None: ...

    @abc.abstractmethod
    def _wake(self) -> None:
        """Make a blocked read return (any thread, must not block)."""

    @abc.abstractmethod
    def _release(self) -> None:
        """Free the port or socket (called once, never during a read)."""


class SerialLink(Link):
    """A pyserial port: a device path, a pty, or a pyserial URL (loop://, rfc2217://)."""

    def __init__(self, port: serial.SerialBase, describe: str, timeout: float):
        super().__init__(describe, timeout)
        self._port = port

    def _read(self) -> bytes:
        port = self._port
        waiting = port.in_waiting
        if waiting:
            return bytes(port.read(min(waiting, MAX_READ)))
        # Nothing yet: wait for the first byte up to the timeout, then take the rest in bulk.
        first = bytes(port.read(1))
        if not first:
            return b""
        waiting = port.in_waiting
        if waiting:
            return first + bytes(port.read(min(waiting, MAX_READ - 1)))
        return first

    def _write(self, data: bytes) -> None:
        self._port.write(data)

    def _wake(self) -> None:
        self._port.cancel_read()

    def _release(self) -> None:
        self._port.close()


class SocketLink(Link):
    """A plain TCP connection (socket:// and tcp://): recv in bulk, shutdown to wake."""

    def __init__(self, sock: socket.socket, describe: str, timeout: float):
        super().__init__(describe, timeout)
        self._sock = sock

    def _read(self) -> bytes:
        # select + recv rather than a socket timeout, so that sendall keeps its own timeout.
        readable, _, _ = select.select([self._sock], [], [], self.timeout)
        if not readable:
            return b""
        data = self._sock.recv(MAX_READ)
        if not data:
            raise LinkLost(
                f"{self._describe}: closed" if self._closed else f"{self._describe}: peer closed"
            )
        return data

    def _write(self, data: bytes) -> None:
        self._sock.sendall(data)

    def _wake(self) -> None:
        self._sock.shutdown(socket.SHUT_RDWR)

    def _release(self) -> None:
        self._sock.close()


def _safe_url(url: str) -> str:
    """The URL without user, password and query (which may carry secrets)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return f"{parts.scheme}://{host}{parts.path}"


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"bad port in {_safe_url(url)!r}") from exc
    if not parts.hostname or port is None:
        raise ValueError(f"expected host:port in {_safe_url(url)!r}")
    return parts.hostname, port


def open_link(
    url: str,
    *,
    baudrate: int = 115200,
    timeout: float = 0.2,
    connect_timeout: float = 5.0,
    write_timeout: float = 2.0,
) -> Link:
    """Open a link from a site-file address.

    Accepted: a device path (`/dev/ttyUSB0`, `COM3`, a pty path), `serial:///dev/ttyUSB0` or
    `serial://COM3` (optional `?baud=9600`), `socket://host:port` and `tcp://host:port` (a
    plain TCP connection), `rfc2217://host:port` and `loop://` (pyserial's URL handlers).

    Raises `ValueError` for an address this cannot serve (a configuration error: retrying
    will not help) and `LinkLost` when the port or host cannot be opened now.
    """
    scheme = urlsplit(url).scheme.lower() if "://" in url else ""
    if scheme in ("socket", "tcp"):
        host, port = _host_port(url)
        describe = f"{scheme}://{host}:{port}"
        try:
            sock = socket.create_connection((host, port), timeout=connect_timeout)
        except OSError as exc:
            raise LinkLost(f"{describe}: cannot connect: {exc}") from exc
        sock.settimeout(write_timeout)
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return SocketLink(sock, describe, timeout)
    if scheme in ("loop", "rfc2217"):
        describe = _safe_url(url) if scheme == "rfc2217" else "loop://"
        try:
            port_obj = serial.serial_for_url(
                url, baudrate=baudrate, timeout=timeout, write_timeout=write_timeout
            )
        except (serial.SerialException, OSError) as exc:
            raise LinkLost(f"{describe}: cannot open: {exc}") from exc
        return SerialLink(port_obj, describe, timeout)
    if scheme == "serial":
        parts = urlsplit(url)
        device = (parts.netloc + parts.path) if parts.netloc else parts.path
        query = parse_qs(parts.query)
        if "baud" in query:
            try:
                baudrate = int(query["baud"][0])
            except ValueError as exc:
                raise ValueError(f"bad baud rate in {url!r}") from exc
        if not device:
            raise ValueError(f"no device in {url!r}")
    elif scheme:
        raise ValueError(f"cannot open {_safe_url(url)!r}: unknown scheme {scheme!r}")
    else:
        device = url
    try:
        port_obj = serial.Serial(
            device,
            baudrate=baudrate,
            timeout=timeout,
            write_timeout=write_timeout,
            # Two processes reading one port each get half the bytes; refuse the second.
            exclusive=True if sys.platform != "win32" else None,
        )
    except (serial.SerialException, OSError) as exc:
        raise LinkLost(f"{device}: cannot open: {exc}") from exc
    return SerialLink(port_obj, device, timeout)


# --- parsers ------------------------------------------------------------------------------------

F = TypeVar("F")
T = TypeVar("T")


@dataclass(slots=True)
class ParserStats:
    """What a frame parser has seen: frames out, frames refused, resyncs, bytes dropped."""

    frames: int = 0
    errors: int = 0  # a complete frame refused (checksum, length, content)
    resyncs: int = 0  # times the parser skipped bytes to find the next frame
    dropped: int = 0  # bytes skipped or discarded


class FrameParser(Protocol[F]):
    """Splits a byte stream into frames; keeps at most a bounded tail of an incomplete frame.

    `feed(data)` returns the complete, valid frames in `data` (plus what was buffered), in
    order, and never a partial one; a new parser is made for every connection, so bytes of a
    frame cut by a lost link are thrown away with the old one.
    """

    stats: ParserStats

    def feed(self, data: bytes) -> list[F]: ...

    @property
    def buffered(self) -> int:
        """Bytes held for an incomplete frame."""
        ...


# --- the thread ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Totals:
    frames: int = 0
    errors: int = 0
    resyncs: int = 0
    reconnects: int = 0
    extra: dict[str, int] = field(default_factory=dict)


class LinkRunner(Generic[F]):
    """One named thread that keeps a link open, splits what it reads into frames, hands them on.

    Contract (for adapters that use or subclass it):

    - The thread opens `url` with `opener` (`open_link`), makes a new parser with
      `parser_factory()`, calls `on_open(link)` (send a start command), then loops:
      `link.read_some()` → `parser.feed(bytes)` → `handle_frames(frames, link)` (by default the
      `on_frames` callback) → `on_tick(link, now)` (heartbeats; `now` is `monotonic()`), at
      least every `read_timeout` seconds. All hooks run on this thread and may write to the link.
    - A lost link (`LinkLost` or `OSError` from reading, writing or opening; or no byte for
      `silence_timeout` seconds when set) publishes `LinkState(online=False, detail=why)` at
      once and one `WorkerFailed(retrying=True)` per outage; then it waits `backoff_initial`
      seconds, doubling up to `backoff_max`, and reopens; the parser and any partial frame are
      dropped. A successful open publishes `LinkState(online=True)`; `reconnects` counts them
      after the first. An address `open_link` refuses (`ValueError`) is a configuration error:
      `WorkerFailed(retrying=False)`, offline, and the thread ends.
    - An exception from a hook is a bug: logged with its traceback, published, and the link is
      reopened as if lost (the frames that raised are not fed again).
    - Counters (frames, errors, resyncs from the parsers; `count_error`, `count_extra` from
      the hooks) go out in `LinkState` at most once per `publish_interval` while they change.
    - `deliver(accept, item)` hands one item to ingest, retrying while `accept` refuses (the
      reader's bytes wait in the OS buffer meanwhile); it returns False only when stopping.
      `deliver_many(accept_many, items)` does the same for the items of one bulk read.
      A protocol with acknowledgements acknowledges an item only after `deliver` returned True.
    - `send(data)` writes to the current link from any thread (False when none is open);
      `state()` gives the current LinkState from any thread.
    - Shutdown (`core.ports.Stoppable`): `stop()`, then `interrupt()` (closes the link: a
      blocked read returns), then `join(timeout)`. The last LinkState says "stopped".
    """

    def __init__(
        self,
        name: str,
        device_code: str,
        url: str,
        parser_factory: Callable[[], FrameParser[F]],
        on_frames: Callable[[list[F], Link], None] | None,
        sink: EventSink,
        *,
        clock: Clock = utcnow,
        monotonic: Callable[[], float] = time.monotonic,
        baudrate: int = 115200,
        read_timeout: float = 0.2,
        backoff_initial: float = 0.5,
        backoff_max: float = 30.0,
        silence_timeout: float | None = None,
        publish_interval: float = 1.0,
        opener: Callable[..., Link] = open_link,
    ):
        self._name = name
        self.device_code = device_code
        self.url = url
        self.describe = _safe_url(url) if "://" in url else url
        self._parser_factory = parser_factory
        self._on_frames = on_frames
        self.sink = sink
        self.clock = clock
        self.monotonic = monotonic
        self.baudrate = baudrate
        self.read_timeout = read_timeout
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self.silence_timeout = silence_timeout
        self.publish_interval = publish_interval
        self._opener = opener
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._link_lock = threading.Lock()
        self._link: Link | None = None
        self._parser: FrameParser[F] | None = None
        self._totals = _Totals()
        self._online = False
        self._detail = "not started"
        self._last_published: LinkState | None = None
        self._last_publish_at = float("-inf")

    # --- Stoppable ------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        """The thread's name, e.g. `serial:R001`."""
        return self._name

    @property
    def alive(self) -> bool:
        """True while the thread runs."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def stopping(self) -> bool:
        """True once `stop()` was called."""
        return self._stop.is_set()

    def start(self) -> None:
        """Start the thread (once)."""
        if self._thread is not None:
            raise RuntimeError(f"{self._name} already started")
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to stop (any thread; does not block); ends a backoff wait at once."""
        self._stop.set()

    def interrupt(self) -> None:
        """Close the current link so that a blocked read returns (any thread)."""
        with self._link_lock:
            link = self._link
        if link is not None:
            link.close()

    def join(self, timeout: float = 5.0) -> bool:
        """Wait for the thread; False if it still runs after `timeout`."""
        if self._thread is None:
            return True
        self._thread.join(max(timeout, 0.0))
        return not self._thread.is_alive()

    # --- for hooks ------------------------------------------------------------------------------

    def count_error(self, n: int = 1) -> None:
        """Count frames a hook refused (content that does not decode)."""
        self._totals.errors += n

    def count_extra(self, key: str, n: int = 1) -> None:
        """Count something adapter-specific (published in LinkState.extra)."""
        self._totals.extra[key] = self._totals.extra.get(key, 0) + n

    def deliver(self, accept: Callable[[T], bool], item: T) -> bool:
        """Hand `item` to `accept`, retrying while it refuses; False only when stopping."""
        if accept(item):
            return True
        self.count_extra("refused")
        delay = 0.01
        while not self._stop.wait(delay):
            if accept(item):
                return True
            delay = min(delay * 2, 0.5)
        return False

    def deliver_many(self, accept_many: Callable[[Sequence[T]], int], items: Sequence[T]) -> bool:
        """Hand `items` to `accept_many` (one call for a bulk read: one journal write, one
        lock), retrying what it did not take; False only when stopping."""
        taken = accept_many(items)
        if taken >= len(items):
            return True
        rest = items[max(taken, 0) :]
        self.count_extra("refused", len(rest))
        delay = 0.01
        while not self._stop.wait(delay):
            taken = accept_many(rest)
            if taken >= len(rest):
                return True
            rest = rest[max(taken, 0) :]
            delay = min(delay * 2, 0.5)
        return False

    def send(self, data: bytes) -> bool:
        """Write `data` to the current link (any thread); False if none is open or it failed.

        A failed write is left for the reading thread to notice as a lost link.
        """
        with self._link_lock:
            link = self._link
        if link is None:
            return False
        try:
            link.write(data)
        except OSError:
            return False
        return True

    def state(self) -> LinkState:
        """The current state and counters (any thread)."""
        totals = self._totals
        frames, errors, resyncs = totals.frames, totals.errors, totals.resyncs
        extra = dict(totals.extra)
        parser = self._parser
        if parser is not None:
            frames += parser.stats.frames
            errors += parser.stats.errors
            resyncs += parser.stats.resyncs
            if parser.stats.dropped:
                extra["dropped_bytes"] = extra.get("dropped_bytes", 0) + parser.stats.dropped
        return LinkState(
            device=self.device_code,
            online=self._online,
            detail=self._detail,
            at=self.clock(),
            frames=frames,
            errors=errors,
            resyncs=resyncs,
            reconnects=totals.reconnects,
            extra=extra,
        )

    # --- hooks (subclasses override) ------------------------------------------------------------

    def on_open(self, link: Link) -> None:
        """Called on the thread right after the link opened (send start commands here)."""

    def handle_frames(self, frames: list[F], link: Link) -> None:
        """Called on the thread with the complete frames of one read, in order."""
        if self._on_frames is not None:
            self._on_frames(frames, link)

    def on_tick(self, link: Link, now: float) -> None:
        """Called on the thread after every read (at least every `read_timeout` seconds)."""

    # --- the loop -------------------------------------------------------------------------------

    def _publish(self, event: object) -> None:
        try:
            self.sink.publish(event)
        except Exception:
            log.exception("%s: publishing %s failed", self._name, type(event).__name__)

    def _publish_state(self, now: float) -> None:
        state = self.state()
        self._last_published = state
        self._last_publish_at = now
        self._publish(state)

    def _maybe_publish(self, now: float) -> None:
        if now - self._last_publish_at < self.publish_interval:
            return
        last = self._last_published
        current = self.state()
        if last is not None and (
            (last.frames, last.errors, last.resyncs, last.reconnects, last.extra)
            == (current.frames, current.errors, current.resyncs, current.reconnects, current.extra)
        ):
            return
        self._last_published = current
        self._last_publish_at = now
        self._publish(current)

    def _absorb_parser(self) -> None:
        parser = self._parser
        if parser is None:
            return
        totals = self._totals
        totals.frames += parser.stats.frames
        totals.errors += parser.stats.errors
        totals.resyncs += parser.stats.resyncs
        if parser.stats.dropped:
            totals.extra["dropped_bytes"] = (
                totals.extra.get("dropped_bytes", 0) + parser.stats.dropped
            )
        self._parser = None

    def _offline(self, detail: str, *, first_of_outage: bool, retrying: bool = True) -> None:
        changed = self._online or detail != self._detail
        self._online = False
        self._detail = detail
        if first_of_outage:
            log.warning("%s: %s", self._name, detail)
            self._publish(WorkerFailed(self._name, detail, self.clock(), retrying))
        if changed:
            self._publish_state(self.monotonic())

    def _run(self) -> None:
        backoff = self.backoff_initial
        opened_once = False
        in_outage = False
        try:
            while not self._stop.is_set():
                try:
                    link = self._opener(self.url, baudrate=self.baudrate, timeout=self.read_timeout)
                except ValueError as exc:
                    self._offline(f"{self.describe}: {exc}", first_of_outage=True, retrying=False)
                    return
                except OSError as exc:
                    self._offline(str(exc), first_of_outage=not in_outage)
                    in_outage = True
                    self._stop.wait(backoff)
                    backoff = min(backoff * 2, self.backoff_max)
                    continue
                with self._link_lock:
                    self._link = link
                if self._stop.is_set():  # stopped while opening: interrupt() missed this link
                    link.close()
                    break
                if opened_once:
                    self._totals.reconnects += 1
                opened_once = True
                self._online = True
                self._detail = f"{link.describe} connected"
                self._parser = self._parser_factory()
                self._publish_state(self.monotonic())
                if in_outage:
                    log.info("%s: %s", self._name, self._detail)
                in_outage = False
                lost, frames_before = self._serve(link)
                with self._link_lock:
                    self._link = None
                link.close()
                got_frames = (self._parser.stats.frames if self._parser else 0) > frames_before
                self._absorb_parser()
                if self._stop.is_set():
                    break
                if got_frames:
                    backoff = self.backoff_initial  # a working link that dropped: retry soon
                self._offline(lost, first_of_outage=True)
                in_outage = True
                self._stop.wait(backoff)
                backoff = min(backoff * 2, self.backoff_max)
        finally:
            self._absorb_parser()
            self._online = False
            self._detail = "stopped"
            self._publish_state(self.monotonic())

    def _serve(self, link: Link) -> tuple[str, int]:
        """Read until the link is lost or the thread stops; returns why and frames at start."""
        parser = self._parser
        assert parser is not None
        start_frames = parser.stats.frames
        try:
            self.on_open(link)
            last_data = self.monotonic()
            while not self._stop.is_set():
                data = link.read_some()
                now = self.monotonic()
                if data:
                    last_data = now
                    frames = parser.feed(data)
                    if frames:
                        self.handle_frames(frames, link)
                elif self.silence_timeout is not None and now - last_data > self.silence_timeout:
                    raise LinkLost(f"{link.describe}: silent for {self.silence_timeout:g} s")
                self.on_tick(link, now)
                self._maybe_publish(now)
        except OSError as exc:  # LinkLost included
            if self._stop.is_set():
                return "stopped", start_frames
            reason = str(exc).removeprefix(f"{link.describe}: ") or type(exc).__name__
            return f"{link.describe}: link lost: {reason}", start_frames
        except Exception as exc:
            log.exception("%s: error handling frames", self._name)
            return f"{link.describe}: internal error: {exc!r}", start_frames
        return "stopped", start_frames

"""A device server's one-thread `selectors` loop over a TCP listener and its connections."""

from __future__ import annotations

import contextlib
import logging
import selectors
import socket
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Protocol, TypeVar

from core.events import WorkerFailed
from core.ports import Clock, EventSink

TICK = 0.25  # seconds between sweeps of the connections (timeouts, retries, states)
PUBLISH_EVERY = 1.0  # the server's state is published at most this often while it changes


class RateLimitedWarnings:
    """Warnings about bad input: the first `budget` per window, then only a count per reason.

    Args:
        summary: the line written at the end of a window that suppressed some, a %-format of
            (how many, the window's seconds, the counts by reason).
    """

    def __init__(self, logger: logging.Logger, budget: int, window: float, summary: str):
        self.logger = logger
        self.budget = budget
        self.window = window
        self.summary = summary
        self.started = time.monotonic()
        self.used = 0
        self.suppressed: Counter[str] = Counter()

    def warning(self, reason: str, msg: str, *args: object, exc_info: bool = False) -> None:
        now = time.monotonic()
        self.flush(now)
        if self.used < self.budget:
            self.used += 1
            self.logger.warning(msg, *args, exc_info=exc_info)
        else:
            self.suppressed[reason] += 1

    def flush(self, now: float) -> None:
        """Write the summary of what was suppressed, and start a new window."""
        if now - self.started < self.window:
            return
        if self.suppressed:
            parts = ", ".join(f"{k} {v}" for k, v in self.suppressed.most_common())
            self.logger.warning(
                self.summary, sum(self.suppressed.values()), now - self.started, parts
            )
        self.started = now
        self.used = 0
        self.suppressed.clear()


def peer_name(addr: object) -> str:
    """`host:port` of a socket address, `[host]:port` for IPv6."""
    if isinstance(addr, tuple) and len(addr) >= 2:
        host = str(addr[0])
        return f"[{host}]:{addr[1]}" if ":" in host else f"{host}:{addr[1]}"
    return str(addr)


def port_of(sock: socket.socket | None) -> int | None:
    """The port a socket is bound to; None without one."""
    if sock is None:
        return None
    try:
        return int(sock.getsockname()[1])
    except OSError:  # closed by the server's thread on its way out
        return None


def family_of(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def listen_tcp(host: str, port: int) -> socket.socket:
    """A non-blocking listening TCP socket; raises OSError."""
    sock = socket.socket(family_of(host), socket.SOCK_STREAM)
    try:
        if sys.platform == "win32":
            # Windows' SO_REUSEADDR lets a second process steal a listening port.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        else:
            # Rebinding right after a restart must not wait out TIME_WAIT; a port another
            # process listens on still fails.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


@dataclass(frozen=True, slots=True)
class ServerLimits:
    """What one client may cost the server."""

    max_connections: int  # connections beyond this are closed at once
    recv_size: int  # bytes read from one connection per turn
    max_pending_output: int  # stop reading a client that does not read its replies
    frame_timeout: float  # a frame still incomplete after this is dropped
    idle_timeout: float  # a connection silent this long is closed


class Connection:
    """One TCP connection: its socket, pending output and timers; protocols add their state."""

    __slots__ = ("events", "last_seen", "out", "partial_since", "peer", "reading", "sock")

    def __init__(self, sock: socket.socket, peer: str, now: float):
        self.sock = sock
        self.peer = peer
        self.out = bytearray()
        self.last_seen = now
        self.partial_since: float | None = None
        self.reading = True
        self.events = selectors.EVENT_READ


class _State(Protocol):
    @property
    def detail(self) -> str: ...

    @property
    def at(self) -> datetime: ...


C = TypeVar("C", bound=Connection)
S = TypeVar("S", bound=_State)


class SelectorServer(Generic[C, S]):
    """The Stoppable scaffolding of a server whose one thread runs a `selectors` loop.

    Non-blocking bulk reads per connection, replies queued per connection: a slow or hostile
    client costs its own buffer, never the others' time. The port is opened by `start()` on
    the caller's thread; one that cannot be opened is published (the state and a
    WorkerFailed) and retried in the background with backoff. Subclasses give the protocol:
    `state`, `_state_key`, `_new_conn`, `_on_data`, `_pending`, `_drop_partial`, `_refuse`,
    `_on_stopped`, and where they need it `_on_close`, `_on_idle`, `_open_more`,
    `_close_more`, `_tick`.
    """

    _STOPPED = ""  # why connections close when the server stops ("": nothing to report)

    def __init__(
        self,
        *,
        name: str,
        sink: EventSink,
        clock: Clock,
        host: str,
        tcp_port: int | None,
        limits: ServerLimits,
        log: logging.Logger,
        warn: RateLimitedWarnings,
    ):
        self._name = name
        self.sink = sink
        self.clock = clock
        self.host = host
        self._want_tcp = tcp_port
        self._limits = limits
        self._log = log
        self._warn = warn

        self._sel = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        # The selector's data: a Connection, or what to call when the socket is ready.
        self._sel.register(self._wake_r, selectors.EVENT_READ, self._drain_wake)
        self._listener: socket.socket | None = None
        self._conns: dict[int, C] = {}
        self._bind_errors: dict[str, str] = {}  # by transport ("tcp", "udp")
        self._bind_failures = 0
        self._next_bind = 0.0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._published_key: tuple[object, ...] | None = None
        self._last_publish = 0.0
        self._next_sweep = 0.0

    # --- the Stoppable port ---------------------------------------------------------------
    @property
    def name(self) -> str:
        """The thread's name, for logs and the list of what did not stop."""
        return self._name

    @property
    def alive(self) -> bool:
        """True while the server's thread runs."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Open the ports (on the caller's thread, so they are known at once) and start the
        thread. Ports that cannot be opened are published as a not-listening state and a
        WorkerFailed, and retried in the background with backoff."""
        if self._thread is not None:
            raise RuntimeError(f"{self._name} already started")
        self._bind(time.monotonic())
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to stop (any thread; does not block)."""
        self._stop.set()
        self._wake()

    def interrupt(self) -> None:
        """Wake the thread from its wait (it never blocks elsewhere)."""
        self._wake()

    def join(self, timeout: float = 5.0) -> bool:
        """Wait for the thread; False if it still runs after `timeout`."""
        if self._thread is None:
            self._close_all()
            return True
        self._thread.join(max(timeout, 0.0))
        return not self._thread.is_alive()

    # --- the protocol's part --------------------------------------------------------------
    def state(self) -> S:
        """A snapshot of the server's state (any thread)."""
        raise NotImplementedError

    def _state_key(self, state: S) -> tuple[object, ...]:
        """What of a state is worth publishing again when it changes (not its time)."""
        raise NotImplementedError

    def _new_conn(self, sock: socket.socket, peer: str, now: float) -> C:
        raise NotImplementedError

    def _on_data(self, conn: C, data: bytes) -> bool:
        """Handle bytes read, queue replies in `conn.out`; True when a frame completed."""
        raise NotImplementedError

    def _pending(self, conn: C) -> int:
        """Bytes of an incomplete frame buffered for `conn`."""
        raise NotImplementedError

    def _drop_partial(self, conn: C) -> None:
        """Drop a frame that stayed incomplete for `frame_timeout`."""
        raise NotImplementedError

    def _refuse(self, peer: str) -> None:
        """Report a connection closed at once: `max_connections` are open."""
        raise NotImplementedError

    def _on_stopped(self, now: float) -> None:
        """Publish the last states, on the thread's way out."""
        raise NotImplementedError

    def _on_close(self, conn: C, why: str) -> None:
        """A connection is closing (its socket still open): drop what it left."""

    def _on_idle(self, conn: C) -> None:
        self._close(conn, f"silent for {self._limits.idle_timeout:.0f} s")

    def _open_more(self) -> None:
        """Open other sockets than the TCP listener; errors go to `_bind_errors`."""

    def _close_more(self) -> None:
        """Close what `_open_more` opened."""

    def _tick(self, now: float) -> None:
        """Once a sweep, after the timeouts: the protocol's own publishing."""

    # --- sockets ----------------------------------------------------------------------------
    def _bind(self, now: float) -> None:
        """Open what is not open yet; publish the outcome."""
        if self._want_tcp is not None and self._listener is None:
            try:
                sock = listen_tcp(self.host, self._want_tcp)
            except OSError as exc:
                self._bind_errors["tcp"] = exc.strerror or str(exc)
            else:
                self._listener = sock
                self._bind_errors.pop("tcp", None)
                self._sel.register(sock, selectors.EVENT_READ, self._on_accept)
        self._open_more()
        state = self.state()
        if self._bind_errors:
            self._bind_failures += 1
            self._next_bind = now + min(30.0, 2.0 * 2 ** min(self._bind_failures - 1, 4))
            if self._bind_failures == 1:
                self._log.warning("%s: cannot listen: %s; retrying", self._name, state.detail)
                self.sink.publish(WorkerFailed(self._name, state.detail, state.at, True))
        else:
            if self._bind_failures:
                self._log.info("%s: listening after %d failures", self._name, self._bind_failures)
            else:
                self._log.info("%s: listening on %s", self._name, state.detail)
            self._bind_failures = 0
        self._publish(state, now)

    def _wake(self) -> None:
        # OSError: already awake (its buffer is full) or closed.
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")

    def _drain_wake(self) -> None:
        with contextlib.suppress(OSError):
            while self._wake_r.recv(4096):
                pass

    def _close_all(self) -> None:
        for conn in list(self._conns.values()):
            self._close(conn, self._STOPPED)
        if self._listener is not None:
            with contextlib.suppress(KeyError, ValueError):
                self._sel.unregister(self._listener)
            self._listener.close()
            self._listener = None
        self._close_more()
        for sock in (self._wake_r, self._wake_w):
            sock.close()
        self._sel.close()

    # --- the loop ---------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                for key, mask in self._sel.select(self._housekeeping()):
                    data = key.data
                    if callable(data):
                        data()
                    else:
                        self._on_conn(data, mask)
        except Exception as exc:
            self._log.exception("%s failed", self._name)
            message = str(exc) or type(exc).__name__
            self.sink.publish(WorkerFailed(self._name, message, self.clock(), False))
        finally:
            self._stop.set()
            try:
                self._close_all()
            finally:
                self._on_stopped(time.monotonic())

    def _housekeeping(self) -> float:
        """Timeouts, port retries, log summary, states; the seconds until the next round.

        The sweep visits every connection, so it runs once a tick, not once per busy turn of
        the loop.
        """
        now = time.monotonic()
        if now < self._next_sweep:
            return self._next_sweep - now
        self._next_sweep = now + TICK
        limits = self._limits
        for conn in list(self._conns.values()):
            if conn.partial_since is not None and now - conn.partial_since > limits.frame_timeout:
                conn.partial_since = None
                self._drop_partial(conn)
            if now - conn.last_seen > limits.idle_timeout:
                self._on_idle(conn)
        if self._bind_errors and not self._stop.is_set() and now >= self._next_bind:
            self._bind(now)
        self._warn.flush(now)
        self._tick(now)
        if now - self._last_publish >= PUBLISH_EVERY:
            state = self.state()
            if self._state_key(state) != self._published_key:
                self._publish(state, now)
        return TICK

    def _publish(self, state: S, now: float) -> None:
        self._published_key = self._state_key(state)
        self._last_publish = now
        self.sink.publish(state)

    # --- TCP ----------------------------------------------------------------------------------
    def _on_accept(self) -> None:
        assert self._listener is not None
        for _ in range(64):
            try:
                sock, addr = self._listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:  # e.g. EMFILE: out of file descriptors
                self._warn.warning("accept", "%s: accept failed: %s", self._name, exc)
                return
            peer = peer_name(addr)
            if len(self._conns) >= self._limits.max_connections:
                sock.close()
                self._refuse(peer)
                continue
            sock.setblocking(False)
            conn = self._new_conn(sock, peer, time.monotonic())
            with self._lock:
                self._conns[sock.fileno()] = conn
            self._sel.register(sock, selectors.EVENT_READ, conn)
            self._log.debug("%s: connection from %s", self._name, peer)

    def _close(self, conn: C, why: str) -> None:
        fd = conn.sock.fileno()
        if fd >= 0:
            with contextlib.suppress(KeyError, ValueError):
                self._sel.unregister(conn.sock)
        with self._lock:
            self._conns.pop(fd, None)
        self._on_close(conn, why)
        conn.sock.close()

    def _on_conn(self, conn: C, mask: int) -> None:
        if mask & selectors.EVENT_WRITE:
            self._flush(conn)
        if not mask & selectors.EVENT_READ or conn.sock.fileno() < 0:
            return
        try:
            data = conn.sock.recv(self._limits.recv_size)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._close(conn, f"connection error ({exc.strerror or exc})")
            return
        if not data:
            self._close(conn, "connection closed")
            return
        now = time.monotonic()
        conn.last_seen = now
        completed = self._on_data(conn, data)
        if conn.sock.fileno() < 0:
            return
        if not self._pending(conn):
            conn.partial_since = None
        elif completed or conn.partial_since is None:
            conn.partial_since = now
        self._flush(conn)

    def _flush(self, conn: C) -> None:
        """Send what is queued; read no more from a client that leaves its replies unread."""
        if conn.out:
            try:
                sent = conn.sock.send(conn.out)
            except (BlockingIOError, InterruptedError):
                sent = 0
            except OSError as exc:
                self._close(conn, f"connection error ({exc.strerror or exc})")
                return
            del conn.out[:sent]
        limit = self._limits.max_pending_output
        if conn.reading and len(conn.out) > limit:
            conn.reading = False
        elif not conn.reading and len(conn.out) <= limit // 2:
            conn.reading = True
        events = (selectors.EVENT_READ if conn.reading else 0) | (
            selectors.EVENT_WRITE if conn.out else 0
        )
        if events and events != conn.events:
            conn.events = events
            self._sel.modify(conn.sock, events, conn)

"""A TCP relay on 127.0.0.1 in front of a real server that can cut the link, even mid-send.

`cut()` drops every connection and refuses new ones (accepted, then closed at once: the
client sees its connection closed, as over a leased line that went down) until `restore()`.
`cut_at_commit()` arms a one-shot cut of the kind that loses an answer: the next COMMIT any
client sends is passed on to the server (which commits), and the client's side is closed
before the server's reply reaches it. (Statement texts cannot pick the transaction: psycopg
sends a statement used five times by the name it prepared it under.)
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
from dataclasses import dataclass, field

RECV = 65536


@dataclass
class _Pair:
    client: socket.socket
    server: socket.socket
    mute: bool = False  # the client is gone: the server's answer is read and dropped
    pending: dict[int, bytearray] = field(default_factory=dict)  # by destination fd


class TcpRelay:
    """The relay; a thread named "tcp-relay" runs it until `stop()`."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.setblocking(False)
        self.port = int(self._listener.getsockname()[1])
        self._sel = selectors.DefaultSelector()
        self._sel.register(self._listener, selectors.EVENT_READ, None)
        self._pairs: dict[int, _Pair] = {}  # by the fd of either side
        self._lock = threading.Lock()
        self._down = False
        self._commit_cut_armed = False
        self.cuts_at_commit = 0  # how many answers were lost after a commit
        self.refused = 0  # connections refused while cut
        self._stop = threading.Event()
        self._waker_r, self._waker_w = socket.socketpair()
        self._waker_r.setblocking(False)
        self._sel.register(self._waker_r, selectors.EVENT_READ, "wake")
        self._thread = threading.Thread(target=self._run, name="tcp-relay", daemon=True)

    # --- control (any thread) ---------------------------------------------------------------
    def start(self) -> TcpRelay:
        self._thread.start()
        return self

    def cut(self) -> None:
        """Drop every connection and refuse new ones until `restore()`."""
        with self._lock:
            self._down = True
        self._wake()

    def restore(self) -> None:
        """Let connections through again."""
        with self._lock:
            self._down = False
        self._wake()

    def cut_at_commit(self) -> None:
        """Lose the answer to the next COMMIT (the server commits; the client never hears)."""
        with self._lock:
            self._commit_cut_armed = True

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop the thread, close every socket; False if the thread did not end in time."""
        self._stop.set()
        self._wake()
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self._waker_w.send(b"x")

    # --- the thread -------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                with self._lock:
                    down = self._down
                if down:
                    self._drop_all()
                for key, mask in self._sel.select(0.5):
                    if key.data == "wake":
                        with contextlib.suppress(BlockingIOError):
                            self._waker_r.recv(RECV)
                    elif key.fileobj is self._listener:
                        self._accept()
                    else:
                        self._serve(key.fileobj, mask)  # type: ignore[arg-type]
        finally:
            self._drop_all()
            self._sel.close()
            self._listener.close()
            self._waker_r.close()
            self._waker_w.close()

    def _accept(self) -> None:
        try:
            client, _ = self._listener.accept()
        except BlockingIOError:
            return
        with self._lock:
            down = self._down
        if down:
            self.refused += 1
            client.close()
            return
        try:
            server = socket.create_connection(self.target, timeout=5)
        except OSError:
            client.close()
            return
        for s in (client, server):
            s.setblocking(False)
            # No Nagle: a relayed query and its answer must not wait for delayed ACKs.
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        pair = _Pair(client, server)
        pair.pending = {client.fileno(): bytearray(), server.fileno(): bytearray()}
        self._pairs[client.fileno()] = self._pairs[server.fileno()] = pair
        self._sel.register(client, selectors.EVENT_READ, pair)
        self._sel.register(server, selectors.EVENT_READ, pair)

    def _serve(self, sock: socket.socket, mask: int) -> None:
        pair = self._pairs.get(sock.fileno())
        if pair is None:
            return
        if mask & selectors.EVENT_WRITE:
            self._flush(pair, sock)
        if not mask & selectors.EVENT_READ:
            return
        try:
            data = sock.recv(RECV)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._close(pair)
            return
        if sock is pair.client:
            cut_now = False
            if b"COMMIT" in data:
                with self._lock:
                    cut_now, self._commit_cut_armed = self._commit_cut_armed, False
            self._send(pair, pair.server, data)
            if cut_now:
                # The COMMIT goes on; its answer never comes back.
                self.cuts_at_commit += 1
                pair.mute = True
                self._forget(pair.client)
                pair.client.close()
        elif pair.mute:
            self._close(pair)  # the answer to the COMMIT: the server committed; drop it
        else:
            self._send(pair, pair.client, data)

    def _send(self, pair: _Pair, dest: socket.socket, data: bytes) -> None:
        buf = pair.pending[dest.fileno()]
        buf += data
        self._flush(pair, dest)

    def _flush(self, pair: _Pair, dest: socket.socket) -> None:
        buf = pair.pending.get(dest.fileno())
        if buf is None:
            return
        while buf:
            try:
                n = dest.send(buf)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                self._close(pair)
                return
            del buf[:n]
        events = selectors.EVENT_READ | (selectors.EVENT_WRITE if buf else 0)
        with contextlib.suppress(KeyError, ValueError):
            self._sel.modify(dest, events, pair)

    def _forget(self, sock: socket.socket) -> None:
        with contextlib.suppress(KeyError, ValueError, OSError):
            self._sel.unregister(sock)
        with contextlib.suppress(OSError):
            self._pairs.pop(sock.fileno(), None)

    def _close(self, pair: _Pair) -> None:
        for s in (pair.client, pair.server):
            if s.fileno() >= 0:
                self._forget(s)
                s.close()
        for fd in [fd for fd, p in self._pairs.items() if p is pair]:
            del self._pairs[fd]

    def _drop_all(self) -> None:
        for pair in list({id(p): p for p in self._pairs.values()}.values()):
            self._close(pair)

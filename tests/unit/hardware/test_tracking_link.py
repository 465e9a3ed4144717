"""Links: bulk reads, timeouts, close from another thread, loss detection on real ports."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.tracking.link import Link, LinkLost, open_link
from tests.helpers.pty import PtyEnd, PtyPair


@pytest.fixture
def pty(tmp_path: Path) -> Iterator[PtyPair]:
    with PtyPair(tmp_path) as pair:
        yield pair


@pytest.fixture
def server() -> Iterator[socket.socket]:
    srv = socket.create_server(("127.0.0.1", 0))
    yield srv
    srv.close()


def _read_until_lost(link: Link, tries: int = 20) -> None:
    for _ in range(tries):
        link.read_some()


def test_loop_reads_back_what_was_written() -> None:
    link = open_link("loop://", timeout=0.05)
    try:
        assert link.read_some() == b""
        link.write(b"0123456789\r\n" * 100)
        got = b""
        while len(got) < 1200:
            chunk = link.read_some()
            assert chunk
            got += chunk
        assert got == b"0123456789\r\n" * 100
    finally:
        link.close()
    with pytest.raises(LinkLost):
        link.read_some()


def test_pty_bulk_read_and_write_both_ways(pty: PtyPair) -> None:
    link = open_link(pty.a, timeout=0.5)
    far = PtyEnd(pty.b)
    try:
        far.write(b"x" * 5000)
        got = b""
        reads = 0
        while len(got) < 5000:
            got += link.read_some()
            reads += 1
        assert got == b"x" * 5000
        assert reads < 50  # bulk: not one read per byte
        link.write(b"hello")
        assert far.read_available() == b"hello"
    finally:
        far.close()
        link.close()


def test_pty_unplugged_raises_link_lost(pty: PtyPair) -> None:
    link = open_link(f"serial://{pty.a}?baud=9600", timeout=0.2)
    try:
        pty.unplug()
        with pytest.raises(LinkLost):
            _read_until_lost(link)
    finally:
        link.close()
    with pytest.raises(LinkLost, match="cannot open"):
        open_link(pty.a)


def test_close_from_another_thread_wakes_a_blocked_read(pty: PtyPair) -> None:
    link = open_link(pty.a, timeout=30.0)
    outcome: list[BaseException] = []

    def reader() -> None:
        try:
            link.read_some()
        except BaseException as exc:
            outcome.append(exc)

    t = threading.Thread(target=reader, name="test-reader")
    t.start()
    link.close()
    t.join(5)
    assert not t.is_alive()
    assert outcome
    assert isinstance(outcome[0], LinkLost)


def test_socket_reads_and_notices_peer_close(server: socket.socket) -> None:
    port = server.getsockname()[1]
    link = open_link(f"socket://127.0.0.1:{port}", timeout=0.5)
    conn, _ = server.accept()
    try:
        conn.sendall(b"abc" * 1000)
        got = b""
        while len(got) < 3000:
            got += link.read_some()
        assert got == b"abc" * 1000
        link.write(b"ping")
        assert conn.recv(10) == b"ping"
        conn.close()
        with pytest.raises(LinkLost, match="peer closed"):
            _read_until_lost(link)
    finally:
        link.close()


def test_socket_close_from_another_thread_wakes_read(server: socket.socket) -> None:
    port = server.getsockname()[1]
    link = open_link(f"tcp://127.0.0.1:{port}", timeout=30.0)
    conn, _ = server.accept()
    outcome: list[BaseException] = []

    def reader() -> None:
        try:
            link.read_some()
        except BaseException as exc:
            outcome.append(exc)

    t = threading.Thread(target=reader, name="test-reader")
    t.start()
    link.close()
    t.join(5)
    conn.close()
    assert not t.is_alive()
    assert isinstance(outcome[0], LinkLost)


def test_refused_connection_is_link_lost() -> None:
    srv = socket.create_server(("127.0.0.1", 0))
    port = srv.getsockname()[1]
    srv.close()
    with pytest.raises(LinkLost, match="cannot connect"):
        open_link(f"socket://127.0.0.1:{port}")


def test_describe_never_shows_credentials(server: socket.socket) -> None:
    port = server.getsockname()[1]
    link = open_link(f"socket://admin:s3cret@127.0.0.1:{port}?token=abc")
    try:
        assert "s3cret" not in link.describe
        assert "abc" not in link.describe
        assert link.describe == f"socket://127.0.0.1:{port}"
    finally:
        link.close()


@pytest.mark.parametrize("url", ["sim://R001", "http://x:1", "socket://nohost", "serial://"])
def test_addresses_it_cannot_serve_are_value_errors(url: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message varies by address
        open_link(url)

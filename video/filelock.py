"""Exclusive locks between processes on an open file (flock on POSIX, msvcrt on Windows)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

POLL_S = 0.1  # how often a waiting process tries the lock again


class LockTimeout(TimeoutError):
    """Another process held the lock for longer than the caller would wait."""


def try_lock(f: IO[str]) -> bool:
    """Take `f`'s exclusive lock without waiting; False when another process holds it.

    The lock goes with the process: a holder that dies releases it.
    """
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def unlock(f: IO[str]) -> None:
    """Release a lock taken by `try_lock`."""
    if os.name == "nt":
        import msvcrt

        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    import fcntl

    fcntl.flock(f.fileno(), fcntl.LOCK_UN)


@contextmanager
def exclusive(
    path: Path, timeout: float, *, should_stop: Callable[[], bool] | None = None
) -> Iterator[None]:
    """Hold `path`'s lock (the file is created if missing) for the `with` block.

    Waits up to `timeout` s for another process to release it (LockTimeout after that);
    `should_stop` returning True ends the wait early with LockTimeout too.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as f:
        deadline = time.monotonic() + timeout
        while not try_lock(f):
            if time.monotonic() >= deadline or (should_stop is not None and should_stop()):
                raise LockTimeout(f"{path.name} is held by another process")
            time.sleep(POLL_S)
        try:
            yield
        finally:
            unlock(f)

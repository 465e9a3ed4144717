"""Exclusive locks between processes on an open file (flock on POSIX, msvcrt on Windows)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

POLL_S = 0.1  # how often a waiting process tries the lock again
# Windows locks byte ranges, and a locked range cannot be read by other processes: the lock
# sits far past the end of the file, so a lock file's text (a recorder's pid) stays readable,
# and locking and unlocking name the same byte whatever the file position.
_WINDOWS_LOCK_OFFSET = 1 << 30


class LockTimeout(TimeoutError):
    """Another process held the lock for longer than the caller would wait."""


def try_lock(f: IO[str]) -> bool:
    """Take `f`'s exclusive lock without waiting; False when another process holds it.

    The lock goes with the process: a holder that dies releases it.
    """
    if os.name == "nt":
        import msvcrt

        f.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        finally:
            f.seek(0)
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

        f.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        finally:
            f.seek(0)
        return
    import fcntl

    fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def wait_lock(
    f: IO[str],
    timeout: float,
    *,
    should_stop: Callable[[], bool] | None = None,
    satisfied: Callable[[], bool] | None = None,
) -> bool:
    """Take `f`'s lock, waiting up to `timeout` s for its holder; True once held.

    False, without the lock, as soon as `satisfied()` is true (what the lock was wanted for
    has been done by the holder meanwhile). LockTimeout after `timeout`, or early when
    `should_stop()` is true.
    """
    deadline = time.monotonic() + timeout
    while not try_lock(f):
        if satisfied is not None and satisfied():
            return False
        if should_stop is not None and should_stop():
            raise LockTimeout("held by another process; stopped waiting")
        if time.monotonic() >= deadline:
            raise LockTimeout(f"held by another process for over {timeout:g} s")
        time.sleep(POLL_S)
    return True


@contextmanager
def exclusive(
    path: Path,
    timeout: float,
    *,
    should_stop: Callable[[], bool] | None = None,
    satisfied: Callable[[], bool] | None = None,
) -> Iterator[bool]:
    """Hold `path`'s lock (the file is created if missing) for the `with` block.

    Waits as `wait_lock` does and gives its answer: False, without the lock, when
    `satisfied()` came true first.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as f:
        if not wait_lock(f, timeout, should_stop=should_stop, satisfied=satisfied):
            yield False
            return
        try:
            yield True
        finally:
            unlock(f)

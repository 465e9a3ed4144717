"""A native crash leaves every thread's stack in crash.log, and the next start says so."""

from __future__ import annotations

import faulthandler
import os
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from core.timefmt import utcnow

FILE_NAME = "crash.log"
MAX_BYTES = 2_000_000  # started afresh past this: a crash loop must not fill the disk
_START = "=== console started "
_END = "=== console ended"
# What faulthandler writes: a signal on POSIX; on Windows an access violation is written as a
# "Windows fatal exception" (and handled exceptions can write it too: hence the end line).
_FATAL = ("Fatal Python error", "Windows fatal exception")


@dataclass(frozen=True, slots=True)
class PreviousCrash:
    """The last run ended in a native crash: when it had started, and the file's path."""

    started: datetime | None
    path: Path


class CrashLog:
    """faulthandler on a file of the log folder (0600), kept open for the process's life.

    A segmentation fault in Qt or pjsua ends the process before Python's logging can write
    a line: the console vanished, and nothing said why (two first runs saw it). faulthandler
    writes from the signal handler itself.
    """

    def __init__(self, log_dir: Path):
        self.path = log_dir / FILE_NAME
        self.previous = _previous_crash(self.path)
        if self.path.exists() and self.path.stat().st_size > MAX_BYTES:
            # Kept once, beside: the stacks the notice points to are not thrown away.
            kept = self.path.with_name(FILE_NAME + ".1")
            self.path.replace(kept)
            if self.previous is not None:
                self.previous = PreviousCrash(self.previous.started, kept)
        # Personal data can sit in a stack's frames' names no more than in the log: the same
        # owner-only mode as console.log.
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self._file: IO[str] = open(fd, "a", encoding="utf-8")  # noqa: SIM115 - kept open
        self._file.write(f"{_START}{utcnow().isoformat()} pid {os.getpid()}\n")
        self._file.flush()
        self._was_enabled = faulthandler.is_enabled()
        faulthandler.enable(file=self._file, all_threads=True)

    def close(self) -> None:
        """Stop writing (the GUI has ended); a faulthandler that was on before goes back on
        standard error (a test runner's)."""
        faulthandler.disable()
        self._file.write(f"{_END} {utcnow().isoformat()}\n")
        self._file.close()
        if self._was_enabled and sys.__stderr__ is not None:
            faulthandler.enable(file=sys.__stderr__, all_threads=True)


def _previous_crash(path: Path) -> PreviousCrash | None:
    """The last run's section of the file, if it holds a fatal error."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    start = text.rfind(_START)
    if start < 0:
        return None
    section = text[start:]
    if _END in section or not any(mark in section for mark in _FATAL):
        return None
    found = re.match(rf"{re.escape(_START)}(\S+)", text[start:])
    started = None
    if found:
        try:
            started = datetime.fromisoformat(found.group(1))
        except ValueError:
            started = None
    return PreviousCrash(started, path)

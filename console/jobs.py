"""Database jobs for presenters: reads on the reader pool, writes on the one writer thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from console.threads import DbExecutor

log = logging.getLogger(__name__)
T = TypeVar("T")


class Jobs:
    """Runs a job off the GUI thread; its callbacks come back on the GUI thread.

    Every write, permission-denial audits included, goes through `write` and so through one
    thread in submission order (Anki's collection executor); reads may run two at a time.
    A job counts as pending until its callback has run on the GUI thread, so waiting for
    `pending == 0` also waits for the jobs those callbacks start.
    """

    def __init__(
        self,
        reader: DbExecutor,
        writer: DbExecutor,
        on_unhandled: Callable[[BaseException, str], None] | None = None,
    ):
        self.reader = reader
        self.writer = writer
        # A failed job without an error callback: reported here (the notification area).
        self.on_unhandled = on_unhandled
        self._pending = 0

    def read(
        self,
        job: Callable[[], T],
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        label: str = "",
    ) -> None:
        """Run a read job on the reader pool."""
        self._submit(self.reader, job, on_result, on_error, label)

    def write(
        self,
        job: Callable[[], T],
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        label: str = "",
    ) -> None:
        """Run a write job on the writer thread."""
        self._submit(self.writer, job, on_result, on_error, label)

    def defer_write(self, job: Callable[[], Any]) -> None:
        """A write with no callback (a denial audit from a read job); failures are reported."""
        self.write(job, label="audit")

    def _submit(
        self,
        pool: DbExecutor,
        job: Callable[[], T],
        on_result: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        label: str,
    ) -> None:
        self._pending += 1

        def ok(value: T) -> None:
            self._pending -= 1
            if on_result is not None:
                on_result(value)

        def failed(exc: BaseException) -> None:
            self._pending -= 1
            if on_error is not None:
                on_error(exc)
            elif self.on_unhandled is not None:
                self.on_unhandled(exc, label)
            else:
                log.error("job %s failed: %s", label, exc, exc_info=exc)

        pool.submit(job, ok, failed, label)

    @property
    def pending(self) -> int:
        """Jobs whose callbacks have not run yet (GUI thread)."""
        return self._pending

"""Events that cross from workers to the GUI: frozen dataclasses stating facts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class WorkerFailed:
    """A background worker hit an error; it may be retrying (see `retrying`)."""

    worker: str
    message: str
    at: datetime
    retrying: bool


@dataclass(frozen=True, slots=True)
class UnhandledError:
    """An exception nothing handled: a bug, on the thread or in the GUI callback `where` names.

    Published by the excepthooks (main and worker threads) and by the bridge when a GUI-thread
    handler raises; the notification area shows it and the log has the traceback.
    """

    where: str
    message: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ChangesAvailable:
    """change_log advanced: rows up to `last_id` touched these tables.

    `rows` holds the changed row ids of a table when they are known; a table in `tables`
    but not in `rows` changed as a whole (a bulk write), and its readers reload it all.
    """

    last_id: int
    tables: frozenset[str]
    rows: Mapping[str, frozenset[int]] = field(default_factory=dict)

    def ids(self, table: str) -> frozenset[int] | None:
        """The changed ids of `table`; None when it changed as a whole (or not at all)."""
        return self.rows.get(table)


@dataclass(frozen=True, slots=True)
class DatabaseHealth:
    """Whether the shared database answers; `detail` says why not."""

    ok: bool
    detail: str
    at: datetime

"""Events that cross from workers to the GUI: frozen dataclasses stating facts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class WorkerFailed:
    """A background worker hit an error; it may be retrying (see `retrying`)."""

    worker: str
    message: str
    at: datetime
    retrying: bool


@dataclass(frozen=True, slots=True)
class ChangesAvailable:
    """change_log advanced: rows up to `last_id` touched these tables."""

    last_id: int
    tables: frozenset[str]


@dataclass(frozen=True, slots=True)
class DatabaseHealth:
    """Whether the shared database answers; `detail` says why not."""

    ok: bool
    detail: str
    at: datetime

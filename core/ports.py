"""Ports: the small protocols that adapters implement and services depend on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """Source of the current time (UTC, aware); tests inject a fixed one."""

    def __call__(self) -> datetime: ...


class PasswordHasher(Protocol):
    """Hashes and checks passwords (argon2id in production)."""

    def hash(self, password: str) -> str: ...

    def verify(self, stored: str, password: str) -> bool: ...

    def needs_rehash(self, stored: str) -> bool: ...


class EventSink(Protocol):
    """Where workers publish facts; the console's bridge carries them to the GUI thread."""

    def publish(self, event: object) -> None: ...


Callback = Callable[[object], None]

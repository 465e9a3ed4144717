"""Ports: the small protocols that adapters implement and services depend on."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """Source of the current time (UTC, aware); tests inject a fixed one."""

    def __call__(self) -> datetime: ...


class PasswordHasher(Protocol):
    """Hashes and checks passwords (argon2id in production)."""

    def hash(self, password: str) -> str: ...

    def verify(self, stored: str, password: str) -> bool: ...

    def needs_rehash(self, stored: str) -> bool:
        """True if `stored` (a hash, or a reference as hash_like takes) has outdated parameters."""
        ...

    def hash_like(self, reference: str, password: str) -> str:
        """The password hashed with the parameters and salt of `reference` (hash minus digest).

        Equal to the stored hash exactly when the password is right: the shared database
        compares the two itself, so a workstation never needs to read the stored hash.
        """
        ...


class EventSink(Protocol):
    """Where workers publish facts; the console's bridge carries them to the GUI thread."""

    def publish(self, event: object) -> None: ...


class Stoppable(Protocol):
    """A thread (or a few) that an owner stops within one shutdown deadline.

    The owner calls `stop()` on every one, then `interrupt()` on every one, then `join()`
    on each with what is left of the deadline, so they stop in parallel. `stop()` and
    `interrupt()` are called from the owner's thread and must not block.
    """

    @property
    def name(self) -> str:
        """Names the thread in logs and in the list of what did not stop."""
        ...

    @property
    def alive(self) -> bool:
        """True while the thread runs."""
        ...

    def stop(self) -> None:
        """Ask it to stop at its next chance."""

    def interrupt(self) -> None:
        """Wake it from a blocking call (close its socket, serial port or connection)."""

    def join(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds; False if it is still running."""
        ...

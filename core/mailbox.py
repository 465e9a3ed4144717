"""Latest-value mailboxes: producers overwrite one slot per key, the GUI takes the newest values."""

from __future__ import annotations

import threading
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class MailboxStats:
    """A consistent snapshot of a mailbox's counters (for diagnostics panes and logs).

    Every accepted or refused put is accounted for: ``puts == taken + drops + pending``.
    """

    puts: int
    taken: int
    drops: int  # overwritten before taken + refused by the key bound + discarded by forget()
    refused: int  # puts of a new key beyond max_keys (included in drops)
    pending: int  # values waiting for the next take()
    keys: int  # distinct keys known (bounded by max_keys)


class LatestMailbox(Generic[K, V]):
    """One slot per key holding the newest value; older values not yet taken are dropped.

    For high-rate paths where only the newest value matters: decoded frames keyed by camera,
    tag positions keyed by tag. Producers call :meth:`put` from any thread; the consumer (a GUI
    timer) calls :meth:`take` and gets the newest value per key since the previous take. Nothing
    queues up: memory is one slot per key, and a slow consumer sees drops instead of latency.

    A value overwritten before it was taken counts as a drop for its key (as Frigate counts
    skipped frames). With ``max_keys``, the mailbox knows at most that many distinct keys; a put
    of a further new key is refused and counted as dropped, so a flood of bogus tag ids cannot
    grow it without bound. :meth:`forget` or :meth:`clear` release keys.

    Every method is thread-safe; each holds the lock for O(1) work except :meth:`clear` and the
    per-key statistics copies.
    """

    __slots__ = (
        "_dropped",
        "_key_drops",
        "_lock",
        "_max_keys",
        "_pending",
        "_puts",
        "_refused",
        "_taken",
        "name",
    )

    def __init__(self, max_keys: int | None = None, name: str = "") -> None:
        """Create an empty mailbox.

        Args:
            max_keys: The most distinct keys ever held at once (None: unbounded).
            name: For diagnostics only (e.g. ``"frames"``, ``"tags"``).
        """
        if max_keys is not None and max_keys < 1:
            raise ValueError(f"max_keys must be at least 1, not {max_keys}")
        self.name = name
        self._max_keys = max_keys
        self._lock = threading.Lock()
        self._pending: dict[K, V] = {}
        # Every known key, with the drops of its values; doubles as the key bound's registry.
        self._key_drops: dict[K, int] = {}
        self._puts = 0
        self._taken = 0
        self._dropped = 0  # overwritten + forgotten, all attributed to a key once
        self._refused = 0

    @property
    def max_keys(self) -> int | None:
        """The bound on distinct keys, or None."""
        return self._max_keys

    def put(self, key: K, value: V) -> bool:
        """Store the newest value for a key (any thread).

        Returns False if the value was refused (a new key beyond ``max_keys``); the refusal
        counts as a drop. A pending value of the same key that is overwritten counts as a drop.
        """
        with self._lock:
            self._puts += 1
            pending = self._pending
            if key in pending:
                self._key_drops[key] += 1
                self._dropped += 1
            elif key not in self._key_drops:
                if self._max_keys is not None and len(self._key_drops) >= self._max_keys:
                    self._refused += 1
                    return False
                self._key_drops[key] = 0
            pending[key] = value
            return True

    def take(self) -> dict[K, V]:
        """The newest value of every key put since the previous take, and empty the slots.

        Called by the consumer (the GUI timer). The returned dict is the caller's: the mailbox
        keeps no reference to it.
        """
        with self._lock:
            batch = self._pending
            if not batch:
                return {}
            self._pending = {}
            self._taken += len(batch)
            return batch

    def __len__(self) -> int:
        """The number of values waiting for the next take."""
        with self._lock:
            return len(self._pending)

    @property
    def puts(self) -> int:
        """Every put so far, accepted or refused."""
        with self._lock:
            return self._puts

    @property
    def taken(self) -> int:
        """Values handed out by take() so far."""
        with self._lock:
            return self._taken

    @property
    def drops(self) -> int:
        """Values that never reached a take: overwritten, refused or forgotten."""
        with self._lock:
            return self._dropped + self._refused

    @property
    def refused(self) -> int:
        """Puts refused because they named a new key beyond ``max_keys`` (part of drops)."""
        with self._lock:
            return self._refused

    def drops_for(self, key: K) -> int:
        """Values of one key overwritten (or forgotten) before they were taken."""
        with self._lock:
            return self._key_drops.get(key, 0)

    def drops_by_key(self) -> dict[K, int]:
        """Drops of every known key that dropped at least one value (a copy)."""
        with self._lock:
            return {k: n for k, n in self._key_drops.items() if n}

    def keys(self) -> list[K]:
        """The distinct keys the mailbox knows (a copy)."""
        with self._lock:
            return list(self._key_drops)

    def stats(self) -> MailboxStats:
        """All counters, read under one lock so they add up."""
        with self._lock:
            return MailboxStats(
                puts=self._puts,
                taken=self._taken,
                drops=self._dropped + self._refused,
                refused=self._refused,
                pending=len(self._pending),
                keys=len(self._key_drops),
            )

    def forget(self, key: K) -> bool:
        """Drop a key (a camera removed, a tag retired): its pending value counts as a drop.

        Frees its place under ``max_keys`` and its per-key counter. Returns whether it was known.
        """
        with self._lock:
            if key not in self._key_drops:
                return False
            del self._key_drops[key]
            if self._pending.pop(key, _MISSING) is not _MISSING:
                self._dropped += 1
            return True

    def clear(self) -> None:
        """Back to a fresh mailbox: no pending values, no known keys, every counter at zero."""
        with self._lock:
            self._pending = {}
            self._key_drops = {}
            self._puts = self._taken = self._dropped = self._refused = 0

    def __repr__(self) -> str:
        s = self.stats()
        return (
            f"<LatestMailbox {self.name!r} keys={s.keys} pending={s.pending} puts={s.puts} "
            f"taken={s.taken} drops={s.drops}>"
        )


_MISSING = object()

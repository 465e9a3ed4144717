"""A station's local outbox: its own SQLite file, each entry kept under its UUID until sent.

Every press, request and note a station takes is written here first (WAL, synchronous FULL:
the row is on disk before `add` returns) and sent from here to the shared database, which
applies each UUID once (data/services/station.py). Nothing leaves this file but an entry that
was SENT (kept `SENT_KEPT` for the screen, then pruned) or DISCARDED by a person's decision.

The file's schema version is `PRAGMA user_version`. A newer console migrates an older file in
place at open; an older console refuses a newer file and leaves it as it is, as data/migrate.py
does for the database.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import uuid as uuid_mod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from core.ports import Clock
from core.station import EntryKind, OutboxItem, SendState
from core.station_codec import Entry, from_json, kind_of, summary, to_json
from core.timefmt import as_utc, utcnow

OUTBOX_VERSION = 2  # PRAGMA user_version of a file this version writes
SENT_KEPT = timedelta(days=7)  # sent entries stay listed this long, then are pruned
BUSY_TIMEOUT_MS = 5000
# Kept for the screen: everything not yet sent, and what was sent or dropped recently.
_OPEN = (SendState.WAITING.value, SendState.CONFLICT.value, SendState.REFUSED.value)


class OutboxError(Exception):
    """The outbox file cannot be used as it is (newer, damaged); the message says what to do."""


def _v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE entry ("
        " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        " uuid TEXT NOT NULL UNIQUE,"
        " kind TEXT NOT NULL,"
        " payload TEXT NOT NULL,"
        " photo BLOB,"
        " summary TEXT NOT NULL,"
        " created_at TEXT NOT NULL,"
        " state TEXT NOT NULL,"
        " attempts INTEGER NOT NULL DEFAULT 0,"
        " detail TEXT NOT NULL DEFAULT '',"
        " server_ref TEXT NOT NULL DEFAULT '')"
    )
    conn.execute("CREATE INDEX ix_entry_state ON entry (state, seq)")


def _v2(conn: sqlite3.Connection) -> None:
    # When it left (pruning counts from there, not from when it was taken), and what the panel
    # path made of a panic taken while the link was down ("" not tried).
    conn.execute("ALTER TABLE entry ADD COLUMN sent_at TEXT")
    conn.execute("ALTER TABLE entry ADD COLUMN panel TEXT NOT NULL DEFAULT ''")


# Step n takes a file from version n to n + 1; never change a step once released.
STEPS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2)


def _private_file(path: Path) -> None:
    """Create the file (and its folder) readable by this user only: it holds residents'
    names and phone numbers until they are sent."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


@dataclass(frozen=True, slots=True)
class Pending:
    """An entry to send: its UUID, the entry itself, how often it was tried."""

    uuid: str
    kind: EntryKind
    entry: Entry
    attempts: int
    panel: str  # "" not tried; else what the panel path answered


def _ts(value: datetime) -> str:
    return as_utc(value).isoformat()


class Outbox:
    """The outbox file; any thread (one connection behind a lock, each call short)."""

    def __init__(
        self, path: Path, *, clock: Clock = utcnow, migrate_to: int = OUTBOX_VERSION
    ) -> None:
        self.path = Path(path)
        self.clock = clock
        self._lock = threading.Lock()
        _private_file(self.path)
        try:
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=5.0
            )
        except sqlite3.Error as exc:
            raise OutboxError(f"The station's outbox {self.path} cannot be opened: {exc}") from exc
        self._conn = conn
        try:
            self._prepare(migrate_to)
        except BaseException:
            conn.close()
            raise

    def _prepare(self, target: int) -> None:
        conn = self._conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise OutboxError(
                f"The station's outbox {self.path} is damaged ({exc}). It was not changed; "
                "keep it for the administrator and phone the centre about anything it held."
            ) from exc
        if version > len(STEPS):
            raise OutboxError(
                f"The station's outbox {self.path} was written by a newer version of the console "
                f"(outbox version {version}; this version knows up to {len(STEPS)}). It was not "
                "changed. Install the newer console on this station."
            )
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode is None or str(mode[0]).lower() != "wal":
            raise OutboxError(f"The station's outbox {self.path} cannot use WAL: {mode}")
        # FULL: an entry is on disk when `add` returns, even through a power cut.
        conn.execute("PRAGMA synchronous = FULL")
        if version < target:
            with self._tx():
                for step in STEPS[version:target]:
                    step(conn)
                conn.execute(f"PRAGMA user_version = {target}")

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction under the lock."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @property
    def version(self) -> int:
        """The file's schema version."""
        with self._lock:
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        """Close the file (a checkpoint folds the WAL in)."""
        with self._lock:
            self._conn.close()

    # --- writes ---------------------------------------------------------------------------
    def add(self, entry: Entry) -> OutboxItem:
        """Keep a new entry under a new UUID, WAITING; on disk when this returns."""
        key = str(uuid_mod.uuid4())
        kind = kind_of(entry)
        now = self.clock()
        photo = getattr(entry, "photo", b"") or None
        line = summary(entry)
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO entry (uuid, kind, payload, photo, summary, created_at, state) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, kind.value, to_json(entry), photo, line, _ts(now), SendState.WAITING.value),
            )
        return OutboxItem(key, kind, line, now, SendState.WAITING)

    def tried(self, uuid: str, detail: str) -> None:
        """One more attempt that did not get an answer (the entry keeps WAITING)."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE entry SET attempts = attempts + 1, detail = ? WHERE uuid = ?",
                (detail, uuid),
            )

    def settle(self, uuid: str, state: SendState, server_ref: str = "", detail: str = "") -> None:
        """Record the server's answer (SENT, CONFLICT, REFUSED) or a person's (DISCARDED)."""
        sent_at = _ts(self.clock()) if state in (SendState.SENT, SendState.DISCARDED) else None
        with self._tx() as conn:
            conn.execute(
                "UPDATE entry SET state = ?, server_ref = ?, detail = ?, "
                "attempts = attempts + 1, sent_at = COALESCE(?, sent_at) WHERE uuid = ?",
                (state.value, server_ref, detail, sent_at, uuid),
            )
            if sent_at is not None:
                # A survey's answers (and, in an anonymous round, who gave them) stay on the
                # station only until the shared database has them.
                conn.execute(
                    "UPDATE entry SET payload = '{}' WHERE uuid = ? AND kind = ?",
                    (uuid, EntryKind.SURVEY.value),
                )

    def set_panel(self, uuid: str, outcome: str, detail: str) -> None:
        """What the panel path made of a panic taken while the link was down."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE entry SET panel = ?, detail = ? WHERE uuid = ?", (outcome, detail, uuid)
            )

    def prune(self, keep: timedelta = SENT_KEPT) -> int:
        """Forget entries sent or discarded more than `keep` ago; how many went."""
        cutoff = _ts(self.clock() - keep)
        with self._tx() as conn:
            cur = conn.execute(
                "DELETE FROM entry WHERE state IN (?, ?) AND sent_at < ?",
                (SendState.SENT.value, SendState.DISCARDED.value, cutoff),
            )
            return cur.rowcount

    # --- reads ----------------------------------------------------------------------------
    def waiting(self, limit: int = 100, state: SendState = SendState.WAITING) -> list[Pending]:
        """Entries in `state` (WAITING unless asked), oldest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT uuid, kind, payload, photo, attempts, panel FROM entry "
                "WHERE state = ? ORDER BY seq LIMIT ?",
                (state.value, limit),
            ).fetchall()
        out = []
        for key, kind, payload, photo, attempts, panel in rows:
            try:
                k = EntryKind(kind)
                out.append(Pending(key, k, from_json(k, payload, photo or b""), attempts, panel))
            except ValueError as exc:
                # A row this version cannot read must not hold up the ones behind it: it is
                # shown as refused, and kept in the file for the administrator.
                self.settle(key, SendState.REFUSED, detail=f"damaged entry: {exc}")
        return out

    def count(self, state: SendState = SendState.WAITING) -> int:
        """How many entries are in `state`."""
        with self._lock:
            row = self._conn.execute(
                "SELECT count(*) FROM entry WHERE state = ?", (state.value,)
            ).fetchone()
        return int(row[0])

    def items(self, keep: timedelta = SENT_KEPT) -> list[OutboxItem]:
        """What the screen lists: every entry not sent, and those sent within `keep`; oldest
        first."""
        cutoff = _ts(self.clock() - keep)
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_ITEM} FROM entry WHERE state IN (?, ?, ?) OR sent_at >= ? ORDER BY seq",
                (*_OPEN, cutoff),
            ).fetchall()
        return [_item(row) for row in rows]

    def item(self, uuid: str) -> OutboxItem | None:
        """One entry as the screen shows it, None when unknown or pruned."""
        with self._lock:
            row = self._conn.execute(
                f"SELECT {_ITEM} FROM entry WHERE uuid = ?", (uuid,)
            ).fetchone()
        return None if row is None else _item(row)


_ITEM = "uuid, kind, summary, created_at, state, attempts, detail, server_ref"


def _item(row: tuple[str, str, str, str, str, int, str, str]) -> OutboxItem:
    key, kind, line, created, state, attempts, detail, ref = row
    return OutboxItem(
        uuid=key,
        kind=EntryKind(kind),
        summary=line,
        created_at=datetime.fromisoformat(created),
        state=SendState(state),
        attempts=attempts,
        detail=detail,
        server_ref=ref,
    )

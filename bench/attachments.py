"""Attachments: adding and opening a 10 MB file, against hashing and writing the same bytes."""

from __future__ import annotations

import hashlib
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SIZE = 10 * 1024 * 1024  # a large phone photo or a short clip


def _time(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median seconds of `fn()` (warm: the first call is not counted)."""
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def table_rows() -> list[tuple[str, float, float, str]]:
    """(what, ms, baseline ms, note) rows on a fresh SQLite file."""
    from console.paths import demo_site_file
    from core.model import Priority
    from core.site import load_site
    from data.context import ServiceContext
    from data.migrate import open_database
    from data.seeding import seed_site
    from data.services import Services
    from data.services.attachments import AttachmentService
    from tests.helpers.fakes import fast_hasher

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(f"sqlite:///{folder / 'bench.db'}")
        try:
            svc = Services.build(ServiceContext(db, workstation="CC"), hasher=fast_hasher())
            seed_site(db, load_site(demo_site_file()), svc, population=0)
            who = svc.signin.principal("operator")
            iid = svc.incidents.create(who, title="bench", priority=Priority.P3, community="C01")
            att = AttachmentService(svc.ctx, folder / "attachments")
            head = b"\x89PNG\r\n\x1a\n"
            counter = iter(range(1_000_000))

            def fresh() -> bytes:
                # New content each time: no run is deduplicated against the last.
                return head + next(counter).to_bytes(8, "big") + os.urandom(SIZE - 16)

            def add() -> None:
                att.add(who, iid, "photo.png", fresh())

            plain = folder / "plain.bin"

            def hash_and_write() -> None:
                data = fresh()
                hashlib.sha256(data).hexdigest()
                plain.write_bytes(data)

            row = att.add(who, iid, "open.png", fresh())

            def open_cached() -> None:
                att.open(who, row.id)

            def hash_file() -> None:
                hashlib.sha256(plain.read_bytes()).hexdigest()

            def open_uncached() -> None:
                for f in att.cache_dir.rglob(f"{row.sha256}*"):
                    f.unlink()
                att.open(who, row.id)

            add_ms, base_add_ms = 1000 * _time(add), 1000 * _time(hash_and_write)
            open_ms, base_open_ms = 1000 * _time(open_cached), 1000 * _time(hash_file)
            uncached_ms = 1000 * _time(open_uncached)
        finally:
            db.dispose()
    mb = SIZE // (1024 * 1024)
    return [
        (
            f"add a {mb} MB attachment (ms)",
            add_ms,
            base_add_ms,
            "check, hash, blob + row + event + audit in one transaction; baseline: hash and "
            "write the bytes to a file",
        ),
        (
            f"open a {mb} MB attachment, cached (ms)",
            open_ms,
            base_open_ms,
            "re-hash the cached copy + audit row; baseline: read and hash the file",
        ),
        (
            f"open a {mb} MB attachment, not cached (ms)",
            uncached_ms,
            open_ms,
            "read the blob, verify, write 0600 copy + audit; baseline: the cached open",
        ),
    ]


if __name__ == "__main__":
    for what, ms, base, note in table_rows():
        print(f"{what:<44} {ms:8.1f}  baseline {base:8.1f}  ×{ms / base:5.2f}  {note}")

"""Tracking end to end: UHF frames over TCP → the reader adapters → journal → locate → rules → DB.

`python -m bench.tracking_e2e [--readers 8] [--tags 1000] [--warmup 5] [--window 15] [--no-pg]
[--rate N] [--base-n 100000] [--py-spy FILE]`: the demo site seeded (5,000 residents) in a
temporary SQLite file and on a throw-away PostgreSQL server (as the workstation's
least-privilege role); its tracked people's tags re-coded as 96-bit EPCs, since the UHF
protocol carries 12 to 62 bytes. A feeder *process*
(it does not take the measured process's interpreter lock) listens on one 127.0.0.1 port per
reader and writes tag notice frames at full speed (or `--rate` frames/s in all), each tag heard
by its home reader and 2 % of the time by another, weaker. The measured process runs the
production `UhfBinaryReader`s, built by `console.tracking_runtime.READER_ADAPTERS` as the
console builds them (heartbeats, silence timeout), with a `socket://` address, delivering into
the real `TrackingIngest` with its journal.

The figure: reads committed to the database per second (the ingest's journal mark) over the
window after the warm-up. Beside it: frames the readers parsed, reads the ingest accepted,
those that overflowed its queue (journal only), what was journaled but not committed at the
window's end, and the CPU seconds of each thread (/proc/self/task) and of the feeder.
Baseline in the same run, right after: the same ingest on the same database fed ready-made
TagReads by `accept_many` (bench/tracking_ingest.py, chunks of 100), i.e. without the readers.
As there, what exists before the clock starts (seeded data, the feeder's prepared blocks) is
frozen out of the garbage collector.
"""

from __future__ import annotations

import argparse
import gc
import math
import multiprocessing as mp
import os
import random
import select
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event as MpEvent
from pathlib import Path
from typing import Any

Row = tuple[str, float, float, str]
EPC_PREFIX = "E2801160"  # 8 hex digits before the tag id: 96-bit EPCs (24 hex digits)
BLOCK_ROUNDS = 20  # each reader's block: its tags this many times, in random order


# --- the feeder (a separate process) ------------------------------------------------------------


def _feed(
    blocks: list[bytes], frame_counts: list[int], rate: float, conn: Connection, stop: MpEvent
) -> None:
    """Listen on one port per block, send the block over and over to whoever connects; report
    the ports, then (when `stop` is set) the frames sent per connection and CPU seconds."""
    servers = []
    for _ in blocks:
        srv = socket.create_server(("127.0.0.1", 0))
        servers.append(srv)
    conn.send([s.getsockname()[1] for s in servers])
    sent = [0] * len(blocks)
    per_conn = rate / len(blocks) if rate > 0 else 0.0

    def serve(i: int) -> None:
        srv, block, frames = servers[i], blocks[i], frame_counts[i]
        srv.settimeout(0.5)
        size = len(block) // frames  # every frame of a block has the same length
        view = memoryview(block * 2)  # a window of up to one block from any offset
        step = (100 if per_conn > 0 else 2000) * size  # paced: 100 frames at a time
        while not stop.is_set():
            try:
                sock, _ = srv.accept()
            except TimeoutError:
                continue
            sock.setblocking(False)  # select + send: the bytes a send took are counted
            t0, done, off = time.monotonic(), 0, 0
            try:
                while not stop.is_set():
                    if per_conn > 0:
                        delay = t0 + done / size / per_conn - time.monotonic()
                        if delay > 0:
                            time.sleep(delay)
                    if not select.select([], [sock], [], 0.5)[1]:
                        continue  # the reader's buffer is full: it is behind
                    n = sock.send(view[off : off + step])
                    done += n
                    off = (off + n) % len(block)
            except OSError:
                pass  # the reader went away
            finally:
                sent[i] += done // size
                sock.close()

    threads = [
        threading.Thread(target=serve, args=(i,), name=f"feeder-{i}", daemon=True)
        for i in range(len(blocks))
    ]
    for t in threads:
        t.start()
    stop.wait()
    for t in threads:
        t.join(5)
    ru = os.times()
    conn.send((sent, ru.user + ru.system))


@dataclass
class _Feeder:
    proc: Any
    conn: Connection
    stop: MpEvent
    ports: list[int]
    sent: list[int] = field(default_factory=list)
    cpu_s: float = 0.0

    def finish(self) -> None:
        self.stop.set()
        if self.conn.poll(15):
            self.sent, self.cpu_s = self.conn.recv()
        self.proc.join(10)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)


def _start_feeder(blocks: list[bytes], counts: list[int], rate: float) -> _Feeder:
    ctx = mp.get_context("spawn")  # no fork of a process with threads and open databases
    parent, child = ctx.Pipe()
    stop = ctx.Event()
    proc = ctx.Process(
        target=_feed, args=(blocks, counts, rate, child, stop), name="bench-feeder", daemon=True
    )
    proc.start()
    if not parent.poll(30):
        proc.kill()
        raise RuntimeError("the feeder did not start")
    return _Feeder(proc, parent, stop, parent.recv())


# --- what is measured ---------------------------------------------------------------------------


def _epc(code: str) -> str:
    return EPC_PREFIX + code.rjust(16, "0")


def _is_hex(code: str) -> bool:
    try:
        bytes.fromhex(code)
    except ValueError:
        return False
    return True


def _recode_tags(db: Any) -> None:
    """The tracked people's EM4100 demo codes → 96-bit EPCs (the same tags, UHF ids)."""
    from sqlalchemy import select, update

    from data.models import Tag

    with db.session() as s:
        rows = s.execute(select(Tag.id, Tag.code).where(Tag.kind == "person")).all()
        for tag_id, code in rows:
            if not _is_hex(code):
                continue  # a GPS tracker's device code: not a UHF tag
            s.execute(update(Tag).where(Tag.id == tag_id).values(code=_epc(code)))
        s.commit()


def _blocks(
    codes: list[tuple[str, str | None]], readers: list[Any]
) -> tuple[list[bytes], list[int]]:
    """Each reader's bytes: its home tags (strong) and 2 % of reads of others' (weak)."""
    from hardware.tracking.uhf_binary import tag_notice_frame

    rng = random.Random(7)
    chosen = [r.code for r in readers]
    by_comm: dict[str, list[int]] = {}
    for i, r in enumerate(readers):
        by_comm.setdefault(r.community, []).append(i)
    heard: list[list[tuple[bytes, int]]] = [[] for _ in readers]
    for n, (code, comm) in enumerate(codes):
        own = by_comm.get(comm or "")
        home = rng.choice(own) if own else n % len(chosen)
        epc = bytes.fromhex(code)
        for _ in range(BLOCK_ROUNDS):
            if rng.random() < 0.02:
                heard[rng.randrange(len(chosen))].append((epc, round(rng.gauss(-75, 3))))
            else:
                heard[home].append((epc, round(rng.gauss(-58, 3))))
    blocks, counts = [], []
    for reads in heard:
        rng.shuffle(reads)
        blocks.append(b"".join(tag_notice_frame(e, 1 + rng.randrange(4), r) for e, r in reads))
        counts.append(len(reads))
    return blocks, counts


def _thread_cpu() -> dict[int, float]:
    """CPU seconds (user + system) of each thread of this process, by native id."""
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[int, float] = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat") as f:
                fields = f.read().rpartition(")")[2].split()
        except OSError:
            continue  # the thread ended meanwhile
        out[int(tid)] = (int(fields[11]) + int(fields[12])) / tick
    return out


def _cpu_split(before: dict[int, float], after: dict[int, float], seconds: float) -> str:
    """ "name 0.83" per thread group: CPU seconds per wall second over the window."""
    names = {t.native_id: t.name for t in threading.enumerate() if t.native_id is not None}
    groups: dict[str, float] = {}
    for tid, cpu in after.items():
        name = names.get(tid, f"tid {tid}")
        group = "uhf readers" if name.startswith("uhf:") else name
        groups[group] = groups.get(group, 0.0) + cpu - before.get(tid, 0.0)
    parts = sorted(groups.items(), key=lambda kv: -kv[1])
    return ", ".join(f"{name} {cpu / seconds:.2f}" for name, cpu in parts if cpu > 0.005)


class _Sink:
    def publish(self, event: object) -> None:
        pass


@dataclass
class Result:
    """One end-to-end run's figures."""

    committed_per_s: float
    parsed_per_s: float
    accepted_per_s: float
    sent: int = 0
    parsed: int = 0
    accepted: int = 0
    committed: int = 0
    overflowed: int = 0
    waiting: int = 0  # journaled, not committed at the window's end
    left: int = 0  # journaled, not committed after the ingest stopped (for its next start)
    refused: int = 0
    reader_errors: int = 0
    dropped_bytes: int = 0
    reconnects: int = 0
    batches: int = 0
    cpu: str = ""
    feeder_cpu: float = 0.0
    load: str = ""


def _e2e(
    db: Any,
    site: Any,
    folder: Path,
    *,
    n_readers: int,
    n_tags: int,
    warmup: float,
    window: float,
    rate: float,
) -> Result:
    """The readers and the ingest in this process, the feeder in another; see the module."""
    from console.startup import local_services
    from console.tracking_runtime import READER_ADAPTERS
    from core.timefmt import utcnow
    from core.tracking_plan import TrackingPlan
    from data.journal import Journal
    from data.tracking_ingest import TrackingIngest
    from data.tracking_pipeline import build_pipeline

    tracking = local_services(db, "CC").tracking
    people = [s for s in tracking.subjects() if s.kind == "person" and len(s.code) == 24]
    people = people[:n_tags]
    codes = [(s.code, s.community) for s in people]
    readers = _spread(site.readers, n_readers)
    blocks, counts = _blocks(codes, readers)
    sink = _Sink()
    ingest = TrackingIngest(
        tracking,
        TrackingPlan.of(site),
        build_pipeline(site, tracking, utcnow()),
        sink,
        Journal(folder / "journal"),
    )
    feeder = _start_feeder(blocks, counts, rate)
    make = READER_ADAPTERS["binary-serial"]
    adapters: list[Any] = [
        make(
            replace(spec, protocol="binary-serial", address=f"socket://127.0.0.1:{port}"),
            ingest.accept,
            sink,
            utcnow,
        )
        for spec, port in zip(readers, feeder.ports, strict=True)
    ]
    gc.collect()
    gc.freeze()  # the seeded data and the prepared blocks: long-lived, as in a running console
    ingest.start()
    try:
        while ingest.done < 0:
            time.sleep(0.01)
        for a in adapters:
            a.start()
        time.sleep(warmup)
        f0, a0, d0, c0 = _frames(adapters), ingest.accepted, ingest.done, _thread_cpu()
        t0 = time.perf_counter()
        spy = _py_spy(window)
        time.sleep(window)
        f1, a1, d1, c1 = _frames(adapters), ingest.accepted, ingest.done, _thread_cpu()
        elapsed = time.perf_counter() - t0
        waiting = ingest.journal.last_seq - ingest.done
        accepted, committed, overflowed = ingest.accepted, ingest.done, ingest.overflowed
        load = Path("/proc/loadavg").read_text().split()[:3]
        cpu = _cpu_split(c0, c1, elapsed)
        states = [a.state() for a in adapters]
        if spy is not None:
            spy.wait(60)
    finally:
        for a in adapters:
            a.stop()
        feeder.finish()
        for a in adapters:
            a.interrupt()
        for a in adapters:
            a.join(5)
        ingest.stop()
        ingest.join(30)
        left = ingest.journal.last_seq - ingest.done  # after its 2 s drain at stop
        ingest.journal.close()
        gc.unfreeze()
    extra = [s.extra for s in states]
    return Result(
        committed_per_s=(d1 - d0) / elapsed,
        parsed_per_s=(f1 - f0) / elapsed,
        accepted_per_s=(a1 - a0) / elapsed,
        sent=sum(feeder.sent),
        parsed=sum(s.frames for s in states),
        accepted=accepted,
        committed=committed,
        overflowed=overflowed,
        waiting=waiting,
        left=left,
        refused=sum(e.get("refused", 0) for e in extra),
        reader_errors=sum(s.errors for s in states) + sum(e.get("reader_errors", 0) for e in extra),
        dropped_bytes=sum(e.get("dropped_bytes", 0) for e in extra),
        reconnects=sum(s.reconnects for s in states),
        batches=ingest.batches,
        cpu=cpu,
        feeder_cpu=feeder.cpu_s,
        load=" ".join(load),
    )


PROFILE: str | None = None  # `--py-spy FILE`: py-spy's raw stacks of the window, by thread


def _py_spy(window: float) -> subprocess.Popen[bytes] | None:
    """py-spy sampling this process over the window (it slows what it samples: a figure
    taken with it is not the figure)."""
    if PROFILE is None:
        return None
    spy = Path(sys.executable).with_name("py-spy")
    cmd = [str(spy), "record", "--pid", str(os.getpid()), "--duration", str(int(window))]
    cmd += ["--rate", "100", "--format", "raw", "--threads", "--output", PROFILE]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _frames(adapters: list[Any]) -> int:
    return sum(a.state().frames for a in adapters)


def _spread(readers: list[Any], n: int) -> list[Any]:
    """n readers, one community after another's (the first reader of each, then the second…)."""
    by_comm: dict[str, list[Any]] = {}
    for r in readers:
        by_comm.setdefault(r.community, []).append(r)
    out: list[Any] = []
    depth = 0
    while len(out) < n and depth < max(len(v) for v in by_comm.values()):
        out += [v[depth] for v in by_comm.values() if depth < len(v)][: n - len(out)]
        depth += 1
    return out


def _row(label: str, r: Result, base: float, n_readers: int, n_tags: int, window: float) -> Row:
    note = (
        f"{n_readers} readers × ~{n_tags // max(n_readers, 1)} tags over TCP, {window:g} s "
        f"window: parsed {r.parsed_per_s:,.0f}/s, accepted {r.accepted_per_s:,.0f}/s; "
        f"at the window's end: accepted {r.accepted:,}, committed {r.committed:,}, journaled "
        f"not committed {r.waiting:,}, journal only (queue full) {r.overflowed:,}; at stop: "
        f"sent {r.sent:,}, parsed {r.parsed:,}, {r.batches:,} batches, left in the journal "
        f"{r.left:,}, refused {r.refused}, frame errors {r.reader_errors}, dropped bytes "
        f"{r.dropped_bytes}, reconnects {r.reconnects}; "
        f"CPU/s by thread: {r.cpu}; feeder process {r.feeder_cpu:.1f} CPU-s in all; "
        f"load {r.load}; baseline: the ingest fed ready-made reads (accept_many of 100)"
    )
    return (label, r.committed_per_s, base, note)


def e2e_rows(
    n_readers: int = 8,
    n_tags: int = 1000,
    warmup: float = 5.0,
    window: float = 15.0,
    rate: float = 0.0,
    pg: bool = True,
    base_n: int = 100_000,
) -> list[Row]:
    """(measure, value, baseline, note) rows: SQLite and PostgreSQL reads/s committed."""
    from bench.tracking_ingest import _run, _seeded_sqlite
    from console.paths import demo_site_file
    from core.site import load_site

    site = load_site(demo_site_file())
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-e2e-") as tmp:
        folder = Path(tmp)
        db = _seeded_sqlite(folder, site)
        try:
            _recode_tags(db)
            r = _e2e(
                db,
                site,
                folder / "e2e",
                n_readers=n_readers,
                n_tags=n_tags,
                warmup=warmup,
                window=window,
                rate=rate,
            )
            base = _run(db, site, base_n, folder / "base")[0] if base_n > 0 else math.nan
        finally:
            db.dispose()
        rows.append(
            _row("tracking e2e SQLite, reads/s committed", r, base, n_readers, n_tags, window)
        )
        if pg:
            rows.append(_pg_row(site, folder, n_readers, n_tags, warmup, window, rate, base_n))
    return rows


def _pg_row(
    site: Any,
    folder: Path,
    n_readers: int,
    n_tags: int,
    warmup: float,
    window: float,
    rate: float,
    base_n: int,
) -> Row:
    from bench.tracking_ingest import _run
    from console.startup import local_services
    from data.fieldcrypt import ensure_field_keys
    from data.migrate import open_database
    from data.pgroles import WORKSTATION_ROLE
    from data.seeding import seed_site
    from tests.helpers.postgres import setup_console_roles, start_postgres

    srv = start_postgres()
    try:
        owner = open_database(srv.create_database("bench_e2e"))
        keys = folder / "pgkeys"
        ensure_field_keys(keys)
        services = local_services(owner, "CC")
        services.ctx.keys = keys
        seed_site(owner, site, services, population=5000)
        _recode_tags(owner)
        setup_console_roles(owner, [], {WORKSTATION_ROLE: "bench-ws-pw"})
        owner.dispose()
        ws = open_database(srv.url("bench_e2e", password="bench-ws-pw", user=WORKSTATION_ROLE))
        try:
            r = _e2e(
                ws,
                site,
                folder / "pg-e2e",
                n_readers=n_readers,
                n_tags=n_tags,
                warmup=warmup,
                window=window,
                rate=rate,
            )
            base = _run(ws, site, base_n, folder / "pg-base")[0] if base_n > 0 else math.nan
        finally:
            ws.dispose()
    finally:
        srv.stop()
    return _row(
        "tracking e2e PostgreSQL (scc_ws), reads/s committed", r, base, n_readers, n_tags, window
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--readers", type=int, default=8)
    p.add_argument("--tags", type=int, default=1000)
    p.add_argument("--warmup", type=float, default=5.0)
    p.add_argument("--window", type=float, default=15.0)
    p.add_argument("--rate", type=float, default=0.0, help="frames/s in all (0: full speed)")
    p.add_argument("--base-n", type=int, default=100_000, help="baseline reads (0: none)")
    p.add_argument("--no-pg", action="store_true")
    p.add_argument("--py-spy", metavar="FILE", help="profile the window into FILE (raw stacks)")
    args = p.parse_args()
    global PROFILE
    PROFILE = args.py_spy
    rows = e2e_rows(
        args.readers, args.tags, args.warmup, args.window, args.rate, not args.no_pg, args.base_n
    )
    for label, value, base, note in rows:
        print(f"{label}: {value:,.0f}/s (baseline {base:,.0f}/s, {value / base:.2f}×) — {note}")


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    main()

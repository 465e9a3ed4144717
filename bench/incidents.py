"""Incidents across workstations: how soon another desk's change shows, its GUI cost, RSS at 1M.

`python -m bench.incidents` prints the table; `python -m bench` includes its rows. Three measures,
each with a same-run baseline:

- change to queue: a real console (offscreen, signed in as the operator) on a database holding
  20,000 open incidents, while workstation WS02, a process of its own, creates new P1
  incidents one at a time, 100 ms apart. Latency runs from WS02 issuing COMMIT to the row
  entering the console's queue model (its rowsInserted), both on CLOCK_MONOTONIC. Baselines:
  the feed's poll interval (SQLite), a plain psycopg LISTEN/NOTIFY round trip (PostgreSQL).
- GUI thread per incoming change: wall time of IncidentsPresenter._merge in that same run;
  baseline: the same row lists swapped into a copy of the queue model with a full model reset
  (beginResetModel/endResetModel, a view attached), replayed afterwards in the same process.
- RSS: bench/probe.py's console probe against a seeded database without incidents and against
  the same with 1,000,000 incidents (bench/queue.py's fill, ~2 % open).

PostgreSQL runs on a throw-away server (tests/helpers/postgres.py's start_postgres), stopped at
the end; without initdb/pg_ctl only SQLite is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OPEN_N = 20_000
ARRIVALS = 50
SPACING_MS = 100
POLL_S = 1.0  # ConsoleOptions' default poll interval
SETTLE_MS = 1500  # after sign-in: first loads done, the change feed listening
TAIL_S = 5.0  # how long the last arrivals may take before they count as never shown
RSS_RUNS = 2
Row = tuple[str, float, float, str]


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))


def _pct(xs: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no samples."""
    if not xs:
        return float("nan")
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(q / 100 * len(s) + 0.5) - 1))]


# --- databases --------------------------------------------------------------------------------


def _seed(url: str) -> None:
    """The demo site's structure and accounts, no residents, no incidents."""
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from data.migrate import open_database
    from data.seeding import seed_site

    db = open_database(url)
    try:
        seed_site(db, load_site(demo_site_file()), local_services(db, "CC"), population=0)
    finally:
        db.dispose()


def _fill_open(url: str, n: int) -> None:
    """n open incidents of the last two weeks, none of them a new P1.

    The arrivals are new P1s: they sort to the top of the first page, where the console shows
    them. Older new P1s would push them past the page the console has loaded.
    """
    from sqlalchemy import insert, select

    from bench.queue import incident_row
    from data.migrate import open_database
    from data.models import Community, Incident

    rnd = random.Random(20261130)
    t0 = datetime.now(UTC) - timedelta(days=14)
    states = ("new", "acknowledged", "dispatched", "on_scene")
    db = open_database(url)
    try:
        with db.session() as s:
            cids = list(s.scalars(select(Community.id)))
            batch = []
            for i in range(n):
                prio = rnd.randint(1, 4)
                state = rnd.choice(states)
                if prio == 1 and state == "new":
                    state = "acknowledged"
                at = t0 + timedelta(seconds=i * 60)
                batch.append(incident_row(i, prio, state, rnd.choice(cids), at))
            s.execute(insert(Incident), batch)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    finally:
        db.dispose()


def _fill_million(url: str, n: int) -> None:
    from bench.queue import _fill
    from data.migrate import open_database

    db = open_database(url)
    try:
        _fill(db, n)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    finally:
        db.dispose()


# --- WS02: a workstation of its own, in a process of its own ----------------------------------


def _writer(url: str) -> None:
    """Create one P1 per "go" line on stdin; at EOF print [(id, commit issued at)] as JSON."""
    from sqlalchemy import event

    from core.model import Priority
    from data.context import ServiceContext
    from data.migrate import open_database
    from data.services import Services

    db = open_database(url)
    services = Services.build(ServiceContext(db, workstation="WS02"))
    incidents, who = services.incidents, services.signin.principal("operator")
    commit_at = [0.0]

    @event.listens_for(db.engine, "commit")
    def _on_commit(_conn: object) -> None:
        commit_at[0] = time.monotonic()  # CLOCK_MONOTONIC: comparable across processes

    def create(i: int) -> tuple[int, float]:
        iid = incidents.create(
            who, title=f"WS02 求助 {i}", priority=Priority.P1, community="C01", location="3号楼"
        )
        return iid, commit_at[0]

    create(-1)  # warm-up: connections, statements; in the console's first load
    print("ready", flush=True)
    done = [create(i) for i, _line in enumerate(sys.stdin)]
    db.dispose()
    print(json.dumps(done), flush=True)


# --- the console: child process ----------------------------------------------------------------


def _spin(ms: int) -> None:
    """Run the event loop for `ms` in a nested QEventLoop.

    Not QApplication.quit(): in Qt 6 that first closes every top-level window, and closing the
    console's main window quits the console (shutdown, threads stopped).
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _gui(url: str, arrivals: int, spacing_ms: int) -> dict[str, Any]:
    """A console signed in as the operator, watching WS02's arrivals; the samples as a dict."""
    from PySide6.QtCore import QEventLoop, QModelIndex, QObject, QPersistentModelIndex, QTimer, Slot
    from PySide6.QtWidgets import QTableView
    from sqlalchemy import func, select

    from console.app import ConsoleApp, ConsoleOptions
    from console.gui import make_qapp
    from console.presenters.incidents import IncidentsPresenter
    from core.views import IncidentRow
    from data.migrate import open_database
    from data.models import Incident
    from widgets.incident_queue import IncidentQueueModel

    class ResetModel(IncidentQueueModel):
        """The queue's model, changed the old way: every update a full reset."""

        def reset_rows(self, rows: tuple[IncidentRow, ...]) -> None:
            self.beginResetModel()
            self._rows = list(rows)
            self._reindex()
            self.endResetModel()

    class Driver(QObject):
        """Sends WS02 a "go" every `spacing_ms`; notes when each new id enters the model."""

        def __init__(self, model: IncidentQueueModel, floor: int, stdin: Any) -> None:
            super().__init__()
            self.model, self.floor, self.stdin = model, floor, stdin
            self.loop = QEventLoop(self)
            self.sent = 0
            self.seen: dict[int, float] = {}
            self.timer = QTimer(self)
            self.timer.setInterval(spacing_ms)
            self.timer.timeout.connect(self._on_timer_timeout)
            self.model.rowsInserted.connect(self._on_model_rows_inserted)
            self.deadline = 0.0

        def run(self) -> None:
            self.deadline = time.monotonic() + arrivals * spacing_ms / 1000 + TAIL_S
            self.timer.start()
            self.loop.exec()
            self.timer.stop()

        @Slot(QModelIndex, int, int)
        def _on_model_rows_inserted(
            self, _parent: QModelIndex | QPersistentModelIndex, first: int, last: int
        ) -> None:
            now = time.monotonic()
            for i in range(first, last + 1):
                iid = self.model.row_at(i).id
                if iid > self.floor:
                    self.seen.setdefault(iid, now)
            if self.sent == arrivals and len(self.seen) >= arrivals:
                self.loop.quit()

        @Slot()
        def _on_timer_timeout(self) -> None:
            if self.sent < arrivals:
                self.stdin.write("go\n")
                self.stdin.flush()
                self.sent += 1
            elif len(self.seen) >= arrivals or time.monotonic() > self.deadline:
                self.loop.quit()

    writer = subprocess.Popen(
        [sys.executable, "-m", "bench.incidents", "--writer", url],
        cwd=ROOT,
        env=_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdin is not None
    assert writer.stdout is not None
    try:
        if writer.stdout.readline().strip() != "ready":
            raise RuntimeError("WS02 did not start")
        qapp = make_qapp()
        db = open_database(url)
        merges: list[float] = []
        set_rows: list[float] = []
        replays: list[tuple[tuple[IncidentRow, ...], tuple[IncidentRow, ...]]] = []
        with tempfile.TemporaryDirectory() as cfg:
            app = ConsoleApp(qapp, db, ConsoleOptions(config_dir=Path(cfg), confirm_quit=False))
            try:
                p = app.presenter("incidents")
                assert isinstance(p, IncidentsPresenter)
                queue = p.queue
                app.session.enter(app.services.signin.principal("operator"))
                app.wait_idle()
                _spin(SETTLE_MS)
                with db.session() as s:
                    floor = int(s.scalar(select(func.max(Incident.id))) or 0)
                shown_before = len(queue.rows())

                merge, widget_set_rows = p._merge, queue.set_rows

                def timed_set_rows(rows: Any) -> None:
                    t = time.perf_counter()
                    widget_set_rows(rows)
                    set_rows.append(time.perf_counter() - t)

                def timed_merge(ids: Any, rows: Any, counts: Any) -> None:
                    before = queue.rows()
                    t = time.perf_counter()
                    merge(ids, rows, counts)
                    merges.append(time.perf_counter() - t)
                    replays.append((before, queue.rows()))

                p._merge = timed_merge  # type: ignore[method-assign]
                queue.set_rows = timed_set_rows  # type: ignore[method-assign]
                driver = Driver(queue.model, floor, writer.stdin)
                driver.run()
                p._merge, queue.set_rows = merge, widget_set_rows  # type: ignore[method-assign]
                shown_after = len(queue.rows())
                seen = dict(driver.seen)

                # Baseline: the same updates as full resets of a copy of the model, in a view
                # of the same size.
                copy = ResetModel(app.zone)
                view = QTableView()
                view.setModel(copy)
                view.resize(queue.table.size())
                view.show()
                resets, reset_paint, diff_paint = [], [], []
                for before, after in replays:
                    copy.reset_rows(before)
                    qapp.processEvents()
                    t = time.perf_counter()
                    copy.reset_rows(after)
                    resets.append(time.perf_counter() - t)
                    qapp.processEvents()  # the view lays out and repaints
                    reset_paint.append(time.perf_counter() - t)
                    # The same update in place, as the console applies it, with its repaint.
                    copy.reset_rows(before)
                    qapp.processEvents()
                    t = time.perf_counter()
                    copy.set_rows(after)
                    qapp.processEvents()
                    diff_paint.append(time.perf_counter() - t)
                view.close()
            finally:
                app.shutdown()
                app.window.allow_close()
                app.window.close()
        writer.stdin.close()  # EOF: WS02 reports its commits and ends
        out = writer.stdout.read()
        writer.wait(timeout=60)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    commits = {int(i): float(t) for i, t in json.loads(out.strip().splitlines()[-1])}
    latency = [1000 * (seen[i] - t) for i, t in commits.items() if i in seen]
    return {
        "latency_ms": latency,
        "missing": len(commits) - len(latency),
        "merge_ms": [1000 * x for x in merges],
        "set_rows_ms": [1000 * x for x in set_rows],
        "reset_ms": [1000 * x for x in resets],
        "reset_paint_ms": [1000 * x for x in reset_paint],
        "diff_paint_ms": [1000 * x for x in diff_paint],
        "shown_before": shown_before,
        "shown_after": shown_after,
    }


def _run_gui(url: str, arrivals: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.incidents", "--gui", url, "--arrivals", str(arrivals)],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if out.returncode != 0:
        raise RuntimeError(f"console run failed:\n{out.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


# --- baselines and RSS -------------------------------------------------------------------------


def _notify_round_trips(url: str, n: int) -> list[float]:
    """ms from NOTIFY sent on one plain psycopg connection to its arrival on another (LISTEN)."""
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    params = {
        "host": u.host,
        "port": u.port,
        "user": u.username,
        "password": u.password,
        "dbname": u.database,
    }
    out = []
    with (
        psycopg.connect(autocommit=True, **params) as listener,  # type: ignore[arg-type]
        psycopg.connect(autocommit=True, **params) as sender,  # type: ignore[arg-type]
    ):
        listener.execute("LISTEN bench_round_trip")
        for i in range(n + 1):
            t = time.monotonic()
            sender.execute(f"NOTIFY bench_round_trip, '{i}'")
            got = next(iter(listener.notifies(timeout=5.0, stop_after=1)), None)
            if got is None or got.payload != str(i):
                raise RuntimeError(f"NOTIFY {i} did not arrive: {got}")
            if i:  # the first one warms both connections up
                out.append(1000 * (time.monotonic() - t))
    return out


def _rss_probe(url: str) -> float:
    """bench/probe.py's console probe, idling in a QEventLoop: MiB resident, console running.

    probe.console ends its settle phase with QApplication.quit(), which in Qt 6 closes the main
    window and so shuts the console down before RSS is read; here the console is still up.
    """
    from bench.probe import SETTLE_S, _rss_kib
    from console.app import ConsoleApp, ConsoleOptions
    from console.gui import make_qapp
    from data.migrate import open_database

    qapp = make_qapp()
    db = open_database(url)
    with tempfile.TemporaryDirectory() as cfg:
        app = ConsoleApp(qapp, db, ConsoleOptions(config_dir=Path(cfg), confirm_quit=False))
        try:
            app.session.enter(app.services.signin.principal("operator"))
            app.wait_idle()
            _spin(int(SETTLE_S * 1000) + 1000)
            if app.feed is None or not app.feed.alive:
                raise RuntimeError("the console is not running")
            rss = _rss_kib() / 1024
        finally:
            app.shutdown()
            app.window.allow_close()
            app.window.close()
    return rss


def _rss(url: str) -> float:
    """MiB resident of the console at idle on this database, in fresh processes."""
    runs = []
    for _ in range(RSS_RUNS):
        out = subprocess.run(
            [sys.executable, "-m", "bench.incidents", "--rss", url],
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
        runs.append(float(json.loads(out.strip().splitlines()[-1])))
    return statistics.mean(runs)


# --- the table ---------------------------------------------------------------------------------


def _backend_rows(label: str, r: dict[str, Any], base: list[float] | float, goal: str) -> list[Row]:
    lat, merge, reset = r["latency_ms"], r["merge_ms"], r["reset_ms"]
    b50, b99 = (base, base) if isinstance(base, float) else (_pct(base, 50), _pct(base, 99))
    what = (
        "baseline: the feed's poll interval"
        if isinstance(base, float)
        else "baseline: plain LISTEN/NOTIFY round trip"
    )
    missing = f"; {r['missing']} never shown" if r["missing"] else ""
    return [
        (
            f"change from WS02 shown, {label} p50 (ms)",
            _pct(lat, 50),
            b50,
            f"goal <= {goal}; n={len(lat)}{missing}; {what}",
        ),
        (f"change from WS02 shown, {label} p99 (ms)", _pct(lat, 99), b99, ""),
        (
            f"GUI per incoming change, {label} p50 (ms)",
            _pct(merge, 50),
            _pct(reset, 50),
            f"goal <= 5 ms; n={len(merge)} merges, {r['shown_before']}->{r['shown_after']} rows "
            f"shown of {OPEN_N:,} open; set_rows alone p50 {_pct(r['set_rows_ms'], 50):.2f} ms; "
            "baseline: full model reset",
        ),
        (f"GUI per incoming change, {label} p99 (ms)", _pct(merge, 99), _pct(reset, 99), ""),
        (
            f"same update + repaint, {label} p50 (ms)",
            _pct(r["diff_paint_ms"], 50),
            _pct(r["reset_paint_ms"], 50),
            "replayed on a copy of the model in a view: in place vs full reset",
        ),
    ]


def table_rows(million: int = 1_000_000, arrivals: int = ARRIVALS) -> list[Row]:
    """(measure, console, baseline, note) rows for `python -m bench`'s table."""
    from tests.helpers.postgres import start_postgres

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="console-incidents-") as tmp:
        empty = Path(tmp) / "empty.db"
        _seed(f"sqlite:///{empty}")
        live = Path(tmp) / "open.db"
        shutil.copy(empty, live)
        _fill_open(f"sqlite:///{live}", OPEN_N)
        rows += _backend_rows(
            "SQLite", _run_gui(f"sqlite:///{live}", arrivals), POLL_S * 1000, "1 s"
        )

        try:
            srv = start_postgres()
        except RuntimeError as exc:
            print(f"PostgreSQL not measured: {exc}")
            srv = None
        if srv is not None:
            try:
                url = srv.create_database("bench_incidents")
                _seed(url)
                _fill_open(url, OPEN_N)
                notify = _notify_round_trips(url, arrivals)
                rows += _backend_rows("PG", _run_gui(url, arrivals), notify, "200 ms")
            finally:
                srv.stop()

        big = Path(tmp) / "million.db"
        shutil.copy(empty, big)
        _fill_million(f"sqlite:///{big}", million)
        rss_empty = _rss(f"sqlite:///{empty}")
        rss_big = _rss(f"sqlite:///{big}")
    rows += [
        (
            f"console RSS, {million:,} incidents (MiB)",
            rss_big,
            rss_empty,
            f"SQLite; baseline: no incidents; mean of {RSS_RUNS} fresh processes",
        ),
        ("console RSS, difference (MiB)", rss_big - rss_empty, 0.0, "goal <= 20 MB (19.07 MiB)"),
    ]
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench.incidents")
    ap.add_argument("--gui", metavar="URL", help=argparse.SUPPRESS)
    ap.add_argument("--writer", metavar="URL", help=argparse.SUPPRESS)
    ap.add_argument("--rss", metavar="URL", help=argparse.SUPPRESS)
    ap.add_argument("--arrivals", type=int, default=ARRIVALS, help="incidents created by WS02")
    ap.add_argument("--incidents", type=int, default=1_000_000, help="incidents for the RSS probe")
    ap.add_argument("--search", action="store_true", help="History search only (bench/history.py)")
    ap.add_argument("--sizes", default="10000,100000,1000000", help="incidents per --search run")
    args = ap.parse_args()
    if args.search:
        from bench.__main__ import _print_table
        from bench.history import table_rows as search_rows

        _print_table(search_rows(tuple(int(x) for x in args.sizes.split(","))))
        return 0
    if args.writer:
        _writer(args.writer)
        return 0
    if args.rss:
        print(json.dumps(_rss_probe(args.rss)))
        return 0
    if args.gui:
        print(json.dumps(_gui(args.gui, args.arrivals, SPACING_MS)))
        return 0
    from bench.__main__ import _print_table

    _print_table(table_rows(args.incidents, args.arrivals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`python -m bench`: start-up, idle, seeding and GUI update cost, each with a same-run baseline."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INCIDENTS_BASELINES = (
    "incidents: the feed's poll interval (SQLite) and a plain psycopg LISTEN/NOTIFY round trip "
    "(PostgreSQL); the same row updates as full model resets; the console on the same site "
    "without incidents"
)


def _probe(*args: str) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    spawned = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "bench.probe", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    # From spawning the interpreter to a usable window, as an operator would wait for it.
    result["ready_s"] = result.pop("ready_at") - spawned
    if "login_at" in result:
        result["login_s"] = result.pop("login_at") - spawned
    return result


def _seed(url: str, population: int) -> float:
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from data.fieldcrypt import ensure_field_keys
    from data.migrate import open_database
    from data.seeding import seed_site

    # Field keys beside the benchmark's database (in its temporary folder), the same for a
    # second seeding of the same file.
    keys = Path(url.removeprefix("sqlite:///")).with_suffix(".keys")
    ensure_field_keys(keys)
    db = open_database(url)
    try:
        t = time.perf_counter()
        seed_site(
            db,
            load_site(demo_site_file()),
            local_services(db, "CC", keys),
            population=population,
        )
        return time.perf_counter() - t
    finally:
        db.dispose()


def _raw_sqlite_baseline(path: Path, population: int) -> float:
    """The floor: the same resident rows through plain sqlite3 executemany, one transaction."""
    from console.paths import demo_site_file
    from core.population import generate_population
    from core.site import load_site

    site = load_site(demo_site_file())
    t = time.perf_counter()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute(
        "CREATE TABLE r (community TEXT, name TEXT, gender TEXT, birth TEXT, idn TEXT UNIQUE, "
        "address TEXT, phone TEXT, a INT, b INT, c INT, d INT, en TEXT, ep TEXT, er TEXT, "
        "cg INT, cd TEXT, cm TEXT)"
    )
    rows = [
        (
            r.community,
            r.name,
            r.gender,
            r.birth_date.isoformat(),
            r.id_number,
            r.address,
            r.phone,
            r.care.lives_alone,
            r.care.dementia,
            r.care.disability,
            r.care.chronic_illness,
            r.emergency_contact_name,
            r.emergency_contact_phone,
            r.emergency_contact_relation,
            r.consent_given,
            r.consent_date.isoformat() if r.consent_date else None,
            r.consent_method,
        )
        for r in generate_population(site, population)
    ]
    with con:
        con.executemany(f"INSERT INTO r VALUES ({','.join('?' * 17)})", rows)
    con.close()
    return time.perf_counter() - t


def _mailbox(seconds: float) -> list[tuple[str, float, float, str]]:
    """bench/mailbox.py in a fresh process: mailbox + pump vs one queued signal per update."""
    from bench.mailbox import table_rows

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-m", "bench.mailbox", "--json", "--seconds", str(seconds)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    return table_rows(json.loads(out.strip().splitlines()[-1]))


def _shutdown() -> list[tuple[str, float, float, str]]:
    """bench/shutdown.py: ThreadOwner.shutdown vs the same threads stopped by hand."""
    from bench.shutdown import table_rows

    return table_rows()


def _queue(n: int) -> list[tuple[str, float, float, str]]:
    """bench/queue.py: the queue's queries at scale vs the foundation's query."""
    from bench.queue import table_rows

    return table_rows(n)


def _incidents(n: int) -> list[tuple[str, float, float, str]]:
    """bench/incidents.py: another desk's change to the queue, its GUI cost, RSS at scale."""
    from bench.incidents import table_rows

    return table_rows(n)


def _residents(n: int) -> list[tuple[str, float, float, str]]:
    """bench/residents.py: masked list, number lookup and seeding vs the plaintext schema."""
    from bench.residents import table_rows

    return table_rows(n)


def _audit(n: int) -> list[tuple[str, float, float, str]]:
    """bench/audit.py: verify against signed checkpoints vs the chain alone; one checkpoint."""
    from bench.audit import table_rows

    return table_rows(n)


def _rls(n: int) -> list[tuple[str, float, float, str]]:
    """bench/rls.py: the queue on PostgreSQL as a station's role (row-level security) vs owner."""
    from bench.rls import table_rows

    return table_rows(n)


def _print_table(rows: list[tuple[str, float, float, str]]) -> None:
    print(f"{'measure':<42}{'console':>10}{'baseline':>10}{'ratio':>8}  note")
    for name, value, base, note in rows:
        # A bare Qt window idles at ~0 % CPU: no ratio is meaningful there.
        ratio = f"{value / base:>8.2f}" if base > 1e-3 else f"{'—':>8}"
        print(f"{name:<42}{value:>10.3f}{base:>10.3f}{ratio}  {note}")


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench")
    ap.add_argument("--runs", type=int, default=5, help="cold starts per variant")
    ap.add_argument("--idle", type=float, default=10.0, help="seconds of idle measured")
    ap.add_argument(
        "--only",
        choices=[
            "mailbox",
            "shutdown",
            "queue",
            "incidents",
            "audit",
            "rls",
            "residents",
            "retention",
            "recheck",
            "calls_alarms",
            "recorder",
            "station_outbox",
            "installer",
            "survey_results",
            "volunteer_hours_report",
            "order_entry",
            "delivery_board",
            "screening",
            "kpi_dashboard",
        ],
        help="run one benchmark alone",
    )
    ap.add_argument(
        "--incidents",
        type=int,
        default=1_000_000,
        help="incidents in the queue and incidents (RSS) benchmarks",
    )
    ap.add_argument(
        "--audit-rows", type=int, default=100_000, help="rows in the audit verify benchmark"
    )
    ap.add_argument(
        "--residents", type=int, default=75_000, help="residents in the residents benchmark"
    )
    ap.add_argument(
        "--mailbox-seconds", type=float, default=5.0, help="seconds per mailbox variant"
    )
    args = ap.parse_args()
    if args.only == "shutdown":
        _print_table(_shutdown())
        print(
            "baselines: the same blocked reads on plain threads, sockets shut down and joined "
            "by hand; the old owner's full timeout per join"
        )
        return 0
    if args.only == "rls":
        _print_table(_rls(args.incidents))
        return 0
    if args.only == "retention":
        from bench.retention import table_rows as retention_rows

        _print_table(retention_rows(args.incidents))
        return 0
    if args.only == "recheck":
        from bench.recheck import table_rows as recheck_rows

        _print_table(recheck_rows())
        return 0
    if args.only == "calls_alarms":
        from bench.calls_alarms import table_rows as calls_alarms_rows

        _print_table(calls_alarms_rows())
        return 0
    if args.only == "recorder":
        from bench.recorder import main as recorder_main

        return recorder_main([])  # its own table (`python -m bench.recorder --quick`: smoke run)
    if args.only == "station_outbox":
        from bench.station_outbox import main as outbox_main

        return outbox_main([])  # its own table (`python -m bench.station_outbox --help`)
    if args.only == "screening":
        from bench.screening import table_rows as screening_rows

        _print_table(screening_rows())
        return 0
    if args.only == "survey_results":
        from bench.survey_results import table_rows as survey_rows

        _print_table(survey_rows(args.residents))
        return 0
    if args.only == "volunteer_hours_report":
        from bench.volunteer_hours_report import table_rows as hours_rows

        _print_table(hours_rows())
        return 0
    if args.only == "order_entry":
        from bench.order_entry import main as order_entry_main

        order_entry_main()  # prints its own figures
        return 0
    if args.only == "delivery_board":
        from bench.delivery_board import main as board_main

        board_main()  # prints its own figures
        return 0
    if args.only == "kpi_dashboard":
        from bench.kpi_dashboard import main as kpi_main

        return kpi_main([])  # its own JSON (`python -m bench.kpi_dashboard --help`)
    if args.only == "installer":
        from bench.installer import main as installer_main

        return installer_main([])  # builds a bundle (`python -m bench.installer --help`)
    if args.only == "queue":
        _print_table(_queue(args.incidents))
        return 0
    if args.only == "incidents":
        _print_table(_incidents(args.incidents))
        print(INCIDENTS_BASELINES)
        return 0
    if args.only == "audit":
        _print_table(_audit(args.audit_rows))
        return 0
    if args.only == "residents":
        _print_table(_residents(args.residents))
        return 0
    if args.only == "mailbox":
        _print_table(_mailbox(args.mailbox_seconds))
        print("baseline: the same frames and tag positions as one queued Qt signal per update")
        return 0
    with tempfile.TemporaryDirectory(prefix="console-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'demo.db'}"
        seed_5k = _seed(url, 5000)
        seed_again = _seed(url, 5000)
        raw_5k = _raw_sqlite_baseline(Path(tmp) / "raw.db", 5000)
        seed_75k = _seed(f"sqlite:///{Path(tmp) / 'street.db'}", 75_000)
        raw_75k = _raw_sqlite_baseline(Path(tmp) / "raw75.db", 75_000)
        # An installed console runs from compiled bytecode; a checkout compiles on first run.
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", "console", "core", "data", "widgets"],
            cwd=ROOT,
            check=True,
        )
        bare = [_probe("bare", "0.5") for _ in range(args.runs)]
        cons = [_probe("console", "0.5", url) for _ in range(args.runs)]
        bare_idle = _probe("bare", str(args.idle))
        cons_idle = _probe("console", str(args.idle), url)
    b_ready = statistics.median(r["ready_s"] for r in bare)
    c_ready = statistics.median(r["ready_s"] for r in cons)
    c_login = statistics.median(r["login_s"] for r in cons)
    rows = [
        ("cold start to sign-in window (s, median)", c_login, b_ready, "goal <= 6x bare"),
        ("cold start to console, panes loaded (s)", c_ready, b_ready, "typing left out"),
        (
            "idle CPU (% of one core)",
            cons_idle["idle_cpu_pct"],
            bare_idle["idle_cpu_pct"],
            "goal <= 0.5 %",
        ),
        ("RSS at idle (MiB)", cons_idle["rss_mib"], bare_idle["rss_mib"], ""),
        ("seed demo site, 5,000 residents (s)", seed_5k, raw_5k, "baseline: raw sqlite3 rows only"),
        ("seed again, idempotent (s)", seed_again, raw_5k, ""),
        ("seed 75,000 residents (s)", seed_75k, raw_75k, "the real street's size"),
        *_mailbox(args.mailbox_seconds),
        *_shutdown(),
        *_queue(args.incidents),
        *_rls(args.incidents),
        *_incidents(args.incidents),
        *_audit(args.audit_rows),
        *_residents(args.residents),
    ]
    _print_table(rows)
    print(
        "baselines: a bare QApplication + empty QMainWindow in a fresh process; raw sqlite3 "
        "executemany of the same resident rows; one queued Qt signal per frame or tag position; "
        "the same blocked reads stopped by hand, and the old owner's full timeout per join; "
        "the foundation's queue query on the same database; " + INCIDENTS_BASELINES
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

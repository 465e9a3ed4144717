"""`python -m bench.screening`: a screening step, and how soon a risk answer is in the queue.

- step_ms: a key pressed in the sitting's dialog (PHQ-9, GAD-7 and GDS-15 asked through)
  until the next question is built and the dialog repainted (median, p95, max). Baselines in
  the same run: repainting the same dialog with nothing changed, and core.screening.next_item
  alone. Goal: ≤ 50 ms.
- risk_to_queue_ms: from the item-9 answer handed to ScreeningService.save on workstation A to
  the risk incident read back in the supervisor's queue on workstation B, woken by the change
  feed's LISTEN (PostgreSQL, a throw-away server; what a counsellor's console does). p50, p99
  over 60 screenings. Baseline: a plain NOTIFY round trip on the same server. On SQLite the
  giver's own queue is read after the save (a second console on one file polls every second).
  Goal: p99 ≤ 1 s.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

Row = tuple[str, float, float, str]
ROOT = Path(__file__).resolve().parent.parent


def _pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def step_rows() -> list[Row]:
    """The dialog's step against a repaint and the pure logic."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from console.theme import apply_theme
    from core.screening import GAD7_INSTRUMENT, GDS15_INSTRUMENT, PHQ9_INSTRUMENT, next_item
    from widgets.screening_run import ScreeningRunDialog, _key_of

    app = QApplication.instance() or QApplication(sys.argv)
    apply_theme(app)  # type: ignore[arg-type]
    forms = [PHQ9_INSTRUMENT, GAD7_INSTRUMENT, GDS15_INSTRUMENT]
    steps: list[float] = []
    paints: list[float] = []
    for _round in range(5):
        dialog = ScreeningRunDialog("王* · C01 · 72")
        dialog.resize(760, 520)
        dialog.show()
        dialog.start(list(forms))
        app.processEvents()
        for form in forms:
            for item in form.items:
                option = item.options[0]
                t = time.perf_counter()
                dialog.repaint()
                paints.append(1000 * (time.perf_counter() - t))
                key = _key_of(option)
                t = time.perf_counter()
                QTest.keyClick(dialog, Qt.Key(ord(key)))
                dialog.repaint()
                steps.append(1000 * (time.perf_counter() - t))
            # The presenter's answer after the save: the next form comes up.
            dialog.form_saved("", [])
            app.processEvents()
        dialog.done(0)
        dialog.deleteLater()
        app.processEvents()
    answers: dict[int, object] = {}
    logic: list[float] = []
    for _round in range(200):
        answers.clear()
        for item in PHQ9_INSTRUMENT.items:
            t = time.perf_counter()
            next_item(PHQ9_INSTRUMENT, answers)
            logic.append(1000 * (time.perf_counter() - t))
            answers[item.number] = "0"
    med = statistics.median
    return [
        ("screening: step median (ms)", med(steps), med(paints), "repaint unchanged; goal ≤ 50"),
        ("screening: step p95 (ms)", _pct(steps, 0.95), _pct(paints, 0.95), "repaint unchanged"),
        ("screening: step max (ms)", max(steps), max(paints), "repaint unchanged"),
        ("screening: next_item alone (ms)", med(logic), med(logic), "the logic's share"),
    ]


def _world(url: str, keys: Path) -> tuple[object, int, object]:
    """A migrated database with the demo site's structure, one consenting resident."""
    from datetime import date

    from console.paths import demo_site_file
    from console.startup import local_services
    from core.consent import ConsentMethod, ConsentPurpose
    from core.site import load_site
    from data.fieldcrypt import ensure_field_keys
    from data.migrate import open_database
    from data.models import Community, Resident
    from data.seeding import seed_site

    ensure_field_keys(keys)
    db = open_database(url)
    svc = local_services(db, "CC", keys)
    seed_site(db, load_site(demo_site_file()), svc, population=200)
    with db.session() as s:
        rid = int(
            s.query(Resident.id)
            .join(Community, Community.id == Resident.community_id)
            .filter(Community.code == "C01")  # ws01's community
            .order_by(Resident.id)
            .first()[0]  # type: ignore[index]
        )
    svc.consent.record(
        svc.signin.principal("admin"),
        rid,
        ConsentPurpose.SCREENING,
        ConsentMethod.WRITTEN,
        date.today(),
    )
    return db, rid, svc


def _risk_answer(svc: object, who: object, rid: int) -> None:
    from core.screening import PHQ9_INSTRUMENT
    from core.screening_pathway import ScreeningMode
    from core.screening_views import Answers

    given = {n: "0" for n in range(1, 10)}
    given[9] = "1"
    entry = Answers(
        str(uuid.uuid4()), "bench", rid, PHQ9_INSTRUMENT.key, ScreeningMode.STATION, given
    )
    svc.screening.save(who, entry)  # type: ignore[attr-defined]


def risk_rows(n: int = 60) -> list[Row]:
    """Risk answer to the supervisor's queue: PostgreSQL across workstations, SQLite locally."""
    from data.changes import CHANNEL

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-screening-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'c.db'}"
        db, rid, svc = _world(url, Path(tmp) / "keys")
        ws, sup = svc.signin.principal("ws01"), svc.signin.principal("supervisor")  # type: ignore[attr-defined]
        local: list[float] = []
        for _ in range(n):
            known = {r.id for r in svc.incidents.open_incidents(sup)}  # type: ignore[attr-defined]
            t = time.perf_counter()
            _risk_answer(svc, ws, rid)
            new = [r for r in svc.incidents.open_incidents(sup) if r.id not in known]  # type: ignore[attr-defined]
            local.append(1000 * (time.perf_counter() - t))
            assert len(new) == 1
        db.dispose()  # type: ignore[attr-defined]
        rows.append(
            (
                "screening: risk to queue, SQLite p99 (ms)",
                _pct(local, 0.99),
                1000.0,
                "same console; baseline: another console's feed poll",
            )
        )
    try:
        from tests.helpers.postgres import start_postgres

        srv = start_postgres()
    except (RuntimeError, ImportError, OSError) as exc:
        print(f"PostgreSQL not measured: {exc}", file=sys.stderr)
        return rows
    try:
        import psycopg
        from sqlalchemy.engine import make_url

        from console.startup import local_services

        url = srv.create_database("bench_screening")
        with tempfile.TemporaryDirectory(prefix="bench-screening-pg-") as tmp:
            db, rid, svc_a = _world(url, Path(tmp) / "keys")
            svc_b = local_services(db, "WS02", Path(tmp) / "keys")  # type: ignore[arg-type]
            ws = svc_a.signin.principal("ws01")  # type: ignore[attr-defined]
            sup = svc_b.signin.principal("supervisor")
            u = make_url(url)
            params = {
                "host": u.host,
                "port": u.port,
                "user": u.username,
                "password": u.password,
                "dbname": u.database,
            }
            seen: list[float] = []
            trips: list[float] = []
            with (
                psycopg.connect(autocommit=True, **params) as listener,  # type: ignore[arg-type]
                psycopg.connect(autocommit=True, **params) as sender,  # type: ignore[arg-type]
            ):
                listener.execute(f"LISTEN {CHANNEL}")
                listener.execute("LISTEN bench_round_trip")
                for i in range(n + 1):
                    known = {r.id for r in svc_b.incidents.open_incidents(sup)}
                    t = time.perf_counter()
                    _risk_answer(svc_a, ws, rid)
                    woke = False
                    for note in listener.notifies(timeout=5.0):
                        if note.channel == CHANNEL and note.payload == "incident":
                            woke = True
                            break
                    if not woke:
                        raise RuntimeError("no change notification for the risk incident")
                    # Drain the rest of this commit's notifications (screening, audit …).
                    for _ in listener.notifies(timeout=0.0):
                        pass
                    new = [r for r in svc_b.incidents.open_incidents(sup) if r.id not in known]
                    if i:
                        seen.append(1000 * (time.perf_counter() - t))
                    assert len(new) == 1
                    t = time.perf_counter()
                    sender.execute(f"NOTIFY bench_round_trip, '{i}'")
                    for note in listener.notifies(timeout=5.0):
                        if note.channel == "bench_round_trip":
                            break
                    trips.append(1000 * (time.perf_counter() - t))
            db.dispose()  # type: ignore[attr-defined]
        rows.append(
            (
                "screening: risk to queue, PG p50 (ms)",
                statistics.median(seen),
                statistics.median(trips),
                "another workstation; baseline NOTIFY round trip",
            )
        )
        rows.append(
            (
                "screening: risk to queue, PG p99 (ms)",
                _pct(seen, 0.99),
                _pct(trips, 0.99),
                "goal ≤ 1000",
            )
        )
    finally:
        srv.stop()
    return rows


def matching_rows() -> list[Row]:
    """5,000 seekers against 500 postings (core.employment), against scoring every pair."""
    import random

    from core.employment import Posting, PostingIndex, Seeker, ShiftKind, match

    rng = random.Random(7)
    skills = [f"s{i}" for i in range(30)]
    postings = [
        Posting(
            id=i,
            employer_id=i % 40,
            title=f"岗位{i}",
            duties="",
            hours_per_week=rng.choice((20, 30, 40)),
            shift=rng.choice(list(ShiftKind)),
            pay_fen_per_month=300_000,
            lat=39.15 + rng.uniform(-0.05, 0.05),
            lon=117.15 + rng.uniform(-0.05, 0.05),
            skills=frozenset(rng.sample(skills, 2)),
        )
        for i in range(500)
    ]
    seekers = [
        Seeker(
            resident_id=i,
            lat=39.15 + rng.uniform(-0.05, 0.05),
            lon=117.15 + rng.uniform(-0.05, 0.05),
            skills=frozenset(rng.sample(skills, 3)),
            needs=frozenset(),
            statuses=frozenset(),
            consent_to_match=True,
        )
        for i in range(5000)
    ]
    t = time.perf_counter()
    index = PostingIndex(postings)
    found = sum(len(index.rank(s, 10)) for s in seekers)
    ranked = time.perf_counter() - t
    t = time.perf_counter()
    for s in seekers[:250]:
        for p in postings:
            match(s, p)
    pairwise = (time.perf_counter() - t) * 20  # 250 of 5,000 seekers, scaled
    assert found > 0
    return [
        (
            "employment: 5,000 × 500 ranked (s)",
            ranked,
            pairwise,
            "baseline: every pair scored (250 seekers ×20); goal ≤ 1 s",
        )
    ]


def table_rows() -> list[Row]:
    return [*step_rows(), *matching_rows(), *risk_rows()]


def main() -> int:
    sys.path.insert(0, str(ROOT))
    print(f"{'measure':<46}{'value':>10}{'baseline':>10}  note")
    for name, value, base, note in table_rows():
        print(f"{name:<46}{value:>10.3f}{base:>10.3f}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

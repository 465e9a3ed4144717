"""Survey results at the street's size: a full recompute of a round vs a plain SELECT of its rows.

A SQLite file with the demo site and 75,000 residents, a round whose frame is all of them, and
20,000 responses (a CSAT question with "don't know", an NPS question, a multiple choice and a
comment; every mode). Measured: the full recompute as the console runs it (one read of the
form, the responses without persons and the frame counts, then every figure, breakdown and
distribution) against the baseline in the same run: the same response rows fetched by a plain
SELECT, nothing decoded. Goal: the recompute ≤ 1 s.

`python -m bench.survey_results [--residents 75000] [--responses 20000]`
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
import uuid as uuid_mod
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

Row = tuple[str, float, float, str]

FORM = """code = "BENCH"
title = "满意度"
version = 1

[[questions]]
id = "sat"
kind = "single"
text = "您对社区服务满意吗？"
required = true
choices = [
  { code = "5", label = "非常满意" }, { code = "4", label = "满意" },
  { code = "3", label = "一般" }, { code = "2", label = "不满意" },
  { code = "1", label = "非常不满意" }, { code = "dk", label = "不知道" },
]
measure = "csat"
satisfied = ["4", "5"]
dont_know = ["dk"]

[[questions]]
id = "rec"
kind = "nps"
text = "您会向邻居推荐社区服务吗？"

[[questions]]
id = "help"
kind = "multiple"
text = "您需要哪些帮助？"
choices = [{ code = "meals", label = "助餐" }, { code = "visits", label = "探访" }]

[[questions]]
id = "note"
kind = "text"
text = "还有什么意见？"
"""


def _time(fn: Callable[[], Any], repeat: int = 5) -> float:
    """Median seconds of `fn()` (warm: the first call is not counted)."""
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def _responses(db: Any, round_id: int, frame: list[tuple[int, int]], n: int) -> None:
    """n responses of frame members, straight into the table (submit's path is benched apart)."""
    from sqlalchemy import insert

    from data.models import SurveyResponse

    rng = random.Random(11)
    at = datetime(2026, 12, 1, 10, tzinfo=UTC)
    modes = ("self", "kiosk", "kiosk", "staff", "phone", "family")
    bands = ("18-39", "40-59", "60-69", "70-79", "80+")
    rows = []
    for rid, cid in rng.sample(frame, n):
        answers: dict[str, Any] = {
            "sat": rng.choices(["5", "4", "3", "2", "1", "dk"], [50, 35, 6, 3, 1, 5])[0],
            "rec": rng.choices(range(11), [1, 1, 1, 1, 1, 2, 3, 6, 10, 14, 20])[0],
            "help": rng.sample(["meals", "visits"], rng.randint(0, 2)),
        }
        if rng.random() < 0.2:
            answers["note"] = "楼道灯坏了，希望尽快修理"
        rows.append(
            {
                "id": str(uuid_mod.UUID(int=rng.getrandbits(128), version=4)),
                "round_id": round_id,
                "client_uuid": str(uuid_mod.UUID(int=rng.getrandbits(128), version=4)),
                "resident_id": rid,
                "mode": rng.choice(modes),
                "helped_by": None,
                "community_id": cid,
                "age_band": rng.choice(bands),
                "care_flag": rng.random() < 0.15,
                "answers": json.dumps(answers, ensure_ascii=False, sort_keys=True),
                "complete": rng.random() < 0.97,
                "submitted_at": at,
                "workstation": "WS01",
            }
        )
    with db.engine.begin() as conn:
        conn.execute(insert(SurveyResponse), rows)
        conn.exec_driver_sql("ANALYZE")


def table_rows(population: int = 75_000, responses: int = 20_000) -> list[Row]:
    """(measure, console, baseline, note) of the recompute and its parts."""
    from sqlalchemy import select

    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from core.survey import form_problems, load_form
    from core.survey_results import compute
    from data.fieldcrypt import ensure_field_keys
    from data.migrate import open_database
    from data.models import SurveyFrameMember, SurveyResponse, SurveyRound
    from data.seeding import seed_site

    with tempfile.TemporaryDirectory(prefix="console-survey-") as tmp:
        keys = Path(tmp) / "keys"
        ensure_field_keys(keys)
        db = open_database(f"sqlite:///{Path(tmp) / 'street.db'}")
        try:
            svc = local_services(db, "CC", keys)
            seed_site(db, load_site(demo_site_file()), svc, population=population)
            surveys = type(svc.surveys)(svc.ctx, check_form=form_problems)
            admin = svc.signin.principal("admin")
            surveys.publish(admin, "BENCH", surveys.save_draft(admin, "BENCH", "满意度", FORM))
            today = date(2026, 12, 1)
            drawn = surveys.create_round(
                admin, "B1", "BENCH", 1, purpose="bench", frame_kind="communities",
                frame_params={}, starts_on=today, ends_on=today, anonymous=False,
            )  # fmt: skip
            with db.session() as s:
                rid = s.scalars(select(SurveyRound.id).where(SurveyRound.code == "B1")).one()
                frame = [
                    (int(r), int(c))
                    for r, c in s.execute(
                        select(SurveyFrameMember.resident_id, SurveyFrameMember.community_id)
                    )
                ]
            taken = min(responses, len(frame))
            _responses(db, rid, frame, taken)
            who = svc.signin.principal("operator")

            def recompute() -> int:
                data = surveys.results_data(who, "B1", today)
                res = compute(load_form(data.definition, "B1"), data.rows, data.frame)
                return res.respondents.total + res.partial.total

            def read_only() -> int:
                return len(surveys.results_data(who, "B1", today).rows)

            data = surveys.results_data(who, "B1", today)
            form = load_form(data.definition, "B1")

            def compute_only() -> int:
                return compute(form, data.rows, data.frame).respondents.total

            stmt = select(
                SurveyResponse.answers,
                SurveyResponse.mode,
                SurveyResponse.helped_by,
                SurveyResponse.community_id,
                SurveyResponse.age_band,
                SurveyResponse.care_flag,
                SurveyResponse.complete,
            ).where(SurveyResponse.round_id == rid)

            def plain() -> int:
                with db.session() as s:
                    return len(s.execute(stmt).all())

            assert recompute() == plain() == min(responses, len(frame))
            t_full = _time(recompute)
            t_read = _time(read_only)
            t_compute = _time(compute_only)
            t_plain = _time(plain)
        finally:
            db.dispose()
    k = f"frame {drawn:,}, {taken:,} responses"
    return [
        (f"results full recompute, {k} (s)", t_full, t_plain, "goal <= 1 s; baseline: SELECT"),
        ("  the read (rows decoded, frame counted) (s)", t_read, t_plain, "results_data"),
        ("  the figures alone (s)", t_compute, t_plain, "core.survey_results.compute"),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench.survey_results")
    ap.add_argument("--residents", type=int, default=75_000)
    ap.add_argument("--responses", type=int, default=20_000)
    args = ap.parse_args()
    for name, value, base, note in table_rows(args.residents, args.responses):
        ratio = value / base if base else float("nan")
        print(f"{name:<62} {value:8.3f} {base:8.3f} {ratio:6.1f}x  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A street with three years of every service's history, for the KPI benchmarks (not a benchmark).

`kpi_site(population, years, backend)` yields (database, services, today): the demo site seeded
with `population` residents (data.seeding.seed_site), then `years` of history, up to the start
of today, in every table the indicators read (data/services/indicators.py,
resources/indicators.toml), written straight into the tables with SQLAlchemy core `insert()`
in batches, from a fixed random seed:

- incidents of all eleven demo types, ~8,000 a year; BURGLARY, THEFT, VEHICLE and DISPUTE at
  the plan's 666 a year before the project (2025 is the passports' baseline year) and 30 % fewer
  after it, plus intrusion alarms closed as false alarms and ~3 % merged duplicates;
- service tickets ~6,000 a year with their reply deadline, ~97 % answered;
- screenings ~4,000 sittings a year (a PHQ-2, a PHQ-9 after a positive one in the same sitting,
  a few abandoned), each screened resident with a screening consent;
- counselling contacts ~1,000 a year (education sessions count their attendees);
- employers, postings, seekers and ~200 job referrals a year, ~40 of them reaching "hired";
- two published survey forms (console.demo_surveys.FORM, and a variant with a "convenience"
  and an "awareness" question), a round of each every month with its sampling frame and
  ~500 responses a month in all (answers JSON, self and assisted modes, one round in three
  anonymous with its "has answered" rows);
- station receipts from the 20 community workstations on most days, and their heartbeats;
- tags: the demo's ~1,050 person tags and 200 vehicle tags issued over the years, ~150 more
  people, some tags returned;
- residents registered over the years (created_at), not all on the day of seeding.

Then ANALYZE. `backend="postgresql"` starts a server of its own, seeds and fills as the owner,
and yields a connection as the console's workstation role (row security on), as a site's PCs
connect (bench/orders_site.py does the same).

Pass `stats={}` to get the seconds each step took and the rows written per table.
"""

from __future__ import annotations

import json
import random
import time as clock
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, func, insert, select, update

ZONE = "Asia/Shanghai"
TZ = ZoneInfo(ZONE)
SEED = 20261201
WS_PW = "bench-kpi-ws-pw"
BATCH = 5000
# The project's first day: the passports' baseline period is 2025-01..2025-12, the year before.
PROJECT_START = date(2026, 1, 1)

# Incidents a year per type, before and after the project's start. The four security types
# are the plan's: 62 burglaries, 248 thefts, 356 disputes (666) the year before, 30 % fewer
# after; vehicle incidents exist only once vehicle tags do. The rest make ~8,000 a year.
SECURITY_BEFORE = {"BURGLARY": 62, "THEFT": 248, "VEHICLE": 0, "DISPUTE": 356}
SECURITY_AFTER = {"BURGLARY": 43, "THEFT": 160, "VEHICLE": 20, "DISPUTE": 243}  # 466: −30 %
OTHER_TYPES = {
    "ELDERLY": 1500,
    "MISSING": 60,
    "FIRE": 40,
    "PANIC": 600,
    "NOISE": 1800,
    "FACILITY": 2400,
    "DEVICE": 934,
}
FALSE_INTRUSIONS_AFTER = 60  # intrusion alarms a year closed as false alarms (alarm panels)
DUPLICATE_SHARE = 0.03  # incidents reported twice and merged
FALSE_DISPOSITIONS = ("工作人员误触发", "设备误报", "误报", "误触发")
SOURCES = {
    "ELDERLY": ("call", "tracking", "alarm"),
    "MISSING": ("call", "tracking"),
    "FIRE": ("call", "alarm", "video"),
    "BURGLARY": ("call", "alarm"),
    "PANIC": ("alarm",),
    "THEFT": ("call", "manual", "video"),
    "VEHICLE": ("tracking", "call"),
    "DISPUTE": ("call", "manual"),
    "NOISE": ("call", "manual"),
    "FACILITY": ("call", "manual", "video"),
    "DEVICE": ("device",),
}
TICKETS_A_YEAR = 6000
TICKETS_ANSWERED = 0.97
SITTINGS_A_YEAR = 4000
PHQ9_AFTER_POSITIVE = 0.12  # PHQ-2 positive: a PHQ-9 in the same sitting
ABANDONED_SITTINGS = 0.03  # a PHQ-2 left partial (not counted)
CONTACTS_A_YEAR = 1000
CONTACT_KINDS = (("counselling", 45), ("hotline", 25), ("education", 15), ("legal", 15))
REFERRALS_A_YEAR = 200  # ~40 of them reach "hired"
EMPLOYERS, POSTINGS, SEEKERS = 40, 120, 600
FRAME_PER_ROUND = 270  # two rounds a month (satisfaction, convenience): ~500 responses
ANSWER_RATE = 0.93
STATION_DAYS = 0.92  # the share of days a community station sends anything
EXTRA_TRACKED = 150  # people tagged on top of the demo's ~1,050
RETURNED_TAGS = 120

CONVENIENCE_FORM = """code = "CONV-KPI"
title = "社区服务便利度与项目知晓度调查"
version = 1

[[questions]]
id = "conv"
kind = "single"
text = "与项目开始前相比，您觉得在社区办事方便吗？"
required = true
choices = [
  { code = "5", label = "非常方便" },
  { code = "4", label = "比较方便" },
  { code = "3", label = "一般" },
  { code = "2", label = "不太方便" },
  { code = "1", label = "很不方便" },
  { code = "dk", label = "不知道" },
]
measure = "convenience"
satisfied = ["4", "5"]
dont_know = ["dk"]

[[questions]]
id = "aware"
kind = "single"
text = "您知道街道的社区综合服务项目吗？"
required = true
choices = [
  { code = "yes", label = "知道" },
  { code = "no", label = "不知道" },
]
measure = "awareness"
satisfied = ["yes"]

[[questions]]
id = "comment"
kind = "text"
text = "还有其他意见或建议吗？"
"""


@contextmanager
def kpi_site(
    population: int = 75_000,
    years: int = 3,
    backend: str = "sqlite",
    stats: dict[str, Any] | None = None,
) -> Iterator[tuple[Any, Any, date]]:
    """(database, services, today) of a throw-away street with `years` of history; see the
    module's text. `stats`, when given, receives the seconds of each step ("seed_site_s",
    "history_s", "analyze_s", "roles_s") and the rows written per table ("written")."""
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from core.timefmt import local
    from data.fieldcrypt import ensure_field_keys
    from data.migrate import open_database
    from data.seeding import seed_site

    out = stats if stats is not None else {}
    site = load_site(demo_site_file())
    with TemporaryDirectory(prefix="console-kpi-") as tmp:
        keys = Path(tmp) / "keys"
        ensure_field_keys(keys)
        srv = None
        opened = []
        try:
            if backend == "postgresql":
                from tests.helpers.postgres import start_postgres

                srv = start_postgres()
                db = open_database(srv.create_database("bench_kpi"))
            else:
                db = open_database(f"sqlite:///{Path(tmp) / 'kpi.db'}")
            opened.append(db)
            svc = local_services(db, "CC", keys)
            t = clock.perf_counter()
            seed_site(db, site, svc, population=population)
            out["seed_site_s"] = clock.perf_counter() - t
            now = svc.ctx.clock()
            today = local(now, ZONE).date()
            t = clock.perf_counter()
            out["written"] = fill_history(db, today, years)
            out["history_s"] = clock.perf_counter() - t
            t = clock.perf_counter()
            with db.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
            out["analyze_s"] = clock.perf_counter() - t
            if srv is not None:
                from data.pgroles import WORKSTATION_ROLE
                from tests.helpers.postgres import setup_console_roles

                t = clock.perf_counter()
                codes = [c.code for c in site.communities]
                setup_console_roles(db, codes, {WORKSTATION_ROLE: WS_PW})
                db = open_database(srv.url("bench_kpi", password=WS_PW, user=WORKSTATION_ROLE))
                opened.append(db)
                svc = local_services(db, "CC", keys)
                out["roles_s"] = clock.perf_counter() - t
            yield db, svc, today
        finally:
            for d in opened:
                d.dispose()
            if srv is not None:
                srv.stop()


# --- helpers --------------------------------------------------------------------------------


def _utc(day: date, minute: int) -> datetime:
    """`minute` minutes after the local midnight of `day`, as UTC."""
    return (datetime.combine(day, time(), TZ) + timedelta(minutes=minute)).astimezone(UTC)


def _first_of_month(day: date, back: int) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _times(
    rng: random.Random, n: int, lo: date, hi: date, hours: tuple[int, int] = (0, 24)
) -> list[datetime]:
    """n sorted instants on local days lo ≤ day < hi, between the local hours given."""
    days = (hi - lo).days
    if days <= 0 or n <= 0:
        return []
    a, b = hours[0] * 60, hours[1] * 60 - 1
    return sorted(
        _utc(lo + timedelta(days=rng.randrange(days)), rng.randint(a, b)) for _ in range(n)
    )


def _per_year(rate: float, lo: date, hi: date) -> int:
    return round(rate * max((hi - lo).days, 0) / 365.2425)


def _plain(table: Any, given: dict[str, Any]) -> dict[str, Any]:
    """`given` and a plain value for every other NOT NULL column without a server default."""
    plain: dict[type, Any] = {str: "", int: 0, bool: False, float: 0.0}
    row = dict(given)
    for col in table.columns:
        if col.name in row or col.nullable or col.primary_key:
            continue
        kind = col.type.python_type
        if kind is datetime:
            row[col.name] = datetime(2024, 1, 1, tzinfo=UTC)
        elif kind is date:
            row[col.name] = date(2024, 1, 1)
        else:
            row[col.name] = plain.get(kind, "")
    return row


def _insert(conn: Any, model: Any, rows: Sequence[dict[str, Any]]) -> int:
    for i in range(0, len(rows), BATCH):
        conn.execute(insert(model), list(rows[i : i + BATCH]))
    return len(rows)


def _next_id(conn: Any, model: Any) -> int:
    return int(conn.execute(select(func.max(model.id))).scalar() or 0) + 1


# --- the history ----------------------------------------------------------------------------


def fill_history(db: Any, today: date, years: int = 3, seed: int = SEED) -> dict[str, int]:
    """`years` of every service's rows up to the start of `today` (as the owner); rows per
    table written (or updated: resident, tag)."""
    from data.models import Community, IncidentType, Resident, User, Workstation

    rng = random.Random(seed)
    start = _first_of_month(today, 12 * years)
    with db.engine.begin() as conn:
        ref = _Ref(
            start=start,
            end=today,
            communities=[
                (int(i), str(c), int(p or 0))
                for i, c, p in conn.execute(
                    select(Community.id, Community.code, Community.population).order_by(
                        Community.id
                    )
                )
            ],
            types={
                str(code): (int(i), int(prio), str(disp).splitlines(), str(name))
                for i, code, prio, disp, name in conn.execute(
                    select(
                        IncidentType.id,
                        IncidentType.code,
                        IncidentType.default_priority,
                        IncidentType.dispositions,
                        IncidentType.name,
                    )
                )
            },
            stations={
                int(cid): str(code)
                for code, cid in conn.execute(
                    select(Workstation.code, Workstation.community_id).where(
                        Workstation.community_id.is_not(None)
                    )
                )
            },
            users=dict(conn.execute(select(User.username, User.id)).all()),
            residents=[
                (int(r[0]), int(r[1]), int(r[2]), bool(r[3]))
                for r in conn.execute(
                    select(
                        Resident.id,
                        Resident.community_id,
                        Resident.birth_year,
                        Resident.lives_alone
                        | Resident.dementia
                        | Resident.disability
                        | Resident.chronic_illness,
                    ).order_by(Resident.id)
                )
            ],
        )
        written: dict[str, int] = {}
        written["resident (created_at spread)"] = _registrations(conn, rng, ref)
        written.update(_incidents(conn, rng, ref))
        written.update(_tickets(conn, rng, ref))
        written.update(_screenings(conn, rng, ref))
        written.update(_counselling(conn, rng, ref))
        written.update(_jobs(conn, rng, ref))
        written.update(_surveys(conn, rng, ref))
        written.update(_stations(conn, rng, ref))
        written.update(_tags(conn, rng, ref))
        if db.dialect == "postgresql":
            _advance_sequences(conn)
    return written


class _Ref:
    """What the generators share: the period, the site's ids, the residents."""

    def __init__(
        self,
        *,
        start: date,
        end: date,
        communities: list[tuple[int, str, int]],
        types: dict[str, tuple[int, int, list[str], str]],
        stations: dict[int, str],
        users: dict[str, int],
        residents: list[tuple[int, int, int, bool]],
    ) -> None:
        self.start, self.end = start, end
        self.communities = communities
        self.cids = [c[0] for c in communities]
        self.weights = [max(c[2], 1) for c in communities]
        self.types = types
        self.stations = stations
        self.users = users
        self.residents = residents
        self.by_community: dict[int, list[tuple[int, int, int, bool]]] = {}
        for r in residents:
            self.by_community.setdefault(r[1], []).append(r)
        self.adults = [r for r in residents if end.year - r[2] >= 18]

    def community(self, rng: random.Random) -> int:
        return rng.choices(self.cids, self.weights)[0]

    def periods(self) -> list[tuple[date, date, bool]]:
        """(from, to, after the project's start) of the history."""
        cut = min(max(PROJECT_START, self.start), self.end)
        return [(self.start, cut, False), (cut, self.end, True)]


def _registrations(conn: Any, rng: random.Random, ref: _Ref) -> int:
    """Residents registered over the years, most early (the ledger's import), not all today."""
    from data.models import Resident

    span = (ref.end - ref.start).days
    rows = [
        {"rid": rid, "at": _utc(ref.start, int(span * 1440 * rng.random() ** 1.6))}
        for rid, *_ in ref.residents
    ]
    at = bindparam("at", type_=Resident.created_at.type)
    stmt = (
        update(Resident).where(Resident.id == bindparam("rid")).values(created_at=at, updated_at=at)
    )
    for i in range(0, len(rows), BATCH):
        conn.execute(stmt, rows[i : i + BATCH])
    return len(rows)


def _incidents(conn: Any, rng: random.Random, ref: _Ref) -> dict[str, int]:
    from core.incidents import IncidentState, queue_rank
    from data.models import Incident

    plan: list[tuple[str, datetime, bool]] = []  # (type, created, false alarm)
    for lo, hi, after in ref.periods():
        rates = {**(SECURITY_AFTER if after else SECURITY_BEFORE), **OTHER_TYPES}
        for code, rate in rates.items():
            plan += [(code, t, False) for t in _times(rng, _per_year(rate, lo, hi), lo, hi)]
        if after:
            n = _per_year(FALSE_INTRUSIONS_AFTER, lo, hi)
            plan += [("BURGLARY", t, True) for t in _times(rng, n, lo, hi, (19, 24))]
    # Duplicates: the same event reported again within half an hour, merged into the first.
    firsts = rng.sample(range(len(plan)), int(len(plan) * DUPLICATE_SHARE))
    dup_of: dict[int, int] = {}
    for i in firsts:
        code, at, false = plan[i]
        dup_of[len(plan)] = i
        plan.append((code, at + timedelta(minutes=rng.randint(1, 25)), false))
    order = sorted(range(len(plan)), key=lambda i: plan[i][1])
    first_id = _next_id(conn, Incident)
    id_of = {i: first_id + k for k, i in enumerate(order)}
    recent = _utc(ref.end, 0) - timedelta(days=5)
    community_of: dict[int, int | None] = {}
    rows: list[dict[str, Any]] = []
    operator = ref.users.get("operator")
    for i in order:
        code, at, false = plan[i]
        type_id, prio, dispositions, name = ref.types[code]
        if i in dup_of:
            cid = community_of[dup_of[i]]
        elif code in ("FACILITY", "DEVICE") and rng.random() < 0.05:
            cid = None  # a street-wide road or device
        else:
            cid = ref.community(rng)
        community_of[i] = cid
        state = IncidentState.CLOSED if at < recent else rng.choice(list(IncidentState))
        real = [d for d in dispositions if d not in FALSE_DISPOSITIONS] or dispositions
        false_ones = [d for d in dispositions if d in FALSE_DISPOSITIONS]
        if false and false_ones:
            disposition = rng.choice(false_ones)
        elif state in (IncidentState.RESOLVED, IncidentState.CLOSED):
            disposition = rng.choice(real)
        else:
            disposition = ""
        merged = i in dup_of
        rows.append(
            {
                "id": id_of[i],
                "title": name,
                "description": "",
                "priority": prio,
                "state": (IncidentState.CLOSED if merged else state).value,
                "source": rng.choice(SOURCES[code]),
                "community_id": cid,
                "location": "",
                "created_at": at,
                "updated_at": at + timedelta(minutes=rng.randint(5, 600)),
                "created_by_id": operator,
                "claimed_by_id": None,
                "queue_rank": queue_rank(prio, IncidentState.CLOSED if merged else state),
                "type_id": type_id,
                "disposition": "重复报告，已合并" if merged else disposition,
                "caller_name": "",
                "caller_phone": "",
                "legal_hold": False,
                "legal_hold_reason": "",
                "anonymised_at": None,
                "version": 1,
                "merged_into_id": id_of[dup_of[i]] if merged else None,
                "restricted": "",
            }
        )
    return {"incident": _insert(conn, Incident, rows)}


def _tickets(conn: Any, rng: random.Random, ref: _Ref) -> dict[str, int]:
    from core.feedback import CATEGORIES, Source, TicketState
    from data.models import ServiceTicket

    n = _per_year(TICKETS_A_YEAR, ref.start, ref.end)
    weights = [10, 14, 16, 18, 24, 8, 4, 6]
    recent = _utc(ref.end, 0) - timedelta(days=10)
    first_id = _next_id(conn, ServiceTicket)
    rows: list[dict[str, Any]] = []
    for k, at in enumerate(_times(rng, n, ref.start, ref.end, (7, 21))):
        cat = rng.choices(CATEGORIES, weights)[0]
        cid = ref.community(rng)
        people = ref.by_community.get(cid) or ref.residents
        due = at + cat.response
        answered = rng.random() < TICKETS_ANSWERED or at > recent
        answered_at = at + cat.response * rng.uniform(0.05, 1.3) if answered else None
        if answered_at is not None and answered_at > _utc(ref.end, 0):
            answered_at = None  # not yet
        resolved = answered_at is not None and at < recent
        rated = resolved and rng.random() < 0.4
        status = (
            TicketState.RATED
            if rated
            else TicketState.RESOLVED
            if resolved
            else TicketState.ANSWERED
            if answered_at
            else TicketState.OPEN
        )
        resolved_at = None
        if resolved and answered_at is not None:
            resolved_at = answered_at + timedelta(days=rng.randint(0, 6))
        rows.append(
            {
                "id": first_id + k,
                "community_id": cid,
                "resident_id": rng.choice(people)[0] if rng.random() < 0.8 else None,
                "category": cat.code,
                "description": "",
                "caller_name": "",
                "caller_phone": "",
                "status": status.value,
                "created_at": at,
                "created_by_id": ref.users.get("operator"),
                "workstation": ref.stations.get(cid, "CC"),
                "client_uuid": _uuid(rng),
                "source": rng.choice(list(Source)).value,
                "source_ref": "",
                "department_code": None,
                "response_due_at": due,
                "resolve_due_at": at + timedelta(days=cat.resolve_days * 7 // 5 + 1),
                "answered_at": answered_at,
                "reply_channel": "phone" if answered_at else None,
                "reply_text": "",
                "resolved_at": resolved_at,
                "rating": rng.choice((3, 4, 4, 5, 5)) if rated else None,
                "rated_at": resolved_at + timedelta(days=1) if rated and resolved_at else None,
                "reopened": 0,
                "updated_at": resolved_at or answered_at or at,
            }
        )
    return {"service_ticket": _insert(conn, ServiceTicket, rows)}


def _screenings(conn: Any, rng: random.Random, ref: _Ref) -> dict[str, int]:
    from data.models import Consent, Screening

    n = _per_year(SITTINGS_A_YEAR, ref.start, ref.end)
    sittings = _times(rng, n, ref.start, ref.end, (8, 18))
    people = [rng.choice(ref.adults) for _ in sittings]
    consent_id: dict[int, int] = {}
    consents = []
    next_consent = _next_id(conn, Consent)
    for (rid, cid, _by, _care), at in zip(people, sittings, strict=True):
        if rid in consent_id:
            continue
        consent_id[rid] = next_consent
        consents.append(
            {
                "id": next_consent,
                "resident_id": rid,
                "community_id": cid,
                "purpose": "screening",
                "method": "written",
                "given_on": at.astimezone(TZ).date(),
                "witness_name": "",
                "guardian_name": "",
                "guardian_relation": "",
                "note": "",
                "recorded_by": "counsellor",
                "recorded_at": at,
                "withdrawn_at": None,
                "withdrawn_by": None,
                "withdrawal_reason": None,
            }
        )
        next_consent += 1
    rows: list[dict[str, Any]] = []
    next_id = _next_id(conn, Screening)

    def one(rid: int, cid: int, sitting: str, instrument: str, at: datetime, done: bool) -> None:
        nonlocal next_id
        items = 9 if instrument.startswith("PHQ-9") else 2
        total = rng.randint(0, 3 * items) if done else None
        rows.append(
            {
                "id": next_id,
                "client_uuid": _uuid(rng),
                "sitting_uuid": sitting,
                "resident_id": rid,
                "community_id": cid,
                "instrument": instrument,
                "mode": rng.choice(("station", "station", "phone", "kiosk")),
                "status": "complete" if done else "partial",
                "answers_enc": "",
                "answered": items if done else 1,
                "total": total,
                "band": ("positive" if total >= 3 else "negative") if total is not None else None,
                "positive": (total >= 3) if total is not None else None,
                "risk": False,
                "consent_id": consent_id[rid],
                "incident_id": None,
                "given_by": "counsellor",
                "started_at": at,
                "updated_at": at + timedelta(minutes=4),
                "completed_at": at + timedelta(minutes=4) if done else None,
            }
        )
        next_id += 1

    for (rid, cid, _by, _care), at in zip(people, sittings, strict=True):
        sitting = _uuid(rng)
        one(rid, cid, sitting, "PHQ-2@1", at, True)
        if rng.random() < PHQ9_AFTER_POSITIVE:
            one(rid, cid, sitting, "PHQ-9@1", at + timedelta(minutes=5), True)
        if rng.random() < ABANDONED_SITTINGS:  # another day, left half done
            other = rng.choice(ref.adults)
            if other[0] in consent_id:
                one(other[0], other[1], _uuid(rng), "PHQ-2@1", at + timedelta(days=1), False)
    return {"consent (screening)": _insert(conn, Consent, consents)} | {
        "screening": _insert(conn, Screening, rows)
    }


def _counselling(conn: Any, rng: random.Random, ref: _Ref) -> dict[str, int]:
    from data.models import CounsellingContact

    n = _per_year(CONTACTS_A_YEAR, ref.start, ref.end)
    kinds = [k for k, _ in CONTACT_KINDS]
    weights = [w for _, w in CONTACT_KINDS]
    first_id = _next_id(conn, CounsellingContact)
    rows: list[dict[str, Any]] = []
    for k, at in enumerate(_times(rng, n, ref.start, ref.end, (8, 20))):
        kind = rng.choices(kinds, weights)[0]
        cid = ref.community(rng)
        person = rng.choice(ref.by_community.get(cid) or ref.residents)
        rows.append(
            {
                "id": first_id + k,
                "client_uuid": _uuid(rng),
                "resident_id": None if kind == "education" else person[0],
                "community_id": cid,
                "kind": kind,
                "at": at,
                "minutes": rng.choice((20, 30, 45, 60, 90)),
                "attendees": rng.randint(8, 40) if kind == "education" else 1,
                "topic": "",
                "note_enc": "",
                "appointment_id": None,
                "counsellor": "counsellor",
                "created_at": at,
            }
        )
    return {"counselling_contact": _insert(conn, CounsellingContact, rows)}


def _jobs(conn: Any, rng: random.Random, ref: _Ref) -> dict[str, int]:
    from data.models import Employer, JobPosting, JobReferral, JobReferralStep, JobSeeker

    t0 = _utc(ref.start, 9 * 60)
    employers = []
    e0 = _next_id(conn, Employer)
    for k in range(EMPLOYERS):
        cid = ref.cids[k % len(ref.cids)] if k % 4 else None
        employers.append(
            _plain(
                Employer.__table__,
                {
                    "id": e0 + k,
                    "credit_code": f"91120106KPI{k:06d}X"[:18],
                    "name": f"用人单位{k:03d}",
                    "contact_name": "联系人",
                    "contact_phone": "022-00000000",
                    "address": "",
                    "lat": None,
                    "lon": None,
                    "status": "verified",
                    "staff": rng.randint(10, 300),
                    "disabled_staff": rng.randint(0, 5),
                    "forms": "open",
                    "community_id": cid,
                    "verified_by": "employment",
                    "verified_at": t0,
                    "created_at": t0,
                    "updated_at": t0,
                },
            )
        )
    postings = []
    p0 = _next_id(conn, JobPosting)
    for k in range(POSTINGS):
        e = employers[k % EMPLOYERS]
        postings.append(
            _plain(
                JobPosting.__table__,
                {
                    "id": p0 + k,
                    "employer_id": e["id"],
                    "title": f"岗位{k:03d}",
                    "duties": "",
                    "hours_per_week": rng.choice((20, 30, 40)),
                    "shift": "day",
                    "pay_fen_per_month": rng.randint(2500, 6000) * 100,
                    "lat": 39.17,
                    "lon": 117.15,
                    "openings": rng.randint(1, 5),
                    "status": "open",
                    "form": "open",
                    "community_id": e["community_id"],
                    "opened_at": t0,
                    "closed_at": None,
                    "updated_at": t0,
                },
            )
        )
    seekers = []
    s0 = _next_id(conn, JobSeeker)
    for k, (rid, cid, _by, _care) in enumerate(rng.sample(ref.adults, SEEKERS)):
        seekers.append(
            _plain(
                JobSeeker.__table__,
                {
                    "id": s0 + k,
                    "resident_id": rid,
                    "community_id": cid,
                    "lat": 39.17,
                    "lon": 117.15,
                    "min_hours": 20,
                    "max_hours": 40,
                    "max_m": 5000,
                    "created_at": t0,
                    "updated_at": t0,
                },
            )
        )
    n = _per_year(REFERRALS_A_YEAR, ref.start, ref.end)
    pairs: set[tuple[int, int]] = set()
    referrals: list[dict[str, Any]] = []
    steps: list[dict[str, Any]] = []
    r0, st = _next_id(conn, JobReferral), _next_id(conn, JobReferralStep)
    for at in _times(rng, n, ref.start, ref.end, (9, 17)):
        seeker = rng.choice(seekers)
        posting = rng.choice(postings)
        if (seeker["id"], posting["id"]) in pairs:
            continue
        pairs.add((seeker["id"], posting["id"]))
        rid = r0 + len(referrals)
        # referred → interview (60 %) → offer (45 %) → hired (20 %), or refused on the way.
        u = rng.random()
        path = ["referred"]
        if u < 0.60:
            path.append("interview")
        if u < 0.45:
            path.append("offer")
        if u < 0.20:
            path.append("hired")
        elif u < 0.9:
            path.append("refused")
        on = at.astimezone(TZ).date()
        last = "referred"
        for stage in path:
            if on >= ref.end:
                break
            steps.append(
                {
                    "id": st + len(steps),
                    "referral_id": rid,
                    "stage": stage,
                    "happened_on": on,
                    "refused_by": "employer" if stage == "refused" else None,
                    "reason": "other" if stage == "refused" else None,
                    "note": "",
                    "recorded_by": "employment",
                    "recorded_at": _utc(on, 17 * 60),
                }
            )
            last = stage
            on += timedelta(days=rng.randint(3, 20))
        referrals.append(
            {
                "id": rid,
                "seeker_id": seeker["id"],
                "posting_id": posting["id"],
                "community_id": seeker["community_id"],
                "counsellor": "employment",
                "stage": last,
                "employer_confirmed_on": on if last == "hired" else None,
                "created_at": at,
            }
        )
    return {
        "employer": _insert(conn, Employer, employers),
        "job_posting": _insert(conn, JobPosting, postings),
        "job_seeker": _insert(conn, JobSeeker, seekers),
        "job_referral": _insert(conn, JobReferral, referrals),
        "job_referral_step": _insert(conn, JobReferralStep, steps),
    }


def _answers(rng: random.Random, form: str, assisted: bool) -> dict[str, object]:
    """A response's answers; assisted ones a little rosier, as they tend to be."""
    if form == "SAT-DEMO":
        weights = [46, 36, 8, 4, 1, 5] if assisted else [38, 36, 12, 7, 2, 5]
        out: dict[str, object] = {"sat": rng.choices(["5", "4", "3", "2", "1", "dk"], weights)[0]}
        if out["sat"] in ("1", "2"):
            out["why"] = "办事要跑好几次"
        out["rec"] = rng.choices(range(11), [1, 1, 1, 1, 2, 3, 5, 9, 14, 16, 22])[0]
        needs = rng.sample(["meals", "visits", "repairs", "health"], rng.randint(0, 2))
        if needs:
            out["needs"] = needs
        return out
    weights = [30, 38, 16, 8, 3, 5] if assisted else [24, 36, 20, 10, 4, 6]
    out = {"conv": rng.choices(["5", "4", "3", "2", "1", "dk"], weights)[0]}
    out["aware"] = "yes" if rng.random() < (0.9 if assisted else 0.82) else "no"
    if rng.random() < 0.2:
        out["comment"] = "希望多组织老年活动"
    return out


def _surveys(conn: Any, rng: random.Random, ref: _Ref) -> dict[str, int]:
    from console.demo_surveys import FORM, MODES
    from core.survey import load_form
    from core.survey_results import ASSISTED_MODES
    from data.models import (
        SurveyAnswered,
        SurveyForm,
        SurveyFrameMember,
        SurveyResponse,
        SurveyRound,
    )
    from data.services.surveys import age_band

    t0 = _utc(ref.start, 9 * 60) - timedelta(days=7)
    forms = []
    f0 = _next_id(conn, SurveyForm)
    for k, (code, title, text) in enumerate(
        (
            ("SAT-DEMO", "社区服务满意度调查", FORM),
            ("CONV-KPI", "社区服务便利度与项目知晓度调查", CONVENIENCE_FORM),
        )
    ):
        load_form(text, code)  # raises if the form no longer reads
        forms.append(
            {
                "id": f0 + k,
                "code": code,
                "version": 1,
                "title": title,
                "definition": text,
                "published_at": t0,
                "created_by": "admin",
                "created_at": t0,
            }
        )
    months = []
    m = ref.start
    while m < ref.end:
        months.append(m)
        m = _first_of_month(m, -1)
    rounds: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    responses: list[dict[str, Any]] = []
    answered: list[dict[str, Any]] = []
    r0 = _next_id(conn, SurveyRound)
    operator = ref.users.get("operator")
    for month in months:
        for form in forms:
            rid = r0 + len(rounds)
            anonymous = len(rounds) % 3 == 2
            ends = month + timedelta(days=24)
            rounds.append(
                {
                    "id": rid,
                    "code": f"KPI-{form['code']}-{month:%Y%m}",
                    "form_id": form["id"],
                    "purpose": f"{month:%Y年%m月}{form['title']}",
                    "frame_kind": "sample",
                    "frame_params": json.dumps({"n": FRAME_PER_ROUND, "seed": rid}),
                    "starts_on": month,
                    "ends_on": ends,
                    "anonymous": anonymous,
                    "keep_partial": False,
                    "status": "open" if ends >= ref.end else "closed",
                    "created_by": "admin",
                    "created_at": _utc(month, 0) - timedelta(days=3),
                }
            )
            for rid_, cid, birth_year, care in rng.sample(ref.adults, FRAME_PER_ROUND):
                members.append({"round_id": rid, "resident_id": rid_, "community_id": cid})
                day = month + timedelta(days=rng.randrange(24))
                if day >= ref.end or rng.random() > ANSWER_RATE:
                    continue
                mode = rng.choice(MODES)
                assisted = mode in ASSISTED_MODES
                at = _utc(day, rng.randint(8 * 60, 20 * 60))
                if anonymous:
                    at = at.replace(minute=0, second=0, microsecond=0)
                    answered.append(
                        {"round_id": rid, "resident_id": rid_, "answered_at": _utc(day, 0)}
                    )
                responses.append(
                    {
                        "id": _uuid(rng),
                        "round_id": rid,
                        "client_uuid": _uuid(rng),
                        "resident_id": None if anonymous else rid_,
                        "mode": mode,
                        "helped_by": operator if mode in ("staff", "phone") else None,
                        "community_id": cid,
                        "age_band": age_band(birth_year, day),
                        "care_flag": care,
                        "answers": json.dumps(
                            _answers(rng, str(form["code"]), assisted), ensure_ascii=False
                        ),
                        "complete": rng.random() > 0.02,
                        "submitted_at": at,
                        "workstation": "CC" if mode == "phone" else ref.stations.get(cid, "CC"),
                        "business_id": None,
                    }
                )
    return {
        "survey_form": _insert(conn, SurveyForm, forms),
        "survey_round": _insert(conn, SurveyRound, rounds),
        "survey_frame_member": _insert(conn, SurveyFrameMember, members),
        "survey_response": _insert(conn, SurveyResponse, responses),
        "survey_answered": _insert(conn, SurveyAnswered, answered),
    }


def _stations(conn: Any, rng: random.Random, ref: _Ref) -> dict[str, int]:
    from data.models import StationHeartbeat, StationReceipt

    kinds = ("request", "survey", "note", "order", "panic")
    weights = (40, 30, 15, 14, 1)
    rows: list[dict[str, Any]] = []
    first_id = _next_id(conn, StationReceipt)
    day = ref.start
    while day < ref.end:
        for cid, code in sorted(ref.stations.items()):
            if rng.random() > STATION_DAYS:
                continue
            for _ in range(rng.choice((1, 2, 3, 3, 4, 5, 6, 8))):
                at = _utc(day, rng.randint(8 * 60, 18 * 60))
                rows.append(
                    {
                        "id": first_id + len(rows),
                        "uuid": _uuid(rng),
                        "kind": rng.choices(kinds, weights)[0],
                        "workstation": code,
                        "community_id": cid,
                        "outcome": "sent",
                        "result_ref": "",
                        "detail": "",
                        "received_at": at,
                        "station_at": at - timedelta(seconds=rng.randint(0, 90)),
                        "received_by": "CC",
                    }
                )
        day += timedelta(days=1)
    beats = []
    h0 = _next_id(conn, StationHeartbeat)
    last_day = _utc(ref.end, 0)
    for k, (cid, code) in enumerate(sorted(ref.stations.items())):
        beats.append(
            {
                "id": h0 + k,
                "workstation": code,
                "community_id": cid,
                "last_seen_at": last_day - timedelta(minutes=rng.randint(1, 600)),
                "clock_skew_s": rng.uniform(-2, 2),
                "waiting": 0,
            }
        )
    return {
        "station_receipt": _insert(conn, StationReceipt, rows),
        "station_heartbeat": _insert(conn, StationHeartbeat, beats),
    }


def _tags(conn: Any, rng: random.Random, ref: _Ref) -> dict[str, int]:
    """The demo's tags issued over the years instead of all today, more people tagged, and
    some tags returned."""
    from data.models import Consent, Tag
    from data.tag_seeding import person_code

    span = (ref.end - ref.start).days
    existing = list(conn.execute(select(Tag.id, Tag.resident_id)))
    tagged = {int(r) for _, r in existing if r is not None}
    stmt = (
        update(Tag)
        .where(Tag.id == bindparam("tid"))
        .values(issued_at=bindparam("at", type_=Tag.issued_at.type))
    )
    moved = [
        {"tid": tid, "at": _utc(ref.start, int(span * 1440 * rng.random() ** 1.3))}
        for tid, _ in existing
    ]
    for i in range(0, len(moved), BATCH):
        conn.execute(stmt, moved[i : i + BATCH])
    consenting = [
        (int(r), int(c))
        for r, c in conn.execute(
            select(Consent.resident_id, Consent.community_id)
            .where(Consent.purpose == "tracking", Consent.withdrawn_at.is_(None))
            .order_by(Consent.resident_id)
        )
        if int(r) not in tagged
    ]
    extra = rng.sample(consenting, min(EXTRA_TRACKED, len(consenting)))
    first_id = _next_id(conn, Tag)
    rows: list[dict[str, Any]] = []
    returned = set(rng.sample(range(len(extra)), min(RETURNED_TAGS, len(extra))))
    for k, (rid, cid) in enumerate(extra):
        issued = _utc(ref.start, int(span * 1440 * rng.random()))
        back = None
        if k in returned:
            back = issued + timedelta(days=rng.randint(30, 400))
            if back >= _utc(ref.end, 0):
                back = None
        rows.append(
            {
                "id": first_id + k,
                "code": person_code(rid),
                "kind": "person",
                "community_id": cid,
                "resident_id": rid,
                "plate": "",
                "label": "",
                "state": "returned" if back else "issued",
                "issued_at": issued,
                "issued_by": "system",
                "returned_at": back,
                "replaced_by_id": None,
                "safe_zones": "",
                "dwell_seconds": 60,
                "no_read_hours": 12,
                "armed": False,
            }
        )
    return {
        "tag (issued_at spread)": len(moved),
        "tag": _insert(conn, Tag, rows),
    }


def _advance_sequences(conn: Any) -> None:
    """Rows were written with explicit ids: move each serial column's sequence past them."""
    from data.models import Base

    for name, table in Base.metadata.tables.items():
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        if table.c.id.type.python_type is not int:
            continue
        seq = conn.exec_driver_sql(f"SELECT pg_get_serial_sequence('{name}', 'id')").scalar()
        if seq:
            conn.exec_driver_sql(
                f"SELECT setval('{seq}', GREATEST((SELECT max(id) FROM {name}), 1))"
            )

"""History search at scale: name, phone and address substrings against a LIKE scan, both backends.

`python -m bench.incidents --search [--sizes 10000,100000,1000000]` prints the table. Each size
gets a database of its own with a realistic mix (~1 % open; Chinese names, 11-digit phones,
street addresses, short descriptions), filled in bulk together with its search index (the same
core.history functions the services use). Measured: HistoryService.search (first page of 200
and the capped count), as the console runs it (the workstation role on PostgreSQL). Baseline,
in the same run on the same file: the plain way, `LIKE '%…%'` over the incident's columns,
newest first, with the same capped count.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

Row = tuple[str, float, float, str]
REPEAT = 5
CHUNK = 100_000  # incidents indexed per transaction while filling
OPEN_SHARE = 0.01
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
)
GIVEN = "静伟芳娜敏强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉鑫宇浩欣怡佳丽晨阳"
STREETS = (
    "咸阳北路", "芥园道", "红旗路", "丁字沽一号路", "西青道", "本溪路", "勤俭道", "湘潭道",
    "千禧园", "光荣道", "团结路", "复兴路", "和苑", "春和里", "水木天成", "双环邨",
)  # fmt: skip
TITLES = (
    "老人摔倒", "独居老人未出门", "噪音扰民", "路灯不亮", "井盖丢失", "电动车被盗", "燃气泄漏",
    "楼上漏水", "停车纠纷", "宠物扰民", "楼道堆物", "高空抛物", "老人走失", "垃圾未清运",
    "消防通道堵塞", "供暖不热", "电梯故障", "邻里纠纷", "可疑人员", "火警",
)  # fmt: skip
DESCRIPTIONS = ("{name}来电反映{title}，请尽快处理", "居民反映{title}", "网格员上报：{title}", "")
SOURCES = ("call", "call", "call", "manual", "alarm", "tracking", "device")
OPEN = ("new", "acknowledged", "dispatched", "on_scene")


def _incidents(n: int, cids: list[int]) -> Iterator[dict[str, Any]]:
    """n incidents of the last years, oldest first, ~1 % open."""
    from core.incidents import IncidentState, queue_rank

    rnd = random.Random(20261130)
    t0 = datetime(2023, 1, 1, tzinfo=UTC)
    step = timedelta(seconds=max(30, int(3 * 365 * 86400 / max(n, 1))))
    for i in range(n):
        name = rnd.choice(SURNAMES) + "".join(rnd.choices(GIVEN, k=1 if rnd.random() < 0.6 else 2))
        title = rnd.choice(TITLES)
        state = rnd.choice(OPEN) if rnd.random() < OPEN_SHARE else "closed"
        prio = rnd.randint(1, 4)
        at = t0 + step * i
        location = (
            f"{rnd.choice(STREETS)}{rnd.randint(1, 200)}号"
            f"{rnd.randint(1, 12)}号楼{rnd.randint(1, 6)}单元"
        )
        yield {
            "title": title,
            "description": rnd.choice(DESCRIPTIONS).format(name=name, title=title),
            "priority": prio,
            "state": state,
            "source": rnd.choice(SOURCES),
            "community_id": rnd.choice(cids),
            "location": location,
            "created_at": at,
            "updated_at": at,
            "queue_rank": queue_rank(prio, IncidentState(state)),
            "caller_name": name if rnd.random() < 0.8 else "",
            "caller_phone": "1" + rnd.choice("3456789") + "".join(rnd.choices("0123456789", k=9))
            if rnd.random() < 0.8
            else "",
        }


def _fill(db: Any, n: int) -> None:
    """Incidents in bulk, then their search index as the services would have written it."""
    from sqlalchemy import insert, select

    from core.history import digits, phone_grams, search_body, text_grams
    from data.models import Community, Incident

    with db.session() as s:
        cids = list(s.scalars(select(Community.id)))
        batch: list[dict[str, Any]] = []
        for row in _incidents(n, cids):
            batch.append(row)
            if len(batch) == 20_000:
                s.execute(insert(Incident), batch)
                batch.clear()
        if batch:
            s.execute(insert(Incident), batch)
    pg = db.engine.dialect.name == "postgresql"
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        if pg:  # one index build after the load beats 45M insertions into it
            cur.execute("ALTER TABLE incident_gram DROP CONSTRAINT pk_incident_gram")
        else:
            cur.execute("PRAGMA synchronous=OFF")
            # Staged unsorted, then copied in key order once: appending to the index.
            cur.execute("CREATE TEMP TABLE stage (gram TEXT, incident_id INTEGER, community_id)")
        last = 0
        while True:
            with db.session() as s:
                chunk = s.execute(
                    select(
                        Incident.id,
                        Incident.community_id,
                        Incident.title,
                        Incident.description,
                        Incident.caller_name,
                        Incident.caller_phone,
                        Incident.location,
                    )
                    .where(Incident.id > last)
                    .order_by(Incident.id)
                    .limit(CHUNK)
                ).all()
            if not chunk:
                break
            last = chunk[-1][0]
            docs: list[tuple[Any, ...]] = []
            grams: list[tuple[Any, ...]] = []
            for iid, cid, title, desc, name, phone_, loc in chunk:
                body, phone = search_body(title, desc, name, loc), digits(phone_)
                docs.append((iid, cid, body, phone))
                grams += [(g, iid, cid) for g in text_grams(body) | phone_grams(phone)]
            grams.sort()  # key order within the chunk (PostgreSQL builds its key after)
            if pg:
                for table, cols, rows in (
                    ("incident_search", "incident_id, community_id, body, phone", docs),
                    ("incident_gram", "gram, incident_id, community_id", grams),
                ):
                    with cur.copy(f"COPY {table} ({cols}) FROM STDIN") as cp:
                        for r in rows:
                            cp.write_row(r)
            else:
                cur.executemany("INSERT INTO incident_search VALUES (?, ?, ?, ?)", docs)
                cur.executemany("INSERT INTO stage VALUES (?, ?, ?)", grams)
            raw.commit()
        if not pg:
            cur.execute(
                "INSERT INTO incident_gram (gram, incident_id, community_id) "
                "SELECT gram, incident_id, community_id FROM stage ORDER BY gram, incident_id"
            )
            cur.execute("DROP TABLE stage")
            raw.commit()
        if pg:
            cur.execute(
                "ALTER TABLE incident_gram ADD CONSTRAINT pk_incident_gram "
                "PRIMARY KEY (gram, incident_id)"
            )
            raw.commit()
    finally:
        raw.close()
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    else:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")


def _time(fn: Callable[[], object]) -> float:
    """Median ms of fn() (warm: the first call is not counted)."""
    fn()
    runs = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return 1000 * statistics.median(runs)


def _like_scan(db: Any, text: str, column: str) -> Callable[[], object]:
    """The baseline: LIKE '%…%' over the columns, newest first, and the same capped count."""
    from sqlalchemy import func, or_, select

    from core.history import COUNT_CAP
    from data.models import Incident

    cols = (
        [Incident.caller_phone]
        if column == "phone"
        else [Incident.title, Incident.description, Incident.caller_name, Incident.location]
    )
    base = select(Incident.id).where(or_(*(c.contains(text) for c in cols)))

    def run() -> object:
        with db.session() as s:
            ids = list(s.scalars(base.order_by(Incident.id.desc()).limit(201)))
            n = s.scalar(select(func.count()).select_from(base.limit(COUNT_CAP + 1).subquery()))
        return ids, n

    return run


def _probes(db: Any, n: int) -> dict[str, tuple[str, str]]:
    """What an operator would type, taken from the data: (kind, text) per measure."""
    from sqlalchemy import select

    from data.models import Incident

    with db.session() as s:
        pick = s.execute(
            select(Incident.caller_name, Incident.caller_phone, Incident.location)
            .where(Incident.id >= n // 2, Incident.caller_phone != "")
            .where(Incident.caller_name != "")
            .order_by(Incident.id)
            .limit(50)
        ).all()
    name = next((r[0] for r in pick if len(r[0]) == 2), pick[0][0])
    phone = pick[1][1][-4:]
    loc = pick[2][2]
    first_digit = next(i for i, c in enumerate(loc) if c.isdigit())
    address = loc[max(0, first_digit - 2) : loc.index("号") + 1]  # e.g. 北路12号
    return {
        "name": ("text", name),
        "phone": ("phone", phone),
        "address": ("text", address),
    }


def _measure(url: str, ws_url: str, n: int, label: str) -> list[Row]:
    from console.startup import local_services
    from core.history import HistoryQuery
    from data.migrate import open_database

    db = open_database(ws_url)
    try:
        svc = local_services(db, "CC")
        who = svc.signin.principal("operator")
        rows: list[Row] = []
        for what, (field, text) in _probes(db, n).items():
            q = HistoryQuery(text=text) if field == "text" else HistoryQuery(phone=text)
            page = svc.history.search(who, q)
            got = _time(lambda q=q: svc.history.search(who, q))  # type: ignore[misc]
            base = _time(_like_scan(db, text, field))
            shown = f"{page.count:,}{'+' if page.capped else ''}"
            rows.append(
                (
                    f"search {what}, {label}, {n:,} (ms)",
                    got,
                    base,
                    f"goal <= 100 ms at 1M; “{text}”: {shown} matches; baseline: LIKE scan",
                )
            )
        return rows
    finally:
        db.dispose()


def _seeded(url: str) -> None:
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


def table_rows(sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000)) -> list[Row]:
    """(measure, console, baseline, note) rows: each size on SQLite, then on PostgreSQL."""
    from data.migrate import open_database
    from tests.helpers.postgres import setup_console_roles, start_postgres

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="console-history-") as tmp:
        for n in sizes:
            url = f"sqlite:///{Path(tmp) / f'history{n}.db'}"
            _seeded(url)
            db = open_database(url)
            t = time.perf_counter()
            try:
                _fill(db, n)
            finally:
                db.dispose()
            print(f"SQLite {n:,} filled in {time.perf_counter() - t:.0f} s", flush=True)
            rows += _measure(url, url, n, "SQLite")
            Path(url.removeprefix("sqlite:///")).unlink()
    try:
        srv = start_postgres()
    except RuntimeError as exc:
        print(f"PostgreSQL not measured: {exc}")
        return rows
    try:
        for n in sizes:
            name = f"history{n}"
            url = srv.create_database(name)
            _seeded(url)
            db = open_database(url)
            t = time.perf_counter()
            try:
                setup_console_roles(db)
                _fill(db, n)
            finally:
                db.dispose()
            print(f"PostgreSQL {n:,} filled in {time.perf_counter() - t:.0f} s", flush=True)
            rows += _measure(url, srv.workstation_url(name), n, "PG")
    finally:
        srv.stop()
    return rows

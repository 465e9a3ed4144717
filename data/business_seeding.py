"""Demo businesses: about ten per community, the same ones for the same site and day."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from data.changes import record_change
from data.models import Business, Community

PER_COMMUNITY = 10
SEED = 20261130
# (kind, name stems): a street's mix, shops first.
_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("shop", ("便利店", "五金店", "水果店", "药店", "文具店")),
    ("restaurant", ("面馆", "饺子馆", "早餐铺", "小吃店")),
    ("service", ("理发店", "洗衣店", "修鞋铺", "家电维修")),
    ("market", ("菜市场摊位", "早市摊位")),
    ("other", ("棋牌室", "快递驿站")),
)
_PREFIXES = ("幸福", "和平", "安康", "兴隆", "顺心", "福满", "阳光", "老街", "邻里", "如意")
_SURNAMES = "王李张刘陈杨赵黄周吴"
_GIVEN = ("伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇")


def business_code(community: str, n: int) -> str:
    """The demo code of a community's n-th business (1-based)."""
    return f"B-{community}-{n:02d}"


def seed_businesses(
    s: Session, today: date, now: datetime, *, per_community: int = PER_COMMUNITY
) -> int:
    """Register the demo businesses once (a database with businesses keeps its own); how many
    were added. One in ten has closed, a month before `today`, so that a frame drawn today
    leaves it out."""
    if s.scalar(select(func.count()).select_from(Business)):
        return 0
    rows: list[dict[str, Any]] = []
    for cid, ccode in s.execute(select(Community.id, Community.code).order_by(Community.code)):
        rng = random.Random(f"{SEED}:{ccode}")  # per community: adding one changes no other
        for n in range(1, per_community + 1):
            kind, stems = _STEMS[rng.randrange(len(_STEMS))] if n > 2 else _STEMS[0]
            opened = today - timedelta(days=rng.randrange(60, 6000))
            rows.append(
                {
                    "code": business_code(ccode, n),
                    "name": rng.choice(_PREFIXES) + rng.choice(stems),
                    "community_id": cid,
                    "kind": kind,
                    "contact_name": rng.choice(_SURNAMES) + rng.choice(_GIVEN),
                    "contact_phone": "139" + f"{rng.randrange(10**8):08d}",
                    "licence_no": f"91{rng.randrange(10**16):016d}",
                    "opened_on": opened,
                    "closed_on": today - timedelta(days=30) if n == per_community else None,
                    "created_at": now,
                }
            )
    if rows:
        s.execute(insert(Business), rows)
        record_change(s, "business", None, "seed")
    return len(rows)

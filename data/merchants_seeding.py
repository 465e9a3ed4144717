"""Demo certified merchants: two per community from the register, with catalogue and surveys."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.merchants import MerchantStatus, ProductKind, complaint_due, expired_licence
from data.changes import record_change
from data.models import (
    Business,
    Community,
    Merchant,
    MerchantComplaint,
    MerchantInspection,
    MerchantStaff,
    MerchantStatusEvent,
    PriceObservation,
    Product,
    ProductPrice,
)

PER_COMMUNITY = 2
SEED = 20261201
KINDS = ("shop", "market", "service")
# (code, name, unit, market price in fen): a household's staples, then household services.
GOODS: tuple[tuple[str, str, str, int], ...] = (
    ("RICE-5KG", "大米 5kg", "袋", 3200),
    ("FLOUR-5KG", "面粉 5kg", "袋", 2800),
    ("OIL-5L", "食用油 5L", "桶", 6800),
    ("EGG-500G", "鸡蛋", "斤", 650),
    ("MILK-1L", "纯牛奶 1L", "盒", 1200),
    ("CABBAGE", "大白菜", "斤", 180),
    ("TOMATO", "西红柿", "斤", 400),
    ("POTATO", "土豆", "斤", 220),
    ("NOODLE-1KG", "挂面 1kg", "包", 900),
    ("TOFU-500G", "豆腐", "盒", 350),
    ("SOY-500ML", "酱油 500ml", "瓶", 850),
    ("PORK", "猪肉", "斤", 1500),
)
SERVICES: tuple[tuple[str, str, str, int], ...] = (
    ("SVC-CLEAN-2H", "家政保洁（2小时）", "次", 10000),
    ("SVC-HAIRCUT", "上门理发", "次", 3000),
    ("SVC-REPAIR", "家电小修", "次", 5000),
    ("SVC-LAUNDRY", "洗衣取送", "次", 2000),
)
PLACES = ("区农贸市场", "大型超市", "早市", "社区菜店", "网购平台", "批发市场")
_SURNAMES = "王李张刘陈杨赵黄周吴"
_GIVEN = ("伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇")
_INSPECTORS = ("市场监管所 王科", "市场监管所 李敏", "街道商户办 赵强")
_COMPLAINTS = (
    ("price", "鸡蛋价格比上周贵了不少"),
    ("delivery", "送货晚了两个小时"),
    ("quality", "蔬菜不新鲜"),
    ("service", "电话一直没人接"),
    ("food_safety", "牛奶快过期了还在卖"),
)


def _round10(cents: float) -> int:
    return max(10, round(cents / 10) * 10)


def seed_merchants(s: Session, today: date, now: datetime) -> int:
    """Certify the demo merchants once (a database with merchants keeps its own); how many.
    Some licences expire within 30 days; one has expired and its merchant stands suspended by
    the system, as the licence sweep leaves it; one survey has a mistyped price that the
    median ignores."""
    if s.scalar(select(func.count()).select_from(Merchant)):
        return 0
    added = 0
    for cid, ccode in s.execute(select(Community.id, Community.code).order_by(Community.code)):
        rng = random.Random(f"{SEED}:{ccode}")
        found = list(
            s.scalars(
                select(Business)
                .where(
                    Business.community_id == cid,
                    Business.kind.in_(KINDS),
                    Business.closed_on.is_(None),
                )
                .order_by(Business.code)
                .limit(PER_COMMUNITY)
            )
        )
        for b in found:
            _merchant(s, rng, b, today, now, expired=(added == 1), expiring=(added % 5 == 0))
            added += 1
    if added:
        _surveys(s, today, now)
        for table in (
            "merchant",
            "merchant_staff",
            "merchant_inspection",
            "merchant_complaint",
            "merchant_status_event",
            "product",
            "product_price",
            "price_observation",
        ):
            record_change(s, table, None, "seed")
    return added


def _merchant(
    s: Session,
    rng: random.Random,
    b: Business,
    today: date,
    now: datetime,
    *,
    expired: bool,
    expiring: bool,
) -> None:
    certified = today - timedelta(days=rng.randrange(90, 700))
    if expired:
        expires = today - timedelta(days=3)
    elif expiring:
        expires = today + timedelta(days=rng.randrange(5, 28))
    else:
        expires = today + timedelta(days=rng.randrange(120, 900))
    food_expires = today + timedelta(days=rng.randrange(40, 1000))
    # The expired one is seeded as the sweep leaves it (suspended by the system, in its
    # trail): a console's first sweep then has nothing to do and tells nobody of it.
    why = expired_licence(expires, food_expires, today) if expired else None
    m = Merchant(
        business_id=b.id,
        community_id=b.community_id,
        name=b.name,
        status=(MerchantStatus.SUSPENDED if why else MerchantStatus.ACTIVE).value,
        status_reason=why or "",
        licence_no=b.licence_no or f"91{rng.randrange(10**16):016d}",
        licence_expires=expires,
        food_licence_no=f"JY{rng.randrange(10**14):014d}",
        food_licence_expires=food_expires,
        certified_on=certified,
        created_at=now - timedelta(days=(today - certified).days),
        updated_at=now,
    )
    s.add(m)
    s.flush()
    s.add(
        MerchantStatusEvent(
            merchant_id=m.id,
            community_id=m.community_id,
            ts=m.created_at,
            from_status="",
            to_status=MerchantStatus.ACTIVE.value,
            reason="certified",
            actor="seed",
        )
    )
    if why:
        s.add(
            MerchantStatusEvent(
                merchant_id=m.id,
                community_id=m.community_id,
                ts=now - timedelta(days=2),
                from_status=MerchantStatus.ACTIVE.value,
                to_status=MerchantStatus.SUSPENDED.value,
                reason=why,
                actor="system",
            )
        )
    for k in range(3):
        cert_days = rng.randrange(10, 25) if k == 2 and expiring else rng.randrange(60, 360)
        s.add(
            MerchantStaff(
                merchant_id=m.id,
                community_id=m.community_id,
                name=rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(("", "华", "明")),
                phone="138" + f"{rng.randrange(10**8):08d}",
                deliverer=k < 2,
                health_cert_no=f"JK{rng.randrange(10**10):010d}",
                health_cert_expires=today + timedelta(days=cert_days),
                active=True,
            )
        )
    for k in range(2):
        day = today - timedelta(days=30 + 90 * k + rng.randrange(20))
        score = rng.randrange(72, 99) if not (expired and k == 0) else 55
        s.add(
            MerchantInspection(
                merchant_id=m.id,
                community_id=m.community_id,
                inspected_on=day,
                inspector=rng.choice(_INSPECTORS),
                score=score,
                findings="冷柜温度记录不全" if score < 60 else "明码标价，台账齐全",
                created_at=now - timedelta(days=(today - day).days),
            )
        )
    for k in range(rng.randrange(0, 3)):
        category, text = _COMPLAINTS[rng.randrange(len(_COMPLAINTS))]
        # The first was resolved in time; a later one is still open, now and then overdue.
        received = now - timedelta(days=rng.randrange(3, 10) if k == 0 else rng.randrange(0, 4))
        due = complaint_due(category, received)
        resolved = due - timedelta(hours=2) if k == 0 else None
        s.add(
            MerchantComplaint(
                merchant_id=m.id,
                community_id=m.community_id,
                category=category,
                text=text,
                received_at=received,
                due_at=due,
                resolved_at=resolved if resolved is not None and resolved < now else None,
                resolution="已回访，商户道歉并退款"
                if resolved is not None and resolved < now
                else "",
                actor="operator",
            )
        )
    items = list(GOODS)
    rng.shuffle(items)
    services = list(SERVICES)
    rng.shuffle(services)
    chosen = [(c, n, u, p, ProductKind.GOODS) for c, n, u, p in sorted(items[:10])] + [
        (c, n, u, p, ProductKind.SERVICE) for c, n, u, p in sorted(services[: rng.randrange(2, 4)])
    ]
    for i, (code, name, unit, market, kind) in enumerate(chosen):
        # Mostly 8–15 % below the market; now and then one outside 5–20 % to be looked at.
        off = rng.choice((0.03, 0.25)) if i == 0 else rng.uniform(0.08, 0.15)
        price = _round10(market * (1 - off))
        first = _round10(market * (1 - off) * rng.uniform(1.0, 1.08))
        p = Product(
            merchant_id=m.id,
            community_id=m.community_id,
            code=code,
            name=name,
            kind=kind.value,
            unit=unit,
            price_cents=price,
            active=True,
            updated_at=now - timedelta(days=7),
        )
        s.add(p)
        s.flush()
        history = [(first, now - timedelta(days=60 + rng.randrange(30)))]
        if first != price:
            history.append((price, now - timedelta(days=7)))
        for cents, at in history:
            s.add(
                ProductPrice(
                    product_id=p.id,
                    community_id=p.community_id,
                    price_cents=cents,
                    from_at=at,
                    actor="seed",
                )
            )


def _surveys(s: Session, today: date, now: datetime) -> None:
    """Five or six market observations per commodity within the month; one mistyped rice
    price (ten times the real one) that the median leaves alone."""
    rng = random.Random(f"{SEED}:surveys")
    for code, _name, _unit, market in GOODS + SERVICES:
        places = list(PLACES)
        rng.shuffle(places)
        for place in places[: rng.randrange(5, 7)]:
            s.add(
                PriceObservation(
                    code=code,
                    observed_on=today - timedelta(days=rng.randrange(1, 28)),
                    place=place,
                    price_cents=_round10(market * rng.uniform(0.95, 1.05)),
                    observer="街道价格监测员",
                    created_at=now,
                )
            )
    s.add(
        PriceObservation(
            code="RICE-5KG",
            observed_on=today - timedelta(days=2),
            place="早市",
            price_cents=32000,
            observer="街道价格监测员",
            created_at=now,
        )
    )

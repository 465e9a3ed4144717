"""A demo world with a merchant, its staff and products, a volunteer and residents to order
for (not a test module): shared by the order service's and the order widgets' tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.site import SiteSpec
from data.context import ServiceContext
from data.db import Database
from data.fieldcrypt import ensure_field_keys
from data.models import (
    Business,
    Community,
    Merchant,
    MerchantStaff,
    Product,
    Resident,
    Volunteer,
)
from data.seeding import seed_site
from data.services import Services
from tests.helpers.fakes import T0 as T_NOW
from tests.helpers.postgres import as_owner
from tests.unit.data.support import FakeClock, cheap_hasher
from tests.unit.data.worlds import DEMO_USERS, World

DAY = date(2026, 11, 26)  # the day after the clock's (T0 is 16:00 in Shanghai on the 25th)
PRICES = {"RICE-5KG": 3_580, "OIL-1L": 1_990, "EGG-10": 1_250, "MILK-1L": 1_100}


@dataclass
class OrdersWorld:
    """The world and the ids a test orders with."""

    env: World
    merchant: int
    staff: int
    other_staff: int
    volunteer: int
    products: dict[str, int]
    alone: int  # lives alone
    dementia: int
    mate: int  # same household as `alone`
    other: int  # C02


def _resident(s: Session, cid: int, name: str, address: str, **flags: bool) -> Resident:
    r = Resident(
        community_id=cid,
        name=name,
        gender="F",
        birth_year=1945,
        birth_date_enc="",
        id_number_enc="",
        id_number_mask="",
        name_mask=name[0] + "*" * (len(name) - 1),
        phone="13812345678",
        phone_mask="138****5678",
        address_mask=address[:4] + "***",
        address=address,
        created_at=T_NOW,
        updated_at=T_NOW,
        **flags,
    )
    s.add(r)
    return r


def _demo_world(db: Database, site: SiteSpec, keys: Path) -> World:
    """worlds.demo_world with the site's field keys (the demo seeds volunteers, whose identity
    numbers are encrypted)."""
    ensure_field_keys(keys)
    clock = FakeClock(tick=timedelta(seconds=1))

    def services(on: Database) -> Services:
        ctx = ServiceContext(on, workstation="CC", clock=clock, keys=keys)
        return Services.build(ctx, hasher=cheap_hasher())

    svc = services(db)
    with as_owner(db) as owner:
        seed_site(owner, site, services(owner), population=0)
    return World(db, svc.ctx, svc, clock, {u: svc.signin.principal(u) for u in DEMO_USERS})


def orders_world(db: Database, site: SiteSpec, keys: Path) -> OrdersWorld:
    """The demo world plus one merchant in C01 with two deliverers and four products."""
    env = _demo_world(db, site, keys)
    now = env.clock.now
    with as_owner(db) as owner, owner.session() as s:
        c1 = s.scalar(select(Community.id).where(Community.code == "C01"))
        c2 = s.scalar(select(Community.id).where(Community.code == "C02"))
        assert c1 is not None
        assert c2 is not None
        b = Business(
            code="B-ORD-1",
            name="红旗便民超市",
            community_id=c1,
            kind="shop",
            contact_name="赵六",
            contact_phone="02212345678",
            licence_no="91120000ORD1",
            opened_on=date(2020, 1, 1),
            created_at=now,
        )
        s.add(b)
        s.flush()
        m = Merchant(
            business_id=b.id,
            community_id=c1,
            name="红旗便民超市",
            status="active",
            status_reason="",
            licence_no="91120000ORD1",
            licence_expires=DAY + timedelta(days=30),
            food_licence_no="JY1120000001",
            food_licence_expires=DAY + timedelta(days=300),
            certified_on=date(2025, 1, 1),
            created_at=now,
            updated_at=now,
        )
        s.add(m)
        s.flush()
        staff = []
        for name in ("刘师傅", "陈师傅"):
            p = MerchantStaff(
                merchant_id=m.id,
                community_id=c1,
                name=name,
                phone="13900000000",
                deliverer=True,
                health_cert_no="JK001",
                health_cert_expires=DAY + timedelta(days=100),
                active=True,
            )
            s.add(p)
            staff.append(p)
        products = {}
        for code, price in PRICES.items():
            p2 = Product(
                merchant_id=m.id,
                community_id=c1,
                code=code,
                name=code.lower(),
                kind="goods",
                unit="件",
                price_cents=price,
                active=True,
                updated_at=now,
            )
            s.add(p2)
            s.flush()
            products[code] = p2.id
        v = Volunteer(
            community_id=c1,
            resident_id=None,
            name="孙志愿",
            name_mask="孙**",
            phone="13700000000",
            phone_mask="137****0000",
            gender="M",
            birth_year=2000,
            birth_date_enc="",
            id_number_enc="",
            id_number_hmac=None,
            id_number_mask="",
            skills="",
            insurance_policy="",
            insurance_expires=None,
            availability=0,
            active=True,
            joined_on=date(2025, 1, 1),
            created_at=now,
            updated_at=now,
        )
        s.add(v)
        alone = _resident(s, c1, "王奶奶", "咸阳北路12号3门402", lives_alone=True)
        dementia = _resident(s, c1, "李爷爷", "咸阳北路14号1门101", dementia=True)
        mate = _resident(s, c1, "王爷爷", "咸阳北路12号 3门402")
        other = _resident(s, c2, "张阿姨", "光荣道5号2门201")
        s.flush()
        ids = (m.id, staff[0].id, staff[1].id, v.id, alone.id, dementia.id, mate.id, other.id)
    return OrdersWorld(env, ids[0], ids[1], ids[2], ids[3], products, *ids[4:])


def open_window(w: OrdersWorld, capacity: int = 5, day: date = DAY) -> int:
    """A 10:00–12:00 window of the world's merchant."""
    return w.env.svc.orders.open_window(
        w.env.who("admin"), w.merchant, day, time(10), time(12), capacity
    )

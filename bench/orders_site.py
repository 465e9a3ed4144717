"""A demo site with merchants, volunteers and orders for the orders benchmarks (not a benchmark)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from sqlalchemy import insert, select

ZONE = "Asia/Shanghai"


WS_PW = "bench-orders-ws-pw"


@contextmanager
def orders_site(
    population: int = 3000, board_orders: int = 0, backend: str = "sqlite"
) -> Iterator[tuple[Any, Any, date]]:
    """(database, services, today) of a throw-away site: the demo seeded with `population`
    residents, merchants, volunteers, the demo orders, and `board_orders` more orders today
    spread over every open merchant's windows. `backend` "postgresql" starts a server of its
    own, seeds as the owner and yields a connection as the console's workstation role (row
    security on), as a site's PCs connect."""
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from core.timefmt import local
    from data.fieldcrypt import ensure_field_keys
    from data.merchants_seeding import seed_merchants
    from data.migrate import open_database
    from data.orders_seeding import seed_orders
    from data.seeding import seed_site
    from data.volunteers_seeding import seed_volunteers

    site = load_site(demo_site_file())
    with TemporaryDirectory(prefix="console-orders-") as tmp:
        keys = Path(tmp) / "keys"
        ensure_field_keys(keys)
        srv = None
        opened = []
        try:
            if backend == "postgresql":
                from tests.helpers.postgres import start_postgres

                srv = start_postgres()
                db = open_database(srv.create_database("bench_orders"))
            else:
                db = open_database(f"sqlite:///{Path(tmp) / 'orders.db'}")
            opened.append(db)
            svc = local_services(db, "CC", keys)
            seed_site(db, site, svc, population=population)
            now = svc.ctx.clock()
            today = local(now, ZONE).date()
            with db.write_session() as s:
                seed_merchants(s, today, now)
                seed_volunteers(s, today, now, keys)
                seed_orders(s, today, now)
                if board_orders:
                    _more_orders(s, today, now, board_orders)
            with db.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
            if srv is not None:
                from data.pgroles import WORKSTATION_ROLE
                from tests.helpers.postgres import setup_console_roles

                codes = [c.code for c in site.communities]
                setup_console_roles(db, codes, {WORKSTATION_ROLE: WS_PW})
                db = open_database(srv.url("bench_orders", password=WS_PW, user=WORKSTATION_ROLE))
                opened.append(db)
                svc = local_services(db, "CC", keys)
            yield db, svc, today
        finally:
            for d in opened:
                d.dispose()
            if srv is not None:
                srv.stop()


def _more_orders(s: Any, today: date, now: datetime, n: int) -> None:
    """n orders today in bulk, as a busy street's day would hold them."""
    from core.orders import OrderStatus
    from data.models import (
        MerchantStaff,
        NecessityOrder,
        OrderLine,
        OrderWindow,
        Product,
        Resident,
    )

    rng = random.Random(20261130)
    windows = list(s.scalars(select(OrderWindow).where(OrderWindow.day == today)))
    staff: dict[int, list[int]] = {}
    for sid, mid in s.execute(
        select(MerchantStaff.id, MerchantStaff.merchant_id).where(MerchantStaff.deliverer.is_(True))
    ):
        staff.setdefault(mid, []).append(sid)
    products: dict[int, list[tuple[int, str, str, int]]] = {}
    for pid, mid, name, unit, price in s.execute(
        select(Product.id, Product.merchant_id, Product.name, Product.unit, Product.price_cents)
    ):
        products.setdefault(mid, []).append((pid, name, unit, price))
    residents: dict[int, list[int]] = {}
    for rid, cid in s.execute(select(Resident.id, Resident.community_id)):
        residents.setdefault(cid, []).append(rid)
    windows = [w for w in windows if staff.get(w.merchant_id) and products.get(w.merchant_id)]
    statuses = [s_ for s_ in OrderStatus]
    orders = []
    for i in range(n):
        w = windows[i % len(windows)]
        w.capacity += 1
        w.taken += 1
        rid = rng.choice(
            residents.get(w.community_id) or [r for v in residents.values() for r in v]
        )
        orders.append(
            {
                "client_uuid": f"bench-{i}",
                "resident_id": rid,
                "community_id": w.community_id,
                "merchant_id": w.merchant_id,
                "window_id": w.id,
                "status": rng.choice(statuses).value,
                "channel": "station",
                "family_member": "",
                "deliverer_staff_id": rng.choice(staff[w.merchant_id]),
                "total_cents": rng.randint(1000, 20000),
                "confirm_reason": "",
                "confirmed_by": "",
                "fail_reason": "",
                "note": "",
                "placed_by": "ws01",
                "placed_at": now - timedelta(minutes=i % 300),
                "updated_at": now,
            }
        )
    s.execute(insert(NecessityOrder), orders)
    s.flush()
    ids = list(
        s.execute(
            select(
                NecessityOrder.id, NecessityOrder.merchant_id, NecessityOrder.community_id
            ).where(NecessityOrder.client_uuid.like("bench-%"))
        )
    )
    lines = []
    for oid, mid, cid in ids:
        for pid, name, unit, price in rng.sample(products[mid], k=min(3, len(products[mid]))):
            lines.append(
                {
                    "order_id": oid,
                    "community_id": cid,
                    "product_id": pid,
                    "name": name,
                    "unit": unit,
                    "quantity": 1,
                    "price_cents": price,
                }
            )
    s.execute(insert(OrderLine), lines)

"""Demo orders: windows for today and tomorrow, eight weeks of history, and today's board.

Deterministic for a site and a day; does nothing when orders exist. Some residents order every
week (their usual basket), a few stopped three or more weeks ago (the silence list), one order
of a person with dementia waits for its confirmation call, and today's orders stand at every
step of the delivery.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from core.merchants import closed_reason
from core.orders import FailReason, OrderStatus
from core.timefmt import DEFAULT_ZONE
from data.changes import record_change
from data.models import (
    DeliveryEvent,
    DeliveryProof,
    Merchant,
    MerchantStaff,
    NecessityOrder,
    OrderLine,
    OrderWindow,
    Product,
    Resident,
    Volunteer,
)

SEED = "orders-demo-1"
CUSTOMERS_PER_MERCHANT = 12
HISTORY_WEEKS = 8
WINDOWS = ((9 * 60, 11 * 60, 20), (15 * 60, 17 * 60, 20))  # (starts, ends, capacity)
TODAY_STEPS = (
    OrderStatus.ACCEPTED,
    OrderStatus.PICKED,
    OrderStatus.EN_ROUTE,
    OrderStatus.EN_ROUTE,
    OrderStatus.DELIVERED,
    OrderStatus.FAILED,
)
SIGNATURE = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def _at(day: date, minute: int, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(minute // 60, minute % 60), zone)


def seed_orders(s: Session, today: date, now: datetime) -> None:
    """Seed once (a database with windows or orders keeps its own); deterministic for a site
    and day."""
    if s.scalar(select(func.count()).select_from(OrderWindow)) or s.scalar(
        select(func.count()).select_from(NecessityOrder)
    ):
        return
    zone = ZoneInfo(DEFAULT_ZONE)
    merchants = [
        m
        for m in s.scalars(select(Merchant).order_by(Merchant.id))
        if closed_reason(
            m.status, m.status_reason, m.licence_expires, m.food_licence_expires, today
        )
        is None
    ]
    if not merchants:
        return
    windows: dict[tuple[int, date, int], OrderWindow] = {}

    def window(m: Merchant, day: date, slot: int) -> OrderWindow:
        starts, ends, cap = WINDOWS[slot]
        key = (m.id, day, starts)
        if key not in windows:
            w = OrderWindow(
                merchant_id=m.id,
                community_id=m.community_id,
                day=day,
                starts_minute=starts,
                ends_minute=ends,
                capacity=cap,
                taken=0,
            )
            s.add(w)  # flushed with the others, once: a flush per row costs seconds here
            windows[key] = w
        return windows[key]

    for m in merchants:
        for day in (today, today + timedelta(days=1)):
            for slot in range(len(WINDOWS)):
                window(m, day, slot)
    lines: list[dict[str, object]] = []
    events: list[dict[str, object]] = []
    specs: list[_Spec] = []
    for m in merchants:
        rng = random.Random(f"{SEED}:{m.id}")
        products = list(
            s.scalars(
                select(Product)
                .where(Product.merchant_id == m.id, Product.active.is_(True))
                .order_by(Product.id)
            )
        )
        staff = list(
            s.scalars(
                select(MerchantStaff.id)
                .where(
                    MerchantStaff.merchant_id == m.id,
                    MerchantStaff.deliverer.is_(True),
                    MerchantStaff.active.is_(True),
                )
                .order_by(MerchantStaff.id)
            )
        )
        volunteers = list(
            s.scalars(
                select(Volunteer.id)
                .where(Volunteer.community_id == m.community_id, Volunteer.active.is_(True))
                .order_by(Volunteer.id)
            )
        )
        residents = list(
            s.scalars(
                select(Resident)
                .where(Resident.community_id == m.community_id, Resident.anonymised_at.is_(None))
                .order_by(Resident.lives_alone.desc(), Resident.id)
                .limit(CUSTOMERS_PER_MERCHANT)
            )
        )
        if not products or not (staff or volunteers) or not residents:
            continue
        n_today = 0
        for index, r in enumerate(residents):
            basket = rng.sample(products, k=min(len(products), rng.randint(2, 4)))
            qty = {p.id: rng.randint(1, 3) for p in basket}
            familiar = (
                ("staff", staff[index % len(staff)])
                if staff and (index % 3 or not volunteers)
                else ("volunteer", volunteers[index % len(volunteers)])
            )
            # A few stopped ordering 3–5 weeks ago: they are the silence list.
            stopped = index % 5 == 4
            last_week = rng.randint(3, 5) if stopped else 0
            weekday = rng.randrange(7)
            for week in range(HISTORY_WEEKS, last_week, -1):
                day = today - timedelta(weeks=week) + timedelta(days=weekday % 7)
                if day >= today:
                    continue
                slot = rng.randrange(len(WINDOWS))
                w = window(m, day, slot)
                picked = [(p, qty[p.id]) for p in basket if rng.random() < 0.85] or [
                    (basket[0], qty[basket[0].id])
                ]
                placed = _at(day, WINDOWS[slot][0] - 90, zone)
                delivered = _at(day, WINDOWS[slot][0] + 40, zone)
                specs.append(
                    _Spec(
                        m,
                        r,
                        w,
                        picked,
                        familiar,
                        OrderStatus.DELIVERED,
                        placed,
                        delivered,
                        f"seed-{m.id}-{r.id}-{day.isoformat()}",
                    )
                )
            if stopped:
                continue
            # Today: one order per regular customer at some step of the delivery.
            status = TODAY_STEPS[n_today % len(TODAY_STEPS)]
            if r.dementia:
                status = OrderStatus.AWAITING_CONFIRMATION
            n_today += 1
            slot = n_today % len(WINDOWS)
            w = window(m, today, slot)
            picked = [(p, qty[p.id]) for p in basket]
            placed = min(now, _at(today, WINDOWS[slot][0] - 60, zone))
            delivered = placed + timedelta(minutes=50)
            specs.append(
                _Spec(
                    m,
                    r,
                    w,
                    picked,
                    familiar,
                    status,
                    placed,
                    delivered,
                    f"seed-{m.id}-{r.id}-{today.isoformat()}",
                )
            )
    s.flush()  # the windows, in batches: the orders need their ids
    orders = [_order(spec) for spec in specs]
    s.add_all(orders)
    s.flush()  # the orders, likewise
    proofs: list[DeliveryProof] = []
    for spec, o in zip(specs, orders, strict=True):
        _details(spec, o, lines, events, proofs)
    s.add_all(proofs)
    if lines:
        s.execute(insert(OrderLine), lines)
    if events:
        s.execute(insert(DeliveryEvent), events)
    for table in ("order_window", "necessity_order", "order_line", "delivery_event"):
        record_change(s, table, None, "seed")


@dataclass(frozen=True)
class _Spec:
    """One demo order before it has an id."""

    m: Merchant
    r: Resident
    w: OrderWindow
    picked: list[tuple[Product, int]]
    familiar: tuple[str, int]
    status: OrderStatus
    placed: datetime
    delivered: datetime
    client_uuid: str


def _order(spec: _Spec) -> NecessityOrder:
    total = sum(p.price_cents * q for p, q in spec.picked)
    kind, did = spec.familiar
    status, placed, delivered = spec.status, spec.placed, spec.delivered
    final = status is OrderStatus.DELIVERED
    spec.w.taken += 1
    return NecessityOrder(
        client_uuid=spec.client_uuid[:40],
        resident_id=spec.r.id,
        community_id=spec.r.community_id,
        merchant_id=spec.m.id,
        window_id=spec.w.id,
        status=status.value,
        channel="station",
        call_id=None,
        family_member="",
        deliverer_staff_id=did if kind == "staff" else None,
        deliverer_volunteer_id=did if kind == "volunteer" else None,
        total_cents=total,
        confirm_reason="dementia" if status is OrderStatus.AWAITING_CONFIRMATION else "",
        confirmed_at=None,
        confirmed_by="",
        confirm_call_id=None,
        fail_reason=FailReason.NOT_HOME.value if status is OrderStatus.FAILED else "",
        note="",
        placed_by="ws01",
        placed_at=placed,
        delivered_at=delivered if final else None,
        updated_at=delivered if final else placed,
    )


def _details(
    spec: _Spec,
    o: NecessityOrder,
    lines: list[dict[str, object]],
    events: list[dict[str, object]],
    proofs: list[DeliveryProof],
) -> None:
    """The order's lines, its steps so far and, once delivered, its proof."""
    r, status, placed, delivered = spec.r, spec.status, spec.placed, spec.delivered
    for p, q in spec.picked:
        lines.append(
            {
                "order_id": o.id,
                "community_id": r.community_id,
                "product_id": p.id,
                "name": p.name,
                "unit": p.unit,
                "quantity": q,
                "price_cents": p.price_cents,
            }
        )
    steps = [OrderStatus.ACCEPTED]
    if status is OrderStatus.AWAITING_CONFIRMATION:
        steps = [status]
    else:
        for st in (OrderStatus.PICKED, OrderStatus.EN_ROUTE):
            if _rank(status) >= _rank(st):
                steps.append(st)
        if status in (OrderStatus.DELIVERED, OrderStatus.FAILED):
            steps.append(status)
    prev = ""
    for i, st in enumerate(steps):
        events.append(
            {
                "order_id": o.id,
                "community_id": r.community_id,
                "ts": placed + timedelta(minutes=10 * i),
                "from_status": prev,
                "to_status": st.value,
                "note": "",
                "actor": "ws01",
            }
        )
        prev = st.value
    if status is OrderStatus.DELIVERED:
        proofs.append(
            DeliveryProof(
                order_id=o.id,
                community_id=r.community_id,
                signature_png=SIGNATURE,
                photo=None,
                photo_name="",
                confirmed_by="本人",
                recorded_by="ws01",
                recorded_at=delivered,
            )
        )


def _rank(status: OrderStatus) -> int:
    order = (
        OrderStatus.ACCEPTED,
        OrderStatus.PICKED,
        OrderStatus.EN_ROUTE,
        OrderStatus.DELIVERED,
        OrderStatus.FAILED,
    )
    return order.index(status) if status in order else -1

"""MerchantService and migration 0028 on SQLite and PostgreSQL: the demo merchants, the licence
sweep, orders refused by a closed merchant, the status trail, masking and scope, complaints per
1,000 orders, the catalogue's price history and the median reference of a price survey."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.merchants import (
    ComplaintState,
    LicenceState,
    MerchantStatus,
    PriceFlag,
    ProductKind,
)
from core.permissions import PermissionDenied
from data.context import ServiceContext
from data.merchants_seeding import PER_COMMUNITY, seed_merchants
from data.models import (
    Community,
    Merchant,
    MerchantStatusEvent,
    NecessityOrder,
    Product,
    ProductPrice,
)
from data.pgroles import TABLE_GRANTS
from data.services.merchants import MerchantService
from tests.helpers.postgres import as_owner
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import Street

street = test_residents.street  # the demo street (businesses seeded with it), both backends
TABLES = (
    "merchant",
    "merchant_staff",
    "merchant_inspection",
    "merchant_complaint",
    "merchant_status_event",
    "product",
    "product_price",
    "price_observation",
)


def _today(st: Street) -> date:
    with st.db.session() as s:
        return st.svc.merchants.today(s)


def _seeded(st: Street) -> date:
    today = _today(st)
    with as_owner(st.db) as owner, owner.write_session() as s:
        seed_merchants(s, today, st.svc.ctx.clock())
    return today


def _lapse(st: Street, today: date) -> None:
    """One active merchant's business licence ran out yesterday: the sweep's work (the demo's
    own expired merchant is seeded suspended already)."""
    mid = _one(st, "C02")
    with as_owner(st.db) as owner, owner.write_session() as s:
        m = s.get(Merchant, mid)
        assert m is not None
        m.licence_expires = today - timedelta(days=1)


def _one(st: Street, community: str = "C01") -> int:
    """An active merchant of the community whose licences hold today."""
    rows = st.svc.merchants.merchants(st.who("admin"), communities=[community])
    return next(
        r.id
        for r in rows
        if r.status is MerchantStatus.ACTIVE and r.licence_state is not LicenceState.EXPIRED
    )


def test_demo_merchants_are_seeded_once(street: Street) -> None:
    today = _seeded(street)
    with street.db.session() as s:
        communities = s.scalar(select(func.count()).select_from(Community))
        merchants = s.scalar(select(func.count()).select_from(Merchant))
        per_merchant = s.execute(
            select(Product.merchant_id, Product.kind, func.count()).group_by(
                Product.merchant_id, Product.kind
            )
        ).all()
    assert merchants == PER_COMMUNITY * communities
    assert {n for _m, k, n in per_merchant if k == "goods"} == {10}
    assert {n for _m, k, n in per_merchant if k == "service"} <= {2, 3}
    with as_owner(street.db) as owner, owner.write_session() as s:
        assert seed_merchants(s, today, street.svc.ctx.clock()) == 0
    rows = street.svc.merchants.merchants(street.who("admin"))
    assert any(r.licence_state is LicenceState.EXPIRING for r in rows)
    assert [r.licence_state for r in rows].count(LicenceState.EXPIRED) == 1


def test_the_sweep_suspends_an_expired_merchant_once_and_orders_are_refused(
    street: Street,
) -> None:
    today = _seeded(street)
    svc = street.svc.merchants
    assert svc.due_for_suspension() == []  # the demo's expired merchant stands suspended
    _lapse(street, today)
    expired = next(
        r
        for r in svc.merchants(street.who("admin"))
        if r.licence_state is LicenceState.EXPIRED and r.status is MerchantStatus.ACTIVE
    )
    # Refused for the day even before the sweep has run.
    assert svc.open_for_orders(expired.id, today) == (
        f"business licence expired on {expired.licence_expires.isoformat()}"
    )
    assert svc.due_for_suspension() == [expired.id]
    assert svc.sweep_licences() == [expired.id]
    assert svc.sweep_licences() == []  # nothing left to do
    reason = svc.open_for_orders(expired.id, today)
    assert reason is not None
    assert reason.startswith("merchant suspended: business licence expired")
    trail = svc.detail(street.who("admin"), expired.id).trail
    assert [(e.from_status, e.to_status, e.actor) for e in trail] == [
        ("active", "suspended", "system"),
        ("", "active", "seed"),
    ]
    audited = street.audit(AuditAction.MERCHANT_SUSPENDED)
    assert [(a, t) for a, t, _d in audited] == [("system", f"merchant:{expired.id}")]
    # Renewing the licence does not reinstate by itself; reinstating by hand does.
    admin = street.who("admin")
    svc.renew_licences(admin, expired.id, licence_expires=today + timedelta(days=365))
    assert svc.open_for_orders(expired.id, today) is not None
    svc.reinstate(admin, expired.id, "新执照已核验")
    assert svc.open_for_orders(expired.id, today) is None
    assert svc.open_for_orders(10**6, today) == "unknown merchant"


def test_suspension_and_exit_keep_a_trail_and_need_the_right(street: Street) -> None:
    today = _seeded(street)
    svc = street.svc.merchants
    mid, admin = _one(street), street.who("admin")
    with pytest.raises(PermissionDenied):
        svc.suspend(street.who("operator"), mid, "无证经营")
    with pytest.raises(ValueError, match="reason"):
        svc.suspend(admin, mid, "   ")
    svc.suspend(street.who("supervisor"), mid, "抽检不合格")
    with pytest.raises(ValueError, match="only an active"):
        svc.suspend(admin, mid, "again")
    assert svc.open_for_orders(mid, today) == "merchant suspended: 抽检不合格"
    svc.reinstate(admin, mid, "整改完成")
    svc.exit(admin, mid, "商户主动退出")
    assert svc.open_for_orders(mid, today) == "merchant exited: 商户主动退出"
    assert svc.products(admin, merchant_id=mid) == []  # withdrawn with the merchant
    assert all(not p.active for p in svc.products(admin, merchant_id=mid, include_inactive=True))
    assert mid not in {r.id for r in svc.merchants(admin)}
    assert mid in {r.id for r in svc.merchants(admin, include_exited=True)}
    with street.db.session() as s:
        steps = s.execute(
            select(
                MerchantStatusEvent.to_status, MerchantStatusEvent.reason, MerchantStatusEvent.actor
            )
            .where(MerchantStatusEvent.merchant_id == mid)
            .order_by(MerchantStatusEvent.id)
        ).all()
    assert [tuple(x) for x in steps] == [
        ("active", "certified", "seed"),
        ("suspended", "抽检不合格", "supervisor"),
        ("active", "整改完成", "admin"),
        ("exited", "商户主动退出", "admin"),
    ]
    detail = street.audit(AuditAction.MERCHANT_EXITED)[0][2]
    assert json.loads(detail) == {"reason": "商户主动退出"}


@pytest.mark.parametrize(("username", "masked"), [("operator", True), ("supervisor", False)])
def test_staff_names_and_phones_are_masked_without_the_right(
    street: Street, username: str, masked: bool
) -> None:
    _seeded(street)
    mid = _one(street)
    staff = street.svc.merchants.detail(street.who(username), mid).staff
    plain = street.svc.merchants.detail(street.who("admin"), mid).staff
    assert len(staff) == 3
    assert sum(p.deliverer for p in staff) == 2
    for shown, full in zip(staff, plain, strict=True):
        assert shown.masked is masked
        assert (shown.phone == full.phone) is not masked
        assert shown.phone[:3] == full.phone[:3]


def test_a_station_sees_only_its_own_communitys_merchants(street: Street) -> None:
    _seeded(street)
    ws = street.who("ws01")
    rows = street.svc.merchants.merchants(ws)
    assert rows
    assert {r.community for r in rows} == {"C01"}
    other = _one(street, "C02")
    with pytest.raises(LookupError):
        street.svc.merchants.detail(ws, other)
    assert {p.community for p in street.svc.merchants.products(ws)} == {"C01"}


def test_staff_deliverers_need_a_health_certificate(street: Street) -> None:
    today = _seeded(street)
    svc, admin, mid = street.svc.merchants, street.who("admin"), _one(street)
    with pytest.raises(ValueError, match="health certificate"):
        svc.add_staff(admin, mid, name="孙丽", phone="13900000000", deliverer=True)
    sid = svc.add_staff(
        admin,
        mid,
        name="孙丽",
        phone="13900000000",
        deliverer=True,
        health_cert_no="JK1",
        health_cert_expires=today + timedelta(days=10),
    )
    row = next(p for p in svc.detail(admin, mid).staff if p.id == sid)
    assert row.cert_state is LicenceState.EXPIRING
    assert sid in {p.id for p in svc.deliverers(admin, mid, today)}
    svc.edit_staff(admin, sid, health_cert_expires=today - timedelta(days=1))
    assert sid not in {p.id for p in svc.deliverers(admin, mid, today)}
    assert svc.merchants(admin, communities=["C01"])[0].staff_cert_alerts >= 0
    audited = street.audit(AuditAction.MERCHANT_STAFF_SAVED)
    assert json.loads(audited[-1][2]) == {"fields": ["health_cert_expires"]}  # no values


def test_complaints_have_deadlines_and_a_rate_per_thousand_orders(street: Street) -> None:
    _seeded(street)
    mid = _one(street)
    counted: list[Sequence[int]] = []

    def orders(_s: Session, ids: Sequence[int]) -> dict[int, int]:
        counted.append(ids)
        return dict.fromkeys(ids, 500)

    svc = MerchantService(street.svc.ctx, order_counter=orders)
    before = next(r for r in svc.merchants(street.who("admin")) if r.id == mid).complaints
    cid = svc.file_complaint(street.who("operator"), mid, "food_safety", "牛奶过期")
    svc.file_complaint(street.who("ws01"), mid, "price", "比超市还贵")
    with pytest.raises(ValueError, match="unknown complaint category"):
        svc.file_complaint(street.who("operator"), mid, "weather", "下雨")
    row = next(r for r in svc.merchants(street.who("admin")) if r.id == mid)
    assert row.complaints == before + 2
    assert row.orders == 500
    assert row.per_thousand == pytest.approx((before + 2) * 2)
    assert counted
    assert mid in counted[-1]
    complaint = next(c for c in svc.detail(street.who("admin"), mid).complaints if c.id == cid)
    assert complaint.state is ComplaintState.OPEN
    assert complaint.due_at - complaint.received_at == timedelta(hours=24)
    with pytest.raises(PermissionDenied):
        svc.resolve_complaint(street.who("operator"), cid, "已处理")
    svc.resolve_complaint(street.who("supervisor"), cid, "已退款并下架")
    complaint = next(c for c in svc.detail(street.who("admin"), mid).complaints if c.id == cid)
    assert complaint.state is ComplaintState.RESOLVED
    # By default the orders are counted in necessity_order, cancelled ones left out.
    default = next(r for r in street.svc.merchants.merchants(street.who("admin")) if r.id == mid)
    with street.db.session() as s:
        served = s.scalar(
            select(func.count()).where(
                NecessityOrder.merchant_id == mid, NecessityOrder.status != "cancelled"
            )
        )
    assert default.orders == served
    if served:
        assert default.per_thousand == pytest.approx(default.complaints * 1000 / served)
    else:
        assert default.per_thousand is None  # no rate from nothing
    # Without a count of orders (the site does not count them) there is no rate either.
    plain = MerchantService(street.svc.ctx, order_counter=lambda _s, _ids: None)
    assert next(r for r in plain.merchants(street.who("admin")) if r.id == mid).per_thousand is None


def test_prices_keep_a_history_and_the_reference_is_the_median(street: Street) -> None:
    today = _seeded(street)
    svc, admin, mid = street.svc.merchants, street.who("admin"), _one(street)
    pid = svc.add_product(
        admin,
        mid,
        code="pear-1kg",
        name="鸭梨 1kg",
        kind=ProductKind.GOODS,
        unit="袋",
        price_cents=900,
    )
    product = next(p for p in svc.products(admin, merchant_id=mid) if p.id == pid)
    assert product.code == "PEAR-1KG"
    assert product.flag is PriceFlag.NO_REFERENCE
    for days, place, cents in (
        (1, "农贸市场", 1000),
        (2, "超市", 1050),
        (3, "早市", 980),
        (4, "网购", 1020),
        (1, "菜店", 100_000),  # a mistyped survey price
    ):
        svc.observe_price(
            admin,
            code="PEAR-1KG",
            observed_on=today - timedelta(days=days),
            place=place,
            price_cents=cents,
        )
    product = next(p for p in svc.products(admin, merchant_id=mid) if p.id == pid)
    assert product.reference_cents == 1020  # the median holds
    assert product.flag is PriceFlag.OK  # 1 − 9.00 ÷ 10.20 = 11.8 %
    marked = {o.price_cents: o.outlier for o in svc.observations(admin, "PEAR-1KG")}
    assert marked[100_000]
    assert not marked[1050]
    svc.set_price(admin, pid, 700)
    assert next(p for p in svc.products(admin, merchant_id=mid) if p.id == pid).flag is (
        PriceFlag.TOO_LARGE
    )
    svc.set_price(admin, pid, 700)  # no change, no history row
    svc.set_price(admin, pid, 880)
    assert [h.price_cents for h in svc.price_history(admin, pid)] == [880, 700, 900]
    with street.db.session() as s:
        assert s.scalar(select(func.count()).where(ProductPrice.product_id == pid)) == 3
    with pytest.raises(ValueError, match="more than zero"):
        svc.set_price(admin, pid, 0)
    with pytest.raises(ValueError, match="already sells"):
        svc.add_product(
            admin, mid, code="PEAR-1KG", name="梨", kind=ProductKind.GOODS, unit="袋", price_cents=1
        )
    with pytest.raises(ValueError, match="future"):
        svc.observe_price(
            admin, code="PEAR-1KG", observed_on=today + timedelta(days=1), place="x", price_cents=1
        )
    ref = next(r for r in svc.reference_table(admin) if r.code == "PEAR-1KG")
    assert (ref.reference_cents, ref.observations, ref.high_cents) == (1020, 5, 100_000)
    changed = street.audit(AuditAction.PRODUCT_PRICE_CHANGED)
    assert [json.loads(d) for _a, _t, d in changed] == [
        {"old": 900, "new": 700},
        {"old": 700, "new": 880},
    ]


def test_the_demo_survey_outlier_leaves_the_rice_reference(street: Street) -> None:
    _seeded(street)
    ref = next(
        r for r in street.svc.merchants.reference_table(street.who("admin")) if r.code == "RICE-5KG"
    )
    assert ref.high_cents == 32000
    assert ref.reference_cents is not None
    assert 3000 <= ref.reference_cents <= 3400


def test_certify_a_business_and_its_checks(street: Street) -> None:
    today = _seeded(street)
    svc, admin = street.svc.merchants, street.who("admin")
    bid, _code, name, community = svc.certifiable(admin)[0]
    with pytest.raises(ValueError, match="already expired"):
        svc.certify(admin, bid, licence_no="91X", licence_expires=today - timedelta(days=1))
    with pytest.raises(PermissionDenied):
        svc.certify(street.who("ws01"), bid, licence_no="91X", licence_expires=today)
    mid = svc.certify(
        admin,
        bid,
        licence_no="91X",
        licence_expires=today + timedelta(days=20),
        food_licence_no="JY1",
        food_licence_expires=today + timedelta(days=400),
    )
    row = next(r for r in svc.merchants(admin, communities=[community]) if r.id == mid)
    assert (row.name, row.licence_state, row.status) == (
        name,
        LicenceState.EXPIRING,
        MerchantStatus.ACTIVE,
    )
    assert bid not in {b[0] for b in svc.certifiable(admin)}
    with pytest.raises(ValueError, match="already certified"):
        svc.certify(admin, bid, licence_no="91X", licence_expires=today + timedelta(days=20))
    iid = svc.inspect(admin, mid, inspected_on=today, inspector="王科", score=58, findings="无台账")
    insp = svc.detail(admin, mid).inspections
    assert insp[0].id == iid
    assert not insp[0].passed
    with pytest.raises(ValueError, match="0–100"):
        svc.inspect(admin, mid, inspected_on=today, inspector="王科", score=101)


def test_least_grants_for_the_merchants_tables() -> None:
    assert {t for t in TABLE_GRANTS if t in TABLES} == set(TABLES)
    for table in TABLES:
        assert "DELETE" not in TABLE_GRANTS[table]
    for written_once in ("merchant_inspection", "merchant_status_event", "product_price"):
        assert TABLE_GRANTS[written_once] == ("SELECT", "INSERT")


def test_two_workstations_sweeping_at_once_suspend_once(street: Street) -> None:
    _lapse(street, _seeded(street))
    with street.db.session() as s:
        before = s.scalar(select(func.count()).where(MerchantStatusEvent.to_status == "suspended"))
    services = [
        MerchantService(ServiceContext(street.db, workstation=name)) for name in ("W01", "W02")
    ]
    start = threading.Barrier(2, timeout=10)
    swept: list[list[int]] = []
    failed: list[BaseException] = []

    def sweep(svc: MerchantService) -> None:
        try:
            start.wait()
            swept.append(svc.sweep_licences())
        except BaseException as exc:
            failed.append(exc)

    threads = [
        threading.Thread(target=sweep, args=(svc,), name=f"licence-sweep-{i}")
        for i, svc in enumerate(services)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads)
    assert failed == []
    assert sorted(len(ids) for ids in swept) == [0, 1]
    with street.db.session() as s:
        suspended = s.scalar(
            select(func.count()).where(MerchantStatusEvent.to_status == "suspended")
        )
    assert suspended == (before or 0) + 1
    assert len(street.audit(AuditAction.MERCHANT_SUSPENDED)) == 1

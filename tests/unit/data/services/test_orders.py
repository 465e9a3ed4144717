"""OrderService on SQLite and PostgreSQL: placing, capacity under concurrent writers, double
submit, licence flags, safeguards, proof of delivery, welfare checks, household merge, silence."""

from __future__ import annotations

import threading
import uuid
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from core.audit import AuditAction
from core.orders import (
    FailReason,
    Flag,
    OrderDraft,
    OrderError,
    OrderStatus,
    ProofSubmission,
)
from core.permissions import PermissionDenied
from core.site import SiteSpec
from data.context import ServiceContext
from data.db import Database
from data.models import (
    Call,
    Incident,
    IncidentType,
    Merchant,
    NecessityOrder,
    OrderWindow,
    Resident,
    SiteMeta,
)
from data.services.orders import OrderService
from tests.helpers.postgres import as_owner
from tests.unit.data.orders_world import DAY, OrdersWorld, open_window, orders_world


@pytest.fixture
def w(db: Database, demo_site: SiteSpec, tmp_path: Path) -> OrdersWorld:
    return orders_world(db, demo_site, tmp_path / "keys")


def draft(w: OrdersWorld, window: int, resident: int | None = None, **kw: object) -> OrderDraft:
    values: dict[str, object] = {
        "client_uuid": str(uuid.uuid4()),
        "resident_id": resident or w.alone,
        "merchant_id": w.merchant,
        "window_id": window,
        "lines": ((w.products["RICE-5KG"], 1), (w.products["EGG-10"], 2)),
        "channel": "station",
        "deliverer_staff_id": w.staff,
    }
    values.update(kw)
    return OrderDraft(**values)  # type: ignore[arg-type]


def status(w: OrdersWorld, order_id: int) -> str:
    with w.env.db.session() as s:
        return str(s.scalar(select(NecessityOrder.status).where(NecessityOrder.id == order_id)))


def test_an_order_is_priced_in_fen_counted_in_its_window_and_audited(w: OrdersWorld) -> None:
    win = open_window(w)
    oid = w.env.svc.orders.place(w.env.who("operator"), draft(w, win))
    with w.env.db.session() as s:
        o = s.get(NecessityOrder, oid)
        assert o is not None
        assert o.total_cents == 3_580 + 2 * 1_250
        assert o.status == OrderStatus.ACCEPTED
        assert s.get(OrderWindow, win).taken == 1  # type: ignore[union-attr]
    assert any(a[1] == AuditAction.ORDER_PLACED and a[2] == f"order:{oid}" for a in w.env.audit())
    assert ("necessity_order", oid, "insert") in w.env.changes()


def test_a_double_submit_is_one_order(w: OrdersWorld) -> None:
    win = open_window(w)
    d = draft(w, win)
    who = w.env.who("operator")
    first = w.env.svc.orders.place(who, d)
    assert w.env.svc.orders.place(who, d) == first
    with w.env.db.session() as s:
        assert s.get(OrderWindow, win).taken == 1  # type: ignore[union-attr]


def test_a_full_window_refuses_and_says_so(w: OrdersWorld) -> None:
    win = open_window(w, capacity=1)
    who = w.env.who("operator")
    w.env.svc.orders.place(who, draft(w, win))
    with pytest.raises(OrderError) as err:
        w.env.svc.orders.place(who, draft(w, win, resident=w.dementia))
    assert err.value.reason == "full"
    choice = w.env.svc.orders.windows(who, [w.merchant], DAY)[0]
    assert choice.full
    assert choice.remaining == 0


def test_cancelling_gives_the_place_back(w: OrdersWorld) -> None:
    win = open_window(w, capacity=1)
    who = w.env.who("operator")
    oid = w.env.svc.orders.place(who, draft(w, win))
    w.env.svc.orders.step(who, oid, OrderStatus.CANCELLED, "家属已买")
    w.env.svc.orders.place(who, draft(w, win, resident=w.other, deliverer_staff_id=w.staff))


@pytest.mark.postgres
def test_two_workstations_filling_a_window_at_once_never_exceed_it(
    w: OrdersWorld, db: Database
) -> None:
    if db.dialect != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite writes one at a time")
    capacity, per_writer = 5, 8
    win = open_window(w, capacity=capacity)
    who = w.env.who("operator")
    barrier = threading.Barrier(2)
    placed: list[int] = []
    refused: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def writer(name: str) -> None:
        svc = OrderService(ServiceContext(db, workstation=name, clock=w.env.clock))
        try:
            barrier.wait(timeout=10)
            for _ in range(per_writer):
                try:
                    oid = svc.place(who, draft(w, win))
                    with lock:
                        placed.append(oid)
                except OrderError as exc:
                    with lock:
                        refused.append(exc.reason)
        except BaseException as exc:  # reported below: a thread's failure fails the test
            errors.append(exc)

    threads = [
        threading.Thread(target=writer, args=(f"WS{i}",), name=f"order-writer-{i}")
        for i in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    assert not errors
    assert len(placed) == capacity
    assert refused == ["full"] * (2 * per_writer - capacity)
    with w.env.db.session() as s:
        assert s.get(OrderWindow, win).taken == capacity  # type: ignore[union-attr]
        n = s.query(NecessityOrder).filter(NecessityOrder.window_id == win).count()
        assert n == capacity


@pytest.mark.postgres
def test_the_same_draft_from_two_workstations_at_once_is_one_order(
    w: OrdersWorld, db: Database
) -> None:
    win = open_window(w)
    d = draft(w, win)
    who = w.env.who("operator")
    barrier = threading.Barrier(2)
    ids: list[int] = []

    def writer(name: str) -> None:
        svc = OrderService(ServiceContext(db, workstation=name, clock=w.env.clock))
        barrier.wait(timeout=10)
        ids.append(svc.place(who, d))

    threads = [threading.Thread(target=writer, args=(f"WS{i}",), name=f"dup-{i}") for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(ids) == 2
    assert ids[0] == ids[1]
    with w.env.db.session() as s:
        assert s.get(OrderWindow, win).taken == 1  # type: ignore[union-attr]


def test_an_expired_licence_flags_open_orders_and_refuses_new_ones(w: OrdersWorld) -> None:
    win = open_window(w)
    who = w.env.who("operator")
    oid = w.env.svc.orders.place(who, draft(w, win))
    with as_owner(w.env.db) as owner, owner.session() as s:
        s.execute(
            update(Merchant)
            .where(Merchant.id == w.merchant)
            .values(licence_expires=DAY - timedelta(days=1))
        )
    rows = {r.id: r for r in w.env.svc.orders.board(who, DAY)}
    assert Flag.LICENCE in rows[oid].flags
    with pytest.raises(OrderError) as err:
        w.env.svc.orders.place(who, draft(w, win, resident=w.other))
    assert err.value.reason == "merchant_closed"
    entry = w.env.svc.orders.entry_data(who, w.alone, DAY)
    assert "licence expired" in entry.merchants[0].refusal
    with pytest.raises(OrderError) as refused:
        w.env.svc.orders.step(who, oid, OrderStatus.PICKED)
    assert refused.value.reason == "merchant_closed"
    w.env.svc.orders.step(who, oid, OrderStatus.CANCELLED, "商户证照过期")
    assert status(w, oid) == OrderStatus.CANCELLED


def test_dementia_waits_for_a_confirmation_call(w: OrdersWorld) -> None:
    win = open_window(w)
    who = w.env.who("operator")
    oid = w.env.svc.orders.place(who, draft(w, win, resident=w.dementia))
    assert status(w, oid) == OrderStatus.AWAITING_CONFIRMATION
    with pytest.raises(OrderError, match="needs_confirmation"):
        w.env.svc.orders.step(who, oid, OrderStatus.ACCEPTED)
    assert Flag.CONFIRM in {r.id: r for r in w.env.svc.orders.board(who, DAY)}[oid].flags
    assert w.env.svc.orders.record_confirmation(who, oid, True, "女儿确认") is OrderStatus.ACCEPTED
    w.env.svc.orders.step(who, oid, OrderStatus.PICKED)


def test_the_call_to_the_resident_since_the_order_is_linked_to_its_confirmation(
    w: OrdersWorld,
) -> None:
    win = open_window(w, capacity=10)
    who = w.env.who("operator")

    def call(resident: int, gateway_id: str) -> int:
        with w.env.db.write_session() as s:
            c = Call(
                gateway_call_id=gateway_id,
                direction="out",
                phase="ended",
                workstation="CC",
                started_at=w.env.clock(),
                resident_id=resident,
            )
            s.add(c)
            s.flush()
            return int(c.id)

    before = call(w.dementia, "g-before")
    first = w.env.svc.orders.place(who, draft(w, win, resident=w.dementia))
    w.env.svc.orders.record_confirmation(who, first, True)  # nobody was called since
    second = w.env.svc.orders.place(
        who, draft(w, win, resident=w.dementia, lines=((w.products["OIL-1L"], 1),))
    )
    call(w.alone, "g-other-resident")
    rung = call(w.dementia, "g-dial")
    w.env.svc.orders.record_confirmation(who, second, True, "本人确认")
    with w.env.db.session() as s:
        linked = dict(
            s.execute(
                select(NecessityOrder.id, NecessityOrder.confirm_call_id).where(
                    NecessityOrder.id.in_([first, second])
                )
            ).all()
        )
    assert linked == {first: None, second: rung}
    assert before not in linked.values()


def test_only_an_unusual_order_of_a_person_with_dementia_waits(w: OrdersWorld) -> None:
    win = open_window(w, capacity=10)
    who = w.env.who("operator")
    orders = w.env.svc.orders
    usual = ((w.products["RICE-5KG"], 1), (w.products["EGG-10"], 2))
    first = orders.place(who, draft(w, win, resident=w.dementia, lines=usual))
    assert status(w, first) == OrderStatus.AWAITING_CONFIRMATION  # no habit yet
    # A basket the call did not confirm is no habit: the same one still waits.
    assert orders.record_confirmation(who, first, False) is OrderStatus.FAILED
    again = orders.place(who, draft(w, win, resident=w.dementia, lines=usual))
    assert status(w, again) == OrderStatus.AWAITING_CONFIRMATION
    orders.record_confirmation(who, again, True, "女儿确认")
    # The confirmed basket, or less of it, goes out without a call.
    same = orders.place(who, draft(w, win, resident=w.dementia, lines=usual))
    assert status(w, same) == OrderStatus.ACCEPTED
    less = orders.place(who, draft(w, win, resident=w.dementia, lines=usual[1:]))
    assert status(w, less) == OrderStatus.ACCEPTED
    # A product never ordered, or more than twice the most ever ordered, waits again.
    new_product = ((w.products["OIL-1L"], 1),)
    oil = orders.place(who, draft(w, win, resident=w.dementia, lines=new_product))
    assert status(w, oil) == OrderStatus.AWAITING_CONFIRMATION
    five_eggs = ((w.products["EGG-10"], 5),)
    eggs = orders.place(who, draft(w, win, resident=w.dementia, lines=five_eggs))
    assert status(w, eggs) == OrderStatus.AWAITING_CONFIRMATION
    four_eggs = ((w.products["EGG-10"], 4),)
    assert status(w, orders.place(who, draft(w, win, resident=w.dementia, lines=four_eggs))) == (
        OrderStatus.ACCEPTED
    )
    # Without the flag, a new product is no reason for a call.
    plain = orders.place(who, draft(w, win, lines=new_product))
    assert status(w, plain) == OrderStatus.ACCEPTED


def test_a_sudden_large_order_waits_and_an_unconfirmed_one_frees_its_place(
    w: OrdersWorld,
) -> None:
    win = open_window(w, capacity=10)
    who = w.env.who("operator")
    for _ in range(3):
        w.env.svc.orders.place(who, draft(w, win))
    big = draft(w, win, lines=((w.products["RICE-5KG"], 20),))
    oid = w.env.svc.orders.place(who, big)
    assert status(w, oid) == OrderStatus.AWAITING_CONFIRMATION
    assert w.env.svc.orders.record_confirmation(who, oid, False) is OrderStatus.FAILED
    with w.env.db.session() as s:
        assert s.get(OrderWindow, win).taken == 3  # type: ignore[union-attr]


def test_an_unverified_hand_off_is_refused(w: OrdersWorld) -> None:
    win = open_window(w)
    who = w.env.who("operator")
    oid = w.env.svc.orders.place(who, draft(w, win))
    for step in (OrderStatus.PICKED, OrderStatus.EN_ROUTE):
        w.env.svc.orders.step(who, oid, step)
    with pytest.raises(OrderError, match="no_evidence"):
        w.env.svc.orders.deliver(who, ProofSubmission(oid, confirmed_by_resident=True))
    with pytest.raises(OrderError, match="not_confirmed"):
        w.env.svc.orders.deliver(who, ProofSubmission(oid, signature_png=b"\x89PNG"))
    with pytest.raises(OrderError, match="use_proof"):
        w.env.svc.orders.step(who, oid, OrderStatus.DELIVERED)
    assert status(w, oid) == OrderStatus.EN_ROUTE
    w.env.svc.orders.deliver(
        who,
        ProofSubmission(
            oid, photo=b"\xff\xd8jpeg", confirmed_by_resident=True, confirmed_by="本人"
        ),
    )
    assert status(w, oid) == OrderStatus.DELIVERED
    # The familiar person: next time the one who delivered comes first.
    entry = w.env.svc.orders.entry_data(who, w.alone, DAY)
    assert entry.deliverers[0].id == w.staff
    assert entry.deliverers[0].kind == "staff"
    assert entry.baskets
    assert entry.baskets[0].lines


def test_a_failed_delivery_to_someone_living_alone_raises_a_welfare_check(
    w: OrdersWorld,
) -> None:
    win = open_window(w)
    who = w.env.who("operator")
    alone = w.env.svc.orders.place(who, draft(w, win))
    other = w.env.svc.orders.place(who, draft(w, win, resident=w.dementia))
    w.env.svc.orders.record_confirmation(who, other, True)
    for oid in (alone, other):
        w.env.svc.orders.step(who, oid, OrderStatus.PICKED)
        w.env.svc.orders.step(who, oid, OrderStatus.EN_ROUTE)
    incident = w.env.svc.orders.fail(who, alone, FailReason.NOT_HOME, "敲门无人应")
    assert incident is not None
    assert w.env.svc.orders.fail(who, other, FailReason.NOT_HOME) is None
    with w.env.db.session() as s:
        inc = s.get(Incident, incident)
        assert inc is not None
        assert str(alone) in inc.title
        assert "王" not in inc.title
        # In the site's language: it read "necessity order 36: not_home."
        assert inc.description == f"生活必需品订单 {alone}：送货上门无人应门。敲门无人应"
        assert s.scalar(select(IncidentType.code).where(IncidentType.id == inc.type_id)) == (
            "ELDERLY"  # the demo site's [site] welfare_type
        )


def test_the_welfare_check_has_the_type_the_site_names(w: OrdersWorld) -> None:
    with as_owner(w.env.db) as owner, owner.session() as s:
        s.execute(update(SiteMeta).where(SiteMeta.key == "welfare_type").values(value="MISSING"))
    win = open_window(w)
    who = w.env.who("operator")
    alone = w.env.svc.orders.place(who, draft(w, win))
    w.env.svc.orders.step(who, alone, OrderStatus.PICKED)
    w.env.svc.orders.step(who, alone, OrderStatus.EN_ROUTE)
    incident = w.env.svc.orders.fail(who, alone, FailReason.NO_ANSWER_PHONE)
    with w.env.db.session() as s:
        type_id = s.scalar(select(Incident.type_id).where(Incident.id == incident))
        assert s.scalar(select(IncidentType.code).where(IncidentType.id == type_id)) == "MISSING"


def test_one_household_goes_out_as_one_delivery(w: OrdersWorld) -> None:
    win = open_window(w)
    who = w.env.who("operator")
    first = w.env.svc.orders.place(who, draft(w, win))
    second = w.env.svc.orders.place(
        who, draft(w, win, resident=w.mate, deliverer_staff_id=w.other_staff)
    )
    rows = {r.id: r for r in w.env.svc.orders.board(who, DAY)}
    assert Flag.MERGED in rows[first].flags
    assert Flag.MERGED in rows[second].flags
    assert rows[first].household == rows[second].household != ""
    assert rows[first].deliverer == rows[second].deliverer  # one trip, one familiar person


def test_the_board_masks_for_a_role_without_personal_data(w: OrdersWorld) -> None:
    win = open_window(w)
    operator = w.env.who("operator")  # no VIEW_RESIDENT_PII
    oid = w.env.svc.orders.place(operator, draft(w, win))
    [masked] = w.env.svc.orders.board(operator, DAY)
    assert (masked.id, masked.resident, masked.deliverer) == (oid, "王**", "刘**")
    assert masked.address == "咸阳北路***"
    [shown] = w.env.svc.orders.board(w.env.who("supervisor"), DAY)
    assert (shown.resident, shown.deliverer) == ("王奶奶", "刘师傅")
    with pytest.raises(PermissionDenied):
        w.env.svc.orders.reveal(operator, oid)
    name, phone, _ = w.env.svc.orders.reveal(w.env.who("supervisor"), oid)
    assert (name, phone) == ("王奶奶", "13812345678")
    assert ("supervisor", AuditAction.ORDER_PII_READ, f"order:{oid}", "") in w.env.audit()


def test_a_station_cannot_order_outside_its_community(w: OrdersWorld) -> None:
    win = open_window(w)
    with pytest.raises(PermissionDenied):
        w.env.svc.orders.place(w.env.who("ws01"), draft(w, win, resident=w.other))


def test_the_silence_list_names_who_stopped_ordering(w: OrdersWorld) -> None:
    who = w.env.who("operator")
    early = date(2026, 10, 20)
    win = w.env.svc.orders.open_window(
        w.env.who("admin"), w.merchant, early, time(10), time(12), 10
    )
    w.env.clock.now = w.env.clock.now.replace(month=10, day=20, hour=0)
    for _ in range(2):
        w.env.svc.orders.place(who, draft(w, win))
    w.env.svc.orders.place(who, draft(w, win, resident=w.dementia))  # one order: no habit
    rows = w.env.svc.orders.silence(who, weeks=3, today=date(2026, 11, 25))
    assert [(r.resident_id, r.orders_before, r.lives_alone) for r in rows] == [(w.alone, 2, True)]
    assert rows[0].weeks == 5


def test_a_station_entry_takes_its_draft_once_inside_the_callers_write(w: OrdersWorld) -> None:
    win = open_window(w)
    who = w.env.who("operator")
    d = draft(w, win, resident=w.dementia)
    with w.env.ctx.write(who) as tx:
        first = w.env.svc.orders.take(tx, who, d)
    with w.env.ctx.write(who) as tx:
        again = w.env.svc.orders.take(tx, who, d)
    assert (first.replayed, first.detail) == (False, OrderStatus.AWAITING_CONFIRMATION)
    assert (again.order_id, again.replayed) == (first.order_id, True)


def test_a_days_windows_are_planned_and_copied_forward_once(w: OrdersWorld) -> None:
    admin = w.env.who("admin")
    open_window(w, capacity=7)
    w.env.svc.orders.open_window(admin, w.merchant, DAY, time(15), time(17), 9)
    merchants, windows = w.env.svc.orders.day_plan(w.env.who("operator"), DAY)
    assert w.merchant in {m.id for m in merchants}
    assert sorted((x.starts.hour, x.capacity) for x in windows if x.merchant_id == w.merchant) == [
        (10, 7),
        (15, 9),
    ]
    opened = w.env.svc.orders.copy_windows(admin, DAY, 3)
    assert opened >= 6
    assert w.env.svc.orders.copy_windows(admin, DAY, 3) == 0  # already there
    later = w.env.svc.orders.windows(admin, [w.merchant], DAY + timedelta(days=3))
    assert [(x.capacity, x.taken) for x in later] == [(7, 0), (9, 0)]
    with pytest.raises(PermissionDenied):
        w.env.svc.orders.copy_windows(w.env.who("operator"), DAY, 1)


def test_a_family_order_needs_a_relative_the_residents_record_names(w: OrdersWorld) -> None:
    with as_owner(w.env.db) as owner, owner.write_session() as s:
        r = s.get(Resident, w.alone)
        assert r is not None
        r.emergency_contact_name, r.emergency_contact_relation = "张丽", "女儿"
    win = open_window(w)
    who = w.env.who("operator")
    stranger = draft(w, win, channel="family", family_member="儿子 王强")
    with pytest.raises(OrderError) as refused:
        w.env.svc.orders.place(who, stranger)
    assert refused.value.reason == "family_not_registered"
    oid = w.env.svc.orders.place(who, draft(w, win, channel="family", family_member="女儿 张丽"))
    with w.env.db.session() as s:
        o = s.get(NecessityOrder, oid)
        assert o is not None
        assert (o.channel, o.family_member) == ("family", "女儿 张丽")


def test_the_entry_offers_windows_from_now_and_the_coming_days_never_an_ended_one(
    w: OrdersWorld,
) -> None:
    # The clock is 16:00 on the 25th: that day's 10:00–12:00 window has ended.
    ended = open_window(w, day=DAY - timedelta(days=1))
    tomorrow = open_window(w, day=DAY)
    later = open_window(w, day=DAY + timedelta(days=3))
    too_far = open_window(w, day=DAY + timedelta(days=30))
    who = w.env.who("operator")
    entry = w.env.svc.orders.entry_data(who, w.alone)
    offered = [x.id for x in entry.windows if x.merchant_id == w.merchant]
    assert offered == [tomorrow, later]
    assert ended not in offered
    assert too_far not in offered
    assert entry.today == DAY - timedelta(days=1)
    with pytest.raises(OrderError) as err:  # and the write refuses it all the same
        w.env.svc.orders.place(who, draft(w, ended))
    assert err.value.reason == "window_over"

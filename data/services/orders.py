"""Orders of daily necessities for residents: windows and capacity, deliveries and their proof.

An order is placed for a resident by a station, the hotline (from a call) or a registered family
member, into a merchant's window on a day. The window's `taken` counter advances under a guarded
UPDATE (`taken < capacity`), so two workstations racing for the last place cannot both win; the
draft's client uuid is unique, so a second submit of the same draft returns the first order.
An unusual order of a resident flagged for dementia (a product or a quantity the resident has
never ordered), or one far above the resident's usual total, waits for a confirmation call.
A hand-off needs a signature or a photo and the resident's confirmation; a
failed delivery to a resident who lives alone raises a welfare-check incident in the same
transaction. Names, phones and addresses are masked for roles without VIEW_RESIDENT_PII.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from core.audit import AuditAction
from core.duplicates import phone_digits
from core.merchants import closed_reason
from core.model import IncidentSource, Priority
from core.orders import (
    FINAL,
    SILENCE_WEEKS,
    DelivererChoice,
    DeliveryRow,
    FailReason,
    Flag,
    MerchantChoice,
    OrderDraft,
    OrderEntryData,
    OrderError,
    OrderLineView,
    OrderStatus,
    Placed,
    ProductChoice,
    ProofRequest,
    ProofSubmission,
    ResidentChoice,
    SilenceRow,
    UsualBasket,
    WindowChoice,
    can_move,
    check_draft,
    check_proof,
    confirm_reasons,
    household_key,
    median_int,
    merge_groups,
    registered_family,
    silence_list,
    silent_since,
    unusual_basket,
    usual_lines,
    window_label,
    window_over,
)
from core.permissions import Permission, PermissionDenied, Principal
from core.personal import mask_name
from core.text import clean_line
from core.timefmt import local
from data.context import ServiceContext, WriteTx
from data.models import (
    Business,
    Call,
    Community,
    DeliveryEvent,
    DeliveryProof,
    IncidentType,
    Merchant,
    MerchantStaff,
    NecessityOrder,
    OrderLine,
    OrderWindow,
    Product,
    Resident,
    SiteMeta,
    Volunteer,
    VolunteerPairing,
)
from data.services.feedback import site_zone
from data.services.incidents import add_incident
from data.services.merchants import merchant_closed_reason
from data.services.residents import residents_matching

__all__ = ["ORDER", "PII", "WINDOWS", "OrderService"]

ORDER = Permission.PLACE_ORDERS
WINDOWS = Permission.MANAGE_MERCHANTS
PII = Permission.VIEW_RESIDENT_PII
ORDER_TABLE = "necessity_order"
WINDOW_TABLE = "order_window"
# Why a delivery to someone living alone raises a welfare check, in the site's language.
WELFARE_WHY = {
    FailReason.NOT_HOME: "送货上门无人应门",
    FailReason.NO_ANSWER_PHONE: "送货上门无人应门，电话也无人接听",
}
EVENT_TABLE = "delivery_event"
ENTRY_DAYS = 7  # the order entry offers windows from now to this many days ahead
HISTORY = 10  # past orders that make the usual basket and the usual total
PHOTO_MAX_BYTES = 4 * 1024 * 1024
SIGNATURE_MAX_BYTES = 512 * 1024
# The welfare check's incident type for a database seeded before [site] welfare_type existed.
LEGACY_WELFARE_TYPE = "ELDERLY"
SEARCH_LIMIT = 20
_STATUSES = {s.value: s for s in OrderStatus}


class _BoardKey(NamedTuple):
    """What merging a board row looks at (core.orders.Mergeable), before the row is made."""

    id: int
    status: OrderStatus
    household: str
    merchant: str
    window: str


def _status(value: str) -> OrderStatus:
    return _STATUSES.get(value, OrderStatus.ACCEPTED)


def _minute(t: time) -> int:
    return t.hour * 60 + t.minute


def _clock(minute: int) -> time:
    return time(minute // 60 % 24, minute % 60)


class OrderService:
    """Every change through the context's write path, audited."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # --- helpers ----------------------------------------------------------------------------
    def today(self) -> date:
        """The site's date now (its time zone)."""
        with self.ctx.read() as s:
            return local(self.ctx.clock(), site_zone(s)).date()

    def _now_local(self, s: Session) -> datetime:
        return local(self.ctx.clock(), site_zone(s))

    @staticmethod
    def _community_code(s: Session, community_id: int) -> str:
        return str(s.scalar(select(Community.code).where(Community.id == community_id)) or "")

    @staticmethod
    def _event(tx: WriteTx, order: NecessityOrder, old: str, new: str, note: str = "") -> None:
        ev = DeliveryEvent(
            order_id=order.id,
            community_id=order.community_id,
            ts=tx.now,
            from_status=old,
            to_status=new,
            note=note[:200],
            actor=tx.actor.username if isinstance(tx.actor, Principal) else str(tx.actor),
        )
        tx.session.add(ev)
        tx.session.flush()
        tx.change(EVENT_TABLE, ev.id, "insert")

    def _locked(self, tx: WriteTx, order_id: int) -> NecessityOrder:
        """The order, row-locked on PostgreSQL; its community checked against the actor."""
        order = tx.session.scalar(
            select(NecessityOrder).where(NecessityOrder.id == order_id).with_for_update()
        )
        if order is None:
            raise LookupError(f"no order {order_id}")
        self.ctx.check(tx, ORDER, self._community_code(tx.session, order.community_id))
        return order

    # --- windows ----------------------------------------------------------------------------
    def open_window(
        self,
        who: Principal,
        merchant_id: int,
        day: date,
        starts: time,
        ends: time,
        capacity: int,
    ) -> int:
        """Open an ordering window (or change its capacity, never below what it holds)."""
        if not 0 < capacity <= 500:
            raise ValueError("a window's capacity is 1–500 orders")
        if ends <= starts:
            raise ValueError("a window ends after it starts")
        with self.ctx.write(who, WINDOWS) as tx:
            s = tx.session
            m = s.get(Merchant, merchant_id)
            if m is None:
                raise LookupError(f"no merchant {merchant_id}")
            self.ctx.check(tx, WINDOWS, self._community_code(s, m.community_id))
            w = s.scalar(
                select(OrderWindow).where(
                    OrderWindow.merchant_id == merchant_id,
                    OrderWindow.day == day,
                    OrderWindow.starts_minute == _minute(starts),
                )
            )
            if w is None:
                w = OrderWindow(
                    merchant_id=merchant_id,
                    community_id=m.community_id,
                    day=day,
                    starts_minute=_minute(starts),
                    ends_minute=_minute(ends),
                    capacity=capacity,
                    taken=0,
                )
                s.add(w)
                op = "insert"
            else:
                if capacity < w.taken:
                    raise ValueError(f"the window already holds {w.taken} orders")
                w.capacity, w.ends_minute = capacity, _minute(ends)
                op = "update"
            s.flush()
            tx.change(WINDOW_TABLE, w.id, op)
            tx.audit(
                AuditAction.ORDER_WINDOW_SAVED,
                f"window:{w.id}",
                json.dumps({"merchant": merchant_id, "day": day.isoformat(), "cap": capacity}),
            )
            return w.id

    def windows(self, who: Principal, merchant_ids: Sequence[int], day: date) -> list[WindowChoice]:
        """Windows of these merchants on `day`, by merchant and start."""
        self.ctx.require(who, ORDER)
        with self.ctx.read() as s:
            return self._windows(s, merchant_ids, day)

    @staticmethod
    def _windows(
        s: Session, merchant_ids: Sequence[int], day: date, last: date | None = None
    ) -> list[WindowChoice]:
        """Windows on `day` (through `last` when given), by merchant, day and start."""
        rows = s.scalars(
            select(OrderWindow)
            .where(
                OrderWindow.merchant_id.in_(list(merchant_ids)),
                OrderWindow.day >= day,
                OrderWindow.day <= (last or day),
            )
            .order_by(OrderWindow.merchant_id, OrderWindow.day, OrderWindow.starts_minute)
        )
        return [
            WindowChoice(
                w.id,
                w.merchant_id,
                w.day,
                _clock(w.starts_minute),
                _clock(w.ends_minute),
                w.capacity,
                w.taken,
            )
            for w in rows
        ]

    def day_plan(
        self, who: Principal, day: date
    ) -> tuple[list[MerchantChoice], list[WindowChoice]]:
        """Merchants (with why one takes no orders) and their windows on `day`, for planning."""
        self.ctx.require(who, ORDER)
        with self.ctx.read() as s:
            stmt = (
                select(Merchant, Business.code)
                .join(Community, Community.id == Merchant.community_id)
                .join(Business, Business.id == Merchant.business_id)
                .where(Merchant.status != "exited")
                .order_by(Community.code, Merchant.name)
            )
            if who.communities is not None:
                stmt = stmt.where(Community.code.in_(sorted(who.communities)))
            found = s.execute(stmt).all()
            merchants = [
                MerchantChoice(m.id, m.name, merchant_closed_reason(s, m.id, day) or "", code)
                for m, code in found
            ]
            return merchants, self._windows(s, [m.id for m in merchants], day)

    def copy_windows(self, who: Principal, day: date, days: int = 7) -> int:
        """Open the windows of `day` on each of the next `days` days where a merchant has none
        at that start yet (capacities as on `day`); how many were opened."""
        if not 1 <= days <= 31:
            raise ValueError("copy to 1–31 days")
        opened = 0
        with self.ctx.write(who, WINDOWS) as tx:
            s = tx.session
            source = list(s.scalars(select(OrderWindow).where(OrderWindow.day == day)))
            codes = {cid: code for cid, code in s.execute(select(Community.id, Community.code))}
            for w in source:
                self.ctx.check(tx, WINDOWS, codes.get(w.community_id))
                for n in range(1, days + 1):
                    target = day + timedelta(days=n)
                    there = s.scalar(
                        select(OrderWindow.id).where(
                            OrderWindow.merchant_id == w.merchant_id,
                            OrderWindow.day == target,
                            OrderWindow.starts_minute == w.starts_minute,
                        )
                    )
                    if there is not None:
                        continue
                    s.add(
                        OrderWindow(
                            merchant_id=w.merchant_id,
                            community_id=w.community_id,
                            day=target,
                            starts_minute=w.starts_minute,
                            ends_minute=w.ends_minute,
                            capacity=w.capacity,
                            taken=0,
                        )
                    )
                    opened += 1
            if opened:
                s.flush()
                tx.change(WINDOW_TABLE, None, "insert")
                tx.audit(
                    AuditAction.ORDER_WINDOW_SAVED,
                    f"day:{day.isoformat()}",
                    json.dumps({"copied_days": days, "opened": opened}),
                )
        return opened

    # --- order entry reads ------------------------------------------------------------------
    def find_residents(
        self, who: Principal, text: str, limit: int = SEARCH_LIMIT
    ) -> list[ResidentChoice]:
        """Residents whose name, phone or address contains `text` (masked per role)."""
        self.ctx.require(who, ORDER)
        with self.ctx.read() as s:
            found = residents_matching(s, who, text, limit)
            return [self._choice(s, who, r, code) for r, code in found]

    def _choice(self, s: Session, who: Principal, r: Resident, code: str) -> ResidentChoice:
        shown = who.can(PII, code)
        staff, volunteer = self._preferred(s, r.id)
        flags = tuple(
            f for f, on in (("lives_alone", r.lives_alone), ("dementia", r.dementia)) if on
        )
        return ResidentChoice(
            r.id,
            r.name if shown else r.name_mask,
            r.address if shown else r.address_mask,
            r.phone if shown else r.phone_mask,
            code,
            staff,
            volunteer,
            flags,
        )

    @staticmethod
    def _preferred(s: Session, resident_id: int) -> tuple[int | None, int | None]:
        """The familiar person: who last delivered to the resident, else a paired volunteer."""
        last = s.execute(
            select(NecessityOrder.deliverer_staff_id, NecessityOrder.deliverer_volunteer_id)
            .where(
                NecessityOrder.resident_id == resident_id,
                NecessityOrder.status == OrderStatus.DELIVERED.value,
            )
            .order_by(NecessityOrder.delivered_at.desc(), NecessityOrder.id.desc())
            .limit(1)
        ).first()
        if last is not None:
            return last[0], last[1]
        paired = s.scalar(
            select(VolunteerPairing.volunteer_id)
            .where(VolunteerPairing.resident_id == resident_id, VolunteerPairing.ended_on.is_(None))
            .order_by(VolunteerPairing.started_on.desc())
            .limit(1)
        )
        return None, paired

    def entry_data(
        self, who: Principal, resident_id: int, day: date | None = None
    ) -> OrderEntryData:
        """What the order entry needs for one resident: merchants, windows, products, baskets,
        deliverers (the familiar one first)."""
        self.ctx.require(who, ORDER)
        with self.ctx.read() as s:
            found = s.execute(
                select(Resident, Community.code)
                .join(Community, Community.id == Resident.community_id)
                .where(Resident.id == resident_id)
            ).first()
            if found is None:
                raise LookupError(f"no resident {resident_id}")
            r, code = found[0], str(found[1])
            if not who.can(ORDER, code):
                self.ctx.require(who, ORDER, code)
            now_local = self._now_local(s)
            day = day or now_local.date()
            resident = self._choice(s, who, r, code)
            listed = s.execute(
                select(Merchant, Business.code)
                .join(Business, Business.id == Merchant.business_id)
                .where(Merchant.status != "exited")
                .order_by((Merchant.community_id != r.community_id), Merchant.name)
            ).all()
            merchants = [m for m, _code in listed]
            mchoices = tuple(
                MerchantChoice(m.id, m.name, merchant_closed_reason(s, m.id, day) or "", code)
                for m, code in listed
            )
            ids = [m.id for m in merchants]
            # From now on: a window that has ended is not offered (the write refuses it too).
            windows = tuple(
                w
                for w in self._windows(s, ids, day, day + timedelta(days=ENTRY_DAYS - 1))
                if not window_over(w.day, w.ends, now_local)
            )
            products = tuple(
                ProductChoice(p.id, p.merchant_id, p.code, p.name, p.unit, p.price_cents)
                for p in s.scalars(
                    select(Product)
                    .where(Product.merchant_id.in_(ids), Product.active.is_(True))
                    .order_by(Product.merchant_id, Product.code)
                )
            )
            shown = who.can(PII, code)
            staff = [
                DelivererChoice(
                    "staff",
                    p.id,
                    p.name if shown else mask_name(p.name),
                    p.merchant_id,
                )
                for p in s.scalars(
                    select(MerchantStaff)
                    .where(
                        MerchantStaff.merchant_id.in_(ids),
                        MerchantStaff.deliverer.is_(True),
                        MerchantStaff.active.is_(True),
                        or_(
                            MerchantStaff.health_cert_expires.is_(None),
                            MerchantStaff.health_cert_expires >= day,
                        ),
                    )
                    .order_by(MerchantStaff.merchant_id, MerchantStaff.id)
                )
            ]
            volunteers = [
                DelivererChoice("volunteer", v.id, v.name if shown else v.name_mask)
                for v in s.scalars(
                    select(Volunteer)
                    .where(Volunteer.community_id == r.community_id, Volunteer.active.is_(True))
                    .order_by(Volunteer.id)
                )
            ]
            deliverers = _familiar_first(staff + volunteers, resident)
            return OrderEntryData(
                resident, mchoices, windows, products, deliverers, self._baskets(s, r.id), day
            )

    @staticmethod
    def _history(s: Session, resident_id: int) -> list[tuple[int, int, int]]:
        """(order id, merchant id, total) of the resident's latest orders not called off."""
        rows = s.execute(
            select(NecessityOrder.id, NecessityOrder.merchant_id, NecessityOrder.total_cents)
            .where(
                NecessityOrder.resident_id == resident_id,
                NecessityOrder.status.notin_(
                    [OrderStatus.CANCELLED.value, OrderStatus.AWAITING_CONFIRMATION.value]
                ),
                # an order the confirmation call did not confirm is no habit of the resident's
                NecessityOrder.fail_reason != FailReason.NOT_CONFIRMED.value,
            )
            .order_by(NecessityOrder.placed_at.desc(), NecessityOrder.id.desc())
            .limit(HISTORY)
        )
        return [(int(i), int(m), int(t)) for i, m, t in rows]

    @staticmethod
    def _lines(s: Session, order_ids: Sequence[int]) -> dict[int, list[tuple[int, int]]]:
        """(product id, quantity) lines of each of `order_ids`."""
        lines: dict[int, list[tuple[int, int]]] = defaultdict(list)
        if not order_ids:
            return lines
        for order_id, product_id, qty in s.execute(
            select(OrderLine.order_id, OrderLine.product_id, OrderLine.quantity).where(
                OrderLine.order_id.in_(order_ids)
            )
        ):
            lines[int(order_id)].append((int(product_id), int(qty)))
        return lines

    def _baskets(self, s: Session, resident_id: int) -> tuple[UsualBasket, ...]:
        history = self._history(s, resident_id)
        if not history:
            return ()
        lines = self._lines(s, [h[0] for h in history])
        active = set(
            s.scalars(
                select(Product.id).where(
                    Product.id.in_([p for ls in lines.values() for p, _ in ls]),
                    Product.active.is_(True),
                )
            )
        )
        per_merchant: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for order_id, merchant_id, total in history:
            per_merchant[merchant_id].append((order_id, total))
        baskets = []
        for merchant_id, orders in per_merchant.items():
            usual = usual_lines([lines[o] for o, _ in orders])
            usual = tuple((p, q) for p, q in usual if p in active)
            if usual:
                baskets.append(UsualBasket(merchant_id, usual, median_int([t for _, t in orders])))
        baskets.sort(key=lambda b: -len(per_merchant[b.merchant_id]))
        return tuple(baskets)

    # --- placing ----------------------------------------------------------------------------
    def place(self, who: Principal, draft: OrderDraft) -> int:
        """Place an order; its id. The same draft submitted again returns the same id.

        OrderError (a ValueError) names what is refused: a full window ("full"), a merchant
        that takes no orders ("merchant_closed"), an unknown product, a deliverer not allowed.
        """
        check_draft(draft)
        note = clean_line(draft.note)
        family = clean_line(draft.family_member)
        with self.ctx.read() as s:
            known = s.scalar(
                select(NecessityOrder.id).where(NecessityOrder.client_uuid == draft.client_uuid)
            )
        if known is not None:
            return int(known)
        try:
            return self._place(who, draft, note, family)
        except IntegrityError:
            # Another workstation (or a retry of this one) placed the same draft first.
            with self.ctx.read() as s:
                known = s.scalar(
                    select(NecessityOrder.id).where(NecessityOrder.client_uuid == draft.client_uuid)
                )
            if known is None:
                raise
            return int(known)

    def _place(self, who: Principal, draft: OrderDraft, note: str, family: str) -> int:
        with self.ctx.write(who, ORDER) as tx:
            return self._place_in(tx, who, draft, note, family).order_id

    def take(self, tx: WriteTx, who: Principal, draft: OrderDraft) -> Placed:
        """Place a draft inside the caller's write (a station's outbox entry): the order, or
        the one placed before from the same draft (`replayed`). OrderError when refused."""
        check_draft(draft)
        return self._place_in(
            tx, who, draft, clean_line(draft.note), clean_line(draft.family_member)
        )

    def _place_in(
        self, tx: WriteTx, who: Principal, draft: OrderDraft, note: str, family: str
    ) -> Placed:
        s = tx.session
        known = s.scalar(
            select(NecessityOrder.id).where(NecessityOrder.client_uuid == draft.client_uuid)
        )
        if known is not None:
            return Placed(int(known), replayed=True)
        r = s.get(Resident, draft.resident_id)
        if r is None or r.anonymised_at is not None:
            raise OrderError("resident")
        self.ctx.check(tx, ORDER, self._community_code(s, r.community_id))
        if draft.channel == "family" and not registered_family(family, r.emergency_contact_name):
            # Only a relative the resident's record names may order for them: a stranger
            # calling in as "the son" does not send goods, and a visitor, to the door.
            raise OrderError("family_not_registered")
        w = s.get(OrderWindow, draft.window_id)
        if w is None or w.merchant_id != draft.merchant_id:
            raise OrderError("window")
        now_local = local(tx.now, site_zone(s))
        if window_over(w.day, _clock(w.ends_minute), now_local):
            raise OrderError("window_over")
        closed = merchant_closed_reason(s, draft.merchant_id, w.day)
        if closed is not None:
            raise OrderError("merchant_closed", closed)
        products = {
            p.id: p
            for p in s.scalars(
                select(Product).where(Product.id.in_([pid for pid, _ in draft.lines]))
            )
        }
        for pid, _ in draft.lines:
            p = products.get(pid)
            if p is None or not p.active or p.merchant_id != draft.merchant_id:
                raise OrderError("product")
        staff_id, volunteer_id = self._deliverer(s, draft, r, w.day)
        # Same household, merchant and window: one trip, so the first order's deliverer.
        mate = self._household_mate(s, r, w.id)
        if mate is not None:
            staff_id, volunteer_id = mate.deliverer_staff_id, mate.deliverer_volunteer_id
        total = sum(products[pid].price_cents * qty for pid, qty in draft.lines)
        history = self._history(s, r.id)
        past = [t for _, _, t in history]
        unusual = False
        if r.dementia:
            past_lines = self._lines(s, [h[0] for h in history])
            unusual = unusual_basket(draft.lines, [past_lines[h[0]] for h in history])
        reasons = confirm_reasons(total, past, r.dementia, unusual)
        # The guarded increment: a concurrent writer that took the last place makes this
        # match no row (PostgreSQL re-checks the condition after waiting for its lock).
        took = s.execute(
            update(OrderWindow)
            .where(OrderWindow.id == w.id, OrderWindow.taken < OrderWindow.capacity)
            .values(taken=OrderWindow.taken + 1)
            .execution_options(synchronize_session=False)
        )
        if took.rowcount != 1:  # type: ignore[attr-defined]
            raise OrderError("full")
        status = OrderStatus.AWAITING_CONFIRMATION if reasons else OrderStatus.ACCEPTED
        order = NecessityOrder(
            client_uuid=draft.client_uuid,
            resident_id=r.id,
            community_id=r.community_id,
            merchant_id=draft.merchant_id,
            window_id=w.id,
            status=status.value,
            channel=draft.channel,
            call_id=draft.call_id,
            family_member=family,
            deliverer_staff_id=staff_id,
            deliverer_volunteer_id=volunteer_id,
            total_cents=total,
            confirm_reason=",".join(reasons),
            confirmed_by="",
            fail_reason="",
            note=note,
            placed_by=who.username,
            placed_at=tx.now,
            updated_at=tx.now,
        )
        s.add(order)
        s.flush()
        for pid, qty in draft.lines:
            p = products[pid]
            s.add(
                OrderLine(
                    order_id=order.id,
                    community_id=r.community_id,
                    product_id=pid,
                    name=p.name,
                    unit=p.unit,
                    quantity=qty,
                    price_cents=p.price_cents,
                )
            )
        tx.change(ORDER_TABLE, order.id, "insert")
        tx.change(WINDOW_TABLE, w.id, "update")
        self._event(tx, order, "", status.value, ",".join(reasons))
        tx.audit(
            AuditAction.ORDER_PLACED,
            f"order:{order.id}",
            json.dumps(
                {
                    "channel": draft.channel,
                    "merchant": draft.merchant_id,
                    "window": w.id,
                    "total_cents": total,
                    "confirm": list(reasons),
                    "merged": mate.id if mate is not None else None,
                }
            ),
        )
        return Placed(order.id, replayed=False, detail=status.value if reasons else "")

    @staticmethod
    def _household_mate(s: Session, r: Resident, window_id: int) -> NecessityOrder | None:
        key = household_key(r.address)
        mates = s.execute(
            select(NecessityOrder, Resident.address)
            .join(Resident, Resident.id == NecessityOrder.resident_id)
            .where(
                NecessityOrder.window_id == window_id,
                NecessityOrder.community_id == r.community_id,
                NecessityOrder.status.in_([st.value for st in OrderStatus if st not in FINAL]),
            )
            .order_by(NecessityOrder.id)
        ).all()
        for order, address in mates:
            if household_key(address) == key:
                return order
        return None

    @staticmethod
    def _deliverer(
        s: Session, draft: OrderDraft, r: Resident, day: date
    ) -> tuple[int | None, int | None]:
        if draft.deliverer_staff_id is not None:
            p = s.get(MerchantStaff, draft.deliverer_staff_id)
            if p is None or p.merchant_id != draft.merchant_id or not (p.active and p.deliverer):
                raise OrderError("deliverer")
            if p.health_cert_expires is not None and p.health_cert_expires < day:
                raise OrderError("health_cert")
            return p.id, None
        v = s.get(Volunteer, draft.deliverer_volunteer_id)
        if v is None or not v.active or v.community_id != r.community_id:
            raise OrderError("deliverer")
        return None, v.id

    # --- safeguards -------------------------------------------------------------------------
    def record_confirmation(
        self,
        who: Principal,
        order_id: int,
        confirmed: bool,
        note: str = "",
        call_id: int | None = None,
    ) -> OrderStatus:
        """The confirmation call's outcome: the order is accepted, or fails (not confirmed).

        Without `call_id`, the newest call to or from the resident since the order was placed
        (Dial in the dialog, or the Calls pane) is the one linked; none when nobody called.
        """
        note = clean_line(note)
        with self.ctx.write(who, ORDER) as tx:
            order = self._locked(tx, order_id)
            if order.status != OrderStatus.AWAITING_CONFIRMATION:
                raise OrderError("not_awaiting")
            if call_id is None:
                # By the resident, or by their number: a shared household phone names the
                # household's first resident on the call. An answered call before one that rang out.
                phone = tx.session.scalar(
                    select(Resident.phone).where(Resident.id == order.resident_id)
                )
                whose = Call.resident_id == order.resident_id
                if phone:
                    whose = or_(whose, Call.number.in_(sorted({phone, phone_digits(phone)})))
                call_id = tx.session.scalar(
                    select(Call.id)
                    .where(whose, Call.started_at >= order.placed_at)
                    .order_by(Call.answered_at.is_(None), Call.started_at.desc(), Call.id.desc())
                    .limit(1)
                )
            new = OrderStatus.ACCEPTED if confirmed else OrderStatus.FAILED
            old = order.status
            order.status = new.value
            order.confirmed_at = tx.now
            order.confirmed_by = who.username
            order.confirm_call_id = call_id
            order.updated_at = tx.now
            if not confirmed:
                order.fail_reason = FailReason.NOT_CONFIRMED.value
                self._release(tx, order)
            self._event(tx, order, old, new.value, note or ("confirmed" if confirmed else ""))
            tx.change(ORDER_TABLE, order.id, "update")
            tx.audit(
                AuditAction.ORDER_CONFIRMED,
                f"order:{order.id}",
                json.dumps({"confirmed": confirmed, "call": call_id}),
            )
            return new

    def silence(
        self, who: Principal, weeks: int = SILENCE_WEEKS, today: date | None = None
    ) -> list[SilenceRow]:
        """Residents who ordered at least twice and nothing for `weeks` weeks, longest first."""
        self.ctx.require(who, ORDER)
        with self.ctx.read() as s:
            today = today or self._now_local(s).date()
            stmt = (
                select(
                    NecessityOrder.resident_id,
                    func.max(NecessityOrder.placed_at),
                    func.count(NecessityOrder.id),
                )
                .where(NecessityOrder.status != OrderStatus.CANCELLED.value)
                .group_by(NecessityOrder.resident_id)
            )
            zone = site_zone(s)
            last = [(int(rid), local(ts, zone).date(), int(n)) for rid, ts, n in s.execute(stmt)]
            silent = silence_list(last, today, weeks)
            if not silent:
                return []
            residents = {
                r.id: (r, str(code))
                for r, code in s.execute(
                    select(Resident, Community.code)
                    .join(Community, Community.id == Resident.community_id)
                    .where(Resident.id.in_([rid for rid, _, _ in silent]))
                )
            }
            rows = []
            for rid, day, n in silent:
                r, code = residents[rid]
                if who.communities is not None and code not in who.communities:
                    continue
                name = r.name if who.can(PII, code) else r.name_mask
                rows.append(
                    SilenceRow(rid, name, code, day, silent_since(day, today), n, r.lives_alone)
                )
            # Those living alone first: nobody else would notice that they stopped.
            rows.sort(key=lambda r: (not r.lives_alone, r.last_order, r.resident_id))
            return rows

    # --- delivery steps ---------------------------------------------------------------------
    def step(self, who: Principal, order_id: int, to: OrderStatus, note: str = "") -> None:
        """Move an order along: accepted → picked → en route; or cancel it (frees its place).

        Delivered needs `deliver` (with proof), failed needs `fail` (with a reason)."""
        if to in (OrderStatus.DELIVERED, OrderStatus.FAILED):
            raise OrderError("use_proof" if to is OrderStatus.DELIVERED else "use_fail")
        note = clean_line(note)
        with self.ctx.write(who, ORDER) as tx:
            order = self._locked(tx, order_id)
            old = _status(order.status)
            if not can_move(old, to):
                raise OrderError("step", f"{old.value} → {to.value}")
            if old is OrderStatus.AWAITING_CONFIRMATION and to is OrderStatus.ACCEPTED:
                raise OrderError("needs_confirmation")  # only a recorded confirmation call
            if to in (OrderStatus.PICKED, OrderStatus.EN_ROUTE):
                w = tx.session.get(OrderWindow, order.window_id)
                day = w.day if w is not None else local(tx.now, site_zone(tx.session)).date()
                closed = merchant_closed_reason(tx.session, order.merchant_id, day)
                if closed is not None:  # flagged on the board: cancel it, do not send it out
                    raise OrderError("merchant_closed", closed)
            order.status = to.value
            order.updated_at = tx.now
            if to is OrderStatus.CANCELLED:
                self._release(tx, order)
            self._event(tx, order, old.value, to.value, note)
            tx.change(ORDER_TABLE, order.id, "update")
            tx.audit(
                AuditAction.ORDER_STEP,
                f"order:{order.id}",
                json.dumps({"from": old.value, "to": to.value}),
            )

    @staticmethod
    def _release(tx: WriteTx, order: NecessityOrder) -> None:
        """Give the order's place in its window back (cancelled before it left the shop)."""
        tx.session.execute(
            update(OrderWindow)
            .where(OrderWindow.id == order.window_id, OrderWindow.taken > 0)
            .values(taken=OrderWindow.taken - 1)
            .execution_options(synchronize_session=False)
        )
        tx.change(WINDOW_TABLE, order.window_id, "update")

    def fail(self, who: Principal, order_id: int, reason: FailReason, note: str = "") -> int | None:
        """Record a failed delivery; the id of the welfare-check incident it raised, if any
        (the resident lives alone and nobody took the goods at the door)."""
        note = clean_line(note)
        with self.ctx.write(who, ORDER) as tx:
            s = tx.session
            order = self._locked(tx, order_id)
            old = _status(order.status)
            if not can_move(old, OrderStatus.FAILED):
                raise OrderError("step", f"{old.value} → failed")
            order.status = OrderStatus.FAILED.value
            order.fail_reason = reason.value
            order.updated_at = tx.now
            if old in (OrderStatus.AWAITING_CONFIRMATION, OrderStatus.ACCEPTED):
                self._release(tx, order)  # never left the shop: the place is free again
            self._event(tx, order, old.value, OrderStatus.FAILED.value, f"{reason.value} {note}")
            tx.change(ORDER_TABLE, order.id, "update")
            incident_id: int | None = None
            r = s.get(Resident, order.resident_id)
            at_door = reason in (FailReason.NOT_HOME, FailReason.NO_ANSWER_PHONE)
            if r is not None and r.lives_alone and at_door:
                code = s.scalar(select(SiteMeta.value).where(SiteMeta.key == "welfare_type"))
                code = LEGACY_WELFARE_TYPE if code is None else code
                type_id = s.scalar(select(IncidentType.id).where(IncidentType.code == code))
                inc = add_incident(
                    tx,
                    # No name in the title: the queue is read by roles that see names masked.
                    title=f"送货未遇独居老人，请上门探视（订单 {order.id}）",
                    # In the site's language, as the title: the queue's readers read it.
                    description=f"生活必需品订单 {order.id}：{WELFARE_WHY[reason]}。{note}".strip(),
                    priority=Priority.P2,
                    source=IncidentSource.MANUAL,
                    community_id=order.community_id,
                    location=r.address,
                    type_id=type_id,
                    created_by_id=who.user_id,
                )
                incident_id = inc.id
            tx.audit(
                AuditAction.ORDER_FAILED,
                f"order:{order.id}",
                json.dumps({"reason": reason.value, "incident": incident_id}),
            )
            return incident_id

    def deliver(self, who: Principal, proof: ProofSubmission) -> None:
        """Record the hand-off with its proof; refused without evidence or confirmation."""
        check_proof(proof)
        if len(proof.photo) > PHOTO_MAX_BYTES or len(proof.signature_png) > SIGNATURE_MAX_BYTES:
            raise OrderError("proof_too_large")
        confirmed_by = clean_line(proof.confirmed_by)[:64]
        with self.ctx.write(who, ORDER) as tx:
            s = tx.session
            order = self._locked(tx, proof.order_id)
            old = _status(order.status)
            if not can_move(old, OrderStatus.DELIVERED):
                raise OrderError("step", f"{old.value} → delivered")
            row = DeliveryProof(
                order_id=order.id,
                community_id=order.community_id,
                signature_png=proof.signature_png or None,
                photo=proof.photo or None,
                photo_name=clean_line(proof.photo_name)[:100],
                confirmed_by=confirmed_by,
                recorded_by=who.username,
                recorded_at=tx.now,
            )
            s.add(row)
            order.status = OrderStatus.DELIVERED.value
            order.delivered_at = tx.now
            order.updated_at = tx.now
            s.flush()
            tx.change("delivery_proof", row.id, "insert")
            self._event(tx, order, old.value, OrderStatus.DELIVERED.value)
            tx.change(ORDER_TABLE, order.id, "update")
            tx.audit(
                AuditAction.ORDER_DELIVERED,
                f"order:{order.id}",
                json.dumps({"signature": bool(proof.signature_png), "photo": bool(proof.photo)}),
            )

    # --- the board --------------------------------------------------------------------------
    def board(self, who: Principal, day: date | None = None) -> list[DeliveryRow]:
        """The day's orders with their flags, masked per role, by window then id."""
        self.ctx.require(who, ORDER)
        staff = aliased(MerchantStaff)
        vol = aliased(Volunteer)
        with self.ctx.read() as s:
            now_local = self._now_local(s)
            day = day or now_local.date()
            stmt = (
                select(
                    NecessityOrder.id,
                    NecessityOrder.status,
                    NecessityOrder.total_cents,
                    NecessityOrder.fail_reason,
                    NecessityOrder.merchant_id,
                    NecessityOrder.resident_id,
                    NecessityOrder.community_id,
                    OrderWindow.starts_minute,
                    OrderWindow.ends_minute,
                    Resident.name,
                    Resident.name_mask,
                    Resident.address,
                    Resident.address_mask,
                    Resident.lives_alone,
                    Community.code,
                    Merchant.name,
                    staff.name,
                    vol.name,
                    vol.name_mask,
                )
                .join(OrderWindow, OrderWindow.id == NecessityOrder.window_id)
                .join(Resident, Resident.id == NecessityOrder.resident_id)
                .join(Community, Community.id == NecessityOrder.community_id)
                .join(Merchant, Merchant.id == NecessityOrder.merchant_id)
                .outerjoin(staff, staff.id == NecessityOrder.deliverer_staff_id)
                .outerjoin(vol, vol.id == NecessityOrder.deliverer_volunteer_id)
                .where(OrderWindow.day == day)
                .order_by(OrderWindow.starts_minute, NecessityOrder.id)
            )
            if who.communities is not None:
                stmt = stmt.where(Community.code.in_(sorted(who.communities)))
            found = s.execute(stmt).all()
            # One read of the board's merchants, not one per merchant (a round trip each on
            # PostgreSQL): a street's board has some forty.
            closed = {
                mid: closed_reason(status, reason, licence, food, day) is not None
                for mid, status, reason, licence, food in s.execute(
                    select(
                        Merchant.id,
                        Merchant.status,
                        Merchant.status_reason,
                        Merchant.licence_expires,
                        Merchant.food_licence_expires,
                    ).where(Merchant.id.in_(sorted({r[4] for r in found})))
                )
            }
        shown: dict[str, bool] = {}
        labels: dict[tuple[int, int], str] = {}
        # First the merge keys (the household key is the unmasked address: only its group id
        # leaves the service), then each row once, with its group known.
        keyed: list[_BoardKey] = []
        for r in found:
            starts, ends = r[7], r[8]
            label = labels.get((starts, ends))
            if label is None:
                label = labels[(starts, ends)] = window_label(_clock(starts), _clock(ends))
            keyed.append(_BoardKey(r[0], _status(r[1]), household_key(r[11]), r[15], label))
        groups = merge_groups(keyed)
        sizes: dict[int, int] = defaultdict(int)
        for first in groups.values():
            sizes[first] += 1
        ended: dict[int, bool] = {}
        rows: list[DeliveryRow] = []
        for key, (
            oid,
            _status_text,
            total,
            fail_reason,
            mid,
            rid,
            cid,
            _starts,
            ends,
            name,
            name_mask,
            address,
            address_mask,
            lives_alone,
            code,
            mname,
            sname,
            vname,
            vname_mask,
        ) in zip(keyed, found, strict=True):
            st, label = key.status, key.window
            if code not in shown:
                shown[code] = who.can(PII, code)
            pii = shown[code]
            flags: list[str] = []
            if st not in FINAL:
                if closed.get(mid, True):
                    flags.append(Flag.LICENCE)
                if st is OrderStatus.AWAITING_CONFIRMATION:
                    flags.append(Flag.CONFIRM)
                over = ended.get(ends)
                if over is None:
                    over = ended[ends] = window_over(day, _clock(ends), now_local)
                if over:
                    flags.append(Flag.LATE)
            if lives_alone:
                flags.append(Flag.LIVES_ALONE)
            first = groups.get(oid, oid)
            merged = sizes[first] > 1
            if merged:
                flags.append(Flag.MERGED)
            if sname is not None:
                deliverer = sname if pii else mask_name(sname)
            else:
                deliverer = (vname if pii else vname_mask) or ""
            rows.append(
                DeliveryRow(
                    id=oid,
                    resident=name if pii else name_mask,
                    community=code,
                    merchant=mname,
                    window=label,
                    status=st,
                    deliverer=deliverer,
                    flags=tuple(flags),
                    total_cents=total,
                    address=address if pii else address_mask,
                    household=f"H{first}" if merged else "",
                    fail_reason=fail_reason,
                    resident_id=rid,
                    community_id=cid,
                )
            )
        return rows

    def proof_request(self, who: Principal, order_id: int) -> ProofRequest:
        """What the proof dialog shows: the order's lines, the resident and the deliverer."""
        self.ctx.require(who, ORDER)
        with self.ctx.read() as s:
            found = s.execute(
                select(NecessityOrder, Resident.name, Resident.name_mask, Community.code)
                .join(Resident, Resident.id == NecessityOrder.resident_id)
                .join(Community, Community.id == NecessityOrder.community_id)
                .where(NecessityOrder.id == order_id)
            ).first()
            if found is None:
                raise LookupError(f"no order {order_id}")
            order, name, name_mask, code = found
            if not who.can(ORDER, code):
                raise PermissionDenied(who.username, ORDER, code)
            pii = who.can(PII, code)
            deliverer = ""
            if order.deliverer_staff_id is not None:
                p = s.get(MerchantStaff, order.deliverer_staff_id)
                deliverer = "" if p is None else (p.name if pii else mask_name(p.name))
            elif order.deliverer_volunteer_id is not None:
                v = s.get(Volunteer, order.deliverer_volunteer_id)
                deliverer = "" if v is None else (v.name if pii else v.name_mask)
            lines = tuple(
                OrderLineView(ln.name, ln.quantity, ln.unit, ln.price_cents)
                for ln in s.scalars(
                    select(OrderLine).where(OrderLine.order_id == order_id).order_by(OrderLine.id)
                )
            )
            return ProofRequest(order.id, name if pii else name_mask, deliverer, lines)

    def reveal(self, who: Principal, order_id: int) -> tuple[str, str, str]:
        """The resident's name, phone and address for an order, for a role that may see them;
        audited (the deliverer is on the phone, the door is unclear)."""
        with self.ctx.read() as s:
            found = s.execute(
                select(Resident.name, Resident.phone, Resident.address, Community.code)
                .join(NecessityOrder, NecessityOrder.resident_id == Resident.id)
                .join(Community, Community.id == Resident.community_id)
                .where(NecessityOrder.id == order_id)
            ).first()
        if found is None:
            raise LookupError(f"no order {order_id}")
        name, phone, address, code = found
        self.ctx.require(who, PII, code)
        self.ctx.record(who, AuditAction.ORDER_PII_READ, f"order:{order_id}", "")
        return str(name), str(phone), str(address)

    def history(self, who: Principal, order_id: int) -> list[tuple[datetime, str, str, str, str]]:
        """(ts, from, to, note, actor) of an order's steps, oldest first."""
        self.ctx.require(who, ORDER)
        with self.ctx.read() as s:
            code = s.scalar(
                select(Community.code)
                .join(NecessityOrder, NecessityOrder.community_id == Community.id)
                .where(NecessityOrder.id == order_id)
            )
            if code is None:
                raise LookupError(f"no order {order_id}")
            self.ctx.require(who, ORDER, str(code))
            return [
                (e.ts, e.from_status, e.to_status, e.note, e.actor)
                for e in s.scalars(
                    select(DeliveryEvent)
                    .where(DeliveryEvent.order_id == order_id)
                    .order_by(DeliveryEvent.id)
                )
            ]


def _familiar_first(
    choices: list[DelivererChoice], resident: ResidentChoice
) -> tuple[DelivererChoice, ...]:
    """The resident's familiar deliverer first, then the others as they came."""

    def rank(c: DelivererChoice) -> int:
        if c.kind == "staff" and c.id == resident.preferred_staff_id:
            return 0
        if c.kind == "volunteer" and c.id == resident.preferred_volunteer_id:
            return 0
        return 1

    return tuple(sorted(choices, key=rank))

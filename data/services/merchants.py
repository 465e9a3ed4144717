"""Certified merchants: licences, staff, inspections, complaints, catalogue and reference prices.

Reading needs VIEW_RESIDENTS in the merchant's community (staff names and phones masked
without VIEW_RESIDENT_PII there); certifying, suspending, inspecting and pricing need
MANAGE_MERCHANTS; a complaint is filed by whoever takes orders (PLACE_ORDERS) and resolved by a
manager. A merchant is suspended or exits, never deleted: orders and the trail refer to it.
The licence sweep (`sweep_licences`, run by the console on its writer thread) suspends an
active merchant whose licence has run out, as the system, audited.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import data.models as models
from core.audit import AuditAction
from core.merchants import (
    COMPLAINT_CATEGORIES,
    PRICE_MAX_CENTS,
    REASON_MAX,
    SURVEY_DAYS,
    TEXT_MAX,
    ComplaintRow,
    ComplaintState,
    InspectionRow,
    LicenceState,
    MerchantDetail,
    MerchantRow,
    MerchantStatus,
    ObservationRow,
    PriceRow,
    ProductKind,
    ProductRow,
    ReferenceRow,
    StaffRow,
    StatusEventRow,
    closed_reason,
    complaint_due,
    complaint_state,
    expired_licence,
    is_outlier,
    licence_state,
    median_cents,
    per_thousand,
    reference_cents,
)
from core.permissions import Permission, Principal
from core.personal import mask_name, mask_phone
from core.text import clean_block, clean_line
from core.timefmt import local
from data.context import ServiceContext
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
from data.services.feedback import site_zone

__all__ = ["EDIT", "FILE", "READ", "MerchantService", "OrderCounter", "merchant_closed_reason"]

READ = Permission.VIEW_RESIDENTS
EDIT = Permission.MANAGE_MERCHANTS
FILE = Permission.PLACE_ORDERS  # who takes an order hears the complaint too
SYSTEM_ACTOR = "system"
CERTIFIABLE_KINDS = ("shop", "market", "service")
# Orders per merchant id, read in the caller's session; None: this site does not count them.
OrderCounter = Callable[[Session, Sequence[int]], dict[int, int] | None]


def count_necessity_orders(s: Session, merchant_ids: Sequence[int]) -> dict[int, int] | None:
    """Orders per merchant from `necessity_order` once that table's model exists (0030); a
    cancelled order was never served and does not count."""
    order = getattr(models, "NecessityOrder", None)
    if order is None:
        return None
    if not merchant_ids:
        return {}
    rows = s.execute(
        select(order.merchant_id, func.count())
        .where(order.merchant_id.in_(list(merchant_ids)), order.status != "cancelled")
        .group_by(order.merchant_id)
    )
    return {int(m): int(n) for m, n in rows}


def merchant_closed_reason(s: Session, merchant_id: int, day: date) -> str | None:
    """Why the merchant takes no orders for `day` (None: it does), in the caller's session
    (an order's own transaction)."""
    m = s.get(Merchant, merchant_id)
    if m is None:
        return "unknown merchant"
    return closed_reason(m.status, m.status_reason, m.licence_expires, m.food_licence_expires, day)


def _reason(text: str) -> str:
    cleaned = clean_line(text)
    if not cleaned:
        raise ValueError("a reason is needed")
    if len(cleaned) > REASON_MAX:
        raise ValueError(f"a reason has at most {REASON_MAX} characters")
    return cleaned


def _block(text: str, what: str, *, required: bool = True) -> str:
    cleaned = clean_block(text)
    if required and not cleaned:
        raise ValueError(f"{what} is needed")
    if len(cleaned) > TEXT_MAX:
        raise ValueError(f"{what} has at most {TEXT_MAX} characters")
    return cleaned


def _price(cents: int) -> int:
    if not 0 < cents <= PRICE_MAX_CENTS:
        raise ValueError("a price is more than zero and at most 100000 yuan")
    return cents


def _code(code: str) -> str:
    cleaned = clean_line(code).upper()
    if not cleaned or len(cleaned) > 32 or " " in cleaned:
        raise ValueError("a commodity code is 1–32 characters without spaces (RICE-5KG)")
    return cleaned


class MerchantService:
    """Every change through the context's write path, audited."""

    def __init__(self, ctx: ServiceContext, order_counter: OrderCounter | None = None):
        self.ctx = ctx
        self.order_counter: OrderCounter = order_counter or count_necessity_orders

    # --- helpers ----------------------------------------------------------------------------
    def today(self, s: Session) -> date:
        """The site's date now (its time zone)."""
        return local(self.ctx.clock(), site_zone(s)).date()

    def _scope(self, who: Principal, communities: Sequence[str]) -> set[str] | None:
        wanted = set(communities)
        if who.communities is not None:
            return wanted & set(who.communities) if wanted else set(who.communities)
        return wanted or None

    @staticmethod
    def _locked(s: Session, merchant_id: int, *, lock: bool = True) -> tuple[Merchant, str]:
        """The merchant and its community; in a write, its row locked (PostgreSQL) so that two
        workstations changing its status one after the other each see the other's change."""
        q = (
            select(Merchant, Community.code)
            .join(Community, Community.id == Merchant.community_id)
            .where(Merchant.id == merchant_id)
        )
        if lock:
            q = q.with_for_update(of=Merchant)
        found = s.execute(q).first()
        if found is None:
            raise LookupError(f"no merchant {merchant_id}")
        return found[0], str(found[1])

    def _event(self, tx: Any, m: Merchant, to: MerchantStatus, reason: str, actor: str) -> None:
        ev = MerchantStatusEvent(
            merchant_id=m.id,
            community_id=m.community_id,
            ts=tx.now,
            from_status=m.status if m.id is not None and m.status != to else "",
            to_status=to.value,
            reason=reason,
            actor=actor,
        )
        tx.session.add(ev)
        tx.session.flush()
        tx.change("merchant_status_event", ev.id, "insert")

    # --- reads ------------------------------------------------------------------------------
    def open_for_orders(self, merchant_id: int, day: date) -> str | None:
        """None when the merchant takes orders for `day`, else the reason (suspended, exited,
        a licence expired, unknown). No permission: the order path has checked its own."""
        with self.ctx.read() as s:
            return merchant_closed_reason(s, merchant_id, day)

    def merchants(
        self,
        who: Principal,
        *,
        communities: Sequence[str] = (),
        include_exited: bool = False,
        today: date | None = None,
    ) -> list[MerchantRow]:
        """Certified merchants by community then name, with licence states, staff alerts, the
        last inspection's score and complaints (per 1,000 orders where orders are counted)."""
        self.ctx.require(who, READ)
        q = (
            select(Merchant, Community.code, Business.code)
            .join(Community, Community.id == Merchant.community_id)
            .join(Business, Business.id == Merchant.business_id)
        )
        scope = self._scope(who, communities)
        if scope is not None:
            q = q.where(Community.code.in_(sorted(scope)))
        if not include_exited:
            q = q.where(Merchant.status != MerchantStatus.EXITED.value)
        with self.ctx.read() as s:
            day = today or self.today(s)
            found = s.execute(q.order_by(Community.code, Merchant.name, Merchant.id)).all()
            return self._rows(s, [(m, str(c), str(b)) for m, c, b in found], day)

    def _rows(
        self, s: Session, found: list[tuple[Merchant, str, str]], day: date
    ) -> list[MerchantRow]:
        ids = [m.id for m, _c, _b in found]
        if not ids:
            return []
        now = self.ctx.clock()
        staff: dict[int, int] = defaultdict(int)
        alerts: dict[int, int] = defaultdict(int)
        for mid, expires in s.execute(
            select(MerchantStaff.merchant_id, MerchantStaff.health_cert_expires).where(
                MerchantStaff.merchant_id.in_(ids), MerchantStaff.active.is_(True)
            )
        ):
            staff[mid] += 1
            if licence_state(expires, day) in (LicenceState.EXPIRING, LicenceState.EXPIRED):
                alerts[mid] += 1
        last = (
            select(
                MerchantInspection.merchant_id,
                MerchantInspection.score,
                func.row_number()
                .over(
                    partition_by=MerchantInspection.merchant_id,
                    order_by=(MerchantInspection.inspected_on.desc(), MerchantInspection.id.desc()),
                )
                .label("n"),
            )
            .where(MerchantInspection.merchant_id.in_(ids))
            .subquery()
        )
        scores = {
            int(m): int(sc)
            for m, sc in s.execute(select(last.c[0], last.c[1]).where(last.c.n == 1))
        }
        complaints: dict[int, int] = defaultdict(int)
        open_: dict[int, int] = defaultdict(int)
        overdue: dict[int, int] = defaultdict(int)
        for mid, due, resolved in s.execute(
            select(
                MerchantComplaint.merchant_id,
                MerchantComplaint.due_at,
                MerchantComplaint.resolved_at,
            ).where(MerchantComplaint.merchant_id.in_(ids))
        ):
            complaints[mid] += 1
            state = complaint_state(due, resolved, now)
            if state is ComplaintState.OPEN:
                open_[mid] += 1
            elif state is ComplaintState.OVERDUE:
                open_[mid] += 1
                overdue[mid] += 1
        orders = self.order_counter(s, ids)
        rows = []
        for m, community, code in found:
            n_orders = None if orders is None else orders.get(m.id, 0)
            rows.append(
                MerchantRow(
                    id=m.id,
                    business_id=m.business_id,
                    code=code,
                    name=m.name,
                    community=community,
                    status=MerchantStatus(m.status),
                    status_reason=m.status_reason,
                    licence_no=m.licence_no,
                    licence_expires=m.licence_expires,
                    licence_state=licence_state(m.licence_expires, day),
                    food_licence_no=m.food_licence_no,
                    food_licence_expires=m.food_licence_expires,
                    food_licence_state=licence_state(m.food_licence_expires, day),
                    certified_on=m.certified_on,
                    staff=staff[m.id],
                    staff_cert_alerts=alerts[m.id],
                    last_score=scores.get(m.id),
                    open_complaints=open_[m.id],
                    overdue_complaints=overdue[m.id],
                    complaints=complaints[m.id],
                    orders=n_orders,
                    per_thousand=per_thousand(complaints[m.id], n_orders),
                )
            )
        return rows

    def detail(self, who: Principal, merchant_id: int, today: date | None = None) -> MerchantDetail:
        """A merchant with its staff, inspections (newest first), complaints (open first) and
        status trail (newest first). LookupError if unknown or outside the reader's scope."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            m, community = self._locked(s, merchant_id, lock=False)
            if not who.can(READ, community):
                raise LookupError(f"no merchant {merchant_id}")
            day = today or self.today(s)
            now = self.ctx.clock()
            code = str(s.scalar(select(Business.code).where(Business.id == m.business_id)))
            row = self._rows(s, [(m, community, code)], day)[0]
            shown = who.can(Permission.VIEW_RESIDENT_PII, community)
            staff = [
                StaffRow(
                    id=p.id,
                    merchant_id=p.merchant_id,
                    name=p.name if shown else mask_name(p.name),
                    phone=p.phone if shown else mask_phone(p.phone),
                    deliverer=p.deliverer,
                    health_cert_no=p.health_cert_no,
                    health_cert_expires=p.health_cert_expires,
                    cert_state=licence_state(p.health_cert_expires, day),
                    active=p.active,
                    masked=not shown,
                )
                for p in s.scalars(
                    select(MerchantStaff)
                    .where(MerchantStaff.merchant_id == merchant_id)
                    .order_by(MerchantStaff.active.desc(), MerchantStaff.name, MerchantStaff.id)
                )
            ]
            inspections = [
                InspectionRow(i.id, i.inspected_on, i.inspector, i.score, i.findings)
                for i in s.scalars(
                    select(MerchantInspection)
                    .where(MerchantInspection.merchant_id == merchant_id)
                    .order_by(MerchantInspection.inspected_on.desc(), MerchantInspection.id.desc())
                )
            ]
            complaints = [
                ComplaintRow(
                    c.id,
                    c.category,
                    c.text,
                    c.received_at,
                    c.due_at,
                    c.resolved_at,
                    c.resolution,
                    complaint_state(c.due_at, c.resolved_at, now),
                )
                for c in s.scalars(
                    select(MerchantComplaint)
                    .where(MerchantComplaint.merchant_id == merchant_id)
                    .order_by(
                        MerchantComplaint.resolved_at.is_(None).desc(),
                        MerchantComplaint.due_at,
                        MerchantComplaint.id,
                    )
                )
            ]
            trail = [
                StatusEventRow(e.ts, e.from_status, e.to_status, e.reason, e.actor)
                for e in s.scalars(
                    select(MerchantStatusEvent)
                    .where(MerchantStatusEvent.merchant_id == merchant_id)
                    .order_by(MerchantStatusEvent.ts.desc(), MerchantStatusEvent.id.desc())
                )
            ]
            return MerchantDetail(row, staff, inspections, complaints, trail)

    def deliverers(self, who: Principal, merchant_id: int, day: date) -> list[StaffRow]:
        """The merchant's active deliverers whose health certificate holds on `day`."""
        detail = self.detail(who, merchant_id, day)
        return [
            p
            for p in detail.staff
            if p.active
            and p.deliverer
            and p.cert_state in (LicenceState.VALID, LicenceState.EXPIRING)
        ]

    def certifiable(self, who: Principal) -> list[tuple[int, str, str, str]]:
        """Open businesses of a certifiable kind not yet certified: (id, code, name, community)."""
        self.ctx.require(who, EDIT)
        q = (
            select(Business.id, Business.code, Business.name, Community.code)
            .join(Community, Community.id == Business.community_id)
            .outerjoin(Merchant, Merchant.business_id == Business.id)
            .where(
                Merchant.id.is_(None),
                Business.closed_on.is_(None),
                Business.kind.in_(CERTIFIABLE_KINDS),
            )
            .order_by(Community.code, Business.code)
        )
        scope = self._scope(who, ())
        if scope is not None:
            q = q.where(Community.code.in_(sorted(scope)))
        with self.ctx.read() as s:
            return [(int(i), str(c), str(n), str(cc)) for i, c, n, cc in s.execute(q)]

    def references(self, s: Session, codes: Sequence[str], day: date) -> dict[str, int | None]:
        """Reference prices of these commodity codes on `day` (in the caller's session)."""
        if not codes:
            return {}
        seen: dict[str, list[tuple[date, int]]] = defaultdict(list)
        since = day - timedelta(days=SURVEY_DAYS)
        for code, on, cents in s.execute(
            select(
                PriceObservation.code, PriceObservation.observed_on, PriceObservation.price_cents
            ).where(
                PriceObservation.code.in_(sorted(set(codes))), PriceObservation.observed_on >= since
            )
        ):
            seen[code].append((on, cents))
        return {c: reference_cents(seen.get(c, []), day) for c in codes}

    def products(
        self,
        who: Principal,
        *,
        merchant_id: int | None = None,
        communities: Sequence[str] = (),
        include_inactive: bool = False,
        today: date | None = None,
    ) -> list[ProductRow]:
        """Products and services (of one merchant or of all in scope) with their references."""
        self.ctx.require(who, READ)
        q = (
            select(Product, Merchant.name, Community.code, Business.code)
            .join(Merchant, Merchant.id == Product.merchant_id)
            .join(Business, Business.id == Merchant.business_id)
            .join(Community, Community.id == Product.community_id)
        )
        if merchant_id is not None:
            q = q.where(Product.merchant_id == merchant_id)
        scope = self._scope(who, communities)
        if scope is not None:
            q = q.where(Community.code.in_(sorted(scope)))
        if not include_inactive:
            q = q.where(Product.active.is_(True))
        with self.ctx.read() as s:
            day = today or self.today(s)
            found = s.execute(
                q.order_by(
                    Community.code,
                    Merchant.name,
                    Merchant.id,
                    Product.kind,
                    Product.name,
                    Product.id,
                )
            ).all()
            refs = self.references(s, [p.code for p, _m, _c, _b in found], day)
            return [
                ProductRow(
                    id=p.id,
                    merchant_id=p.merchant_id,
                    merchant=str(mname),
                    merchant_code=str(bcode),
                    community=str(c),
                    code=p.code,
                    name=p.name,
                    kind=ProductKind(p.kind),
                    unit=p.unit,
                    price_cents=p.price_cents,
                    reference_cents=refs.get(p.code),
                    active=p.active,
                )
                for p, mname, c, bcode in found
            ]

    def price_history(self, who: Principal, product_id: int) -> list[PriceRow]:
        """A product's prices, newest first."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            community = s.scalar(
                select(Community.code)
                .join(Product, Product.community_id == Community.id)
                .where(Product.id == product_id)
            )
            if community is None or not who.can(READ, community):
                raise LookupError(f"no product {product_id}")
            return [
                PriceRow(p.price_cents, p.from_at, p.actor)
                for p in s.scalars(
                    select(ProductPrice)
                    .where(ProductPrice.product_id == product_id)
                    .order_by(ProductPrice.from_at.desc(), ProductPrice.id.desc())
                )
            ]

    def reference_table(self, who: Principal, today: date | None = None) -> list[ReferenceRow]:
        """Every commodity sold or surveyed with its reference price (street-wide)."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            day = today or self.today(s)
            since = day - timedelta(days=SURVEY_DAYS)
            seen: dict[str, list[tuple[date, int]]] = defaultdict(list)
            last: dict[str, date] = {}
            for code, on, cents in s.execute(
                select(
                    PriceObservation.code,
                    PriceObservation.observed_on,
                    PriceObservation.price_cents,
                )
            ):
                last[code] = max(on, last.get(code, on))
                if since <= on <= day:
                    seen[code].append((on, cents))
            codes = set(last) | set(s.scalars(select(Product.code).distinct()))
            rows = []
            for code in sorted(codes):
                prices = [p for _d, p in seen.get(code, [])]
                rows.append(
                    ReferenceRow(
                        code=code,
                        reference_cents=reference_cents(seen.get(code, []), day),
                        observations=len(prices),
                        low_cents=min(prices) if prices else None,
                        high_cents=max(prices) if prices else None,
                        last_observed=last.get(code),
                    )
                )
            return rows

    def observations(
        self, who: Principal, code: str, today: date | None = None
    ) -> list[ObservationRow]:
        """A commodity's observations, newest first, outliers marked against the reference."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            day = today or self.today(s)
            found = list(
                s.scalars(
                    select(PriceObservation)
                    .where(PriceObservation.code == code)
                    .order_by(PriceObservation.observed_on.desc(), PriceObservation.id.desc())
                )
            )
            ref = reference_cents([(o.observed_on, o.price_cents) for o in found], day)
            if ref is None:
                ref = median_cents([o.price_cents for o in found])
            return [
                ObservationRow(
                    o.id,
                    o.code,
                    o.observed_on,
                    o.place,
                    o.price_cents,
                    o.observer,
                    is_outlier(o.price_cents, ref),
                )
                for o in found
            ]

    # --- merchants --------------------------------------------------------------------------
    def certify(
        self,
        who: Principal,
        business_id: int,
        *,
        licence_no: str,
        licence_expires: date,
        food_licence_no: str = "",
        food_licence_expires: date | None = None,
        certified_on: date | None = None,
    ) -> int:
        """Certify a registered business as a merchant; its id. Refused for a closed business,
        one already certified, or with a licence that has already expired."""
        licence_no = clean_line(licence_no)
        food_licence_no = clean_line(food_licence_no)
        if not licence_no:
            raise ValueError("a business licence number is needed")
        if food_licence_no and food_licence_expires is None:
            raise ValueError("a food business licence needs its expiry date")
        with self.ctx.write(who, EDIT) as tx:
            s = tx.session
            found = s.execute(
                select(Business, Community.code)
                .join(Community, Community.id == Business.community_id)
                .where(Business.id == business_id)
            ).first()
            if found is None:
                raise LookupError(f"no business {business_id}")
            b, community = found[0], str(found[1])
            self.ctx.check(tx, EDIT, community)
            if b.closed_on is not None:
                raise ValueError("a closed business cannot be certified")
            if s.scalar(select(Merchant.id).where(Merchant.business_id == business_id)):
                raise ValueError("this business is already certified")
            day = certified_on or self.today(s)
            if expired_licence(
                licence_expires, food_licence_expires if food_licence_no else None, day
            ):
                raise ValueError("a licence has already expired")
            m = Merchant(
                business_id=b.id,
                community_id=b.community_id,
                name=b.name,
                status=MerchantStatus.ACTIVE.value,
                status_reason="",
                licence_no=licence_no,
                licence_expires=licence_expires,
                food_licence_no=food_licence_no,
                food_licence_expires=food_licence_expires if food_licence_no else None,
                certified_on=day,
                created_at=tx.now,
                updated_at=tx.now,
            )
            s.add(m)
            s.flush()
            self._event(tx, m, MerchantStatus.ACTIVE, "certified", who.username)
            tx.change("merchant", m.id, "insert")
            tx.audit(
                AuditAction.MERCHANT_CERTIFIED,
                f"merchant:{m.id}",
                json.dumps({"business": b.code}),
            )
            return m.id

    def renew_licences(
        self,
        who: Principal,
        merchant_id: int,
        *,
        licence_no: str | None = None,
        licence_expires: date | None = None,
        food_licence_no: str | None = None,
        food_licence_expires: date | None = None,
    ) -> None:
        """Record renewed licences (numbers and expiry dates). A merchant the sweep suspended
        stays suspended until reinstated by hand: someone must have seen the new licence."""
        with self.ctx.write(who, EDIT) as tx:
            m, community = self._locked(tx.session, merchant_id)
            self.ctx.check(tx, EDIT, community)
            changed = []
            for field, value in (
                ("licence_no", None if licence_no is None else clean_line(licence_no)),
                ("licence_expires", licence_expires),
                (
                    "food_licence_no",
                    None if food_licence_no is None else clean_line(food_licence_no),
                ),
                ("food_licence_expires", food_licence_expires),
            ):
                if value is not None and getattr(m, field) != value:
                    setattr(m, field, value)
                    changed.append(field)
            if not m.licence_no:
                raise ValueError("a business licence number is needed")
            if changed:
                m.updated_at = tx.now
                tx.change("merchant", m.id, "update")
                tx.audit(
                    AuditAction.MERCHANT_EDITED,
                    f"merchant:{m.id}",
                    json.dumps({"fields": sorted(changed)}),
                )

    def _move(
        self,
        who: Principal | str,
        tx: Any,
        m: Merchant,
        to: MerchantStatus,
        reason: str,
        action: AuditAction,
    ) -> None:
        actor = who.username if isinstance(who, Principal) else who
        self._event(tx, m, to, reason, actor)
        m.status = to.value
        m.status_reason = reason
        m.updated_at = tx.now
        tx.change("merchant", m.id, "update")
        tx.audit(action, f"merchant:{m.id}", json.dumps({"reason": reason}, ensure_ascii=False))

    def suspend(self, who: Principal, merchant_id: int, reason: str) -> None:
        """Suspend an active merchant: it takes no new orders until reinstated."""
        why = _reason(reason)
        with self.ctx.write(who, EDIT) as tx:
            m, community = self._locked(tx.session, merchant_id)
            self.ctx.check(tx, EDIT, community)
            if m.status != MerchantStatus.ACTIVE:
                raise ValueError(f"only an active merchant is suspended (this one is {m.status})")
            self._move(who, tx, m, MerchantStatus.SUSPENDED, why, AuditAction.MERCHANT_SUSPENDED)

    def reinstate(self, who: Principal, merchant_id: int, reason: str) -> None:
        """Reinstate a suspended merchant; refused while a licence is expired."""
        why = _reason(reason)
        with self.ctx.write(who, EDIT) as tx:
            m, community = self._locked(tx.session, merchant_id)
            self.ctx.check(tx, EDIT, community)
            if m.status != MerchantStatus.SUSPENDED:
                raise ValueError("only a suspended merchant is reinstated")
            expired = expired_licence(
                m.licence_expires, m.food_licence_expires, self.today(tx.session)
            )
            if expired:
                raise ValueError(f"cannot reinstate: {expired}")
            self._move(who, tx, m, MerchantStatus.ACTIVE, why, AuditAction.MERCHANT_REINSTATED)

    def exit(self, who: Principal, merchant_id: int, reason: str) -> None:
        """The merchant leaves the scheme for good (its products are withdrawn)."""
        why = _reason(reason)
        with self.ctx.write(who, EDIT) as tx:
            s = tx.session
            m, community = self._locked(s, merchant_id)
            self.ctx.check(tx, EDIT, community)
            if m.status == MerchantStatus.EXITED:
                raise ValueError("this merchant has already exited")
            self._move(who, tx, m, MerchantStatus.EXITED, why, AuditAction.MERCHANT_EXITED)
            ids = list(
                s.scalars(
                    select(Product.id).where(Product.merchant_id == m.id, Product.active.is_(True))
                )
            )
            if ids:
                s.execute(
                    sa.update(Product)
                    .where(Product.id.in_(ids))
                    .values(active=False, updated_at=tx.now)
                )
                for pid in ids:
                    tx.change("product", pid, "update")

    def due_for_suspension(self, today: date | None = None) -> list[int]:
        """Active merchants with an expired licence (what the sweep would suspend)."""
        with self.ctx.read() as s:
            day = today or self.today(s)
            return self._expired(s, day)

    @staticmethod
    def _expired(s: Session, day: date) -> list[int]:
        return list(
            s.scalars(
                select(Merchant.id)
                .where(
                    Merchant.status == MerchantStatus.ACTIVE.value,
                    sa.or_(
                        Merchant.licence_expires < day,
                        sa.and_(
                            Merchant.food_licence_expires.is_not(None),
                            Merchant.food_licence_expires < day,
                        ),
                    ),
                )
                .order_by(Merchant.id)
            )
        )

    def sweep_licences(self, today: date | None = None) -> list[int]:
        """Suspend every active merchant whose licence has expired, as the system, each with
        its reason in the trail and the audit; their ids. Cheap when none is due (one read);
        several workstations may run it, the status check under the write lock keeps one."""
        if not self.due_for_suspension(today):
            return []
        suspended: list[int] = []
        with self.ctx.write(SYSTEM_ACTOR) as tx:
            s = tx.session
            day = today or self.today(s)
            for mid in self._expired(s, day):
                m = s.get(Merchant, mid, with_for_update=True)
                if m is None or m.status != MerchantStatus.ACTIVE:
                    continue
                why = expired_licence(m.licence_expires, m.food_licence_expires, day)
                self._move(
                    SYSTEM_ACTOR,
                    tx,
                    m,
                    MerchantStatus.SUSPENDED,
                    why,
                    AuditAction.MERCHANT_SUSPENDED,
                )
                suspended.append(mid)
        return suspended

    # --- staff, inspections, complaints -----------------------------------------------------
    def add_staff(
        self,
        who: Principal,
        merchant_id: int,
        *,
        name: str,
        phone: str,
        deliverer: bool,
        health_cert_no: str = "",
        health_cert_expires: date | None = None,
    ) -> int:
        """Register a person of the merchant; its id. A deliverer needs a health certificate."""
        name, phone, cert = clean_line(name), clean_line(phone), clean_line(health_cert_no)
        if not name or len(name) > 64 or len(phone) > 32 or len(cert) > 32:
            raise ValueError("a name (at most 64 characters) is needed; a phone has at most 32")
        if deliverer and (not cert or health_cert_expires is None):
            raise ValueError("a deliverer needs a health certificate with its expiry date")
        with self.ctx.write(who, EDIT) as tx:
            m, community = self._locked(tx.session, merchant_id)
            self.ctx.check(tx, EDIT, community)
            p = MerchantStaff(
                merchant_id=m.id,
                community_id=m.community_id,
                name=name,
                phone=phone,
                deliverer=deliverer,
                health_cert_no=cert,
                health_cert_expires=health_cert_expires,
                active=True,
            )
            tx.session.add(p)
            tx.session.flush()
            tx.change("merchant_staff", p.id, "insert")
            tx.audit(
                AuditAction.MERCHANT_STAFF_SAVED,
                f"staff:{p.id}",
                json.dumps({"merchant": m.id, "new": True}),
            )
            return p.id

    def edit_staff(self, who: Principal, staff_id: int, **values: Any) -> None:
        """Change some of deliverer, health_cert_no, health_cert_expires, active, name,
        phone; the audit names the fields, not their values."""
        allowed = {"name", "phone", "deliverer", "health_cert_no", "health_cert_expires", "active"}
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
        with self.ctx.write(who, EDIT) as tx:
            p = tx.session.get(MerchantStaff, staff_id)
            if p is None:
                raise LookupError(f"no staff {staff_id}")
            _m, community = self._locked(tx.session, p.merchant_id)
            self.ctx.check(tx, EDIT, community)
            changed = sorted(k for k, v in values.items() if getattr(p, k) != v)
            for k in changed:
                setattr(p, k, values[k])
            if p.deliverer and p.active and (not p.health_cert_no or p.health_cert_expires is None):
                raise ValueError("a deliverer needs a health certificate with its expiry date")
            if changed:
                tx.change("merchant_staff", p.id, "update")
                tx.audit(
                    AuditAction.MERCHANT_STAFF_SAVED,
                    f"staff:{p.id}",
                    json.dumps({"fields": changed}),
                )

    def inspect(
        self,
        who: Principal,
        merchant_id: int,
        *,
        inspected_on: date,
        inspector: str,
        score: int,
        findings: str = "",
    ) -> int:
        """Record an inspection with its score (0–100); its id."""
        if not 0 <= score <= 100:
            raise ValueError("a score is 0–100")
        inspector = clean_line(inspector)
        if not inspector or len(inspector) > 64:
            raise ValueError("the inspector's name is needed (at most 64 characters)")
        text = _block(findings, "the findings", required=False)
        with self.ctx.write(who, EDIT) as tx:
            m, community = self._locked(tx.session, merchant_id)
            self.ctx.check(tx, EDIT, community)
            i = MerchantInspection(
                merchant_id=m.id,
                community_id=m.community_id,
                inspected_on=inspected_on,
                inspector=inspector,
                score=score,
                findings=text,
                created_at=tx.now,
            )
            tx.session.add(i)
            tx.session.flush()
            tx.change("merchant_inspection", i.id, "insert")
            tx.audit(
                AuditAction.MERCHANT_INSPECTED,
                f"merchant:{m.id}",
                json.dumps({"inspection": i.id, "score": score}),
            )
            return i.id

    def file_complaint(self, who: Principal, merchant_id: int, category: str, text: str) -> int:
        """File a complaint; its deadline follows from its category. Its id."""
        if category not in COMPLAINT_CATEGORIES:
            raise ValueError(f"unknown complaint category {category!r}")
        body = _block(text, "the complaint")
        with self.ctx.write(who, FILE) as tx:
            m, community = self._locked(tx.session, merchant_id)
            self.ctx.check(tx, FILE, community)
            c = MerchantComplaint(
                merchant_id=m.id,
                community_id=m.community_id,
                category=category,
                text=body,
                received_at=tx.now,
                due_at=complaint_due(category, tx.now),
                resolved_at=None,
                resolution="",
                actor=who.username,
            )
            tx.session.add(c)
            tx.session.flush()
            tx.change("merchant_complaint", c.id, "insert")
            tx.audit(
                AuditAction.MERCHANT_COMPLAINT_FILED,
                f"complaint:{c.id}",
                json.dumps({"merchant": m.id, "category": category}),
            )
            return c.id

    def resolve_complaint(self, who: Principal, complaint_id: int, resolution: str) -> None:
        """Close a complaint with what was done."""
        body = _block(resolution, "the resolution")
        with self.ctx.write(who, EDIT) as tx:
            c = tx.session.get(MerchantComplaint, complaint_id)
            if c is None:
                raise LookupError(f"no complaint {complaint_id}")
            _m, community = self._locked(tx.session, c.merchant_id)
            self.ctx.check(tx, EDIT, community)
            if c.resolved_at is not None:
                raise ValueError("this complaint is already resolved")
            c.resolved_at = tx.now
            c.resolution = body
            tx.change("merchant_complaint", c.id, "update")
            tx.audit(
                AuditAction.MERCHANT_COMPLAINT_RESOLVED,
                f"complaint:{c.id}",
                json.dumps({"late": tx.now > c.due_at}),
            )

    # --- catalogue and prices ---------------------------------------------------------------
    def add_product(
        self,
        who: Principal,
        merchant_id: int,
        *,
        code: str,
        name: str,
        kind: ProductKind,
        unit: str,
        price_cents: int,
    ) -> int:
        """Add goods or a household service at a price (fen); its id. The first price is the
        first row of its history."""
        code = _code(code)
        name, unit = clean_line(name), clean_line(unit)
        if not name or len(name) > 100 or not unit or len(unit) > 16:
            raise ValueError("a name (at most 100 characters) and a unit (at most 16) are needed")
        kind = ProductKind(kind)
        _price(price_cents)
        with self.ctx.write(who, EDIT) as tx:
            s = tx.session
            m, community = self._locked(s, merchant_id)
            self.ctx.check(tx, EDIT, community)
            if m.status == MerchantStatus.EXITED:
                raise ValueError("this merchant has exited")
            if s.scalar(
                select(Product.id).where(Product.merchant_id == m.id, Product.code == code)
            ):
                raise ValueError(f"this merchant already sells {code}")
            p = Product(
                merchant_id=m.id,
                community_id=m.community_id,
                code=code,
                name=name,
                kind=kind.value,
                unit=unit,
                price_cents=price_cents,
                active=True,
                updated_at=tx.now,
            )
            s.add(p)
            s.flush()
            self._price_row(tx, p, who.username)
            tx.change("product", p.id, "insert")
            tx.audit(
                AuditAction.PRODUCT_SAVED,
                f"product:{p.id}",
                json.dumps({"merchant": m.id, "code": code, "price_cents": price_cents}),
            )
            return p.id

    @staticmethod
    def _price_row(tx: Any, p: Product, actor: str) -> None:
        row = ProductPrice(
            product_id=p.id,
            community_id=p.community_id,
            price_cents=p.price_cents,
            from_at=tx.now,
            actor=actor,
        )
        tx.session.add(row)
        tx.session.flush()
        tx.change("product_price", row.id, "insert")

    def set_price(self, who: Principal, product_id: int, price_cents: int) -> None:
        """A new price from now on; the old one stays in the history."""
        _price(price_cents)
        with self.ctx.write(who, EDIT) as tx:
            p = tx.session.get(Product, product_id)
            if p is None:
                raise LookupError(f"no product {product_id}")
            _m, community = self._locked(tx.session, p.merchant_id)
            self.ctx.check(tx, EDIT, community)
            if p.price_cents == price_cents:
                return
            old = p.price_cents
            p.price_cents = price_cents
            p.updated_at = tx.now
            self._price_row(tx, p, who.username)
            tx.change("product", p.id, "update")
            tx.audit(
                AuditAction.PRODUCT_PRICE_CHANGED,
                f"product:{p.id}",
                json.dumps({"old": old, "new": price_cents}),
            )

    def set_product_active(self, who: Principal, product_id: int, active: bool) -> None:
        """Withdraw a product from the catalogue, or offer it again."""
        with self.ctx.write(who, EDIT) as tx:
            p = tx.session.get(Product, product_id)
            if p is None:
                raise LookupError(f"no product {product_id}")
            m, community = self._locked(tx.session, p.merchant_id)
            self.ctx.check(tx, EDIT, community)
            if active and m.status == MerchantStatus.EXITED:
                raise ValueError("this merchant has exited")
            if p.active != active:
                p.active = active
                p.updated_at = tx.now
                tx.change("product", p.id, "update")
                tx.audit(
                    AuditAction.PRODUCT_SAVED, f"product:{p.id}", json.dumps({"active": active})
                )

    def observe_price(
        self,
        who: Principal,
        *,
        code: str,
        observed_on: date,
        place: str,
        price_cents: int,
        observer: str = "",
    ) -> int:
        """Record a market price seen in a survey; its id (the reference follows by itself)."""
        code = _code(code)
        place = clean_line(place)
        if not place or len(place) > 100:
            raise ValueError("where the price was seen is needed (at most 100 characters)")
        _price(price_cents)
        with self.ctx.write(who, EDIT) as tx:
            if observed_on > self.today(tx.session):
                raise ValueError("an observation is not in the future")
            o = PriceObservation(
                code=code,
                observed_on=observed_on,
                place=place,
                price_cents=price_cents,
                observer=(clean_line(observer) or who.username)[:64],
                created_at=tx.now,
            )
            tx.session.add(o)
            tx.session.flush()
            tx.change("price_observation", o.id, "insert")
            tx.audit(
                AuditAction.PRICE_OBSERVED,
                f"commodity:{code}",
                json.dumps({"observation": o.id, "price_cents": price_cents}),
            )
            return o.id

"""Certified merchants' rules: licence alerts, complaint deadlines, reference prices, discounts."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

ALERT_DAYS = 30  # a licence or health certificate is "expiring" this many days ahead
# The fair-price rule: a certified merchant sells 5–20 % below the market's reference price.
DISCOUNT_MIN = Fraction(5, 100)
DISCOUNT_MAX = Fraction(20, 100)
MIN_OBSERVATIONS = 3  # fewer observations give no reference: one shop's price is not a market
SURVEY_DAYS = 60  # observations older than this are not the market's price any more
# An observation this far from the median (either way) is shown as an outlier; the median
# itself needs no such rule, one wild price cannot move it past its neighbours.
OUTLIER_RATIO = Fraction(1, 2)
PRICE_MAX_CENTS = 10_000_000  # ¥100,000: a typing error beyond this, not a price
SCORE_PASS = 60  # an inspection below this score fails
REASON_MAX = 200
TEXT_MAX = 2000


class MerchantStatus(enum.StrEnum):
    """Where a merchant stands: only an active one takes orders."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    EXITED = "exited"


class ProductKind(enum.StrEnum):
    """Goods delivered to the door, or a household service done there."""

    GOODS = "goods"
    SERVICE = "service"


class LicenceState(enum.StrEnum):
    """A licence or certificate on a day: valid, expiring within ALERT_DAYS, expired, none."""

    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    NONE = "none"


class PriceFlag(enum.StrEnum):
    """A price against its reference: within 5–20 % below, too little off, too much off, or no
    reference yet (too few observations)."""

    OK = "ok"
    TOO_SMALL = "too_small"  # less than 5 % below the market (or above it)
    TOO_LARGE = "too_large"  # more than 20 % below: quality or a typing error to look at
    NO_REFERENCE = "no_reference"


class ComplaintState(enum.StrEnum):
    """A complaint against its deadline."""

    OPEN = "open"
    OVERDUE = "overdue"
    RESOLVED = "resolved"
    RESOLVED_LATE = "resolved_late"


# Complaint categories and the hours each has until it must be resolved: food safety first.
COMPLAINT_SLA_HOURS: dict[str, int] = {
    "food_safety": 24,
    "delivery": 48,
    "price": 72,
    "quality": 72,
    "service": 72,
}
COMPLAINT_CATEGORIES = tuple(COMPLAINT_SLA_HOURS)


def licence_state(expires: date | None, today: date) -> LicenceState:
    """A licence's state on `today`; it is valid through its expiry day."""
    if expires is None:
        return LicenceState.NONE
    if expires < today:
        return LicenceState.EXPIRED
    if expires <= today + timedelta(days=ALERT_DAYS):
        return LicenceState.EXPIRING
    return LicenceState.VALID


def closed_reason(
    status: str,
    status_reason: str,
    licence_expires: date,
    food_licence_expires: date | None,
    day: date,
) -> str | None:
    """Why a merchant takes no orders for `day`, or None when it does. An expired licence
    closes it even before the sweep has suspended it."""
    if status == MerchantStatus.EXITED:
        return f"merchant exited: {status_reason}" if status_reason else "merchant exited"
    if status == MerchantStatus.SUSPENDED:
        return f"merchant suspended: {status_reason}" if status_reason else "merchant suspended"
    if licence_expires < day:
        return f"business licence expired on {licence_expires.isoformat()}"
    if food_licence_expires is not None and food_licence_expires < day:
        return f"food business licence expired on {food_licence_expires.isoformat()}"
    return None


def expired_licence(licence_expires: date, food_licence_expires: date | None, today: date) -> str:
    """The sweep's reason for suspending, or "" when both licences hold today."""
    if licence_expires < today:
        return f"business licence expired on {licence_expires.isoformat()}"
    if food_licence_expires is not None and food_licence_expires < today:
        return f"food business licence expired on {food_licence_expires.isoformat()}"
    return ""


def median_cents(values: Sequence[int]) -> int | None:
    """The median in whole fen; of an even count, the mean of the middle two rounded half up."""
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid] + 1) // 2


def reference_cents(
    observations: Sequence[tuple[date, int]], today: date, *, days: int = SURVEY_DAYS
) -> int | None:
    """The reference price from (observed_on, price) pairs: the median of those of the last
    `days` days, None with fewer than MIN_OBSERVATIONS of them."""
    since = today - timedelta(days=days)
    recent = [p for d, p in observations if since <= d <= today]
    if len(recent) < MIN_OBSERVATIONS:
        return None
    return median_cents(recent)


def is_outlier(price: int, reference: int | None) -> bool:
    """An observation more than half off the reference (shown, and left to the median)."""
    if reference is None or reference <= 0:
        return False
    return abs(Fraction(price - reference, reference)) > OUTLIER_RATIO


def discount(price: int, reference: int | None) -> Fraction | None:
    """1 − price ÷ reference, exactly; None without a reference."""
    if reference is None or reference <= 0:
        return None
    return 1 - Fraction(price, reference)


def price_flag(price: int, reference: int | None) -> PriceFlag:
    """A price checked against the 5–20 % rule (both bounds allowed)."""
    d = discount(price, reference)
    if d is None:
        return PriceFlag.NO_REFERENCE
    if d < DISCOUNT_MIN:
        return PriceFlag.TOO_SMALL
    if d > DISCOUNT_MAX:
        return PriceFlag.TOO_LARGE
    return PriceFlag.OK


def percent(value: Fraction | None) -> str:
    """A fraction as a percentage with one decimal ("12.5 %"); "—" for none."""
    if value is None:
        return "—"
    d = (Decimal(value.numerator) * 100 / Decimal(value.denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    return f"{d} %"


def yuan(cents: int | None) -> str:
    """Fen as yuan with two decimals ("12.50"); "—" for none."""
    if cents is None:
        return "—"
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def parse_yuan(text: str) -> int:
    """Typed yuan ("12.5", "¥12.50", "12") as fen; ValueError for anything else, a negative
    or zero price, more than two decimals or an implausible amount."""
    cleaned = text.strip().lstrip("¥￥").replace(",", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"not a price: {text!r}") from None
    if not value.is_finite() or value <= 0:
        raise ValueError("a price is more than zero")
    cents = value * 100
    if cents != cents.to_integral_value():
        raise ValueError("a price has at most two decimals")
    if cents > PRICE_MAX_CENTS:
        raise ValueError("a price is at most 100000 yuan")
    return int(cents)


def complaint_due(category: str, received_at: datetime) -> datetime:
    """When a complaint of `category` must be resolved (ValueError for an unknown one)."""
    if category not in COMPLAINT_SLA_HOURS:
        raise ValueError(f"unknown complaint category {category!r}")
    return received_at + timedelta(hours=COMPLAINT_SLA_HOURS[category])


def complaint_state(
    due_at: datetime, resolved_at: datetime | None, now: datetime
) -> ComplaintState:
    """Open, overdue, resolved in time or late."""
    if resolved_at is not None:
        return ComplaintState.RESOLVED if resolved_at <= due_at else ComplaintState.RESOLVED_LATE
    return ComplaintState.OVERDUE if now > due_at else ComplaintState.OPEN


def per_thousand(complaints: int, orders: int | None) -> float | None:
    """Complaints per 1,000 orders; None before the first order (no rate from nothing)."""
    if not orders:
        return None
    return complaints * 1000 / orders


# --- rows the console shows ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MerchantRow:
    """One certified merchant with what a supervisor looks at first."""

    id: int
    business_id: int
    code: str  # the business's code in the register (names repeat: 幸福便利店)
    name: str
    community: str
    status: MerchantStatus
    status_reason: str
    licence_no: str
    licence_expires: date
    licence_state: LicenceState
    food_licence_no: str
    food_licence_expires: date | None
    food_licence_state: LicenceState
    certified_on: date
    staff: int
    staff_cert_alerts: int  # active staff whose health certificate is expiring or expired
    last_score: int | None
    open_complaints: int
    overdue_complaints: int
    complaints: int  # all complaints, for the rate
    orders: int | None  # None: orders are not counted on this site yet
    per_thousand: float | None

    @property
    def alert(self) -> bool:
        """A licence or certificate needs attention, or a complaint is overdue."""
        bad = {LicenceState.EXPIRING, LicenceState.EXPIRED}
        return (
            self.licence_state in bad
            or self.food_licence_state in bad
            or self.staff_cert_alerts > 0
            or self.overdue_complaints > 0
        )


@dataclass(frozen=True, slots=True)
class StaffRow:
    """A merchant's person; name and phone masked for a reader without the right."""

    id: int
    merchant_id: int
    name: str
    phone: str
    deliverer: bool
    health_cert_no: str
    health_cert_expires: date | None
    cert_state: LicenceState
    active: bool
    masked: bool


@dataclass(frozen=True, slots=True)
class InspectionRow:
    """One inspection."""

    id: int
    inspected_on: date
    inspector: str
    score: int
    findings: str

    @property
    def passed(self) -> bool:
        return self.score >= SCORE_PASS


@dataclass(frozen=True, slots=True)
class ComplaintRow:
    """One complaint with its deadline's state."""

    id: int
    category: str
    text: str
    received_at: datetime
    due_at: datetime
    resolved_at: datetime | None
    resolution: str
    state: ComplaintState


@dataclass(frozen=True, slots=True)
class StatusEventRow:
    """A step of a merchant's status trail."""

    ts: datetime
    from_status: str
    to_status: str
    reason: str
    actor: str


@dataclass(frozen=True, slots=True)
class MerchantDetail:
    """A merchant's tabs: staff, inspections, complaints, status trail."""

    merchant: MerchantRow
    staff: list[StaffRow]
    inspections: list[InspectionRow]
    complaints: list[ComplaintRow]
    trail: list[StatusEventRow]


@dataclass(frozen=True, slots=True)
class ProductRow:
    """A product or household service with its reference price and the discount check."""

    id: int
    merchant_id: int
    merchant: str
    merchant_code: str  # the merchant's business code
    community: str
    code: str
    name: str
    kind: ProductKind
    unit: str
    price_cents: int
    reference_cents: int | None
    active: bool

    @property
    def discount(self) -> Fraction | None:
        return discount(self.price_cents, self.reference_cents)

    @property
    def flag(self) -> PriceFlag:
        return price_flag(self.price_cents, self.reference_cents)


@dataclass(frozen=True, slots=True)
class PriceRow:
    """A product's price from a time on."""

    price_cents: int
    from_at: datetime
    actor: str


@dataclass(frozen=True, slots=True)
class ObservationRow:
    """One observation of a price survey, marked when far off the reference."""

    id: int
    code: str
    observed_on: date
    place: str
    price_cents: int
    observer: str
    outlier: bool


@dataclass(frozen=True, slots=True)
class ReferenceRow:
    """A commodity's reference price and the observations behind it."""

    code: str
    reference_cents: int | None
    observations: int  # within the survey window
    low_cents: int | None
    high_cents: int | None
    last_observed: date | None

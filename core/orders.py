"""Orders of daily necessities: statuses, drafts, board rows, and the rules that govern them."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Final, Protocol

CHANNELS: Final = ("station", "hotline", "family")
NOTE_MAX: Final = 200
FAMILY_MAX: Final = 40
QUANTITY_MAX: Final = 99
LINES_MAX: Final = 30
# An order this many times the resident's usual total (and at least LARGE_MIN_CENTS) is "sudden
# and large": 3× a median basket catches a mistyped quantity or a pressured purchase, while the
# floor keeps a ¥30 basket turning into ¥95 from bothering anyone.
LARGE_FACTOR: Final = 3
LARGE_MIN_CENTS: Final = 20_000
# Without any history, a first order above this needs a confirmation call too.
FIRST_ORDER_MAX_CENTS: Final = 50_000
# A dementia-flagged resident's order is unusual above twice the most ever ordered of a product.
UNUSUAL_QUANTITY_FACTOR: Final = 2
SILENCE_WEEKS: Final = 3


class OrderStatus(enum.StrEnum):
    """Where an order stands; delivered, failed and cancelled are final."""

    AWAITING_CONFIRMATION = "awaiting_confirmation"
    ACCEPTED = "accepted"
    PICKED = "picked"
    EN_ROUTE = "en_route"
    DELIVERED = "delivered"
    FAILED = "failed"
    CANCELLED = "cancelled"


class FailReason(enum.StrEnum):
    """Why a delivery did not happen (CoopCycle's reasons, plus the ones that matter here)."""

    NOT_HOME = "not_home"  # nobody answered the door
    NO_ANSWER_PHONE = "no_answer_phone"  # nobody at the door and nobody on the phone
    REFUSED = "refused"  # the resident refused the goods
    WRONG_ADDRESS = "wrong_address"
    OUT_OF_STOCK = "out_of_stock"
    NOT_CONFIRMED = "not_confirmed"  # the confirmation call did not confirm the order
    OTHER = "other"


class Flag(enum.StrEnum):
    """Marks on a board row that ask the operator to look."""

    LICENCE = "licence"  # the merchant may no longer take orders (licence expired, suspended)
    CONFIRM = "confirm"  # waiting for a confirmation call
    LIVES_ALONE = "lives_alone"  # a failed hand-off means a welfare check
    MERGED = "merged"  # goes out with another order of the same household
    LATE = "late"  # the window has ended and the order is not final


class ConfirmReason(enum.StrEnum):
    """Why an order waits for a confirmation call."""

    DEMENTIA = "dementia"
    LARGE = "large"


class ProofKind(enum.StrEnum):
    """What the deliverer brings back as proof of the hand-off."""

    SIGNATURE = "signature"
    PHOTO = "photo"


FINAL: Final = frozenset({OrderStatus.DELIVERED, OrderStatus.FAILED, OrderStatus.CANCELLED})
OPEN: Final = frozenset(OrderStatus) - FINAL

# The delivery steps in order; delivered and failed are reached through record_proof / fail.
_NEXT: Final[dict[OrderStatus, frozenset[OrderStatus]]] = {
    OrderStatus.AWAITING_CONFIRMATION: frozenset(
        {OrderStatus.ACCEPTED, OrderStatus.CANCELLED, OrderStatus.FAILED}
    ),
    OrderStatus.ACCEPTED: frozenset(
        {OrderStatus.PICKED, OrderStatus.CANCELLED, OrderStatus.FAILED}
    ),
    OrderStatus.PICKED: frozenset(
        {OrderStatus.EN_ROUTE, OrderStatus.FAILED, OrderStatus.CANCELLED}
    ),
    OrderStatus.EN_ROUTE: frozenset({OrderStatus.DELIVERED, OrderStatus.FAILED}),
    OrderStatus.DELIVERED: frozenset(),
    OrderStatus.FAILED: frozenset(),
    OrderStatus.CANCELLED: frozenset(),
}


class OrderError(ValueError):
    """An order or a step that the rules refuse; `reason` is a stable code for the UI."""

    def __init__(self, reason: str, message: str = ""):
        super().__init__(message or reason)
        self.reason = reason


def can_move(old: OrderStatus, new: OrderStatus) -> bool:
    """True when the board may move an order from `old` to `new`."""
    return new in _NEXT[old]


def next_step(status: OrderStatus) -> OrderStatus | None:
    """The forward step of the delivery after `status` (None when the next is the hand-off)."""
    return {
        OrderStatus.ACCEPTED: OrderStatus.PICKED,
        OrderStatus.PICKED: OrderStatus.EN_ROUTE,
    }.get(status)


@dataclass(frozen=True)
class OrderDraft:
    """An order as entered at a workstation, before the service has accepted it."""

    client_uuid: str
    resident_id: int
    merchant_id: int
    window_id: int
    lines: tuple[tuple[int, int], ...]  # (product_id, quantity)
    channel: str = "station"  # 'station' | 'hotline' | 'family'
    call_id: int | None = None
    family_member: str = ""
    deliverer_staff_id: int | None = None
    deliverer_volunteer_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Placed:
    """What placing a draft made: the order, whether it was there before, and a word on it
    ("awaiting_confirmation" when it waits for a confirmation call, else "")."""

    order_id: int
    replayed: bool = False
    detail: str = ""


def registered_family(named: str, *registered: str) -> bool:
    """The family member who orders is one the resident's record names (its emergency
    contact): their name appears in what the worker wrote ("女儿 张丽" for 张丽)."""
    said = "".join(named.split())
    return any(len(r.strip()) >= 2 and "".join(r.split()) in said for r in registered)


def check_draft(draft: OrderDraft) -> None:
    """Raise OrderError when a draft cannot be an order whatever the database holds."""
    if not draft.client_uuid or len(draft.client_uuid) > 40:
        raise OrderError("uuid")
    if draft.channel not in CHANNELS:
        raise OrderError("channel")
    if draft.channel == "family" and not draft.family_member.strip():
        raise OrderError("family_member")
    if draft.channel == "hotline" and draft.call_id is None:
        raise OrderError("call")
    if not draft.lines or len(draft.lines) > LINES_MAX:
        raise OrderError("lines")
    seen: set[int] = set()
    for product_id, quantity in draft.lines:
        if product_id in seen:
            raise OrderError("duplicate_line")
        seen.add(product_id)
        if not 1 <= quantity <= QUANTITY_MAX:
            raise OrderError("quantity")
    if (draft.deliverer_staff_id is None) == (draft.deliverer_volunteer_id is None):
        raise OrderError("deliverer")  # exactly one named deliverer: who comes is known
    if len(draft.note) > NOTE_MAX or len(draft.family_member) > FAMILY_MAX:
        raise OrderError("too_long")


@dataclass(frozen=True)
class ResidentChoice:
    """A resident the operator may order for (name masked per role by the caller)."""

    id: int
    name: str
    address: str
    phone: str
    community: str
    preferred_staff_id: int | None = None
    preferred_volunteer_id: int | None = None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProductChoice:
    """A product of a merchant's catalogue, priced in integer fen."""

    id: int
    merchant_id: int
    code: str
    name: str
    unit: str
    price_cents: int


@dataclass(frozen=True)
class MerchantChoice:
    """A merchant that may be chosen; `refusal` is the reason it takes no orders (or "")."""

    id: int
    name: str
    refusal: str = ""
    code: str = ""  # two shops of one chain share a name: the code tells them apart


@dataclass(frozen=True)
class WindowChoice:
    """An ordering window of a merchant with the capacity still free."""

    id: int
    merchant_id: int
    day: date
    starts: time
    ends: time
    capacity: int
    taken: int

    @property
    def remaining(self) -> int:
        return max(0, self.capacity - self.taken)

    @property
    def full(self) -> bool:
        return self.taken >= self.capacity


@dataclass(frozen=True)
class DelivererChoice:
    """Someone who may carry an order: a merchant's staff member or a volunteer."""

    kind: str  # 'staff' | 'volunteer'
    id: int
    name: str
    merchant_id: int | None = None  # staff belong to one merchant
    note: str = ""  # e.g. "health certificate expires 12-03"


@dataclass(frozen=True)
class UsualBasket:
    """The resident's usual basket at one merchant: the lines they order most often."""

    merchant_id: int
    lines: tuple[tuple[int, int], ...]
    total_cents: int  # the median total of their past orders, the base of the "large" check


@dataclass(frozen=True)
class OrderEntryData:
    """Everything the order entry needs for one resident, fetched in one read."""

    resident: ResidentChoice
    merchants: tuple[MerchantChoice, ...]
    windows: tuple[WindowChoice, ...]
    products: tuple[ProductChoice, ...]
    deliverers: tuple[DelivererChoice, ...]
    baskets: tuple[UsualBasket, ...] = ()
    today: date | None = None  # windows of another day are labelled with their day


@dataclass(frozen=True)
class DeliveryRow:
    """One row of the delivery board."""

    id: int
    resident: str  # masked per role
    community: str
    merchant: str
    window: str  # "10:00–12:00"
    status: OrderStatus
    deliverer: str
    flags: tuple[str, ...] = ()
    total_cents: int = 0
    address: str = ""  # masked per role
    household: str = ""  # the merge key: same key, same trip
    fail_reason: str = ""
    resident_id: int = 0
    community_id: int = 0


@dataclass(frozen=True)
class OrderLineView:
    """One line of an order as the proof dialog lists it."""

    name: str
    quantity: int
    unit: str
    price_cents: int


@dataclass(frozen=True)
class ProofRequest:
    """What the deliverer presents at the door, and what the proof dialog records."""

    order_id: int
    resident: str
    deliverer: str
    lines: tuple[OrderLineView, ...] = ()


@dataclass(frozen=True)
class ProofSubmission:
    """A proof of delivery: a signature and/or a photo, and the resident's confirmation."""

    order_id: int
    signature_png: bytes = b""
    photo: bytes = b""
    photo_name: str = ""
    confirmed_by_resident: bool = False
    confirmed_by: str = ""  # who confirmed: the resident, or a named relative at the door


def check_proof(proof: ProofSubmission) -> None:
    """Refuse an unverified hand-off: evidence and the resident's confirmation are both needed."""
    if not proof.signature_png and not proof.photo:
        raise OrderError("no_evidence")
    if not proof.confirmed_by_resident:
        raise OrderError("not_confirmed")
    if not proof.confirmed_by.strip():
        raise OrderError("confirmed_by")


def money(cents: int) -> str:
    """Integer fen as "¥12.30" (no float ever touches money)."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}¥{cents // 100}.{cents % 100:02d}"


def order_total(lines: Iterable[tuple[int, int]], prices: dict[int, int]) -> int:
    """The total in fen of (product_id, quantity) lines at `prices` (fen per unit)."""
    return sum(prices[pid] * quantity for pid, quantity in lines)


def median_int(values: Sequence[int]) -> int:
    """The median of integers, rounded down (fen stay integers)."""
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return 0
    if n % 2:
        return ordered[n // 2]
    return (ordered[n // 2 - 1] + ordered[n // 2]) // 2


def unusual_basket(
    lines: Iterable[tuple[int, int]], past_orders: Sequence[Sequence[tuple[int, int]]]
) -> bool:
    """Whether an order departs from the resident's habit: a first order, a product never
    ordered in `past_orders`, or more than UNUSUAL_QUANTITY_FACTOR times the most ever ordered.
    """
    if not past_orders:
        return True
    most: dict[int, int] = {}
    for order in past_orders:
        for pid, qty in order:
            most[pid] = max(most.get(pid, 0), qty)
    return any(pid not in most or qty > UNUSUAL_QUANTITY_FACTOR * most[pid] for pid, qty in lines)


def confirm_reasons(
    total_cents: int, past_totals: Sequence[int], dementia: bool, unusual: bool = True
) -> tuple[ConfirmReason, ...]:
    """Why this order must wait for a confirmation call (empty when it need not).

    A resident with dementia is called about an `unusual` order only: the usual basket, which
    somebody confirmed once, goes out without a call, so the safeguard stays heeded.
    """
    reasons: list[ConfirmReason] = []
    if dementia and unusual:
        reasons.append(ConfirmReason.DEMENTIA)
    if past_totals:
        usual = median_int(past_totals)
        if total_cents >= LARGE_MIN_CENTS and total_cents > LARGE_FACTOR * usual:
            reasons.append(ConfirmReason.LARGE)
    elif total_cents > FIRST_ORDER_MAX_CENTS:
        reasons.append(ConfirmReason.LARGE)
    return tuple(reasons)


def usual_lines(
    orders: Sequence[Sequence[tuple[int, int]]], keep: int = 8
) -> tuple[tuple[int, int], ...]:
    """The usual basket from past orders (newest first): products in at least half of them.

    The quantity is the one most often ordered (ties: the latest); at most `keep` lines, most
    frequent first, so one key fills what the resident nearly always asks for.
    """
    if not orders:
        return ()
    counts: dict[int, int] = {}
    quantities: dict[int, dict[int, int]] = {}
    first_seen: dict[int, int] = {}
    for index, lines in enumerate(orders):
        for pid, qty in lines:
            counts[pid] = counts.get(pid, 0) + 1
            q = quantities.setdefault(pid, {})
            q[qty] = q.get(qty, 0) + 1
            first_seen.setdefault(pid, index)
    needed = (len(orders) + 1) // 2
    chosen = [pid for pid, n in counts.items() if n >= needed]
    chosen.sort(key=lambda pid: (-counts[pid], first_seen[pid], pid))
    result: list[tuple[int, int]] = []
    for pid in chosen[:keep]:
        by_qty = quantities[pid]
        # most frequent quantity; among equals the one in the newest order that has it
        best = max(by_qty.values())
        newest = next(
            qty for lines in orders for p, qty in lines if p == pid and by_qty[qty] == best
        )
        result.append((pid, newest))
    return tuple(result)


@dataclass(frozen=True)
class SilenceRow:
    """A resident who used to order and has not for a while: a welfare visit may be due."""

    resident_id: int
    resident: str  # masked per role
    community: str
    last_order: date
    weeks: int
    orders_before: int
    lives_alone: bool = False


def silent_since(last: date, today: date) -> int:
    """Whole weeks since the last order."""
    return max(0, (today - last).days // 7)


def silence_list(
    last_orders: Iterable[tuple[int, date, int]], today: date, weeks: int = SILENCE_WEEKS
) -> list[tuple[int, date, int]]:
    """(resident_id, last order day, orders before) of residents silent for at least `weeks`.

    Only residents with at least two past orders count: one order is not a habit that stopped.
    Longest silence first.
    """
    cutoff = today - timedelta(weeks=weeks)
    rows = [r for r in last_orders if r[2] >= 2 and r[1] <= cutoff]
    rows.sort(key=lambda r: (r[1], r[0]))
    return rows


def household_key(address: str) -> str:
    """The merge key of a household: the address, ignoring spacing and case."""
    return "".join(address.split()).casefold()


class Mergeable(Protocol):
    """What merging looks at: a board row, or the service's lighter tuple before one exists."""

    @property
    def id(self) -> int: ...
    @property
    def status(self) -> OrderStatus: ...
    @property
    def household(self) -> str: ...
    @property
    def merchant(self) -> str: ...
    @property
    def window(self) -> str: ...


def merge_groups(rows: Iterable[Mergeable]) -> dict[int, int]:
    """Order id → the id of the first order it goes out with (same household, merchant, window).

    Only open orders merge; an order alone in its group maps to itself.
    """
    firsts: dict[tuple[str, str, str], int] = {}
    result: dict[int, int] = {}
    for row in sorted(rows, key=lambda r: r.id):
        if row.status in FINAL or not row.household:
            result[row.id] = row.id
            continue
        key = (row.household, row.merchant, row.window)
        first = firsts.setdefault(key, row.id)
        result[row.id] = first
    return result


def window_label(starts: time, ends: time) -> str:
    """'10:00–12:00'."""
    return f"{starts:%H:%M}–{ends:%H:%M}"


def window_over(day: date, ends: time, now: datetime) -> bool:
    """True when the window's end has passed (naive local time, as the console keeps it)."""
    return datetime.combine(day, ends) < now.replace(tzinfo=None)


@dataclass(frozen=True)
class BoardFilter:
    """Filters of the delivery board; empty means all."""

    status: str = ""
    merchant: str = ""
    flag: str = ""
    text: str = ""

    def matches(self, row: DeliveryRow) -> bool:
        if self.status and row.status != self.status:
            return False
        if self.merchant and row.merchant != self.merchant:
            return False
        if self.flag and self.flag not in row.flags:
            return False
        if self.text:
            needle = self.text.casefold()
            hay = f"{row.id} {row.resident} {row.deliverer} {row.address} {row.community}"
            if needle not in hay.casefold():
                return False
        return True


@dataclass
class BoardCounts:
    """Counts per status for the board's header."""

    by_status: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: Iterable[DeliveryRow]) -> BoardCounts:
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.status] = counts.get(row.status, 0) + 1
        return cls(counts)

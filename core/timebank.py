"""The time bank: a double-entry ledger of service minutes, balances, transfers to elder kin."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

ELDER_AGE = 60  # minutes may be given only to a relative this old or older
NOTE_MAX = 200


class AccountKind(enum.StrEnum):
    """Who holds an account: a community (where deposits come from and spending goes back to),
    a volunteer, or a resident (an elder relative given minutes)."""

    COMMUNITY = "community"
    VOLUNTEER = "volunteer"
    RESIDENT = "resident"


class TxnKind(enum.StrEnum):
    """Deposit: approved service minutes credited; transfer: to an elder relative; spend: the
    holder received service paid in minutes."""

    DEPOSIT = "deposit"
    TRANSFER = "transfer"
    SPEND = "spend"


class Relation(enum.StrEnum):
    """Kin a volunteer may give minutes to (the Nanjing time bank's 'family' transfers)."""

    PARENT = "parent"
    PARENT_IN_LAW = "parent_in_law"
    GRANDPARENT = "grandparent"
    SPOUSE = "spouse"
    SIBLING = "sibling"


class LedgerError(ValueError):
    """A transaction the ledger refuses; the message says why."""


class TimebankError(LedgerError):
    """A time-bank write that met another one at the same moment; the message says what to do."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One side of a transaction: minutes into (+) or out of (−) an account."""

    account_id: int
    minutes: int


def check_balanced(entries: Sequence[Entry]) -> None:
    """A transaction has two or more non-zero entries on distinct accounts summing to zero."""
    if len(entries) < 2:
        raise LedgerError("a transaction moves minutes between at least two accounts")
    if any(e.minutes == 0 for e in entries):
        raise LedgerError("an entry moves no minutes")
    if len({e.account_id for e in entries}) != len(entries):
        raise LedgerError("an account appears twice in one transaction")
    if sum(e.minutes for e in entries) != 0:
        raise LedgerError("a transaction's entries do not sum to zero")


def move(source: int, target: int, minutes: int) -> tuple[Entry, Entry]:
    """The two entries that move `minutes` (> 0) from `source` to `target`."""
    if minutes <= 0:
        raise LedgerError("a transaction moves a positive number of minutes")
    pair = (Entry(source, -minutes), Entry(target, minutes))
    check_balanced(pair)
    return pair


def balances(entries: Iterable[Entry]) -> dict[int, int]:
    """Each account's balance in minutes."""
    out: dict[int, int] = {}
    for e in entries:
        out[e.account_id] = out.get(e.account_id, 0) + e.minutes
    return out


# The ledger is append-only and allows one transaction linked to an attendance (the first
# deposit). A deposit reversed on a correction, and the deposit after the new approval, name
# the attendance in their note: "attendance:<id> reversal ..." / "attendance:<id> deposit ...".
REVERSAL = "reversal"
REDEPOSIT = "deposit"


def attendance_note(attendance_id: int, what: str, detail: str = "") -> str:
    """The note of a reversal or a later deposit of an attendance's minutes."""
    return f"attendance:{attendance_id} {what} {detail}".strip()[:NOTE_MAX]


def parse_attendance_note(note: str) -> tuple[int, str] | None:
    """(attendance id, REVERSAL or REDEPOSIT) of such a note, or None."""
    head, _, rest = note.partition(" ")
    prefix, _, ident = head.partition(":")
    what = rest.split(" ", 1)[0]
    if prefix != "attendance" or not ident.isdigit() or what not in (REVERSAL, REDEPOSIT):
        return None
    return int(ident), what


def in_bank(linked: Iterable[int], notes: Iterable[str]) -> set[int]:
    """The attendance whose minutes are in the bank now: their deposits (the linked first one
    and the later ones named in notes) outnumber their reversals."""
    count: dict[int, int] = {}
    for attendance_id in linked:
        count[attendance_id] = count.get(attendance_id, 0) + 1
    for note in notes:
        parsed = parse_attendance_note(note)
        if parsed is not None:
            step = 1 if parsed[1] == REDEPOSIT else -1
            count[parsed[0]] = count.get(parsed[0], 0) + step
    return {a for a, n in count.items() if n > 0}


def age_on(birth: date, today: date) -> int:
    """Whole years of age on `today`."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def spend_problem(balance: int, minutes: int) -> str | None:
    """Why a person's account cannot give `minutes`, or None (no account goes below zero)."""
    if minutes <= 0:
        return "a positive number of minutes is needed"
    if minutes > balance:
        return f"the balance is {balance} minutes"
    return None


def transfer_problem(
    balance: int, minutes: int, relation: str, relative_age: int | None, same_person: bool = False
) -> str | None:
    """Why minutes cannot go to this relative, or None: only to kin aged 60 or more."""
    if same_person:
        return "a volunteer cannot give minutes to themself"
    if relation not in {r.value for r in Relation}:
        return "minutes go to a parent, parent-in-law, grandparent, spouse or sibling only"
    if relative_age is None:
        return "the relative's date of birth is not known"
    if relative_age < ELDER_AGE:
        return f"the relative is {relative_age}: minutes go to relatives aged {ELDER_AGE} or more"
    return spend_problem(balance, minutes)


@dataclass(frozen=True, slots=True)
class AccountRow:
    """An account with its balance; the holder's name masked as the reader must see it."""

    id: int
    kind: AccountKind
    holder_id: int | None  # the volunteer's or resident's id; None for a community's account
    holder: str
    community: str
    balance: int


@dataclass(frozen=True, slots=True)
class LedgerLine:
    """One entry of an account's statement, with the transaction it belongs to."""

    txn_id: int
    at: datetime
    kind: TxnKind
    minutes: int  # signed: + into this account
    counterpart: str  # the other side's holder (masked as needed)
    note: str

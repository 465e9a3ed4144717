"""Volunteer service certificates (MCA Order 67): numbers, the public week, the paper."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from core.timefmt import DEFAULT_ZONE, as_utc

# 《志愿服务记录与证明出具办法（试行）》 (MCA Order 67, 2020) and the 2015 guideline
# 《关于规范志愿服务记录证明工作的指导意见》: a certificate names the volunteer (name and
# identity number), the hours, what was done, the issuing organisation, a number and the date.
LISTING_DAYS = 7  # listed publicly inside the console this long before it may be issued
LISTING = timedelta(days=LISTING_DAYS)
DEFAULT_PREFIX = "ZYFW"  # 志愿服务: a street without its own certificate prefix uses this
SEQ_DIGITS = 5
CONTENT_MAX = 400
REASON_MAX = 200
PREFIX_RE = re.compile(r"^[A-Z0-9]{1,12}$")
NUMBER_RE = re.compile(r"^(?P<prefix>[A-Z0-9]{1,12})-(?P<year>\d{4})-(?P<seq>\d{5,})$")


class CertificateStatus(enum.StrEnum):
    """Listed (the public week, then waiting to be issued), issued, or withdrawn.

    A withdrawn certificate that had been issued keeps its number, so the sequence has no hole.
    """

    LISTED = "listed"
    ISSUED = "issued"
    WITHDRAWN = "withdrawn"


class CertificateError(ValueError):
    """A certificate step that cannot be taken; the message says why."""


def check_prefix(prefix: str) -> str:
    """The street's certificate prefix: 1–12 capital letters or digits."""
    if not PREFIX_RE.match(prefix):
        raise CertificateError(
            f"a certificate prefix is 1-12 capital letters or digits: {prefix!r}"
        )
    return prefix


def format_number(prefix: str, year: int, seq: int) -> str:
    """'ZYFW-2026-00017': the street's prefix, the year of issue, the year's sequence."""
    if seq < 1 or not 2000 <= year <= 9999:
        raise CertificateError(f"no certificate number for year {year}, sequence {seq}")
    return f"{check_prefix(prefix)}-{year}-{seq:0{SEQ_DIGITS}d}"


def parse_number(number: str) -> tuple[str, int, int]:
    """(prefix, year, sequence) of a certificate number; CertificateError if it is not one."""
    m = NUMBER_RE.match(number)
    if m is None:
        raise CertificateError(f"not a certificate number: {number!r}")
    return m["prefix"], int(m["year"]), int(m["seq"])


def gaps(seqs: Iterable[int]) -> list[int]:
    """Sequence numbers missing between 1 and the highest one used (a year's audit check)."""
    used = set(seqs)
    return [n for n in range(1, max(used, default=0) + 1) if n not in used]


def listing_ends(listed_at: datetime) -> datetime:
    """When the public week of a certificate listed at `listed_at` is over."""
    return as_utc(listed_at) + LISTING


def issue_problem(
    status: CertificateStatus, listed_until: datetime, now: datetime, objection: str = ""
) -> str | None:
    """Why the certificate cannot be issued now, or None."""
    if status is CertificateStatus.ISSUED:
        return "the certificate has already been issued"
    if status is CertificateStatus.WITHDRAWN:
        return "the certificate was withdrawn"
    if as_utc(now) < as_utc(listed_until):
        return "the certificate is still listed publicly (seven days)"
    if objection:
        return "an objection was raised during the listing"
    return None


def check_period(first: date, last: date, today: date) -> None:
    """A certificate covers whole days up to today, first day first."""
    if first > last:
        raise CertificateError("the period's first day is after its last")
    if last > today:
        raise CertificateError("a certificate covers only days that are over or under way")


def period_bounds(first: date, last: date, zone: str = DEFAULT_ZONE) -> tuple[datetime, datetime]:
    """The period's first instant and the instant after its last day, in the site's zone, UTC."""
    tz = ZoneInfo(zone)
    start = datetime(first.year, first.month, first.day, tzinfo=tz)
    end = datetime(last.year, last.month, last.day, tzinfo=tz) + timedelta(days=1)
    return as_utc(start), as_utc(end)


def month_starts(year: int, zone: str = DEFAULT_ZONE) -> list[datetime]:
    """The 13 instants (UTC) that bound the 12 months of `year` in the site's zone."""
    tz = ZoneInfo(zone)
    starts = [datetime(year, m, 1, tzinfo=tz) for m in range(1, 13)]
    starts.append(datetime(year + 1, 1, 1, tzinfo=tz))
    return [as_utc(s) for s in starts]


def format_hours(minutes: int) -> str:
    """Hours with one decimal, rounded half up from whole minutes: 95 minutes -> '1.6'."""
    tenths = (minutes * 10 + 30) // 60
    return f"{tenths // 10}.{tenths % 10}"


def summarise_content(items: Iterable[str], limit: int = CONTENT_MAX) -> str:
    """What was done, from attendance records: distinct entries, most frequent first."""
    counts: dict[str, int] = {}
    for item in items:
        text = " ".join(item.split())
        if text:
            counts[text] = counts.get(text, 0) + 1
    ordered = sorted(counts, key=lambda t: (-counts[t], t))
    out = ""
    for text in ordered:
        candidate = text if not out else f"{out}；{text}"
        if len(candidate) > limit:
            break
        out = candidate
    return out


@dataclass(frozen=True, slots=True)
class CertificateRow:
    """A certificate as the list shows it: the volunteer's name and number masked unless the
    reader may see personal data in the community."""

    id: int
    number: str  # "" until issued
    status: CertificateStatus
    volunteer_id: int
    volunteer: str
    id_number: str
    community: str
    first_day: date
    last_day: date
    minutes: int
    content: str
    listed_at: datetime
    listed_until: datetime
    issued_at: datetime | None = None
    issuer: str = ""
    withdrawn_reason: str = ""
    objection: str = ""
    pdf_sha256: str = ""

    @property
    def hours(self) -> str:
        return format_hours(self.minutes)


@dataclass(frozen=True, slots=True)
class CertificateDoc:
    """What the issued paper says (the fields the Order names), in the order it says them."""

    number: str
    volunteer: str
    id_number: str  # whole on the issued paper; masked on a display copy
    first_day: date
    last_day: date
    minutes: int
    content: str
    issuer: str  # the issuing organisation
    community: str
    issued_on: date
    withdrawn: str = ""  # the reason, when the certificate was withdrawn after issue
    masked: bool = False  # a display copy, not the archived certificate

    @property
    def hours(self) -> str:
        return format_hours(self.minutes)


@dataclass(frozen=True, slots=True)
class HoursRow:
    """One volunteer's approved minutes per month of a year (index 0 = January)."""

    volunteer_id: int
    volunteer: str
    community: str
    months: tuple[int, ...] = field(default=(0,) * 12)

    @property
    def total(self) -> int:
        return sum(self.months)


@dataclass(frozen=True, slots=True)
class HoursReport:
    """The year's report: a row per volunteer with any approved minutes, by community, name."""

    year: int
    rows: list[HoursRow]

    def month_totals(self) -> tuple[int, ...]:
        return tuple(sum(r.months[m] for r in self.rows) for m in range(12))

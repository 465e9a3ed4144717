"""Retention policy: how long each class of data is kept, its legal floor, and site overrides."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Final


class RetentionClass(enum.StrEnum):
    """A class of stored data with one retention period (the site file's `[retention]` keys)."""

    TAG_READS = "tag_reads"
    POSITIONS = "positions"
    CALL_RECORDINGS = "call_recordings"
    VIDEO = "video"
    INCIDENTS = "incidents"  # closed incidents with their timelines
    CHANGE_LOG = "change_log"
    AUDIT_LOG = "audit_log"


@dataclass(frozen=True, slots=True)
class Period:
    """A retention period in days; None keeps forever ("keep")."""

    days: int | None

    @property
    def keep(self) -> bool:
        """True when the data is never deleted by the job."""
        return self.days is None

    @property
    def delta(self) -> timedelta | None:
        return None if self.days is None else timedelta(days=self.days)

    def __str__(self) -> str:
        return "keep" if self.days is None else f"{self.days} days"


KEEP: Final = Period(None)

# A month counts 31 days and a year 366: a period written in months or years is never shorter
# than the calendar one, so a legal minimum stated in years is never undercut by a leap day.
_UNIT_DAYS: Final[Mapping[str, int]] = {"d": 1, "w": 7, "m": 31, "y": 366}
_PERIOD_RE: Final = re.compile(r"\s*(\d{1,5})\s*([dwmy])\s*", re.IGNORECASE)
MAX_DAYS: Final = 50 * 366  # beyond this a value is a typo, not a policy


@dataclass(frozen=True, slots=True)
class ClassRule:
    """A class's default, the shortest period the law or the console allows, and why."""

    default: Period
    minimum_days: int
    keep_only: bool = False  # the job never deletes it; no period may be set
    reason: str = ""


RULES: Final[Mapping[RetentionClass, ClassRule]] = {
    # Whereabouts are sensitive personal information (PIPL Art. 28); keep them only as long as
    # needed (Art. 19): long enough to retrace a missing person's last week, not a history.
    RetentionClass.TAG_READS: ClassRule(Period(31), 1, reason="PIPL Arts. 19, 28"),
    RetentionClass.POSITIONS: ClassRule(Period(31), 1, reason="PIPL Arts. 19, 28"),
    # No national floor for a street office's calls; six months covers complaints and reviews.
    RetentionClass.CALL_RECORDINGS: ClassRule(Period(186), 7, reason="PIPL Art. 19"),
    # Local rules on public-security video systems commonly require at least 30 days.
    RetentionClass.VIDEO: ClassRule(Period(31), 30, reason="local public-security video rules"),
    # Three years: the general limitation period of the Civil Code (Art. 188) and the KPI
    # dashboard's horizon; after that the record is anonymised, not deleted.
    RetentionClass.INCIDENTS: ClassRule(Period(3 * 366), 366, reason="Civil Code Art. 188"),
    # Only a refresh feed for other workstations: a few days is plenty.
    RetentionClass.CHANGE_LOG: ClassRule(Period(7), 1, reason="refresh feed only"),
    # Never deleted by the job: the hash chain and the signed checkpoints depend on every row.
    # PIPL Art. 54 (compliance audits), Cybersecurity Law Art. 21 (network logs >= 6 months).
    RetentionClass.AUDIT_LOG: ClassRule(
        KEEP, 3 * 366, keep_only=True, reason="PIPL Art. 54, CSL Art. 21"
    ),
}


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """The period of every class: the defaults, with the site file's overrides applied."""

    periods: Mapping[RetentionClass, Period]

    def period(self, cls: RetentionClass) -> Period:
        return self.periods[cls]


DEFAULT_POLICY: Final = RetentionPolicy({cls: rule.default for cls, rule in RULES.items()})


def parse_period(value: object) -> Period:
    """`"30d"`, `"6m"`, `"3y"`, `"2w"`, an integer of days, or `"keep"`; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(f"expected a period like '30d', '6m' or '3y', got {value!r}")
    if isinstance(value, int):
        days = value
    elif isinstance(value, str):
        if value.strip().lower() == "keep":
            return KEEP
        match = _PERIOD_RE.fullmatch(value)
        if match is None:
            raise ValueError(f"expected a period like '30d', '6m', '3y' or 'keep', got {value!r}")
        days = int(match.group(1)) * _UNIT_DAYS[match.group(2).lower()]
    else:
        raise ValueError(f"expected a period like '30d', '6m' or '3y', got {value!r}")
    if days < 1 or days > MAX_DAYS:
        raise ValueError(f"a period must be 1 to {MAX_DAYS} days, got {days}")
    return Period(days)


def check_period(cls: RetentionClass, period: Period) -> str | None:
    """Why this period is not allowed for the class, or None."""
    rule = RULES[cls]
    if rule.keep_only and not period.keep:
        return (
            f"{cls.value} is always kept: the audit chain and its signed checkpoints need every "
            f"row ({rule.reason}); archive it, never delete it"
        )
    if period.days is not None and period.days < rule.minimum_days:
        return (
            f"{cls.value} must be kept at least {rule.minimum_days} days ({rule.reason}), "
            f"got {period.days}"
        )
    return None


def policy_from_table(
    table: Mapping[str, object],
) -> tuple[RetentionPolicy, list[tuple[str, str]]]:
    """The policy a `[retention]` table describes, and its problems as (key, message)."""
    problems: list[tuple[str, str]] = []
    periods = dict(DEFAULT_POLICY.periods)
    names = {cls.value: cls for cls in RetentionClass}
    for key, raw in table.items():
        cls = names.get(key)
        if cls is None:
            problems.append(
                (key, f"unknown data class '{key}'; expected one of {', '.join(sorted(names))}")
            )
            continue
        try:
            period = parse_period(raw)
        except ValueError as exc:
            problems.append((key, str(exc)))
            continue
        problem = check_period(cls, period)
        if problem is not None:
            problems.append((key, problem))
            continue
        periods[cls] = period
    return RetentionPolicy(periods), problems

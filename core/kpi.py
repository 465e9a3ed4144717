"""The KPI dashboard as plain data: each indicator's month, its trend and its communities."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from core.indicators import (
    UNDER_WAY_TEXT,
    Bilingual,
    Kind,
    KpiFigure,
    Op,
    Passport,
    PassportProblem,
    Rag,
    RunChart,
)

TREND_MONTHS = 12  # the sparkline and the run chart: the selected month and the eleven before


@dataclass(frozen=True, slots=True)
class CommunityFigure:
    """One community's figure for the selected month (suppressed cells come as such)."""

    code: str
    name: str
    figure: KpiFigure


@dataclass(frozen=True, slots=True)
class IndicatorView:
    """One indicator on the dashboard.

    `figure` is the selected month's (for a cumulative count: everything up to its end);
    `trend` has one figure per month of the dashboard, oldest first; `split` the same figure
    by how the answers were given ("self", "assisted") where the passport offers it; `run`
    the run chart of the trend when its counts are small.
    """

    passport: Passport
    figure: KpiFigure
    trend: tuple[KpiFigure, ...]
    communities: tuple[CommunityFigure, ...] = ()
    split: tuple[tuple[str, KpiFigure], ...] = ()
    run: RunChart | None = None


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Every indicator for a month, street-wide or for one community."""

    month: date  # the first day of the selected month
    months: tuple[date, ...]  # the trend's months, oldest first, ending with `month`
    community: str | None  # None: the whole street
    views: tuple[IndicatorView, ...]
    problems: tuple[PassportProblem, ...]  # the passports file's, shown above the figures
    computed_at: datetime
    zone: str = "UTC"  # the site's time zone, for the times shown

    @property
    def under_way(self) -> bool:
        """The month had not ended when the figures were computed (they are figures so far)."""
        return any(
            is_under_way(v.figure) or is_under_way(v.trend[-1]) for v in self.views if v.trend
        )


@dataclass(frozen=True, slots=True)
class RecordRow:
    """A record behind a figure, as the viewer may see it (names masked per role)."""

    table: str  # "incident", "service_ticket", "screening", ...
    id: int | str  # a survey answer's is its UUID
    when: datetime | date  # in the site's zone; a date where the record has only a day
    community: str
    text: Bilingual  # the record's kind or state (an incident's type, a ticket's reply)
    of: int = 0  # the parent that names it with `id` (a survey round's member), or 0


# --- words and numbers, the same in the pane, the reports and the CLI ------------------------


def is_under_way(figure: KpiFigure) -> bool:
    """The figure is of a month that had not ended (core.indicators.as_of_month)."""
    return figure.message.en.startswith(UNDER_WAY_TEXT.en)


def without_under_way(message: Bilingual) -> Bilingual:
    """`message` without the month-under-way clause (said once, above the figures)."""
    zh, en = message.zh, message.en
    if en.startswith(UNDER_WAY_TEXT.en):
        en = en.removeprefix(UNDER_WAY_TEXT.en).removeprefix("; ")
        zh = zh.removeprefix(UNDER_WAY_TEXT.zh).removeprefix("；")
    return Bilingual(zh, en)


def pick(text: Bilingual, zh: bool) -> str:
    """The Chinese or the English of a passport's or a figure's text."""
    return text.zh if zh else text.en


def number(value: float, kind: Kind) -> str:
    """A value as the plan writes it: "90.0 %", "−33.3 %" (with the sign), "10,234"."""
    if kind is Kind.COUNT:
        return f"{value:,.0f}"
    if kind is Kind.RATE_CHANGE:
        return f"{value * 100:+.1f} %".replace("-", "−")
    return f"{value * 100:.1f} %"


def value_text(f: KpiFigure, p: Passport, zh: bool) -> str:
    """The figure's value, or why it has none (never a silent 0 or 100 %)."""
    if f.value is None:
        return pick(f.message, zh)
    return number(f.value, p.kind)


def counts_text(f: KpiFigure, p: Passport) -> str:
    """The numbers behind it: "45 / 50" for a proportion, the events for a rate change."""
    if p.kind is Kind.PROPORTION:
        if f.numerator is None or f.denominator is None:
            return ""
        return f"{f.numerator:,} / {f.denominator:,}"
    if p.kind is Kind.RATE_CHANGE and f.rate is not None:
        return f"{f.rate.current_events:,} / {f.rate.baseline_events:,}"
    return "" if f.numerator is None else f"{f.numerator:,}"


def interval_text(f: KpiFigure, p: Passport) -> str:
    """The 95 % interval, "83.8–96.2 %", or nothing."""
    if f.low is None or f.high is None or f.value is None:
        return ""
    lo, hi = number(f.low, p.kind), number(f.high, p.kind)
    unit = " %" if p.kind is not Kind.COUNT else ""
    return f"{lo.removesuffix(unit)}–{hi}"


def target_text(p: Passport, zh: bool = False) -> str:
    """The target as written in the passport: "≥ 90.0 %", "≥ 10,000", "≤ −30.0 %"."""
    t = p.target
    if t is None:
        return ""
    op = "≥" if t.op is Op.AT_LEAST else "≤"
    if t.relative:
        return f"{op} {t.value * 100:+.0f} % {'（较基线）' if zh else '(vs baseline)'}"
    return f"{op} {number(t.value, p.kind)}"


RAG_LETTER = {Rag.GREEN: "G", Rag.AMBER: "A", Rag.RED: "R", Rag.NONE: "–"}

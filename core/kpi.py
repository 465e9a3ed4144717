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
    effective_target,
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
    return figure.under_way


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


MINUS = "\u2212"  # a real minus sign: "−33.3 %", not a hyphen


def _number(x: float, digits: int, plus: bool = False) -> str:
    text = f"{x:,.{digits}f}"
    if text.startswith("-"):
        return text[1:] if float(text[1:].replace(",", "")) == 0 else MINUS + text[1:]
    if plus and float(text.replace(",", "")) != 0:
        return "+" + text
    return text


def percent(fraction: float, *, signed: bool = False, digits: int = 1) -> str:
    """0.9 as "90.0 %"; signed: −0.333 as "−33.3 %", 0.12 as "+12.0 %"."""
    return f"{_number(fraction * 100, digits, signed)} %"


def count_text(total: float) -> str:
    """10234 as "10,234"."""
    return _number(total, 0) if float(total).is_integer() else _number(total, 1)


def number(value: float, kind: Kind) -> str:
    """A value in its unit as the plan writes it: "90.0 %", "−33.3 %" (signed), "10,234"."""
    if kind is Kind.PROPORTION:
        return percent(value)
    if kind is Kind.RATE_CHANGE:
        return percent(value, signed=True)
    return count_text(value)


def value_text(f: KpiFigure, p: Passport, zh: bool) -> str:
    """The figure's value, or why it has none (never a silent 0 or 100 %)."""
    if f.value is None:
        return pick(f.message, zh)
    return number(f.value, p.kind)


def counts_text(f: KpiFigure, kind: Kind, missing: str = "") -> str:
    """The numbers behind it: "45 / 50" (for a rate change the events now and in the
    baseline); a count's total; `missing` when the figure withholds them."""
    if kind is Kind.COUNT:
        return missing if f.numerator is None else f"{f.numerator:,}"
    if kind is Kind.RATE_CHANGE and f.rate is not None:
        return f"{f.rate.current_events:,} / {f.rate.baseline_events:,}"
    if f.numerator is None or f.denominator is None:
        return missing
    return f"{f.numerator:,} / {f.denominator:,}"


def interval_text(f: KpiFigure, kind: Kind) -> str:
    """The 95 % interval: "83.8–96.2 %"; a change's as "−52.1 … +10.3 %"; "" without one."""
    if f.low is None or f.high is None:
        return ""
    if kind is Kind.RATE_CHANGE:
        return f"{_number(f.low * 100, 1, plus=True)} … {percent(f.high, signed=True)}"
    if kind is Kind.PROPORTION:
        return f"{_number(f.low * 100, 1)}–{percent(f.high)}"
    return f"{count_text(f.low)}–{count_text(f.high)}"


def _target_value(kind: Kind, value: float) -> str:
    if kind is Kind.COUNT:
        return count_text(value)
    rounded = round(value * 100, 1)
    return percent(value, digits=0 if rounded.is_integer() else 1)


def target_text(p: Passport, zh: bool = False) -> str:
    """ "≥ 90 %", "≥ 10,000", "≤ −30 %"; a relative target with its baseline change
    ("≥ 84 % (baseline +20 %)"); "" without a target."""
    t = p.target
    if t is None:
        return ""
    op = "≥" if t.op is Op.AT_LEAST else "≤"
    if not t.relative:
        return f"{op} {_target_value(p.kind, t.value)}"
    whole = round(t.value * 100, 6).is_integer()
    change = percent(t.value, signed=True, digits=0 if whole else 1)
    absolute = effective_target(p)
    if absolute is None:
        return f"{op} 基线 {change}" if zh else f"{op} baseline {change}"
    value = _target_value(p.kind, absolute.value)
    return f"{op} {value}（基线 {change}）" if zh else f"{op} {value} (baseline {change})"


RAG_LETTER = {Rag.GREEN: "G", Rag.AMBER: "A", Rag.RED: "R", Rag.NONE: "–"}

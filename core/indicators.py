"""The plan's indicators: passports from TOML, honest figures, RAG, run charts, suppression."""

# A passport (after USAID's performance indicator reference sheets) says what a figure counts,
# from which tables, against which baseline and target, and what it cannot tell. The figure
# functions here never raise on bad data: a month with no data, a population of 0, a missing
# target or a broken definition each become a figure that says so, because a dashboard that
# crashes or shows a silent 0 is read as "nothing happened".

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import math
import re
import statistics
import tomllib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Final

from core.survey_score import MIN_CELL, Z95, NoData, Suppressed, proportion

PER_RESIDENTS: Final = 10_000  # rates are events per 10,000 residents per month
DEFAULT_MIN_N: Final = 30  # proportions from fewer answers say "too little data"
DEFAULT_AMBER: Final = 0.10  # the amber band: 10 % of the target below (or above) it
# Below this many events in either period a rate change is too noisy to read alone: a Poisson
# count of 20 has a relative standard error of 1/√20 ≈ 22 %, close to the 30 % change the plan
# asks for, so the pane shows the months as a run chart beside the figure.
SMALL_EVENTS: Final = 20
FORMAT: Final = 1  # the passports file's `format`: raised when its layout changes
FILE_MAX_BYTES: Final = 1024 * 1024  # the real file is ~20 KiB; far beyond is a mistake


class Kind(enum.StrEnum):
    """What a figure computes."""

    COUNT = "count"  # a total (cumulative or of the month) against a target count
    PROPORTION = "proportion"  # numerator ÷ denominator, with a Wilson interval
    # (current rate − baseline rate) ÷ baseline rate; rate = events per 10,000 residents per
    # month over the same calendar months with the same incident-type definitions
    RATE_CHANGE = "rate_change"


class Op(enum.StrEnum):
    """How a value meets its target."""

    AT_LEAST = ">="
    AT_MOST = "<="


class Dimension(enum.StrEnum):
    """What a figure may be broken down by."""

    COMMUNITY = "community"
    MONTH = "month"
    MODE = "mode"  # self-answered vs assisted, side by side
    AGE_BAND = "age_band"


class FigureState(enum.StrEnum):
    """Whether a figure has a value to show and, if not, why."""

    OK = "ok"
    NO_DATA = "no_data"  # nothing recorded for the period: not 0 and not 100 %
    TOO_LITTLE = "too_little"  # fewer than the passport's min_n: value withheld
    SUPPRESSED = "suppressed"  # fewer than MIN_CELL people, or hidden to protect such a cell
    NO_TARGET = "no_target"  # a value, but nothing to compare it with
    ERROR = "error"  # the figure cannot be computed; the message says why


class Rag(enum.StrEnum):
    """Red, amber, green against target; NONE without a value or a target."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Bilingual:
    """A text in Chinese and English."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.en


@dataclass(frozen=True, slots=True)
class Target:
    """A target; `relative`: value is a change on the baseline (+0.20 = 20 % above it)."""

    op: Op
    value: float
    relative: bool = False

    def __str__(self) -> str:
        return f"{self.op} {'+' if self.relative and self.value >= 0 else ''}{self.value:g}"


@dataclass(frozen=True, slots=True)
class Period:
    """Whole months, first to last inclusive (both the first day of their month)."""

    first: date
    last: date

    def months(self) -> list[date]:
        """The first day of every month of the period."""
        return month_range(self.first, self.last)

    def __str__(self) -> str:
        return f"{self.first:%Y-%m}..{self.last:%Y-%m}"


@dataclass(frozen=True, slots=True)
class Baseline:
    """The value before the project, over a period; None while not yet measured.

    For a rate change `value` is the baseline rate per 10,000 residents per month.
    """

    value: float | None
    period: Period | None
    note: Bilingual | None = None


@dataclass(frozen=True, slots=True)
class PassportProblem:
    """A fault in the passports' file; `blocking`: the figure cannot be computed from it."""

    key: str | None  # the indicator's key; None for the file as a whole
    field: str  # "target", "target.op", "tables", "toml" ...
    message: str
    line: int | None = None
    blocking: bool = False

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.key or 'file'}.{self.field}: {self.message}"


@dataclass(frozen=True, slots=True)
class Passport:
    """One indicator's definition; `problems` are its own faults from the file.

    `amber` is the width of the amber band in the target's units (None: 10 % of the target);
    `personal`: the counts are of people or households, so cells below MIN_CELL are
    suppressed (not for communities or stations); `cumulative`: a count since the start of
    the project rather than of the period.
    """

    key: str
    version: int
    name: Bilingual
    kind: Kind
    numerator: Bilingual
    denominator: Bilingual | None
    source: str
    tables: tuple[str, ...]
    disaggregation: tuple[Dimension, ...]
    baseline: Baseline | None
    target: Target | None
    owner: Bilingual
    limits: Bilingual
    min_n: int = DEFAULT_MIN_N
    amber: float | None = None
    incident_types: tuple[str, ...] = ()
    personal: bool = True
    cumulative: bool = True
    problems: tuple[PassportProblem, ...] = ()

    @property
    def usable(self) -> bool:
        """Whether a figure can be computed (no blocking problem)."""
        return not any(p.blocking for p in self.problems)

    @property
    def series(self) -> str:
        """The series this definition's figures belong to (series_id)."""
        return series_id(self)


@dataclass(frozen=True, slots=True)
class PassportSet:
    """The passports that could be read, and every problem found in the file."""

    passports: tuple[Passport, ...]
    problems: tuple[PassportProblem, ...]

    def get(self, key: str) -> Passport | None:
        """The passport with this key, or None."""
        return next((p for p in self.passports if p.key == key), None)

    def problems_of(self, key: str) -> tuple[PassportProblem, ...]:
        """Every problem naming this indicator (also of one whose passport was dropped)."""
        return tuple(p for p in self.problems if p.key == key)


@dataclass(frozen=True, slots=True)
class RateDetail:
    """The two rates behind a rate change (per 10,000 residents per month)."""

    current_events: int
    current_resident_months: int
    current_rate: float
    baseline_events: int
    baseline_resident_months: int
    baseline_rate: float


@dataclass(frozen=True, slots=True)
class KpiFigure:
    """One figure as the pane and the reports show it, always with the numbers behind it.

    `value` is a fraction for proportions and rate changes (0.9 = 90 %, −0.3 = −30 %) and
    the total for counts; None whenever the state withholds it. `small`: too few events for
    the value to stand alone; show a run chart. `under_way`: a figure of a month that had not
    ended (`as_of_month`; a message replaced later may no longer say so).
    """

    key: str
    series: str
    state: FigureState
    value: float | None
    numerator: int | None
    denominator: int | None
    low: float | None
    high: float | None
    rag: Rag
    message: Bilingual
    small: bool = False
    rate: RateDetail | None = None
    under_way: bool = False


# --- months --------------------------------------------------------------------------------------

_MONTH_RE: Final = re.compile(r"(\d{4})-(\d{2})")


def month_start(day: date) -> date:
    """The first day of the day's month."""
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    """The first day of the month `count` months after `month`'s (before, if negative)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_range(start: date, end: date) -> list[date]:
    """First days of every month from start's month to end's month inclusive; [] if end < start."""
    first, last = month_start(start), month_start(end)
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    return [add_months(first, i) for i in range(max(0, count))]


def parse_period(text: str) -> Period:
    """'2025-01..2025-12' (or a single '2025-03') as a Period; ValueError if malformed."""
    parts = text.strip().split("..")
    if len(parts) > 2:
        raise ValueError(f"{text!r} is not a period like 2025-01..2025-12")
    months = []
    for part in parts:
        match = _MONTH_RE.fullmatch(part.strip())
        if match is None or not 1 <= int(match.group(2)) <= 12:
            raise ValueError(f"{part.strip()!r} is not a month like 2025-01")
        months.append(date(int(match.group(1)), int(match.group(2)), 1))
    if months[-1] < months[0]:
        raise ValueError(f"{text!r} ends before it starts")
    return Period(months[0], months[-1])


def comparable_months(current: Sequence[date], baseline: Period) -> list[date]:
    """The baseline months with the same calendar months as `current`, in the same order.

    A rate change compares like with like (seasons matter: thefts of e-bikes peak in summer).
    ValueError when a calendar month is missing from the baseline period or occurs in it twice.
    """
    by_month: dict[int, list[date]] = {}
    for month in baseline.months():
        by_month.setdefault(month.month, []).append(month)
    out = []
    for month in current:
        found = by_month.get(month.month, [])
        if len(found) != 1:
            how = "is not in" if not found else "occurs more than once in"
            raise ValueError(f"{month:%m} {how} the baseline period {baseline}")
        out.append(found[0])
    return out


# --- loading passports ---------------------------------------------------------------------------

_KEY_RE: Final = re.compile(r"[a-z][a-z0-9_]{0,47}")
_HEADER_RE: Final = re.compile(r"\s*\[\[\s*indicator\s*\]\]\s*(?:#.*)?")
_SUBTABLE_RE: Final = re.compile(r"\s*\[\s*indicator\s*\.\s*([A-Za-z0-9_-]+)")
_FIELD_RE: Final = re.compile(r"\s*([A-Za-z0-9_-]+)\s*[.=]")
_SYNTAX_POS_RE: Final = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")

_FIELDS: Final = frozenset(
    {
        "key",
        "version",
        "name",
        "kind",
        "numerator",
        "denominator",
        "source",
        "tables",
        "disaggregation",
        "baseline",
        "target",
        "owner",
        "limits",
        "min_n",
        "amber",
        "incident_types",
        "personal",
        "cumulative",
    }
)


class _Lines:
    """Line numbers of each [[indicator]] and of the fields in it (tomllib gives none)."""

    def __init__(self, text: str) -> None:
        self.headers: list[int] = []
        self.fields: list[dict[str, int]] = []
        in_string = False
        # TOML counts lines by LF only, as tomllib's messages do.
        for number, line in enumerate(text.split("\n"), start=1):
            if not in_string:
                if _HEADER_RE.fullmatch(line.rstrip("\r")):
                    self.headers.append(number)
                    self.fields.append({})
                elif self.fields:
                    match = _SUBTABLE_RE.match(line) or _FIELD_RE.match(line)
                    if match is not None:
                        self.fields[-1].setdefault(match.group(1), number)
            # a multi-line string's inside is not a field, however it looks
            if (line.count('"""') + line.count("'''")) % 2 == 1:
                in_string = not in_string

    def line(self, index: int, field: str | None = None) -> int | None:
        if index >= len(self.headers):
            return None
        if field is not None and field.split(".")[0] in self.fields[index]:
            return self.fields[index][field.split(".")[0]]
        return self.headers[index]


class _Reader:
    """Reads one [[indicator]] table, reporting each problem and carrying on where it can."""

    def __init__(self, raw: Mapping[str, Any], key: str, index: int, lines: _Lines) -> None:
        self.raw = raw
        self.key = key
        self.index = index
        self.lines = lines
        self.problems: list[PassportProblem] = []

    def report(self, field: str, message: str, *, blocking: bool = False) -> None:
        self.problems.append(
            PassportProblem(self.key, field, message, self.lines.line(self.index, field), blocking)
        )

    def text(self, field: str, *, blocking: bool = False) -> Bilingual:
        value = self.raw.get(field)
        if value is None:
            self.report(field, "missing: give { zh = …, en = … }", blocking=blocking)
            return Bilingual("", "")
        return self.bilingual(field, value, blocking=blocking)

    def bilingual(self, field: str, value: object, *, blocking: bool = False) -> Bilingual:
        if (
            isinstance(value, dict)
            and isinstance(value.get("zh"), str)
            and isinstance(value.get("en"), str)
            and value["zh"].strip()
            and value["en"].strip()
        ):
            return Bilingual(value["zh"].strip(), value["en"].strip())
        self.report(field, "needs both zh and en texts", blocking=blocking)
        if isinstance(value, dict):
            zh, en = str(value.get("zh", "")).strip(), str(value.get("en", "")).strip()
            return Bilingual(zh or en, en or zh)
        return Bilingual("", "")

    def strings(self, field: str, *, blocking: bool = True) -> tuple[str, ...]:
        value = self.raw.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.report(field, "must be a list of names", blocking=blocking)
            return ()
        if len(set(value)) != len(value):
            self.report(field, "lists a name twice")
        return tuple(value)

    def number(self, field: str, value: object) -> float | None:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            self.report(field, f"must be a number, got {value!r}")
            return None
        return float(value)

    def whole(self, field: str, default: int, minimum: int) -> int:
        value = self.raw.get(field, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.report(field, f"must be a whole number of at least {minimum}, got {value!r}")
            return default
        return value

    def flag(self, field: str, default: bool) -> bool:
        value = self.raw.get(field, default)
        if not isinstance(value, bool):
            self.report(field, f"must be true or false, got {value!r}")
            return default
        return value


def load_passports(
    text: str,
    known_tables: Collection[str] | None = None,
    known_incident_types: Collection[str] | None = None,
) -> PassportSet:
    """Every passport of a TOML text, and every problem with its indicator, field and line.

    A passport with problems is still returned when a figure can say something (a missing
    target: the figure says so); it is left out only when it has no key, a duplicate key or
    no known kind. With `known_tables` (the database's table names) a table the definition
    names but the database lacks is a blocking problem; so is, with `known_incident_types`
    (the site file's codes), an incident type nobody records.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return PassportSet((), (_syntax_problem(exc, text),))
    lines = _Lines(text)
    problems: list[PassportProblem] = []
    entries = data.get("indicator")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        problem = PassportProblem(None, "indicator", "no [[indicator]] tables in the file")
        return PassportSet((), (problem,))
    for name in sorted(set(data) - {"indicator", "format"}):
        problems.append(PassportProblem(None, name, "unknown top-level field"))
    if data.get("format", FORMAT) != FORMAT:
        message = f"format {data['format']!r} is not {FORMAT}, the one this console reads"
        problems.append(PassportProblem(None, "format", message))
    passports: list[Passport] = []
    seen: set[str] = set()
    for index, raw in enumerate(entries):
        key = raw.get("key")
        if not isinstance(key, str) or _KEY_RE.fullmatch(key) is None:
            message = f"missing or not a key like screenings: {key!r}"
            problems.append(PassportProblem(None, "key", message, lines.line(index, "key"), True))
            continue
        if key in seen:
            message = "duplicate key: this second definition is ignored"
            problems.append(PassportProblem(key, "key", message, lines.line(index, "key"), True))
            continue
        seen.add(key)
        reader = _Reader(raw, key, index, lines)
        passport = _passport(reader, known_tables, known_incident_types)
        problems.extend(reader.problems)
        if passport is not None:
            passports.append(passport)
    return PassportSet(tuple(passports), tuple(problems))


def read_passports(
    path: Path,
    known_tables: Collection[str] | None = None,
    known_incident_types: Collection[str] | None = None,
) -> PassportSet:
    """load_passports on a UTF-8 file; an unreadable file is a problem, not an exception."""
    try:
        size = path.stat().st_size
        if size > FILE_MAX_BYTES:
            message = f"{size / 1048576:.1f} MiB is too large for a passports file"
            return PassportSet((), (PassportProblem(None, "file", message),))
        raw = path.read_bytes()
    except OSError as exc:
        message = f"cannot read {path}: {exc.strerror or exc}"
        return PassportSet((), (PassportProblem(None, "file", message),))
    try:
        # utf-8-sig: Windows editors like to prepend a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return PassportSet((), (PassportProblem(None, "file", "not valid UTF-8 text", line),))
    return load_passports(text, known_tables, known_incident_types)


def _syntax_problem(exc: tomllib.TOMLDecodeError, text: str) -> PassportProblem:
    message = str(exc)
    position = _SYNTAX_POS_RE.search(message)
    line: int | None = None
    if position is not None:
        line = int(position.group(1))
        message = f"{message[: position.start()]} (column {position.group(2)})"
    elif message.endswith("(at end of document)"):
        line = text.count("\n") + 1
        message = message.removesuffix("(at end of document)") + "(at end of file)"
    return PassportProblem(None, "toml", f"syntax error: {message}", line, True)


def _passport(
    r: _Reader,
    known_tables: Collection[str] | None,
    known_incident_types: Collection[str] | None,
) -> Passport | None:
    for field in sorted(set(r.raw) - _FIELDS):
        r.report(field, "unknown field (a misspelling?)")
    kind_text = r.raw.get("kind")
    kind = next((k for k in Kind if k.value == kind_text), None)
    if kind is None:
        known = ", ".join(k.value for k in Kind)
        r.report("kind", f"unknown kind {kind_text!r} (known: {known})", blocking=True)
        return None
    version = r.whole("version", 1, 1)
    if "version" not in r.raw:
        r.report("version", "missing: a definition needs a version (1 for the first)")
    source = r.raw.get("source")
    if not isinstance(source, str) or not source.strip():
        r.report("source", "missing: the computation the data layer runs", blocking=True)
        source = ""
    tables = r.strings("tables")
    if r.raw.get("tables") == []:
        r.report("tables", "lists no table", blocking=True)
    elif "tables" not in r.raw:
        r.report("tables", "missing: the source tables of the figure", blocking=True)
    if known_tables is not None:
        for table in tables:
            if table not in known_tables:
                r.report("tables", f"table {table!r} is not in the database", blocking=True)
    denominator = _denominator(r, kind)
    incident_types = r.strings("incident_types")
    if kind is Kind.RATE_CHANGE and not incident_types:
        r.report("incident_types", "a rate change needs its incident types", blocking=True)
    elif kind is not Kind.RATE_CHANGE and incident_types:
        r.report("incident_types", "only a rate change has incident types: ignored")
        incident_types = ()
    if known_incident_types is not None:
        for code in incident_types:
            if code not in known_incident_types:
                # The others are still counted: one type the site does not use (or renamed)
                # should not blank the street's security figure; the problem says which.
                r.report("incident_types", f"{code!r} is not an incident type of the site")
    baseline = _baseline(r, kind)
    target = _target(r, kind, baseline)
    personal = r.flag("personal", True)
    min_n = r.whole("min_n", DEFAULT_MIN_N if kind is Kind.PROPORTION else 1, 1)
    if personal and min_n < MIN_CELL and kind is Kind.PROPORTION:
        r.report("min_n", f"below {MIN_CELL} for counts of people: {MIN_CELL} used")
        min_n = MIN_CELL
    amber = None
    if "amber" in r.raw:
        amber = r.number("amber", r.raw["amber"])
        if amber is not None and amber < 0:
            r.report("amber", "the amber band cannot be negative: the default is used")
            amber = None
    cumulative = r.flag("cumulative", kind is Kind.COUNT)
    if cumulative and kind is not Kind.COUNT:
        r.report("cumulative", "only a count can be cumulative: ignored")
        cumulative = False
    return Passport(
        key=r.key,
        version=version,
        name=r.text("name"),
        kind=kind,
        numerator=r.text("numerator", blocking=True),
        denominator=denominator,
        source=source.strip(),
        tables=tables,
        disaggregation=_dimensions(r),
        baseline=baseline,
        target=target,
        owner=r.text("owner"),
        limits=r.text("limits"),
        min_n=min_n,
        amber=amber,
        incident_types=incident_types,
        personal=personal,
        cumulative=cumulative,
        problems=tuple(r.problems),
    )


def _denominator(r: _Reader, kind: Kind) -> Bilingual | None:
    if kind is Kind.COUNT:
        if "denominator" in r.raw:
            r.report("denominator", "a count has no denominator: ignored")
        return None
    if "denominator" not in r.raw:
        r.report("denominator", f"missing: a {kind} needs its denominator", blocking=True)
        return Bilingual("", "")
    return r.bilingual("denominator", r.raw["denominator"], blocking=True)


def _dimensions(r: _Reader) -> tuple[Dimension, ...]:
    out = []
    for name in r.strings("disaggregation", blocking=False):
        try:
            out.append(Dimension(name))
        except ValueError:
            known = ", ".join(d.value for d in Dimension)
            r.report("disaggregation", f"unknown breakdown {name!r} (known: {known}): ignored")
    return tuple(out)


def _baseline(r: _Reader, kind: Kind) -> Baseline | None:
    raw = r.raw.get("baseline")
    if raw is None:
        if kind is Kind.RATE_CHANGE:
            r.report("baseline", "a rate change needs a baseline period", blocking=True)
        return None
    if not isinstance(raw, dict):
        r.report("baseline", "must be a table { value, period, note }", blocking=True)
        return None
    for field in sorted(set(raw) - {"value", "period", "note"}):
        r.report(f"baseline.{field}", "unknown field (a misspelling?)")
    value = r.number("baseline.value", raw["value"]) if "value" in raw else None
    period = None
    if "period" not in raw:
        r.report(
            "baseline.period", "a baseline without a period", blocking=kind is Kind.RATE_CHANGE
        )
    elif not isinstance(raw["period"], str):
        r.report("baseline.period", "must be text like 2025-01..2025-12", blocking=True)
    else:
        try:
            period = parse_period(raw["period"])
        except ValueError as exc:
            r.report("baseline.period", str(exc), blocking=True)
    if kind is Kind.RATE_CHANGE and period is not None and len(period.months()) != 12:
        message = f"{period} is not 12 months: some months would have no counterpart"
        r.report("baseline.period", message, blocking=True)
    note = r.bilingual("baseline.note", raw["note"]) if "note" in raw else None
    return Baseline(value, period, note)


def _target(r: _Reader, kind: Kind, baseline: Baseline | None) -> Target | None:
    raw = r.raw.get("target")
    if raw is None:
        r.report("target", "no target in the passport")
        return None
    if not isinstance(raw, dict):
        r.report("target", "must be a table { op, value }")
        return None
    for field in sorted(set(raw) - {"op", "value", "relative"}):
        r.report(f"target.{field}", "unknown field (a misspelling?)")
    op = next((o for o in Op if o.value == raw.get("op")), None)
    if op is None:
        r.report("target.op", f'op must be ">=" or "<=", got {raw.get("op")!r}')
        return None
    if "value" not in raw:
        r.report("target.value", "missing")
        return None
    value = r.number("target.value", raw["value"])
    relative = raw.get("relative", False)
    if not isinstance(relative, bool):
        r.report("target.relative", f"must be true or false, got {relative!r}")
        return None
    if value is None:
        return None
    if relative and kind is Kind.RATE_CHANGE:
        r.report("target.relative", "a rate change is already relative to its baseline")
        return None
    if relative and baseline is None:
        r.report("target.relative", "a target relative to the baseline needs a baseline")
        return None
    if kind is Kind.PROPORTION and not relative and not 0 <= value <= 1:
        r.report("target.value", f"{value:g} is not a fraction: write 95 % as 0.95")
        return None
    if kind is Kind.COUNT and value < 0:
        r.report("target.value", "a count's target cannot be negative")
        return None
    return Target(op, value, relative)


# --- series --------------------------------------------------------------------------------------


def _words(text: Bilingual | None) -> list[str] | None:
    # reflowing a long line in the file must not start a new series
    return None if text is None else [" ".join(text.zh.split()), " ".join(text.en.split())]


def series_id(p: Passport) -> str:
    """A short hash of what defines the figure: a changed definition starts a new series.

    Kind, numerator, denominator, source, tables, incident types and version count (and the
    key: two indicators never share a series); names, owners, limits, baseline and target do
    not, since they change how a figure is read, not what it counts.
    """
    fields = [
        p.key,
        p.kind.value,
        _words(p.numerator),
        _words(p.denominator),
        p.source,
        sorted(p.tables),
        sorted(p.incident_types),
        p.version,
    ]
    blob = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]


# --- targets and RAG -----------------------------------------------------------------------------


def effective_target(p: Passport) -> Target | None:
    """The target as an absolute value; None without one or before a relative one's baseline."""
    target = p.target
    if target is None or not target.relative:
        return target
    if p.baseline is None or p.baseline.value is None:
        return None
    return Target(target.op, p.baseline.value * (1 + target.value))


def amber_band(p: Passport) -> float:
    """The amber band's width in the target's units: the passport's, else 10 % of the target."""
    if p.amber is not None:
        return p.amber
    target = effective_target(p)
    return 0.0 if target is None else DEFAULT_AMBER * abs(target.value)


def rag(value: float | None, target: Target | None, amber: float) -> Rag:
    """GREEN meets the target; AMBER within `amber` short of it; else RED; NONE without both.

    For a ">=" target the amber band lies below it, for "<=" above it. `target` must be
    absolute (see effective_target).
    """
    if value is None or target is None:
        return Rag.NONE
    # A relative target is computed: 0.60 × 1.2 is 0.7199999999999999, and 36/50 = 0.72 must
    # still meet it; a hair's tolerance keeps a value exactly on its target green.
    slack = 1e-9 * max(1.0, abs(target.value))
    short = target.value - value if target.op is Op.AT_LEAST else value - target.value
    if short <= slack:
        return Rag.GREEN
    if short <= amber + slack:
        return Rag.AMBER
    return Rag.RED


# --- figures -------------------------------------------------------------------------------------

NO_DATA_TEXT: Final = Bilingual("本期无数据", "no data for this period")
# "例" (cases), not "人": a small cell may count tickets or screenings as well as people.
SUPPRESSED_TEXT: Final = Bilingual(
    f"不足 {MIN_CELL} 例，不显示", f"fewer than {MIN_CELL}: not shown"
)
# a second cell hidden so the first cannot be worked out as the total minus the rest
COMPLEMENT_TEXT: Final = Bilingual(
    "为保护小格数据而隐藏", "hidden so that a small cell cannot be worked out from the total"
)
NO_TARGET_TEXT: Final = Bilingual("指标说明中没有目标值", "no target in the passport")
NO_BASELINE_TEXT: Final = Bilingual(
    "基线尚未测得，无法对照目标", "baseline not yet measured: no target to compare with"
)
ZERO_POPULATION_TEXT: Final = Bilingual(
    "站点文件中人口为 0，无法计算比率", "population is 0 in the site file: no rate can be computed"
)
NO_POPULATION_TEXT: Final = Bilingual(
    "缺少人口数，无法计算比率", "no population for the period: no rate can be computed"
)
UNDER_WAY_TEXT: Final = Bilingual("本月未完，为截至目前的数字", "month under way: figures so far")
NOT_BEGUN_TEXT: Final = Bilingual("该月尚未开始", "the month has not begun")
SMALL_TEXT: Final = Bilingual(
    f"事件少于 {SMALL_EVENTS} 起，请看逐月运行图",
    f"fewer than {SMALL_EVENTS} events: read the months' run chart",
)


def _figure(p: Passport, state: FigureState, message: Bilingual, **values: Any) -> KpiFigure:
    fields: dict[str, Any] = {
        "value": None,
        "numerator": None,
        "denominator": None,
        "low": None,
        "high": None,
        "rag": Rag.NONE,
    }
    fields.update(values)
    return KpiFigure(key=p.key, series=series_id(p), state=state, message=message, **fields)


def _join(first: Bilingual, second: Bilingual | None) -> Bilingual:
    if second is None or not first.en:
        return second or first
    return Bilingual(f"{first.zh}；{second.zh}", f"{first.en}; {second.en}")


def error_figure(p: Passport, message: Bilingual) -> KpiFigure:
    """A figure that could not be computed, saying why (for the data layer's own failures)."""
    return _figure(p, FigureState.ERROR, message)


def not_begun_figure(p: Passport) -> KpiFigure:
    """A month that has not begun: no data, said so (never a count of 0 or last month's
    running total)."""
    return _figure(p, FigureState.NO_DATA, NOT_BEGUN_TEXT)


def as_of_month(figure: KpiFigure, p: Passport, month: date, current: date) -> KpiFigure:
    """`figure` as its month allows: a month after `current` has not begun; the current
    month's computed figure says that it is a figure so far."""
    if month > current:
        return not_begun_figure(p)
    if month == current and figure.state is FigureState.OK:
        extra = figure.message if figure.message.en or figure.message.zh else None
        return replace(figure, message=_join(UNDER_WAY_TEXT, extra), under_way=True)
    return figure


def _refusal(p: Passport, kind: Kind) -> KpiFigure | None:
    """An ERROR figure when the passport cannot give this figure, else None."""
    if not p.usable:
        blocking = [problem for problem in p.problems if problem.blocking]
        zh = "指标定义有误：" + "；".join(f"{b.field}：{b.message}" for b in blocking)
        en = "the passport is broken: " + "; ".join(f"{b.field}: {b.message}" for b in blocking)
        return error_figure(p, Bilingual(zh, en))
    if p.kind is not kind:
        message = Bilingual(
            f"指标类型是 {p.kind}，不是 {kind}", f"the passport is a {p.kind}, not a {kind}"
        )
        return error_figure(p, message)
    return None


def _judged(p: Passport, value: float) -> tuple[FigureState, Rag, Bilingual]:
    """State, RAG and message of a computed value against the passport's target."""
    target = effective_target(p)
    if target is None:
        missing = NO_TARGET_TEXT if p.target is None else NO_BASELINE_TEXT
        return FigureState.NO_TARGET, Rag.NONE, missing
    return FigureState.OK, rag(value, target, amber_band(p)), Bilingual("", "")


def count_figure(total: int | None, p: Passport) -> KpiFigure:
    """A count against its target; None: no data for the period (not the same as 0)."""
    refused = _refusal(p, Kind.COUNT)
    if refused is not None:
        return refused
    if total is None:
        return _figure(p, FigureState.NO_DATA, NO_DATA_TEXT)
    if total < 0:
        return error_figure(p, Bilingual(f"计数为负（{total}）", f"a negative count ({total})"))
    state, verdict, message = _judged(p, float(total))
    return _figure(p, state, message, value=float(total), numerator=total, rag=verdict)


def proportion_figure(k: int, n: int, p: Passport) -> KpiFigure:
    """k of n with its Wilson 95 % interval, or why there is no percentage to show.

    n = 0: no data. 0 < n < MIN_CELL (people only): suppressed, numbers withheld. n < min_n:
    too little data, the counts shown but no percentage (never 100 % from 3 answers).
    """
    refused = _refusal(p, Kind.PROPORTION)
    if refused is not None:
        return refused
    if n < 0 or k < 0:
        return error_figure(p, Bilingual(f"计数为负（{k}/{n}）", f"a negative count ({k} of {n})"))
    if k > n:
        message = Bilingual(
            f"分子 {k} 大于分母 {n}，请核对数据",
            f"the numerator {k} is larger than the denominator {n}: check the data",
        )
        return error_figure(p, message)
    # survey_score.proportion decides no data and small cells as the survey results do
    figure = proportion(k, n, MIN_CELL if p.personal else 1)
    if isinstance(figure, NoData):
        return _figure(p, FigureState.NO_DATA, NO_DATA_TEXT, numerator=0, denominator=0)
    if isinstance(figure, Suppressed):
        return _figure(p, FigureState.SUPPRESSED, SUPPRESSED_TEXT)
    if n < p.min_n:
        message = Bilingual(
            f"数据太少（n = {n} < {p.min_n}）", f"too little data (n = {n} < {p.min_n})"
        )
        return _figure(p, FigureState.TOO_LITTLE, message, numerator=k, denominator=n)
    state, verdict, message = _judged(p, figure.p)
    return _figure(
        p,
        state,
        message,
        value=figure.p,
        numerator=k,
        denominator=n,
        low=figure.lower,
        high=figure.upper,
        rag=verdict,
    )


def rate(events: int, resident_months: int) -> float:
    """Events per 10,000 residents per month; resident_months (> 0) is the population summed
    over the months (75,000 residents for 12 months: 900,000)."""
    return events / resident_months * PER_RESIDENTS


def rate_change_figure(
    current_events: int | None,
    current_resident_months: int | None,
    baseline_events: int | None,
    baseline_resident_months: int | None,
    p: Passport,
) -> KpiFigure:
    """(current rate − baseline rate) ÷ baseline rate, the baseline over the same calendar
    months (comparable_months) and incident types.

    The interval is approximate: the log of the ratio of two Poisson rates has a standard
    error of about √(1/a + 1/b) for a and b events (the usual large-count approximation,
    poor for small counts, which are therefore marked `small`). With no current events the
    log is undefined and no interval is given.
    """
    refused = _refusal(p, Kind.RATE_CHANGE)
    if refused is not None:
        return refused
    if current_events is None:
        return _figure(p, FigureState.NO_DATA, NO_DATA_TEXT)
    if current_resident_months is None or baseline_resident_months is None:
        return error_figure(p, NO_POPULATION_TEXT)
    if current_resident_months <= 0 or baseline_resident_months <= 0:
        return error_figure(p, ZERO_POPULATION_TEXT)
    if baseline_events is None:
        return error_figure(p, Bilingual("同期基线无数据", "no baseline data for the same months"))
    if current_events < 0 or baseline_events < 0:
        return error_figure(p, Bilingual("事件数为负", "a negative number of events"))
    now = rate(current_events, current_resident_months)
    before = rate(baseline_events, baseline_resident_months)
    detail = RateDetail(
        current_events,
        current_resident_months,
        now,
        baseline_events,
        baseline_resident_months,
        before,
    )
    if baseline_events == 0:
        message = Bilingual(
            "基线期比率为 0，无法计算变化率",
            "the baseline rate is 0: a change from zero cannot be computed",
        )
        # The events counted now are still shown: an error is not a reason to hide them.
        return dataclasses.replace(
            error_figure(p, message),
            numerator=current_events,
            denominator=current_resident_months,
            rate=detail,
        )
    change = now / before - 1
    low = high = None
    if current_events > 0:
        half = Z95 * math.sqrt(1 / current_events + 1 / baseline_events)
        log_ratio = math.log(now / before)
        low, high = math.exp(log_ratio - half) - 1, math.exp(log_ratio + half) - 1
    small = min(current_events, baseline_events) < SMALL_EVENTS
    state, verdict, message = _judged(p, change)
    if small:
        message = _join(message, SMALL_TEXT)
    return _figure(
        p,
        state,
        message,
        value=change,
        numerator=current_events,
        denominator=current_resident_months,
        low=low,
        high=high,
        rag=verdict,
        small=small,
        rate=detail,
    )


def as_suppressed(figure: KpiFigure, *, complement: bool = False) -> KpiFigure:
    """The figure with its numbers withheld (for a cell suppress() hides)."""
    return dataclasses.replace(
        figure,
        state=FigureState.SUPPRESSED,
        value=None,
        numerator=None,
        denominator=None,
        low=None,
        high=None,
        rag=Rag.NONE,
        rate=None,
        message=COMPLEMENT_TEXT if complement else SUPPRESSED_TEXT,
    )


def suppress(cells: Mapping[str, tuple[int, int]]) -> set[str]:
    """Cells of one breakdown to hide: every 0 < n < MIN_CELL, and protection for them.

    `cells` maps a row (a community, a month) to its (k, n); the rows add up to a total shown
    beside them. When exactly one row is hidden it equals the total minus the others, so the
    smallest other non-empty row is hidden too (ties by name, so every run hides the same).
    When the total itself is below MIN_CELL it is suppressed by its own figure and nothing
    can be worked out. Empty rows (n = 0) are shown: hiding them protects nothing that the
    total does not already tell.
    """
    hidden = {name for name, (_, n) in cells.items() if 0 < n < MIN_CELL}
    total = sum(n for _, n in cells.values())
    if len(hidden) == 1 and total >= MIN_CELL:
        rest = sorted((n, name) for name, (_, n) in cells.items() if n > 0 and name not in hidden)
        if rest:
            hidden.add(rest[0][1])
    return hidden


# --- run charts ----------------------------------------------------------------------------------

# Perla, Provost & Murray (2011), "The run chart: a simple analytical tool for learning from
# variation in healthcare processes", BMJ Qual Saf 20:46-51: a shift is 6 or more points on one
# side of the median, a trend 5 or more points all going up or all down, and the number of runs
# is judged once there are 10 or more useful points (points not on the median).
SHIFT_POINTS: Final = 6
TREND_POINTS: Final = 5
MIN_USEFUL_POINTS: Final = 10


@dataclass(frozen=True, slots=True)
class RunChart:
    """The IHI run-chart rules applied to a series (indices into the values given).

    `shifts` and `trends` are (first, last) index ranges, inclusive; `expected_runs` is the
    range of runs chance alone gives (None below 10 useful points).
    """

    median: float | None
    useful: int
    runs: int
    shifts: tuple[tuple[int, int], ...]
    trends: tuple[tuple[int, int], ...]
    expected_runs: tuple[int, int] | None
    too_few_runs: bool
    too_many_runs: bool
    too_few_points: bool

    @property
    def signal(self) -> bool:
        """Whether any rule finds non-random variation."""
        return bool(self.shifts or self.trends or self.too_few_runs or self.too_many_runs)


def runs_limits(useful: int) -> tuple[int, int]:
    """The fewest and most runs expected by chance among `useful` points (5 %, two-sided).

    Fewer runs than the first is "too few", more than the second "too many". Perla et al.'s
    Table 1 is a reformatting of Swed & Eisenhart's (1943) tables of the number of runs; this
    computes the same exact distribution for the points split evenly above and below the
    median, 2.5 % in each tail, for any number of points rather than a transcribed 10..60.
    """
    if useful < 2:
        raise ValueError("runs need at least two useful points")
    below = useful // 2
    above = useful - below
    ways = {r: _arrangements(below, above, r) for r in range(2, useful + 1)}
    total = math.comb(useful, below)

    # P(R < r) <= 2.5 % in integers: 40 * ways <= total
    def tail_ok(count: int) -> bool:
        return 40 * count <= total

    fewest = max(r for r in range(2, useful + 2) if tail_ok(sum(ways[q] for q in ways if q < r)))
    most = min(r for r in range(1, useful + 1) if tail_ok(sum(ways[q] for q in ways if q > r)))
    return fewest, most


def _arrangements(n1: int, n2: int, runs: int) -> int:
    """How many orders of n1 below and n2 above points have exactly `runs` runs."""

    def c(n: int, k: int) -> int:
        return math.comb(n, k) if 0 <= k <= n else 0

    k, odd = divmod(runs, 2)
    if not odd:
        return 2 * c(n1 - 1, k - 1) * c(n2 - 1, k - 1)
    return c(n1 - 1, k) * c(n2 - 1, k - 1) + c(n1 - 1, k - 1) * c(n2 - 1, k)


def run_chart(values: Sequence[float | None], *, median_of_first: int | None = None) -> RunChart:
    """Median, shifts, trends and runs of a series; None values (months without data) are
    skipped: they neither break nor add to a shift or a trend.

    `median_of_first`: take the median of the first that many values only (a baseline period,
    frozen so later improvement is measured against it), else of all values.
    """
    points = [(i, float(v)) for i, v in enumerate(values) if v is not None]
    base = [v for i, v in points if median_of_first is None or i < median_of_first]
    if not base:
        return RunChart(None, 0, 0, (), (), None, False, False, True)
    median = statistics.median(base)
    # points on the median neither break a shift nor add to it, nor count as runs
    sides = [(i, v > median) for i, v in points if v != median]
    runs = sum(1 for j in range(len(sides)) if j == 0 or sides[j][1] != sides[j - 1][1])
    useful = len(sides)
    expected = runs_limits(useful) if useful >= MIN_USEFUL_POINTS else None
    return RunChart(
        median=median,
        useful=useful,
        runs=runs,
        shifts=_shifts(sides),
        trends=_trends(points),
        expected_runs=expected,
        too_few_runs=expected is not None and runs < expected[0],
        too_many_runs=expected is not None and runs > expected[1],
        too_few_points=useful < MIN_USEFUL_POINTS,
    )


def _shifts(sides: Sequence[tuple[int, bool]]) -> tuple[tuple[int, int], ...]:
    out = []
    start = 0
    for j in range(1, len(sides) + 1):
        if j == len(sides) or sides[j][1] != sides[start][1]:
            if j - start >= SHIFT_POINTS:
                out.append((sides[start][0], sides[j - 1][0]))
            start = j
    return tuple(out)


def _trends(points: Sequence[tuple[int, float]]) -> tuple[tuple[int, int], ...]:
    # equal neighbours neither break a trend nor add to it: only the first of a repeat counts
    distinct: list[tuple[int, float]] = []
    for i, v in points:
        if not distinct or distinct[-1][1] != v:
            distinct.append((i, v))
    out = []
    start = 0  # where the current stretch of steps in one direction begins
    for j in range(2, len(distinct) + 1):
        if j < len(distinct):
            up = distinct[j][1] > distinct[j - 1][1]
            if up == (distinct[j - 1][1] > distinct[j - 2][1]):
                continue
        if j - start >= TREND_POINTS:
            out.append((distinct[start][0], distinct[j - 1][0]))
        start = j - 1  # the turning point begins the next stretch too
    return tuple(out)

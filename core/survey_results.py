"""Results of a survey round: participation, CSAT, NPS, breakdowns, self vs assisted."""

# Self-answered and assisted figures are always given side by side (and together) so that a
# worker's presence, which tends to raise stated satisfaction, can be seen and cannot quietly
# lift the headline. Small cells (1..4 answers) are suppressed, and so is a second cell
# wherever a single suppressed one could be worked back from a total (secondary suppression).

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from core.survey import Form, Kind, Question
from core.survey_score import (
    MIN_CELL,
    Figure,
    NoData,
    NpsScore,
    Proportion,
    Suppressed,
    nps_counts,
    proportion,
)

ASSISTED_MODES = frozenset({"staff", "phone", "family"})
DIMENSIONS = ("community", "age_band", "care_flag")
UNKNOWN = "unknown"  # a response without a person (paper without a slip) has no age band
CARE, NO_CARE = "care", "no care"
SELF, ASSISTED, TOTAL = "self", "assisted", "total"
COLUMNS = (SELF, ASSISTED, TOTAL)

NpsFigure = NpsScore | Suppressed | NoData
Count = int | Suppressed
T = TypeVar("T")


class RowLike(Protocol):
    """What results read of a response (data.services.surveys.ResponseRow fits)."""

    @property
    def answers(self) -> Mapping[str, object]: ...
    @property
    def mode(self) -> str: ...
    @property
    def helped(self) -> bool: ...
    @property
    def community(self) -> str: ...
    @property
    def age_band(self) -> str: ...
    @property
    def care_flag(self) -> bool: ...
    @property
    def complete(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One response as results need it: answers and who answered how, never who."""

    answers: Mapping[str, object]
    mode: str
    helped: bool
    community: str
    age_band: str
    care_flag: bool
    complete: bool


@dataclass(frozen=True, slots=True)
class FrameCell:
    """How many people of the frame share a community, age band and care flag."""

    community: str
    age_band: str
    care_flag: bool
    count: int


@dataclass(frozen=True, slots=True)
class Split(Generic[T]):
    """One figure for self-answered, assisted and all responses, always reported together."""

    self_answered: T
    assisted: T
    total: T

    def get(self, column: str) -> T:
        return {SELF: self.self_answered, ASSISTED: self.assisted, TOTAL: self.total}[column]


@dataclass(frozen=True, slots=True)
class Group(Generic[T]):
    """One row of a breakdown: a dimension (community, age_band, care_flag) and its value."""

    dimension: str
    value: str
    figure: Split[T]


@dataclass(frozen=True, slots=True)
class Measure(Generic[T]):
    """A reported measure of one question (CSAT or NPS): overall and by group."""

    question: str
    text: str
    kind: str  # "csat" or "nps"
    overall: Split[T]
    groups: tuple[Group[T], ...]

    def by(self, dimension: str) -> tuple[Group[T], ...]:
        return tuple(g for g in self.groups if g.dimension == dimension)


@dataclass(frozen=True, slots=True)
class Option:
    """One answer option of a distribution: answers that chose it (small counts suppressed)."""

    code: str
    label: str
    count: Split[Count]


@dataclass(frozen=True, slots=True)
class Distribution:
    """How the answers to a choice, rating or NPS question spread over its options."""

    question: str
    text: str
    answered: Split[Count]
    options: tuple[Option, ...]


@dataclass(frozen=True, slots=True)
class RoundResults:
    """Everything reported of a round; complete responses only, partial ones counted apart."""

    title: str
    frame: int
    respondents: Split[int]
    partial: Split[int]
    participation: Split[Figure]
    participation_groups: tuple[Group[Figure], ...]
    csat: tuple[Measure[Figure], ...]
    nps: tuple[Measure[NpsFigure], ...]
    distributions: tuple[Distribution, ...]

    @property
    def measures(self) -> tuple[Measure[Figure] | Measure[NpsFigure], ...]:
        """Every CSAT, then every NPS measure."""
        return (*self.csat, *self.nps)

    @property
    def empty(self) -> bool:
        return self.respondents.total == 0 and self.partial.total == 0


def is_assisted(row: RowLike) -> bool:
    """Staff, phone or family mode, or anyone's help recorded."""
    return row.helped or row.mode in ASSISTED_MODES


# --- suppression ----------------------------------------------------------------------------

Cell = tuple[str, str, str]  # (dimension, value, column); dimension "" is the overall row
_OVERALL = ("", "")


def suppressed_cells(sizes: Mapping[Cell, int], *, columns_add_up: bool = True) -> set[Cell]:
    """Cells to suppress given their sizes: every 1..4, then complements until none leaks.

    Within a row self + assisted = total, within a column the groups add to the overall
    row; a single hidden cell (among the non-empty ones) in either would be found by
    subtraction, so a second one is hidden too. The second is the one that closes another
    gap at the same time if there is one (a cell of a row or column with one hidden cell
    already), else the other half of a row before its total and the smallest group of a
    column; the overall cell only when no group is left.
    """
    out = {c for c, n in sizes.items() if 0 < n < MIN_CELL}
    # sorted: the same sizes hide the same cells in every process (set order is per process)
    rows = sorted({(d, v) for d, v, _ in sizes})
    dims = sorted({d for d, _ in rows if d}) if columns_add_up else []
    live = {c for c, n in sizes.items() if n > 0}

    def in_column(c: Cell) -> int:
        return sum(1 for x in out if x[0] == c[0] and x[2] == c[2] and x[0] and x in live)

    def in_row(c: Cell) -> int:
        return sum(1 for col in COLUMNS if (c[0], c[1], col) in out and (c[0], c[1], col) in live)

    changed = True
    while changed:
        changed = False
        for d, v in rows:
            cells = [(d, v, col) for col in COLUMNS if (d, v, col) in live]
            if sum(c in out for c in cells) == 1:
                closes = columns_add_up and bool(d)
                rest = sorted(
                    (not (closes and in_column(c) == 1), c[2] == TOTAL, sizes[c], c)
                    for c in cells
                    if c not in out
                )
                out.add(rest[0][3])
                changed = True
        for d in dims:
            for col in COLUMNS:
                cells = [c for c in sizes if c[0] == d and c[2] == col and c in live]
                cells.append((*_OVERALL, col))
                if cells[-1] in live and sum(c in out for c in cells) == 1:
                    rest = sorted(
                        (c[0] == "", in_row(c) != 1, sizes[c], c) for c in cells if c not in out
                    )
                    out.add(rest[0][3])
                    changed = True
    return out


# --- computation ----------------------------------------------------------------------------


def _csat_value(q: Question, value: object) -> str | None:
    if q.kind is Kind.RATING:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else None
    return value if isinstance(value, str) else None


def _nps_value(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10:
        return value
    return None


def _columns(assisted: bool) -> tuple[str, str]:
    return (ASSISTED if assisted else SELF, TOTAL)


def _measure(
    q: Question,
    kind: str,
    tallies: Mapping[Cell, Counter[object]],
    size: Callable[[Counter[object]], int],
    figure: Callable[[Counter[object]], T],
    hidden: T,
    nothing: T,
) -> Measure[T]:
    sizes = {c: size(t) for c, t in tallies.items()}
    secret = suppressed_cells(sizes)

    def cell(d: str, v: str, col: str) -> T:
        c = (d, v, col)
        if c in secret:
            return hidden
        t = tallies.get(c)
        return figure(t) if t is not None else nothing

    def split(d: str, v: str) -> Split[T]:
        return Split(cell(d, v, SELF), cell(d, v, ASSISTED), cell(d, v, TOTAL))

    values = sorted(
        {(d, v) for d, v, _ in tallies if d}, key=lambda dv: (DIMENSIONS.index(dv[0]), dv[1])
    )
    return Measure(
        q.id, q.text, kind, split(*_OVERALL), tuple(Group(d, v, split(d, v)) for d, v in values)
    )


Key = tuple[str, str, str, bool]  # community, age band, care flag, assisted
Tally = list[tuple[Key, Counter[object]]]  # one question's answers counted per key


def _cells(key: Key) -> list[Cell]:
    community, band, care, assisted = key
    cols = _columns(assisted)
    rows = (_OVERALL, ("community", community), ("age_band", band), ("care_flag", care))
    return [(d, v, col) for d, v in rows for col in cols]


def _csat_measure(q: Question, tally: Tally) -> Measure[Figure]:
    tallies: dict[Cell, Counter[object]] = defaultdict(Counter)
    excluded = set(q.dont_know)
    satisfied = set(q.satisfied)
    valid = {c.code for c in q.choices} if q.kind is Kind.SINGLE else None
    for key, counts in tally:
        cells = _cells(key)
        for raw, n in counts.items():
            value = _csat_value(q, raw)
            if value is None or value in excluded or (valid is not None and value not in valid):
                continue
            outcome = value in satisfied
            for c in cells:
                tallies[c][outcome] += n

    def figure(t: Counter[object]) -> Figure:
        return proportion(t[True], t[True] + t[False])

    return _measure(q, "csat", tallies, lambda t: t.total(), figure, Suppressed(), NoData())


def _nps_measure(q: Question, tally: Tally) -> Measure[NpsFigure]:
    tallies: dict[Cell, Counter[object]] = defaultdict(Counter)
    for key, counts in tally:
        cells = _cells(key)
        for raw, n in counts.items():
            value = _nps_value(raw)
            if value is None:
                continue
            for c in cells:
                tallies[c][value] += n

    def figure(t: Counter[object]) -> NpsFigure:
        pro = sum(k for s, k in t.items() if isinstance(s, int) and s >= 9)
        det = sum(k for s, k in t.items() if isinstance(s, int) and s <= 6)
        return nps_counts(pro, det, t.total())

    return _measure(q, "nps", tallies, lambda t: t.total(), figure, Suppressed(), NoData())


def _options(q: Question) -> list[tuple[str, str]]:
    if q.kind in (Kind.SINGLE, Kind.MULTIPLE):
        return [(c.code, c.label) for c in q.choices]
    if q.kind is Kind.RATING:
        return [(str(v), str(v)) for v in range(1, int(q.max or 5) + 1)]
    return [(str(v), str(v)) for v in range(11)]


def _distribution(q: Question, tally: Tally) -> Distribution:
    options = _options(q)
    known = {code for code, _ in options}
    tallies: dict[str, Counter[str]] = {col: Counter() for col in COLUMNS}
    answered: Counter[str] = Counter()
    for key, counts in tally:
        cols = _columns(key[3])
        for value, n in counts.items():
            if isinstance(value, tuple):
                codes = {str(v) for v in value}
            elif value is None or isinstance(value, bool):
                codes = set()
            else:
                codes = {str(value)}
            codes &= known
            if not codes:
                continue
            for col in cols:
                answered[col] += n
                for code in codes:
                    tallies[col][code] += n
    # the options are the groups of one dimension; "answered" is their overall row
    sizes: dict[Cell, int] = {}
    for col in COLUMNS:
        sizes[(*_OVERALL, col)] = answered[col]
        for code, _ in options:
            sizes[("option", code, col)] = tallies[col][code]
    # several options per answer: options do not add up to "answered", only rows can leak
    secret = suppressed_cells(sizes, columns_add_up=q.kind is not Kind.MULTIPLE)

    def count(c: Cell) -> Count:
        return Suppressed() if c in secret else sizes[c]

    return Distribution(
        q.id,
        q.text,
        Split(*(count((*_OVERALL, col)) for col in COLUMNS)),
        tuple(
            Option(code, label, Split(*(count(("option", code, col)) for col in COLUMNS)))
            for code, label in options
        ),
    )


def _participation(
    frame: list[FrameCell], counted: Counter[Cell]
) -> tuple[Split[Figure], tuple[Group[Figure], ...]]:
    sizes: Counter[tuple[str, str]] = Counter()
    for f in frame:
        band, care = f.age_band or UNKNOWN, CARE if f.care_flag else NO_CARE
        for dv in (_OVERALL, ("community", f.community), ("age_band", band), ("care_flag", care)):
            sizes[dv] += f.count

    def fig(d: str, v: str, col: str) -> Figure:
        # a response taken outside the frame (paper without a slip) cannot push a rate past 1
        n = sizes[(d, v)]
        return proportion(min(counted[(d, v, col)], n), n)

    def split(d: str, v: str) -> Split[Figure]:
        return Split(fig(d, v, SELF), fig(d, v, ASSISTED), fig(d, v, TOTAL))

    keys = {dv for dv in sizes if dv[0]} | {(d, v) for d, v, _ in counted if d}
    ordered = sorted(keys, key=lambda dv: (DIMENSIONS.index(dv[0]), dv[1]))
    return split(*_OVERALL), tuple(Group(d, v, split(d, v)) for d, v in ordered)


def compute(form: Form, rows: Iterable[RowLike], frame: Iterable[FrameCell]) -> RoundResults:
    """The results of a round: `rows` its kept responses, `frame` its sampling frame counts."""
    asked = [
        q.id
        for q in form.questions
        if q.measure == "csat" or q.kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.RATING, Kind.NPS)
    ]
    # One pass over the rows into counts per (community, band, care, assisted) and answer;
    # every figure is then made from those few hundred keys, not from the rows again.
    tallies: dict[Key, dict[str, Counter[object]]] = {}
    respondents: Counter[str] = Counter()
    partial: Counter[str] = Counter()
    for row in rows:
        assisted = is_assisted(row)
        cols = _columns(assisted)
        if not row.complete:
            partial.update(cols)
            continue
        respondents.update(cols)
        key = (
            row.community,
            row.age_band or UNKNOWN,
            CARE if row.care_flag else NO_CARE,
            assisted,
        )
        per_q = tallies.get(key)
        if per_q is None:
            per_q = tallies[key] = {qid: Counter() for qid in (*asked, "")}
        per_q[""][None] += 1  # the respondents of the key
        answers = row.answers
        for qid in asked:
            value = answers.get(qid)
            if isinstance(value, list):
                value = tuple(value)
            elif isinstance(value, (dict, set)):
                continue  # not an answer these questions take
            per_q[qid][value] += 1
    counted: Counter[Cell] = Counter()
    for key, per_q in tallies.items():
        for c in _cells(key):
            counted[c] += per_q[""][None]

    def tally(qid: str) -> Tally:
        return [(key, per_q[qid]) for key, per_q in tallies.items()]

    frame_cells = list(frame)
    part, part_groups = _participation(frame_cells, counted)
    return RoundResults(
        title=form.title,
        frame=sum(f.count for f in frame_cells),
        respondents=Split(respondents[SELF], respondents[ASSISTED], respondents[TOTAL]),
        partial=Split(partial[SELF], partial[ASSISTED], partial[TOTAL]),
        participation=part,
        participation_groups=part_groups,
        csat=tuple(_csat_measure(q, tally(q.id)) for q in form.questions if q.measure == "csat"),
        nps=tuple(_nps_measure(q, tally(q.id)) for q in form.questions if q.kind is Kind.NPS),
        distributions=tuple(
            _distribution(q, tally(q.id))
            for q in form.questions
            if q.kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.RATING, Kind.NPS)
        ),
    )


def percent(fig: Figure | NpsFigure) -> str:
    """A figure as short text: "90.0 % [78.6–95.7]", "+42 [30–54]", "<5" or "–"."""
    if isinstance(fig, Suppressed):
        return f"<{MIN_CELL}"
    if isinstance(fig, NoData):
        return "–"
    if isinstance(fig, Proportion):
        return f"{100 * fig.p:.1f} % [{100 * fig.lower:.1f}–{100 * fig.upper:.1f}]"
    return f"{fig.score:+.0f} [{fig.lower:+.0f}–{fig.upper:+.0f}]"

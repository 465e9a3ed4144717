"""Results math of surveys: CSAT and participation with Wilson intervals, NPS, small cells."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass

MIN_CELL = 5  # cells with fewer answers are suppressed so nobody can be singled out
Z95 = 1.959963984540054  # the 97.5th percentile of the standard normal


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A cell too small to publish (fewer than MIN_CELL answers): never shown as a number."""

    def __str__(self) -> str:
        return f"n < {MIN_CELL}"


@dataclass(frozen=True, slots=True)
class NoData:
    """No valid answers at all: not 0 % and not 100 %."""

    def __str__(self) -> str:
        return "no data"


@dataclass(frozen=True, slots=True)
class Proportion:
    """k of n, with its Wilson 95 % score interval."""

    k: int
    n: int
    p: float
    lower: float
    upper: float


@dataclass(frozen=True, slots=True)
class NpsScore:
    """Net promoter score in points (−100..100) with its 95 % interval."""

    n: int
    promoters: int
    detractors: int
    score: float
    lower: float
    upper: float


Figure = Proportion | Suppressed | NoData


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for k successes in n trials."""
    if n <= 0 or not 0 <= k <= n:
        raise ValueError("need 0 <= k <= n and n > 0")
    p = k / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, min(p, centre - half)), min(1.0, max(p, centre + half))


def proportion(k: int, n: int, min_n: int = MIN_CELL) -> Figure:
    """k of n as a figure: no data at n = 0, suppressed below min_n."""
    if n == 0:
        return NoData()
    if n < min_n:
        return Suppressed()
    lo, hi = wilson(k, n)
    return Proportion(k, n, k / n, lo, hi)


def csat(
    answers: Iterable[str | None],
    satisfied: Collection[str],
    excluded: Collection[str] = (),
    min_n: int = MIN_CELL,
) -> Figure:
    """Share satisfied of valid answers; `excluded` codes (don't know) and blanks not counted."""
    valid = [a for a in answers if a is not None and a not in excluded]
    return proportion(sum(1 for a in valid if a in satisfied), len(valid), min_n)


def nps(scores: Iterable[int | None], min_n: int = MIN_CELL) -> NpsScore | Suppressed | NoData:
    """% promoters (9–10) − % detractors (0–6), with a normal-approximation 95 % interval."""
    valid = [s for s in scores if s is not None]
    if any(not _whole(s) or not 0 <= s <= 10 for s in valid):
        raise ValueError("NPS scores are whole numbers from 0 to 10")
    pro = sum(1 for s in valid if s >= 9)
    det = sum(1 for s in valid if s <= 6)
    return nps_counts(pro, det, len(valid), min_n)


def nps_counts(pro: int, det: int, n: int, min_n: int = MIN_CELL) -> NpsScore | Suppressed | NoData:
    """NPS from counts: `pro` promoters and `det` detractors among `n` valid scores."""
    if not 0 <= pro + det <= n or pro < 0 or det < 0:
        raise ValueError("need promoters + detractors <= n")
    if n == 0:
        return NoData()
    if n < min_n:
        return Suppressed()
    pp, pd = pro / n, det / n
    diff = pp - pd
    var = max(0.0, pp + pd - diff * diff)
    half = Z95 * math.sqrt(var / n)
    return NpsScore(
        n, pro, det, 100 * diff, 100 * max(-1.0, diff - half), 100 * min(1.0, diff + half)
    )


def participation(respondents: int, frame: int, min_n: int = MIN_CELL) -> Figure:
    """Respondents over the sampling frame."""
    if respondents > frame or respondents < 0:
        raise ValueError("respondents must be between 0 and the frame size")
    return proportion(respondents, frame, min_n)

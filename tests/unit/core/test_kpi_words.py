"""The KPI's numbers in words, one formatter for the pane, the reports and the CLI."""

from __future__ import annotations

import dataclasses
from importlib.resources import files
from pathlib import Path

from core.indicators import (
    Baseline,
    Kind,
    count_figure,
    proportion_figure,
    rate_change_figure,
    read_passports,
)
from core.kpi import counts_text, interval_text, number, target_text, value_text

PASSPORTS = read_passports(Path(str(files("resources") / "indicators.toml")), None)


def get(key: str):  # type: ignore[no-untyped-def]
    p = PASSPORTS.get(key)
    assert p is not None
    return p


def test_values_and_counts_in_their_units_with_a_real_minus() -> None:
    assert number(0.9, Kind.PROPORTION) == "90.0 %"
    assert number(-0.3333, Kind.RATE_CHANGE) == "−33.3 %"
    assert number(0.12, Kind.RATE_CHANGE) == "+12.0 %"
    assert number(-0.00001, Kind.RATE_CHANGE) == "0.0 %"  # never "−0.0 %"
    assert number(10234, Kind.COUNT) == "10,234"
    sat = get("satisfaction")
    f = proportion_figure(45, 50, sat)
    assert (value_text(f, sat, False), counts_text(f, sat.kind)) == ("90.0 %", "45 / 50")
    assert interval_text(f, sat.kind).endswith(" %")
    assert "–" in interval_text(f, sat.kind)
    withheld = proportion_figure(3, 4, sat)
    assert counts_text(withheld, sat.kind, missing="—") == "—"
    screenings = get("screenings")
    assert counts_text(count_figure(None, screenings), Kind.COUNT, missing="—") == "—"


def test_a_change_shows_its_events_and_its_interval_as_a_range_of_changes() -> None:
    incidents = get("security_incidents")
    f = rate_change_figure(20, 75_000, 30, 75_000, incidents)
    assert counts_text(f, incidents.kind) == "20 / 30"  # events now / in the baseline
    text = interval_text(f, incidents.kind)
    assert " … " in text
    assert text.endswith(" %")
    assert target_text(incidents) == "≤ −30 %"


def test_targets_as_the_passport_writes_them_in_both_languages() -> None:
    assert target_text(get("satisfaction")) == "≥ 90 %"
    assert target_text(get("screenings")) == "≥ 10,000"
    convenience = get("convenience")
    assert target_text(convenience) == "≥ baseline +20 %"  # no baseline measured yet
    assert target_text(convenience, zh=True) == "≥ 基线 +20 %"
    measured = dataclasses.replace(convenience, baseline=Baseline(0.6, None))
    assert target_text(measured) == "≥ 72 % (baseline +20 %)"
    assert target_text(measured, zh=True) == "≥ 72 %（基线 +20 %）"
    assert target_text(dataclasses.replace(convenience, target=None)) == ""

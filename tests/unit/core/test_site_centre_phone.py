"""[site] centre_phone: the number a station shows after a panic press without a link."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.site import SiteError, SiteSpec, parse_site

DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo" / "site.toml"


def test_the_demo_site_gives_the_centre_phone(demo_site: SiteSpec) -> None:
    assert demo_site.centre_phone == "022-26580000"


def test_without_it_the_number_is_empty() -> None:
    text = DEMO.read_text(encoding="utf-8").replace('centre_phone = "022-26580000"\n', "")
    assert parse_site(text, DEMO).centre_phone == ""


def test_a_number_must_be_text() -> None:
    text = DEMO.read_text(encoding="utf-8").replace(
        'centre_phone = "022-26580000"', "centre_phone = 2226580000"
    )
    with pytest.raises(SiteError, match="centre_phone"):
        parse_site(text, DEMO)

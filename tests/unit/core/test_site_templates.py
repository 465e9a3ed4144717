"""Quick templates and the duplicate window in the site file."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.duplicates import DEFAULT_WINDOW_MINUTES
from core.site import SiteError, load_site, parse_site
from core.templates import QuickTemplate
from tests.unit.core.test_site import BASE

TYPE = """
[[incident_type]]
code = "ELDERLY"
name = "独居老人求助"
priority = 1
acknowledge_minutes = 2
resolve_minutes = 60
"""


def errors(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SiteError) as caught:
        load_site(path)
    return [f"{p.field}: {p.message}" for p in caught.value.problems]


def test_templates_are_read_per_type(tmp_path: Path) -> None:
    text = BASE + TYPE + 'templates = ["独居老人未开门|邻居反映已两天未见出门", "摔倒"]\n'
    site = parse_site(text, tmp_path / "x.toml")
    assert site.incident_types[0].templates == (
        QuickTemplate("独居老人未开门", "邻居反映已两天未见出门"),
        QuickTemplate("摔倒", ""),
    )
    assert site.duplicate_minutes == DEFAULT_WINDOW_MINUTES


def test_templates_without_a_title_too_many_or_twice_are_refused(tmp_path: Path) -> None:
    many = ", ".join(f'"模板{i}|说明"' for i in range(10))
    assert any(
        "at most 9 templates" in e
        for e in errors(tmp_path, BASE + TYPE + f"templates = [{many}]\n")
    )
    found = errors(tmp_path, BASE + TYPE + 'templates = ["|只有说明", "甲|一", "甲|二"]\n')
    assert any(e.startswith("incident_type[0].templates[0]") and "title" in e for e in found)
    assert any("'甲' is used twice" in e for e in found)


def test_the_duplicate_window_is_a_site_setting(tmp_path: Path) -> None:
    text = BASE.replace('name = "测试街道"', 'name = "测试街道"\nduplicate_minutes = 45', 1)
    assert parse_site(text, tmp_path / "x.toml").duplicate_minutes == 45
    bad = BASE.replace('name = "测试街道"', 'name = "测试街道"\nduplicate_minutes = 0', 1)
    assert any(e.startswith("site.duplicate_minutes") for e in errors(tmp_path, bad))


def test_the_demo_site_has_templates_for_every_type() -> None:
    site = load_site(Path(__file__).parents[3] / "resources" / "demo" / "site.toml")
    assert all(t.templates for t in site.incident_types)

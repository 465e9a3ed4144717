"""The site file's `[site] four_eyes` setting: true by default, validated, false relaxes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.site import SiteError, load_site

DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo" / "site.toml"


def _site(tmp_path: Path, line: str | None) -> Path:
    text = DEMO.read_text(encoding="utf-8").replace("four_eyes = true\n", "")
    if line is not None:
        text = text.replace('timezone = "Asia/Shanghai"\n', f'timezone = "Asia/Shanghai"\n{line}\n')
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_four_eyes_is_on_unless_the_site_says_false(tmp_path: Path) -> None:
    assert load_site(DEMO).four_eyes
    assert load_site(_site(tmp_path, None)).four_eyes
    assert not load_site(_site(tmp_path, "four_eyes = false")).four_eyes


@pytest.mark.parametrize("value", ['"no"', "0", '"false"'])
def test_anything_but_a_boolean_is_an_error_naming_the_line(tmp_path: Path, value: str) -> None:
    path = _site(tmp_path, f"four_eyes = {value}")
    with pytest.raises(SiteError) as caught:
        load_site(path)
    assert caught.value.field.endswith("four_eyes")
    wanted = path.read_text(encoding="utf-8").splitlines().index(f"four_eyes = {value}") + 1
    assert caught.value.line == wanted

"""The site file's `[site] welfare_type`: a known incident type, else the medical alarms' type."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.site import SiteError, load_site

DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo" / "site.toml"


def _site(tmp_path: Path, line: str | None, *, medical: str | None = "ELDERLY") -> Path:
    text = DEMO.read_text(encoding="utf-8").replace('welfare_type = "ELDERLY"\n', "")
    if line is not None:
        text = text.replace('timezone = "Asia/Shanghai"\n', f'timezone = "Asia/Shanghai"\n{line}\n')
    if medical != "ELDERLY":
        replacement = "" if medical is None else f'medical = "{medical}"\n'
        text = text.replace('medical = "ELDERLY"\n', replacement)
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_welfare_type_is_the_sites_or_the_medical_alarms(tmp_path: Path) -> None:
    assert load_site(DEMO).welfare_type == "ELDERLY"
    assert load_site(_site(tmp_path, 'welfare_type = "MISSING"')).welfare_type == "MISSING"
    assert load_site(_site(tmp_path, None)).welfare_type == "ELDERLY"
    assert load_site(_site(tmp_path, None, medical="FIRE")).welfare_type == "FIRE"


def test_an_unknown_welfare_type_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = _site(tmp_path, 'welfare_type = "ELDERY"')
    with pytest.raises(SiteError) as caught:
        load_site(path)
    assert caught.value.field.endswith("welfare_type")
    assert "ELDERLY" in str(caught.value)  # the close match is suggested
    wanted = path.read_text(encoding="utf-8").splitlines().index('welfare_type = "ELDERY"') + 1
    assert caught.value.line == wanted

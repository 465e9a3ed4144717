"""`console screening register|licences`: an instrument that needs permission goes in only with
its licence, as a new version each time, and the register lists it."""

from __future__ import annotations

from pathlib import Path

from console.startup import EXIT_OK, EXIT_REFUSED, EXIT_USAGE
from tests.helpers.cli import run_cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "screening" / "ad8-structure-example.json"


def test_a_licensed_instrument_is_registered_in_versions_and_listed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    base = ["--db", url, "--keys", str(tmp_path / "keys")]
    assert run_cli(tmp_path, *base, "demo", "--population", "0").returncode == EXIT_OK
    licence = ["--holder", "咸阳北路街道", "--reference", "WU-2026-17", "--granted", "2026-01-01"]
    first = run_cli(tmp_path, *base, "screening", "register", str(EXAMPLE), *licence)
    assert first.returncode == EXIT_OK, first.stderr
    assert first.stdout.strip() == "registered AD8@1"
    second = run_cli(tmp_path, *base, "screening", "register", str(EXAMPLE), *licence)
    assert second.stdout.strip() == "registered AD8@2"
    lapsed = run_cli(
        tmp_path,
        *base,
        "screening",
        "register",
        str(EXAMPLE),
        "--holder",
        "x",
        "--reference",
        "y",
        "--granted",
        "2020-01-01",
        "--expires",
        "2020-12-31",
    )
    assert lapsed.returncode == EXIT_REFUSED
    assert "not in force" in lapsed.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{"code": "AD8"', encoding="utf-8")
    bad = run_cli(tmp_path, *base, "screening", "register", str(broken), *licence)
    assert bad.returncode == EXIT_USAGE
    assert "instrument definition" in bad.stderr
    listed = run_cli(tmp_path, *base, "screening", "licences")
    assert listed.returncode == EXIT_OK
    lines = listed.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["AD8@2", "AD8@1"]
    assert all("WU-2026-17" in line and "in force" in line for line in lines)

"""`python -m console --screenshot` run as a user runs it: nothing but the PNG path comes out."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.cli import run_cli_process


def test_screenshot_leaves_stderr_clean(tmp_path: Path) -> None:
    """Regression: every screenshot printed 'This plugin does not support
    propagateSizeHints()' twice on stderr (the offscreen plugin's noise, not a problem)."""
    out = tmp_path / "shot.png"
    proc = run_cli_process(tmp_path, "--screenshot", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.is_file()
    assert proc.stdout.strip() == str(out)
    assert proc.stderr == ""

"""Running `python -m console` as a user would, with its files kept inside the test's tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli_env(tmp_path: Path) -> dict[str, str]:
    """The environment without CONSOLE_DB, with HOME and XDG folders under tmp_path."""
    env = {k: v for k, v in os.environ.items() if k != "CONSOLE_DB"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_STATE_HOME=str(tmp_path / "xdg-state"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        XDG_CACHE_HOME=str(tmp_path / "xdg-cache"),
    )
    return env


def run_cli(
    tmp_path: Path, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the console's command line and return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        cwd=ROOT,
        env=cli_env(tmp_path),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
    )

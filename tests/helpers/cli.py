"""Running `python -m console` as a user would, with its files kept inside the test's tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli_env(tmp_path: Path) -> dict[str, str]:
    """The environment without CONSOLE_DB (nor a database password), with HOME and XDG
    folders under tmp_path."""
    unset = {"CONSOLE_DB", "CONSOLE_DB_PASSWORD_FILE", "PGPASSWORD", "PGPASSFILE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
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
    tmp_path: Path, *args: str, stdin: str | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the console's command line and return the finished process (`env`: added)."""
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        cwd=ROOT,
        env={**cli_env(tmp_path), **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
    )

"""The in-process CLI runner leaves the test process as it found it."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from console.startup import EXIT_OK
from tests.helpers.cli import run_cli


def test_a_run_gives_back_the_environment_streams_folder_and_log_handlers(tmp_path: Path) -> None:
    """A run left the command's stderr log handler on the root logger (one per run)."""
    root = logging.getLogger()
    before = (dict(os.environ), os.getcwd(), sys.stdout, sys.stderr, list(root.handlers))
    for _ in range(2):
        done = run_cli(tmp_path, "site", "check")
        assert done.returncode == EXIT_OK, done.stderr
        assert "20 communities" in done.stdout
    after = (dict(os.environ), os.getcwd(), sys.stdout, sys.stderr, list(root.handlers))
    assert after == before


def test_a_usage_error_ends_as_argparse_ends_a_process(tmp_path: Path) -> None:
    bad = run_cli(tmp_path, "no-such-command")
    assert bad.returncode == 2  # argparse
    assert "invalid choice" in bad.stderr
    assert bad.stdout == ""

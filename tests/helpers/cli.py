"""Running the console's command line as a user would, with its files kept inside tmp_path.

`run_cli` calls `console.cli.main` in the test's own process, with the environment, working
folder and standard streams a separate `python -m console` would have (the root logger keeps
the test's handlers; the command's own are removed after it): a launch spends about two seconds
importing the data layer, which the test process has already paid for. `run_cli_process` starts
the real `python -m console`, for what only a process shows: the entry point opening, seeding
and closing a database, and what reaches the real stderr.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
import sys
import threading
import traceback
from collections.abc import Iterator, Mapping
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
    """Run the console's command line in this process; the finished "process" (`env`: added).

    The exit code, standard output and standard error are what `python -m console` gives: an
    uncaught exception ends in its traceback on stderr and exit code 1.
    """
    from console.cli import main

    argv = ["console", *args]
    _qt_application()
    before = set(threading.enumerate())
    out, err = _Stream(), _Stream()
    with _process_state({**cli_env(tmp_path), **(env or {})}, stdin or "", out, err):
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = _exit_code(exc, err)
        except Exception:  # what the interpreter does with an uncaught one
            err.write(traceback.format_exc())
            code = 1
    # A process would wait for these at exit (a hang), so a command must not leave any.
    left = [t.name for t in threading.enumerate() if t not in before and not t.daemon]
    assert not left, f"`console {' '.join(args)}` left threads running: {left}"
    return subprocess.CompletedProcess(argv, code, out.text(), err.text())


def run_cli_process(
    tmp_path: Path, *args: str, stdin: str | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Start `python -m console` and return the finished process (`env`: added)."""
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


class _Stream(io.TextIOWrapper):
    """A text stream with a binary `buffer`, as sys.stdout has; its text read back at the end."""

    def __init__(self, text: str = "") -> None:
        super().__init__(io.BytesIO(text.encode()), encoding="utf-8", newline=None)

    def isatty(self) -> bool:
        return False

    def text(self) -> str:
        self.flush()
        raw = self.buffer
        assert isinstance(raw, io.BytesIO)
        return raw.getvalue().decode("utf-8", errors="replace")


def _exit_code(exc: SystemExit, err: _Stream) -> int:
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    err.write(f"{exc.code}\n")
    return 1


def _qt_application() -> None:
    """A command that draws (a PDF report) makes a QGuiApplication if none exists; in the test
    process it must find a QApplication instead, or later widget tests could not run."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        QApplication([])


@contextlib.contextmanager
def _process_state(
    env: Mapping[str, str], stdin: str, out: _Stream, err: _Stream
) -> Iterator[None]:
    """The environment, working folder, standard streams and root logger of a fresh process;
    this process's are put back afterwards."""
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    _set_environment(env)
    os.chdir(ROOT)
    sys.stdin, sys.stdout, sys.stderr = _Stream(stdin), out, err
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        for handler in list(root.handlers):
            if handler not in saved_handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(saved_level)
        os.chdir(saved_cwd)
        _set_environment(saved_env)


def _set_environment(env: Mapping[str, str]) -> None:
    """Make os.environ equal to `env`, changing only the variables that differ (a thread of an
    earlier test may still read the environment; it never sees it empty)."""
    for key in [k for k in os.environ if k not in env]:
        del os.environ[key]
    for key, value in env.items():
        if os.environ.get(key) != value:
            os.environ[key] = value

"""The installer: bundle size and what fills it, build time, and cold start frozen vs checkout.

`python -m bench.installer` builds build_installer.spec from scratch into a temporary folder
(its time is the build time; PyInstaller's cache is not reused), sums the bundle by top-level
entry, then times cold starts: to the first window (from spawning the program with a fresh
database until its sign-in window is mapped on a private Xvfb display, when Xvfb and xwininfo
are installed), and to a screenshot (until `--screenshot PNG` has written the PNG and the
process has exited; it seeds a demo database first), `--runs` times each, the frozen bundle
against the same command from the checkout (`python -m console`), the baseline measured in
the same run. Each start is a new
station (empty user folders), like the installer check. `--bundle DIR` times a built bundle
instead of building one.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tools.installer_check import (
    NAME,
    ROOT,
    Run,
    build,
    executable,
    folder_bytes,
    png_problem,
    start,
    station_env,
)

Row = tuple[str, float, float, str]
TOP = 8  # contributors listed
SIZE_GOAL_MB = 400
START_GOAL_S = 2.5


def contributors(bundle: Path) -> list[tuple[str, int]]:
    """Bytes per top-level entry of the bundle (its _internal folder spread out), largest
    first; the libraries a wheel vendors (av.libs, opencv_python_headless.libs) are counted
    with their package."""
    inner = bundle / "_internal"
    sizes: dict[str, int] = {}
    for entry in inner.iterdir():
        name = entry.name.removesuffix(".libs")
        name = {"opencv_python_headless": "cv2", "pjsua2_python": "pjsua2"}.get(name, name)
        if entry.is_file() and entry.suffix != ".zip" and ".so" in entry.name:
            name = "system and Python libraries (top level)"
        size = folder_bytes(entry) if entry.is_dir() else entry.lstat().st_size
        sizes[name] = sizes.get(name, 0) + size
    return sorted(sizes.items(), key=lambda kv: -kv[1])


def _cold_start(cmd: list[str], home: Path, png: Path, cwd: Path | None = None) -> float:
    exe, *args = cmd
    run: Run = start(Path(exe), [*args, "--screenshot", str(png)], station_env(home), cwd)
    if run.code != 0 or png_problem(png) is not None:
        raise RuntimeError(f"{cmd} failed: exit {run.code} {png_problem(png)}\n{run.err[-2000:]}")
    return run.seconds


def _timed(cmd: list[str], args: list[str], home: Path, cwd: Path | None = None) -> float:
    exe, *pre = cmd
    run = start(Path(exe), [*pre, *args], station_env(home), cwd)
    if run.code != 0:
        raise RuntimeError(f"{cmd} {args} failed: exit {run.code}\n{run.err[-2000:]}")
    return run.seconds


def _parts(cmd: list[str], home: Path, cwd: Path | None = None) -> tuple[float, float]:
    """What the screenshot's time is made of: the process start to argparse (`--help`), and
    the demo site it seeds into its throw-away database first (migrations, keys, 5,000
    residents), run alone as `demo`."""
    floor = _timed(cmd, ["--help"], home / "help", cwd)
    db = f"sqlite:///{(home / 'seed.db').as_posix()}"
    seed = _timed(cmd, ["demo", "--db", db, "--keys", str(home / "keys")], home / "seed", cwd)
    return floor, seed


SIGN_IN_TITLE = "登录"  # the sign-in window's title starts so (the default language)


@contextlib.contextmanager
def _screen() -> Iterator[str | None]:
    """A private Xvfb display for first-window timings; None when Xvfb or xwininfo is missing."""
    if shutil.which("Xvfb") is None or shutil.which("xwininfo") is None:
        yield None
        return
    display = f":{200 + os.getpid() % 500}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1600x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            probe = subprocess.run(
                ["xwininfo", "-root", "-display", display], capture_output=True, check=False
            )
            if probe.returncode == 0:
                break
            time.sleep(0.05)
        yield display
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def _first_window(cmd: list[str], home: Path, display: str, cwd: Path | None = None) -> float:
    """From spawning the console (a fresh database named with --db, so no setup is asked)
    until its sign-in window is mapped on a real X display (polled every 10 ms)."""
    env = station_env(home, {"DISPLAY": display})
    env.pop("QT_QPA_PLATFORM", None)
    home.mkdir(parents=True, exist_ok=True)
    db = f"sqlite:///{(home / 'console.db').as_posix()}"
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [*cmd, "--db", db],
        env=env,
        cwd=cwd or home,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.monotonic() - t0 < 60:
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree", "-display", display],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            if f'"{SIGN_IN_TITLE}' in tree:
                return time.monotonic() - t0
            if proc.poll() is not None:
                raise RuntimeError(f"{cmd} exited with {proc.returncode} before its window")
            time.sleep(0.01)
        raise RuntimeError(f"{cmd}: no sign-in window within 60 s")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _row(name: str, frozen: list[float], checkout: list[float], note: str) -> Row:
    return (
        name,
        statistics.median(frozen),
        statistics.median(checkout),
        f"median of {len(frozen)}; baseline: the checkout; {note}frozen "
        f"{min(frozen):.2f}–{max(frozen):.2f}, checkout {min(checkout):.2f}–{max(checkout):.2f}",
    )


def table_rows(runs: int = 5, bundle: Path | None = None) -> list[Row]:
    """(measure, value, baseline, note) rows; sizes in MB, times in seconds."""
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-installer-") as tmp_name:
        tmp = Path(tmp_name)
        if bundle is None:
            dist, work = tmp / "dist", tmp / "build"
            seconds = build(dist, work, tmp / "build.log")
            bundle = dist / NAME
            rows.append(("build from scratch (s)", seconds, 0.0, "PyInstaller, no cache"))
        total = folder_bytes(bundle) / 1e6
        rows.append(("bundle size (MB)", total, SIZE_GOAL_MB, "baseline: the goal"))
        for name, size in contributors(bundle)[:TOP]:
            rows.append((f"  {name} (MB)", size / 1e6, total, "share of the bundle"))
        frozen_cmd = [str(executable(bundle.resolve()))]  # started in another folder
        checkout_cmd = [sys.executable, "-m", "console"]
        frozen: list[float] = []
        checkout: list[float] = []
        parts: dict[str, list[tuple[float, float]]] = {"frozen": [], "checkout": []}
        for i in range(runs):
            # Alternating, so that the machine's load falls on both alike.
            frozen.append(_cold_start(frozen_cmd, tmp / f"f{i}", tmp / f"f{i}.png"))
            checkout.append(_cold_start(checkout_cmd, tmp / f"c{i}", tmp / f"c{i}.png", ROOT))
            parts["frozen"].append(_parts(frozen_cmd, tmp / f"fp{i}"))
            parts["checkout"].append(_parts(checkout_cmd, tmp / f"cp{i}", ROOT))
        with _screen() as display:
            if display is not None:
                first_f = [_first_window(frozen_cmd, tmp / f"w{i}", display) for i in range(runs)]
                first_c = [
                    _first_window(checkout_cmd, tmp / f"wc{i}", display, ROOT) for i in range(runs)
                ]
                rows.append(
                    _row(
                        "cold start to the sign-in window (s)",
                        first_f,
                        first_c,
                        f"Xvfb, mapped window; goal ≤ {START_GOAL_S} s; ",
                    )
                )
        rows.append(
            _row(
                "cold start to a screenshot (s)",
                frozen,
                checkout,
                "--screenshot until exit (seeds a demo database first); ",
            )
        )
        for k, name in (
            (0, "  process start to --help (s)"),
            (1, "  seeding the demo site alone (s)"),
        ):
            rows.append(
                _row(name, [p[k] for p in parts["frozen"]], [p[k] for p in parts["checkout"]], "")
            )
    return rows


def print_table(rows: list[Row]) -> None:
    print(f"{'measure':<48}{'value':>10}{'baseline':>10}{'ratio':>8}  note")
    for name, value, base, note in rows:
        ratio = f"{value / base:>8.2f}" if base > 1e-3 else f"{'—':>8}"
        print(f"{name:<48}{value:>10.2f}{base:>10.2f}{ratio}  {note}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.installer", description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="cold starts of each variant")
    ap.add_argument("--bundle", type=Path, help="time this built bundle instead of building one")
    args = ap.parse_args(argv)
    print_table(table_rows(args.runs, args.bundle))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

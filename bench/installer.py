"""The installer: bundle size and what fills it, build time, and cold start frozen vs checkout.

`python -m bench.installer` builds build_installer.spec from scratch into a temporary folder
(its time is the build time; PyInstaller's cache is not reused), sums the bundle by top-level
entry, then times cold starts to the first window offscreen: from spawning the program until
`--screenshot PNG` has written the PNG and the process has exited, `--runs` times each,
alternating the frozen bundle with the same command from the checkout
(`python -m console --screenshot`), the baseline measured in the same run. Each start is a new
station (empty user folders), like the installer check. `--bundle DIR` times a built bundle
instead of building one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
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
        rows.append(
            _row(
                "cold start to first window (s)",
                frozen,
                checkout,
                f"--screenshot until exit; goal ≤ {START_GOAL_S} s; ",
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
    print(f"{'measure':<42}{'value':>10}{'baseline':>10}{'ratio':>8}  note")
    for name, value, base, note in rows:
        ratio = f"{value / base:>8.2f}" if base > 1e-3 else f"{'—':>8}"
        print(f"{name:<42}{value:>10.2f}{base:>10.2f}{ratio}  {note}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.installer", description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="cold starts of each variant")
    ap.add_argument("--bundle", type=Path, help="time this built bundle instead of building one")
    args = ap.parse_args(argv)
    print_table(table_rows(args.runs, args.bundle))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

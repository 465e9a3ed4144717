"""`make installer-check`: build the one-folder bundle, start it offscreen, check what it did.

Checks, each printed as a PASS or FAIL line (exit 1 if any failed):
  build        PyInstaller builds build_installer.spec into dist/street-console
  self-test    CONSOLE_BUNDLE_CHECK=1: every bundled part is there and PyAV, motion detection,
               pjsua2, pyserial's loop:// and socket://, PortAudio and Qt's image plugins load
  screenshot   `--screenshot PNG` offscreen: exit 0 and a PNG that decodes, is window-sized and
               is not blank
  fresh db     `migrate` and `demo` against an empty folder: the bundled migrations bring a new
               SQLite file to this checkout's head revision
  damaged      a copy of the bundle without its offscreen plugin refuses to start, naming it

Every start runs as a new station: its own empty config, data, state and cache folders.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_installer.spec"
NAME = "street-console"
RUN_TIMEOUT_S = 180.0
MIN_WIDTH, MIN_HEIGHT = 800, 450  # the screenshot renders the window at 1600×900
MIN_COLOURS = 16  # a blank or single-colour grab has one or two


@dataclass(frozen=True, slots=True)
class Run:
    """One start of the built console."""

    code: int
    out: str
    err: str
    seconds: float


def executable(bundle: Path) -> Path:
    """The bundle's program (street-console, or street-console.exe on Windows)."""
    return bundle / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def build(dist: Path, work: Path, log: Path) -> float:
    """Run PyInstaller on the spec; the wall time in seconds. Raises with the log's tail."""
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--distpath",
                str(dist),
                "--workpath",
                str(work),
                str(SPEC),
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
        raise RuntimeError(f"PyInstaller exited {done.returncode}:\n" + "\n".join(tail))
    return seconds


def folder_bytes(folder: Path) -> int:
    """Bytes of every file below `folder` (links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def station_env(home: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a new station: offscreen, empty user folders, no console settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSOLE_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
        ("APPDATA", "appdata"),
        ("LOCALAPPDATA", "localappdata"),
    ):
        env[var] = str(home / sub)
    env.update(extra or {})
    return env


def start(exe: Path, args: Sequence[str], env: Mapping[str, str], cwd: Path | None = None) -> Run:
    """Start the built console once and wait for it to exit (by default in the station's home
    folder: nothing of the checkout is at hand)."""
    home = Path(env["XDG_CONFIG_HOME"]).parent
    home.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [str(exe), *args],
            cwd=cwd or home,
            env=dict(env),
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Run(-1, "", f"still running after {RUN_TIMEOUT_S:.0f} s (killed)", RUN_TIMEOUT_S)
    return Run(done.returncode, done.stdout, done.stderr, time.perf_counter() - started)


def png_problem(path: Path) -> str | None:
    """Why `path` is not a plausible screenshot of the window, or None."""
    if not path.is_file():
        return f"{path} was not written"
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        return f"{path} ({path.stat().st_size} bytes) does not decode as an image"
    w, h = image.width(), image.height()
    if w < MIN_WIDTH or h < MIN_HEIGHT:
        return f"{path} is {w}×{h}, smaller than the window ({MIN_WIDTH}×{MIN_HEIGHT} at least)"
    # A grid of samples over the whole picture: a blank grab repeats one or two colours.
    colours = {image.pixel(x, y) for x in range(0, w, w // 40) for y in range(0, h, h // 40)}
    if len(colours) < MIN_COLOURS:
        return f"{path} looks blank: {len(colours)} colours in 1,600 samples"
    return None


def _checkout_importable() -> None:
    """`python tools/installer_check.py` puts tools/ first on sys.path, not the checkout."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def head_revision() -> str:
    """The newest migration of this checkout (what a fresh bundled database must reach)."""
    _checkout_importable()
    from data.migrate import head_revision as head

    found = head()
    if found is None:
        raise RuntimeError("the checkout's migrations do not form one line")
    return found


def linked_copy(bundle: Path, target: Path) -> Path:
    """A copy of the bundle made of hard links (instant); plain copies across file systems."""

    def link(src: str, dst: str) -> object:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)
        return dst

    shutil.copytree(bundle, target, symlinks=True, copy_function=link)
    return target


class Report:
    """PASS/FAIL lines as they happen; failed() says whether any check failed."""

    def __init__(self) -> None:
        self.failures: list[str] = []

    def result(self, name: str, problem: str | None, detail: str = "") -> bool:
        if problem is None:
            print(f"PASS  {name}{': ' + detail if detail else ''}", flush=True)
            return True
        self.failures.append(name)
        print(f"FAIL  {name}: {problem}", flush=True)
        return False


def _tail(run: Run) -> str:
    lines = (run.err or run.out).strip().splitlines()[-8:]
    return f"exit {run.code}" + ("\n      " + "\n      ".join(lines) if lines else "")


@contextmanager
def scratch(parent: Path) -> Iterator[Path]:
    """A temporary folder on the bundle's file system (hard links need one)."""
    parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="installer-check-", dir=parent) as tmp:
        yield Path(tmp)


def check_selftest(report: Report, exe: Path, tmp: Path) -> None:
    run = start(exe, [], station_env(tmp / "selftest", {"CONSOLE_BUNDLE_CHECK": "1"}))
    for line in run.out.strip().splitlines():
        print(f"      {line}")
    report.result("self-test", None if run.code == 0 else _tail(run), f"{run.seconds:.1f} s")


def check_screenshot(report: Report, exe: Path, tmp: Path) -> None:
    png = tmp / "shot" / "console.png"
    run = start(exe, ["--screenshot", str(png)], station_env(tmp / "shot-home"))
    problem = _tail(run) if run.code != 0 else png_problem(png)
    report.result(
        "screenshot",
        problem,
        f"exit 0, {png.stat().st_size:,} bytes, {run.seconds:.1f} s" if problem is None else "",
    )


def check_fresh_database(report: Report, exe: Path, tmp: Path) -> None:
    folder = tmp / "fresh-db"
    folder.mkdir()
    db = folder / "console.db"
    url = f"sqlite:///{db.as_posix()}"
    env = station_env(tmp / "fresh-home")
    run = start(exe, ["migrate", "--db", url], env)
    if run.code != 0:
        report.result("fresh db: migrate", _tail(run))
        return
    with closing(sqlite3.connect(db)) as con:
        (version,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
    want = head_revision()
    report.result(
        "fresh db: migrate",
        None if version == want else f"the new database is at {version}, the checkout at {want}",
        f"{db.name} created at revision {version} in {run.seconds:.1f} s",
    )
    keys = tmp / "fresh-keys"
    run = start(exe, ["demo", "--db", url, "--keys", str(keys), "--population", "50"], env)
    report.result(
        "fresh db: demo site",
        None if run.code == 0 and "demo site ready" in run.out else _tail(run),
        f"seeded in {run.seconds:.1f} s",
    )


def check_damaged(report: Report, bundle: Path, tmp: Path) -> None:
    _checkout_importable()
    from console.bundle_check import plugin_file, qt_plugins_dir

    wanted = f"{qt_plugins_dir(sys.platform)}/platforms/{plugin_file('offscreen', sys.platform)}"
    copy = linked_copy(bundle, tmp / "damaged")
    plugin = copy / "_internal" / wanted
    if not plugin.is_file():
        report.result("damaged bundle", f"the built bundle has no {wanted}")
        return
    plugin.unlink()  # the copy's link only: the built bundle keeps its plugin
    png = tmp / "damaged.png"
    run = start(executable(copy), ["--screenshot", str(png)], station_env(tmp / "damaged-home"))
    named = "Qt platform plugin 'offscreen'" in run.err and wanted in run.err
    problem = None
    if run.code != 1 or not named or png.exists():
        problem = f"expected exit 1 naming {wanted} and no PNG; got {_tail(run)}"
    report.result("damaged bundle", problem, "exit 1 naming the missing offscreen plugin")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="installer_check", description=__doc__.splitlines()[0])
    ap.add_argument("--dist", type=Path, default=ROOT / "dist", help="PyInstaller's --distpath")
    ap.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's --workpath")
    ap.add_argument("--no-build", action="store_true", help="check the bundle built before")
    args = ap.parse_args(argv)
    report = Report()
    args.dist, args.work = args.dist.resolve(), args.work.resolve()  # starts run elsewhere
    bundle = args.dist / NAME
    if not args.no_build:
        log = args.work / "installer-build.log"
        args.work.mkdir(parents=True, exist_ok=True)
        try:
            seconds = build(args.dist, args.work, log)
        except RuntimeError as exc:
            report.result("build", str(exc))
            return 1
        size = folder_bytes(bundle) / 1e6
        report.result("build", None, f"{seconds:.0f} s, {size:.0f} MB in {bundle} (log: {log})")
    exe = executable(bundle)
    if not exe.is_file():
        report.result("bundle", f"{exe} does not exist (build it first)")
        return 1
    with scratch(args.work) as tmp:
        check_selftest(report, exe, tmp)
        check_screenshot(report, exe, tmp)
        check_fresh_database(report, exe, tmp)
        check_damaged(report, bundle, tmp)
    if report.failures:
        print(f"installer check FAILED: {', '.join(report.failures)}")
        return 1
    print("installer check passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`console recorder` (and `python -m video.recorder`): the recorder process of a workstation."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import IO

from core.recording import DEFAULT_MIN_FREE_BYTES, DEFAULT_SEGMENT_SECONDS
from core.retention import RetentionClass
from core.site import SiteSpec
from core.video import StreamKind
from video.filelock import try_lock, unlock

log = logging.getLogger(__name__)

LOCK_NAME = ".recorder.lock"
BY_CONSOLE = "console"  # the lock file's second line: a console started this recorder
RECORDINGS_FOLDER = "recordings/video"  # call recordings are in recordings/calls
DEMO_READY_S = 600.0  # the demo's clips are generated on a first run (~30 s on two cores)
SHUTDOWN_S = 10.0
# Exit codes of `console recorder` besides 0 (stopped) and the CLI's own.
EXIT_ALREADY_RUNNING = 4
EXIT_NO_CAMERAS = 5


def default_root() -> Path:
    """The recording folder when neither the command line nor the site names one."""
    from data.db import user_data_dir

    return user_data_dir() / RECORDINGS_FOLDER


def add_recorder_arguments(p: argparse.ArgumentParser) -> None:
    """The options of `console recorder`."""
    p.add_argument("--root", type=Path, metavar="DIR", help="recording folder")
    p.add_argument(
        "--segment-seconds",
        type=float,
        default=DEFAULT_SEGMENT_SECONDS,
        metavar="S",
        help="length of a segment file (default %(default)s)",
    )
    p.add_argument(
        "--keep-days",
        type=float,
        metavar="D",
        help="delete recordings older than D days unless held as evidence (default: the site "
        "file's [retention] video period, 31 days)",
    )
    p.add_argument(
        "--min-free-gb",
        type=float,
        default=DEFAULT_MIN_FREE_BYTES / 1024**3,
        metavar="GB",
        help="below this much free space the oldest unheld recordings go first "
        "(default %(default)s)",
    )
    p.add_argument(
        "--stream",
        choices=("main", "sub"),
        default="main",
        help="which stream of each camera to record (default %(default)s)",
    )
    p.add_argument(
        "--all-cameras",
        action="store_true",
        help="record every camera of the site file, whatever its workstation",
    )
    p.add_argument("--no-sim", action="store_true", help="do not serve the demo's cameras")
    p.add_argument(
        "--stop",
        action="store_true",
        help="stop the recorder running on this computer for --root and exit",
    )
    # Set by the console that starts the recorder: a console may adopt it after a crash.
    p.add_argument("--started-by-console", action="store_true", help=argparse.SUPPRESS)


class RecorderLock:
    """One recorder per recording folder on a computer: an OS lock the process holds.

    The lock goes when the process does, however it ends (kill -9 included); the file keeps
    the pid of the last holder so that `--stop` and a console can find it.
    """

    def __init__(self, root: Path) -> None:
        self.path = root / LOCK_NAME
        self._file: IO[str] | None = None

    def acquire(self, *, by_console: bool = False) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        f = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the process's life
        if not try_lock(f):
            f.close()
            return False
        f.seek(0)
        f.truncate()
        f.write(f"{os.getpid()}\n{BY_CONSOLE if by_console else 'service'}\n")
        f.flush()
        self._file = f
        return True

    def release(self) -> None:
        if self._file is not None:
            unlock(self._file)
            self._file.close()
            self._file = None


@dataclass(frozen=True, slots=True)
class Holder:
    """The recorder process holding a recording folder."""

    pid: int  # -1: held by a process that has not written its pid yet
    by_console: bool


def holder(root: Path) -> Holder | None:
    """Who holds `root`'s lock, or None when no recorder runs there."""
    path = root / LOCK_NAME
    if not path.exists():
        return None
    with open(path, "a+", encoding="utf-8") as f:
        if try_lock(f):
            unlock(f)
            return None
        f.seek(0)
        lines = f.read().split()
    try:
        pid = int(lines[0])
    except (ValueError, IndexError):
        pid = -1
    return Holder(pid, len(lines) > 1 and lines[1] == BY_CONSOLE)


def held(root: Path) -> int | None:
    """The pid of the recorder holding `root`'s lock, or None when no recorder runs there."""
    h = holder(root)
    return None if h is None else h.pid


@dataclass(frozen=True, slots=True)
class RecordedCamera:
    """A camera this recorder records, and the URL it opens (may hold a login)."""

    code: str
    url: str


def keep_days(cli: float | None, site: SiteSpec) -> float:
    """`--keep-days`, else the site's video retention period (the retention job's too)."""
    if cli is not None:
        return cli
    days = site.retention.period(RetentionClass.VIDEO).days
    return float("inf") if days is None else float(days)


def cameras_to_record(site: SiteSpec, workstation: str, all_cameras: bool) -> list[str]:
    """The cameras the site assigns to this workstation (or every camera)."""
    return [c.code for c in site.cameras if all_cameras or c.workstation == workstation]


def stop_running(root: Path, timeout: float = SHUTDOWN_S) -> int | None:
    """SIGTERM the recorder holding `root` and wait until its lock is free; its pid or None."""
    import time

    pid = held(root)
    if pid is None or pid <= 0:
        return None
    os.kill(pid, signal.SIGTERM)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if held(root) is None:
            return pid
        time.sleep(0.1)
    raise TimeoutError(f"the recorder (pid {pid}) did not stop within {timeout:.0f} s")


def run_recorder(args: argparse.Namespace, site: SiteSpec) -> int:
    """Record until SIGINT or SIGTERM; 0 after an orderly stop."""
    root: Path = (args.root or default_root()).resolve()
    if args.stop:
        pid = stop_running(root)
        print(f"stopped the recorder (pid {pid})" if pid else "no recorder runs", flush=True)  # noqa: T201
        return 0
    codes = cameras_to_record(site, args.workstation, args.all_cameras)
    if not codes:
        log.error("no camera of the site is assigned to workstation %s", args.workstation)
        return EXIT_NO_CAMERAS
    lock = RecorderLock(root)
    if not lock.acquire(by_console=args.started_by_console):
        log.error("a recorder already records into %s (pid %s)", root, held(root))
        return EXIT_ALREADY_RUNNING
    try:
        return _record(args, site, root, codes)
    finally:
        lock.release()


def _record(args: argparse.Namespace, site: SiteSpec, root: Path, codes: list[str]) -> int:
    from console.threads import ThreadOwner
    from console.video_sources import VideoSourceError, VideoSources, build_demo_cameras
    from console.video_sources import credentials_file as find_credentials
    from data.db import DbOptions, resolve_url
    from data.migrate import open_database
    from data.services.recordings import DbRecordingSink
    from video.credentials import open_credentials
    from video.recorder.buffered import BufferedSink
    from video.recorder.engine import Recorder

    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %d: stopping", signum)
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    owner = ThreadOwner()
    db = open_database(resolve_url(args.db), opts=DbOptions())
    owner.add_closer("database", db.dispose)
    name = f"{socket.gethostname()}:{os.getpid()}"
    try:
        demo = None if args.no_sim else build_demo_cameras(site, args.workstation)
        if demo is not None:
            owner.add_worker(demo)
            status = demo.wait_ready(DEMO_READY_S)
            log.info("demo cameras: %s", status)
        credentials = open_credentials(find_credentials(None, getattr(args, "keys", None)))
        sources = VideoSources(site, credentials=credentials, demo=demo)
        kind = StreamKind(args.stream)
        urls: dict[str, str] = {}
        for code in codes:
            try:
                stream = sources.resolve(code, kind)
            except VideoSourceError as exc:
                log.error("camera %s is not recorded: %s", code, exc)
                continue
            if stream.is_file:
                # A clip file has no live time: recording it would write hours in seconds.
                log.error("camera %s is not recorded: a clip file, not a live stream", code)
                continue
            urls[code] = stream.url
        if not urls:
            log.error("no camera can be recorded")
            return EXIT_NO_CAMERAS
        # The database away must not stop the recording: the index waits in a journal.
        sink = BufferedSink(DbRecordingSink(db, name), root)
        recorder = Recorder(
            sink,
            urls,
            root,
            segment_seconds=args.segment_seconds,
            keep_days=keep_days(args.keep_days, site),
            min_free_bytes=int(args.min_free_gb * 1024**3),
            name=name,
            started_by_console=args.started_by_console,
        )
        recorder.start()  # recovers what a killed recorder left, then starts the threads
        owner.add_worker(recorder, start=False)
        log.info("recording %d cameras into %s as %s", len(urls), root, name)
        print(f"recording {len(urls)} cameras into {root}", flush=True)  # noqa: T201 - ready line
        stop.wait()
    finally:
        stuck = owner.shutdown(SHUTDOWN_S)
        for s, handler in previous.items():
            signal.signal(s, handler)
    if stuck:
        log.error("threads still running at exit: %s", ", ".join(stuck))
        return 1
    print("stopped", flush=True)  # noqa: T201 - the CLI's output
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m video.recorder`: the same as `console recorder`, without loading the GUI."""
    import os as _os

    from console.startup import check_workstation, load_site_file
    from core.site import SiteError

    p = argparse.ArgumentParser(
        prog="python -m video.recorder", description="record this workstation's cameras"
    )
    p.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: $CONSOLE_DB, then the embedded SQLite file)",
    )
    p.add_argument("--site", metavar="FILE", type=Path, help="site file (default: the demo site)")
    p.add_argument(
        "--workstation",
        default=_os.environ.get("CONSOLE_WORKSTATION", "CC"),
        help="code of this workstation in the site file (default: CC)",
    )
    p.add_argument("--keys", metavar="DIR", type=Path, help="the site's key folder")
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    add_recorder_arguments(p)
    args = p.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s",
    )
    try:
        site = load_site_file(args.site)
        check_workstation(site, args.workstation)
    except SiteError as exc:
        for problem in exc.problems:
            log.error("%s", problem)
        return 2
    return run_recorder(args, site)

"""The console's side of the recorder: start one when none runs, reattach after a crash."""

from __future__ import annotations

import enum
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from console.recorder_service import default_root, holder, stop_running

if TYPE_CHECKING:
    from console.threads import ThreadOwner
    from core.site import SiteSpec

log = logging.getLogger(__name__)

LOG_NAME = "recorder.log"
STOP_S = 8.0


@dataclass(frozen=True, slots=True)
class RecorderOptions:
    """Whether and how this console starts the recorder of its workstation's cameras."""

    root: Path | None = None  # None: the user's data folder's recordings/video
    start: bool = True  # start a recorder when none runs on this computer
    segment_seconds: float | None = None  # None: the recorder's default (60 s)
    keep_days: float | None = None
    min_free_gb: float | None = None
    all_cameras: bool = False
    no_sim: bool = False  # do not serve the demo's cameras (tests serve their own)


class RecorderLaunch(enum.StrEnum):
    """What the console found or did at start."""

    STARTED = "started"  # this console started it (and stops it when it quits)
    ADOPTED = "adopted"  # a recorder a console had started (before a crash) records on
    SERVICE = "service"  # a recorder run as a service records; the console leaves it alone
    OFF = "off"  # none runs and this console does not start one
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class LaunchResult:
    state: RecorderLaunch
    pid: int | None = None
    detail: str = ""
    # The child process this console started (STARTED): watched, restarted if it dies.
    process: subprocess.Popen[bytes] | None = field(default=None, compare=False, repr=False)
    log: Path | None = None

    def exited(self) -> int | None:
        """The exit code of a recorder this console started that has ended, else None."""
        return None if self.process is None else self.process.poll()


def last_line(path: Path | None) -> str:
    """The last line of the recorder's log (why it stopped), '' when there is none."""
    if path is None:
        return ""
    try:
        with open(path, "rb") as f:
            f.seek(max(0, f.seek(0, os.SEEK_END) - 4096))
            lines = f.read().decode("utf-8", "replace").strip().splitlines()
    except OSError:
        return ""
    return lines[-1] if lines else ""


def recorder_command(
    opts: RecorderOptions,
    *,
    root: Path,
    workstation: str,
    site_file: Path | None,
    keys_dir: Path | None,
) -> list[str]:
    """The command line of the recorder process (a frozen console is its own interpreter)."""
    base = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "console"]
    cmd = [*base, "recorder", "--workstation", workstation, "--root", str(root)]
    if site_file is not None:
        cmd += ["--site", str(site_file)]
    if keys_dir is not None:
        cmd += ["--keys", str(keys_dir)]
    if opts.segment_seconds is not None:
        cmd += ["--segment-seconds", str(opts.segment_seconds)]
    if opts.keep_days is not None:
        cmd += ["--keep-days", str(opts.keep_days)]
    if opts.min_free_gb is not None:
        cmd += ["--min-free-gb", str(opts.min_free_gb)]
    if opts.all_cameras:
        cmd.append("--all-cameras")
    if opts.no_sim:
        cmd.append("--no-sim")
    cmd.append("--started-by-console")
    return cmd


def ensure_recorder(
    opts: RecorderOptions,
    owner: ThreadOwner,
    *,
    db_url: str,
    workstation: str,
    site_file: Path | None,
    keys_dir: Path | None = None,
) -> LaunchResult:
    """Reattach to the recorder of this computer's recording folder, or start one.

    A started recorder is a child process the thread owner terminates when the console
    quits. It runs in a session of its own, so a console killed (kill -9, a crash, a
    closed terminal) leaves it recording; the next console adopts it.
    """
    root = (opts.root or default_root()).resolve()
    found = holder(root)
    if found is not None:
        if not found.by_console:
            return LaunchResult(RecorderLaunch.SERVICE, found.pid, str(root))
        owner.add_closer("recorder (adopted)", lambda: _stop_adopted(root))
        log.info("recorder pid %s records into %s: adopted", found.pid, root)
        return LaunchResult(RecorderLaunch.ADOPTED, found.pid, str(root))
    if not opts.start:
        return LaunchResult(RecorderLaunch.OFF, None, str(root))
    root.mkdir(parents=True, exist_ok=True)
    cmd = recorder_command(
        opts, root=root, workstation=workstation, site_file=site_file, keys_dir=keys_dir
    )
    # The database URL goes by the environment: a command line is readable by every user.
    env = dict(os.environ, CONSOLE_DB=db_url)
    try:
        with open(root / LOG_NAME, "ab") as out:
            kwargs: dict[str, object] = {}
            if os.name == "nt":
                kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
            else:
                kwargs["start_new_session"] = True
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                **kwargs,  # type: ignore[call-overload]
            )
    except OSError as exc:
        log.error("the recorder could not be started: %s", exc)
        return LaunchResult(RecorderLaunch.FAILED, None, str(exc))
    owner.add_process("recorder", proc)
    log.info("recorder started: pid %d, recording into %s", proc.pid, root)
    return LaunchResult(RecorderLaunch.STARTED, proc.pid, str(root), proc, root / LOG_NAME)


def recordings_root(root: Path | None) -> Path:
    """Where recordings are: the given folder, else the user data folder's recordings/video."""
    return (root or default_root()).resolve()


def start_recorder(
    site: SiteSpec | None,
    workstation: str,
    owner: ThreadOwner,
    opts: RecorderOptions | None,
    *,
    db_url: str,
    root: Path | None,
    keys_dir: Path | None,
) -> LaunchResult:
    """The recorder of this workstation's cameras, when the site puts any here (composition
    root); a failure is logged and shown by the recordings pane, never fatal."""
    if site is None or opts is None or not any(c.workstation == workstation for c in site.cameras):
        return LaunchResult(RecorderLaunch.OFF)
    try:
        return ensure_recorder(
            replace(opts, root=root or opts.root),
            owner,
            db_url=db_url,
            workstation=workstation,
            site_file=site.source if site.source.is_file() else None,
            keys_dir=keys_dir,
        )
    except OSError as exc:  # the recording folder cannot be made or locked
        log.error("the recorder could not be started: %s", exc)
        return LaunchResult(RecorderLaunch.FAILED, None, str(exc))


def _stop_adopted(root: Path) -> None:
    try:
        stop_running(root, STOP_S)
    except (OSError, TimeoutError) as exc:
        log.error("the adopted recorder did not stop: %s", exc)


@dataclass(slots=True)
class RecordingRuntime:
    """This console's recordings: where they are, the recorder it found or started, and how
    to start one again (the recordings pane restarts a recorder that died)."""

    root: Path
    launch: LaunchResult
    relaunch: Callable[[], LaunchResult]


def start_recording(
    site: SiteSpec | None,
    workstation: str,
    owner: ThreadOwner,
    recordings: Path | None,
    opts: RecorderOptions | None,
    *,
    db_url: str,
    keys_dir: Path | None,
) -> RecordingRuntime:
    """The composition root's one call: the recordings folder and this workstation's recorder."""
    root = recordings_root(recordings)

    def relaunch() -> LaunchResult:
        return start_recorder(
            site, workstation, owner, opts, db_url=db_url, root=root, keys_dir=keys_dir
        )

    return RecordingRuntime(root, relaunch(), relaunch)

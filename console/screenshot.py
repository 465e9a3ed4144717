"""`console --screenshot out.png`: the main window rendered offscreen on the demo site."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

log = logging.getLogger(__name__)

# The offscreen platform plugin warns about this for every top-level window it shows; it has
# no window manager to pass size hints to, and a screenshot does not need one. (Qt's
# QPlatformWindow::propagateSizeHints, logged with qWarning in the default category, so
# QT_LOGGING_RULES cannot single it out.)
OFFSCREEN_NOISE = frozenset({"This plugin does not support propagateSizeHints()"})


@contextmanager
def quiet_offscreen_noise() -> Iterator[None]:
    """Drop exactly the offscreen plugin's known noise; every other Qt message goes through."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qFormatLogMessage
    from PySide6.QtCore import qInstallMessageHandler as install

    previous: Callable[[QtMsgType, QMessageLogContext, str], Any] | None = None

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message in OFFSCREEN_NOISE:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            # What Qt's default handler prints (it honours QT_MESSAGE_PATTERN too).
            print(qFormatLogMessage(mode, context, message), file=sys.stderr)  # noqa: T201

    previous = install(handler)
    try:
        yield
    finally:
        install(previous)


def take_screenshot(args: argparse.Namespace) -> int:
    """Render the window (or one pane) for `args.user` and save it as PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with quiet_offscreen_noise():
        return _render(args)


if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from console.app import ConsoleApp

# Panes that show the services' demo data (a station's screen shows its orders and check-in).
SERVICE_PANES = frozenset({"merchants", "orders", "volunteers", "employment"})
MEDIA_PANES = frozenset({"video", "playback"})  # they need the site when the console starts
# Panes drawn from the site file (None: the whole window, whose wall lists its cameras).
SITE_PANES = frozenset({None, "map", "video", "playback", "station", "stations"})
MAP_WARMUP_S = 4.0  # the simulator's first reads place most tags on the map
WALL_CAMERAS = 9  # the video pane: the demo's first cameras on a 3×3 wall
WALL_WARMUP_S = 60.0  # at most: the first run generates the demo's clips (~30 s on 2 cores)


def _let_tags_move(qapp: QApplication, seconds: float) -> None:
    """Run the event loop while the simulator's reads reach the map."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        qapp.processEvents()
        time.sleep(0.02)


def _let_wall_play(qapp: QApplication, app: ConsoleApp) -> None:
    """Put the first cameras on the wall and run until every tile shows a picture."""
    from console.presenters.video_wall import VideoWallPresenter

    wall = app.presenter("video")
    assert isinstance(wall, VideoWallPresenter)
    codes = list(wall.cameras)[:WALL_CAMERAS]
    app.window.show_pane("video")
    wall.show_cameras(codes)
    end = time.monotonic() + WALL_WARMUP_S
    while time.monotonic() < end:
        qapp.processEvents()
        time.sleep(0.02)
        shown = [wall.wall.counters(t).shown for t in range(len(codes))]
        if all(n >= 5 for n in shown):
            break


def _render(args: argparse.Namespace) -> int:
    from console.app import ConsoleApp, ConsoleOptions
    from console.cli import _error, _site
    from console.gui import make_qapp
    from console.startup import (
        EXIT_OK,
        EXIT_REFUSED,
        EXIT_USAGE,
        local_services,
        temp_database_url,
    )
    from console.video_runtime import VideoOptions
    from core.audit import AuditAction
    from data.migrate import open_database
    from data.seeding import seed_site

    if args.db:
        # A screenshot shows a user's view without their password: never of a real database.
        _error(
            "--screenshot renders a throw-away copy of the demo site only; it does not open "
            "--db (sign in to see a real database)"
        )
        return EXIT_REFUSED
    url, tmp = temp_database_url()
    from console.demo_calls import DemoLine

    demo_line = DemoLine()
    qapp = make_qapp()
    db = open_database(url)
    try:
        # Throw-away field keys beside the throw-away database (identity numbers are
        # encrypted when seeded); the site's real keys are never used for a screenshot.
        from data.fieldcrypt import ensure_field_keys

        keys = Path(tmp.name) / "keys"
        ensure_field_keys(keys)
        with tempfile.TemporaryDirectory(prefix="console-layout-") as cfg:
            # A community station's window is its station screen: it needs the site file even
            # when no pane is named.
            station = args.pane is None and any(
                w.code == args.workstation and w.community for w in _site(args).workstations
            )
            opts = ConsoleOptions(
                workstation=args.workstation,
                language=args.lang,
                idle_lock_minutes=0,
                config_dir=Path(cfg),
                confirm_quit=False,
                keys_dir=keys,
                # The calls pane is shown with a simulated line and a few calls on it.
                call_gateway=demo_line.factory if args.pane == "calls" else None,
                # The map draws the site file's zones, readers and cameras, and the demo's
                # movement simulator fills it for a few seconds; the other devices (alarm
                # receiver, phone line) are not started for a screenshot.
                # The station screen and the stations list need it too: it says which
                # workstation is a community station.
                # So does the whole window: its video wall lists the site's cameras.
                site=_site(args) if args.pane in SITE_PANES else None,
                # No alarm receiver, no phone line: a screenshot binds no ports.
                alarms=False,
                sip=False,
                tracking=args.pane == "map",
                # The video pane plays the demo's cameras (generated on first run, cached).
                video=VideoOptions() if args.pane == "video" else None,
            )

            def seed() -> None:
                # The services' demo (merchants, orders, volunteers: seconds of it) only for
                # the panes that show it.
                seed_site(
                    db,
                    _site(args),
                    local_services(db, args.workstation, keys),
                    services_demo=station or args.pane in SERVICE_PANES,
                )

            # The wall and playback start their cameras and recorder with the console, for a
            # database that names its site: seeded first. Other panes are seeded once they are
            # known to exist (a typo costs no seeding).
            early = args.pane in MEDIA_PANES
            if early:
                seed()
            app = ConsoleApp(qapp, db, opts)
            try:
                panes = sorted(app.window.panes)
                if args.pane and args.pane not in panes:
                    _error(f"unknown pane {args.pane!r}; choose from {', '.join(panes)}")
                    return EXIT_USAGE
                if not early:
                    seed()
                who = app.services.signin.principal(args.user)
                app.services.audit.record(who, AuditAction.SCREENSHOT, detail=str(args.screenshot))
                app.session.enter(who)
                app.window.resize(1600, 900)
                if args.pane:
                    # In front before the reads: a pane behind another tab reads nothing.
                    app.window.show_pane(args.pane)
                    qapp.processEvents()  # its dock's word that it came forward
                app.wait_idle()
                if args.pane == "calls":
                    demo_line.play(app, db)
                if args.pane == "feedback":
                    from console.demo_feedback import fill

                    fill(app.services)  # a ticket of each state, overdue ones among them
                    app.presenter("feedback").reload()
                    app.wait_idle()
                if args.pane == "map":
                    _let_tags_move(qapp, MAP_WARMUP_S)
                if args.pane == "video":
                    _let_wall_play(qapp, app)
                target = app.window if not args.pane else app.window.show_pane(args.pane)
                qapp.processEvents()
                # A layout changed at sign-in (a station's one screen) may have grown the
                # unshown window to its panes' size hints: the picture is of the 1600x900 one.
                app.window.resize(1600, 900)
                qapp.processEvents()
                args.screenshot.parent.mkdir(parents=True, exist_ok=True)
                if not target.grab().save(str(args.screenshot)):
                    raise OSError(f"could not write {args.screenshot}")
            finally:
                app.shutdown()
                app.window.allow_close()
                app.window.close()
    finally:
        db.dispose()
        tmp.cleanup()
    print(args.screenshot)  # noqa: T201
    return EXIT_OK

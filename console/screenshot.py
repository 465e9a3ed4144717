"""`console --screenshot out.png`: the main window rendered offscreen on the demo site."""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def take_screenshot(args: argparse.Namespace) -> int:
    """Render the window (or one pane) for `args.user` and save it as PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from console.app import ConsoleApp, ConsoleOptions
    from console.cli import EXIT_OK, EXIT_USAGE, _error, _site, temp_database_url
    from console.gui import make_qapp
    from console.main_window import PANES
    from core.audit import AuditAction
    from data.db import open_database
    from data.security import AuthService
    from data.seeding import seed_site

    if args.pane and args.pane not in PANES:
        _error(f"unknown pane {args.pane!r}; choose from {', '.join(PANES)}")
        return EXIT_USAGE
    tmp = None
    if args.db:
        url = args.db
    else:
        # The operator's own database is never touched by a screenshot.
        url, tmp = temp_database_url()
    qapp = make_qapp()
    db = open_database(url)
    try:
        auth = AuthService(db, workstation=args.workstation)
        if tmp is not None:
            seed_site(db, _site(args), auth)
        with tempfile.TemporaryDirectory(prefix="console-layout-") as cfg:
            opts = ConsoleOptions(
                workstation=args.workstation,
                language=args.lang,
                idle_lock_minutes=0,
                config_dir=Path(cfg),
                confirm_quit=False,
            )
            app = ConsoleApp(qapp, db, opts)
            who = app.auth.principal(args.user)
            app.auth.record(who, AuditAction.SCREENSHOT, detail=str(args.screenshot))
            app.enter(who)
            app.window.resize(1600, 900)
            app.wait_idle()
            target = app.window if not args.pane else app.window.show_pane(args.pane)
            qapp.processEvents()
            args.screenshot.parent.mkdir(parents=True, exist_ok=True)
            if not target.grab().save(str(args.screenshot)):
                raise OSError(f"could not write {args.screenshot}")
            app.shutdown()
            app.window.allow_close()
            app.window.close()
    finally:
        db.dispose()
        if tmp is not None:
            tmp.cleanup()
    print(args.screenshot)  # noqa: T201
    return EXIT_OK

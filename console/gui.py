"""Starting the GUI: open the database with clear error dialogs, then sign-in."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from console.app import ConsoleApp, ConsoleOptions
from console.theme import apply_theme
from core.site import SiteError
from data.db import DatabaseError, DbErrorKind, open_database, resolve_url

log = logging.getLogger(__name__)

_TITLES_ZH = {
    DbErrorKind.CORRUPT: "数据库文件已损坏",
    DbErrorKind.LOCKED: "数据库被占用",
    DbErrorKind.UNREACHABLE: "无法连接数据库",
    DbErrorKind.AUTH: "数据库拒绝登录",
    DbErrorKind.NEWER_SCHEMA: "数据库版本较新",
    DbErrorKind.FOREIGN: "不是总控台数据库",
    DbErrorKind.CONFIG: "数据库配置错误",
    DbErrorKind.MIGRATION: "数据库升级失败",
}


def make_qapp() -> QApplication:
    """The QApplication with the console's names and theme."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Street Command Console")
    app.setOrganizationName("street-command-console")
    apply_theme(app)
    return app


def options_from(args: argparse.Namespace) -> ConsoleOptions:
    """ConsoleOptions from the parsed command line."""
    from pathlib import Path

    import platformdirs

    from data.db import APP_NAME

    return ConsoleOptions(
        workstation=args.workstation,
        language=args.lang,
        idle_lock_minutes=args.idle_lock,
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
    )


def show_startup_error(title: str, text: str) -> None:
    """A modal error before the main window exists; also on stderr and in the log."""
    log.error("%s: %s", title, text)
    print(f"console: error: {title}: {text}", file=sys.stderr)  # noqa: T201
    QMessageBox.critical(None, title, text)


def run_gui(args: argparse.Namespace) -> int:
    """Open the console; returns the process exit code."""
    from console.cli import EXIT_DATABASE, EXIT_SITE, _site

    qapp = make_qapp()
    try:
        _site(args)  # a broken site file is reported before anything else happens
    except SiteError as exc:
        show_startup_error("站点配置文件有误 / Site file error", str(exc))
        return EXIT_SITE
    try:
        db = open_database(resolve_url(args.db))
    except DatabaseError as exc:
        show_startup_error(_TITLES_ZH.get(exc.kind, "数据库错误") + " / Database error", str(exc))
        return EXIT_DATABASE
    app = ConsoleApp(qapp, db, options_from(args))
    if not app.site_name:
        app.shutdown()
        show_startup_error(
            "尚未初始化 / Not set up",
            "This database holds no site and no users yet. Run `console demo` (or `make run`) "
            "to create the demo site, or `console user add` for real accounts.",
        )
        return EXIT_DATABASE
    app.start()
    code = qapp.exec()
    app.shutdown()
    return code

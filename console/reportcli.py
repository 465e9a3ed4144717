"""`console report kpi`: the monthly indicator report as PDF, CSV or XLSX, for a scheduler too."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from console.authority import AuthorityRefused, command_actor
from console.paths import key_dir
from console.startup import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, local_services


def _month(text: str) -> date:
    """ "2026-11" → 2026-11-01 (argparse names the bad value)."""
    try:
        return datetime.strptime(text, "%Y-%m").date()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM, got {text!r}") from exc


def add_report_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    admin: argparse.ArgumentParser,
) -> None:
    """The `report kpi` command."""
    report = sub.add_parser("report", parents=[common], help="reports of the plan's indicators")
    report_sub = report.add_subparsers(dest="report_command", required=True)
    kpi = report_sub.add_parser(
        "kpi",
        parents=[common, admin],
        help="the monthly indicator report of the street or a community (audited)",
    )
    when = kpi.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", type=_month, metavar="YYYY-MM", help="the month reported")
    when.add_argument(
        "--previous-month",
        action="store_true",
        help="the month before this one (for a scheduled run on the first of the month)",
    )
    kpi.add_argument("--community", metavar="CODE", help="one community (default: the street)")
    kpi.add_argument("--format", choices=("pdf", "csv", "xlsx"), default="pdf")
    kpi.add_argument("--lang", choices=("zh", "en"), default="zh", help="the report's language")
    out = kpi.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", type=Path, metavar="FILE", help="the file to write")
    out.add_argument(
        "--out-dir",
        type=Path,
        metavar="DIR",
        help="a folder (made if missing): the file is named kpi-<street|CODE>-<YYYY-MM>.<format>",
    )


def run_report_command(args: argparse.Namespace) -> int:
    """Write the report as a supervisor or administrator (or the local file's owner)."""
    from console.kpi_report import export_report, report_name
    from core.indicators import add_months, month_start
    from core.model import RoleName
    from core.permissions import ROLE_PERMISSIONS, PermissionDenied, Principal
    from data.db import DbOptions, resolve_url
    from data.migrate import open_database

    if args.out_dir is not None:
        if args.out_dir.exists() and not args.out_dir.is_dir():
            _error(f"{args.out_dir} is not a folder")
            return EXIT_USAGE
        try:  # a scheduler's first run finds no folder yet
            args.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _error(f"cannot make the folder {args.out_dir}: {exc}")
            return EXIT_USAGE
    path: Path | None = args.out
    db = open_database(resolve_url(args.db), opts=DbOptions(), must_exist=True)
    try:
        services = local_services(db, args.workstation, key_dir(args.keys))
        actor = command_actor(db, services, args.admin)
        if isinstance(actor, str):  # the owner of the local file: the administrator's rights
            actor = Principal(0, actor, actor, RoleName.ADMIN, ROLE_PERMISSIONS[RoleName.ADMIN])
        if args.format == "pdf":
            # A PDF needs Qt's fonts, not a screen: the CLI runs where there may be none.
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from PySide6.QtGui import QGuiApplication

            app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
            del app
        with services.ctx.read() as s:
            from sqlalchemy import select

            from data.models import Community
            from data.services.feedback import site_zone

            names = dict(s.execute(select(Community.code, Community.name)).all())
            zone = site_zone(s)
        # "Last month" on the site's calendar: at 00:30 on the 1st in Beijing it is still the
        # 30th in UTC, and the UTC month would name the month before last.
        today = datetime.now(ZoneInfo(zone)).date()
        month = args.month or add_months(month_start(today), -1)
        path = args.out or args.out_dir / report_name(month, args.community, args.format)
        if args.community is not None and args.community not in names:
            _error(f"no community {args.community} (known: {', '.join(sorted(names))})")
            return EXIT_USAGE
        done = export_report(
            services.indicators,
            actor,
            month,
            args.community,
            args.format,
            path,
            zh=args.lang == "zh",
            now=datetime.now(UTC),
            display_name=actor.display_name,
            workstation=args.workstation or "CC",
            names=names,
            reason="scheduled monthly report" if args.previous_month else "monthly report",
        )
    except (AuthorityRefused, PermissionDenied) as exc:
        _error(str(exc))
        return EXIT_REFUSED
    except OSError as exc:
        _error(f"cannot write {path or args.out_dir}: {exc}")
        return EXIT_USAGE
    finally:
        db.dispose()
    print(f"wrote {done.path}")  # noqa: T201 - the CLI's output
    return EXIT_OK


def _error(msg: str) -> None:
    print(f"error: {msg}", file=sys.stderr)  # noqa: T201 - the CLI's output

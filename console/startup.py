"""What the GUI, the CLI and the screenshot share at start: exit codes, the site file, databases."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from core.site import SiteError, SiteSpec, load_site

# No data layer at module level: the GUI shows its sign-in window before loading it.
if TYPE_CHECKING:
    from data.db import Database
    from data.services import Services

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3
EXIT_SITE = 4
EXIT_REFUSED = 5  # an administrator's command without an administrator


def load_site_file(path: Path | None) -> SiteSpec:
    """The site file given, or the demo site's; raises SiteError naming file, line and field."""
    from console.paths import demo_site_file

    return load_site(path or demo_site_file())


def check_workstation(site: SiteSpec, code: str) -> None:
    """Refuse a workstation code the site file does not know, listing the ones it does."""
    if code not in {w.code for w in site.workstations}:
        known = ", ".join(w.code for w in site.workstations)
        raise SiteError(
            site.source,
            None,
            "workstation",
            f"no workstation {code!r} (--workstation / CONSOLE_WORKSTATION); the site file "
            f"has {known}",
        )


def local_services(db: Database, workstation: str, keys: Path | None = None) -> Services:
    """Services for a trusted local tool (CLI, seeding, screenshot): writes run at once."""
    # Imported here: the GUI shows its sign-in window before the data layer is loaded.
    from data.context import ServiceContext
    from data.services import Services

    return Services.build(ServiceContext(db, workstation=workstation, keys=keys))


def temp_database_url() -> tuple[str, tempfile.TemporaryDirectory[str]]:
    """A throw-away SQLite file (screenshots must not touch the operator's database)."""
    tmp = tempfile.TemporaryDirectory(prefix="console-shot-")
    return f"sqlite:///{Path(tmp.name) / 'demo.db'}", tmp

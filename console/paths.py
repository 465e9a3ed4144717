"""Where resources live, in a checkout and in the frozen installer alike."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The resources/ folder (PyInstaller unpacks it next to the executable)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def demo_site_file() -> Path:
    """The demo site's TOML file."""
    return resources_dir() / "demo" / "site.toml"

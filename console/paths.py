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


def key_dir(cli_dir: Path | None) -> Path:
    """The site's key folder: `--keys DIR`, else $CONSOLE_KEYS, else beside the user's
    configuration (never beside the database: whoever copies the database must not get them)."""
    import platformdirs

    from core.keys import resolve_key_dir
    from core.model import APP_NAME

    default = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "keys"
    return resolve_key_dir(cli_dir, default=default)


def checkpoint_dir(cli_dir: Path | None) -> Path:
    """The signed audit checkpoints: `--checkpoints DIR`, else $CONSOLE_CHECKPOINTS, else a
    folder in the user's data (outside the database, like the keys)."""
    import platformdirs

    from core.checkpoint import resolve_checkpoint_dir
    from core.model import APP_NAME

    default = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "checkpoints"
    return resolve_checkpoint_dir(cli_dir, default=default)

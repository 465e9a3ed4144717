"""Where resources live, in a checkout, an installed wheel and the frozen installer alike."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

RESOURCES_PACKAGE = "resources"


def resources_dir() -> Path:
    """The `resources` package's folder, found through importlib.resources.

    A checkout, an installed wheel and PyInstaller's one-folder bundle all keep it as a real
    folder on disk; Qt's translators and the site loader need file names, not streams.
    """
    try:
        root = files(RESOURCES_PACKAGE)
    except ModuleNotFoundError:
        # An editable install made before resources/ became a package (`make` redoes it).
        return Path(__file__).resolve().parent.parent / RESOURCES_PACKAGE
    if not isinstance(root, Path):
        # A zipped install would need importlib.resources.as_file for every read.
        raise RuntimeError(f"the console's resources are not a folder on disk: {root}")
    return root


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

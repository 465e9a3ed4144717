"""Resources are found through importlib.resources, the same way in a checkout and frozen."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from console.paths import demo_site_file, resources_dir


def test_resources_are_the_resources_packages_folder() -> None:
    folder = resources_dir()
    assert folder == files("resources")
    assert (folder / "__init__.py").is_file()
    assert (folder / "qss" / "dark.qss").is_file()


def test_the_demo_site_is_a_file_in_it() -> None:
    assert demo_site_file() == resources_dir() / "demo" / "site.toml"
    assert demo_site_file().read_text(encoding="utf-8").strip()
    assert isinstance(demo_site_file(), Path)

"""The start-up check of an installed console against fake bundle folders with a part removed."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from console.bundle_check import (
    SELFTEST_ENV,
    check_bundle,
    missing_parts,
    platform_plugin,
    plugin_file,
    required_parts,
    selftest,
)
from console.startup import EXIT_CHECK_FAILED

OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


def fake_bundle(root: Path, env: dict[str, str], platform: str) -> Path:
    """A folder holding every required part (empty files), as PyInstaller would lay it out."""
    for part in required_parts(env, platform):
        path = root / part.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    return root


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", "offscreen"),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", "wayland"),
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, "linux", "vnc"),
        ({}, "linux", "xcb"),
        ({}, "win32", "windows"),
        ({"QT_QPA_PLATFORM": ""}, "darwin", "cocoa"),
    ],
)
def test_the_platform_plugin_is_the_one_qt_will_load(
    env: dict[str, str], platform: str, expected: str
) -> None:
    assert platform_plugin(env, platform) == expected


def test_plugin_files_are_named_as_on_each_system() -> None:
    assert plugin_file("xcb", "linux") == "libqxcb.so"
    assert plugin_file("windows", "win32") == "qwindows.dll"
    assert plugin_file("cocoa", "darwin") == "libqcocoa.dylib"


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_a_complete_bundle_starts(tmp_path: Path, platform: str) -> None:
    root = fake_bundle(tmp_path, OFFSCREEN, platform)
    assert missing_parts(root, OFFSCREEN, platform) == []
    assert check_bundle(root, env=OFFSCREEN, platform=platform, show_box=False) is None


def test_a_missing_platform_plugin_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    root = fake_bundle(tmp_path, OFFSCREEN, "linux")
    plugin = root / "PySide6/Qt/plugins/platforms/libqoffscreen.so"
    plugin.unlink()
    with caplog.at_level(logging.ERROR, logger="console.bundle_check"):
        code = check_bundle(root, env=OFFSCREEN, platform="linux", show_box=False)
    assert code == EXIT_CHECK_FAILED
    err = capsys.readouterr().err
    assert "Qt platform plugin 'offscreen'" in err
    assert "PySide6/Qt/plugins/platforms/libqoffscreen.so" in err
    assert "damaged" in caplog.text
    assert "libqoffscreen.so" in caplog.text


def test_the_windows_plugin_folder_is_checked_on_windows(tmp_path: Path) -> None:
    env: dict[str, str] = {}
    root = fake_bundle(tmp_path, env, "win32")
    (root / "PySide6/plugins/platforms/qwindows.dll").unlink()
    [missing] = missing_parts(root, env, "win32")
    assert missing.what == "Qt platform plugin 'windows'"


@pytest.mark.parametrize(
    ("removed", "named"),
    [
        ("resources/translations/console_zh_CN.qm", "Chinese translation"),
        ("resources/qss/dark.qss", "theme"),
        ("resources/demo/site.toml", "demo site"),
        ("data/migrations/env.py", "database migrations"),
        ("data/migrations/versions/0001_initial.py", "first database migration"),
    ],
)
def test_each_missing_data_file_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], removed: str, named: str
) -> None:
    root = fake_bundle(tmp_path, OFFSCREEN, "linux")
    (root / removed).unlink()
    assert check_bundle(root, env=OFFSCREEN, platform="linux", show_box=False) == 1
    err = capsys.readouterr().err
    assert f"{named} ({removed})" in err


def test_every_missing_part_is_listed_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = fake_bundle(tmp_path, OFFSCREEN, "linux")
    (root / "resources/qss/dark.qss").unlink()
    (root / "video/verify_bundle.py").unlink()
    check_bundle(root, env=OFFSCREEN, platform="linux", show_box=False)
    err = capsys.readouterr().err
    assert "theme (resources/qss/dark.qss); evidence bundle verifier" in err


def test_a_checkout_is_not_checked() -> None:
    # Not frozen and no folder given: the checkout has no bundle to check.
    assert check_bundle(env={}, show_box=False) is None


def test_the_checkout_holds_every_part_the_spec_bundles() -> None:
    # The spec copies these data files from the checkout: a rename here must reach both.
    root = Path(__file__).resolve().parents[3]
    data_parts = [p for p in required_parts(OFFSCREEN, "linux") if not p.path.startswith("PySide6")]
    missing = [p.path for p in data_parts if not (root / p.path).is_file()]
    assert missing == [], "run `make translations` if only .qm files are missing"


def test_the_self_test_loads_every_native_library(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).resolve().parents[3]
    assert selftest(root) == 0
    out = capsys.readouterr().out
    for name in ("resources", "av", "motion", "pjsua2", "serial", "sound", "keyring", "images"):
        assert f"ok    {name}: " in out


def test_the_self_test_fails_on_resources_read_from_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = {**OFFSCREEN, SELFTEST_ENV: "1"}
    root = fake_bundle(tmp_path, env, "linux")
    assert check_bundle(root, env=env, platform="linux", show_box=False) == 1
    assert "FAIL  resources: RuntimeError: resources read from" in capsys.readouterr().out


def test_no_message_box_is_tried_without_a_display(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Qt aborts the process when it cannot reach a display: a headless `street-console
    # migrate` on a damaged install must still exit 1 with its message.
    env: dict[str, str] = {}  # no QT_QPA_PLATFORM, DISPLAY or WAYLAND_DISPLAY: xcb, headless
    root = fake_bundle(tmp_path, env, "linux")
    (root / "resources/qss/dark.qss").unlink()
    assert check_bundle(root, env=env, platform="linux", show_box=True) == 1
    assert "theme (resources/qss/dark.qss)" in capsys.readouterr().err

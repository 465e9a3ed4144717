"""An installed (frozen) console checks at start that its bundle holds every part it needs."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from console.startup import EXIT_CHECK_FAILED, EXIT_OK

log = logging.getLogger(__name__)

# `CONSOLE_BUNDLE_CHECK=1 street-console`: after the parts, load every native library and exit.
SELFTEST_ENV = "CONSOLE_BUNDLE_CHECK"
# Shown in the message box: the translator is not loaded yet and may be the missing part itself.
DAMAGED_ZH = "控制台的安装不完整，无法启动。请重新安装（docs/INSTALL.md）。"


@dataclass(frozen=True, slots=True)
class Part:
    """One file the console cannot start without, relative to the bundle's folder."""

    what: str
    path: str  # with forward slashes


def bundle_root() -> Path | None:
    """The frozen bundle's folder (PyInstaller's sys._MEIPASS); None in a checkout."""
    if not getattr(sys, "frozen", False):
        return None
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) if meipass else Path(sys.executable).resolve().parent


def platform_plugin(env: Mapping[str, str], platform: str) -> str:
    """The Qt platform plugin this start will load: the first of $QT_QPA_PLATFORM, else the
    system's (on Linux xcb, which Qt also falls back to from Wayland)."""
    first = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if first:
        return first
    return {"win32": "windows", "darwin": "cocoa"}.get(platform, "xcb")


def qt_plugins_dir(platform: str) -> str:
    """Where PyInstaller puts PySide6's plugins (the wheel's own layout differs on Windows)."""
    return "PySide6/plugins" if platform == "win32" else "PySide6/Qt/plugins"


def plugin_file(name: str, platform: str) -> str:
    """The file name of Qt plugin `name` ('offscreen' → libqoffscreen.so / qoffscreen.dll)."""
    if platform == "win32":
        return f"q{name}.dll"
    return f"libq{name}.dylib" if platform == "darwin" else f"libq{name}.so"


def required_parts(env: Mapping[str, str], platform: str) -> list[Part]:
    """What a start needs from the bundle: the platform plugin, translations, theme,
    migrations, demo site and the evidence verifier."""
    qpa = platform_plugin(env, platform)
    return [
        Part(
            f"Qt platform plugin '{qpa}'",
            f"{qt_plugins_dir(platform)}/platforms/{plugin_file(qpa, platform)}",
        ),
        Part("Chinese translation", "resources/translations/console_zh_CN.qm"),
        Part("English translation", "resources/translations/console_en.qm"),
        Part("theme", "resources/qss/dark.qss"),
        Part("demo site", "resources/demo/site.toml"),
        Part("database migrations", "data/migrations/env.py"),
        Part("first database migration", "data/migrations/versions/0001_initial.py"),
        Part("evidence bundle verifier", "video/verify_bundle.py"),
    ]


def missing_parts(root: Path, env: Mapping[str, str], platform: str) -> list[Part]:
    """The required parts not found below `root`, in the order of required_parts."""
    return [p for p in required_parts(env, platform) if not (root / p.path).is_file()]


def describe(root: Path, missing: list[Part]) -> str:
    """One message naming every missing part and its file."""
    named = "; ".join(f"{p.what} ({p.path})" for p in missing)
    return (
        f"this installation of the console is damaged, missing: {named} in {root}. "
        "Reinstall it from the installer (docs/INSTALL.md); the station's data is kept."
    )


def check_bundle(
    root: Path | None = None,
    *,
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    show_box: bool = True,
) -> int | None:
    """At start: None to go on, else the exit code (a part missing, or the self-test's result).

    In a checkout (not frozen, no `root` given) it checks nothing.
    """
    root = root or bundle_root()
    if root is None:
        return None
    env = os.environ if env is None else env
    missing = missing_parts(root, env, platform)
    if missing:
        message = describe(root, missing)
        log.error("%s", message)
        print(f"console: error: {message}", file=sys.stderr)  # noqa: T201 - the CLI's error channel
        plugin_missing = any(p.what.startswith("Qt platform plugin") for p in missing)
        if show_box and _has_screen(env, platform):
            _show_box(message, platform_plugin(env, platform), plugin_missing, platform)
        return EXIT_CHECK_FAILED
    if env.get(SELFTEST_ENV):
        return selftest(root)
    return None


def _has_screen(env: Mapping[str, str], platform: str) -> bool:
    """Whether Qt can open a window at all: without a display it aborts the process."""
    if platform in ("win32", "darwin"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def _show_box(message: str, qpa: str, plugin_missing: bool, platform: str) -> None:
    """Tell the person at the screen too: an installed console has no terminal to read."""
    if qpa in ("offscreen", "minimal"):
        return
    title, text = "街道智能总控台 Street Command Console", f"{DAMAGED_ZH}\n\n{message}"
    try:
        if plugin_missing:
            # Qt cannot draw without its platform plugin; Windows can still show a box itself.
            if platform == "win32":
                import ctypes

                getattr(ctypes, "windll").user32.MessageBoxW(None, text, title, 0x10)  # noqa: B009
            return
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication([sys.argv[0]])
        QMessageBox.critical(None, title, text)
        del app
    except Exception:  # the stderr line and the log already say it
        log.exception("the message box about the damaged installation could not be shown")


def _check_av() -> str:
    import av

    av.codec.Codec("h264", "r")  # loads libavcodec from the bundle
    return f"PyAV {av.__version__}"


def _check_motion() -> str:
    import numpy as np

    from video.motion import MotionDetector
    from video.png import encode_png

    detector = MotionDetector()
    frame = np.zeros((180, 320, 4), np.uint8)
    detector.process(frame, at=0.0)
    frame[60:120, 100:200] = 255
    detector.process(frame, at=1.0)
    png = encode_png(frame)
    return f"motion detection and PNG snapshots (numpy {np.__version__}, {len(png)} bytes)"


def _check_pjsua2() -> str:
    import importlib.util

    if importlib.util.find_spec("pjsua2") is None:
        return "pjsua2 not bundled (calls are off on this build)"
    import pjsua2

    pjsua2.Endpoint  # noqa: B018 - the attribute loads the native bindings
    return f"pjsua2 {pjsua2.__version__}"


def _check_serial() -> str:
    import serial

    port = serial.serial_for_url("loop://", timeout=1)
    try:
        port.write(b"ping")
        echoed = port.read(4)
    finally:
        port.close()
    if echoed != b"ping":
        raise RuntimeError(f"loop:// echoed {echoed!r}")
    # Resolving the handler imports serial.urlhandler.protocol_socket; nothing is connected.
    serial.serial_for_url("socket://127.0.0.1:9", do_not_open=True)
    return f"pyserial {serial.VERSION}: loop:// and socket:// handlers"


def _check_sound() -> str:
    import sounddevice

    return f"sounddevice over {sounddevice.get_portaudio_version()[1]}"


def _check_keyring() -> str:
    from console.station_setup import system_keyring

    backend = system_keyring()
    if backend is None:
        import keyring  # bundled even where no store answers (then the 0600 file is used)

        backends = len(keyring.backend.get_all_keyring())
        return f"keyring with {backends} backends; no credential store answers here (0600 file)"
    return f"credential store: {type(backend).__module__}.{type(backend).__name__}"


def _check_images() -> str:
    from PySide6.QtGui import QImageReader

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "jpeg" not in formats:
        raise RuntimeError(f"no JPEG image plugin (formats: {', '.join(sorted(formats))})")
    return f"Qt image formats: {', '.join(sorted(formats))}"


def _check_resources(root: Path) -> Callable[[], str]:
    def check() -> str:
        from importlib.resources import files

        from console.paths import RESOURCES_PACKAGE, resources_dir

        files(RESOURCES_PACKAGE)  # the package itself is bundled (resources_dir has a fallback)
        found = resources_dir()
        if root.resolve() not in found.resolve().parents:
            raise RuntimeError(f"resources read from {found}, outside the bundle {root}")
        return f"resources through importlib.resources: {found}"

    return check


def selftest(root: Path) -> int:
    """Load each native library the console uses and print one line per check."""
    checks: list[tuple[str, Callable[[], str]]] = [
        ("resources", _check_resources(root)),
        ("av", _check_av),
        ("motion", _check_motion),
        ("pjsua2", _check_pjsua2),
        ("serial", _check_serial),
        ("sound", _check_sound),
        ("keyring", _check_keyring),
        ("images", _check_images),
    ]
    failed = 0
    for name, check in checks:
        try:
            line = f"ok    {name}: {check()}"
        except Exception as exc:
            failed += 1
            line = f"FAIL  {name}: {type(exc).__name__}: {exc}"
        print(line)  # noqa: T201 - the self-test's report
    return EXIT_CHECK_FAILED if failed else EXIT_OK

"""Starting the console: clear error dialogs and exit codes; the offscreen screenshot command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

import console.app
import console.gui
from console.app import ConsoleApp
from console.cli import EXIT_DATABASE, EXIT_SITE, EXIT_USAGE, _parser
from console.gui import run_gui
from console.recorder_runtime import RecorderLaunch
from console.shell.main_window import MainWindow
from tests.helpers.cli import run_cli
from tests.helpers.consoles import SeededSite
from widgets.login import LoginDialog

ROOT = Path(__file__).resolve().parents[2]
DEMO_SITE = ROOT / "resources" / "demo" / "site.toml"


@pytest.fixture
def criticals(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[list[tuple[str, str]]]:
    """Record the startup error boxes instead of showing them; undo what make_qapp changes."""
    calls: list[tuple[str, str]] = []

    def critical(title: str, text: str) -> None:
        calls.append((title, text))

    monkeypatch.setattr(console.gui, "critical_box", critical)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    monkeypatch.delenv("CONSOLE_DB", raising=False)
    saved = (
        qapp.styleSheet(),
        qapp.font(),
        qapp.applicationName(),
        qapp.organizationName(),
        qapp.style().name(),
    )
    yield calls
    sheet, font, name, org, style = saved
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setApplicationName(name)
    qapp.setOrganizationName(org)
    qapp.setStyle(style)


def test_corrupt_database_file_is_explained(
    criticals: list[tuple[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "console.db"
    bad.write_bytes(b"this is a spreadsheet, not a database\n" * 200)

    code = run_gui(_parser().parse_args(["--db", f"sqlite:///{bad}"]))

    assert code == EXIT_DATABASE == 3
    assert len(criticals) == 1
    title, text = criticals[0]
    assert "数据库文件已损坏" in title  # "the database file is damaged"
    assert "damaged or is not a database" in text
    assert str(bad) in text, "the message names the file"
    assert "数据库文件已损坏" in capsys.readouterr().err
    assert bad.read_bytes().startswith(b"this is a spreadsheet"), "left untouched"


def test_unreachable_server_is_explained(criticals: list[tuple[str, str]]) -> None:
    code = run_gui(_parser().parse_args(["--db", "postgresql+psycopg://u:secret@127.0.0.1:1/x"]))
    assert code == EXIT_DATABASE
    title, text = criticals[0]
    assert "无法连接数据库" in title
    assert "cannot be reached" in text
    assert "secret" not in text, "the password is never shown"


def test_site_file_typo_is_explained(criticals: list[tuple[str, str]], tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text(
        DEMO_SITE.read_text(encoding="utf-8").replace("households", "househols", 1),
        encoding="utf-8",
    )
    db = tmp_path / "never-opened.db"

    code = run_gui(_parser().parse_args(["--site", str(site), "--db", f"sqlite:///{db}"]))

    assert code == EXIT_SITE == 4
    title, text = criticals[0]
    assert "站点配置文件有误" in title
    assert "househols" in text
    assert "did you mean 'households'" in text
    typo_line = next(
        n
        for n, line in enumerate(site.read_text(encoding="utf-8").splitlines(), 1)
        if "househols" in line
    )
    assert f"{site}:{typo_line}" in text, "file and line of the typo"
    assert not db.exists(), "a broken site file is reported before the database is opened"


def test_empty_database_says_how_to_set_up(
    criticals: list[tuple[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[ConsoleApp] = []

    class Recorded(ConsoleApp):
        def __init__(self, *a: object, **kw: object) -> None:
            super().__init__(*a, **kw)  # type: ignore[arg-type]
            made.append(self)

    monkeypatch.setattr(console.app, "ConsoleApp", Recorded)
    try:
        code = run_gui(_parser().parse_args(["--db", f"sqlite:///{tmp_path / 'empty.db'}"]))
    finally:
        for app in made:
            app.shutdown()
            app.translations.switch("en")
            app.window.allow_close()
            app.window.close()
            app.window.deleteLater()
    assert code == EXIT_DATABASE
    title, text = criticals[0]
    assert "尚未初始化" in title
    assert "console demo" in text
    assert len(made) == 1
    assert made[0].session.login_dialog is None, "no sign-in is offered on an empty database"
    # Nothing to record or watch: starting a recorder only to stop it again cost seconds.
    assert made[0].recording.launch.state is RecorderLaunch.OFF
    assert made[0].video is None
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog)]
    assert not any(w.isVisible() for w in shown), "the early sign-in window is gone again"


def _console(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[var] = str(tmp_path / var.lower())
    env.pop("CONSOLE_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _assert_png(path: Path) -> QImage:
    assert path.is_file()
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    img = QImage(str(path))
    assert not img.isNull()
    assert img.width() > 0
    assert img.height() > 0
    return img


def test_screenshot_of_the_whole_window(tmp_path: Path) -> None:
    out = tmp_path / "shots" / "a.png"
    proc = _console("--screenshot", str(out), "--lang", "en", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    img = _assert_png(out)
    assert (img.width(), img.height()) == (1600, 900)
    assert proc.stdout.strip() == str(out)
    assert not list((tmp_path / "xdg_data_home").glob("**/*.db")), "no operator database made"


def test_screenshot_of_one_pane(tmp_path: Path) -> None:
    out = tmp_path / "incidents.png"
    proc = _console("--screenshot", str(out), "--pane", "incidents", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    img = _assert_png(out)
    assert img.width() < 1600, "only the pane, not the window"


def test_screenshot_of_a_community_station_is_its_station_screen(tmp_path: Path) -> None:
    out = tmp_path / "station.png"
    args = ("--screenshot", str(out), "--workstation", "WS01", "--user", "ws01")
    proc = _console(*args, tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    img = _assert_png(out)
    assert (img.width(), img.height()) == (1600, 900)  # the window, not grown by its panes
    assert proc.stderr.strip() == ""  # no phone line or receiver started for a picture


def test_screenshot_of_an_unknown_pane_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    proc = _console("--screenshot", str(out), "--pane", "radar", tmp_path=tmp_path)
    assert proc.returncode == EXIT_USAGE == 2
    assert "unknown pane 'radar'" in proc.stderr
    assert "incidents" in proc.stderr, "the valid panes are listed"
    assert not out.exists()


def test_unknown_workstation_is_explained(criticals: list[tuple[str, str]], tmp_path: Path) -> None:
    db = tmp_path / "never-opened.db"
    code = run_gui(_parser().parse_args(["--workstation", "WS99", "--db", f"sqlite:///{db}"]))
    assert code == EXIT_SITE
    title, text = criticals[0]
    assert title == "站点配置文件有误"
    assert "no workstation 'WS99'" in text
    assert "WS01" in text, "the known codes are listed"
    assert not db.exists()


def test_the_command_line_and_the_gui_start_without_the_data_layer() -> None:
    """The sign-in window comes before SQLAlchemy, the models and the presenters are loaded."""
    probe = (
        "import sys, console.cli, console.gui, console.startup; "
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy' "
        "or m in ('data.models', 'data.db', 'console.app')); print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_the_early_sign_in_window_signs_in(
    criticals: list[tuple[str, str]],
    seeded: SeededSite,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The window shown before loading is the one the console takes over.

    The user name and password are entered and Sign in clicked while the console is still
    loading (the first timer fires inside the early window's event processing): the request
    is kept and sent once the console is wired to the dialog.
    """
    # The sign-in is under test: the user's folders in tmp_path, and no cameras or recorder
    # (seconds to start and stop, and they wrote into the real home's data folder).
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    with_video = console.gui.options_from
    monkeypatch.setattr(
        console.gui, "options_from", lambda args, site: replace(with_video(args, site), video=None)
    )
    seen: list[LoginDialog] = []

    def step() -> None:
        if not seen:
            dlg = next(
                (w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog)), None
            )
            if dlg is not None and dlg.isVisible():
                seen.append(dlg)
                dlg.username.setText("operator")
                dlg.password.setText(seeded.passwords["operator"])
                dlg.sign_in.click()
        elif _main_window() is not None:
            QApplication.exit(0)

    ticker = QTimer()
    ticker.timeout.connect(step)
    ticker.start(0)
    guard = QTimer()  # a hang fails the test instead of blocking the run
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.exit(99))
    guard.start(50_000)  # far above the few seconds it takes: only a hang reaches it
    args = _parser().parse_args(["--db", seeded.db.url, "--idle-lock", "0"])
    try:
        code = run_gui(args)
    finally:
        ticker.stop()
        guard.stop()
        window = _main_window()
        if window is not None:
            window.allow_close()
            window.close()
            window.deleteLater()
    assert code == 0
    assert len(seen) == 1
    assert criticals == []


def _main_window() -> MainWindow | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()),
        None,
    )


def test_the_console_loads_cryptography_only_when_a_key_is_used() -> None:
    """Keys are used at a reveal, a checkpoint or a verify, not at every start (~20 ms)."""
    probe = (
        "import sys, console.app, data.migrate; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'cryptography'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_nothing_the_console_runs_needs_opencv() -> None:
    """OpenCV is a test reference only: the installer leaves it out (build_installer.spec)."""
    probe = (
        "import sys, console.app, console.cli, console.motion_runtime, console.recorder_service, "
        "console.serve, video.demo_cameras, video.motion, video.clips; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'cv2'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_screenshot_of_the_wall_starts_its_cameras(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: the demo was seeded after the console started, so the console knew no site
    and the wall in `--pane video` never opened a camera ("Connecting…" for 60 s)."""
    import console.screenshot as shot
    import console.video_runtime as video_runtime
    from console.presenters.video_wall import VideoWallPresenter

    real_options = video_runtime.VideoOptions

    seen: list[tuple[bool, list[str]]] = []

    def look(_qapp: object, app: ConsoleApp) -> None:  # instead of waiting for pictures
        wall = app.presenter("video")
        assert isinstance(wall, VideoWallPresenter)
        app.window.show_pane("video")
        wall.show_cameras(list(wall.cameras)[:4])
        statuses = [wall.wall.status(t) for t in range(4)]
        seen.append((wall.runtime is not None, [s.detail if s else "" for s in statuses]))

    monkeypatch.setattr(shot, "_let_wall_play", look)
    # The demo's cameras without their generated clips (seconds of making): each tile is
    # still tried, and says why it has no picture.
    monkeypatch.setattr(video_runtime, "VideoOptions", lambda: real_options(demo_video=False))
    out = tmp_path / "wall.png"
    proc = run_cli(tmp_path, "--screenshot", str(out), "--pane", "video", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert len(seen) == 1
    started, details = seen[0]
    assert started  # the console knew its site: the wall's cameras were started
    assert all("demo cameras are not running" in d for d in details), details

"""First start: the setup dialog tests the database off the GUI thread and saves only what works.

Against real databases: SQLite files in tmp_path and the session's PostgreSQL server (a wrong
password, a closed port on 127.0.0.1, a database not migrated, one that works).
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import console.gui
from console.cli import _parser
from console.first_start import run_first_start
from console.gui import run_gui
from console.setup_dialog import db_tester, open_dialog, setup_form
from console.setup_start import resolve_setup
from console.startup import EXIT_DATABASE
from console.station_setup import SetupStore
from core.site import SiteSpec
from core.station_setup import (
    DbCheckKind,
    DbKind,
    DbTarget,
    PasswordStore,
    PcRole,
    StationSetup,
)
from data.pgroles import WORKSTATION_ROLE
from tests.helpers.postgres import WORKSTATION_PASSWORD, PgServer
from widgets.first_start_dialog import FirstStartDialog

WAIT_MS = 15_000


@pytest.fixture
def store(tmp_path: Path) -> SetupStore:
    return SetupStore(tmp_path / "config", keyring=None)


@pytest.fixture
def make_dialog(
    qtbot: QtBot, demo_site: SiteSpec, store: SetupStore
) -> Iterator[Callable[[], FirstStartDialog]]:
    made: list[FirstStartDialog] = []

    def make() -> FirstStartDialog:
        dlg = FirstStartDialog(
            setup_form(demo_site, store, store.load(), first_start=True), db_tester(store, None)
        )
        qtbot.addWidget(dlg)
        dlg.show()
        made.append(dlg)
        return dlg

    yield make
    for dlg in made:
        dlg.stop_test()


def _test(qtbot: QtBot, dlg: FirstStartDialog) -> DbCheckKind:
    with qtbot.waitSignal(dlg.sig_test_finished, timeout=WAIT_MS) as got:
        qtbot.mouseClick(dlg.test_button, Qt.MouseButton.LeftButton)
    return got.args[0].kind  # type: ignore[no-any-return,index]


def _server(dlg: FirstStartDialog, port: int, database: str, user: str, password: str) -> None:
    dlg.db_server.setChecked(True)
    dlg.host.setText("127.0.0.1")
    dlg.port.setValue(port)
    dlg.database.setText(database)
    dlg.user.setText(user)
    dlg.password.setText(password)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends


# --- embedded files ------------------------------------------------------------------------


def test_a_new_file_is_tested_when_saved_and_the_setup_written(
    qtbot: QtBot,
    make_dialog: Callable[[], FirstStartDialog],
    store: SetupStore,
    tmp_path: Path,
    demo_site: SiteSpec,
) -> None:
    dlg = make_dialog()
    assert dlg.role_control.isChecked()
    assert dlg.workstation.currentData() == "CC"
    qtbot.mouseClick(dlg.role_station, Qt.MouseButton.LeftButton)
    dlg.workstation.setCurrentIndex(dlg.workstation.findData("WS02"))
    codes = [dlg.devices.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dlg.devices.count())]
    given = [*demo_site.readers, *demo_site.cameras, *demo_site.devices]
    assert codes == [d.code for d in given if d.workstation == "WS02"]
    assert codes
    dlg.devices.item(0).setCheckState(Qt.CheckState.Unchecked)
    path = tmp_path / "new" / "console.db"
    dlg.path.setText(str(path))
    assert dlg.save_button.isEnabled()
    with qtbot.waitSignal(dlg.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.last_check is not None
    assert dlg.last_check.kind is DbCheckKind.NEW_FILE
    assert not path.exists()  # testing creates nothing
    saved = store.save(dlg.setup(), dlg.typed_password())
    assert (saved.role, saved.workstation) == (PcRole.STATION, "WS02")
    assert saved.not_owned == (codes[0],)
    assert store.load() == saved


def test_a_migrated_file_passes_and_a_foreign_one_keeps_the_dialog_open(
    qtbot: QtBot,
    make_dialog: Callable[[], FirstStartDialog],
    sqlite_migrated_template: Path,
    tmp_path: Path,
) -> None:
    good = tmp_path / "good.db"
    shutil.copyfile(sqlite_migrated_template, good)
    dlg = make_dialog()
    dlg.path.setText(str(good))
    assert _test(qtbot, dlg) is DbCheckKind.OK
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER)")
    conn.close()
    dlg.path.setText(str(foreign))
    with qtbot.waitSignal(dlg.sig_test_finished, timeout=WAIT_MS):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible()
    assert dlg.result() == 0
    assert dlg.path.text() == str(foreign)
    assert dlg.status.text().startswith("This is not a console database.")


def test_escape_closes_and_tab_walks_the_form_in_order(
    qtbot: QtBot, make_dialog: Callable[[], FirstStartDialog]
) -> None:
    dlg = make_dialog()
    dlg.db_server.setChecked(True)
    chain = [dlg.role_control]
    while (step := chain[-1].nextInFocusChain()) is not dlg.role_control and len(chain) < 500:
        chain.append(step)
    order = [
        dlg.role_control,
        dlg.role_station,
        dlg.workstation,
        dlg.db_embedded,
        dlg.path,
        dlg.db_server,
        dlg.host,
        dlg.port,
        dlg.database,
        dlg.user,
        dlg.password,
        dlg.test_button,
        dlg.devices,
    ]
    positions = [chain.index(w) for w in order]
    assert positions == sorted(positions)
    for text in (dlg.role_station.text(), dlg.db_server.text(), dlg.test_button.text()):
        assert "&" in text  # Alt+letter reaches it
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible()
    assert dlg.result() == 0


# --- the shared server --------------------------------------------------------------------


@pytest.mark.postgres
def test_server_wrong_password_closed_port_and_unmigrated_keep_save_off(
    qtbot: QtBot,
    make_dialog: Callable[[], FirstStartDialog],
    pg_server: PgServer,
    pg_migrated_template: str,
) -> None:
    name = f"setup_{pg_server.port}"
    pg_server.create_database(name, template=pg_migrated_template)
    dlg = make_dialog()
    _server(dlg, pg_server.port, name, WORKSTATION_ROLE, "wrong")
    assert not dlg.save_button.isEnabled()  # a server is saved only after a passing test
    assert _test(qtbot, dlg) is DbCheckKind.AUTH
    assert not dlg.save_button.isEnabled()
    assert "refused the user name or password" in dlg.status.text()
    _server(dlg, _closed_port(), name, WORKSTATION_ROLE, WORKSTATION_PASSWORD)
    assert _test(qtbot, dlg) is DbCheckKind.UNREACHABLE
    assert not dlg.save_button.isEnabled()
    assert dlg.host.text() == "127.0.0.1"
    assert dlg.password.text() == WORKSTATION_PASSWORD
    empty = f"setup_empty_{pg_server.port}"
    pg_server.create_database(empty)
    _server(dlg, pg_server.port, empty, pg_server.user, pg_server.password)
    assert _test(qtbot, dlg) is DbCheckKind.NOT_MIGRATED
    assert not dlg.save_button.isEnabled()
    _server(dlg, pg_server.port, "no_such_db", pg_server.user, pg_server.password)
    assert _test(qtbot, dlg) is DbCheckKind.NO_DATABASE
    _server(dlg, pg_server.port, name, WORKSTATION_ROLE, WORKSTATION_PASSWORD)
    assert _test(qtbot, dlg) is DbCheckKind.OK
    assert dlg.save_button.isEnabled()
    dlg.port.setValue(pg_server.port + 1)  # changed after the test: tested again first
    assert not dlg.save_button.isEnabled()


@pytest.mark.postgres
def test_a_server_setup_is_saved_without_its_password_and_reopens_filled(
    qtbot: QtBot,
    demo_site: SiteSpec,
    store: SetupStore,
    make_dialog: Callable[[], FirstStartDialog],
    pg_server: PgServer,
    pg_migrated_template: str,
) -> None:
    name = f"setup_saved_{pg_server.port}"
    pg_server.create_database(name, template=pg_migrated_template)
    dlg = make_dialog()
    _server(dlg, pg_server.port, name, WORKSTATION_ROLE, WORKSTATION_PASSWORD)
    assert _test(qtbot, dlg) is DbCheckKind.OK
    saved = store.save(dlg.setup(), dlg.typed_password())
    assert saved.password is PasswordStore.FILE
    assert WORKSTATION_PASSWORD not in store.path.read_text(encoding="utf-8")
    again, current = open_dialog(demo_site, store, None)
    qtbot.addWidget(again)
    assert current == saved
    assert again.db_server.isChecked()
    assert again.database.text() == name
    assert again.password.text() == ""
    assert "kept" in again.password.placeholderText()
    # The kept password is used by the test when none is typed.
    assert _test(qtbot, again) is DbCheckKind.OK
    assert again.typed_password() is None


# --- the whole first start ----------------------------------------------------------------


def _args(lang: str = "en") -> argparse.Namespace:
    return _parser().parse_args(["--lang", lang])


def _answer(qtbot: QtBot, act: Callable[[FirstStartDialog], None]) -> None:
    """Act on the modal dialog once it is up (exec() runs its own loop)."""

    def poll() -> None:
        dlg = QApplication.activeModalWidget()
        if isinstance(dlg, FirstStartDialog):
            act(dlg)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_first_start_cancelled_saves_nothing(qtbot: QtBot, store: SetupStore) -> None:
    _answer(qtbot, lambda dlg: dlg.reject())
    assert run_first_start(_args(), store) is None
    assert not store.exists()


def test_first_start_shows_the_problem_then_saves_what_was_chosen(
    qtbot: QtBot, store: SetupStore, tmp_path: Path
) -> None:
    store.folder.mkdir(parents=True)
    store.path.write_text("role = 1", encoding="utf-8")
    shown: list[str] = []

    def act(dlg: FirstStartDialog) -> None:
        shown.append(dlg.problem.text())
        dlg.path.setText(str(tmp_path / "c.db"))
        dlg.save_button.click()

    _answer(qtbot, act)
    saved = run_first_start(_args(), store)
    assert saved is not None
    assert saved.database.kind is DbKind.EMBEDDED
    assert shown
    assert f"{store.path}: workstation: missing" in shown[0]
    assert store.load() == saved


def test_a_database_that_will_not_open_at_first_start_offers_the_setup_again(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The bad input of the issue: a clear message, and the settings offered again."""
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(console.gui, "critical_box", lambda t, x: boxes.append((t, x)))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    monkeypatch.delenv("CONSOLE_DB", raising=False)
    monkeypatch.setattr("sys.frozen", True, raising=False)
    sheet, style = qapp.styleSheet(), qapp.style().name()
    bad = tmp_path / "damaged.db"
    bad.write_bytes(b"not a database\n" * 300)
    fresh = tmp_path / "fresh.db"
    problems: list[str] = []

    def ask(args: argparse.Namespace, store: SetupStore, problem: str) -> StationSetup | None:
        problems.append(problem)
        path = bad if len(problems) == 1 else fresh
        return store.save(
            StationSetup(PcRole.CONTROL_ROOM, "CC", DbTarget(DbKind.EMBEDDED, str(path)))
        )

    store = SetupStore(tmp_path / "config", keyring=None)
    args = _args()
    assert resolve_setup(args, ["--lang", "en"], env={}, store=store, first_start=ask) is None
    try:
        code = run_gui(args)
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setStyle(style)
    assert problems[0] == ""
    assert problems[1].startswith("The database file is damaged.")
    assert str(bad) in problems[1]
    # Started again on the corrected file: a new, empty database (no site yet) is explained.
    assert fresh.exists()
    assert code == EXIT_DATABASE
    assert [title for title, _text in boxes] == ["The console is not set up yet"]
    assert len(problems) == 2

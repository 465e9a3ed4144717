"""This PC's setup on disk, its password, and how a start picks the database and workstation."""

from __future__ import annotations

import argparse
import os
import stat
from pathlib import Path

import pytest

from console.cli import _parser
from console.setup_start import hosted_site, resolve_setup, setup_again
from console.setupcli import run_setup_command
from console.station_setup import (
    ENV_DB_PASSWORD_FILE,
    KEYRING_SERVICE,
    SetupStore,
    database_url,
    system_keyring,
)
from core.site import SiteSpec
from core.station_setup import (
    DbKind,
    DbTarget,
    PasswordStore,
    PcRole,
    PgServer,
    SetupFileError,
    StationSetup,
)

SERVER = PgServer("db.example", "console", "ws03")
ON_SERVER = StationSetup(
    PcRole.STATION, "WS03", DbTarget(DbKind.POSTGRESQL, server=SERVER), ("CAM05",)
)


class FakeKeyring:
    """A credential store in memory, as keyring.get_keyring() returns one."""

    def __init__(self) -> None:
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.saved[(service, username)]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="mode bits are POSIX")
def test_without_a_credential_store_the_password_goes_to_a_0600_file(tmp_path: Path) -> None:
    store = SetupStore(tmp_path / "cfg", keyring=None)
    saved = store.save(ON_SERVER, "s3cret pw")
    assert saved.password is PasswordStore.FILE
    assert _mode(store.password_path) == 0o600
    assert _mode(store.path) == 0o600
    assert _mode(store.folder) == 0o700
    assert "s3cret" not in store.path.read_text(encoding="utf-8")
    assert store.load() == saved
    assert store.password(saved) == "s3cret pw"


@pytest.mark.skipif(os.name != "posix", reason="mode bits are POSIX")
def test_a_wider_password_file_left_behind_is_tightened(tmp_path: Path) -> None:
    store = SetupStore(tmp_path, keyring=None)
    store.password_path.with_name("db-password.new").write_text("old")
    store.password_path.with_name("db-password.new").chmod(0o644)
    store.save(ON_SERVER, "pw")
    assert _mode(store.password_path) == 0o600


def test_with_a_credential_store_the_password_stays_out_of_every_file(tmp_path: Path) -> None:
    ring = FakeKeyring()
    store = SetupStore(tmp_path, keyring=ring)
    saved = store.save(ON_SERVER, "s3cret")
    assert saved.password is PasswordStore.KEYRING
    assert ring.saved == {(KEYRING_SERVICE, "ws03@db.example:5432/console"): "s3cret"}
    assert not store.password_path.exists()
    assert all("s3cret" not in p.read_text(encoding="utf-8") for p in tmp_path.iterdir())
    assert store.password(store.load() or ON_SERVER) == "s3cret"
    # An empty password keeps it; a change to an embedded file forgets it.
    assert store.save(ON_SERVER, None).password is PasswordStore.KEYRING
    store.save(StationSetup(PcRole.STATION, "WS03", DbTarget(DbKind.EMBEDDED)), "x")
    assert ring.saved == {}


def test_a_refusing_credential_store_falls_back_to_the_file(tmp_path: Path) -> None:
    class Locked(FakeKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise RuntimeError("the keyring is locked")

    store = SetupStore(tmp_path, keyring=Locked())
    assert store.save(ON_SERVER, "pw").password is PasswordStore.FILE
    assert store.password_path.read_text(encoding="utf-8") == "pw\n"


def test_reset_removes_the_setup_and_its_password(tmp_path: Path) -> None:
    ring = FakeKeyring()
    store = SetupStore(tmp_path, keyring=ring)
    store.save(ON_SERVER, "pw")
    assert store.reset()
    assert not store.exists()
    assert ring.saved == {}
    assert not store.reset()


def test_a_damaged_file_is_reported_with_its_path(tmp_path: Path) -> None:
    store = SetupStore(tmp_path, keyring=None)
    store.path.write_bytes(b"role = 'station'\nworkstation = 'WS01'\n[database]\nkind = 1\n")
    with pytest.raises(SetupFileError, match=r"station\.toml: database\.kind: expected text"):
        store.load()


# --- the order: flags and environment, then the setup, then the defaults ---------------


def _resolve(
    argv: list[str], store: SetupStore, env: dict[str, str] | None = None
) -> argparse.Namespace:
    args = _parser().parse_args(argv)
    env = {} if env is None else env
    assert resolve_setup(args, argv, env=env, store=store, first_start=_never) is None
    return args


def _never(args: argparse.Namespace, store: SetupStore, problem: str) -> StationSetup | None:
    raise AssertionError("the first-start dialog was not expected")


def test_without_a_setup_the_defaults_stay(tmp_path: Path) -> None:
    args = _resolve([], SetupStore(tmp_path, keyring=None))
    assert (args.db, args.workstation) == (None, "CC")


def test_the_setup_names_the_workstation_and_the_server(tmp_path: Path) -> None:
    store = SetupStore(tmp_path, keyring=None)
    store.save(ON_SERVER, "pw")
    env: dict[str, str] = {}
    args = _resolve([], store, env)
    assert args.workstation == "WS03"
    assert args.db == "postgresql+psycopg://ws03@db.example:5432/console"
    assert env[ENV_DB_PASSWORD_FILE] == str(store.password_path)
    assert args.setup_devices == frozenset({"CAM05"})


def test_a_keyring_password_travels_in_the_url_only(tmp_path: Path) -> None:
    store = SetupStore(tmp_path, keyring=FakeKeyring())
    store.save(ON_SERVER, "p@ss/word")
    env: dict[str, str] = {}
    args = _resolve([], store, env)
    assert args.db == "postgresql+psycopg://ws03:p%40ss%2Fword@db.example:5432/console"
    assert env == {}


def test_flags_and_environment_win_over_the_setup(tmp_path: Path) -> None:
    store = SetupStore(tmp_path, keyring=None)
    store.save(ON_SERVER, "pw")
    args = _resolve(["--workst", "WS09", "--db", "sqlite:///x.db"], store)
    assert (args.workstation, args.db) == ("WS09", "sqlite:///x.db")
    env = {"CONSOLE_DB": "sqlite:///y.db", "CONSOLE_WORKSTATION": "WS01"}
    args = _resolve([], store, env)
    assert (args.workstation, args.db) == ("CC", None)  # parsed before: data.db reads the env
    assert ENV_DB_PASSWORD_FILE not in env


def test_an_embedded_setup_opens_its_file(tmp_path: Path) -> None:
    store = SetupStore(tmp_path, keyring=None)
    store.save(StationSetup(PcRole.CONTROL_ROOM, "CC", DbTarget(DbKind.EMBEDDED, "/d/c.db")))
    assert _resolve([], store).db == "sqlite:////d/c.db"


def test_a_damaged_setup_stops_a_command_with_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SetupStore(tmp_path, keyring=None)
    store.path.write_text("role = 'x'", encoding="utf-8")
    args = _parser().parse_args(["migrate"])
    assert resolve_setup(args, ["migrate"], env={}, store=store) == 2
    assert f"{store.path}: workstation: missing" in capsys.readouterr().err


def test_the_dialog_comes_first_when_frozen_and_new_or_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SetupStore(tmp_path, keyring=None)
    asked: list[str] = []

    def dialog(args: argparse.Namespace, st: SetupStore, problem: str) -> StationSetup | None:
        asked.append(problem)
        return st.save(ON_SERVER, "pw")

    args = _parser().parse_args([])
    assert resolve_setup(args, [], env={}, store=store, first_start=dialog) is None
    assert asked == []  # a checkout (not frozen) starts as before
    monkeypatch.setattr("sys.frozen", True, raising=False)
    # A database named by flag or environment starts without a setup.
    named = _parser().parse_args(["--db", "sqlite:////tmp/x.db"])
    resolve_setup(named, ["--db", "sqlite:////tmp/x.db"], env={}, store=store, first_start=_never)
    by_env = _parser().parse_args([])
    resolve_setup(by_env, [], env={"CONSOLE_DB": "sqlite:///x"}, store=store, first_start=_never)
    assert resolve_setup(args, [], env={}, store=store, first_start=dialog) is None
    assert asked == [""]
    assert args.workstation == "WS03"
    # Set up: no dialog any more unless --setup; a screenshot never asks.
    resolve_setup(_parser().parse_args([]), [], env={}, store=store, first_start=_never)
    args = _parser().parse_args(["--setup"])
    resolve_setup(args, ["--setup"], env={}, store=store, first_start=dialog)
    assert len(asked) == 2
    shot = _parser().parse_args(["--setup", "--screenshot", "x.png"])
    resolve_setup(shot, [], env={}, store=store, first_start=_never)
    assert shot.db is None


def test_cancelling_the_first_start_stops_the_console(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.frozen", True, raising=False)
    args = _parser().parse_args([])
    store = SetupStore(tmp_path, keyring=None)
    code = resolve_setup(args, [], env={}, store=store, first_start=lambda a, s, p: None)
    assert code == 2
    assert not store.exists()


def test_devices_another_pc_runs_are_nobodys_here(demo_site: SiteSpec) -> None:
    mine = [r.code for r in demo_site.readers if r.workstation == "WS01"]
    assert len(mine) > 1
    site = hosted_site(demo_site, "WS01", [mine[0]])
    hosted = [r.code for r in site.readers if r.workstation == "WS01"]
    assert hosted == mine[1:]
    assert len(site.readers) == len(demo_site.readers)
    assert site.cameras == demo_site.cameras
    assert hosted_site(demo_site, "WS01", []) is demo_site


def test_database_url_of_the_default_file(tmp_path: Path) -> None:
    url = database_url(DbTarget(DbKind.EMBEDDED))
    assert url.startswith("sqlite:///")
    assert url.endswith("console.db")


# --- console setup --show / --reset --------------------------------------------------------


def test_setup_show_prints_no_password(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = SetupStore(tmp_path, keyring=None)
    args = _parser().parse_args(["setup", "--show"])
    assert run_setup_command(args, store) == 0
    assert "no setup on this PC" in capsys.readouterr().out
    store.save(ON_SERVER, "s3cret")
    assert run_setup_command(args, store) == 0
    out = capsys.readouterr().out
    assert "workstation:  WS03" in out
    assert "postgresql+psycopg://ws03@db.example:5432/console" in out
    assert f"in {store.password_path}" in out
    assert "not run here: CAM05" in out
    assert "s3cret" not in out


def test_setup_reset_asks_unless_yes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SetupStore(tmp_path, keyring=None)
    store.save(ON_SERVER, "pw")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert run_setup_command(_parser().parse_args(["setup", "--reset"]), store) == 2
    assert "--yes" in capsys.readouterr().err
    assert store.exists()
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert run_setup_command(_parser().parse_args(["setup", "--reset"]), store) == 2
    assert store.exists()
    assert run_setup_command(_parser().parse_args(["setup", "--reset", "--yes"]), store) == 0
    assert not store.exists()
    assert not store.password_path.exists()


def test_the_setup_is_offered_again_only_at_a_first_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SetupStore(tmp_path, keyring=None)
    store.save(ON_SERVER, "pw")
    args = _resolve([], store)
    assert not setup_again(args, "cannot be reached")  # a later start: the error only
    monkeypatch.setattr("sys.frozen", True, raising=False)
    store.reset()
    asked: list[str] = []
    embedded = StationSetup(PcRole.CONTROL_ROOM, "CC", DbTarget(DbKind.EMBEDDED, "/d/c.db"))

    def dialog(args: argparse.Namespace, st: SetupStore, problem: str) -> StationSetup | None:
        asked.append(problem)
        return st.save(ON_SERVER if len(asked) == 1 else embedded, "pw")

    env: dict[str, str] = {}
    args = _parser().parse_args([])
    assert resolve_setup(args, [], env=env, store=store, first_start=dialog) is None
    assert ENV_DB_PASSWORD_FILE in env
    assert setup_again(args, "The database server cannot be reached.")
    assert asked == ["", "The database server cannot be reached."]
    assert (args.workstation, args.db) == ("CC", "sqlite:////d/c.db")
    assert env == {}  # the server's password file is not pointed at any more


def test_keyring_is_used_only_with_a_real_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    fail = type("Keyring", (FakeKeyring,), {"__module__": "keyring.backends.fail", "priority": 0})
    real = type("WinVaultKeyring", (FakeKeyring,), {"__module__": "keyring.backends.Windows"})
    module = types.ModuleType("keyring")
    monkeypatch.setitem(sys.modules, "keyring", module)
    module.get_keyring = fail  # type: ignore[attr-defined]
    assert system_keyring() is None
    module.get_keyring = real  # type: ignore[attr-defined]
    assert isinstance(system_keyring(), real)
    monkeypatch.setitem(sys.modules, "keyring", None)  # not installed
    assert system_keyring() is None

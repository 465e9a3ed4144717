"""Camera logins: the private file, its mode, missing entries, and no password in any message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from video.credentials import (
    CREDENTIALS_ENV,
    CredentialsError,
    Login,
    MissingCredentials,
    load_credentials,
    open_credentials,
    resolve_credentials_file,
)
from video.urls import redact, with_credentials

SECRET = "Hik:p@ss/w#rd"
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _write(path: Path, text: str, mode: int = 0o600) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def test_entries_from_the_file_and_the_environment(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "camera-credentials.toml",
        '[hik-nvr]\nuser = "admin"\npassword = "Hik:p@ss/w#rd"\n\n'
        '[dahua-gate]\nuser = "viewer"\npassword_env = "GATE_PW"\n',
    )
    store = load_credentials(path, env={"GATE_PW": "d4hua!"})
    assert store.get("hik-nvr") == Login("admin", SECRET)
    assert store.get("dahua-gate") == Login("viewer", "d4hua!")
    assert store.names() == ("dahua-gate", "hik-nvr")
    assert sorted(store.secrets()) == sorted([SECRET, "d4hua!"])
    assert SECRET not in repr(store.get("hik-nvr"))
    assert SECRET not in repr(store)


def test_a_missing_entry_names_the_camera_the_entry_and_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.toml", '[a]\nuser = "u"\npassword = "Hik:p@ss/w#rd"\n')
    with pytest.raises(MissingCredentials) as caught:
        load_credentials(path).get("hik-gate", camera="CAM07")
    message = str(caught.value)
    assert "CAM07" in message
    assert "'hik-gate'" in message
    assert str(path) in message
    assert SECRET not in message


def test_no_file_is_an_empty_store_that_says_the_file_is_missing(tmp_path: Path) -> None:
    store = load_credentials(tmp_path / "none.toml")
    assert store.names() == ()
    with pytest.raises(MissingCredentials, match="does not exist"):
        store.get("x")


@posix_only
def test_a_file_others_can_read_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.toml", '[a]\nuser = "u"\npassword = "Hik:p@ss/w#rd"\n', 0o644)
    with pytest.raises(CredentialsError) as caught:
        load_credentials(path)
    assert "0644" in str(caught.value)
    assert "chmod 600" in str(caught.value)
    assert SECRET not in str(caught.value)
    # open_credentials keeps the console going: only lookups fail, with the same reason.
    store = open_credentials(path)
    with pytest.raises(CredentialsError, match="chmod 600"):
        store.get("a")
    assert load_credentials(path, check_mode=False).get("a").user == "u"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[a]\npassword = "Hik:p@ss/w#rd"\n', "needs user"),
        ('[a]\nuser = "u"\n', "password or password_env"),
        ('[a]\nuser = "u"\npassword = "Hik:p@ss/w#rd"\npassword_env = "X"\n', "(one)"),
        ('[a]\nuser = "u"\npassword_env = "NOT_SET_ANYWHERE"\n', "NOT_SET_ANYWHERE is not set"),
        ('[a]\nuser = "u"\npasword = "Hik:p@ss/w#rd"\n', "unknown field 'pasword'"),
        ('[a]\nuser = "u"\npassword = "Hik:p@ss/w#rd\n', "c.toml:3: not a valid TOML"),
        ('a = "Hik:p@ss/w#rd"\n', "expected a table"),
    ],
)
def test_malformed_files_never_repeat_the_password(tmp_path: Path, text: str, words: str) -> None:
    path = _write(tmp_path / "c.toml", text)
    with pytest.raises(CredentialsError) as caught:
        load_credentials(path, env={})
    assert words in str(caught.value)
    assert "p@ss" not in str(caught.value)


def test_where_the_file_is() -> None:
    default = Path("/cfg/keys/camera-credentials.toml")
    assert resolve_credentials_file(None, {}, default=default) == default
    env = {CREDENTIALS_ENV: "/etc/console/cams.toml"}
    assert resolve_credentials_file(None, env, default=default) == Path("/etc/console/cams.toml")
    assert resolve_credentials_file("/x.toml", env, default=default) == Path("/x.toml")


def test_redaction_removes_the_login_from_ffmpeg_style_messages() -> None:
    url = with_credentials("rtsp://10.0.0.5:554/Streaming/Channels/101", "admin", SECRET)
    message = f"{url}: Server returned 401 Unauthorized (authorization failed); pw was {SECRET}"
    shown = redact(message, SECRET)
    assert "p@ss" not in shown
    assert "p%40ss" not in shown
    assert "10.0.0.5:554/Streaming/Channels/101" in shown

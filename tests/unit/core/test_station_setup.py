"""The setup file's model: what is written reads back the same; a bad file names file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.station_setup import (
    DbKind,
    DbTarget,
    PasswordStore,
    PcRole,
    PgServer,
    SetupFileError,
    StationSetup,
    parse_pg_url,
    parse_setup,
    render_setup,
)

FILE = Path("/cfg/station.toml")


def test_station_on_a_server_reads_back_the_same() -> None:
    setup = StationSetup(
        PcRole.STATION,
        "WS03",
        DbTarget(DbKind.POSTGRESQL, server=PgServer("10.0.0.5", "console", "ws 03", 6543)),
        ("CAM05", "R07"),
        PasswordStore.KEYRING,
    )
    text = render_setup(setup)
    assert "ws%2003@10.0.0.5:6543/console" in text
    assert parse_setup(text, FILE) == setup


def test_embedded_path_with_quotes_and_chinese_reads_back() -> None:
    setup = StationSetup(
        PcRole.CONTROL_ROOM, "CC", DbTarget(DbKind.EMBEDDED, path='C:\\数据\\"a".db')
    )
    assert parse_setup(render_setup(setup), FILE) == setup


def test_an_ipv6_host_keeps_its_brackets() -> None:
    server = PgServer("::1", "console", "ws")
    assert parse_pg_url(server.url()) == server


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("role = 'station'\n[database]\nkind='embedded'", "workstation"),
        ("role = 'boss'\nworkstation='CC'\n[database]\nkind='embedded'", "role"),
        ("role = 'station'\nworkstation='W S'\n[database]\nkind='embedded'", "workstation"),
        ("role = 'station'\nworkstation='WS01'", "database"),
        ("role='station'\nworkstation='WS01'\n[database]\nkind='sqlserver'", "database.kind"),
        (
            "role='station'\nworkstation='WS01'\n[database]\nkind='postgresql'\n"
            "url='postgresql://u:secret@h/db'",
            "database.url",
        ),
        (
            "role='station'\nworkstation='WS01'\n[database]\nkind='embedded'\n"
            "[devices]\nnot_owned='CAM01'",
            "devices.not_owned",
        ),
        ("version = 9\nrole='station'\nworkstation='WS01'", "version"),
        ("role = ", "file"),
    ],
)
def test_a_bad_file_names_the_file_and_the_field(text: str, field: str) -> None:
    with pytest.raises(SetupFileError) as err:
        parse_setup(text, FILE)
    assert err.value.field == field
    assert str(err.value).startswith(f"{FILE}: {field}: ")


def test_a_password_in_the_url_is_refused_with_the_reason() -> None:
    with pytest.raises(ValueError, match="password"):
        parse_pg_url("postgresql+psycopg://ws:pw@host/console")

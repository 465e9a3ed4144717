"""The site file's alarm parts: receiver, accounts and keys (validated, never quoted), mapping."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from core.alarm_plan import alarm_priority, alarm_title, overdue, plan_from_site, zone_words
from core.model import Priority
from core.site import SiteError, load_site
from tests.helpers.fakes import T0

DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo" / "site.toml"
AP01_BLOCK = 'address = "dc09://WS01"\nworkstation = "WS01"\n'


def _site(tmp_path: Path, old: str, new: str) -> Path:
    text = DEMO.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "site.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _error(path: Path) -> SiteError:
    with pytest.raises(SiteError) as caught:
        load_site(path)
    return caught.value


def _line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def _ap01_line(prefix: str) -> str:
    lines = DEMO.read_text(encoding="utf-8").split(AP01_BLOCK, 1)[1].splitlines()
    return next(line for line in lines if line.startswith(prefix))


def _ap01_site(tmp_path: Path, prefix: str, new: str) -> Path:
    """The demo site with AP01's line starting with `prefix` replaced by `new`."""
    head, tail = DEMO.read_text(encoding="utf-8").split(AP01_BLOCK, 1)
    tail = tail.replace(_ap01_line(prefix), new, 1)
    path = tmp_path / "site.toml"
    path.write_text(head + AP01_BLOCK + tail, encoding="utf-8")
    return path


def test_the_demo_site_has_a_receiver_keys_and_a_mapping() -> None:
    site = load_site(DEMO)
    assert site.alarm_receiver is not None
    assert site.alarm_receiver.workstation == "CC"
    assert site.alarm_receiver.tcp_port == 12128
    assert site.alarm_receiver.timeband == (40, 20)
    panels = [d for d in site.devices if d.kind in {"alarm_panel", "panic_button"}]
    assert panels
    assert all(d.alarm.account and d.alarm.key for d in panels)
    assert {len(d.alarm.key or b"") for d in panels} <= {16, 24, 32}
    types = dict(site.alarm_types)
    assert types["burglary"] == "BURGLARY"
    assert types["panic"] == "PANIC"
    assert types["supervision"] == "DEVICE"
    codes = {t.code: t for t in site.incident_types}
    assert codes["BURGLARY"].priority == 1
    assert codes["PANIC"].priority == 1


def test_a_key_never_reaches_a_repr_or_an_error(tmp_path: Path) -> None:
    site = load_site(DEMO)
    ap01 = next(d for d in site.devices if d.code == "AP01")
    assert ap01.alarm.key is not None
    assert ap01.alarm.key.hex() not in repr(ap01)
    assert ap01.alarm.key.hex() not in repr(site)
    bad = "0123456789abcdef0123456789abcdefzz"
    path = _ap01_site(tmp_path, "key = ", f'key = "{bad}"')
    err = _error(path)
    assert err.field == "device[0].key"
    assert err.line == _line_of(path, f'key = "{bad}"')
    assert bad not in str(err)


@pytest.mark.parametrize(
    ("line", "field", "words"),
    [
        ('key = "abcd"', "key", "32, 48 or 64"),
        ('account = "12"', "account", "3 to 16 hex"),
        ('account = "XYZ1"', "account", "3 to 16 hex"),
        ("supervision_seconds = 5", "supervision_seconds", "at least 10"),
        ('zones = { x = "门" }', "zones", "0 to 9999"),
    ],
)
def test_bad_alarm_fields_name_file_line_and_field(
    tmp_path: Path, line: str, field: str, words: str
) -> None:
    path = _ap01_site(tmp_path, line.split(" ")[0] + " ", line)
    err = _error(path)
    assert err.field == f"device[0].{field}"
    assert err.line == _line_of(path, line)
    assert words in err.message
    assert str(path) in str(err)


def test_an_account_used_twice_is_an_error(tmp_path: Path) -> None:
    path = _site(tmp_path, 'account = "A002"', 'account = "A001"')
    err = _error(path)
    assert "already used by device 'AP01'" in err.message


def test_a_phone_has_no_account(tmp_path: Path) -> None:
    old = 'address = "sip:ws01@site"\nworkstation = "WS01"\n'
    path = _site(tmp_path, old, old + 'account = "C001"\n')
    assert "only alarm_panel and panic_button" in _error(path).message


def test_the_receiver_and_the_mapping_are_checked(tmp_path: Path) -> None:
    path = _site(
        tmp_path, 'workstation = "CC"\nhost = "127.0.0.1"', 'workstation = "XX"\nhost = "127.0.0.1"'
    )
    err = _error(path)
    assert err.field == "alarm_receiver.workstation"
    assert err.line == _line_of(path, 'workstation = "XX"')
    path = _site(tmp_path, 'burglary = "BURGLARY"', 'burglary = "BURGLAR"')
    err = _error(path)
    assert err.field == "alarm_types.burglary"
    assert "did you mean 'BURGLARY'" in err.message


def test_the_plan_maps_accounts_categories_and_places() -> None:
    site = load_site(DEMO)
    plan = plan_from_site(site)
    ap01 = plan.panel("a001")
    assert ap01 is not None
    assert ap01.device == "AP01"
    assert ap01.supervision == timedelta(seconds=90)
    assert ap01.location == site.community("C01").address
    post = plan.panel("B001")
    assert post is not None
    assert post.location == "咸阳北路与芥园道交口"
    assert plan.type_for("medical") == "ELDERLY"
    assert zone_words(12, ap01) == "防区 12（档案室后窗）"
    assert zone_words(7, ap01) == "防区 7"
    assert (
        alarm_title("入侵报警", "burglary", "报警主机", "防区 12")
        == "入侵报警 · 报警主机 · 防区 12"
    )
    assert alarm_priority("panic", 3) is Priority.P1
    assert alarm_priority("burglary", None) is Priority.P2


def test_a_panel_never_heard_counts_from_the_start() -> None:
    window = timedelta(seconds=90)
    assert not overdue(None, T0, window, T0 + timedelta(seconds=60))
    assert overdue(None, T0, window, T0 + timedelta(seconds=91))
    assert not overdue(T0 + timedelta(seconds=50), T0, window, T0 + timedelta(seconds=130))


def test_stations_reach_the_receiver_at_its_address_else_at_its_host(tmp_path: Path) -> None:
    demo = load_site(DEMO).alarm_receiver
    assert demo is not None
    assert demo.reached_at == demo.host == "127.0.0.1"
    path = _site(
        tmp_path,
        'workstation = "CC"\nhost = "127.0.0.1"\ntcp_port = 12128',
        'workstation = "CC"\nhost = "0.0.0.0"\naddress = "10.20.0.5"\ntcp_port = 12128',
    )
    receiver = load_site(path).alarm_receiver
    assert receiver is not None
    assert (receiver.host, receiver.reached_at) == ("0.0.0.0", "10.20.0.5")

"""The site file's `[[sip]]` phone lines: the demo's hotline, and errors naming line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.site import SiteError, load_site

DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo" / "site.toml"
DEMO_LINE = """[[sip]]
workstation = "CC"
device = "PH00"
bind_host = "127.0.0.1"
port = 5070
transport = "udp"
peer = "127.0.0.1:5062"  # callbacks go here: `sipp -sn uas -p 5062` answers them
"""


def _site(tmp_path: Path, lines: str) -> Path:
    text = DEMO.read_text(encoding="utf-8")
    assert DEMO_LINE in text
    path = tmp_path / "site.toml"
    path.write_text(text.replace(DEMO_LINE, lines), encoding="utf-8")
    return path


def test_the_demo_hotline_is_a_direct_line_on_the_loopback() -> None:
    site = load_site(DEMO)
    line = site.sip_line("CC")
    assert line is not None
    assert (line.device, line.bind_host, line.port, line.transport) == (
        "PH00",
        "127.0.0.1",
        5070,
        "udp",
    )
    assert (line.registrar, line.user, line.password, line.peer) == ("", "", "", "127.0.0.1:5062")
    assert site.sip_line("WS01") is None
    assert next(d for d in site.devices if d.code == "PH00").kind == "phone"


def test_a_registered_line_keeps_its_password_out_of_its_repr(tmp_path: Path) -> None:
    path = _site(
        tmp_path,
        DEMO_LINE + 'registrar = "sip:pbx.example.org"\nuser = "8001"\npassword = "s3cret!"\n',
    )
    line = load_site(path).sip_line("CC")
    assert line is not None
    assert (line.registrar, line.user, line.password) == ("sip:pbx.example.org", "8001", "s3cret!")
    assert "s3cret" not in repr(line)


@pytest.mark.parametrize(
    ("change", "bad_line", "field", "words"),
    [
        (('device = "PH00"', 'device = "AP01"'), 'device = "AP01"', "sip[0].device", "not a phone"),
        (('device = "PH00"', 'device = "PH01"'), 'device = "PH01"', "sip[0].device", "WS01"),
        (('device = "PH00"', 'device = "PH99"'), 'device = "PH99"', "sip[0].device", "unknown"),
        (("port = 5070", "port = 70000"), "port = 70000", "sip[0].port", "65535"),
        (("port = 5070", 'port = "5070"'), 'port = "5070"', "sip[0].port", "integer"),
        (
            ('transport = "udp"', 'transport = "tls"'),
            'transport = "tls"',
            "sip[0].transport",
            "udp",
        ),
        (
            ('bind_host = "127.0.0.1"', 'bind_host = "localhost"'),
            'bind_host = "localhost"',
            "sip[0].bind_host",
            "IP address",
        ),
        (
            ('workstation = "CC"', 'workstation = "XX"'),
            'workstation = "XX"',
            "sip[0].workstation",
            "unknown workstation",
        ),
        (("port = 5070", "prot = 5070"), "prot = 5070", "sip[0].prot", "port"),
    ],
)
def test_a_bad_line_is_reported_at_its_line_and_field(
    tmp_path: Path, change: tuple[str, str], bad_line: str, field: str, words: str
) -> None:
    path = _site(tmp_path, DEMO_LINE.replace(*change))
    with pytest.raises(SiteError) as caught:
        load_site(path)
    [problem] = [p for p in caught.value.problems if p.field == field]
    assert words in problem.message
    assert problem.line == path.read_text(encoding="utf-8").splitlines().index(bad_line) + 1


def test_a_registrar_needs_a_user_and_a_workstation_has_one_line(tmp_path: Path) -> None:
    path = _site(tmp_path, DEMO_LINE + 'registrar = "sip:pbx"\n\n' + DEMO_LINE)
    with pytest.raises(SiteError) as caught:
        load_site(path)
    fields = {p.field: p.message for p in caught.value.problems}
    assert "user" in fields["sip[0].user"]
    assert "already has a line" in fields["sip[1].workstation"]


def test_a_password_that_is_not_text_is_reported_without_its_value(tmp_path: Path) -> None:
    path = _site(tmp_path, DEMO_LINE + "password = 123456789\n")
    with pytest.raises(SiteError) as caught:
        load_site(path)
    assert "123456789" not in str(caught.value)
    assert caught.value.field == "sip[0].password"

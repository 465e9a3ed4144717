"""`console incident hold|release`: legal holds set and lifted from the command line."""

from __future__ import annotations

import getpass
import socket
from pathlib import Path

from console.startup import EXIT_OK, EXIT_USAGE, local_services
from core.model import Priority
from data.audit import iter_audit
from data.migrate import open_database
from data.models import Incident, IncidentEvent
from tests.helpers.cli import run_cli


def _incident(url: str) -> int:
    db = open_database(url)
    try:
        svc = local_services(db, "CC")
        who = svc.signin.principal("operator")
        return svc.incidents.create(who, title="电动车被盗", priority=Priority.P3, community="C01")
    finally:
        db.dispose()


def _state(url: str, iid: int) -> tuple[bool, str, list[str], list[tuple[str, str]]]:
    db = open_database(url)
    try:
        with db.session() as s:
            inc = s.get_one(Incident, iid)
            kinds = [
                e.kind for e in s.query(IncidentEvent).filter(IncidentEvent.incident_id == iid)
            ]
            audit = [(r.actor, r.action) for r in iter_audit(s) if r.target == str(iid)]
            return inc.legal_hold, inc.legal_hold_reason, kinds, audit
    finally:
        db.dispose()


def test_a_hold_is_set_and_lifted_with_its_reason_on_record(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    base = ["--db", url, "--keys", str(tmp_path / "keys")]
    assert run_cli(tmp_path, *base, "demo", "--population", "0").returncode == EXIT_OK
    iid = _incident(url)
    held = run_cli(tmp_path, *base, "incident", "hold", str(iid), "--reason", "公安机关调取证据")
    assert held.returncode == EXIT_OK, held.stderr
    assert f"incident {iid} under legal hold" in held.stdout
    hold, reason, kinds, audit = _state(url, iid)
    assert (hold, reason) == (True, "公安机关调取证据")
    me = f"os:{getpass.getuser()}@{socket.gethostname()}"[:64]
    assert (me, "legal_hold_set") in audit
    assert "legal_hold" in kinds

    again = run_cli(tmp_path, *base, "incident", "hold", str(iid), "--reason", "再次保全请求")
    assert again.returncode == EXIT_USAGE
    assert "already under legal hold" in again.stderr

    lifted = run_cli(tmp_path, *base, "incident", "release", str(iid), "--reason", "案件已结")
    assert lifted.returncode == EXIT_OK, lifted.stderr
    hold, reason, kinds, audit = _state(url, iid)
    assert (hold, reason) == (False, "")
    assert (me, "legal_hold_lifted") in audit
    assert kinds[-1] == "legal_hold_lifted"


def test_an_unknown_incident_or_a_short_reason_is_a_usage_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    base = ["--db", url, "--keys", str(tmp_path / "keys")]
    assert run_cli(tmp_path, *base, "demo", "--population", "0").returncode == EXIT_OK
    missing = run_cli(tmp_path, *base, "incident", "hold", "987654", "--reason", "公安机关调取")
    assert missing.returncode == EXIT_USAGE
    iid = _incident(url)
    short = run_cli(tmp_path, *base, "incident", "hold", str(iid), "--reason", "查")
    assert short.returncode == EXIT_USAGE
    assert "reason" in short.stderr
    assert _state(url, iid)[0] is False

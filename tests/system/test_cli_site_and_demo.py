"""The command line as documented: options after the subcommand, site checks, demo passwords."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from console.startup import local_services
from core.site import load_site
from data.migrate import open_database
from data.models import AuditLog
from data.seeding import seed_site
from tests.helpers.cli import run_cli

ROOT = Path(__file__).resolve().parents[2]
DEMO_SITE = ROOT / "resources" / "demo" / "site.toml"


def _passwords(stdout: str) -> dict[str, str]:
    return dict(re.findall(r"^\s+(\w+)\s+\w+\s+(\S+)$", stdout, flags=re.MULTILINE))


def test_site_check_as_written_in_the_readme(tmp_path: Path) -> None:
    """Regression: `console site check --site FILE` failed with 'unrecognized arguments'."""
    site = tmp_path / "mine.toml"
    site.write_text(DEMO_SITE.read_text(encoding="utf-8"), encoding="utf-8")
    after = run_cli(tmp_path, "site", "check", "--site", str(site))
    assert after.returncode == 0, after.stderr
    assert after.stdout.startswith(f"{site}: OK — 红桥区咸阳北路街道: 20 communities")
    before = run_cli(tmp_path, "--site", str(site), "site", "check")
    assert before.returncode == 0, before.stderr
    assert before.stdout == after.stdout


def test_db_and_workstation_after_the_subcommand(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    made = run_cli(
        tmp_path,
        *("user", "add", "zhangwei", "--role", "operator"),
        *("--db", url, "--workstation", "WS03"),
        stdin="a-long-password-42\n",
    )
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "c.db").is_file(), "--db after the subcommand was used"
    verified = run_cli(tmp_path, "audit", "verify", "--db", url)
    assert verified.returncode == 0, verified.stderr
    assert "audit log OK" in verified.stdout
    # Given before the subcommand and not repeated after it, a value is not reset to the default.
    again = run_cli(tmp_path, "--db", url, "--workstation", "WS04", "user", "unlock", "zhangwei")
    assert again.returncode == 0, again.stderr
    db = open_database(url)
    try:
        with db.session() as s:
            rows = s.execute(select(AuditLog.action, AuditLog.workstation)).all()
    finally:
        db.dispose()
    assert {("user_created", "WS03"), ("account_unlocked", "WS04")} <= {tuple(r) for r in rows}


def test_site_check_prints_every_problem(tmp_path: Path) -> None:
    """Regression: only the first error of a site file was reported."""
    text = DEMO_SITE.read_text(encoding="utf-8")
    text = text.replace("households", "househols", 1)
    text = text.replace('zone = "Z0101"', 'zone = "Z0199"', 1)
    text = text.replace('protocol = "sim"', 'protocol = "simm"', 1)
    site = tmp_path / "broken.toml"
    site.write_text(text, encoding="utf-8")
    proc = run_cli(tmp_path, "site", "check", "--site", str(site))
    assert proc.returncode == 4
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 4, proc.stderr
    typo = next(n for n, line in enumerate(text.splitlines(), 1) if "househols" in line)
    assert lines[0].startswith(f"console: error: {site}:{typo}: community[0].househols: ")
    assert "did you mean 'households'?" in lines[0]
    assert "reader[0].zone: unknown zone 'Z0199'" in lines[1]
    assert "reader[0].protocol: unknown protocol 'simm' (did you mean 'sim'?)" in lines[2]
    assert lines[3] == f"console: error: 3 problems in {site}"
    assert proc.stdout == ""


def test_passwords_never_shown_are_offered_anew(tmp_path: Path) -> None:
    """Regression: a first `console demo` killed after creating the accounts but before
    printing their passwords left them unknown, and the re-run claimed they had been shown."""
    url = f"sqlite:///{tmp_path / 'c.db'}"
    db = open_database(url)
    try:
        # What the killed run got done: everything but printing.
        seed_site(db, load_site(DEMO_SITE), local_services(db, "CC"), population=0)
    finally:
        db.dispose()

    rerun = run_cli(tmp_path, "demo", "--db", url, "--population", "0")
    assert rerun.returncode == 0, rerun.stderr
    assert _passwords(rerun.stdout) == {}
    assert (
        "The passwords of the demo accounts admin, supervisor, operator, police, volunteer, "
        "counsellor, ws01 were never shown" in rerun.stdout
    )
    assert "`console demo --new-passwords` sets and prints fresh ones." in rerun.stdout
    assert "exist already" not in rerun.stdout
    quick = run_cli(tmp_path, "demo", "--if-needed", "--db", url)
    assert quick.returncode == 0, quick.stderr
    assert (
        "admin, counsellor, operator, police, supervisor, volunteer, ws01 were never shown"
        in quick.stdout
    )

    fresh = run_cli(tmp_path, "demo", "--new-passwords", "--db", url, "--population", "0")
    assert fresh.returncode == 0, fresh.stderr
    pw = _passwords(fresh.stdout)
    assert set(pw) == {
        "admin",
        "supervisor",
        "operator",
        "police",
        "volunteer",
        "counsellor",
        "ws01",
    }
    assert "New passwords of the demo accounts" in fresh.stdout
    db = open_database(url)
    try:
        auth = local_services(db, "CC")
        for username, password in pw.items():
            assert auth.signin.login(username, password).username == username
        with db.session() as s:
            changed = s.scalars(
                select(AuditLog.target).where(AuditLog.action == "password_changed")
            ).all()
    finally:
        db.dispose()
    assert sorted(changed) == sorted(pw), "every new password is audited"
    assert run_cli(tmp_path, "audit", "verify", "--db", url).returncode == 0

    settled = run_cli(tmp_path, "demo", "--db", url, "--population", "0")
    assert settled.returncode == 0, settled.stderr
    assert "never shown" not in settled.stdout
    assert "demo accounts exist already" in settled.stdout


def test_user_disable_and_enable_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    for name in ("zhangwei", "lina"):
        made = run_cli(
            tmp_path, "--db", url, "user", "add", name, "--role", "operator",
            stdin="a-long-password-42\n",
        )  # fmt: skip
        assert made.returncode == 0, made.stderr
    no_reason = run_cli(tmp_path, "--db", url, "user", "disable", "zhangwei")
    assert no_reason.returncode == 2
    assert "--reason" in no_reason.stderr
    off = run_cli(tmp_path, "--db", url, "user", "disable", "zhangwei", "--reason", "调离")
    assert off.returncode == 0, off.stderr
    assert off.stdout.strip() == "user zhangwei disabled"
    unknown = run_cli(tmp_path, "--db", url, "user", "disable", "nobody", "--reason", "x")
    assert unknown.returncode == 2
    assert "no user 'nobody'" in unknown.stderr
    on = run_cli(tmp_path, "--db", url, "user", "enable", "zhangwei")
    assert on.returncode == 0, on.stderr
    db = open_database(url)
    try:
        with db.session() as s:
            rows = s.execute(select(AuditLog.action, AuditLog.target, AuditLog.detail)).all()
    finally:
        db.dispose()
    assert [tuple(r) for r in rows if r.action.startswith("account_")] == [
        ("account_disabled", "zhangwei", "调离"),
        ("account_enabled", "zhangwei", ""),
    ]

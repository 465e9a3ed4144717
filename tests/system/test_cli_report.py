"""`console report kpi`: the monthly indicator report as a scheduler runs it, audited, and the
mistakes a scheduled job can make (a bad month, an unknown community, a file for a folder)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from console.startup import EXIT_OK, EXIT_USAGE
from core.audit import AuditAction
from core.indicators import add_months, month_start
from data.audit import iter_audit
from data.migrate import open_database
from tests.helpers.cli import run_cli


def test_a_scheduled_report_is_written_for_last_month_and_audited(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    base = ["--db", url, "--keys", str(tmp_path / "keys")]
    assert run_cli(tmp_path, *base, "demo", "--population", "50").returncode == EXIT_OK
    out = tmp_path / "reports"  # made by the first run
    done = run_cli(tmp_path, *base, "report", "kpi", "--previous-month", "--out-dir", str(out))
    assert done.returncode == EXIT_OK, done.stderr
    # The site's calendar (the demo's Asia/Shanghai), not UTC's.
    last = add_months(month_start(datetime.now(ZoneInfo("Asia/Shanghai")).date()), -1)
    pdf = out / f"kpi-street-{last:%Y-%m}.pdf"
    assert done.stdout.strip() == f"wrote {pdf}"
    assert pdf.read_bytes().startswith(b"%PDF")
    table = run_cli(
        tmp_path,
        *base,
        "report",
        "kpi",
        "--month",
        f"{last:%Y-%m}",
        "--community",
        "C02",
        "--format",
        "csv",
        "--lang",
        "en",
        "--out",
        str(out / "c02.csv"),
    )
    assert table.returncode == EXIT_OK, table.stderr
    rows = list(csv.reader(io.StringIO((out / "c02.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["key", "Indicator", "Value"]
    by_key = {r[0]: r for r in rows[1:] if r and r[0]}
    assert by_key["screenings"][2] == "0"
    assert by_key["screenings"][7] == "computed"
    assert by_key["feedback_answered"][2] == "no data for this period"  # not "0 %"
    db = open_database(url)
    try:
        with db.session() as s:
            exported = [
                (r.target, json.loads(r.detail))
                for r in iter_audit(s)
                if r.action == AuditAction.DATA_EXPORTED.value
            ]
    finally:
        db.dispose()
    assert [t for t, _ in exported] == [f"kpi:{last:%Y-%m}", f"kpi:{last:%Y-%m}:C02"]
    assert exported[0][1]["reason"] == "scheduled monthly report"
    assert exported[1][1]["format"] == "csv"


def test_a_bad_month_an_unknown_community_or_folder_is_a_usage_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    base = ["--db", url, "--keys", str(tmp_path / "keys")]
    assert run_cli(tmp_path, *base, "demo", "--population", "0").returncode == EXIT_OK
    month = f"{date.today():%Y-%m}"
    target = str(tmp_path / "x.pdf")
    bad = run_cli(tmp_path, *base, "report", "kpi", "--month", "2026-13", "--out", target)
    assert bad.returncode == EXIT_USAGE
    assert "expected YYYY-MM, got '2026-13'" in bad.stderr
    unknown = run_cli(
        tmp_path, *base, "report", "kpi", "--month", month, "--community", "C99", "--out", target
    )
    assert unknown.returncode == EXIT_USAGE
    assert "no community C99" in unknown.stderr
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    nowhere = run_cli(tmp_path, *base, "report", "kpi", "--month", month, "--out-dir", str(a_file))
    assert nowhere.returncode == EXIT_USAGE
    assert "is not a folder" in nowhere.stderr
    assert not (tmp_path / "x.pdf").exists()

"""Two processes writing to one SQLite file at once: every write waits its turn and succeeds.

A deferred transaction that reads before it writes fails at once with "database is locked"
when another process holds the write lock (the busy timeout does not cover that upgrade;
FIELD-NOTES measured 788 of 1,000 failing). The write path begins IMMEDIATE, so writers wait.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from data.audit import verify_audit
from data.db import Database
from data.models import AuditLog, ChangeLog, Incident
from tests.unit.data.worlds import small_world

ROOT = Path(__file__).resolve().parents[2]
PER_PROCESS = 200

WRITER = """
import json, sys
from core.model import Priority
from data.context import ServiceContext
from data.db import Database
from data.security import principal_of
from data.services.incidents import IncidentService
from data.services.signin import find_user

url, workstation, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
db = Database(url)
ctx = ServiceContext(db, workstation=workstation)
with ctx.read() as s:
    who = principal_of(find_user(s, "operator"))
incidents = IncidentService(ctx)
print("ready", flush=True)
sys.stdin.readline()
done, errors = 0, []
for i in range(n):
    try:
        incidents.create(who, title=f"{workstation} {i}", priority=Priority.P2, community="C01")
        done += 1
    except Exception as exc:
        errors.append(repr(exc))
db.dispose()
print(json.dumps({"done": done, "errors": errors[:5], "failed": len(errors)}), flush=True)
"""


def test_two_processes_create_incidents_at_once(sqlite_db: Database, tmp_path: Path) -> None:
    small_world(sqlite_db)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs: dict[str, subprocess.Popen[str]] = {}
    try:
        for ws in ("CC", "WS01"):
            procs[ws] = subprocess.Popen(
                [sys.executable, "-c", WRITER, sqlite_db.url, ws, str(PER_PROCESS)],
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=(tmp_path / f"{ws}.err").open("w"),
                text=True,
            )
        # Both have opened the database and read their principal before either writes.
        for ws, p in procs.items():
            assert p.stdout is not None
            line = p.stdout.readline()
            assert line == "ready\n", (tmp_path / f"{ws}.err").read_text()
        for p in procs.values():
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        results = {}
        for ws, p in procs.items():
            out, _ = p.communicate(timeout=40)
            assert p.returncode == 0, (tmp_path / f"{ws}.err").read_text()
            results[ws] = json.loads(out.strip().splitlines()[-1])
    finally:
        for p in procs.values():
            if p.poll() is None:
                p.kill()
                p.wait()

    for ws, got in results.items():
        assert got == {"done": PER_PROCESS, "errors": [], "failed": 0}, ws
    with sqlite_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Incident)) == 2 * PER_PROCESS
        by_ws = Counter(
            s.scalars(select(ChangeLog.workstation).where(ChangeLog.table_name == "incident"))
        )
        audited = s.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.action == "incident_created")
        )
        report = verify_audit(s)
    assert by_ws == {"CC": PER_PROCESS, "WS01": PER_PROCESS}
    assert audited == 2 * PER_PROCESS
    # Both wrote to the one hash chain; it did not fork.
    assert report.ok, report.breaks

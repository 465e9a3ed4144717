"""Guarded exports on SQLite and PostgreSQL: role and reason, audit row, 0600 file, footer."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from core.audit import AuditAction
from core.csvexport import CsvEncoding, read_back
from core.incidents import QueueView
from core.model import Priority
from core.site import SiteSpec
from data.context import ServiceContext
from data.db import Database
from data.exports import ExportRefused, export_incidents, export_residents
from data.fieldcrypt import ensure_field_keys
from data.seeding import seed_site
from data.services import Services
from tests.helpers.postgres import as_owner
from tests.unit.data.support import cheap_hasher
from tests.unit.data.worlds import World, demo_world

# Tab and CR cannot reach a title (the service strips control characters); the writer's unit
# tests cover them.
TITLES = ('=HYPERLINK("http://evil")', "+1", "-1", "@SUM(A1)", "独居老人未出门")


@pytest.fixture
def env(db: Database, demo_site: SiteSpec) -> World:
    world = demo_world(db, demo_site)
    for title in TITLES:
        world.svc.incidents.create(
            world.who("operator"), title=title, priority=Priority.P2, community="C01"
        )
    return world


def _audits(env: World, action: AuditAction) -> list[tuple[str, str, str, str]]:
    return [a for a in env.audit() if a[1] == action.value]


@pytest.mark.parametrize("encoding", list(CsvEncoding))
def test_an_incident_export_is_defused_private_audited_and_signed(
    env: World, tmp_path: Path, encoding: CsvEncoding
) -> None:
    out = tmp_path / "incidents.csv"
    result = export_incidents(
        env.svc, env.who("supervisor"), out, "月度报表 for the district", encoding
    )
    assert result.rows == len(TITLES)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = read_back(out.read_bytes(), encoding)
    assert rows[0][:4] == ["id", "created (UTC)", "updated (UTC)", "priority"]
    titles = [r[7] for r in rows[1:-1]]
    assert titles == ["'" + t if t[0] in "=+-@" else t for t in TITLES]
    assert all(r[0].isdigit() and r[3] == "2" for r in rows[1:-1])  # numbers, no apostrophe
    footer = rows[-1]
    assert len(footer) == 1
    assert footer[0].startswith("# exported by supervisor at ")
    assert footer[0].endswith(" UTC for: 月度报表 for the district")
    [(actor, _, target, detail)] = _audits(env, AuditAction.DATA_EXPORTED)
    assert (actor, target) == ("supervisor", "incidents")
    data = json.loads(detail)
    assert data["rows"] == len(TITLES)
    assert data["reason"] == "月度报表 for the district"
    assert data["file"] == str(out)
    assert data["encoding"] == encoding.value
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_an_existing_world_readable_file_ends_up_0600(env: World, tmp_path: Path) -> None:
    out = tmp_path / "old.csv"
    out.write_text("old")
    os.chmod(out, 0o644)
    export_incidents(env.svc, env.who("admin"), out, "weekly review")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("reason", [None, "", "  ", "ab"])
def test_an_export_without_a_reason_is_refused_and_audited(
    env: World, tmp_path: Path, reason: str | None
) -> None:
    out = tmp_path / "x.csv"
    with pytest.raises(ExportRefused, match="reason"):
        export_incidents(env.svc, env.who("supervisor"), out, reason)
    assert not out.exists()
    [(actor, _, target, detail)] = _audits(env, AuditAction.EXPORT_REFUSED)
    assert (actor, target) == ("supervisor", "incidents")
    assert "reason" in detail
    assert not _audits(env, AuditAction.DATA_EXPORTED)


def test_an_operator_may_not_export_personal_data(env: World, tmp_path: Path) -> None:
    with pytest.raises(ExportRefused, match="operator"):
        export_incidents(env.svc, env.who("operator"), tmp_path / "x.csv", "I want it")
    assert _audits(env, AuditAction.EXPORT_REFUSED)[0][0] == "operator"


def test_a_station_exports_its_own_community_and_a_view(env: World, tmp_path: Path) -> None:
    env.svc.incidents.create(env.who("admin"), title="别处", priority=Priority.P3, community="C02")
    out = tmp_path / "s.csv"
    assert export_incidents(env.svc, env.who("ws01"), out, "社区周报").rows == len(TITLES)
    rows = read_back(out.read_bytes(), CsvEncoding.UTF8_BOM)
    assert {r[6] for r in rows[1:-1]} == {"C01"}
    result = export_incidents(env.svc, env.who("admin"), out, "queue check", view=QueueView.OPEN)
    assert result.rows == len(TITLES) + 1


def test_residents_export_is_masked_and_leaves_minors_out(
    db: Database, demo_site: SiteSpec, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    ensure_field_keys(keys)
    with as_owner(db) as owner:
        svc = Services.build(
            ServiceContext(owner, workstation="CC", keys=keys), hasher=cheap_hasher()
        )
        seed_site(owner, demo_site, svc, population=120)
    svc = Services.build(ServiceContext(db, workstation="CC", keys=keys), hasher=cheap_hasher())
    sup = svc.signin.principal("supervisor")
    out = tmp_path / "r.csv"
    result = export_residents(svc, sup, out, "入户走访名单", CsvEncoding.GBK)
    rows = read_back(out.read_bytes(), CsvEncoding.GBK)
    assert rows[0] == ["id", "community", "name", "gender", "phone", "address", "needs care"]
    body = rows[1:-1]
    assert len(body) == result.rows
    listed = svc.residents.page(sup, limit=1000).rows
    adults = {r.id: r for r in listed if not r.minor}
    assert 0 < len(body) == len(adults) < len(listed)
    for r in body:
        shown = adults[int(r[0])]
        assert r[2] == shown.name
        assert "*" in r[2]
        assert r[4] == shown.phone
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

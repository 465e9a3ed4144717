"""Duplicates and merging on SQLite and PostgreSQL; the caller's phone finds the resident."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from core.audit import AuditAction
from core.duplicates import Draft, Reason, phone_digits
from core.incident_edit import EditError, IncidentChanges
from core.incidents import IncidentState as S
from core.incidents import TransitionError
from core.model import Priority
from core.permissions import PermissionDenied, Principal
from core.personal import mask_name, mask_phone
from core.site import SiteSpec
from data.context import ServiceContext
from data.db import Database
from data.fieldcrypt import ensure_field_keys
from data.models import Incident, Resident, SiteMeta
from data.seeding import seed_site
from data.services import Services
from data.services.incident_merge import MergeError
from tests.helpers.postgres import as_owner
from tests.unit.data.support import cheap_hasher
from tests.unit.data.worlds import World

PHONE = "13812345678"


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


def new(env: World, who: str = "operator", **kw: object) -> int:
    args: dict[str, object] = {
        "title": "独居老人未出门",
        "priority": Priority.P2,
        "community": "C01",
    }
    args.update(kw)
    return env.svc.incidents.create(env.who(who), **args)  # type: ignore[arg-type]


def state_of(env: World, iid: int) -> Incident:
    with env.db.session() as s:
        inc = s.get_one(Incident, iid)
        s.expunge(inc)
        return inc


def test_a_draft_with_the_same_phone_finds_the_open_incident(env: World) -> None:
    first = new(env, caller_phone=PHONE, location="咸阳北里3号楼")
    other = new(env, caller_phone="13900000000", location="别处某路8号")
    env.clock.advance(timedelta(minutes=6))
    op = env.who("operator")
    draft = Draft(at=env.clock.now, caller_phone="138 1234 5678", community="C01")
    [hit] = env.svc.merge.duplicates_for(op, draft)
    assert (hit.id, hit.reasons) == (first, (Reason.PHONE,))
    assert hit.minutes_apart >= 6
    by_place = Draft(at=env.clock.now, location="咸阳北里 ３号楼")
    assert [s.id for s in env.svc.merge.duplicates_for(op, by_place)] == [first]
    assert other not in {s.id for s in env.svc.merge.duplicates_for(op, draft)}
    # Outside the window (the site's 30 minutes) nothing is suggested.
    env.clock.advance(timedelta(minutes=40))
    later = Draft(at=env.clock.now, caller_phone=PHONE)
    assert env.svc.merge.duplicates_for(op, later) == []


def test_an_incidents_own_duplicates_leave_itself_out(env: World) -> None:
    a = new(env, caller_name="张伟", caller_phone=PHONE)
    b = new(env, caller_name="张伟")
    c = new(env, caller_name="张伟", community="C02")
    found = env.svc.merge.duplicates_for(env.who("operator"), b)
    assert [s.id for s in found] == [a]
    assert c not in {s.id for s in found}  # the same name in another community


def test_a_station_sees_no_duplicates_outside_its_community(env: World) -> None:
    new(env, caller_phone=PHONE, community="C02")
    draft = Draft(at=env.clock.now, caller_phone=PHONE)
    assert env.svc.merge.duplicates_for(env.who("ws01"), draft) == []
    assert len(env.svc.merge.duplicates_for(env.who("supervisor"), draft)) == 1


def test_the_window_comes_from_the_site(env: World) -> None:
    with env.db.session() as s:
        assert s.get_one(SiteMeta, "duplicate_minutes").value == "30"


def test_merge_closes_links_joins_and_audits(env: World) -> None:
    op = env.who("operator")
    survivor = new(env, caller_phone=PHONE, description="第一次来电")
    merged = new(env, caller_phone=PHONE, description="第二次来电")
    env.svc.incidents.transition(op, merged, S.ACKNOWLEDGED)
    counts_before = sum(env.svc.incidents.open_counts(op).values())
    version_before = state_of(env, survivor).version
    changes_before = len(env.changes())
    env.svc.merge.merge(op, survivor, merged, "同一位老人")
    m, sv = state_of(env, merged), state_of(env, survivor)
    assert (m.state, m.merged_into_id) == ("closed", survivor)
    assert sv.merged_into_id is None
    assert sv.state == "new"
    assert sv.version == version_before + 1
    assert env.events(merged)[-1] == (
        "merged_into",
        "acknowledged",
        "closed",
        f"#{survivor} 同一位老人",
    )
    assert env.events(survivor)[-1] == ("merged_from", None, None, f"#{merged} 同一位老人")
    assert sorted(env.changes()[changes_before:]) == [
        ("incident", survivor, "update"),
        ("incident", merged, "update"),
    ]
    actor, action, target, detail = env.audit()[-1]
    assert (actor, action, target) == ("operator", AuditAction.INCIDENT_MERGED.value, str(merged))
    assert detail.startswith(f"into {survivor}")
    assert env.audit_ok()
    # The merged one has left the open queue and its counts, but stays readable.
    assert merged not in {r.id for r in env.svc.incidents.open_incidents(op)}
    assert sum(env.svc.incidents.open_counts(op).values()) == counts_before - 1
    assert env.svc.incidents.incident_detail(op, merged).row.state is S.CLOSED
    # Links both ways, and the survivor's window gets the merged timeline.
    view = env.svc.merge.merge_view(op, survivor)
    assert (view.merged_into, view.merged_from) == (None, (merged,))
    assert {e.source_id for e in view.joined} == {merged}
    assert [e.kind for e in view.joined] == ["created", "state", "merged_into"]
    assert env.svc.merge.merge_view(op, merged).merged_into == survivor
    # No longer a suggestion either.
    assert env.svc.merge.duplicates_for(op, survivor) == []


def test_a_merged_incident_takes_no_more_steps(env: World) -> None:
    op, sup = env.who("operator"), env.who("supervisor")
    survivor, merged = new(env), new(env)
    env.svc.merge.merge(op, survivor, merged)
    # Whoever may step a closed incident at all (a reviewer) is told where the work went on.
    for target in (S.ACKNOWLEDGED, S.RESOLVED):
        with pytest.raises(TransitionError, match=f"merged into #{survivor}"):
            env.svc.incidents.transition(sup, merged, target, "重新打开")
    with pytest.raises(PermissionDenied):
        env.svc.incidents.transition(op, merged, S.ACKNOWLEDGED, "重新打开")
    assert state_of(env, merged).state == "closed"
    with pytest.raises(MergeError, match="already merged"):
        env.svc.merge.merge(op, survivor, merged)
    with pytest.raises(MergeError, match="already merged"):
        env.svc.merge.merge(op, merged, new(env))
    with pytest.raises(MergeError, match="itself"):
        env.svc.merge.merge(op, survivor, survivor)
    detail = env.svc.incidents.incident_detail(sup, merged)
    assert detail.row.merged_into == survivor  # the window offers no step, reopen included
    with pytest.raises(EditError, match=f"merged into #{survivor}"):
        env.svc.incidents.edit(sup, merged, detail.row.version, IncidentChanges(location="别处"))


def test_merging_needs_the_right_to_handle_both(env: World) -> None:
    mine, theirs = new(env, community="C01"), new(env, community="C02")
    with pytest.raises(PermissionDenied):
        env.svc.merge.merge(env.who("ws01"), mine, theirs)
    assert state_of(env, theirs).merged_into_id is None
    _actor, action, _target, _detail = env.audit()[-1]
    assert action == AuditAction.PERMISSION_DENIED.value


def test_templates_come_from_the_site_file(env: World, demo_site: SiteSpec) -> None:
    found = env.svc.merge.templates(env.who("operator"))
    for t in demo_site.incident_types:
        assert found[t.code] == t.templates


# --- the caller's phone ----------------------------------------------------------------------


def test_a_callers_phone_finds_the_resident_masked_for_an_operator(
    db: Database, demo_site: SiteSpec, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    ensure_field_keys(keys)

    def services(d: Database) -> Services:
        return Services.build(ServiceContext(d, workstation="CC", keys=keys), hasher=cheap_hasher())

    with as_owner(db) as owner:
        seed_site(owner, demo_site, services(owner), population=40)
    svc = services(db)
    with db.session() as s:
        res = s.scalars(select(Resident).order_by(Resident.id)).first()
        assert res is not None
        phone, name = res.phone, res.name
    op: Principal = svc.signin.principal("operator")
    spaced = f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    # The entry form looks up the digits of what was typed (core.duplicates.phone_digits).
    [row] = svc.residents.page(op, query=phone_digits(spaced), limit=3).rows
    assert row.name == mask_name(name) != name
    assert row.phone == mask_phone(phone)

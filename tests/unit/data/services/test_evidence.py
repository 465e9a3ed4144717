"""Evidence on SQLite and PostgreSQL: holds, export authorisation, the export's audit row."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

import pytest

from core.audit import AuditAction
from core.incidents import IncidentState, TransitionError
from core.model import Priority
from core.permissions import PermissionDenied
from core.site import SiteSpec
from data.models import Call
from data.services.evidence import (
    KIND_EXPORTED,
    KIND_HOLD,
    KIND_HOLD_RELEASED,
    EvidenceRefused,
    EvidenceService,
)
from tests.helpers.postgres import as_owner
from tests.unit.data.worlds import World

MIN = timedelta(minutes=1)


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


@pytest.fixture
def evidence(env: World) -> EvidenceService:
    return EvidenceService(env.ctx)


def audits(env: World, action: AuditAction) -> list[tuple[str, str, str]]:
    return [(actor, target, detail) for actor, act, target, detail in env.audit() if act == action]


def new_incident(env: World, community: str | None = "C01") -> int:
    return env.svc.incidents.create(
        env.who("operator"), title="入室盗窃", priority=Priority.P2, community=community
    )


# --- holds ----------------------------------------------------------------------------------------
def test_a_hold_is_placed_by_a_handler_and_released_by_a_supervisor(
    env: World, evidence: EvidenceService
) -> None:
    operator, sup = env.who("operator"), env.who("supervisor")
    iid = new_incident(env)
    t0 = env.clock.now - timedelta(hours=2)
    hold = evidence.place_hold(
        operator, iid, ["CAM01", "CAM02", "CAM01"], t0, t0 + 5 * MIN, "现场取证"
    )
    assert (hold.incident_id, hold.cameras, hold.start, hold.end) == (
        iid,
        ("CAM01", "CAM02"),
        t0,
        t0 + 5 * MIN,
    )
    with pytest.raises(PermissionDenied):
        evidence.release_hold(operator, hold.id, "不再需要")  # not a supervisor
    with pytest.raises(ValueError, match="reason"):
        evidence.release_hold(sup, hold.id, "")
    evidence.release_hold(sup, hold.id, "案件已结, 不再需要")
    with pytest.raises(TransitionError):
        evidence.release_hold(sup, hold.id, "再次释放")
    with pytest.raises(LookupError):
        evidence.release_hold(sup, 10**9, "不存在的")

    (row,) = evidence.holds_for(operator, iid)
    assert row.hold == hold
    assert (row.created_by, row.released_by, row.release_reason) == (
        "operator",
        "supervisor",
        "案件已结, 不再需要",
    )
    assert not row.in_force
    kinds = [k for k, *_ in env.events(iid)]
    assert kinds == ["created", KIND_HOLD, KIND_HOLD_RELEASED]
    assert "CAM01、CAM02" in env.events(iid)[1][3]

    (placed,) = audits(env, AuditAction.EVIDENCE_HOLD_PLACED)
    assert placed[:2] == ("operator", f"hold:{hold.id}")
    assert json.loads(placed[2]) == {
        "incident": iid,
        "cameras": ["CAM01", "CAM02"],
        "start": t0.isoformat(),
        "end": (t0 + 5 * MIN).isoformat(),
        "reason": "现场取证",
    }
    (released,) = audits(env, AuditAction.EVIDENCE_HOLD_RELEASED)
    assert released[:2] == ("supervisor", f"hold:{hold.id}")
    refused = [d for a, _, d in audits(env, AuditAction.PERMISSION_DENIED) if a == "operator"]
    assert refused == ["release_evidence"]
    assert [op for t, _, op in env.changes() if t == "evidence_hold"] == ["insert", "update"]
    assert env.audit_ok()


def test_a_hold_needs_a_handler_a_reason_a_range_and_cameras_in_scope(
    env: World, evidence: EvidenceService, demo_site: SiteSpec
) -> None:
    iid = new_incident(env, community=None)
    t0 = env.clock.now
    operator = env.who("operator")
    with pytest.raises(PermissionDenied):
        evidence.place_hold(
            env.svc.signin.principal("police"), iid, ["CAM01"], t0, t0 + MIN, "现场取证"
        )
    with pytest.raises(ValueError, match="reason"):
        evidence.place_hold(operator, iid, ["CAM01"], t0, t0 + MIN, "  ")
    with pytest.raises(ValueError, match="ends after"):
        evidence.place_hold(operator, iid, ["CAM01"], t0, t0, "取证取证")
    with pytest.raises(ValueError, match="no camera"):
        evidence.place_hold(operator, iid, [], t0, t0 + MIN, "取证取证")
    with pytest.raises(LookupError):
        evidence.place_hold(operator, iid, ["CAM01", "AP01"], t0, t0 + MIN, "取证取证")
    with pytest.raises(LookupError):
        evidence.place_hold(operator, 10**9, ["CAM01"], t0, t0 + MIN, "取证取证")
    # A station handles its own community's incidents only.
    with pytest.raises(PermissionDenied):
        evidence.place_hold(env.who("ws01"), iid, ["CAM01"], t0, t0 + MIN, "取证取证")
    with pytest.raises(PermissionDenied):
        evidence.holds_for(env.who("ws01"), iid)
    assert evidence.holds_for(operator, iid) == []


# --- export ---------------------------------------------------------------------------------------
def test_an_operator_exports_with_a_reason_and_a_supervisor_without(
    env: World, evidence: EvidenceService
) -> None:
    operator, sup = env.who("operator"), env.who("supervisor")
    with pytest.raises(EvidenceRefused):
        evidence.authorise_export(operator, None)
    with pytest.raises(EvidenceRefused):
        evidence.authorise_export(operator, " 查 ")
    assert evidence.authorise_export(operator, "  派出所\x00调取 ") == "派出所 调取"
    assert evidence.authorise_export(sup, "") == ""
    assert evidence.authorise_export(sup, "上级调阅") == "上级调阅"
    with pytest.raises(PermissionDenied):
        evidence.authorise_export(env.svc.signin.principal("police"), "派出所调取")
    refused = audits(env, AuditAction.EXPORT_REFUSED)
    assert [(a, t) for a, t, _ in refused] == [("operator", "evidence"), ("operator", "evidence")]
    assert all("reason" in d for *_, d in refused)


def test_the_export_is_audited_with_its_manifest_hash_and_on_the_incidents_timeline(
    env: World, evidence: EvidenceService
) -> None:
    operator = env.who("operator")
    iid = new_incident(env)
    t0 = env.clock.now - timedelta(hours=1)
    digest = hashlib.sha256(b'{"manifest": 1}').hexdigest()
    evidence.record_export(
        operator, digest.upper(), ["CAM01"], t0, t0 + 2 * MIN, iid, "派出所调取", "E:/证据/1"
    )
    evidence.record_export(
        env.who("supervisor"), digest, ["CAM02", "CAM03"], t0, t0 + MIN, None, "", "bundle-2"
    )
    first, second = audits(env, AuditAction.EVIDENCE_EXPORTED)
    assert first[:2] == ("operator", str(iid))
    assert json.loads(first[2]) == {
        "manifest_sha256": digest,
        "cameras": ["CAM01"],
        "start": t0.isoformat(),
        "end": (t0 + 2 * MIN).isoformat(),
        "incident": iid,
        "reason": "派出所调取",
        "bundle": "E:/证据/1",
    }
    assert second[:2] == ("supervisor", "cameras:CAM02,CAM03")
    assert json.loads(second[2])["manifest_sha256"] == digest
    (entry,) = [e for e in env.events(iid) if e[0] == KIND_EXPORTED]
    assert digest in entry[3]

    with pytest.raises(ValueError, match="SHA-256"):
        evidence.record_export(operator, "abc", ["CAM01"], t0, t0 + MIN, iid, "派出所调取", "x")
    with pytest.raises(EvidenceRefused):
        evidence.record_export(operator, digest, ["CAM01"], t0, t0 + MIN, iid, "", "x")
    with pytest.raises(PermissionDenied):
        evidence.record_export(
            env.who("ws01"),
            digest,
            ["CAM01"],
            t0,
            t0 + MIN,
            new_incident(env, "C02"),
            "调取录像",
            "x",
        )
    assert len(audits(env, AuditAction.EVIDENCE_EXPORTED)) == 2
    assert env.audit_ok()


def test_an_incidents_timeline_and_call_recordings_go_into_the_bundle(
    env: World, evidence: EvidenceService
) -> None:
    operator = env.who("operator")
    iid = new_incident(env)
    env.svc.incidents.transition(operator, iid, IncidentState.ACKNOWLEDGED)
    lines = evidence.incident_timeline_export(operator, iid)
    assert [line.kind for line in lines] == ["created", "state"]
    assert "new → acknowledged" in lines[1].text
    assert lines[1].author == operator.display_name
    assert lines[0].at <= lines[1].at

    assert evidence.call_recordings_for(operator, iid) == []
    t0 = env.clock.now
    with as_owner(env.db) as owner, owner.session() as s:
        for n, recording in enumerate(["calls/2026/a.wav", "", "calls/2026/b.wav"]):
            s.add(
                Call(
                    gateway_call_id=f"g{n}",
                    direction="inbound",
                    phase="ended",
                    workstation="CC",
                    started_at=t0 + n * MIN,
                    recording=recording,
                    incident_id=iid,
                )
            )
    assert evidence.call_recordings_for(operator, iid) == ["calls/2026/a.wav", "calls/2026/b.wav"]
    with pytest.raises(LookupError):
        evidence.call_recordings_for(operator, 10**9)
    other = new_incident(env, "C02")
    with pytest.raises(PermissionDenied):
        evidence.call_recordings_for(env.who("ws01"), other)
    with pytest.raises(PermissionDenied):
        evidence.incident_timeline_export(env.who("ws01"), other)

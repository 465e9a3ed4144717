"""HandoverService on SQLite and PostgreSQL: the report, making and storing it, acknowledging."""

from __future__ import annotations

import json
import stat
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from core.audit import AuditAction
from core.handover import HandoverReport, render_html
from core.incidents import IncidentState
from core.model import Priority
from data.checkpoints import generate_audit_key
from data.models import AuditHead, ShiftHandover, User
from data.services.handover import (
    NO_KEY,
    HandoverError,
    HandoverRefused,
    HandoverResult,
    PreparedHandover,
)
from tests.helpers.postgres import as_owner
from tests.unit.data.worlds import World

HOSTILE = '<img src="file:///etc/passwd"><h1>大标题</h1>'


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


def _incident(env: World, title: str, priority: Priority = Priority.P1, **kw: Any) -> int:
    return env.svc.incidents.create(
        env.who("operator"), title=title, priority=priority, community="C01", **kw
    )


def _fake_pdf(report: HandoverReport) -> bytes:
    # The service is Qt-free: the console passes the real renderer (tested on its own).
    return b"%PDF-1.4 " + render_html(report).encode("utf-8")


def _prepare(
    env: World, username: str, folder: Path, *, notes: str = "", checkpoints: Path | None = None
) -> PreparedHandover:
    return env.svc.handover.prepare(
        env.who(username),
        notes=notes,
        reason="shift handover",
        folder=folder,
        checkpoints=checkpoints,
        render=_fake_pdf,
    )


def _hand_over(
    env: World, username: str, folder: Path, *, notes: str = "", checkpoints: Path | None = None
) -> HandoverResult:
    prepared = _prepare(env, username, folder, notes=notes, checkpoints=checkpoints)
    return env.svc.handover.store(env.who(username), prepared)


def _rows(env: World) -> int:
    with env.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(ShiftHandover)) or 0)


def _audits(env: World, action: AuditAction) -> list[tuple[str, str, str, str]]:
    return [a for a in env.audit() if a[1] == action.value]


def test_the_report_lists_open_items_sla_misses_and_counts(env: World) -> None:
    operator = env.who("operator")
    env.svc.audit.record(operator, AuditAction.LOGIN)  # the shift begins at this sign-in
    missed = _incident(env, HOSTILE, caller_name="张三", caller_phone="13812345678")
    on_time = _incident(env, "独居老人未出门", Priority.P2)
    env.svc.incidents.transition(operator, on_time, IncidentState.ACKNOWLEDGED)
    done = _incident(env, "路灯不亮", Priority.P4)
    for step in (IncidentState.ACKNOWLEDGED, IncidentState.DISPATCHED, IncidentState.RESOLVED):
        env.svc.incidents.transition(operator, done, step, disposition="")
    env.clock.advance(timedelta(minutes=20))

    report = env.svc.handover.gather(operator, notes="  3号楼电梯故障  ")

    assert report.outgoing_username == "operator"
    assert report.workstation == "CC"
    assert report.shift_end - report.shift_start < timedelta(minutes=30)
    open_ids = [i.id for i in report.open_items]
    assert set(open_ids) >= {missed, on_time}
    assert done not in open_ids
    assert report.open_total == len(report.open_items)
    first = next(i for i in report.open_items if i.id == missed)
    # An operator's paper shows callers as their lists do: masked.
    assert (first.caller_name, first.caller_phone) == ("张*", "138****5678")
    misses = {(m.id, m.clock) for m in report.sla_misses}
    assert (missed, "acknowledge") in misses  # P1: acknowledge within minutes
    assert (on_time, "acknowledge") not in misses
    communities = {c.key: c for c in report.by_community}
    assert communities["C01"].raised == 3
    assert communities["C01"].open == 2
    assert sum(c.raised for c in report.by_type) == 3
    assert report.notes == "3号楼电梯故障"
    html = render_html(report)
    assert "<img" not in html
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;&lt;h1&gt;大标题" in html
    # Communities by code and name, as everywhere else in the console (it printed "C01").
    name = dict(report.community_names)["C01"]
    assert f"<td>C01 {name}</td>" in html


def test_a_station_reports_only_its_communities(env: World) -> None:
    _incident(env, "一号社区的事")
    env.svc.incidents.create(
        env.who("operator"), title="别处的事", priority=Priority.P3, community="C02"
    )
    report = env.svc.handover.gather(env.who("ws01"))
    assert {i.community for i in report.open_items} == {"C01"}
    assert {c.key for c in report.by_community} == {"C01"}


def test_hand_over_stores_the_row_the_private_pdf_and_audits(env: World, tmp_path: Path) -> None:
    operator = env.who("operator")
    _incident(env, "独居老人未出门")
    folder = tmp_path / "handovers"
    prepared = _prepare(
        env, "operator", folder, notes="交班：<b>注意</b>", checkpoints=tmp_path / "cps"
    )
    # Made, not stored: the PDF is there, the database has nothing of it yet.
    assert prepared.path.is_file()
    assert _rows(env) == 0
    assert _audits(env, AuditAction.HANDOVER_MADE) == []
    result = env.svc.handover.store(operator, prepared)
    assert (result.path, result.sha256, result.report) == (
        prepared.path,
        prepared.sha256,
        prepared.report,
    )
    assert result.path.parent == folder
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert result.report.checkpoint is not None
    assert not result.report.checkpoint.signed  # no key on this workstation
    with env.db.session() as s:
        row = s.get(ShiftHandover, result.id)
        head = s.scalar(select(AuditHead.last_hash))
        assert row is not None
        assert row.signature == NO_KEY
        assert row.checkpoint_file == ""
        assert row.pdf_file == result.path.name
        assert row.notes == "交班：<b>注意</b>"
        assert row.acknowledged_at is None
        chain_head = row.chain_head
    # The head printed is the head before the handover's own audit rows.
    assert chain_head == result.report.checkpoint.head_hash != head
    assert chain_head in result.path.read_text(encoding="utf-8")
    [(actor, _, target, detail)] = _audits(env, AuditAction.HANDOVER_MADE)
    assert (actor, target) == ("operator", f"handover:{result.id}")
    assert json.loads(detail)["pdf_sha256"] == result.sha256
    [(actor, _, target, detail)] = _audits(env, AuditAction.DATA_EXPORTED)
    assert (actor, target) == ("operator", "handover")
    assert json.loads(detail)["reason"] == "shift handover"
    assert ("shift_handover", result.id, "insert") in env.changes()
    assert env.audit_ok()


def test_with_the_key_the_checkpoint_is_signed_and_named(env: World, tmp_path: Path) -> None:
    keys, cps = tmp_path / "keys", tmp_path / "cps"
    generate_audit_key(keys)
    env.ctx.keys = keys
    operator = env.who("operator")
    prepared = env.svc.handover.prepare(
        operator,
        notes="",
        reason="交接班报告",
        folder=tmp_path / "h",
        checkpoints=cps,
        render=_fake_pdf,
    )
    result = env.svc.handover.store(operator, prepared)
    cp = result.report.checkpoint
    assert cp is not None
    assert cp.signed
    [written] = cps.glob("*-handover.json")
    assert cp.file_name == written.name
    with env.db.session() as s:
        row = s.get(ShiftHandover, result.id)
        assert row is not None
        assert row.checkpoint_file == written.name
        assert row.signature == f"{cp.signature} (key {cp.key_id})"
    assert json.loads(written.read_text())["checkpoint"]["head_hash"] == cp.head_hash


def test_no_reason_no_report_and_the_refusal_is_audited(env: World, tmp_path: Path) -> None:
    with pytest.raises(HandoverRefused):
        env.svc.handover.prepare(
            env.who("operator"),
            notes="",
            reason=" ",
            folder=tmp_path / "h",
            checkpoints=None,
            render=_fake_pdf,
        )
    assert not (tmp_path / "h").exists()
    [(actor, _, target, _detail)] = _audits(env, AuditAction.EXPORT_REFUSED)
    assert (actor, target) == ("operator", "handover")
    with pytest.raises(ValueError, match="notes"):
        env.svc.handover.prepare(
            env.who("operator"),
            notes="x" * 4001,
            reason="shift handover",
            folder=tmp_path / "h",
            checkpoints=None,
            render=_fake_pdf,
        )


def test_only_another_user_acknowledges_and_only_once(env: World, tmp_path: Path) -> None:
    operator, supervisor = env.who("operator"), env.who("supervisor")
    result = _hand_over(env, "operator", tmp_path)
    assert env.svc.handover.pending(operator) == []  # never one's own
    [pending] = env.svc.handover.pending(supervisor)
    assert (pending.id, pending.outgoing_username) == (result.id, "operator")
    assert env.svc.handover.pdf_path(tmp_path, pending) == result.path

    with pytest.raises(HandoverError, match="own"):
        env.svc.handover.acknowledge(operator, result.id)
    env.svc.handover.acknowledge(supervisor, result.id)
    with pytest.raises(HandoverError, match="already"):
        env.svc.handover.acknowledge(supervisor, result.id)

    assert env.svc.handover.pending(supervisor) == []
    refused = _audits(env, AuditAction.HANDOVER_ACK_REFUSED)
    assert [(a, t) for a, _, t, _ in refused] == [
        ("operator", f"handover:{result.id}"),
        ("supervisor", f"handover:{result.id}"),
    ]
    [(actor, _, target, _)] = _audits(env, AuditAction.HANDOVER_ACKNOWLEDGED)
    assert (actor, target) == ("supervisor", f"handover:{result.id}")
    with env.db.session() as s:
        row = s.get(ShiftHandover, result.id)
        assert row is not None
        assert row.acknowledged_by_id == supervisor.user_id


def test_the_next_shift_starts_after_the_last_handover(env: World, tmp_path: Path) -> None:
    operator = env.who("operator")
    first = _hand_over(env, "operator", tmp_path)
    env.clock.advance(timedelta(hours=2))
    env.svc.audit.record(operator, AuditAction.LOGIN)
    signed_in = env.clock.now
    env.clock.advance(timedelta(hours=6))
    start, _end = env.svc.handover.shift_window(operator)
    assert first.report.shift_end < start
    assert abs(start - signed_in) < timedelta(seconds=5)


def test_writes_between_making_and_storing_come_after_the_printed_head(
    env: World, tmp_path: Path
) -> None:
    # The PDF is made outside the writer: other writes may land before the row is stored.
    operator = env.who("operator")
    prepared = _prepare(env, "operator", tmp_path)
    between = _incident(env, "路灯不亮")
    env.svc.incidents.transition(operator, between, IncidentState.ACKNOWLEDGED)
    result = env.svc.handover.store(operator, prepared)
    cp = result.report.checkpoint
    assert cp is not None
    with env.db.session() as s:
        row = s.get(ShiftHandover, result.id)
        assert row is not None
        assert (row.chain_head, row.chain_rows) == (cp.head_hash, cp.rows)
    assert between not in [i.id for i in result.report.open_items]
    assert env.audit_ok()


def test_a_failed_store_leaves_no_file_and_no_row(env: World, tmp_path: Path) -> None:
    operator = env.who("operator")
    prepared = _prepare(env, "operator", tmp_path)
    # Another user may not store it.
    with pytest.raises(HandoverError, match="author"):
        env.svc.handover.store(env.who("supervisor"), prepared)
    assert not prepared.path.exists()

    prepared = _prepare(env, "operator", tmp_path)
    with as_owner(env.db) as owner, owner.session() as s:  # no console service disables
        s.execute(update(User).where(User.username == "operator").values(active=False))
    with pytest.raises(PermissionError):  # the account is checked again when storing
        env.svc.handover.store(operator, prepared)
    assert not prepared.path.exists()
    assert _rows(env) == 0
    assert _audits(env, AuditAction.HANDOVER_MADE) == []
    assert _audits(env, AuditAction.DATA_EXPORTED) == []
    assert [a for a, *_ in _audits(env, AuditAction.PERMISSION_DENIED)] == ["operator"]


def test_a_discarded_handover_leaves_nothing(env: World, tmp_path: Path) -> None:
    prepared = _prepare(env, "operator", tmp_path / "h")
    env.svc.handover.discard(prepared)
    assert list((tmp_path / "h").iterdir()) == []
    assert _rows(env) == 0

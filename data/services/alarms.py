"""Alarms: events from DC-09 panels become incidents, restores join them, silent panels fault."""

from __future__ import annotations

import hashlib
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.alarm_plan import (
    SUPERVISION_CATEGORY,
    AlarmOutcome,
    AlarmPanel,
    AlarmPlan,
    alarm_note,
    alarm_priority,
    alarm_title,
    overdue,
    silent_detail,
    summary_note,
    zone_words,
)
from core.alarms import RAISING, AlarmCategory, AlarmEvent, restored_category
from core.incidents import DESCRIPTION_MAX, LOCATION_MAX, OPEN_STATES, TITLE_MAX
from core.model import DeviceState, IncidentSource
from core.text import clean_block, clean_line
from data.context import ServiceContext, WriteTx
from data.db import upsert_insert
from data.models import AlarmEvent as AlarmEventRow
from data.models import Device, Incident, IncidentEvent, IncidentType
from data.services.incidents import add_incident

ACTOR = "alarm"  # the audit trail's name for what the alarm ingest does (no user acts)
# Kinds of the timeline entries the alarms add (widgets.incident_detail names them).
KIND_ALARM = "alarm"  # another alarm of the same device and category
KIND_RESTORE = "alarm_restore"  # the panel reported the alarm's condition over
KIND_DEVICE_BACK = "device_restored"  # a silent panel is heard again
# A panel's link tests move device.last_seen_at at most this often (state changes at once):
# a hundred panels testing every minute would otherwise write a row, a change_log row and a
# re-read on every console for each test. Supervision also looks at what is held here.
SEEN_WRITE_EVERY = timedelta(seconds=30)
_KEYS_PER_QUERY = 500  # keys in one IN (...) when looking for replays

_OPEN = tuple(s.value for s in OPEN_STATES)
_RAISING = frozenset(c.value for c in RAISING)


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What one batch did."""

    stored: int  # alarm_event rows written
    duplicates: int  # retries and replays of events already stored
    heartbeats: int  # link tests and test reports (not stored: they move last_seen)
    opened: tuple[int, ...]  # incidents opened
    joined: tuple[int, ...]  # open incidents that got another alarm on their timeline
    restored: tuple[int, ...]  # open incidents whose alarm the panel reported over
    unknown_accounts: tuple[str, ...]  # accounts no device of the site has
    devices: tuple[int, ...]  # device rows changed (online again, last seen)
    changed: bool  # anything other workstations must re-read (change_log rows written)


@dataclass(frozen=True, slots=True)
class SuperviseResult:
    """What one supervision pass found."""

    offline: tuple[str, ...]  # device codes that fell silent now
    opened: tuple[int, ...]  # device-fault incidents opened for them


def stored_key(e: AlarmEvent) -> str:
    """alarm_event.key of an event: its key, hashed when a frame made it longer than the column."""
    key = e.key
    if len(key) <= 160:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()


def _clip(value: str, size: int) -> str:
    """Frames are untrusted: every text is cut to its column (PostgreSQL refuses longer)."""
    return clean_line(value)[:size]


class AlarmService:
    """Writes of the alarm ingest (one thread); actor "alarm", no user permission involved."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        # device id → latest time heard, not yet written to device.last_seen_at.
        self._seen: dict[int, datetime] = {}
        self._lock = threading.Lock()

    # --- ingest ---------------------------------------------------------------------------
    def ingest(self, events: Sequence[AlarmEvent], plan: AlarmPlan) -> IngestResult:
        """Store a batch in one transaction and act on it; a replayed event does nothing."""
        with self.ctx.write(ACTOR) as tx:
            return _Batch(self, tx, plan).run(events)

    def _heard(self, device_id: int, at: datetime) -> None:
        with self._lock:
            if at > self._seen.get(device_id, at - timedelta(seconds=1)):
                self._seen[device_id] = at

    def _take_seen(self, device_id: int) -> datetime | None:
        with self._lock:
            return self._seen.pop(device_id, None)

    def _peek_seen(self, device_id: int) -> datetime | None:
        with self._lock:
            return self._seen.get(device_id)

    # --- supervision ----------------------------------------------------------------------
    def supervise(
        self, plan: AlarmPlan, since: datetime, now: datetime | None = None
    ) -> SuperviseResult:
        """Mark supervised panels not heard within their window offline, one fault each.

        `since`: when the ingest started; a panel not heard since counts from then. A panel
        already offline is left alone: one fault incident per silence, not one per check.
        """
        now = now or self.ctx.clock()
        panels = {p.device: p for p in plan.panels.values() if p.supervision is not None}
        if not panels:
            return SuperviseResult((), ())
        with self.ctx.read() as s:
            rows = s.execute(
                select(Device.id, Device.code, Device.state, Device.last_seen_at).where(
                    Device.code.in_(sorted(panels))
                )
            ).all()
        silent = []
        for did, code, state, last_seen in rows:
            window = panels[code].supervision
            assert window is not None
            seen = max(
                (t for t in (last_seen, self._peek_seen(did)) if t is not None), default=None
            )
            if state != DeviceState.OFFLINE.value and overdue(seen, since, window, now):
                silent.append(did)
        if not silent:
            return SuperviseResult((), ())
        offline: list[str] = []
        opened: list[int] = []
        with self.ctx.write(ACTOR) as tx:
            s = tx.session
            types = _types(s, plan)
            for dev in s.scalars(select(Device).where(Device.id.in_(silent))):
                if dev.state == DeviceState.OFFLINE.value:
                    continue  # another pass got there first
                panel = panels[dev.code]
                seen = max(
                    (t for t in (dev.last_seen_at, self._take_seen(dev.id)) if t is not None),
                    default=None,
                )
                detail = silent_detail(seen, plan.timezone)
                dev.state = DeviceState.OFFLINE.value
                dev.state_changed_at = tx.now
                dev.last_seen_at = seen
                dev.detail = detail
                tx.change("device", dev.id, "update")
                offline.append(dev.code)
                if _open_incident(s, dev.id, SUPERVISION_CATEGORY) is None:
                    opened.append(self._open_fault(tx, plan, types, panel, dev, detail))
        return SuperviseResult(tuple(offline), tuple(opened))

    def _open_fault(
        self,
        tx: WriteTx,
        plan: AlarmPlan,
        types: dict[str, tuple[int, str, int]],
        panel: AlarmPanel,
        dev: Device,
        detail: str,
    ) -> int:
        code = plan.type_for(SUPERVISION_CATEGORY)
        tid, tname, tprio = types.get(code or "", (None, "", None))
        window = panel.supervision.total_seconds() if panel.supervision else 0
        description = (
            f"{detail} · 监测周期 {window:.0f} 秒 · 用户号 {panel.account} · 设备 {panel.device}"
        )
        inc = add_incident(
            tx,
            title=_clip(alarm_title(tname, SUPERVISION_CATEGORY, panel.name, detail), TITLE_MAX),
            description=description[:DESCRIPTION_MAX],
            priority=alarm_priority(SUPERVISION_CATEGORY, tprio),
            source=IncidentSource.DEVICE,
            community_id=dev.community_id,
            location=_clip(panel.location, LOCATION_MAX),
            type_id=tid,
            created_by_id=None,
        )
        tx.session.execute(
            upsert_insert(tx.session, AlarmEventRow.__table__).on_conflict_do_nothing(),
            [
                {
                    "key": f"supervision|{panel.device}|{tx.now.isoformat()}",
                    "device_id": dev.id,
                    "community_id": dev.community_id,
                    "account": panel.account[:16],
                    "message_type": "SUPERVISION",
                    "category": SUPERVISION_CATEGORY,
                    "text": detail[:300],
                    "received_at": tx.now,
                    "incident_id": inc.id,
                    "outcome": AlarmOutcome.INCIDENT,
                }
            ],
        )
        return inc.id


def _types(s: Session, plan: AlarmPlan) -> dict[str, tuple[int, str, int]]:
    """code → (id, name, default priority) of the incident types the plan maps to."""
    codes = sorted(set(plan.types.values()))
    if not codes:
        return {}
    rows = s.execute(
        select(
            IncidentType.code, IncidentType.id, IncidentType.name, IncidentType.default_priority
        ).where(IncidentType.code.in_(codes))
    ).all()
    return {code: (tid, name, prio) for code, tid, name, prio in rows}


def _open_incident(s: Session, device_id: int, category: str) -> int | None:
    """The newest open incident an alarm of this device and category opened, if any."""
    found: int | None = s.scalar(
        select(AlarmEventRow.incident_id)
        .join(Incident, Incident.id == AlarmEventRow.incident_id)
        .where(
            AlarmEventRow.device_id == device_id,
            AlarmEventRow.category == category,
            AlarmEventRow.outcome == AlarmOutcome.INCIDENT,
            Incident.state.in_(_OPEN),
            Incident.merged_into_id.is_(None),
        )
        .order_by(AlarmEventRow.id.desc())
        .limit(1)
    )
    return found


class _Batch:
    """One batch inside one write: dedupe, map, act, then the timeline and the devices."""

    def __init__(self, svc: AlarmService, tx: WriteTx, plan: AlarmPlan):
        self.svc, self.tx, self.plan = svc, tx, plan
        self.s = tx.session
        self.open: dict[tuple[int, str], int | None] = {}
        self.notes: dict[tuple[int, str], list[str]] = defaultdict(list)
        self.opened: list[int] = []
        self.unknown: set[str] = set()

    def run(self, events: Sequence[AlarmEvent]) -> IngestResult:
        s, plan = self.s, self.plan
        heartbeats = [e for e in events if e.category is AlarmCategory.HEARTBEAT]
        others = [e for e in events if e.category is not AlarmCategory.HEARTBEAT]
        known = self._stored_keys({stored_key(e) for e in others})
        codes = {p.device for a in {e.account for e in events} if (p := plan.panel(a))}
        devices = {
            d.code: d for d in s.scalars(select(Device).where(Device.code.in_(sorted(codes))))
        }
        types = _types(s, plan)
        rows: list[dict[str, Any]] = []
        duplicates = 0
        for e in events:
            panel = plan.panel(e.account)
            dev = devices.get(panel.device) if panel is not None else None
            if dev is None:
                self.unknown.add(e.account)
            else:
                self.svc._heard(dev.id, e.received_at)
        for e in others:
            key = stored_key(e)
            if key in known:
                duplicates += 1
                continue
            known.add(key)
            panel = plan.panel(e.account)
            dev = devices.get(panel.device) if panel is not None else None
            if panel is None or dev is None:
                rows.append(_row(e, None, None, None, AlarmOutcome.UNKNOWN_ACCOUNT))
                continue
            incident, outcome = self._act(e, panel, dev, types)
            rows.append(_row(e, dev.id, dev.community_id, incident, outcome))
        if rows:
            # The key is unique: a copy stored meanwhile by another writer is skipped.
            s.execute(upsert_insert(s, AlarmEventRow.__table__).on_conflict_do_nothing(), rows)
        joined, restored = self._timeline()
        changed_devices = self._devices(devices.values())
        return IngestResult(
            stored=len(rows),
            duplicates=duplicates,
            heartbeats=len(heartbeats),
            opened=tuple(self.opened),
            joined=joined,
            restored=restored,
            unknown_accounts=tuple(sorted(self.unknown)),
            devices=changed_devices,
            changed=bool(self.tx.changes),
        )

    def _stored_keys(self, keys: set[str]) -> set[str]:
        ordered = sorted(keys)
        found: set[str] = set()
        for i in range(0, len(ordered), _KEYS_PER_QUERY):
            chunk = ordered[i : i + _KEYS_PER_QUERY]
            found.update(
                self.s.scalars(select(AlarmEventRow.key).where(AlarmEventRow.key.in_(chunk)))
            )
        return found

    def _open_of(self, device_id: int, category: str) -> int | None:
        key = (device_id, category)
        if key not in self.open:
            self.open[key] = _open_incident(self.s, device_id, category)
        return self.open[key]

    def _act(
        self,
        e: AlarmEvent,
        panel: AlarmPanel,
        dev: Device,
        types: dict[str, tuple[int, str, int]],
    ) -> tuple[int | None, str]:
        category = e.category.value
        if category in _RAISING:
            current = self._open_of(dev.id, category)
            if current is not None:
                self.notes[(current, KIND_ALARM)].append(alarm_note(e, panel))
                return current, AlarmOutcome.JOINED
            iid = self._open(e, panel, dev, types)
            self.open[(dev.id, category)] = iid
            return iid, AlarmOutcome.INCIDENT
        if category == AlarmCategory.RESTORE.value:
            ended = restored_category(e.code)
            current = self._open_of(dev.id, ended.value) if ended is not None else None
            if current is not None:
                self.notes[(current, KIND_RESTORE)].append(alarm_note(e, panel))
                return current, AlarmOutcome.RESTORE
        return None, AlarmOutcome.LOGGED

    def _open(
        self,
        e: AlarmEvent,
        panel: AlarmPanel,
        dev: Device,
        types: dict[str, tuple[int, str, int]],
    ) -> int:
        category = e.category.value
        code = self.plan.type_for(category)
        tid, tname, tprio = types.get(code or "", (None, "", None))
        zone = zone_words(e.zone_number, panel)
        inc = add_incident(
            self.tx,
            title=_clip(alarm_title(tname, category, panel.name, zone), TITLE_MAX),
            description=clean_block(alarm_note(e, panel))[:DESCRIPTION_MAX],
            priority=alarm_priority(category, tprio),
            source=IncidentSource.ALARM,
            community_id=dev.community_id,
            location=_clip(panel.location, LOCATION_MAX),
            type_id=tid,
            created_by_id=None,
        )
        self.opened.append(inc.id)
        return inc.id

    def _timeline(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """One timeline entry per incident and kind for the whole batch (a flood stays short)."""
        joined: list[int] = []
        restored: list[int] = []
        for (iid, kind), notes in self.notes.items():
            self._note(iid, kind, summary_note(notes))
            (joined if kind == KIND_ALARM else restored).append(iid)
        return tuple(joined), tuple(restored)

    def _note(self, iid: int, kind: str, note: str) -> None:
        self.s.add(
            IncidentEvent(
                incident_id=iid,
                ts=self.tx.now,
                kind=kind,
                note=clean_block(note)[:DESCRIPTION_MAX],
                actor_id=None,
                workstation=self.svc.ctx.workstation,
            )
        )
        self.tx.change("incident", iid, "update")

    def _devices(self, devices: Any) -> tuple[int, ...]:
        """Devices heard in this batch: online again at once, last seen now and then."""
        changed: list[int] = []
        for dev in devices:
            seen = self.svc._peek_seen(dev.id)
            if seen is None:
                continue
            back = dev.state != DeviceState.ONLINE.value
            stale = dev.last_seen_at is None or seen - dev.last_seen_at >= SEEN_WRITE_EVERY
            if not back and not stale:
                continue
            self.svc._take_seen(dev.id)
            if back:
                was_offline = dev.state == DeviceState.OFFLINE.value
                dev.state = DeviceState.ONLINE.value
                dev.state_changed_at = self.tx.now
                dev.detail = ""
                if was_offline:
                    fault = _open_incident(self.s, dev.id, SUPERVISION_CATEGORY)
                    if fault is not None:
                        self._note(fault, KIND_DEVICE_BACK, f"恢复联系 · {dev.code}")
            if dev.last_seen_at is None or seen > dev.last_seen_at:
                dev.last_seen_at = seen
            self.tx.change("device", dev.id, "update")
            changed.append(dev.id)
        return tuple(changed)


def _row(
    e: AlarmEvent,
    device_id: int | None,
    community_id: int | None,
    incident_id: int | None,
    outcome: str,
) -> dict[str, Any]:
    return {
        "key": stored_key(e),
        "device_id": device_id,
        "community_id": community_id,
        "account": _clip(e.account, 16),
        "receiver": _clip(e.receiver, 16),
        "line": _clip(e.line, 16),
        "sequence": _clip(e.sequence, 8),
        "message_type": _clip(e.message_type, 16),
        "code": _clip(e.code, 8),
        "category": e.category.value,
        "zone": _clip(e.zone, 16),
        "partition": _clip(e.partition, 8),
        "text": _clip(e.text, 300),
        "panel_time": e.panel_time,
        "received_at": e.received_at,
        "transport": _clip(e.transport, 8),
        "peer": _clip(e.peer, 64),
        "incident_id": incident_id,
        "outcome": outcome,
    }

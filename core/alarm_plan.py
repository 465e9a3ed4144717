"""What the console does with alarm events: panels by account, category → incident type, wording."""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Final

from core.alarms import RAISING, AlarmCategory, AlarmEvent
from core.model import Priority
from core.site import SiteSpec
from core.site_alarms import (
    DEFAULT_ALARM_TYPES,
    DEFAULT_SUPERVISION_TYPE,
    SUPERVISION_KEY,
)

# alarm_event.category of the fault a missed heartbeat raises (not a panel's own category).
SUPERVISION_CATEGORY = "supervision"


class AlarmOutcome:
    """What became of an alarm event (alarm_event.outcome)."""

    INCIDENT = "incident"  # it opened an incident
    JOINED = "joined"  # it joined the open incident of its device and category
    RESTORE = "restore"  # a restore, noted on the open incident it ends
    LOGGED = "logged"  # recorded only (arming, other codes, a restore with nothing open)
    UNKNOWN_ACCOUNT = "unknown_account"  # no device of the site has its account


@dataclass(frozen=True, slots=True)
class AlarmPanel:
    """A device that reports over DC-09, as the ingest needs it (no key: that is the receiver's)."""

    account: str
    device: str  # device code
    kind: str  # alarm_panel | panic_button
    name: str
    community: str | None
    location: str  # where it is, for the incident's location
    supervision: timedelta | None  # None: not supervised
    zones: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AlarmPlan:
    """The alarm side of the site file: panels by account, types by category, the time zone."""

    panels: Mapping[str, AlarmPanel]
    types: Mapping[str, str]  # alarm category value or "supervision" → incident type code
    timezone: str = "Asia/Shanghai"

    def panel(self, account: str) -> AlarmPanel | None:
        """The panel with this account (hex, any case)."""
        return self.panels.get(account.upper())

    def type_for(self, category: str) -> str | None:
        """The incident type code a raising category (or a supervision fault) opens."""
        return self.types.get(category)

    def by_device(self) -> dict[str, AlarmPanel]:
        """Panels by device code."""
        return {p.device: p for p in self.panels.values()}


def plan_from_site(site: SiteSpec) -> AlarmPlan:
    """The plan of a site file; a site without [alarm_types] gets the defaults it can honour."""
    addresses = {c.code: c.address for c in site.communities}
    panels: dict[str, AlarmPanel] = {}
    for d in site.devices:
        a = d.alarm
        if a.account is None:
            continue
        panels[a.account] = AlarmPanel(
            account=a.account,
            device=d.code,
            kind=d.kind,
            name=d.name,
            community=d.community,
            location=a.location or (addresses.get(d.community, "") if d.community else ""),
            supervision=timedelta(seconds=a.supervision_seconds) if a.supervision_seconds else None,
            zones=dict(a.zones),
        )
    types = dict(site.alarm_types)
    if not types:
        known = {t.code for t in site.incident_types}
        defaults = {**DEFAULT_ALARM_TYPES, SUPERVISION_KEY: DEFAULT_SUPERVISION_TYPE}
        types = {k: v for k, v in defaults.items() if v in known}
    return AlarmPlan(panels=panels, types=types, timezone=site.timezone)


def raises(event: AlarmEvent) -> bool:
    """True when the event opens (or joins) an incident."""
    return event.category in RAISING


def alarm_priority(category: str, type_priority: int | None) -> Priority:
    """A panic is always P1 (a person pressed it); others take their type's, P2 without one."""
    if category == AlarmCategory.PANIC.value:
        return Priority.P1
    if type_priority is None:
        return Priority.P2 if category in {c.value for c in RAISING} else Priority.P4
    return Priority(type_priority)


# A category's words where the site file maps it to no incident type (titles are data in the
# site's language).
CATEGORY_WORDS: Final[Mapping[str, str]] = {
    "burglary": "入侵报警",
    "fire": "火警",
    "panic": "紧急求助",
    "medical": "医疗求助",
    "tamper": "防拆报警",
    "trouble": "设备故障",
    SUPERVISION_CATEGORY: "报警主机失联",
    "motion": "移动侦测",
}


def zone_words(zone: int | None, panel: AlarmPanel | None) -> str:
    """The zone as the incident names it: "防区 12（东门）", "防区 12", or ""."""
    if zone is None:
        return ""
    name = panel.zones.get(zone) if panel is not None else None
    return f"防区 {zone}（{name}）" if name else f"防区 {zone}"


def alarm_title(type_name: str, category: str, device_name: str, zone: str) -> str:
    """The incident's title: its type (or category), the device, the zone when there is one.

    Titles are data, in the site's own words and language (type and device names come from
    the site file): "防区 12", with the zone's site-file name when it has one.
    """
    parts = [type_name or CATEGORY_WORDS.get(category, category), device_name]
    if zone:
        parts.append(zone)
    return " · ".join(p for p in parts if p)


def alarm_note(event: AlarmEvent, panel: AlarmPanel | None) -> str:
    """One line describing an event for an incident's description or timeline."""
    bits = [f"{event.message_type} {event.code}".strip()]
    zone = zone_words(event.zone_number, panel)
    if zone:
        bits.append(zone)
    if event.partition:
        bits.append(f"分区 {event.partition}")
    if event.text:
        bits.append(event.text)
    bits.append(f"用户号 {event.account}")
    if event.panel_time is not None:
        bits.append(f"主机时间 {event.panel_time.strftime('%Y-%m-%d %H:%M:%S')} UTC")
    bits.append(f"经由 {event.transport.upper()} {event.peer}")
    return " · ".join(bits)


def summary_note(notes: list[str], limit: int = 5) -> str:
    """Several events of one batch in one timeline entry: the first few, and how many more."""
    shown = notes[:limit]
    more = len(notes) - len(shown)
    text = "\n".join(shown)
    return f"{text}\n（另有 {more} 条）" if more > 0 else text


def overdue(last_seen: datetime | None, since: datetime, window: timedelta, now: datetime) -> bool:
    """True when a supervised panel has not been heard within its window.

    A panel never heard from counts from `since` (the ingest's start), so a console that
    starts does not call every panel offline at once.
    """
    base = last_seen if last_seen is not None and last_seen > since else since
    return now - base > window


def silent_detail(last_seen: datetime | None, zone: str) -> str:
    """The device row's detail of a panel that fell silent: "10:42 起未收到链路测试"."""
    if last_seen is None:
        return "未收到链路测试"
    local = last_seen.astimezone(zoneinfo.ZoneInfo(zone))
    return f"{local.strftime('%H:%M')} 起未收到链路测试"

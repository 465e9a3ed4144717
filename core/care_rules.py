"""Care rules: placements, tracker alarms and a clock tick to rule hits, one episode at a time."""

from __future__ import annotations

import enum
import heapq
import math
import zoneinfo
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Final

from core.location import Placement
from core.site import DEFAULT_TIMEZONE, CameraSpec, SiteSpec
from core.tracking import GpsFix, TagRead, TrackerAlarm


class Rule(enum.StrEnum):
    """What a care rule watches for; one open episode per tag and rule."""

    LEFT_SAFE_ZONE = "left_safe_zone"
    NO_READ = "no_read"
    SOS = "sos"
    TAG_REMOVED = "tag_removed"
    LOW_BATTERY = "low_battery"
    NIGHT_WANDERING = "night_wandering"
    VEHICLE_MOVED_ARMED = "vehicle_moved_armed"


class SubjectKind(enum.StrEnum):
    """Whom or what a tag is on; it picks the defaults and the incident a rule raises."""

    ELDERLY = "elderly"
    DEMENTIA = "dementia"
    DISABLED = "disabled"
    CHILD = "child"
    VEHICLE = "vehicle"
    ASSET = "asset"


PERSON_KINDS: Final = frozenset(
    {SubjectKind.ELDERLY, SubjectKind.DEMENTIA, SubjectKind.DISABLED, SubjectKind.CHILD}
)

DEFAULT_DWELL_S: Final = 60.0
DEFAULT_NIGHT_DWELL_S: Final = 30.0
DEFAULT_MOVE_THRESHOLD_M: Final = 50.0
# A tracker flag (SOS, tamper, low battery) episode ends once reads have come without it
# for this long: tags repeat a flag for a while, and a flag that flickers is one episode.
DEFAULT_FLAG_CLEAR_S: Final = 120.0
# While an episode stays open, repeated triggers append to it at most this often.
DEFAULT_REPEAT_S: Final = 300.0
LAST_POSITIONS: Final = 10
LOW_BATTERY_PCT: Final = 20  # a GPS terminal at or below this is low …
BATTERY_OK_PCT: Final = 30  # … and ok again from this (no flapping around one value)


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """A daily local-time window; `start` after `end` wraps past midnight (22:00–05:00)."""

    start: time
    end: time

    def contains(self, t: time) -> bool:
        """True when the local time of day `t` falls inside (start included, end excluded)."""
        if self.start <= self.end:
            return self.start <= t < self.end
        return t >= self.start or t < self.end


DEFAULT_NIGHT: Final = TimeWindow(time(22, 0), time(5, 0))
CHILD_WATCH_HOURS: Final = TimeWindow(time(21, 0), time(6, 0))


@dataclass(frozen=True, slots=True)
class TagProfile:
    """What the rules watch for one tag.

    Attributes:
        safe_zones: where the person may be; empty turns LEFT_SAFE_ZONE off.
        watch_hours: local-time windows in which leaving the safe zones alarms (a carer takes
            the person to the market in the morning); empty: always.
        dwell_s: seconds out of the safe zones before it alarms (a 3-second blip is not one).
        no_read_hours: NO_READ after this long without any read or fix; None: off.
        night: the night window for NIGHT_WANDERING; None: off (set for dementia).
        night_zones: where the person may be at night (home block, no gates); None: safe_zones.
        night_dwell_s: seconds out of the night zones at night before it alarms.
        armed: a vehicle whose owner armed it: moving `move_threshold_m` from where it was
            when armed raises VEHICLE_MOVED_ARMED.
    """

    tag: str
    kind: SubjectKind
    safe_zones: frozenset[str] = frozenset()
    watch_hours: tuple[TimeWindow, ...] = ()
    dwell_s: float = DEFAULT_DWELL_S
    no_read_hours: float | None = None
    night: TimeWindow | None = None
    night_zones: frozenset[str] | None = None
    night_dwell_s: float = DEFAULT_NIGHT_DWELL_S
    armed: bool = False
    move_threshold_m: float = DEFAULT_MOVE_THRESHOLD_M


@dataclass(frozen=True, slots=True)
class LastPosition:
    """One of a tag's recent placements, carried on a hit for the incident."""

    at: datetime
    zone: str | None
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class RuleHit:
    """A rule fired. `first` True opens an incident; False appends to the open episode's."""

    tag: str
    rule: Rule
    at: datetime
    first: bool
    detail: str
    last_positions: tuple[LastPosition, ...]


@dataclass(frozen=True, slots=True)
class RuleCleared:
    """An open episode ended: the condition cleared (back in a safe zone, read again, …)."""

    tag: str
    rule: Rule
    at: datetime
    detail: str


RuleEvent = RuleHit | RuleCleared


@dataclass(frozen=True, slots=True)
class OpenEpisode:
    """An episode open at start (from the open incidents), so it is not raised again."""

    tag: str
    rule: Rule
    opened_at: datetime


@dataclass(frozen=True, slots=True)
class IncidentAdvice:
    """The incident type (a site incident_type code) and priority a rule hit suggests."""

    incident_type: str
    priority: int


# Suggested incident per rule and subject; the service may override it from the site file.
_PEOPLE_DEFAULTS: Final[Mapping[Rule, IncidentAdvice]] = {
    Rule.SOS: IncidentAdvice("ELDERLY", 1),
    Rule.LEFT_SAFE_ZONE: IncidentAdvice("ELDERLY", 2),
    Rule.NIGHT_WANDERING: IncidentAdvice("MISSING", 1),
    Rule.NO_READ: IncidentAdvice("ELDERLY", 2),
    Rule.TAG_REMOVED: IncidentAdvice("DEVICE", 3),
    Rule.LOW_BATTERY: IncidentAdvice("DEVICE", 3),
    Rule.VEHICLE_MOVED_ARMED: IncidentAdvice("THEFT", 2),
}
_OVERRIDES: Final[Mapping[tuple[Rule, SubjectKind], IncidentAdvice]] = {
    (Rule.LEFT_SAFE_ZONE, SubjectKind.DEMENTIA): IncidentAdvice("MISSING", 1),
    (Rule.TAG_REMOVED, SubjectKind.DEMENTIA): IncidentAdvice("MISSING", 1),
    (Rule.NO_READ, SubjectKind.DEMENTIA): IncidentAdvice("MISSING", 1),
    (Rule.SOS, SubjectKind.CHILD): IncidentAdvice("MISSING", 1),
    (Rule.LEFT_SAFE_ZONE, SubjectKind.CHILD): IncidentAdvice("MISSING", 2),
    (Rule.TAG_REMOVED, SubjectKind.CHILD): IncidentAdvice("MISSING", 2),
    (Rule.NO_READ, SubjectKind.CHILD): IncidentAdvice("MISSING", 2),
    (Rule.TAG_REMOVED, SubjectKind.VEHICLE): IncidentAdvice("THEFT", 2),
    (Rule.NO_READ, SubjectKind.VEHICLE): IncidentAdvice("DEVICE", 4),
    (Rule.TAG_REMOVED, SubjectKind.ASSET): IncidentAdvice("THEFT", 2),
    (Rule.NO_READ, SubjectKind.ASSET): IncidentAdvice("DEVICE", 4),
}


def incident_for(rule: Rule, kind: SubjectKind | None) -> IncidentAdvice:
    """The incident type and priority to open for a rule hit on this kind of subject."""
    if kind is not None:
        advice = _OVERRIDES.get((rule, kind))
        if advice is not None:
            return advice
    return _PEOPLE_DEFAULTS[rule]


def profile_for(site: SiteSpec, tag: str, kind: SubjectKind, community: str) -> TagProfile:
    """The default profile of a tag worn in `community` (the demo's and new tags' defaults).

    Elderly and disabled people move freely: NO_READ after 12 h (and the tag's own alarms).
    People with dementia: safe zones are the home community's zones, NIGHT_WANDERING outside
    its residential and safe zones (its gates count as out), NO_READ after 4 h. Children:
    the home community late in the evening and at night (21:00–06:00; school and play take them
    elsewhere by day), no read-gap rule. Vehicles and assets: the armed rule (off until armed).
    """
    own = [z for z in site.zones if z.community == community]
    home = frozenset(z.code for z in own)
    inner = frozenset(z.code for z in own if z.kind in ("residential", "safe"))
    if kind is SubjectKind.DEMENTIA:
        return TagProfile(
            tag, kind, safe_zones=home, no_read_hours=4.0, night=DEFAULT_NIGHT, night_zones=inner
        )
    if kind is SubjectKind.CHILD:
        return TagProfile(tag, kind, safe_zones=home, watch_hours=(CHILD_WATCH_HOURS,))
    if kind in (SubjectKind.ELDERLY, SubjectKind.DISABLED):
        return TagProfile(tag, kind, no_read_hours=12.0)
    return TagProfile(tag, kind)


def nearest_cameras(
    cameras: Iterable[CameraSpec], x: float, y: float, n: int = 3
) -> list[CameraSpec]:
    """The `n` cameras closest to the site position, nearest first."""
    return heapq.nsmallest(
        n, cameras, key=lambda c: (c.position.x - x) ** 2 + (c.position.y - y) ** 2
    )


_FLAG_RULES: Final[Mapping[TrackerAlarm, Rule]] = {
    TrackerAlarm.SOS: Rule.SOS,
    TrackerAlarm.TAG_REMOVED: Rule.TAG_REMOVED,
    TrackerAlarm.POWER_CUT: Rule.TAG_REMOVED,  # a vehicle terminal's tamper: same response
    TrackerAlarm.LOW_BATTERY: Rule.LOW_BATTERY,
    TrackerAlarm.MOVED_WHILE_ARMED: Rule.VEHICLE_MOVED_ARMED,
}
# A hit's words are incident text (core.tags.RULE_TITLES): in the site's language.
OUTSIDE_ZONES: Final = "当前不在任何区域内"
FLAG_WORDS: Final[Mapping[TrackerAlarm, str]] = {
    TrackerAlarm.SOS: "一键求助",
    TrackerAlarm.TAG_REMOVED: "标签被取下或终端被拆",
    TrackerAlarm.LOW_BATTERY: "电量低",
    TrackerAlarm.POWER_CUT: "主电源断开",
    TrackerAlarm.MOVED_WHILE_ARMED: "布防时震动或位移",
}


def _now_at(where: str) -> str:
    return where if where == OUTSIDE_ZONES else f"现在位于 {where}"


_FLAG_CLEARED: Final = frozenset({Rule.SOS, Rule.TAG_REMOVED, Rule.LOW_BATTERY})
# A battery that is still low is no news: its incident gets no appends, only the opening.
_NO_APPENDS: Final = frozenset({Rule.LOW_BATTERY})


@dataclass(slots=True)
class _Episode:
    opened: float
    last_hit: float


@dataclass(slots=True)
class _State:
    seen: float
    positions: deque[LastPosition] = field(default_factory=lambda: deque(maxlen=LAST_POSITIONS))
    zone: str | None = None
    x: float = math.nan
    y: float = math.nan
    out_since: float | None = None  # out of the safe zones since (dwell pending or open)
    night_out_since: float | None = None
    anchor: tuple[float, float] | None = None  # an armed vehicle's position when armed
    episodes: dict[Rule, _Episode] = field(default_factory=dict)
    flags: dict[Rule, float] = field(default_factory=dict)  # last time each flag was sent


class CareRules:
    """The rule engine; the ingest thread owns it (not thread-safe).

    Feed every read (`on_read`) and fix (`on_fix`), every Placement (`on_placement`) and a
    clock `tick(now)` about once a second (dwell times and read gaps end there). Each returns
    the RuleHits and RuleCleareds it caused. The engine keeps one episode per tag and rule:
    the first trigger opens it (`first` True), later ones append (at most every `repeat_s`,
    or on each zone change for the zone rules), and it ends when the condition clears.
    """

    def __init__(
        self,
        profiles: Iterable[TagProfile] = (),
        *,
        timezone: str = DEFAULT_TIMEZONE,
        now: datetime | None = None,
        flag_clear_s: float = DEFAULT_FLAG_CLEAR_S,
        repeat_s: float = DEFAULT_REPEAT_S,
    ) -> None:
        self._tz = zoneinfo.ZoneInfo(timezone)
        self.flag_clear_s = flag_clear_s
        self.repeat_s = repeat_s
        self._profiles: dict[str, TagProfile] = {}
        self._states: dict[str, _State] = {}
        # Tags never read count their read gap from the engine's start.
        self._epoch = now.timestamp() if now is not None else math.nan
        self._pending: set[str] = set()  # dwell timers running (day or night)
        self._flagged: set[str] = set()  # flag episodes open, to clear on a quiet tick
        for profile in profiles:
            self.set_profile(profile)

    # --- profiles and restart -------------------------------------------------------------

    def set_profile(self, profile: TagProfile, at: datetime | None = None) -> list[RuleEvent]:
        """Add or replace a tag's profile (at `at`); disarming a vehicle ends its episode."""
        old = self._profiles.get(profile.tag)
        self._profiles[profile.tag] = profile
        state = self._states.get(profile.tag)
        if state is None:
            return []
        out: list[RuleEvent] = []
        if profile.armed and (old is None or not old.armed):
            state.anchor = None if math.isnan(state.x) else (state.x, state.y)
        elif not profile.armed:
            state.anchor = None
            now = at if at is not None else datetime.fromtimestamp(state.seen, UTC)
            self._close(profile.tag, state, Rule.VEHICLE_MOVED_ARMED, now, "已撤防", out)
        return out

    def remove_profile(self, tag: str) -> None:
        """Stop watching a tag (returned tag, consent withdrawn); its state is dropped."""
        self._profiles.pop(tag, None)
        self._states.pop(tag, None)
        self._pending.discard(tag)
        self._flagged.discard(tag)

    def profile(self, tag: str) -> TagProfile | None:
        """The tag's profile, if it has one."""
        return self._profiles.get(tag)

    def restore(
        self,
        episodes: Iterable[OpenEpisode] = (),
        last_seen: Mapping[str, datetime] | None = None,
    ) -> None:
        """Rebuild state at start: open episodes (from open incidents) and last read times."""
        for tag, at in (last_seen or {}).items():
            self._state(tag, at.timestamp()).seen = at.timestamp()
        for episode in episodes:
            opened = episode.opened_at.timestamp()
            state = self._state(episode.tag, opened)
            state.episodes[episode.rule] = _Episode(opened, opened)
            if episode.rule in _FLAG_CLEARED:
                state.flags[episode.rule] = opened
                self._flagged.add(episode.tag)
            if episode.rule is Rule.LEFT_SAFE_ZONE:
                state.out_since = opened
            elif episode.rule is Rule.NIGHT_WANDERING:
                state.night_out_since = opened

    def open_episodes(self) -> list[OpenEpisode]:
        """Every episode open now (for tests and diagnostics)."""
        return [
            OpenEpisode(tag, rule, datetime.fromtimestamp(ep.opened, UTC))
            for tag, state in self._states.items()
            for rule, ep in state.episodes.items()
        ]

    # --- inputs ---------------------------------------------------------------------------

    def on_read(self, read: TagRead) -> list[RuleEvent]:
        """A tag was read: its read gap restarts; its flags (SOS, tamper, battery) apply."""
        ts = read.at.timestamp()
        state = self._states.get(read.tag)
        if state is None:
            state = self._state(read.tag, ts)
        elif ts > state.seen:
            state.seen = ts
        if not (read.alarms or read.battery_low or state.episodes):
            return []
        flags = set(read.alarms)
        if read.battery_low:
            flags.add(TrackerAlarm.LOW_BATTERY)
        return self._signal(read.tag, state, read.at, ts, flags)

    def on_fix(self, fix: GpsFix, tag: str | None = None) -> list[RuleEvent]:
        """A GPS report (with or without a position) for `tag` (default: the device id)."""
        key = fix.device if tag is None else tag
        ts = fix.at.timestamp()
        state = self._states.get(key)
        if state is None:
            state = self._state(key, ts)
        elif ts > state.seen:
            state.seen = ts
        flags = set(fix.alarms)
        pct = fix.battery_pct
        if pct is not None and (
            pct <= LOW_BATTERY_PCT or (pct < BATTERY_OK_PCT and Rule.LOW_BATTERY in state.episodes)
        ):
            flags.add(TrackerAlarm.LOW_BATTERY)
        if not (flags or state.episodes):
            return []
        return self._signal(key, state, fix.at, ts, flags)

    def on_placement(self, placement: Placement) -> list[RuleEvent]:
        """A tag's zone or position changed: the zone rules and the armed-vehicle rule."""
        tag = placement.tag
        ts = placement.at.timestamp()
        state = self._states.get(tag)
        if state is None:
            state = self._state(tag, ts)
        elif ts > state.seen:
            state.seen = ts
        state.zone, state.x, state.y = placement.zone, placement.x, placement.y
        state.positions.append(LastPosition(placement.at, placement.zone, placement.x, placement.y))
        profile = self._profiles.get(tag)
        out: list[RuleEvent] = []
        if Rule.NO_READ in state.episodes:
            self._close(tag, state, Rule.NO_READ, placement.at, "重新读到", out)
        if profile is None:
            return out
        if profile.safe_zones:
            self._zone_rule(profile, state, placement, ts, out)
        if profile.night is not None:
            self._night_rule(profile, state, placement, ts, out)
        if profile.armed:
            self._armed_rule(profile, state, placement, ts, out)
        return out

    def tick(self, now: datetime) -> list[RuleEvent]:
        """Timers: dwell times that ran out, read gaps, flags that went quiet."""
        ts = now.timestamp()
        if math.isnan(self._epoch):
            self._epoch = ts
        out: list[RuleEvent] = []
        for tag in list(self._pending):
            self._check_dwell(tag, now, ts, out)
        for tag in list(self._flagged):
            state = self._states.get(tag)
            if state is None:
                self._flagged.discard(tag)
                continue
            for rule, last in list(state.flags.items()):
                # Cleared only by reads that came without the flag, not by silence.
                if ts - last >= self.flag_clear_s and state.seen - last >= self.flag_clear_s:
                    del state.flags[rule]
                    self._close(tag, state, rule, now, "终端不再上报", out)
            if not state.flags:
                self._flagged.discard(tag)
        for tag, profile in self._profiles.items():
            if profile.no_read_hours is None:
                continue
            state = self._states.get(tag)
            seen = self._epoch if state is None else state.seen
            if ts - seen < profile.no_read_hours * 3600.0:
                continue
            if state is None:
                state = self._state(tag, seen)
            if Rule.NO_READ not in state.episodes:
                hours = (ts - seen) / 3600.0
                self._hit(tag, state, Rule.NO_READ, now, ts, f"{hours:.1f} 小时未被读到", out)
        return out

    # --- the rules ------------------------------------------------------------------------

    def _zone_rule(
        self,
        profile: TagProfile,
        state: _State,
        placement: Placement,
        ts: float,
        out: list[RuleEvent],
    ) -> None:
        tag = profile.tag
        if placement.zone in profile.safe_zones:
            state.out_since = None
            if state.night_out_since is None:
                self._pending.discard(tag)
            self._close(tag, state, Rule.LEFT_SAFE_ZONE, placement.at, "回到安全区域", out)
            return
        if state.out_since is None:
            state.out_since = ts
            self._pending.add(tag)
        episode = state.episodes.get(Rule.LEFT_SAFE_ZONE)
        if episode is not None:
            if placement.changed:
                where = placement.zone or OUTSIDE_ZONES
                self._hit(tag, state, Rule.LEFT_SAFE_ZONE, placement.at, ts, _now_at(where), out)
            return
        self._check_dwell(tag, placement.at, ts, out)

    def _night_rule(
        self,
        profile: TagProfile,
        state: _State,
        placement: Placement,
        ts: float,
        out: list[RuleEvent],
    ) -> None:
        tag = profile.tag
        allowed = profile.night_zones if profile.night_zones is not None else profile.safe_zones
        if placement.zone in allowed:
            state.night_out_since = None
            if state.out_since is None:
                self._pending.discard(tag)
            self._close(tag, state, Rule.NIGHT_WANDERING, placement.at, "已回到家中区域", out)
            return
        episode = state.episodes.get(Rule.NIGHT_WANDERING)
        if episode is not None:
            if placement.changed:
                where = placement.zone or OUTSIDE_ZONES
                self._hit(tag, state, Rule.NIGHT_WANDERING, placement.at, ts, _now_at(where), out)
            return
        assert profile.night is not None
        if not profile.night.contains(placement.at.astimezone(self._tz).time()):
            state.night_out_since = None
            return
        if state.night_out_since is None:
            state.night_out_since = ts
            self._pending.add(tag)
        self._check_dwell(tag, placement.at, ts, out)

    def _armed_rule(
        self,
        profile: TagProfile,
        state: _State,
        placement: Placement,
        ts: float,
        out: list[RuleEvent],
    ) -> None:
        if state.anchor is None:
            state.anchor = (placement.x, placement.y)
            return
        moved = math.hypot(placement.x - state.anchor[0], placement.y - state.anchor[1])
        if moved < profile.move_threshold_m:
            return
        rule = Rule.VEHICLE_MOVED_ARMED
        self._hit(profile.tag, state, rule, placement.at, ts, f"移动了 {moved:.0f} 米", out)

    def _check_dwell(self, tag: str, now: datetime, ts: float, out: list[RuleEvent]) -> None:
        state = self._states.get(tag)
        profile = self._profiles.get(tag)
        if state is None or profile is None:
            self._pending.discard(tag)
            return
        since = state.out_since
        if since is not None and Rule.LEFT_SAFE_ZONE not in state.episodes:
            out_for = ts - since
            if out_for >= profile.dwell_s and self._watched(profile, now):
                where = state.zone or OUTSIDE_ZONES
                detail = f"离开安全区域 {out_for:.0f} 秒，{_now_at(where)}"
                self._hit(tag, state, Rule.LEFT_SAFE_ZONE, now, ts, detail, out)
        night_since = state.night_out_since
        if night_since is not None and Rule.NIGHT_WANDERING not in state.episodes:
            assert profile.night is not None
            if not profile.night.contains(now.astimezone(self._tz).time()):
                state.night_out_since = None  # morning came first: the day rule takes over
            elif ts - night_since >= profile.night_dwell_s:
                where = state.zone or OUTSIDE_ZONES
                detail = f"夜间在外 {ts - night_since:.0f} 秒，{_now_at(where)}"
                self._hit(tag, state, Rule.NIGHT_WANDERING, now, ts, detail, out)
        done_day = since is None or Rule.LEFT_SAFE_ZONE in state.episodes
        done_night = state.night_out_since is None or Rule.NIGHT_WANDERING in state.episodes
        if done_day and done_night:
            self._pending.discard(tag)

    def _watched(self, profile: TagProfile, now: datetime) -> bool:
        if not profile.watch_hours:
            return True
        local = now.astimezone(self._tz).time()
        return any(window.contains(local) for window in profile.watch_hours)

    def _signal(
        self, tag: str, state: _State, at: datetime, ts: float, flags: set[TrackerAlarm]
    ) -> list[RuleEvent]:
        out: list[RuleEvent] = []
        if Rule.NO_READ in state.episodes:
            self._close(tag, state, Rule.NO_READ, at, "重新读到", out)
        for flag in flags:
            rule = _FLAG_RULES[flag]
            if rule in _FLAG_CLEARED:
                state.flags[rule] = ts
                self._flagged.add(tag)
            self._hit(tag, state, rule, at, ts, f"定位终端上报：{FLAG_WORDS[flag]}", out)
        return out

    # --- episodes -------------------------------------------------------------------------

    def _hit(
        self,
        tag: str,
        state: _State,
        rule: Rule,
        at: datetime,
        ts: float,
        detail: str,
        out: list[RuleEvent],
    ) -> None:
        episode = state.episodes.get(rule)
        if episode is None:
            state.episodes[rule] = _Episode(ts, ts)
            out.append(RuleHit(tag, rule, at, True, detail, tuple(state.positions)))
            return
        if rule in _NO_APPENDS:
            return
        zone_rule = rule in (Rule.LEFT_SAFE_ZONE, Rule.NIGHT_WANDERING)
        if zone_rule or ts - episode.last_hit >= self.repeat_s:
            episode.last_hit = ts
            out.append(RuleHit(tag, rule, at, False, detail, tuple(state.positions)))

    def _close(
        self, tag: str, state: _State, rule: Rule, at: datetime, detail: str, out: list[RuleEvent]
    ) -> None:
        if state.episodes.pop(rule, None) is not None:
            out.append(RuleCleared(tag, rule, at, detail))

    def _state(self, tag: str, ts: float) -> _State:
        state = self._states.get(tag)
        if state is None:
            state = self._states[tag] = _State(seen=ts)
        return state

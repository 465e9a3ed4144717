"""The ingest's pipeline: the location engine and the care rules, rebuilt from the database."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime

from core.care_rules import (
    CareRules,
    OpenEpisode,
    Rule,
    RuleCleared,
    RuleHit,
    SubjectKind,
    TagProfile,
    profile_for,
)
from core.location import LocationEngine, Placement
from core.personal import is_minor
from core.site import SiteSpec
from core.tags import TagKind
from core.tracking import TagRead, TrackingItem
from core.tracking_plan import HitLike, PipelineOutput, PlacementLike
from data.services.tracking import Subject, TrackingService


def subject_kind(subject: Subject, today: date) -> SubjectKind:
    """Whom a tag is on, for the care rules' defaults and the incident they raise."""
    if subject.kind == TagKind.VEHICLE.value:
        return SubjectKind.VEHICLE
    if subject.kind == TagKind.ASSET.value:
        return SubjectKind.ASSET
    if subject.dementia:
        return SubjectKind.DEMENTIA
    if subject.birth_year is not None and is_minor(subject.birth_year, None, today):
        return SubjectKind.CHILD
    if subject.disability:
        return SubjectKind.DISABLED
    return SubjectKind.ELDERLY


def rule_profile(site: SiteSpec, subject: Subject, today: date) -> TagProfile:
    """The care rules' profile: the defaults for the kind of person, then what the tag's own
    profile in the registry says (safe zones and dwell, no-read hours, armed)."""
    kind = subject_kind(subject, today)
    if subject.community is None:
        base = TagProfile(subject.code, kind)
    else:
        base = profile_for(site, subject.code, kind, subject.community)
    own = subject.profile
    changes: dict[str, object] = {"armed": own.armed}
    if own.safe_zones:
        changes["safe_zones"] = frozenset(own.safe_zones)
        changes["dwell_s"] = float(own.dwell_seconds)
    if own.no_read_hours:
        changes["no_read_hours"] = float(own.no_read_hours)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


class EnginePipeline:
    """LocationEngine → CareRules for each item; `tick` runs the rules' timers.

    Owned by the ingest thread (neither engine is thread-safe).
    """

    def __init__(self, engine: LocationEngine, rules: CareRules, watched: set[str] | None = None):
        self.engine = engine
        self.rules = rules
        self.watched = watched if watched is not None else set()  # codes with a profile

    def __call__(self, items: Sequence[TrackingItem]) -> PipelineOutput:
        placements: list[PlacementLike] = []
        hits: list[HitLike] = []
        cleared: list[RuleCleared] = []
        feed, on_read = self.engine.feed, self.rules.on_read
        for item in items:
            if isinstance(item, TagRead):
                placed = feed(item)
                events = on_read(item)  # the read gap restarts; flags apply
            else:
                placed = self.engine.feed_fix(item)
                events = self.rules.on_fix(item)
            if events:
                _split(events, hits, cleared)
            if placed is not None:
                placements.append(placed)
                _split(self.rules.on_placement(placed), hits, cleared)
        return PipelineOutput(placements, hits, cleared)

    def tick(self, now: datetime) -> PipelineOutput:
        hits: list[HitLike] = []
        cleared: list[RuleCleared] = []
        _split(self.rules.tick(now), hits, cleared)
        return PipelineOutput((), hits, cleared)


def _split(
    events: Sequence[RuleHit | RuleCleared], hits: list[HitLike], cleared: list[RuleCleared]
) -> None:
    for e in events:
        if isinstance(e, RuleHit):
            hits.append(e)
        else:
            cleared.append(e)


def build_pipeline(site: SiteSpec, service: TrackingService, now: datetime) -> EnginePipeline:
    """The engine and the rules for the site's issued tags, picked up where the database left
    them: last placements seed the engine, open incidents' episodes are not raised again."""
    transform = site.geo.transform() if site.geo is not None else None
    engine = LocationEngine(site.readers, site.zones, transform=transform, collapse=False)
    today = now.date()
    subjects = service.subjects()
    rules = CareRules(
        (rule_profile(site, s, today) for s in subjects), timezone=site.timezone, now=now
    )
    seen: dict[str, datetime] = {}
    for code, zone, x, y, at, seen_at in service.last_positions():
        engine.seed(code, zone, x, y, at)
        rules.on_placement(Placement(code, at, zone, x, y, "rfid", (), False))
        seen[code] = seen_at
    known = {r.value for r in Rule}
    episodes = [
        OpenEpisode(code, Rule(rule), at)
        for code, rule, at in service.open_episodes()
        if rule in known
    ]
    rules.restore(episodes, seen)
    return EnginePipeline(engine, rules, {s.code for s in subjects})


def refresh_profiles(
    pipeline: EnginePipeline, site: SiteSpec, service: TrackingService, now: datetime
) -> int:
    """Bring the rules' profiles in line with the registry (tags issued, changed, returned
    since the start, here or on another workstation); how many changed. Ingest thread."""
    rules = pipeline.rules
    today = now.date()
    service.reload_tags()
    wanted = {s.code: rule_profile(site, s, today) for s in service.subjects()}
    changed = 0
    for code, profile in wanted.items():
        if rules.profile(code) != profile:
            rules.set_profile(profile, now)
            changed += 1
    for code in pipeline.watched - set(wanted):
        rules.remove_profile(code)
        pipeline.engine.forget([code])
        changed += 1
    pipeline.watched = set(wanted)
    return changed

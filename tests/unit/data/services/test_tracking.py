"""TrackingService on SQLite and PostgreSQL: tags and consent, ingest, rule incidents, the map."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from core.audit import AuditAction
from core.consent import ConsentMissing, ConsentPurpose
from core.permissions import PermissionDenied
from core.site import SiteSpec
from core.tags import TagInvalid, TagKind, TagProfile, TagState
from core.tracking import GpsFix, TagRead, TrackerAlarm
from core.tracking_plan import Hit, PipelineOutput, ReaderPipeline, TrackingPlan
from data.models import (
    ChangeLog,
    Community,
    Consent,
    Incident,
    IncidentEvent,
    Resident,
    Tag,
    TagPosition,
    TrackingEpisode,
    UnknownTag,
)
from data.models import TagRead as TagReadRow
from tests.helpers.postgres import as_owner
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import Street

street = test_residents.street  # the demo street with residents, on both backends
AT = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


def _resident(st: Street, community: str, *, consent: bool) -> int:
    """A resident of `community` with (or without) a tracking consent in force."""
    has = (
        select(Consent.id)
        .where(
            Consent.resident_id == Resident.id,
            Consent.purpose == ConsentPurpose.TRACKING.value,
            Consent.withdrawn_at.is_(None),
        )
        .exists()
    )
    with st.db.session() as s:
        rid = s.scalar(
            select(func.min(Resident.id))
            .join(Community, Resident.community_id == Community.id)
            .where(Community.code == community, has if consent else ~has)
        )
    assert rid is not None
    return int(rid)


def _plan(site: SiteSpec) -> TrackingPlan:
    return TrackingPlan.of(site)


def _reader(site: SiteSpec, community: str, index: int = 0) -> str:
    return [r.code for r in site.readers if r.community == community][index]


def test_a_person_is_tracked_only_with_a_tracking_consent(street: Street) -> None:
    ws = street.who("ws01")
    tracking = street.svc.tracking
    without = _resident(street, "C01", consent=False)
    with pytest.raises(ConsentMissing):
        tracking.register(ws, code="AA00000001", kind=TagKind.PERSON, resident_id=without)
    with street.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Tag).where(Tag.code == "AA00000001")) == 0
    rid = _resident(street, "C01", consent=True)
    tid = tracking.register(
        ws,
        code="aa:00:00:00:01",
        kind="person",
        resident_id=rid,
        profile=TagProfile(safe_zones=("Z0101",), dwell_seconds=30, no_read_hours=12),
    )
    rec = tracking.tag(ws, tid)
    assert (rec.code, rec.kind, rec.state, rec.resident_id) == (
        "AA00000001",
        "person",
        "issued",
        rid,
    )
    assert rec.profile.safe_zones == ("Z0101",)
    with pytest.raises(TagInvalid) as info:
        tracking.register(ws, code="AA00000001", kind="person", resident_id=rid)
    assert info.value.code == "code_taken"
    actor, tgt, detail = street.audit(AuditAction.TAG_REGISTERED)[-1]
    assert (actor, tgt) == ("ws01", f"tag:{tid}")
    assert json.loads(detail)["resident"] == rid
    assert street.audit(AuditAction.CONSENT_MISSING)[-1][1] == f"resident:{without}"


def test_vehicles_need_a_plate_and_stations_stay_in_their_community(street: Street) -> None:
    ws = street.who("ws01")
    tracking = street.svc.tracking
    owner = _resident(street, "C01", consent=False)  # a vehicle's tag tracks the vehicle
    with pytest.raises(TagInvalid) as info:
        tracking.register(ws, code="0138000001", kind="vehicle", resident_id=owner)
    assert info.value.code == "plate"
    tid = tracking.register(
        ws, code="0138000001", kind="vehicle", resident_id=owner, plate="津a·12345"
    )
    assert tracking.tag(ws, tid).plate == "津A·12345"
    other = _resident(street, "C02", consent=True)
    with pytest.raises(PermissionDenied):
        tracking.register(ws, code="AA00000002", kind="person", resident_id=other)
    with pytest.raises(PermissionDenied):
        tracking.register(street.who("operator"), code="AA00000003", kind="asset")


def test_replacing_keeps_the_profile_and_returning_ends_tracking(street: Street) -> None:
    sup = street.who("supervisor")
    tracking = street.svc.tracking
    rid = _resident(street, "C02", consent=True)
    old = tracking.register(
        sup,
        code="AB00000001",
        kind="person",
        resident_id=rid,
        profile=TagProfile(("Z0201",), 45, 6, False),
    )
    new = tracking.replace(sup, old, "AB00000002")
    was, now = tracking.tag(sup, old), tracking.tag(sup, new)
    assert (was.state, was.replaced_by_id) == (TagState.REPLACED, new)
    assert (now.state, now.resident_id, now.profile) == ("issued", rid, was.profile)
    with pytest.raises(TagInvalid):
        tracking.replace(sup, old, "AB00000003")  # a replaced tag is not issued
    tracking.return_tag(sup, new)
    assert tracking.tag(sup, new).state == TagState.RETURNED
    actions = [a for a in (AuditAction.TAG_REPLACED, AuditAction.TAG_RETURNED)]
    assert all(street.audit(a) for a in actions)


def _tags(st: Street) -> tuple[int, int, str, str]:
    """A person in C01 and a vehicle in C01, registered; their ids and codes."""
    sup = st.who("supervisor")
    person = st.svc.tracking.register(
        sup, code="AC00000001", kind="person", resident_id=_resident(st, "C01", consent=True)
    )
    car = st.svc.tracking.register(
        sup,
        code="0138000009",
        kind="vehicle",
        resident_id=_resident(st, "C01", consent=False),
        plate="津B99999",
    )
    return person, car, "AC00000001", "0138000009"


def test_a_batch_collapses_duplicates_counts_unknown_tags_and_places_what_moved(
    street: Street, demo_site: SiteSpec
) -> None:
    person, car, pcode, _ = _tags(street)
    plan = _plan(demo_site)
    reader = _reader(demo_site, "C01")
    reads = [
        TagRead(reader, pcode, AT + timedelta(milliseconds=i * 100), rssi=-60 - i) for i in range(5)
    ]
    reads.append(TagRead(reader, pcode, AT, count=3))  # the reader collapsed three itself
    reads += [TagRead(reader, "FFFF000001", AT), TagRead(reader, "FFFF000001", AT)]
    pipeline = ReaderPipeline(plan)
    result = street.svc.tracking.ingest(reads, pipeline(reads), plan, mark=("j1", 8))
    assert (result.stored, result.reads, result.unknown) == (1, 10, 2)
    assert result.moved == (person,)
    with street.db.session() as s:
        rows = s.execute(select(TagReadRow.count, TagReadRow.rssi, TagReadRow.zone)).all()
        assert [(n, rssi) for n, rssi, _ in rows] == [(8, -60.0)]
        pos = s.get_one(TagPosition, person)
        r = plan.readers[reader]
        assert (pos.zone, pos.x, pos.y) == (r.zone, r.x, r.y)
        unknown = s.execute(select(UnknownTag.reader, UnknownTag.code, UnknownTag.count)).all()
        assert unknown == [(reader, "FFFF000001", 2)]
        changes = s.execute(
            select(ChangeLog.row_id).where(ChangeLog.table_name == "tag_position")
        ).all()
        assert changes == [(person,)]
    assert street.svc.tracking.journal_mark("j1") == 8
    # The same place again is no move: no position change, only seen_at.
    again = [TagRead(reader, pcode, AT + timedelta(seconds=90))]
    result = street.svc.tracking.ingest(again, pipeline(again), plan, mark=("j1", 9))
    assert result.moved == ()
    more = [TagRead(reader, "FFFF000001", AT)]
    street.svc.tracking.ingest(more, pipeline(more), plan)
    with street.db.session() as s:
        assert s.scalar(select(UnknownTag.count)) == 3
        assert s.get_one(TagPosition, person).seen_at == AT + timedelta(seconds=90)
    assert street.svc.tracking.journal_mark("j1") == 9
    del car


def test_a_rule_opens_one_incident_and_later_hits_append(
    street: Street, demo_site: SiteSpec
) -> None:
    person, car, pcode, ccode = _tags(street)
    plan = _plan(demo_site)
    reader = _reader(demo_site, "C01")
    tracking = street.svc.tracking
    read = TagRead(reader, pcode, AT, alarms=frozenset({TrackerAlarm.SOS}))
    pipeline = ReaderPipeline(plan)
    first = tracking.ingest([read], pipeline([read]), plan)
    assert len(first.opened) == 1
    iid = first.opened[0]
    second = tracking.ingest([read], pipeline([read]), plan)
    assert second.opened == ()
    assert second.appended == (iid,)
    with street.db.session() as s:
        inc = s.get_one(Incident, iid)
        res = s.get_one(Resident, s.get_one(Tag, person).resident_id)
        assert inc.source == "tracking"
        assert inc.priority == 1
        # In the site's language, as every incident the console opens by itself.
        assert inc.title == f"一键求助：{res.name}"
        assert inc.description.startswith("一键求助：")
        assert res.name in inc.description
        assert "附近摄像机：" in inc.description
        assert "最近位置：" in inc.description
        assert not re.search(r"\d - \(", inc.description), "a position outside zones reads 坐标"
        assert not re.search(r"[A-Za-z]{3,}: ", inc.description), inc.description
        kinds = s.scalars(select(IncidentEvent.kind).where(IncidentEvent.incident_id == iid)).all()
        assert kinds == ["created", "tracking"]
        ep = s.scalars(select(TrackingEpisode).where(TrackingEpisode.tag_id == person)).one()
        assert (ep.rule, ep.hits, ep.incident_id, ep.closed_at) == ("sos", 2, iid, None)
    # The map shows the person in alarm while the incident is open.
    rows = tracking.positions_by_ids(street.who("ws01"), [person])
    assert [r.state for r in rows] == ["alarm"]
    # Resolved: the next SOS is a new episode and a new incident.
    with as_owner(street.db) as owner, owner.session() as s:
        s.execute(update(Incident).where(Incident.id == iid).values(state="resolved"))
        s.commit()
    third = tracking.ingest([read], pipeline([read]), plan)
    assert len(third.opened) == 1
    assert third.opened[0] != iid
    with street.db.session() as s:
        eps = s.execute(
            select(TrackingEpisode.incident_id, TrackingEpisode.closed_at.is_(None)).order_by(
                TrackingEpisode.id
            )
        ).all()
        assert eps == [(iid, False), (third.opened[0], True)]
    # A hit of the pipeline (not a tracker alarm) for the vehicle names the plate.
    hit = Hit(ccode, "moved_while_armed", AT, "moved 40 m", ((AT, 830.0, 760.0, "Z0101"),))
    fourth = tracking.ingest([], PipelineOutput((), (hit,)), plan)
    with street.db.session() as s:
        assert "津B99999" in s.get_one(Incident, fourth.opened[0]).title
    del car


def test_positions_are_scoped_and_masked_per_role(street: Street, demo_site: SiteSpec) -> None:
    person, car, pcode, ccode = _tags(street)
    sup = street.who("supervisor")
    other = street.svc.tracking.register(
        sup, code="AD00000001", kind="person", resident_id=_resident(street, "C02", consent=True)
    )
    plan = _plan(demo_site)
    reads = [
        TagRead(_reader(demo_site, "C01"), pcode, AT),
        TagRead(_reader(demo_site, "C01", 1), ccode, AT),
        TagRead(_reader(demo_site, "C02"), "AD00000001", AT),
    ]
    street.svc.tracking.ingest(reads, ReaderPipeline(plan)(reads), plan)
    with street.db.session() as s:
        res = s.get_one(Resident, s.get_one(Tag, person).resident_id)
    op_rows = {r.id: r for r in street.svc.tracking.positions(street.who("operator"))}
    assert set(op_rows) == {person, car, other}
    assert op_rows[person].label == res.name_mask != res.name
    assert op_rows[car].label == "津B99999"
    ws_rows = {r.id: r for r in street.svc.tracking.positions(street.who("ws01"))}
    assert set(ws_rows) == {person, car}  # the station sees its own community only
    assert ws_rows[person].label == res.name
    assert ws_rows[person].community == "C01"
    found = street.svc.tracking.find(street.who("operator"), "b999")
    assert [r.id for r in found] == [car]
    assert [r.id for r in street.svc.tracking.find(street.who("ws01"), res.name)] == [person]
    assert street.svc.tracking.find(street.who("operator"), res.name) == []


def test_a_trail_needs_a_purpose_and_every_look_is_audited(
    street: Street, demo_site: SiteSpec
) -> None:
    person, _car, pcode, _ = _tags(street)
    plan = _plan(demo_site)
    readers = [r.code for r in demo_site.readers if r.community == "C01"][:3]
    pipeline = ReaderPipeline(plan)
    for n, reader in enumerate(readers * 2):
        read = [TagRead(reader, pcode, AT + timedelta(minutes=n))]
        street.svc.tracking.ingest(read, pipeline(read), plan)
    since, until = AT - timedelta(hours=1), AT + timedelta(hours=1)
    with pytest.raises(PermissionDenied):  # the duty operator sees no whereabouts for a reason
        street.svc.tracking.trail(street.who("operator"), person, since, until, "核实走失情况")
    with pytest.raises(ValueError, match="reason"):
        street.svc.tracking.trail(street.who("supervisor"), person, since, until, "看")
    points = street.svc.tracking.trail(
        street.who("supervisor"), person, since, until, "核实走失情况"
    )
    zones = [plan.readers[r].zone for r in readers * 2]
    assert [p.zone for p in points] == zones
    assert points == sorted(points, key=lambda p: p.at)
    actor, tgt, detail = street.audit(AuditAction.WHEREABOUTS_VIEWED)[-1]
    assert (actor, tgt) == ("supervisor", f"tag:{person}")
    doc = json.loads(detail)
    assert (doc["reason"], doc["points"], doc["purpose"]) == ("核实走失情况", 6, "reason")


def test_the_card_goes_through_the_resident_card(street: Street) -> None:
    person, _car, _, _ = _tags(street)
    card = street.svc.tracking.card(street.who("operator"), person)
    assert card.resident is not None
    assert card.tag.id == person
    assert card.resident.id == card.tag.resident_id
    assert card.photo == ""


def test_gps_fixes_of_a_terminal_are_stored_against_its_tag(
    street: Street, demo_site: SiteSpec
) -> None:
    _person, car, _, ccode = _tags(street)
    plan = _plan(demo_site)
    pipeline = ReaderPipeline(plan, to_site=lambda lat, lon: (lon * 10.0, lat * 10.0))
    fixes = [GpsFix(ccode, AT, 76.0, 83.0), GpsFix(ccode, AT, 0.0, 0.0, valid=False)]
    result = street.svc.tracking.ingest(fixes, pipeline(fixes), plan)
    assert result.moved == (car,)
    assert result.reads == 2
    with street.db.session() as s:
        pos = s.get_one(TagPosition, car)
        assert (pos.x, pos.y, pos.source) == (830.0, 760.0, "gps")


def test_the_engine_pipeline_judges_registered_tags_and_resumes_after_a_restart(
    street: Street, demo_site: SiteSpec
) -> None:
    from data.tracking_pipeline import build_pipeline

    sup = street.who("supervisor")
    tracking = street.svc.tracking
    rid = _resident(street, "C01", consent=True)
    home = [z.code for z in demo_site.zones if z.community == "C01"]
    tracking.register(
        sup,
        code="AE00000001",
        kind="person",
        resident_id=rid,
        profile=TagProfile(tuple(home), dwell_seconds=30, no_read_hours=0),
    )
    plan = _plan(demo_site)
    pipeline = build_pipeline(demo_site, tracking, AT)
    away = _reader(demo_site, "C05")
    reads = [TagRead(away, "AE00000001", AT + timedelta(seconds=i), rssi=-50) for i in range(3)]
    out = pipeline(reads)
    assert [p.zone for p in out.placements] == [plan.readers[away].zone]
    assert out.hits == []  # a blip is not an alarm: the dwell time runs first
    tracking.ingest(reads, out, plan)
    late = pipeline.tick(AT + timedelta(seconds=45))
    assert [str(h.rule) for h in late.hits] == ["left_safe_zone"]
    first = tracking.ingest([], late, plan)
    assert len(first.opened) == 1
    # A restart rebuilds the episode from the open incident: the next trigger appends.
    again = build_pipeline(demo_site, tracking, AT + timedelta(minutes=10))
    back = [TagRead(_reader(demo_site, "C01"), "AE00000001", AT + timedelta(minutes=10))]
    out2 = again(back)
    gone = [TagRead(away, "AE00000001", AT + timedelta(minutes=11), rssi=-50)]
    out3 = again(gone)
    late2 = again.tick(AT + timedelta(minutes=12))
    for batch, output in ((back, out2), (gone, out3), ([], late2)):
        result = tracking.ingest(batch, output, plan)
        assert result.opened == ()
    with street.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Incident)) == 1


def test_retention_deletes_tag_reads_older_than_the_period(
    street: Street, demo_site: SiteSpec
) -> None:
    from core.retention import RetentionClass
    from data.context import ServiceContext
    from data.services.retention import RetentionService

    _person, _car, pcode, _ = _tags(street)
    plan = _plan(demo_site)
    reader = _reader(demo_site, "C01")
    old = [TagRead(reader, pcode, AT - timedelta(days=40))]
    new = [TagRead(reader, pcode, AT - timedelta(days=2))]
    for batch in (old, new):
        street.svc.tracking.ingest(batch, ReaderPipeline(plan)(batch), plan)
    with as_owner(street.db) as owner:  # retention is the owner's task on PostgreSQL
        job = RetentionService(ServiceContext(owner, workstation="CC"))
        report = job.run("system", now=AT)
    assert report.of(RetentionClass.TAG_READS).count == 1
    with street.db.session() as s:
        ats = s.scalars(select(TagReadRow.at)).all()
    assert ats == [AT - timedelta(days=2)]


def test_a_rule_incident_takes_the_type_the_care_rules_advise(
    street: Street, demo_site: SiteSpec
) -> None:
    from data.models import IncidentType

    person, _car, pcode, _ = _tags(street)
    plan = _plan(demo_site)
    hit = Hit(pcode, "night_wandering", AT, "out at 02:10", ((AT, 830.0, 760.0, "Z0101"),))
    result = street.svc.tracking.ingest([], PipelineOutput((), (hit,)), plan)
    with street.db.session() as s:
        inc = s.get_one(Incident, result.opened[0])
        assert inc.priority == 1
        assert s.get_one(IncidentType, inc.type_id).code == "MISSING"
    del person


def test_the_rules_follow_the_registry_without_a_restart(
    street: Street, demo_site: SiteSpec
) -> None:
    from data.tracking_pipeline import build_pipeline, refresh_profiles

    sup = street.who("supervisor")
    tracking = street.svc.tracking
    pipeline = build_pipeline(demo_site, tracking, AT)
    assert pipeline.rules.profile("AF00000001") is None
    tid = tracking.register(
        sup, code="AF00000001", kind="person", resident_id=_resident(street, "C03", consent=True)
    )
    assert refresh_profiles(pipeline, demo_site, tracking, AT) == 1
    assert pipeline.rules.profile("AF00000001") is not None
    tracking.return_tag(sup, tid)
    assert refresh_profiles(pipeline, demo_site, tracking, AT) == 1
    assert pipeline.rules.profile("AF00000001") is None


def test_bad_input_is_kept_or_counted_never_a_failed_batch(
    street: Street, demo_site: SiteSpec
) -> None:
    _person, car, pcode, ccode = _tags(street)
    plan = _plan(demo_site)
    nan = float("nan")
    items = [
        GpsFix(ccode, AT, 39.0, 117.0),  # placed below as NaN by a broken calibration
        TagRead("NO-SUCH-READER", pcode, AT),  # read kept, not placed
        TagRead(_reader(demo_site, "C01"), "Z" * 200, AT),  # garbage id: unknown, cut to size
    ]
    pipeline = ReaderPipeline(plan, to_site=lambda lat, lon: (nan, nan))
    result = street.svc.tracking.ingest(items, pipeline(items), plan)
    assert (result.stored, result.unknown, result.moved) == (2, 1, ())
    with street.db.session() as s:
        assert s.get(TagPosition, car) is None
        assert [len(c) for c in s.scalars(select(UnknownTag.code))] == [32]


def test_a_position_outside_every_zone_reads_as_coordinates(
    street: Street, demo_site: SiteSpec
) -> None:
    # A GPS tracker's SOS far from any zone: the description's last positions and a later
    # hit's note say "坐标 (x, y)", not a bare "-" where the zone's name would be.
    _person, car, _, ccode = _tags(street)
    plan = _plan(demo_site)
    pipeline = ReaderPipeline(plan, to_site=lambda lat, lon: (lon * 10.0, lat * 10.0))
    sos = frozenset({TrackerAlarm.SOS})
    fixes = [GpsFix(ccode, AT, 26.4, 248.6, alarms=sos)]
    first = street.svc.tracking.ingest(fixes, pipeline(fixes), plan)
    assert len(first.opened) == 1
    later = [GpsFix(ccode, AT + timedelta(seconds=30), 26.4, 248.6, alarms=sos)]
    street.svc.tracking.ingest(later, pipeline(later), plan)
    with street.db.session() as s:
        assert plan.zone_at(2486.0, 264.0) is None
        inc = s.get_one(Incident, first.opened[0])
        assert "坐标 (2486, 264)" in inc.description
        assert not re.search(r"\d - \(", inc.description)
        notes = s.scalars(
            select(IncidentEvent.note).where(
                IncidentEvent.incident_id == inc.id, IncidentEvent.kind == "tracking"
            )
        ).all()
        assert notes == ["2026-11-25 10:00:30 由终端 0138000009 报告，位于 坐标 (2486, 264)"]
        assert inc.description.startswith("一键求助：由终端 0138000009 报告\n")
    del car

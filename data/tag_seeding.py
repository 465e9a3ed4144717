"""Demo tags: the residents who consented to tracking (care needs first) and 200 vehicles."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from core.consent import ConsentPurpose
from core.site import SiteSpec
from core.tags import TagKind, TagState
from data.changes import record_change
from data.models import Community, Consent, Resident, Tag

TRACKED_PEOPLE = 1050
VEHICLES = 200
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRS"


def person_code(resident_id: int) -> str:
    """The demo's EM4100-style tag id of a resident (10 hex digits)."""
    return f"E0{resident_id:08X}"


def vehicle_code(n: int) -> str:
    """The demo's JT/T 808 terminal phone number of the n-th vehicle (12 digits)."""
    return f"0138{n:08d}"


def seed_tags(
    s: Session,
    site: SiteSpec,
    now: datetime,
    *,
    people: int = TRACKED_PEOPLE,
    vehicles: int = VEHICLES,
) -> int:
    """Issue the demo's tags once (a database with tags keeps its own); how many were added.

    People: residents with a tracking consent in force, those with care flags first; a person
    with dementia is safe within the home community's zones (an alarm after 2 minutes
    outside) and missed after 4 hours without a read, someone living alone after 12.
    Vehicles: one per adult owner spread over the street, a quarter of them armed.
    """
    if s.scalar(select(func.count()).select_from(Tag)):
        return 0
    home: dict[str, list[str]] = {}
    for z in site.zones:
        home.setdefault(z.community, []).append(z.code)
    codes = dict(s.execute(select(Community.id, Community.code)).all())
    cared = or_(
        Resident.lives_alone, Resident.dementia, Resident.disability, Resident.chronic_illness
    )
    consenting = s.execute(
        select(Resident.id, Resident.community_id, Resident.dementia, Resident.lives_alone)
        .join(Consent, Consent.resident_id == Resident.id)
        .where(
            Consent.purpose == ConsentPurpose.TRACKING.value,
            Consent.withdrawn_at.is_(None),
            Resident.anonymised_at.is_(None),
        )
        .order_by(cared.desc(), Resident.id)
        .limit(people)
    ).all()
    base = {"state": TagState.ISSUED.value, "issued_at": now, "issued_by": "system"}
    # The site's personal GPS trackers (NMEA; JT/T 808 gateways serve vehicles) are worn by
    # people with dementia of their community, instead of a UHF tag: their fixes then have a
    # wearer on the map.
    trackers: dict[str | None, list[str]] = {}
    for d in site.devices:
        if d.kind == "gps_gateway" and not d.address.startswith("jt808://"):
            trackers.setdefault(d.community, []).append(d.code)
    rows: list[dict[str, Any]] = []
    for rid, cid, dementia, alone in consenting:
        code = person_code(rid)
        if dementia:
            free = trackers.get(codes.get(cid)) or trackers.get(None)
            if free:
                code = free.pop(0)
        rows.append(
            {
                **base,
                "code": code,
                "kind": TagKind.PERSON.value,
                "community_id": cid,
                "resident_id": rid,
                "plate": "",
                "label": "",
                # Only a person with dementia is kept to the home community (core.care_rules
                # .profile_for): the others go to market and park as they please.
                "safe_zones": ",".join(home.get(codes.get(cid, ""), [])) if dementia else "",
                "dwell_seconds": 120 if dementia else 300,
                "no_read_hours": 4 if dementia else (12 if alone else 0),
                "armed": False,
            }
        )
    adult_before = now.year - 18
    adults = s.execute(
        select(Resident.id, Resident.community_id)
        .where(Resident.birth_year <= adult_before, Resident.anonymised_at.is_(None))
        .order_by(Resident.id)
    ).all()
    owners = adults[:: max(1, len(adults) // max(vehicles, 1))][:vehicles]
    for n, (rid, cid) in enumerate(owners, start=1):
        letter = _PLATE_LETTERS[n % len(_PLATE_LETTERS)]
        rows.append(
            {
                **base,
                "code": vehicle_code(n),
                "kind": TagKind.VEHICLE.value,
                "community_id": cid,
                "resident_id": rid,
                "plate": f"津{letter}{n:05d}",
                "label": "电动自行车" if n % 3 else "小型汽车",  # e-bike / car
                "safe_zones": "",
                "dwell_seconds": 60,
                "no_read_hours": 0,
                "armed": n % 4 == 0,
            }
        )
    if rows:
        s.execute(insert(Tag), rows)
        record_change(s, "tag", None, "seed")
    return len(rows)

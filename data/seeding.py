"""Seeding a site from its site file: idempotent upserts, a synthetic population, demo users."""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.consent import ConsentMethod, ConsentPurpose
from core.model import DeviceKind, DeviceState, RoleName
from core.personal import stored_masks
from core.population import ResidentSpec, generate_population
from core.site import SiteSpec
from core.templates import encode_templates
from core.timefmt import local, utcnow
from data.business_seeding import seed_businesses
from data.certificates_seeding import seed_certificates
from data.changes import record_change
from data.db import Database
from data.employment_seeding import ToLatLon, seed_employment
from data.fieldcrypt import FieldKeys
from data.hours_seeding import seed_hours
from data.merchants_seeding import seed_merchants
from data.models import (
    Community,
    Consent,
    Department,
    Device,
    IncidentType,
    Resident,
    Role,
    SiteMeta,
    Unit,
    User,
    Workstation,
)
from data.orders_seeding import seed_orders
from data.security import generate_password
from data.services import Services
from data.services.residents import BIRTH_DATE_COLUMN, ID_NUMBER_COLUMN, field_keys_for
from data.tag_seeding import seed_tags
from data.volunteers_seeding import seed_volunteers

log = logging.getLogger(__name__)

ROLE_DESCRIPTIONS = {
    RoleName.OPERATOR: "值班操作员",
    RoleName.SUPERVISOR: "值班长",
    RoleName.ADMIN: "系统管理员",
    RoleName.STATION: "社区工作站",
    RoleName.DEPARTMENT: "联动单位",
    RoleName.COUNSELLOR: "心理咨询员",
}

# (username, display name, role, community scope) of the demo accounts. Display names are
# person names only: the console shows the role next to them, in the UI's language.
DEMO_ACCOUNTS: tuple[tuple[str, str, RoleName, tuple[str, ...]], ...] = (
    ("admin", "陈志远", RoleName.ADMIN, ()),
    ("supervisor", "王建国", RoleName.SUPERVISOR, ()),
    ("operator", "李静", RoleName.OPERATOR, ()),
    ("police", "赵刚", RoleName.DEPARTMENT, ()),
    ("volunteer", "孙丽", RoleName.DEPARTMENT, ()),
    ("counsellor", "周敏", RoleName.COUNSELLOR, ()),
)
# The department each demo department account answers for (codes of the demo site file).
DEMO_DEPARTMENTS = {"police": "D01", "volunteer": "D05"}
STATION_DISPLAY_NAME = "刘芳"

# site_meta key: comma-separated demo accounts whose passwords have not been shown yet. It is
# committed before the accounts are created and cleared by the command line only after it has
# printed their passwords, so a run killed in between is noticed by the next one.
PASSWORDS_PENDING_KEY = "demo_passwords_pending"

_RESIDENT_BATCH = 2000


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """A demo account; `password` is set only when this run created it (shown once)."""

    username: str
    role: RoleName
    password: str | None


@dataclass(frozen=True, slots=True)
class SeedReport:
    """What a seeding run did."""

    communities: int
    devices: int
    residents_added: int
    residents_total: int
    accounts: tuple[DemoAccount, ...]
    seconds: float
    # Demo accounts an earlier run created whose passwords were never shown (it was stopped
    # before printing them); `new_demo_passwords` gives them fresh ones.
    unshown: tuple[str, ...] = ()

    @property
    def first_run(self) -> bool:
        """True when this run created the demo accounts (passwords to print)."""
        return any(a.password for a in self.accounts)


def _upsert(s: Session, model: type[Any], code: str, **values: Any) -> Any:
    row = s.scalar(select(model).where(model.code == code))
    if row is None:
        row = model(code=code, **values)
        s.add(row)
    else:
        for k, v in values.items():
            setattr(row, k, v)
    return row


def seed_structure(s: Session, site: SiteSpec) -> tuple[int, int]:
    """Communities, departments, roles, workstations and devices from the site file."""
    comm: dict[str, Community] = {}
    for c in site.communities:
        comm[c.code] = _upsert(
            s,
            Community,
            c.code,
            name=c.name,
            population=c.population,
            households=c.households,
            address=c.address,
            centre_x=c.centre.x,
            centre_y=c.centre.y,
        )
    depts = {
        d.code: _upsert(s, Department, d.code, name=d.name, kind=d.kind, phone=d.phone)
        for d in site.departments
    }
    s.flush()
    for u in site.units:
        dept_id = depts[u.department].id
        _upsert(s, Unit, u.code, department_id=dept_id, name=u.name, phone=u.phone)
    for t in site.incident_types:
        _upsert(
            s,
            IncidentType,
            t.code,
            name=t.name,
            default_priority=t.priority,
            acknowledge_minutes=t.acknowledge_minutes,
            resolve_minutes=t.resolve_minutes,
            dispatch_minutes=t.dispatch_minutes,
            departments="\n".join(t.departments),
            dispositions="\n".join(t.dispositions),
            templates=encode_templates(t.templates),
        )
    for role, desc in ROLE_DESCRIPTIONS.items():
        if s.scalar(select(Role).where(Role.name == role.value)) is None:
            s.add(Role(name=role.value, description=desc))
    s.flush()
    ws: dict[str, Workstation] = {}
    for w in site.workstations:
        ws[w.code] = _upsert(
            s,
            Workstation,
            w.code,
            name=w.name,
            community_id=comm[w.community].id if w.community else None,
        )
    s.flush()
    devices: list[tuple[str, str, str, str | None, str, str]] = [
        (r.code, r.name, DeviceKind.READER.value, r.community, r.address, r.workstation)
        for r in site.readers
    ]
    devices += [
        (c.code, c.name, DeviceKind.CAMERA.value, c.community, c.sub_url, c.workstation)
        for c in site.cameras
    ]
    devices += [
        (d.code, d.name, d.kind, d.community, d.address, d.workstation) for d in site.devices
    ]
    existing = {d.code: d for d in s.scalars(select(Device))}
    for code, name, kind, community, address, workstation in devices:
        values = {
            "name": name,
            "kind": kind,
            "community_id": comm[community].id if community else None,
            "workstation_id": ws[workstation].id,
            "address": address,
        }
        row = existing.get(code)
        if row is None:
            s.add(Device(code=code, state=DeviceState.UNKNOWN.value, detail="", **values))
        else:
            for k, v in values.items():
                setattr(row, k, v)
    record_change(s, "device", None, "seed")
    return len(comm), len(devices)


def _resident_values(
    r: ResidentSpec, community_id: int, now: Any, keys: FieldKeys, mac: str
) -> dict[str, Any]:
    # Identity number and birth date only ever reach the database encrypted (migration 0005).
    return {
        "community_id": community_id,
        "name": r.name,
        "gender": r.gender,
        "birth_year": r.birth_date.year,
        "birth_date_enc": keys.encrypt(r.birth_date.isoformat(), BIRTH_DATE_COLUMN),
        "id_number_enc": keys.encrypt(r.id_number, ID_NUMBER_COLUMN),
        "id_number_hmac": mac,
        **stored_masks(name=r.name, phone=r.phone, address=r.address, id_number=r.id_number),
        "address": r.address,
        "phone": r.phone,
        "lives_alone": r.care.lives_alone,
        "dementia": r.care.dementia,
        "disability": r.care.disability,
        "chronic_illness": r.care.chronic_illness,
        "emergency_contact_name": r.emergency_contact_name,
        "emergency_contact_phone": r.emergency_contact_phone,
        "emergency_contact_relation": r.emergency_contact_relation,
        "created_at": now,
        "updated_at": now,
    }


def seed_residents(
    s: Session, site: SiteSpec, people: Iterable[ResidentSpec], keys: Path | None = None
) -> int:
    """Insert the residents not yet present (matched by identity number), in batches.

    `keys` is the site's key folder: identity numbers are stored encrypted and matched by
    their keyed hash. The keys are read only when there is somebody to seed.
    """
    people = iter(people)
    first = next(people, None)
    if first is None:
        return 0
    field_keys = field_keys_for(s, keys)
    ids = dict(s.execute(select(Community.code, Community.id)).all())
    known = set(s.scalars(select(Resident.id_number_hmac)))
    now = utcnow()
    batch: list[dict[str, Any]] = []
    consents: dict[str, ResidentSpec] = {}  # by keyed hash: the ids are known after insert
    added = 0
    for r in itertools.chain((first,), people):
        mac = field_keys.index(r.id_number)
        if mac in known:
            continue
        batch.append(_resident_values(r, ids[r.community], now, field_keys, mac))
        if r.consent_given:
            consents[mac] = r
        if len(batch) >= _RESIDENT_BATCH:
            s.execute(insert(Resident), batch)
            added += len(batch)
            batch.clear()
    if batch:
        s.execute(insert(Resident), batch)
        added += len(batch)
    if added:
        record_change(s, "resident", None, "seed")
    _seed_consents(s, consents, now)
    return added


def _seed_consents(s: Session, consents: dict[str, ResidentSpec], now: Any) -> None:
    """The generated consents as tracking consents (migration 0007's mapping of the old
    wording: 书面 is written, the others legacy with the wording as the note)."""
    macs = list(consents)
    for i in range(0, len(macs), _RESIDENT_BATCH):
        chunk = macs[i : i + _RESIDENT_BATCH]
        found = s.execute(
            select(Resident.id_number_hmac, Resident.id, Resident.community_id).where(
                Resident.id_number_hmac.in_(chunk)
            )
        ).all()
        rows = []
        for mac, rid, cid in found:
            r = consents[str(mac)]
            written = r.consent_method == "书面"
            rows.append(
                {
                    "resident_id": rid,
                    "community_id": cid,
                    "purpose": ConsentPurpose.TRACKING.value,
                    "method": (ConsentMethod.WRITTEN if written else ConsentMethod.LEGACY).value,
                    "given_on": r.consent_date or now.date(),
                    "witness_name": "",
                    "guardian_name": "",
                    "guardian_relation": "",
                    "note": "" if written else f"migrated: {r.consent_method}",
                    "recorded_by": "system",
                    "recorded_at": now,
                }
            )
        if rows:
            s.execute(insert(Consent), rows)
    if macs:
        record_change(s, "consent", None, "seed")


def _seed_services(
    s: Session, day: date, now: datetime, keys: Path | None, to_latlon: ToLatLon | None
) -> None:
    """The demo data of the necessities, volunteers' and employment services, each once,
    around the population and the businesses above. `day` is the site's today (the day's
    delivery board and shifts), not the pinned population day. Volunteers' identity numbers
    are stored encrypted: without the site's keys, volunteers and their hours are left out.
    Employers and seekers need places: without the site's GPS calibration they are left out."""
    seed_merchants(s, day, now)
    seed_employment(s, day, now, to_latlon)
    if keys is None:
        log.warning("no field keys: the demo volunteers, hours and certificates are left out")
    else:
        seed_volunteers(s, day, now, keys)
    seed_orders(s, day, now)
    if keys is not None:
        seed_hours(s, day, now)
        seed_certificates(s, day, now)


def seed_site(
    db: Database,
    site: SiteSpec,
    services: Services,
    *,
    population: int = 5000,
    seed: int = 20261125,
    services_demo: bool = False,
) -> SeedReport:
    """Bring the database in line with the site file; safe to run again at any time.

    A local, trusted operation (the actor is "system"): it goes through the one write path
    like every other write, and creates the demo accounts through the account service.
    `services_demo`: the merchants, orders, volunteers, hours and certificates of the demo
    as well (seconds of writes; `console demo` asks for them, tests only when they use them).
    """
    started = time.perf_counter()
    with services.ctx.write("system") as tx:
        s = tx.session
        n_comm, n_dev = seed_structure(s, site)
        # Synthetic ages count back from a reference day. Keep the first run's: a re-run on a
        # later day would otherwise generate other people (other birth dates and identity
        # numbers) and add them all as a second population.
        pinned = s.get(SiteMeta, "population_date")
        today = date.fromisoformat(pinned.value) if pinned else date.today()
        people = generate_population(site, population, seed=seed, today=today)
        added = seed_residents(s, site, people, services.ctx.keys)
        tags = seed_tags(s, site, tx.now)  # once: a site with tags keeps its own
        seed_businesses(s, today, tx.now)  # once, likewise
        if population and services_demo:
            to_latlon = site.geo.transform().to_latlon if site.geo is not None else None
            # The services' day is the site's; `today` stays the population's, pinned below
            # (after 16:00 UTC Tianjin is a day ahead, and a re-run took the population for
            # strangers and added it again).
            site_day = local(tx.now, site.timezone).date()
            _seed_services(s, site_day, tx.now, services.ctx.keys, to_latlon)
        for key, value in (
            ("site_name", site.name),
            ("timezone", site.timezone),
            ("site_file", site.source.name),
            ("population_seed", str(seed)),
            ("population_date", today.isoformat()),
            ("duplicate_minutes", str(site.duplicate_minutes)),
            # Read by the incident service at each close (data/services/incident_guard.py).
            ("four_eyes", "true" if site.four_eyes else "false"),
            # Read by the orders' service when a delivery to a person living alone fails.
            ("welfare_type", site.welfare_type or ""),
        ):
            meta = s.get(SiteMeta, key)
            if meta is None:
                s.add(SiteMeta(key=key, value=value))
            else:
                meta.value = value
        total = s.scalar(select(func.count()).select_from(Resident)) or 0
        tx.audit(
            AuditAction.SITE_SEEDED,
            target=site.source.name,
            detail=f"{n_comm} communities, {n_dev} devices, {added} residents added, "
            f"{tags} tags issued",
        )
        wanted = DEMO_ACCOUNTS + _station_accounts(site)
        existing = set(
            s.scalars(select(User.username).where(User.username.in_([a[0] for a in wanted])))
        )
        pending = _pending(s)
        unshown = tuple(u for u, *_ in wanted if u in pending and u in existing)
        to_create = [u for u, *_ in wanted if u not in existing]
        if to_create:
            _set_pending(s, pending | set(to_create))
    accounts = []
    for username, display, role, scope in wanted:
        if username in existing:
            accounts.append(DemoAccount(username, role, None))
            continue
        password = generate_password()
        services.accounts.create_user(
            "system",
            username=username,
            display_name=display,
            role=role,
            password=password,
            communities=scope,
            department=DEMO_DEPARTMENTS.get(username),
        )
        accounts.append(DemoAccount(username, role, password))
    seconds = time.perf_counter() - started
    log.info("seeded %s: %d residents added in %.2f s", site.name, added, seconds)
    return SeedReport(n_comm, n_dev, added, total, tuple(accounts), seconds, unshown)


def new_demo_passwords(db: Database, site: SiteSpec, services: Services) -> tuple[DemoAccount, ...]:
    """Set a fresh random password on every demo account that exists (each change audited)."""
    wanted = DEMO_ACCOUNTS + _station_accounts(site)
    with db.session() as s:
        existing = set(
            s.scalars(select(User.username).where(User.username.in_([a[0] for a in wanted])))
        )
    out = []
    for username, _display, role, _scope in wanted:
        if username in existing:
            password = generate_password()
            services.accounts.set_password("system", username, password)
            out.append(DemoAccount(username, role, password))
    return tuple(out)


def unshown_demo_passwords(db: Database) -> tuple[str, ...]:
    """Demo accounts that exist but whose passwords were never shown, by user name."""
    with db.session() as s:
        pending = _pending(s)
        if not pending:
            return ()
        return tuple(
            sorted(s.scalars(select(User.username).where(User.username.in_(sorted(pending)))))
        )


def demo_passwords_shown(db: Database, usernames: Iterable[str]) -> None:
    """Record that these accounts' passwords have been shown (call after printing them)."""
    with db.session() as s:
        _set_pending(s, _pending(s) - set(usernames))


def _pending(s: Session) -> set[str]:
    meta = s.get(SiteMeta, PASSWORDS_PENDING_KEY)
    return {u for u in meta.value.split(",") if u} if meta is not None else set()


def _set_pending(s: Session, usernames: set[str]) -> None:
    meta = s.get(SiteMeta, PASSWORDS_PENDING_KEY)
    if not usernames:
        if meta is not None:
            s.delete(meta)
    elif meta is None:
        s.add(SiteMeta(key=PASSWORDS_PENDING_KEY, value=",".join(sorted(usernames))))
    else:
        meta.value = ",".join(sorted(usernames))


def _station_accounts(site: SiteSpec) -> tuple[tuple[str, str, RoleName, tuple[str, ...]], ...]:
    """One station account for the first community workstation, to show community scope."""
    for w in site.workstations:
        if w.community:
            return ((w.code.lower(), STATION_DISPLAY_NAME, RoleName.STATION, (w.community,)),)
    return ()

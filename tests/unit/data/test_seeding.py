"""Seeding the demo site: structure, synthetic residents and demo accounts, idempotently."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, or_, select

from core.audit import AuditAction
from core.model import RoleName
from core.site import SiteSpec
from data.audit import iter_audit, verify_audit
from data.context import ServiceContext
from data.db import Database
from data.fieldcrypt import ensure_field_keys, load_field_keys
from data.models import (
    ChangeLog,
    Community,
    Consent,
    Department,
    Device,
    Resident,
    Role,
    SiteMeta,
    User,
    Workstation,
)
from data.seeding import (
    ROLE_DESCRIPTIONS,
    demo_passwords_shown,
    new_demo_passwords,
    seed_site,
    unshown_demo_passwords,
)
from data.services import Services
from tests.unit.data.support import cheap_hasher

MODELS = (Community, Department, Workstation, Role, Device, Resident, User, SiteMeta)
DEMO_USERS = {
    "admin": RoleName.ADMIN,
    "supervisor": RoleName.SUPERVISOR,
    "operator": RoleName.OPERATOR,
    "police": RoleName.DEPARTMENT,
    "volunteer": RoleName.DEPARTMENT,
    "counsellor": RoleName.COUNSELLOR,
    "ws01": RoleName.STATION,
}


@pytest.fixture
def db(owner_db: Database) -> Database:
    """Seeding is the owner's task: on PostgreSQL these tests connect as the owner."""
    return owner_db


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    """The site's field keys, in the test's own folder (seeding encrypts identity numbers)."""
    folder = tmp_path / "keys"
    ensure_field_keys(folder)
    return folder


def auth_for(db: Database, keys: Path) -> Services:
    return Services.build(ServiceContext(db, workstation="CC", keys=keys), hasher=cheap_hasher())


def counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0 for m in MODELS}


def test_seed_creates_the_demo_site(db: Database, demo_site: SiteSpec, keys: Path) -> None:
    auth = auth_for(db, keys)
    days = {dt.date.today().isoformat()}
    report = seed_site(db, demo_site, auth, population=1000)
    days.add(dt.date.today().isoformat())  # in case the run straddled midnight

    assert report.communities == 20
    assert report.devices == 136
    assert report.residents_added == 1000
    assert report.residents_total == 1000
    assert report.first_run
    n = counts(db)
    assert n["community"] == 20
    assert n["department"] == 7
    assert n["workstation"] == len(demo_site.workstations)
    assert n["role"] == 6
    assert n["device"] == 136
    assert n["resident"] == 1000
    assert n["user_account"] == 7

    with db.session() as s:
        kinds = Counter(s.scalars(select(Device.kind)))
        meta = {m.key: m.value for m in s.scalars(select(SiteMeta))}
        per_community = dict(
            s.execute(
                select(Community.code, func.count(Resident.id))
                .join(Resident, Resident.community_id == Community.id)
                .group_by(Community.code)
            ).all()
        )
    assert kinds["reader"] == 71
    assert kinds["camera"] == 16
    assert sum(kinds.values()) - 71 - 16 == 49  # PH00, the hotline, among them
    assert set(kinds) == {
        "reader",
        "camera",
        "alarm_panel",
        "phone",
        "panic_button",
        "gps_gateway",
    }
    assert meta.pop("population_date") in days
    # Which field keys the encrypted values are under (a fingerprint, not a key).
    assert meta.pop("field_keys_fingerprint") == load_field_keys(keys).fingerprint
    assert meta.pop("duplicate_minutes") == str(demo_site.duplicate_minutes)
    assert meta.pop("four_eyes") == ("true" if demo_site.four_eyes else "false")
    assert meta.pop("welfare_type") == demo_site.welfare_type == "ELDERLY"
    assert meta == {
        "site_name": demo_site.name,
        "timezone": demo_site.timezone,
        "site_file": "site.toml",
        "population_seed": "20261125",
        # Cleared by `console demo` once it has printed them.
        "demo_passwords_pending": "admin,counsellor,operator,police,supervisor,volunteer,ws01",
    }
    # Every community gets residents, in proportion to its population.
    assert len(per_community) == 20
    assert sum(per_community.values()) == 1000

    # Demo accounts: passwords are handed out once and work.
    accounts = {a.username: a for a in report.accounts}
    assert {u: a.role for u, a in accounts.items()} == DEMO_USERS
    for username, account in accounts.items():
        assert account.password
        p = auth.signin.login(username, account.password)
        assert p.role is DEMO_USERS[username]
    assert auth.signin.principal("ws01").communities == frozenset({"C01"})
    assert auth.signin.principal("admin").communities is None


def test_seeding_again_changes_nothing(db: Database, demo_site: SiteSpec, keys: Path) -> None:
    auth = auth_for(db, keys)
    first = seed_site(db, demo_site, auth, population=1000)
    before = counts(db)
    with db.session() as s:
        hashes = dict(s.execute(select(User.username, User.password_hash)).all())

    again = seed_site(db, demo_site, auth, population=1000)
    assert again.residents_added == 0
    assert again.residents_total == 1000
    assert (again.communities, again.devices) == (20, 136)
    assert not again.first_run
    assert [a.password for a in again.accounts] == [None] * 7
    assert [a.username for a in again.accounts] == [a.username for a in first.accounts]
    assert counts(db) == before
    with db.session() as s:
        assert dict(s.execute(select(User.username, User.password_hash)).all()) == hashes
        report = verify_audit(s)
        actions = Counter(r.action for r in iter_audit(s))
    assert report.ok
    assert actions[AuditAction.SITE_SEEDED.value] == 2
    assert actions[AuditAction.USER_CREATED.value] == 7


def test_seeding_again_on_a_later_day_adds_no_residents(
    db: Database, demo_site: SiteSpec, monkeypatch: pytest.MonkeyPatch, keys: Path
) -> None:
    # The synthetic ages count back from "today"; a re-run on another day must not take
    # yesterday's residents for strangers and add a second population.
    import core.population
    import data.seeding

    def pin(day: dt.date) -> None:
        class Pinned(dt.date):
            @classmethod
            def today(cls) -> Pinned:
                return cls(day.year, day.month, day.day)

        monkeypatch.setattr(core.population, "date", Pinned)
        monkeypatch.setattr(data.seeding, "date", Pinned)

    auth = auth_for(db, keys)
    pin(dt.date(2026, 11, 25))
    seed_site(db, demo_site, auth, population=200)
    pin(dt.date(2027, 3, 1))
    again = seed_site(db, demo_site, auth, population=200)
    assert again.residents_added == 0
    assert again.residents_total == 200


def test_the_population_day_is_pinned_when_the_site_is_already_a_day_ahead(
    sqlite_db: Database, demo_site: SiteSpec, monkeypatch: pytest.MonkeyPatch, keys: Path
) -> None:
    """At 17:00 UTC (01:00 the next day in Tianjin) seeding pinned the site's day, not the day
    the population was generated for, and a second run added the population again."""
    # Dates, not SQL: SQLite alone (the services' demo data takes seconds to seed).
    db = sqlite_db
    import data.seeding

    class Pinned(dt.date):
        @classmethod
        def today(cls) -> Pinned:
            return cls(2026, 11, 25)

    monkeypatch.setattr(data.seeding, "date", Pinned)
    evening = dt.datetime(2026, 11, 25, 17, 0, tzinfo=dt.UTC)
    services = Services.build(
        ServiceContext(db, workstation="CC", keys=keys, clock=lambda: evening),
        hasher=cheap_hasher(),
    )
    seed_site(db, demo_site, services, population=50, services_demo=True)
    again = seed_site(db, demo_site, services, population=50, services_demo=True)
    assert again.residents_added == 0
    assert again.residents_total == 50
    with db.session() as s:
        assert s.get(SiteMeta, "population_date").value == "2026-11-25"


def test_site_file_changes_are_applied_on_reseed(
    db: Database, demo_site: SiteSpec, keys: Path
) -> None:
    auth = auth_for(db, keys)
    seed_site(db, demo_site, auth, population=0)
    with db.session() as s:
        c = s.scalars(select(Community).where(Community.code == "C01")).one()
        c.name = "改过的名字"
        d = s.scalars(select(Device).order_by(Device.code).limit(1)).one()
        d.state = "online"
        code = d.code
    seed_site(db, demo_site, auth, population=0)
    with db.session() as s:
        c01 = s.scalars(select(Community).where(Community.code == "C01")).one()
        dev = s.scalars(select(Device).where(Device.code == code)).one()
    assert c01.name == next(c.name for c in demo_site.communities if c.code == "C01")
    # Live state reported by adapters is not reset by a reseed.
    assert dev.state == "online"


def test_about_a_fifth_of_residents_carry_a_care_flag(
    db: Database, demo_site: SiteSpec, keys: Path
) -> None:
    seed_site(db, demo_site, auth_for(db, keys), population=1000)
    with db.session() as s:
        flagged = s.scalar(
            select(func.count())
            .select_from(Resident)
            .where(
                or_(
                    Resident.lives_alone,
                    Resident.dementia,
                    Resident.disability,
                    Resident.chronic_illness,
                )
            )
        )
        # The generated consents are tracking consents in the consent table (migration 0007).
        consented = s.scalar(
            select(func.count()).select_from(Consent).where(Consent.purpose == "tracking")
        )
    assert flagged is not None
    assert 150 <= flagged <= 250
    assert consented


def test_seeding_records_changes(db: Database, demo_site: SiteSpec, keys: Path) -> None:
    seed_site(db, demo_site, auth_for(db, keys), population=10)
    with db.session() as s:
        changes = set(s.execute(select(ChangeLog.table_name, ChangeLog.op)).all())
    assert {("device", "seed"), ("resident", "seed")} <= {tuple(c) for c in changes}


def test_seeding_the_default_population(
    sqlite_db: Database, demo_site: SiteSpec, keys: Path
) -> None:
    report = seed_site(sqlite_db, demo_site, auth_for(sqlite_db, keys))
    assert report.residents_added == 5000
    assert report.residents_total == 5000
    assert counts(sqlite_db)["resident"] == 5000
    with sqlite_db.session() as s:
        ids = s.scalar(select(func.count(func.distinct(Resident.id_number_hmac))))
    assert ids == 5000


def test_demo_display_names_are_person_names(db: Database, demo_site: SiteSpec, keys: Path) -> None:
    """Regression: '值班员 李静' put the role in the name; the status bar showed it twice, and
    in Chinese even when the console was in English."""
    seed_site(db, demo_site, auth_for(db, keys), population=0)
    with db.session() as s:
        names = dict(s.execute(select(User.username, User.display_name)).all())
    assert names == {
        "admin": "陈志远",
        "supervisor": "王建国",
        "operator": "李静",
        "police": "赵刚",
        "volunteer": "孙丽",
        "counsellor": "周敏",
        "ws01": "刘芳",
    }
    role_words = {*ROLE_DESCRIPTIONS.values(), "值班", "管理员", "工作站", "社区"}
    for name in names.values():
        assert " " not in name
        assert not any(word in name for word in role_words), name


def test_passwords_never_shown_are_remembered(
    db: Database, demo_site: SiteSpec, keys: Path
) -> None:
    """Regression: a first `console demo` killed before printing the passwords left accounts
    nobody knew the password of, and the next run said they had been shown."""
    auth = auth_for(db, keys)
    first = seed_site(db, demo_site, auth, population=0)
    assert first.unshown == ()
    assert unshown_demo_passwords(db) == (
        "admin",
        "counsellor",
        "operator",
        "police",
        "supervisor",
        "volunteer",
        "ws01",
    )

    # The process died before printing: the next run knows.
    again = seed_site(db, demo_site, auth, population=0)
    assert again.unshown == (
        "admin",
        "supervisor",
        "operator",
        "police",
        "volunteer",
        "counsellor",
        "ws01",
    )
    assert not again.first_run

    demo_passwords_shown(db, ["admin", "supervisor"])
    assert unshown_demo_passwords(db) == ("counsellor", "operator", "police", "volunteer", "ws01")
    demo_passwords_shown(db, ["operator", "police", "volunteer", "counsellor", "ws01"])
    assert unshown_demo_passwords(db) == ()
    assert seed_site(db, demo_site, auth, population=0).unshown == ()
    with db.session() as s:
        assert s.get(SiteMeta, "demo_passwords_pending") is None


def test_an_account_created_by_a_rerun_is_not_unshown(
    db: Database, demo_site: SiteSpec, keys: Path
) -> None:
    auth = auth_for(db, keys)
    seed_site(db, demo_site, auth, population=0)
    demo_passwords_shown(
        db, ["admin", "supervisor", "operator", "police", "volunteer", "counsellor", "ws01"]
    )
    with db.session() as s:
        s.delete(s.scalars(select(User).where(User.username == "ws01")).one())
    report = seed_site(db, demo_site, auth, population=0)
    assert report.unshown == ()
    assert [a.username for a in report.accounts if a.password] == ["ws01"]
    assert unshown_demo_passwords(db) == ("ws01",)


def test_new_demo_passwords_are_set_and_audited(
    db: Database, demo_site: SiteSpec, keys: Path
) -> None:
    auth = auth_for(db, keys)
    old = {a.username: a.password for a in seed_site(db, demo_site, auth, population=0).accounts}
    fresh = new_demo_passwords(db, demo_site, auth)
    order = ["admin", "supervisor", "operator", "police", "volunteer", "counsellor", "ws01"]
    assert [a.username for a in fresh] == order
    for account in fresh:
        assert account.password
        assert account.password != old[account.username]
        assert auth.signin.login(account.username, account.password).username == account.username
    with db.session() as s:
        assert verify_audit(s).ok
        changed = [(r.actor, r.target) for r in iter_audit(s) if r.action == "password_changed"]
    assert changed == [("system", u) for u in order]


def test_the_personal_gps_trackers_are_worn_by_people_with_dementia(
    db: Database, demo_site: SiteSpec, keys: Path
) -> None:
    from data.models import Tag

    seed_site(db, demo_site, auth_for(db, keys), population=3000)
    trackers = {
        d.code: d.community
        for d in demo_site.devices
        if d.kind == "gps_gateway" and not d.address.startswith("jt808://")
    }
    assert trackers  # the demo has NMEA trackers (GT01…)
    with db.session() as s:
        rows = s.execute(
            select(Tag.code, Tag.kind, Community.code, Resident.dementia)
            .join(Resident, Resident.id == Tag.resident_id)
            .join(Community, Community.id == Tag.community_id)
            .where(Tag.code.in_(trackers))
        ).all()
    assert {r[0] for r in rows} == set(trackers)
    for code, kind, community, dementia in rows:
        assert kind == "person"
        assert dementia
        assert community == trackers[code]

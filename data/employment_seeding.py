"""Demo employment: verified employers near each community, their open postings, and job
seekers (most with a jobs consent, one with a completed course), the same for a site and day."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from enum import Enum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.consent import ConsentMethod, ConsentPurpose
from core.employment import (
    Accessibility,
    EmployerStatus,
    EmploymentForm,
    PostingStatus,
    SeekerStatus,
    ShiftKind,
    credit_check_char,
)
from data.changes import record_change
from data.models import (
    Community,
    Consent,
    Employer,
    JobPosting,
    JobSeeker,
    JobTraining,
    Resident,
)

SEED = 20261201
SEEKERS = 4  # per community; the last one has no jobs consent (not matched)
RECORDER = "demo"
ToLatLon = Callable[[float, float], tuple[float, float]]
# title, duties, hours a week, shift, pay (yuan a month), skills, features, only for, form
PostingSeed = tuple[
    str,
    str,
    int,
    ShiftKind,
    int,
    tuple[str, ...],
    tuple[Accessibility, ...],
    tuple[SeekerStatus, ...],
    EmploymentForm,
]
# skills, needs, hours at least, at most, shifts, km, groups, a completed course's skill
SeekerSeed = tuple[
    tuple[str, ...],
    tuple[Accessibility, ...],
    int,
    int,
    tuple[ShiftKind, ...],
    float,
    tuple[SeekerStatus, ...],
    str,
]

# name, staff, disabled staff (as the quota counts them), forms of employment, postings
EMPLOYERS: tuple[tuple[str, int, int, tuple[EmploymentForm, ...], tuple[PostingSeed, ...]], ...] = (
    (
        "{name}社区食堂",
        40,
        1,
        (EmploymentForm.OPEN,),
        (
            (
                "食堂帮厨",
                "备菜、分餐、清洁餐具",
                30,
                ShiftKind.DAY,
                2600,
                ("烹饪",),
                (Accessibility.FLEXIBLE_HOURS,),
                (),
                EmploymentForm.OPEN,
            ),
            (
                "助餐配送员",
                "为老年人送餐上门",
                20,
                ShiftKind.DAY,
                1800,
                ("配送",),
                (),
                (SeekerStatus.HARD_TO_EMPLOY, SeekerStatus.LOW_INCOME),
                EmploymentForm.PUBLIC_WELFARE,
            ),
        ),
    ),
    (
        "{name}便民服务中心",
        120,
        0,
        (EmploymentForm.OPEN, EmploymentForm.SHELTERED),
        (
            (
                "手工编织（辅助性就业）",
                "手工编织、简单包装，可坐姿工作",
                20,
                ShiftKind.FLEXIBLE,
                1500,
                ("手工",),
                (
                    Accessibility.STEP_FREE,
                    Accessibility.SEATED_WORK,
                    Accessibility.ACCESSIBLE_TOILET,
                ),
                (SeekerStatus.DISABILITY,),
                EmploymentForm.SHELTERED,
            ),
            (
                "保洁员",
                "公共区域日常保洁",
                40,
                ShiftKind.DAY,
                2800,
                ("保洁",),
                (),
                (),
                EmploymentForm.OPEN,
            ),
        ),
    ),
)
SEEKER_PROFILES: tuple[SeekerSeed, ...] = (
    (("烹饪", "保洁"), (), 20, 40, (), 3.0, (SeekerStatus.LOW_INCOME,), ""),
    (
        ("手工",),
        (Accessibility.STEP_FREE, Accessibility.SEATED_WORK),
        10,
        25,
        (ShiftKind.DAY, ShiftKind.FLEXIBLE),
        2.0,
        (SeekerStatus.DISABILITY,),
        "",
    ),
    (("驾驶",), (), 15, 40, (), 5.0, (SeekerStatus.HARD_TO_EMPLOY,), "配送"),
    (("保洁",), (), 20, 40, (ShiftKind.DAY,), 3.0, (), ""),
)


def _codes(items: tuple[Enum, ...]) -> str:
    return ",".join(sorted(str(i.value) for i in items))


def _near(rng: random.Random, lat: float, lon: float, metres: float) -> tuple[float, float]:
    """A place within about `metres` of (lat, lon)."""
    d = metres / 111_000.0
    return lat + rng.uniform(-d, d), lon + rng.uniform(-d, d) * 1.3


def seed_employment(s: Session, today: date, now: datetime, to_latlon: ToLatLon | None) -> None:
    """Once (a database with employers keeps its own): two verified employers a few hundred
    metres from each community's centre, two open postings each, and four job seekers of
    working age per community, three of them with a jobs consent. Places need the site's GPS
    calibration (`to_latlon`); without one nothing is seeded."""
    if to_latlon is None or s.scalar(select(func.count()).select_from(Employer)):
        return
    communities = s.execute(
        select(
            Community.id, Community.code, Community.name, Community.centre_x, Community.centre_y
        ).order_by(Community.code)
    ).all()
    for index, (cid, code, name, x, y) in enumerate(communities):
        rng = random.Random(f"{SEED}:{code}")
        centre = to_latlon(x, y)
        for n, (ename, staff, disabled, forms, postings) in enumerate(EMPLOYERS):
            first17 = f"91120104MA{index:03d}{n:04d}"
            lat, lon = _near(rng, *centre, 600)
            e = Employer(
                credit_code=first17 + credit_check_char(first17),
                name=ename.format(name=name)[:64],
                contact_name="联系人" + "甲乙丙丁"[n % 4],
                contact_phone=f"022-26{index:02d}{n:04d}",
                address=f"{name}{n + 1}号",
                lat=lat,
                lon=lon,
                status=EmployerStatus.VERIFIED.value,
                staff=staff,
                disabled_staff=disabled,
                forms=_codes(forms),
                community_id=cid,
                verified_by=RECORDER,
                verified_at=now - timedelta(days=30),
                created_at=now - timedelta(days=60),
                updated_at=now - timedelta(days=30),
            )
            s.add(e)
            s.flush()
            for title, duties, hours, shift, pay, skills, features, only, form in postings:
                p = JobPosting(
                    employer_id=e.id,
                    title=title,
                    duties=duties,
                    hours_per_week=hours,
                    shift=shift.value,
                    pay_fen_per_month=pay * 100,
                    lat=lat,
                    lon=lon,
                    features=_codes(features),
                    skills=",".join(sorted(skills)),
                    eligibility=_codes(only),
                    openings=2,
                    status=PostingStatus.OPEN.value,
                    form=form.value,
                    community_id=cid,
                    opened_at=now - timedelta(days=20),
                    closed_at=None,
                    updated_at=now - timedelta(days=20),
                )
                s.add(p)
                s.flush()
        residents = s.scalars(
            select(Resident)
            .where(
                Resident.community_id == cid,
                Resident.anonymised_at.is_(None),
                Resident.birth_year >= today.year - 58,
                Resident.birth_year <= today.year - 20,
            )
            .order_by(Resident.id)
            .limit(SEEKERS)
        ).all()
        for k, (r, profile) in enumerate(zip(residents, SEEKER_PROFILES, strict=False)):
            skills, needs, low, high, shifts, km, statuses, course = profile
            home = _near(rng, *centre, 400)
            seeker = JobSeeker(
                resident_id=r.id,
                community_id=cid,
                lat=home[0],
                lon=home[1],
                skills=",".join(sorted(skills)),
                needs=_codes(needs),
                min_hours=low,
                max_hours=high,
                shifts=_codes(shifts),
                max_m=round(km * 1000),
                statuses=_codes(statuses),
                created_at=now - timedelta(days=10),
                updated_at=now - timedelta(days=10),
            )
            s.add(seeker)
            s.flush()
            if course:
                t = JobTraining(
                    seeker_id=seeker.id,
                    course="外卖配送与安全",
                    provider="区人社局",
                    completed_on=today - timedelta(days=14),
                    skill=course,
                )
                s.add(t)
                s.flush()
            if k < SEEKERS - 1:
                c = Consent(
                    resident_id=r.id,
                    community_id=cid,
                    purpose=ConsentPurpose.JOBS.value,
                    method=ConsentMethod.WRITTEN.value,
                    given_on=today - timedelta(days=10),
                    recorded_by=RECORDER,
                    recorded_at=now - timedelta(days=10),
                )
                s.add(c)
                s.flush()
    for table in ("employer", "job_posting", "job_seeker", "job_training", "consent"):
        record_change(s, table, None, "seed")

"""Demo volunteers: ~15 per community, teams, a week of shifts, pairings and tasks."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.idcard import make_id_number
from core.personal import mask_id_number, mask_name, mask_phone
from core.timefmt import DEFAULT_ZONE
from core.volunteers import (
    Cadence,
    SignupMode,
    SignupStatus,
    TaskKind,
    TaskStatus,
    availability_mask,
)
from data.changes import record_change
from data.models import (
    Community,
    Resident,
    Volunteer,
    VolunteerPairing,
    VolunteerQualification,
    VolunteerShift,
    VolunteerSignup,
    VolunteerTask,
    VolunteerTeam,
    VolunteerTeamMember,
)
from data.services.residents import field_keys_for
from data.services.volunteers import BIRTH_DATE_COLUMN, ID_NUMBER_COLUMN

PER_COMMUNITY = 15
SEED = 20261201
REGION = "120102"  # a Tianjin district code, as the demo residents'
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡"
_GIVEN = ("晓明", "丽", "建国", "秀英", "志强", "海燕", "子涵", "浩然", "桂兰", "春生", "欣怡")
_SKILLS = ("陪伴聊天", "理发", "家电维修", "代购", "读报", "量血压", "手机教学", "打扫", "法律咨询")
_QUALS = (("急救证", 365), ("驾驶证", 2000), ("护理员证", 400), ("心理咨询", 700))
# (title, place, start hour, hours, capacity, qualification, min age, mode)
_SHIFTS = (
    ("助老送餐", "社区食堂", 10, 3, 4, "", 16, SignupMode.INSTANT),
    ("健康义诊协助", "社区卫生站", 9, 3, 3, "急救证", 18, SignupMode.CONFIRM),
    ("环境清洁", "小区广场", 15, 2, 6, "", 14, SignupMode.INSTANT),
    ("夜间巡逻", "社区各楼门", 19, 2, 2, "", 18, SignupMode.CONFIRM),
)


def seed_volunteers(s: Session, today: date, now: datetime, keys: Path | None = None) -> None:
    """Seed once (a database with volunteers keeps its own); deterministic for a site and
    day. `keys` is the site's key folder: identity numbers and birth dates are encrypted."""
    if s.scalar(select(func.count()).select_from(Volunteer)):
        return
    communities = list(s.execute(select(Community.id, Community.code).order_by(Community.code)))
    if not communities:
        return
    fk = field_keys_for(s, keys)
    zone = ZoneInfo(DEFAULT_ZONE)
    used: set[str] = set()  # the number is unique: a repeat takes the next sequence
    for cid, code in communities:
        rng = random.Random(f"{SEED}:{code}")
        vols: list[Volunteer] = []
        for n in range(PER_COMMUNITY):
            # Mostly retired residents with time, some students (16+), some staff.
            age = rng.choice((rng.randrange(16, 23), rng.randrange(25, 55), rng.randrange(55, 72)))
            birth = date(today.year - age, rng.randrange(1, 13), rng.randrange(1, 29))
            gender = rng.choice("MF")
            seq = rng.randrange(0, 499) * 2 + (1 if gender == "M" else 0)
            number = make_id_number(REGION, birth, seq)
            while number in used:
                seq = (seq + 2) % 1000
                number = make_id_number(REGION, birth, seq)
            used.add(number)
            name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
            phone = "137" + f"{rng.randrange(10**8):08d}"
            slots = {(rng.randrange(7), rng.randrange(3)) for _ in range(rng.randrange(2, 7))}
            insured = n % 5 != 4
            v = Volunteer(
                community_id=cid,
                resident_id=None,
                name=name,
                name_mask=mask_name(name),
                phone=phone,
                phone_mask=mask_phone(phone),
                gender=gender,
                birth_year=birth.year,
                birth_date_enc=fk.encrypt(birth.isoformat(), BIRTH_DATE_COLUMN),
                id_number_enc=fk.encrypt(number, ID_NUMBER_COLUMN),
                id_number_hmac=fk.index(number),
                id_number_mask=mask_id_number(number),
                skills=", ".join(rng.sample(_SKILLS, rng.randrange(1, 4))),
                insurance_policy=f"PICC-{rng.randrange(10**8):08d}" if insured else "",
                insurance_expires=today + timedelta(days=rng.randrange(-20, 300))
                if insured
                else None,
                availability=availability_mask(slots),
                photo=None,
                active=n != PER_COMMUNITY - 1,  # one has stepped back
                joined_on=today - timedelta(days=rng.randrange(30, 1500)),
                created_at=now,
                updated_at=now,
            )
            vols.append(v)
        s.add_all(vols)
        s.flush()
        for v in vols:
            for kind, days in rng.sample(_QUALS, rng.randrange(0, 3)):
                s.add(
                    VolunteerQualification(
                        volunteer_id=v.id,
                        kind=kind,
                        number=f"Q{rng.randrange(10**7):07d}",
                        # Some ran out recently: the sign-up rules have something to refuse.
                        expires_on=today + timedelta(days=rng.randrange(-60, days)),
                    )
                )
        teams = (
            VolunteerTeam(
                name=f"{code} 助老服务队",
                community_id=cid,
                leader_volunteer_id=vols[0].id,
                leader_user_id=None,
                created_at=now,
            ),
            VolunteerTeam(
                name=f"{code} 青年志愿队",
                community_id=cid,
                leader_volunteer_id=vols[1].id,
                leader_user_id=None,
                created_at=now,
            ),
        )
        s.add_all(teams)
        s.flush()
        for i, v in enumerate(vols):
            s.add(
                VolunteerTeamMember(
                    team_id=teams[i % 2].id, volunteer_id=v.id, joined_on=v.joined_on, left_on=None
                )
            )
        # A week of shifts from today, each with a few sign-ups.
        for d in range(7):
            day = today + timedelta(days=d)
            title, place, hour, hours, cap, qual, min_age, mode = _SHIFTS[d % len(_SHIFTS)]
            start = datetime.combine(day, time(hour), zone).astimezone(UTC)
            shift = VolunteerShift(
                community_id=cid,
                team_id=teams[d % 2].id,
                title=title,
                place=place,
                starts_at=start,
                ends_at=start + timedelta(hours=hours),
                capacity=cap,
                qualification=qual,
                min_age=min_age,
                signup_deadline=start - timedelta(hours=12),
                signup_mode=mode.value,
                cancelled=False,
                created_at=now,
            )
            s.add(shift)
            s.flush()
            if not qual:
                for v in rng.sample(vols[:-1], min(cap - 1, 3)):
                    confirmed = mode is SignupMode.INSTANT or rng.random() < 0.5
                    s.add(
                        VolunteerSignup(
                            shift_id=shift.id,
                            volunteer_id=v.id,
                            community_id=cid,
                            status=(
                                SignupStatus.CONFIRMED if confirmed else SignupStatus.PENDING
                            ).value,
                            signed_at=now,
                            decided_at=now if confirmed else None,
                        )
                    )
        # Pairings with residents living alone, and tasks.
        alone = list(
            s.scalars(
                select(Resident.id)
                .where(
                    Resident.community_id == cid,
                    Resident.lives_alone.is_(True),
                    Resident.anonymised_at.is_(None),
                )
                .order_by(Resident.id)
                .limit(4)
            )
        )
        for i, rid in enumerate(alone):
            s.add(
                VolunteerPairing(
                    community_id=cid,
                    volunteer_id=vols[2 + i].id,
                    resident_id=rid,
                    cadence=(Cadence.WEEKLY if i % 2 == 0 else Cadence.FORTNIGHTLY).value,
                    weekday=(i * 2) % 7,
                    note="上门陪伴、读报" if i % 2 == 0 else "代购、量血压",
                    started_on=today - timedelta(days=30 * (i + 1)),
                    ended_on=None,
                    created_at=now,
                )
            )
        for i, rid in enumerate(alone[:3]):
            kind = (TaskKind.VISIT, TaskKind.REQUEST, TaskKind.DELIVERY)[i]
            title = ("每周上门探访", "代为购买药品", "协助配送米面油")[i]
            assigned = i != 1
            s.add(
                VolunteerTask(
                    community_id=cid,
                    kind=kind.value,
                    resident_id=rid,
                    incident_id=None,
                    order_id=None,
                    status=(TaskStatus.ASSIGNED if assigned else TaskStatus.OPEN).value,
                    volunteer_id=vols[2 + i].id if assigned else None,
                    shift_id=None,
                    title=title,
                    note="",
                    due_at=now + timedelta(hours=6 + 20 * i),
                    created_at=now,
                    done_at=None,
                )
            )
    s.flush()
    record_change(s, "volunteer", None, "seed")

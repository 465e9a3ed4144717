"""CertificateService and migration 0032 on SQLite and PostgreSQL: the public week, numbering
without gaps (also two workstations at once), the archive and its hash, masking, the hours
report, and the time bank's double entry and transfers to elder relatives."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.audit import AuditAction
from core.certificates import CertificateDoc, CertificateError, CertificateStatus, parse_number
from core.permissions import PermissionDenied, Principal
from core.personal import mask_id_number, mask_name
from core.site import SiteSpec
from core.timebank import LedgerError, Relation, TimebankError
from core.volunteer_hours import HoursError
from data.audit import iter_audit
from data.context import ServiceContext
from data.db import Database
from data.fieldcrypt import FieldKeys, load_field_keys
from data.models import (
    Base,
    Community,
    Resident,
    TimebankEntry,
    UTCDateTime,
    Volunteer,
    VolunteerAttendance,
)
from data.seeding import seed_site
from data.services import Services
from data.services.certificates import VOLUNTEER_ID_COLUMN
from tests.helpers.postgres import as_owner, with_server_session
from tests.helpers.seeded_copies import seeded_database
from tests.unit.data.support import FakeClock, cheap_hasher

START = datetime.fromisoformat("2026-07-01T02:00:00+00:00")
ID_NUMBER = "120106199001011234"


def fake_pdf(doc: CertificateDoc) -> bytes:
    """A stand-in for the Qt renderer (tested in tests/unit/console): the fields, as bytes."""
    return f"%PDF {doc.number} {doc.volunteer} {doc.id_number} {doc.minutes}".encode()


def filled(model: type[Base], given: dict[str, object]) -> dict[str, object]:
    """`given` and a plain value for every other required column (the volunteers' and hours'
    tables belong to other services: only what the certificates read matters here)."""
    plain: dict[type, object] = {str: "", int: 0, bool: False, date: date(2026, 1, 1)}
    out = dict(given)
    for col in model.__table__.columns:
        if col.name in out or col.nullable or col.primary_key:
            continue
        if isinstance(col.type, UTCDateTime):
            out[col.name] = START
        else:
            out[col.name] = plain.get(col.type.python_type, "")
    return out


def add_volunteer(
    db: Database,
    keys: FieldKeys,
    name: str,
    now: datetime,
    community: str = "C01",
    birth: date = date(1990, 1, 1),
) -> int:
    """A volunteer row as the volunteers' service would store it (identity number encrypted)."""
    with as_owner(db) as owner, owner.session() as s:
        cid = s.scalar(select(Community.id).where(Community.code == community))
        assert cid is not None
        fields: dict[str, object] = {
            "community_id": cid,
            "name": name,
            "name_mask": mask_name(name),
            "birth_year": birth.year,
            "birth_date_enc": keys.encrypt(birth.isoformat(), "volunteer.birth_date"),
            "id_number_enc": keys.encrypt(ID_NUMBER, VOLUNTEER_ID_COLUMN),
            "id_number_mask": mask_id_number(ID_NUMBER),
            "active": True,
            "created_at": now,
            "updated_at": now,
        }
        v = Volunteer(**filled(Volunteer, fields))
        s.add(v)
        s.flush()
        return v.id


def add_attendance(
    db: Database,
    volunteer_id: int,
    at: datetime,
    minutes: int,
    status: str = "approved",
    content: str = "陪伴独居老人",
) -> int:
    """An attendance record as the hours' service would leave it."""
    with as_owner(db) as owner, owner.session() as s:
        v = s.get_one(Volunteer, volunteer_id)
        fields: dict[str, object] = {
            "volunteer_id": volunteer_id,
            "community_id": v.community_id,
            "content": content,
            "checkin_at": at,
            "checkout_at": at + timedelta(minutes=minutes + 10),
            "travel_minutes": 10,
            "minutes": minutes,
            "status": status,
        }
        a = VolunteerAttendance(**filled(VolunteerAttendance, fields))
        s.add(a)
        s.flush()
        return a.id


@dataclass
class Street:
    db: Database
    svc: Services
    clock: FakeClock
    keys: Path
    principals: dict[str, Principal]

    def who(self, username: str) -> Principal:
        who = self.principals[username]
        if not who.session_token:
            who = with_server_session(self.db, who, self.clock())
            self.principals[username] = who
        return who

    def volunteer(self, name: str, community: str = "C01", birth: date = date(1990, 1, 1)) -> int:
        return add_volunteer(self.db, load_field_keys(self.keys), name, START, community, birth)

    def attend(
        self,
        volunteer_id: int,
        at: datetime,
        minutes: int,
        status: str = "approved",
        content: str = "陪伴独居老人",
    ) -> int:
        return add_attendance(self.db, volunteer_id, at, minutes, status, content)

    def elder(self, community: str = "C01", min_age: int = 60) -> tuple[int, int]:
        """A resident at least `min_age` (by birth year, with a year to spare) and their age."""
        with self.db.session() as s:
            row = s.execute(
                select(Resident.id, Resident.birth_year)
                .join(Community, Resident.community_id == Community.id)
                .where(Community.code == community, Resident.birth_year <= 2026 - min_age - 1)
                .order_by(Resident.id)
            ).first()
        assert row is not None
        return row[0], 2026 - row[1]

    def young(self, community: str = "C01") -> int:
        with self.db.session() as s:
            rid = s.scalar(
                select(Resident.id)
                .join(Community, Resident.community_id == Community.id)
                .where(Community.code == community, Resident.birth_year >= 1980)
                .order_by(Resident.id)
            )
        assert rid is not None
        return rid

    def audit(self, action: AuditAction) -> list[tuple[str, str, str]]:
        with self.db.session() as s:
            return [(r.actor, r.target, r.detail) for r in iter_audit(s) if r.action == action]


def services(db: Database, clock: FakeClock, keys: Path, workstation: str = "CC") -> Services:
    ctx = ServiceContext(db, workstation=workstation, clock=clock, keys=keys)
    return Services.build(ctx, hasher=cheap_hasher())


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def street(request: pytest.FixtureRequest, demo_site: SiteSpec, tmp_path: Path) -> Iterator[Street]:
    """The demo street with 120 residents, seeded once per process and backend, copied."""

    def seed(owner: Database, keys: Path) -> None:
        seed_site(owner, demo_site, services(owner, FakeClock(START), keys), population=120)

    copy = seeded_database(request, request.param, tmp_path, "certificates", seed)
    db, keys = copy.db, copy.keys
    clock = FakeClock(START)
    svc = services(db, clock, keys)
    names = ("admin", "supervisor", "operator", "ws01", "police")
    yield Street(db, svc, clock, keys, {u: svc.signin.principal(u) for u in names})
    db.dispose()


def listed(street: Street, name: str = "张小红", minutes: int = 95) -> tuple[int, int]:
    """A volunteer with approved minutes in June and a certificate listed for them."""
    vid = street.volunteer(name)
    street.attend(vid, datetime.fromisoformat("2026-06-10T01:00:00+00:00"), minutes)
    cid = street.svc.certificates.request(
        street.who("ws01"), vid, date(2026, 6, 1), date(2026, 6, 30)
    )
    return vid, cid


# --- the public week and issue --------------------------------------------------------------


def test_a_certificate_is_listed_for_seven_days_then_issued_with_its_archive(
    street: Street,
) -> None:
    certs, sup = street.svc.certificates, street.who("supervisor")
    vid, cid = listed(street)
    street.attend(vid, datetime.fromisoformat("2026-06-11T01:00:00+00:00"), 60, status="confirmed")
    row = certs.certificate(street.who("operator"), cid)
    assert row.status is CertificateStatus.LISTED
    assert row.minutes == 95  # the confirmed but unapproved hour does not count
    assert row.hours == "1.6"
    assert row.listed_until == START + timedelta(days=7)
    assert row.volunteer == "张**"  # the operator may not see personal data
    assert row.id_number == "1201**********1234"  # masked on every screen
    with pytest.raises(CertificateError, match="still listed"):
        certs.issue(sup, cid, fake_pdf)
    street.clock.advance(timedelta(days=7))
    issued = certs.issue(sup, cid, fake_pdf)
    assert issued.status is CertificateStatus.ISSUED
    assert parse_number(issued.number) == ("ZYFW", 2026, 1)
    assert issued.issuer == "红桥区咸阳北路街道"
    archived = certs.archived(sup, cid)
    assert ID_NUMBER.encode() in archived.pdf  # whole on the issued paper
    assert archived.sha256 == hashlib.sha256(archived.pdf).hexdigest() == issued.pdf_sha256
    assert ("supervisor", f"certificate:{cid}", issued.number) in street.audit(
        AuditAction.CERTIFICATE_EXPORTED
    )
    with pytest.raises(PermissionDenied):
        certs.archived(street.who("operator"), cid)  # no personal-data rights
    copy = certs.display_copy(street.who("operator"), cid)
    assert copy.masked
    assert copy.id_number == "1201**********1234"
    assert copy.number == issued.number
    with pytest.raises(CertificateError, match="already been issued"):
        certs.issue(sup, cid, fake_pdf)


def test_an_objection_holds_the_issue_and_only_listed_ones_take_objections(street: Street) -> None:
    certs = street.svc.certificates
    _, cid = listed(street)
    certs.object(street.who("operator"), cid, "6月10日那天她不在社区")
    street.clock.advance(timedelta(days=8))
    with pytest.raises(CertificateError, match="objection"):
        certs.issue(street.who("supervisor"), cid, fake_pdf)
    with pytest.raises(CertificateError, match="while the certificate is listed"):
        certs.object(street.who("operator"), cid, "again")
    assert certs.certificate(street.who("admin"), cid).objection == "6月10日那天她不在社区"


def test_requests_need_approved_hours_and_do_not_overlap(street: Street) -> None:
    certs, ws = street.svc.certificates, street.who("ws01")
    vid, _ = listed(street)
    with pytest.raises(CertificateError, match="overlaps"):
        certs.request(ws, vid, date(2026, 6, 15), date(2026, 7, 1))
    with pytest.raises(CertificateError, match="no approved hours"):
        certs.request(ws, vid, date(2026, 5, 1), date(2026, 5, 31))
    with pytest.raises(CertificateError, match="first day"):
        certs.request(ws, vid, date(2026, 5, 31), date(2026, 5, 1))
    other = street.volunteer("李四", community="C02")
    street.attend(other, datetime.fromisoformat("2026-06-10T01:00:00+00:00"), 30)
    with pytest.raises(PermissionDenied):
        certs.request(ws, other, date(2026, 6, 1), date(2026, 6, 30))  # not its community
    assert all(r.community == "C01" for r in certs.certificates(ws))


def test_numbers_have_no_gap_and_a_withdrawn_certificate_keeps_its_number(street: Street) -> None:
    certs, sup = street.svc.certificates, street.who("supervisor")
    ids = [listed(street, name)[1] for name in ("甲一", "乙二", "丙三", "丁四")]
    street.clock.advance(timedelta(days=7))
    certs.withdraw(sup, ids[1], "申请有误")  # before issue: never numbered
    numbers = {}
    for cid in (ids[0], ids[2], ids[3]):
        numbers[cid] = certs.issue(sup, cid, fake_pdf).number

    def failing(_doc: CertificateDoc) -> bytes:
        raise RuntimeError("printer driver")

    again = listed(street, "戊五")[1]
    street.clock.advance(timedelta(days=7))
    with pytest.raises(RuntimeError):
        certs.issue(sup, again, failing)  # rolled back: its number is given back
    numbers[again] = certs.issue(sup, again, fake_pdf).number
    certs.withdraw(sup, ids[2], "服务记录核查不实")
    assert [parse_number(n)[2] for n in numbers.values()] == [1, 2, 3, 4]
    assert certs.sequence_gaps(sup, 2026) == []
    gone = certs.certificate(sup, ids[2])
    assert gone.status is CertificateStatus.WITHDRAWN
    assert gone.number == numbers[ids[2]]
    assert gone.withdrawn_reason == "服务记录核查不实"
    assert certs.certificate(sup, ids[1]).number == ""
    copy = certs.display_copy(sup, ids[2])
    assert copy.withdrawn == "服务记录核查不实"


def test_two_workstations_issuing_at_once_take_consecutive_numbers(street: Street) -> None:
    ids = [listed(street, f"志愿者{i}")[1] for i in range(8)]
    street.clock.advance(timedelta(days=7))
    sup = street.who("supervisor")
    pcs = [services(street.db, street.clock, street.keys, ws) for ws in ("CC", "W02")]
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def slow_pdf(doc: CertificateDoc) -> bytes:
        threading.Event().wait(0.02)  # the other PC reaches the counter meanwhile
        return fake_pdf(doc)

    def run(svc: Services, mine: list[int]) -> None:
        try:
            barrier.wait(5)
            for cid in mine:
                svc.certificates.issue(sup, cid, slow_pdf)
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=run, args=(pcs[0], ids[0::2]), name="issue-a"),
        threading.Thread(target=run, args=(pcs[1], ids[1::2]), name="issue-b"),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    rows = street.svc.certificates.certificates(sup, status=CertificateStatus.ISSUED)
    assert sorted(parse_number(r.number)[2] for r in rows) == list(range(1, 9))


# --- the hours report -----------------------------------------------------------------------


def test_the_hours_report_counts_approved_minutes_by_site_month(street: Street) -> None:
    a, b = street.volunteer("王五"), street.volunteer("赵六", community="C02")
    # 2026-01-31 23:30 in Tianjin is 15:30 UTC: January in the site's time, not February.
    street.attend(a, datetime.fromisoformat("2026-01-31T15:30:00+00:00"), 60)
    street.attend(a, datetime.fromisoformat("2026-01-31T16:30:00+00:00"), 30)  # Feb 1 local
    street.attend(a, datetime.fromisoformat("2026-03-05T02:00:00+00:00"), 45, status="rejected")
    street.attend(b, datetime.fromisoformat("2026-12-31T15:00:00+00:00"), 20)
    street.attend(b, datetime.fromisoformat("2025-12-31T15:59:00+00:00"), 99)  # 2025 locally
    report = street.svc.certificates.hours_report(street.who("supervisor"), 2026)
    by = {r.volunteer_id: r for r in report.rows}
    assert by[a].months[:3] == (60, 30, 0)
    assert by[a].total == 90
    assert by[b].months == (0,) * 11 + (20,)
    assert by[b].volunteer == "赵六"
    # The demo site's own volunteers have hours too: only these two are looked at.
    station = street.svc.certificates.hours_report(street.who("ws01"), 2026)
    assert {r.community for r in station.rows} == {"C01"}  # its own community only
    assert a in {r.volunteer_id for r in station.rows}
    assert b not in {r.volunteer_id for r in station.rows}
    masked = street.svc.certificates.hours_report(street.who("operator"), 2026)
    assert {r.volunteer for r in masked.rows if r.volunteer_id in (a, b)} == {"王*", "赵*"}


# --- the time bank --------------------------------------------------------------------------


def test_deposits_are_double_entry_and_made_once(street: Street) -> None:
    certs = street.svc.certificates
    vid = street.volunteer("孙七")
    street.attend(vid, datetime.fromisoformat("2026-06-10T01:00:00+00:00"), 90)
    street.attend(vid, datetime.fromisoformat("2026-06-12T01:00:00+00:00"), 30)
    street.attend(vid, datetime.fromisoformat("2026-06-13T01:00:00+00:00"), 50, status="recorded")
    # The demo site's own deposits: the community's balance is looked at as a change.
    before = {
        (a.kind.value, a.holder_id or a.holder): a.balance
        for a in certs.accounts(street.who("admin"))
    }
    assert len(certs.deposit_approved(street.who("supervisor"), vid)) == 2
    assert certs.deposit_approved(street.who("supervisor"), vid) == []  # nothing twice
    accounts = {
        (a.kind.value, a.holder_id or a.holder): a for a in certs.accounts(street.who("admin"))
    }
    assert accounts[("volunteer", vid)].balance == 120
    assert accounts[("community", "C01")].balance == before.get(("community", "C01"), 0) - 120
    assert certs.ledger_balanced(street.who("supervisor"))
    lines = certs.statement(street.who("admin"), accounts[("volunteer", vid)].id)
    assert [ln.minutes for ln in lines] == [30, 90]
    assert lines[0].counterpart == "C01"
    with pytest.raises(PermissionDenied):
        certs.deposit_approved(street.who("ws01"), vid)  # approving is not the station's


def test_transfers_go_only_to_relatives_aged_sixty_or_more(street: Street) -> None:
    certs, ws = street.svc.certificates, street.who("ws01")
    vid = street.volunteer("周八")
    street.attend(vid, datetime.fromisoformat("2026-06-10T01:00:00+00:00"), 120)
    certs.deposit_approved(street.who("supervisor"), vid)
    elder, _age = street.elder()
    with pytest.raises(LedgerError, match="aged 60"):
        certs.transfer(ws, vid, street.young(), 30, Relation.PARENT)
    with pytest.raises(LedgerError, match="balance is 120"):
        certs.transfer(ws, vid, elder, 121, Relation.PARENT)
    txn = certs.transfer(ws, vid, elder, 45, Relation.PARENT, "给母亲")
    balances = {(a.kind.value, a.holder_id): a.balance for a in certs.accounts(ws)}
    assert balances["volunteer", vid] == 75
    assert balances["resident", elder] == 45
    mother = next(
        a for a in certs.accounts(ws) if a.holder_id == elder and a.kind.value == "resident"
    )
    certs.spend(ws, mother.id, 40, "助浴服务")
    with pytest.raises(LedgerError, match="balance is 5"):
        certs.spend(ws, mother.id, 6, "助洁服务")
    assert certs.ledger_balanced(street.who("supervisor"))
    with street.db.session() as s:
        assert s.scalar(select(func.sum(TimebankEntry.minutes))) == 0
    (given,) = [
        json.loads(d)
        for _, t, d in street.audit(AuditAction.TIMEBANK_TRANSFERRED)
        if t == f"timebank_txn:{txn}"
    ]
    # No kinship is on record: the giver's stated relation is what the audit keeps.
    assert given == {
        "minutes": 45,
        "relation": "parent",
        "relation_stated": True,
        "volunteer": vid,
        "resident": elder,
    }


def test_the_demo_seeding_lists_from_approved_hours_once_and_balances(street: Street) -> None:
    from data.certificates_seeding import seed_certificates
    from data.hours_seeding import seed_hours
    from data.volunteers_seeding import seed_volunteers

    now = street.clock()
    today = now.date()
    with as_owner(street.db) as owner:
        for seed in (
            lambda s: seed_volunteers(s, today, now, street.keys),
            lambda s: seed_hours(s, today, now),
            lambda s: seed_certificates(s, today, now),
            lambda s: seed_certificates(s, today, now),  # once only
        ):
            with owner.write_session() as s:
                seed(s)
    sup = street.who("supervisor")
    rows = street.svc.certificates.certificates(sup)
    assert len(rows) == 6
    assert {r.status for r in rows} == {CertificateStatus.LISTED, CertificateStatus.WITHDRAWN}
    assert all(r.minutes > 0 and r.number == "" for r in rows)
    assert street.svc.certificates.ledger_balanced(sup)
    assert any(a.balance > 0 for a in street.svc.certificates.accounts(sup))


def test_a_certificate_whose_hours_changed_since_listing_is_not_issued(street: Street) -> None:
    certs, sup = street.svc.certificates, street.who("supervisor")
    vid, cid = listed(street)
    # An hour approved after the public week began: the listing no longer says the truth.
    street.attend(vid, datetime.fromisoformat("2026-06-20T01:00:00+00:00"), 60)
    street.clock.advance(timedelta(days=7))
    with pytest.raises(CertificateError, match="withdraw and request again"):
        certs.issue(sup, cid, fake_pdf)
    row = certs.certificate(sup, cid)
    assert (row.status, row.number, row.minutes) == (CertificateStatus.LISTED, "", 95)
    assert certs.sequence_gaps(sup, 2026) == []


def test_hours_a_listed_or_issued_certificate_counts_are_not_corrected(street: Street) -> None:
    certs, sup, admin = street.svc.certificates, street.who("supervisor"), street.who("admin")
    vid = street.volunteer("张小红")
    aid = street.attend(vid, datetime.fromisoformat("2026-06-10T01:00:00+00:00"), 95)
    moved = street.attend(vid, datetime.fromisoformat("2026-05-10T01:00:00+00:00"), 30)
    cid = certs.request(street.who("ws01"), vid, date(2026, 6, 1), date(2026, 6, 30))
    with pytest.raises(HoursError, match=f"certificate {cid} .*withdraw it"):
        street.svc.hours.correct(admin, aid, "wrong", travel_minutes=80)
    # Moving May's hours into the certified June is a change of what it counts, too.
    june = datetime.fromisoformat("2026-06-12T01:00:00+00:00")
    with pytest.raises(HoursError, match=f"certificate {cid}"):
        street.svc.hours.correct(
            admin, moved, "wrong day", checkin_at=june, checkout_at=june + timedelta(minutes=40)
        )
    street.clock.advance(timedelta(days=7))
    certs.issue(sup, cid, fake_pdf)
    with pytest.raises(HoursError, match="withdraw it"):
        street.svc.hours.correct(admin, aid, "wrong", travel_minutes=80)
    certs.withdraw(sup, cid, "服务时长有误")
    assert street.svc.hours.correct(admin, aid, "wrong", travel_minutes=80) == 25


def test_no_certificate_is_issued_with_a_masked_identity_number(
    street: Street, tmp_path: Path
) -> None:
    certs, sup = street.svc.certificates, street.who("supervisor")
    _, cid = listed(street)
    street.clock.advance(timedelta(days=7))
    certs.ctx.keys = tmp_path / "nowhere"  # a PC without the site's key folder
    with pytest.raises(CertificateError, match="identity number"):
        certs.issue(sup, cid, fake_pdf)
    assert certs.certificate(sup, cid).status is CertificateStatus.LISTED
    certs.ctx.keys = street.keys
    issued = certs.issue(sup, cid, fake_pdf)
    assert parse_number(issued.number)[2] == 1  # the number was given back
    assert ID_NUMBER.encode() in certs.archived(sup, cid).pdf


def test_two_deposits_at_once_post_once_or_say_why(street: Street) -> None:
    vid = street.volunteer("孙七")
    street.attend(vid, datetime.fromisoformat("2026-06-10T01:00:00+00:00"), 90)
    sup = street.who("supervisor")
    pcs = [street.svc, services(street.db, street.clock, street.keys, "WS")]
    start = threading.Barrier(2)
    results: list[object] = []

    def pc(svc: Services) -> None:
        start.wait(timeout=10)
        try:
            results.append(len(svc.certificates.deposit_approved(sup, vid)))
        except TimebankError as exc:
            results.append(type(exc))
        except BaseException as exc:  # a raw IntegrityError would land here
            results.append(exc)

    threads = [
        threading.Thread(target=pc, args=(s,), name=f"deposit-pc-{i}") for i, s in enumerate(pcs)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads)
    assert sorted(map(str, results)) in (
        sorted(["0", "1"]),
        sorted(["1", str(TimebankError)]),
    )
    accts = street.svc.certificates.accounts(street.who("admin"))
    assert next(a.balance for a in accts if a.holder_id == vid) == 90

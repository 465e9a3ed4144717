"""ResidentService on SQLite and PostgreSQL: masked lists, audited reveals, key rotation."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.audit import AuditAction
from core.incidents import IncidentState as S
from core.keys import KeyFileError
from core.model import Priority
from core.permissions import PermissionDenied, Principal
from core.personal import PersonalField, Purpose, ResidentFields, mask_id_number, present
from core.population import ResidentSpec, generate_population
from core.site import SiteSpec
from data.audit import iter_audit, verify_audit
from data.context import ServiceContext
from data.db import Database
from data.fieldcrypt import RETIRED_KEYS_FILE, ensure_field_keys, load_field_keys
from data.models import Resident, SiteMeta
from data.residentkeys import rotate_field_keys
from data.seeding import seed_site
from data.services import Services
from data.services.residents import RevealRefused
from tests.helpers.postgres import as_owner
from tests.helpers.seeded_copies import seeded_database
from tests.unit.data.support import cheap_hasher

F = PersonalField
POPULATION = 300
REASON = "核实身份信息"


@dataclass
class Street:
    """The demo site with residents, services on it, and the residents as generated."""

    db: Database
    svc: Services
    keys: Path
    people: dict[str, ResidentSpec]  # by phone (unique in a generated population)

    def who(self, username: str) -> Principal:
        return self.svc.signin.principal(username)

    def person(self, resident_id: int) -> ResidentSpec:
        """The generated resident behind a stored row."""
        with self.db.session() as s:
            phone = s.get_one(Resident, resident_id).phone
        return self.people[phone]

    def first_in(self, community: str) -> int:
        with self.db.session() as s:
            from data.models import Community

            rid = s.scalar(
                select(func.min(Resident.id))
                .join(Community, Resident.community_id == Community.id)
                .where(Community.code == community)
            )
        assert rid is not None
        return int(rid)

    def audit(self, action: AuditAction) -> list[tuple[str, str, str]]:
        with self.db.session() as s:
            return [(r.actor, r.target, r.detail) for r in iter_audit(s) if r.action == action]


def services(db: Database, keys: Path | None) -> Services:
    return Services.build(ServiceContext(db, workstation="CC", keys=keys), hasher=cheap_hasher())


def make_street(
    request: pytest.FixtureRequest,
    site: SiteSpec,
    tmp_path: Path,
    name: str = "street",
    more: Callable[[Database, Path], None] | None = None,
) -> Street:
    """The demo street with POPULATION residents (and what `more` adds as the owner) on the
    backend of `request.param`, seeded once per test process and backend under `name`."""

    def seed(owner: Database, k: Path) -> None:  # the owner's task on PostgreSQL
        seed_site(owner, site, services(owner, k), population=POPULATION)
        if more is not None:
            more(owner, k)

    copy = seeded_database(request, request.param, tmp_path, name, seed)
    db, keys = copy.db, copy.keys
    request.addfinalizer(db.dispose)
    with db.session() as s:
        day = date.fromisoformat(s.get_one(SiteMeta, "population_date").value)
    return Street(db, services(db, keys), keys, _people(site, day))


_generated: dict[tuple[int, date], dict[str, ResidentSpec]] = {}


def _people(site: SiteSpec, day: date) -> dict[str, ResidentSpec]:
    """The residents as generated (deterministic for the site and the day), by phone."""
    key = (id(site), day)
    if key not in _generated:
        _generated[key] = {p.phone: p for p in generate_population(site, POPULATION, today=day)}
    return _generated[key]


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def street(request: pytest.FixtureRequest, demo_site: SiteSpec, tmp_path: Path) -> Street:
    """The demo street on SQLite and on PostgreSQL (the workstation's role)."""
    return make_street(request, demo_site, tmp_path)


# --- lists and search ------------------------------------------------------------------------


def test_the_list_is_masked_and_paged_by_keyset(street: Street) -> None:
    op = street.who("operator")
    seen: list[int] = []
    after = None
    while True:
        page = street.svc.residents.page(op, after=after, limit=70)
        assert page.total == POPULATION
        seen += [r.id for r in page.rows]
        for row in page.rows:
            p = street.person(row.id)
            assert row.name == p.name[0] + "*" * (len(p.name) - 1)
            assert row.id_number == p.id_number[:4] + "*" * 10 + p.id_number[-4:]
            assert row.phone == p.phone[:3] + "****" + p.phone[-4:]
            assert row.birth == f"{p.birth_date.year}-**-**"
            assert row.care is None  # an operator sees that care is needed, not why
            assert row.care_needed == p.care.any()
        if not page.more:
            break
        after = page.rows[-1].id
    assert len(seen) == len(set(seen)) == POPULATION


@pytest.mark.parametrize("username", ["operator", "supervisor", "admin", "ws01"])
def test_list_rows_are_the_browse_card_of_each_role(street: Street, username: str) -> None:
    """The database picks each text column's shown or masked form (by birth year for a
    minor); the result must be exactly what present() shows for browsing."""
    who = street.who(username)
    rows = street.svc.residents.page(who, limit=POPULATION).rows
    assert rows
    minors = 0
    for row in rows:
        p = street.person(row.id)
        fields = ResidentFields(
            name=p.name,
            gender=p.gender,
            birth_year=p.birth_date.year,
            id_number_mask=mask_id_number(p.id_number),
            phone=p.phone,
            address=p.address,
            emergency_contact_name=p.emergency_contact_name,
            emergency_contact_phone=p.emergency_contact_phone,
            emergency_contact_relation=p.emergency_contact_relation,
            lives_alone=p.care.lives_alone,
            dementia=p.care.dementia,
            disability=p.care.disability,
            chronic_illness=p.care.chronic_illness,
        )
        card = present(fields, who.role, Purpose.BROWSE)
        minors += card.minor
        assert row.minor == card.minor
        assert row.name == (card.value(F.NAME) or "")
        assert row.gender == (card.value(F.GENDER) or "")
        assert row.id_number == card.value(F.ID_NUMBER)
        assert row.phone == (card.value(F.PHONE) or "")
        assert row.address == (card.value(F.ADDRESS) or "")
        assert row.birth == (card.value(F.BIRTH_DATE) or "")
        assert row.care_needed == card.value(F.CARE_NEEDED)
        assert p.id_number not in (row.id_number, row.name, row.phone, row.address)
    assert minors  # the minor rule was exercised


def test_a_station_sees_its_own_community_only(street: Street) -> None:
    ws01 = street.who("ws01")
    page = street.svc.residents.page(ws01, limit=POPULATION)
    in_c01 = sum(1 for p in street.people.values() if p.community == "C01")
    assert page.total == len(page.rows) == in_c01 > 0
    assert {r.community for r in page.rows} == {"C01"}
    # Its everyday view: names and care needs of its own residents.
    row = page.rows[0]
    assert row.name == street.person(row.id).name
    assert row.care is not None
    with pytest.raises(PermissionDenied):
        street.svc.residents.page(ws01, community="C02")
    other = street.first_in("C02")
    for purpose, reason in ((Purpose.BROWSE, None), (Purpose.REASON, REASON)):
        with pytest.raises(PermissionDenied):
            street.svc.residents.card(ws01, other, purpose, reason=reason)
    with pytest.raises(PermissionDenied):
        street.svc.residents.access_log(ws01, other)
    denials = street.audit(AuditAction.PERMISSION_DENIED)
    assert [(a, t) for a, t, _d in denials] == [("ws01", "C02")] * 4
    assert street.audit(AuditAction.PII_REVEALED) == []


def test_search_by_name_identity_number_and_phone(street: Street) -> None:
    sup = street.who("supervisor")
    rid = street.first_in("C03")
    p = street.person(rid)
    by_name = street.svc.residents.page(sup, query=p.name[:2], limit=POPULATION)
    assert rid in {r.id for r in by_name.rows}
    assert all(street.person(r.id).name.find(p.name[:2]) >= 0 for r in by_name.rows)
    # The identity number through the keyed index, as typed (a lower-case x too).
    typed = p.id_number.lower() if p.id_number.endswith("X") else p.id_number
    by_id = street.svc.residents.page(sup, query=f" {typed} ")
    assert [r.id for r in by_id.rows] == [rid]
    assert by_id.rows[0].id_number != p.id_number  # found, still masked
    assert [r.id for r in street.svc.residents.page(sup, query=p.phone).rows] == [rid]
    assert street.svc.residents.page(sup, query="120106190001011234").total == 0
    # A station does not find a resident of another community, even by number.
    assert street.svc.residents.page(street.who("ws01"), query=p.id_number).total == 0
    # Wildcards typed into the box are text, not patterns.
    assert street.svc.residents.page(sup, query="%").total == 0


# --- reveals ---------------------------------------------------------------------------------


def test_a_reveal_without_a_reason_is_refused_and_audited(street: Street) -> None:
    sup = street.who("supervisor")
    rid = street.first_in("C01")
    for reason in (None, "", "  看 "):
        with pytest.raises(RevealRefused, match="reason"):
            street.svc.residents.card(sup, rid, Purpose.REASON, reason=reason)
    refused = street.audit(AuditAction.PII_REVEAL_REFUSED)
    assert len(refused) == 3
    actor, target, detail = refused[0]
    assert (actor, target) == ("supervisor", f"resident:{rid}")
    doc = json.loads(detail)
    assert doc["purpose"] == "reason"
    assert doc["fields"] == []
    assert "reason" in doc["refused"]
    assert doc["code"] == "reason"
    assert street.audit(AuditAction.PII_REVEALED) == []


def test_a_reveal_with_a_reason_is_audited_with_its_fields(street: Street) -> None:
    sup = street.who("supervisor")
    rid = street.first_in("C01")
    p = street.person(rid)
    browse = street.svc.residents.card(sup, rid)
    assert browse.presentation.value(F.ID_NUMBER) == p.id_number[:4] + "*" * 10 + p.id_number[-4:]
    assert street.audit(AuditAction.PII_REVEALED) == []  # the masked card is no reveal
    card = street.svc.residents.card(sup, rid, Purpose.REASON, reason=REASON)
    assert card.key_problem is None
    assert card.presentation.value(F.ID_NUMBER) == p.id_number
    assert card.presentation.value(F.BIRTH_DATE) == p.birth_date.isoformat()
    assert card.presentation.value(F.PHONE) == p.phone
    assert card.presentation.value(F.LIVES_ALONE) is p.care.lives_alone
    [(actor, target, detail)] = street.audit(AuditAction.PII_REVEALED)
    assert (actor, target) == ("supervisor", f"resident:{rid}")
    doc = json.loads(detail)
    assert doc["purpose"] == "reason"
    assert doc["reason"] == REASON
    assert {"id_number", "birth_date", "phone", "address", "name"} <= set(doc["fields"])
    assert doc["fields"] == sorted(f.value for f in card.presentation.revealed)
    # The audit row says which fields, never their values.
    for value in (p.id_number, p.phone, p.address, p.birth_date.isoformat()):
        assert value not in detail


def test_a_reason_opens_nothing_for_an_operator(street: Street) -> None:
    with pytest.raises(PermissionDenied):
        street.svc.residents.card(
            street.who("operator"), street.first_in("C01"), Purpose.REASON, reason=REASON
        )
    [(actor, _target, detail)] = street.audit(AuditAction.PERMISSION_DENIED)
    assert (actor, detail) == ("operator", "view_resident_pii")


def test_an_incident_the_user_may_handle_opens_the_card(street: Street) -> None:
    op, ws01 = street.who("operator"), street.who("ws01")
    rid = street.first_in("C01")
    p = street.person(rid)
    incidents = street.svc.incidents
    here = incidents.create(op, title="独居老人未出门", priority=Priority.P2, community="C01")
    there = incidents.create(op, title="楼道堆物", priority=Priority.P4, community="C02")
    card = street.svc.residents.card(op, rid, Purpose.INCIDENT, incident_id=here)
    assert card.presentation.value(F.ID_NUMBER) == p.id_number
    assert card.incident_id == here
    [(_a, _t, detail)] = street.audit(AuditAction.PII_REVEALED)
    assert json.loads(detail)["incident"] == here
    refusals = {
        None: "incident number is required",
        999_999: "no incident 999999",
    }
    for incident_id, why in refusals.items():
        with pytest.raises(RevealRefused, match=why):
            street.svc.residents.card(op, rid, Purpose.INCIDENT, incident_id=incident_id)
    # A closed incident is no longer being handled.
    closed = incidents.create(op, title="走失老人已找回", priority=Priority.P3, community="C01")
    for step in (S.ACKNOWLEDGED, S.DISPATCHED, S.ON_SCENE):
        incidents.transition(op, closed, step)
    incidents.transition(op, closed, S.RESOLVED, "已找回并送回家中")
    incidents.transition(street.who("supervisor"), closed, S.CLOSED, "复核无误")
    with pytest.raises(RevealRefused, match="closed") as refused:
        street.svc.residents.card(op, rid, Purpose.INCIDENT, incident_id=closed)
    assert refused.value.code == "incident_closed"
    # A station handles its own community's incidents only.
    with pytest.raises(RevealRefused, match="may handle") as refused:
        street.svc.residents.card(ws01, rid, Purpose.INCIDENT, incident_id=there)
    assert refused.value.code == "incident_scope"
    notes = [json.loads(d)["refused"] for _a, _t, d in street.audit(AuditAction.PII_REVEAL_REFUSED)]
    assert len(notes) == 4
    assert "may handle" in notes[-1]


def test_who_looked_comes_from_the_audit_log(street: Street) -> None:
    sup, op = street.who("supervisor"), street.who("operator")
    rid = street.first_in("C01")
    with pytest.raises(RevealRefused):
        street.svc.residents.card(sup, rid, Purpose.REASON, reason="")
    street.svc.residents.card(sup, rid, Purpose.REASON, reason=REASON)
    street.svc.residents.card(street.who("admin"), street.first_in("C02"), "reason", REASON)
    entries = street.svc.residents.access_log(sup, rid)
    assert [(e.actor, e.refused, e.purpose) for e in entries] == [
        ("supervisor", False, "reason"),
        ("supervisor", True, "reason"),
    ]
    assert entries[0].reason == REASON
    assert "id_number" in entries[0].fields
    assert entries[1].note
    assert entries[1].code == "reason"
    # Who looked is everyone's to know; others' typed reasons are not an operator's.
    assert [e.reason for e in street.svc.residents.access_log(op, rid)] == ["", ""]
    with street.db.session() as s:
        assert verify_audit(s).ok


# --- keys --------------------------------------------------------------------------------------


def test_a_missing_key_masks_the_number_says_why_and_loses_nothing(
    street: Street, tmp_path: Path, demo_site: SiteSpec
) -> None:
    sup = street.who("supervisor")
    rid = street.first_in("C01")
    p = street.person(rid)
    keyless = services(street.db, tmp_path / "elsewhere")
    card = keyless.residents.card(sup, rid, Purpose.REASON, reason=REASON)
    assert card.key_problem is not None
    assert "missing on this workstation" in card.key_problem
    assert "field-keys.json" in card.key_problem
    assert card.presentation.value(F.ID_NUMBER) == p.id_number[:4] + "*" * 10 + p.id_number[-4:]
    assert card.presentation.value(F.PHONE) == p.phone  # what needs no key is shown
    assert {F.ID_NUMBER, F.BIRTH_DATE} == card.presentation.unavailable
    [(_a, _t, detail)] = street.audit(AuditAction.PII_REVEALED)
    assert "id_number" not in json.loads(detail)["fields"]
    with pytest.raises(KeyFileError, match="missing"):
        keyless.residents.page(sup, query=p.id_number)
    with as_owner(street.db) as owner, pytest.raises(KeyFileError):
        seed_site(owner, demo_site, services(owner, tmp_path / "elsewhere"), population=400)
    # Nothing was lost or changed: the right keys still read every value.
    assert street.svc.residents.page(sup).total == POPULATION
    again = street.svc.residents.card(sup, rid, Purpose.REASON, reason=REASON)
    assert again.presentation.value(F.ID_NUMBER) == p.id_number


def test_another_sites_keys_are_refused(
    street: Street, tmp_path: Path, demo_site: SiteSpec
) -> None:
    other = tmp_path / "other-keys"
    ensure_field_keys(other)
    with as_owner(street.db) as owner, pytest.raises(KeyFileError, match="not this database"):
        seed_site(owner, demo_site, services(owner, other), population=POPULATION + 10)
    card = services(street.db, other).residents.card(
        street.who("supervisor"), street.first_in("C01"), Purpose.REASON, reason=REASON
    )
    assert card.presentation.unavailable  # another site's key decrypts nothing here
    assert street.svc.residents.page(street.who("supervisor")).total == POPULATION


def test_rotation_re_encrypts_every_row_and_resumes_when_interrupted(street: Street) -> None:
    sup = street.who("supervisor")
    ids = [street.first_in(c) for c in ("C01", "C02", "C03")]

    class Stop(Exception):
        pass

    def stop_after_first_batch(done: int, total: int) -> None:
        assert total == POPULATION
        raise Stop

    def stored_key_ids() -> set[str]:
        with street.db.session() as s:
            return {t.partition(":")[0] for t in s.scalars(select(Resident.id_number_enc))}

    def reveal_all() -> None:
        for rid in ids:
            card = street.svc.residents.card(sup, rid, Purpose.REASON, reason=REASON)
            assert card.presentation.value(F.ID_NUMBER) == street.person(rid).id_number

    with as_owner(street.db) as owner:  # rewriting residents is the owner's task
        ctx = services(owner, street.keys).ctx
        with pytest.raises(Stop):
            rotate_field_keys(ctx, "cli", batch=100, progress=stop_after_first_batch)
        # Interrupted: both keys in the file, rows under both, every row still readable.
        keys = load_field_keys(street.keys)
        assert (keys.current, keys.retiring) == ("k2", ["k1"])
        assert stored_key_ids() == {"k1", "k2"}
        reveal_all()
        report = rotate_field_keys(ctx, "cli", batch=100)
    assert report.resumed
    assert report.new_key == "k2"
    assert report.rows == POPULATION - 100
    assert stored_key_ids() == {"k2"}
    keys = load_field_keys(street.keys)
    assert set(keys.keys) == {"k2"}
    assert keys.retiring == []
    assert (street.keys / RETIRED_KEYS_FILE).exists()
    reveal_all()
    # The index key does not rotate: lookups by number still work.
    p = street.person(ids[0])
    assert [r.id for r in street.svc.residents.page(sup, query=p.id_number).rows] == [ids[0]]
    rotated = [d for _a, _t, d in street.audit(AuditAction.FIELD_KEYS_ROTATED)]
    assert rotated[0].startswith("started: new key k2")
    assert rotated[-1].startswith(f"done: {POPULATION - 100} residents under k2")
    with street.db.session() as s:
        assert verify_audit(s).ok


def test_no_identity_number_or_birth_date_in_the_database_file(
    sqlite_db: Database, demo_site: SiteSpec, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    ensure_field_keys(keys)
    svc = services(sqlite_db, keys)
    seed_site(sqlite_db, demo_site, svc, population=POPULATION)
    with sqlite_db.session() as s:
        day = date.fromisoformat(s.get_one(SiteMeta, "population_date").value)
    people = list(generate_population(demo_site, POPULATION, today=day))
    sup = svc.signin.principal("supervisor")
    for rid in (1, 2, 3):  # reveals leave audit rows: they must not carry values either
        svc.residents.card(sup, rid, Purpose.REASON, reason=REASON)
    path = sqlite_db.file_path
    assert path is not None
    data = b"".join(
        f.read_bytes() for f in (path, path.with_name(path.name + "-wal")) if f.exists()
    )
    assert len(data) > 100_000
    assert people[0].phone.encode() in data  # the test reads the right bytes
    # A masked number starts with the region code, 1201 for Tianjin; on 1 December the hex
    # digits of a hash stored just before it can spell a birth date ("…1947" + "1201**…").
    # The masked numbers go, each one's place kept by a byte that is no digit.
    unmasked = re.sub(rb"[0-9]{4}\*{10}[0-9X]{4}", b"#", data)
    assert len(unmasked) < len(data), "the masked numbers were found"
    for person in people:
        assert person.id_number.encode() not in data
        assert person.id_number[6:14].encode() not in unmasked  # the birth date inside it
        if person.birth_date.year < day.year - 4:  # consent dates are plain, and recent
            assert person.birth_date.isoformat().encode() not in data

"""A resident's rights on SQLite and PostgreSQL: the export, anonymisation, legal holds."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from core.audit import AuditAction
from core.consent import ConsentMethod, ConsentMissing, ConsentPurpose
from core.permissions import PermissionDenied
from core.personal import Purpose
from core.rights import ANON_NAME
from data.models import Resident
from data.services.rights import RightsRefused
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import REASON, Street

street = test_residents.street  # the demo street with residents, on both backends
TODAY = date(2026, 11, 25)


def test_the_export_holds_the_decrypted_record_consents_and_who_looked(street: Street) -> None:
    sup = street.who("supervisor")
    rid = street.first_in("C01")
    person = street.person(rid)
    street.svc.residents.card(sup, rid, Purpose.REASON, reason=REASON)  # a look, recorded
    street.svc.consent.record(
        sup, rid, ConsentPurpose.SURVEYS, ConsentMethod.VERBAL, TODAY, witness="李红",
        today=TODAY,
    )  # fmt: skip
    out = street.svc.residents.export_person(sup, rid, "本人申请查阅（PIPL 第45条）")
    doc = json.loads(out.json_text)
    res = doc["resident"]
    assert res["id_number"] == person.id_number
    assert res["birth_date"] == person.birth_date.isoformat()
    assert (res["name"], res["phone"], res["address"]) == (
        person.name,
        person.phone,
        person.address,
    )
    assert "surveys" in {c["purpose"] for c in doc["consents"]}
    assert {"pii_revealed", "consent_recorded"} <= {a["action"] for a in doc["access_log"]}
    assert doc["incidents"] is None
    assert doc["incidents_note"]
    assert person.id_number in out.summary
    assert "Consents" in out.summary
    assert "surveys: verbal, witness 李红" in out.summary
    exported = street.audit(AuditAction.PERSONAL_DATA_EXPORTED)
    assert len(exported) == 1
    actor, tgt, detail = exported[0]
    assert (actor, tgt) == ("supervisor", f"resident:{rid}")
    assert json.loads(detail)["reason"] == "本人申请查阅（PIPL 第45条）"
    assert person.id_number not in detail


def test_an_export_needs_a_reason_and_the_permission(street: Street) -> None:
    rid = street.first_in("C01")
    for reason in (None, "", "看"):
        with pytest.raises(RightsRefused) as info:
            street.svc.residents.export_person(street.who("supervisor"), rid, reason)
        assert info.value.code == "reason"
    with pytest.raises(PermissionDenied):
        street.svc.residents.export_person(street.who("operator"), rid, REASON)
    with pytest.raises(PermissionDenied):
        street.svc.residents.export_person(street.who("ws01"), street.first_in("C02"), REASON)
    assert street.audit(AuditAction.PERSONAL_DATA_EXPORTED) == []


def test_anonymisation_replaces_every_identifying_field(street: Street) -> None:
    admin = street.who("admin")
    rid = street.first_in("C01")
    person = street.person(rid)
    with street.db.session() as s:
        before = s.get_one(Resident, rid)
        kept = (
            before.community_id, before.birth_year, before.gender, before.lives_alone,
            before.dementia, before.disability, before.chronic_illness,
        )  # fmt: skip
    street.svc.consent.record(
        admin, rid, ConsentPurpose.JOBS, ConsentMethod.WRITTEN, TODAY, today=TODAY
    )
    withdrawn = street.svc.residents.anonymise_person(admin, rid, "本人申请删除（PIPL 第47条）")
    assert withdrawn >= 1
    with street.db.session() as s:
        res = s.get_one(Resident, rid)
        assert res.name == res.name_mask == ANON_NAME
        assert res.id_number_enc == res.birth_date_enc == ""
        assert res.id_number_hmac is None
        for value in (
            res.id_number_mask, res.phone, res.phone_mask, res.address, res.address_mask,
            res.emergency_contact_name, res.emergency_contact_phone,
            res.emergency_contact_relation,
        ):  # fmt: skip
            assert value == ""
        assert res.anonymised_at is not None
        assert (
            res.community_id, res.birth_year, res.gender, res.lives_alone, res.dementia,
            res.disability, res.chronic_illness,
        ) == kept  # fmt: skip
        row_text = " ".join(str(getattr(res, c.key)) for c in Resident.__table__.c)
    for secret in (person.name, person.id_number, person.phone, person.birth_date.isoformat()):
        assert secret not in row_text
    # Every consent is withdrawn: processing stops for every purpose.
    assert not any(s.given for s in street.svc.consent.current(admin, rid))
    with pytest.raises(ConsentMissing):
        street.svc.consent.require(rid, ConsentPurpose.TRACKING)
    # The card still opens, anonymised, and decrypts nothing.
    card = street.svc.residents.card(admin, rid, Purpose.REASON, reason=REASON)
    assert card.anonymised
    assert card.key_problem is None
    # The audit rows stay, naming the resident by id only.
    done = street.audit(AuditAction.PERSONAL_DATA_ANONYMISED)
    assert [(a, t) for a, t, _d in done] == [("admin", f"resident:{rid}")]
    with street.db.session() as s:
        from data.audit import iter_audit

        for r in iter_audit(s):
            assert person.name not in r.detail
            assert person.id_number not in r.detail
    # Not twice.
    with pytest.raises(RightsRefused) as info:
        street.svc.residents.anonymise_person(admin, rid, "再次申请删除")
    assert info.value.code == "anonymised"


def test_anonymisation_is_for_administrators_and_refused_under_a_hold(street: Street) -> None:
    rid = street.first_in("C01")
    for username in ("supervisor", "ws01", "operator"):
        with pytest.raises(PermissionDenied):
            street.svc.residents.anonymise_person(street.who(username), rid, "本人申请删除")
    admin = street.who("admin")
    with pytest.raises(PermissionDenied):
        street.svc.residents.set_legal_hold(street.who("supervisor"), rid, True, "诉讼保全")
    street.svc.residents.set_legal_hold(admin, rid, True, "法院调取通知")
    with pytest.raises(RightsRefused) as info:
        street.svc.residents.anonymise_person(admin, rid, "本人申请删除")
    assert info.value.code == "legal_hold"
    with street.db.session() as s:
        assert s.scalar(select(Resident.name).where(Resident.id == rid)) != ANON_NAME
    refused = street.audit(AuditAction.ANONYMISE_REFUSED)
    assert [(a, t, json.loads(d)["code"]) for a, t, d in refused] == [
        ("admin", f"resident:{rid}", "legal_hold")
    ]
    assert [t for _a, t, _d in street.audit(AuditAction.LEGAL_HOLD_CHANGED)] == [f"resident:{rid}"]
    street.svc.residents.set_legal_hold(admin, rid, False, "保全解除")
    street.svc.residents.anonymise_person(admin, rid, "本人申请删除")
    assert street.audit(AuditAction.PERSONAL_DATA_ANONYMISED)


def test_the_sqlite_file_keeps_no_trace_of_an_anonymised_person(street: Street) -> None:
    """The old name and number are gone from the file's bytes after a checkpoint."""
    path = street.db.file_path
    if path is None:
        pytest.skip("a PostgreSQL server's files are not ours to read")
    rid = street.first_in("C02")
    person = street.person(rid)
    # A name shared with another resident would stay, rightly: take this person's number
    # and phone, which are theirs alone, and the name only when nobody else has it.
    with street.db.session() as s:
        shared_name = (
            s.scalar(select(Resident.id).where(Resident.name == person.name, Resident.id != rid))
            is not None
        )

    def file_bytes() -> bytes:
        street.db.dispose()  # every connection closed: the WAL is folded into the file
        data = path.read_bytes()
        wal = path.with_name(path.name + "-wal")
        return data + (wal.read_bytes() if wal.exists() else b"")

    assert person.phone.encode() in file_bytes()  # the check below can see a phone
    street.svc.residents.anonymise_person(street.who("admin"), rid, "本人申请删除")
    data = file_bytes()
    assert person.phone.encode() not in data
    if not shared_name:
        assert person.name.encode() not in data
    # The identity number is stored only encrypted and as a keyed hash; its mask is gone.
    assert person.id_number.encode() not in data
    assert (person.id_number[:4] + "*" * 10 + person.id_number[-4:]).encode() not in data

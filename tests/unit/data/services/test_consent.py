"""ConsentService on SQLite and PostgreSQL: per-purpose history, the guard, scope, migration."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import func, select, text

from core.audit import AuditAction
from core.consent import ConsentInvalid, ConsentMethod, ConsentMissing, ConsentPurpose
from core.permissions import PermissionDenied
from core.site import SiteSpec
from data.migrate import alembic_config
from data.models import Community, Consent, Resident
from tests.helpers.oldschema import seed_communities
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import Street
from tests.unit.data.test_resident_migration import at_revision

P, M = ConsentPurpose, ConsentMethod
street = test_residents.street  # the demo street with residents, on both backends
TODAY = date(2026, 11, 25)


def _resident(st: Street, community: str | None, *, dementia: bool, young: bool = False) -> int:
    """A resident (of `community`, else any) with or without dementia, adult unless `young`."""
    with st.db.session() as s:
        rid = s.scalar(
            select(func.min(Resident.id))
            .join(Community, Resident.community_id == Community.id)
            .where(
                Community.code == community if community else Community.code.is_not(None),
                Resident.dementia.is_(dementia),
                (Resident.birth_year >= TODAY.year - 17)
                if young
                else (Resident.birth_year < TODAY.year - 19),
            )
        )
    assert rid is not None
    return int(rid)


def test_methods_and_their_required_fields_are_enforced(street: Street) -> None:
    ws = street.who("ws01")
    rid = _resident(street, "C01", dementia=False)
    consent = street.svc.consent
    with pytest.raises(ConsentInvalid) as info:
        consent.record(ws, rid, P.SURVEYS, M.VERBAL, TODAY, today=TODAY)
    assert info.value.code == "witness"
    rec = consent.record(ws, rid, P.SURVEYS, M.VERBAL, TODAY, witness="李红", today=TODAY)
    assert (rec.method, rec.witness, rec.recorded_by) == (M.VERBAL, "李红", "ws01")
    assert rec.in_force
    with pytest.raises(ConsentInvalid) as info:
        consent.record(ws, rid, P.SURVEYS, M.WRITTEN, TODAY, today=TODAY)
    assert info.value.code == "already_given"
    with pytest.raises(ConsentInvalid) as info:
        consent.record(
            ws, rid, P.JOBS, M.WRITTEN, TODAY + timedelta(days=1), today=TODAY
        )  # fmt: skip
    assert info.value.code == "date"
    recorded = street.audit(AuditAction.CONSENT_RECORDED)
    assert len(recorded) == 1
    actor, tgt, detail = recorded[0]
    assert (actor, tgt) == ("ws01", f"resident:{rid}")
    assert json.loads(detail) == {"purpose": "surveys", "method": "verbal", "consent": rec.id}


def test_dementia_needs_the_guardian(street: Street) -> None:
    sup = street.who("supervisor")
    rid = _resident(street, None, dementia=True)
    consent = street.svc.consent
    for method in (M.WRITTEN, M.VERBAL):
        with pytest.raises(ConsentInvalid) as info:
            consent.record(sup, rid, P.SCREENING, method, TODAY, witness="李红", today=TODAY)
        assert info.value.code == "method"
    with pytest.raises(ConsentInvalid) as info:
        consent.record(sup, rid, P.SCREENING, M.GUARDIAN, TODAY, guardian_name="王芳", today=TODAY)
    assert info.value.code == "guardian_relation"
    rec = consent.record(
        sup, rid, P.SCREENING, M.GUARDIAN, TODAY,
        guardian_name="王芳", guardian_relation="女儿", today=TODAY,
    )  # fmt: skip
    assert (rec.guardian_name, rec.guardian_relation) == ("王芳", "女儿")


def test_history_is_kept_and_a_withdrawal_stops_processing_at_once(street: Street) -> None:
    ws = street.who("ws01")
    rid = _resident(street, "C01", dementia=False)
    consent = street.svc.consent
    with pytest.raises(ConsentMissing):
        consent.require(rid, P.SCREENING, actor=ws)
    first = consent.record(ws, rid, P.SCREENING, M.WRITTEN, TODAY, today=TODAY)
    consent.require(rid, P.SCREENING, actor=ws)  # in force: processing may go on
    with pytest.raises(ConsentInvalid) as info:
        consent.withdraw(ws, rid, P.SCREENING, "no")
    assert info.value.code == "reason"
    consent.require(rid, P.SCREENING, actor=ws)  # a refused withdrawal changed nothing
    closed = consent.withdraw(ws, rid, P.SCREENING, "本人电话撤回")
    with pytest.raises(ConsentMissing) as missing:
        consent.require(rid, P.SCREENING, actor=ws)
    assert missing.value.purpose is P.SCREENING
    assert closed.id == first.id
    assert not closed.in_force
    assert (closed.withdrawn_by, closed.withdrawal_reason) == ("ws01", "本人电话撤回")
    with pytest.raises(ConsentInvalid) as info:
        consent.withdraw(ws, rid, P.SCREENING, "本人电话撤回")
    assert info.value.code == "not_given"
    again = consent.record(ws, rid, P.SCREENING, M.WRITTEN, TODAY, today=TODAY)
    history = consent.history(ws, rid)
    assert [(r.id, r.in_force) for r in history] == [(first.id, False), (again.id, True)]
    assert history[0].withdrawal_reason == "本人电话撤回"  # the closed row is kept as it was
    states = {s.purpose: s for s in consent.current(ws, rid)}
    assert states[P.SCREENING].given
    assert not states[P.VIDEO].given
    # The withdrawal and both refusals of processing are in the audit log, by id only.
    withdrawn = street.audit(AuditAction.CONSENT_WITHDRAWN)
    assert [(a, t) for a, t, _d in withdrawn] == [("ws01", f"resident:{rid}")]
    assert json.loads(withdrawn[0][2])["reason"] == "本人电话撤回"
    refused = street.audit(AuditAction.CONSENT_MISSING)
    assert [(a, t, json.loads(d)) for a, t, d in refused] == [
        ("ws01", f"resident:{rid}", {"purpose": "screening"})
    ] * 2


def test_a_station_may_not_touch_another_communitys_residents(street: Street) -> None:
    ws = street.who("ws01")
    other = _resident(street, "C02", dementia=False)
    consent = street.svc.consent
    with pytest.raises(PermissionDenied):
        consent.record(ws, other, P.JOBS, M.WRITTEN, TODAY, today=TODAY)
    with pytest.raises(PermissionDenied):
        consent.history(ws, other)
    street.svc.consent.record(
        street.who("supervisor"), other, P.JOBS, M.WRITTEN, TODAY, today=TODAY
    )
    with pytest.raises(PermissionDenied):
        consent.withdraw(ws, other, P.JOBS, "本人要求撤回")
    consent.require(other, P.JOBS)  # the supervisor's consent stands
    denials = street.audit(AuditAction.PERMISSION_DENIED)
    assert [(a, t) for a, t, _d in denials] == [("ws01", "C02")] * 3


def test_an_operator_reads_states_but_records_nothing(street: Street) -> None:
    op = street.who("operator")
    rid = _resident(street, "C01", dementia=False)
    street.svc.consent.record(street.who("supervisor"), rid, P.VIDEO, M.WRITTEN, TODAY, today=TODAY)
    given = {s.purpose for s in street.svc.consent.current(op, rid) if s.given}
    assert given == {P.VIDEO}
    with pytest.raises(PermissionDenied):
        street.svc.consent.withdraw(op, rid, P.VIDEO, "本人要求撤回")
    street.svc.consent.require(rid, P.VIDEO)


def test_migration_0007_moves_the_old_consents_to_tracking(
    db_url: str, demo_site: SiteSpec, tmp_path: Path
) -> None:
    """The old resident.consent_* columns become tracking consents with the method kept."""
    old = at_revision(db_url, "0006")
    with old.session() as s:
        seed_communities(s, demo_site)
    rows = [
        ("书面", date(2025, 3, 1), True),
        ("电话", date(2025, 4, 2), True),
        (None, None, False),
    ]
    with old.engine.begin() as conn:
        cid = conn.execute(text("SELECT min(id) FROM community")).scalar()
        for i, (method, day, given) in enumerate(rows):
            conn.execute(
                text(
                    "INSERT INTO resident (community_id, name, gender, birth_year, "
                    "birth_date_enc, id_number_enc, id_number_hmac, id_number_mask, name_mask, "
                    "phone_mask, address_mask, address, phone, lives_alone, dementia, "
                    "disability, chronic_illness, emergency_contact_name, "
                    "emergency_contact_phone, emergency_contact_relation, consent_given, "
                    "consent_date, consent_method, created_at, updated_at) VALUES (:c, '某', "
                    "'F', 1940, 'x', 'x', :h, 'm', 'm', 'm', 'm', 'a', :p, false, false, false, "
                    "false, '', '', '', :g, :d, :m, :t, :t)"
                ),
                {
                    "c": cid, "h": f"h{i}", "p": f"1380000000{i}", "g": given, "d": day,
                    "m": method, "t": "2026-11-25 08:00:00",
                },
            )  # fmt: skip
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007")
    with old.session() as s:
        got = s.execute(
            select(Consent.purpose, Consent.method, Consent.given_on, Consent.note)
            .join(Resident, Consent.resident_id == Resident.id)
            .order_by(Resident.phone)
        ).all()
        assert s.scalar(
            select(func.count()).select_from(Consent).where(Consent.community_id == cid)
        )
    old.dispose()
    assert [tuple(r) for r in got] == [
        ("tracking", "written", date(2025, 3, 1), ""),
        ("tracking", "legacy", date(2025, 4, 2), "migrated: 电话"),
    ]


def test_migration_0007_goes_down_with_the_tracking_consent_in_force(
    db_url: str, demo_site: SiteSpec, tmp_path: Path
) -> None:
    """Downgrading restores the old flag from the tracking consent in force, even for an
    anonymised resident (whose number index the old schema needs)."""
    db = at_revision(db_url, "0007")
    with db.session() as s:
        seed_communities(s, demo_site)
    with db.engine.begin() as conn:
        cid = conn.execute(text("SELECT min(id) FROM community")).scalar()
        for i in range(2):
            conn.execute(
                text(
                    "INSERT INTO resident (community_id, name, gender, birth_year, "
                    "birth_date_enc, id_number_enc, id_number_hmac, id_number_mask, name_mask, "
                    "phone_mask, address_mask, address, phone, lives_alone, dementia, "
                    "disability, chronic_illness, emergency_contact_name, "
                    "emergency_contact_phone, emergency_contact_relation, legal_hold, "
                    "created_at, updated_at) VALUES (:c, '某', 'F', 1940, '', '', :h, '', 'm', "
                    "'m', 'm', 'a', :p, false, false, false, false, '', '', '', false, :t, :t)"
                ),
                {"c": cid, "h": None if i else "h0", "p": f"p{i}", "t": "2026-11-25 08:00:00"},
            )
        rid = conn.execute(text("SELECT min(id) FROM resident")).scalar()
        conn.execute(
            text(
                "INSERT INTO consent (resident_id, community_id, purpose, method, given_on, "
                "witness_name, guardian_name, guardian_relation, note, recorded_by, "
                "recorded_at) VALUES (:r, :c, 'tracking', 'legacy', '2025-04-02', '', '', '', "
                "'migrated: 电话', 'ws01', '2026-11-25 08:00:00')"
            ),
            {"r": rid, "c": cid},
        )
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    with db.engine.connect() as conn:
        got = conn.execute(
            text("SELECT consent_given, consent_method FROM resident ORDER BY id")
        ).all()
        assert "consent" not in _tables(conn)
    db.dispose()
    assert [(bool(g), m) for g, m in got] == [(True, "电话"), (False, None)]


def _tables(conn: Any) -> set[str]:
    from sqlalchemy import inspect

    return set(inspect(conn).get_table_names())

"""A resident's rights carried out: export of their data, anonymisation on request, legal holds."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from core.audit import AuditAction
from core.permissions import Permission, Principal
from core.personal import reason_problem
from core.rights import ANON_NAME, ANON_TEXT, NO_INCIDENT_LINK, PersonExport
from core.text import clean_line
from core.timefmt import as_utc
from data.context import Actor, WriteTx, actor_name
from data.models import AuditLog, Consent
from data.services.consent import as_record, withdraw_all_in

if TYPE_CHECKING:
    from data.services.residents import ResidentService

log = logging.getLogger(__name__)

ANONYMISED_WITHDRAWAL = "personal data anonymised on request"


class RightsRefused(ValueError):
    """An export or anonymisation refused; `code`: "reason", "legal_hold", "anonymised"."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def _detail(**doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _reason(reason: str | None) -> str:
    text = clean_line(reason or "")
    problem = reason_problem(text)
    if problem is not None:
        raise RightsRefused(problem, "reason")
    return text[:200]


def _check(svc: ResidentService, tx: WriteTx, permission: Permission, code: str) -> None:
    svc.ctx.check(tx, permission, code)


def export_person(
    svc: ResidentService, who: Actor, resident_id: int, reason: str | None
) -> PersonExport:
    """Everything the database holds about one person (PIPL Art. 45), audited.

    A user needs VIEW_RESIDENT_PII in the resident's community; a local tool (the file's
    owner, named as a string) acts as the owner of the data. No reason, no export: the
    refusal is raised before anything is read.
    """
    from data.services.residents import (
        BIRTH_DATE_COLUMN,
        ID_NUMBER_COLUMN,
        ResidentService,
        target,
    )

    why = _reason(reason)
    with svc.ctx.write(who, Permission.VIEW_RESIDENT_PII) as tx:
        s = tx.session
        res, code, cname = ResidentService._resident(s, resident_id)
        _check(svc, tx, Permission.VIEW_RESIDENT_PII, code)
        number = birth = None
        if res.anonymised_at is None:
            keys = svc._field_keys(s)
            number = keys.decrypt(res.id_number_enc, ID_NUMBER_COLUMN)
            birth = keys.decrypt(res.birth_date_enc, BIRTH_DATE_COLUMN)
        resident = {
            "id": res.id,
            "community": code,
            "community_name": cname,
            "name": res.name,
            "gender": res.gender,
            "birth_year": res.birth_year,
            "birth_date": birth,
            "id_number": number,
            "phone": res.phone,
            "address": res.address,
            "emergency_contact_name": res.emergency_contact_name,
            "emergency_contact_phone": res.emergency_contact_phone,
            "emergency_contact_relation": res.emergency_contact_relation,
            "lives_alone": res.lives_alone,
            "dementia": res.dementia,
            "disability": res.disability,
            "chronic_illness": res.chronic_illness,
            "legal_hold": res.legal_hold,
            "anonymised_at": _iso(res.anonymised_at),
            "created_at": _iso(res.created_at),
            "updated_at": _iso(res.updated_at),
        }
        consents = [
            {k: _iso(v) for k, v in _record_dict(as_record(c)).items()}
            for c in s.scalars(
                select(Consent)
                .where(Consent.resident_id == resident_id)
                .order_by(Consent.recorded_at, Consent.id)
            )
        ]
        access = [
            _access(ts, actor, ws, action, detail)
            for ts, actor, ws, action, detail in s.execute(
                select(
                    AuditLog.ts,
                    AuditLog.actor,
                    AuditLog.workstation,
                    AuditLog.action,
                    AuditLog.detail,
                )
                .where(AuditLog.target == target(resident_id))
                .order_by(AuditLog.id)
            )
        ]
        doc: dict[str, Any] = {
            "format": "street-command-console/person-export/1",
            "exported_at": as_utc(tx.now).isoformat(timespec="seconds"),
            "exported_by": actor_name(tx.actor),
            "reason": why,
            "resident": resident,
            "consents": consents,
            "access_log": access,
            "incidents": None,
            "incidents_note": NO_INCIDENT_LINK,
        }
        tx.audit(
            AuditAction.PERSONAL_DATA_EXPORTED,
            target=target(resident_id),
            detail=_detail(reason=why, consents=len(consents), access_rows=len(access)),
        )
    return PersonExport(resident_id, doc)


def _record_dict(r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "purpose": r.purpose.value,
        "method": r.method.value,
        "given_on": r.given_on,
        "witness": r.witness,
        "guardian_name": r.guardian_name,
        "guardian_relation": r.guardian_relation,
        "note": r.note,
        "recorded_by": r.recorded_by,
        "recorded_at": r.recorded_at,
        "withdrawn_at": r.withdrawn_at,
        "withdrawn_by": r.withdrawn_by,
        "withdrawal_reason": r.withdrawal_reason,
    }


def _access(ts: Any, actor: str, ws: str, action: str, detail: str) -> dict[str, Any]:
    """An audit row about the person: who, when, what and for which purpose. Reasons typed
    by staff are left out: they may name other people."""
    try:
        doc = json.loads(detail) if detail else {}
    except ValueError:
        doc = {}
    if not isinstance(doc, dict):
        doc = {}
    return {
        "ts": as_utc(ts).isoformat(timespec="seconds"),
        "actor": actor,
        "workstation": ws,
        "action": action,
        "purpose": str(doc.get("purpose", "")),
        "fields": [str(f) for f in doc.get("fields", ())],
    }


def anonymise_person(svc: ResidentService, who: Principal, resident_id: int, reason: str) -> int:
    """Replace what identifies the person (PIPL Art. 47); returns the consents withdrawn.

    Name, identity number (ciphertext, index and mask), birth date (the year stays), phone,
    address and emergency contact are replaced; community, gender, birth year and care flags
    stay for statistics; every consent is withdrawn; the audit rows stay (they name the
    resident by id only). Administrators only; refused under a legal hold or when done
    before, the refusal audited. On SQLite the old values are zeroed in the file as they
    are freed (secure_delete) and the WAL is checkpointed afterwards.
    """
    from data.services.residents import ResidentService, target

    why = _reason(reason)
    refused: RightsRefused | None = None
    withdrawn = 0
    sqlite = svc.ctx.db.dialect == "sqlite"
    with svc.ctx.write(who, Permission.ANONYMISE_RESIDENTS) as tx:
        s = tx.session
        if sqlite:
            # Freed cells (old name, number, index entries) are overwritten with zeros,
            # so the old values do not linger in free space of the file.
            s.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        res, code, _cname = ResidentService._resident(s, resident_id)
        _check(svc, tx, Permission.ANONYMISE_RESIDENTS, code)
        if res.legal_hold:
            refused = RightsRefused("this resident's data is under a legal hold", "legal_hold")
        elif res.anonymised_at is not None:
            refused = RightsRefused("this resident's data was anonymised already", "anonymised")
        if refused is not None:
            tx.audit(
                AuditAction.ANONYMISE_REFUSED,
                target=target(resident_id),
                detail=_detail(reason=why, code=refused.code),
            )
        else:
            res.name = res.name_mask = ANON_NAME
            res.id_number_enc = ""
            res.id_number_hmac = None
            res.id_number_mask = ANON_TEXT
            res.birth_date_enc = ""
            res.phone = res.phone_mask = ANON_TEXT
            res.address = res.address_mask = ANON_TEXT
            res.emergency_contact_name = ANON_TEXT
            res.emergency_contact_phone = ANON_TEXT
            res.emergency_contact_relation = ANON_TEXT
            res.anonymised_at = tx.now
            res.updated_at = tx.now
            tx.change("resident", resident_id, "update")
            withdrawn = withdraw_all_in(tx, resident_id, ANONYMISED_WITHDRAWAL)
            if sqlite:
                s.flush()  # the rows change now, while secure_delete is on
                s.connection().exec_driver_sql("PRAGMA secure_delete = OFF")
            tx.audit(
                AuditAction.PERSONAL_DATA_ANONYMISED,
                target=target(resident_id),
                detail=_detail(reason=why, consents_withdrawn=withdrawn),
            )
    if sqlite:
        _checkpoint(svc)
    if refused is not None:
        raise refused
    return withdrawn


def _checkpoint(svc: ResidentService) -> None:
    """Copy the WAL into the file and truncate it: the old pages leave the WAL."""
    try:
        with svc.ctx.db.session() as s:
            s.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception:
        # Another connection reading holds the WAL; the next checkpoint moves it.
        log.warning("checkpoint after an anonymisation did not complete", exc_info=True)


def set_legal_hold(
    svc: ResidentService, who: Principal, resident_id: int, held: bool, reason: str
) -> None:
    """Set or lift a resident's legal hold (administrators; audited with the reason)."""
    from data.services.residents import ResidentService, target

    why = _reason(reason)
    with svc.ctx.write(who, Permission.ANONYMISE_RESIDENTS) as tx:
        res, code, _cname = ResidentService._resident(tx.session, resident_id)
        _check(svc, tx, Permission.ANONYMISE_RESIDENTS, code)
        if res.legal_hold == held:
            return
        res.legal_hold = held
        res.updated_at = tx.now
        tx.change("resident", resident_id, "update")
        tx.audit(
            AuditAction.LEGAL_HOLD_CHANGED,
            target=target(resident_id),
            detail=_detail(held=held, reason=why),
        )

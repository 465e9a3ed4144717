"""Consent per purpose: recorded, withdrawn, kept as history, and checked before processing."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.consent import (
    ConsentInvalid,
    ConsentMethod,
    ConsentMissing,
    ConsentPurpose,
    ConsentRecord,
    ConsentState,
    checked_grant,
    current_states,
    require_consent,
    withdrawal_problem,
)
from core.permissions import Permission, Principal
from core.personal import is_minor
from core.text import clean_line
from data.context import Actor, ServiceContext, WriteTx, actor_name
from data.models import Community, Consent, Resident

TABLE = "consent"


def target(resident_id: int) -> str:
    """The audit rows' target: the resident, by id only (as the reveals name them)."""
    return f"resident:{resident_id}"


def _detail(**doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def as_record(row: Consent) -> ConsentRecord:
    """A stored row as the frozen record the rest of the console sees."""
    return ConsentRecord(
        id=row.id,
        resident_id=row.resident_id,
        purpose=ConsentPurpose(row.purpose),
        method=ConsentMethod(row.method),
        given_on=row.given_on,
        witness=row.witness_name,
        guardian_name=row.guardian_name,
        guardian_relation=row.guardian_relation,
        note=row.note,
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
        withdrawn_at=row.withdrawn_at,
        withdrawn_by=row.withdrawn_by,
        withdrawal_reason=row.withdrawal_reason,
    )


def withdraw_all_in(tx: WriteTx, resident_id: int, reason: str) -> int:
    """Close every consent in force of a resident inside `tx` (anonymisation); how many."""
    rows = tx.session.scalars(
        select(Consent).where(Consent.resident_id == resident_id, Consent.withdrawn_at.is_(None))
    ).all()
    for row in rows:
        row.withdrawn_at = tx.now
        row.withdrawn_by = actor_name(tx.actor)
        row.withdrawal_reason = clean_line(reason)[:200]
        tx.change(TABLE, row.id, "update")
        tx.audit(
            AuditAction.CONSENT_WITHDRAWN,
            target=target(resident_id),
            detail=_detail(purpose=row.purpose, consent=row.id, reason=row.withdrawal_reason),
        )
    return len(rows)


class ConsentService:
    """Consents of residents per purpose (core.consent), and the guard processing calls.

    Recording and withdrawing need VIEW_RESIDENT_PII in the resident's community (committee
    workers at their station, supervisors, administrators); reading the states needs
    VIEW_RESIDENTS there. A grant is a new row and a withdrawal closes it: nothing recorded
    is ever rewritten, so the history is the table.
    """

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    @staticmethod
    def _resident(s: Session, resident_id: int) -> tuple[Resident, str]:
        found = s.execute(
            select(Resident, Community.code)
            .join(Community, Resident.community_id == Community.id)
            .where(Resident.id == resident_id)
        ).one_or_none()
        if found is None:
            raise LookupError(f"no resident {resident_id}")
        return found[0], found[1]

    # --- writes ---------------------------------------------------------------------------
    def record(
        self,
        who: Actor,
        resident_id: int,
        purpose: ConsentPurpose | str,
        method: ConsentMethod | str,
        given_on: date | None,
        *,
        witness: str = "",
        guardian_name: str = "",
        guardian_relation: str = "",
        note: str = "",
        today: date | None = None,
    ) -> ConsentRecord:
        """Record a consent given; ConsentInvalid when the method or its fields do not fit
        the person (core.consent.checked_grant) or a consent for the purpose is in force."""
        today = today or date.today()
        with self.ctx.write(who, Permission.VIEW_RESIDENT_PII) as tx:
            s = tx.session
            res, code = self._resident(s, resident_id)
            self.ctx.check(tx, Permission.VIEW_RESIDENT_PII, code)
            if res.anonymised_at is not None:
                raise ConsentInvalid("this resident's data was anonymised", "anonymised")
            grant = checked_grant(
                purpose,
                method,
                given_on,
                dementia=res.dementia,
                minor=is_minor(res.birth_year, None, today),
                today=today,
                witness=witness,
                guardian_name=guardian_name,
                guardian_relation=guardian_relation,
                note=note,
            )
            open_row = s.scalar(
                select(Consent.id).where(
                    Consent.resident_id == resident_id,
                    Consent.purpose == grant.purpose.value,
                    Consent.withdrawn_at.is_(None),
                )
            )
            if open_row is not None:
                raise ConsentInvalid(
                    f"a consent to {grant.purpose.value} is in force already", "already_given"
                )
            row = Consent(
                resident_id=resident_id,
                community_id=res.community_id,
                purpose=grant.purpose.value,
                method=grant.method.value,
                given_on=grant.given_on,
                witness_name=grant.witness,
                guardian_name=grant.guardian_name,
                guardian_relation=grant.guardian_relation,
                note=grant.note,
                recorded_by=actor_name(tx.actor),
                recorded_at=tx.now,
            )
            s.add(row)
            s.flush()
            tx.change(TABLE, row.id, "insert")
            tx.audit(
                AuditAction.CONSENT_RECORDED,
                target=target(resident_id),
                detail=_detail(purpose=row.purpose, method=row.method, consent=row.id),
            )
            return as_record(row)

    def withdraw(
        self, who: Actor, resident_id: int, purpose: ConsentPurpose | str, reason: str
    ) -> ConsentRecord:
        """Withdraw the consent in force for `purpose`: processing stops at once (`require`
        refuses from the commit on). ConsentInvalid without a reason or a consent to close."""
        purpose = ConsentPurpose(purpose)
        problem = withdrawal_problem(reason)
        with self.ctx.write(who, Permission.VIEW_RESIDENT_PII) as tx:
            s = tx.session
            _res, code = self._resident(s, resident_id)
            self.ctx.check(tx, Permission.VIEW_RESIDENT_PII, code)
            if problem is not None:
                raise ConsentInvalid(problem, "reason")
            row = s.scalar(
                select(Consent).where(
                    Consent.resident_id == resident_id,
                    Consent.purpose == purpose.value,
                    Consent.withdrawn_at.is_(None),
                )
            )
            if row is None:
                raise ConsentInvalid(f"no consent to {purpose.value} is in force", "not_given")
            row.withdrawn_at = tx.now
            row.withdrawn_by = actor_name(tx.actor)
            row.withdrawal_reason = clean_line(reason)[:200]
            tx.change(TABLE, row.id, "update")
            tx.audit(
                AuditAction.CONSENT_WITHDRAWN,
                target=target(resident_id),
                detail=_detail(purpose=purpose.value, consent=row.id, reason=row.withdrawal_reason),
            )
            return as_record(row)

    # --- reads ----------------------------------------------------------------------------
    def history(self, who: Principal, resident_id: int) -> list[ConsentRecord]:
        """Every consent of the resident, oldest first, withdrawn ones included."""
        self.ctx.require(who, Permission.VIEW_RESIDENTS)
        with self.ctx.read() as s:
            _res, code = self._resident(s, resident_id)
            self.ctx.require(who, Permission.VIEW_RESIDENTS, code)
            return self._history(s, resident_id)

    @staticmethod
    def _history(s: Session, resident_id: int) -> list[ConsentRecord]:
        rows = s.scalars(
            select(Consent)
            .where(Consent.resident_id == resident_id)
            .order_by(Consent.recorded_at, Consent.id)
        ).all()
        return [as_record(r) for r in rows]

    def current(self, who: Principal, resident_id: int) -> list[ConsentState]:
        """Each purpose's state for the resident, in ConsentPurpose order."""
        return current_states(self.history(who, resident_id))

    # --- the guard ------------------------------------------------------------------------
    def require(
        self, resident_id: int, purpose: ConsentPurpose | str, *, actor: Actor = None
    ) -> None:
        """The guard every processing of a resident's data for a purpose calls first.

        Raises ConsentMissing unless a consent for `purpose` is in force now (read from the
        database each time: a withdrawal committed a moment ago refuses at once); the
        refusal is audited (`consent_missing`) on the writer. A station's database role sees
        no other community's consents, so it is refused there too (fails closed).
        """
        purpose = ConsentPurpose(purpose)
        with self.ctx.read() as s:
            given = s.scalar(
                select(Consent.id).where(
                    Consent.resident_id == resident_id,
                    Consent.purpose == purpose.value,
                    Consent.withdrawn_at.is_(None),
                )
            )
        try:
            require_consent({purpose: given is not None}, resident_id, purpose)
        except ConsentMissing:
            detail = _detail(purpose=purpose.value)
            self.ctx.defer_write(
                lambda: self.ctx.record(
                    actor, AuditAction.CONSENT_MISSING, target(resident_id), detail
                )
            )
            raise

"""Residents: masked lists and search in the user's scope, cards revealed for a purpose, audited."""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeAlias

from sqlalchemy import Select, case, func, literal, or_, select
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.incidents import IncidentState
from core.keys import KeyFileError
from core.model import RoleName
from core.permissions import Permission, PermissionDenied, Principal
from core.personal import (
    LIST_TEXT,
    AccessEntry,
    Level,
    ListRows,
    PersonalField,
    Purpose,
    ResidentCard,
    ResidentFields,
    ResidentRow,
    SearchKind,
    is_minor,
    list_levels,
    minor_from,
    needed_plaintext,
    present,
    reason_problem,
    revealing,
    search_kind,
)
from core.rights import PersonExport
from core.text import clean_line
from data.context import STREET_WIDE, Actor, ServiceContext, WriteTx
from data.fieldcrypt import FieldCryptError, FieldKeys, key_file, load_field_keys
from data.models import AuditLog, Community, Incident, Resident, SiteMeta

log = logging.getLogger(__name__)

TABLE = "resident"
ID_NUMBER_COLUMN = "resident.id_number"
BIRTH_DATE_COLUMN = "resident.birth_date"
KEYS_META = "field_keys_fingerprint"
PAGE = 200
ACCESS_LOG_LIMIT = 500
AnySelect: TypeAlias = "Select[*tuple[Any, ...]]"
_ACCESS_ACTIONS = (AuditAction.PII_REVEALED.value, AuditAction.PII_REVEAL_REFUSED.value)


class RevealRefused(ValueError):
    """A reveal without an acceptable purpose: refused, and the refusal is in the audit log.

    `code` names the reason for the console to word it: "reason" (none or too short),
    "incident_missing", "incident_unknown", "incident_closed", "incident_scope".
    """

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def target(resident_id: int) -> str:
    """The audit rows' target for a resident's record."""
    return f"resident:{resident_id}"


def check_field_keys(s: Session, keys: FieldKeys) -> None:
    """Refuse keys that are not the ones this database's values were written with."""
    meta = s.get(SiteMeta, KEYS_META)
    if meta is not None and meta.value != keys.fingerprint:
        raise KeyFileError(
            f"the keys in {keys.path} are not this database's keys (fingerprint "
            f"{keys.fingerprint}, the database's is {meta.value}): use the site's key folder"
        )


def field_keys_for(s: Session, folder: Path | None) -> FieldKeys:
    """The site's keys for a write that stores encrypted values; records which keys they are.

    A second key folder (a fresh `console demo` pointed at another --keys) would otherwise mix
    values under two index keys, and the same person could be seeded twice.
    """
    keys = load_field_keys(folder)
    check_field_keys(s, keys)
    if s.get(SiteMeta, KEYS_META) is None:
        s.add(SiteMeta(key=KEYS_META, value=keys.fingerprint))
    return keys


def residents_matching(
    s: Session, who: Principal, text: str, limit: int
) -> list[tuple[Resident, str]]:
    """Residents in `who`'s scope, not anonymised, whose name, phone or address contains `text`
    (or whose number it is, for up to five digits); each with its community's code.

    The one resident search of the services that choose a person for an act (an order, a
    screening, a job seeker); masking the result is for the caller, which knows its purpose.
    """
    needle = clean_line(text)
    if not needle:
        return []
    stmt = (
        select(Resident, Community.code)
        .join(Community, Community.id == Resident.community_id)
        .where(Resident.anonymised_at.is_(None))
    )
    if needle.isdigit() and len(needle) < 6:
        stmt = stmt.where(Resident.id == int(needle))
    else:
        like = f"%{needle}%"
        stmt = stmt.where(
            or_(Resident.name.like(like), Resident.phone.like(like), Resident.address.like(like))
        )
    if who.communities is not None:
        stmt = stmt.where(Community.code.in_(sorted(who.communities)))
    found = s.execute(stmt.order_by(Resident.name, Resident.id).limit(limit)).all()
    return [(r, str(code)) for r, code in found]


@dataclass(frozen=True, slots=True)
class ResidentPage:
    """Masked residents after a point of the list, whether more follow, and how many match."""

    rows: list[ResidentRow]
    more: bool
    total: int


_SOURCES: dict[PersonalField, tuple[Any, Any]] = {
    # (the value, its masked form as stored); the plain number is never in the database.
    PersonalField.NAME: (Resident.name, Resident.name_mask),
    PersonalField.GENDER: (Resident.gender, Resident.gender),
    PersonalField.ID_NUMBER: (Resident.id_number_mask, Resident.id_number_mask),
    PersonalField.PHONE: (Resident.phone, Resident.phone_mask),
    PersonalField.ADDRESS: (Resident.address, Resident.address_mask),
}


def _shown_as(f: PersonalField, level: Level) -> Any:
    plain, masked = _SOURCES[f]
    if level is Level.SHOWN:
        return plain
    return masked if level is Level.MASKED else literal("")


def _list_columns(role: RoleName, today: date) -> AnySelect:
    """A list's columns (core.personal.ListRaw) with each text field in the form the role may
    see; where that differs for minors, the database picks by birth year (no Python per row)."""
    return _list_select(role, minor_from(today))


@functools.lru_cache(maxsize=32)
def _list_select(role: RoleName, young_from: int) -> AnySelect:
    # Built once per role and year: a statement is immutable, so threads may share it.
    levels = list_levels(role)
    texts = []
    for f in LIST_TEXT:
        adult, minor = levels[f]
        expr = _shown_as(f, adult)
        if minor != adult:
            young = Resident.birth_year >= literal(young_from)
            expr = case((young, _shown_as(f, minor)), else_=expr)
        texts.append(expr.label(f.value))
    name, gender, number, phone, address = texts
    stmt: AnySelect = select(
        Resident.id,
        Community.code,
        Community.name,
        name,
        gender,
        Resident.birth_year,
        number,
        phone,
        address,
        Resident.lives_alone,
        Resident.dementia,
        Resident.disability,
        Resident.chronic_illness,
    )
    return stmt.join(Community, Resident.community_id == Community.id)


class ResidentService:
    """Lists show masked values only and decrypt nothing; a card reveals for a purpose.

    Every reveal beyond the role's everyday view names its purpose (an incident the user may
    handle, or a typed reason) and leaves an audit row naming the fields; a refused attempt
    leaves one too. The audit rows are also the record of who looked at whom.
    """

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        # The key file as last read, by its stat: re-read only when it changes (a rotation),
        # not on every lookup; and whether this database has been checked against it.
        self._keys: tuple[tuple[int, int, int], FieldKeys] | None = None
        self._keys_checked: str | None = None

    def _field_keys(self, s: Session) -> FieldKeys:
        """The site's keys, checked once against this database's fingerprint."""
        folder = self.ctx.keys
        try:
            st = key_file(folder).stat() if folder is not None else None
        except OSError:
            st = None
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns) if st is not None else None
        cached = self._keys
        if stamp is None or cached is None or cached[0] != stamp:
            keys = load_field_keys(folder)  # raises, naming the file, when there is none
            if stamp is not None:
                self._keys = (stamp, keys)
        else:
            keys = cached[1]
        if self._keys_checked != keys.fingerprint:
            check_field_keys(s, keys)
            self._keys_checked = keys.fingerprint
        return keys

    # --- lists ----------------------------------------------------------------------------
    def page(
        self,
        who: Principal,
        *,
        community: str | None = None,
        query: str = "",
        after: int | None = None,
        limit: int = PAGE,
        today: date | None = None,
    ) -> ResidentPage:
        """Residents in scope (one community or all the user may see), masked, by id (keyset).

        `query`: an 18-character identity number (found through the keyed index), a phone
        number, or part of a name.
        """
        self.ctx.require(who, Permission.VIEW_RESIDENTS, community)
        today = today or date.today()
        with self.ctx.read() as s:
            where = self._conditions(s, who, community, query)
            total = s.scalar(select(func.count(Resident.id)).where(*where)) or 0
            stmt = _list_columns(who.role, today).where(*where)
            if after is not None:
                stmt = stmt.where(Resident.id > after)
            raw = s.execute(stmt.order_by(Resident.id).limit(limit + 1)).all()
        rows = ListRows(who.role, today).rows(raw[:limit])
        return ResidentPage(rows, more=len(raw) > limit, total=total)

    def rows_by_ids(self, who: Principal, ids: list[int]) -> list[ResidentRow]:
        """The given residents, masked; those out of scope or gone left out."""
        self.ctx.require(who, Permission.VIEW_RESIDENTS)
        if not ids:
            return []
        today = date.today()
        with self.ctx.read() as s:
            where = self._conditions(s, who, None, "")
            stmt = _list_columns(who.role, today).where(*where, Resident.id.in_(ids))
            raw = s.execute(stmt.order_by(Resident.id)).all()
        return ListRows(who.role, today).rows(raw)

    def _conditions(
        self, s: Session, who: Principal, community: str | None, query: str
    ) -> list[Any]:
        """Scope, community and search as WHERE conditions."""
        where: list[Any] = []
        if community is not None or who.communities is not None:
            codes = {community} if community is not None else set(who.communities or ())
            ids = select(Community.id).where(Community.code.in_(sorted(codes)))
            where.append(Resident.community_id.in_(ids.scalar_subquery()))
        q = clean_line(query)
        if not q:
            return where
        kind = search_kind(q)
        if kind is SearchKind.ID_NUMBER:
            where.append(Resident.id_number_hmac == self._field_keys(s).index(q))
        elif kind is SearchKind.PHONE:
            digits = "".join(c for c in q if c.isdigit() or c == "+")
            where.append(Resident.phone.in_(sorted({q, digits})))
        else:
            where.append(Resident.name.contains(q, autoescape=True))
        return where

    # --- the card -------------------------------------------------------------------------
    def card(
        self,
        who: Principal,
        resident_id: int,
        purpose: Purpose = Purpose.BROWSE,
        reason: str | None = None,
        incident_id: int | None = None,
        *,
        today: date | None = None,
    ) -> ResidentCard:
        """One resident's card for `purpose`.

        BROWSE shows what lists show (a read, nothing recorded). INCIDENT and REASON reveal
        more, per core.personal.POLICY: INCIDENT needs an incident the user may handle (not
        closed), REASON a typed reason; either way the reveal is an audit row naming the
        fields and why. Without an acceptable purpose the reveal is refused (RevealRefused) and
        the refusal audited; a role the purpose opens nothing for gets PermissionDenied
        (audited too). The card never fails for a missing key: the encrypted fields stay
        masked and `key_problem` says why.
        """
        purpose = Purpose(purpose)
        today = today or date.today()
        if purpose is Purpose.EXPORT:
            raise ValueError("an export is not a card")
        if purpose is Purpose.BROWSE:
            self.ctx.require(who, Permission.VIEW_RESIDENTS)
            with self.ctx.read() as s:
                res, code, cname = self._resident(s, resident_id)
                self.ctx.require(who, Permission.VIEW_RESIDENTS, code)
                return self._card(s, res, code, cname, who, purpose, None, None, today)
        refused: tuple[str, str] | None = None
        card: ResidentCard | None = None
        with self.ctx.write(who, Permission.VIEW_RESIDENTS) as tx:
            s = tx.session
            res, code, cname = self._resident(s, resident_id)
            self.ctx.check(tx, Permission.VIEW_RESIDENTS, code)
            actor = tx.actor
            assert isinstance(actor, Principal)
            if not revealing(actor.role, purpose, is_minor(res.birth_year, None, today)):
                # Nothing more for this role whatever the purpose: a refusal write() audits.
                raise PermissionDenied(actor.username, Permission.VIEW_RESIDENT_PII, code)
            refused = self._refusal(tx, purpose, reason, incident_id)
            if refused is not None:
                tx.audit(
                    AuditAction.PII_REVEAL_REFUSED,
                    target=target(resident_id),
                    detail=_detail(purpose, (), incident_id, reason, refused),
                )
            else:
                why = clean_line(reason or "") if purpose is Purpose.REASON else None
                card = self._card(s, res, code, cname, actor, purpose, incident_id, why, today)
                fields = sorted(f.value for f in card.presentation.revealed)
                tx.audit(
                    AuditAction.PII_REVEALED,
                    target=target(resident_id),
                    detail=_detail(purpose, fields, incident_id, why, None),
                )
        if refused is not None:
            raise RevealRefused(refused[1], refused[0])
        assert card is not None
        return card

    def reveal_phone(
        self, who: Principal, resident_id: int, reason: str, *, today: date | None = None
    ) -> str:
        """The resident's phone number alone, shown for a typed reason (a survey call) to a
        role whose policy reveals phones for a reason; audited as a reveal of the phone only.

        `card(..., Purpose.REASON)` would reveal, and record, every field the role may see
        (identity number, health flags, address) for a call that needs the number.
        """
        today = today or date.today()
        refused: tuple[str, str] | None = None
        number = ""
        with self.ctx.write(who, Permission.VIEW_RESIDENTS) as tx:
            s = tx.session
            res, code, _name = self._resident(s, resident_id)
            self.ctx.check(tx, Permission.VIEW_RESIDENTS, code)
            actor = tx.actor
            assert isinstance(actor, Principal)
            minor = is_minor(res.birth_year, None, today)
            if PersonalField.PHONE not in revealing(actor.role, Purpose.REASON, minor):
                raise PermissionDenied(actor.username, Permission.VIEW_RESIDENT_PII, code)
            refused = self._refusal(tx, Purpose.REASON, reason, None)
            fields: tuple[str, ...] = () if refused is not None else ("phone",)
            tx.audit(
                AuditAction.PII_REVEAL_REFUSED if refused else AuditAction.PII_REVEALED,
                target=target(resident_id),
                detail=_detail(Purpose.REASON, fields, None, clean_line(reason), refused),
            )
            number = res.phone
        if refused is not None:
            raise RevealRefused(refused[1], refused[0])
        return number

    def phone_to_dial(self, who: Principal, resident_id: int, reason: str) -> str:
        """The resident's number for the caller's own phone line, never for the screen: a user
        who handles calls may ring a resident (a survey call) even where the role sees the
        number masked. Audited as a reveal of the phone "to dial" with the reason."""
        why = clean_line(reason)[:200]
        if not why:
            raise ValueError("a call to a resident needs its reason")
        with self.ctx.write(who, Permission.HANDLE_CALLS) as tx:
            s = tx.session
            res, code, _name = self._resident(s, resident_id)
            self.ctx.check(tx, Permission.HANDLE_CALLS, code)
            if not res.phone:
                raise LookupError(f"resident {resident_id} has no phone number")
            tx.audit(
                AuditAction.PII_REVEALED,
                target=target(resident_id),
                detail=json.dumps(
                    {"purpose": "dial", "fields": ["phone"], "reason": why, "shown": False},
                    ensure_ascii=False,
                ),
            )
            return res.phone

    def _refusal(
        self, tx: WriteTx, purpose: Purpose, reason: str | None, incident_id: int | None
    ) -> tuple[str, str] | None:
        """(code, why) the purpose given does not justify a reveal, or None when it does."""
        if purpose is Purpose.REASON:
            problem = reason_problem(clean_line(reason or ""))
            return None if problem is None else ("reason", problem)
        if incident_id is None:
            return "incident_missing", "an incident number is required"
        found = tx.session.execute(
            select(Incident.state, Community.code)
            .outerjoin(Community, Incident.community_id == Community.id)
            .where(Incident.id == incident_id)
        ).one_or_none()
        if found is None:
            return "incident_unknown", f"there is no incident {incident_id}"
        state, code = found
        if IncidentState(state) is IncidentState.CLOSED:
            return "incident_closed", f"incident {incident_id} is closed"
        actor = tx.actor
        if isinstance(actor, Principal) and not actor.can(
            Permission.HANDLE_INCIDENTS, code or STREET_WIDE
        ):
            return "incident_scope", f"incident {incident_id} is not one this user may handle"
        return None

    @staticmethod
    def _resident(s: Session, resident_id: int) -> tuple[Resident, str, str]:
        found = s.execute(
            select(Resident, Community.code, Community.name)
            .join(Community, Resident.community_id == Community.id)
            .where(Resident.id == resident_id)
        ).one_or_none()
        if found is None:
            raise LookupError(f"no resident {resident_id}")
        return found[0], found[1], found[2]

    def _card(
        self,
        s: Session,
        res: Resident,
        code: str,
        cname: str,
        who: Principal,
        purpose: Purpose,
        incident_id: int | None,
        reason: str | None,
        today: date,
    ) -> ResidentCard:
        needed = needed_plaintext(who.role, purpose, is_minor(res.birth_year, None, today))
        plain: dict[PersonalField, str] = {}
        problem = None
        if needed and res.anonymised_at is None:  # an anonymised row has nothing to decrypt
            try:
                plain = self._decrypt(s, res, needed)
            except (KeyFileError, FieldCryptError) as exc:
                log.warning("resident %s: encrypted fields not shown: %s", res.id, exc)
                problem = str(exc)
        fields = ResidentFields(
            name=res.name,
            gender=res.gender,
            birth_year=res.birth_year,
            id_number_mask=res.id_number_mask,
            phone=res.phone,
            address=res.address,
            emergency_contact_name=res.emergency_contact_name,
            emergency_contact_phone=res.emergency_contact_phone,
            emergency_contact_relation=res.emergency_contact_relation,
            lives_alone=res.lives_alone,
            dementia=res.dementia,
            disability=res.disability,
            chronic_illness=res.chronic_illness,
            birth_date=(
                date.fromisoformat(plain[PersonalField.BIRTH_DATE])
                if PersonalField.BIRTH_DATE in plain
                else None
            ),
            id_number=plain.get(PersonalField.ID_NUMBER),
        )
        return ResidentCard(
            id=res.id,
            community=code,
            community_name=cname,
            purpose=purpose,
            presentation=present(fields, who.role, purpose, today=today),
            incident_id=incident_id if purpose is Purpose.INCIDENT else None,
            key_problem=problem,
            legal_hold=res.legal_hold,
            anonymised=res.anonymised_at is not None,
        )

    def _decrypt(
        self, s: Session, res: Resident, needed: frozenset[PersonalField]
    ) -> dict[PersonalField, str]:
        keys = self._field_keys(s)
        out: dict[PersonalField, str] = {}
        if PersonalField.ID_NUMBER in needed:
            number = keys.decrypt(res.id_number_enc, ID_NUMBER_COLUMN)
            # The index was computed from the same number: a mismatch means a ciphertext was
            # swapped in from elsewhere, or the keys are another site's.
            if keys.index(number) != res.id_number_hmac:
                raise FieldCryptError(
                    "the stored identity number does not match its index (altered, or the "
                    "keys are not this database's)"
                )
            out[PersonalField.ID_NUMBER] = number
        if PersonalField.BIRTH_DATE in needed:
            out[PersonalField.BIRTH_DATE] = keys.decrypt(res.birth_date_enc, BIRTH_DATE_COLUMN)
        return out

    # --- the person's rights (PIPL Arts. 44-47; data/services/rights.py) -------------------
    def export_person(self, who: Actor, resident_id: int, reason: str | None) -> PersonExport:
        """Everything held about the person, decrypted, with consents and who looked; audited
        (`personal_data_exported`). Needs VIEW_RESIDENT_PII in the community and a reason."""
        from data.services.rights import export_person

        return export_person(self, who, resident_id, reason)

    def anonymise_person(self, who: Principal, resident_id: int, reason: str) -> int:
        """Replace what identifies the person; administrators, never under a legal hold;
        audited (`personal_data_anonymised`). Returns the consents it withdrew."""
        from data.services.rights import anonymise_person

        return anonymise_person(self, who, resident_id, reason)

    def set_legal_hold(self, who: Principal, resident_id: int, held: bool, reason: str) -> None:
        """Set or lift the resident's legal hold (administrators; audited)."""
        from data.services.rights import set_legal_hold

        set_legal_hold(self, who, resident_id, held, reason)

    # --- who looked -----------------------------------------------------------------------
    def access_log(self, who: Principal, resident_id: int) -> list[AccessEntry]:
        """Reveals of a resident's record and refused attempts, newest first (the audit log).

        Anyone who may see the resident sees who looked and for what purpose; the reasons
        typed by others only those who may see personal data or the audit log.
        """
        self.ctx.require(who, Permission.VIEW_RESIDENTS)
        with self.ctx.read() as s:
            _res, code, _name = self._resident(s, resident_id)
            self.ctx.require(who, Permission.VIEW_RESIDENTS, code)
            rows = s.execute(
                select(AuditLog.ts, AuditLog.actor, AuditLog.workstation, AuditLog.action)
                .add_columns(AuditLog.detail)
                .where(AuditLog.target == target(resident_id))
                .where(AuditLog.action.in_(_ACCESS_ACTIONS))
                .order_by(AuditLog.id.desc())
                .limit(ACCESS_LOG_LIMIT)
            ).all()
        reasons = who.can(Permission.VIEW_RESIDENT_PII) or who.can(Permission.VIEW_AUDIT)
        return [
            _entry(ts, actor, ws, action, detail, reasons) for ts, actor, ws, action, detail in rows
        ]


def _detail(
    purpose: Purpose,
    fields: Any,
    incident_id: int | None,
    reason: str | None,
    refused: tuple[str, str] | None,
) -> str:
    """What an audit row of a reveal says: never a value, only which fields and why."""
    doc: dict[str, Any] = {"purpose": purpose.value, "fields": list(fields)}
    if incident_id is not None and purpose is Purpose.INCIDENT:
        doc["incident"] = incident_id
    if reason is not None and purpose is Purpose.REASON:
        doc["reason"] = clean_line(reason)[:200]
    if refused is not None:
        doc["code"], doc["refused"] = refused
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def _entry(
    ts: Any, actor: str, workstation: str, action: str, detail: str, reasons: bool
) -> AccessEntry:
    try:
        doc = json.loads(detail)
    except ValueError:
        doc = {}
    if not isinstance(doc, dict):
        doc = {}
    incident = doc.get("incident")
    return AccessEntry(
        ts=ts,
        actor=actor,
        workstation=workstation,
        refused=action == AuditAction.PII_REVEAL_REFUSED.value,
        purpose=str(doc.get("purpose", "")),
        fields=tuple(str(f) for f in doc.get("fields", ())),
        incident_id=incident if isinstance(incident, int) else None,
        reason=str(doc.get("reason", "")) if reasons else "",
        note=str(doc.get("refused", "")),
        code=str(doc.get("code", "")),
    )

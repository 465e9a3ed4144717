"""Psychological screenings: consent first, answers kept as given, one risk incident each.

A screening is one instrument given to one resident in a sitting (PHQ-2 and GAD-2 first,
their long forms after a positive short form, GDS-15 yearly from 60: core.screening_pathway).
Answers are saved as they come (`save`, keyed by the client's UUID so a double submit or a
station's resend is one screening); a screening stays partial, never scored, until every
item is answered. The answers are encrypted at rest; the score and band beside them feed the
rescreen schedule and the figures, read only with VIEW_SCREENING_RESULTS (each read audited).

The safety rule acts on the answer, not on a finished form: a risk item at its level (PHQ-9
item 9 ≥ 1, or a suicide question added to another instrument) raises a P1 incident in the
same transaction, restricted to the roles that handle risk (Permission.HANDLE_RISK), once
per screening; the caller gets the crisis script back to show at once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, literal_column, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.consent import ConsentMissing, ConsentPurpose
from core.model import IncidentSource, Priority
from core.permissions import Permission, Principal
from core.screening import (
    BUILT_IN,
    GDS15,
    Instrument,
    LicenceMissing,
    LicenceRecord,
    ScreeningError,
    ScreeningResult,
    instrument_from_json,
    instrument_to_json,
    missing_items,
    register_licensed,
    score,
)
from core.screening_pathway import (
    EmergencyContact,
    RescreenPlan,
    ScreeningMode,
    check_consent,
    crisis_script,
    first_instruments,
    follow_ups,
    rescreen_plan,
    risk_alert,
)
from core.screening_views import (
    SMALL_CELL,
    Answers,
    ContactKind,
    DueRow,
    LicenceRow,
    ReferralStatus,
    Saved,
    ScreeningFigures,
    ScreeningRow,
    ScreeningStatus,
    SittingPlan,
)
from core.text import clean_line
from core.timefmt import local
from core.views import PersonChoice
from data.context import Actor, ServiceContext, actor_name
from data.fieldcrypt import FieldKeys, load_field_keys
from data.models import (
    Community,
    Consent,
    CounsellingContact,
    CounsellingReferral,
    Incident,
    IncidentEvent,
    Resident,
    Screening,
    ScreeningLicence,
)
from data.services.consent import as_record
from data.services.feedback import site_zone
from data.services.incidents import RISK_RESTRICTION, add_incident
from data.services.residents import BIRTH_DATE_COLUMN, residents_matching

TABLE = "screening"
LICENCE_TABLE = "screening_licence"
ANSWERS_COLUMN = "screening.answers"


def _answers_json(answers: Mapping[int, str]) -> str:
    return json.dumps({str(k): v for k, v in sorted(answers.items())}, sort_keys=True)


def _parse_answers(text: str) -> dict[int, str]:
    return {int(k): str(v) for k, v in json.loads(text).items()}


class ScreeningService:
    """Screenings, the licence register and the rescreen schedule; checks are done here."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def _keys(self) -> FieldKeys:
        return load_field_keys(self.ctx.keys)

    # --- instruments ----------------------------------------------------------------------
    def instrument(self, key: str, *, today: date | None = None) -> Instrument:
        """An instrument by key ("PHQ-9@1"), built in or registered; ScreeningError if
        unknown, LicenceMissing when `today` is given and its licence is not in force."""
        code, _, version = key.rpartition("@")
        built = BUILT_IN.get(code)
        if built is not None and str(built.version) == version:
            return built
        with self.ctx.read() as s:
            row = s.scalar(
                select(ScreeningLicence).where(
                    ScreeningLicence.code == code, ScreeningLicence.version == int(version or 0)
                )
            )
            if row is None:
                raise ScreeningError(f"no instrument {key}", "unknown_instrument")
            if today is not None and not _record(row).in_force(today):
                raise LicenceMissing(f"the licence for {code} is not in force", "not_in_force")
            return instrument_from_json(row.definition)

    def licences(self, who: Actor) -> list[LicenceRow]:
        """The register of instruments used under a licence, newest version first (a user
        who screens, or a local command's actor)."""
        if isinstance(who, Principal):
            self.ctx.require(who, Permission.SCREEN_RESIDENTS)
        today = local(self.ctx.clock()).date()
        with self.ctx.read() as s:
            rows = s.scalars(
                select(ScreeningLicence).order_by(
                    ScreeningLicence.code, ScreeningLicence.version.desc()
                )
            ).all()
            return [
                LicenceRow(
                    r.code,
                    r.version,
                    instrument_from_json(r.definition).name_zh,
                    r.holder,
                    r.reference,
                    r.granted_on,
                    r.expires,
                    _record(r).in_force(today),
                )
                for r in rows
            ]

    def register(self, who: Actor, definition: str, licence: LicenceRecord | None) -> str:
        """Register an instrument that needs permission under its licence; its key.

        The definition's version is ignored: a new registration of a code is its next
        version, so screenings given with an earlier one keep theirs.
        """
        instrument = instrument_from_json(definition)
        with self.ctx.write(who, Permission.MANAGE_USERS) as tx:
            s = tx.session
            last = s.scalar(
                select(func.max(ScreeningLicence.version)).where(
                    ScreeningLicence.code == instrument.code
                )
            )
            instrument = replace(instrument, version=(last or 0) + 1)
            entry = register_licensed(instrument, licence, today=local(tx.now).date())
            row = ScreeningLicence(
                code=instrument.code,
                version=instrument.version,
                definition=instrument_to_json(instrument),
                holder=entry.licence.holder,
                reference=entry.licence.reference,
                granted_on=entry.licence.granted_on,
                expires=entry.licence.expires,
                registered_by=actor_name(who),
                registered_at=tx.now,
            )
            s.add(row)
            s.flush()
            tx.change(LICENCE_TABLE, row.id, "insert")
            tx.audit(
                AuditAction.INSTRUMENT_LICENSED,
                f"instrument:{instrument.key}",
                json.dumps({"reference": entry.licence.reference}, ensure_ascii=False),
            )
            return instrument.key

    # --- a sitting ------------------------------------------------------------------------
    def find_residents(self, who: Principal, text: str, limit: int = 30) -> list[PersonChoice]:
        """Residents whose name, phone or address contains `text`, or whose number it is."""
        if not (who.can(Permission.SCREEN_RESIDENTS) or who.can(Permission.VIEW_SCREENING_RESULTS)):
            self.ctx.require(who, Permission.SCREEN_RESIDENTS)
        with self.ctx.read() as s:
            return [
                PersonChoice(
                    r.id,
                    r.name if who.can(Permission.VIEW_RESIDENT_PII, code) else r.name_mask,
                    code,
                    r.birth_year,
                )
                for r, code in residents_matching(s, who, text, limit)
            ]

    def plan(self, who: Principal, resident_id: int) -> SittingPlan:
        """The first instruments of a sitting for the resident, after the consent check."""
        self.ctx.require(who, Permission.SCREEN_RESIDENTS)
        today = local(self.ctx.clock()).date()
        with self.ctx.read() as s:
            r, code = _resident(s, resident_id)
            self.ctx.require(who, Permission.SCREEN_RESIDENTS, code)
            birth = self._birth(r)
            records = [as_record(c) for c in _consents(s, resident_id)]
            last_gds = s.scalar(
                select(func.max(Screening.completed_at)).where(
                    Screening.resident_id == resident_id,
                    Screening.instrument.like(f"{GDS15}@%"),
                    Screening.status == ScreeningStatus.COMPLETE,
                )
            )
            try:
                check_consent(records, resident_id, today=today)
                missing = False
            except ConsentMissing:
                missing = True
            instruments = (
                ()
                if missing
                else first_instruments(
                    birth=birth,
                    last_gds=local(last_gds).date() if last_gds else None,
                    today=today,
                )
            )
            shown = r.name if who.can(Permission.VIEW_RESIDENT_PII, code) else r.name_mask
            return SittingPlan(
                resident_id,
                shown,
                code,
                today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day)),
                instruments,
                missing,
                bool(r.emergency_contact_phone),
            )

    def _birth(self, r: Resident) -> date:
        try:
            return date.fromisoformat(self._keys().decrypt(r.birth_date_enc, BIRTH_DATE_COLUMN))
        except Exception:  # no keys here: the year in clear, counted from its first day
            return date(r.birth_year, 1, 1)

    def save(self, who: Principal, entry: Answers) -> Saved:
        """Save the answers given so far; score once complete; raise the risk incident once.

        ConsentMissing without a screening consent in force (audited); ScreeningError for an
        unknown instrument, an answer outside an item's options, or a change to a screening
        already complete; LicenceMissing for a licensed instrument whose licence has lapsed.
        """
        uuid = clean_line(entry.client_uuid)[:40]
        sitting = clean_line(entry.sitting_uuid)[:40]
        if not uuid or not sitting:
            raise ScreeningError("a screening needs its client and sitting ids", "ids")
        today = local(self.ctx.clock()).date()
        instrument = self.instrument(entry.instrument, today=today)
        answers = {int(k): str(v) for k, v in entry.answers.items()}
        missing = missing_items(instrument, answers)  # validates every answer given
        self._require_consent(who, entry.resident_id, today)
        try:
            return self._save(who, entry, instrument, answers, missing, uuid, sitting)
        except IntegrityError:
            # The same UUID saved a moment ago on another workstation: that one counts.
            return self._save(who, entry, instrument, answers, missing, uuid, sitting)

    def _require_consent(self, who: Principal, resident_id: int, today: date) -> None:
        """ConsentMissing (audited) unless a screening consent is in force for the resident."""
        with self.ctx.read() as s:
            records = [as_record(c) for c in _consents(s, resident_id)]
        try:
            check_consent(records, resident_id, today=today)
        except ConsentMissing:
            detail = json.dumps({"purpose": ConsentPurpose.SCREENING.value})
            self.ctx.defer_write(
                lambda: self.ctx.record(
                    who, AuditAction.CONSENT_MISSING, f"resident:{resident_id}", detail
                )
            )
            raise

    def _save(
        self,
        who: Principal,
        entry: Answers,
        instrument: Instrument,
        answers: dict[int, str],
        missing: tuple[int, ...],
        uuid: str,
        sitting: str,
    ) -> Saved:
        with self.ctx.write(who, Permission.SCREEN_RESIDENTS) as tx:
            s = tx.session
            r, code = _resident(s, entry.resident_id)
            self.ctx.check(tx, Permission.SCREEN_RESIDENTS, code)
            today = local(tx.now).date()
            records = [as_record(c) for c in _consents(s, entry.resident_id)]
            # Checked again inside the write: a withdrawal committed since the read counts.
            consent = check_consent(records, entry.resident_id, today=today)
            keys = self._keys()
            row = s.scalar(select(Screening).where(Screening.client_uuid == uuid))
            if row is not None and row.status == ScreeningStatus.COMPLETE:
                stored = _parse_answers(keys.decrypt(row.answers_enc, ANSWERS_COLUMN))
                if stored != answers or row.instrument != instrument.key:
                    raise ScreeningError("a complete screening is not changed", "complete")
                return self._saved(s, row, instrument, answers, (), None, repeated=True)
            if row is None:
                row = Screening(
                    client_uuid=uuid,
                    sitting_uuid=sitting,
                    resident_id=entry.resident_id,
                    community_id=r.community_id,
                    instrument=instrument.key,
                    mode=entry.mode.value,
                    status=ScreeningStatus.PARTIAL,
                    answers_enc="",
                    answered=0,
                    risk=False,
                    consent_id=consent.id,
                    given_by=who.username,
                    started_at=tx.now,
                    updated_at=tx.now,
                )
                s.add(row)
                op = "insert"
            else:
                if row.instrument != instrument.key or row.resident_id != entry.resident_id:
                    raise ScreeningError("a saved screening keeps its person and form", "mismatch")
                op = "update"
            row.answers_enc = keys.encrypt(_answers_json(answers), ANSWERS_COLUMN)
            row.answered = len(answers)
            row.updated_at = tx.now
            result: ScreeningResult | None = None
            if not missing:
                result = score(instrument, answers)
                row.status = ScreeningStatus.COMPLETE
                row.total, row.band = result.total, result.band.key
                row.positive = result.positive
                row.completed_at = tx.now
            s.flush()
            alert = risk_alert(
                instrument,
                answers,
                resident_id=entry.resident_id,
                screening_ref=uuid,
                mode=entry.mode,
                at=tx.now,
                emergency_contact=_contact(r),
            )
            if alert is not None:
                row.risk = True
                if row.incident_id is None:
                    inc = add_incident(
                        tx,
                        # No name and no answer in the title: the alert says where to look.
                        title=f"心理筛查风险提示：请当日联系（筛查 {row.id}）",
                        description=(
                            f"screening {row.id} ({instrument.key}, {entry.mode.value}): risk "
                            f"item(s) {', '.join(str(n) for n in alert.items)}. Acknowledge by "
                            f"{local(alert.acknowledge_by, site_zone(s)):%H:%M}."
                        ),
                        priority=Priority(alert.priority),
                        source=IncidentSource.SCREENING,
                        community_id=r.community_id,
                        location=r.address,
                        type_id=None,
                        created_by_id=who.user_id,
                        restricted=RISK_RESTRICTION,
                    )
                    row.incident_id = inc.id
                    tx.audit(
                        AuditAction.SCREENING_RISK_RAISED,
                        f"screening:{row.id}",
                        json.dumps({"incident": inc.id, "instrument": instrument.key}),
                    )
            tx.change(TABLE, row.id, op)
            tx.audit(
                AuditAction.SCREENING_SAVED,
                f"screening:{row.id}",
                json.dumps(
                    {"instrument": instrument.key, "mode": entry.mode.value, "status": row.status}
                ),
            )
            return self._saved(s, row, instrument, answers, missing, result)

    def _saved(
        self,
        s: Session,
        row: Screening,
        instrument: Instrument,
        answers: Mapping[int, str],
        missing: tuple[int, ...],
        result: ScreeningResult | None,
        *,
        repeated: bool = False,
    ) -> Saved:
        if result is None and row.status == ScreeningStatus.COMPLETE:
            result = score(instrument, answers)
        sitting_results = [result] if result is not None else []
        for other in s.scalars(
            select(Screening).where(
                Screening.sitting_uuid == row.sitting_uuid,
                Screening.id != row.id,
                Screening.status == ScreeningStatus.COMPLETE,
            )
        ):
            try:
                done = self.instrument(other.instrument)
                stored = _parse_answers(self._keys().decrypt(other.answers_enc, ANSWERS_COLUMN))
                sitting_results.append(score(done, stored))
            except ScreeningError:
                continue
        r = s.get(Resident, row.resident_id)
        script = crisis_script(_contact(r)) if row.risk and r is not None else None
        plan: RescreenPlan | None = None
        if result is not None:
            try:
                plan = rescreen_plan(result, local(row.completed_at or row.started_at).date())
            except KeyError:
                plan = None  # a licensed form without a local rescreen rule
        return Saved(
            row.id,
            row.status,
            missing,
            result,
            follow_ups(sitting_results),
            row.incident_id,
            script,
            plan,
            repeated,
        )

    # --- figures --------------------------------------------------------------------------
    def figures(self, who: Principal, start: date, end: date) -> ScreeningFigures:
        """The service's counts for [start, end) in the site's days; small cells suppressed.

        Self-completed (kiosk) and staff-assisted screenings are counted apart, never added
        into one rate; a risk flag counts as acknowledged within 24 h when its incident left
        "new" within a day of being raised.
        """
        self.ctx.require(who, Permission.VIEW_SCREENING_FIGURES)
        with self.ctx.read() as s:
            zone = site_zone(s)
            lo = datetime.combine(start, time(0), ZoneInfo(zone))
            hi = datetime.combine(end, time(0), ZoneInfo(zone))
            done = (
                Screening.status == ScreeningStatus.COMPLETE,
                Screening.completed_at >= lo,
                Screening.completed_at < hi,
            )
            kiosk = Screening.mode == ScreeningMode.KIOSK.value

            def people(*where: Any) -> int:
                return int(
                    s.scalar(
                        select(func.count(func.distinct(Screening.resident_id))).where(
                            *done, *where
                        )
                    )
                    or 0
                )

            contacts = s.scalar(
                select(
                    func.coalesce(
                        func.sum(
                            case(
                                (
                                    CounsellingContact.kind == ContactKind.EDUCATION,
                                    CounsellingContact.attendees,
                                ),
                                else_=1,
                            )
                        ),
                        0,
                    )
                ).where(CounsellingContact.at >= lo, CounsellingContact.at < hi)
            )
            risk = list(
                s.execute(
                    select(Screening.incident_id, Incident.created_at)
                    .join(Incident, Incident.id == Screening.incident_id)
                    .where(Incident.created_at >= lo, Incident.created_at < hi)
                )
            )
            acknowledged = 0
            for incident_id, raised in risk:
                first = s.scalar(
                    select(func.min(IncidentEvent.ts)).where(
                        IncidentEvent.incident_id == incident_id,
                        IncidentEvent.to_state.is_not(None),
                        IncidentEvent.to_state != "new",
                    )
                )
                if first is not None and first - raised <= timedelta(hours=24):
                    acknowledged += 1
            in_period = (
                CounsellingReferral.referred_at >= lo,
                CounsellingReferral.referred_at < hi,
            )
            referrals = s.scalar(select(func.count()).where(*in_period)) or 0
            completed = (
                s.scalar(
                    select(func.count()).where(
                        *in_period, CounsellingReferral.status == ReferralStatus.COMPLETED
                    )
                )
                or 0
            )
            return ScreeningFigures(
                start,
                end,
                people(),
                _cell(people(kiosk)),
                _cell(people(~kiosk)),
                _cell(people(kiosk, Screening.positive.is_(True))),
                _cell(people(~kiosk, Screening.positive.is_(True))),
                int(contacts or 0),
                len(risk),
                acknowledged,
                int(referrals),
                int(completed),
            )

    # --- results --------------------------------------------------------------------------
    def results(self, who: Principal, resident_id: int) -> list[ScreeningRow]:
        """Every screening of a person, newest first (partial ones too); the read is audited."""
        self.ctx.require(who, Permission.VIEW_SCREENING_RESULTS)
        with self.ctx.read() as s:
            _r, code = _resident(s, resident_id)
            self.ctx.require(who, Permission.VIEW_SCREENING_RESULTS, code)
            rows = s.scalars(
                select(Screening)
                .where(Screening.resident_id == resident_id)
                .order_by(Screening.started_at.desc(), Screening.id.desc())
            ).all()
            out = [self._row(x) for x in rows]
        self.ctx.defer_write(
            lambda: self.ctx.record(
                who, AuditAction.SCREENING_RESULTS_READ, f"resident:{resident_id}"
            )
        )
        return out

    def _row(self, x: Screening) -> ScreeningRow:
        try:
            max_total: int | None = self.instrument(x.instrument).max_total
        except ScreeningError:
            max_total = None
        return ScreeningRow(
            x.id,
            x.instrument,
            x.mode,
            x.status,
            x.total,
            max_total,
            x.band,
            x.positive,
            x.risk,
            x.given_by,
            x.started_at,
            x.completed_at,
            x.incident_id,
        )

    def due(self, who: Principal, by: date, limit: int = 500) -> list[DueRow]:
        """Residents whose next screening (after their latest complete one of each form's
        family) falls on or before `by`, soonest first. Not audited per row: names are shown
        as the role browses them."""
        self.ctx.require(who, Permission.VIEW_SCREENING_RESULTS)
        out: list[DueRow] = []
        with self.ctx.read() as s:
            # Literal bounds: bound parameters would make GROUP BY a different expression
            # from the select list's on PostgreSQL.
            family = func.substr(Screening.instrument, literal_column("1"), literal_column("3"))
            latest = (
                select(
                    Screening.resident_id,
                    # PHQ-2 and PHQ-9 are one family: the latest of either decides what next.
                    family.label("family"),
                    func.max(Screening.id).label("last_id"),
                )
                .where(Screening.status == ScreeningStatus.COMPLETE)
                .group_by(Screening.resident_id, family)
                .subquery()
            )
            stmt = (
                select(Screening, Resident.name, Resident.name_mask, Community.code)
                .join(latest, latest.c.last_id == Screening.id)
                .join(Resident, Resident.id == Screening.resident_id)
                .join(Community, Community.id == Screening.community_id)
                .where(Resident.anonymised_at.is_(None))
            )
            if who.communities is not None:
                stmt = stmt.where(Community.code.in_(sorted(who.communities)))
            for x, name, masked, code in s.execute(stmt):
                try:
                    plan = rescreen_plan(
                        _stored_result(self.instrument(x.instrument), x),
                        local(x.completed_at or x.started_at).date(),
                    )
                except (KeyError, ScreeningError, ValueError):
                    continue  # a licensed form without a local rescreen rule
                if plan.due_on > by:
                    continue
                shown = name if who.can(Permission.VIEW_RESIDENT_PII, code) else masked
                out.append(
                    DueRow(
                        x.resident_id,
                        shown,
                        code,
                        plan.instrument,
                        plan.due_on,
                        plan.refer,
                        plan.why,
                        x.total or 0,
                        x.band or "",
                    )
                )
        out.sort(key=lambda d: (d.due_on, d.resident_id))
        return out[:limit]


def _cell(n: int) -> int | None:
    """A count as shown in the figures: None (suppressed) below SMALL_CELL, zero shown."""
    return n if n == 0 or n >= SMALL_CELL else None


def _stored_result(instrument: Instrument, x: Screening) -> ScreeningResult:
    """A complete screening's result from its stored score (no answers decrypted)."""
    total = x.total or 0
    return ScreeningResult(
        instrument=x.instrument,
        total=total,
        max_total=instrument.max_total,
        band=instrument.band_for(total),
        positive=bool(x.positive),
        risk=x.risk,
        risk_items=(),
        item_scores=(),
    )


def _record(row: ScreeningLicence) -> LicenceRecord:
    return LicenceRecord(row.holder, row.reference, row.granted_on, row.expires)


def _resident(s: Session, resident_id: int) -> tuple[Resident, str]:
    row = s.execute(
        select(Resident, Community.code)
        .join(Community, Community.id == Resident.community_id)
        .where(Resident.id == resident_id, Resident.anonymised_at.is_(None))
    ).first()
    if row is None:
        raise ScreeningError(f"no resident {resident_id}", "no_resident")
    return row[0], row[1]


def _consents(s: Session, resident_id: int) -> list[Consent]:
    return list(
        s.scalars(
            select(Consent)
            .where(Consent.resident_id == resident_id)
            .order_by(Consent.recorded_at, Consent.id)
        )
    )


def _contact(r: Resident | None) -> EmergencyContact | None:
    if r is None or not r.emergency_contact_phone:
        return None
    return EmergencyContact(
        r.emergency_contact_name, r.emergency_contact_relation, r.emergency_contact_phone
    )


__all__ = [
    "Answers",
    "DueRow",
    "LicenceRow",
    "Saved",
    "ScreeningRow",
    "ScreeningService",
    "ScreeningStatus",
    "SittingPlan",
]

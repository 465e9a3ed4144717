"""The audit chain: each row carries the SHA-256 of the previous row, so edits are detectable."""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

GENESIS_HASH = "0" * 64


class AuditAction(enum.StrEnum):
    """What an audit row records."""

    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    ACCOUNT_LOCKED = "account_locked"
    ACCOUNT_UNLOCKED = "account_unlocked"
    ACCOUNT_DISABLED = "account_disabled"  # target: the user name; detail: the reason
    ACCOUNT_ENABLED = "account_enabled"  # target: the user name
    LOGOUT = "logout"
    SCREEN_LOCKED = "screen_locked"
    SCREEN_UNLOCKED = "screen_unlocked"
    PERMISSION_DENIED = "permission_denied"
    USER_CREATED = "user_created"
    PASSWORD_CHANGED = "password_changed"
    SITE_SEEDED = "site_seeded"
    RESIDENT_VIEWED = "resident_viewed"
    PII_REVEALED = "pii_revealed"  # target resident:<id>; detail JSON: purpose, fields, why
    PII_REVEAL_REFUSED = "pii_reveal_refused"  # no or bad purpose given; detail says why
    FIELD_KEYS_ROTATED = "field_keys_rotated"
    RESIDENTS_ENCRYPTED = "residents_encrypted"  # plaintext identity numbers encrypted
    INCIDENT_CREATED = "incident_created"
    INCIDENT_CHANGED = "incident_changed"
    INCIDENT_MERGED = "incident_merged"  # target: the merged incident; detail: "into <id>"
    # target assignment:<id>; detail: incident, department, step (and the reason if any)
    ASSIGNMENT_CHANGED = "assignment_changed"
    SCHEMA_MIGRATED = "schema_migrated"
    SCREENSHOT = "screenshot"
    # target resident:<id>; detail JSON: purpose, method, consent row id (never a value)
    CONSENT_RECORDED = "consent_recorded"
    CONSENT_WITHDRAWN = "consent_withdrawn"  # detail: purpose, consent id, reason
    CONSENT_MISSING = "consent_missing"  # processing refused: no consent for the purpose
    PERSONAL_DATA_EXPORTED = "personal_data_exported"  # PIPL Art. 45; detail: why
    PERSONAL_DATA_ANONYMISED = "personal_data_anonymised"  # PIPL Art. 47; detail: why
    ANONYMISE_REFUSED = "anonymise_refused"  # under a legal hold, or already anonymised
    LEGAL_HOLD_CHANGED = "legal_hold_changed"  # a resident's hold set or lifted; detail: why
    RETENTION_RUN = "retention_run"  # detail JSON: counts per class, dry run or not
    LEGAL_HOLD_SET = "legal_hold_set"  # target incident id; detail: the reason
    LEGAL_HOLD_LIFTED = "legal_hold_lifted"  # target incident id; detail: the reason
    DATA_EXPORTED = "data_exported"  # target: what; detail JSON: rows, reason, file name
    EXPORT_REFUSED = "export_refused"  # target: what; detail: why it was refused
    # target handover:<id>; detail JSON: shift, chain head, PDF sha256
    HANDOVER_MADE = "handover_made"
    HANDOVER_ACKNOWLEDGED = "handover_acknowledged"  # target handover:<id>
    HANDOVER_ACK_REFUSED = "handover_ack_refused"  # target handover:<id>; detail: why
    # target incident id; detail JSON: attachment id, file name, sha256 (never the content)
    ATTACHMENT_ADDED = "attachment_added"
    ATTACHMENT_OPENED = "attachment_opened"  # every open; detail also says if it was damaged
    SLA_BREACHED = "sla_breached"  # target incident id; detail: the target (acknowledge …)
    # Calls (data.services.calls): target call:<id>; never the caller's number in the detail.
    CALL_RECORDED = "call_recorded"  # a call's phase as the line reported it; detail: phase
    CALL_REFUSED = "call_refused"  # every line busy: the caller got 486
    CALL_DISPOSED = "call_disposed"  # linked to an incident, or "no incident" with the reason
    CALL_CALLED_BACK = "call_called_back"  # an abandoned caller called back; detail: the callback
    # Tracking (data.services.tracking): target tag:<id>; detail JSON (the code, the resident).
    TAG_REGISTERED = "tag_registered"
    TAG_REPLACED = "tag_replaced"  # detail: the new tag's id and code
    TAG_RETURNED = "tag_returned"  # or lost: detail says which
    TAG_PROFILE_CHANGED = "tag_profile_changed"
    # Who looked at whose trail (whereabouts history), when, why: target tag:<id>.
    WHEREABOUTS_VIEWED = "whereabouts_viewed"
    # Video (data.services.video): wall views (target view:<id>; detail: name, shared or own),
    # a camera's motion settings (target camera:<code>; detail JSON of the new values), and
    # each motion event stored (target camera:<code>; detail: event, incident, outcome).
    WALL_VIEW_SAVED = "wall_view_saved"
    WALL_VIEW_DELETED = "wall_view_deleted"
    CAMERA_SETTINGS_CHANGED = "camera_settings_changed"
    MOTION_DETECTED = "motion_detected"
    # Recording (data.services.recordings, data.services.evidence): bookmarks (target
    # bookmark:<id>; detail JSON: camera, time, incident), evidence holds (target hold:<id>;
    # detail JSON: incident, cameras, range, reason) and evidence exports (target: the
    # incident or "cameras"; detail JSON: the manifest's SHA-256, cameras, range, reason).
    BOOKMARK_ADDED = "bookmark_added"
    BOOKMARK_DELETED = "bookmark_deleted"
    EVIDENCE_HOLD_PLACED = "evidence_hold_placed"
    EVIDENCE_HOLD_RELEASED = "evidence_hold_released"
    EVIDENCE_EXPORTED = "evidence_exported"
    # Station PCs (data.services.station): a service ticket opened (target ticket:<id>), an
    # entry a station sent that could not be applied as sent, and a person's decision on it
    # (target conflict:<uuid>; detail: applied or discarded).
    TICKET_CREATED = "ticket_created"
    STATION_CONFLICT = "station_conflict"
    STATION_CONFLICT_DECIDED = "station_conflict_decided"
    # Feedback tickets (data.services.feedback): target ticket:<id>; detail the step's value
    # (department, channel, rating, deadline), never the resident's phone or the reply's text.
    TICKET_ASSIGNED = "ticket_assigned"
    TICKET_ANSWERED = "ticket_answered"
    TICKET_RESOLVED = "ticket_resolved"
    TICKET_RATED = "ticket_rated"
    TICKET_REOPENED = "ticket_reopened"
    TICKET_OVERDUE = "ticket_overdue"
    # Surveys (data.services.surveys): a form version saved or published (target
    # form:<code>/<version>), a round created (target round:<code>), a response taken (target
    # round:<code>; the person only in a round that is not anonymous), and reads of who is in a
    # frame or who answered what (personal data).
    SURVEY_FORM_SAVED = "survey_form_saved"
    SURVEY_PUBLISHED = "survey_published"
    SURVEY_ROUND_CREATED = "survey_round_created"
    SURVEY_SUBMITTED = "survey_submitted"
    SURVEY_DATA_READ = "survey_data_read"
    SURVEY_KIOSK = "survey_kiosk"  # a station's kiosk started, left, a wrong PIN, slips printed
    # The register of businesses (data.services.businesses; target business:<code>).
    BUSINESS_SAVED = "business_saved"
    BUSINESS_CLOSED = "business_closed"
    # --- merchants (0028) ---
    # Certified merchants (data.services.merchants; target merchant:<id>, product:<id>,
    # staff:<id>, complaint:<id>, commodity:<code>; detail JSON without personal data).
    MERCHANT_CERTIFIED = "merchant_certified"
    MERCHANT_EDITED = "merchant_edited"
    MERCHANT_SUSPENDED = "merchant_suspended"
    MERCHANT_REINSTATED = "merchant_reinstated"
    MERCHANT_EXITED = "merchant_exited"
    MERCHANT_STAFF_SAVED = "merchant_staff_saved"
    MERCHANT_INSPECTED = "merchant_inspected"
    MERCHANT_COMPLAINT_FILED = "merchant_complaint_filed"
    MERCHANT_COMPLAINT_RESOLVED = "merchant_complaint_resolved"
    PRODUCT_SAVED = "product_saved"
    PRODUCT_PRICE_CHANGED = "product_price_changed"
    PRICE_OBSERVED = "price_observed"
    # --- volunteers (0029) ---
    # Volunteers (data.services.volunteers; target volunteer:<id>, team:<id>, shift:<id>,
    # signup:<id>, pairing:<id>, task:<id>; detail JSON without personal data).
    VOLUNTEER_SAVED = "volunteer_saved"
    VOLUNTEER_PII_READ = "volunteer_pii_read"  # identity number, phone or photo revealed
    VOLUNTEER_TEAM_SAVED = "volunteer_team_saved"
    VOLUNTEER_SHIFT_SAVED = "volunteer_shift_saved"
    VOLUNTEER_SIGNUP = "volunteer_signup"  # signed up, confirmed, declined, withdrawn
    VOLUNTEER_PAIRING_SAVED = "volunteer_pairing_saved"
    VOLUNTEER_TASK_SAVED = "volunteer_task_saved"  # created, assigned, done, cancelled
    # --- orders (0030) ---
    # Orders (data.services.orders; target order:<id> or window:<id>; detail JSON without
    # personal data: never a name, phone or address).
    ORDER_PLACED = "order_placed"
    ORDER_CONFIRMED = "order_confirmed"  # the confirmation call's outcome (confirmed or not)
    ORDER_STEP = "order_step"  # accepted, picked, en route, cancelled
    ORDER_DELIVERED = "order_delivered"  # with proof and the resident's confirmation
    ORDER_FAILED = "order_failed"
    ORDER_WINDOW_SAVED = "order_window_saved"
    ORDER_PII_READ = "order_pii_read"  # a resident's name/phone/address revealed on the board
    # --- hours (0031) ---
    # Volunteers' hours (data.services.volunteer_hours; target attendance:<id> or
    # volunteer:<id>; detail JSON, never a code's text: a refused one may still be valid).
    VOLUNTEER_CHECKED_IN = "volunteer_checked_in"
    VOLUNTEER_CHECKED_OUT = "volunteer_checked_out"
    CHECKIN_REFUSED = "checkin_refused"  # forged, expired, replayed, wrong place, overlap
    HOURS_CONFIRMED = "hours_confirmed"
    HOURS_APPROVED = "hours_approved"
    HOURS_REJECTED = "hours_rejected"
    HOURS_CORRECTED = "hours_corrected"
    # --- certificates (0032) ---
    # Certificates (target certificate:<id>; never a name or identity number in the detail).
    CERTIFICATE_REQUESTED = "certificate_requested"
    CERTIFICATE_OBJECTED = "certificate_objected"
    CERTIFICATE_ISSUED = "certificate_issued"
    CERTIFICATE_WITHDRAWN = "certificate_withdrawn"
    # The archived PDF (with the whole identity number) read for printing or saving.
    CERTIFICATE_EXPORTED = "certificate_exported"
    # Time bank (target timebank_txn:<id>).
    TIMEBANK_DEPOSITED = "timebank_deposited"
    TIMEBANK_TRANSFERRED = "timebank_transferred"
    TIMEBANK_SPENT = "timebank_spent"
    # --- screening and counselling (0033) ---
    # Screenings (target screening:<id>; detail JSON: instrument, mode, status, never the
    # answers or the score), the results of a person read (target resident:<id>), a licence
    # registered (target instrument:<code>@<version>).
    SCREENING_SAVED = "screening_saved"
    SCREENING_RESULTS_READ = "screening_results_read"
    SCREENING_RISK_RAISED = "screening_risk_raised"
    INSTRUMENT_LICENSED = "instrument_licensed"
    # Counselling (target appointment:<id>, contact:<id>, referral:<id>); a note read or
    # exported is audited each time (target contact:<id> or referral:<id>).
    COUNSELLING_BOOKED = "counselling_booked"
    COUNSELLING_CONTACT = "counselling_contact"
    COUNSELLING_REFERRED = "counselling_referred"
    COUNSELLING_NOTE_READ = "counselling_note_read"
    # --- employment (0034) ---
    # Employment (data.services.employment; target employer:<id>, posting:<id>, seeker:<id>,
    # referral:<id>, retention:<id>; detail JSON of codes and ids only: never a name, a need,
    # a skill, a refusal's reason or a note).
    EMPLOYER_SAVED = "employer_saved"
    EMPLOYER_VISITED = "employer_visited"
    POSTING_SAVED = "posting_saved"  # saved, or its status moved (detail: the status)
    SEEKER_SAVED = "seeker_saved"  # the profile or a training course
    JOB_REFERRED = "job_referred"
    REFERRAL_STEP = "referral_step"  # detail: the stage and, on a refusal, which side refused
    PLACEMENT_CONFIRMED = "placement_confirmed"  # the employer confirmed the hire
    RETENTION_CHECKED = "retention_checked"
    # This PC's setup changed by an administrator (target workstation:<code>; detail JSON).
    PC_SETUP_CHANGED = "pc_setup_changed"


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One row of the chain as stored; `ts` is timezone-aware UTC."""

    id: int
    ts: datetime
    actor: str
    workstation: str
    action: str
    target: str
    detail: str
    prev_hash: str
    row_hash: str


def row_digest(
    *,
    prev_hash: str,
    ts: datetime,
    actor: str,
    workstation: str,
    action: str,
    target: str,
    detail: str,
) -> str:
    """SHA-256 over the previous hash and this row's content, in a canonical JSON form.

    The id is left out on purpose: PostgreSQL sequences may skip values after a rolled-back
    insert, and the chain must not depend on that. Order is carried by prev_hash.
    """
    canonical = json.dumps(
        [prev_hash, _ts_text(ts), actor, workstation, action, target, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _ts_text(ts: datetime) -> str:
    if ts.tzinfo is None:
        raise ValueError("audit timestamps must be timezone-aware")
    # Normalised to UTC with microseconds: the database may hand the value back in another
    # zone (PostgreSQL) or naive-as-UTC (SQLite), and two rows in one second must differ.
    return ts.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """Where and why verification failed."""

    row_id: int
    reason: str


@dataclass(frozen=True, slots=True)
class ChainReport:
    """Result of verifying a chain."""

    rows: int
    last_hash: str
    breaks: tuple[ChainBreak, ...]

    @property
    def ok(self) -> bool:
        """True when no row was altered, removed or inserted."""
        return not self.breaks


def verify_chain(
    records: Iterable[AuditRecord],
    *,
    expected_head: str | None = None,
    expected_rows: int | None = None,
) -> ChainReport:
    """Recompute every hash in id order; report each row whose link or content is wrong.

    `expected_head` and `expected_rows` (kept outside the chain) reveal deletion of the newest
    rows, which the chain alone cannot.
    """
    prev = GENESIS_HASH
    count = 0
    breaks: list[ChainBreak] = []
    for rec in records:
        count += 1
        if rec.prev_hash != prev:
            breaks.append(
                ChainBreak(rec.id, "link to the previous row is broken (row removed or inserted)")
            )
        digest = row_digest(
            prev_hash=rec.prev_hash,
            ts=rec.ts,
            actor=rec.actor,
            workstation=rec.workstation,
            action=rec.action,
            target=rec.target,
            detail=rec.detail,
        )
        if digest != rec.row_hash:
            breaks.append(ChainBreak(rec.id, "content does not match its hash (row edited)"))
        prev = rec.row_hash
    if expected_head is not None and expected_head != prev:
        breaks.append(ChainBreak(-1, "the newest rows are missing (chain head does not match)"))
    if expected_rows is not None and expected_rows != count:
        breaks.append(
            ChainBreak(-1, f"row count {count} differs from the recorded count {expected_rows}")
        )
    return ChainReport(rows=count, last_hash=prev, breaks=tuple(breaks))

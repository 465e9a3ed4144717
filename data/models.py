"""SQLAlchemy 2.0 typed models: the schema every migration builds."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from core.timefmt import as_utc

# Stable constraint names let Alembic alter tables on SQLite (batch mode) and PostgreSQL alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments an INTEGER PRIMARY KEY; BIGINT is right for PostgreSQL.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out, whatever the backend does with zones."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        utc = as_utc(value)
        # SQLite stores text; keep it naive-UTC so string order is time order.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING)


class Community(Base):
    """One of the street's communities (社区)."""

    __tablename__ = "community"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    population: Mapped[int] = mapped_column(Integer, default=0)
    households: Mapped[int] = mapped_column(Integer, default=0)
    address: Mapped[str] = mapped_column(String(200), default="")
    centre_x: Mapped[float] = mapped_column(Float, default=0.0)
    centre_y: Mapped[float] = mapped_column(Float, default=0.0)


class IncidentType(Base):
    """A kind of incident from the site file: default priority, SLA targets, routing, endings."""

    __tablename__ = "incident_type"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    default_priority: Mapped[int] = mapped_column(Integer)
    acknowledge_minutes: Mapped[int] = mapped_column(Integer)
    resolve_minutes: Mapped[int] = mapped_column(Integer)
    # Migration 0010; NULL: the priority's default dispatch target (core.sla).
    dispatch_minutes: Mapped[int | None] = mapped_column(Integer)
    departments: Mapped[str] = mapped_column(Text, default="")  # codes, one per line
    dispositions: Mapped[str] = mapped_column(Text, default="")  # one per line
    # Quick entries for the entry form (core.templates: JSON [title, description] pairs).
    templates: Mapped[str] = mapped_column(Text, server_default="")


class Department(Base):
    """A department incidents are dispatched to (派出所, 消防, 城管, 居委会, 志愿者队 …)."""

    __tablename__ = "department"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32))
    phone: Mapped[str] = mapped_column(String(32), default="")


class Workstation(Base):
    """A console PC: the control centre or a community workstation."""

    __tablename__ = "workstation"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))


class Role(Base):
    """A role; its permissions are defined in core.permissions."""

    __tablename__ = "role"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    description: Mapped[str] = mapped_column(String(200), default="")


class User(Base):
    """A person who signs in to the console."""

    __tablename__ = "user_account"  # "user" is reserved in PostgreSQL
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    # Deferred: on PostgreSQL the console's role may not read it (data/pgroles.HIDDEN_COLUMNS).
    password_hash: Mapped[str] = mapped_column(String(255), deferred=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("role.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    role: Mapped[Role] = relationship(lazy="joined")
    communities: Mapped[list[Community]] = relationship(secondary="user_community")


class UserCommunity(Base):
    """Scope: the communities a user is limited to (none means street-wide)."""

    __tablename__ = "user_community"
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), primary_key=True)


class Resident(Base):
    """A resident, with the care flags that make them a person to look after."""

    __tablename__ = "resident"
    __table_args__ = (
        Index("ix_resident_care", "community_id", "lives_alone", "dementia"),
        # Registered residents by community and month (the KPIs' population coverage, 0036).
        Index(
            "ix_resident_registered",
            "community_id",
            "created_at",
            sqlite_where=text("anonymised_at IS NULL"),
            postgresql_where=text("anonymised_at IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    gender: Mapped[str] = mapped_column(String(1))
    # Identity number and birth date are encrypted at rest (data.fieldcrypt, migration 0005):
    # the birth year and the masked number (first and last 4 characters) give their masked
    # forms without a key; the keyed hash finds a typed number. With a plaintext birth date
    # the masked number would narrow a number to one or two candidates: the date is encrypted
    # too. The *_mask columns are what lists show (core.personal.stored_masks sets them on
    # every write): masking each row in Python cost more than the list itself.
    birth_year: Mapped[int] = mapped_column(Integer)
    birth_date_enc: Mapped[str] = mapped_column(String(120))
    id_number_enc: Mapped[str] = mapped_column(String(120))
    # NULL once anonymised (migration 0007): the person can no longer be found by number.
    id_number_hmac: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    id_number_mask: Mapped[str] = mapped_column(String(18))
    name_mask: Mapped[str] = mapped_column(String(64))
    phone_mask: Mapped[str] = mapped_column(String(32))
    address_mask: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(32), default="", index=True)
    lives_alone: Mapped[bool] = mapped_column(Boolean, default=False)
    dementia: Mapped[bool] = mapped_column(Boolean, default=False)
    disability: Mapped[bool] = mapped_column(Boolean, default=False)
    chronic_illness: Mapped[bool] = mapped_column(Boolean, default=False)
    emergency_contact_name: Mapped[str] = mapped_column(String(64), default="")
    emergency_contact_phone: Mapped[str] = mapped_column(String(32), default="")
    emergency_contact_relation: Mapped[str] = mapped_column(String(32), default="")
    # Consent lives in the consent table, per purpose (migration 0007). A legal hold stops
    # anonymisation; an anonymised row keeps only what statistics need.
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Consent(Base):
    """One consent of a resident to one purpose; a withdrawal closes the row, never deletes it.

    `community_id` is the resident's, copied so row-level security (migration 0007) applies.
    At most one row per resident and purpose is open (a partial unique index).
    """

    __tablename__ = "consent"
    __table_args__ = (
        Index("ix_consent_resident_purpose", "resident_id", "purpose"),
        Index(
            "uq_consent_open",
            "resident_id",
            "purpose",
            unique=True,
            sqlite_where=text("withdrawn_at IS NULL"),
            postgresql_where=text("withdrawn_at IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(16))
    method: Mapped[str] = mapped_column(String(16))
    given_on: Mapped[date] = mapped_column(Date)
    witness_name: Mapped[str] = mapped_column(String(64), default="")
    guardian_name: Mapped[str] = mapped_column(String(64), default="")
    guardian_relation: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_by: Mapped[str | None] = mapped_column(String(64))
    withdrawal_reason: Mapped[str | None] = mapped_column(String(200))


class Device(Base):
    """A reader, camera, alarm panel, phone or button, owned by one workstation."""

    __tablename__ = "device"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32), index=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstation.id"), index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    state: Mapped[str] = mapped_column(String(16), default="unknown")
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    state_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    detail: Mapped[str] = mapped_column(String(300), default="")


OPEN_STATES_SQL = "state IN ('new', 'acknowledged', 'dispatched', 'on_scene')"
RESOLVED_SQL = "state = 'resolved'"
# The timeline steps that can stop an SLA clock (acknowledging, dispatching, resolving).
STEP_EVENTS_SQL = "kind = 'state' AND to_state IN ('acknowledged', 'dispatched', 'resolved')"


class Incident(Base):
    """An item of the incident queue, whatever its source."""

    __tablename__ = "incident"
    __table_args__ = (
        # The queue's order over the open states only (~2 % of the rows at scale), for the
        # street-wide queue and for a station's communities.
        Index(
            "ix_incident_queue",
            "queue_rank",
            "created_at",
            "id",
            sqlite_where=text(OPEN_STATES_SQL),
            postgresql_where=text(OPEN_STATES_SQL),
        ),
        Index(
            "ix_incident_queue_community",
            "community_id",
            "queue_rank",
            "created_at",
            "id",
            sqlite_where=text(OPEN_STATES_SQL),
            postgresql_where=text(OPEN_STATES_SQL),
        ),
        # Resolved, waiting for a supervisor's review (few at any time).
        Index(
            "ix_incident_review",
            "queue_rank",
            "created_at",
            "id",
            sqlite_where=text(RESOLVED_SQL),
            postgresql_where=text(RESOLVED_SQL),
        ),
        Index("ix_incident_created_at", "created_at"),
        # Migration 0033: the few restricted incidents (screening risk alerts).
        Index(
            "ix_incident_restricted",
            "id",
            sqlite_where=text("restricted <> ''"),
            postgresql_where=text("restricted <> ''"),
        ),
        # Migration 0017: the SLA check's open items by age, then state, read from the index
        # alone (data.services.sla). Age first: led by state, SQLite took it for the queue's
        # ORDER BY too (an equality on state) and sorted every open row.
        Index(
            "ix_incident_sla",
            "created_at",
            "state",
            sqlite_where=text(OPEN_STATES_SQL),
            postgresql_where=text(OPEN_STATES_SQL),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    location: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # core.incidents.queue_rank(priority, state): set by every write that changes either.
    queue_rank: Mapped[int] = mapped_column(Integer, server_default="0")
    type_id: Mapped[int | None] = mapped_column(ForeignKey("incident_type.id"))
    disposition: Mapped[str] = mapped_column(String(200), server_default="")
    caller_name: Mapped[str] = mapped_column(String(64), server_default="")
    caller_phone: Mapped[str] = mapped_column(String(32), server_default="")
    # Retention (migration 0008): a held incident is never anonymised by the retention job;
    # anonymised_at marks a closed one whose personal details the job has cleared.
    legal_hold: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    legal_hold_reason: Mapped[str] = mapped_column(String(200), server_default="")
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Optimistic version (migration 0014): every write that changes the row adds one, so a
    # save from a window showing an older version is refused instead of overwriting.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    # Merged as a duplicate (migration 0015): closed, its timeline joined to this one's.
    merged_into_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("incident.id"))
    # Migration 0033: "risk" for a screening's risk alert, read only by the roles that handle
    # it (core.permissions.Permission.HANDLE_RISK); "" for every other incident.
    restricted: Mapped[str] = mapped_column(String(16), server_default="")


class IncidentEvent(Base):
    """One entry of an incident's append-only timeline."""

    __tablename__ = "incident_event"
    __table_args__ = (
        # Migration 0010: a breach of one SLA target is recorded once per incident, however
        # many workstations notice it at the same moment (the note names the target).
        Index(
            "uq_incident_event_sla_breach",
            "incident_id",
            "note",
            unique=True,
            sqlite_where=text("kind = 'sla_breach'"),
            postgresql_where=text("kind = 'sla_breach'"),
        ),
        # Migration 0017: the recent steps, for the SLA check to find a target missed while
        # no console was running (data.services.sla).
        Index(
            "ix_incident_event_step",
            "ts",
            sqlite_where=text(STEP_EVENTS_SQL),
            postgresql_where=text(STEP_EVENTS_SQL),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("incident.id", ondelete="CASCADE"), index=True
    )
    ts: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    workstation: Mapped[str] = mapped_column(String(16), default="")
    # The incident's version this entry's write produced (migration 0014; NULL before it): a
    # refused save names the entries made since the version its window showed.
    version: Mapped[int | None] = mapped_column(Integer)


class AuditLog(Base):
    """Append-only, hash-chained record of security-relevant acts."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ts: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(32), index=True)
    # Indexed: "who looked at this resident" reads a record's rows out of years of audit log.
    target: Mapped[str] = mapped_column(String(200), default="", index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHead(Base):
    """The chain's newest hash and length; its row lock serialises appends."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_hash: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(BigInteger)


class ChangeLog(Base):
    """Monotonic record of what changed, read by other workstations to refresh."""

    __tablename__ = "change_log"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ts: Mapped[datetime] = mapped_column(UTCDateTime)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[int | None] = mapped_column(BigInteger)
    op: Mapped[str] = mapped_column(String(8))
    workstation: Mapped[str] = mapped_column(String(16), default="")


class DbRoleScope(Base):
    """Which community a PostgreSQL login role reaches under row-level security (NULL: all).

    A role without a row reaches no row of a scoped table (migration 0006; `console db setup`
    fills it). Unused on SQLite, which has no database roles.
    """

    __tablename__ = "db_role_scope"
    role_name: Mapped[str] = mapped_column(Text, primary_key=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))


class SiteMeta(Base):
    """Key/value facts about the site this database serves (name, time zone, seed version)."""

    __tablename__ = "site_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AttachmentBlob(Base):
    """The bytes of an attached file, once per distinct content, keyed by their SHA-256.

    In the shared database, not on one PC's disk: every workstation can open every
    attachment of its scope (migration 0012; docs/DECISIONS.md).
    """

    __tablename__ = "attachment_blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Attachment(Base):
    """A file or snapshot attached to an incident; its bytes are in attachment_blob."""

    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("incident.id", ondelete="CASCADE"), index=True
    )
    sha256: Mapped[str] = mapped_column(
        String(64), ForeignKey("attachment_blob.sha256"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(BigInteger)
    mime: Mapped[str] = mapped_column(String(100))
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ShiftHandover(Base):
    """A shift handover report (migration 0013): who handed over, the audit head, the PDF."""

    __tablename__ = "shift_handover"
    __table_args__ = (Index("ix_shift_handover_pending", "workstation", "acknowledged_at"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    outgoing_user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    workstation: Mapped[str] = mapped_column(String(16))
    shift_start: Mapped[datetime] = mapped_column(UTCDateTime)
    shift_end: Mapped[datetime] = mapped_column(UTCDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    chain_head: Mapped[str] = mapped_column(String(64))
    chain_rows: Mapped[int] = mapped_column(BigInteger)
    checkpoint_file: Mapped[str] = mapped_column(String(200), default="")  # "" without a key
    signature: Mapped[str] = mapped_column(String(200))  # fingerprint and key id, or "no key"
    pdf_file: Mapped[str] = mapped_column(String(200))  # the name in the handover folder
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Unit(Base):
    """A unit of a department (patrol car, engine, volunteer) from the site file's [[unit]]."""

    __tablename__ = "unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(32), default="")


class Assignment(Base):
    """An incident dispatched to a department (or one of its units), with its answer and times.

    No community of its own: row-level security reaches it through its incident (0011).
    """

    __tablename__ = "assignment"
    __table_args__ = (
        # The open ones (~2 %), street-wide or of one department; a desk's recent finished ones.
        Index("ix_assignment_desk", "state", "department_id"),
        Index("ix_assignment_recent", "department_id", "updated_at"),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("incident.id", ondelete="CASCADE"), index=True
    )
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    state: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(String(500), default="")
    decline_reason: Mapped[str] = mapped_column(String(500), default="")
    notified_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    declined_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    en_route_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    on_scene_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answer_due: Mapped[datetime] = mapped_column(UTCDateTime)
    # Set once by whichever workstation first finds it unanswered (a conditional UPDATE):
    # the timeline records the escalation once however many consoles watch it.
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)


# What was merged into an incident (its joined timeline): few rows, so a partial index.
Index(
    "ix_incident_merged_into",
    Incident.merged_into_id,
    sqlite_where=text("merged_into_id IS NOT NULL"),
    postgresql_where=text("merged_into_id IS NOT NULL"),
)


class IncidentSearch(Base):
    """An incident's text as the History search compares it (core.history.search_body).

    Derived from the incident by data/services/incident_search.py; no foreign key, so that
    neither table blocks the other. The community is here for row-level security.
    """

    __tablename__ = "incident_search"
    incident_id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    community_id: Mapped[int | None] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(32), default="")  # digits only


class IncidentGram(Base):
    """The search index: one row per distinct bigram (or "#"+digit trigram) of an incident.

    Keyed (gram, incident_id): a gram's incidents newest first straight from the key.
    """

    __tablename__ = "incident_gram"
    __table_args__ = ({"sqlite_with_rowid": False},)
    # Byte order on PostgreSQL as on SQLite: a prefix is looked up as a range of grams, which
    # a locale's collation would reorder.
    gram: Mapped[str] = mapped_column(
        String(8).with_variant(String(8, collation="C"), "postgresql"), primary_key=True
    )
    incident_id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    community_id: Mapped[int | None] = mapped_column(Integer)


CALLBACK_SQL = (
    "direction = 'inbound' AND end_reason IN ('abandoned', 'busy') AND called_back_at IS NULL"
)
UNDISPOSED_SQL = "disposition = 'open' AND phase = 'ended'"


class Call(Base):
    """A telephone call on a workstation's line, from its first ring to what became of it.

    Written by data/services/calls.py from the gateway's reports (migration 0019). A row is
    one call of one run of the gateway: (workstation, gateway_call_id, started_at) is unique,
    so a report arriving twice changes nothing.
    """

    __tablename__ = "call"
    __table_args__ = (
        Index("uq_call_gateway", "workstation", "gateway_call_id", "started_at", unique=True),
        # The callback list: missed inbound calls nobody has called back (a few at any time).
        Index(
            "ix_call_callback",
            "started_at",
            sqlite_where=text(CALLBACK_SQL),
            postgresql_where=text(CALLBACK_SQL),
        ),
        # Ended calls still waiting to be linked to an incident or closed with a reason.
        Index(
            "ix_call_undisposed",
            "started_at",
            sqlite_where=text(UNDISPOSED_SQL),
            postgresql_where=text(UNDISPOSED_SQL),
        ),
        Index("ix_call_started_at", "started_at"),  # recent calls
        Index("ix_call_number", "number", "started_at"),  # a number's calls (callbacks)
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    gateway_call_id: Mapped[str] = mapped_column(String(64))
    sip_call_id: Mapped[str] = mapped_column(String(200), default="")
    direction: Mapped[str] = mapped_column(String(8))
    phase: Mapped[str] = mapped_column(String(8))
    number: Mapped[str] = mapped_column(String(64), default="")
    display: Mapped[str] = mapped_column(String(64), default="")
    workstation: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    end_reason: Mapped[str | None] = mapped_column(String(16))
    recording: Mapped[str] = mapped_column(String(500), default="")
    resident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("resident.id"))
    incident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("incident.id"), index=True)
    disposition: Mapped[str] = mapped_column(String(16), default="open")
    no_incident_reason: Mapped[str] = mapped_column(String(240), default="")
    disposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    disposed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    callback_of_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("call.id"))
    called_back_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    called_back_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


ALARM_INCIDENT_SQL = "outcome = 'incident'"


class AlarmEvent(Base):
    """One event an alarm panel reported (migration 0018); link tests are not stored.

    `key` is core.alarms.AlarmEvent.key: a retry or replay of a frame has the same key, and
    the unique index makes its second copy a no-op. No AES key is ever stored here.
    """

    __tablename__ = "alarm_event"
    __table_args__ = (
        Index("ix_alarm_event_device_time", "device_id", "received_at"),
        # The open alarm incident of a device and category: the rows that opened one.
        Index(
            "ix_alarm_event_opened",
            "device_id",
            "category",
            "id",
            sqlite_where=text(ALARM_INCIDENT_SQL),
            postgresql_where=text(ALARM_INCIDENT_SQL),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("device.id"))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    account: Mapped[str] = mapped_column(String(16))
    receiver: Mapped[str] = mapped_column(String(16), server_default="")
    line: Mapped[str] = mapped_column(String(16), server_default="")
    sequence: Mapped[str] = mapped_column(String(8), server_default="")
    message_type: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(8), server_default="")
    category: Mapped[str] = mapped_column(String(16))
    zone: Mapped[str] = mapped_column(String(16), server_default="")
    partition: Mapped[str] = mapped_column(String(8), server_default="")
    text: Mapped[str] = mapped_column(String(300), server_default="")
    panel_time: Mapped[datetime | None] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    transport: Mapped[str] = mapped_column(String(8), server_default="")
    peer: Mapped[str] = mapped_column(String(64), server_default="")
    incident_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("incident.id", ondelete="SET NULL"), index=True
    )
    outcome: Mapped[str] = mapped_column(String(16))


OPEN_EPISODE_SQL = "closed_at IS NULL"


class Tag(Base):
    """An RFID tag or GPS terminal issued to a person, a vehicle or an asset (migration 0020).

    `code` is the tag id in upper-case hex or the terminal's phone number. `resident_id` is
    the tracked person, or a vehicle's owner. `community_id` is the resident's, copied so
    row-level security applies. The care profile (safe zones, dwell, no-read hours, armed)
    belongs to the tag and moves to its replacement.
    """

    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(8))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    resident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("resident.id"), index=True)
    plate: Mapped[str] = mapped_column(String(16), default="", index=True)
    label: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(12))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    issued_by: Mapped[str] = mapped_column(String(64))
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    replaced_by_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("tag.id"))
    safe_zones: Mapped[str] = mapped_column(String(300), default="")  # zone codes, ","
    dwell_seconds: Mapped[int] = mapped_column(Integer, default=60)
    no_read_hours: Mapped[int] = mapped_column(Integer, default=0)  # 0: not watched
    armed: Mapped[bool] = mapped_column(Boolean, default=False)


class TagRead(Base):
    """History: a reader's sightings of a tag; `count` raw reads collapsed into this row."""

    __tablename__ = "tag_read"
    __table_args__ = (Index("ix_tag_read_tag_at", "tag_id", "at"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    tag_id: Mapped[int] = mapped_column(BigId, ForeignKey("tag.id"))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    reader: Mapped[str] = mapped_column(String(32))  # reader code, or the GPS device
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    rssi: Mapped[float | None] = mapped_column(Float)
    antenna: Mapped[int] = mapped_column(Integer, default=0)
    count: Mapped[int] = mapped_column(Integer, default=1)
    # Where the tag was placed with this read (the trail): None when it was not placed.
    x: Mapped[float | None] = mapped_column(Float)
    y: Mapped[float | None] = mapped_column(Float)
    zone: Mapped[str | None] = mapped_column(String(32))


class TagPosition(Base):
    """Where each tag was last placed; its id is the tag's (change_log "tag_position")."""

    __tablename__ = "tag_position"
    tag_id: Mapped[int] = mapped_column(BigId, ForeignKey("tag.id"), primary_key=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    zone: Mapped[str | None] = mapped_column(String(32))
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    at: Mapped[datetime] = mapped_column(UTCDateTime)  # placed there
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)  # last read, moved or not
    source: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(12), default="ok")


class TrackingEpisode(Base):
    """One care rule's open incident for one tag: later hits append to it, not a new one."""

    __tablename__ = "tracking_episode"
    __table_args__ = (
        Index(
            "uq_tracking_episode_open",
            "tag_id",
            "rule",
            unique=True,
            sqlite_where=text(OPEN_EPISODE_SQL),
            postgresql_where=text(OPEN_EPISODE_SQL),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    tag_id: Mapped[int] = mapped_column(BigId, ForeignKey("tag.id"), index=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    rule: Mapped[str] = mapped_column(String(24))
    incident_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("incident.id", ondelete="SET NULL"), index=True
    )
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime)
    hits: Mapped[int] = mapped_column(Integer, default=1)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class UnknownTag(Base):
    """A tag id a reader heard that no tag row has: shown as unknown, counted."""

    __tablename__ = "unknown_tag"
    __table_args__ = (Index("uq_unknown_tag_reader_code", "reader", "code", unique=True),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    reader: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(32))
    first_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime)
    count: Mapped[int] = mapped_column(BigInteger, default=0)


class IngestMark(Base):
    """The highest journal sequence whose items are committed, per journal (data.journal)."""

    __tablename__ = "ingest_mark"
    journal: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


OWN_VIEW_SQL = "owner_id IS NOT NULL"
SHARED_VIEW_SQL = "owner_id IS NULL"
CAMERA_INCIDENT_SQL = "outcome = 'incident'"


class WallView(Base):
    """A named layout of the video wall with a camera per tile (migration 0021).

    `owner_id` NULL: a shared view every console lists. A name is unique per owner, and among
    the shared views. Deleting sets `deleted_at` (the console's role deletes no rows); saving
    the name again brings the row back.
    """

    __tablename__ = "wall_view"
    __table_args__ = (
        Index(
            "uq_wall_view_own",
            "owner_id",
            "name",
            unique=True,
            sqlite_where=text(OWN_VIEW_SQL),
            postgresql_where=text(OWN_VIEW_SQL),
        ),
        Index(
            "uq_wall_view_shared",
            "name",
            unique=True,
            sqlite_where=text(SHARED_VIEW_SQL),
            postgresql_where=text(SHARED_VIEW_SQL),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    name: Mapped[str] = mapped_column(String(64))
    layout: Mapped[str] = mapped_column(String(16))
    tiles: Mapped[str] = mapped_column(Text)  # JSON: a camera code (or null) per tile
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(64))
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CameraSetting(Base):
    """A camera's motion detection settings; a camera without a row has the defaults.

    `community_id` is the camera's (device row), copied so row-level security applies.
    """

    __tablename__ = "camera_setting"
    camera: Mapped[str] = mapped_column(String(32), ForeignKey("device.code"), primary_key=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    motion_enabled: Mapped[bool] = mapped_column(Boolean)
    sensitivity: Mapped[int] = mapped_column(Integer)  # 0 … 100
    mask: Mapped[str] = mapped_column(Text)  # JSON: polygons of normalised (x, y) points
    schedule: Mapped[str] = mapped_column(String(200))  # when armed, e.g. "mon-sun 22:00-06:00"
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CameraEvent(Base):
    """Something a camera saw that an incident names: detected motion, or a snapshot an
    operator attached. Rows that opened an incident have outcome "incident"; later motion
    of the same camera and rule appends to that incident while it is open."""

    __tablename__ = "camera_event"
    __table_args__ = (
        Index("ix_camera_event_camera_at", "camera", "at"),
        Index(
            "ix_camera_event_opened",
            "camera",
            "rule",
            "id",
            sqlite_where=text(CAMERA_INCIDENT_SQL),
            postgresql_where=text(CAMERA_INCIDENT_SQL),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    camera: Mapped[str] = mapped_column(String(32), ForeignKey("device.code"))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # "motion" or "snapshot"
    rule: Mapped[str] = mapped_column(String(24))  # "motion"; "" for a snapshot
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    score: Mapped[float] = mapped_column(Float)
    regions: Mapped[str] = mapped_column(Text)  # JSON: normalised [x, y, w, h] boxes
    incident_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("incident.id", ondelete="SET NULL"), index=True
    )
    attachment_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("attachment.id", ondelete="SET NULL")
    )
    outcome: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(64))


WRITING_SEGMENT_SQL = "state = 'writing'"
OPEN_GAP_SQL = "end_ts IS NULL"
LIVE_HOLD_SQL = "released_at IS NULL"
RECORDER_INCIDENT_SQL = "outcome = 'incident'"


class RecordingSegment(Base):
    """One recorded file of one camera (migration 0022), written by the recorder's index.

    `path` is relative to the recording root; `end_ts`, `bytes` and `sha256` are set when the
    file is closed. `community_id` is the camera's (device row), copied for row security. The
    recorder deletes the row with its file (retention), so the table holds what is on disk.
    """

    __tablename__ = "recording_segment"
    __table_args__ = (
        Index("ix_recording_segment_camera_start", "camera", "start_ts"),
        Index("ix_recording_segment_start", "start_ts"),
        Index(
            "ix_recording_segment_writing",
            "camera",
            sqlite_where=text(WRITING_SEGMENT_SQL),
            postgresql_where=text(WRITING_SEGMENT_SQL),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    camera: Mapped[str] = mapped_column(String(32))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    start_ts: Mapped[datetime] = mapped_column(UTCDateTime)
    end_ts: Mapped[datetime | None] = mapped_column(UTCDateTime)
    path: Mapped[str] = mapped_column(String(300))
    bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    codec: Mapped[str] = mapped_column(String(16), default="")
    state: Mapped[str] = mapped_column(String(10))  # core.recording.SegmentState
    recorder: Mapped[str] = mapped_column(String(64))
    created: Mapped[datetime] = mapped_column(UTCDateTime)


class RecordingGap(Base):
    """A stretch of a camera's time not recorded, and why; `end_ts` NULL while it lasts."""

    __tablename__ = "recording_gap"
    __table_args__ = (
        Index("ix_recording_gap_camera_start", "camera", "start_ts"),
        Index(
            "ix_recording_gap_open",
            "camera",
            sqlite_where=text(OPEN_GAP_SQL),
            postgresql_where=text(OPEN_GAP_SQL),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    camera: Mapped[str] = mapped_column(String(32))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    start_ts: Mapped[datetime] = mapped_column(UTCDateTime)
    end_ts: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cause: Mapped[str] = mapped_column(String(16))  # core.recording.GapCause
    detail: Mapped[str] = mapped_column(String(300), default="")


class EvidenceHold(Base):
    """An incident's evidence hold: these cameras' recordings in [start, end) outlive retention
    until a supervisor releases the hold (the row stays, with who released it and why)."""

    __tablename__ = "evidence_hold"
    __table_args__ = (
        Index(
            "ix_evidence_hold_live",
            "start_ts",
            sqlite_where=text(LIVE_HOLD_SQL),
            postgresql_where=text(LIVE_HOLD_SQL),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    incident_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("incident.id", ondelete="SET NULL"), index=True
    )
    cameras: Mapped[str] = mapped_column(Text)  # camera codes, comma-separated
    start_ts: Mapped[datetime] = mapped_column(UTCDateTime)
    end_ts: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    released_by: Mapped[str | None] = mapped_column(String(64))
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    release_reason: Mapped[str | None] = mapped_column(String(200))


class Bookmark(Base):
    """A moment of a camera's recording marked with a note; deleting sets `deleted_at`."""

    __tablename__ = "bookmark"
    __table_args__ = (Index("ix_bookmark_camera_at", "camera", "at_ts"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    camera: Mapped[str] = mapped_column(String(32))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    at_ts: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(String(500), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    incident_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("incident.id", ondelete="SET NULL"), index=True
    )
    created: Mapped[datetime] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class RecorderStatus(Base):
    """A recorder's latest heartbeat (core.recording.RecorderHealth), one row per recorder."""

    __tablename__ = "recorder_status"
    recorder: Mapped[str] = mapped_column(String(64), primary_key=True)
    started: Mapped[datetime] = mapped_column(UTCDateTime)
    heartbeat: Mapped[datetime] = mapped_column(UTCDateTime)
    cameras_total: Mapped[int] = mapped_column(Integer, default=0)
    cameras_recording: Mapped[int] = mapped_column(Integer, default=0)
    bitrate_bps: Mapped[float] = mapped_column(Float, default=0.0)
    disk_free_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    disk_total_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    days_fit: Mapped[float | None] = mapped_column(Float)
    root: Mapped[str] = mapped_column(String(500), default="")
    detail: Mapped[str] = mapped_column(String(300), default="")
    failing: Mapped[str] = mapped_column(Text, default="")  # camera codes, comma-separated


class RecorderAlarm(Base):
    """A problem a recorder reported (disk full, a camera not recording), and the incident it
    opened or joined: one open incident per problem (its camera, or the recorder's volume)."""

    __tablename__ = "recorder_alarm"
    __table_args__ = (
        Index(
            "ix_recorder_alarm_opened",
            "camera",
            "id",
            sqlite_where=text(RECORDER_INCIDENT_SQL),
            postgresql_where=text(RECORDER_INCIDENT_SQL),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    recorder: Mapped[str] = mapped_column(String(64))
    camera: Mapped[str] = mapped_column(String(32))  # "" for the recorder as a whole
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(String(300))
    incident_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("incident.id", ondelete="SET NULL"), index=True
    )
    outcome: Mapped[str] = mapped_column(String(16))  # "incident" or "appended"


# Station PCs (migration 0023): what a community station sent, exactly once per UUID.
OPEN_TICKET_SQL = "status = 'open'"
UNDECIDED_SQL = "decided_at IS NULL"
# Feedback tickets (migration 0026): those whose clocks still run, and their overdue events.
UNRESOLVED_TICKET_SQL = "status IN ('open', 'answered')"
TICKET_OVERDUE_SQL = "kind = 'overdue'"


class StationReceipt(Base):
    """A station's submission as the server accepted it: one row per client UUID, written in
    the same transaction as what it records, so a resend is answered from here, never written
    twice. `outcome` is the core.station.SendState it got (a decided conflict's decision)."""

    __tablename__ = "station_receipt"
    # Which stations sent anything in a month (the KPIs' terminals and coverage, 0036).
    __table_args__ = (
        Index("ix_station_receipt_received", "received_at", "workstation", "community_id"),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # core.station.EntryKind
    workstation: Mapped[str] = mapped_column(String(16))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    result_ref: Mapped[str] = mapped_column(String(64), default="")  # "incident:42", "ticket:7"
    detail: Mapped[str] = mapped_column(String(300), default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)  # the server's clock
    station_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the station's clock
    received_by: Mapped[str] = mapped_column(String(64), default="")


class ServiceTicket(Base):
    """A resident's request that is not an incident (needs, help with daily life, feedback)."""

    __tablename__ = "service_ticket"
    __table_args__ = (
        Index(
            "ix_service_ticket_open",
            "community_id",
            "created_at",
            sqlite_where=text(OPEN_TICKET_SQL),
            postgresql_where=text(OPEN_TICKET_SQL),
        ),
        Index("ix_service_ticket_created_at", "created_at"),  # the monthly rates
        Index("ix_service_ticket_response_due", "response_due_at"),  # answered in time (0036)
        Index(
            "ix_service_ticket_unresolved",
            "resolve_due_at",
            sqlite_where=text(UNRESOLVED_TICKET_SQL),
            postgresql_where=text(UNRESOLVED_TICKET_SQL),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    resident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("resident.id"), index=True)
    category: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text, default="")
    caller_name: Mapped[str] = mapped_column(String(64), default="")
    caller_phone: Mapped[str] = mapped_column(String(32), default="")
    status: Mapped[str] = mapped_column(String(16))  # core.feedback.TicketState
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    workstation: Mapped[str] = mapped_column(String(16), default="")
    client_uuid: Mapped[str | None] = mapped_column(String(36), unique=True)
    # Feedback (migration 0026, core.feedback): where it came from, who handles it, its two
    # deadlines, the reply, the outcome and the resident's rating. The department by its code,
    # not a foreign key: 0026's downgrade drops these columns in place on SQLite, which a
    # foreign key forbids (a table rebuild would cascade-delete the ticket photos).
    source: Mapped[str] = mapped_column(String(16), default="station")  # core.feedback.Source
    source_ref: Mapped[str] = mapped_column(String(64), default="")  # "call:7", "round:R1/q3"
    department_code: Mapped[str | None] = mapped_column(String(16))
    response_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolve_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the first reply
    reply_channel: Mapped[str | None] = mapped_column(String(8))  # the last reply's
    reply_text: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rating: Mapped[int | None] = mapped_column(Integer)  # 1-5, the resident's
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reopened: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ServiceTicketEvent(Base):
    """A ticket's history (migration 0026): every step, who took it, and the clock's overdue
    events, told once per ticket, deadline and due time (the partial unique index)."""

    __tablename__ = "service_ticket_event"
    __table_args__ = (
        Index(
            "uq_service_ticket_event_overdue",
            "ticket_id",
            "value",
            unique=True,
            sqlite_where=text(TICKET_OVERDUE_SQL),
            postgresql_where=text(TICKET_OVERDUE_SQL),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("service_ticket.id", ondelete="CASCADE"), index=True
    )
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    ts: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(16))  # core.feedback.Action
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    workstation: Mapped[str] = mapped_column(String(16), default="")
    value: Mapped[str] = mapped_column(String(64), default="")  # channel, rating, department
    note: Mapped[str] = mapped_column(Text, default="")


class ServiceTicketPhoto(Base):
    """A photo taken with a ticket at a station (migration 0025): its own bytes, the ticket's
    community for row-level security."""

    __tablename__ = "service_ticket_photo"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("service_ticket.id", ondelete="CASCADE"), index=True
    )
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    name: Mapped[str] = mapped_column(String(200))
    mime: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StationHeartbeat(Base):
    """A station's last sign of life, by the server's clock, and what it said then."""

    __tablename__ = "station_heartbeat"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    workstation: Mapped[str] = mapped_column(String(16), unique=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    clock_skew_s: Mapped[float] = mapped_column(Float, default=0.0)  # station minus server
    waiting: Mapped[int] = mapped_column(Integer, default=0)


class StationConflict(Base):
    """An entry the server could not apply as sent (the incident changed meanwhile): kept
    whole until a person decides to apply it anyway or to drop it."""

    __tablename__ = "station_conflict"
    __table_args__ = (
        Index(
            "ix_station_conflict_open",
            "community_id",
            "created_at",
            sqlite_where=text(UNDECIDED_SQL),
            postgresql_where=text(UNDECIDED_SQL),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    workstation: Mapped[str] = mapped_column(String(16))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    kind: Mapped[str] = mapped_column(String(16))
    incident_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("incident.id", ondelete="SET NULL"), index=True
    )
    payload: Mapped[str] = mapped_column(Text)  # the entry as sent, JSON
    reason: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decision: Mapped[str | None] = mapped_column(String(16))  # "applied" or "discarded"


class SurveyForm(Base):
    """One version of a survey form (TOML text); frozen once published (migration 0024)."""

    __tablename__ = "survey_form"
    __table_args__ = (UniqueConstraint("code", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    definition: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # NULL: a draft
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SurveyRound(Base):
    """A round of a published form: purpose, sampling frame, dates, anonymity."""

    __tablename__ = "survey_round"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("survey_form.id"))
    purpose: Mapped[str] = mapped_column(String(300))
    frame_kind: Mapped[str] = mapped_column(String(16))
    frame_params: Mapped[str] = mapped_column(Text)  # JSON
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    anonymous: Mapped[bool] = mapped_column(Boolean)
    keep_partial: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SurveyFrameMember(Base):
    """A person drawn into a round's sampling frame."""

    __tablename__ = "survey_frame_member"
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_round.id"), primary_key=True)
    resident_id: Mapped[int] = mapped_column(BigId, ForeignKey("resident.id"), primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)


class SurveyResponse(Base):
    """A response. In an anonymous round `resident_id` is NULL and nothing else names the
    person: a random UUID key, no rowid on SQLite, the time rounded down to the hour."""

    __tablename__ = "survey_response"
    __table_args__ = (
        UniqueConstraint("round_id", "resident_id"),
        # One response per business per round (migration 0027, an index on both backends).
        Index("uq_survey_response_business", "round_id", "business_id", unique=True),
        Index("ix_survey_response_submitted", "round_id", "submitted_at"),  # KPIs (0036)
        {"sqlite_with_rowid": False},
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_round.id"))
    client_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    resident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("resident.id"))
    mode: Mapped[str] = mapped_column(String(8))
    helped_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    age_band: Mapped[str] = mapped_column(String(8))
    care_flag: Mapped[bool] = mapped_column(Boolean)
    answers: Mapped[str] = mapped_column(Text)  # JSON object keyed by question id
    complete: Mapped[bool] = mapped_column(Boolean)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    workstation: Mapped[str] = mapped_column(String(16))
    # A business round's respondent (0027); NULL in an anonymous round, like resident_id.
    business_id: Mapped[int | None] = mapped_column(ForeignKey("business.id"))


class SurveyAnswered(Base):
    """An anonymous round's only record of a person: "has answered" (the day, not the time)."""

    __tablename__ = "survey_answered"
    __table_args__ = ({"sqlite_with_rowid": False},)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_round.id"), primary_key=True)
    resident_id: Mapped[int] = mapped_column(BigId, ForeignKey("resident.id"), primary_key=True)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Business(Base):
    """A business of the street (shop, restaurant, market stall...): a survey frame's unit;
    the contact person's name and phone are personal data, masked like a resident's."""

    __tablename__ = "business"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    contact_name: Mapped[str] = mapped_column(String(64))
    contact_phone: Mapped[str] = mapped_column(String(32))
    licence_no: Mapped[str] = mapped_column(String(32))
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)  # NULL: still trading
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SurveyFrameBusiness(Base):
    """A business drawn into a round's sampling frame (migration 0027)."""

    __tablename__ = "survey_frame_business"
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_round.id"), primary_key=True)
    business_id: Mapped[int] = mapped_column(ForeignKey("business.id"), primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)


class SurveyAnsweredBusiness(Base):
    """An anonymous business round's only record of a business: "has answered" (the day)."""

    __tablename__ = "survey_answered_business"
    __table_args__ = ({"sqlite_with_rowid": False},)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_round.id"), primary_key=True)
    business_id: Mapped[int] = mapped_column(ForeignKey("business.id"), primary_key=True)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime)


# --- merchants (0028) ---
class Merchant(Base):
    """A certified merchant (fair-price shop): a registered business with its licences; it
    is suspended (by hand or when a licence runs out) or exits, never deleted."""

    __tablename__ = "merchant"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    business_id: Mapped[int] = mapped_column(ForeignKey("business.id"), unique=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))  # as certified; the register may rename
    status: Mapped[str] = mapped_column(String(16))  # active | suspended | exited
    status_reason: Mapped[str] = mapped_column(String(200))
    licence_no: Mapped[str] = mapped_column(String(32))  # business licence (营业执照)
    licence_expires: Mapped[date] = mapped_column(Date)
    food_licence_no: Mapped[str] = mapped_column(String(32))  # "" for a service business
    food_licence_expires: Mapped[date | None] = mapped_column(Date)
    certified_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MerchantStaff(Base):
    """A merchant's registered person (some deliver to doors): name and phone are personal
    data; the health certificate has a number and an expiry."""

    __tablename__ = "merchant_staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchant.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(32))
    deliverer: Mapped[bool] = mapped_column(Boolean)
    health_cert_no: Mapped[str] = mapped_column(String(32))
    health_cert_expires: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean)


class MerchantInspection(Base):
    """An inspection of a merchant with its score (0–100) and findings."""

    __tablename__ = "merchant_inspection"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchant.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    inspected_on: Mapped[date] = mapped_column(Date)
    inspector: Mapped[str] = mapped_column(String(64))
    score: Mapped[int] = mapped_column(Integer)
    findings: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MerchantComplaint(Base):
    """A complaint about a merchant, due by a deadline that its category sets."""

    __tablename__ = "merchant_complaint"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchant.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    category: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(64))


class MerchantStatusEvent(Base):
    """The trail of a merchant's status: certified, suspended, reinstated, exited, and why."""

    __tablename__ = "merchant_status_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchant.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    ts: Mapped[datetime] = mapped_column(UTCDateTime)
    from_status: Mapped[str] = mapped_column(String(16))  # "" when certified
    to_status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(200))
    actor: Mapped[str] = mapped_column(String(64))


class Product(Base):
    """Goods or a household service a merchant sells; price in integer fen. `code` names the
    commodity (RICE-5KG): price surveys of that code give its reference price."""

    __tablename__ = "product"
    __table_args__ = (UniqueConstraint("merchant_id", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchant.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))  # goods | service
    unit: Mapped[str] = mapped_column(String(16))
    price_cents: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ProductPrice(Base):
    """A product's price from a time on: its history (the first row is its first price)."""

    __tablename__ = "product_price"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    price_cents: Mapped[int] = mapped_column(Integer)
    from_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(64))


class PriceObservation(Base):
    """One market price seen in a price survey of a commodity (street-wide: markets outside
    the communities count); the median of recent ones is the reference price."""

    __tablename__ = "price_observation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), index=True)
    observed_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(100))
    price_cents: Mapped[int] = mapped_column(Integer)
    observer: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


# --- volunteers (0029) ---
class Volunteer(Base):
    """A registered volunteer with a real-name identity; the identity number and birth date
    are encrypted at rest and the *_mask columns are what lists show, as for a resident."""

    __tablename__ = "volunteer"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    # Set when the volunteer is also a registered resident of the street.
    resident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("resident.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    name_mask: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(32))
    phone_mask: Mapped[str] = mapped_column(String(32))
    gender: Mapped[str] = mapped_column(String(1))
    birth_year: Mapped[int] = mapped_column(Integer)
    birth_date_enc: Mapped[str] = mapped_column(String(120))
    id_number_enc: Mapped[str] = mapped_column(String(120))
    id_number_hmac: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    id_number_mask: Mapped[str] = mapped_column(String(18))
    skills: Mapped[str] = mapped_column(String(200))  # comma-separated, as typed
    insurance_policy: Mapped[str] = mapped_column(String(40))  # "" when uninsured
    insurance_expires: Mapped[date | None] = mapped_column(Date)
    # Weekly availability: bit weekday * 3 + part of day (core.volunteers.AVAILABILITY_SLOTS).
    availability: Mapped[int] = mapped_column(Integer)
    # JPEG or PNG, size-capped by the service (core.volunteers.PHOTO_MAX_BYTES).
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    active: Mapped[bool] = mapped_column(Boolean)
    joined_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class VolunteerQualification(Base):
    """A qualification a volunteer holds (first aid, driving...), with its expiry if any."""

    __tablename__ = "volunteer_qualification"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(40))
    expires_on: Mapped[date | None] = mapped_column(Date)


class VolunteerTeam(Base):
    """A team of volunteers; street-wide when community_id is NULL. The leader approves hours:
    leader_user_id is the leader's console account, when they have one."""

    __tablename__ = "volunteer_team"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    leader_volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id"))
    leader_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class VolunteerTeamMember(Base):
    """A volunteer's membership of a team; leaving sets left_on (rejoining clears it)."""

    __tablename__ = "volunteer_team_member"
    team_id: Mapped[int] = mapped_column(ForeignKey("volunteer_team.id"), primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id"), primary_key=True, index=True
    )
    joined_on: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)


class VolunteerShift(Base):
    """A shift volunteers sign up for, with the rules a sign-up must pass."""

    __tablename__ = "volunteer_shift"
    __table_args__ = (Index("ix_volunteer_shift_community_starts", "community_id", "starts_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer_team.id"))
    title: Mapped[str] = mapped_column(String(100))
    place: Mapped[str] = mapped_column(String(100))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    capacity: Mapped[int] = mapped_column(Integer)
    qualification: Mapped[str] = mapped_column(String(32))  # "" when none is required
    min_age: Mapped[int] = mapped_column(Integer)  # 0: no minimum
    signup_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    signup_mode: Mapped[str] = mapped_column(String(16))  # instant | confirm
    cancelled: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class VolunteerSignup(Base):
    """A volunteer's sign-up for a shift: pending, confirmed, declined or withdrawn."""

    __tablename__ = "volunteer_signup"
    __table_args__ = (
        Index("uq_volunteer_signup_shift_volunteer", "shift_id", "volunteer_id", unique=True),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("volunteer_shift.id"))
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class VolunteerPairing(Base):
    """A standing pairing of a volunteer with a resident for regular visits; ended, never
    deleted."""

    __tablename__ = "volunteer_pairing"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    resident_id: Mapped[int] = mapped_column(BigId, ForeignKey("resident.id"), index=True)
    cadence: Mapped[str] = mapped_column(String(16))  # weekly | fortnightly | monthly
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    note: Mapped[str] = mapped_column(String(200))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class VolunteerTask(Base):
    """A task for a volunteer: from an incident (welfare check), an order delivery or a
    request at a station. order_id has no foreign key: the orders' table is migration 0030."""

    __tablename__ = "volunteer_task"
    __table_args__ = (Index("ix_volunteer_task_community_status", "community_id", "status"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    kind: Mapped[str] = mapped_column(String(16))  # core.volunteers.TaskKind
    resident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("resident.id"))
    incident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("incident.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # the station request (a service ticket) it answers (0035)
    ticket_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("service_ticket.id"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))  # core.volunteers.TaskStatus
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id"), index=True)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer_shift.id"))
    title: Mapped[str] = mapped_column(String(120))
    note: Mapped[str] = mapped_column(String(400))
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# --- orders (0030) ---
class OrderWindow(Base):
    """A merchant's ordering window on a day with its capacity; `taken` counts the orders in
    it and only ever grows under a guarded UPDATE (taken < capacity), so two workstations
    filling the last place at once cannot both get it."""

    __tablename__ = "order_window"
    __table_args__ = (
        UniqueConstraint("merchant_id", "day", "starts_minute"),
        Index("ix_order_window_day", "day"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchant.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    starts_minute: Mapped[int] = mapped_column(Integer)  # minutes after local midnight
    ends_minute: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    taken: Mapped[int] = mapped_column(Integer)


class NecessityOrder(Base):
    """An order of daily necessities placed for a resident, delivered by a named person.

    `client_uuid` is the workstation's id of the draft: a second submit finds the first order.
    Status per core.orders.OrderStatus; its steps are delivery_event rows."""

    __tablename__ = "necessity_order"
    __table_args__ = (Index("ix_necessity_order_community_status", "community_id", "status"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_uuid: Mapped[str] = mapped_column(String(40), unique=True)
    resident_id: Mapped[int] = mapped_column(BigId, ForeignKey("resident.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchant.id"), index=True)
    window_id: Mapped[int] = mapped_column(ForeignKey("order_window.id"), index=True)
    status: Mapped[str] = mapped_column(String(24))
    channel: Mapped[str] = mapped_column(String(16))  # station | hotline | family
    call_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("call.id"))
    family_member: Mapped[str] = mapped_column(String(40))
    deliverer_staff_id: Mapped[int | None] = mapped_column(ForeignKey("merchant_staff.id"))
    deliverer_volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id"))
    total_cents: Mapped[int] = mapped_column(Integer)
    confirm_reason: Mapped[str] = mapped_column(String(40))  # "" or core.orders.ConfirmReason,…
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    confirmed_by: Mapped[str] = mapped_column(String(64))
    confirm_call_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("call.id"))
    fail_reason: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(String(200))
    placed_by: Mapped[str] = mapped_column(String(64))
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OrderLine(Base):
    """One product of an order at the price of the moment it was placed (integer fen)."""

    __tablename__ = "order_line"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("necessity_order.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    name: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[int] = mapped_column(Integer)
    price_cents: Mapped[int] = mapped_column(Integer)


class DeliveryEvent(Base):
    """A step of an order: placed, confirmed, accepted, picked, en route, delivered, failed."""

    __tablename__ = "delivery_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("necessity_order.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    ts: Mapped[datetime] = mapped_column(UTCDateTime)
    from_status: Mapped[str] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(String(200))
    actor: Mapped[str] = mapped_column(String(64))


class DeliveryProof(Base):
    """The proof of a hand-off: a signature and/or a photo and who confirmed at the door."""

    __tablename__ = "delivery_proof"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("necessity_order.id"), unique=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    signature_png: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    photo_name: Mapped[str] = mapped_column(String(100))
    confirmed_by: Mapped[str] = mapped_column(String(64))
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


# --- hours (0031) ---
class VolunteerAttendance(Base):
    """One check-in to check-out of a volunteer (migration 0031): at a shift, a task or a
    door; `minutes` (service time, travel excluded) set at check-out; certificates count
    only approved rows."""

    __tablename__ = "volunteer_attendance"
    __table_args__ = (
        Index("ix_volunteer_attendance_volunteer", "volunteer_id", "checkin_at"),
        # At most one open attendance per volunteer (two PCs racing cannot both check in).
        Index(
            "uq_volunteer_attendance_open",
            "volunteer_id",
            unique=True,
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer_shift.id"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer_task.id"))
    # The person helped (a door's resident or the task's), whose confirmation approval needs.
    resident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("resident.id"))
    place: Mapped[str] = mapped_column(String(64))  # the check-in code's place
    content: Mapped[str] = mapped_column(Text)  # what was done
    checkin_at: Mapped[datetime] = mapped_column(UTCDateTime)
    checkout_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    travel_minutes: Mapped[int] = mapped_column(Integer)
    minutes: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)  # core.volunteer_hours
    checked_in_by: Mapped[str] = mapped_column(String(64))  # the account that took the scan
    confirmed_via: Mapped[str | None] = mapped_column(String(16))  # door | phone | station
    confirmed_by: Mapped[str | None] = mapped_column(String(64))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rejected_reason: Mapped[str | None] = mapped_column(String(200))


class VolunteerCheckinUse(Base):
    """A check-in code's nonce as used by one volunteer in one direction: a second use is a
    replay, refused by the unique constraint even when two PCs race."""

    __tablename__ = "volunteer_checkin_use"
    __table_args__ = (UniqueConstraint("nonce", "volunteer_id", "direction"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nonce: Mapped[str] = mapped_column(String(16))
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"))
    direction: Mapped[str] = mapped_column(String(3))  # in | out
    place: Mapped[str] = mapped_column(String(64))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    attendance_id: Mapped[int] = mapped_column(ForeignKey("volunteer_attendance.id"))
    used_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)  # rows past it may be purged


class VolunteerHoursCorrection(Base):
    """One correction of an attendance: the old value, the new, the reason, who and when."""

    __tablename__ = "volunteer_hours_correction"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attendance_id: Mapped[int] = mapped_column(ForeignKey("volunteer_attendance.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    field: Mapped[str] = mapped_column(String(16))
    old_value: Mapped[str] = mapped_column(Text)
    new_value: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(200))
    corrected_by: Mapped[str] = mapped_column(String(64))
    corrected_at: Mapped[datetime] = mapped_column(UTCDateTime)


# --- certificates (0032) ---


class Certificate(Base):
    """A volunteer service certificate (MCA Order 67): listed publicly for seven days, then
    issued with the year's next number; a withdrawn one keeps its number and says so."""

    __tablename__ = "certificate"
    __table_args__ = (UniqueConstraint("year", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))  # core.certificates.CertificateStatus
    number: Mapped[str | None] = mapped_column(String(32), unique=True)  # NULL until issued
    year: Mapped[int | None] = mapped_column(Integer)
    seq: Mapped[int | None] = mapped_column(Integer)
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)  # approved service minutes, as listed
    content: Mapped[str] = mapped_column(Text)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    listed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    listed_until: Mapped[datetime] = mapped_column(UTCDateTime)
    objection: Mapped[str] = mapped_column(Text)  # "" unless someone objected in the listing
    issuer: Mapped[str] = mapped_column(String(100))  # the issuing organisation at issue
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_reason: Mapped[str] = mapped_column(String(200))


class CertificateArchive(Base):
    """The issued certificate's PDF as issued, and its SHA-256 (kept apart from the list)."""

    __tablename__ = "certificate_archive"
    certificate_id: Mapped[int] = mapped_column(ForeignKey("certificate.id"), primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    archived_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CertificateCounter(Base):
    """The last certificate sequence number used in a year: the row is locked by the issuing
    transaction, so two workstations issuing at once take consecutive numbers."""

    __tablename__ = "certificate_counter"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)


class TimebankAccount(Base):
    """A time-bank account: a community's, a volunteer's or an elder resident's."""

    __tablename__ = "timebank_account"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # "community:C01", "volunteer:12", "resident:7": one account per holder, even when two
    # workstations open it at once.
    holder_key: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # core.timebank.AccountKind
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id"))
    resident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("resident.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TimebankTxn(Base):
    """A time-bank transaction; its entries sum to zero."""

    __tablename__ = "timebank_txn"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # core.timebank.TxnKind
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # A deposit's attendance record: deposited once whichever workstation posts it.
    attendance_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer_attendance.id"), unique=True
    )
    relation: Mapped[str] = mapped_column(String(16))  # a transfer's core.timebank.Relation
    note: Mapped[str] = mapped_column(String(200))


class TimebankEntry(Base):
    """One side of a transaction: signed minutes into an account (its community's row)."""

    __tablename__ = "timebank_entry"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    txn_id: Mapped[int] = mapped_column(ForeignKey("timebank_txn.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("timebank_account.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    minutes: Mapped[int] = mapped_column(Integer)


class ScreeningLicence(Base):
    """An instrument that needs permission, registered with its licence (migration 0033).

    `definition` is the instrument as JSON; a new version is a new row, and screenings name
    the version they used.
    """

    __tablename__ = "screening_licence"
    __table_args__ = (UniqueConstraint("code", "version", name="uq_screening_licence_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)
    definition: Mapped[str] = mapped_column(Text)
    holder: Mapped[str] = mapped_column(String(120))
    reference: Mapped[str] = mapped_column(String(120))
    granted_on: Mapped[date] = mapped_column(Date)
    expires: Mapped[date | None] = mapped_column(Date)
    registered_by: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Screening(Base):
    """One instrument given to one resident: partial until every item is answered.

    The answers are encrypted at rest; the score, band and flags are kept beside them for the
    figures and the rescreen schedule (read only by the roles that may see results).
    """

    __tablename__ = "screening"
    __table_args__ = (
        Index("ix_screening_resident", "resident_id", "started_at"),
        Index("ix_screening_completed", "completed_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_uuid: Mapped[str] = mapped_column(String(40), unique=True)
    sitting_uuid: Mapped[str] = mapped_column(String(40))
    resident_id: Mapped[int] = mapped_column(BigId, ForeignKey("resident.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    instrument: Mapped[str] = mapped_column(String(24))
    mode: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(10))
    answers_enc: Mapped[str] = mapped_column(Text)
    answered: Mapped[int] = mapped_column(Integer)
    total: Mapped[int | None] = mapped_column(Integer)
    band: Mapped[str | None] = mapped_column(String(24))
    positive: Mapped[bool | None] = mapped_column(Boolean)
    risk: Mapped[bool] = mapped_column(Boolean)
    consent_id: Mapped[int] = mapped_column(BigId, ForeignKey("consent.id"))
    incident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("incident.id"))
    given_by: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CounsellingAppointment(Base):
    """A booked counselling or legal-advice session with a resident."""

    __tablename__ = "counselling_appointment"
    __table_args__ = (Index("ix_counselling_appointment_starts", "starts_at", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resident_id: Mapped[int] = mapped_column(BigId, ForeignKey("resident.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    minutes: Mapped[int] = mapped_column(Integer)
    counsellor: Mapped[str] = mapped_column(String(64))
    place: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(12))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CounsellingContact(Base):
    """A contact: counselling, an education session, a hotline call or legal advice.

    An education session may have no one resident (`attendees` counts the people); the notes
    are encrypted at rest and read only by the counselling role.
    """

    __tablename__ = "counselling_contact"
    __table_args__ = (
        Index("ix_counselling_contact_at", "at"),
        Index("ix_counselling_contact_resident", "resident_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_uuid: Mapped[str] = mapped_column(String(40), unique=True)
    resident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("resident.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    minutes: Mapped[int] = mapped_column(Integer)
    attendees: Mapped[int] = mapped_column(Integer)
    topic: Mapped[str] = mapped_column(String(100))
    note_enc: Mapped[str] = mapped_column(Text)
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("counselling_appointment.id"))
    counsellor: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CounsellingReferral(Base):
    """A referral to a professional (or the legal-aid office) and what came of it."""

    __tablename__ = "counselling_referral"
    __table_args__ = (Index("ix_counselling_referral_resident", "resident_id", "referred_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resident_id: Mapped[int] = mapped_column(BigId, ForeignKey("resident.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    to_kind: Mapped[str] = mapped_column(String(16))
    to_name: Mapped[str] = mapped_column(String(100))
    reason_enc: Mapped[str] = mapped_column(Text)
    screening_id: Mapped[int | None] = mapped_column(ForeignKey("screening.id"))
    referred_by: Mapped[str] = mapped_column(String(64))
    referred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12))
    outcome_enc: Mapped[str] = mapped_column(Text)
    outcome_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# --- employment (0034) ---


class Employer(Base):
    """An employer the employment service works with (core.employment.Employer).

    Without a community it is the street's: every role reads it, a street-wide one writes it.
    `verified_by`/`verified_at` name the last verification (papers and premises seen).
    """

    __tablename__ = "employer"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)  # normalised, checked
    name: Mapped[str] = mapped_column(String(64))
    contact_name: Mapped[str] = mapped_column(String(64))
    contact_phone: Mapped[str] = mapped_column(String(32))
    address: Mapped[str] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(12))  # core.employment.EmployerStatus
    staff: Mapped[int] = mapped_column(Integer)
    disabled_staff: Mapped[int] = mapped_column(Integer)  # as the quota counts them
    forms: Mapped[str] = mapped_column(String(120))  # EmploymentForm codes, comma-separated
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    verified_by: Mapped[str | None] = mapped_column(String(64))
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EmployerVisit(Base):
    """A visit to an employer by the service's staff."""

    __tablename__ = "employer_visit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    visited_by: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class JobPosting(Base):
    """A job an employer offers (core.employment.Posting); its community is the employer's."""

    __tablename__ = "job_posting"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    title: Mapped[str] = mapped_column(String(80))
    duties: Mapped[str] = mapped_column(Text)
    hours_per_week: Mapped[int] = mapped_column(Integer)
    shift: Mapped[str] = mapped_column(String(12))
    pay_fen_per_month: Mapped[int] = mapped_column(Integer)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    features: Mapped[str] = mapped_column(String(200))  # Accessibility codes, comma-separated
    skills: Mapped[str] = mapped_column(Text)  # normalised skills, comma-separated
    eligibility: Mapped[str] = mapped_column(String(120))  # SeekerStatus codes; "" anyone
    openings: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12))  # core.employment.PostingStatus
    form: Mapped[str] = mapped_column(String(16))  # core.employment.EmploymentForm
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # left "open", if it has
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class JobSeeker(Base):
    """A resident looking for work (core.employment.Seeker). Whether they may be matched is
    read from their JOBS consent each time, never stored here."""

    __tablename__ = "job_seeker"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resident_id: Mapped[int] = mapped_column(BigId, ForeignKey("resident.id"), unique=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    skills: Mapped[str] = mapped_column(Text)
    needs: Mapped[str] = mapped_column(String(200))  # Accessibility codes: functional needs
    min_hours: Mapped[int] = mapped_column(Integer)
    max_hours: Mapped[int] = mapped_column(Integer)
    shifts: Mapped[str] = mapped_column(String(60))  # ShiftKind codes; "" any
    max_m: Mapped[int] = mapped_column(Integer)  # the longest commute, whole metres
    statuses: Mapped[str] = mapped_column(String(120))  # SeekerStatus codes
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class JobTraining(Base):
    """A course a seeker takes; a completed one's skill counts in matching."""

    __tablename__ = "job_training"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    course: Mapped[str] = mapped_column(String(64))
    provider: Mapped[str] = mapped_column(String(64))
    completed_on: Mapped[date | None] = mapped_column(Date)
    skill: Mapped[str] = mapped_column(String(40))


class JobReferral(Base):
    """A seeker put forward for a posting (core.employment.Referral); `stage` is the last
    step's, `community_id` the seeker's. Once per seeker and posting."""

    __tablename__ = "job_referral"
    __table_args__ = (UniqueConstraint("seeker_id", "posting_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id"))
    posting_id: Mapped[int] = mapped_column(ForeignKey("job_posting.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    counsellor: Mapped[str] = mapped_column(String(64))
    stage: Mapped[str] = mapped_column(String(12))  # core.employment.Stage
    employer_confirmed_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class JobReferralStep(Base):
    """One step of a referral, written once: "referred" first, then forward or refused."""

    __tablename__ = "job_referral_step"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("job_referral.id"), index=True)
    stage: Mapped[str] = mapped_column(String(12))
    happened_on: Mapped[date] = mapped_column(Date)
    refused_by: Mapped[str | None] = mapped_column(String(12))  # core.employment.RefusedBy
    reason: Mapped[str | None] = mapped_column(String(16))  # that side's refusal code
    note: Mapped[str] = mapped_column(String(200))
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class JobRetentionCheck(Base):
    """A follow-up call 3 or 6 months after a hire: is the person still in the job?"""

    __tablename__ = "job_retention_check"
    __table_args__ = (Index("ix_job_retention_check_due", "due_on"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("job_referral.id"), index=True)
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    still_employed: Mapped[bool | None] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(200))
    checked_by: Mapped[str | None] = mapped_column(String(64))


__all__ = [
    "AlarmEvent",
    "Attachment",
    "AttachmentBlob",
    "AuditHead",
    "AuditLog",
    "Base",
    "Bookmark",
    "Business",
    "Call",
    "CameraEvent",
    "CameraSetting",
    "Certificate",
    "CertificateArchive",
    "CertificateCounter",
    "ChangeLog",
    "Community",
    "Consent",
    "CounsellingAppointment",
    "CounsellingContact",
    "CounsellingReferral",
    "DbRoleScope",
    "DeliveryEvent",
    "DeliveryProof",
    "Department",
    "Device",
    "Employer",
    "EmployerVisit",
    "EvidenceHold",
    "Incident",
    "IncidentEvent",
    "IngestMark",
    "JobPosting",
    "JobReferral",
    "JobReferralStep",
    "JobRetentionCheck",
    "JobSeeker",
    "JobTraining",
    "Merchant",
    "MerchantComplaint",
    "MerchantInspection",
    "MerchantStaff",
    "MerchantStatusEvent",
    "NecessityOrder",
    "OrderLine",
    "OrderWindow",
    "PriceObservation",
    "Product",
    "ProductPrice",
    "RecorderAlarm",
    "RecorderStatus",
    "RecordingGap",
    "RecordingSegment",
    "Resident",
    "Role",
    "Screening",
    "ScreeningLicence",
    "ServiceTicket",
    "ServiceTicketEvent",
    "ServiceTicketPhoto",
    "ShiftHandover",
    "SiteMeta",
    "StationConflict",
    "StationHeartbeat",
    "StationReceipt",
    "SurveyAnswered",
    "SurveyAnsweredBusiness",
    "SurveyForm",
    "SurveyFrameBusiness",
    "SurveyFrameMember",
    "SurveyResponse",
    "SurveyRound",
    "Tag",
    "TagPosition",
    "TagRead",
    "TimebankAccount",
    "TimebankEntry",
    "TimebankTxn",
    "TrackingEpisode",
    "UnknownTag",
    "User",
    "UserCommunity",
    "Volunteer",
    "VolunteerAttendance",
    "VolunteerCheckinUse",
    "VolunteerHoursCorrection",
    "VolunteerPairing",
    "VolunteerQualification",
    "VolunteerShift",
    "VolunteerSignup",
    "VolunteerTask",
    "VolunteerTeam",
    "VolunteerTeamMember",
    "WallView",
    "Workstation",
]

"""PostgreSQL roles of a site: the console's least privileges, station scopes, password files."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg
    from psycopg import sql

    Conn = psycopg.Connection[Any]

# Cluster-wide names (roles are not per database): one fixed prefix keeps them apart from the
# server's other roles. The group holds every grant; the login roles are its members.
CONSOLE_GROUP = "scc_console"
WORKSTATION_ROLE = "scc_ws"
STATION_PREFIX = "scc_st_"

# What the console's services really do, table by table (data/services, data/audit.py,
# data/changes.py, data/feed.py). Seeding, migrations and tampering are the owner's. No
# TRUNCATE anywhere and no DELETE but of recording_segment; audit_log is insert-only here and
# append-only by trigger.
TABLE_GRANTS: Mapping[str, tuple[str, ...]] = {
    "alembic_version": ("SELECT",),  # open_database checks the schema's revision
    # Alarm events (0018): written once by the alarm ingest, never changed; the unique key
    # with ON CONFLICT DO NOTHING needs no UPDATE.
    "alarm_event": ("SELECT", "INSERT"),
    "attachment": ("SELECT", "INSERT"),  # removed only by retention, as the owner
    "attachment_blob": ("SELECT", "INSERT"),  # written once per content, never changed
    "assignment": ("SELECT", "INSERT", "UPDATE"),  # dispatch, answers, escalation (0011)
    "audit_head": ("SELECT",),  # UPDATE of the chain's columns below
    "audit_log": ("SELECT", "INSERT"),
    # Businesses (0027): registered and edited; a closed one keeps its row (closed_on).
    "business": ("SELECT", "INSERT", "UPDATE"),
    # --- merchants (0028) ---
    # Merchants (0028): certified, suspended or exited, never deleted; staff, inspections,
    # complaints and the status trail; products with their price history; price surveys'
    # observations written once.
    "merchant": ("SELECT", "INSERT", "UPDATE"),
    "merchant_staff": ("SELECT", "INSERT", "UPDATE"),
    "merchant_inspection": ("SELECT", "INSERT"),
    "merchant_complaint": ("SELECT", "INSERT", "UPDATE"),
    "merchant_status_event": ("SELECT", "INSERT"),
    "product": ("SELECT", "INSERT", "UPDATE"),
    "product_price": ("SELECT", "INSERT"),
    "price_observation": ("SELECT", "INSERT"),
    # --- volunteers (0029) ---
    # Volunteers (0029): profiles edited and deactivated, never deleted; a member leaves a team
    # (left_on), a sign-up is withdrawn or declined, a pairing ends, a task is done or
    # cancelled, all in place. Qualifications are edited (a renewal moves the expiry).
    "volunteer": ("SELECT", "INSERT", "UPDATE"),
    "volunteer_qualification": ("SELECT", "INSERT", "UPDATE"),
    "volunteer_team": ("SELECT", "INSERT", "UPDATE"),
    "volunteer_team_member": ("SELECT", "INSERT", "UPDATE"),
    "volunteer_shift": ("SELECT", "INSERT", "UPDATE"),
    "volunteer_signup": ("SELECT", "INSERT", "UPDATE"),
    "volunteer_pairing": ("SELECT", "INSERT", "UPDATE"),
    "volunteer_task": ("SELECT", "INSERT", "UPDATE"),
    # --- orders (0030) ---
    # Orders (0030): windows opened and their `taken` counter advanced; orders move through
    # their states in place; lines, steps and proofs written once.
    "order_window": ("SELECT", "INSERT", "UPDATE"),
    "necessity_order": ("SELECT", "INSERT", "UPDATE"),
    "order_line": ("SELECT", "INSERT"),
    "delivery_event": ("SELECT", "INSERT"),
    "delivery_proof": ("SELECT", "INSERT"),
    # --- hours (0031) ---
    # Hours (0031): attendance closed, confirmed, approved and corrected in place (the
    # corrections keep the old values); used check-in codes and corrections written once.
    "volunteer_attendance": ("SELECT", "INSERT", "UPDATE"),
    "volunteer_checkin_use": ("SELECT", "INSERT"),
    "volunteer_hours_correction": ("SELECT", "INSERT"),
    # --- certificates (0032) ---
    # Certificates (0032): requested, objected to, issued, withdrawn in place (never deleted);
    # the archived PDF written once; the year's counter row inserted once, then advanced.
    "certificate": ("SELECT", "INSERT", "UPDATE"),
    "certificate_archive": ("SELECT", "INSERT"),
    "certificate_counter": ("SELECT", "INSERT", "UPDATE"),
    # Time bank (0032): accounts opened once, their rows locked (SELECT … FOR UPDATE needs
    # UPDATE) while a balance is checked; transactions and their entries written once.
    "timebank_account": ("SELECT", "INSERT", "UPDATE"),
    "timebank_txn": ("SELECT", "INSERT"),
    "timebank_entry": ("SELECT", "INSERT"),
    # --- screening and counselling (0033) ---
    # Licences registered once (a new version is a new row); a screening's answers grow in
    # place until complete; appointments and referrals move through their states; contacts
    # are written once.
    "screening_licence": ("SELECT", "INSERT"),
    "screening": ("SELECT", "INSERT", "UPDATE"),
    "counselling_appointment": ("SELECT", "INSERT", "UPDATE"),
    "counselling_contact": ("SELECT", "INSERT"),
    "counselling_referral": ("SELECT", "INSERT", "UPDATE"),
    # --- employment (0034) ---
    # Employers, postings, seekers and referrals are edited or move through their states in
    # place, training courses are completed and retention checks done in place (never
    # deleted); visits and a referral's steps are written once.
    "employer": ("SELECT", "INSERT", "UPDATE"),
    "employer_visit": ("SELECT", "INSERT"),
    "job_posting": ("SELECT", "INSERT", "UPDATE"),
    "job_seeker": ("SELECT", "INSERT", "UPDATE"),
    "job_training": ("SELECT", "INSERT", "UPDATE"),
    "job_referral": ("SELECT", "INSERT", "UPDATE"),
    "job_referral_step": ("SELECT", "INSERT"),
    "job_retention_check": ("SELECT", "INSERT", "UPDATE"),
    # Calls (0019): a row per call, its phases, callback and disposition; never deleted here.
    "call": ("SELECT", "INSERT", "UPDATE"),
    # Video (0021): camera events are written once; motion settings are upserted.
    "camera_event": ("SELECT", "INSERT"),
    "camera_setting": ("SELECT", "INSERT", "UPDATE"),
    # Recording (0022): the recorder's index. A segment's row goes with its file (retention,
    # done by the recorder as this role): the one DELETE the console's roles hold. Gaps are
    # closed, holds released, bookmarks marked deleted, heartbeats upserted: no DELETE.
    "bookmark": ("SELECT", "INSERT", "UPDATE"),
    "evidence_hold": ("SELECT", "INSERT", "UPDATE"),
    "recorder_alarm": ("SELECT", "INSERT"),
    "recorder_status": ("SELECT", "INSERT", "UPDATE"),
    "recording_gap": ("SELECT", "INSERT", "UPDATE"),
    "recording_segment": ("SELECT", "INSERT", "UPDATE", "DELETE"),
    "change_log": ("SELECT", "INSERT"),
    "community": ("SELECT",),
    "consent": ("SELECT", "INSERT"),  # a withdrawal: UPDATE of the columns below
    "db_role_scope": ("SELECT",),  # read by the row-level security policies themselves
    "department": ("SELECT",),  # the dispatch picker and the department desk (0011)
    "device": ("SELECT",),  # the adapters' status: UPDATE of the columns below
    "incident": ("SELECT", "INSERT", "UPDATE"),
    "incident_event": ("SELECT", "INSERT"),
    # The History search index (0009), kept by the incident writes; stale grams stay (the
    # search re-checks the text), so no DELETE: only retention, as the owner, removes rows.
    "incident_gram": ("SELECT", "INSERT"),  # a moved incident: UPDATE of community_id below
    "incident_search": ("SELECT", "INSERT", "UPDATE"),
    "incident_type": ("SELECT",),
    # The ingest's journal mark (0020): the sequence committed with each batch.
    "ingest_mark": ("SELECT", "INSERT", "UPDATE"),
    "resident": ("SELECT",),
    "role": ("SELECT",),
    "site_meta": ("SELECT",),
    # Station PCs (0023): receipts of client UUIDs (a conflict's decision updates its receipt),
    # service tickets (answered and closed later), heartbeats upserted, conflicts decided.
    "service_ticket": ("SELECT", "INSERT", "UPDATE"),
    "service_ticket_photo": ("SELECT", "INSERT"),
    # Feedback (0026): a ticket's history and its overdue events, written once each.
    "service_ticket_event": ("SELECT", "INSERT"),
    "station_conflict": ("SELECT", "INSERT", "UPDATE"),
    "station_heartbeat": ("SELECT", "INSERT", "UPDATE"),
    "station_receipt": ("SELECT", "INSERT", "UPDATE"),
    # Surveys (0024): forms (drafts edited, published once), rounds (status), frames drawn once;
    # responses and "has answered" flags are written once and never changed here.
    "survey_answered": ("SELECT", "INSERT"),
    "survey_answered_business": ("SELECT", "INSERT"),  # 0027, as survey_answered
    "survey_form": ("SELECT", "INSERT", "UPDATE"),
    "survey_frame_business": ("SELECT", "INSERT"),  # 0027, as survey_frame_member
    "survey_frame_member": ("SELECT", "INSERT"),
    "survey_response": ("SELECT", "INSERT"),
    "survey_round": ("SELECT", "INSERT", "UPDATE"),
    # Tracking (0020): tags issued, replaced and returned (never deleted); reads are history
    # (pruned by retention as the owner); positions, episodes and unknown tags are upserted.
    "tag": ("SELECT", "INSERT", "UPDATE"),
    "tag_position": ("SELECT", "INSERT", "UPDATE"),
    "tag_read": ("SELECT", "INSERT"),
    "tracking_episode": ("SELECT", "INSERT", "UPDATE"),
    "unknown_tag": ("SELECT", "INSERT", "UPDATE"),
    "unit": ("SELECT",),
    "shift_handover": ("SELECT", "INSERT"),  # an acknowledgement: UPDATE of the columns below
    # user_account: SELECT of every column but HIDDEN_COLUMNS; no INSERT and no UPDATE: sign-in
    # and account changes go through ACCOUNT_FUNCTIONS (migration 0016).
    "user_account": (),
    "user_community": ("SELECT",),
    # Saved wall views (0021): a deletion sets deleted_at, so no DELETE here either.
    "wall_view": ("SELECT", "INSERT", "UPDATE"),
    "workstation": ("SELECT",),
}
# Columns the console may not even read: every workstation shares one database role, so a
# readable hash could be cracked offline from any station PC.
HIDDEN_COLUMNS: Mapping[str, tuple[str, ...]] = {"user_account": ("password_hash",)}
# Sign-in, sessions and account changes (migration 0016): SECURITY DEFINER functions that check
# the password hash or an administrator's session inside the server.
ACCOUNT_FUNCTIONS = (
    "scc_login_salt(text)",
    "scc_login(text, text, timestamptz, integer, interval, text)",
    "scc_logout(text, timestamptz)",
    "scc_set_password(text, text, text, timestamptz)",
    "scc_unlock(text, text, timestamptz)",
    "scc_create_user(text, text, text, text, text, text[], text, timestamptz)",
    "scc_set_active(text, text, boolean, timestamptz)",  # migration 0038
)
# UPDATE of these columns only. audit_head: append_audit moves the chain's head, never its id.
COLUMN_UPDATES: Mapping[str, tuple[str, ...]] = {
    "audit_head": ("last_hash", "rows"),
    # consent: a withdrawal closes its row; what was granted is never rewritten.
    "consent": ("withdrawn_at", "withdrawn_by", "withdrawal_reason"),
    # device: the adapters report online/offline (a SIP line, a panel); what a device is stays
    # the site file's, seeded by the owner.
    "device": ("state", "last_seen_at", "state_changed_at", "detail"),
    "incident_gram": ("community_id",),
    # resident: anonymisation on request (PIPL Art. 47) replaces the identifying columns only;
    # community, birth year and care flags stay for statistics.
    "resident": (
        "name",
        "name_mask",
        "id_number_enc",
        "id_number_hmac",
        "id_number_mask",
        "birth_date_enc",
        "phone",
        "phone_mask",
        "address",
        "address_mask",
        "emergency_contact_name",
        "emergency_contact_phone",
        "emergency_contact_relation",
        "anonymised_at",
        "legal_hold",  # set and lifted by an administrator, audited
        "updated_at",
    ),
    # shift_handover: the incoming operator's acknowledgement; the report itself never changes.
    "shift_handover": ("acknowledged_by_id", "acknowledged_at"),
}
# The owner's alone, never granted to the console (checked by the tests).
# Tables of PostgreSQL only, with no model: the server-side sign-in sessions (migration 0016).
SERVER_SIDE_TABLES = ("console_session", "console_secret")
OWNER_ONLY = SERVER_SIDE_TABLES


class RoleSetupError(Exception):
    """The roles cannot be set up as asked; the message says why and what to do."""


def station_role(community_code: str) -> str:
    """The login role of a community's station PC."""
    return STATION_PREFIX + community_code.lower()


def new_role_password() -> str:
    """A random password for a database role (~190 bits; only machines type it)."""
    return secrets.token_urlsafe(24)


@dataclass(frozen=True, slots=True)
class RoleOutcome:
    """One login role as setup leaves it."""

    role: str
    community: str | None  # the community code; None: street-wide
    created: bool
    password: str | None  # set by this run (to hand over once), else None


@dataclass(frozen=True, slots=True)
class SetupPlan:
    """The statements of one setup run, and what they do to each role."""

    statements: tuple[sql.SQL | sql.Composed, ...]
    shown: tuple[sql.SQL | sql.Composed, ...]  # the same, passwords masked (for --dry-run)
    roles: tuple[RoleOutcome, ...]
    database: str
    ungranted: tuple[str, ...]  # tables of the schema this version does not know: no grants


_LOGIN_ATTRS = {
    # pg_roles column: (wanted value, the ALTER ROLE keyword that sets it)
    "rolcanlogin": (True, "LOGIN"),
    "rolinherit": (True, "INHERIT"),
    "rolsuper": (False, "NOSUPERUSER"),
    "rolcreatedb": (False, "NOCREATEDB"),
    "rolcreaterole": (False, "NOCREATEROLE"),
    "rolreplication": (False, "NOREPLICATION"),
    "rolbypassrls": (False, "NOBYPASSRLS"),
}


def _existing_roles(conn: Conn, names: Sequence[str]) -> dict[str, dict[str, bool]]:
    cols = ", ".join(_LOGIN_ATTRS)
    rows = conn.execute(
        f"SELECT rolname, {cols} FROM pg_roles WHERE rolname = ANY(%s)",
        (list(names),),
    ).fetchall()
    return {str(r[0]): {c: bool(v) for c, v in zip(_LOGIN_ATTRS, r[1:], strict=True)} for r in rows}


def _community_ids(conn: Conn, codes: Sequence[str]) -> dict[str, int]:
    rows = conn.execute(
        "SELECT code, id FROM community WHERE code = ANY(%s)", (list(codes),)
    ).fetchall()
    found = {str(code): int(cid) for code, cid in rows}
    missing = [c for c in codes if c not in found]
    if missing:
        raise RoleSetupError(
            f"communities {', '.join(missing)} of the site file are not in the database; "
            "seed the site first (`console demo` or the site's import), then run setup again"
        )
    return found


def _scalar(conn: Conn, query: str) -> Any:
    row = conn.execute(query).fetchone()
    return None if row is None else row[0]


def _columns(conn: Conn, table: str) -> list[str]:
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
        (table,),
    ).fetchall()
    return [str(r[0]) for r in rows]


def _functions(conn: Conn) -> set[str]:
    rows = conn.execute(
        "SELECT proname FROM pg_proc WHERE pronamespace = current_schema()::regnamespace"
    ).fetchall()
    return {str(r[0]) for r in rows}


def _sequences(conn: Conn) -> dict[str, str]:
    """Table name → the sequence that numbers it (serial or identity), in the current schema."""
    rows = conn.execute(
        "SELECT t.relname, s.relname FROM pg_class s "
        "JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass "
        "JOIN pg_class t ON t.oid = d.refobjid "
        "WHERE s.relkind = 'S' AND d.deptype IN ('a', 'i') "
        "AND s.relnamespace = current_schema()::regnamespace"
    ).fetchall()
    return {str(t): str(s) for t, s in rows}


def plan_setup(
    conn: Conn,
    communities: Sequence[str],
    *,
    new_passwords: bool = False,
    passwords: Mapping[str, str] | None = None,
) -> SetupPlan:
    """Read the server and build the statements that bring the roles to the wanted state.

    `communities`: the site's community codes, a station role each (they must be seeded).
    A role that exists keeps its password unless `new_passwords`; `passwords` names fixed
    ones (tests). Nothing is changed here; `apply_setup` runs the plan.
    """
    from psycopg import sql

    passwords = dict(passwords or {})
    stations = {station_role(c): c for c in communities}
    if len(stations) != len(set(communities)):
        raise RoleSetupError("two community codes differ only in case; their roles would clash")
    ids = _community_ids(conn, list(communities)) if communities else {}
    logins = [WORKSTATION_ROLE, *stations]
    existing = _existing_roles(conn, [CONSOLE_GROUP, *logins])
    database = str(_scalar(conn, "SELECT current_database()"))
    superuser = bool(_scalar(conn, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
    tables = {
        str(r[0])
        for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchall()
    }
    if "db_role_scope" not in tables:
        raise RoleSetupError(
            "the database has no db_role_scope table: run `console migrate` as the owner first"
        )
    group = sql.Identifier(CONSOLE_GROUP)
    run: list[sql.SQL | sql.Composed] = []
    shown: list[sql.SQL | sql.Composed] = []

    def add(stmt: sql.SQL | sql.Composed, masked: sql.SQL | sql.Composed | None = None) -> None:
        run.append(stmt)
        shown.append(stmt if masked is None else masked)

    # 1. The group that holds the grants: it cannot log in.
    if CONSOLE_GROUP not in existing:
        add(sql.SQL("CREATE ROLE {} NOLOGIN").format(group))
    elif existing[CONSOLE_GROUP]["rolcanlogin"] or existing[CONSOLE_GROUP]["rolsuper"]:
        add(sql.SQL("ALTER ROLE {} NOLOGIN NOSUPERUSER").format(group))

    # 2. The login roles: plain members of the group, their passwords as SCRAM verifiers.
    outcomes: list[RoleOutcome] = []
    for role in logins:
        ident = sql.Identifier(role)
        created = role not in existing
        password = passwords.get(role)
        if password is None and (created or new_passwords):
            password = new_role_password()
        if created:
            add(sql.SQL("CREATE ROLE {} LOGIN INHERIT").format(ident))
        else:
            wrong = [kw for col, (want, kw) in _LOGIN_ATTRS.items() if existing[role][col] != want]
            if wrong:
                if not superuser and any(
                    k in wrong for k in ("NOSUPERUSER", "NOBYPASSRLS", "NOREPLICATION")
                ):
                    raise RoleSetupError(
                        f"role {role} exists with powers only a superuser can take away "
                        f"({', '.join(wrong)}); run setup as a superuser"
                    )
                add(sql.SQL("ALTER ROLE {} " + " ".join(wrong)).format(ident))
        if password is not None:
            verifier = _scram(conn, role, password)
            add(
                sql.SQL("ALTER ROLE {} PASSWORD {}").format(ident, sql.Literal(verifier)),
                sql.SQL("ALTER ROLE {} PASSWORD '********'").format(ident),
            )
        add(sql.SQL("GRANT {} TO {}").format(group, ident))
        outcomes.append(RoleOutcome(role, stations.get(role), created, password))

    # 3. Privileges: everything revoked, then exactly TABLE_GRANTS (setup may run again after
    # a migration added a table or this build dropped a grant).
    everyone = sql.SQL(", ").join(sql.Identifier(r) for r in [CONSOLE_GROUP, *logins])
    db_ident = sql.Identifier(database)
    # Before PostgreSQL 15 every role could create objects in the public schema; and any
    # role may create temporary tables: a console needs neither.
    add(sql.SQL("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
    add(sql.SQL("REVOKE TEMPORARY ON DATABASE {} FROM PUBLIC").format(db_ident))
    add(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {}").format(everyone))
    add(sql.SQL("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {}").format(everyone))
    add(sql.SQL("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {}").format(everyone))
    add(sql.SQL("REVOKE ALL ON SCHEMA public FROM {}").format(everyone))
    add(sql.SQL("REVOKE ALL ON DATABASE {} FROM {}").format(db_ident, everyone))
    add(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(db_ident, group))
    add(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(group))
    for table, privileges in sorted(TABLE_GRANTS.items()):
        if table not in tables:
            continue  # a table of a later migration than this database's
        if table in HIDDEN_COLUMNS:
            readable = [c for c in _columns(conn, table) if c not in HIDDEN_COLUMNS[table]]
            add(
                sql.SQL("GRANT SELECT ({}) ON {} TO {}").format(
                    sql.SQL(", ").join(sql.Identifier(c) for c in readable),
                    sql.Identifier(table),
                    group,
                )
            )
        if not privileges:
            continue
        add(
            sql.SQL("GRANT {} ON {} TO {}").format(
                sql.SQL(", ").join(sql.SQL(p) for p in privileges), sql.Identifier(table), group
            )
        )
    for table, columns in sorted(COLUMN_UPDATES.items()):
        if table in tables:
            add(
                sql.SQL("GRANT UPDATE ({}) ON {} TO {}").format(
                    sql.SQL(", ").join(sql.Identifier(c) for c in columns),
                    sql.Identifier(table),
                    group,
                )
            )
    functions = _functions(conn)
    for signature in ACCOUNT_FUNCTIONS:
        if signature.split("(")[0] in functions:
            add(sql.SQL("GRANT EXECUTE ON FUNCTION " + signature + " TO {}").format(group))
    sequences = _sequences(conn)
    for table, privileges in sorted(TABLE_GRANTS.items()):
        if "INSERT" in privileges and table in sequences:
            add(
                sql.SQL("GRANT USAGE, SELECT ON SEQUENCE {} TO {}").format(
                    sql.Identifier(sequences[table]), group
                )
            )

    # 4. Scopes: the workstation street-wide, each station its community; station rows of
    # communities the site file no longer has are removed (those roles then see nothing).
    scopes: list[tuple[str, int | None]] = [(WORKSTATION_ROLE, None)]
    scopes += [(role, ids[code]) for role, code in stations.items()]
    add(
        sql.SQL(
            "INSERT INTO db_role_scope (role_name, community_id) VALUES {} "
            "ON CONFLICT (role_name) DO UPDATE SET community_id = EXCLUDED.community_id"
        ).format(
            sql.SQL(", ").join(
                sql.SQL("({}, {})").format(sql.Literal(r), sql.Literal(c)) for r, c in scopes
            )
        )
    )
    add(
        sql.SQL(
            "DELETE FROM db_role_scope WHERE starts_with(role_name, {}) AND NOT role_name = ANY({})"
        ).format(sql.Literal(STATION_PREFIX), sql.Literal(list(stations)))
    )
    ungranted = tuple(sorted(tables - set(TABLE_GRANTS) - set(OWNER_ONLY)))
    return SetupPlan(tuple(run), tuple(shown), tuple(outcomes), database, ungranted)


def _scram(conn: Conn, role: str, password: str) -> str:
    """The password as libpq's SCRAM verifier: the plain text never reaches the server's logs."""
    verifier = conn.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
    return verifier.decode("ascii")


def apply_setup(conn: Conn, plan: SetupPlan) -> None:
    """Run the plan in one transaction: the roles change all together or not at all."""
    if conn.autocommit:
        with conn.transaction():
            for stmt in plan.statements:
                conn.execute(stmt)
        return
    try:
        for stmt in plan.statements:
            conn.execute(stmt)
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def render(conn: Conn, plan: SetupPlan) -> list[str]:
    """The plan's statements as SQL text, passwords masked."""
    return [f"{stmt.as_string(conn)};" for stmt in plan.shown]


def password_file(folder: Path, role: str) -> Path:
    """Where setup keeps a role's password (for CONSOLE_DB_PASSWORD_FILE)."""
    return folder / f"{role}.password"


def write_password_file(path: Path, password: str) -> Path:
    """Store a password in `path`, readable by this user only (its folder too)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # an older file may have had wider permissions
        os.write(fd, f"{password}\n".encode())
    finally:
        os.close(fd)
    return path

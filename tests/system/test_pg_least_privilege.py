"""PostgreSQL least privilege: console roles, stations under row security, no argv passwords."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import select, text

from core.audit import AuditAction
from core.incidents import IncidentState
from core.model import Priority
from core.site import SiteSpec
from data.audit import verify_audit
from data.changes import PgChangeListener
from data.context import ServiceContext
from data.db import ENV_DB_PASSWORD_FILE, Database, DatabaseError, DbErrorKind
from data.fieldcrypt import ensure_field_keys
from data.migrate import open_database
from data.models import AuditLog
from data.pgroles import (
    COLUMN_UPDATES,
    CONSOLE_GROUP,
    OWNER_ONLY,
    TABLE_GRANTS,
    WORKSTATION_ROLE,
    RoleSetupError,
    station_role,
)
from data.seeding import seed_site
from data.services import Services
from tests.helpers.cli import run_cli
from tests.helpers.fakes import fast_hasher
from tests.helpers.postgres import (
    OWNER,
    WORKSTATION_PASSWORD,
    PgServer,
    setup_console_roles,
    start_postgres,
)

pytestmark = pytest.mark.postgres

POPULATION = 60
C01, C02 = "C01", "C02"
STATION_PASSWORDS = {station_role(C01): "station-c01-test", station_role(C02): "station-c02-test"}
SCOPED = ("incident", "resident", "device", "consent")  # consent: migration 0007

_n = 0


@dataclass
class Site:
    """The demo site seeded by its owner, with the console's roles set up on it."""

    srv: PgServer
    name: str
    owner: Database
    ids: dict[str, int]  # community code -> id

    def connect(self, role: str, password: str) -> psycopg.Connection[tuple[Any, ...]]:
        """A plain autocommit connection as `role`."""
        return psycopg.connect(
            host="127.0.0.1",
            port=self.srv.port,
            user=role,
            password=password,
            dbname=self.name,
            autocommit=True,
        )

    def url(self, role: str, password: str | None) -> str:
        """A SQLAlchemy URL as `role`, without a password when `password` is None."""
        who = role if password is None else f"{role}:{password}"
        return f"postgresql+psycopg://{who}@127.0.0.1:{self.srv.port}/{self.name}"

    def owner_count(self, table: str, community: str | None = None) -> int:
        """Rows of a table (of one community), as the owner sees them: all of them."""
        where = "" if community is None else f" WHERE community_id = {self.ids[community]}"
        with self.owner.engine.connect() as conn:
            return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}{where}").scalar_one())


def services(db: Database, workstation: str = "CC", keys: Path | None = None) -> Services:
    """The console's services on `db`, writes at once (with the site's keys in `keys`)."""
    if keys is not None:
        ensure_field_keys(keys)
    ctx = ServiceContext(db, workstation=workstation, keys=keys)
    return Services.build(ctx, hasher=fast_hasher())


_template: tuple[str, Path] | None = None  # (database, keys folder) seeded once per process


def _seeded_template(
    pg_server: PgServer, pg_migrated_template: str, demo_site: SiteSpec, folder: Path
) -> tuple[str, Path]:
    """The demo site seeded by its owner, the console's roles set up and four incidents added:
    once per test process (the roles are the server's; their grants and scope rows are the
    database's and come with every copy)."""
    name = f"lp_tmpl_{os.getpid()}"
    owner = open_database(pg_server.create_database(name, template=pg_migrated_template))
    keys = folder / "keys"
    try:
        seed_site(owner, demo_site, services(owner, keys=keys), population=POPULATION)
        setup_console_roles(owner, [c.code for c in demo_site.communities], STATION_PASSWORDS)
        with owner.engine.connect() as conn:
            ids = {
                str(c): int(i) for c, i in conn.exec_driver_sql("SELECT code, id FROM community")
            }
        with owner.engine.begin() as conn:
            # Incidents in two communities and one street-wide, as the owner adds them.
            for code in (C01, C01, C02, None):
                conn.execute(
                    text(
                        "INSERT INTO incident (title, description, priority, state, source, "
                        "community_id, location, created_at, updated_at, queue_rank) VALUES "
                        "('t', '', 2, 'new', 'manual', :c, '', now(), now(), 4)"
                    ),
                    {"c": None if code is None else ids[code]},
                )
    finally:
        owner.dispose()
    return name, keys


@pytest.fixture
def site(
    pg_server: PgServer,
    pg_migrated_template: str,
    demo_site: SiteSpec,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Site]:
    global _n, _template
    if _template is None:
        folder = tmp_path_factory.mktemp("least-privilege")
        _template = _seeded_template(pg_server, pg_migrated_template, demo_site, folder)
    template, keys = _template
    shutil.copytree(keys, tmp_path / "keys")
    _n += 1
    name = f"lp_{os.getpid()}_{_n}"
    pg_server.create_database(name, template=template)
    # A copy takes the template's objects, grants and rows, but not the database's own
    # privileges (setup revoked TEMPORARY and CONNECT from PUBLIC there): carry them over.
    pg_server.admin(
        "UPDATE pg_database SET datacl = (SELECT datacl FROM pg_database WHERE datname = %s) "
        "WHERE datname = %s",
        template,
        name,
    )
    owner = open_database(pg_server.url(name))
    try:
        with owner.engine.connect() as conn:
            ids = {
                str(c): int(i) for c, i in conn.exec_driver_sql("SELECT code, id FROM community")
            }
        yield Site(pg_server, name, owner, ids)
    finally:
        owner.dispose()


def count(conn: psycopg.Connection[tuple[Any, ...]], query: str, *params: object) -> int:
    """The single number a query returns."""
    row = conn.execute(query, params or None).fetchone()
    assert row is not None
    return int(row[0])


def refused(conn: psycopg.Connection[tuple[Any, ...]], statement: str) -> psycopg.Error:
    """The error a statement meets; the test fails if it succeeds."""
    with pytest.raises(psycopg.Error) as info:
        conn.execute(statement)
    return info.value


# --- the workstation role ------------------------------------------------------------------
@pytest.mark.parametrize(
    "statement",
    [
        "CREATE TABLE intruder (id integer)",
        "CREATE TEMP TABLE intruder (id integer)",
        "ALTER TABLE incident ADD COLUMN intruder integer",
        "ALTER TABLE audit_log DISABLE TRIGGER ALL",
        "ALTER TABLE incident DISABLE ROW LEVEL SECURITY",
        "DROP TABLE incident",
        "DROP POLICY incident_scope ON incident",
        "CREATE INDEX ix_intruder ON incident (title)",
        "CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'",
    ],
)
def test_the_workstation_role_cannot_change_the_schema(site: Site, statement: str) -> None:
    with site.connect(WORKSTATION_ROLE, WORKSTATION_PASSWORD) as conn:
        err = refused(conn, statement)
    assert isinstance(err, errors.InsufficientPrivilege), err
    assert site.owner_count("incident") == 4


def test_no_console_role_may_truncate_any_table(site: Site) -> None:
    with site.owner.engine.connect() as conn:
        tables = [
            str(t)
            for (t,) in conn.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
    assert {"audit_log", "incident", "resident", "change_log"} <= set(tables)
    for role, password in [(WORKSTATION_ROLE, WORKSTATION_PASSWORD), *STATION_PASSWORDS.items()]:
        with site.connect(role, password) as conn:
            for table in tables:
                err = refused(conn, f"TRUNCATE {table}")
                assert isinstance(err, errors.InsufficientPrivilege), (role, table, err)
    assert site.owner_count("resident") == POPULATION


def test_the_audit_log_is_append_only_for_the_workstation(site: Site) -> None:
    with site.owner.session() as s:
        before = s.scalar(select(AuditLog.id).order_by(AuditLog.id.desc()).limit(1))
    with site.connect(WORKSTATION_ROLE, WORKSTATION_PASSWORD) as conn:
        for statement in (
            "UPDATE audit_log SET actor = 'nobody'",
            "DELETE FROM audit_log",
            "UPDATE audit_head SET id = 2",  # only its chain columns move
        ):
            err = refused(conn, statement)
            assert isinstance(err, errors.InsufficientPrivilege), (statement, err)
    # … while appending, through the console's one write path, works.
    ws = open_database(site.url(WORKSTATION_ROLE, WORKSTATION_PASSWORD))
    try:
        services(ws).audit.record("operator", AuditAction.LOGOUT)
        with ws.session() as s:
            report = verify_audit(s)
            newest = s.scalar(select(AuditLog.id).order_by(AuditLog.id.desc()).limit(1))
        assert report.ok
        assert newest is not None
        assert before is not None
        assert newest > before
    finally:
        ws.dispose()


def test_the_console_group_holds_exactly_the_documented_grants(site: Site) -> None:
    with site.owner.engine.connect() as conn:
        granted: dict[str, set[str]] = {}
        for table, privilege in conn.exec_driver_sql(
            "SELECT table_name, privilege_type FROM information_schema.role_table_grants "
            f"WHERE grantee = '{CONSOLE_GROUP}'"
        ):
            granted.setdefault(str(table), set()).add(str(privilege))
        columns: dict[str, set[str]] = {}
        for table, column in conn.exec_driver_sql(
            "SELECT table_name, column_name FROM information_schema.column_privileges "
            f"WHERE grantee = '{CONSOLE_GROUP}' AND privilege_type = 'UPDATE'"
        ):
            columns.setdefault(str(table), set()).add(str(column))
        direct = conn.exec_driver_sql(
            "SELECT count(*) FROM information_schema.role_table_grants "
            f"WHERE starts_with(grantee, 'scc_') AND grantee <> '{CONSOLE_GROUP}'"
        ).scalar_one()
    assert granted == {t: set(p) for t, p in TABLE_GRANTS.items() if p}
    # (A table-level UPDATE shows as one on every column.)
    only_columns = {t: c for t, c in columns.items() if "UPDATE" not in granted.get(t, ())}
    assert only_columns == {t: set(c) for t, c in COLUMN_UPDATES.items()}
    assert direct == 0, "the login roles hold nothing of their own, only the group's grants"
    assert not set(OWNER_ONLY) & set(granted)


def test_the_console_works_as_the_workstation_role(site: Site, tmp_path: Path) -> None:
    """Sign-in, incident create and transitions, audit and change feed: all as scc_ws."""
    ws = open_database(site.url(WORKSTATION_ROLE, WORKSTATION_PASSWORD))
    try:
        svc = services(ws, keys=tmp_path / "keys")
        who = svc.signin.principal("operator")
        listener = PgChangeListener(ws.engine.url)
        listener.open()
        try:
            iid = svc.incidents.create(who, title="积水", priority=Priority.P2, community=C02)
            assert listener.wait(5.0), "the change's NOTIFY reached a LISTEN as the workstation"
        finally:
            listener.close()
        svc.incidents.transition(who, iid, IncidentState.ACKNOWLEDGED)
        assert svc.incidents.incident_detail(who, iid).row.state is IncidentState.ACKNOWLEDGED
        with ws.session() as s:
            assert verify_audit(s).ok
    finally:
        ws.dispose()


# --- station roles under row-level security --------------------------------------------------
def test_a_station_reads_only_its_own_community(site: Site) -> None:
    role = station_role(C01)
    with site.connect(role, STATION_PASSWORDS[role]) as conn:
        for table in SCOPED:
            seen = count(conn, f"SELECT count(*) FROM {table}")
            others = count(
                conn,
                f"SELECT count(*) FROM {table} WHERE community_id IS DISTINCT FROM %s",
                site.ids[C01],
            )
            assert seen == site.owner_count(table, C01) > 0, table
            assert others == 0, table
            assert site.owner_count(table) > seen, table
    with site.connect(WORKSTATION_ROLE, WORKSTATION_PASSWORD) as conn:
        assert count(conn, "SELECT count(*) FROM incident") == 4, "the control room sees all"


def test_every_table_with_a_community_is_under_row_level_security(site: Site) -> None:
    with site.owner.engine.connect() as conn:
        unguarded = conn.exec_driver_sql(
            "SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
            "WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace "
            "AND a.attname = 'community_id' AND NOT a.attisdropped AND NOT c.relrowsecurity"
        ).all()
    assert unguarded == []


def test_a_station_cannot_write_another_communitys_rows(site: Site) -> None:
    role = station_role(C01)
    mine, other = site.ids[C01], site.ids[C02]
    with site.connect(role, STATION_PASSWORDS[role]) as conn:
        err = refused(
            conn,
            "INSERT INTO incident (title, description, priority, state, source, community_id, "
            "location, created_at, updated_at) VALUES "
            f"('x', '', 2, 'new', 'manual', {other}, '', now(), now())",
        )
        assert "row-level security" in str(err)
        # Another community's rows are not there to update; its own cannot be moved out.
        touched = conn.execute(
            "UPDATE incident SET title = 'hijacked' WHERE community_id = %s", (other,)
        ).rowcount
        assert touched == 0
        err = refused(
            conn, f"UPDATE incident SET community_id = {other} WHERE community_id = {mine}"
        )
        assert "row-level security" in str(err)
        assert conn.execute(
            "UPDATE incident SET title = 'checked' WHERE community_id = %s", (mine,)
        ).rowcount == site.owner_count("incident", C01)
        # Residents: only anonymisation's columns (migration 0007), and only in scope; the
        # care flags and the community are never the console's to change.
        touched = conn.execute(
            f"UPDATE resident SET address = 'x' WHERE community_id = {other}"
        ).rowcount
        assert touched == 0
        err = refused(conn, f"UPDATE resident SET lives_alone = true WHERE community_id = {mine}")
        assert isinstance(err, errors.InsufficientPrivilege)
        err = refused(conn, f"UPDATE consent SET purpose = 'jobs' WHERE community_id = {mine}")
        assert isinstance(err, errors.InsufficientPrivilege)  # a grant is never rewritten
    with site.owner.engine.connect() as c:
        titles = (
            c.exec_driver_sql(f"SELECT title FROM incident WHERE community_id = {other}")
            .scalars()
            .all()
        )
    assert titles == ["t"]


def test_a_station_console_sees_and_raises_only_its_community(site: Site, tmp_path: Path) -> None:
    role = station_role(C01)
    st = open_database(site.url(role, STATION_PASSWORDS[role]))
    try:
        svc = services(st, "WS01", keys=tmp_path / "keys")
        who = svc.signin.principal("ws01")
        assert who.communities == frozenset({C01})
        iid = svc.incidents.create(who, title="独居老人求助", priority=Priority.P1, community=None)
        svc.incidents.transition(who, iid, IncidentState.ACKNOWLEDGED)
        page = svc.incidents.queue_page(who)
        assert {r.community for r in page.rows} == {C01}
        assert iid in {r.id for r in page.rows}
        # Even the street-wide supervisor's account sees no more through this station's role.
        sup = svc.signin.principal("supervisor")
        assert {r.community for r in svc.incidents.queue_page(sup).rows} == {C01}
        assert {d.community for d in svc.devices.devices(sup)} == {C01}
    finally:
        st.dispose()


def test_a_role_the_scope_table_does_not_know_sees_nothing(site: Site) -> None:
    stranger = "scc_stranger"
    admin = site.srv._admin_conn()
    admin.execute(f"DROP ROLE IF EXISTS {stranger}")
    admin.execute(f"CREATE ROLE {stranger} LOGIN PASSWORD 'stranger-test' IN ROLE {CONSOLE_GROUP}")
    try:
        with site.connect(stranger, "stranger-test") as conn:
            for table in (*SCOPED, "incident_event", "workstation", "user_community"):
                assert count(conn, f"SELECT count(*) FROM {table}") == 0, table
            err = refused(
                conn,
                "INSERT INTO incident (title, description, priority, state, source, "
                "location, created_at, updated_at) VALUES "
                "('x', '', 2, 'new', 'manual', '', now(), now())",
            )
            assert "row-level security" in str(err)
    finally:
        with site.owner.engine.begin() as conn:
            conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {site.name} FROM {stranger}")
        admin.execute(f"DROP ROLE {stranger}")


# --- opening the database as the workstation -------------------------------------------------
def test_a_migration_due_under_the_workstation_role_says_who_must_run_it(site: Site) -> None:
    with site.owner.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0005'")
    with pytest.raises(DatabaseError) as info:
        open_database(site.url(WORKSTATION_ROLE, WORKSTATION_PASSWORD))
    err = info.value
    assert err.kind is DbErrorKind.MIGRATION
    assert "console migrate" in err.message
    assert "owner" in err.message
    assert repr(WORKSTATION_ROLE) in err.message
    with site.owner.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0005"


def test_an_empty_database_opened_by_the_workstation_says_who_must_migrate(
    pg_server: PgServer, pg_migrated_template: str
) -> None:
    global _n
    _n += 1
    name = f"lp_empty_{_n}"
    pg_server.create_database(name)
    with pytest.raises(DatabaseError) as info:
        open_database(pg_server.workstation_url(name))
    assert info.value.kind is DbErrorKind.MIGRATION
    assert "console migrate" in info.value.message


def test_the_cli_refuses_a_due_migration_as_the_workstation_without_a_traceback(
    site: Site, tmp_path: Path
) -> None:
    with site.owner.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0005'")
    pw = tmp_path / "ws.password"
    pw.write_text(WORKSTATION_PASSWORD + "\n")
    pw.chmod(0o600)
    proc = run_cli(
        tmp_path,
        "--db",
        site.url(WORKSTATION_ROLE, None),
        "migrate",
        env={ENV_DB_PASSWORD_FILE: str(pw)},
    )
    assert proc.returncode == 3, proc.stderr
    assert "console migrate" in proc.stderr
    assert "owner" in proc.stderr
    assert "Traceback" not in proc.stderr


# --- passwords off the command line ----------------------------------------------------------
def _whoami(url: str) -> str:
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            user = str(conn.execute(text("SELECT current_user")).scalar_one())
        listener = PgChangeListener(db.engine.url)  # the change feed's own connection too
        listener.open()
        listener.close()
        return user
    finally:
        db.dispose()


@pytest.fixture
def no_ambient_password(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No password from this machine's environment or ~/.pgpass."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv(ENV_DB_PASSWORD_FILE, raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))


@pytest.mark.usefixtures("no_ambient_password")
def test_the_password_file_route_connects(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pw = tmp_path / "scc_ws.password"
    pw.write_text(WORKSTATION_PASSWORD + "\n")
    pw.chmod(0o600)
    monkeypatch.setenv(ENV_DB_PASSWORD_FILE, str(pw))
    assert _whoami(site.url(WORKSTATION_ROLE, None)) == WORKSTATION_ROLE


@pytest.mark.usefixtures("no_ambient_password")
def test_the_pgpass_route_connects(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libpq's own PGPASSFILE (or ~/.pgpass), which psycopg honours without our help."""
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(
        f"127.0.0.1:{site.srv.port}:{site.name}:{WORKSTATION_ROLE}:{WORKSTATION_PASSWORD}\n"
    )
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert _whoami(site.url(WORKSTATION_ROLE, None)) == WORKSTATION_ROLE


@pytest.mark.usefixtures("no_ambient_password")
def test_pgpassword_connects_and_no_password_is_refused_clearly(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(DatabaseError) as info:
        open_database(site.url(WORKSTATION_ROLE, None))
    assert info.value.kind is DbErrorKind.AUTH
    monkeypatch.setenv("PGPASSWORD", WORKSTATION_PASSWORD)
    assert _whoami(site.url(WORKSTATION_ROLE, None)) == WORKSTATION_ROLE


def test_a_password_on_the_command_line_is_warned_about_and_not_shown(tmp_path: Path) -> None:
    secret = "s3cret-on-argv"
    proc = run_cli(
        tmp_path, "--db", f"postgresql+psycopg://scc_ws:{secret}@127.0.0.1:1/scc", "migrate"
    )
    assert proc.returncode == 3  # nothing listens there; the warning comes first
    assert "command line" in proc.stderr
    assert "ps" in proc.stderr
    assert ENV_DB_PASSWORD_FILE in proc.stderr
    assert secret not in proc.stderr + proc.stdout


# --- console db setup ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def fresh_server() -> Iterator[PgServer]:
    """A server of its own: the roles (cluster-wide) do not exist before the first setup."""
    srv = start_postgres()
    yield srv
    srv.stop()


def _snapshot(conn: psycopg.Connection[tuple[Any, ...]]) -> tuple[object, ...]:
    grants = conn.execute(
        "SELECT grantee, table_name, privilege_type FROM information_schema.role_table_grants "
        "WHERE starts_with(grantee, 'scc_') ORDER BY 1, 2, 3"
    ).fetchall()
    scopes = conn.execute("SELECT role_name, community_id FROM db_role_scope ORDER BY 1").fetchall()
    roles = conn.execute(
        "SELECT rolname, rolcanlogin, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb "
        "FROM pg_roles WHERE starts_with(rolname, 'scc_') ORDER BY 1"
    ).fetchall()
    return tuple(grants), tuple(scopes), tuple(roles)


def test_db_setup_creates_the_roles_once_and_is_idempotent(
    fresh_server: PgServer, demo_site: SiteSpec, tmp_path: Path
) -> None:
    owner_url = fresh_server.create_database("site")
    owner = open_database(owner_url)
    try:
        seed_site(owner, demo_site, services(owner, keys=tmp_path / "keys"), population=0)
    finally:
        owner.dispose()
    owner_pw = tmp_path / "owner.password"
    owner_pw.write_text(fresh_server.password)
    owner_pw.chmod(0o600)
    env = {ENV_DB_PASSWORD_FILE: str(owner_pw)}
    bare_url = f"postgresql+psycopg://{OWNER}@127.0.0.1:{fresh_server.port}/site"
    folder = tmp_path / "passwords"

    dry = run_cli(tmp_path, "--db", bare_url, "db", "setup", "--dry-run", env=env)
    assert dry.returncode == 0, dry.stderr
    assert 'CREATE ROLE "scc_ws" LOGIN INHERIT;' in dry.stdout
    assert "PASSWORD '********'" in dry.stdout
    assert "SCRAM" not in dry.stdout
    assert 'GRANT SELECT, INSERT ON "audit_log" TO "scc_console";' in dry.stdout
    assert "TRUNCATE" not in dry.stdout.replace("REVOKE ALL", "")
    assert not folder.exists()

    first = run_cli(
        tmp_path, "--db", bare_url, "db", "setup", "--password-dir", str(folder), env=env
    )
    assert first.returncode == 0, first.stderr
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 1 + len(demo_site.communities)
    assert f"{WORKSTATION_ROLE}.password" in files
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for p in folder.iterdir():
        assert stat.S_IMODE(p.stat().st_mode) == 0o600
    ws_password = (folder / f"{WORKSTATION_ROLE}.password").read_text().strip()
    assert ws_password not in first.stdout + first.stderr, "passwords go to files, not the screen"
    assert fresh_server.password not in first.stdout + first.stderr, "nor the owner's"
    assert f"CONSOLE_DB=postgresql+psycopg://{WORKSTATION_ROLE}@127.0.0.1:" in first.stdout
    assert first.stdout.count(" created;") == len(files)
    admin = psycopg.connect(
        host="127.0.0.1",
        port=fresh_server.port,
        user=OWNER,
        password=fresh_server.password,
        dbname="site",
        autocommit=True,
    )
    try:
        after_first = _snapshot(admin)
        second = run_cli(
            tmp_path, "--db", bare_url, "db", "setup", "--password-dir", str(folder), env=env
        )
        assert second.returncode == 0, second.stderr
        assert " created;" not in second.stdout
        assert second.stdout.count("password unchanged") == len(files)
        assert (folder / f"{WORKSTATION_ROLE}.password").read_text().strip() == ws_password
        assert _snapshot(admin) == after_first
    finally:
        admin.close()
    # The written passwords work, through the password file.
    ws_url = f"postgresql+psycopg://{WORKSTATION_ROLE}@127.0.0.1:{fresh_server.port}/site"
    ok = run_cli(
        tmp_path,
        "--db",
        ws_url,
        "site",
        "check",
        env={ENV_DB_PASSWORD_FILE: str(folder / f"{WORKSTATION_ROLE}.password")},
    )
    assert ok.returncode == 0, ok.stderr
    st = open_database(
        f"postgresql+psycopg://{station_role(C02)}:"
        f"{(folder / (station_role(C02) + '.password')).read_text().strip()}"
        f"@127.0.0.1:{fresh_server.port}/site"
    )
    try:
        with st.engine.connect() as conn:
            assert (
                conn.execute(text("SELECT count(DISTINCT community_id) FROM device")).scalar() == 1
            )
    finally:
        st.dispose()


def test_db_setup_as_the_workstation_fails_clearly_and_changes_nothing(
    site: Site, tmp_path: Path
) -> None:
    pw = tmp_path / "ws.password"
    pw.write_text(WORKSTATION_PASSWORD)
    pw.chmod(0o600)
    with site.connect(OWNER, site.srv.password) as conn:
        before = _snapshot(conn)
    proc = run_cli(
        tmp_path,
        "--db",
        site.url(WORKSTATION_ROLE, None),
        "db",
        "setup",
        "--password-dir",
        str(tmp_path / "pw"),
        env={ENV_DB_PASSWORD_FILE: str(pw)},
    )
    assert proc.returncode == 3, proc.stderr
    assert "owner" in proc.stderr
    assert "Traceback" not in proc.stderr
    with site.connect(OWNER, site.srv.password) as conn:
        assert _snapshot(conn) == before


def test_db_setup_takes_powers_away_from_an_existing_role(site: Site) -> None:
    role = station_role(C02)
    admin = site.srv._admin_conn()
    admin.execute(f"ALTER ROLE {role} CREATEDB BYPASSRLS NOINHERIT")
    setup_console_roles(site.owner, sorted(site.ids), STATION_PASSWORDS)
    row = admin.execute(
        "SELECT rolcreatedb, rolbypassrls, rolinherit FROM pg_roles WHERE rolname = %s", (role,)
    ).fetchone()
    assert row == (False, False, True)


def test_db_setup_refuses_a_community_the_database_lacks(site: Site) -> None:
    with pytest.raises(RoleSetupError, match="ZZ9"):
        setup_console_roles(site.owner, [C01, "ZZ9"])


def test_db_setup_on_sqlite_says_roles_are_postgresql_only(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "--db", f"sqlite:///{tmp_path / 'c.db'}", "db", "setup")
    assert proc.returncode == 2
    assert "only on PostgreSQL" in proc.stderr


def test_incident_timelines_follow_their_incident(site: Site, tmp_path: Path) -> None:
    ws = open_database(site.url(WORKSTATION_ROLE, WORKSTATION_PASSWORD))
    try:
        svc = services(ws, keys=tmp_path / "keys")
        sup = svc.signin.principal("supervisor")
        ids = {
            code: svc.incidents.create(sup, title="t", priority=Priority.P3, community=code)
            for code in (C01, C02)
        }
    finally:
        ws.dispose()
    role = station_role(C01)
    with site.connect(role, STATION_PASSWORDS[role]) as conn:
        seen = {
            int(i)
            for (i,) in conn.execute("SELECT DISTINCT incident_id FROM incident_event").fetchall()
        }
    assert ids[C01] in seen
    assert ids[C02] not in seen

"""Sign-in and account changes through definer functions on PostgreSQL"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# Why: every workstation shares one database role, so table grants cannot tell an operator
# from an administrator. With these functions the console role can neither read a password
# hash nor write an account row: sign-in compares a hash the workstation computes from the
# typed password with the stored one inside the server, and opens a server-side session;
# account changes then need a session of an administrator (or of the account itself, for its
# own password). The owner's grants are untouched (seeding and `console user` as the owner).
# SQLite is a single PC's file, whose owner may do anything anyway: nothing changes there.

FUNCTIONS = (
    "scc_login_salt(text)",
    "scc_login(text, text, timestamptz, integer, interval, text)",
    "scc_logout(text, timestamptz)",
    "scc_set_password(text, text, text, timestamptz)",
    "scc_unlock(text, text, timestamptz)",
    "scc_create_user(text, text, text, text, text, text[], text, timestamptz)",
)

_SQL = r"""
CREATE TABLE console_session (
    token_hash text PRIMARY KEY,
    user_id integer NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
    workstation text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    ended_at timestamptz
);
CREATE INDEX ix_console_session_user ON console_session (user_id);
CREATE TABLE console_secret (
    id integer PRIMARY KEY CHECK (id = 1),
    value text NOT NULL
);
INSERT INTO console_secret VALUES (1, gen_random_uuid()::text || gen_random_uuid()::text);

-- The parameters and salt of an account's hash (never the hash), so that the workstation can
-- hash the typed password the same way. An unknown name gets a stable made-up salt with the
-- parameters real accounts use: the answer does not tell which names exist.
CREATE FUNCTION scc_login_salt(p_username text) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    stored text;
    fake text;
BEGIN
    SELECT password_hash INTO stored FROM user_account WHERE username = p_username;
    IF FOUND THEN
        RETURN regexp_replace(stored, '\$[^$]*$', '');
    END IF;
    SELECT password_hash INTO stored FROM user_account ORDER BY id LIMIT 1;
    fake := rtrim(encode(substr(sha256(convert_to(
        (SELECT value FROM console_secret) || p_username, 'UTF8')), 1, 16), 'base64'), '=');
    IF stored IS NULL THEN
        RETURN '$argon2id$v=19$m=65536,t=3,p=4$' || fake;
    END IF;
    RETURN regexp_replace(stored, '\$[^$]*\$[^$]*$', '') || '$' || fake;
END $$;

-- One sign-in attempt: the lockout rules run here, where a workstation cannot skip them
-- (the caller may ask for a stricter policy, never a looser one than 10 tries / 1 minute).
CREATE FUNCTION scc_login(
    p_username text, p_candidate text, p_now timestamptz,
    p_max_failures integer, p_lockout interval, p_workstation text
) RETURNS TABLE (
    outcome text, account_id integer, failures integer, locked_until timestamptz, token text
)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    u user_account;
    tries integer := least(greatest(p_max_failures, 1), 10);
    pause interval := greatest(p_lockout, interval '1 minute');
    failures integer;
    t text;
BEGIN
    SELECT * INTO u FROM user_account WHERE username = p_username FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'unknown'::text, NULL::integer, 0, NULL::timestamptz, NULL::text;
        RETURN;
    END IF;
    IF NOT u.active THEN
        RETURN QUERY SELECT 'disabled'::text, u.id, 0, NULL::timestamptz, NULL::text;
        RETURN;
    END IF;
    IF u.locked_until IS NOT NULL AND p_now < u.locked_until THEN
        RETURN QUERY SELECT 'locked'::text, u.id, 0, u.locked_until, NULL::text;
        RETURN;
    END IF;
    IF p_candidate IS NULL OR sha256(convert_to(u.password_hash, 'UTF8'))
            <> sha256(convert_to(p_candidate, 'UTF8')) THEN
        failures := u.failed_attempts + 1;
        IF failures >= tries THEN
            UPDATE user_account SET failed_attempts = 0, locked_until = p_now + pause
                WHERE id = u.id;
            RETURN QUERY SELECT 'locked_now'::text, u.id, failures, p_now + pause, NULL::text;
        ELSE
            UPDATE user_account SET failed_attempts = failures WHERE id = u.id;
            RETURN QUERY SELECT 'bad'::text, u.id, failures, NULL::timestamptz, NULL::text;
        END IF;
        RETURN;
    END IF;
    UPDATE user_account SET failed_attempts = 0, locked_until = NULL, last_login_at = p_now
        WHERE id = u.id;
    t := replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
    INSERT INTO console_session VALUES (
        encode(sha256(convert_to(t, 'UTF8')), 'hex'), u.id, left(p_workstation, 16),
        p_now, p_now + interval '16 hours', NULL);
    RETURN QUERY SELECT 'ok'::text, u.id, 0, NULL::timestamptz, t;
END $$;

-- The account behind a live session, or an error; `admin` demands an administrator.
CREATE FUNCTION scc_session_user(p_token text, p_now timestamptz, p_admin boolean)
RETURNS user_account
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    u user_account;
    r text;
BEGIN
    SELECT a.* INTO u FROM console_session s JOIN user_account a ON a.id = s.user_id
        WHERE s.token_hash = encode(sha256(convert_to(coalesce(p_token, ''), 'UTF8')), 'hex')
          AND s.ended_at IS NULL AND p_now < s.expires_at;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no signed-in session' USING ERRCODE = '42501';
    END IF;
    IF NOT u.active OR (u.locked_until IS NOT NULL AND p_now < u.locked_until) THEN
        RAISE EXCEPTION USING MESSAGE = 'account disabled or locked: ' || u.username,
            ERRCODE = '42501';
    END IF;
    SELECT name INTO r FROM role WHERE id = u.role_id;
    IF p_admin AND r IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION USING MESSAGE = 'not an administrator: ' || u.username,
            ERRCODE = '42501';
    END IF;
    RETURN u;
END $$;

CREATE FUNCTION scc_logout(p_token text, p_now timestamptz) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    UPDATE console_session SET ended_at = p_now
    WHERE token_hash = encode(sha256(convert_to(coalesce(p_token, ''), 'UTF8')), 'hex')
      AND ended_at IS NULL;
$$;

-- A new hash for one's own account, or for anyone's by an administrator.
CREATE FUNCTION scc_set_password(
    p_token text, p_username text, p_hash text, p_now timestamptz
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    me user_account;
BEGIN
    me := scc_session_user(p_token, p_now, false);
    IF me.username <> p_username THEN
        PERFORM scc_session_user(p_token, p_now, true);
    END IF;
    IF p_hash IS NULL OR left(p_hash, 7) <> '$argon2' THEN
        RAISE EXCEPTION 'not a password hash' USING ERRCODE = '22023';
    END IF;
    UPDATE user_account SET password_hash = p_hash, failed_attempts = 0, locked_until = NULL
        WHERE username = p_username;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING MESSAGE = 'no user ' || p_username, ERRCODE = 'P0002';
    END IF;
END $$;

CREATE FUNCTION scc_unlock(p_token text, p_username text, p_now timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM scc_session_user(p_token, p_now, true);
    UPDATE user_account SET failed_attempts = 0, locked_until = NULL WHERE username = p_username;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING MESSAGE = 'no user ' || p_username, ERRCODE = 'P0002';
    END IF;
END $$;

CREATE FUNCTION scc_create_user(
    p_token text, p_username text, p_display_name text, p_hash text, p_role text,
    p_communities text[], p_department text, p_now timestamptz
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    rid integer;
    uid integer;
    found_codes integer;
    did integer;
BEGIN
    PERFORM scc_session_user(p_token, p_now, true);
    IF p_hash IS NULL OR left(p_hash, 7) <> '$argon2' THEN
        RAISE EXCEPTION 'not a password hash' USING ERRCODE = '22023';
    END IF;
    IF p_role = 'station' AND coalesce(cardinality(p_communities), 0) = 0 THEN
        RAISE EXCEPTION 'a station account needs its community' USING ERRCODE = '22023';
    END IF;
    SELECT count(*) INTO found_codes FROM community WHERE code = ANY(p_communities);
    IF found_codes <> coalesce(cardinality(p_communities), 0) THEN
        RAISE EXCEPTION USING MESSAGE = 'unknown community', ERRCODE = '22023';
    END IF;
    IF p_department IS NOT NULL THEN
        SELECT id INTO did FROM department WHERE code = p_department;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING MESSAGE = 'unknown department', ERRCODE = '22023';
        END IF;
    END IF;
    SELECT id INTO rid FROM role WHERE name = p_role;
    IF NOT FOUND THEN
        INSERT INTO role (name, description) VALUES (p_role, '') RETURNING id INTO rid;
    END IF;
    INSERT INTO user_account (username, display_name, password_hash, role_id, department_id,
                              active, failed_attempts, created_at)
        VALUES (p_username, p_display_name, p_hash, rid, did, true, 0, p_now)
        RETURNING id INTO uid;
    INSERT INTO user_community (user_id, community_id)
        SELECT uid, id FROM community WHERE code = ANY(p_communities);
    RETURN uid;
END $$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.get_bind().exec_driver_sql(_SQL)
    # Functions are executable by PUBLIC by default: only the console's group may call them
    # (granted by `console db setup`); the session helper is not called from outside at all.
    for signature in (*FUNCTIONS, "scc_session_user(text, timestamptz, boolean)"):
        op.execute(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for signature in (*FUNCTIONS, "scc_session_user(text, timestamptz, boolean)"):
        op.execute(f"DROP FUNCTION {signature}")
    op.execute("DROP TABLE console_secret")
    op.execute("DROP TABLE console_session")

"""Disabling and enabling accounts through a definer function on PostgreSQL"""

from __future__ import annotations

from alembic import op

revision = "0038"
down_revision = "0037"
branch_labels = None
depends_on = None

# Why: the console's role may not write account rows (0016), so an administrator's session
# disables an account inside the server. Disabling also ends the account's open sessions: a
# console signed in with it can no longer change accounts or anything the server checks by
# session. An administrator cannot disable their own account, nor the last active
# administrator (nobody could then manage accounts from a console).
SIGNATURE = "scc_set_active(text, text, boolean, timestamptz)"

_SQL = r"""
CREATE FUNCTION scc_set_active(
    p_token text, p_username text, p_active boolean, p_now timestamptz
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    me user_account;
    u user_account;
    admins integer;
BEGIN
    me := scc_session_user(p_token, p_now, true);
    SELECT * INTO u FROM user_account WHERE username = p_username FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING MESSAGE = 'no user ' || p_username, ERRCODE = 'P0002';
    END IF;
    IF NOT p_active THEN
        IF u.id = me.id THEN
            RAISE EXCEPTION 'an administrator cannot disable their own account'
                USING ERRCODE = '22023';
        END IF;
        -- Every active administrator's row locked first: two administrators disabling each
        -- other at once would each count the other and leave none.
        PERFORM 1 FROM user_account a JOIN role r ON r.id = a.role_id
            WHERE r.name = 'admin' AND a.active ORDER BY a.id FOR UPDATE OF a;
        SELECT count(*) INTO admins FROM user_account a JOIN role r ON r.id = a.role_id
            WHERE r.name = 'admin' AND a.active AND a.id <> u.id;
        IF admins = 0 AND (SELECT name FROM role WHERE id = u.role_id) = 'admin' THEN
            RAISE EXCEPTION 'the last active administrator cannot be disabled'
                USING ERRCODE = '22023';
        END IF;
        UPDATE console_session SET ended_at = p_now WHERE user_id = u.id AND ended_at IS NULL;
    END IF;
    UPDATE user_account SET active = p_active WHERE id = u.id;
END $$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.get_bind().exec_driver_sql(_SQL)
    # Only the console's group may call it (granted by `console db setup`).
    op.execute(f"REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP FUNCTION {SIGNATURE}")
